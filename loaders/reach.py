"""``atlas reach``: how far an area's villages are over land from the service points of a type,
what share of placements (or of non-procedural reports) lives within a radius, and where new
points would reach the most (JSON for scripts and tests).

``atlas reach --area 52 --type LTSA --radius-km 25 [--new 3 --cover placements] --json``

The land graph is the area's whole province (a point across a regency border still serves the
area), built by :func:`geo.reach.land_graph` from the stored village polygons; the method and its
limits are in :mod:`geo.reach`. Service points come from the store's ``service_points`` layer;
until it is held the command says so and exits 1.

Output keys: ``villages`` (the area's villages), ``share_within`` (of the covered measure, NaN as
``null`` when nothing is located), ``no_land_route`` and ``no_data`` (village counts), and with
``--new``: ``sites`` (each ``code``, ``name``, ``adds``), ``share_before``, ``share_after``,
``solver_status`` (``optimal``, ``time_limit``, ``nothing_to_cover``), ``gap`` and ``greedy``
(its ``sites`` and ``share_after``, for comparison).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

import i18n
from geo import figures, reach
from geo.codes import Level
from geo.figures import default_year
from geo.reach import open_points
from loaders.store import Store, open_store

__all__ = ["COVER", "SERVICE_POINTS", "NoServicePoints", "open_points", "reach_summary", "main"]

#: What "where next" can cover: the reach figure whose measure it counts (``need``: the planner's
#: priority score of each village, default weights; see :mod:`geo.priority`).
COVER = {**figures.COVER_FIGURE, "need": None}
#: The store's layer of service points (rows: ``type``, ``village``, ``lon``, ``lat``,
#: ``located``, ``year_opened``, ``year_closed``).
SERVICE_POINTS = "service_points"


class NoServicePoints(LookupError):
    """The store holds no service-points layer."""


def service_points(store: Store) -> pd.DataFrame:
    """The stored service points; :class:`NoServicePoints` when the layer is not held."""
    if SERVICE_POINTS not in store.layers():
        raise NoServicePoints(f"the store holds no {SERVICE_POINTS!r} layer: import the service points first")
    return store.read_layer(SERVICE_POINTS)


def _layers(store: Store) -> dict[str, pd.DataFrame]:
    held = store.layers()
    return {
        name: store.read_layer(name)
        for name in ("placements", "reports", "programmes", "enterprises")
        if name in held
    }


def need_demand(store: Store, layers: dict[str, pd.DataFrame], area: str, year: int | None) -> pd.Series:
    """The planner's priority score per village of ``area`` (default weights, the year alone,
    villages with a programme kept): what ``--cover need`` covers."""
    from geo import distances, priority

    villages = store.read_areas(Level.VILLAGE, area, columns=["code", "geometry"])
    programmes = layers.get("programmes", pd.DataFrame())
    province = None
    if not distances.covered_outside(programmes, year, area).empty:
        province = store.read_areas(Level.VILLAGE, area[:2], columns=["code", "geometry"])
    near = distances.programme_distances(
        villages, programmes, year=year, parent=area, province_villages=province
    )
    years = (year, year) if year is not None else None
    table = priority.indicators(layers, near, area=area, years=years, exclude_covered=False)
    if table.empty:
        return pd.Series(dtype="float64")
    empty = priority.empty_indicators(layers, area=area, years=years)
    ranked = priority.score(table, priority.DEFAULT_WEIGHTS, empty=empty)
    return ranked.set_index("code")["score"].astype("float64")


def demand_of(store: Store, cover: str, area: str, year: int | None) -> tuple[pd.Series, int | None]:
    """``cover``'s measure per village of ``area`` in ``year`` (default: the latest held), and the year."""
    if cover not in COVER:
        raise ValueError(f"unknown measure {cover!r}; choose one of: {', '.join(COVER)}")
    layers = _layers(store)
    layer = figures.REACH_MEASURES[COVER[cover]][0] if COVER[cover] else "placements"
    rows = layers.get(layer, pd.DataFrame())
    if "year" in rows:
        year = default_year(rows["year"].dropna().unique(), year)
    if cover == "need":
        return need_demand(store, layers, area, year), year
    return figures.reach_demand(layers, COVER[cover], area, year), year


def _number(value: float) -> float | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else float(value)


def _share(value: float) -> float | None:
    return None if value is None or (isinstance(value, float) and math.isnan(value)) else round(value, 6)


