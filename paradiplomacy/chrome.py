"""Separate an article from the site chrome it was scraped with, losing no sentence of the article.

Every line of a page gets a shape (sentence, prose, headline, dateline, short,
timestamp, ticker, numeric, cue, repeated). The article is the longest run of
running text: sentence lines and prose lines (long lines that read as text but
do not end like a sentence: a cut-off last paragraph, a paragraph that ends in a
spliced link headline, a one-paragraph repost). A run goes on past blank lines,
subheadings, short pieces of text (a line of dialogue, a list item, an item
ending in a semicolon, a short sentence, a line introducing a list, a fact box's
"Цена: 150 рублей", a chronology's "08.11.2019 — ..."), running text other documents repeat, and a gap of at most
four lines of chrome (a photo credit between paragraphs) unless a "read also" cue
in the gap announces little text that is not a full sentence. A paragraph other
documents repeat may join the article but is never the article alone. A page with
no run of text is an article when it holds lines of text or of a fact box
("Исполнитель: ...", "Дата релиза: ..."); a fact box's dated line another card
shares is the card's own. After the run, a short closing sentence, a list introduced by a colon and
up to two byline lines are the article's; above it, a wire dateline, and a stack
of headlines (the title on top, a subtitle or lead under it). A paragraph other
documents repeat right above or below the article is its own (the background two
reports of one story share) unless it addresses the reader (an imperative or a
second-person verb: a site's appeal). The text of a page's ``<article>`` is the article whole: every run in
it counts. Inside the article a short line is text; chrome is dropped on strong
evidence only: a line found in other documents, a cue word of
``data/chrome_cues.csv`` (photo credits, "read also", appeals, forms, view
counters), a line of hardly more than dates and times, a ticker, numbers with no
word (a figure with its unit, "1200 грн", is text); outside it, every line. The title is the page's stated headline where it is one of the lines, else
the top of the headline stack or the nearest headline above the run. Every
dropped line keeps its reason, so the book can show it. The rules look at the
shape of lines and a short list of cue words, never at one site.
"""

import csv
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .dates import RELATIVE_AGO_RE, find_dates, has_time_marker
from .nlp import morph_vocab

WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
LETTER = re.compile(r"[^\W\d_]")
SENTENCE_END = re.compile(r"[.!?…](?:\s*[»\"”')\]])*\s*$")
# A sentence boundary inside a line: the sign of running text, whatever the line's end.
INNER_SENTENCE_END = re.compile(r"[а-яёa-z0-9%»\"”)][.!?…]+[»\"”')\]]*\s+[«\"“(—–-]?\s*[А-ЯЁA-Z]")
# A wire dateline opening a story: "РОСТОВ-НА-ДОНУ, 18 фев – РИА Новости."
DATELINE = re.compile(r"^[А-ЯЁA-Z][А-ЯЁA-Z .-]{1,40},\s+\d{1,2}\s+[а-яёa-z]{3,9}\.?(?:\s+\d{4})?\s*[—–-]\s*\S")
GLUED_TIME = re.compile(r"[^\W\d_](?:[01]?\d|2[0-3]):[0-5]\d|(?<!\d)(?:[01]?\d|2[0-3]):[0-5]\d[^\W\d_]")
TIME = re.compile(r"(?<!\d)([01]?\d|2[0-3]):[0-5]\d")
# Opening hours ("пн-пт: 14:00-20:00") are one span of time each, not a ticker's run of timestamps.
TIME_RANGE = re.compile(r"(?<!\d)(?:[01]?\d|2[0-3]):[0-5]\d\s*[-–—]\s*(?:[01]?\d|2[0-3]):[0-5]\d")
# A date marker glued to the front of the first article line: "date 2012-12-28 Текст".
LEADING_DATE = re.compile(r"^\s*(?:[^\W\d_]{2,12}:?\s+)?(\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4})\s+(?=[«\"(]?[А-ЯЁA-Z])")
# Run-together sentences ("Рогожник.«Договорились") need a space for the segmenter.
GLUED_SENTENCES = re.compile(r"(?<=[а-яёa-z0-9%»\"”)])([.!?…]+)(?=[«\"“(]?[А-ЯЁA-Z])")

