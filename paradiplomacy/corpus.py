"""The corpus stage: every file of a seeds folder to a dated, cased, clean document."""

import csv
import hashlib
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from razdel import sentenize

from .cases import assign_case, case_names
from .chrome import Line, extract_article, repeatable_keys
from .dates import YEAR_DIGITS, find_dates, years_mentioned
from .datafiles import read_words
from .decode import decode_bytes, decode_text
from .isolation import one_line, stage
from .language import judge_language
from .output import join_list
from .pages import Page, iso_date
from .provenance import sources_named
from .sources import ROLES, Source, input_paths, iter_sources
from .nlp import morph_vocab

MANIFEST = "manifest.csv"
MAX_ARTICLE_CHARS = 200_000
MIN_LETTERS_TO_JUDGE = 100  # a page with no article is named by its language only when it has this much text
LETTERS = re.compile(r"[^\W\d_]")  # a news article is a few thousand characters; this is a dump
MANIFEST_COLUMNS = ["file", "outlet", "outlet_note", "url", "url_note", "retrieved", "case", "published"]
ROLE_COLUMNS = [f"{role}_column" for role in ROLES]  # optional manifest columns naming a table's columns
TEXT_CACHE_CHARS = 50_000_000  # texts kept between the two passes; a larger corpus is read twice instead


@dataclass
class Document:
    doc_id: str
    source_file: str  # path relative to the seeds folder
    source_row: int | str = ""  # the row of a table (1 = first data row); '' for a plain file
    status: str = "ok"  # ok | skipped | duplicate | failed
    reason: str = ""
    stage: str = ""  # where a failed document stopped
    encoding: str = ""
    language: str = ""  # the article's language, as identified (ru for every document kept)
    title: str = ""
    outlet: str = ""
    outlet_note: str = ""  # who publishes the outlet and its stance, as the manifest describes it
    url: str = ""
    url_source: str = ""  # where the address comes from: the page's metadata, the row's url column or the manifest
    url_note: str = ""  # how the manifest's address was found and how well it matches, as the manifest says
    retrieved: str = ""  # when the file was retrieved, as the manifest says
    relays: str = ""  # the sources the article says it reports from, in its words (provenance)
    photo_credit: str = ""  # whose photos the page credits
    published: str = ""
    date_basis: str = "unknown"  # stated | inferred | manifest | unknown
    date_source: str = ""  # where the stated date was read: page metadata (article:published_time, ...) or the header line
    date_stated: str = ""
    date_inferred: str = ""
    date_conflict: bool = False
    case: str = ""
    parsed: bool | str = ""  # for a processed document: whether it was parsed (see pipeline.process_document)
    chars_raw: int = 0
    chars_clean: int = 0
    sha256: str = ""
    text: str = field(default="", repr=False)  # the clean article: title, blank line, body
    body_start: int = 0  # offset of the body in ``text`` (0 when there is no title)
    lines: list[Line] = field(default_factory=list, repr=False)


class SeedsError(Exception):
    """A seeds folder that cannot be read at all."""


def input_files(seeds_dir: Path) -> list[Path]:
    """The files of a seeds folder and its subfolders, in a stable order."""
    if not seeds_dir.is_dir():
        raise SeedsError(f"seeds folder not found: {seeds_dir}")
    try:
        return input_paths(seeds_dir)
    except OSError as e:
        raise SeedsError(f"cannot read seeds folder {seeds_dir}: {e.strerror}") from None


def read_manifest(seeds_dir: Path, known_files: set[str], warn=print) -> dict[str, dict]:
    """Rows of ``seeds/manifest.csv`` by file name; malformed rows are reported and ignored."""
    path = seeds_dir / MANIFEST
    if not path.exists():
        return {}
    rows: dict[str, dict] = {}
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        if not reader.fieldnames or "file" not in reader.fieldnames:
            warn(f"{path}: no 'file' column in the header; manifest ignored")
            return {}
        for number, row in enumerate(reader, start=2):
            problem = manifest_row_problem(row, known_files)
            if problem:
                warn(f"{path}, row {number}: {problem}; row ignored")
                continue
            rows[row["file"].strip()] = {k: (row.get(k) or "").strip() for k in MANIFEST_COLUMNS + ROLE_COLUMNS}
    return rows


