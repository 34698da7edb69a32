"""Which language a document's article is in, by py3langid (its model ships inside the package).

The article, not the page, is judged: a Russian article on a page whose menus are
in English is Russian. A Russian article quoting an English paragraph is Russian
too: when the whole article is not classed as Russian, each paragraph is, and
the article is kept if Russian paragraphs hold most of its letters.
"""

import csv
import re
from functools import lru_cache
from importlib import resources

LETTER = re.compile(r"[^\W\d_]")
RUSSIAN = "ru"
MIN_LETTERS = 20  # a paragraph shorter than this says too little to be judged alone


@lru_cache(maxsize=1)
def language_names() -> dict[str, str]:
    with resources.files(__package__).joinpath("data/languages.csv").open(encoding="utf-8") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        return {row["code"]: row["name"] for row in rows}


@lru_cache(maxsize=1)
def identifier():
    import py3langid  # imported here: loading the model takes a moment, and only the corpus stage needs it

    return py3langid


def classify(text: str) -> str:
    return identifier().classify(text)[0]


def language_name(code: str) -> str:
    return language_names().get(code, code)


def identify(text: str) -> str:
    """The language code of the text, Russian when Russian paragraphs hold most of its letters."""
    language = classify(text)
    if language == RUSSIAN:
        return RUSSIAN
    letters: dict[str, int] = {}
    for paragraph in text.split("\n"):
        n = len(LETTER.findall(paragraph))
        if n >= MIN_LETTERS:
            code = classify(paragraph)
            letters[code] = letters.get(code, 0) + n
    total = sum(letters.values())
    if total and letters.get(RUSSIAN, 0) > 0.5 * total:
        return RUSSIAN
    return language


def judge_language(text: str) -> tuple[str, str]:
    """The article's language code, and the reason it cannot be used (empty for a Russian article)."""
    if not LETTER.search(text):
        return "", "no letters: not an article"
    code = identify(text)
    if code == RUSSIAN:
        return code, ""
    return code, f"not Russian: the article is in {language_name(code)} ({code})"