MIN_SENTENCE_WORDS = 5
PROSE_WORDS = 16  # a line this long that reads as text is running text, however it ends
PROSE_WORDS_SPLIT = 8  # ...and this long if it holds a sentence boundary
CUE_MAX_WORDS = 25  # a longer line is text, whatever cue word it holds
MAX_GAP = 4  # lines of chrome a run of article text goes on past
GAP_FOLLOWER_CHARS = 200  # ...past a "read also" cue only when at least this much running text (or two lines) follows
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
    base: str = ""  # for a repeated line, the shape it has in itself


def words(text: str) -> list[str]:
    return WORD.findall(text)


@lru_cache(maxsize=1)
def chrome_cues() -> tuple[tuple[re.Pattern, str, int], ...]:
    """The cue patterns of ``data/chrome_cues.csv``: (compiled pattern, kind, longest line in words it judges)."""
    with resources.files(__package__).joinpath("data/chrome_cues.csv").open(encoding="utf-8") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        return tuple(
            (re.compile(("^\\W*(?:" if row["where"] == "start" else "(?:") + row["pattern"] + ")", re.I), row["kind"],
             int(row.get("max_words") or CUE_MAX_WORDS))
            for row in rows
        )


def chrome_cue(text: str) -> str:
    """The kind of chrome a short line's cue words mark it as, or ''."""
    n_words = len(words(text))
    if n_words > CUE_MAX_WORDS:
        return ""
    for pattern, kind, max_words in chrome_cues():
        if n_words <= max_words and (found := pattern.search(text)) and not SENTENCE_BEFORE.search(text[: found.start()]):
            return kind
    return ""


# a full sentence before a cue found in mid-line: a photo caption that states the news, then its credit
# ("Брянская и Гомельская области подписали три соглашения о сотрудничестве. © / фотобанк") is text
SENTENCE_BEFORE = re.compile(r"^\W*[А-ЯЁA-Z][^.!?]*(?:\s+\S+){5,}[.!?][»\"]?\s*$")


DATE_WORDS = re.compile(
    r"\b(?:\d{1,2}\s+)?(?:янв|фев|мар|апр|мая|май|июн|июл|авг|сен|окт|ноя|дек|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[а-яёa-z]*\.?|\b(?:понедельник|вторник|сред[аы]|четверг|пятниц[аы]|суббот[аы]|воскресенье|сегодня|вчера|"
    r"назад|секунд\w*|минут\w*|час\w*|дн\w+|день|недел\w+|месяц\w*|год[а-я]*|лет|by|в|г)\b", re.I)


def without_dates(text: str) -> str:
    """The words of a line once its dates, times and calendar words are taken out."""
    for mention in reversed(find_dates(text)):
        text = text[: mention.start] + " " + text[mention.stop :]
    return DATE_WORDS.sub(" ", TIME.sub(" ", text))


def is_prose(stripped: str, n_words: int) -> bool:
    """A long line that reads as running text (mostly lower-case words), however it ends."""
    if n_words < PROSE_WORDS_SPLIT:
        return False  # (a long line ending in a colon introduces a list or a quote: text too)
    lower = sum(w[0].islower() for w in words(stripped))
    if lower < 0.5 * n_words:
        return False  # a run-together menu or a list of names
    return n_words >= PROSE_WORDS or bool(INNER_SENTENCE_END.search(stripped))


def line_shape(text: str) -> str:
    """Return the shape of one line of a scraped page."""
    stripped = text.strip()
    if not stripped:
        return "blank"
    if chrome_cue(stripped):
        return "cue"
    letters = len(LETTER.findall(stripped))
    n_words = len(words(stripped))
    times = len(TIME.findall(TIME_RANGE.sub("00:00", stripped)))
    if times >= 3 and (GLUED_TIME.search(stripped) or n_words < 3 * times):
        return "ticker"
    if n_words >= MIN_SENTENCE_WORDS and SENTENCE_END.search(stripped) and not stripped.endswith(":"):
        return "sentence"
    if DATELINE.match(stripped):
        return "dateline"
    if is_prose(stripped, n_words):
        return "prose"
    if has_time_marker(stripped) and (RELATIVE_AGO_RE.search(stripped) or len(words(without_dates(stripped))) < 2):
        return "timestamp"  # a date, a time or "3 месяца назад" with hardly a word besides
    if letters < 0.5 * len(stripped.replace(" ", "")):
        return "numeric"
    low, high = HEADLINE_WORDS
    if low <= n_words <= high and not stripped.endswith((":", ",")) and stripped[0].isupper() | (stripped[0] in "«\""):
        return "headline"
    return "short"


