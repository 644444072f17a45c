"""Widgets of where protection reaches: the service-point type and radius (kept in the URL, shared
by Cakupan Komunitas and Perencanaan), the reach map's classes, the service points as markers,
the regency table and "where next" run with a progress indication.

Computation lives in :mod:`geo.reach` and :mod:`geo.figures`; the graph and the distances are
read once per data version through :mod:`ui.reads`.
"""

from __future__ import annotations

import time
from collections.abc import Mapping

import numpy as np
import pandas as pd
import streamlit as st

import i18n
from geo import figures, reach
from geo.classify import NO_DATA_COLOUR
from geo.codes import Level
from geo.layers import SERVICE_POINT_TYPES
from ui import Keys, lang, t
from ui.reads import area_names, land_graph, reach_table, service_point_rows

__all__ = [
    "TYPE_COLOURS",
    "NEW_SITE_COLOUR",
    "view_picker",
    "type_picker",
    "radius_picker",
    "crossings_picker",
    "reach_context",
    "class_categories",
    "class_values",
    "point_markers",
    "regency_table",
    "beyond_text",
    "run_where_next",
]

#: One colour per service-point type on every map, slide and brief (and one for a new site).
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
#: Colours of the distance classes, nearest first, then no land route (its own hue) and no data.
CLASS_COLOURS = ("#1a9850", "#91cf60", "#d9ef8b", "#fee08b", "#fc8d59", "#d73027")
NO_ROUTE_COLOUR = "#6a3d9a"
#: Radius choices (km) of the reach figures and of where next.
RADIUS_MIN, RADIUS_MAX, RADIUS_DEFAULT = 1, 100, 25


#: The URL names of the shared choices (``?service=MRC&radius=25``).
URL = {Keys.REACH_TYPE: "service", Keys.REACH_KM: "radius", Keys.COVERAGE_VIEW: "view"}


def _from_url(key: str, options: list, default):
    raw = st.query_params.get(URL[key])
    if raw is not None:
        for option in options:
            if str(option) == raw:
                return option
    held = st.session_state.get(key)
    return held if held in options else default


def _to_url(key: str) -> None:
    st.query_params[URL[key]] = str(st.session_state[key])


def view_picker(*, where=st.sidebar) -> str:
    """Cakupan Komunitas shows the programmes (default) or where protection reaches (``?view=reach``)."""
    options = ["programmes", "reach"]
    st.session_state[Keys.COVERAGE_VIEW] = _from_url(Keys.COVERAGE_VIEW, options, "programmes")
    return (
        where.segmented_control(
            t("reach.view"),
            options,
            format_func=lambda v: t(f"reach.view.{v}"),
            key=Keys.COVERAGE_VIEW,
            on_change=_to_url,
            args=(Keys.COVERAGE_VIEW,),
        )
        or "programmes"
    )


def held_types(province: str | None) -> list[str]:
    """The service-point types the province lists, in display order (every type when none)."""
    points = service_point_rows(province)
    held = set(points["type"].dropna().astype(str)) if not points.empty else set()
    return [k for k in SERVICE_POINT_TYPES if k in held] or list(SERVICE_POINT_TYPES)


def type_picker(province: str | None, *, where=st.sidebar) -> str:
    """The service-point type measured to (``?type=``), shared by the pages; LTSA by default."""
    options = held_types(province)
    default = "LTSA" if "LTSA" in options else options[0]
    st.session_state[Keys.REACH_TYPE] = _from_url(Keys.REACH_TYPE, options, default)
    return where.selectbox(
        t("reach.type"),
        options,
        format_func=lambda k: t(f"service.{k}"),
        key=Keys.REACH_TYPE,
        on_change=_to_url,
        args=(Keys.REACH_TYPE,),
        help=t("reach.type_help"),
    )


def radius_picker(*, where=st.sidebar) -> int:
    """The radius R in km over land (``?km=``), shared by the pages; 25 by default."""
    options = list(range(RADIUS_MIN, RADIUS_MAX + 1))
    st.session_state[Keys.REACH_KM] = _from_url(Keys.REACH_KM, options, RADIUS_DEFAULT)
    return int(
        where.select_slider(
            t("reach.radius"),
            options,
            key=Keys.REACH_KM,
            on_change=_to_url,
            args=(Keys.REACH_KM,),
            help=t("reach.radius_help"),
        )
    )


