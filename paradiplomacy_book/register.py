"""The agreement register: one row per relationship, its parties in English, its stages in the order
the articles report them, and the articles it comes from."""

import html

import pandas as pd

from paradiplomacy.codebook import status_rank
from paradiplomacy.output import split_list

from .codes import duration, label
from .names import Names, outlet_name, quote_authorities
from .site import article_numbers, article_page_name
from .spheres import activities_in, spheres_in

# the sources before the long cells (signatories, scope), so that a screen shows them without scrolling
COLUMNS = ["case", "parties", "instrument", "stages", "date of the act", "sources", "signatories", "term", "scope"]


def records(tables: dict) -> pd.DataFrame:
    """The agreements with their article's number, date, outlet, address and case, in the order of publication
    (undated articles last), then of the text."""
    documents = tables["documents"].set_index("doc_id")
    numbers = article_numbers(tables["documents"])
    a = tables["agreements"].copy()
    a["article"] = a.doc_id.map(numbers)
    for column in ("published", "date_basis", "outlet", "url", "url_note", "case", "title"):
        a[column] = a.doc_id.map(documents[column])
    a["undated"] = a.published == ""
    return a.sort_values(["undated", "published", "article", "start"])


def instruments(records_: pd.DataFrame) -> pd.Series:
    """For each record (in the register's order), the instrument it reports within its relationship: its kind, except
    that a kind reported only in later articles, at later stages, continues the course of another ("Подобный документ
    предполагают подписать" in article 1, then the twinning signed by a cooperation agreement in article 3): one
    instrument the articles name differently, labelled by its kinds ("cooperation agreement / twinning")."""
    out = pd.Series("", index=records_.index, dtype=object)
    order = {index: i for i, index in enumerate(records_.index)}
    for _, group in records_.groupby("relationship_id", sort=False):
        courses: list[list[str]] = []
        for kind in dict.fromkeys(group.kind):
            mine = group[group.kind == kind]
            course = next((c for c in courses if continues(group[group.kind.isin(c)], mine, order)), None)
            if course is None:
                courses.append([kind])
            else:
                course.append(kind)
        for course in courses:
            out[group.index[group.kind.isin(course)]] = " / ".join(label(k) for k in course)
    return out


def continues(before: pd.DataFrame, after: pd.DataFrame, order: dict) -> bool:
    """Whether records of another kind continue a course: none in an article of the course, all after it in the
    register's ``order``, and at stages beyond its furthest (a plan, then a signature), not beside it (a roadmap and
    a memorandum of one article)."""
    return (not set(before.doc_id) & set(after.doc_id)
            and max(order[i] for i in before.index) < min(order[i] for i in after.index)
            and max(map(status_rank, before.status)) < min(map(status_rank, after.status)))


def stage_history(group: pd.DataFrame, instrument: pd.Series) -> str:
    """"planned (article 1) → signed (article 3, 2010)": each stage the articles report of an instrument, in their
    order (``instrument``: each record's, from ``instruments``). Where the relationship has several instruments each
    has its own course ("roadmap: planned (article 4); memorandum: signed (article 4)"): the articles do not say that
    one led to the other; where articles name one instrument differently, each stage says which ("planned as
    cooperation agreement (article 1) → signed as twinning (article 3)")."""
    courses = []
    several = instrument[group.index].nunique() > 1
    for name, records_ in group.groupby(instrument[group.index], sort=False):
        named = records_.kind.nunique() > 1
        steps: list[str] = []
        for r in records_.itertuples():
            when = r.date or r.published
            status = f"{r.status} as {label(r.kind)}" if named else r.status
            # a stage the article tells of as earlier ("Тогда ... договорились") comes before its furthest one
            for step in [f"{earlier} (earlier, per article {r.article})" for earlier in split_list(r.earlier_stages)] + [
                    f"{status} (article {r.article}{', ' + when if when else ''})"]:
                if not steps or steps[-1] != step:
                    steps.append(step)
        courses.append((f"{name}: " if several else "") + " → ".join(steps))
    return "; ".join(courses)


def scope_cell(items: list[str]) -> str:
    """"Spheres: trade, economy. Items: information exchange (обмен коммерческой информацией); ...": the spheres in
    English, then each item glossed with the activities it names (activities.csv), else its spheres, the text's own
    words beside it."""
    spheres = spheres_in(" ".join(items))
    glossed = [f"{', '.join(activities_in(item) or spheres_in(item)) or 'not glossed'} ({item})" for item in items]
    return (f"Spheres: {', '.join(spheres)}. " if spheres else "") + "Items: " + "; ".join(glossed) if items else ""


def instrument_scope(records_: pd.DataFrame) -> str:
    """The scope of one instrument's records (scope_cell)."""
    return scope_cell(list(dict.fromkeys(s for v in records_.scope for s in split_list(v))))


def per_instrument(group: pd.DataFrame, instrument: pd.Series, cell) -> str:
    """``cell`` of the relationship's records, or, where it has several instruments, of each instrument's own
    records ("roadmap: planned; memorandum: signed"): one instrument's stage or scope is not another's."""
    courses = group.groupby(instrument[group.index], sort=False)
    if len(courses) == 1:
        return cell(group)
    return "; ".join(f"{name}: {cell(own) or 'none named'}" for name, own in courses)


