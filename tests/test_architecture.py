"""The extraction library, the book side and the evaluation stay apart."""

import re
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT
from paradiplomacy.pipeline import TablesError, pipeline_version, read_tables

BOOK_ONLY = ["matplotlib", "IPython", "ipymarkup", "myst_nb", "networkx", "mpl_toolkits"]
# natasha's own ner and syntax modules import ipymarkup for their ASCII displays; the library does not.
LOADED_BY_NATASHA = {"ipymarkup"}


@pytest.mark.slow
def test_the_command_line_loads_no_book_code():
    probe = "import sys, paradiplomacy.cli, paradiplomacy.pipeline; print(' '.join(sorted(m for m in sys.modules)))"
    loaded = set(subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True).stdout.split())
    forbidden = set(BOOK_ONLY) - LOADED_BY_NATASHA | {"paradiplomacy_book", "paradiplomacy_eval"}
    assert not {m for m in loaded if m.split(".")[0] in forbidden}


def test_the_library_imports_no_book_evaluation_or_display_code():
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "paradiplomacy").glob("*.py"))
    for name in BOOK_ONLY + ["paradiplomacy_book", "paradiplomacy_eval"]:
        assert not re.search(rf"^\s*(from|import) {name}\b", sources, re.M), name


def test_editing_book_code_keeps_the_cache_key(tmp_path):
    for package in ("paradiplomacy", "paradiplomacy_book"):
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    before = pipeline_version(tmp_path / "paradiplomacy")
    with open(tmp_path / "paradiplomacy_book" / "charts.py", "a", encoding="utf-8") as f:
        f.write("\nSTATUS_STYLE = {}\n")
    assert pipeline_version(tmp_path / "paradiplomacy") == before
    with open(tmp_path / "paradiplomacy" / "agreements.py", "a", encoding="utf-8") as f:
        f.write("\n# a changed rule\n")
    assert pipeline_version(tmp_path / "paradiplomacy") != before


def test_missing_tables_name_the_command_that_makes_them(tmp_path):
    with pytest.raises(TablesError, match="make data"):
        read_tables(ROOT / "seeds", tmp_path / "nothing")


def test_make_data_has_nothing_to_do_once_made():
    """`make test` makes the tables first; after that, `make data` would do nothing (make -q answers 0)."""
    if not (ROOT / "data" / "run.json").exists():
        pytest.skip("no tables yet: run through `make test`, which makes them first")
    assert subprocess.run(["make", "-q", "data"], cwd=ROOT).returncode == 0
