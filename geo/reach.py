"""Where protection reaches: each village's distance over land to service points, and where
new points would reach the most people (the maximal covering location problem).

Method
------
*Land graph.* One node per village with a polygon, at the representative point (shapely
``point_on_surface``, a point always inside the polygon) of its main part: the largest part
lying next to another village (a village's islands do not join the mainland through it). Two
villages are joined when their main parts come within ``gap_m`` metres of each other
(100 m by default, measured in the UTM zone of the villages with a shapely ``STRtree``
``dwithin`` query): the store's polygons are cleaned as a coverage at import, but the public
archive's simplified edges still leave gaps between some true neighbours that an exact-touch test
(libpysal ``Queen``/``Rook``) misses. Measured against the neighbours of the raw archive
(touching, or facing each other across an enclosed sliver), on the stored polygons of Nusa
Tenggara Barat and Banten: ``Rook`` misses 6.1 % and 5.5 % of them, ``Queen`` 1.8 % and 1.6 %,
100 m 0.8 % and 0.7 % (pairs along one long sliver, mostly not true neighbours), and no island is
joined to another (the narrowest strait between two islands with villages on both sides in these
provinces is over a kilometre; ``bench/reach.py`` prints the table). An edge is as long as the
geodesic (WGS84) between the two points. A service point is joined to the village it lies in by
the geodesic from its coordinates to that village's point (0 when it was placed by village code).

*Distance* is the shortest path over these edges (``scipy.sparse.csgraph.dijkstra`` from every
point at once). A village in another connected part of the graph than every point of a type has
*no land route*: never a short straight line across the sea. A stated crossing (:data:`CROSSINGS`:
bridges such as Suramadu, on by default; ferry links such as Kayangan–Pototano, only when given)
joins its two end villages by an edge as long as the crossing. Villages without a polygon
(the gazetteer has 516 with no boundary) have *no data*, never a distance.

*Limits.* Straight lines between neighbouring villages' points are not roads: in mountains, along
a winding coast or across a river without a bridge the road is longer than this distance, and a
straight line between two coastal neighbours can cut across a bay. There is no road network
offline. A polygon misplaced in the archive (Wargasara, Kab. Serang, lies 15 km from its
district) is its own island and has no land route.

*Where next* (:func:`cover_problem`, :func:`solve_exact`, :func:`solve_greedy`): choose ``n``
villages for new points that together bring the most not-yet-covered demand (placements, reports,
a need score) within ``radius_km`` over land, demand already within ``radius_km`` of an existing
point being covered. Solved as a mixed-integer programme by HiGHS (``scipy.optimize.milp``), with
the greedy answer beside it; the problem is reduced first to the demand villages not yet covered
and the candidates within ``radius_km`` of one of them, the coverage matrix sparse from a
Dijkstra cut off at ``radius_km``.

Examples
--------
>>> CROSSINGS["kayangan-pototano"].kind, "kayangan-pototano" in DEFAULT_CROSSINGS
('ferry', False)
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import Geod
from scipy import sparse
from scipy.sparse.csgraph import connected_components, dijkstra

from geo.classify import NO_DATA_COLOUR

__all__ = [
    "GAP_M",
    "Crossing",
    "CROSSINGS",
    "DEFAULT_CROSSINGS",
    "REACHED",
    "NO_LAND_ROUTE",
    "NO_DATA",
    "LandGraph",
    "land_graph",
    "Reach",
    "reach",
    "share_within",
    "DISTANCE_LIMITS_KM",
    "distance_classes",
    "class_order",
    "share_by_area",
    "TYPE_COLOURS",
    "NEW_SITE_COLOUR",
    "class_limits",
    "class_legend",
    "CoverProblem",
    "cover_problem",
    "SitePlan",
    "solve_exact",
    "solve_greedy",
    "plan_sites",
    "open_points",
]

#: Polygons closer than this (metres) are neighbours: the gaps simplification left between them.
GAP_M = 100.0
#: What a village's distance is: a number, no land route, or no polygon to measure from.
REACHED, NO_LAND_ROUTE, NO_DATA = "reached", "no_land_route", "no_data"
#: Shortest edge (km): csgraph reads an explicit 0 as no edge.
_EPS_KM = 1e-9
_GEOD = Geod(ellps="WGS84")


@dataclass(frozen=True)
class Crossing:
    """A stated link between two villages that land does not join: a bridge or a ferry.

    ``ends`` are the village codes at each end; ``km`` the crossing's length (``None``: the
    geodesic between the two villages' points).
    """

    name: str
    ends: tuple[str, str]
    kind: str  # "bridge" or "ferry"
    km: float | None = None


#: Known crossings, by key. Ferries join islands only when a caller states them.
CROSSINGS: dict[str, Crossing] = {
    "suramadu": Crossing(
        "Jembatan Suramadu (Surabaya–Bangkalan)", ("35.78.17.1004", "35.26.12.2006"), "bridge", 5.4
    ),
    "kayangan-pototano": Crossing(
        "Kayangan–Pototano (Lombok–Sumbawa)", ("52.03.08.2007", "52.07.06.2004"), "ferry"
    ),
    "padangbai-lembar": Crossing(
        "Padangbai–Lembar (Bali–Lombok)", ("51.07.03.2009", "52.01.13.2001"), "ferry"
    ),
    "ketapang-gilimanuk": Crossing(
        "Ketapang–Gilimanuk (Jawa–Bali)", ("35.10.21.2003", "51.01.04.1001"), "ferry"
    ),
    "merak-bakauheni": Crossing(
        "Merak–Bakauheni (Jawa–Sumatera)", ("36.72.03.1001", "18.01.21.2004"), "ferry"
    ),
    "sape-labuan-bajo": Crossing(
        "Sape–Labuan Bajo (Sumbawa–Flores)", ("52.06.06.2004", "53.15.05.1025"), "ferry"
    ),
}
#: Crossings used unless the caller says otherwise: bridges, which are roads.
DEFAULT_CROSSINGS = tuple(key for key, c in CROSSINGS.items() if c.kind == "bridge")


# --------------------------------------------------------------------------- the land graph
@dataclass(frozen=True)
class LandGraph:
    """Villages as nodes at their representative points, edges (km) between land neighbours.

    ``codes``, ``lon``, ``lat`` are per node; ``matrix`` is the symmetric sparse matrix of edge
    lengths in km; ``land`` labels each node's connected part (an island, or islands joined by a
    crossing); ``no_polygon`` lists the villages given without a polygon (no data);
    ``crossings`` the keys of the crossings whose two ends are both nodes (the others were left
    out: their villages are not in the graph).
    """

    codes: np.ndarray
    lon: np.ndarray
    lat: np.ndarray
    matrix: sparse.csr_matrix
    land: np.ndarray
    no_polygon: tuple[str, ...] = ()
    crossings: tuple[str, ...] = ()
    gap_m: float = GAP_M
    index: Mapping[str, int] = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.codes)

    def node(self, code: str) -> int:
        """The node of village ``code``; -1 when it has none (no polygon, or not given)."""
        return self.index.get(code, -1)

    def nodes(self, codes: Iterable[str]) -> np.ndarray:
        """Nodes of ``codes`` (-1 where a village has none)."""
        return np.array([self.index.get(str(c), -1) for c in codes], dtype=np.int64)


def _geodesic_km(lon1, lat1, lon2, lat2) -> np.ndarray:
    if np.size(lon1) == 0:
        return np.zeros(0)
    _, _, metres = _GEOD.inv(
        np.asarray(lon1, float), np.asarray(lat1, float), np.asarray(lon2, float), np.asarray(lat2, float)
    )
    return np.asarray(metres, dtype=float) / 1000.0


def _neighbours(geometry: np.ndarray, gap_m: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each village's main part, and the pairs of villages whose main parts lie within ``gap_m``.

    The main part is the largest part that comes within ``gap_m`` of another village (the
    largest part when none does): a coastal village that also holds an island larger than its
    mainland part (Cikoneng and Pulau Sangiang, Kab. Serang) stays on the mainland, and a
    village's islands never join the mainland through it.
    """
    parts, row = shapely.get_parts(geometry, return_index=True)
    polygonal = np.flatnonzero(shapely.get_type_id(parts) == 3)
    parts, row = parts[polygonal], row[polygonal]
    series = gpd.GeoSeries(parts, crs=4326)
    metric = np.asarray(series.to_crs(series.estimate_utm_crs()).values, dtype=object)
    a, b = shapely.STRtree(metric).query(metric, predicate="dwithin", distance=float(gap_m))
    other = row[a] != row[b]
    a, b = a[other], b[other]
    touches = np.zeros(len(parts), dtype=bool)
    touches[a] = True
    # per village: parts that touch first, then the largest
    order = np.lexsort((-shapely.area(metric), ~touches, row))
    first = order[np.r_[True, row[order][1:] != row[order][:-1]]]
    is_main = np.zeros(len(parts), dtype=bool)
    is_main[first] = True
    main = geometry.copy()
    main[row[first]] = parts[first]
    both = is_main[a] & is_main[b] & (row[a] < row[b])
    return main, row[a[both]], row[b[both]]


