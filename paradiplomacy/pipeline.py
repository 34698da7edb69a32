"""One run: a seeds folder in, the tables of every stage out."""

import functools
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import __version__
from .actors import Mention, extract_mentions
from .agreement_places import places_beside_agreements
from .agreements import Agreement, extract_agreements
from .corpus import Document, input_files, open_corpus
from .cues import may_start_a_rule, needs_syntax
from .english import english_names
from .events import Event, extract_events, sides_by_sentence, sides_to_bind
from .execution import Executor, fewer_collections, run_documents
from .framing import framing_rows, framing_table
from .isolation import DEFAULT_TIMEOUT, is_failure, isolated, stage
from .relations import relations_table, text_links
from .nlp import pipeline
from .quotations import Quotation, extract_quotations
from .references import resolve_references
from .registry import Registry, actor_key, latin
from .sentence import sentences_of
from .output import staged_output, write_table
from .tables import agreements_table, by_category, documents_table, events_table, lines_table, quotations_table


@dataclass
class DocumentResult:
    doc_id: str
    mentions: list[Mention]
    agreements: list[Agreement]
    events: list[Event]
    links: list[tuple[str, str, str]]
    framing: list[dict]
    quotations: list[Quotation]
    parsed: bool = True  # False: no word any rule starts from, so no parse and no actors (``--parse relevant``)
    seconds: float = field(default=0.0, compare=False)  # how long it took; for sweeps, never in a table


def process_document(doc: Document, parse_all: bool = False) -> DocumentResult:
    """Everything found in one clean document: actors, agreements, events, links between names, quotations, framing markers.

    Each step runs as a named stage, so a failure reports where it happened. Unless ``parse_all``, a
    document with no word any agreement or event rule starts from gets its framing markers only: most
    articles of a general archive are of that kind, and parsing them would cost most of the run.
    """
    with stage("nlp"):
        relevant = parse_all or may_start_a_rule(doc.text)
    if not relevant:
        with stage("framing"):
            return DocumentResult(doc.doc_id, [], [], [], [], framing_rows(doc), [], parsed=False)
    with stage("nlp"):
        parsed = pipeline().parse(doc.text, functools.partial(needs_syntax, title_stop=doc.body_start))
    with stage("actors"):
        mentions = places_beside_agreements(parsed, resolve_references(parsed, extract_mentions(parsed), title_stop=doc.body_start))
    with stage("events"):
        sentences = sentences_of(parsed, mentions)
        events = extract_events(sentences, doc.published)
    with stage("agreements"):
        agreements = extract_agreements(sentences, mentions, doc.published, sides_to_bind(events, sentences, mentions, doc.published),
                                        title_stop=doc.body_start,
                                        sentence_sides=sides_by_sentence(events, mentions))
    with stage("links"):
        links = text_links(mentions, doc.text)
    with stage("quotations"):
        quotations = extract_quotations(doc.text, sentences, mentions, agreements)
    for m in mentions:
        m.tokens = []  # the parse stays in this process; the result travels and is cached
        # Keyed here, where the gazetteer and the word cache are warm and workers share the work, not in the process that gathers
        m.key, m.name_latin = actor_key(m), latin(m.name)
    with stage("framing"):
        framing = framing_rows(doc)
    return DocumentResult(doc.doc_id, mentions, agreements, events, links, framing, quotations)


def process_every_document(doc: Document) -> DocumentResult:
    """``process_document`` parsing the document whatever its words (``--parse all``)."""
    return process_document(doc, parse_all=True)


