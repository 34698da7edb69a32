"""Charts: drawn from the tables, the same bytes in every process, saying what the tables say."""

import subprocess
import sys

import pytest

from conftest import SEEDS, read_out
from paradiplomacy_book import charts
from paradiplomacy_book.network import government_levels

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
    assert pairs.agreement_id.is_unique  # each agreement in one cell, however many parties it has
    dpr = pairs[pairs.case == "DPR"]  # the three-party agreement: a region and a federal agency on one side
    assert set(zip(dpr.russian, dpr.partner)) == {("regional + national", "occupation authority"), ("regional", "occupation authority")}
    lipetsk = pairs[pairs.case == "Lipetsk"]
    assert ("chamber", "chamber") in set(zip(lipetsk.russian, lipetsk.partner))  # the chambers, not their cities


def test_a_chamber_of_commerce_is_a_public_body_not_a_level_of_government(seeds_out):
    from paradiplomacy_book.casebook import levels_of, levels_phrase
    from paradiplomacy_book.network import GOVERNMENT_LEVELS, public_body

    t = tables_of(seeds_out)
    chambers = t["actors"][t["actors"].name.str.contains("торгово-промышленная палата")]
    assert len(chambers) == 2
    assert set(government_levels(chambers.actor_id, t["actors"], t["relations"])) == {"chamber"}
    assert "chamber" not in GOVERNMENT_LEVELS
    assert public_body("Липецкая ТПП") and public_body("Общественная палата Тверской области") and not public_body("Палата представителей")
    phrase = levels_phrase(levels_of(t, "Lipetsk"))
    governments, others = phrase.split("; not a level of government: ")
    assert "chamber" not in governments and others.startswith("chamber (")


def test_map_lines_say_stage_and_year(seeds_out):
    t = tables_of(seeds_out)
    labels = charts.line_labels(t["agreements"], t["relations"], t["actors"], t["documents"])
    assert "signed 2024" in labels.values()
    assert any(v.endswith("chambers") for v in labels.values())  # the chambers of commerce
    # reader 17, item 11: two lines that would say "planned undated, municipal" say whose they are
    assert "planned undated, municipal: Izmalkovo–Stakhanov" in labels.values()
    assert len(set(labels.values())) == len(labels)


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


def test_periods_follow_the_bands():
    assert [charts.period_of(y) for y in ("2010", "2013", "2014", "2021", "2022", "2025", "")] == [
        "before 2014", "before 2014", "2014 to 2021", "2014 to 2021", "since 2022", "since 2022", "undated"]


def test_a_map_of_several_periods_is_one_map_per_period(seeds_out):
    t = tables_of(seeds_out)
    docs = charts.case_docs(t["documents"], "Lipetsk")
    panels = charts.map_panels(t["agreements"][t["agreements"].doc_id.isin(docs)], t["documents"], docs)
    assert list(panels) == ["since 2022", "undated"]
    assert panels["undated"][2] == ""  # nothing shaded where the date is not known
    docs = charts.case_docs(t["documents"], "DPR")
    panels = charts.map_panels(t["agreements"][t["agreements"].doc_id.isin(docs)], t["documents"], docs)
    assert list(panels) == ["since 2022"] and panels["since 2022"][2] == "2025-12-07"


def test_held_regions_are_those_of_the_date():
    from paradiplomacy_book.occupation import held_regions

    assert not [r for r in held_regions("2010-11-19") if r.startswith("UA-")] and held_regions("") == {}
    in_2016 = held_regions("2016-06-01")
    assert {"UA-43", "UA-40", "UA-14", "UA-09"} <= set(in_2016) and "UA-65" not in in_2016
    assert in_2016["UA-43"].extent == "whole" and in_2016["UA-14"].extent == "in part"
    assert {"UA-65", "UA-23"} <= set(held_regions("2023"))


def test_a_region_is_drawn_around_its_own_towns():
    import matplotlib.pyplot as plt
    from matplotlib.path import Path
    from mpl_toolkits.basemap import Basemap

    from paradiplomacy.gazetteer import find_place
    from paradiplomacy_book.occupation import draw_held_regions, region_cells

    fig, ax = plt.subplots()
    m = Basemap(projection="lcc", lat_0=48.0, lon_0=38.5, width=1100e3, height=750e3, resolution="l", ax=ax)
    cells = [Path(c) for c in region_cells(m, {"UA-14"})["UA-14"]]
    inside = lambda name: any(c.contains_point(m(find_place(name).lon, find_place(name).lat)) for c in cells)  # noqa: E731
    assert inside("Донецк") and inside("Мариуполь") and inside("Краматорск")
    assert not inside("Луганск") and not inside("Таганрог") and not inside("Запорожье")
    assert [h.get_label() for h in draw_held_regions(m, ax, "2010")] == []
    labels = [h.get_label() for h in draw_held_regions(m, ax, "2016")]
    assert "oblast partly under Russian occupation at the date (whole oblast hatched)" in labels
    plt.close(fig)


