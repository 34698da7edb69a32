"""The book's figures, drawn with matplotlib from the output tables only.

Every function returns a Figure; names are shown in Latin transliteration.
Layouts are deterministic (Kamada-Kawai has no randomness; label placement
by adjustText starts from it), so two builds draw the same picture.
"""

import re
import textwrap
from datetime import date

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
from adjustText import adjust_text
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from paradiplomacy.datafiles import read_data
from paradiplomacy.gazetteer import find_place, place_by_id
from paradiplomacy.output import split_list

from .network import build_graph

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
MAPPED_TYPES = ("region", "occupation_authority", "city")  # the places the map marks
STATUS_STYLE = {  # colour, line style
    "signed": ("#1b7837", "-"),
    "planned": ("#e08214", "--"),
    "agreed": ("#2166ac", "-."),
    "discussed": ("#999999", ":"),
    "suspended": ("#b2182b", ":"),
    "terminated": ("#000000", ":"),
}
RELATION_STYLE = {  # colour, line style, width
    "holds_office_in": ("#9e9e9e", "-", 1.0),
    "met_with": ("#6a3d9a", ":", 1.2),
    "part_of": ("#cccccc", "-", 0.8),
    "based_in": ("#cccccc", "--", 0.8),
    "controlled_by": ("#b2182b", (0, (1, 2)), 1.0),
    "signed": ("#1b7837", (0, (4, 1, 1, 1)), 1.2),
}
MAX_NODES = 28
NEAR_DEGREES = 1.5  # towns closer than this on the map share their label's side


LABEL_ITERATIONS = 300


def place_labels(texts, ax, **kwargs) -> None:
    """adjustText with a fixed number of iterations: by default it stops after one second, so the
    picture would depend on the machine's speed."""
    adjust_text(texts, ax=ax, iter_lim=LABEL_ITERATIONS, **kwargs)


def short(label: str, width: int = 22) -> str:
    return "\n".join(textwrap.wrap(label, width)[:4])


def case_docs(documents: pd.DataFrame, case: str | None) -> set[str]:
    ok = documents[documents.status == "ok"]
    return set(ok.doc_id if case is None else ok[ok.case == case].doc_id)


def network_figure(actors, agreements, relations, documents, case=None, max_nodes=MAX_NODES, title=""):
    """The actors of a case (or of the corpus) and the ties between them."""
    docs = case_docs(documents, case)
    rel = relations[relations.doc_id.isin(docs)]
    agr = agreements[agreements.doc_id.isin(docs)]
    graph = build_graph(rel, actors, agr)
    graph.remove_nodes_from([n for n in list(graph) if graph.degree(n) == 0])
    if graph.number_of_nodes() > max_nodes:
        graph = territorial(graph, rel)
        title = title or (f"{case} case" if case else "All cases") + " (persons and administrations shown as their territory)"
    if graph.number_of_nodes() > max_nodes:
        # Keep the actors with most agreements, then most ties: no hairball on a big corpus.
        score = {n: (sum(d["relation"] == "agreement" for *_, d in graph.edges(n, data=True)), graph.degree(n)) for n in graph}
        keep = sorted(graph, key=lambda n: (score[n], n), reverse=True)[:max_nodes]
        graph = graph.subgraph(keep).copy()
        graph.remove_nodes_from([n for n in list(graph) if graph.degree(n) == 0])
    fig, ax = plt.subplots(figsize=(BOOK_WIDTH, 6.5))
    ax.set_axis_off()
    if graph.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "no ties found", ha="center", va="center", transform=ax.transAxes)
        return fig
    pos = packed_layout(nx.Graph(graph))
    for u, v, data in graph.edges(data=True):
        (x1, y1), (x2, y2) = pos[u], pos[v]
        if data["relation"] == "agreement":
            colour, style = STATUS_STYLE[data["status"]]
            ax.plot([x1, x2], [y1, y2], color=colour, linestyle=style, linewidth=2.4, zorder=1)
        else:
            colour, style, width = RELATION_STYLE.get(data["relation"], ("#cccccc", "-", 0.8))
            ax.plot([x1, x2], [y1, y2], color=colour, linestyle=style, linewidth=width, zorder=0)
    for kind, (colour, marker) in TYPE_STYLE.items():
        nodes = [n for n in graph if graph.nodes[n]["type"] == kind]
        if nodes:
            xy = np.array([pos[n] for n in nodes])
            ax.scatter(xy[:, 0], xy[:, 1], s=170, c=colour, marker=marker, edgecolors="white", linewidths=1, zorder=2)
    texts = [ax.text(pos[n][0], pos[n][1], short(graph.nodes[n]["latin"]), fontsize=8.5, zorder=3,
                     bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.75)) for n in sorted(graph)]
    xs, ys = zip(*pos.values())
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1.0)
    ax.set_xlim(min(xs) - 0.12 * span, max(xs) + 0.12 * span)
    ax.set_ylim(min(ys) - 0.08 * span, max(ys) + 0.08 * span)
    place_labels(texts, ax, expand=(1.15, 1.3), arrowprops=dict(arrowstyle="-", color="#999999", lw=0.5))
    used_types = sorted({graph.nodes[n]["type"] for n in graph})
    used_status = sorted({d["status"] for *_, d in graph.edges(data=True) if d["relation"] == "agreement"})
    used_rel = sorted({d["relation"] for *_, d in graph.edges(data=True) if d["relation"] != "agreement"})
    handles = [Line2D([], [], marker=TYPE_STYLE[t][1], color=TYPE_STYLE[t][0], linestyle="", markersize=8, label=t) for t in used_types]
    handles += [Line2D([], [], color=STATUS_STYLE[s][0], linestyle=STATUS_STYLE[s][1], linewidth=2.4, label=f"agreement: {s}") for s in used_status]
    handles += [Line2D([], [], color=RELATION_STYLE[r][0], linestyle=RELATION_STYLE[r][1], label=r.replace("_", " ")) for r in used_rel if r in RELATION_STYLE]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    ax.set_title(title or (f"{case} case" if case else "All cases"), fontsize=11)
    fig.tight_layout()
    return fig


