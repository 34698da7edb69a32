"""yargy grammars for the term of an agreement and its renewal.

"в течение 5-ти лет", "сроком на три года", "на пять лет с возможностью
продления", "автоматическое продление": a yargy rule over morphologically
normalised tokens matches every inflection, where a regular expression would
have to list them.
"""

import re
from functools import lru_cache

from yargy import Parser, and_, or_, rule
from yargy.morph import MorphAnalyzer
from yargy.predicates import caseless, dictionary, eq, lte, normalized
from yargy.predicates import type as token_type
from yargy.tokenizer import MorphTokenizer

from .nlp import morph_vocab

NUMBER_WORDS = {"один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
                "восемь": 8, "девять": 9, "десять": 10, "пятнадцать": 15, "двадцать": 20}

NUMBER = or_(
    rule(and_(token_type("INT"), lte(99)), eq("-").optional(), token_type("RU").optional()),  # "5", "5-ти"; not "2020"
    rule(dictionary(set(NUMBER_WORDS))),
)
UNIT = dictionary({"год", "месяц"})
LEAD = or_(
    rule(normalized("в"), normalized("течение")),
    rule(normalized("срок"), caseless("на")),
    rule(caseless("на"), or_(normalized("срок"), normalized("период")), caseless("в").optional()),
    rule(caseless("на")),
)
TERM = rule(LEAD, NUMBER, UNIT)
AUTOMATIC_RENEWAL = or_(
    rule(normalized("автоматический"), or_(normalized("продление"), normalized("пролонгация"))),
    rule(or_(normalized("продлеваться"), normalized("продлить")), normalized("автоматически")),
)
POSSIBLE_RENEWAL = rule(caseless("с"), normalized("возможность"), or_(normalized("продление"), normalized("пролонгация")))


# Parsing is costly (yargy analyses every word it is given) and most sentences name no term:
# only a few words around a small number before "лет/год/месяц" are parsed ("в 2024 году" is a
# date, not a term), and only those around "продл-/пролонг-" for renewal.
TERM_HINT = re.compile(r"(\b\d{1,2}|\b(?:" + "|".join(w[:4] for w in NUMBER_WORDS) + r")\w*)(?:-\w+)?\s+(?:лет|год|месяц)", re.I)
RENEWAL_HINT = re.compile(r"продл|пролонг", re.I)
WINDOW = 40  # characters either side of a hint: longer than any lead ("на срок в") or renewal phrase


class SharedMorph(MorphAnalyzer):
    """yargy's analyser over the process's one pymorphy dictionary (yargy would load its own per parser)."""

    __call__ = lru_cache(maxsize=10_000)(MorphAnalyzer.__call__)


@lru_cache(maxsize=1)
def parsers() -> tuple[Parser, Parser, Parser]:
    tokenizer = MorphTokenizer(morph=SharedMorph(morph_vocab()))
    return tuple(Parser(grammar, tokenizer=tokenizer) for grammar in (TERM, AUTOMATIC_RENEWAL, POSSIBLE_RENEWAL))


def windows(text: str, hint: re.Pattern) -> list[str]:
    """The stretches of whole words within WINDOW characters of each hint, in text order."""
    out = []
    for m in hint.finditer(text):
        start, stop = max(0, m.start() - WINDOW), min(len(text), m.end() + WINDOW)
        while 0 < start < m.start() and not text[start - 1].isspace():
            start += 1  # a cut word would parse as another word
        while m.end() < stop < len(text) and not text[stop].isspace():
            stop -= 1
        out.append(text[start:stop])
    return out


def term_in(text: str) -> str:
    """The first term the text gives, as an ISO 8601 duration ("P5Y", "P6M"), or ''."""
    spans = windows(text, TERM_HINT)
    if not spans:
        return ""
    term, _, _ = parsers()
    for match in (match for window in spans for match in term.findall(window)):
        unit = "M" if match.tokens[-1].value.lower().startswith("месяц") else "Y"
        for token in match.tokens:
            normal = token.forms[0].normalized if getattr(token, "forms", None) else token.value.lower()
            number = int(token.value) if token.value.isdigit() else NUMBER_WORDS.get(normal)
            if number:
                return f"P{number}{unit}"
    return ""


def renewal_in(text: str) -> str:
    """'automatic', 'possible' or '' for what the text says of renewing the agreement."""
    spans = windows(text, RENEWAL_HINT)
    if not spans:
        return ""
    _, automatic, possible = parsers()
    if any(True for window in spans for _ in automatic.findall(window)):
        return "automatic"
    if any(True for window in spans for _ in possible.findall(window)):
        return "possible"
    return ""
