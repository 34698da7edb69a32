"""yargy grammars for the term of an agreement and its renewal.

"в течение 5-ти лет", "сроком на три года", "на пять лет с возможностью
продления", "автоматическое продление": a yargy rule over morphologically
normalised tokens matches every inflection, where a regular expression would
have to list them.
"""

import re
from functools import lru_cache

from yargy import Parser, and_, or_, rule
from yargy.predicates import dictionary, eq, lte, normalized
from yargy.predicates import type as token_type

NUMBER_WORDS = {"один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
                "восемь": 8, "девять": 9, "десять": 10, "пятнадцать": 15, "двадцать": 20}

NUMBER = or_(
    rule(and_(token_type("INT"), lte(99)), eq("-").optional(), token_type("RU").optional()),  # "5", "5-ти"; not "2020"
    rule(dictionary(set(NUMBER_WORDS))),
)
UNIT = dictionary({"год", "месяц"})
LEAD = or_(
    rule(normalized("в"), normalized("течение")),
    rule(normalized("срок"), eq("на")),
    rule(eq("на"), or_(normalized("срок"), normalized("период")), eq("в").optional()),
    rule(eq("на")),
)
TERM = rule(LEAD, NUMBER, UNIT)
AUTOMATIC_RENEWAL = or_(
    rule(normalized("автоматический"), or_(normalized("продление"), normalized("пролонгация"))),
    rule(or_(normalized("продлеваться"), normalized("продлить")), normalized("автоматически")),
)
POSSIBLE_RENEWAL = rule(eq("с"), normalized("возможность"), or_(normalized("продление"), normalized("пролонгация")))


# Parsing is costly and most sentences name no term: only a sentence with a small number
# before "лет/год/месяц" is parsed ("в 2024 году" is a date, not a term).
TERM_HINT = re.compile(r"(\b\d{1,2}|\b(?:" + "|".join(w[:4] for w in NUMBER_WORDS) + r")\w*)(?:-\w+)?\s+(?:лет|год|месяц)", re.I)
RENEWAL_HINT = re.compile(r"продл|пролонг", re.I)


@lru_cache(maxsize=1)
def parsers() -> tuple[Parser, Parser, Parser]:
    return Parser(TERM), Parser(AUTOMATIC_RENEWAL), Parser(POSSIBLE_RENEWAL)


def term_in(text: str) -> str:
    """The first term the text gives, as an ISO 8601 duration ("P5Y", "P6M"), or ''."""
    if not TERM_HINT.search(text):
        return ""
    term, _, _ = parsers()
    for match in term.findall(text):
        unit = "M" if match.tokens[-1].value.lower().startswith("месяц") else "Y"
        for token in match.tokens:
            normal = token.forms[0].normalized if getattr(token, "forms", None) else token.value.lower()
            number = int(token.value) if token.value.isdigit() else NUMBER_WORDS.get(normal)
            if number:
                return f"P{number}{unit}"
    return ""


def renewal_in(text: str) -> str:
    """'automatic', 'possible' or '' for what the text says of renewing the agreement."""
    if not RENEWAL_HINT.search(text):
        return ""
    _, automatic, possible = parsers()
    if any(True for _ in automatic.findall(text)):
        return "automatic"
    if any(True for _ in possible.findall(text)):
        return "possible"
    return ""