def reach_summary(
    store: Store,
    area: str,
    kind: str,
    radius_km: float,
    *,
    points: pd.DataFrame,
    new: int | None = None,
    cover: str = "placements",
    year: int | None = None,
    crossings: Iterable[str] = reach.DEFAULT_CROSSINGS,
    time_limit_s: float = 8.0,
) -> dict:
    """The figures and suggestions of ``atlas reach`` for ``area`` as one dict (see the module)."""
    province = area.split(".")[0]
    villages = store.read_areas(Level.VILLAGE, province, columns=["code", "name", "geometry"])
    graph = reach.land_graph(villages[["code", "geometry"]], crossings=crossings)
    demand, year = demand_of(store, cover, area, year)
    chosen = open_points(points, kind, year)
    result = reach.reach(graph, chosen)
    codes = villages["code"].astype(str)
    in_area = codes.str.startswith(area + ".") | (codes == area)
    table = result.table[result.table["code"].isin(set(codes[in_area]))]
    # the figures of the registry (the same as the page, the slides and the brief)
    listed = points["village"].astype(str).str[:2] == province if len(points) else pd.Series(dtype=bool)
    # no point of any type listed in the province: no data, never "nobody is within reach"
    found = figures.reach_values(table if listed.any() else None, _layers(store), area, year, radius_km)
    if COVER[cover]:
        name = COVER[cover]
        shares = {
            "share": found[name],
            "within": found[f"{name}_within"],
            "located": found[f"{name}_located"],
            "no_data": found[f"{name}_no_data"],
        }
    else:
        shares = reach.share_within(table, demand, radius_km)
    out = {
        "area": area,
        "type": kind.upper(),
        "radius_km": radius_km,
        "cover": cover,
        "year": year,
        "points": int(len(chosen)) - len(result.unplaced),
        "points_unplaced": len(result.unplaced),
        "villages": int(in_area.sum()),
        "villages_within": int(((table["status"] == reach.REACHED) & (table["km"] <= radius_km)).sum()),
        "no_land_route": int(found["reach_no_land_route"]),
        "no_data": int((table["status"] == reach.NO_DATA).sum()),
        "share_within": _share(shares["share"]),
        "demand_within": _number(shares["within"]),
        "demand_located": _number(shares["located"]),
        "demand_no_data": _number(shares["no_data"]),
        "figures": {name: _share(found[name]) for name in figures.REACH},
        "crossings": list(graph.crossings),
    }
    if new:
        names = villages.set_index(codes)["name"]
        exact, greedy = reach.plan_sites(
            graph,
            demand,
            radius_km,
            new,
            existing_km=table.set_index("code")["km"],
            candidates=codes[in_area],
            time_limit_s=time_limit_s,
        )

        def sites(plan: reach.SitePlan) -> list[dict]:
            return [
                {"code": code, "name": str(names.get(code, "")), "adds": adds}
                for code, adds in zip(plan.sites["code"], plan.sites["adds"], strict=True)
            ]

        out.update(
            sites=sites(exact),
            share_before=_share(exact.share_before),
            share_after=_share(exact.share_after),
            solver_status=exact.status,
            gap=None if exact.gap is None else round(exact.gap, 6),
            greedy={"sites": sites(greedy), "share_after": _share(greedy.share_after)},
        )
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """``atlas reach``; exit 0 done, 1 refused (no service points, unknown area), 2 usage."""
    parser = argparse.ArgumentParser(prog="atlas reach", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--area", required=True, help="province, regency, district or village code (52, 52.04)"
    )
    parser.add_argument(
        "--type",
        required=True,
        dest="kind",
        help="service point type: LTSA, UPT_BP3MI, POS, DISNAKER, MRC, DESMIGRATIF, SHELTER, OTHER "
        "(or an Indonesian name: 'Pos Pelayanan', 'BP PIPA', 'rumah aman')",
    )
    parser.add_argument("--radius-km", type=float, default=25.0, help="within this many km over land (25)")
    parser.add_argument("--new", type=int, default=None, help="suggest this many new sites")
    parser.add_argument("--cover", choices=list(COVER), default="placements", help="what new sites cover")
    parser.add_argument("--year", type=int, default=None, help="year of the covered measure (latest held)")
    parser.add_argument(
        "--crossing",
        action="append",
        choices=sorted(reach.CROSSINGS),
        default=None,
        help="a ferry or bridge that joins islands (repeat; default: bridges only)",
    )
    parser.add_argument("--time-limit", type=float, default=8.0, help="seconds for the solver (8)")
    parser.add_argument("--json", action="store_true", help="print JSON (the only output for now)")
    parser.add_argument("--store", type=Path, default=None, help="store directory (default: $ATLAS_DATA_DIR)")
    args = parser.parse_args(argv)
    if args.radius_km <= 0 or (args.new is not None and args.new < 1):
        parser.error("--radius-km must be above 0 and --new at least 1")
    from loaders.layers.vocab import SERVICE_TYPE_VALUES, _key

    kind = SERVICE_TYPE_VALUES.get(_key(args.kind), args.kind.strip().upper())
    store = Store(args.store) if args.store else open_store()
    area = args.area.strip()
    if area.split(".")[0] not in store.provinces():
        print(f"atlas reach: the store holds no boundaries of province {area.split('.')[0]}", file=sys.stderr)
        return 1
    try:
        points = service_points(store)
    except NoServicePoints as missing:
        print(f"atlas reach: {missing}", file=sys.stderr)
        return 1
    crossings = list(dict.fromkeys([*reach.DEFAULT_CROSSINGS, *(args.crossing or [])]))
    summary = reach_summary(
        store,
        area,
        kind,
        args.radius_km,
        points=points,
        new=args.new,
        cover=args.cover,
        year=args.year,
        crossings=crossings,
        time_limit_s=args.time_limit,
    )
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


