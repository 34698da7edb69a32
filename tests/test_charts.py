"""Charts: drawn from the tables, the same bytes in every process, and legible as the corpus grows."""

import subprocess
import sys

import pytest

from conftest import SEEDS, read_out
from paradiplomacy_book import charts

FIGURE_HASHES = """
import hashlib, sys
from paradiplomacy_book import casebook
from paradiplomacy.pipeline import read_tables
from paradiplomacy_book.report import figure_image
tables = read_tables(sys.argv[1], sys.argv[2])
for case in ("Lipetsk", "DPR", "Smolensk"):
    for name, fig in casebook.case_figures(tables, case).items():
        print(case, name, hashlib.sha256(figure_image(fig).data).hexdigest())
"""


def tables_of(out):
    return {name: read_out(out, name) for name in ("actors", "agreements", "relations", "documents", "events")}


@pytest.mark.slow
def test_figures_are_the_same_bytes_in_every_process(seeds_out):
    runs = []
    for seed in ("1", "2"):
        result = subprocess.run([sys.executable, "-c", FIGURE_HASHES, str(SEEDS), str(seeds_out)],
                                capture_output=True, text=True, env={"PYTHONHASHSEED": seed, "MPLBACKEND": "Agg"})
        assert result.returncode == 0, result.stderr[-2000:]
        runs.append(result.stdout)
    assert len(runs[0].splitlines()) == 9
    assert runs[0] == runs[1]


def node_count(fig) -> int:
    return sum(len(c.get_offsets()) for c in fig.axes[0].collections)


def test_network_stays_legible_on_a_larger_corpus(all_out):
    t = tables_of(all_out)
    fig = charts.network_figure(t["actors"], t["agreements"], t["relations"], t["documents"])
    assert 0 < node_count(fig) <= charts.MAX_NODES


def test_timeline_shows_date_precision(seeds_out):
    assert charts.date_span("2024") == (charts.date(2024, 1, 1), charts.date(2024, 12, 31))
    assert charts.date_span("2024-02") == (charts.date(2024, 2, 1), charts.date(2024, 2, 29))
    assert charts.date_span("2025-12-07")[0] == charts.date_span("2025-12-07")[1]
    items = charts.timeline_items(read_out(seeds_out, "agreements"), read_out(seeds_out, "events"), read_out(seeds_out, "documents"))
    assert {"stated in text", "article date"} <= set(items.basis)
