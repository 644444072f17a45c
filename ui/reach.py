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
from geo.codes import Level
from geo.layers import SERVICE_POINT_TYPES
from ui import Keys, controls, lang, t
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

TYPE_COLOURS = reach.TYPE_COLOURS
NEW_SITE_COLOUR = reach.NEW_SITE_COLOUR
#: Radius choices (km) of the reach figures and of where next.
RADIUS_MIN, RADIUS_MAX, RADIUS_DEFAULT = 1, 100, 25


def view_picker(*, where=st.sidebar) -> str:
    """Cakupan Komunitas shows the programmes (default) or where protection reaches (``?view=reach``)."""
    return (
        controls.bound(
            where.segmented_control,
            Keys.COVERAGE_VIEW,
            "view",
            "programmes",
            options=["programmes", "reach"],
            value_arg="default",
            label=t("reach.view"),
            format_func=lambda v: t(f"reach.view.{v}"),
        )
        or "programmes"
    )


def held_types(province: str | None) -> list[str]:
    """The service-point types the province lists, in display order (every type when none)."""
    points = service_point_rows(province)
    held = set(points["type"].dropna().astype(str)) if not points.empty else set()
    return [k for k in SERVICE_POINT_TYPES if k in held] or list(SERVICE_POINT_TYPES)


def type_picker(province: str | None, *, where=st.sidebar) -> str:
    """The service-point type measured to (``?service=``, carried by the page links, so Cakupan
    Komunitas and Perencanaan share it); LTSA by default."""
    options = held_types(province)
    return controls.bound(
        where.selectbox,
        Keys.REACH_TYPE,
        "service",
        "LTSA" if "LTSA" in options else options[0],
        options=options,
        value_arg="index",
        label=t("reach.type"),
        format_func=lambda k: t(f"service.{k}"),
        help=t("reach.type_help"),
    )


def radius_picker(*, where=st.sidebar) -> int:
    """The radius R in km over land (``?radius=``, shared as ``?service=``); 25 by default."""
    return int(
        controls.bound(
            where.select_slider,
            Keys.REACH_KM,
            "radius",
            RADIUS_DEFAULT,
            options=list(range(RADIUS_MIN, RADIUS_MAX + 1)),
            label=t("reach.radius"),
            help=t("reach.radius_help"),
        )
    )


def crossings_picker(province: str | None, *, where=st.sidebar) -> tuple[str, ...]:
    """The crossings joining islands: bridges always, the province's ferries when stated here
    (``?ferry=``, shared as ``?service=``)."""
    ferries = [
        key
        for key, crossing in reach.CROSSINGS.items()
        if crossing.kind == "ferry"
        and province
        and all(end.startswith(province + ".") for end in crossing.ends)
    ]
    chosen: list[str] = []
    if ferries:
        chosen = controls.bound(
            where.multiselect,
            Keys.REACH_CROSSINGS,
            "ferry",
            [],
            options=ferries,
            many=True,
            value_arg="default",
            label=t("reach.crossings"),
            format_func=lambda key: reach.CROSSINGS[key].name,
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


def class_categories(radius_km: float) -> dict[str, tuple[str, str]]:
    """Map categories of the reach classes (:func:`geo.reach.class_legend`): class -> (colour, text)."""
    return {name: (colour, text) for name, colour, text in reach.class_legend(radius_km, lang())}


def class_values(table: pd.DataFrame | None, radius_km: float, level: Level, codes: list[str]) -> pd.Series:
    """Each village's class on the reach map (other levels: no data, the map is of villages)."""
    if table is None or level != Level.VILLAGE:
        return pd.Series(reach.NO_DATA, index=pd.Index(codes, dtype=object))
    classes = reach.distance_classes(table, reach.class_limits(radius_km))
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
    table: pd.DataFrame | None,
    area: str,
    radius_km: float,
    n: int,
    *,
    time_limit_s: float = 8.0,
    after=None,
) -> tuple[reach.SitePlan, reach.SitePlan, object]:
    """:func:`geo.reach.plan_sites` for the villages of ``area`` with a progress indication (the
    solver's stages in an ``st.status``); ``table`` holds the existing points' distances (None:
    no point yet). ``after(exact, greedy)`` runs inside the same status (the answer's tables)."""
    codes = pd.Series(graph.codes, dtype=object)
    in_area = codes.str.startswith(area + ".") | (codes == area)
    started = time.perf_counter()
    extra = None
    with st.status(t("where.running"), expanded=False) as box:

        def say(stage: str) -> None:
            box.update(label=t(f"where.stage.{stage}"))
            box.write(t(f"where.stage.{stage}"))

        exact, greedy = reach.plan_sites(
            graph,
            demand,
            radius_km,
            n,
            existing_km=table.set_index("code")["km"] if table is not None else None,
            candidates=codes[in_area],
            time_limit_s=time_limit_s,
            progress=say,
        )
        if after is not None:
            say("exports")
            extra = after(exact, greedy)
        seconds = i18n.fmt_num(time.perf_counter() - started, lang(), 1)
        box.update(label=t("where.done", seconds=seconds), state="complete")
    return exact, greedy, extra


def sites_frame(plan: reach.SitePlan, names: Mapping[str, str]) -> pd.DataFrame:
    """``code, name, adds`` of a plan's sites (names of the area's villages)."""
    sites = plan.sites.copy()
    sites["name"] = sites["code"].map(lambda c: names.get(c, c))
    return sites[["code", "name", "adds"]]


