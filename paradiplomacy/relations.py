"""Typed ties between actors (relations.csv).

Relations come from the other tables and from the places' own names:
``party_to`` and ``signed`` (actor -> agreement), ``holds_office_in``
(person -> body or territory of the office), ``met_with`` (person <-> person at
one event), ``part_of`` (a district named with its region, a place with its
state under international law), ``installed_by`` (occupation authorities and the state that set them up),
``controlled_by`` and ``partly_controlled_by``
(a place and the state that controlled it, whole or in part, at the date of the
article, where that differs: a 2010 article about Luhansk has none, a 2024 one
has Russia), ``based_in`` (a body and the
place its name holds, or the one place of its kind the article names where the name says only "региона").
"""

import itertools
from functools import lru_cache

import pandas as pd

from .actors import Mention
from .codebook import PLACE_TYPES, SUBNATIONAL_TYPES
from .datafiles import read_data
from .english import names_place_by_kind
from .gazetteer import place_by_id, status_at
from .output import split_list
from .relationships import locality

RELATION_COLUMNS = ["source", "target", "relation", "doc_id", "agreement_id", "date", "source_name", "target_name"]


def text_links(mentions: list[Mention], text: str) -> list[tuple[str, str, str]]:
    """(source name, target name, relation) read off adjacent names in a document.

    "Измалковского района Липецкой области": the district is part of the region.
    "администрации Смоленской области": the body is based in the region.
    """
    links = []
    places = sorted((m for m in mentions if m.type in PLACE_TYPES), key=lambda m: m.start)
    for a, b in zip(places, places[1:]):
        if text[a.stop : b.start].strip() == "" and b.type in ("region", "country") and a.type in ("district", "city", "region") and a.name != b.name:
            links.append((a.name, b.name, "part_of"))
    for org in (m for m in mentions if m.type == "organization"):
        home = home_place(org, places) or implied_place(org, places)
        if home:
            links.append((org.name, home, "based_in"))
    return list(dict.fromkeys(links))


@lru_cache(maxsize=1)
def generic_nouns() -> dict[str, frozenset[str]]:
    """The genitive nouns that name a place without naming which ("региона"), with the place types each may stand for."""
    return {row["genitive"]: frozenset(row["types"].split("|")) for row in read_data("generic_places.csv")}


def implied_place(org: Mention, places: list[Mention]) -> str:
    """The place a body names only by a generic noun ("По данным правительства региона"): the one place of the noun's
    types (data/generic_places.csv) the document names, so that one article's "правительство региона" is based in
    Lipetsk Oblast; '' where the document names none or several (two regions leave "региона" open)."""
    types = [generic_nouns()[w] for w in org.name.lower().split() if w in generic_nouns()]
    if not types or not names_place_by_kind(org.name) or any(org.start <= p.start and p.stop <= org.stop for p in places):
        return ""
    candidates = {p.name for p in places if p.type in types[0]}
    return next(iter(candidates)) if len(candidates) == 1 else ""


def home_place(org: Mention, places: list[Mention]) -> str:
    """The place a body's name holds: "исполком Стахановского горсовета" is Stakhanov's, even
    though only "Луганской области" is a place mention inside it."""
    _, where = locality(org.name, "organization")
    inside = [p for p in places if org.start <= p.start and p.stop <= org.stop]
    same = [p for p in places if locality(p.name, p.type)[1] == where]
    # "Луганская региональная ТПП" in an article that names Luhansk but not its oblast: the region's town
    within = [p for p in places if where and p.place_id and place_by_id(p.place_id).region == where]
    for candidates in ([p for p in inside if p in same], same, within, inside):
        if candidates:
            return min(candidates, key=lambda p: PLACE_TYPES.index(p.type)).name
    return ""


def relations_table(results, registry, agreements: pd.DataFrame, events: pd.DataFrame, actors: pd.DataFrame,
                    dates: dict[str, str]) -> pd.DataFrame:
    """One row per typed tie, sources and targets as actor ids (agreement ids for agreements); ``dates`` are the
    documents' publication dates, at which a place's control is read."""
    ids = registry.actor_ids()
    name_of = dict(zip(actors.actor_id, actors.name))
    id_by_name = {}
    for row in actors.itertuples():
        id_by_name.setdefault(row.name, row.actor_id)
    rows = []

    def add(source, target, relation, doc_id, agreement_id="", date=""):
        if source and target and source != target:
            rows.append({"source": source, "target": target, "relation": relation, "doc_id": doc_id,
                         "agreement_id": agreement_id, "date": date,
                         "source_name": name_of.get(source, source), "target_name": name_of.get(target, target)})

    for a in agreements.itertuples():
        for party in split_list(a.parties):
            add(id_by_name.get(party), a.agreement_id, "party_to", a.doc_id, a.agreement_id, a.date)
        for person in split_list(a.signatories):
            add(id_by_name.get(person), a.agreement_id, "signed", a.doc_id, a.agreement_id, a.date)
    for doc_id, key, m in registry.mentions:
        if m.type == "person" and m.affiliation:
            add(ids[key], ids.get(registry.key_of.get((doc_id, m.affiliation))), "holds_office_in", doc_id)
    persons = set(actors.actor_id[actors.type == "person"])
    for e in events.itertuples():
        # persons only: a delegation's side among the participants meets no one in person
        people = [i for p in split_list(e.participants) if (i := id_by_name.get(p)) in persons]
        for a, b in itertools.combinations(sorted(filter(None, people)), 2):
            add(a, b, "met_with", e.doc_id, "", e.date)
    for result in results:
        for source, target, relation in result.links:
            add(ids.get(registry.key_of.get((result.doc_id, source))), ids.get(registry.key_of.get((result.doc_id, target))),
                relation, result.doc_id)
    states = {place_by_id(row.place_id).name_latin: row.actor_id for row in actors[actors.type == "country"].itertuples() if row.place_id}
    for row in actors[actors.type.isin(SUBNATIONAL_TYPES) & (actors.place_id != "")].itertuples():
        place = place_by_id(row.place_id)
        doc_ids = split_list(row.doc_ids)
        if place.installed_by:
            # the "DPR" is no place that a state holds in part, but authorities the occupying state set up
            add(row.actor_id, states.get(place.installed_by), "installed_by", doc_ids[0])
            continue
        add(row.actor_id, states.get(place.state), "part_of", doc_ids[0])
        for doc_id in doc_ids:
            status = status_at(row.place_id, dates.get(doc_id, ""))
            if status.controlled_by:
                # Donbas in 2025 was held in part: "controlled_by" alone would say Kramatorsk was too
                relation = "controlled_by" if status.extent == "whole" else "partly_controlled_by"
                add(row.actor_id, states.get(status.controlled_by), relation, doc_id, "", dates.get(doc_id, ""))
    table = pd.DataFrame(rows, columns=RELATION_COLUMNS).drop_duplicates(["source", "target", "relation", "doc_id", "agreement_id"])
    return table.sort_values(["relation", "source", "target", "doc_id", "agreement_id"], kind="stable")