def land_graph(
    villages: gpd.GeoDataFrame,
    *,
    crossings: Iterable[str | Crossing] = DEFAULT_CROSSINGS,
    gap_m: float = GAP_M,
) -> LandGraph:
    """The land graph of ``villages`` (``code, geometry``; missing geometry: no polygon).

    ``crossings`` are keys of :data:`CROSSINGS` or :class:`Crossing` objects; one whose end
    villages are not both given is left out (listed by ``LandGraph.crossings`` as not used).

    Examples
    --------
    >>> boxes = [shapely.box(0, 0, 0.01, 0.01), shapely.box(0.01, 0, 0.02, 0.01), None]
    >>> frame = gpd.GeoDataFrame({"code": ["a", "b", "c"]}, geometry=boxes, crs=4326)
    >>> graph = land_graph(frame, crossings=())
    >>> list(graph.codes), graph.no_polygon, round(float(graph.matrix[0, 1]), 3)
    (['a', 'b'], ('c',), 1.113)
    """
    if villages.crs is not None and not villages.crs.equals("EPSG:4326"):
        villages = villages.to_crs(4326)
    codes = villages["code"].astype(str).to_numpy()
    geometry = np.asarray(villages.geometry.values, dtype=object)
    present = ~shapely.is_missing(geometry)
    present[present] = ~shapely.is_empty(geometry[present])
    geometry, node_codes = geometry[present], codes[present]
    n = len(node_codes)
    i = j = np.zeros(0, dtype=np.int64)
    if n:
        geometry, i, j = _neighbours(geometry, gap_m)
    points = shapely.point_on_surface(geometry)
    lon, lat = shapely.get_x(points), shapely.get_y(points)
    index = {code: k for k, code in enumerate(node_codes)}
    km = np.maximum(_geodesic_km(lon[i], lat[i], lon[j], lat[j]), _EPS_KM)
    used: list[str] = []
    extra_i, extra_j, extra_km = [], [], []
    for item in crossings:
        crossing = CROSSINGS[item] if isinstance(item, str) else item
        a, b = (index.get(end, -1) for end in crossing.ends)
        if a < 0 or b < 0:
            continue
        length = (
            crossing.km if crossing.km is not None else float(_geodesic_km(lon[a], lat[a], lon[b], lat[b]))
        )
        extra_i.append(a)
        extra_j.append(b)
        extra_km.append(max(length, _EPS_KM))
        used.append(item if isinstance(item, str) else crossing.name)
    rows = np.r_[i, j, extra_i, extra_j].astype(np.int64)
    cols = np.r_[j, i, extra_j, extra_i].astype(np.int64)
    weights = np.r_[km, km, extra_km, extra_km]
    # duplicates (a crossing between neighbours) keep the shorter edge
    matrix = sparse.coo_matrix((weights, (rows, cols)), shape=(n, n))
    matrix = _min_duplicates(matrix)
    _, land = connected_components(matrix, directed=False)
    return LandGraph(
        codes=node_codes,
        lon=np.asarray(lon, float),
        lat=np.asarray(lat, float),
        matrix=matrix,
        land=land,
        no_polygon=tuple(codes[~present]),
        crossings=tuple(used),
        gap_m=float(gap_m),
        index=index,
    )