def crossings_picker(province: str | None, *, where=st.sidebar) -> tuple[str, ...]:
    """The crossings joining islands: bridges always, the province's ferries when stated here."""
    ferries = [
        key
        for key, crossing in reach.CROSSINGS.items()
        if crossing.kind == "ferry"
        and province
        and all(end.startswith(province + ".") for end in crossing.ends)
    ]
    chosen: list[str] = []
    if ferries:
        chosen = where.multiselect(
            t("reach.crossings"),
            ferries,
            format_func=lambda key: reach.CROSSINGS[key].name,
            key=Keys.REACH_CROSSINGS,
            placeholder=t("reach.crossings_none"),
            help=t("reach.crossings_help"),
        )
    return tuple(dict.fromkeys([*reach.DEFAULT_CROSSINGS, *chosen]))


def reach_context(area: str | None, kind: str, year: int | None, crossings: tuple[str, ...]):
    """(reach table of the area's province or None, the graph) for ``kind`` open in ``year``."""
    if not area:
        return None, None
    province = area[:2]
    return reach_table(province, kind, year, crossings), land_graph(province, crossings)


def class_limits(radius_km: float) -> tuple[float, ...]:
    """The map's km classes: the standard limits with R among them (the legend shows R)."""
    return tuple(sorted(set(reach.DISTANCE_LIMITS_KM) | {float(radius_km)}))[:5]


def class_categories(radius_km: float) -> dict[str, tuple[str, str]]:
    """Map categories of the reach classes: class -> (colour, legend text), no land route and no
    data last, each its own colour (never a distance class)."""
    order = reach.class_order(class_limits(radius_km))
    code = lang()
    out: dict[str, tuple[str, str]] = {}
    colours = list(CLASS_COLOURS)
    distance = [c for c in order if c not in (reach.NO_LAND_ROUTE, reach.NO_DATA)]
    # the nearest classes green, the farthest red, whatever their number
    picks = np.linspace(0, len(colours) - 1, len(distance)).round().astype(int)
    for name, pick in zip(distance, picks, strict=True):
        low, _, high = name.partition("-")
        if name.endswith("+"):
            text = t("reach.class_over", km=i18n.fmt_num(float(name[:-1]), code, 0))
        else:
            text = t(
                "reach.class_range",
                low=i18n.fmt_num(float(low), code, 0),
                high=i18n.fmt_num(float(high), code, 0),
            )
        out[name] = (colours[pick], text)
    out[reach.NO_LAND_ROUTE] = (NO_ROUTE_COLOUR, t("reach.no_land_route"))
    out[reach.NO_DATA] = (NO_DATA_COLOUR, t("common.no_data"))
    return out


def class_values(table: pd.DataFrame | None, radius_km: float, level: Level, codes: list[str]) -> pd.Series:
    """Each village's class on the reach map (other levels: no data, the map is of villages)."""
    if table is None or level != Level.VILLAGE:
        return pd.Series(reach.NO_DATA, index=pd.Index(codes, dtype=object))
    classes = reach.distance_classes(table, class_limits(radius_km))
    return classes.reindex(codes).fillna(reach.NO_DATA)


def point_markers(
    points: pd.DataFrame, year: int | None, sites: pd.DataFrame | None = None, kind: str | None = None
) -> pd.DataFrame:
    """Service points open in ``year`` (of ``kind``, or every type) and proposed ``sites`` as map
    markers: ``village, group, lon, lat, tip, colour``, in the types' display order."""
    open_now = reach.open_points(points, kind, year) if not points.empty else points
    code = lang()
    rows = []
    for kind_ in SERVICE_POINT_TYPES:
        part = open_now[open_now["type"] == kind_] if not open_now.empty else open_now
        for point in part.itertuples(index=False):
            label = t(f"service.{kind_}")
            name = point.name if isinstance(point.name, str) and point.name else label
            placed = "" if point.located == "point" else " · " + t("reach.at_village_point")
            rows.append(
                {
                    "village": str(point.village),
                    "group": kind_,
                    "lon": point.lon,
                    "lat": point.lat,
                    "tip": f"{name} ({label}){placed}",
                    "colour": TYPE_COLOURS[kind_],
                }
            )
    if sites is not None:
        for rank, site in enumerate(sites.itertuples(index=False), start=1):
            rows.append(
                {
                    "village": str(site.code),
                    "group": "new",
                    "lon": np.nan,
                    "lat": np.nan,
                    "tip": t(
                        "where.site_tip", rank=rank, name=site.name, adds=i18n.fmt_num(site.adds, code, 0)
                    ),
                    "colour": NEW_SITE_COLOUR,
                }
            )
    return pd.DataFrame(rows, columns=["village", "group", "lon", "lat", "tip", "colour"])


