"""The shared map widget: area selectors, the compact choropleth, basemap and class pickers.

Geometry comes from the display copies prepared at import, encoded once per (store version,
level, area, zoom) and cached; each rerun only classifies values and writes the map script.
``st_folium`` returns only the clicked area, so panning and zooming never rerun the page.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import numpy as np
import pandas as pd
import streamlit as st
import streamlit.components.v1 as components
from streamlit_folium import st_folium

import i18n
from geo import maps
from geo.classify import EXCLUDED_COLOUR, USER_SCHEMES, classify
from geo.codes import Level, code_level
from geo.display import display_zoom, quantum_for
from loaders.store import Store, StoreError
from ui import Keys, chosen_scheme, is_demo, lang, md_text, store, t, url_value
from ui.auth import guarded
from ui.controls import bound, view_widget
from ui.reads import area_names, encoded_shapes, village_points

__all__ = [
    "choropleth",
    "side_by_side",
    "area_selectors",
    "breadcrumb",
    "shown_level",
    "current_area",
    "MAP_HEIGHT",
    "national_villages_chosen",
    "national_choropleth",
]

MAP_HEIGHT = 460
PAIR_HEIGHT = 340
MARKER_PALETTE = ["#1b9e77", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d"]


def current_area() -> str | None:
    """The area the map is drilled into (None: everything held), resolved like the map does
    (:func:`resolve_area`), so a page that reads it before drawing its map (headline figures,
    coverage gaps, charts) shows the linked area too."""
    return resolve_area()


def shown_level(area: str | None) -> Level:
    """The level the map draws inside ``area``: its children (regencies of a lone province)."""
    if area:
        return Level(min(area.count(".") + 2, Level.VILLAGE))
    return Level.REGENCY if len(store().provinces()) == 1 else Level.PROVINCE


def _known_area(code: str) -> bool:
    """Whether ``code`` names an area held (a province, regency or district of the store)."""
    try:
        level = code_level(code)
    except ValueError:
        return False
    if level == Level.PROVINCE:
        return code in store().provinces()
    if level >= Level.VILLAGE:
        return False
    return code in area_names(level, code.rsplit(".", 1)[0])


def resolve_area() -> str | None:
    """The area the view shows: the URL's ``?area=`` (a link, a reload, the back button, a page
    link of the sidebar) when it is an area held, else the only province held, else None.

    The URL is the view's one record (every change writes it: :func:`set_area`); an area of
    another dataset (after switching) or of no province held is not shown (and left in the URL,
    where the export page may name the whole store).
    """
    provinces = store().provinces()
    raw = st.query_params.get("area")
    area = raw if raw and raw[:2] in provinces and _known_area(raw) else None
    if area is None and len(provinces) == 1:
        area = provinces[0]
    st.session_state[Keys.AREA] = area
    return area


def set_area(code: str | None) -> None:
    """Show ``code`` (None: everything) and keep it in the URL.

    The chosen village stays only when the view drills down towards it (into an area holding
    it); going back up, or sideways, clears it, with its outline, its search entry and its
    place in the URL: the map then shows the new area whole.
    """
    old = st.query_params.get("area") or None
    village = st.query_params.get(Keys.VILLAGE)
    deeper = bool(code) and (old is None or code.startswith(old + "."))
    if village and not (deeper and village.startswith(f"{code}.")):
        select_village(None)
    st.session_state[Keys.AREA] = code
    if code:
        st.query_params["area"] = code
    elif "area" in st.query_params:
        del st.query_params["area"]


@guarded
def go_to(code: str | None) -> None:
    """Breadcrumb and selector callback: show ``code``; choosing the area already shown (its
    name in the breadcrumb while a village is chosen) goes back up from the village."""
    if code == (st.query_params.get("area") or None) and st.query_params.get(Keys.VILLAGE):
        select_village(None)
    set_area(code)


def _picked_area(parent: str | None, code: str) -> None:
    set_area(code or parent)


def select_village(code: str | None) -> None:
    """Choose village ``code`` (None: none): outlined on every map, its panel opened, kept in the URL."""
    st.session_state[Keys.VILLAGE] = code
    st.session_state[Keys.PANEL] = code
    if code:
        st.query_params[Keys.VILLAGE] = code
    elif Keys.VILLAGE in st.query_params:
        del st.query_params[Keys.VILLAGE]


def selected_village(area: str | None) -> str | None:
    """The chosen village (the URL's ``?village=``) when it lies in ``area`` and a province held.

    A village that arrives by a link or a reload opens its panel, as one chosen on the page does.
    """
    raw = st.query_params.get(Keys.VILLAGE)
    valid = (
        bool(raw)
        and raw.count(".") == 3
        and raw[:2] in store().provinces()
        and (not area or raw.startswith(area + "."))
    )
    code = raw if valid else None
    if code != st.session_state.get(Keys.VILLAGE):
        st.session_state[Keys.VILLAGE] = code
        st.session_state[Keys.PANEL] = code
    return code


@guarded
def _pick_village(code: str | None) -> None:
    select_village(code or None)


def area_selectors(columns: list) -> str | None:
    """Province → regency → district selectors (in ``columns[:3]``) and the village search (in
    ``columns[3]``), each showing the view's area; returns the area."""
    area = resolve_area()
    parent: str | None = None
    for i, level in enumerate((Level.PROVINCE, Level.REGENCY, Level.DISTRICT)):
        names = area_names(level, parent)
        if not names:
            break
        options = ["", *sorted(names, key=lambda c, n=names: n[c])]
        part = area[: (2, 5, 8)[i]] if area and area.count(".") >= i else ""
        part = part if part in options else ""
        view_widget(
            columns[i].selectbox,
            f"{Keys.VIEW_AREA}.{i}",
            part,
            on_change=guarded(functools.partial(_picked_area, parent)),
            default="index",
            options=options,
            label=t(f"level.{level.key}"),
            format_func=lambda c, n=names: n.get(c, t("common.all")),
        )
        if not part:
            break
        parent = part
    village_search(columns[3], area)
    return area


#: Villages the search lists at once (a selectbox sends every entry to the browser on each run);
#: over more (several provinces), a few typed letters first narrow them to :data:`SEARCH_MATCHES`.
SEARCH_LIST_LIMIT = 15_000
SEARCH_MATCHES = 200


def village_search(column, area: str | None) -> None:
    """The village search of the area shown (the whole store when none is chosen): each entry
    ``"Name — District, Regency"``; choosing one outlines it, fits the map and opens its panel."""
    entries = search_names(area)
    chosen = selected_village(area)
    label = t("dash.search")
    if len(entries) > SEARCH_LIST_LIMIT:
        typed = column.text_input(label, key=Keys.VIEW_FIND, placeholder=t("dash.search_type"))
        words = [w for w in str(typed or "").lower().split() if w]
        found = [c for c, text in entries.items() if words and all(w in text.lower() for w in words)]
        keep = [chosen] if chosen in entries else []
        entries = {c: entries[c] for c in dict.fromkeys(keep + found[:SEARCH_MATCHES])}
        label = t("dash.search_pick", n=i18n.fmt_int(len(found), lang())) if words else None
        if label is None and not keep:
            return
    options = ["", *sorted(entries, key=lambda c: entries[c])]
    view_widget(
        column.selectbox,
        Keys.VIEW_SEARCH,
        chosen if chosen in entries else "",
        on_change=_pick_village,
        default="index",
        options=options,
        label=label,
        format_func=lambda c: entries.get(c, "") if c else "",
        placeholder=t("dash.search"),
        disabled=len(options) < 2,
    )


@st.cache_data(show_spinner=False, max_entries=16)
def _search_entries(store_key: str, version: str, area: str | None) -> dict[str, str]:
    held = Store(store_key)
    villages = held.read_attributes(Level.VILLAGE, area, ["code", "name"])
    provinces = [area[:2]] if area else held.provinces()
    districts: dict[str, str] = {}
    regencies: dict[str, str] = {}
    for province in provinces:
        for level, names in ((Level.DISTRICT, districts), (Level.REGENCY, regencies)):
            frame = held.read_attributes(level, province, ["code", "name"])
            names.update(zip(frame["code"].astype(str), frame["name"].astype(str), strict=False))
    codes = villages["code"].astype(str)
    district = codes.str.slice(0, 8)
    regency = codes.str.slice(0, 5)
    text = (
        villages["name"].astype(str)
        + " — "
        + district.map(districts).fillna(district)
        + ", "
        + regency.map(regencies).fillna(regency)
    )
    return dict(zip(codes, text, strict=True))


def search_names(area: str | None) -> dict[str, str]:
    """Village search entries inside ``area`` (None: every village held): ``"Name — District,
    Regency"`` by code (cached per store version)."""
    held = store()
    if not held.provinces():
        return {}
    try:
        return _search_entries(held.key, held.version(), area)
    except StoreError:
        return {}


def breadcrumb() -> None:
    """Where the view is, each level above it a button that goes back up to it:
    ``Indonesia › Nusa Tenggara Barat › Kabupaten Lombok Timur › Keruak › Desa X``."""
    area = resolve_area()
    village = selected_village(area)
    crumbs: list[tuple[str | None, str]] = []
    if len(store().provinces()) > 1:
        crumbs.append((None, t("crumb.all")))
    for length, level in ((2, Level.PROVINCE), (5, Level.REGENCY), (8, Level.DISTRICT)):
        if area and len(area) >= length:
            code = area[:length]
            names = area_names(level, code.rsplit(".", 1)[0] if level > Level.PROVINCE else None)
            crumbs.append((code, names.get(code, code)))
    if village:
        crumbs.append((village, area_names(Level.VILLAGE, village[:8]).get(village, village)))
    if not crumbs:
        return
    row = st.container(horizontal=True, key="atlas-crumbs", gap="xsmall", vertical_alignment="center")
    for i, (code, name) in enumerate(crumbs):
        if i:
            row.markdown("›")
        if i == len(crumbs) - 1:
            row.markdown(f"**{md_text(name)}**")
        else:
            row.button(name, type="tertiary", key=f"{Keys.VIEW_CRUMB}.{i}", on_click=go_to, args=(code,))


def map_settings() -> tuple[str, int, str]:
    """Classification scheme, number of classes and basemap, chosen in the sidebar and kept in
    the URL (``?scheme=``, ``?classes=``, ``?basemap=``; the switch for area names ``?labels=``,
    read by :func:`show_labels`)."""
    with st.sidebar:
        scheme = bound(
            st.selectbox,
            Keys.SCHEME,
            "scheme",
            USER_SCHEMES[0],
            options=list(USER_SCHEMES),
            value_arg="index",
            label=t("dash.scheme_label"),
            format_func=lambda s: t(f"dash.scheme.{s}"),
        )
        k = bound(st.slider, Keys.CLASSES, "classes", 5, label=t("dash.classes"), min_value=3, max_value=7)
        basemap = bound(
            st.selectbox,
            Keys.BASEMAP,
            "basemap",
            "none",
            options=list(maps.BASEMAPS),
            value_arg="index",
            label=t("map.basemap"),
            format_func=lambda b: t(f"map.basemap.{b}"),
        )
        bound(st.toggle, Keys.LABELS, "labels", True, label=t("map.labels"), help=t("map.labels_help"))
    return scheme, int(k), basemap


def show_labels() -> bool:
    """Whether area names are written on the maps (the sidebar switch; on by default)."""
    return bool(url_value("labels", True))


@st.cache_data(show_spinner=False, max_entries=32)
def _encoded_one(store_key: str, version: str, code: str, zoom: str) -> maps.EncodedShapes:
    level = code_level(code)
    areas = Store(store_key).read_areas(level, code, display=zoom)
    areas = areas[areas["code"] == code]
    return maps.encode_shapes(areas, quantum_for(level, zoom))


def selection_shape(code: str) -> maps.EncodedShapes:
    """The display polygon of one area (for its outline on a map of another level)."""
    held = store()
    level = code_level(code)
    return _encoded_one(held.key, held.version(), code, display_zoom(level, code.rsplit(".", 1)[0]))


def attribution() -> str:
    """The map's attribution: the source and licence of the boundaries drawn."""
    if is_demo():
        return t("map.attribution", source=t("map.boundary_source.demo"))
    held = store()
    sources = {str(held.province_meta(p).get("source") or "") for p in held.provinces()}
    web = ("http://", "https://")
    parts = [t("map.boundary_source.archive")] if any(s.startswith(web) or not s for s in sources) else []
    if any(s and not s.startswith(web) for s in sources):
        parts.append(t("map.boundary_source.files"))
    return t("map.attribution", source="; ".join(parts))


def _value_text(values: pd.Series, *, share: bool, digits: int, signed: bool = False) -> list[str]:
    code = lang()

    def text(v) -> str:
        out = i18n.fmt_pct(v, code) if share else i18n.fmt_num(v, code, digits)
        if signed:  # a change reads "+12" or "−12"
            out = out.replace("-", "\u2212") if v < 0 else ("+" + out if v > 0 else out)
        return out

    # each distinct value written once (a province's villages repeat few values: 8,492 villages,
    # a few hundred distinct counts), then spread to the areas
    numbers = pd.Series(pd.to_numeric(values, errors="coerce").to_numpy(dtype=float))
    distinct = numbers.dropna().unique()
    written = dict(zip(distinct.tolist(), (text(v) for v in distinct), strict=True))
    return numbers.map(written).fillna(t("common.no_data")).tolist()


def _class_rows(classes, *, share: bool, digits: int) -> list[tuple[str, str]]:
    """Legend rows: each class as :meth:`geo.classify.Classification.legend` writes it, then no data."""
    return classes.legend(lang(), digits, percent=share, no_change=t("legend.no_change"))


def _located(markers: pd.DataFrame, area: str | None) -> pd.DataFrame:
    """``markers`` with ``lon``/``lat``: their own where they carry them (a service point's
    coordinates), else their village's representative point; markers with neither are left out."""
    points = village_points(area)
    if not {"lon", "lat"} <= set(markers.columns):
        return markers.merge(points, left_on="village", right_on="code", how="inner")
    located = markers.merge(points, left_on="village", right_on="code", how="left", suffixes=("_own", ""))
    for axis in ("lon", "lat"):
        own = pd.to_numeric(located[f"{axis}_own"], errors="coerce")
        located[axis] = own.where(own.notna(), pd.to_numeric(located[axis], errors="coerce"))
    return located[located["lon"].notna() & located["lat"].notna()].drop(columns=["lon_own", "lat_own"])


def _markers(markers: pd.DataFrame | None, area: str | None, marker_label) -> tuple[maps.Points | None, str]:
    if markers is None or markers.empty:
        return None, ""
    located = _located(markers, area)
    if area:
        located = located[located["village"].str.startswith(area)]
    groups = sorted(located["group"].dropna().unique())
    colours = {g: MARKER_PALETTE[i % len(MARKER_PALETTE)] for i, g in enumerate(groups)}
    if "colour" in located:  # groups with colours of their own (service-point types), in that order
        given = located.dropna(subset=["group"]).drop_duplicates("group").set_index("group")["colour"]
        colours = {g: given.get(g) or colours[g] for g in (g for g in given.index if g in colours)}
    label = marker_label or str
    located = located[located["group"].isin(colours)]
    # several programmes in one village: concentric rings, the largest drawn first, all visible
    same = ["village", "group", *(["tip"] if "tip" in located else [])]
    located = located.drop_duplicates(same).sort_values(["village", "group"])
    # each village's types named once per type, joined per village (the national view holds
    # thousands of programme villages; a Python function per village took 0.2 s a rerun)
    names = located["group"].map({g: label(g) for g in colours})
    joined = names.groupby(located["village"].to_numpy()).agg(", ".join)
    ring = located.groupby("village").cumcount(ascending=False).to_numpy()
    tips = located["village"].map(joined)
    if "tip" in located:  # points with a text of their own (a service point's name and type)
        tips = located["tip"].where(located["tip"].notna(), tips)
    located = located.assign(_ring=ring, _tip=tips.to_numpy())
    located = located.sort_values(["_ring", "village"], ascending=[False, True])
    together = located["_tip"]
    points = maps.Points(
        located["lon"].to_numpy(),
        located["lat"].to_numpy(),
        located["group"].to_numpy(),
        colours,
        together.tolist(),
        radius=(5 + 3 * located["_ring"]).tolist(),
        codes=located["village"].astype(str).tolist(),
    )
    legend = maps.legend_html(
        [(c, label(g)) for g, c in colours.items()], t("map.markers"), corner="top", dot=True
    )
    return points, legend


def choropleth(
    key: str,
    values_fn: Callable[[Level, list[str]], pd.Series],
    *,
    label: str,
    share: bool = False,
    diverging: bool = False,
    digits: int = 0,
    markers: pd.DataFrame | None = None,
    marker_label=None,
    highlight: set[str] | None = None,
    village_only: bool = False,
    categories: dict | None = None,
    level: Level | None = None,
    highlight_label: str | None = None,
    excluded: set[str] | None = None,
    excluded_label: str = "",
    step: float | None = None,
) -> str | None:
    """Draw the map with ``values_fn(level, codes)`` per area; return the clicked/searched village.

    The area comes from the view (:func:`current_area`; the page's view bar draws the
    selectors). ``categories`` maps a category value to (colour, text) for maps of classes
    (hotspots); ``markers`` (``village, group``; several groups per village allowed) are drawn as
    coloured dots over the areas. ``highlight_label`` explains the heavy outline of ``highlight``
    in the legend; ``excluded`` areas get a class of their own (``excluded_label``), not a value
    class. ``step`` classifies the values as shown, rounded to it (a table's one decimal), so
    the legend writes what the table writes.
    """
    area = current_area()
    if level is None:
        level = Level.VILLAGE if village_only and area else shown_level(area)
        if not area and national_villages_chosen(key):
            level = Level.VILLAGE
    scheme, k, basemap = map_settings()
    if level == Level.VILLAGE and not area:
        return national_choropleth(
            key, values_fn, label=label, share=share, diverging=diverging, digits=digits,
            highlight=highlight, highlight_label=highlight_label, categories=categories,
            scheme=scheme, k=k, basemap=basemap, markers=markers, marker_label=marker_label,
        )  # fmt: skip
    try:
        shapes = encoded_shapes(level, area)
    except StoreError as err:
        st.error(t("common.error", message=str(err)))
        return None
    if not len(shapes):
        st.info(t("common.no_data"))
        return None
    values = pd.Series(values_fn(level, shapes.codes)).reindex(shapes.codes)
    highlighted = np.isin(shapes.codes, list(highlight)) if highlight else None
    if categories is not None:
        layer = maps.category_layer(values, categories, label, highlight=highlighted)
        legend_rows = list(categories.values())
    else:
        left_out = np.isin(shapes.codes, list(excluded)) if excluded else np.zeros(len(values), dtype=bool)
        classes = classify(values.mask(left_out), "diverging" if diverging else scheme, k, step=step)
        fewer_classes_note(classes, k, diverging)
        index, colours = classes.classes.copy(), list(classes.colours)
        text = _value_text(values, share=share, digits=digits, signed=diverging)
        legend_rows = _class_rows(classes, share=share, digits=digits)
        if left_out.any():
            index[left_out] = len(colours)
            colours.append(EXCLUDED_COLOUR)
            text = [excluded_label if out else v for v, out in zip(text, left_out, strict=True)]
            legend_rows.insert(len(legend_rows) - 1, (EXCLUDED_COLOUR, excluded_label))
        layer = maps.MapLayer(index, colours, text, label, highlighted)
    points, marker_legend = _markers(markers, area, marker_label)
    village = selected_village(area)
    selected, fit = _selection(shapes, village, area)
    m = maps.area_map(
        shapes,
        layer,
        legend=maps.legend_html(legend_rows, label, outline=highlight_label if highlight else None)
        + marker_legend,
        basemap=basemap,
        points=points,
        attribution=attribution(),
        labels=show_labels(),
        always_label=level <= Level.REGENCY,
        selected=selected,
        fit_selected=fit,
        zoom_titles=(t("map.zoom_in"), t("map.zoom_out")),
        style_apart=True,
    )
    # one map widget per area and village shown: a new view starts with no click, so an area
    # clicked before (then left by the breadcrumb or a selector) can be clicked again. The
    # colours, values and legend go as a feature group: a change of year, filter or classes
    # restyles the map the browser holds (streamlit-folium keeps a map whose script is the same)
    out = st_folium(
        m,
        key=f"{key}.map.{area or '-'}.{village or '-'}",
        height=MAP_HEIGHT,
        use_container_width=True,
        returned_objects=["last_active_drawing"],
        feature_group_to_add=m.atlas_style,
    )
    clicked = ((out or {}).get("last_active_drawing") or {}).get("properties", {}).get("code")
    if clicked and clicked.count(".") < 3 and clicked != area:
        set_area(clicked)
        st.rerun()
    if clicked and clicked.count(".") == 3 and clicked != village:
        select_village(clicked)
        st.rerun()
    return selected_village(area)


def fewer_classes_note(classes, asked: int, diverging: bool = False) -> None:
    """Say so when the map has fewer classes than asked (7 asked, 3 areas with data: 3 classes)."""
    if diverging or classes.k >= asked:
        return
    shown = int(np.count_nonzero(np.asarray(classes.classes) >= 0))
    st.caption(
        t("map.fewer_classes", asked=asked, k=classes.k, n=i18n.fmt_int(shown, lang())),
    )


def _selection(
    shapes: maps.EncodedShapes, village: str | None, area: str | None
) -> tuple[int | maps.EncodedShapes | None, bool]:
    """What the map outlines, and whether it fits it: the chosen village (drawn among the areas
    or, on a map of districts, as an outline of its own), else the area drilled into."""
    for code, fit in ((village, True), (area, False)):
        if not code:
            continue
        if code in shapes.codes:
            return shapes.codes.index(code), fit
        try:
            one = selection_shape(code)
        except StoreError:
            continue
        if len(one):
            return one, fit
    return None, False


def side_by_side(key: str, values: dict, *, label: str) -> None:
    """Two maps of two years side by side, same classes, pan and zoom linked, crediting the
    boundary source as the main map does."""
    area = current_area()
    level = shown_level(area)
    shapes = encoded_shapes(level, area)
    if not len(shapes) or len(values) != 2:
        return
    years = list(values)
    series = [pd.Series(fn(level, shapes.codes)).reindex(shapes.codes) for fn in values.values()]
    combined = pd.concat(series, ignore_index=True)
    scheme, k = chosen_scheme()
    classes = classify(combined, scheme, k)
    n = len(shapes)
    layers = [
        maps.MapLayer(
            classes.classes[i * n : (i + 1) * n],
            list(classes.colours),
            _value_text(s, share=False, digits=0),
            f"{label} {year}",
        )
        for i, (year, s) in enumerate(zip(years, series, strict=True))
    ]
    rows = _class_rows(classes, share=False, digits=0)
    page = maps.paired_maps_html(
        shapes,
        layers,
        [maps.legend_html(rows, f"{label} {year}") for year in years],
        basemap=url_value("basemap", "none", list(maps.BASEMAPS)),
        height=PAIR_HEIGHT,
        attribution=attribution(),
    )
    st.caption(t("dash.side_by_side", a=years[0], b=years[1]))
    components.html(page, height=PAIR_HEIGHT + 8)


# ---------------------------------------------------------------------- the national village view
def national_villages_chosen(key: str) -> bool:
    """A toggle, with the whole country shown and several provinces held: every village instead
    (only for a user who sees every province held: a grant of some provinces never shows it)."""
    held = store()
    if len(held.provinces()) < 2 or not held.covers_all_provinces:
        return False
    return bound(
        st.toggle,
        f"{key}.national_villages",
        "villages",
        False,
        label=t("tiles.national_toggle"),
        help=t("tiles.national_help"),
    )


def national_choropleth(
    key: str,
    values_fn: Callable[[Level, list[str]], pd.Series],
    *,
    label: str,
    share: bool = False,
    diverging: bool = False,
    digits: int = 0,
    highlight: set[str] | None = None,
    highlight_label: str | None = None,
    categories: dict | None = None,
    scheme: str = "quantiles",
    k: int = 5,
    basemap: str = "none",
    markers: pd.DataFrame | None = None,
    marker_label=None,
) -> str | None:
    """Every village of the store on one map (``ui.national_map``); returns the village clicked.

    The same values, classes, legend, tooltips and markers as a province's village map; geometry
    comes from the packs written at import and reaches the browser once per store version.
    """
    from ui import national_map

    packs = national_map.national_packs()
    if packs.missing:
        st.warning(t("tiles.missing", count=len(packs.missing)), icon=":material/construction:")
    if not packs.codes:
        st.info(t("tiles.none"))
        return None
    values = pd.Series(values_fn(Level.VILLAGE, packs.codes))
    if not values.index.equals(packs.index):  # measures come in the packs' order: no lookup then
        values = values.reindex(packs.index)
    highlighted = np.isin(packs.codes, list(highlight)) if highlight else None
    code = lang()
    if categories is not None:
        layer = maps.category_layer(values, categories, label, highlight=highlighted)
        legend_rows = list(categories.values())
        texts = national_map.village_labels(
            values, lambda v: categories[v][1] if v in categories else t("common.no_data")
        )
    else:
        classes = classify(values.reset_index(drop=True), "diverging" if diverging else scheme, k)
        fewer_classes_note(classes, k, diverging)
        layer = maps.MapLayer(classes.classes, list(classes.colours), [], label, highlighted)
        legend_rows = _class_rows(classes, share=share, digits=digits)
        texts = national_map.village_labels(
            values,
            lambda v: (
                t("common.no_data")
                if pd.isna(v)
                else (i18n.fmt_pct(v, code) if share else i18n.fmt_num(v, code, digits))
            ),
        )
    points, marker_legend = _markers(markers, None, marker_label)
    clicked = national_map.national_map(
        key,
        packs,
        layer,
        legend=maps.legend_html(legend_rows, label, outline=highlight_label if highlight else None)
        + marker_legend,
        points=points,
        basemap=basemap,
        height=MAP_HEIGHT,
        label_texts=texts,
        credit=attribution(),
    )
    village = selected_village(None)
    if clicked and clicked != st.session_state.get(f"{key}.clicked"):
        st.session_state[f"{key}.clicked"] = clicked
        if clicked != village:  # as on a province map: outlined, in the URL, its panel opened
            select_village(clicked)
            st.rerun()
    return selected_village(None)