def _min_duplicates(matrix: sparse.coo_matrix) -> sparse.csr_matrix:
    """CSR of ``matrix`` keeping the smallest of duplicate entries (``tocsr`` would add them)."""
    n = matrix.shape[0]
    if matrix.nnz == 0:
        return sparse.csr_matrix((n, n))
    order = np.lexsort((matrix.data, matrix.col, matrix.row))
    row, col, data = matrix.row[order], matrix.col[order], matrix.data[order]
    first = np.r_[True, (row[1:] != row[:-1]) | (col[1:] != col[:-1])]
    return sparse.csr_matrix((data[first], (row[first], col[first])), shape=(n, n))


# --------------------------------------------------------------------------- distances
@dataclass(frozen=True)
class Reach:
    """Distances from every village to the nearest service point.

    ``table``: ``code, km, nearest, status`` per village (graph nodes, then villages without a
    polygon); ``nearest`` is the label (index) of the nearest point, ``km`` NaN unless
    ``status`` is :data:`REACHED`. ``unplaced``: labels of points whose village is not a node
    (no polygon, or outside the villages of the graph), which reach nothing.
    """

    table: pd.DataFrame
    unplaced: tuple = ()


def _legs(graph: LandGraph, points: pd.DataFrame, nodes: np.ndarray) -> np.ndarray:
    """km from each point's coordinates to its village's point (0 where it has none)."""
    legs = np.zeros(len(points))
    if {"lon", "lat"} <= set(points.columns):
        lon = pd.to_numeric(points["lon"], errors="coerce").to_numpy(float)
        lat = pd.to_numeric(points["lat"], errors="coerce").to_numpy(float)
        has = np.isfinite(lon) & np.isfinite(lat) & (nodes >= 0)
        legs[has] = _geodesic_km(lon[has], lat[has], graph.lon[nodes[has]], graph.lat[nodes[has]])
    return legs


def open_points(points: pd.DataFrame, kind: str | None, year: int | None) -> pd.DataFrame:
    """The points of type ``kind`` (None: every type) open in ``year``: not opened after it, not
    closed by it (an unknown year counts as open; ``year`` None: every point not closed).

    >>> points = pd.DataFrame({"type": ["LTSA", "LTSA", "MRC"], "year_opened": [2019, 2030, 2020],
    ...                        "year_closed": [None, None, 2022]})
    >>> open_points(points, "ltsa", 2024).index.tolist(), open_points(points, None, 2024).index.tolist()
    ([0], [0])
    """
    rows = points
    if kind is not None and not rows.empty:
        rows = rows[(rows["type"].astype("string").str.upper() == kind.upper()).fillna(False).to_numpy(bool)]
    if rows.empty:
        return rows
    unknown = pd.Series(float("nan"), index=rows.index)
    opened = (
        pd.to_numeric(rows["year_opened"], errors="coerce").astype("float64")
        if "year_opened" in rows
        else unknown
    )
    closed = (
        pd.to_numeric(rows["year_closed"], errors="coerce").astype("float64")
        if "year_closed" in rows
        else unknown
    )
    if year is None:
        return rows[closed.isna().to_numpy()]
    return rows[(~(opened > year) & ~(closed <= year)).to_numpy(bool)]


def reach(graph: LandGraph, points: pd.DataFrame, *, limit_km: float | None = None) -> Reach:
    """Each village's distance over land to the nearest of ``points``.

    ``points`` has ``village`` (the code of the village the point lies in) and optionally
    ``lon``, ``lat`` (the point itself; without them the point is the village's point); its
    index labels the points. ``limit_km`` stops the search there (farther villages get
    :data:`NO_LAND_ROUTE` too: use it only to ask "within"). Villages in a connected part of the
    graph holding no point have no land route; villages without a polygon, no data.
    """
    n = len(graph)
    nodes = graph.nodes(points["village"].astype(str)) if len(points) else np.zeros(0, dtype=np.int64)
    placed = nodes >= 0
    unplaced = tuple(points.index[~placed])
    km = np.full(n, np.inf)
    nearest = np.full(n, None, dtype=object)
    if placed.any():
        # one virtual node per point, joined to its village's node by the leg
        p = int(placed.sum())
        legs = np.maximum(_legs(graph, points, nodes)[placed], _EPS_KM)
        virtual = np.arange(n, n + p)
        joins = sparse.coo_matrix((legs, (virtual, nodes[placed])), shape=(n + p, n + p))
        full = sparse.block_diag((graph.matrix, sparse.csr_matrix((p, p))), format="csr") + joins.tocsr()
        dist, _, source = dijkstra(
            full,
            directed=True,  # edges from the virtual nodes only; the land edges are symmetric
            indices=virtual,
            min_only=True,
            return_predecessors=True,
            limit=np.inf if limit_km is None else float(limit_km),
        )
        km = np.where(dist[:n] < 1e-6, 0.0, dist[:n])  # the legs' stand-in for 0
        reached = np.isfinite(km)
        labels = np.asarray(points.index[placed], dtype=object)
        nearest[reached] = labels[source[:n][reached] - n]
    reached = np.isfinite(km)
    table = pd.DataFrame(
        {
            "code": graph.codes,
            "km": np.where(reached, km, np.nan),
            "nearest": nearest,
            "status": np.where(reached, REACHED, NO_LAND_ROUTE),
        }
    )
    if graph.no_polygon:
        missing = pd.DataFrame(
            {"code": list(graph.no_polygon), "km": np.nan, "nearest": None, "status": NO_DATA}
        )
        table = pd.concat([table, missing], ignore_index=True)
    return Reach(table=table, unplaced=unplaced)


