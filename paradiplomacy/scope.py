"""Which agreement records the report keeps: those a subnational government is a party to.

The codebook's scope: at least one party is a region of any country, a city,
district or municipality, the Russian-installed "DPR"/"LPR" authorities, or a
body acting for one (its government, administration, legislature, chamber of
commerce, ...); the other parties are governments or public bodies. A record
whose other parties are all companies is kept apart (``with_company``);
interstate treaties, deals between companies and records with no
subnational party are not records at all. A national capital as a party speaks for its state
("Москва и Вашингтон договорились") unless the sentence shows city government
(a twinning, a mayor, a city council: ``data/municipal_cues.csv``). A place the
gazetteer does not know is a subnational party only where its name says it is a
unit of territory or a settlement ("сомон Цагааннуур"; not "ЕС" or "Кэсоня").

A party's level comes from the actor stage: the type of a place; for a body,
whether its name has a word of a public body at all (``data/lexicon.csv``:
администрация, министерство, палата, ...; a name without one, "Динамо-Москва",
is a company's) and the place its name holds (``territory``) or a place of the document whose
locality it shares ("Липецкая ТПП" beside "Липецкая область"), or a territory's adjective with a word
of its own bodies (``data/regional_body_words.csv``: "Липецкая торгово-промышленная палата").
"""

import re
from collections.abc import Callable
from functools import lru_cache

from .actors import Mention, office_territories
from .codebook import SUBNATIONAL_TYPES
from .datafiles import read_data, read_words
from .gazetteer import find_place, is_capital, lemma_key, territory_of, word_kind
from .morph import region_nouns
from .nlp import morph_vocab
from .relationships import locality

INTERGOVERNMENTAL = "intergovernmental"
WITH_COMPANY = "with_company"
CHAMBER = "chamber"


def party_levels(mentions: list[Mention], territory: dict[str, str]) -> Callable[[list[str], bool], list[str]]:
    """A function giving 'subnational', 'state', 'company', 'ngo' or 'public' for each party name of a
    record of the document, told whether the record's sentence shows cities acting as cities
    (``municipal_context``); the document's lookups are built once for all its records."""
    kinds = {m.name: m.type for m in mentions}
    # the localities of the document's subnational places; a name the gazetteer does not know counts only where
    # it says it is a unit ("Евросоюз" makes no "ассоциация с Евросоюзом" a regional body)
    local = {m.name: locality(m.name, m.type)[1] for m in mentions
             if m.type in SUBNATIONAL_TYPES and (m.type != "other" or names_a_unit(set(lemma_key(m.name).split())))}
    return lambda parties, municipal: [level_of(p, kinds, territory, local, municipal) for p in parties]


def municipal_context(kind: str, evidence: str) -> bool:
    """Whether a record's capitals are cities: a twinning, or a sentence with a word of city government."""
    words = re.findall(r"[\w-]+", evidence.lower())
    return kind == "twinning" or any(w.startswith(stem) for w in words for stem in read_words("municipal_cues.csv", "stem"))


def level_of(name: str, kinds: dict[str, str], territory: dict[str, str], local: dict[str, str], municipal: bool) -> str:
    """The party's level; ``local`` holds the document's subnational places, each with its locality."""
    kind = kinds.get(name, "")
    if kind == "city" and not municipal and (place := find_place(name)) and is_capital(place):
        return "state"  # "Москва и Вашингтон договорились": capitals that speak for their states
    lemmas = set(lemma_key(name).split())
    if kind == "other" and not names_a_unit(lemmas):
        if not names_a_body(lemmas):
            return "public"  # a name the gazetteer does not know that says no unit of territory: "ЕС", "Кэсоня"
        kind = "organization"  # a body the actor stage took for a place: "Витебская ТПП"
    if kind in SUBNATIONAL_TYPES:
        return "subnational"
    if kind == "country":
        return "state"
    if kind != "organization":
        return "public"
    if lemmas & read_words("local_bodies.csv"):
        return "subnational"  # "Витебский облисполком": the word itself names a region's body
    if nongovernmental_name(lemma_key(name).split()):
        return "ngo"  # "региональное отделение общественной организации", "профсоюз": neither a government nor a company
    if lemmas & heads_of_territories():
        return "public"  # "Совет губернаторов Хангайской зоны": a body of the heads of territories, whatever "зона" says
    if lemmas & read_words("company_markers.csv"):
        return "company"  # a legal form or a word of business: "ООО «Гомсельмаш»", "банк"
    if not names_a_body(lemmas):
        # a unit of territory the named-entity tagger took for an organisation ("Ховд аймак Монголии"), else a name
        # with no word of a public body: "Динамо-Москва"
        return "subnational" if names_a_unit(lemmas) else "company"
    if head_noun(lemma_key(name).split()) in read_words("institution_nouns.csv"):
        return "public"  # "университет Калининграда": an institution, not the town's government
    if territory.get(name) in local or locality(name, "organization")[1] in local.values():
        return "subnational"
    if lemmas & read_words("regional_body_words.csv") and (place := territory_of(name)) is not None and place.type in SUBNATIONAL_TYPES:
        return "subnational"  # "Липецкая торгово-промышленная палата": the region's chamber, named by its adjective
    return "public"


