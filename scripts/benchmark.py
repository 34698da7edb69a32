"""Benchmark: the project's extraction against natasha's own pipeline on the same texts.

Builds corpora of N articles from the seeds and the test texts (each copy made
distinct by a last line of its own, which the corpus stage drops as chrome),
runs ``python -m paradiplomacy extract`` on each in a fresh process, then runs
natasha's segmenter, morphology tagger, syntax parser and NER (no project code)
over the same clean article texts, and prints documents per second, seconds
per MB of input, peak memory and the ratio of the two.

    python scripts/benchmark.py [--sizes 100 1000 5000] [--workers 2] [--out book/benchmark.csv]
"""

import argparse
import csv
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(ROOT.glob("seeds/*.txt")) + sorted(ROOT.glob("tests/data/*/*.txt"))
LETTERS = "абвгдеёжзийклмнопрстуфхцчшщэюя"

NATASHA_ONLY = """
import sys
from pathlib import Path
from natasha import Doc, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter
segmenter = Segmenter()
embedding = NewsEmbedding()
morph, syntax, ner = NewsMorphTagger(embedding), NewsSyntaxParser(embedding), NewsNERTagger(embedding)
for path in sorted(Path(sys.argv[1]).glob("*.txt")):
    doc = Doc(path.read_text(encoding="utf-8"))
    doc.segment(segmenter)
    doc.tag_morph(morph)
    doc.parse_syntax(syntax)
    doc.tag_ner(ner)
"""


def word(i: int) -> str:
    """A distinct Cyrillic word for copy ``i`` (digits would not make lines distinct)."""
    out = ""
    while True:
        out = LETTERS[i % len(LETTERS)] + out
        i //= len(LETTERS)
        if not i:
            return out


def build_corpus(folder: Path, n: int) -> int:
    folder.mkdir(parents=True)
    size = 0
    for i in range(n):
        source = SOURCES[i % len(SOURCES)]
        text = source.read_text(encoding="utf-8") + f"\n\nВыпуск {word(i)}\n"
        (folder / f"{i:05d}_{source.stem}.txt").write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
    return size


def timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MiB) of a command run in a fresh process."""
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")
    # ru_maxrss over children is the largest single process so far: an upper bound for this run.
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def measure(n: int, workers: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        size = build_corpus(tmp / "seeds", n)
        extract = [sys.executable, "-m", "paradiplomacy", "extract", str(tmp / "seeds"), "--cache", "none"]
        ours_s, ours_mem = timed(extract + ["--out", str(tmp / "out")])
        floor_s, floor_mem = timed([sys.executable, "-c", NATASHA_ONLY, str(tmp / "out" / "clean")])
        parallel_s, _ = timed(extract + ["--out", str(tmp / "out2"), "--workers", str(workers)])
    mb = size / 1e6
    return {
        "articles": n, "input_mb": round(mb, 2),
        "docs_per_s": round(n / ours_s, 1), "s_per_mb": round(ours_s / mb, 1), "peak_mib": round(ours_mem),
        "natasha_docs_per_s": round(n / floor_s, 1), "natasha_s_per_mb": round(floor_s / mb, 1),
        "ratio_to_natasha": round(ours_s / floor_s, 2),
        f"docs_per_s_{workers}_workers": round(n / parallel_s, 1), "speedup": round(ours_s / parallel_s, 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, help="also write the figures to this CSV")
    args = parser.parse_args()
    rows = []
    for n in args.sizes:
        row = measure(n, args.workers)
        rows.append(row)
        print(", ".join(f"{k}={v}" for k, v in row.items()), flush=True)
    if args.out:
        with args.out.open("w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