def share_within(table: pd.DataFrame, demand: pd.Series, radius_km: float) -> dict:
    """How much of ``demand`` (per village code; NaN and 0 count nothing) lives within
    ``radius_km`` over land, from a :class:`Reach` table.

    Returns ``within``, ``located`` (demand of villages with a polygon), ``no_land_route``
    (demand with no land route), ``no_data`` (demand of villages without a polygon or unknown
    to the graph: not counted in ``located``), ``share`` (``within / located``; NaN when
    nothing is located) and ``villages_within`` (villages with demand within the radius).

    >>> table = pd.DataFrame({"code": ["a", "b", "c", "d"], "km": [1.0, 30.0, np.nan, np.nan],
    ...                       "status": [REACHED, REACHED, NO_LAND_ROUTE, NO_DATA]})
    >>> share_within(table, pd.Series({"a": 6, "b": 2, "c": 2, "d": 5}), 25)["share"]
    0.6
    """
    demand = pd.to_numeric(demand, errors="coerce").fillna(0)
    demand = demand[demand > 0]
    by_code = table.drop_duplicates("code").set_index("code")
    status = demand.index.to_series().map(by_code["status"]).fillna(NO_DATA)
    km = demand.index.to_series().map(by_code["km"]).astype(float)
    within = (status == REACHED) & (km <= radius_km)
    located = status != NO_DATA
    total = float(demand[located.to_numpy()].sum())
    inside = float(demand[within.to_numpy()].sum())
    return {
        "within": inside,
        "located": total,
        "no_land_route": float(demand[(status == NO_LAND_ROUTE).to_numpy()].sum()),
        "no_data": float(demand[(~located).to_numpy()].sum()),
        "share": inside / total if total > 0 else float("nan"),
        "villages_within": int(within.sum()),
    }


#: Upper limits (km) of the distance classes of the reach map; the last class is beyond them.
DISTANCE_LIMITS_KM = (5.0, 10.0, 25.0, 50.0)


def distance_classes(table: pd.DataFrame, limits: Sequence[float] = DISTANCE_LIMITS_KM) -> pd.Series:
    """Each village's class on the reach map, indexed by code: ``"0-5"``, ``"5-10"``, ... up to
    ``"50+"`` by km (a class holds its upper limit), then :data:`NO_LAND_ROUTE` and
    :data:`NO_DATA`, never a distance class. The order of :func:`class_order`.

    >>> table = pd.DataFrame({"code": list("abcd"), "km": [0.0, 10.0, np.nan, np.nan],
    ...                       "status": [REACHED, REACHED, NO_LAND_ROUTE, NO_DATA]})
    >>> distance_classes(table, (5, 10)).tolist()
    ['0-5', '5-10', 'no_land_route', 'no_data']
    """
    order = class_order(limits)
    km = pd.to_numeric(table["km"], errors="coerce").to_numpy(float)
    position = np.searchsorted(np.asarray(limits, float), km, side="left")
    labels = np.asarray(order[: len(limits) + 1], dtype=object)[np.minimum(position, len(limits))]
    status = table["status"].to_numpy()
    labels = np.where(status == REACHED, labels, status)
    return pd.Series(labels, index=table["code"].to_numpy(), name="class")


def class_order(limits: Sequence[float] = DISTANCE_LIMITS_KM) -> tuple[str, ...]:
    """The classes of :func:`distance_classes`, nearest first, then no land route and no data.

    >>> class_order((5, 10))
    ('0-5', '5-10', '10+', 'no_land_route', 'no_data')
    """
    bounds = [0, *limits]
    ranges = [f"{a:g}-{b:g}" for a, b in zip(bounds[:-1], bounds[1:], strict=True)]
    return (*ranges, f"{bounds[-1]:g}+", NO_LAND_ROUTE, NO_DATA)


#: One colour per service-point type on every map, slide and brief, and one for a proposed site.
TYPE_COLOURS = {
    "LTSA": "#d95f02",
    "UPT_BP3MI": "#7570b3",
    "POS": "#1b9e77",
    "DISNAKER": "#666666",
    "MRC": "#e7298a",
    "DESMIGRATIF": "#66a61e",
    "SHELTER": "#a6761d",
    "OTHER": "#1f78b4",
}
NEW_SITE_COLOUR = "#000000"
#: Colours of the distance classes, nearest (green) to farthest (red); no land route has a hue
#: of its own, no data the maps' grey.
CLASS_COLOURS = ("#1a9850", "#91cf60", "#d9ef8b", "#fee08b", "#fc8d59", "#d73027")
NO_ROUTE_COLOUR = "#6a3d9a"


def class_limits(radius_km: float) -> tuple[float, ...]:
    """The reach map's km limits: :data:`DISTANCE_LIMITS_KM` with R among them (at most five).

    >>> class_limits(25), class_limits(15)
    ((5.0, 10.0, 25.0, 50.0), (5.0, 10.0, 15.0, 25.0, 50.0))
    """
    return tuple(sorted({float(v) for v in DISTANCE_LIMITS_KM} | {float(radius_km)}))[:5]