@lru_cache(maxsize=1)
def heads_of_territories() -> frozenset[str]:
    """The one-word offices of data/office_territories.csv that head a region or a town alone: губернатор, мэр."""
    return frozenset(words[0] for words, types in office_territories() if len(words) == 1 and types <= set(SUBNATIONAL_TYPES) and word_kind(words[0]) == "office")


def chambers_only(parties: list[str], levels: list[str]) -> bool:
    """Whether every subnational party is a chamber that acts for its region without governing it (a chamber of
    commerce, a public chamber: ``chamber`` rows of data/regional_body_words.csv): "соглашение между Липецкой ТПП и
    Луганской региональной ТПП" binds no government."""
    return all(set(lemma_key(p).split()) & chamber_words() for p, level in zip(parties, levels) if level == "subnational")


@lru_cache(maxsize=1)
def chamber_words() -> frozenset[str]:
    """The ``chamber`` rows of data/regional_body_words.csv."""
    return frozenset(row["word"] for row in read_data("regional_body_words.csv") if row["chamber"] == "yes")


@lru_cache(maxsize=1)
def nongovernmental_nouns() -> tuple[tuple[frozenset[str], ...], frozenset[str]]:
    """data/nongovernmental_nouns.csv: the lemmas of each row that marks an NGO wherever it stands, and the lemmas that
    do so only as a name's head."""
    rows = read_data("nongovernmental_nouns.csv")
    return (tuple(frozenset(row["word"].split()) for row in rows if row["where"] == "any"),
            frozenset(row["word"] for row in rows if row["where"] == "head"))


def nongovernmental_name(words: list[str]) -> bool:
    """Whether a body's name (lemmas in order) is an NGO's, a union's or a church's (data/nongovernmental_nouns.csv)."""
    anywhere, heads = nongovernmental_nouns()
    return any(row <= set(words) for row in anywhere) or bool(words) and words[0] in heads


def head_noun(lemmas: list[str]) -> str:
    """The first of a name's lemmas that the dictionary reads as a noun ("гданьский университет": университет)."""
    return next((l for l in lemmas if "NOUN" in morph_vocab().parse(l)[0].tag), "")


def names_a_body(lemmas: set[str]) -> bool:
    """Whether a name holds a word of a public body (администрация, министерство, палата, ...), alone or as the end of
    a compound ("Мингорисполком")."""
    return any(word_kind(w) in ("executive", "body") or compound_body(w) is not None for w in lemmas)


def compound_body(word: str) -> tuple[str, str] | None:
    """The place's first letters and the kind of place of a compound word of local government ("Мингорисполком":
    ("мин", "city"), "Мособлдума": ("мос", "region"); data/compound_body_parts.csv), or None."""
    word = word.lower()
    for part, kind in compound_body_parts():
        at = word.find(part, 2)
        if at > 0 and (word_kind(word[at:]) in ("executive", "body") or word_kind(word[at + len(part):]) in ("executive", "body")):
            return word[:at], kind
    return None


@lru_cache(maxsize=1)
def compound_body_parts() -> tuple[tuple[str, str], ...]:
    """data/compound_body_parts.csv: (first part, kind of place), read once (names_a_body asks for every word)."""
    return tuple((row["part"], row["type"]) for row in read_data("compound_body_parts.csv"))


def names_a_unit(lemmas: set[str]) -> bool:
    """Whether a place's name holds a noun of a unit of territory or a settlement ("сомон Цагааннуур", "город Кухмо")."""
    return any(lemma in region_nouns() or word_kind(lemma) == "settlement" for lemma in lemmas)


def category(levels: list[str]) -> str:
    """``intergovernmental`` or ``with_company`` for a record in scope; '' for one out of scope."""
    if "subnational" not in levels:
        return ""
    others = list(levels)
    others.remove("subnational")
    if others and all(level in ("company", "ngo") for level in others):
        # with companies only, or with NGOs (out of scope: no government or public body beside the region's), also
        # beside employers ("трёхстороннее соглашение" of a region, trade unions and employers is a social partnership)
        return WITH_COMPANY if "ngo" not in others else ""
    return INTERGOVERNMENTAL