def manifest_row_problem(row: dict, known_files: set[str]) -> str:
    if None in row:
        return "more fields than the header has"
    name = (row.get("file") or "").strip()
    if not name:
        return "empty 'file'"
    if name not in known_files:
        return f"file '{name}' is not in the seeds folder"
    case = (row.get("case") or "").strip()
    if case and case not in case_names():
        return f"case '{case}' is not one of {', '.join(case_names())}"
    published = (row.get("published") or "").strip()
    if published and not is_partial_iso(published):
        return f"published '{published}' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"
    return ""


def is_partial_iso(value: str) -> bool:
    parts = value.split("-")
    return (
        1 <= len(parts) <= 3
        and len(parts[0]) == 4
        and all(p.isdigit() for p in parts)
        and all(len(p) == 2 for p in parts[1:])
    )


def load_corpus(seeds_dir: Path, warn=None) -> list[Document]:
    """Return one Document per input file, every file accounted for."""
    docs, cleaned = open_corpus(seeds_dir, warn)
    for _ in cleaned:
        pass
    return docs


def open_corpus(seeds_dir: Path, warn=None, columns: dict[str, str] | None = None) -> tuple[list[Document], Iterator[Document]]:
    """One Document per input file or table row, and an iterator that cleans them in turn, yielding those kept.

    Reading, removing duplicates and finding boilerplate need the whole folder;
    cleaning is one document at a time, so the next stage can start on the
    first clean document while the rest are being cleaned. Once the iterator
    is exhausted every Document has its final status. ``columns`` names the
    column of a role (text, title, date, url, outlet, id) in every table;
    ``manifest.csv`` may name them per file (``text_column``, ...).
    """
    warn = warn or (lambda message: print(message, file=sys.stderr))
    seeds_dir = Path(seeds_dir)
    files = input_files(seeds_dir)
    manifest = read_manifest(seeds_dir, {p.relative_to(seeds_dir).as_posix() for p in files}, warn)
    per_file = {name: {role: row[f"{role}_column"] for role in ROLES if row.get(f"{role}_column")}
                for name, row in manifest.items()}
    docs = []
    to_clean: set[str] = set()
    cached: dict[str, tuple[str, Page | None]] = {}
    cached_chars = 0
    key_sets = []
    seen_text: dict[str, str] = {}
    for source in iter_sources(seeds_dir, columns, per_file):
        doc, text, page = read_source(seeds_dir, source)
        if text is not None:
            digest = hashlib.sha256(" ".join(text.split()).encode()).hexdigest()
            if digest in seen_text:
                doc.status, doc.reason = "duplicate", f"same text as {seen_text[digest]}"
            else:
                seen_text[digest] = doc.doc_id
                to_clean.add(doc.doc_id)
                key_sets.append(repeatable_keys(text))
                if cached_chars + len(text) <= TEXT_CACHE_CHARS:
                    cached[doc.doc_id] = (text, page)
                    cached_chars += len(text)
        docs.append(doc)
    boilerplate = recurring_lines(key_sets)
    del key_sets
    return docs, clean_documents(seeds_dir, docs, to_clean, cached, boilerplate, manifest, columns, per_file)


def clean_documents(seeds_dir: Path, docs, to_clean: set[str], cached: dict, boilerplate: frozenset[str], manifest: dict,
                    columns, per_file) -> Iterator[Document]:
    """Clean the documents in order, rereading (streaming) those whose text was not kept from the first pass."""
    by_id = {doc.doc_id: doc for doc in docs}
    reread = iter_sources(seeds_dir, columns, per_file) if len(cached) < len(to_clean) else iter(())
    for doc in docs:
        if doc.doc_id not in to_clean:
            continue
        try:
            with stage("corpus"):
                if doc.doc_id in cached:
                    text, page = cached.pop(doc.doc_id)
                else:
                    for source in reread:
                        if source.doc_id == doc.doc_id:
                            break
                    _, text, page = read_source(seeds_dir, source)
                clean_document(by_id[doc.doc_id], text, boilerplate, manifest.get(doc.source_file, {}), page)
        except Exception as e:  # one page the cleaner cannot read stops only itself
            doc.status, doc.reason, doc.stage = "failed", f"{type(e).__name__}: {one_line(e)}", "corpus"
            doc.text, doc.title, doc.chars_clean = "", "", 0
        if doc.status == "ok":
            yield doc


