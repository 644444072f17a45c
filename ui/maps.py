"""The shared map widget: area selectors, the compact choropleth, basemap and class pickers.

Geometry comes from the display copies prepared at import, encoded once per (store version,
level, area, zoom) and cached; each rerun only classifies values and writes the map script.
``st_folium`` returns only the clicked area, so panning and zooming never rerun the page.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import streamlit as st
import streamlit.components.v1 as components
from streamlit_folium import st_folium

import i18n
from geo import maps
from geo.classify import EXCLUDED_COLOUR, USER_SCHEMES, classify
from geo.codes import Level
from geo.display import display_zoom, quantum_for
from loaders.store import Store, StoreError
from ui import Keys, lang, store, t

__all__ = ["choropleth", "side_by_side", "area_selectors", "shown_level", "current_area", "MAP_HEIGHT"]

MAP_HEIGHT = 460
PAIR_HEIGHT = 340
MARKER_PALETTE = ["#1b9e77", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d"]


@st.cache_data(show_spinner=False, max_entries=24)
def _encoded(root: str, version: str, level: int, parent: str | None, zoom: str) -> maps.EncodedShapes:
    areas = Store(root).read_areas(level, parent, display=zoom)
    return maps.encode_shapes(areas, quantum_for(Level(level), zoom))


@st.cache_data(show_spinner=False, max_entries=8)
def _points(root: str, version: str, province: str | None) -> pd.DataFrame:
    from geo.coverage import village_points

    villages = Store(root).read_areas(Level.VILLAGE, province, columns=["code", "geometry"])
    points = village_points(villages)
    return pd.DataFrame({"code": points["code"], "lon": points.geometry.x, "lat": points.geometry.y})


def encoded_shapes(level: Level, area: str | None) -> maps.EncodedShapes:
    """The display polygons of ``level`` inside ``area``, encoded for the browser (cached)."""
    held = store()
    return _encoded(str(held.root), held.version(), int(level), area, display_zoom(level, area))


def village_points(area: str | None) -> pd.DataFrame:
    """A representative point (``code, lon, lat``) per village of the area's province."""
    held = store()
    return _points(str(held.root), held.version(), area[:2] if area else None)


def _held_area() -> str | None:
    value = st.session_state.get(Keys.AREA)
    return str(value) if value else None


def current_area() -> str | None:
    """The area the map is drilled into (None: everything held), resolved like the map does.

    On a session's first run the area comes from the URL (``?area=``), so a page that reads it
    before drawing its map (headline figures, coverage gaps, charts) shows the linked area too;
    an area of another dataset (after switching) is dropped.
    """
    return resolve_area()


def shown_level(area: str | None) -> Level:
    """The level the map draws inside ``area``: its children (regencies of a lone province)."""
    if area:
        return Level(min(area.count(".") + 2, Level.VILLAGE))
    return Level.REGENCY if len(store().provinces()) == 1 else Level.PROVINCE


def set_area(code: str | None) -> None:
    """Drill to ``code`` (None: back to everything) and keep it in the URL."""
    st.session_state[Keys.AREA] = code
    if code:
        st.query_params["area"] = code
    elif "area" in st.query_params:
        del st.query_params["area"]


def _pick_area(widget: str, parent: str | None) -> None:
    set_area(st.session_state[widget] or parent)


def _pick_village(widget: str, key: str) -> None:
    st.session_state[f"{key}.village"] = st.session_state[widget] or None


def resolve_area() -> str | None:
    """The area from this session, else from the URL (``?area=``), else the only province held."""
    provinces = store().provinces()
    if Keys.AREA not in st.session_state:
        raw = st.query_params.get("area")
        st.session_state[Keys.AREA] = raw if raw and raw[:2] in provinces else None
    area = _held_area()
    if area and area[:2] not in provinces:  # the dataset was switched
        set_area(None)
    if not _held_area() and len(provinces) == 1:
        st.session_state[Keys.AREA] = provinces[0]
    return _held_area()


def area_selectors(key: str) -> str | None:
    """Province → regency → district selectors and a village search; returns the area."""
    from ui.dashboard import area_names

    area = resolve_area()
    cols = st.columns(4)
    parent: str | None = None
    for i, level in enumerate((Level.PROVINCE, Level.REGENCY, Level.DISTRICT)):
        names = area_names(level, parent)
        if not names:
            break
        options = ["", *sorted(names, key=lambda c, n=names: n[c])]
        widget = f"{key}.area.{i}"
        part = area[: (2, 5, 8)[i]] if area and area.count(".") >= i else ""
        st.session_state[widget] = part if part in options else ""
        cols[i].selectbox(
            t(f"level.{level.key}"),
            options,
            key=widget,
            format_func=lambda c, n=names: n.get(c, t("common.all")),
            on_change=_pick_area,
            args=(widget, parent),
        )
        if not st.session_state[widget]:
            break
        parent = st.session_state[widget]
    villages = area_names(Level.VILLAGE, area) if area else {}
    widget = f"{key}.search"
    cols[3].selectbox(
        t("dash.search"),
        ["", *sorted(villages, key=lambda c: villages[c])],
        format_func=lambda c: villages.get(c, "") if c else "",
        key=widget,
        placeholder=t("dash.search"),
        on_change=_pick_village,
        args=(widget, key),
        disabled=not villages,
    )
    return area