def sites_shown(plan: reach.SitePlan, names: Mapping[str, str], cover: str) -> pd.DataFrame:
    """A plan's sites as the page shows them (exact numbers: the working view), headers translated."""
    code = lang()
    digits = 1 if cover == "need" else 0
    sites = sites_frame(plan, names)
    return pd.DataFrame(
        {
            t("where.col.rank"): range(1, len(sites) + 1),
            t("dash.village"): sites["name"].to_numpy(),
            t("common.code"): sites["code"].to_numpy(),
            t("where.col.adds", cover=t(f"where.cover.{cover}")): [
                i18n.fmt_num(v, code, digits) for v in sites["adds"]
            ],
        }
    )


XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX_MIME = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def where_exports(
    area: str,
    kind: str,
    radius_km: float,
    cover: str,
    years: tuple[int, int],
    crossings: tuple[str, ...],
    exact: reach.SitePlan,
    greedy: reach.SitePlan,
    demand: pd.Series,
) -> dict:
    """The tables of one "where next" answer in this session's language, protected as every file
    leaving the office: CSV, XLSX, and the sheets and note lines the planner's own files carry;
    ``view`` (:class:`exports.sites.SitesView`) for the slides and the brief
    (:func:`where_documents`, made after the answer is on the page)."""
    from exports import sites
    from loaders.reach import where_next_view
    from loaders.settings import settings
    from ui import is_demo, store

    code = lang()
    view = where_next_view(
        store(),
        area,
        kind,
        radius_km,
        len(exact.sites),
        cover=cover,
        year=years[1],
        lang=code,
        threshold=settings().small_count_threshold,
        crossings=crossings,
        demo=is_demo(),
        plans=(exact, greedy),
        demand=demand,
        period=figures.period_text(years, code),
        graph=land_graph(area[:2], crossings),
    )
    listed = "; ".join(
        f"{row[0]}. {row[1]} ({row[-1]})" for row in view.table().iloc[:-1].itertuples(index=False, name=None)
    )
    return {
        "view": view,
        "csv": sites.sites_csv(view),
        "xlsx": sites.sites_xlsx(view),
        "sheets": [view.sheet(), view.sheet("greedy")],
        "note": [
            f"{view.title}: {listed}",
            view.t(
                "where.shares",
                before=view.shares["before"],
                after=view.shares["after"],
                greedy=view.shares["greedy_after"],
            ),
            view.status_text,
        ],
    }


def where_documents(view) -> dict:
    """The slides and the brief of one answer (:class:`exports.sites.SitesView`), one map picture
    drawn for both (drawing it is most of their time)."""
    from exports import sites
    from exports.brief_pdf import build_sites_brief
    from exports.deck import build_sites_deck

    picture = sites.sites_map(view)
    return {"pptx": build_sites_deck(view, map_png=picture), "pdf": build_sites_brief(view, map_png=picture)}


def plan_files(
    plan: dict,
    area: str,
    kind: str,
    radius_km: float,
    cover: str,
    years: tuple[int, int],
    crossings: tuple[str, ...],
    *,
    documents: bool = False,
) -> dict:
    """The held answer's files in this session's language (made again after a language switch);
    with ``documents`` the slides and the brief too (made once, then held with the answer)."""
    files = plan.setdefault("files", {})
    if lang() not in files:
        with st.spinner(t("where.stage.exports")):
            files[lang()] = where_exports(
                area, kind, radius_km, cover, years, crossings, plan["exact"], plan["greedy"], plan["demand"]
            )
    held = files[lang()]
    if documents and "pptx" not in held:
        with st.spinner(t("where.stage.documents")):
            held.update(where_documents(held["view"]))
    return held


# ---------------------------------------------------------------------- the coverage-gap rule
def gap_target_picker(province: str | None, *, where=st.sidebar) -> str:
    """What the coverage-gap rule measures to (``?gap_to=``): programme villages (straight line,
    the default) or, over land, the open service points of a type the province lists."""
    points = service_point_rows(province) if province else pd.DataFrame()
    held = set(points["type"].dropna().astype(str)) if not points.empty else set()
    options = ["programmes", *[k for k in SERVICE_POINT_TYPES if k in held]]
    if len(options) == 1:
        return "programmes"
    return controls.bound(
        where.selectbox,
        Keys.COVERAGE_GAP_TO,
        "gap_to",
        "programmes",
        options=options,
        value_arg="index",
        label=t("reach.gap.to"),
        format_func=lambda k: (
            t("reach.gap.to_programmes")
            if k == "programmes"
            else t("reach.gap.to_service", type=t(f"service.{k}"))
        ),
        help=t("reach.gap.help"),
    )


def gap_radius_label(target: str) -> str:
    """The gap radius slider's label: to a programme, or over land to the chosen service."""
    if target == "programmes":
        return t("coverage.radius")
    return t("reach.gap.radius", type=t(f"service.{target}"))


def gap_label(target: str, percent: int, radius: int) -> str:
    """The legend's words for the outlined gaps."""
    if target == "programmes":
        return t("coverage.gap_outline", pct=percent, km=radius)
    return t("reach.gap.outline", pct=percent, km=radius, type=t(f"service.{target}"))


def gap_rule(target: str, percent: int, year: int, threshold: float, radius: int) -> str:
    """The rule in words when it measures over land to service points."""
    minimum = i18n.fmt_int(threshold, lang()) if np.isfinite(threshold) else "–"
    return t("reach.gap.rule", pct=percent, year=year, min=minimum, km=radius, type=t(f"service.{target}"))


def gap_outcome(target: str, n: int, percent: int, radius: int) -> str:
    """How many gaps the rule found, in words."""
    if target == "programmes":
        if n:
            return t("coverage.gaps_found", n=n, km=radius, pct=percent)
        return t("coverage.no_gaps", km=radius, pct=percent)
    kind = t(f"service.{target}")
    if n:
        return t("reach.gap.found", n=n, km=radius, pct=percent, type=kind)
    return t("reach.gap.none", km=radius, pct=percent, type=kind)
