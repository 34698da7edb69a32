"""Linking agreements of different articles that are one relationship at different stages.

Two records are one relationship when they bind the same localities at the
same level: "Измалково и Стаханов" (planned), "администрация Измалковского
района и исполком Стахановского горсовета" (signed) and "Стаханов и
Измалковский район" (twinning) all tie the Izmalkovo and Stakhanov localities.
A locality is the gazetteer's id of the place a party is or its name holds (a
district counts as its centre's locality); an executive body (администрация,
правительство, исполком) counts as its territory, any other organisation (a
chamber of commerce) stays an organisation. A party whose place the gazetteer
does not know keeps the lemma of its first proper word.
"""

import re
from functools import lru_cache

import iuliia

from .gazetteer import find_place, lemma_key, place_by_id, territory_of, word_kind
from .nlp import morph_vocab


# The words after which a body's name says whom it is named after, not where it is: "фонд имени Александра Невского"
# ("по" is no such word: "Комитет по внешним связям Санкт-Петербурга" is St Petersburg's).
PURPOSE_WORDS = re.compile(r"\s(имени|им\.)\s", re.I)


def own_name(name: str) -> str:
    """A body's name up to the word that names whom it is named after (PURPOSE_WORDS)."""
    return PURPOSE_WORDS.split(name, maxsplit=1)[0]


@lru_cache(maxsize=100_000)
def locality(name: str, kind: str) -> tuple[str, str]:
    """(level, locality) of a party: ("territory", "geonames:554806") for "администрация Измалковского района"."""
    name = own_name(name) if kind == "organization" else name
    words = name.split()
    lemmas = [morph_vocab().parse(w.lower())[0].normal_form for w in words]
    head = next((i for i, lemma in enumerate(lemmas) if word_kind(lemma)), None)
    executive = head is not None and word_kind(lemmas[head]) == "executive"
    level = "organization" if kind == "organization" and not executive else "territory"
    after_head = words[head + 1 :] if head is not None else words
    # the place itself, a place named after the body's noun ("Совет Союзного государства"), or named by an adjective
    place = find_place(name) or (find_place(" ".join(after_head)) if after_head else None) or territory_of(name)
    if place:
        return level, place.locality
    proper = [w for w in after_head if w[:1].isupper()] or [w for w in words if w[:1].isupper()]
    return level, lemma_key((proper or words or [""])[0])


def relationship_key(parties: list[str], kinds: dict[str, str]) -> tuple:
    return tuple(sorted({locality(p, kinds.get(p, "")) for p in parties}))


def relationship_id(key: tuple) -> str:
    """A readable id: "rel:izmalkovo+stakhanov-kadiivka" (an o: prefix marks an organisation's locality)."""
    parts = []
    for level, where in key:
        place = place_by_id(where)
        readable = place.name_latin if place else iuliia.WIKIPEDIA.translate(where)
        parts.append(("o:" if level == "organization" else "") + re.sub(r"[^a-z0-9]+", "-", readable.lower()).strip("-"))
    return "rel:" + "+".join(parts)
