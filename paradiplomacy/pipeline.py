"""One run: a seeds folder in, the tables of every stage out."""

import hashlib
import json
from pathlib import Path

import pandas as pd

from . import __version__
from .corpus import input_files, load_corpus
from .output import staged_output, write_table
from .tables import documents_table, lines_table


def extract(seeds_dir: Path, out_dir: Path, warn=None) -> dict:
    """Run every stage on ``seeds_dir`` and replace ``out_dir`` with the results.

    Returns counts of documents by status, for the summary line.
    """
    fingerprint = seeds_fingerprint(Path(seeds_dir))
    docs = load_corpus(Path(seeds_dir), warn=warn)
    with staged_output(Path(out_dir)) as staging:
        (staging / "run.json").write_text(json.dumps(fingerprint, indent=1, sort_keys=True) + "\n")
        write_table(documents_table(docs), staging / "documents.csv")
        write_table(lines_table(docs), staging / "lines.csv")
        clean = staging / "clean"
        clean.mkdir()
        for doc in docs:
            if doc.status == "ok":
                (clean / f"{doc.doc_id}.txt").write_text(doc.text, encoding="utf-8")
    counts = {"documents": len(docs)}
    for status in ("ok", "skipped", "duplicate"):
        counts[status] = sum(d.status == status for d in docs)
    return counts


def seeds_fingerprint(seeds_dir: Path) -> dict:
    """What a run's outputs depend on: the pipeline version and every input file's bytes."""
    files = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in input_files(seeds_dir)}
    manifest = seeds_dir / "manifest.csv"
    if manifest.exists():
        files[manifest.name] = hashlib.sha256(manifest.read_bytes()).hexdigest()
    return {"version": __version__, "files": files}


def load_tables(seeds_dir, data_dir) -> dict[str, pd.DataFrame]:
    """The output tables for ``seeds_dir``, extracting first if ``data_dir`` is missing or stale."""
    seeds_dir, data_dir = Path(seeds_dir), Path(data_dir)
    run_file = data_dir / "run.json"
    if not run_file.exists() or json.loads(run_file.read_text()) != seeds_fingerprint(seeds_dir):
        extract(seeds_dir, data_dir)
    return {p.stem: pd.read_csv(p, keep_default_na=False) for p in sorted(data_dir.glob("*.csv"))}
