"""Code values of the codebook in the book's English: labels for codes, durations and small counts,
and the list of codes that must not stand in running text (the codebook appendix alone shows them)."""

import re
from functools import lru_cache

from paradiplomacy.codebook import kinds, statuses
from paradiplomacy.datafiles import read_data

NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day"}


@lru_cache(maxsize=1)
def labels() -> dict[str, str]:
    return {row["code"]: row["english"] for row in read_data("code_labels.csv", __package__)}


@lru_cache(maxsize=1)
def marker_labels() -> dict[str, str]:
    return {row["marker"]: row["description"] for row in read_data("framing.csv")}


def label(code: str) -> str:
    """"cooperation_agreement" → "cooperation agreement", "russian_official" → "Russian official"."""
    return labels().get(code, code.replace("_", " "))


def marker_label(marker: str) -> str:
    """A framing marker ("republic_unquoted") as what it means, from paradiplomacy/data/framing.csv."""
    return marker_labels().get(marker, label(marker))


def in_words(n: int, noun: str = "", plural: str = "") -> str:
    """3 → "three", 12 → "12"; with a noun, "one agreement", "three agreements"."""
    number = NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else f"{n:,}"
    if not noun:
        return number
    return f"{number} {noun if n == 1 else (plural or noun + 's')}"


def in_ten(share: float) -> str:
    """A share as how many in ten, in words, without rounding it in either direction: "about six" where it lies within
    a fifth of a whole tenth (0.58 to 0.62), else the two tenths it lies between (0.56 → "between five and six", 0.25
    → "between two and three")."""
    tenths = 10 * share
    nearest = int(tenths + 0.5)
    if abs(tenths - nearest) <= 0.2:
        return f"about {in_words(nearest)}"
    return f"between {in_words(int(tenths))} and {in_words(int(tenths) + 1)}"


def duration(iso: str) -> str:
    """"P5Y" → "five years"; "" stays ""."""
    match = re.fullmatch(r"P(\d+)([YMWD])", iso or "")
    if not match:
        return iso or ""
    return in_words(int(match[1]), UNITS[match[2]])


@lru_cache(maxsize=1)
def code_values() -> frozenset[str]:
    """Every code of the codebook's value lists that reads as a code (words joined by underscores):
    kinds, statuses, framing frames and markers, relation types, categories."""
    text = " ".join(row["meaning"] for row in read_data("codebook.csv"))
    text += " " + " ".join(list(kinds()) + list(statuses()))
    text += " " + " ".join(row["frame"] + " " + row["marker"] for row in read_data("framing.csv"))
    names = {row["column"] for row in read_data("codebook.csv")} | {row["table"] for row in read_data("codebook.csv")}
    return frozenset(re.findall(r"(?<![:\w])[a-z]+(?:_[a-z]+)+\b", text)) - names  # not og:site_name, nor a table's name


ISO_DURATION = re.compile(r"\bP\d+[YMWD]\b")
