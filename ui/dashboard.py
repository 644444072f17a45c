"""Streamlit glue shared by the dashboard pages: cached loads, filters, headline cards, notes.

Store reads come from ``ui.reads`` (cached on store and data version). Computation lives in
``geo``; here we only call it and arrange widgets.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence

import pandas as pd
import streamlit as st

import i18n
import ui
from geo import codes as codes_module
from geo import figures, hotspots, metrics
from geo.cells import neutralise
from geo.codes import Level
from geo.layers import LAYERS
from loaders.store import Store, StoreError
from ui import Keys, demo_banner, is_demo, lang, md_text, reads, store, t
from ui.auth import dialog, guarded
from ui.catalogue import page_as_of
from ui.controls import bound, view_widget
from ui.maps import area_selectors, breadcrumb, choropleth, current_area, shown_level, side_by_side
from ui.reads import (
    analysis_areas,
    area_names,
    hotspot_table,
    layer_options,
    layer_years,
    load_layers,
    village_distances,
    village_points,
    village_table,
)

__all__ = [
    "choropleth",
    "current_area",
    "shown_level",
    "side_by_side",
    "village_points",
    "load_layers",
    "layer_years",
    "area_names",
    "names_of",
    "analysis_areas",
    "village_distances",
    "hotspot_table",
    "village_table",
    "year_picker",
    "year_range_picker",
    "view_bar",
    "placement_filters",
    "with_years",
    "area_values_of",
    "planner_inputs",
    "headline_cards",
    "coverage_notes",
    "trend_note",
    "comparison_note",
    "about_note",
    "no_layer",
    "fmt_value",
    "with_period",
]


# ---------------------------------------------------------------------- the view bar
def _held_period(years: Sequence[int]) -> tuple[int, int]:
    """The period chosen (any page, the URL first) within ``years``: both ends held, else its
    last year alone when held, else the latest year (:func:`geo.figures.default_period`)."""
    chosen = ui.chosen_period()
    if chosen and chosen[0] in years and chosen[1] in years:
        return chosen
    return figures.default_period(years, chosen[1] if chosen else None)


def year_picker(years: Sequence[int], *, where=None) -> int:
    """The year shown (kept in the URL as ``?year=``; the end of a range chosen on another
    page); the latest by default."""
    years = list(years)
    year = _held_period(years)[1]
    return view_widget(
        (where or st).selectbox,
        Keys.VIEW_YEAR,
        year,
        on_change=guarded(ui.set_period),
        default="index",
        options=years,
        label=t("dash.year"),
    )


def year_range_picker(years: Sequence[int], key: str | None = None, *, where=None) -> tuple[int, int]:
    """A from–to year range over the years a layer holds (kept in the URL, ``?year=2023-2024``);
    by default one year, the period rule of :func:`geo.figures.default_period` (the year chosen
    on another page, else the latest).

    The range is the view's, given to the slider as its value on every run
    (:func:`ui.controls.view_widget`): a range slider filled only through the session reads a stored range
    as one year, and the range snapped back to one year after every change.
    """
    years = list(years)
    if len(years) == 1:
        return years[0], years[0]
    lo, hi = view_widget(
        (where or st).select_slider,
        Keys.VIEW_YEARS,
        _held_period(years),
        on_change=guarded(ui.set_period),
        options=years,
        label=t("dash.years"),
    )
    return int(lo), int(hi)


def view_bar(years: Sequence[int] | None = None, *, period: bool = False, extra: str | None = None):
    """The view's controls at the top of a page, reachable without the sidebar (on a phone too):
    the breadcrumb, then province → regency → district, the village search and the year (a
    from–to range with ``period``). Returns ``(area, year)`` (``year``: a range with ``period``,
    None without ``years``); ``extra`` leaves a last column for the page's own control, returned
    third (a container).
    """
    breadcrumb()
    with st.container(key="atlas-viewbar"):
        widths = [1, 1, 1, 1.4] + ([1.1] if years else []) + ([1] if extra else [])
        cols = st.columns(widths, vertical_alignment="bottom")
        area = area_selectors(cols[:4])
        chosen = None
        if years:
            years = list(years)
            chosen = year_range_picker(years, where=cols[4]) if period else year_picker(years, where=cols[4])
        slot = cols[-1] if extra else None
    return (area, chosen, slot) if extra else (area, chosen)


def placement_filters(placements: pd.DataFrame, key: str, *, where=st.sidebar) -> metrics.Filters:
    """Gender, destination, sector, scheme and recruitment-agency filters over the placements layer
    (the stored one: its choices are counted once per data version), each kept in the URL. The
    year range is the view bar's: pass it as ``years`` to :class:`geo.metrics.Filters` (see
    :func:`with_years`)."""
    gender = bound(
        where.radio,
        f"{key}.gender",
        "gender",
        "all",
        options=["all", "P", "L"],
        value_arg="index",
        label=t("dash.gender"),
        format_func=lambda g: t(f"dash.gender.{g}"),
        horizontal=True,
    )
    with where.expander(t("dash.filters")):
        choose = t("dash.choose")
        params = {"destination": "dest", "sector": "sector", "scheme": "placement_scheme", "agency": "agency"}
        chosen = {
            column: bound(
                st.multiselect,
                f"{key}.{param}",
                param,
                [],
                options=layer_options("placements", column),
                many=True,
                value_arg="default",
                label=t(f"dash.{column}"),
                placeholder=choose,
                select_all=False,  # Streamlit's own "Select all" speaks only English
            )
            for column, param in params.items()
        }
    return metrics.Filters(
        years=None,
        gender=None if gender == "all" else gender,
        destinations=tuple(chosen["destination"]),
        sectors=tuple(chosen["sector"]),
        schemes=tuple(chosen["scheme"]),
        agencies=tuple(chosen["agency"]),
    )


def with_years(filters: metrics.Filters, years: tuple[int, int]) -> metrics.Filters:
    """``filters`` over the period ``years``."""
    return dataclasses.replace(filters, years=tuple(years))


# ---------------------------------------------------------------------- per-area values, cached
@st.cache_data(show_spinner=False, max_entries=96)
def _area_values(store_key: str, version: str, what: tuple) -> pd.Series:
    """One measure for every area of a level in the whole store (``what`` names it), computed
    once per data version: a rerun that only changes the classes, the basemap or the village
    chosen draws from here instead of filtering and summing the layers again (0.2–0.3 s of a
    rerun on Jawa Timur's 8,492 villages)."""
    from geo.reports import report_values

    held = Store(store_key)
    layers = reads.load_layers.on(held)
    kind, level = what[0], Level(what[-1])
    # every area of the level: one the layer covers without a row reads 0, one outside it no data
    codes = held.read_attributes(level, None, ["code"])["code"].astype(str).tolist()
    if kind == "count":
        _, layer, filters, value, _ = what
        frame = layers.get(layer, EMPTY)
        rows = metrics.filter_layer(frame, filters)
        return metrics.area_values(frame, rows, level, value, codes, years=filters.years)
    if kind == "started":
        _, layer, year, value, _ = what
        frame = layers.get(layer, EMPTY)
        return metrics.area_values(frame, metrics.started_by(frame, year), level, value, codes)
    if kind == "placements":
        _, measure, filters, year_a, year_b, _ = what
        return metrics.measure_values(
            measure,
            layers.get("placements", EMPTY),
            level,
            filters,
            codes,
            population=layers.get("population", EMPTY),
            year_a=year_a,
            year_b=year_b,
        )
    if kind == "reports":
        _, measure, filters, _ = what
        return report_values(
            layers.get("reports", EMPTY),
            layers.get("placements", EMPTY),
            level,
            codes,
            measure=measure,
            filters=filters,
        )
    raise ValueError(f"unknown kind of area values {kind!r}")


def area_values_of(*what) -> Callable[[Level, list[str]], pd.Series]:
    """``values_fn(level, codes)`` for :func:`choropleth` of one cached measure (see
    :func:`_area_values`): ``("count", layer, filters, value)``, ``("started", layer, year,
    value)``, ``("placements", measure, filters, year_a, year_b)`` or ``("reports", measure,
    filters)``; filters are :class:`geo.metrics.Filters` (hashable)."""

    def values(level: Level | int, codes: Sequence[str]) -> pd.Series:
        held = store()
        found = _area_values(held.key, held.version(), (*what, int(level)))
        return found.reindex(pd.Index(list(codes), dtype="object", name="code"))

    return values


@st.cache_data(show_spinner=False, max_entries=32)
def _planner_inputs(
    store_key: str, version: str, area: str | None, years: tuple[int, int], exclude: bool, names: tuple
) -> tuple[pd.DataFrame, list[str]]:
    from geo import priority

    held = Store(store_key)
    layers = {name: frame for name, frame in reads.load_layers.on(held).items() if name in names}
    distances = village_distances.on(held, area, years[1])
    table = priority.indicators(layers, distances, area=area, years=years, exclude_covered=exclude)
    return table, priority.empty_indicators(layers, area=area, years=years)


def planner_inputs(
    layers: Iterable[str], area: str | None, years: tuple[int, int], exclude: bool
) -> tuple[pd.DataFrame, list[str]]:
    """The planner's raw indicators per candidate village and the indicators without data
    (:func:`geo.priority.indicators`, :func:`geo.priority.empty_indicators`) from the stored
    ``layers`` the page shows, once per data version, area, period and choice of skipping
    covered villages: moving a weight only rescores them."""
    held = store()
    years = tuple(int(y) for y in years)
    return _planner_inputs(held.key, held.version(), area, years, bool(exclude), tuple(sorted(layers)))


def with_period(text: str, period: int | Sequence[int] | None) -> str:
    """``text`` with its period, the one way every title and legend states it: ``Penempatan, 2024``
    or ``Penempatan, 2021–2024`` (:func:`geo.figures.period_text`)."""
    return f"{text}, {figures.period_text(period, lang())}"


def fmt_value(value: float, *, share: bool = False, digits: int = 0) -> str:
    """A figure the reader's way; NaN reads "no data" (never 0)."""
    if value is None or pd.isna(value):
        return t("common.no_data")
    return i18n.fmt_pct(value, lang()) if share else i18n.fmt_num(value, lang(), digits)


def _delta(item: figures.Headline, year: int) -> str | None:
    # "-" (not "−") for a fall: st.metric reads the arrow's direction from the text
    return figures.change_text(item, year, lang(), minus="-") or None


def delta_style(item: figures.Headline) -> tuple[str, str]:
    """Colour and arrow of a headline's change: none when unknown or unchanged (0 is no rise).

    Fewer non-procedural departures (or problem returns) is good news: such a fall is shown
    green (``Figure.better``); a change that is neither (returns) has no colour.
    """
    if pd.isna(item.change) or item.change == 0:
        return "off", "off"
    better = figures.FIGURES[item.name].better
    return {"lower": "inverse", "neither": "off"}.get(better, "normal"), "auto"


def area_title(area: str | None) -> str:
    """The name of the area shown, with the names above it: ``Kabupaten Lombok Timur, Nusa
    Tenggara Barat``; every area held (``Indonesia``, or the one province) when None."""
    provinces = store().provinces()
    if not area:
        if len(provinces) == 1:
            return area_names(Level.PROVINCE).get(provinces[0], provinces[0])
        return t("crumb.all")
    parts = []
    for length, level in ((8, Level.DISTRICT), (5, Level.REGENCY), (2, Level.PROVINCE)):
        if len(area) >= length:
            code = area[:length]
            names = area_names(level, code.rsplit(".", 1)[0] if level > Level.PROVINCE else None)
            name = names.get(code, code)
            parts.append(t("crumb.district", name=name) if level == Level.DISTRICT else name)
    return ", ".join(parts)


def headline_cards(
    items: Iterable[figures.Headline],
    year: int,
    per_row: int = 3,
    *,
    area: str | None = None,
    key: str = "atlas-cards",
    named: bool = True,
) -> None:
    """Headline figures (:mod:`geo.figures`) as metric cards with the change from the previous
    year, under a line naming the area and year they describe (``named``; compact on a phone).
    A second set of cards on a page takes its own ``key`` (``atlas-cards-...``)."""
    items = list(items)
    box = st.container(key=key)
    if named:
        box.markdown(f"**{md_text(t('dash.cards_for', area=area_title(area), year=year))}**")
    for start in range(0, len(items), per_row):
        cols = box.columns(per_row)
        for col, item in zip(cols, items[start : start + per_row], strict=False):
            colour, arrow = delta_style(item)
            col.metric(
                t(figures.FIGURES[item.name].label_key),
                fmt_value(item.value, share=item.is_share, digits=item.digits),
                delta=_delta(item, year),
                delta_color=colour,
                delta_arrow=arrow,
                help=t(figures.FIGURES[item.name].help_key),
                border=True,
            )


def coverage_notes(items: Iterable[figures.Headline], year: int | None, area: str | None) -> None:
    """Under the headline cards: where a figure covers only part of the area, or where its
    change is over fewer areas than the year covers (:func:`geo.figures.coverage_notes`), and
    for the whole store what it leaves out (provinces without boundaries)."""
    from ui.reads import not_drawn

    name = None
    if area:
        from geo.codes import code_level

        level = code_level(area)
        name = area_names(level, area.rsplit(".", 1)[0] if level > Level.PROVINCE else None).get(area)
    notes = figures.coverage_notes(list(items), year, area, lang(), name)
    if area is None:
        outside = figures.outside_note(not_drawn(), lang())
        notes += [outside] if outside else []
    for note in notes:
        st.caption(note, help=None)


def trend_note(frame: pd.DataFrame, layer: str, area: str | None) -> None:
    """Under a trend chart: the areas it counts when the years it shows cover different ones."""
    found = metrics.trend_ground(frame, area)
    text = figures.ground_note(layer, found, lang()) if found is not None else ""
    if text:
        st.caption(text)


def comparison_note(frame: pd.DataFrame, layer: str, years: Sequence[int], area: str | None) -> None:
    """Over a comparison of two years (a change map, maps side by side): which areas it counts
    when the two years cover different ones."""
    from geo.data_coverage import coverage_of, ground

    found = ground(coverage_of(frame), list(years), area)
    if not found.differs:
        return
    code = lang()
    st.caption(
        t(
            "coverage.note.side_by_side",
            common=i18n.fmt_int(found.common, code),
            unit_common=t(f"coverage.unit{'_one' if found.common == 1 else ''}.{found.level.key}"),
            a=years[0],
            b=years[1],
            count_a=i18n.fmt_int(found.counts[0], code),
            count_b=i18n.fmt_int(found.counts[1], code),
        )
    )


def _layer_source(layer: str) -> tuple[str, str]:
    """The layer's source as the note under a map names it: the layer's title and the date it
    was loaded (never the raw file name, which may carry a person's or an office's name)."""
    if is_demo():
        return t("dash.about.demo_source"), "–"
    versions = store().layer_meta(layer).get("versions", [])
    if not versions:
        return t("dash.about.unknown_source"), "–"
    last = versions[-1]
    written = str(last.get("written_at", ""))[:10]
    try:
        date = i18n.fmt_date(pd.Timestamp(written), lang()) if written else "–"
    except ValueError:
        date = written
    label = t(LAYERS[layer].title_key) if LAYERS[layer].title_key in i18n.TABLE else layer
    kind = t("dash.about.versions", n=len(versions)) if len(versions) > 1 else t("dash.about.one_version")
    return f"{label}, {kind}", date


def about_note(layers: Iterable[str], text_key: str, **values: object) -> None:
    """The short "about this data" note under a map: source, date, definitions, what is counted."""
    with st.expander(t("dash.about"), icon=":material/info:"):
        st.markdown(t(text_key, **values))
        for layer in layers:
            source, date = _layer_source(layer)
            label = t(LAYERS[layer].title_key) if LAYERS[layer].title_key in i18n.TABLE else layer
            st.caption(f"**{label}** — " + t("dash.about.source", source=source, date=date))
        st.caption(t("dash.about.missing"))


def no_boundaries(text_key: str = "dash.no_boundaries") -> None:
    """Say no boundaries are loaded, with buttons to the Data page's actions (fetch, upload)."""
    st.info(t(text_key), icon=":material/map:")
    row = st.container(horizontal=True)
    target = {"tab": "boundaries", "data": "store", "lang": lang()}
    fetch = row.button(t("map.empty.fetch"), type="primary", icon=":material/download:", key=Keys.EMPTY_FETCH)
    upload = row.button(t("map.empty.upload"), icon=":material/upload_file:", key=Keys.EMPTY_UPLOAD)
    if not is_demo():
        row.button(t("map.empty.demo"), icon=":material/science:", key=Keys.EMPTY_DEMO, on_click=_use_demo)
    if fetch or upload:
        st.switch_page("views/data.py", query_params=target)


@guarded
def _use_demo() -> None:
    st.session_state[Keys.DATASET] = "demo"
    st.query_params["data"] = "demo"


def no_layer(layer: str) -> None:
    """Say a layer is not loaded (and where to load it)."""
    label = t(LAYERS[layer].title_key) if LAYERS[layer].title_key in i18n.TABLE else layer
    st.info(t("dash.no_layer", layer=label), icon=":material/upload_file:")


# ---------------------------------------------------------------------- map and village panel
EMPTY = pd.DataFrame()


#: The layer each dashboard page presents in presentation mode (its map's main layer).
PRESENTED = {
    "overview": "placements",
    "placements": "placements",
    "coverage": "programmes",
    "enterprises": "enterprises",
    "reports": "reports",
    "journey": "returns",
    "planner": "placements",
    "map": "placements",
}


def present_page(page: str) -> bool:
    """Presentation mode of ``page`` (switch or ``?present=1``): title, figure strip and the map of
    the page's layer over the whole screen, no sidebar or controls. False when not presenting or
    when nothing can be presented (no boundaries or no layer with a map)."""
    from exports.view import MAP_MEASURES
    from ui import present

    if not present.presenting():
        return False
    held = store()
    loaded = [name for name in MAP_MEASURES if name in held.layers()]
    provinces = held.provinces()
    if not provinces or not loaded:
        return False
    wanted = PRESENTED.get(page, "placements")
    layer = wanted if wanted in loaded else loaded[0]
    area = current_area() or provinces[0]
    years = present.year_options()
    year = _held_period(years)[1] if years else None
    try:
        present.render_presentation(present.view_key(area, year, layer))
    except StoreError as err:
        st.error(t("common.error", message=str(err)))
    return True


def page_head(page: str) -> None:
    """The head every dashboard page shares: presentation mode (then the page stops), the demo
    banner, title and intro (``<page>.title``, ``<page>.intro``), the presentation switch in the
    sidebar, and, when no boundaries are loaded, the message with its buttons (then it stops)."""
    if present_page(page):
        st.stop()
    demo_banner()
    st.title(t(f"{page}.title"))
    st.caption(t(f"{page}.intro"))
    page_as_of(page)
    from ui import present

    view_widget(
        st.sidebar.toggle,
        Keys.PRESENT_SWITCH,
        present.presenting(),
        on_change=guarded(present.set_presenting),
        label=t("export.present.switch"),
        help=t("export.present.help"),
    )
    if not store().provinces():
        no_boundaries("map.no_boundaries" if page == "map" else "dash.no_boundaries")
        st.stop()


def layer_page(layer: str) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """The head of a layer's own page (:func:`page_head`); stops with a message when no
    ``layer`` data is loaded. Returns every loaded layer and this one."""
    page_head(layer)
    layers = load_layers()
    frame = layers.get(layer, EMPTY)
    if frame.empty:
        no_layer(layer)
        st.stop()
    return layers, frame


def villages_within(villages: pd.DataFrame, codes: list[str]) -> pd.Series:
    """Number of villages inside each area of ``codes``."""
    return codes_module.count_within(villages["code"], codes).set_axis(codes)


def village_kinds(codes: list[str]) -> pd.Series:
    """Desa / kelurahan / desa adat of each village code."""
    return codes_module.village_kind(pd.Series(codes, index=codes))


def village_kind_categories() -> dict[str, tuple[str, str]]:
    """Map categories for the village types: value -> (colour, label)."""
    colours = {"desa": "#a6d96a", "kelurahan": "#fdae61", "desa_adat": "#9e9ac8"}
    return {kind: (colour, t(f"map.kind.{kind}")) for kind, colour in colours.items()}


def boundary_note(area: str | None, villages: pd.DataFrame) -> None:
    """Under the area map: how many villages, which have no polygon, the source and its date."""
    code = lang()
    with_polygon = int(villages["has_polygon"].sum())
    st.caption(
        t(
            "map.held",
            villages=i18n.fmt_int(len(villages), code),
            with_polygon=i18n.fmt_int(with_polygon, code),
        )
    )
    missing = villages.loc[~villages["has_polygon"].astype(bool), ["code", "name"]]
    if len(missing):
        with st.expander(t("map.without_polygon", count=i18n.fmt_int(len(missing), code))):
            table = pd.DataFrame(
                {
                    t("common.code"): missing["code"].to_numpy(),
                    t("common.name"): missing["name"].to_numpy(),
                }
            )
            st.dataframe(table, hide_index=True, width="stretch")
            download_table(table, t("file.villages_without_polygon"), Keys.MISSING_CSV)
    with st.expander(t("dash.about"), icon=":material/info:"):
        st.markdown(t("map.about"))
        held = store()
        for province in [area[:2]] if area else held.provinces():
            meta = held.province_meta(province)
            date = str(meta.get("imported_at") or meta.get("written_at") or "")[:10]
            source = str(meta.get("source") or "")
            kind = (
                "map.boundary_source.archive"
                if source.startswith(("http://", "https://"))
                else ("map.boundary_source.demo" if is_demo() else "map.boundary_source.files")
            )
            st.caption(
                f"**{md_text(meta.get('name') or province)}** — " + t("map.source", source=t(kind), date=date)
            )


def _close_panel() -> None:
    st.session_state[Keys.PANEL] = None


@guarded
def _open_panel(code: str) -> None:
    st.session_state[Keys.PANEL] = code


def names_of(codes: Iterable[str], level: Level, area: str | None) -> dict[str, str]:
    """The names of ``codes`` only (the bars of a chart): a kept chart hashes what it is given,
    and every village name of a province took 0.8 s a rerun to hash."""
    names = area_names(level, area)
    return {code: names[code] for code in codes if code in names}


def village_panel(code: str | None, layers: dict[str, pd.DataFrame]) -> None:
    """The panel of the village clicked on the map (or found by search, or in the URL), in a
    dialog over the page, so it is seen at once without scrolling past the charts. Its translated
    button closes it; a button under the map opens it again."""
    from ui.panels import village_panel as render

    if not code or code.count(".") != 3:
        st.caption(t("panel.hint"))
        return
    name = area_names(Level.VILLAGE, code[:8]).get(code, code)
    district = area_names(Level.DISTRICT, code[:5]).get(code[:8], code[:8])
    regency = area_names(Level.REGENCY, code[:2]).get(code[:5], code[:5])
    if st.session_state.get(Keys.PANEL) != code:
        st.button(
            t("panel.open", name=name),
            icon=":material/info:",
            key=f"{Keys.PANEL}.open",
            on_click=_open_panel,
            args=(code,),
        )
        return

    def body() -> None:
        render(code, name, f"{district}, {regency}", layers)
        # the dialog's body runs as a fragment: closing it takes a run of the whole page
        if st.button(t("map.panel_close"), key=f"{Keys.PANEL}.close", icon=":material/close:"):
            _close_panel()
            st.rerun()

    # not dismissible: Streamlit's own close cross is labelled in English ("Close") only
    dialog(t("panel.dialog"), width="large", dismissible=False)(body)()


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """A shown table as UTF-8 CSV with BOM (Excel reads the names right), formulas neutralised."""
    return neutralise(frame).to_csv(index=False).encode("utf-8-sig")


def gap_table(gaps: pd.DataFrame) -> pd.DataFrame:
    """Coverage gaps with official names and translated headers, largest placements first."""
    names = area_names(Level.VILLAGE, None)
    code = lang()
    return pd.DataFrame(
        {
            t("common.code"): gaps["code"],
            t("dash.village"): gaps["code"].map(names),
            t("metric.placements"): gaps["value"].map(lambda v: i18n.fmt_int(v, code)),
            t("coverage.km"): gaps["km"].map(lambda v: i18n.fmt_num(v, code, 1)),
            t("coverage.nearest"): gaps["nearest"].map(
                lambda c: names.get(c, c) if isinstance(c, str) else "–"
            ),
        }
    )


def score_values(ranked: pd.DataFrame, level: Level | int, codes: Iterable[str]) -> pd.Series:
    """Planner scores per area of ``level`` (best village score inside each area)."""
    from geo.priority import area_scores

    return area_scores(ranked, int(level), codes)


def ranked_table(ranked: pd.DataFrame) -> pd.DataFrame:
    """The ranked planner table as the page shows it: the files' columns, order and headers
    (:func:`geo.priority.ranking_values`), numbers in the reader's format."""
    from geo.priority import COUNT_COLUMNS, DECIMAL_COLUMNS, ranking_headers, ranking_values

    code = lang()
    shown = ranking_values(ranked, code).astype(object)
    for col in DECIMAL_COLUMNS:
        shown[col] = shown[col].map(lambda v: i18n.fmt_num(v, code, 1))
    for col in COUNT_COLUMNS:
        shown[col] = shown[col].map(lambda v: i18n.fmt_int(v, code))
    return shown.rename(columns=ranking_headers(code))


HOTSPOT_COLOURS = {"hot": "#d7301f", "cold": "#2b8cbe", "not_significant": "#f4f4f4", "no_data": "#d9d9d9"}


def hotspot_map(
    key: str, found: hotspots.Hotspots, level: Level, measure: str, years: tuple[int, int]
) -> str | None:
    """Gi* classes of ``found`` at ``level``, the method it used and the significant areas."""
    table = found.table

    def classes(_level: Level, codes: list[str]) -> pd.Series:
        return table.set_index("code")["hotspot"].reindex(codes).fillna("no_data")

    categories = {name: (colour, t(f"hotspot.{name}")) for name, colour in HOTSPOT_COLOURS.items()}
    selected = choropleth(
        key,
        classes,
        label=with_period(t("reports.hotspots"), years),
        categories=categories,
        level=level,
    )
    code = lang()
    st.caption(t("reports.hotspot_summary", hot=found.hot, cold=found.cold, n=found.n))
    st.caption(
        t(
            "hotspot.method",
            permutations=i18n.fmt_int(found.permutations, code),
            correction=t(f"hotspot.correction.{found.correction}"),
            n=i18n.fmt_int(found.n, code),
            alpha=i18n.fmt_num(found.alpha, code, 2),
            cut=i18n.fmt_num(found.cut, code, 4 if found.cut >= 0.0001 else 6),
            neighbours=i18n.fmt_num(found.neighbours, code, 1),
        )
    )
    if not found.attainable:
        st.warning(t("hotspot.unattainable", n=i18n.fmt_int(found.n, code)))
    significant = table[table["significant"]].sort_values("z", ascending=False)
    if not significant.empty:
        names = area_names(level, current_area())
        shown = pd.DataFrame(
            {
                t("common.code"): significant["code"],
                t("common.name"): significant["code"].map(names),
                t("reports.hotspots"): significant["hotspot"].map(lambda h: t(f"hotspot.{h}")),
                t("metric.reports"): significant["value"].map(
                    lambda v: i18n.fmt_num(v, code, 1 if measure == "per_100" else 0)
                ),
                t("hotspot.z"): significant["z"].map(lambda v: i18n.fmt_num(v, code, 2)),
                t("hotspot.p"): significant["p"].map(lambda v: i18n.fmt_num(v, code, 4)),
            }
        )
        st.dataframe(shown, hide_index=True, width="stretch", height=240)
        download_table(shown, t("file.hotspots"), Keys.HOTSPOT_CSV)
    return selected


def download_table(frame: pd.DataFrame, file_name: str, key: str) -> None:
    """Our own translated download button for a shown table (Streamlit's toolbar is hidden)."""
    from ui import auth

    data = csv_bytes(frame)
    st.download_button(
        t("dash.download_csv"),
        data,
        file_name,
        "text/csv",
        key=key,
        icon=":material/download:",
        on_click=auth.record_download,
        args=(file_name, data),
    )
