"""English names for what the book names: bodies by their institutional term and place, places and
persons by the gazetteer's English name or the transliteration, the occupation authorities in quotation marks.

Reads the actors and relations tables and the book's data files (body_terms.csv, place_types.csv,
quoted_names.csv).
"""

import re
from functools import lru_cache

import pandas as pd

from paradiplomacy.datafiles import read_data


@lru_cache(maxsize=1)
def body_terms() -> list[tuple[tuple[str, ...], str]]:
    """(word beginnings, English name) of every institutional term, most words first."""
    rows = [(tuple(r["words"].split()), r["english"]) for r in read_data("body_terms.csv", __package__)]
    return sorted(rows, key=lambda r: -len(r[0]))


@lru_cache(maxsize=1)
def quoted_pattern() -> re.Pattern:
    names = sorted((r["name"] for r in read_data("quoted_names.csv", __package__)), key=len, reverse=True)
    return re.compile(r'(?<!["«\w])(' + "|".join(map(re.escape, names)) + r')(?![\w"»])')


def quote_authorities(text: str) -> str:
    """``DPR`` → ``"DPR"``: the occupation authorities' names in quotation marks wherever they stand bare."""
    return quoted_pattern().sub(r'"\1"', text)


def term_of(name: str) -> str | None:
    """The English pattern of the longest institutional term the name holds, or None."""
    words = re.findall(r"[\w-]+", name.lower().replace("ё", "е"))
    for stems, english in body_terms():
        position = 0
        for stem in stems:
            position = next((i + 1 for i in range(position, len(words)) if words[i].startswith(stem)), -1)
            if position < 0:
                break
        if position > 0:
            return english
    return None


def place_name(english_place: str, body_name: str) -> str:
    """The place's English name as the body's name needs it: whole when the Russian names the place by
    its noun ("администрация Липецкой области" → Lipetsk Oblast), without its type word when by its
    adjective ("Липецкая торгово-промышленная палата" → Lipetsk)."""
    lowered = body_name.lower()
    for row in read_data("place_types.csv", __package__):
        if english_place.endswith(" " + row["word"]) and row["genitive"] not in lowered:
            return english_place[: -len(row["word"]) - 1]
    return english_place


def compose(english: str, place: str) -> str:
    if place:
        return english.replace("{place}", place)
    return re.sub(r"\s*(of )?\{place\}\s*", " ", english).strip()


class Names:
    """English names of the actors of the tables, with the Cyrillic beside them where the reader needs it."""

    def __init__(self, actors: pd.DataFrame, relations: pd.DataFrame):
        self.latin = dict(zip(actors.name, actors.name_latin))
        self.type = dict(zip(actors.name, actors.type))
        name_of = dict(zip(actors.actor_id, actors.name))
        based = relations[relations.relation == "based_in"]
        self.base = {name_of.get(r.source, ""): name_of.get(r.target, "") for r in based.itertuples()}

    @classmethod
    def of(cls, tables: dict) -> "Names":
        return cls(tables["actors"], tables["relations"])

    def english(self, name: str) -> str:
        """"Липецкая торгово-промышленная палата" → "Lipetsk Chamber of Commerce and Industry"."""
        if self.type.get(name) == "organization":
            term = term_of(name)
            place = self.latin.get(self.base.get(name, ""), "")
            if term and (place or "{place}" not in term):
                return quote_authorities(compose(term, place_name(place, name)))
        return quote_authorities(self.latin.get(name, name))

    def both(self, name: str) -> str:
        """The English name with the Cyrillic beside it: "Lipetsk Oblast (Липецкая область)"."""
        english = self.english(name)
        return english if english == name else f"{english} ({name})"

    def join(self, names, both: bool = False, sep: str = "; ") -> str:
        return sep.join((self.both if both else self.english)(n) for n in names)
