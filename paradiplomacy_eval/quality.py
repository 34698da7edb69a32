"""The quality table: every stage scored on the seeds, the extra texts and each holdout set."""

from pathlib import Path

import pandas as pd

from paradiplomacy.pipeline import read_tables

from .scores import quality_table

ORDINALS = ["", "second ", "third ", "fourth ", "fifth ", "sixth "]


def holdout_sets(data_dir, holdout_dirs, gold_dir) -> list[tuple[str, Path, Path, Path]]:
    """(label, texts, outputs, gold) of each holdout set, in the order written: "holdout texts",
    "second holdout texts", ...; outputs beside ``data_dir``, gold in ``gold_dir`` under the folder's name."""
    data_dir, gold_dir = Path(data_dir), Path(gold_dir)
    return [(f"{ORDINALS[i]}holdout texts", Path(h), data_dir.with_name(f"{data_dir.name}-{Path(h).name}"), gold_dir / Path(h).name)
            for i, h in enumerate(holdout_dirs)]


def quality(seeds_dir, data_dir, extra_dir, holdout_dirs, gold_dir) -> pd.DataFrame:
    """The quality table of every stage on the seeds, the extra texts and each holdout set.

    Reads the tables of the test corpora beside ``data_dir`` (``data-extra``, ``data-holdout``, ...),
    which ``make data`` makes; never extracts.
    """
    data_dir, gold_dir = Path(data_dir), Path(gold_dir)
    sets = [("seeds", seeds_dir, data_dir, gold_dir), ("extra texts", extra_dir, data_dir.with_name(data_dir.name + "-extra"), gold_dir)]
    sets += holdout_sets(data_dir, holdout_dirs, gold_dir)
    corpora = [(label, read_tables(source, out), out / "clean", gold) for label, source, out, gold in sets]
    table = quality_table(corpora)
    # A holdout set scored before any rule was fixed on it keeps that first score beside the current
    # one, once a fix has moved the current one away from it.
    first_looks = []
    for label, _, _, gold in corpora:
        if gold == gold_dir or not (gold / "first_look.csv").exists():
            continue
        first = pd.read_csv(gold / "first_look.csv")
        first = first.assign(measure=first.measure.replace({"keyword baseline": "agreements, keyword baseline"}))
        now = table[table.corpus == label].set_index("measure")
        moved = [f"{now.precision.get(r.measure, -1):.2f}" != f"{r.precision:.2f}" or f"{now.recall.get(r.measure, -1):.2f}" != f"{r.recall:.2f}"
                 for r in first.itertuples()]
        if any(moved):
            first_looks.append(first.assign(corpus=f"{label}, first look (before any fix)"))
    counts = {"gold": "Int64", "predicted": "Int64", "correct": "Int64"}  # stay whole numbers beside the first looks' blanks
    return pd.concat([table, *first_looks], ignore_index=True)[table.columns].astype(counts)