def class_legend(radius_km: float, lang: str = "id") -> list[tuple[str, str, str]]:
    """``(class, colour, legend text)`` of every class of the reach map for radius R, in order:
    distance classes green to red, then no land route and no data (the page, slides and brief).

    >>> [c for c, _, _ in class_legend(25, "en")][-3:]
    ['50+', 'no_land_route', 'no_data']
    """
    import i18n

    order = class_order(class_limits(radius_km))
    distance = [c for c in order if c not in (NO_LAND_ROUTE, NO_DATA)]
    picks = np.linspace(0, len(CLASS_COLOURS) - 1, len(distance)).round().astype(int)
    out = []
    for name, pick in zip(distance, picks, strict=True):
        low, _, high = name.partition("-")
        if name.endswith("+"):
            text = i18n.t("reach.class_over", lang, km=i18n.fmt_num(float(name[:-1]), lang, 0))
        else:
            text = i18n.t(
                "reach.class_range",
                lang,
                low=i18n.fmt_num(float(low), lang, 0),
                high=i18n.fmt_num(float(high), lang, 0),
            )
        out.append((name, CLASS_COLOURS[pick], text))
    out.append((NO_LAND_ROUTE, NO_ROUTE_COLOUR, i18n.t("reach.no_land_route", lang)))
    out.append((NO_DATA, NO_DATA_COLOUR, i18n.t("common.no_data", lang)))
    return out


def share_by_area(table: pd.DataFrame, demand: pd.Series, radius_km: float, digits: int = 5) -> pd.DataFrame:
    """:func:`share_within` per area of the codes' first ``digits`` characters (5: regency,
    8: district): ``area, within, located, no_land_route, no_data, share, villages_within``,
    one row per area holding a village of ``table``.
    """
    codes = table["code"].astype(str)
    demand = pd.to_numeric(demand, errors="coerce")
    rows = []
    for area, part in table.groupby(codes.str[:digits].to_numpy(), sort=True):
        mine = demand[demand.index.astype(str).str[:digits] == area]
        rows.append({"area": area, **share_within(part, mine, radius_km)})
    columns = ["area", "within", "located", "no_land_route", "no_data", "share", "villages_within"]
    return pd.DataFrame(rows, columns=columns)


# --------------------------------------------------------------------------- where next
@dataclass(frozen=True)
class CoverProblem:
    """A maximal covering problem reduced to what can change.

    ``demand`` (per uncovered demand group: villages with the same candidate set are merged),
    ``groups`` (the village codes of each group), ``candidates`` (codes of the candidate villages
    within the radius of some uncovered demand), ``cover`` (sparse groups × candidates, 1 where
    the candidate is within the radius over land), ``covered`` (demand already within the radius
    of an existing point), ``total`` (demand of the villages with a polygon), ``radius_km``.
    """

    demand: np.ndarray
    groups: tuple[tuple[str, ...], ...]
    candidates: np.ndarray
    cover: sparse.csc_matrix
    covered: float
    total: float
    radius_km: float
    villages: int = 0


def _within(graph: LandGraph, sources: np.ndarray, radius_km: float, chunk: int = 512) -> sparse.csr_matrix:
    """Sparse sources × nodes, 1 where the node is within ``radius_km`` over land of the source."""
    blocks = []
    for start in range(0, len(sources), chunk):
        part = sources[start : start + chunk]
        dist = dijkstra(graph.matrix, directed=False, indices=part, limit=float(radius_km))
        rows, cols = np.nonzero(dist <= radius_km)
        blocks.append(sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=dist.shape))
    if not blocks:
        return sparse.csr_matrix((0, len(graph)))
    return sparse.vstack(blocks, format="csr")


def _same_rows(matrix: sparse.csr_matrix) -> tuple[np.ndarray, np.ndarray]:
    """Rows with the same pattern: the first row of each pattern, and each row's pattern number."""
    matrix = matrix.tocsr()
    matrix.sort_indices()
    seen: dict[bytes, int] = {}
    group = np.empty(matrix.shape[0], dtype=np.int64)
    first: list[int] = []
    for r in range(matrix.shape[0]):
        key = matrix.indices[matrix.indptr[r] : matrix.indptr[r + 1]].tobytes()
        g = seen.setdefault(key, len(first))
        if g == len(first):
            first.append(r)
        group[r] = g
    return np.asarray(first, dtype=np.int64), group


