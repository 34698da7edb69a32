"""NEREL gold for offices and affiliations of persons, and the scores against it.

A document's ``.ann`` (brat) gives entities (``T``: PERSON, PROFESSION,
ORGANIZATION, COUNTRY, ...) and relations (``R``): ``WORKS_AS`` links a
person's mention to a profession, ``WORKPLACE`` to the organisation, state or
region the person works for. Both sides are compared per document as pairs
(the person, known by the stem of the surname; the office, known by its head
noun's lemma; the workplace, by the roots of its words). An office is a
profession whose head is a post (``data/office_heads.csv``, the evaluation's own
list); occupations such as поэт or актриса are out of scope of the office
measure and counted in ``all_professions``.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from paradiplomacy.datafiles import read_data

from .names import FUNCTION_WORDS, abbreviations, lemma, morph, root
from .scores import Score


@lru_cache(maxsize=1)
def office_heads() -> frozenset[str]:
    return frozenset(row["lemma"] for row in read_data("office_heads.csv", __package__))


@lru_cache(maxsize=1)
def abbreviated_heads() -> dict[str, str]:
    """премьер -> премьер-министр, замминистра -> заместитель: one office however it is spelt."""
    return {row["lemma"]: row["same_as"] for row in read_data("office_heads.csv", __package__) if row["same_as"]}


@dataclass
class GoldDocument:
    doc_id: str
    path: Path
    offices: set  # (person stem, head lemma)
    professions: set  # every WORKS_AS, office or not
    workplaces: list  # (person stem, workplace roots)


def person_stem(name: str) -> str:
    """The surname (the last word of a name, less initials written onto it: "А.Лукашенко"), lemmatised as a surname
    where the dictionary knows one, else as a name it knows ("Асада" -> асад: the gold writes a person in the case
    of its text, the extraction in the nominative), cut to five letters."""
    word = re.sub(r"^(?:\w\.)+", "", name.split()[-1]).lower().replace("ё", "е").strip("«»\"'.,")
    parses = morph().parse(word)
    surname = next((p.normal_form for p in parses if "Surn" in p.tag.grammemes), None) or next(
        (p.normal_form for p in parses if "Name" in p.tag.grammemes and p.is_known), None)
    base = (surname or word).replace("ё", "е")
    return base[:5]  # "Рокфеллер" and a guessed lemma of "Рокфеллера" agree in their first letters


def office_head(phrase: str) -> str:
    """The lemma of the first noun of an office ("первого заместителя губернатора" -> заместитель; "премьер" -> премьер-министр;
    "экс-глава" -> глава)."""
    words = [w.strip("«»\"'.,()") for w in phrase.split()]
    for word in words:
        if not word.replace("-", "").isalpha():
            continue  # "41-го", "40-летний"
        parses = morph().parse(word.lower())
        if not any(p.tag.POS in ("ADJF", "PRTF", "NUMR") for p in parses) and (parses[0].tag.POS == "NOUN" or not parses[0].is_known):
            head = lemma(word).removeprefix("экс-")  # the gold marks "экс-глава МВД" as the profession глава
            return abbreviated_heads().get(head, head)
    return lemma(words[0]) if words else ""


def place_roots(name: str) -> frozenset[str]:
    """The roots of the words of a workplace, function words left out ("Свердловской области" -> свердлов, област),
    a short name spelt out in any case ("Минфина" -> министерств, финанс)."""
    words = []
    for word in name.replace("«", " ").replace("»", " ").replace('"', " ").split():
        long = abbreviations().get(word) or abbreviations().get(lemma(word).capitalize())
        words += long.split() if long else [word]
    return frozenset(root(w) for w in words if lemma(w) not in FUNCTION_WORDS and any(c.isalpha() for c in w))


def read_document(txt: Path) -> GoldDocument:
    entities, relations = {}, []
    for line in txt.with_suffix(".ann").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if parts[0].startswith("T") and len(parts) >= 3:
            entities[parts[0]] = (parts[1].split()[0], parts[2])
        elif parts[0].startswith("R") and len(parts) >= 2:
            kind, arg1, arg2 = parts[1].split()[:3]
            relations.append((kind, arg1.split(":")[1], arg2.split(":")[1]))
    offices, professions, workplaces = set(), set(), []
    for kind, a, b in relations:
        if a not in entities or b not in entities or entities[a][0] != "PERSON":
            continue
        person = person_stem(entities[a][1])
        if kind == "WORKS_AS":
            head = office_head(entities[b][1])
            professions.add((person, head))
            if head in office_heads():
                offices.add((person, head))
        elif kind == "WORKPLACE":
            workplaces.append((person, place_roots(entities[b][1])))
    return GoldDocument(txt.stem, txt, offices, professions, workplaces)


def read_gold(folder: Path) -> list[GoldDocument]:
    return [read_document(t) for t in sorted(folder.glob("*.txt")) if t.with_suffix(".ann").exists()]


@dataclass
class Predicted:
    """The project's persons in one document: (person stem, office head) and (person stem, affiliation roots)."""
    offices: set
    affiliations: set


def score_offices(gold: list[GoldDocument], predicted: dict[str, Predicted], scope: str = "offices") -> tuple[Score, list]:
    """Pairs (person, office head) per document; ``scope`` "offices" or "professions" picks the gold pairs recall counts."""
    correct_pred = n_pred = correct_gold = n_gold = 0
    errors = []
    for doc in gold:
        mine = predicted[doc.doc_id].offices if doc.doc_id in predicted else set()
        theirs = getattr(doc, scope)
        correct_pred += len(mine & doc.professions)
        n_pred += len(mine)
        correct_gold += len(theirs & mine)
        n_gold += len(theirs)
        errors += [(doc.doc_id, "false", *pair) for pair in sorted(mine - doc.professions)]
        errors += [(doc.doc_id, "missed", *pair) for pair in sorted(theirs - mine)]
    return Score(correct_pred, n_pred, correct_gold, n_gold), errors


def same_workplace(mine: frozenset, theirs: frozenset) -> bool:
    """Half the gold workplace's roots, at least one, are in the affiliation."""
    shared = len(mine & theirs)
    return shared > 0 and shared * 2 >= len(theirs)


def score_affiliations(gold: list[GoldDocument], predicted: dict[str, Predicted]) -> tuple[Score, list]:
    """Pairs (person, affiliation) per document against WORKPLACE; the predicted side only where an affiliation is filled."""
    correct_pred = n_pred = correct_gold = n_gold = 0
    errors = []
    for doc in gold:
        mine = sorted(predicted[doc.doc_id].affiliations if doc.doc_id in predicted else set(), key=str)
        theirs = doc.workplaces
        right = [any(p == q and same_workplace(roots, w) for q, w in theirs) for p, roots in mine]
        found = [any(p == q and same_workplace(roots, w) for p, roots in mine) for q, w in theirs]
        correct_pred += sum(right)
        n_pred += len(mine)
        correct_gold += sum(found)
        n_gold += len(theirs)
        errors += [(doc.doc_id, "false", p, " ".join(sorted(r))) for (p, r), ok in zip(mine, right) if not ok]
    return Score(correct_pred, n_pred, correct_gold, n_gold), errors
