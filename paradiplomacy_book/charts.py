"""The book's figures, drawn with matplotlib from the output tables only.

Every function returns a Figure; names are shown in English (paradiplomacy_book.names), the occupation
authorities' in quotation marks. Layouts are deterministic, so two builds draw the same picture.
"""

import re
import textwrap
from collections import Counter
from datetime import date

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch

from paradiplomacy.codebook import PLACE_TYPES, statuses
from paradiplomacy.datafiles import read_data
from paradiplomacy.gazetteer import find_place, place_by_id
from paradiplomacy.output import split_list

from .names import Names, quote_authorities
from .network import LEVELS, government_levels
from .register import instruments
from .spheres import sphere_patterns

BOOK_WIDTH = 9.0  # inches; the book's text column at 100 dpi
TYPE_STYLE = {  # colour, marker
    "person": ("#4c72b0", "o"),
    "organization": ("#dd8452", "s"),
    "country": ("#55a868", "D"),
    "region": ("#c44e52", "^"),
    "occupation_authority": ("#7f0000", "^"),
    "district": ("#8172b3", "v"),
    "city": ("#937860", "p"),
    "other": ("#8c8c8c", "h"),
}
# The places the map marks, with their legend entries: a "city" of the actor table may be a village of a few
# thousand people (a district's centre), so the legend does not call every such marker a city.
MAPPED_TYPES = {"region": "region", "occupation_authority": "occupation authority", "city": "city, town or village"}
STATUS_STYLE = {  # colour, line style
    "signed": ("#1b7837", "-"),
    "planned": ("#e08214", "--"),
    "agreed": ("#2166ac", "-."),
    "discussed": ("#999999", ":"),
    "suspended": ("#b2182b", ":"),
    "terminated": ("#000000", ":"),
}
STATUS_MARKER = {"discussed": "x", "planned": "o", "agreed": "D", "signed": "s", "suspended": "v", "terminated": "X"}
# Where along its line a label may stand (0: one end, 1: the other), in the order tried if it covers another label
LABEL_SPOTS = (0.5, 0.3, 0.7, 0.2, 0.8, 0.4, 0.6)
SAME_SPOT_DEGREES = 0.6  # line ends closer than this would draw one line over another
BANDS = ((2014, "2014: occupation begins"), (2022, "2022: full-scale invasion"))  # years the timeline marks


def case_label(case: str) -> str:
    """The case's name in English: "DPR" in quotation marks."""
    return quote_authorities(case)


def short(label: str, width: int = 22) -> str:
    return "\n".join(textwrap.wrap(label, width)[:4])


def case_docs(documents: pd.DataFrame, case: str | None) -> set[str]:
    ok = documents[documents.status == "ok"]
    return set(ok.doc_id if case is None else ok[ok.case == case].doc_id)


