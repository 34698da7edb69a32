"""The library run on a public data set's texts, as a user would run it: a folder of .txt files."""

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
        extract(seeds, out, warn=lambda message: None, workers=workers, cache_dir=None)
        read = lambda name: pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False)  # noqa: E731
        clean = {p.stem: p.read_text(encoding="utf-8") for p in sorted((out / "clean").glob("*.txt"))}
        return Extraction(read("actors"), read("mentions"), clean)
