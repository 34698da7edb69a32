"""What a seeds folder holds: article files and tables of articles, read recursively, every file and
every row one source with an id that no other source can have.

A plain file (text, HTML) is one article; a table (.csv, .tsv, .jsonl/.ndjson, .json list of
objects, .parquet) holds one article a row, its columns given roles (text, title, date, url,
outlet, id) by their names (``data/column_roles.csv``) or by the user. Rows are read one at a
time, so a table of any size is streamed.

Document ids are derived from the path relative to the folder, so they are stable and unique:
``article.txt`` -> ``article`` (a ``.txt`` name without other dots keeps the id it always had),
``page.html`` -> ``page.html``, ``sub/dir/a.txt`` -> ``sub/dir/a``, a file without an extension
``README`` -> ``README.``; a row of ``news.csv`` -> ``news.csv/<its id>`` (the value of its id
column, percent-encoded, where it is given and unique) or ``news.csv/#<row number>``. No two of these
forms can meet: only ``.txt`` ids lack a dot in their last part, only extension-less files end
in a dot, and a row id lives under its file's full name, which no file or folder beside that
file can have.
"""

import csv
import json
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Iterator
from urllib.parse import quote

MANIFEST = "manifest.csv"
TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".json", ".parquet")
ROLES = ("text", "title", "date", "url", "outlet", "id")
MAX_ID_CHARS = 150  # a longer id value is not used in the document id (it is a file name in clean/)


@dataclass
class Source:
    """One document's worth of input: a file, or one row of a table."""
    doc_id: str
    source_file: str  # path relative to the seeds folder
    row: int | None = None  # the row's number in its table (1 = first data row), None for a plain file
    fields: dict = field(default_factory=dict)  # a row's values by role
    problem: str = ""  # why this source cannot be read (a broken line, a missing column)


@lru_cache(maxsize=1)
def role_names() -> dict[str, tuple[str, ...]]:
    with resources.files(__package__).joinpath("data/column_roles.csv").open(encoding="utf-8") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        return {row["role"]: tuple(n.strip().lower() for n in row["names"].split("|")) for row in rows}


def file_doc_id(relative: str) -> str:
    """The document id of a file at ``relative`` (a POSIX path inside the seeds folder)."""
    path = PurePosixPath(relative)
    name = path.name
    if name.endswith(".txt") and "." not in name[: -len(".txt")] and len(name) > len(".txt"):
        stem = name[: -len(".txt")]
    elif "." in name.strip("."):
        stem = name
    else:
        stem = name + "."
    return str(path.parent / stem) if str(path.parent) != "." else stem


def input_paths(seeds_dir: Path) -> list[Path]:
    """Every file under ``seeds_dir`` (recursively, hidden files and folders aside), in a stable order."""
    found = []
    for path in seeds_dir.rglob("*"):
        relative = path.relative_to(seeds_dir)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file() and relative.as_posix() != MANIFEST:
            found.append(path)
    return sorted(found, key=lambda p: p.relative_to(seeds_dir).as_posix())


def is_table(path: Path) -> bool:
    return path.suffix.lower() in TABLE_SUFFIXES


def column_roles(columns: list[str], chosen: dict[str, str] | None = None) -> dict[str, str]:
    """Which column plays each role: the user's choice, else the first column with a known name."""
    chosen = chosen or {}
    by_lower = {c.strip().lower(): c for c in columns if isinstance(c, str)}
    roles = {}
    for role in ROLES:
        if chosen.get(role):
            if chosen[role] in columns:
                roles[role] = chosen[role]
            continue
        for name in role_names().get(role, ()):
            if name in by_lower:
                roles[role] = by_lower[name]
                break
    return roles


class RowIds:
    """Row ids of one table: the id column's value when it is a plain token not seen before, else '#<row>'."""

    def __init__(self, prefix: str):
        self.prefix, self.seen = prefix, set()

    def __call__(self, value, row: int) -> str:
        value = "" if value is None else str(value).strip()
        token = quote(value, safe="")  # percent-encoded: one-to-one, and safe as a file name
        if token.startswith("."):
            token = "%2E" + token[1:]
        if token and len(token) <= MAX_ID_CHARS and token not in self.seen:
            self.seen.add(token)
            return f"{self.prefix}/{token}"
        return f"{self.prefix}/#{row}"  # ('#' itself is encoded in a token, so this cannot meet one)


def row_source(doc_id: str, relative: str, row: int, record: dict, roles: dict[str, str]) -> Source:
    fields = {role: record.get(column) for role, column in roles.items()}
    fields = {k: ("" if v is None else str(v)) for k, v in fields.items()}
    problem = "" if fields.get("text", "").strip() else f"row {row}: no text in column '{roles['text']}'"
    return Source(doc_id, relative, row, fields=fields, problem=problem)


def missing_text_column(relative: str, columns: list[str]) -> Source:
    names = ", ".join(role_names()["text"][:6])
    have = ", ".join(map(str, columns)) or "none"
    return Source(file_doc_id(relative), relative, problem=(
        f"no text column: none of {names}, ... (or the one chosen) among the columns {have}"))