def marker_label(group: str) -> str:
    """Legend text of a marker group."""
    return t("service.new") if group == "new" else t(f"service.{group}")


def regency_table(
    table: pd.DataFrame, layers: Mapping[str, pd.DataFrame], area: str, year: int | None, radius_km: float
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The reach figures per regency of ``area`` with the area's own row last: (numbers, shown
    text with translated headers)."""
    level = Level.REGENCY if area.count(".") == 0 else Level.DISTRICT
    by_area = figures.reach_by_area(table, layers, area, year, radius_km, level)
    whole = pd.DataFrame.from_dict(
        {area: figures.reach_values(table, layers, area, year, radius_km)}, orient="index"
    )
    numbers = pd.concat([by_area, whole])
    names = {**area_names(level, area), area: t("reach.whole_area")}
    code = lang()

    def count(v: float) -> str:
        return "–" if pd.isna(v) else i18n.fmt_int(v, code)

    shown = pd.DataFrame(
        {
            t("common.name"): [names.get(c, c) for c in numbers.index],
            t("reach.col.villages"): numbers["reach_villages"].map(count),
            t("reach.col.placements"): numbers["reach_placements_located"].map(count),
            t("reach.col.within", km=radius_km): numbers["reach_placements_within"].map(count),
            t("reach.col.beyond", km=radius_km): numbers["reach_placements_beyond"].map(count),
            t("figure.reach_placements"): numbers["reach_placements"].map(lambda v: i18n.fmt_pct(v, code)),
            t("figure.reach_reports"): numbers["reach_reports"].map(lambda v: i18n.fmt_pct(v, code)),
            t("figure.reach_no_land_route"): numbers["reach_no_land_route"].map(count),
        }
    )
    return numbers, shown


def beyond_text(found: Mapping[str, float], radius_km: float, kind: str) -> str:
    """ "x % of placements (n) live more than R km over land from a <type>" (or why not)."""
    code = lang()
    share = found["reach_placements"]
    if pd.isna(share):
        return t("reach.beyond_unknown")
    return t(
        "reach.beyond",
        pct=i18n.fmt_pct(1 - share, code),
        n=i18n.fmt_int(found["reach_placements_beyond"], code),
        total=i18n.fmt_int(found["reach_placements_located"], code),
        km=radius_km,
        type=t(f"service.{kind}"),
    )


def run_where_next(
    graph,
    demand: pd.Series,
    table: pd.DataFrame,
    area: str,
    radius_km: float,
    n: int,
    *,
    time_limit_s: float = 8.0,
) -> tuple[reach.SitePlan, reach.SitePlan]:
    """:func:`geo.reach.plan_sites` for the area's villages with a progress indication (the
    solver's stages in an ``st.status``), the existing points' distances from ``table``."""
    codes = table["code"].astype(str)
    in_area = codes.str.startswith(area + ".") | (codes == area)
    started = time.perf_counter()
    with st.status(t("where.running"), expanded=False) as box:

        def say(stage: str) -> None:
            box.update(label=t(f"where.stage.{stage}"))
            box.write(t(f"where.stage.{stage}"))

        exact, greedy = reach.plan_sites(
            graph,
            demand,
            radius_km,
            n,
            existing_km=table.set_index("code")["km"],
            candidates=codes[in_area],
            time_limit_s=time_limit_s,
            progress=say,
        )
        seconds = i18n.fmt_num(time.perf_counter() - started, lang(), 1)
        box.update(label=t("where.done", seconds=seconds), state="complete")
    return exact, greedy