def map_settings() -> tuple[str, int, str]:
    """Classification scheme, number of classes and basemap, chosen in the sidebar."""
    with st.sidebar:
        scheme = st.selectbox(
            t("dash.scheme_label"),
            list(USER_SCHEMES),
            format_func=lambda s: t(f"dash.scheme.{s}"),
            key=Keys.SCHEME,
        )
        k = st.slider(t("dash.classes"), 3, 7, 5, key=Keys.CLASSES)
        basemap = st.selectbox(
            t("map.basemap"),
            list(maps.BASEMAPS),
            format_func=lambda b: t(f"map.basemap.{b}"),
            key=Keys.BASEMAP,
        )
    return scheme, k, basemap


def _value_text(values: pd.Series, *, share: bool, digits: int, signed: bool = False) -> list[str]:
    code = lang()

    def text(v) -> str:
        out = i18n.fmt_pct(v, code) if share else i18n.fmt_num(v, code, digits)
        if signed:  # a change reads "+12" or "−12"
            out = out.replace("-", "\u2212") if v < 0 else ("+" + out if v > 0 else out)
        return out

    return [t("common.no_data") if pd.isna(v) else text(v) for v in values]


def _class_rows(classes, *, share: bool, digits: int) -> list[tuple[str, str]]:
    """Legend rows: each class as :meth:`geo.classify.Classification.legend` writes it, then no data."""
    return classes.legend(lang(), digits, percent=share, no_change=t("legend.no_change"))


def _markers(markers: pd.DataFrame | None, area: str | None, marker_label) -> tuple[maps.Points | None, str]:
    if markers is None or markers.empty:
        return None, ""
    located = markers.merge(village_points(area), left_on="village", right_on="code", how="inner")
    if area:
        located = located[located["village"].str.startswith(area)]
    groups = sorted(located["group"].dropna().unique())
    colours = {g: MARKER_PALETTE[i % len(MARKER_PALETTE)] for i, g in enumerate(groups)}
    label = marker_label or str
    located = located[located["group"].isin(colours)]
    # several programmes in one village: concentric rings, the largest drawn first, all visible
    located = located.drop_duplicates(["village", "group"]).sort_values(["village", "group"])
    ring = located.groupby("village").cumcount(ascending=False).to_numpy()
    located = located.assign(_ring=ring).sort_values(["_ring", "village"], ascending=[False, True])
    together = located.groupby("village")["group"].transform(lambda g: ", ".join(label(x) for x in sorted(g)))
    points = maps.Points(
        located["lon"].to_numpy(),
        located["lat"].to_numpy(),
        located["group"].to_numpy(),
        colours,
        together.tolist(),
        radius=(5 + 3 * located["_ring"]).tolist(),
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
) -> str | None:
    """Draw the map with ``values_fn(level, codes)`` per area; return the clicked/searched village.

    ``categories`` maps a category value to (colour, text) for maps of classes (hotspots);
    ``markers`` (``village, group``; several groups per village allowed) are drawn as coloured
    dots over the areas. ``highlight_label`` explains the heavy outline of ``highlight`` in the
    legend; ``excluded`` areas get a class of their own (``excluded_label``), not a value class.
    """
    area = area_selectors(key)
    if level is None:
        level = Level.VILLAGE if village_only and area else shown_level(area)
    scheme, k, basemap = map_settings()
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
        classes = classify(values.mask(left_out), "diverging" if diverging else scheme, k)
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
    m = maps.area_map(
        shapes,
        layer,
        legend=maps.legend_html(legend_rows, label, outline=highlight_label if highlight else None)
        + marker_legend,
        basemap=basemap,
        points=points,
    )
    out = st_folium(
        m,
        key=f"{key}.map",
        height=MAP_HEIGHT,
        use_container_width=True,
        returned_objects=["last_active_drawing"],
    )
    clicked = ((out or {}).get("last_active_drawing") or {}).get("properties", {}).get("code")
    if clicked and clicked != st.session_state.get(f"{key}.clicked"):
        st.session_state[f"{key}.clicked"] = clicked
        if clicked.count(".") < 3:
            set_area(clicked)
            st.rerun()
        st.session_state[f"{key}.village"] = clicked
    return st.session_state.get(f"{key}.village")


def side_by_side(key: str, values: dict, *, label: str) -> None:
    """Two maps of two years side by side, same classes, pan and zoom linked."""
    area = current_area()
    level = shown_level(area)
    shapes = encoded_shapes(level, area)
    if not len(shapes) or len(values) != 2:
        return
    years = list(values)
    series = [pd.Series(fn(level, shapes.codes)).reindex(shapes.codes) for fn in values.values()]
    combined = pd.concat(series, ignore_index=True)
    classes = classify(
        combined,
        st.session_state.get(Keys.SCHEME) or "quantiles",
        int(st.session_state.get(Keys.CLASSES) or 5),
    )
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
        basemap=st.session_state.get(Keys.BASEMAP) or "none",
        height=PAIR_HEIGHT,
    )
    st.caption(t("dash.side_by_side", a=years[0], b=years[1]))
    components.html(page, height=PAIR_HEIGHT + 8)
