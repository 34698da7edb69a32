"""The output tables of a run, built from the records of each stage."""

import pandas as pd

from .agreements import earlier_stages
from .corpus import Document
from .output import join_list
from .registry import Registry
from .scope import WITH_COMPANY
from .relationships import relationship_id, relationship_key

DOCUMENT_COLUMNS = [
    "doc_id", "article", "source_file", "source_row", "status", "reason", "stage", "encoding", "language", "title", "outlet", "outlet_note", "url", "url_source", "url_note", "retrieved",
    "relays", "photo_credit",
    "published", "date_basis", "date_source", "date_stated", "date_inferred", "date_conflict", "case",
    "parsed", "chars_raw", "chars_clean", "sha256",
]
LINE_COLUMNS = ["doc_id", "line", "shape", "kept", "reason", "text"]


def documents_table(docs: list[Document]) -> pd.DataFrame:
    """One row per document, in the order of the ids; each processed article numbered 1, 2, ... in that order (the
    number a report gives it where an id is a hash), the others with no number."""
    numbers = {doc_id: n for n, doc_id in enumerate(sorted(d.doc_id for d in docs if d.status == "ok"), start=1)}
    rows = [{k: numbers.get(d.doc_id, "") if k == "article" else getattr(d, k) for k in DOCUMENT_COLUMNS} for d in docs]
    return pd.DataFrame(rows, columns=DOCUMENT_COLUMNS).sort_values("doc_id", kind="stable")


def lines_table(docs: list[Document]) -> pd.DataFrame:
    """Every non-blank line of every decoded file, kept or dropped, with the reason."""
    rows = [
        {"doc_id": d.doc_id, "line": l.number, "shape": l.shape, "kept": l.kept, "reason": l.reason, "text": l.text.strip()}
        for d in docs
        for l in d.lines
    ]
    return pd.DataFrame(rows, columns=LINE_COLUMNS)
AGREEMENT_COLUMNS = [
    "agreement_id", "doc_id", "kind", "status", "earlier_stages", "parties", "party_basis", "signatories", "date", "duration", "renewal",
    "scope", "evidence", "start", "stop", "relationship_id", "category",
]
EVENT_COLUMNS = ["event_id", "doc_id", "kind", "participants", "place", "date", "date_basis", "part_of", "evidence", "start", "stop"]


def agreements_table(results, registry: Registry) -> pd.DataFrame:
    """One row per agreement, names as in the actors table, linked into relationships."""
    rows = []
    for result in results:
        for n, a in enumerate(result.agreements, start=1):
            parties = [registry.canonical(result.doc_id, p) for p in a.parties]
            kinds = {registry.canonical(result.doc_id, p): registry.type_of(result.doc_id, p) for p in a.parties}
            rows.append({
                "agreement_id": f"{result.doc_id}:a{n}", "doc_id": result.doc_id, "kind": a.kind, "status": a.status,
                "earlier_stages": join_list(earlier_stages(a)),
                "parties": join_list(parties),
                "party_basis": join_list(a.party_basis),
                "signatories": join_list(registry.canonical(result.doc_id, s) for s in a.signatories),
                "date": a.date, "duration": a.duration, "renewal": a.renewal, "scope": join_list(a.scope),
                "evidence": a.evidence, "start": a.start, "stop": a.stop,
                "relationship_id": relationship_id(relationship_key(parties, kinds)) if parties else f"rel:{result.doc_id}:a{n}",
                "category": a.category,
            })
    return pd.DataFrame(rows, columns=AGREEMENT_COLUMNS)


def by_category(agreements: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The intergovernmental agreements (``agreements.csv``) and a region's agreements with companies only
    (``company_agreements.csv``), kept apart so that the agreements table holds only ties between governments."""
    with_companies = agreements.category == WITH_COMPANY
    return agreements[~with_companies], agreements[with_companies]


def events_table(results, registry: Registry) -> pd.DataFrame:
    rows = []
    for result in results:
        ids = {id(e): f"{result.doc_id}:e{n}" for n, e in enumerate(result.events, start=1)}
        for n, e in enumerate(result.events, start=1):
            rows.append({
                "event_id": f"{result.doc_id}:e{n}", "doc_id": result.doc_id, "kind": e.kind,
                "participants": join_list(registry.canonical(result.doc_id, p) for p in e.participants),
                "place": registry.canonical(result.doc_id, e.place) if e.place else "",
                "date": e.date, "date_basis": e.date_basis,
                "part_of": ids[id(e.part_of)] if e.part_of is not None else "", "evidence": e.evidence, "start": e.start, "stop": e.stop,
            })
    return pd.DataFrame(rows, columns=EVENT_COLUMNS)


QUOTATION_COLUMNS = ["quote_id", "doc_id", "speaker", "speaker_office", "quote", "kind", "verb", "start", "stop", "agreement_ids"]


def quotations_table(results, registry: Registry) -> pd.DataFrame:
    """One row per quotation, the speaker as an actor id, the agreements it speaks of by their ids."""
    ids = registry.actor_ids()
    rows = []
    for result in results:
        for n, q in enumerate(result.quotations, start=1):
            key = registry.key_of.get((result.doc_id, q.speaker)) if q.speaker else None
            rows.append({
                "quote_id": f"{result.doc_id}:q{n}", "doc_id": result.doc_id, "speaker": ids[key] if key else "",
                "speaker_office": q.speaker_office, "quote": q.quote, "kind": q.kind, "verb": q.verb,
                "start": q.start, "stop": q.stop, "agreement_ids": join_list(f"{result.doc_id}:a{a}" for a in q.agreements),
            })
    return pd.DataFrame(rows, columns=QUOTATION_COLUMNS)