def extract(seeds_dir: Path, out_dir: Path, warn=None, workers: int = 1, cache_dir=None, dask_address=None,
            timeout: float | None = DEFAULT_TIMEOUT, columns: dict[str, str] | None = None, parse_all: bool = False) -> dict:
    """Run every stage on ``seeds_dir`` and replace ``out_dir`` with the results.

    ``columns`` names the column of a role (text, title, date, url, outlet, id) in tables of articles.
    ``parse_all`` parses every article, not only those with a word an agreement or event rule starts
    from (which is what the actors of every article need, as when persons are scored on public gold).
    Documents are processed in ``workers`` processes or on the Dask cluster at
    ``dask_address``; results found in ``cache_dir`` are reused. A document
    whose processing raises, or takes over ``timeout`` seconds, is ``failed``
    (with the stage and the error) and the others go on. Returns counts of
    documents by status (and how many were computed) for the summary line, the
    failures (``failures``: doc_id, stage, reason) and the seconds each document
    took (``seconds``; for a cached one, in the run that computed it).
    """
    with staged_output(Path(out_dir)) as staging:
        clean = staging / "clean"
        clean.mkdir()
        with Executor(workers, dask_address, warm_up=pipeline) as executor:
            docs, cleaned = open_corpus(Path(seeds_dir), warn=warn, columns=columns)
            by_id = {d.doc_id: d for d in docs}
            # The fingerprint is of the bytes this run read, so a folder that changes meanwhile makes the
            # outputs stale for the next run rather than wrong for this one.
            fingerprint = seeds_fingerprint(Path(seeds_dir), read_hashes(Path(seeds_dir), docs))
            readable = sum(d.status == "ok" for d in docs)  # before cleaning: an upper bound for the progress bar
            work = functools.partial(isolated, work=process_every_document if parse_all else process_document, timeout=timeout)
            version = pipeline_version() + ("+all" if parse_all else "")  # a cached result is of one mode
            registry = Registry()

            def register(result) -> None:
                # As results arrive, in the documents' order (which decides the actors' ids), while workers go on; a
                # failed document leaves no clean text
                if not is_failure(result):
                    registry.add(result.doc_id, result.mentions)
                    write_clean(clean, by_id[result.doc_id])

            results, computed = run_documents(cleaned, work, version, executor, cache_dir, readable, consume=register)
        cached = len(results) - computed
        seconds = {r.doc_id: r.seconds for r in results if getattr(r, "seconds", 0)}
        failures = [r for r in results if is_failure(r)]
        for failure in failures:
            doc = by_id[failure.doc_id]
            doc.status, doc.reason, doc.stage = "failed", failure.reason, failure.stage
        results = [r for r in results if not is_failure(r)]  # a failed document leaves no partial records
        for result in results:
            by_id[result.doc_id].parsed = result.parsed
        # the tables are built from every document's results at once: with the collector's default threshold it would
        # walk that heap again and again (as it would the workers'; execution.COLLECTOR_THRESHOLD)
        with fewer_collections():
            (staging / "run.json").write_text(json.dumps(fingerprint, indent=1, sort_keys=True) + "\n")
            write_table(documents_table(docs), staging / "documents.csv")
            write_table(lines_table(docs), staging / "lines.csv")
            write_table(framing_table(r.framing for r in results), staging / "framing.csv")
            actors = registry.actors_table()
            agreements = agreements_table(results, registry)
            events = events_table(results, registry)
            relations = relations_table(results, registry, agreements, events, actors, {d.doc_id: d.published for d in docs})
            actors.insert(actors.columns.get_loc("name_latin") + 1, "name_english", english_names(actors, relations))  # a body's needs its place
            write_table(actors, staging / "actors.csv")
            write_table(registry.mentions_table(), staging / "mentions.csv")
            intergovernmental, with_companies = by_category(agreements)
            write_table(intergovernmental, staging / "agreements.csv")
            write_table(with_companies, staging / "company_agreements.csv")
            write_table(events, staging / "events.csv")
            write_table(relations, staging / "relations.csv")
            write_table(quotations_table(results, registry), staging / "quotations.csv")
    counts = {"documents": len(docs), "computed": computed, "cached": cached}
    for status in ("ok", "skipped", "duplicate", "failed"):
        counts[status] = sum(d.status == status for d in docs)
    counts["failures"] = [(d.doc_id, d.stage, d.reason) for d in docs if d.status == "failed"]
    counts["seconds"] = seconds
    return counts


def write_clean(folder: Path, doc: Document) -> None:
    """The document's clean text in ``folder``; a document of a subfolder or a table's row in a subfolder of it."""
    path = folder / f"{doc.doc_id}.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(doc.text, encoding="utf-8")


def pipeline_version(package: Path = Path(__file__).parent) -> str:
    """The package version and a hash of the extraction library's code and data files: any change
    makes old outputs stale. The book and the evaluation live in other packages and do not count."""
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".csv") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def file_hashes(seeds_dir: Path, only: set[str] | None = None) -> dict[str, str]:
    """Hashes of the input files by relative path (of those in ``only``, if given)."""
    hashes = {}
    for path in input_files(seeds_dir):
        name = path.relative_to(seeds_dir).as_posix()
        if only is not None and name not in only:
            continue
        digest = hashlib.sha256()
        try:
            with path.open("rb") as f:
                for block in iter(lambda: f.read(1 << 20), b""):
                    digest.update(block)
        except OSError:
            continue  # unreadable: extraction reports it as skipped
        hashes[name] = digest.hexdigest()
    return hashes


def read_hashes(seeds_dir: Path, docs) -> dict[str, str]:
    """The hash of every file this run read: plain files as read, tables hashed whole."""
    hashes = {d.source_file: d.sha256 for d in docs if d.sha256 and d.source_row == ""}
    tables = {d.source_file for d in docs if d.source_row != "" or d.source_file not in hashes}
    hashes.update(file_hashes(seeds_dir, tables - set(hashes)))
    return hashes


def seeds_fingerprint(seeds_dir: Path, hashes: dict[str, str] | None = None) -> dict:
    """What a run's outputs depend on: the pipeline version, every input file's bytes, the manifest."""
    files = dict(file_hashes(seeds_dir) if hashes is None else hashes)
    manifest = seeds_dir / "manifest.csv"
    if manifest.exists():
        files[manifest.name] = hashlib.sha256(manifest.read_bytes()).hexdigest()
    return {"version": pipeline_version(), "files": files}


class TablesError(Exception):
    """Tables that are missing, or older than the corpus or the code they were made from."""


def read_tables(seeds_dir, data_dir) -> dict[str, pd.DataFrame]:
    """The output tables of ``data_dir``, by name; never extracts.

    Raises TablesError, naming the command that makes them, when ``data_dir`` is
    missing or was made from other files or another version of the pipeline.
    """
    seeds_dir, data_dir = Path(seeds_dir), Path(data_dir)
    run_file = data_dir / "run.json"
    if not run_file.exists():
        raise TablesError(f"no tables in {data_dir}: run `make data` (or `python -m paradiplomacy extract {seeds_dir} --out {data_dir}`)")
    if json.loads(run_file.read_text()) != seeds_fingerprint(seeds_dir):
        raise TablesError(f"the tables in {data_dir} are older than {seeds_dir} or the pipeline's code: run `make data`")
    return {p.stem: pd.read_csv(p, keep_default_na=False, dtype=id_columns(p)) for p in sorted(data_dir.glob("*.csv"))}


def id_columns(table: Path) -> dict[str, type]:
    """The table's id columns, read as text: a document "001" (from ``001.txt``) stays "001", not the number 1."""
    header = table.open(encoding="utf-8").readline().strip().split(",")
    return {column: str for column in header if column.endswith(("_id", "_ids"))}
