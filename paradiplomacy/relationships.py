"""Linking agreements of different articles that are one relationship at different stages.

Two records are one relationship when they bind the same localities at the
same level: "Измалково и Стаханов" (planned), "администрация Измалковского
района и исполком Стахановского горсовета" (signed) and "Стаханов и
Измалковский район" (twinning) all tie the Izmalkovo and Stakhanov localities.
A locality is the stem of a party's first proper word; an executive body
(администрация, правительство, исполком) counts as its territory, any other
organisation (a chamber of commerce) stays an organisation.
"""

import re
from functools import lru_cache

import iuliia

from .gazetteer import find_place, lemma_key, word_kind
from .nlp import morph_vocab

STEM = 5


@lru_cache(maxsize=100_000)
def locality(name: str, kind: str) -> tuple[str, str]:
    """(level, stem) of a party: ("territory", "измал") for "администрация Измалковского района"."""
    place = find_place(name)
    if place:
        name = place.name
    words = name.split()
    lemmas = [morph_vocab().parse(w.lower())[0].normal_form for w in words]
    head = next((i for i, lemma in enumerate(lemmas) if word_kind(lemma)), None)
    executive = head is not None and word_kind(lemmas[head]) == "executive"
    level = "organization" if kind == "organization" and not executive else "territory"
    after_head = words[head + 1 :] if head is not None else words
    proper = [w for w in after_head if w[:1].isupper()] or [w for w in words if w[:1].isupper()]
    word = (proper or words or [""])[0]
    stem = lemma_key(word)[:STEM] if place is None else place.name.lower().replace("ё", "е")[:STEM]
    return level, stem


def relationship_key(parties: list[str], kinds: dict[str, str]) -> tuple:
    return tuple(sorted({locality(p, kinds.get(p, "")) for p in parties}))


def relationship_id(key: tuple) -> str:
    """A readable id: "rel:izmal+stakh" (an o: prefix marks an organisation's stem)."""
    parts = [("o:" if level == "organization" else "") + iuliia.WIKIPEDIA.translate(stem) for level, stem in key]
    return "rel:" + "+".join(re.sub(r"\s+", "-", p) for p in parts)
