"""Which of the report's cases a document belongs to.

The cases are the research design, kept in ``data/cases.csv``: each has a
pattern for the territory that defines it, and the file's order is the order of
precedence (a Lipetsk article about the DPR belongs to the DPR case).
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from .datafiles import read_data

OTHER = "other"


@dataclass
class Case:
    case: str
    label: str
    pattern: re.Pattern
    description: str
    order: int  # position in the book; the file's row order is the precedence


@lru_cache(maxsize=1)
def load_cases() -> tuple[Case, ...]:
    return tuple(
        Case(row["case"], row["label"], re.compile(row["pattern"], re.I), row["description"], int(row["order"]))
        for row in read_data("cases.csv")
    )


def case_names() -> list[str]:
    """The cases in the book's order, then 'other'."""
    return [c.case for c in sorted(load_cases(), key=lambda c: c.order)] + [OTHER]


def assign_case(title: str, body: str) -> str:
    """Return the first case, in order of precedence, that the document is about.

    A document is about a territory that its title names or that its body names
    at least twice; a single passing mention decides only when nothing else does.
    """
    counts = {c.case: len(c.pattern.findall(body)) for c in load_cases()}
    for case in load_cases():
        if case.pattern.search(title) or counts[case.case] >= 2:
            return case.case
    mentioned = [c.case for c in load_cases() if counts[c.case]]
    return mentioned[0] if mentioned else OTHER