def cover_problem(
    graph: LandGraph,
    demand: pd.Series,
    radius_km: float,
    *,
    existing_km: pd.Series | None = None,
    candidates: Iterable[str] | None = None,
) -> CoverProblem:
    """Set up the choice of new sites: what is not yet covered and which candidates reach it.

    ``demand`` per village code (NaN and values ≤ 0 are no demand; villages without a node are
    left out: no data); ``existing_km`` per village code, the distance over land to the nearest
    existing point of the type (a :class:`Reach` table's ``km``; NaN: not reached); demand within
    ``radius_km`` of one is covered. ``candidates``: codes where a new point may go (default:
    every node).
    """
    if radius_km <= 0:
        raise ValueError(f"radius_km must be above 0, got {radius_km}")
    demand = pd.to_numeric(demand, errors="coerce").fillna(0)
    demand = demand[demand > 0]
    demand = demand.groupby(demand.index.astype(str)).sum()
    nodes = graph.nodes(demand.index)
    located = nodes >= 0
    demand, nodes = demand[located], nodes[located]
    total = float(demand.sum())
    covered_mask = np.zeros(len(demand), dtype=bool)
    if existing_km is not None and len(existing_km):
        km = demand.index.to_series().map(pd.to_numeric(existing_km, errors="coerce")).to_numpy(float)
        covered_mask = np.isfinite(km) & (km <= radius_km)
    covered = float(demand[covered_mask].sum())
    open_demand, open_nodes = demand[~covered_mask], nodes[~covered_mask]
    if candidates is None:
        allowed = np.ones(len(graph), dtype=bool)
    else:
        allowed = np.zeros(len(graph), dtype=bool)
        chosen = graph.nodes(candidates)
        allowed[chosen[chosen >= 0]] = True
    within = _within(graph, open_nodes, radius_km)[:, allowed]
    candidate_nodes = np.flatnonzero(allowed)
    reaching = np.asarray(within.sum(axis=0)).ravel() > 0
    within = within[:, reaching].tocsr()
    candidate_nodes = candidate_nodes[reaching]
    # demand villages with the same candidate set are one group (their demand added)
    weights = open_demand.to_numpy(float)
    codes = open_demand.index.to_numpy()
    rows = np.flatnonzero(np.diff(within.indptr) > 0)  # reached by some candidate
    first, group = _same_rows(within[rows])
    sums = np.bincount(group, weights=weights[rows], minlength=len(first))
    members: list[list[str]] = [[] for _ in first]
    for r, g in zip(rows, group, strict=True):
        members[g].append(str(codes[r]))
    cover = within[rows[first]].tocsc()
    cover.sort_indices()
    return CoverProblem(
        demand=np.asarray(sums, dtype=float),
        groups=tuple(tuple(m) for m in members),
        candidates=graph.codes[candidate_nodes],
        cover=cover,
        covered=covered,
        total=total,
        radius_km=float(radius_km),
        villages=len(open_demand),
    )


@dataclass(frozen=True)
class SitePlan:
    """New sites and what they add.

    ``sites``: ``code, adds`` in the order that adds the most first (each site's ``adds`` is the
    demand it covers that the sites before it and the existing points do not, so they sum to
    ``covered_after - covered_before``). ``status``: ``optimal`` (proved best), ``time_limit``
    (the best found when the time ran out; ``gap`` says how far from proved), ``greedy``
    (the greedy answer), ``nothing_to_cover`` (no uncovered demand any candidate reaches).
    """

    method: str
    sites: pd.DataFrame
    covered_before: float
    covered_after: float
    total: float
    status: str
    seconds: float
    gap: float | None = None
    #: Rows (demand groups) and columns (candidates) of the programme solved.
    size: tuple[int, int] = (0, 0)

    @property
    def share_before(self) -> float:
        return self.covered_before / self.total if self.total > 0 else float("nan")

    @property
    def share_after(self) -> float:
        return self.covered_after / self.total if self.total > 0 else float("nan")


def _ordered(problem: CoverProblem, chosen: Sequence[int]) -> pd.DataFrame:
    """The chosen candidates, the one adding most first, with what each adds."""
    left = list(chosen)
    weights = problem.demand.copy()
    codes, adds = [], []
    while left:
        gains = [float(weights[problem.cover[:, c].indices].sum()) for c in left]
        best = int(np.argmax(gains))
        c = left.pop(best)
        codes.append(str(problem.candidates[c]))
        adds.append(gains[best])
        weights[problem.cover[:, c].indices] = 0.0
    return pd.DataFrame({"code": pd.Series(codes, dtype=object), "adds": pd.Series(adds, dtype=float)})


def _plan(
    problem: CoverProblem,
    method: str,
    chosen: Sequence[int],
    status: str,
    started: float,
    gap: float | None = None,
    size: tuple[int, int] | None = None,
) -> SitePlan:
    sites = _ordered(problem, chosen)
    return SitePlan(
        method=method,
        sites=sites,
        covered_before=problem.covered,
        covered_after=problem.covered + float(sites["adds"].sum()),
        total=problem.total,
        status=status,
        seconds=round(time.perf_counter() - started, 3),
        gap=gap,
        size=size or problem.cover.shape,
    )


def _greedy_indices(problem: CoverProblem, n: int) -> list[int]:
    weights = problem.demand.copy()
    cover_t = problem.cover.T.tocsr()  # candidates x groups
    chosen: list[int] = []
    for _ in range(min(n, len(problem.candidates))):
        gains = cover_t @ weights
        gains[chosen] = -1
        best = int(np.argmax(gains))
        if gains[best] <= 0:
            break
        chosen.append(best)
        weights[cover_t[best].indices] = 0
    return chosen


def solve_greedy(problem: CoverProblem, n: int) -> SitePlan:
    """The greedy answer: ``n`` times, the candidate adding the most uncovered demand."""
    started = time.perf_counter()
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    chosen = _greedy_indices(problem, n)
    return _plan(problem, "greedy", chosen, "greedy" if chosen else "nothing_to_cover", started)


def _value(problem: CoverProblem, chosen: Sequence[int]) -> float:
    """Demand the candidates ``chosen`` cover together."""
    if not len(chosen):
        return 0.0
    hit = np.asarray(problem.cover[:, list(chosen)].sum(axis=1)).ravel() > 0
    return float(problem.demand[hit].sum())


def _swapped(problem: CoverProblem, chosen: list[int], deadline: float) -> tuple[list[int], float]:
    """``chosen`` improved by swapping one site for the best other while that adds demand."""
    cover_t = problem.cover.T.tocsr()
    best, value = list(chosen), _value(problem, chosen)
    improved = True
    while improved and time.perf_counter() < deadline:
        improved = False
        for k in range(len(best)):
            rest = best[:k] + best[k + 1 :]
            hit = np.asarray(problem.cover[:, rest].sum(axis=1)).ravel() > 0 if rest else None
            weights = problem.demand if hit is None else np.where(hit, 0.0, problem.demand)
            gains = cover_t @ weights
            gains[rest] = -1
            j = int(np.argmax(gains))
            candidate = float(problem.demand.sum() - weights.sum()) + float(gains[j])
            if candidate > value + 1e-9 * max(1.0, value):
                best, value, improved = [*rest, j], candidate, True
    return best, value