# Pieces of running text too short to be sentences: a list item or a line of dialogue ("— Да.",
# "убийство (57%);"), a short sentence ("Проверка продолжается."), a line introducing a list, a list number,
# a line of a fact box.
LIST_OR_DIALOGUE = re.compile(r"^\s*(?:[-–—•·∙*]\s*[^\W\d_]|\d{1,2}[.)]\s+\S|[«\"“(]?[а-яёa-z])")
ENDS_LIKE_CLAUSE = re.compile(r"[.!?…;,:](?:\s*[»\"”')\]])*[\s\u2800]*$")  # (U+2800: a blank some posts pad lines with)
LIST_NUMBER = re.compile(r"^\s*\d{1,2}[.)]\s*$")
# An item of a chronology: a date, a dash and what happened ("08.11.2019 — Группа выпустила клип").
DATED_ITEM = re.compile(r"^\s*\d{1,2}\.\d{1,2}\.\d{2,4}\s*[—–-]\s*[«\"]?[^\W\d_]")
# A line of a fact box: a label of one or two words, a colon and its value ("Цена: 150 рублей").
LABEL_VALUE = re.compile(r"^[А-ЯЁA-Z][а-яёa-z]+(?:\s[а-яёa-z]+)?:\s+\S")


def is_soft_text(line: Line) -> bool:
    """A line with no evidence of chrome that reads as a piece of running text (see ``LIST_OR_DIALOGUE``).

    A run of article text goes on past such lines: a dialogue of short replies or a list of short
    items is the article's, however many lines it takes. Menus, buttons and link headlines do not
    end like clauses, and a cue word, recurrence or a clock time makes a line something else.
    """
    stripped = line.text.strip()
    if line.shape == "numeric" and LIST_NUMBER.match(stripped):
        return True
    if line.shape in ("short", "headline") and (LABEL_VALUE.match(stripped) or DATED_ITEM.match(stripped)):
        return True
    if line.shape not in ("short", "headline", "numeric") or not ENDS_LIKE_CLAUSE.search(stripped):
        return False
    n_words = len(words(stripped))
    if LIST_OR_DIALOGUE.match(stripped):
        return n_words >= 1  # (an item of figures too: "спорт (12%);")
    if line.shape == "numeric":
        return False
    if stripped.endswith(":"):
        return n_words >= 1  # "Я спрашиваю:", "Справка:", a list's heading ("«Металлург»:")
    if stripped.endswith(";"):
        return n_words >= 1  # an item of a list whose items end in semicolons ("Галимов (Кошечкин);"): menus have none
    return n_words >= 2 and bool(SENTENCE_END.search(stripped))


def own_fact(line: Line) -> bool:
    """A line of a fact box that other documents repeat but that states a date ("Дата релиза: 8 ноября 2019 года"):
    two cards share a date by coincidence, and the outlet's template holds the label, not the date."""
    base = line.base if line.shape == "repeated" else line.shape
    return base in ("short", "headline") and bool(LABEL_VALUE.match(line.text.strip())) and bool(find_dates(line.text))


def line_key(text: str) -> str:
    """Hash of a line's words, for finding lines that recur across documents."""
    norm = " ".join(words(text)).lower()
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


TEXT_SHAPES = ("sentence", "prose")
KEPT_INSIDE = ("sentence", "prose", "headline", "dateline", "short")  # inside the article these are its text
LEAD_SHAPES = ("sentence", "prose", "headline", "dateline")  # between a stated title and the run: a lead


