"""Separate an article from the site chrome it was scraped with.

Every line of a page gets a shape (sentence, headline, short, timestamp, ticker,
numeric, repeated). The article is the longest run of sentence lines; its
title is the nearest headline above that run. Everything else is chrome, and
each dropped line keeps the reason it was dropped, so the book can show it.
The rules look only at the shape of lines, never at the words of one site.
"""

import hashlib
import re
from dataclasses import dataclass

from .dates import find_dates, has_time_marker

WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
LETTER = re.compile(r"[^\W\d_]")
SENTENCE_END = re.compile(r"[.!?…][»\"”')\]]*$")
TIME = re.compile(r"(?<!\d)([01]?\d|2[0-3]):[0-5]\d")
# A date marker glued to the front of the first article line: "date 2012-12-28 Текст".
LEADING_DATE = re.compile(r"^\s*(?:[^\W\d_]{2,12}:?\s+)?(\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4})\s+(?=[«\"(]?[А-ЯЁA-Z])")
# Run-together sentences ("Рогожник.«Договорились") need a space for the segmenter.
GLUED_SENTENCES = re.compile(r"(?<=[а-яёa-z0-9%»\"”)])([.!?…]+)(?=[«\"“(]?[А-ЯЁA-Z])")

MIN_SENTENCE_WORDS = 5
HEADLINE_WORDS = (3, 25)
TITLE_LOOKBACK = 14  # non-blank lines searched above the article for its headline
REPEATED_MIN_CHARS = 30


@dataclass
class Line:
    number: int  # 1-based, in the decoded file
    text: str
    shape: str
    kept: bool = False
    reason: str = ""


def words(text: str) -> list[str]:
    return WORD.findall(text)


def line_shape(text: str) -> str:
    """Return the shape of one line of a scraped page."""
    stripped = text.strip()
    if not stripped:
        return "blank"
    letters = len(LETTER.findall(stripped))
    if len(TIME.findall(stripped)) >= 3:
        return "ticker"
    n_words = len(words(stripped))
    if n_words >= MIN_SENTENCE_WORDS and SENTENCE_END.search(stripped) and not stripped.endswith(":"):
        return "sentence"
    if has_time_marker(stripped):
        return "timestamp"
    if letters < 0.5 * len(stripped.replace(" ", "")):
        return "numeric"
    low, high = HEADLINE_WORDS
    if low <= n_words <= high and not stripped.endswith((":", ",")) and stripped[0].isupper() | (stripped[0] in "«\""):
        return "headline"
    return "short"


def line_key(text: str) -> str:
    """Hash of a line's words, for finding lines that recur across documents."""
    norm = " ".join(w.lower() for w in words(text))
    return hashlib.sha1(norm.encode()).hexdigest()


def repeatable_keys(text: str) -> set[str]:
    """Keys of the lines long enough to count as boilerplate when they recur."""
    return {line_key(l) for l in text.split("\n") if len(l.strip()) >= REPEATED_MIN_CHARS}


@dataclass
class Article:
    title: str
    body: str
    lines: list[Line]
    header_dates: list[str]  # ISO dates found in the page header or glued to the first line


def extract_article(text: str, boilerplate: frozenset[str] = frozenset()) -> Article:
    """Return the article in ``text``; ``boilerplate`` holds keys of lines seen in other documents."""
    lines = [Line(i + 1, t, line_shape(t)) for i, t in enumerate(text.split("\n"))]
    for line in lines:
        if line.shape != "blank" and len(line.text.strip()) >= REPEATED_MIN_CHARS and line_key(line.text) in boilerplate:
            line.shape = "repeated"
    block = main_block(lines)
    header_dates: list[str] = []
    title = ""
    if block:
        first, last = block
        for line in lines[first : last + 1]:
            if line.shape != "blank":
                line.kept, line.reason = True, "article"
        title_line = find_title(lines, first)
        if title_line is not None:
            title_line.kept, title_line.reason = True, "title"
            title = title_line.text.strip()
        header_dates = dates_above(lines, title_line.number - 1 if title_line else first)
        glued = LEADING_DATE.match(lines[first].text)
        if glued:
            header_dates.append(find_dates(glued[1])[0].iso)
            lines[first].text = lines[first].text[glued.end():]
    for line in lines:
        if not line.kept and line.shape != "blank":
            line.reason = drop_reason(line, block)
    body_lines = [l.text.strip() for l in lines if l.kept and l.reason == "article"]
    body = "\n\n".join(GLUED_SENTENCES.sub(r"\1 ", l) for l in body_lines)
    return Article(title, body, [l for l in lines if l.shape != "blank"], header_dates)


def main_block(lines: list[Line]) -> tuple[int, int] | None:
    """Return (first, last) indices of the longest run of sentence lines.

    Blank lines do not break a run; a headline between two sentence lines is a
    subheading and does not break it either; anything else does.
    """
    runs: list[tuple[int, int, int]] = []  # chars, first, last
    start = None
    chars = 0
    last_sentence = None
    for i, line in enumerate(lines):
        if line.shape == "sentence":
            if start is None:
                start, chars = i, 0
            chars += len(line.text)
            last_sentence = i
        elif line.shape == "blank" or (line.shape == "headline" and start is not None and next_shape(lines, i) == "sentence"):
            continue
        elif start is not None:
            runs.append((chars, start, last_sentence))
            start = None
    if start is not None:
        runs.append((chars, start, last_sentence))
    if not runs:
        return None
    _, first, last = max(runs, key=lambda r: (r[0], -r[1]))
    return first, last


def next_shape(lines: list[Line], i: int) -> str:
    for line in lines[i + 1 :]:
        if line.shape != "blank":
            return line.shape
    return "end"


def find_title(lines: list[Line], first: int) -> Line | None:
    """The nearest headline above the article, looking past credits and page furniture."""
    seen = 0
    for line in reversed(lines[:first]):
        if line.shape == "blank":
            continue
        if line.shape == "headline":
            return line
        if line.shape in ("sentence", "repeated"):
            return None
        seen += 1
        if seen >= TITLE_LOOKBACK:
            return None
    return None


def dates_above(lines: list[Line], stop: int) -> list[str]:
    """Dates in the page header: the date lines nearest above the title or article."""
    found = []
    for line in reversed(lines[:stop]):
        if line.shape == "sentence":
            break
        if line.shape == "timestamp":
            found.extend(d.iso for d in find_dates(line.text))
            if found:
                break
    return found


def drop_reason(line: Line, block: tuple[int, int] | None) -> str:
    shape_reasons = {
        "ticker": "headline ticker (run-together timestamps)",
        "numeric": "numbers and symbols (calendar, counters)",
        "timestamp": "date or time line",
        "repeated": "line recurs in other documents (site boilerplate)",
        "short": "short fragment (menu, button, form field, credit)",
        "headline": "headline outside the article (related links)",
        "sentence": "sentence outside the article's main text (teaser, appeal, footer)",
    }
    if block is None:
        return "no article text found in the document"
    return shape_reasons[line.shape]