# --------------------------------------------------------------------------- the export of where next
def _village_names(store: Store, area: str) -> dict[str, tuple[str, str, str]]:
    """(village, district, regency) names by village code inside ``area``'s province."""
    province = area[:2]
    villages = store.read_attributes(Level.VILLAGE, province, ["code", "name"])
    districts = store.read_attributes(Level.DISTRICT, province, ["code", "name"])
    regencies = store.read_attributes(Level.REGENCY, province, ["code", "name"])
    district = dict(zip(districts["code"].astype(str), districts["name"].astype(str), strict=False))
    regency = dict(zip(regencies["code"].astype(str), regencies["name"].astype(str), strict=False))
    return {
        code: (str(name), district.get(code[:8], code[:8]), regency.get(code[:5], code[:5]))
        for code, name in zip(villages["code"].astype(str), villages["name"], strict=False)
    }


def where_next_view(
    store: Store,
    area: str,
    kind: str,
    radius_km: float,
    n: int,
    *,
    cover: str = "placements",
    year: int | None = None,
    lang: str = "id",
    threshold: int = 5,
    crossings: Iterable[str] = reach.DEFAULT_CROSSINGS,
    demo: bool = False,
    plans: tuple[reach.SitePlan, reach.SitePlan] | None = None,
    demand: pd.Series | None = None,
    period: str | None = None,
    time_limit_s: float = 8.0,
    graph: reach.LandGraph | None = None,
):
    """The protected view of "where should the next ``n`` points of ``kind`` go" in ``area``
    (:class:`exports.sites.SitesView`): what the slides, the brief and the planner's tables show.

    The page passes the answer it computed (``plans``) and the demand it covered (the planner's
    need score), and the land graph it holds (built once per data version); otherwise they are
    computed here as ``atlas reach`` computes them.
    """
    from exports.sites import build_sites_view
    from geo.display import display_zoom
    from loaders.export_inputs import _area_name, sources_of
    from loaders.layers.vocab import SERVICE_TYPE_VALUES, _key

    kind = SERVICE_TYPE_VALUES.get(_key(kind), kind.upper())
    province = area[:2]
    if graph is None:
        villages = store.read_areas(Level.VILLAGE, province, columns=["code", "geometry"])
        graph = reach.land_graph(villages, crossings=crossings)
    try:
        points = service_points(store)
    except NoServicePoints:  # new sites chosen from scratch: nothing is reached yet
        points = pd.DataFrame(
            columns=["type", "village", "lon", "lat", "located", "year_opened", "year_closed"]
        )
    if demand is None:
        demand, year = demand_of(store, cover, area, year)
    chosen = open_points(points, kind, year)
    table = reach.reach(graph, chosen).table
    codes = table["code"].astype(str)
    inside = table[(codes.str.startswith(area + ".") | (codes == area)).to_numpy()]
    if plans is None:
        plans = reach.plan_sites(
            graph,
            demand,
            radius_km,
            n,
            existing_km=inside.set_index("code")["km"],
            candidates=inside["code"],
            time_limit_s=time_limit_s,
        )
    exact, greedy = plans
    found = figures.reach_values(inside, _layers(store), area, year, radius_km)
    # the map: distance classes, the open points of the type and the proposed sites
    classes = reach.distance_classes(inside, reach.class_limits(radius_km))
    categories = reach.class_legend(radius_km, lang)
    at = {code: (graph.lon[i], graph.lat[i]) for code, i in graph.index.items()}
    marks = []
    for point in chosen.itertuples(index=False):
        lon, lat = (
            (point.lon, point.lat) if pd.notna(point.lon) else at.get(str(point.village), (np.nan, np.nan))
        )
        if str(point.village).startswith(area + ".") or str(point.village) == area:
            marks.append((lon, lat, reach.TYPE_COLOURS.get(kind, "#1f78b4"), i18n.t(f"service.{kind}", lang)))
    for code in exact.sites["code"]:
        lon, lat = at.get(str(code), (np.nan, np.nan))
        marks.append((lon, lat, reach.NEW_SITE_COLOUR, i18n.t("service.new", lang)))
    marks_frame = pd.DataFrame(marks, columns=["lon", "lat", "colour", "label"]).dropna(subset=["lon", "lat"])
    map_areas = store.read_areas(Level.VILLAGE, area, display=display_zoom(Level.VILLAGE, area))
    years = "" if year is None else i18n.t("figure.period.year", lang, year=year)
    return build_sites_view(
        lang=lang,
        threshold=threshold,
        area=area,
        area_name=_area_name(store, area, lang),
        period=period or years,
        kind=kind,
        radius_km=radius_km,
        cover=cover,
        exact=exact,
        greedy=greedy,
        names=_village_names(store, area),
        found=found,
        sources=sources_of(store, area, demo=demo, lang=lang),
        demo=demo,
        map_areas=map_areas,
        map_classes=classes,
        map_categories=categories,
        map_points=marks_frame,
    )
