"""The places the report knows by name, and words that say what a phrase is.

``data/countries.csv`` (made by ``scripts/make_countries.py`` from pycountry) adds
every other country of the world by its Russian names. ``data/gazetteer.csv`` gives each place its canonical Russian name, a Latin
name, a type, the state it belongs to under international law, who controls
it where that differs (and since when), and coordinates. ``data/lexicon.csv`` lists the nouns
of offices (губернатор), of bodies (администрация) and of settlements (город).
Both are looked up by lemmas, so any inflected form matches.
"""

from dataclasses import dataclass
from functools import lru_cache

from .datafiles import read_data
from .nlp import morph_vocab


@dataclass(frozen=True)
class Place:
    name: str
    name_latin: str
    type: str
    state: str
    controlled_by: str
    controlled_since: str
    installed_by: str  # the occupying state, for authorities it set up ("DPR")
    lat: float | None
    lon: float | None


@lru_cache(maxsize=100_000)
def lemma_key(text: str) -> str:
    """Lower-case lemmas of the words of ``text``, ё read as е."""
    words = text.replace("(", " ").replace(")", " ").split()
    lemmas = []
    for word in words:
        if word.isupper() and len(word) > 1:
            lemmas.append(word.lower())  # abbreviations do not inflect
        else:
            lemmas.append(morph_vocab().parse(word.lower())[0].normal_form)
    return " ".join(lemmas).replace("ё", "е")


@lru_cache(maxsize=1)
def places() -> dict[str, Place]:
    """Every place by the lemma key of its name and of each alias."""
    index = {}
    for row in read_data("gazetteer.csv"):
        place = Place(
            row["name"], row["name_latin"], row["type"], row["state"], row["controlled_by"], row["controlled_since"], row["installed_by"],
            float(row["lat"]) if row["lat"] else None, float(row["lon"]) if row["lon"] else None,
        )
        for alias in [row["name"]] + [a for a in row["aliases"].split("|") if a]:
            index[lemma_key(alias)] = place
            index[alias.lower()] = place
    for row in read_data("countries.csv"):
        keys = row["keys"].split("|")
        if any(k in index for k in keys):
            continue  # the curated rows know more about their places
        place = Place(row["name"], row["name_latin"], "country", row["name_latin"], "", "", "", None, None)
        for key in keys:
            index[key] = place
    return index


def find_place(name: str) -> Place | None:
    index = places()
    return index.get(name.lower()) or index.get(lemma_key(name))


@lru_cache(maxsize=1)
def lexicon() -> dict[str, str]:
    """Kinds by lower-case lemma, ё read as е."""
    return {row["lemma"].lower().replace("ё", "е"): row["kind"] for row in read_data("lexicon.csv")}


@lru_cache(maxsize=100_000)
def word_kind(lemma: str) -> str:
    """'office', 'body', 'executive' (a body that governs a territory), 'settlement' or ''."""
    return lexicon().get(lemma.lower().replace("ё", "е"), "")
