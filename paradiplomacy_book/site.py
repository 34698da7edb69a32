"""What the book gives a reader to take away, written beside the notebooks by scripts/run_notebooks.py:
every output table as CSV with a Frictionless ``datapackage.json`` (book/site/downloads/, copied into the
built site), and one page per article of the corpus (book/corpus/)."""

import html
import json
import shutil
from pathlib import Path

import pandas as pd

from paradiplomacy.datafiles import read_data
from paradiplomacy.gazetteer import place_by_id
from paradiplomacy.output import split_list

from .codes import label
from .names import Names, document_names, outlet_name, quote_authorities
from .report import Table, markdown_text

TABLES = {row["table"]: row["description"] for row in read_data("tables.csv", __package__)}
GOLD = {f"gold_{row['file']}": row["description"] for row in read_data("gold_downloads.csv", __package__)}
DOWNLOADS = "downloads"  # the folder of the built site that holds the CSV files and the PDF


def article_page_name(number: int) -> str:
    """article-001: padded, so the pages sort in the table of contents as they are numbered."""
    return f"article-{number:03d}"


def article_numbers(documents: pd.DataFrame) -> dict[str, int]:
    """Article 1, 2, ... for the processed documents (documents.article): readable where a document id is a hash."""
    numbered = documents[documents.article.astype(str) != ""]
    return {doc_id: int(number) for doc_id, number in sorted(zip(numbered.doc_id, numbered.article), key=lambda p: int(p[1]))}


def field_type(values: pd.Series) -> str:
    """The Table Schema type the column's values have: integer, boolean or string."""
    present = values[values != ""]
    if len(present) and present.str.fullmatch(r"-?\d+").all():
        return "integer"
    if len(present) and present.isin(["True", "False"]).all():
        return "boolean"
    return "string"


REGISTER = "register"
REGISTER_NOTE = "the agreement register in English, one row per relationship, keyed by the book's article numbers"
TEXTS = "texts"
TEXTS_NOTE = ("each processed article's clean text (the headline, a blank line, the body), which the offsets (start, "
              "stop) of mentions, agreements, events and quotations index")
TEXTS_COLUMNS = {"doc_id": "the document (documents.doc_id)", "text": "the clean text, as the extraction read it"}


def resource(name: str, description: str, frame: pd.DataFrame, meaning: dict[str, str]) -> dict:
    """A Frictionless resource of one CSV: its fields described by ``meaning``, typed from the values."""
    fields = [{"name": column, "type": field_type(frame[column]), "description": meaning[column]} for column in frame.columns]
    return {"name": name, "description": description, "path": f"{name}.csv", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "schema": {"fields": fields, "missingValues": [""]}}


def datapackage(data_dir: Path, out: Path | None = None) -> dict:
    """The Frictionless descriptor of the tables: field names and descriptions from codebook.csv, types from the values;
    with the register, the clean texts and the hand annotation where ``out`` holds their CSV (descriptions from
    data/register_columns.csv, TEXTS_COLUMNS and data/gold_columns.csv)."""
    meaning = {(row["table"], row["column"]): row["meaning"] for row in read_data("codebook.csv")}
    resources = []
    for table in TABLES:
        frame = pd.read_csv(data_dir / f"{table}.csv", dtype=str, keep_default_na=False)
        resources.append(resource(table, TABLES[table], frame, {c: meaning[(table, c)] for c in frame.columns}))
    if out is not None and (out / f"{REGISTER}.csv").exists():
        frame = pd.read_csv(out / f"{REGISTER}.csv", dtype=str, keep_default_na=False)
        columns = {row["column"]: row["meaning"] for row in read_data("register_columns.csv", __package__)}
        resources.append(resource(REGISTER, REGISTER_NOTE, frame, columns))
    if out is not None and (out / f"{TEXTS}.csv").exists():
        resources.append(resource(TEXTS, TEXTS_NOTE, pd.read_csv(out / f"{TEXTS}.csv", dtype=str, keep_default_na=False), TEXTS_COLUMNS))
    gold_meaning = {(row["file"], row["column"]): row["meaning"] for row in read_data("gold_columns.csv", __package__)}
    for name in GOLD if out is not None else ():
        if (out / name).exists():
            frame = pd.read_csv(out / name, dtype=str, keep_default_na=False)
            file = name.removeprefix("gold_")
            resources.append(resource(name.removesuffix(".csv"), GOLD[name], frame, {c: gold_meaning[(file, c)] for c in frame.columns}))
    return {"name": "paradiplomacy", "title": "Agreements of Russian regions in the news: the tables of the book",
            "description": "One table per codebook table (paradiplomacy/data/codebook.csv), as the extraction wrote them, "
                           "the book's agreement register in English, the articles' clean texts and the hand annotation "
                           "the extraction is scored against. The articles' words, quoted in the texts and tables, are "
                           "their outlets'.",
            "resources": resources}