def packed_layout(graph: nx.Graph) -> dict:
    """Kamada-Kawai inside each connected component, components packed in rows, largest first.

    Laid out together, separate components would overlap; here each keeps its own patch.
    """
    components = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c))
    pos, x, y, row_height = {}, 0.0, 0.0, 0.0
    row_width = 2.2 * max(1.0, len(components[0]) ** 0.5)
    for nodes in components:
        # An explicit graph, not graph.subgraph(): a subgraph view iterates its node set in
        # hash order, which changes between processes and with it Kamada-Kawai's starting circle.
        sub = nx.Graph()
        sub.add_nodes_from(nodes)
        sub.add_edges_from(sorted(tuple(sorted(e)) for e in graph.subgraph(nodes).edges()))
        size = max(0.6, len(nodes) ** 0.5)
        if len(nodes) == 1:
            local = {nodes[0]: np.zeros(2)}
        elif len(nodes) == 2:
            local = {nodes[0]: np.array([-0.5, 0.0]), nodes[1]: np.array([0.5, 0.0])}
        else:
            local = nx.kamada_kawai_layout(sub, weight=None)
        if x > 0 and x + size > row_width:
            x, y, row_height = 0.0, y - row_height - 0.5, 0.0
        for n, (px, py) in local.items():
            pos[n] = np.array([x + size / 2 + px * size / 2, y - size / 2 + py * size / 2])
        x += size + 0.5
        row_height = max(row_height, size)
    return pos


def territorial(graph: nx.MultiGraph, relations: pd.DataFrame) -> nx.MultiGraph:
    """The graph with persons and bodies folded into the territory they act for.

    Only agreements and meetings remain as edges: on a large corpus the
    offices and the places of towns would hide the ties that matter.
    """
    stands_for = {}
    for row in relations[relations.relation.isin(["holds_office_in", "based_in"])].itertuples():
        stands_for.setdefault(row.source, row.target)

    def territory(node):
        seen = set()
        while node in stands_for and node not in seen and graph.nodes.get(node, {}).get("type") in ("person", "organization"):
            seen.add(node)
            node = stands_for[node]
        return node

    folded = nx.MultiGraph()
    for u, v, data in graph.edges(data=True):
        if data["relation"] not in ("agreement", "met_with"):
            continue
        a, b = territory(u), territory(v)
        if a != b and a in graph and b in graph:
            for n in (a, b):
                folded.add_node(n, **graph.nodes[n])
            folded.add_edge(a, b, **data)
    return folded