def test_map_labels_keep_clear_of_other_places_and_labels(seeds_out):
    import math

    from paradiplomacy_book import casebook

    t = tables_of(seeds_out)
    for case in ("Lipetsk", "DPR", "Smolensk"):
        fig = casebook.case_map(t, case)
        renderer = fig.canvas.get_renderer()
        fig.canvas.draw()
        assert any(a.get_gid() == "place-label" for ax in fig.axes for a in ax.texts), case
        for ax in fig.axes:
            labels = [a for a in ax.texts if a.get_gid() == "place-label"]
            others = [a.get_window_extent(renderer) for a in ax.texts if a.get_gid() == "line-label"]
            markers = [(tuple(ax.transData.transform(xy)), math.sqrt(size) / 2 * fig.dpi / 72)
                       for c in ax.collections if c.get_gid() == "place-marker" for xy, size in zip(c.get_offsets(), c.get_sizes())]
            boxes = [a.get_window_extent(renderer) for a in labels]
            for i, (label, box) in enumerate(zip(labels, boxes)):
                own = tuple(ax.transData.transform(label.xy))
                for (x, y), r in markers:
                    if math.dist((x, y), own) > 1:  # another place's marker
                        assert not box.expanded(1, 1).padded(r).contains(x, y), (case, label.get_text())
                for other in boxes[:i] + boxes[i + 1:] + others:
                    assert not box.overlaps(other), (case, label.get_text())
        charts.plt.close(fig)


def test_line_labels_keep_clear_of_each_other_and_regions_are_named(seeds_out):
    """The fresh reader's notes: on the Lipetsk map's undated panel "planned undated, municipal" lay under "visit"; on
    the Smolensk map the two regions' triangles had no name (a region's label was left out for its town's, though the
    town stands far from the triangle)."""
    from paradiplomacy_book import casebook

    t = tables_of(seeds_out)
    fig = casebook.case_map(t, "Lipetsk")
    renderer = fig.canvas.get_renderer()
    for ax in fig.axes:
        boxes = [a.get_window_extent(renderer) for a in ax.texts if a.get_gid() in ("line-label", "delegation-label") and a.get_visible()]
        assert not [(i, j) for i, a in enumerate(boxes) for j, b in enumerate(boxes) if i < j and a.overlaps(b)]
    charts.plt.close(fig)
    fig = casebook.case_map(t, "Smolensk")
    names = {a.get_text() for ax in fig.axes for a in ax.texts if a.get_gid() == "place-label"}
    assert {"Smolensk Oblast", "Vitebsk Region", "Smolensk", "Vitebsk"} <= names, names
    charts.plt.close(fig)


def test_timeline_keeps_undated_stages_apart_and_labelled(seeds_out):
    from paradiplomacy.pipeline import read_tables
    from paradiplomacy_book.names import Names
    from paradiplomacy_book.register import records

    t = read_tables(SEEDS, seeds_out)
    points = charts.timeline_points(records(t))
    fig = charts.relationship_timeline(records(t), Names.of(t), ["Lipetsk", "DPR", "Smolensk"])
    assert len(fig.axes) == 2  # the years, and a panel of its own for the stages with no date
    years, undated = fig.axes
    assert undated.get_title().startswith("No date")
    count = lambda ax: sum(len(c.get_offsets()) for c in ax.collections if len(c.get_offsets()))  # noqa: E731
    assert count(undated) == points.x.isna().sum() and count(years) == points.x.notna().sum()
    assert all(label.get_text().isdigit() for label in years.get_xticklabels())
    charts.plt.close(fig)


def test_timeline_tells_two_relationships_of_the_same_places_apart_and_joins_one_instruments_stages(seeds_out):
    """Reader 12, items 1 and 7: the two "DPR" rows (one with the Agency for Strategic Initiatives) had one label;
    the Belarus roadmap and memorandum were joined by a line as if one led to the other."""
    from paradiplomacy.pipeline import read_tables
    from paradiplomacy_book.names import Names
    from paradiplomacy_book.register import records

    t = read_tables(SEEDS, seeds_out)
    fig = charts.relationship_timeline(records(t), Names.of(t), ["Lipetsk", "DPR", "Smolensk"])
    years = fig.axes[0]
    labels = [label.get_text() for label in years.get_yticklabels()]
    assert len(labels) == len(set(labels)), labels
    belarus = next(i for i, label in enumerate(labels) if "Belarus" in label)
    lines = [line for line in years.get_lines() if set(line.get_ydata()) == {belarus}]
    assert lines and all(len(line.get_xdata()) == 1 for line in lines)  # roadmap and memorandum: no line between
    charts.plt.close(fig)
