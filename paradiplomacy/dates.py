"""Dates in Russian news text: stated dates, years of reported events, relative phrases.

Dates are ISO strings whose length shows their precision: ``2025``, ``2025-12``,
``2025-12-07``.
"""

import re
from dataclasses import dataclass

MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6,
    "июл": 7, "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}
MONTH_RE = r"(январ\w*|феврал\w*|март\w*|апрел\w*|ма[йяе]\b|июн\w*|июл\w*|август\w*|сентябр\w*|октябр\w*|ноябр\w*|декабр\w*)"

# Order matters: the first pattern that matches a span wins.
DATE_PATTERNS = [
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    ("dotted", re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")),
    ("spelled", re.compile(r"\b(\d{1,2})\s+" + MONTH_RE + r"\s+(\d{4})", re.I)),
]
TIME_RE = re.compile(r"(?<!\d)([01]?\d|2[0-3]):[0-5]\d\b")
RELATIVE_AGO_RE = re.compile(
    r"\b\d+\s+(секунд|минут|час|дн|день|недел|месяц|год|лет)\w*\s+назад", re.I
)
YEAR_RE = re.compile(
    r"(?:\b(?:в|во|с|до|к|на|за|по|от|около)\s+)?((?:19|20)\d{2})(?:\s*(?:г\.|год\w*))"
    r"|[-–]((?:19|20)\d{2})\b"
)
MONTH_YEAR_RE = re.compile(MONTH_RE + r"\s+((?:19|20)\d{2})", re.I)
YEAR_DIGITS = re.compile(r"\d{4}")  # every pattern above needs four digits in a row: a cheap first test


@dataclass
class DateMention:
    start: int
    stop: int
    iso: str


def month_number(word: str) -> int:
    word = word.lower()
    for stem, number in sorted(MONTHS.items(), key=lambda kv: -len(kv[0])):
        if word.startswith(stem):
            return number
    raise ValueError(word)


def find_dates(text: str) -> list[DateMention]:
    """Return the full calendar dates written in ``text``, in order."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    if not YEAR_DIGITS.search(text):
        return found
    for kind, pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            if kind == "iso":
                y, mo, d = int(m[1]), int(m[2]), int(m[3])
            elif kind == "dotted":
                d, mo, y = int(m[1]), int(m[2]), int(m[3])
            else:
                d, mo, y = int(m[1]), month_number(m[2]), int(m[3])
            if 1 <= mo <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100:
                found.append(DateMention(m.start(), m.end(), f"{y:04d}-{mo:02d}-{d:02d}"))
                taken.append((m.start(), m.end()))
    return sorted(found, key=lambda x: x.start)


def has_time_marker(text: str) -> bool:
    """True if ``text`` carries a date, a clock time or an 'N days ago' phrase."""
    return bool(find_dates(text) or TIME_RE.search(text) or RELATIVE_AGO_RE.search(text))


def years_mentioned(text: str) -> list[DateMention]:
    """Return year-level mentions ("в 2024 году", "Белагро-2025", "в марте 2024 года")."""
    found = []
    if not YEAR_DIGITS.search(text):
        return found
    for m in MONTH_YEAR_RE.finditer(text):
        found.append(DateMention(m.start(), m.end(), f"{m[2]}-{month_number(m[1]):02d}"))
    for m in YEAR_RE.finditer(text):
        if any(f.start <= m.start() < f.stop for f in found):
            continue
        found.append(DateMention(m.start(), m.end(), m[1] or m[2]))
    return sorted(found, key=lambda x: x.start)


RELATIVE_YEAR = {"прошл": -1, "позапрошл": -2, "текущ": 0, "этого": 0, "нынешн": 0, "следующ": 1, "будущ": 1}
RELATIVE_RE = re.compile(
    r"\b(?:в|во)\s+(?:(начале|середине|конце)\s+|" + MONTH_RE + r"\s+)?"
    r"(позапрошлого|прошлого|текущего|этого|нынешнего|следующего|будущего)\s+года",
    re.I,
)


def resolve_relative(text: str, anchor: str) -> list[DateMention]:
    """Resolve "в августе прошлого года", "в начале следующего года" against ``anchor``."""
    if not anchor:
        return []
    base_year = int(anchor[:4])
    found = []
    for m in RELATIVE_RE.finditer(text):
        word = m[3].lower()
        shift = next(v for k, v in RELATIVE_YEAR.items() if word.startswith(k))
        year = base_year + shift
        iso = f"{year:04d}-{month_number(m[2]):02d}" if m[2] else f"{year:04d}"
        found.append(DateMention(m.start(), m.end(), iso))
    return found