def party_points(agreements: pd.DataFrame, relations: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Each agreement party placed on the map: a place by the gazetteer, a body by the place its name holds."""
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


def map_figure(agreements, relations, actors, documents, case=None, title="Partnerships on the map"):
    """Places of the gazetteer that the articles name, and lines for the agreements between them."""
    from mpl_toolkits.basemap import Basemap

    docs = case_docs(documents, case)
    agreements = agreements[agreements.doc_id.isin(docs)]
    named = [place_by_id(i) for i in actors[actors.doc_ids.apply(lambda d: bool(set(split_list(d)) & docs))].place_id if i]
    places = {p.name: p for p in named if p and p.lat is not None and p.type in MAPPED_TYPES}
    points = party_points(agreements, relations, actors)
    fig, ax = plt.subplots(figsize=(BOOK_WIDTH, 6.5))
    if not places and points.empty:
        ax.set_axis_off()
        ax.text(0.5, 0.5, "no places with coordinates", ha="center", va="center", transform=ax.transAxes)
        return fig
    lats = [p.lat for p in places.values()] + list(points.lat)
    lons = [p.lon for p in places.values()] + list(points.lon)
    lat0, lon0 = (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
    width = max(900e3, (max(lons) - min(lons)) * 75e3 * 1.5)
    height = max(650e3, (max(lats) - min(lats)) * 111e3 * 1.5)
    m = Basemap(projection="lcc", lat_0=lat0, lon_0=lon0, width=width, height=height, resolution="l", ax=ax)
    m.drawcountries(color="#888888", linewidth=0.8)
    m.drawcoastlines(color="#aaaaaa", linewidth=0.5)
    m.fillcontinents(color="#f4f1ea", lake_color="#dde8f0")
    m.drawmapboundary(fill_color="#dde8f0")
    pairs = {}
    for agreement_id, group in points.groupby("agreement_id", sort=True):
        spots = group.drop_duplicates("place")
        for (_, a), (_, b) in zip(spots.iloc[:-1].iterrows(), spots.iloc[1:].iterrows()):
            pairs.setdefault(tuple(sorted((a.place, b.place))), []).append((agreement_id, a, b))
    for lines in pairs.values():
        for k, (agreement_id, a, b) in enumerate(lines):
            # agreements between the same two places side by side, not on top of each other
            (x1, y1), (x2, y2) = m(a.lon, a.lat), m(b.lon, b.lat)
            length = max(np.hypot(x2 - x1, y2 - y1), 1.0)
            shift = (k - (len(lines) - 1) / 2) * 9000.0
            dx, dy = -(y2 - y1) / length * shift, (x2 - x1) / length * shift
            colour, style = STATUS_STYLE[a.status]
            ax.plot([x1 + dx, x2 + dx], [y1 + dy, y2 + dy], color=colour, linestyle=style, linewidth=2.2, zorder=4)
    cities = [p for p in places.values() if p.type == "city"]
    for p in sorted(places.values(), key=lambda p: p.name):
        x, y = m(p.lon, p.lat)
        colour, marker = TYPE_STYLE[p.type]
        ax.scatter([x], [y], s=60 if p.type == "city" else 110, c=colour, marker=marker, zorder=5, edgecolors="white")
        if p.type == "city":
            # to the right, unless a town close by to the east takes that side
            crowded = any(0 < c.lon - p.lon < NEAR_DEGREES and abs(c.lat - p.lat) < NEAR_DEGREES for c in cities)
            offset, ha, va = ((-7, 0), "right", "center") if crowded else ((7, 0), "left", "center")
        elif any(c.region == p.place_id and p.name_latin.startswith(c.name_latin.split(" (")[0]) for c in cities):
            continue  # "Lipetsk" already names the triangle of "Lipetsk Oblast" beside it
        else:
            offset, ha, va = (0, -10), "center", "top"  # regions below their marker
        ax.annotate(short(p.name_latin, 18), (x, y), xytext=offset, textcoords="offset points", ha=ha, va=va, fontsize=8.5,
                    zorder=6, bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.8))
    handles = [Line2D([], [], color=c, linestyle=s, linewidth=2.2, label=f"agreement: {k}") for k, (c, s) in STATUS_STYLE.items() if k in set(points.status)]
    handles += [Line2D([], [], marker=TYPE_STYLE[t][1], color=TYPE_STYLE[t][0], linestyle="", label=t) for t in MAPPED_TYPES
                if any(p.type == t for p in places.values())]
    ax.legend(handles=handles, loc="lower left", fontsize=8, framealpha=0.9)
    ax.set_title(title, fontsize=11)
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


def timeline_items(agreements, events, documents) -> pd.DataFrame:
    """Agreements and events with a date: their own, or else the article's publication date."""
    published = dict(zip(documents.doc_id, documents.published))
    case = dict(zip(documents.doc_id, documents.case))
    rows = []
    for a in agreements.itertuples():
        own = bool(a.date)
        rows.append({"case": case[a.doc_id], "what": a.kind.replace("_", " "), "status": a.status,
                     "iso": a.date or published.get(a.doc_id, ""), "basis": "stated in text" if own else "article date"})
    for e in events.itertuples():
        rows.append({"case": case[e.doc_id], "what": e.kind, "status": "event",
                     "iso": e.date or published.get(e.doc_id, ""), "basis": "stated in text" if e.date else "article date"})
    return pd.DataFrame(rows, columns=["case", "what", "status", "iso", "basis"])


def timeline_figure(agreements, events, documents, cases):
    """Agreements and events per case along time; a bar covers what the date leaves open."""
    items = timeline_items(agreements, events, documents)
    items["span"] = items.iso.map(date_span)
    dated, undated = items[items.span.notna()], items[items.span.isna()]
    fig, ax = plt.subplots(figsize=(BOOK_WIDTH, 1.2 + 1.1 * len(cases)))
    if dated.empty:
        ax.set_axis_off()
        ax.text(0.5, 0.5, f"no dated agreement or event ({len(undated)} undated)", ha="center", va="center", transform=ax.transAxes)
        return fig
    for row_number, case in enumerate(cases):
        rows = dated[dated.case == case].sort_values(["iso", "what"])
        for k, item in enumerate(rows.itertuples()):
            y = row_number + (k - (len(rows) - 1) / 2) * 0.16
            start, end = item.span
            colour = STATUS_STYLE.get(item.status, ("#6a3d9a", "-"))[0]
            hollow = item.basis == "article date"
            if start == end:
                ax.plot([start], [y], marker="o", markersize=8, color=colour, markerfacecolor="white" if hollow else colour)
            else:
                ax.plot([start, end], [y, y], color=colour, linewidth=6, solid_capstyle="butt", alpha=0.45 if hollow else 0.9)
            ax.text(end, y, f"  {item.what}", va="center", fontsize=8)
        n_undated = int((undated.case == case).sum())
        if n_undated:
            ax.text(1.01, row_number, f"{n_undated} undated", transform=ax.get_yaxis_transform(), va="center", fontsize=8, color="#666666")
    ax.set_yticks(range(len(cases)), cases)
    ax.set_ylim(-0.7, len(cases) - 0.3)
    ax.invert_yaxis()
    ax.grid(axis="x", color="#eeeeee")
    if len(dated):
        lo = min(s for s, _ in dated.span)
        hi = max(e for _, e in dated.span)
        ax.set_xlim(date(lo.year - 1, 1, 1), date(hi.year + 2, 1, 1))
    handles = [Patch(color=STATUS_STYLE[s][0], label=s) for s in STATUS_STYLE if s in set(dated.status)]
    handles += [Patch(color="#6a3d9a", label="event")] if "event" in set(dated.status) else []
    handles += [Line2D([], [], color="#555555", linewidth=6, label="bar = year or month (date precision)"),
                Line2D([], [], color="#555555", linewidth=6, alpha=0.45, label="pale = article's date, not the act's")]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0, -0.18), ncol=3, fontsize=8, frameon=False)
    ax.set_title("Agreements and events over time", fontsize=11)
    fig.tight_layout()
    return fig