def party_points(agreements: pd.DataFrame, relations: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Each agreement party placed on the map: a place by the gazetteer, a body by the place it is based in."""
    name_of = dict(zip(actors.actor_id, actors.name))
    based = {name_of[r.source]: name_of[r.target] for r in relations[relations.relation.isin(["based_in", "holds_office_in"])].itertuples()}
    rows = []
    for a in agreements.itertuples():
        for party in split_list(a.parties):
            place = find_place(party) or find_place(based.get(party, ""))
            if place and place.lat is not None:
                rows.append({"agreement_id": a.agreement_id, "status": a.status, "party": party, "place": place.name,
                             "latin": place.name_latin, "lat": place.lat, "lon": place.lon})
    return pd.DataFrame(rows, columns=["agreement_id", "status", "party", "place", "latin", "lat", "lon"])


def agreement_years(agreements: pd.DataFrame, documents: pd.DataFrame) -> dict[str, str]:
    """The year of each agreement: its own date's, else its article's, else "undated"."""
    published = dict(zip(documents.doc_id, documents.published))
    return {a.agreement_id: (a.date or published.get(a.doc_id, ""))[:4] or "undated" for a in agreements.itertuples()}


def line_labels(agreements, relations, actors, documents) -> dict[str, str]:
    """"signed 2024, chambers" (chambers of commerce): what each agreement's line on the map says."""
    years = agreement_years(agreements, documents)
    party = relations[relations.relation == "party_to"]
    levels = dict(zip(party.source, government_levels(party.source, actors, relations))) if len(party) else {}
    english = dict(zip(actors.actor_id, actors.name_english))
    labels, pairs = {}, {}
    for a in agreements.itertuples():
        sources = list(dict.fromkeys(party[party.agreement_id == a.agreement_id].source))
        kinds = sorted({levels[s] for s in sources})
        who = {"municipal": ", municipal", "chamber": ", chambers"}.get(kinds[0], "") if len(kinds) == 1 else ""
        labels[a.agreement_id] = f"{a.status} {years[a.agreement_id]}{who}"
        pairs[a.agreement_id] = "–".join(english.get(s, "").split(" ")[0] for s in sources[:2])
    # two lines that would say the same ("planned undated, municipal") say whose they are
    said = Counter(labels.values())
    return {k: f"{v}: {pairs[k]}" if said[v] > 1 and pairs[k] else v for k, v in labels.items()}


def draw_state_names(m, ax) -> None:
    """Each state's name at the first of its label points the map shows."""
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    done = set()
    for row in read_data("state_labels.csv", __package__):
        if row["state"] in done:
            continue
        x, y = m(float(row["lon"]), float(row["lat"]))
        if x0 + 0.05 * (x1 - x0) < x < x1 - 0.05 * (x1 - x0) and y0 + 0.05 * (y1 - y0) < y < y1 - 0.05 * (y1 - y0):
            ax.text(x, y, row["state"].upper(), fontsize=13, color="#9a9a9a", ha="center", va="center", zorder=3,
                    fontstyle="italic", fontweight="bold")
            done.add(row["state"])


def period_of(year: str) -> str:
    """The period of the timeline's bands a year falls in ("before 2014", "2014 to 2021", "since 2022"), or "undated"."""
    if not year.isdigit():
        return "undated"
    bounds = [b for b, _ in BANDS]
    if int(year) < bounds[0]:
        return f"before {bounds[0]}"
    later = [b for b in bounds if b <= int(year)][-1]
    following = [b for b in bounds if b > later]
    return f"{later} to {following[0] - 1}" if following else f"since {later}"


def map_panels(agreements, documents, docs: set[str]) -> dict[str, tuple[set[str], pd.DataFrame, str]]:
    """The case's material by period, in time order, undated last: each period's articles, agreements and date
    (the latest act or article date in it; empty when none is dated). An article belongs to the periods of its
    agreements, an article without one to its own date's."""
    published = dict(zip(documents.doc_id, documents.published))
    years = agreement_years(agreements, documents)
    by_agreement = {a.agreement_id: period_of(years[a.agreement_id]) for a in agreements.itertuples()}
    panels = {}
    for doc in sorted(docs):
        own = agreements[agreements.doc_id == doc]
        for period in sorted({by_agreement[i] for i in own.agreement_id}) or [period_of(published.get(doc, "")[:4])]:
            in_period = own[own.agreement_id.map(by_agreement) == period]
            found, found_agreements, date = panels.get(period, (set(), in_period.iloc[0:0], ""))
            dates = [a.date or published.get(doc, "") for a in in_period.itertuples()] + [published.get(doc, "")]
            dates = [d for d in dates if d and period_of(d[:4]) == period]
            panels[period] = (found | {doc}, pd.concat([found_agreements, in_period]), max([date] + dates))
    order = [period_of(str(b - 1)) for b, _ in BANDS[:1]] + [period_of(str(b)) for b, _ in BANDS] + ["undated"]
    return {period: panels[period] for period in order if period in panels}


DELEGATION_STYLE = dict(color="#555555", linestyle=(0, (1, 2)), linewidth=1.4)
DELEGATION_LABEL = "a delegation or official at a meeting, visit or session"


def delegation_lines(events: pd.DataFrame, actors: pd.DataFrame, docs: set[str]) -> list[tuple[str, object, object, str]]:
    """(the article, the place of the delegation, the place of the event, "session 2025") for each event of the articles
    whose participants include a place (the side whose delegation the text names: events.participants), or a person
    whose office is of one ("Вице-губернатор Липецкой области ... в ходе рабочей поездки в Донецкую Народную
    Республику"), other than where it took place and than the region around it."""
    place_of = {a.name: place_by_id(a.place_id) for a in actors.itertuples() if a.place_id}
    # a person travels from the place of the office's body, as the actors table gives it (actors.affiliation)
    place_of |= {a.name: place_of[a.affiliation] for a in actors.itertuples() if a.type == "person" and a.affiliation in place_of}
    lines = []
    for e in events[events.doc_id.isin(docs)].sort_values(["doc_id", "start"]).itertuples():
        to = place_of.get(e.place)
        for party in split_list(e.participants):
            source = place_of.get(party)
            if (to is None or source is None or to.lat is None or source.lat is None
                    or source.place_id in (to.place_id, to.region) or to.place_id == source.region):
                continue
            line = (e.doc_id, source, to, f"{e.kind} {e.date[:4]}".strip())
            if not any(l[1:3] == line[1:3] for l in lines):
                lines.append(line)
    return lines


def draw_delegations(ax, frame: dict, lines) -> None:
    """A dotted grey arrow from a delegation's place to where the event was, labelled with its kind and year."""
    from mpl_toolkits.basemap import Basemap

    m = Basemap(projection="lcc", resolution=None, **frame)  # the same projection as the map's, for its coordinates
    for _, source, to, text in lines:
        (x1, y1), (x2, y2) = m(source.lon, source.lat), m(to.lon, to.lat)
        ax.add_patch(FancyArrowPatch((x1, y1), (x2, y2), connectionstyle="arc3,rad=-0.2", arrowstyle="-|>,head_length=4,head_width=2.5",
                                     shrinkA=6, shrinkB=6, zorder=4, **DELEGATION_STYLE))
        label = ax.annotate(text, arc_point((x1, y1), (x2, y2), -0.2, 0.5), fontsize=7, color=DELEGATION_STYLE["color"], style="italic",
                            ha="center", va="center", zorder=7, bbox=dict(boxstyle="round,pad=0.1", fc="white", ec="none", alpha=0.8),
                            gid="delegation-label")
        label.spots = [arc_point((x1, y1), (x2, y2), -0.2, t) for t in LABEL_SPOTS]


def map_figure(agreements, relations, actors, documents, case=None, title="Partnerships on the map", events=None):
    """Places of the gazetteer that the articles name, state names, a line for each agreement between two
    places labelled with its stage and year, and the regions held by a state other than their own at the
    date (paradiplomacy_book.occupation); with ``events``, a dotted arrow for each delegation the articles send to a
    meeting, visit or session (delegation_lines). Material of several periods (before 2014, 2014 to 2021, since
    2022, undated) is drawn as one map per period, on the same frame."""
    docs = case_docs(documents, case)
    agreements = agreements[agreements.doc_id.isin(docs)]
    panels = map_panels(agreements, documents, docs)
    delegations = delegation_lines(events, actors, docs) if events is not None else []
    labels = line_labels(agreements, relations, actors, documents)
    content = {period: panel_places(actors, relations, panel_docs, panel_agreements) for period, (panel_docs, panel_agreements, _) in panels.items()}
    lats = [p.lat for places, points in content.values() for p in places.values()] + [y for _, points in content.values() for y in points.lat]
    lons = [p.lon for places, points in content.values() for p in places.values()] + [x for _, points in content.values() for x in points.lon]
    # one map per period, each the book's width, one under another
    fig, axes = plt.subplots(max(1, len(panels)), 1, figsize=(BOOK_WIDTH, 1.2 + 5.6 * max(1, len(panels))), squeeze=False)
    axes = list(axes.flat)
    if not lats:
        axes[0].set_axis_off()
        axes[0].text(0.5, 0.5, "no places with coordinates", ha="center", va="center", transform=axes[0].transAxes)
        return fig
    frame = map_frame(lats, lons)
    handles, place_names = {}, {}
    names = Names(actors)
    for ax, (period, (places, points)) in zip(axes, content.items()):
        date = panels[period][2]
        drawn, place_names[ax] = draw_map(ax, frame, places, points, labels, date)
        for handle in drawn:
            handles.setdefault(handle.get_label(), handle)
        # a delegation's arrow on the map of its article's period (its year's), else of its article's first
        own = [l for l in delegations if l[0] in panels[period][0] and (period_of(l[3][-4:]) == period
               or not any(l[0] in panels[p][0] and period_of(l[3][-4:]) == p for p in panels) and period == next(p for p in panels if l[0] in panels[p][0]))]
        if own:
            draw_delegations(ax, frame, own)
            handles.setdefault(DELEGATION_LABEL, Line2D([], [], label=DELEGATION_LABEL, **DELEGATION_STYLE))
        unplaced = unplaced_parties(panels[period][1], points)
        if unplaced:  # a party the map cannot place is named, so no line looks like the whole agreement
            ax.text(0.01, 0.01, "Parties with no place on the map: " + names.join(unplaced), transform=ax.transAxes, fontsize=7.5,
                    ha="left", va="bottom", zorder=8, wrap=True, bbox=dict(boxstyle="round,pad=0.25", fc="white", ec="#999999", lw=0.5))
        ax.set_title(f"{title}: {period}" + (f", as of {date}" if date else " (control at the date not known: none shaded)")
                     if len(panels) > 1 else title + (f" (as of {date})" if date else ""), fontsize=10.5)
    order = [f"agreement {s}" for s in STATUS_STYLE] + list(MAPPED_TYPES.values())
    shown = sorted(handles.values(), key=lambda h: order.index(h.get_label()) if h.get_label() in order else len(order))
    fig.legend(handles=shown, loc="lower center", ncol=2, fontsize=8, frameon=False)
    height = fig.get_size_inches()[1]
    # the legend's rows below the maps, and room above for the first map's title
    fig.tight_layout(rect=(0, (0.2 + 0.2 * ((len(shown) + 1) // 2)) / height, 1, 1 - 0.3 / height))
    fig.canvas.draw()  # the layout is final: the labels can now be measured
    for ax, texts in place_names.items():
        line_labels_apart(ax)
        place_labels(ax, texts)
    return fig


# Where a place's label may stand, in the order tried: (offset in points, horizontal and vertical alignment)
SIDES = {
    "city": [((7, 0), "left", "center"), ((-7, 0), "right", "center"), ((0, 7), "center", "bottom"), ((0, -7), "center", "top"),
             ((6, 6), "left", "bottom"), ((6, -6), "left", "top"), ((-6, 6), "right", "bottom"), ((-6, -6), "right", "top")],
    "region": [((0, -10), "center", "top"), ((0, 10), "center", "bottom"), ((9, 0), "left", "center"), ((-9, 0), "right", "center"),
               ((8, -8), "left", "top"), ((-8, -8), "right", "top"), ((8, 8), "left", "bottom"), ((-8, 8), "right", "bottom")],
}


def place_labels(ax, texts: list) -> None:
    """Give each place's label (``texts``: the annotation and the place's type) the first side of its type
    (SIDES) where it covers no other place's marker, no label placed before it and no agreement's label; where
    every side covers something, the side that covers least. Labels are placed in the order drawn (by name), so
    that the result is the same in every build."""
    renderer = ax.figure.canvas.get_renderer()
    scale = ax.figure.dpi / 72
    markers = [(ax.transData.transform(xy), np.sqrt(size) / 2 * scale)
               for c in ax.collections if c.get_gid() == "place-marker" for xy, size in zip(c.get_offsets(), c.get_sizes())]
    taken = [a.get_window_extent(renderer) for a in ax.texts if a.get_gid() in ("line-label", "delegation-label") and a.get_visible()]
    for label, kind in texts:
        own = ax.transData.transform(label.xy)

        def covered(box) -> float:
            return overlap(box, taken) + sum(100 for point, r in markers if np.hypot(*(point - own)) > 1 and box.padded(r + 1).contains(*point))

        best = None
        for offset, ha, va in SIDES["city" if kind == "city" else "region"]:
            label.set_position(offset)
            label.set_ha(ha)
            label.set_va(va)
            box = label.get_window_extent(renderer)
            if best is None or covered(box) < best[0]:
                best = (covered(box), offset, ha, va, box)
            if best[0] == 0:
                break
        _, offset, ha, va, box = best
        label.set_position(offset)
        label.set_ha(ha)
        label.set_va(va)
        taken.append(box)


def overlap(box, boxes) -> float:
    """The area (in display units) of ``box`` that the ``boxes`` cover, each counted apart."""
    return sum(max(0, min(box.x1, o.x1) - max(box.x0, o.x0)) * max(0, min(box.y1, o.y1) - max(box.y0, o.y0)) for o in boxes)


def line_labels_apart(ax) -> None:
    """Move each agreement's label to the first spot along its line (its ``spots``) where it covers no label
    placed before it, or to the spot that covers least; a delegation's label that covers another wherever it stands
    is left out (the legend says what the dotted line is). Labels are taken in the order drawn, the same in every build."""
    renderer = ax.figure.canvas.get_renderer()
    taken = []
    for label in [a for a in ax.texts if a.get_gid() in ("line-label", "delegation-label")]:
        best = None
        for spot in getattr(label, "spots", [label.xy]):
            label.xy = spot
            box = label.get_window_extent(renderer)
            area = overlap(box, taken)
            if best is None or area < best[0]:
                best = (area, spot, box)
            if area == 0:
                break
        label.xy = best[1]
        if best[0] and label.get_gid() == "delegation-label":
            label.set_visible(False)
            continue
        taken.append(best[2])


def unplaced_parties(agreements: pd.DataFrame, points: pd.DataFrame) -> list[str]:
    """The parties of the agreements that have no point on the map (a federal agency without a seat in the text)."""
    placed = set(zip(points.agreement_id, points.party))
    return sorted({party for a in agreements.itertuples() for party in split_list(a.parties) if (a.agreement_id, party) not in placed})


def panel_places(actors, relations, docs: set[str], agreements) -> tuple[dict, pd.DataFrame]:
    """The places the articles name that the map marks, by name, and the agreements' parties placed on the map."""
    named = [place_by_id(i) for i in actors[actors.doc_ids.apply(lambda d: bool(set(split_list(d)) & docs))].place_id if i]
    places = {p.name: p for p in named if p and p.lat is not None and p.type in MAPPED_TYPES}
    return places, party_points(agreements, relations, actors)


def map_frame(lats: list[float], lons: list[float]) -> dict:
    """The Lambert projection's centre and extent that hold every point, with a margin."""
    width = max(1100e3, (max(lons) - min(lons)) * 75e3 * 1.6)
    height = max(750e3, (max(lats) - min(lats)) * 111e3 * 1.6)
    return {"lat_0": (min(lats) + max(lats)) / 2, "lon_0": (min(lons) + max(lons)) / 2, "width": width, "height": height}


def line_group(groups: dict, a, b) -> tuple:
    """The key of the lines already drawn between places near ``a`` and near ``b`` (a town and the region
    around it, a body and its city), so that they bow apart; a new key if there are none."""
    return next((key for key, lines in groups.items() if same_spot(lines[0][1], a) and same_spot(lines[0][2], b)), (a.place, b.place))


def same_spot(p, q) -> bool:
    """Whether two points (with lat and lon) are closer than SAME_SPOT_DEGREES each way."""
    return abs(p.lat - q.lat) < SAME_SPOT_DEGREES and abs(p.lon - q.lon) < SAME_SPOT_DEGREES


def arc_point(start: tuple[float, float], end: tuple[float, float], bow: float, t: float) -> tuple[float, float]:
    """The point at ``t`` (0 to 1) along matplotlib's "arc3" curve of ``bow`` from start to end: a quadratic
    Bézier whose control point stands ``bow`` times the chord's length off its middle."""
    (x1, y1), (x2, y2) = start, end
    cx, cy = (x1 + x2) / 2 + bow * (y2 - y1), (y1 + y2) / 2 - bow * (x2 - x1)
    return ((1 - t) ** 2 * x1 + 2 * (1 - t) * t * cx + t ** 2 * x2,
            (1 - t) ** 2 * y1 + 2 * (1 - t) * t * cy + t ** 2 * y2)


def draw_map(ax, frame: dict, places: dict, points: pd.DataFrame, labels: dict[str, str], date: str) -> tuple[list, list]:
    """One map: borders, the regions held by another state at ``date``, the agreements' lines and the places;
    the legend's handles, and the places' labels with their type, to be placed once the layout is final (place_labels)."""
    from mpl_toolkits.basemap import Basemap

    from .occupation import draw_held_regions

    m = Basemap(projection="lcc", resolution="l", ax=ax, **frame)
    m.fillcontinents(color="#f4f1ea", lake_color="#dde8f0")
    m.drawmapboundary(fill_color="#dde8f0")
    held = draw_held_regions(m, ax, date)
    m.drawcountries(color="#666666", linewidth=1.0, zorder=3)
    m.drawcoastlines(color="#aaaaaa", linewidth=0.5, zorder=3)
    draw_state_names(m, ax)
    pairs = {}
    for agreement_id, group in points.groupby("agreement_id", sort=True):
        spots = group.drop_duplicates("place")
        for (_, a), (_, b) in zip(spots.iloc[:-1].iterrows(), spots.iloc[1:].iterrows()):
            a, b = sorted((a, b), key=lambda point: (point.lon, point.lat))  # one direction per pair, so the bows fan out
            pairs.setdefault(line_group(pairs, a, b), []).append((agreement_id, a, b))
    along = iter([0.5, 0.3, 0.7, 0.4, 0.6] * (len(points) + 1))  # labels of nearby lines at different places
    for lines in pairs.values():
        for k, (agreement_id, a, b) in enumerate(lines):
            # agreements between the same two places bow apart, each from one marker to the other
            (x1, y1), (x2, y2) = m(a.lon, a.lat), m(b.lon, b.lat)
            bow = (k - (len(lines) - 1) / 2) * 0.35
            colour, style = STATUS_STYLE[a.status]
            ax.add_patch(FancyArrowPatch((x1, y1), (x2, y2), connectionstyle=f"arc3,rad={bow}", arrowstyle="-", color=colour,
                                         linestyle=style, linewidth=2.2, shrinkA=0, shrinkB=0, zorder=4 + (a.status != "signed")))
            first = next(along)
            label = ax.annotate(labels[agreement_id], arc_point((x1, y1), (x2, y2), bow, first), fontsize=7.5, color=colour, ha="center",
                                va="center", zorder=7, bbox=dict(boxstyle="round,pad=0.12", fc="white", ec=colour, lw=0.5, alpha=0.9),
                                gid="line-label")
            # the other spots along its line where the label may stand, if the first covers another label
            label.spots = [arc_point((x1, y1), (x2, y2), bow, t) for t in (first,) + LABEL_SPOTS]
    cities = [p for p in places.values() if p.type == "city"]
    place_labels = []
    for p in sorted(places.values(), key=lambda p: p.name):
        x, y = m(p.lon, p.lat)
        colour, marker = TYPE_STYLE[p.type]
        ax.scatter([x], [y], s=60 if p.type == "city" else 110, c=colour, marker=marker, zorder=5, edgecolors="white", gid="place-marker")
        if any(c.region == p.place_id and p.name_latin.startswith(c.name_latin.split(" (")[0]) and same_spot(c, p) for c in cities):
            continue  # "Lipetsk" already names the triangle of "Lipetsk Oblast" right beside it
        # the label is placed once the figure's layout is final (place_labels): a town's to the side, a region's below
        place_labels.append((ax.annotate(short(quote_authorities(p.name_latin), 18), (x, y), xytext=(0, 0), textcoords="offset points",
                                         fontsize=8.5, zorder=6, bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.8),
                                         gid="place-label"), p.type))
    handles = [Line2D([], [], color=c, linestyle=s, linewidth=2.2, label=f"agreement {k}") for k, (c, s) in STATUS_STYLE.items() if k in set(points.status)]
    handles += [Line2D([], [], marker=TYPE_STYLE[t][1], color=TYPE_STYLE[t][0], linestyle="", label=entry) for t, entry in MAPPED_TYPES.items()
                if any(p.type == t for p in places.values())]
    return handles + held, place_labels


def timeline_points(records: pd.DataFrame) -> pd.DataFrame:
    """Each record of the register's order as a point: its relationship, kind, instrument (``register.instruments``),
    stage, and a year as a number (the middle of the span its date leaves open; the article's date where the act has
    none), or NaN."""
    rows = []
    for r in records.itertuples():
        span = date_span(r.date or r.published)
        x = np.nan
        if span:
            middle = date.fromordinal((span[0].toordinal() + span[1].toordinal()) // 2)
            x = middle.year + (middle.timetuple().tm_yday - 1) / 365.25
        rows.append({"relationship_id": r.relationship_id, "case": r.case, "kind": r.kind, "status": r.status, "x": x})
    return pd.DataFrame(rows, columns=["relationship_id", "case", "kind", "status", "x"]).assign(instrument=instruments(records).values)


def spread(xs: list[float], step: float = 0.25) -> list[float]:
    """Stages at one date side by side, in the articles' order, centred on that date (so that three stages
    of 2025 stay within 2025)."""
    out = list(xs)
    for x in dict.fromkeys(xs):
        same = [i for i, v in enumerate(xs) if v == x]
        for k, i in enumerate(same):
            out[i] = x + (k - (len(same) - 1) / 2) * step
    return out


def party_label(parties: list[str], names: Names) -> str:
    """"Lipetsk Oblast – Belarus": up to three parties in English."""
    return " – ".join(names.english(p) for p in parties[:3]) + (" …" if len(parties) > 3 else "") or "parties not named"


def relationship_timeline(records: pd.DataFrame, names: Names, cases, title="Relationships over time"):
    """One row per relationship over the years the corpus covers, 2014 and 2022 marked; its stages as
    markers in the order the articles report them, the stages of one instrument joined by a line. Stages with no date (neither the act's
    nor the article's) stand apart in a panel of their own, labelled, not after the last year."""
    points = timeline_points(records)
    rows = []
    for case in cases:
        for rel, group in points[points.case == case].groupby("relationship_id", sort=False):
            parties = list(dict.fromkeys(p for v in records[records.relationship_id == rel].parties for p in split_list(v)))
            # a relationship is between places: its bodies' places are among its parties ("relevant ministry of Belarus")
            places = [p for p in parties if names.kind.get(p) in PLACE_TYPES]
            rows.append((case, places if len(places) >= 2 else parties, parties, group))
    # two relationships between the same places (one with a third party) are told apart by all their parties
    shared = Counter((case, tuple(shown)) for case, shown, _, _ in rows)
    rows = [(case, short(f"{case_label(case)}: {party_label(parties if shared[(case, tuple(shown))] > 1 else shown, names)}", 48), group)
            for case, shown, parties, group in rows]
    undated = points.x.isna().any()
    fig, axes = plt.subplots(1, 2 if undated else 1, sharey=True, squeeze=False, figsize=(BOOK_WIDTH, 1.6 + 0.62 * max(1, len(rows))),
                             width_ratios=[6, 1] if undated else [1], layout="constrained")
    ax, apart = axes[0][0], (axes[0][1] if undated else None)
    dated = points.x.dropna()
    lo = min(int(dated.min()) if len(dated) else 2014, BANDS[0][0]) - 1
    hi = max(int(dated.max()) if len(dated) else 2022, BANDS[-1][0]) + 2
    for year, text in BANDS:
        ax.axvspan(year, year + 1, color="#b2182b", alpha=0.10, lw=0)
        ax.text(year + 0.5, -0.75, text, ha="center", va="bottom", fontsize=8, color="#b2182b")
    for i, (case, label, group) in enumerate(rows):
        for panel, stages in ((ax, group[group.x.notna()]), (apart, group[group.x.isna()])):
            if stages.empty:
                continue
            # stages with no date stand side by side in their narrow panel, far enough apart not to overlap
            xs = spread(list(stages.x)) if panel is ax else spread([0.0] * len(stages), step=0.6)
            for instrument in dict.fromkeys(stages.instrument):  # a line joins the stages of one instrument, not two
                joined = [x for x, k in zip(xs, stages.instrument) if k == instrument]
                panel.plot(joined, [i] * len(joined), color="#777777", lw=1.2, zorder=1)
            for x, r in zip(xs, stages.itertuples()):
                colour = STATUS_STYLE[r.status][0]
                panel.scatter([x], [i], marker=STATUS_MARKER[r.status], s=70, zorder=2, edgecolors=colour, linewidths=1.5,
                              facecolors=colour if r.status != "planned" else "white")
    ax.set_yticks(range(len(rows)), [label for _, label, _ in rows], fontsize=8)
    ax.set_ylim(len(rows) - 0.4, -1.0)
    ax.set_xticks(list(range(lo, hi + 1, max(1, (hi - lo) // 8))))
    ax.tick_params(axis="x", labelsize=8)
    ax.set_xlim(lo, hi + 0.4)
    ax.grid(axis="x", color="#eeeeee")
    if apart is not None:
        apart.set_facecolor("#f2f2f2")
        apart.set_xlim(-1, 1)
        apart.set_xticks([])
        apart.tick_params(axis="y", left=False)
        apart.set_title("No date in\nthe article", fontsize=8.5, color="#555555")
    order = [s for s in statuses() if s in set(points.status)]
    handles = [Line2D([], [], marker=STATUS_MARKER[s], color=STATUS_STYLE[s][0], markerfacecolor="white" if s == "planned" else STATUS_STYLE[s][0],
                      linestyle="", markersize=8, label=s) for s in order]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0, -0.06 - 0.25 / max(1, len(rows))), ncol=len(handles), fontsize=8, frameon=False)
    fig.suptitle(title, fontsize=11)
    return fig


def level_pairs(agreements: pd.DataFrame, relations: pd.DataFrame, actors: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """(case, agreement, stage, the Russian side's level, the partner's level) for each agreement with parties
    on both sides. A partner is a party whose place lies outside Russia or was installed by an occupying
    state; every other party, a federal agency included, is on the Russian side."""
    case = dict(zip(documents.doc_id, documents.case))
    name_of = dict(zip(actors.actor_id, actors.name))
    based = {r.source: r.target for r in relations[relations.relation.isin(["based_in", "holds_office_in"])].itertuples()}
    party = relations[relations.relation == "party_to"]
    level = dict(zip(party.source, government_levels(party.source, actors, relations))) if len(party) else {}
    status = dict(zip(agreements.agreement_id, agreements.status))
    doc = dict(zip(agreements.agreement_id, agreements.doc_id))

    def abroad(actor_id: str) -> bool:
        place = find_place(name_of.get(actor_id, "")) or find_place(name_of.get(based.get(actor_id, ""), ""))
        return bool(place) and (place.state not in ("Russia", "") or bool(place.installed_by))

    rows = []
    for agreement_id, group in party[party.agreement_id.isin(status)].groupby("agreement_id", sort=True):
        sides = {True: set(), False: set()}
        for source in group.source:
            sides[abroad(source)].add(level[source])
        if sides[False] and sides[True]:  # one cell per agreement: a side of two levels is one joined label
            rows.append({"case": case[doc[agreement_id]], "agreement_id": agreement_id, "status": status[agreement_id],
                         "russian": joined_levels(sides[False]), "partner": joined_levels(sides[True])})
    return pd.DataFrame(rows, columns=["case", "agreement_id", "status", "russian", "partner"])


def joined_levels(levels: set[str]) -> str:
    """The levels of one side of an agreement in LEVELS order, joined: "regional + national"."""
    return " + ".join(level for level in LEVELS if level in levels)


def level_order(labels) -> list[str]:
    """Joined level labels ordered by their first level, single levels before joined ones."""
    def key(label: str) -> tuple:
        parts = label.split(" + ")
        return LEVELS.index(parts[0]), len(parts), label
    return sorted(set(labels), key=key)


def level_matrix_figure(pairs: pd.DataFrame, cases, title="Who signs with whom: levels of government"):
    """One panel per case: the Russian side's level (rows) against the partner's (columns), each cell the
    agreements of that pair by stage."""
    used_home = level_order(pairs.russian) or ["regional"]
    used_partner = level_order(pairs.partner) or ["regional"]
    fig, axes = plt.subplots(1, len(cases), figsize=(BOOK_WIDTH, 1.9 + 0.55 * len(used_home)), sharey=True, squeeze=False)
    most = max(1, pairs.groupby(["case", "russian", "partner"]).agreement_id.nunique().max() if len(pairs) else 1)
    for ax, case in zip(axes[0], cases):
        mine = pairs[pairs.case == case]
        grid = np.zeros((len(used_home), len(used_partner)))
        for (i, home), (j, other) in ((a, b) for a in enumerate(used_home) for b in enumerate(used_partner)):
            cell = mine[(mine.russian == home) & (mine.partner == other)]
            grid[i, j] = len(cell)
            if len(cell):
                counts = cell.status.value_counts()
                text = "\n".join(f"{counts[s]} {s}" for s in statuses() if s in counts)
                ax.text(j, i, text, ha="center", va="center", fontsize=7.5, color="black")
        ax.imshow(grid, cmap="Greens", vmin=0, vmax=most * 1.6, aspect="auto")
        ax.set_xticks(range(len(used_partner)), [short(level, 12) for level in used_partner], fontsize=7.5)
        ax.set_yticks(range(len(used_home)), used_home, fontsize=8)
        ax.set_title(case_label(case) + ("" if len(mine) else "\n(no agreement with a partner abroad)"), fontsize=9)
        ax.set_xlabel("partner", fontsize=8)
    axes[0][0].set_ylabel("Russian side", fontsize=8)
    fig.suptitle(title, fontsize=11)
    fig.tight_layout()
    return fig


def date_span(iso: str) -> tuple[date, date] | None:
    """The first and last day a partial ISO date covers."""
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", iso or ""):
        return None
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        end = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return date(parts[0], parts[1], 1), date.fromordinal(end.toordinal() - 1)
    day = date(*parts)
    return day, day


def spheres_matrix(texts: pd.Series, cases: pd.Series, case_order) -> pd.DataFrame:
    """Number of texts of each case that touch each sphere."""
    patterns = sphere_patterns()
    counts = pd.DataFrame(0, index=list(case_order), columns=list(patterns))
    for text, case in zip(texts, cases):
        for sphere, pattern in patterns.items():
            if case in counts.index and pattern.search(text):
                counts.loc[case, sphere] += 1
    return counts


def spheres_table(by_agreement: pd.DataFrame, by_article: pd.DataFrame) -> pd.DataFrame:
    """One row per sphere that any text names: for each case, two columns, the agreements and the articles that
    name it ("none", 2)."""
    named = [s for s in by_article.columns if by_article[s].any() or by_agreement[s].any()]
    cell = lambda n: str(n) if n else "none"
    columns = {"sphere": named}
    for case in by_article.index:
        columns[f"{case_label(case)}: agreements"] = [cell(by_agreement.loc[case, s]) for s in named]
        columns[f"{case_label(case)}: articles"] = [cell(by_article.loc[case, s]) for s in named]
    return pd.DataFrame(columns)