def table_sources(path: Path, relative: str, chosen: dict[str, str] | None = None) -> Iterator[Source]:
    """One Source per row of the table at ``path``, streamed; problems become Sources that carry them."""
    suffix = path.suffix.lower()
    try:
        if suffix in (".csv", ".tsv"):
            yield from delimited_sources(path, relative, chosen)
        elif suffix in (".jsonl", ".ndjson"):
            yield from json_lines_sources(path, relative, chosen)
        elif suffix == ".json":
            yield from json_list_sources(path, relative, chosen)
        elif suffix == ".parquet":
            yield from parquet_sources(path, relative, chosen)
    except OSError as e:
        yield Source(file_doc_id(relative), relative, problem=f"unreadable: {e.strerror}")
    except UnicodeDecodeError as e:
        yield Source(file_doc_id(relative), relative, problem=f"not UTF-8 text ({e.reason} at byte {e.start})")


def sniff_delimiter(header: str, suffix: str) -> str:
    if suffix == ".tsv":
        return "\t"
    counts = {d: header.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def delimited_sources(path: Path, relative: str, chosen) -> Iterator[Source]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # an article is one (long) field
    with path.open(encoding="utf-8-sig", newline="") as f:
        header = f.readline()
        f.seek(0)  # (the decoder skips the BOM again)
        reader = csv.reader(f, delimiter=sniff_delimiter(header, path.suffix.lower()))
        try:
            columns = next(reader)
        except StopIteration:
            yield Source(file_doc_id(relative), relative, problem="empty table: no header row")
            return
        columns = [c.strip() for c in columns]
        roles = column_roles(columns, chosen)
        if "text" not in roles:
            yield missing_text_column(relative, columns)
            return
        ids = RowIds(relative)
        row = 0
        while True:
            try:
                values = next(reader)
            except StopIteration:
                break
            except csv.Error as e:
                row += 1
                yield Source(ids(None, row), relative, row, problem=f"line {reader.line_num}: malformed CSV ({e})")
                break  # the reader cannot resynchronise after a broken quote
            if not values:
                continue
            row += 1
            record = dict(zip(columns, values))
            doc_id = ids(record.get(roles.get("id", "")), row)
            if len(values) != len(columns):
                yield Source(doc_id, relative, row, problem=(
                    f"line {reader.line_num}: {len(values)} fields where the header has {len(columns)}"))
                continue
            yield row_source(doc_id, relative, row, record, roles)


def json_lines_sources(path: Path, relative: str, chosen) -> Iterator[Source]:
    ids = RowIds(relative)
    roles = None
    row = 0
    with path.open(encoding="utf-8-sig") as f:
        for number, line in enumerate(f, start=1):
            if not line.strip():
                continue
            row += 1
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                yield Source(ids(None, row), relative, row, problem=f"line {number}: broken JSON ({e.msg} at column {e.colno})")
                continue
            if not isinstance(record, dict):
                yield Source(ids(None, row), relative, row, problem=f"line {number}: a JSON {type(record).__name__}, not an object")
                continue
            if roles is None:
                roles = column_roles(list(record), chosen)
                if "text" not in roles:
                    yield missing_text_column(relative, list(record))
                    return
            yield row_source(ids(record.get(roles.get("id", "")), row), relative, row, record, roles)


def json_list_sources(path: Path, relative: str, chosen) -> Iterator[Source]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as e:
        yield Source(file_doc_id(relative), relative, problem=f"line {e.lineno}: broken JSON ({e.msg})")
        return
    if isinstance(data, dict):  # {"articles": [...]}: the one list of objects it holds
        lists = [v for v in data.values() if isinstance(v, list) and v and all(isinstance(x, dict) for x in v)]
        data = lists[0] if len(lists) == 1 else data
    if not isinstance(data, list) or not all(isinstance(x, dict) for x in data):
        yield Source(file_doc_id(relative), relative, problem="not a list of objects (one article an object)")
        return
    if not data:
        yield Source(file_doc_id(relative), relative, problem="empty list: no articles")
        return
    columns = list(dict.fromkeys(k for record in data for k in record))
    roles = column_roles(columns, chosen)
    if "text" not in roles:
        yield missing_text_column(relative, columns)
        return
    ids = RowIds(relative)
    for row, record in enumerate(data, start=1):
        yield row_source(ids(record.get(roles.get("id", "")), row), relative, row, record, roles)


def parquet_sources(path: Path, relative: str, chosen) -> Iterator[Source]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield Source(file_doc_id(relative), relative, problem="a Parquet file needs pyarrow, which is not installed")
        return
    table = pq.ParquetFile(path)
    columns = table.schema_arrow.names
    roles = column_roles(columns, chosen)
    if "text" not in roles:
        yield missing_text_column(relative, columns)
        return
    ids = RowIds(relative)
    row = 0
    for batch in table.iter_batches(columns=list(dict.fromkeys(roles.values()))):
        for record in batch.to_pylist():
            row += 1
            yield row_source(ids(record.get(roles.get("id", "")), row), relative, row, record, roles)


def iter_sources(seeds_dir: Path, chosen: dict[str, str] | None = None, per_file: dict[str, dict] | None = None) -> Iterator[Source]:
    """Every source of the folder in a stable order: plain files whole, tables row by row."""
    for path in input_paths(seeds_dir):
        relative = path.relative_to(seeds_dir).as_posix()
        if is_table(path):
            yield from table_sources(path, relative, {**(chosen or {}), **((per_file or {}).get(relative, {}))})
        else:
            yield Source(file_doc_id(relative), relative)