def sphere_patterns() -> dict[str, re.Pattern]:
    return {row["sphere"]: re.compile(row["stems"], re.I) for row in read_data("spheres.csv", __package__)}


def spheres_matrix(texts: pd.Series, cases: pd.Series, case_order) -> pd.DataFrame:
    """Number of texts of each case that touch each sphere."""
    patterns = sphere_patterns()
    counts = pd.DataFrame(0, index=list(case_order), columns=list(patterns))
    for text, case in zip(texts, cases):
        for sphere, pattern in patterns.items():
            if case in counts.index and pattern.search(text):
                counts.loc[case, sphere] += 1
    return counts


def spheres_figure(matrix: pd.DataFrame, title: str):
    fig, ax = plt.subplots(figsize=(BOOK_WIDTH, 1.3 + 0.55 * len(matrix)))
    ax.imshow(matrix.values, cmap="Greens", aspect="auto", vmin=0, vmax=max(1, matrix.values.max()))
    ax.set_xticks(range(matrix.shape[1]), matrix.columns, rotation=40, ha="right", fontsize=9)
    ax.set_yticks(range(matrix.shape[0]), matrix.index, fontsize=9)
    for (i, j), value in np.ndenumerate(matrix.values):
        if value:
            ax.text(j, i, str(value), ha="center", va="center", fontsize=9,
                    color="white" if value > matrix.values.max() / 2 else "black")
    ax.set_title(title, fontsize=11)
    fig.tight_layout()
    return fig


LEVEL_COLOURS = {"municipal": "#8da0cb", "regional": "#fc8d62", "occupation authority": "#a6761d", "national": "#66c2a5",
                 "chamber of commerce": "#e78ac3", "other organisation": "#b3b3b3"}


def bar_figure(table: pd.DataFrame, title: str, xlabel: str):
    """Horizontal stacked bars, first row on top; stages and levels keep their colours."""
    colours = {**{k: v[0] for k, v in STATUS_STYLE.items()}, **LEVEL_COLOURS}
    fig, ax = plt.subplots(figsize=(BOOK_WIDTH, 1.3 + 0.4 * len(table)))
    table.plot.barh(stacked=True, ax=ax, width=0.7, color=[colours.get(c, "#999999") for c in table.columns])
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.set_ylabel("")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.set_title(title, fontsize=11)
    fig.tight_layout()
    return fig
