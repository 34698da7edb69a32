"""Deterministic tables and an output folder replaced whole or not at all."""

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

LIST_SEPARATOR = " | "


def write_table(df: pd.DataFrame, path: Path) -> None:
    """Write ``df`` as UTF-8 CSV with Unix line ends, the same bytes for the same frame."""
    df.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")


def join_list(values) -> str:
    """A list column's cell: the non-empty values joined with ' | '."""
    return LIST_SEPARATOR.join(str(v) for v in values if v not in ("", None))


def split_list(cell: str) -> list[str]:
    """The values of a list column's cell, in order; an empty cell is an empty list."""
    return [v for v in str(cell).split(LIST_SEPARATOR) if v] if cell else []


@contextmanager
def staged_output(out_dir: Path):
    """Yield a fresh folder that replaces ``out_dir`` only when the block succeeds.

    A run that fails or is interrupted leaves the previous outputs as they were.
    """
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.staging-", dir=out_dir.parent))
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    previous = out_dir.with_name(f".{out_dir.name}.previous")
    shutil.rmtree(previous, ignore_errors=True)
    if out_dir.exists():
        os.replace(out_dir, previous)
    os.replace(staging, out_dir)
    shutil.rmtree(previous, ignore_errors=True)