def extract_article(text: str, boilerplate: frozenset[str] = frozenset(), known_title: str = "",
                    structured: bool = False) -> Article:
    """Return the article in ``text``; ``boilerplate`` holds keys of lines seen in other documents,
    ``known_title`` the headline the page states (its line is the title wherever it stands above the text).

    ``structured`` says the text is that of a page's ``<article>`` element: the markup has already
    cut the article from the page, so every run of text in it belongs to the article, whatever
    lies between (chrome lines between them are still dropped, with their reason).
    """
    lines = [Line(i + 1, t, line_shape(t)) for i, t in enumerate(text.split("\n"))]
    for line in lines:
        if line.shape not in ("blank", "cue") and len(line.text.strip()) >= REPEATED_MIN_CHARS and line_key(line.text) in boilerplate:
            line.base, line.shape = line.shape, "repeated"
    block = main_block(lines, max_gap=len(lines) if structured else MAX_GAP)
    if block is None:
        block = element_block(lines, known_title, structured)
    if block:
        block = (block[0], extend_tail(lines, block[1], to_end=structured))
    header_dates: list[str] = []
    title = ""
    if block:
        first, last = block
        above = previous_non_blank(lines, first)
        while above is not None and shared_paragraph(lines[above]):
            # A paragraph other documents repeat (a rubric's standing opening, the background two reports
            # of one story share) opens the article when it stands right above its text...
            first, above = above, previous_non_blank(lines, above)
        below = next_non_blank(lines, last)
        while below is not None and shared_paragraph(lines[below]):
            last, below = below, next_non_blank(lines, below)  # ...and closes it when it stands right below
        if above is not None and lines[above].shape == "dateline":
            first = above  # "РОСТОВ-НА-ДОНУ, 18 фев – РИА Новости." on a line of its own opens the story
        elif above is not None and introduces(lines[above]):
            first = above  # "..., на котором было написано:" opens the quotation the run begins with
        for line in lines[first : last + 1]:
            if (line.shape in KEPT_INSIDE or (line.shape == "numeric" and words(line.text)) or repeated_text(line)
                    or is_soft_text(line) or own_fact(line)):
                # (a line of figures with a word: a table row, a price "1200 грн", a list item; a paragraph of
                # background that other articles of the outlet repeat, standing between this article's paragraphs;
                # a fact box's dated line another card shares; bare numbers, a counter, stay chrome)
                line.kept, line.reason = True, "article"
        title_line = stated_title_line(lines, first, known_title)
        if title_line is not None:
            for line in lines[lines.index(title_line) + 1 : first]:
                if line.shape in LEAD_SHAPES or is_soft_text(line) or is_fact_line(line):
                    # (a short lead, "Женщины-комики негодуют.", and a fact box under the headline are the article's)
                    line.kept, line.reason = True, "article"
        else:
            lead = headline_chain(lines, first)
            # "Title / 29/06/15 17:40 / Lead without a full stop / text": the headline that opens the document above the
            # date line is the title, and what the chain found under the date is the lead
            top = headline_over_date(lines, lead[0]) if lead else None
            lead = [top] + lead if top is not None else lead
            title_line = lead[0] if lead else find_title(lines, first)
            for line in lead[1:]:
                line.kept, line.reason = True, "article"  # a subtitle or lead under the headline
        if title_line is not None:
            title_line.kept, title_line.reason = True, "title"
            title = title_line.text.strip()
        header_dates = dates_above(lines, title_line.number - 1 if title_line else first)
        glued = LEADING_DATE.match(lines[first].text)
        if glued:
            header_dates.append(find_dates(glued[1])[0].iso)
            lines[first].text = lines[first].text[glued.end():]
    for index, line in enumerate(lines):
        if not line.kept and line.shape != "blank":
            inside = block is not None and block[0] <= index <= block[1]
            line.reason = drop_reason(line, block, inside)
    body_lines = [l.text.strip() for l in lines if l.kept and l.reason == "article"]
    body = "\n\n".join(GLUED_SENTENCES.sub(r"\1 ", l) for l in body_lines)
    return Article(title, body, [l for l in lines if l.shape != "blank"], header_dates)