def _lagrangian(
    problem: CoverProblem, n: int, lower: float, deadline: float, iterations: int = 400
) -> tuple[float, np.ndarray, list[int], float]:
    """Upper bounds from relaxing ``y_i <= sum_j a_ij x_j`` with multipliers (subgradient steps).

    For multipliers ``lam >= 0`` the relaxed problem is solved by hand: ``y_i = 1`` where
    ``w_i > lam_i``, and the ``n`` candidates of largest ``c_j = sum_i a_ij lam_i``. Its value
    bounds every set of ``n``; forcing candidate ``j`` in bounds every set holding ``j``. Returns
    the best bound, each candidate's best bound, and the best set met on the way with its value
    (the relaxed problem's sets are tried as answers too).
    """
    cover, cover_t, w = problem.cover, problem.cover.T.tocsr(), problem.demand
    m = cover.shape[1]
    lam = w.copy()  # starts at the bound of the n largest gains
    bounds = np.full(m, np.inf)
    upper, theta, stall = np.inf, 2.0, 0
    best_set: list[int] = []
    best_value = lower
    for _ in range(iterations):
        c = cover_t @ lam
        top = np.argpartition(-c, n - 1)[:n] if n < m else np.arange(m)
        top_sum = float(c[top].sum())
        base = float(np.maximum(w - lam, 0.0).sum())
        relaxed = base + top_sum
        others = np.full(m, top_sum - float(c[top].min()))
        others[top] = top_sum - c[top]
        bounds = np.minimum(bounds, base + c + others)
        if relaxed < upper * (1 - 1e-12):
            upper, stall = relaxed, 0
        else:
            stall += 1
            if stall >= 20:
                theta, stall = theta / 2, 0
        count = np.asarray(cover[:, top].sum(axis=1)).ravel()
        value = float(w[count > 0].sum())
        if value > best_value:
            best_set, best_value = [int(j) for j in top], value
        step = count - (w > lam)
        norm = float(step @ step)
        if norm == 0 or upper - best_value <= 1e-9 * max(1.0, best_value) or time.perf_counter() > deadline:
            break
        lam = np.maximum(0.0, lam - theta * (relaxed - best_value) / norm * step)
    return upper, bounds, best_set, best_value


def _silent_highs():
    """A ``highspy.Highs`` with its output off (its first construction prints a banner on
    standard output, which would spoil ``atlas reach --json``: file descriptor 1 is muted then)."""
    import highspy

    global _HIGHS_GREETED
    if not _HIGHS_GREETED:
        sys.stdout.flush()
        saved = os.dup(1)
        try:
            with open(os.devnull, "w") as null:
                os.dup2(null.fileno(), 1)
                highs = highspy.Highs()
        finally:
            os.dup2(saved, 1)
            os.close(saved)
        _HIGHS_GREETED = True
    else:
        highs = highspy.Highs()
    highs.silent()
    return highs


_HIGHS_GREETED = False
#: Nonzeros of a programme HiGHS sets up and starts on in a second here (measured on Jawa
#: Timur: 5.5 million took 3.5 s before its first node, 12 s with its feasibility jump).
_NONZEROS_PER_SECOND = 400_000


def _highs_mip(
    cover: sparse.csr_matrix, weights: np.ndarray, n: int, start: Sequence[int], time_limit_s: float
) -> tuple[str, list[int], float, float]:
    """Solve the covering programme with HiGHS from the set ``start``.

    Returns the status (``optimal`` or ``time_limit``), the chosen columns, the objective and
    HiGHS's bound on it.
    """
    import highspy

    k, m = cover.shape
    # columns x_j: -1 in the rows of the groups j reaches, +1 in the budget row k; columns y_i: +1 in row i
    csc = cover.tocsc()
    csc.sort_indices()
    nnz = csc.nnz
    col_start = np.r_[csc.indptr[:m] + np.arange(m), nnz + m + np.arange(k)]
    budget = csc.indptr[1:] + np.arange(m)
    rows = np.empty(nnz + m + k, dtype=np.int32)
    values = np.empty(nnz + m + k)
    theirs = np.ones(nnz + m, dtype=bool)
    theirs[budget] = False
    rows[: nnz + m][theirs], values[: nnz + m][theirs] = csc.indices, -1.0
    rows[budget], values[budget] = k, 1.0
    rows[nnz + m :], values[nnz + m :] = np.arange(k), 1.0
    highs = _silent_highs()
    highs.passModel(
        m + k,  # columns
        k + 1,  # rows
        nnz + m + k,  # nonzeros
        int(highspy.MatrixFormat.kColwise),
        int(highspy.ObjSense.kMaximize),
        0.0,
        np.r_[np.zeros(m), weights].astype(float),
        np.zeros(m + k),
        np.ones(m + k),
        np.full(k + 1, -highspy.kHighsInf),
        np.r_[np.zeros(k), float(n)],
        col_start.astype(np.int32),
        rows,
        values,
        np.r_[np.ones(m), np.zeros(k)].astype(np.int32),
    )
    highs.setOptionValue("time_limit", max(float(time_limit_s), 0.5))
    # HiGHS checks its time limit rarely inside a large root LP: stop it from its callbacks too
    deadline = time.perf_counter() + max(float(time_limit_s), 0.5)

    def stop_when_late(event) -> None:
        if time.perf_counter() > deadline:
            event.interrupt()

    for callback in (highs.cbSimplexInterrupt, highs.cbMipInterrupt, highs.cbIpmInterrupt):
        callback.subscribe(stop_when_late)
    highs.setOptionValue("mip_rel_gap", 1e-9)
    highs.setOptionValue("presolve", "off")  # seconds spent on what the reduction already did
    highs.setOptionValue("threads", 1)
    # its feasibility-jump heuristic ran 12 s on Jawa Timur before checking the time: we start
    # HiGHS from a good set anyway
    highs.setOptionValue("mip_heuristic_run_feasibility_jump", False)
    if len(start):
        x = np.zeros(m + k)
        x[list(start)] = 1.0
        x[m:] = (np.asarray(cover[:, list(start)].sum(axis=1)).ravel() > 0).astype(float)
        highs.setSolution(m + k, np.arange(m + k, dtype=np.int32), x)
    highs.run()
    model_status = highs.getModelStatus()
    info = highs.getInfo()
    values = np.asarray(highs.getSolution().col_value)
    status = "optimal" if model_status == highspy.HighsModelStatus.kOptimal else "time_limit"
    chosen = [int(j) for j in np.flatnonzero(values[:m] > 0.5)] if values.size else []
    return status, chosen, float(info.objective_function_value), float(info.mip_dual_bound)


