"""English names of the actors: places by the gazetteer, bodies by their institutional term and place,
the rest by transliteration; the occupation authorities' names in quotation marks.

"Липецкая торгово-промышленная палата" based in Lipetsk Oblast → "Lipetsk Chamber of Commerce and Industry";
"правительство региона" (no place named) → "Government of the region"; "Преображенская средняя школа"
→ "Preobrazhenskaya Secondary School". Word lists: data/body_terms.csv, place_types.csv, generic_places.csv,
quoted_names.csv.
"""

import re
from functools import lru_cache

import iuliia
import pandas as pd

from .datafiles import read_data
from .gazetteer import find_place
from .nlp import morph_vocab
from .output import split_list

WORD = re.compile(r"[\w-]+")


@lru_cache(maxsize=1)
def body_terms() -> list[tuple[tuple[str, ...], str]]:
    """(word beginnings, English name) of every institutional term, most words first."""
    rows = [(tuple(r["words"].split()), r["english"]) for r in read_data("body_terms.csv")]
    return sorted(rows, key=lambda r: -len(r[0]))


@lru_cache(maxsize=1)
def quoted_pattern() -> re.Pattern:
    names = sorted((r["name"] for r in read_data("quoted_names.csv")), key=len, reverse=True)
    return re.compile(r'(?<!["«\w])(' + "|".join(map(re.escape, names)) + r')(?![\w"»])')


def quote_authorities(text: str) -> str:
    """``DPR`` → ``"DPR"``: the occupation authorities' names in quotation marks wherever they stand bare."""
    return quoted_pattern().sub(r'"\1"', text)


@lru_cache(maxsize=1)
def place_types() -> tuple[tuple[str, str], ...]:
    """(English type word, Russian genitive noun) of each place type: ("Oblast", "области")."""
    return tuple((r["word"], r["genitive"]) for r in read_data("place_types.csv"))


@lru_cache(maxsize=1)
def generic_places() -> dict[str, str]:
    """Genitive nouns that name a place without naming which, with their English: "региона" → "the region"."""
    return {r["genitive"]: r["english"] for r in read_data("generic_places.csv")}


def names_place_by_kind(name: str) -> bool:
    """Whether a body's name gives its place only by a generic noun: "правительство региона", not "администрация
    Липецкой области" (a proper word after the first names the place)."""
    words = name.split()
    return any(w.lower() in generic_places() for w in words) and not any(w[:1].isupper() for w in words[1:])


def term_match(name: str) -> tuple[str, set[int]] | None:
    """The English pattern of the longest institutional term the name holds, and the positions of the
    name's words the term took; None when no term fits."""
    words = WORD.findall(name.lower().replace("ё", "е"))
    beginnings = {w[:n] for w in words for n in range(1, len(w) + 1)}
    for stems, english in body_terms():
        if not all(stem in beginnings for stem in stems):
            continue  # a stem no word starts with: the term cannot fit (most terms, for most names; checked at once)
        used, position = set(), 0
        for stem in stems:
            position = next((i + 1 for i in range(position, len(words)) if words[i].startswith(stem)), -1)
            if position < 0:
                break
            used.add(position - 1)
        if position > 0:
            return english, used
    return None


def place_name(english_place: str, body_name: str) -> str:
    """The place's English name as the body's name needs it: whole when the Russian names the place by
    its noun ("администрация Липецкой области" → Lipetsk Oblast), without its type word when by its
    adjective ("Липецкая торгово-промышленная палата" → Lipetsk)."""
    lowered = body_name.lower()
    if names_place_by_kind(body_name):
        return english_place  # "правительство региона" in Lipetsk Oblast: the place by its noun, "Government of Lipetsk Oblast"
    for word, genitive in place_types():
        if english_place.endswith(" " + word) and genitive not in lowered:
            return english_place[: -len(word) - 1]
    return english_place


def compose(english: str, place: str) -> str:
    if place:
        return english.replace("{place}", place)
    return re.sub(r"\s*(of )?\{place\}\s*", " ", english).strip()


def placeless(english: str, name: str, used: set[int]) -> str:
    """A body's English name when the text ties it to no place: its own proper words transliterated in the
    place's stead (a place adjective, "Преображенская средняя школа"), the generic place it names ("правительство региона"
    → "Government of the region"), or the term alone ("Торгово-промышленная палата")."""
    words = WORD.findall(name)
    adjective = next((p for i, w in enumerate(words) if i not in used and (p := find_place(w.capitalize()))), None)
    if adjective is not None:  # "представительство липецких предприятий"
        return compose(english, place_name(adjective.name_latin, name))
    proper = [w for i, w in enumerate(words) if i not in used and w[:1].isupper()]
    if proper and english.startswith("{place}"):
        return compose(english, iuliia.WIKIPEDIA.translate(" ".join(proper)))
    place = next((generic_places()[w] for i, w in enumerate(words) if i not in used and w in generic_places()), None)
    bare = compose(english, "")
    return bare if place is None or place.split()[-1].lower() in bare.lower() else f"{bare} of {place}"


def says_more(name: str, english: str, used: set[int]) -> bool:
    """Whether the name has words the term's English would lose: anything but the term's own words, words of
    a place, generic place nouns, prepositions and conjunctions, and (where the English puts the place first)
    proper words ("министерство физической культуры и спорта" is no "Ministry of Culture")."""
    for i, word in enumerate(WORD.findall(name)):
        if i in used or word.lower() in generic_places() or find_place(word.capitalize()):
            continue
        if word[:1].isupper() and english.startswith("{place}"):
            continue
        if not {p.tag.POS for p in morph_vocab().parse(word)} & {"PREP", "CONJ"}:
            return True
    return False


def english_name(name: str, latin: str, kind: str, place: str) -> str:
    """The English name of one actor: ``latin`` is its gazetteer name or transliteration, ``place`` the
    English name of the place a body is based in ("" if none). A body whose name says more than its
    term keeps the transliteration."""
    if kind == "organization" and (match := term_match(name)) and not says_more(name, *match):
        english, used = match
        if place or "{place}" not in english:
            return quote_authorities(compose(english, place_name(place, name)))
        return quote_authorities(placeless(english, name, used))
    return quote_authorities(latin)


def english_names(actors: pd.DataFrame, relations: pd.DataFrame) -> list[str]:
    """The English name of each actor of the actors table, in its order; a body's place is the one
    relations.csv says it is based in."""
    latin = dict(zip(actors.actor_id, actors.name_latin))
    based = relations[relations.relation == "based_in"]
    home = {r.source: latin.get(r.target, "") for r in based.itertuples()}
    # one actor holds every article's "правительство региона": it is named by its place only where every article of
    # it gives the same one
    articles = {a.actor_id: set(split_list(getattr(a, "doc_ids", ""))) for a in actors.itertuples() if names_place_by_kind(a.name)}
    for source, group in based[based.source.isin(articles)].groupby("source"):
        if group.target.nunique() > 1 or "doc_id" in group and set(group.doc_id) != articles[source]:
            home.pop(source)
    return [english_name(a.name, a.name_latin, a.type, home.get(a.actor_id, "")) for a in actors.itertuples()]
