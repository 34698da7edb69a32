"""factRuEval-2016 gold (persons, organisations, places) and the scores against it.

The gold is read from a document's layers: ``.spans`` (character offsets),
``.objects`` (mentions made of spans, typed Person, Org, Location, LocOrg, ...)
and ``.coref`` (the entities, with the normal forms of a person's name parts).
Persons are compared per document, by surname (a person named only by a
first name is known by it) and by the full normal form; organisations and
places mention by mention, a prediction being right when it overlaps a gold
mention of its class.
"""

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from .scores import Score

# LocOrg ("Россия" acting as a state) is a place, as in natasha's own evaluation of factRuEval.
GOLD_CLASS = {"Person": "person", "Org": "organization", "Location": "place", "LocOrg": "place"}


@dataclass
class GoldPerson:
    firstnames: set = field(default_factory=set)
    patronymics: set = field(default_factory=set)
    lastnames: set = field(default_factory=set)
    nicknames: set = field(default_factory=set)

    def keys(self) -> set[str]:
        """What the person is known by: the surname, or the first name (or else the nickname: Вольтер) when the text gives no surname."""
        return {key(n) for n in (self.lastnames or self.firstnames or self.nicknames)} - {""}

    def full_forms(self) -> set[str]:
        """First name and surname, with or without the patronymic (any spelling the gold lists)."""
        firsts, lasts = self.firstnames or {""}, self.lastnames or ({""} if self.firstnames else self.nicknames)
        forms = set()
        for f in firsts:
            for last in lasts:
                for p in self.patronymics | {""}:
                    forms.add(key(" ".join(w for w in (f, p, last) if w)))
        return forms - {""}


@dataclass
class GoldDocument:
    doc_id: str
    path: Path
    text: str
    persons: list  # GoldPerson
    mentions: list  # (class, start, stop)


def key(name: str) -> str:
    return " ".join(name.lower().replace("ё", "е").split())


def read_document(txt: Path) -> GoldDocument:
    base = txt.with_suffix("")
    spans = {}
    for line in base.with_suffix(".spans").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 4:
            spans[parts[0]] = (int(parts[2]), int(parts[2]) + int(parts[3]))
    objects = {}
    for line in base.with_suffix(".objects").read_text(encoding="utf-8").splitlines():
        parts = line.split("#")[0].split()
        if len(parts) >= 3:
            objects[parts[0]] = (parts[1], [spans[s] for s in parts[2:] if s in spans])
    mentions = sorted({(GOLD_CLASS[kind], min(a for a, _ in extent), max(b for _, b in extent))
                       for kind, extent in objects.values() if kind in GOLD_CLASS and extent})
    persons = []
    for block in base.with_suffix(".coref").read_text(encoding="utf-8").split("\n\n"):
        lines = [line.split(" ", 1) for line in block.strip().splitlines()]
        if not lines or not any(objects.get(o, ("",))[0] == "Person" for o in " ".join(lines[0]).split()[1:]):
            continue
        person = GoldPerson()
        for attribute, value in (pair for pair in lines[1:] if len(pair) == 2):
            slot = {"firstname": person.firstnames, "patronymic": person.patronymics, "lastname": person.lastnames,
                    "nickname": person.nicknames}.get(attribute.rstrip("1"))
            if slot is not None:
                slot.add(value.strip())
        if person.keys():
            persons.append(person)
    text = txt.read_text(encoding="utf-8-sig")
    return GoldDocument(txt.stem, txt, text, persons, mentions)


def read_gold(folder: Path) -> list[GoldDocument]:
    """Every annotated text of a factRuEval folder (``list.txt`` and other files without layers are not texts)."""
    return [read_document(t) for t in sorted(folder.glob("*.txt")) if t.with_suffix(".objects").exists()]


def offset_map(clean: str, raw: str):
    """A function from offsets in ``clean`` to offsets in ``raw``, through the blocks both share."""
    blocks = SequenceMatcher(None, clean, raw, autojunk=False).get_matching_blocks()

    def to_raw(offset: int) -> int:
        for a, b, size in blocks:
            if a <= offset <= a + size:
                return b + offset - a
        return min((b for a, b, _ in blocks if a >= offset), default=len(raw))
    return to_raw


