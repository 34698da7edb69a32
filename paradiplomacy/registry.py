"""One actor per real entity across the corpus.

Documents are read one at a time; each gives its resolved mentions to the
registry, which keys them (a person by full name, a place by its gazetteer
id or else the lemmas of its name, a body by the lemmas of its name) and keeps counts, offices and aliases.
Every step is a dictionary lookup, so the cost grows linearly with the corpus.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import iuliia
import pandas as pd

from .actors import ABBREVIATION, Mention, person_key
from .codebook import PLACE_TYPES
from .gazetteer import find_place, lemma_key, place_by_id
from .output import join_list

# When mentions of one place disagree, the more specific type wins.
TYPE_RANK = {"country": 6, "occupation_authority": 5, "region": 4, "district": 3, "city": 2, "other": 1}
ACTOR_COLUMNS = ["actor_id", "name", "name_latin", "type", "place_id", "roles", "affiliation", "affiliation_basis", "aliases", "n_mentions", "doc_ids"]
MENTION_COLUMNS = ["doc_id", "actor_id", "place_id", "start", "stop", "text", "role", "affiliation"]


@lru_cache(maxsize=100_000)  # names recur across an archive's documents
def latin(name: str) -> str:
    """The gazetteer's English name of a place, else the Wikipedia-scheme transliteration."""
    place = find_place(name)
    if place and place.name == name:
        return place.name_latin
    return iuliia.WIKIPEDIA.translate(name)


def actor_key(m: Mention) -> str:
    if m.type == "person":
        return "person:" + person_key(m.name)
    if m.place_id:
        return "place:" + m.place_id
    if m.type in PLACE_TYPES:
        return "place:" + lemma_key(m.name)
    return "organization:" + lemma_key(m.name)


@dataclass
class ActorRecord:
    key: str
    names: Counter = field(default_factory=Counter)
    types: Counter = field(default_factory=Counter)
    roles: dict = field(default_factory=dict)  # insertion-ordered set
    affiliations: Counter = field(default_factory=Counter)
    stated: set = field(default_factory=set)  # the affiliations some text gives in its words for the office
    aliases: set = field(default_factory=set)
    doc_ids: dict = field(default_factory=dict)
    place_id: str = ""
    n_mentions: int = 0
    latin: dict = field(default_factory=dict)  # each name's Latin form, as its mentions carry it
    first_seen: tuple = ()


class Registry:
    def __init__(self):
        self.records: dict[str, ActorRecord] = {}
        self.mentions: list[tuple[str, str, Mention]] = []  # (doc_id, key, mention)
        self.key_of: dict[tuple[str, str], str] = {}  # (doc_id, name in the document) -> key
        self._ids: dict[str, str] | None = None
        self._types: dict[str, str] = {}  # key -> type, made once after the last document: the tables ask many times

    def add(self, doc_id: str, mentions: list[Mention]) -> None:
        self._ids, self._types = None, {}
        for m in mentions:
            key = m.key
            record = self.records.get(key)
            if record is None:  # not setdefault: that would build a record for every mention
                record = self.records[key] = ActorRecord(key, first_seen=(doc_id, m.start))
            record.names[m.name] += 1
            record.latin[m.name] = m.name_latin
            record.types[m.type] += 1
            if m.role:
                record.roles[m.role] = None
            if m.affiliation:
                record.affiliations[m.affiliation] += 1
                if not m.inferred:
                    record.stated.add(m.affiliation)
            record.aliases |= m.aliases | {m.text}
            record.doc_ids[doc_id] = None
            record.place_id = record.place_id or m.place_id
            record.n_mentions += 1
            self.key_of[(doc_id, m.name)] = key
            m.tokens = []  # the parse is not needed any more; do not hold it
            self.mentions.append((doc_id, key, m))

    def canonical(self, doc_id: str, name: str) -> str:
        """The actors-table name of an actor named ``name`` in a document."""
        key = self.key_of.get((doc_id, name))
        return self.name(self.records[key]) if key else name

    def type_of(self, doc_id: str, name: str) -> str:
        key = self.key_of.get((doc_id, name))
        return self.type(self.records[key]) if key else ""

    def actor_ids(self) -> dict[str, str]:
        """Readable, stable ids: the type and the Latin name, numbered only on collision.

        Made once after the last document: every table asks for them.
        """
        if self._ids is not None:
            return self._ids
        ids, used = {}, Counter()
        for key in sorted(self.records, key=lambda k: self.records[k].first_seen):
            record = self.records[key]
            slug = re.sub(r"[^a-z0-9]+", "-", record.latin[self.name(record)].lower()).strip("-")[:60] or "actor"
            base = f"{self.type(record)}:{slug}"
            used[base] += 1
            ids[key] = base if used[base] == 1 else f"{base}-{used[base]}"
        self._ids = ids
        return ids

    @staticmethod
    def name(record: ActorRecord) -> str:
        # The most frequent spelling; an abbreviation only when nothing longer was seen.
        return max(record.names, key=lambda n: (not ABBREVIATION.match(n), record.names[n], n))

    def type(self, record: ActorRecord) -> str:
        if record.key not in self._types:
            self._types[record.key] = self.record_type(record)
        return self._types[record.key]

    @staticmethod
    def record_type(record: ActorRecord) -> str:
        if "person" in record.types:
            return "person"
        if "organization" in record.types and not any(t in record.types for t in PLACE_TYPES):
            return "organization"
        place = place_by_id(record.place_id) if record.place_id else find_place(Registry.name(record))
        if place:
            return place.type
        return max(record.types, key=lambda t: (TYPE_RANK.get(t, 0), record.types[t]))

    def actors_table(self) -> pd.DataFrame:
        ids = self.actor_ids()
        rows = []
        for key, record in self.records.items():
            name = self.name(record)
            aliases = sorted(a for a in record.aliases if a != name)
            affiliation = record.affiliations.most_common(1)[0][0] if record.affiliations else ""
            rows.append({
                "actor_id": ids[key], "name": name, "name_latin": record.latin[name], "type": self.type(record), "place_id": record.place_id,
                "roles": join_list(record.roles), "affiliation": affiliation,
                "affiliation_basis": ("stated" if affiliation in record.stated else "inferred") if affiliation else "",
                "aliases": join_list(aliases), "n_mentions": record.n_mentions, "doc_ids": join_list(sorted(record.doc_ids)),
            })
        return pd.DataFrame(rows, columns=ACTOR_COLUMNS).sort_values("actor_id", kind="stable")

    def mentions_table(self) -> pd.DataFrame:
        ids = self.actor_ids()
        rows = [
            {"doc_id": doc_id, "actor_id": ids[key], "place_id": m.place_id, "start": m.start, "stop": m.stop, "text": m.text, "role": m.role,
             "affiliation": m.affiliation}
            for doc_id, key, m in self.mentions
        ]
        return pd.DataFrame(rows, columns=MENTION_COLUMNS).sort_values(["doc_id", "start", "stop", "actor_id"], kind="stable")
