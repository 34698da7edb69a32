"""Rule-level tests: the sentence table, each row a text and the record it must give.

``tests/data/sentences.csv`` (its header comment explains the columns) lists short
texts in the style of regional news with the agreement records, or the person and
office, that the codebook says each one holds. Every text becomes its own document,
the whole table goes through the pipeline once per session, and one parametrised
test compares each row with the records of its document. Rows the rules get wrong
today carry a reason in ``xfail`` and are strict xfails: a fix that makes them pass
is reported, and the reason should then be removed.

All texts are one corpus, and the registry merges actors across documents: give each
person row a name of its own (an affiliation is the actor's, not the mention's), and
keep texts distinct (the corpus stage drops a line of 30 characters or more that recurs
in another file as boilerplate).
"""

import csv
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from conftest import extract_texts
from paradiplomacy.cues import may_start_a_rule
from paradiplomacy.decode import normalize_text

TABLE = Path(__file__).resolve().parent / "data" / "sentences.csv"
EXPECTS = {"agreement", "company", "none", "person"}


def split(value: str) -> frozenset:
    return frozenset(v.strip() for v in value.split("|") if v.strip())


def read_table() -> list[dict]:
    with TABLE.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(line for line in f if not line.startswith("#")))
    for row in rows:
        row["doc"] = row["doc"] or row["id"]
    return rows


ROWS = read_table()


def doc_texts(rows) -> dict[str, str]:
    """The text of each document: rows of one document give it once, or the same text each time."""
    texts: dict[str, str] = {}
    for row in rows:
        if row["text"]:
            assert texts.setdefault(row["doc"], row["text"]) == row["text"], f"two texts for document {row['doc']}"
    return texts


def as_written(text: str) -> str:
    """The document's text, each literal \\n of the table a line break."""
    return text.replace("\\n", "\n")


def test_the_table_is_well_formed():
    ids = [r["id"] for r in ROWS]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    texts = doc_texts(ROWS)
    assert {r["doc"] for r in ROWS} == set(texts), "a document without text"
    assert len(set(texts.values())) == len(texts), "two documents with one text (the corpus stage drops duplicates)"
    for r in ROWS:
        assert r["expect"] in EXPECTS, r["id"]
        assert "\n" not in texts[r["doc"]], f"{r['id']}: a line break is written as a literal \\n"
        if r["expect"] in ("agreement", "company"):
            assert r["kind"] and r["status"], r["id"]
        if r["expect"] == "person":
            assert r["person"], r["id"]


@pytest.fixture(scope="session")
def sentence_tables(tmp_path_factory):
    """Every text of the table as its own document, extracted once; the tables by name."""
    # A line of five words or more that ends a sentence is article body; a shorter line above it
    # would be its title, and the corpus stage drops a line of fewer words as site chrome.
    texts = {doc: as_written(text) + "\n" for doc, text in doc_texts(ROWS).items()}
    out = extract_texts(tmp_path_factory, "sentences", texts)
    tables = {name: pd.read_csv(out / f"{name}.csv", keep_default_na=False)
              for name in ("documents", "actors", "mentions", "agreements", "company_agreements")}
    documents = tables["documents"]
    unread = documents[documents.status != "ok"]
    assert unread.empty, unread[["doc_id", "status", "reason"]].to_string()
    return tables


def record(kind, status, parties, signatories) -> tuple:
    return (kind, status, split(parties), split(signatories))


def shown(records) -> str:
    if not records:
        return "  (no agreement record)"
    return "\n".join(f"  {k} {s} parties={sorted(p)} signatories={sorted(g)}" for k, s, p, g in records)


def check_agreement(row, tables, table="agreements"):
    """The row's record is in ``table`` (agreements, or company_agreements for a row expecting "company"), and
    nothing else of its document is, in that table, beyond what the document's other rows expect."""
    produced = tables[table]
    produced = produced[produced.doc_id == row["doc"]]
    found = Counter(record(r.kind, r.status, r.parties, r.signatories) for r in produced.itertuples())
    expected_rows = [r for r in ROWS if r["doc"] == row["doc"] and r["expect"] == row["expect"]]
    expected = Counter(record(r["kind"], r["status"], r["parties"], r["signatories"]) for r in expected_rows)
    mine = record(row["kind"], row["status"], row["parties"], row["signatories"])
    # the table is extracted with every text parsed; a default run parses only what may_start_a_rule lets through,
    # of the text as the corpus stage leaves it (look-alike letters read as Cyrillic)
    assert may_start_a_rule(normalize_text(as_written(doc_texts(ROWS)[row["doc"]]))), f"{row['id']}: a default run would not parse the text"
    message = f"{row['id']}: expected\n{shown([mine])}\nproduced\n{shown(list(found.elements()))}"
    assert found[mine] >= expected[mine], message  # as many as the rows expect: "аналогичное соглашение" is another
    if row["date"]:
        dates = sorted(str(r.date) for r in produced.itertuples() if record(r.kind, r.status, r.parties, r.signatories) == mine)
        assert row["date"] in dates, f"{row['id']}: expected the date {row['date']!r}, the record has {dates}"
    spurious = found - expected
    assert not spurious, f"{message}\nnot expected by any row of {row['doc']}:\n{shown(list(spurious.elements()))}"


def check_none(row, tables):
    produced = tables["agreements"]
    produced = produced[produced.doc_id == row["doc"]]
    records = [record(r.kind, r.status, r.parties, r.signatories) for r in produced.itertuples()]
    assert not records, f"{row['id']}: expected no agreement record, produced\n{shown(records)}"


def check_person(row, tables):
    actors, mentions = tables["actors"], tables["mentions"]
    here = mentions[mentions.doc_id == row["doc"]].drop(columns="affiliation").merge(actors[["actor_id", "name", "type", "affiliation"]], on="actor_id")
    persons = here[here.type == "person"]
    listing = "\n".join(f"  {r.name!r} role={r.role!r} affiliation={r.affiliation!r} (as {r.text!r})"
                        for r in persons.itertuples()) or "  (no person)"
    message = f"{row['id']}: expected {row['person']!r} office={row['office']!r} affiliation={row['affiliation']!r}; found\n{listing}"
    mine = persons[persons.name == row["person"]]
    assert not mine.empty, message
    roles = set(mine.role) - {""}
    assert roles == ({row["office"]} if row["office"] else set()), message
    assert set(mine.affiliation) == {row["affiliation"]}, message


def check_company(row, tables):
    check_agreement(row, tables, "company_agreements")
    if not any(r["doc"] == row["doc"] and r["expect"] == "agreement" for r in ROWS):
        check_none(row, tables)  # a region's deal with a company is kept out of the agreements table


CHECKS = {"agreement": check_agreement, "company": check_company, "none": check_none, "person": check_person}


def params() -> list:
    """One test per row; a known gap is a strict xfail with its reason."""
    return [pytest.param(row, id=row["id"], marks=[pytest.mark.xfail(reason=row["xfail"], strict=True)] if row["xfail"] else [])
            for row in ROWS]


@pytest.mark.parametrize("row", params())
def test_sentence(sentence_tables, row):
    CHECKS[row["expect"]](row, sentence_tables)
