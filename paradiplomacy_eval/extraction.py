"""The library run on a public data set's texts, as a user would run it: a folder of .txt files."""

import argparse
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from paradiplomacy.pipeline import extract


@dataclass
class Extraction:
    actors: pd.DataFrame
    mentions: pd.DataFrame
    clean: dict  # doc_id -> the clean text the mentions' offsets point into


def extract_texts(texts: list[Path], workers: int = 1) -> Extraction:
    """Extract ``texts`` (linked into a temporary folder, nothing copied into the project) and read the tables back."""
    with tempfile.TemporaryDirectory() as tmp:
        seeds, out = Path(tmp) / "in", Path(tmp) / "out"
        seeds.mkdir()
        for text in texts:
            (seeds / text.name).symlink_to(text.resolve())
        extract(seeds, out, warn=lambda message: None, workers=workers, cache_dir=None, parse_all=True)
        read = lambda name: pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False)  # noqa: E731
        clean = {p.stem: p.read_text(encoding="utf-8") for p in sorted((out / "clean").glob("*.txt"))}
        return Extraction(read("actors"), read("mentions"), clean)


def public_gold_command(argv, description: str, data_set: str, label: str, sets: list[str], book_csv: str,
                        realnews: Path) -> tuple[argparse.Namespace, Path | None]:
    """The command line every scorer of a public data set shares (--set, --realnews, --workers, --errors, --out):
    the arguments, and the folder of the chosen set, or None (said on stdout) where it is absent."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", default=sets[0], choices=sets)
    parser.add_argument("--realnews", type=Path, default=realnews, help="the shared real-news folder")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--errors", type=int, default=0, help="print up to N errors of the project per measure")
    parser.add_argument("--out", type=Path, default=None, help=f"CSV for the book ({book_csv})")
    args = parser.parse_args(argv)
    folder = args.realnews / data_set / args.set
    if not folder.is_dir():
        print(f"{folder} is absent: {label} not scored")
        return args, None
    return args, folder
