"""Write what the book gives to take away, then execute every notebook of notebooks/ with papermill into book/.

The tables as CSV with their datapackage.json go to book/site/downloads/ (the site's downloads/ folder,
through html_extra_path) and one page per article to book/corpus/ (paradiplomacy_book.site).

Each jupytext notebook becomes an .ipynb, runs with its parameters cell
overridden by the values below (kernel ``python3``, working directory
``book/``), and is saved with the timing metadata stripped so two builds of
the same data give the same files.

    python scripts/run_notebooks.py [--seeds-dir ../seeds] [--data-dir ../data] [NAME ...]
"""

import argparse
import ast
import os
import sys
import tempfile
from pathlib import Path

import jupytext
import nbformat
import papermill

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
BOOK = ROOT / "book"


def declared_parameters(notebook) -> set[str]:
    """Names assigned in the notebook's cell tagged ``parameters``."""
    cell = next(c for c in notebook.cells if "parameters" in c.metadata.get("tags", []))
    return {t.id for node in ast.parse(cell.source).body if isinstance(node, ast.Assign) for t in node.targets}


def execute(source: Path, parameters: dict, book: Path) -> Path:
    target = book / f"{source.stem}.ipynb"
    notebook = jupytext.read(source)
    parameters = {k: v for k, v in parameters.items() if k in declared_parameters(notebook)}
    with tempfile.TemporaryDirectory() as tmp:
        unexecuted = Path(tmp) / target.name
        nbformat.write(notebook, unexecuted)
        papermill.execute_notebook(
            str(unexecuted), str(target), parameters=parameters, kernel_name="python3",
            cwd=str(book), progress_bar=False, log_output=False,
        )
    strip_run_metadata(target)
    return target


def strip_run_metadata(path: Path) -> None:
    """Remove timestamps and durations that papermill records, keep the parameters, hide the injected cell."""
    nb = nbformat.read(path, as_version=4)
    papermill_meta = nb.metadata.get("papermill", {})
    nb.metadata["papermill"] = {"parameters": papermill_meta.get("parameters", {})}
    for number, cell in enumerate(nb.cells):
        cell.id = f"cell-{number:03d}"  # jupytext and papermill draw random ids; a rebuild must not change the file
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        tags = cell.metadata.get("tags", [])
        if "injected-parameters" in tags and "remove-cell" not in tags:
            cell.metadata["tags"] = tags + ["remove-cell"]  # a reader needs the values, not the cell
    nbformat.write(nb, path)


def publish(seeds_dir: Path, data_dir: Path, book: Path) -> None:
    """The downloads (with the hand annotation of tests/gold/) and the corpus pages, from the tables of ``data_dir``
    (paths relative to the book folder)."""
    from paradiplomacy.pipeline import read_tables
    from paradiplomacy_book.site import DOWNLOADS, write_corpus_pages, write_downloads

    seeds, data = (book / seeds_dir).resolve(), (book / data_dir).resolve()
    tables = read_tables(seeds, data)
    write_downloads(data, book / "site" / DOWNLOADS, tables, ROOT / "tests" / "gold")
    write_corpus_pages(tables, data, book / "corpus")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds-dir", default="../seeds", help="seeds folder, relative to the book folder")
    parser.add_argument("--data-dir", default="../data", help="output folder of the extraction, relative to the book folder")
    parser.add_argument("--book-dir", default=str(BOOK), help="where the executed notebooks go (default: book/)")
    parser.add_argument("names", nargs="*", help="notebook stems to run (default: all)")
    args = parser.parse_args()
    sources = sorted(NOTEBOOKS.glob("*.md"))
    if args.names:
        sources = [s for s in sources if s.stem in args.names]
    book = Path(args.book_dir).resolve()
    tests = lambda *parts: os.path.relpath(ROOT.joinpath("tests", *parts), book)
    parameters = {"seeds_dir": args.seeds_dir, "data_dir": args.data_dir, "extra_dir": tests("data", "extra"),
                  "holdout_dirs": [tests("data", h.name) for h in sorted(ROOT.glob("tests/data/holdout*"))], "gold_dir": tests("gold")}
    publish(Path(args.seeds_dir), Path(args.data_dir), book)
    for source in sources:
        print(f"running {source.relative_to(ROOT)}", flush=True)
        execute(source, parameters, book)
    return 0


if __name__ == "__main__":
    sys.exit(main())