LIST_ITEM = re.compile(r"^\s*(?:[-–—•·*]|\d{1,2}[.)]\s|[а-яёa-z])")
TAIL_SHAPES = ("short", "headline", "numeric", "sentence", "prose", "dateline")


def extend_tail(lines: list[Line], last: int, to_end: bool = False) -> int:
    """The article's last line, once what directly follows its last run of text is judged.

    A short sentence ("Проводится проверка."), a list introduced by a colon and
    its items belong to the article. In a page's ``<article>`` element (``to_end``)
    every line to the end does; chrome among them is dropped line by line.
    """
    if to_end:
        return max((i for i, l in enumerate(lines) if l.shape != "blank"), default=last)
    in_list = lines[last].text.rstrip().endswith(":")
    i = last + 1
    while i < len(lines):
        line = lines[i]
        if line.shape == "blank":
            i += 1
            continue
        stripped = line.text.strip()
        follows = next_line(lines, i)
        if line.shape not in TAIL_SHAPES:
            break
        if in_list and LIST_ITEM.match(stripped) or DATED_ITEM.match(stripped) or LABEL_VALUE.match(stripped):
            pass  # an item of the list the article's last line introduced, of a chronology, of a fact box ("Телефон: 45-75-35")
        elif stripped.endswith(":") and len(words(stripped)) >= 3 and follows is not None and LIST_ITEM.match(follows.text):
            in_list = True  # "За 10 месяцев произведено:" and its items
        elif len(words(stripped)) >= 2 and SENTENCE_END.search(stripped) and stripped[0].isupper():
            in_list = False  # a short closing sentence
        else:
            break
        last = i
        i += 1
    return trailing_lines(lines, last)


MAX_TRAILING = 2  # short lines right after the article kept as its own (a byline, a source, an editor's note)


def trailing_lines(lines: list[Line], last: int) -> int:
    """Up to ``MAX_TRAILING`` short lines of two words or more that follow the article directly,
    before any chrome on evidence (a cue, a repeated line, a timestamp): the article's byline or source."""
    added = 0
    i = last + 1
    while i < len(lines) and added < MAX_TRAILING:
        line = lines[i]
        if line.shape == "blank":
            i += 1
            continue
        if line.shape not in ("short", "headline") or len(words(line.text)) < 2:
            break
        last, added, i = i, added + 1, i + 1
    return last


def next_line(lines: list[Line], i: int) -> Line | None:
    for line in lines[i + 1 :]:
        if line.shape != "blank":
            return line
    return None


def element_block(lines: list[Line], known_title: str, structured: bool) -> tuple[int, int] | None:
    """A document with no run of text (a list, a programme, a release card): the span of its lines
    that are not chrome on their own evidence, or None if there is none.

    In a page's <article> any such line of two words will do; in a plain text it takes two lines
    of three words or more (a menu of single words is no article). The top line is left for the title.
    """
    wanted = comparable(known_title) if known_title else None
    least = 2 if structured else 3
    candidates = [i for i, l in enumerate(lines) if comparable(l.text) != wanted and (
        l.shape in KEPT_INSIDE and len(words(l.text)) >= least or is_fact_line(l))]
    if not structured:
        # The first is the headline (a fact box's line is none); one line under it is a menu unless it is a
        # fact box's line, which no menu is.
        body = candidates if candidates and is_fact_line(lines[candidates[0]]) else candidates[1:]
        candidates = body if len(body) >= 2 or any(is_fact_line(lines[i]) for i in body) else []
    if not candidates:
        return None
    return candidates[0], candidates[-1]


def is_fact_line(line: Line) -> bool:
    """A line of a fact box ("Исполнитель: ZICO", "Дата релиза: 8 ноября 2019 года"): a label, a colon, a value."""
    return (line.shape in ("short", "headline") and bool(LABEL_VALUE.match(line.text.strip())) and len(words(line.text)) >= 2
            or own_fact(line))


def introduces(line: Line) -> bool:
    """A line of text that ends in a colon: it introduces what follows it (a quotation, a list)."""
    stripped = line.text.strip()
    return line.shape in ("short", "headline", "prose") and stripped.endswith(":") and len(words(stripped)) >= MIN_SENTENCE_WORDS