def solve_exact(
    problem: CoverProblem,
    n: int,
    *,
    time_limit_s: float = 8.0,
    greedy: SitePlan | None = None,
    progress: Callable[[str], None] | None = None,
) -> SitePlan:
    """The best ``n`` sites, proved by HiGHS's mixed-integer solver (``highspy``).

    Maximise the demand of covered groups, ``sum(w_i y_i)``, with ``y_i <= sum_j a_ij x_j``,
    ``sum(x_j) <= n``, ``x`` binary, ``0 <= y <= 1`` (``y`` is then 0 or 1 at an optimum).
    Before HiGHS sees it the programme is made small without losing the optimum: the greedy
    set improved by one-for-one swaps is a lower bound; a Lagrangian relaxation
    (:func:`_lagrangian`) gives each candidate an upper bound on any set holding it, and a
    candidate whose bound is below the lower bound is in no optimal set; groups then reached by
    the same candidates are merged. HiGHS starts from the best set found. When ``time_limit_s``
    (from the call) runs out the best set found is returned with ``status`` ``time_limit`` and
    ``gap`` the share it may still be below the best possible.
    """
    started = time.perf_counter()
    deadline = started + float(time_limit_s)
    say = progress or (lambda stage: None)
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    groups, m = problem.cover.shape
    if groups == 0 or m == 0:
        return _plan(problem, "exact", [], "nothing_to_cover", started)
    if m <= n:  # every candidate fits
        return _plan(problem, "exact", list(range(m)), "optimal", started, gap=0.0, size=(groups, m))
    greedy_set = (
        [int(np.flatnonzero(problem.candidates == code)[0]) for code in greedy.sites["code"]]
        if greedy
        else _greedy_indices(problem, n)
    )
    say("bound")
    best, lower = _swapped(problem, greedy_set, started + 0.2 * time_limit_s)
    upper, bounds, relaxed_set, relaxed_value = _lagrangian(problem, n, lower, started + 0.5 * time_limit_s)
    if relaxed_value > lower:
        best, lower = relaxed_set, relaxed_value
    keep = bounds >= lower - 1e-9 * max(1.0, lower)
    keep[best] = True
    columns = np.flatnonzero(keep)
    sub = problem.cover[:, columns].tocsr()
    rows = np.flatnonzero(np.diff(sub.indptr) > 0)
    first, group = _same_rows(sub[rows])
    weights = np.bincount(group, weights=problem.demand[rows], minlength=len(first))
    cover = sub[rows[first]]
    position = {int(c): i for i, c in enumerate(columns)}
    say("solver")
    left = deadline - time.perf_counter()
    if cover.nnz > _NONZEROS_PER_SECOND * left:
        # HiGHS would spend the time left setting up a programme this large: keep the best set
        status, chosen, bound = "time_limit", [], np.inf
    else:
        status, chosen, _, bound = _highs_mip(cover, weights, n, [position[j] for j in best], left)
    # the programme's objective counts only demand the kept candidates reach: compare sets
    chosen = [int(columns[j]) for j in chosen]
    found = _value(problem, chosen)
    if found < lower:
        chosen, found = best, lower
    ceiling = min(upper, max(bound, lower))
    gap = 0.0 if status == "optimal" else max(0.0, (ceiling - found) / max(found, 1e-12))
    return _plan(problem, "exact", chosen, status, started, gap=gap, size=cover.shape)


def plan_sites(
    graph: LandGraph,
    demand: pd.Series,
    radius_km: float,
    n: int,
    *,
    existing_km: pd.Series | None = None,
    candidates: Iterable[str] | None = None,
    time_limit_s: float = 8.0,
    progress: Callable[[str], None] | None = None,
) -> tuple[SitePlan, SitePlan]:
    """The exact and the greedy answer to "where should the next ``n`` points go" (see
    :func:`cover_problem` for the arguments); ``progress`` hears each stage's name
    (``coverage``, ``greedy``, ``bound``, ``solver``). ``time_limit_s`` bounds the whole
    question: the solver gets what the coverage and the greedy answer left of it."""
    started = time.perf_counter()
    say = progress or (lambda stage: None)
    say("coverage")
    problem = cover_problem(graph, demand, radius_km, existing_km=existing_km, candidates=candidates)
    say("greedy")
    greedy = solve_greedy(problem, n)
    left = max(time_limit_s - (time.perf_counter() - started), 1.0)
    exact = solve_exact(problem, n, time_limit_s=left, greedy=greedy, progress=say)
    return exact, greedy
