"""One run: a seeds folder in, the tables of every stage out."""

import hashlib
import json
from pathlib import Path

import pandas as pd

from . import __version__
from dataclasses import dataclass

from .actors import Mention, extract_mentions
from .agreements import Agreement, Event, extract_agreements
from .corpus import Document, input_files, load_corpus
from .framing import framing_table
from .graph import relations_table, text_links
from .nlp import pipeline
from .registry import Registry
from .output import staged_output, write_table
from .tables import agreements_table, documents_table, events_table, lines_table


@dataclass
class DocumentResult:
    doc_id: str
    mentions: list[Mention]
    agreements: list[Agreement]
    events: list[Event]
    links: list[tuple[str, str, str]]


def process_document(doc: Document) -> DocumentResult:
    """Everything the NLP stages find in one clean document."""
    parsed = pipeline().parse(doc.text)
    mentions = extract_mentions(parsed)
    agreements, events = extract_agreements(parsed, mentions, doc.published)
    return DocumentResult(doc.doc_id, mentions, agreements, events, text_links(mentions, doc.text))


def extract(seeds_dir: Path, out_dir: Path, warn=None) -> dict:
    """Run every stage on ``seeds_dir`` and replace ``out_dir`` with the results.

    Returns counts of documents by status, for the summary line.
    """
    fingerprint = seeds_fingerprint(Path(seeds_dir))
    docs = load_corpus(Path(seeds_dir), warn=warn)
    registry = Registry()
    results = []
    for doc in docs:
        if doc.status == "ok":
            result = process_document(doc)
            registry.add(doc.doc_id, result.mentions)
            results.append(result)
    with staged_output(Path(out_dir)) as staging:
        (staging / "run.json").write_text(json.dumps(fingerprint, indent=1, sort_keys=True) + "\n")
        write_table(documents_table(docs), staging / "documents.csv")
        write_table(lines_table(docs), staging / "lines.csv")
        write_table(framing_table(docs), staging / "framing.csv")
        actors = registry.actors_table()
        agreements = agreements_table(results, registry)
        events = events_table(results, registry)
        write_table(actors, staging / "actors.csv")
        write_table(registry.mentions_table(), staging / "mentions.csv")
        write_table(agreements, staging / "agreements.csv")
        write_table(events, staging / "events.csv")
        write_table(relations_table(results, registry, agreements, events, actors), staging / "relations.csv")
        clean = staging / "clean"
        clean.mkdir()
        for doc in docs:
            if doc.status == "ok":
                (clean / f"{doc.doc_id}.txt").write_text(doc.text, encoding="utf-8")
    counts = {"documents": len(docs)}
    for status in ("ok", "skipped", "duplicate"):
        counts[status] = sum(d.status == status for d in docs)
    return counts


def pipeline_version() -> str:
    """The package version and a hash of its code and data files: any change makes old outputs stale."""
    package = Path(__file__).parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".csv") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def seeds_fingerprint(seeds_dir: Path) -> dict:
    """What a run's outputs depend on: the pipeline version and every input file's bytes."""
    files = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in input_files(seeds_dir)}
    manifest = seeds_dir / "manifest.csv"
    if manifest.exists():
        files[manifest.name] = hashlib.sha256(manifest.read_bytes()).hexdigest()
    return {"version": pipeline_version(), "files": files}


def load_tables(seeds_dir, data_dir) -> dict[str, pd.DataFrame]:
    """The output tables for ``seeds_dir``, extracting first if ``data_dir`` is missing or stale."""
    seeds_dir, data_dir = Path(seeds_dir), Path(data_dir)
    run_file = data_dir / "run.json"
    if not run_file.exists() or json.loads(run_file.read_text()) != seeds_fingerprint(seeds_dir):
        extract(seeds_dir, data_dir)
    return {p.stem: pd.read_csv(p, keep_default_na=False) for p in sorted(data_dir.glob("*.csv"))}