def repeated_text(line: Line) -> bool:
    """A line found in other documents that is in itself running text."""
    return line.shape == "repeated" and line.base in TEXT_SHAPES


def shared_paragraph(line: Line) -> bool:
    """A line other documents repeat that is running text and does not address the reader: the background
    two reports of one story share, not a site's appeal ("Подписывайтесь на наш канал", "Хотите получать...")."""
    return repeated_text(line) and not addresses_reader(line.text)


def addresses_reader(text: str) -> bool:
    """True when a verb of the line is an imperative or in the second person: an appeal, not a report."""
    return any(addressing_word(w.lower()) for w in words(text))


@lru_cache(maxsize=100_000)
def addressing_word(word: str) -> bool:
    """True for an imperative or a second-person verb the dictionary knows: a word it only guesses at (an
    abbreviation, "РФПИ" read as an imperative) is no appeal to the reader."""
    vocab = morph_vocab()
    tag = vocab.parse(word)[0].tag
    return ("impr" in tag or "2per" in tag) and vocab.word_is_known(word)


def next_non_blank(lines: list[Line], i: int) -> int | None:
    for j in range(i + 1, len(lines)):
        if lines[j].shape != "blank":
            return j
    return None


def previous_non_blank(lines: list[Line], i: int) -> int | None:
    for j in range(i - 1, -1, -1):
        if lines[j].shape != "blank":
            return j
    return None


def comparable(text: str) -> str:
    return " ".join(w.lower() for w in words(text))


def stated_title_line(lines: list[Line], first: int, known_title: str) -> Line | None:
    """The line above the article that is the page's stated headline, if there is one."""
    if not known_title:
        return None
    wanted = comparable(known_title)
    for line in lines[:first]:
        if line.shape != "blank" and comparable(line.text) == wanted:
            return line
    return None


def text_segments(lines: list[Line]) -> list[tuple[int, int, int, int]]:
    """Runs of running text: (chars, first, last, text lines).

    Blank lines do not break a run; a headline between text lines is a
    subheading and does not break it either; anything else does.
    """
    runs: list[tuple[int, int, int, int]] = []
    start = None
    chars = n = 0
    last_text = None
    for i, line in enumerate(lines):
        if line.shape in TEXT_SHAPES or shared_paragraph(line):
            # (a paragraph other documents repeat, the background two reports of one story share, is text
            # the article may take in, but it weighs nothing when the longest run is chosen)
            if start is None:
                start, chars, n = i, 0, 0
            if line.shape in TEXT_SHAPES:
                chars += len(line.text)
                n += 1
            last_text = i
        elif line.shape == "blank" or (start is not None and (repeated_text(line) or is_soft_text(line) or (
                line.shape == "headline" and next_shape(lines, i) in TEXT_SHAPES))):
            continue  # a run goes on past a subheading, short pieces of text, and running text other documents repeat
        elif start is not None:
            runs.append((chars, start, last_text, n))
            start = None
    if start is not None:
        runs.append((chars, start, last_text, n))
    return runs


def main_block(lines: list[Line], max_gap: int = MAX_GAP) -> tuple[int, int] | None:
    """Return (first, last) indices of the article: the longest run of running text.

    Runs separated by at most ``max_gap`` lines of chrome (a photo credit, a
    short caption; short pieces of text do not count) are one article; a ticker, or a
    "read also" cue followed by little text, ends it.
    """
    merged: list[list[int]] = []
    for chars, first, last, n in text_segments(lines):
        if merged:
            gap = [l for l in lines[merged[-1][2] + 1 : first] if l.shape != "blank" and not is_soft_text(l)]
            if len(gap) <= max_gap and all(l.shape != "ticker" for l in gap) and (
                    chars >= GAP_FOLLOWER_CHARS or n >= 2 or opens_with_sentence(lines[first])
                    or not any(is_teaser(l) for l in gap)):
                # (a "read also" box set in the article's text, its link headlines and author, does not end the
                # article when a full sentence follows it: the article goes on)
                merged[-1][0] += chars
                merged[-1][2] = last
                merged[-1][3] += n
                continue
        merged.append([chars, first, last, n])
    merged = [r for r in merged if r[3]]  # a run of repeated paragraphs alone is no article
    if not merged:
        return None
    _, first, last, _ = max(merged, key=lambda r: (r[0], -r[1]))
    return first, last


