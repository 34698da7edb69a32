"""Screenshots of the built book with headless Chromium: the landing page, a case chapter, the
comparison, the register and a corpus page, to look at after `make book`.

    python scripts/screenshots.py [--html _build/html] [--out _build/screenshots] [--chromium /usr/bin/chromium]

Exits 0 with a message when Chromium is not installed (Debian: apt-get install chromium).
"""

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

PAGES = ("book/intro", "book/01_lipetsk", "book/04_comparison", "book/06_register", "book/corpus/article-001")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--html", default="_build/html")
    parser.add_argument("--out", default="_build/screenshots")
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--size", default="1280,2400", help="window width,height in pixels")
    args = parser.parse_args()
    if not Path(args.chromium).exists():
        print(f"no Chromium at {args.chromium}: no screenshots taken")
        return 0
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for page in PAGES:
        target = out / (page.replace("/", "_") + ".png")
        url = (Path(args.html) / f"{page}.html").resolve().as_uri()
        subprocess.run([args.chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                        f"--window-size={args.size}", f"--screenshot={target}", url], check=True, capture_output=True, timeout=120)
        print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