def write_downloads(data_dir: Path, out: Path, tables: dict | None = None, gold_dir: Path | None = None) -> None:
    """The tables as CSV, the register in English where ``tables`` (read_tables) are given, datapackage.json, and the
    hand annotation of ``gold_dir`` as gold_*.csv (GOLD)."""
    from .register import register

    out.mkdir(parents=True, exist_ok=True)
    for name in GOLD if gold_dir is not None else ():
        shutil.copyfile(gold_dir / name.removeprefix("gold_"), out / name)
    for table in TABLES:
        shutil.copyfile(data_dir / f"{table}.csv", out / f"{table}.csv")
    if tables is not None:
        register(tables).to_csv(out / f"{REGISTER}.csv", index=False, lineterminator="\n")
        ok = tables["documents"][tables["documents"].status == "ok"].doc_id
        texts = pd.DataFrame({"doc_id": ok, "text": [(data_dir / "clean" / f"{d}.txt").read_text(encoding="utf-8") for d in ok]})
        texts.to_csv(out / f"{TEXTS}.csv", index=False, lineterminator="\n")
    (out / "datapackage.json").write_text(json.dumps(datapackage(data_dir, out), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def nothing_removed(doc) -> str:
    """What the corpus page says of an article none of whose lines was removed: its header date, read at the start of
    its text, was taken off all the same."""
    header = doc.date_source == "page header" and doc.date_stated
    return "No line was removed" + (f"; the header date the page states at the start of its text ({doc.date_stated}) was read "
                                    "and taken off it" if header else "") + "."


def marked_text(text: str, mentions: pd.DataFrame, agreements: pd.DataFrame, types: dict[str, str], names: dict[str, str]) -> str:
    """The clean text as HTML paragraphs, actors marked by type and agreements' sentences underlined; all text escaped."""
    cuts = {0, len(text)} | {i for i, c in enumerate(text) if c == "\n"} | {i + 1 for i, c in enumerate(text) if c == "\n"}
    spans = [(m.start, m.stop, "actor", m.actor_id) for m in mentions.itertuples()]
    spans += [(a.start, a.stop, "agreement", a) for a in agreements.itertuples()]
    for start, stop, *_ in spans:
        cuts |= {start, stop}
    cuts = sorted(c for c in cuts if 0 <= c <= len(text))
    parts = ["<p>"]
    for a, b in zip(cuts, cuts[1:]):
        piece = text[a:b]
        if piece == "\n":
            parts.append("</p><p>")
            continue
        out = html.escape(piece)
        actor = next((s for s in spans if s[2] == "actor" and s[0] <= a and b <= s[1]), None)
        if actor:
            kind = types.get(actor[3], "other")
            out = f'<mark class="pd-{kind}" title="{html.escape(label(kind) + ": " + names.get(actor[3], ""))}">{out}</mark>'
        agreement = next((s for s in spans if s[2] == "agreement" and s[0] <= a and b <= s[1]), None)
        if agreement:
            record = agreement[3]
            out = f'<span class="pd-agreement" title="{html.escape(label(record.kind) + ", " + record.status)}">{out}</span>'
        parts.append(out)
    parts.append("</p>")
    return "".join(parts).replace("<p></p>", "")


def html_table(rows: list[tuple[str, str]]) -> str:
    """A two-column table of (already escaped) cells, on one line per row (no blank line ends the HTML block)."""
    body = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    return f'<table class="table pd-meta"><tbody>{body}</tbody></table>'


SMALL_TOWN = 10_000  # people: below it a settlement is no city in English ("райцентр Измалково", about 4,000)


def type_label(actor) -> str:
    """The actor's type in English; a settlement of fewer than SMALL_TOWN people by the gazetteer's count is a "town
    or village", not a city."""
    place = place_by_id(actor["place_id"]) if actor["type"] == "city" and actor["place_id"] else None
    return "town or village" if place is not None and 0 < place.population < SMALL_TOWN else label(actor["type"])


def article_page(number: int, doc, tables: dict, data_dir: Path, names: Names) -> str:
    actors = tables["actors"]
    types = dict(zip(actors.actor_id, actors.type))
    in_article = document_names(tables, doc.doc_id)  # "правительство региона" by the region this article names
    english = {a.actor_id: in_article.get(a.actor_id) or names.english(a.name) for a in actors.itertuples()}
    text = (data_dir / "clean" / f"{doc.doc_id}.txt").read_text(encoding="utf-8")
    mentions = tables["mentions"][tables["mentions"].doc_id == doc.doc_id]
    agreements = tables["agreements"][tables["agreements"].doc_id == doc.doc_id]
    url = f'<a href="{html.escape(doc.url)}">{html.escape(doc.url)}</a>' if doc.url else "not recorded"
    basis = {"stated": "stated by the page", "inferred": "inferred from the events the text reports",
             "manifest": "recorded in the manifest", "unknown": "unknown"}.get(doc.date_basis, doc.date_basis)
    if str(doc.date_conflict) == "True" and doc.date_stated:  # the reader sees the date the inference overrode
        basis += f"; the page states {doc.date_stated} ({doc.date_source}), which the events it reports contradict"
    facts = [("headline", doc.title or "none"), ("outlet", outlet_name(doc.outlet) or "not recorded"), ("address", doc.url or "not recorded"),
             ("how the address was found", doc.url_note or (f"the page's {doc.url_source}" if doc.url_source else "no address")),
             ("retrieved", doc.retrieved or "not recorded"),
             ("relays (the text's words)", doc.relays.replace(" | ", "; ") or "none named"),
             ("photo credit", doc.photo_credit.replace(" | ", "; ") or "none"),
             ("published", (doc.published or "no date") + f" ({basis})"), ("case", quote_authorities(doc.case)), ("encoding", doc.encoding),
             ("characters", f"{int(doc.chars_raw):,} in the file, {int(doc.chars_clean):,} kept as the article"),
             ("agreements", str(len(agreements))), ("actors mentioned", str(mentions.actor_id.nunique())),
             # the keys of the downloads, last: a reader matches the article by its headline and outlet
             ("document id (doc_id)", doc.doc_id), ("file", doc.source_file + (f", row {doc.source_row}" if doc.source_row else ""))]
    identifiers = {"document id (doc_id)", "file"}  # the downloads' keys, shown as identifiers
    meta = html_table([(field, url if field == "address" else f"<code>{html.escape(value)}</code>" if field in identifiers else html.escape(value))
                       for field, value in facts])
    lines = tables["lines"][tables["lines"].doc_id == doc.doc_id]
    dropped = lines[~lines.kept]
    removed = "".join(f"<tr><td>{int(r.line)}</td><td>{html.escape(r.shape)}</td><td>{html.escape(r.reason)}</td><td lang=\"ru\">{html.escape(r.text)}</td></tr>"
                      for r in dropped.itertuples())
    removed_table = (f'<table class="table pd-removed"><thead><tr><th>line</th><th>shape</th><th>why it was removed</th><th>text</th></tr></thead>'
                     f"<tbody>{removed}</tbody></table>") if len(dropped) else f"<p>{html.escape(nothing_removed(doc))}</p>"
    present = actors.set_index("actor_id").loc[list(dict.fromkeys(mentions.sort_values("start").actor_id))]
    # each person's offices in this article's own words (the actors table gathers every article's)
    own_roles = {a: "; ".join(dict.fromkeys(r for r in group.role if r)) for a, group in mentions.groupby("actor_id")}
    who_rows = [(english[a], r["name"], type_label(r), own_roles.get(a, "")) for a, r in present.iterrows()]
    who = "".join(f"<tr><td>{html.escape(en)}</td><td lang=\"ru\">{html.escape(name)}</td><td>{html.escape(kind)}</td>"
                  f"<td>{html.escape(roles)}</td></tr>" for en, name, kind, roles in who_rows)
    who_table = ('<table class="table pd-removed"><thead><tr><th>in English</th><th>as the pipeline names it</th><th>type</th>'
                 f"<th>offices, as the texts give them</th></tr></thead><tbody>{who}</tbody></table>") if len(present) else "<p>No actor was found.</p>"
    legend = " ".join(f'<mark class="pd-{t}">{label(t)}</mark>' for t in sorted(set(mentions.actor_id.map(types)))) + ' <span class="pd-agreement">sentence of an agreement</span>'
    # the PDF cannot show raw HTML: it gets the same content as Markdown (plain text, list tables)
    meta_pdf = pd.DataFrame(facts, columns=["field", "value"])
    who_pdf = pd.DataFrame(who_rows, columns=["in English", "as the pipeline names it", "type", "offices, as the texts give them"])
    removed_pdf = pd.DataFrame([(int(r.line), r.reason, r.text) for r in dropped.itertuples()], columns=["line", "why it was removed", "text"])
    paragraphs = "\n\n".join(markdown_text(p) for p in text.split("\n") if p.strip())
    return "\n".join([
        f"# Article {number}: {escape_markdown(quote_authorities(doc.case))}, {doc.published or 'undated'}", "",
        both_editions(meta, Table(meta_pdf, identifiers=[v for f, v in facts if f in identifiers])._repr_markdown_()), "",
        "## The article", "",
        both_editions(f"Actors are marked by type and the sentences that report an agreement are underlined; hover for the English name. Legend: {legend}\n\n"
                      f'<div class="pd-text" lang="ru">{marked_text(text, mentions, agreements, types, english)}</div>',
                      "The article as the pipeline read it (the HTML edition marks its actors and agreements):\n\n" + paragraphs), "",
        "## Who is named", "",
        "The actors of the article in the order they first appear, with their English names:", "",
        both_editions(who_table, Table(who_pdf)._repr_markdown_()), "",
        "## What the corpus stage removed, and why", "",
        f"Of the file's {len(lines)} non-blank lines, {int(lines.kept.sum())} were kept as the article and {len(dropped)} removed as the site's chrome:", "",
        both_editions(removed_table, Table(removed_pdf)._repr_markdown_() if len(dropped) else nothing_removed(doc)), "",
    ])


def both_editions(html_block: str, pdf_markdown: str) -> str:
    """Raw HTML for the HTML edition and MyST Markdown for the PDF (Sphinx's ``only`` directive)."""
    return "\n".join(["::::{only} html", html_block, "::::", "", "::::{only} latex", pdf_markdown, "::::"])


def escape_markdown(text: str) -> str:
    """A source's headline as MyST text: markup characters escaped, so it shows as written."""
    return html.escape("".join("\\" + c if c in "\\`*_[]{}<>#|!$" else c for c in text), quote=False)


def write_corpus_pages(tables: dict, data_dir: Path, out: Path) -> None:
    """book/corpus/index.md and one article-<n>.md per processed document."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    names = Names.of(tables)
    documents = tables["documents"].set_index("doc_id", drop=False)
    numbers = article_numbers(tables["documents"])
    rows, rows_pdf, keys_pdf = [], [], []  # the PDF's page has no room for ids that cannot break: they follow the table
    for doc_id, number in numbers.items():
        doc = documents.loc[doc_id]
        (out / f"{article_page_name(number)}.md").write_text(article_page(number, doc, tables, data_dir, names), encoding="utf-8")
        rest = f"{escape_markdown(doc.title or 'no headline')} | {escape_markdown(outlet_name(doc.outlet) or 'not recorded')} | {doc.published or 'no date'} | {quote_authorities(doc.case)} |"
        # a file named by its id says nothing more; a row of a table, or a file elsewhere, does
        file = "" if doc.source_file.rsplit(".", 1)[0] == doc.doc_id else f" (`{doc.source_file}`)"
        rows.append(f"| [Article {number}]({article_page_name(number)}.md) | `{doc.doc_id}`{file} | " + rest)
        rows_pdf.append(f"| [Article {number}]({article_page_name(number)}.md) | " + rest)
        keys_pdf.append(f"Article {number}: `{doc.doc_id}`{file}")
    skipped = tables["documents"][tables["documents"].status != "ok"]
    index = ["# The corpus, article by article", "",
             "Each page shows what the pipeline read: the article's metadata, its clean text with the actors and the "
             "agreements marked, and every line of the file that the corpus stage removed, with the reason.", "",
             "The downloads (`documents.csv` and the other tables) key each article by its `doc_id`, the name of its file "
             "where no other file is named; the book numbers them 1, 2, ... in the order of those ids (the column "
             "`article` of `documents.csv`).", "",
             both_editions("\n".join(["| article | doc_id | headline | outlet | published | case |", "|---|---|---|---|---|---|", *rows]),
                           "\n".join(["| article | headline | outlet | published | case |", "|---|---|---|---|---|", *rows_pdf, "",
                                      "Their ids: " + "; ".join(keys_pdf) + "."])), ""]
    if len(skipped):
        index += [f"Files not read as articles: {len(skipped)} (their reasons are in the documents table).", ""]
    (out / "index.md").write_text("\n".join(index), encoding="utf-8")