def shared_characters(clean: str, raw: str) -> int:
    """How many characters of ``raw`` the clean text keeps, in order."""
    return sum(size for _, _, size in SequenceMatcher(None, clean, raw, autojunk=False).get_matching_blocks())


@dataclass
class Prediction:
    """One system's output on one document: person names (nominative) and typed mentions in the raw text's offsets."""
    persons: set
    mentions: list  # (class, start, stop)


def surname_keys(person: GoldPerson) -> frozenset[str]:
    """The last word of each surname the gold gives ("ле пен" -> пен), or of the first name or nickname without one."""
    return frozenset(k.split()[-1] for k in person.keys())


def predicted_key(name: str, known: set[str]) -> str:
    """The word of a predicted name that is a gold surname ("Ху Цзиньтао" -> ху), or else its last word."""
    words = key(name).split()
    return next((w for w in words if w in known), words[-1])


def score_persons_by_surname(gold: list[GoldDocument], predicted: dict[str, Prediction]) -> tuple[Score, list]:
    """Per document: a predicted person is right when a word of its name is some gold person's surname.

    Each side counts a surname once per document (two mentions of "Путин" are one person).
    """
    correct_pred = n_pred = correct_gold = n_gold = 0
    errors = []
    for doc in gold:
        people = list(dict.fromkeys(surname_keys(p) for p in doc.persons))
        known = set().union(*people) if people else set()
        names = predicted[doc.doc_id].persons if doc.doc_id in predicted else set()
        found = {predicted_key(n, known) for n in names if n.strip()}
        correct_pred += len(found & known)
        n_pred += len(found)
        hits = [bool(p & found) for p in people]
        correct_gold += sum(hits)
        n_gold += len(hits)
        errors += [(doc.doc_id, "false", k) for k in sorted(found - known)]
        errors += [(doc.doc_id, "missed", sorted(p)[0]) for p, hit in zip(people, hits) if not hit]
    return Score(correct_pred, n_pred, correct_gold, n_gold), errors


def score_persons_full(gold: list[GoldDocument], predicted: dict[str, Prediction]) -> tuple[Score, list]:
    """Per document: a predicted name is right when it is a gold person's full normal form."""
    correct_pred = n_pred = correct_gold = n_gold = 0
    errors = []
    for doc in gold:
        names = {key(n) for n in (predicted[doc.doc_id].persons if doc.doc_id in predicted else set()) if n.strip()}
        forms = set().union(*(p.full_forms() for p in doc.persons)) if doc.persons else set()
        correct_pred += len(names & forms)
        n_pred += len(names)
        correct_gold += sum(bool(p.full_forms() & names) for p in doc.persons)
        n_gold += len(doc.persons)
        errors += [(doc.doc_id, "false", n) for n in sorted(names - forms)]
    return Score(correct_pred, n_pred, correct_gold, n_gold), errors


def score_mentions(gold: list[GoldDocument], predicted: dict[str, Prediction], kind: str) -> tuple[Score, list]:
    """Mentions of one class (organization, place): right when they overlap a gold mention of that class."""
    correct_pred = n_pred = correct_gold = n_gold = 0
    errors = []
    for doc in gold:
        mine = [(a, b) for k, a, b in (predicted[doc.doc_id].mentions if doc.doc_id in predicted else []) if k == kind]
        theirs = [(a, b) for k, a, b in doc.mentions if k == kind]

        def overlaps(span, others):
            return any(span[0] < o[1] and o[0] < span[1] for o in others)
        right = [overlaps(m, theirs) for m in mine]
        recalled = [overlaps(g, mine) for g in theirs]
        correct_pred += sum(right)
        n_pred += len(mine)
        correct_gold += sum(recalled)
        n_gold += len(theirs)
        errors += [(doc.doc_id, "false", doc.text[a:b]) for (a, b), ok in zip(mine, right) if not ok]
        errors += [(doc.doc_id, "missed", doc.text[a:b]) for (a, b), ok in zip(theirs, recalled) if not ok]
    return Score(correct_pred, n_pred, correct_gold, n_gold), errors
