"""The output tables of a run, built from the records of each stage."""

from dataclasses import asdict

import pandas as pd

from .corpus import Document

DOCUMENT_COLUMNS = [
    "doc_id", "source_file", "status", "reason", "encoding", "title", "outlet", "url",
    "published", "date_basis", "date_stated", "date_inferred", "date_conflict", "case",
    "chars_raw", "chars_clean", "sha256",
]
LINE_COLUMNS = ["doc_id", "line", "shape", "kept", "reason", "text"]


def documents_table(docs: list[Document]) -> pd.DataFrame:
    rows = [{k: v for k, v in asdict(d).items() if k in DOCUMENT_COLUMNS} for d in docs]
    return pd.DataFrame(rows, columns=DOCUMENT_COLUMNS).sort_values("doc_id", kind="stable")


def lines_table(docs: list[Document]) -> pd.DataFrame:
    """Every non-blank line of every decoded file, kept or dropped, with the reason."""
    rows = [
        {"doc_id": d.doc_id, "line": l.number, "shape": l.shape, "kept": l.kept, "reason": l.reason, "text": l.text.strip()}
        for d in docs
        for l in d.lines
    ]
    return pd.DataFrame(rows, columns=LINE_COLUMNS)