def opens_with_sentence(line: Line) -> bool:
    """A line that is a full sentence, in itself or repeated: what follows a teaser box is text again."""
    return (line.base if line.shape == "repeated" else line.shape) == "sentence"


def is_teaser(line: Line) -> bool:
    """A line announcing links to other articles ("Читайте также"): what follows it is theirs."""
    return line.shape == "cue" and "teaser" in chrome_cue(line.text.strip())


def next_shape(lines: list[Line], i: int) -> str:
    """The shape of the next line that is neither blank nor a short piece of text (a subheading may open a list)."""
    for line in lines[i + 1 :]:
        if line.shape != "blank" and not is_soft_text(line):
            return line.shape
    return "end"


MAX_LEAD = 3
BYLINE_WORDS = 8  # a dated line of more words is a caption or a lead ("Император Акихито (справа) с президентом ... 20 мая 2017 года"), not a byline


def headline_chain(lines: list[Line], first: int) -> list[Line]:
    """Headline-like lines stacked directly above the article (only blank lines between), top first.

    The top one is the title; those under it are a subtitle, a kicker or a lead,
    and article text. A short line with a clock time or date (a byline) ends the chain.
    """
    chain: list[Line] = []
    for line in reversed(lines[:first]):
        if line.shape == "blank":
            continue
        stripped = line.text.strip()
        headline_like = line.shape in ("headline", "dateline") or (
            line.shape == "short" and len(words(stripped)) >= 2 and stripped.lstrip("«\"“'(").lstrip()[:1].isupper() | stripped[0].isdigit())
        if not headline_like or has_time_marker(stripped) and len(words(stripped)) <= BYLINE_WORDS or len(chain) >= MAX_LEAD:
            break
        chain.append(line)
    return chain[::-1]


def headline_over_date(lines: list[Line], below: Line) -> Line | None:
    """The headline that opens the document, where only date or time lines stand between it and ``below``; else None."""
    opening = next((line for line in lines if line.shape != "blank"), None)
    if opening is None or opening is below or opening.shape != "headline":
        return None
    between = [line for line in lines[opening.number : below.number - 1] if line.shape != "blank"]
    return opening if between and all(line.shape == "timestamp" for line in between) else None


def find_title(lines: list[Line], first: int) -> Line | None:
    """The nearest headline above the article, looking past credits and page furniture."""
    seen = 0
    for line in reversed(lines[:first]):
        if line.shape == "blank":
            continue
        if line.shape == "headline":
            return line
        if line.shape in ("sentence", "prose", "repeated"):
            return None
        seen += 1
        if seen >= TITLE_LOOKBACK:
            return None
    return None


def dates_above(lines: list[Line], stop: int) -> list[str]:
    """Dates in the page header: the date lines nearest above the title or article."""
    found = []
    for line in reversed(lines[:stop]):
        if line.shape in TEXT_SHAPES:
            break
        if line.shape == "timestamp":
            found.extend(d.iso for d in find_dates(line.text))
            if found:
                break
    return found


SHAPE_REASONS = {
    "ticker": "headline ticker (run-together timestamps)",
    "numeric": "numbers and symbols (calendar, counters)",
    "timestamp": "date or time line",
    "repeated": "line recurs in other documents (site boilerplate)",
    "short": "short fragment (menu, button, form field, credit)",
    "headline": "headline outside the article (related links)",
    "dateline": "dateline outside the article",
    "sentence": "sentence outside the article's main text (teaser, appeal, footer)",
    "prose": "text outside the article's main text (teaser, appeal, footer)",
}


def drop_reason(line: Line, block: tuple[int, int] | None, inside: bool = False) -> str:
    if block is None:
        return "no article text found in the document"
    reason = f"{chrome_cue(line.text.strip())} (cue words)" if line.shape == "cue" else SHAPE_REASONS[line.shape]
    return f"inside the article: {reason}" if inside else reason