def unnamed_parties(tables: dict) -> dict[tuple[str, str], str]:
    """The bodies a text names only by a role it shares out among the sides ("подписан меморандум между
    профильными министерствами": a ministry of each side), keyed by (document, actor name), with the text's
    words: organisations of one document whose mentions all lie on words another organisation's mention
    shares and in which no place is named (unlike "правительствами Кемеровской области и Алтайского края")."""
    actors = tables["actors"].set_index("actor_id")
    m = tables["mentions"].assign(type=lambda f: f.actor_id.map(actors.type), name=lambda f: f.actor_id.map(actors.name))
    bodies, places = m[m.type == "organization"], m[~m.type.isin(["organization", "person"])]
    shared = {span for span, group in bodies.groupby(["doc_id", "start", "stop"]) if group.actor_id.nunique() > 1}
    shared = {(doc_id, start, stop) for doc_id, start, stop in shared
              if places[(places.doc_id == doc_id) & (places.start >= start) & (places.stop <= stop)].empty}
    return {(doc_id, name): own.text.iloc[0] for (doc_id, name), own in bodies.groupby(["doc_id", "name"])
            if all((doc_id, r.start, r.stop) in shared for r in own.itertuples())}


# What the register and the glosses say of a party the extraction inferred (agreements.party_basis), by its basis.
INFERRED = {
    "officials": "inferred from a signatory's or speaker's office",
    "meeting": "inferred: the sides that met",
    "earlier": "inferred from an earlier agreement",
    "previous": "inferred: the places the sentence before names",
    "narrator": "inferred: the side of the official the text reports on",
}


def inferred_bases(group: pd.DataFrame) -> dict[str, str]:
    """The parties of a relationship's records that no record names, each with how it was inferred (agreements.party_basis:
    the first record's basis); a party any record names is absent."""
    if "party_basis" not in group:
        return {}
    bases: dict[str, str] = {}
    named = set()
    for r in group.itertuples():
        for party, basis in zip(split_list(r.parties), split_list(r.party_basis)):
            if basis == "named":
                named.add(party)
            else:
                bases.setdefault(party, basis)
    return {p: b for p, b in bases.items() if p not in named}


def inferred_note(basis: str, words: str | None) -> str:
    """"inferred: the sides that met; ...": a party's inference in words; a body of each side with the text's words."""
    if basis == "each_side" or words:
        return f"inferred from “{words}”: a body of each side" if words else "inferred: a body of each side the text names only by its role"
    return INFERRED.get(basis, "inferred")


def party_cell(parties: list[str], doc_ids, names: Names, unnamed: dict, bases: dict[str, str] | None = None) -> str:
    """The parties in English with the Cyrillic beside them; a party the extraction inferred says how (``bases``:
    inferred_bases), a body the text left unnamed with the text's words."""
    cells = []
    for party in parties:
        words = next((unnamed[(d, party)] for d in doc_ids if (d, party) in unnamed), None)
        basis = (bases or {}).get(party, "each_side" if words else None)
        cells.append(names.both(party) + (f" [{inferred_note(basis, words)}]" if basis else ""))
    return "; ".join(cells)


def register(tables: dict, links: bool = False) -> pd.DataFrame:
    """One row per relationship. With ``links``, cells are HTML (escaped text, links to the corpus pages and sources)."""
    names = Names.of(tables)
    unnamed = unnamed_parties(tables)
    text = html.escape if links else (lambda s: s)
    rows = []
    ordered = records(tables)
    instrument = instruments(ordered)
    for _, group in ordered.groupby("relationship_id", sort=False):
        parties = list(dict.fromkeys(p for v in group.parties for p in split_list(v)))
        signatories = list(dict.fromkeys(s for v in group.signatories for s in split_list(v)))
        sources = []
        for r in group.drop_duplicates("doc_id").itertuples():
            # a year inferred from the events the text reports is no publication date the page gives
            when = f"inferred {r.published}" if r.published and r.date_basis == "inferred" else r.published
            where = ", ".join(filter(None, [outlet_name(r.outlet), when]))
            article = f"Article {r.article}" + (f", {where}" if where else "")  # "Article 1, OstroV (ОстроВ)": no brackets in brackets
            if links:
                article = f'<a href="corpus/{article_page_name(r.article)}.html">{text(article)}</a>'
                # the page's address, with how it was found (documents.url_note) where it was not read from the page
                note = f' title="{text(r.url_note)}"' if r.url_note else ""
                article += f' <a href="{text(r.url)}"{note}>address</a>' if r.url else ""
            else:
                article += f" {r.url}" if r.url else ""  # the article's number is its key: the corpus pages give its id
            sources.append(article)
        rows.append({
            "case": text(quote_authorities(group.case.iloc[0])),
            "parties": text(party_cell(parties, group.doc_id.unique(), names, unnamed, inferred_bases(group)) or "not named in the text"),
            "instrument": text(", ".join(dict.fromkeys(instrument[group.index]))),
            "stages": text(stage_history(group, instrument)),
            "furthest": text(per_instrument(group, instrument, lambda own: max(own.status, key=status_rank))),
            "date of the act": text(", ".join(dict.fromkeys(filter(None, group.date))) or "none in the text"),
            "signatories": text(names.join(signatories, both=True)),
            "term": text(", ".join(dict.fromkeys(filter(None, map(duration, group.duration))))),
            "scope": text(per_instrument(group, instrument, instrument_scope)),
            "sources": "; ".join(sources),
        })
    return pd.DataFrame(rows, columns=COLUMNS[:4] + ["furthest"] + COLUMNS[4:])
