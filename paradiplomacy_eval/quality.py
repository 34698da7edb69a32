"""The quality table: every stage scored on the seeds, the extra texts and each holdout set."""

from pathlib import Path

import pandas as pd

from paradiplomacy.pipeline import read_tables

from .scores import quality_table

FIRST_LOOK = ", first look (before any fix)"  # how a set's first score is named beside its current one


def holdout_sets(data_dir, holdout_dirs, gold_dir) -> list[tuple[str, Path, Path, Path]]:
    """(label, texts, outputs, gold) of each written set (texts written for testing, each a holdout at its first
    look), in the order written: "written set 1", "written set 2", ...; outputs beside ``data_dir``, gold in
    ``gold_dir`` under the folder's name."""
    data_dir, gold_dir = Path(data_dir), Path(gold_dir)
    return [(f"written set {i + 1}", Path(h), data_dir.with_name(f"{data_dir.name}-{Path(h).name}"), gold_dir / Path(h).name)
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
            first_looks.append(first.assign(corpus=label + FIRST_LOOK))
    counts = {"gold": "Int64", "predicted": "Int64", "correct": "Int64"}  # stay whole numbers beside the first looks' blanks
    return pd.concat([table, *first_looks], ignore_index=True)[table.columns].astype(counts)


def by_measure(scores: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The quality table (``quality``) as one table per measure: a row per set with its gold count, its first look
    where one was recorded, and its score now."""
    first = scores[scores.corpus.str.endswith(FIRST_LOOK)].assign(corpus=lambda f: f.corpus.str.removesuffix(FIRST_LOOK))
    now = scores[~scores.corpus.str.endswith(FIRST_LOOK)]
    tables = {}
    for measure, rows in now.groupby("measure", sort=False):
        looked = first[first.measure == measure].set_index("corpus")
        table = pd.DataFrame({
            "set": rows.corpus.values,
            "gold": rows.gold.values,
            "first look: precision / recall": [f"{looked.precision[c]:.2f} / {looked.recall[c]:.2f}" if c in looked.index else ""
                                              for c in rows.corpus],
            "now: precision / recall": [f"{p:.2f} / {r:.2f}" for p, r in zip(rows.precision, rows.recall)],
            "now: F1": [f"{f:.2f}" for f in rows.f1],
        })
        if rows.status_accuracy.notna().any():
            table["stage right"] = [f"{s:.0%}" if pd.notna(s) else "" for s in rows.status_accuracy]
        tables[measure] = table
    return tables
