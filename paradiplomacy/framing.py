"""How a page frames the territories it names: words of occupation, of the Russian
official narrative, of Ukrainian sovereignty or of the Union State.

Markers are counted separately in the article and in the rest of the page (the
outlet's own chrome), because an outlet's stance often shows in its headlines
and appeals more than in a republished press release.
"""

import re
from functools import lru_cache

import pandas as pd

from .datafiles import read_data

FRAMING_COLUMNS = ["doc_id", "frame", "marker", "where", "count", "example"]


@lru_cache(maxsize=1)
def markers() -> list[tuple[str, str, re.Pattern]]:
    return [(row["marker"], row["frame"], re.compile(row["pattern"], re.I)) for row in read_data("framing.csv")]


def framing_rows(doc) -> list[dict]:
    """The markers found in a clean document's article and in the rest of its page."""
    page_rest = "\n".join(l.text for l in doc.lines if not l.kept)
    rows = []
    for where, text in (("article", doc.text), ("page", page_rest)):
        for marker, frame, pattern in markers():
            found = [m.group(0) for m in pattern.finditer(text)]
            if found:
                rows.append({"doc_id": doc.doc_id, "frame": frame, "marker": marker, "where": where,
                             "count": len(found), "example": found[0][:80]})
    return rows


def framing_table(rows_by_document) -> pd.DataFrame:
    return pd.DataFrame([row for rows in rows_by_document for row in rows], columns=FRAMING_COLUMNS)