def read_source(seeds_dir: Path, source: Source) -> tuple[Document, str | None, Page | None]:
    """A source's Document and its decoded text (with what a page or row states about itself)."""
    if source.row is None and not source.problem:
        return read_document(seeds_dir / source.source_file, source.doc_id, source.source_file)
    doc = Document(doc_id=source.doc_id, source_file=source.source_file, source_row=source.row or "")
    if source.problem:
        doc.status, doc.reason = "skipped", source.problem
        return doc, None, None
    fields = source.fields
    doc.sha256 = hashlib.sha256(fields["text"].encode("utf-8")).hexdigest()
    decoded = decode_text(fields["text"], "table")
    doc.encoding = decoded.encoding
    if decoded.problem:
        doc.status, doc.reason = "skipped", decoded.problem
        return doc, None, None
    page = decoded.page or Page(decoded.text, found_article=True)
    page.found_article = True  # a row holds one article: all its runs of text are that article
    if fields.get("title", "").strip():
        page.title, page.title_source = " ".join(fields["title"].split()), "title column"
    date = iso_date(fields.get("date", ""))
    if date:
        page.published, page.date_source = date, "date column"
    page.outlet = fields.get("outlet", "").strip() or page.outlet
    if fields.get("url", "").strip():
        page.url, page.url_source = fields["url"].strip(), "url column"
    doc.chars_raw = len(decoded.text)
    return doc, decoded.text, page


def read_document(path: Path, doc_id: str | None = None, source_file: str | None = None) -> tuple[Document, str | None, Page | None]:
    doc = Document(doc_id=doc_id or path.stem, source_file=source_file or path.name)
    try:
        data = path.read_bytes()
    except OSError as e:
        doc.status, doc.reason = "skipped", f"unreadable: {e.strerror}"
        return doc, None, None
    doc.sha256 = hashlib.sha256(data).hexdigest()
    decoded = decode_bytes(data)
    doc.encoding = decoded.encoding
    if decoded.text is None or decoded.problem:
        doc.status, doc.reason = "skipped", decoded.problem
        return doc, None, None
    doc.chars_raw = len(decoded.text)
    return doc, decoded.text, decoded.page


NEAR_COPY = 0.5  # documents sharing more of their lines than this are copies of one article


def recurring_lines(key_sets: list[set[str]]) -> frozenset[str]:
    """Keys of the long lines found in two or more otherwise different documents: site boilerplate.

    ``key_sets`` holds the ``repeatable_keys`` of each document. A line two copies
    of one press release share is article text, not chrome; so a line counts only
    when the first two documents holding it share less than half of their lines.
    Linear in the corpus: one set per document.
    """
    holders: dict[str, list[int]] = {}
    for index, keys in enumerate(key_sets):
        for key in keys:
            found = holders.setdefault(key, [])
            if len(found) < 2:
                found.append(index)
    boilerplate = set()
    for key, (first, *rest) in holders.items():
        if rest:
            a, b = key_sets[first], key_sets[rest[0]]
            if len(a & b) / len(a | b) < NEAR_COPY:
                boilerplate.add(key)
    return frozenset(boilerplate)


