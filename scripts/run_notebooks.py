"""Execute every notebook of notebooks/ with papermill into book/.

Each jupytext notebook becomes an .ipynb, runs with its parameters cell
overridden by the values below (kernel ``python3``, working directory
``book/``), and is saved with the timing metadata stripped so two builds of
the same data give the same files.

    python scripts/run_notebooks.py [--seeds-dir ../seeds] [--data-dir ../data] [NAME ...]
"""

import argparse
import sys
import tempfile
from pathlib import Path

import jupytext
import nbformat
import papermill

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
BOOK = ROOT / "book"


def execute(source: Path, parameters: dict) -> Path:
    target = BOOK / f"{source.stem}.ipynb"
    notebook = jupytext.read(source)
    with tempfile.TemporaryDirectory() as tmp:
        unexecuted = Path(tmp) / target.name
        nbformat.write(notebook, unexecuted)
        papermill.execute_notebook(
            str(unexecuted), str(target), parameters=parameters, kernel_name="python3",
            cwd=str(BOOK), progress_bar=False, log_output=False,
        )
    strip_run_metadata(target)
    return target


def strip_run_metadata(path: Path) -> None:
    """Remove timestamps and durations that papermill records, keep the parameters."""
    nb = nbformat.read(path, as_version=4)
    papermill_meta = nb.metadata.get("papermill", {})
    nb.metadata["papermill"] = {"parameters": papermill_meta.get("parameters", {})}
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
    nbformat.write(nb, path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds-dir", default="../seeds", help="seeds folder, relative to book/")
    parser.add_argument("--data-dir", default="../data", help="output folder of the extraction, relative to book/")
    parser.add_argument("names", nargs="*", help="notebook stems to run (default: all)")
    args = parser.parse_args()
    sources = sorted(NOTEBOOKS.glob("*.md"))
    if args.names:
        sources = [s for s in sources if s.stem in args.names]
    parameters = {"seeds_dir": args.seeds_dir, "data_dir": args.data_dir}
    for source in sources:
        print(f"running {source.relative_to(ROOT)}", flush=True)
        execute(source, parameters)
    return 0


if __name__ == "__main__":
    sys.exit(main())
