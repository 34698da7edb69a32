"""Charts: drawn from the tables, the same bytes in every process, saying what the tables say."""

import subprocess
import sys

import pytest

from conftest import SEEDS, read_out
from paradiplomacy_book import charts

FIGURE_HASHES = """
import hashlib, sys
from paradiplomacy_book import casebook, charts
from paradiplomacy_book.names import Names
from paradiplomacy_book.register import records
from paradiplomacy.pipeline import read_tables
from paradiplomacy_book.report import figure_image
t = read_tables(sys.argv[1], sys.argv[2])
cases = ["Lipetsk", "DPR", "Smolensk"]
figures = {f"map {case}": casebook.case_map(t, case) for case in cases}
figures["timeline"] = charts.relationship_timeline(records(t), Names.of(t), cases)
figures["levels"] = charts.level_matrix_figure(charts.level_pairs(t["agreements"], t["relations"], t["actors"], t["documents"]), cases)
for name, fig in figures.items():
    print(name, hashlib.sha256(figure_image(fig).data).hexdigest())
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
    assert len(runs[0].splitlines()) == 5
    assert runs[0] == runs[1]


def test_levels_pair_the_russian_side_with_the_partner(seeds_out):
    t = tables_of(seeds_out)
    pairs = charts.level_pairs(t["agreements"], t["relations"], t["actors"], t["documents"])
    dpr = pairs[pairs.case == "DPR"]
    assert set(zip(dpr.russian, dpr.partner)) == {("regional", "occupation authority"), ("national", "occupation authority")}
    lipetsk = pairs[pairs.case == "Lipetsk"]
    assert ("chamber of commerce", "chamber of commerce") in set(zip(lipetsk.russian, lipetsk.partner))  # bodies, not their cities


def test_map_lines_say_stage_and_year(seeds_out):
    t = tables_of(seeds_out)
    labels = charts.line_labels(t["agreements"], t["relations"], t["actors"], t["documents"])
    assert "signed 2024" in labels.values()
    assert any(v.endswith("chamber of commerce") for v in labels.values())


def test_timeline_places_each_stage_at_its_date(seeds_out):
    from paradiplomacy_book.register import records

    tables = {name: read_out(seeds_out, name) for name in ("agreements", "documents")}
    points = charts.timeline_points(records(tables))
    assert len(points) == len(tables["agreements"])
    assert points.x.dropna().between(2024, 2026).all() and points.x.isna().any()  # undated articles stay undated


def test_timeline_shows_date_precision(seeds_out):
    assert charts.date_span("2024") == (charts.date(2024, 1, 1), charts.date(2024, 12, 31))
    assert charts.date_span("2024-02") == (charts.date(2024, 2, 1), charts.date(2024, 2, 29))
    assert charts.date_span("2025-12-07")[0] == charts.date_span("2025-12-07")[1]