def clean_document(doc: Document, text: str, boilerplate: frozenset[str], provenance: dict, page: Page | None = None) -> None:
    article = extract_article(text, boilerplate, page.title if page else "", structured=bool(page and page.found_article))
    doc.lines = article.lines
    if not article.body:
        code, problem = judge_language(text) if len(LETTERS.findall(text)) >= MIN_LETTERS_TO_JUDGE else ("", "")
        if code and problem:  # a page in another language says so, whether or not an article was found in it
            doc.language, doc.status, doc.reason = code, "skipped", problem
        elif page is not None and not page.found_article:
            doc.status, doc.reason = "skipped", "no article text found (the page has no <article> or <main>, and no run of text)"
        else:
            doc.status, doc.reason = "skipped", "no article text found (no run of full sentences)"
        return
    if len(article.body) > MAX_ARTICLE_CHARS:
        doc.status = "skipped"
        doc.reason = f"too long for one article ({len(article.body):,} characters of text): split it into articles"
        return
    doc.language, problem = judge_language(article.body)
    if problem:
        doc.status, doc.reason = "skipped", problem
        return
    title = article.title or (page.title if page else "")
    doc.title = title
    doc.text = f"{title}\n\n{article.body}\n" if title else f"{article.body}\n"
    doc.body_start = len(title) + 2 if title else 0
    doc.chars_clean = len(doc.text)
    doc.outlet = provenance.get("outlet") or (page.outlet if page else "")
    doc.outlet_note = (provenance.get("outlet_note") or "").strip()
    doc.url, doc.url_source = ((provenance["url"], "manifest") if provenance.get("url")
                               else (page.url, page.url_source) if page and page.url else ("", ""))
    doc.url_note = provenance.get("url_note", "") if provenance.get("url") else ""
    doc.retrieved = provenance.get("retrieved", "")
    doc.relays = join_list(sources_named(article.body, "text"))
    doc.photo_credit = join_list(sources_named("\n".join(line.text for line in article.lines), "photo"))
    if page is not None and page.published:
        header_dates, source = [page.published], page.date_source
    else:
        header_dates, source = article.header_dates, "page header" if article.header_dates else ""
    date_document(doc, header_dates, article.body, provenance.get("published", ""), source, stated_wins=bool(page and page.published))
    doc.case = provenance.get("case") or assign_case(title, article.body)


def date_document(doc: Document, header_dates: list[str], body: str, manifest_date: str, source: str = "",
                  stated_wins: bool = False) -> None:
    """Fill the publication date, its basis and any conflict with the body.

    A date the page's metadata states (``stated_wins``) is the publication date even when the body
    reports a later event as past (the conflict is still flagged); a date read from a header line
    loses to the body's latest past event, since it may be some other article's date.
    """
    doc.date_stated = header_dates[0] if header_dates else ""
    doc.date_source = source if doc.date_stated else ""
    doc.date_inferred = latest_past_event(body)
    if doc.date_stated and doc.date_inferred and doc.date_inferred[:4] > doc.date_stated[:4]:
        doc.date_conflict = True
    if manifest_date:
        doc.published, doc.date_basis = manifest_date, "manifest"
    elif doc.date_stated and (stated_wins or not doc.date_conflict):
        doc.published, doc.date_basis = doc.date_stated, "stated"
    elif doc.date_inferred:
        # A header older than the events the body reports as past cannot be the
        # publication date; the latest past event is the better estimate.
        doc.published, doc.date_basis = doc.date_inferred, "inferred"


# "до 2030 года", "к 2030 году": a year a plan runs to, not a date of what the sentence reports
TARGET_YEAR = re.compile(r"(?:до|к)\s", re.IGNORECASE)


def latest_past_event(body: str) -> str:
    """The latest date the body reports in a past-tense sentence, or '' (a year a plan runs to is none: "недавно была
    принята Концепция ... до 2030 года")."""
    latest = ""
    if not YEAR_DIGITS.search(body):
        return latest  # every date and year needs four digits: a body with none is not split into sentences
    for sentence in sentenize(body):
        mentions = [m for m in years_mentioned(sentence.text) if not TARGET_YEAR.match(sentence.text, m.start)] + find_dates(sentence.text)
        if mentions and is_past_tense(sentence.text):
            latest = max([latest] + [m.iso for m in mentions])
    return latest


def is_past_tense(sentence: str) -> bool:
    """True when the sentence reports something done, not planned."""
    tenses = [word_tense(w.strip(".,;:!?«»\"()—–-").lower()) for w in sentence.split()]
    return "past" in tenses and "futr" not in tenses


@lru_cache(maxsize=100_000)
def word_tense(word: str) -> str:
    """'past', 'futr' or '' for the most likely reading of a word."""
    if not word.isalpha():
        return ""
    if word in read_words("future_words.csv"):
        return "futr"
    tag = morph_vocab().parse(word)[0].tag
    return "past" if "past" in tag else "futr" if "futr" in tag else ""
