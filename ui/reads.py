"""Every cached read of the store, through one helper keyed on store and data version.

:func:`store_read` turns ``fn(store, *args)`` into ``fn(*args)`` reading the chosen dataset's
store, cached by ``st.cache_data`` on (``Store.key``, ``Store.version()``, the function, its
arguments). The version changes with every write of any process (a file swap, a database
transaction), so an import shows at once, also in another app process sharing the database,
and nothing is read twice. Computation lives in ``geo``; here we only read and call it.
"""

from __future__ import annotations

import functools
import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

import geopandas as gpd
import pandas as pd
import streamlit as st

from geo import distances, figures, hotspots, maps, metrics
from geo.codes import Level
from geo.display import display_zoom, quantum_for
from geo.layers import LAYERS, with_columns
from geo.reports import report_values
from loaders.store import Store, StoreError
from loaders.store.scoped import ScopedStore
from ui import store

__all__ = [
    "store_read",
    "load_layers",
    "not_drawn",
    "layer_options",
    "stored_years",
    "area_names",
    "analysis_areas",
    "village_distances",
    "hotspot_table",
    "village_table",
    "encoded_shapes",
    "village_points",
]

P = ParamSpec("P")
R = TypeVar("R")

#: Read functions by name (``module.qualname``), so one cached function serves them all.
_READS: dict[str, Callable[..., Any]] = {}


@st.cache_data(show_spinner=False, max_entries=128)
def _cached(key: str, version: str, name: str, args: tuple) -> Any:
    return _READS[name](Store(key), *args)


class StoreRead:
    """A read of the store, cached on (store key, data version, arguments)."""

    def __init__(self, fn: Callable[..., Any]):
        self.fn = fn
        self.name = f"{fn.__module__}.{fn.__qualname__}"
        _READS[self.name] = fn
        functools.update_wrapper(self, fn)

    def __call__(self, *args: Any) -> Any:
        """Read from the chosen dataset's store (:func:`ui.store`)."""
        return self.on(store(), *args)

    def on(self, held: Store, *args: Any) -> Any:
        """Read from ``held`` (inside another read: the same store and version)."""
        return _cached(held.key, held.version(), self.name, tuple(args))


def store_read(fn: Callable[..., R]) -> StoreRead:
    """Decorator: ``fn(store, *args)`` becomes a cached ``read(*args)`` (and ``read.on(store, *args)``).

    Arguments must be hashable values (codes, levels, years, names): never a frame.
    """
    return StoreRead(fn)


#: One entry per (scope, data version, read): twenty sessions over ten grants need more than eight.
@st.cache_resource(show_spinner=False, max_entries=32)
def _kept(key: str, version: str, name: str, args: tuple) -> Any:
    return _READS[name](Store(key), *args)


class FramesRead(StoreRead):
    """A read of frames kept once in memory per (store key, data version, arguments), each call
    given its own copies: ``st.cache_data`` would unpickle every frame on every rerun (0.1–1 s
    for a layer of 300,000 rows), a copy costs a few milliseconds and keeps the cache unchanged."""

    def on(self, held: Store, *args: Any) -> Any:
        """Read from ``held``: a fresh dict of copied frames."""
        return {
            name: frame.copy()
            for name, frame in _kept(held.key, held.version(), self.name, tuple(args)).items()
        }

    def shared(self, held: Store, *args: Any) -> dict[str, pd.DataFrame]:
        """The kept frames themselves, not copied: only for a read that never changes them
        (a count or a list of values; a copy of a national layer costs about 0.4 s)."""
        return _kept(held.key, held.version(), self.name, tuple(args))


def frames_read(fn: Callable[..., dict[str, pd.DataFrame]]) -> FramesRead:
    """Decorator as :func:`store_read` for a read returning ``{name: frame}`` (see :class:`FramesRead`)."""
    return FramesRead(fn)


@st.cache_resource(show_spinner=False)
def warm_reference() -> threading.Thread:
    """Once per process, in the background: the official gazetteer's tree of areas, which every
    signed-in first page needs, read while the first user is still typing her password."""
    from geo import data_coverage

    thread = threading.Thread(target=data_coverage.prepare, name="atlas-warm-reference", daemon=True)
    thread.start()
    return thread


# ---------------------------------------------------------------------- the reads
def _stored_layers(held: Store) -> dict[str, pd.DataFrame]:
    """Every stored layer; a version stored before a column existed reads with it empty
    (:func:`geo.layers.with_columns`). Each layer is kept while its versions stay as they are
    (:func:`_layer_rows`), so an import of one layer reads only that layer again."""
    names = held.layers()
    return {name: _layer_rows(held.key, name, _layer_token(held, name)) for name in LAYERS if name in names}


def _layer_token(held: Store, name: str) -> str:
    """Changes whenever the layer's stored versions do: a version added, deleted, replaced in
    part (its entry counts the rows replaced) or taken back."""
    versions = held.layer_meta(name)["versions"]
    return hashlib.sha1(json.dumps(versions, sort_keys=True, default=str).encode()).hexdigest()


#: Whole layers read by this process, by (store key, layer, token): a grant's rows are cut from
#: one of them in memory (the same rule as the store's read) instead of read again.
_WHOLE: OrderedDict[tuple[str, str, str], pd.DataFrame] = OrderedDict()
_WHOLE_KEPT = 8


@st.cache_resource(show_spinner=False, max_entries=64)
def _layer_rows(key: str, name: str, token: str) -> pd.DataFrame:
    """One layer as the store ``key`` reads it, for as long as its versions are ``token``
    (shared by every session; never changed by a caller: :class:`FramesRead` copies)."""
    held = Store(key)
    if isinstance(held, ScopedStore):
        whole = _WHOLE.get((held.inner.key, name, _layer_token(held.inner, name)))
        if whole is not None:
            return with_columns(name, held.narrow(name, whole))
    frame = with_columns(name, held.read_layer(name))
    if not isinstance(held, ScopedStore):
        _WHOLE[(key, name, token)] = frame
        while len(_WHOLE) > _WHOLE_KEPT:
            _WHOLE.popitem(last=False)
    return frame


@frames_read
def load_layers(held: Store) -> dict[str, pd.DataFrame]:
    """Every loaded layer of the chosen dataset (missing layers are absent from the dict), as
    the map can show it: rows and coverage of provinces whose boundaries the store does not hold
    are left out (:func:`geo.figures.drawn_only`), so *Semua* counts what the map draws. Each
    frame carries its coverage (:mod:`geo.data_coverage`)."""
    return figures.drawn_only(_stored_layers(held), held.provinces())[0]


@store_read
def headline_figures(
    held: Store, area: str | None, year: int | None, names: tuple[str, ...] = tuple(figures.HEADLINES)
) -> list[figures.Headline]:
    """:func:`geo.figures.headlines` of the loaded layers, once per (data version, area, year):
    a rerun that only restyles the map (classes, basemap) does not count every figure again."""
    return figures.headlines(load_layers.on(held), area, year, names)


@store_read
def layer_trend(held: Store, layer: str, filters: metrics.Filters, area: str | None) -> pd.DataFrame:
    """:func:`geo.metrics.trend` of ``layer``'s rows passing ``filters`` in ``area``, once per data
    version: a trend spans every year, so choosing another year range does not count it again."""
    frame = load_layers.on(held).get(layer, pd.DataFrame())
    return metrics.trend(metrics.filter_layer(frame, filters, area), area=area)


@store_read
def layer_status(held: Store) -> dict:
    """The Data page's stored-data table (:func:`loaders.layers.status`), once per data version."""
    from loaders.layers import status

    return status(held)


@store_read
def coverage_table(held: Store, layer: str) -> pd.DataFrame:
    """What ``layer`` holds, area × year (:func:`loaders.layers.coverage_frame`), once per data version."""
    from loaders.layers import coverage_frame

    return coverage_frame(held, layer)


@store_read
def not_drawn(held: Store) -> dict[str, tuple[float, list[str]]]:
    """What :func:`load_layers` leaves out per layer: (its main count, its provinces)."""
    return figures.drawn_only(_stored_layers(held), held.provinces())[1]


@store_read
def layer_options(held: Store, layer: str, column: str) -> list[str]:
    """Choices of a breakdown filter over the stored ``layer`` (:func:`geo.metrics.options_of`),
    counted once per data version, not on every rerun."""
    return metrics.options_of(load_layers.shared(held).get(layer, pd.DataFrame()), column)


#: Years held by the placements layer, else by the reports layer (ascending).
layer_years = metrics.layer_years


@store_read
def stored_years(held: Store) -> list[int]:
    """:func:`layer_years` of the chosen dataset, counted once per data version (the page head
    asks on every rerun; it needs no copy of the layers)."""
    return layer_years(load_layers.shared(held))


@store_read
def _names(held: Store, level: int, parent: str | None) -> dict[str, str]:
    frame = held.read_attributes(level, parent, ["code", "name"])
    return dict(zip(frame["code"].astype(str), frame["name"].astype(str), strict=False))


def area_names(level: Level | int, parent: str | None = None) -> dict[str, str]:
    """Official names of the areas of ``level`` inside ``parent``, by code."""
    try:
        return _names(int(level), parent)
    except StoreError:
        return {}


@store_read
def _areas(held: Store, level: int, parent: str | None) -> gpd.GeoDataFrame:
    frame = held.read_areas(level, parent, columns=["code", "name", "geometry"])
    return frame[frame.geometry.notna() & ~frame.geometry.is_empty].reset_index(drop=True)


def analysis_areas(level: Level | int, parent: str | None) -> gpd.GeoDataFrame:
    """Full-detail polygons of ``level`` inside ``parent`` (for distances and neighbours)."""
    return _areas(int(level), parent)


@store_read
def village_distances(held: Store, parent: str | None, year: int | None) -> pd.DataFrame:
    """``code, nearest, km`` from each village in ``parent`` to the nearest programme village
    (see :func:`geo.distances.programme_distances`)."""
    villages = held.read_areas(Level.VILLAGE, parent, columns=["code", "geometry"])
    programmes = load_layers.on(held).get("programmes", pd.DataFrame())
    province = None
    if not distances.covered_outside(programmes, year, parent).empty:
        province = held.read_areas(Level.VILLAGE, parent[:2], columns=["code", "geometry"])
    return distances.programme_distances(
        villages, programmes, year=year, parent=parent, province_villages=province
    )


@store_read
def _hotspots(
    held: Store,
    level: int,
    parent: str | None,
    years: tuple[int, int],
    kind: str,
    alpha: float,
    measure: str,
    correction: str = "fdr",
) -> hotspots.Hotspots | hotspots.HotspotRefusal:
    layers = load_layers.on(held)
    areas = _areas.on(held, level, parent)
    values = report_values(
        layers.get("reports", pd.DataFrame()),
        layers.get("placements", pd.DataFrame()),
        level,
        areas["code"],
        measure=measure,
        filters=metrics.Filters(years=years),
        area=parent,
    )
    try:
        return hotspots.gi_star(areas, values, kind=kind, alpha=alpha, correction=correction)
    except hotspots.HotspotRefusal as refusal:  # cached too: the refusal is the answer
        return refusal


def hotspot_table(
    level: Level | int,
    parent: str | None,
    years: tuple[int, int],
    kind: str,
    alpha: float,
    measure: str,
    correction: str = "fdr",
) -> hotspots.Hotspots:
    """Gi* of reports per area of ``level`` in ``parent`` (see :func:`geo.hotspots.gi_star`).

    Raises :class:`geo.hotspots.HotspotRefusal` where Gi* is not computed (too few areas).
    """
    found = _hotspots(int(level), parent, tuple(years), kind, alpha, measure, correction)
    if isinstance(found, hotspots.HotspotRefusal):
        raise found
    return found


@store_read
def village_table(held: Store, area: str | None) -> pd.DataFrame:
    """``code, name, has_polygon`` of every gazetteer village inside ``area`` (None: all held)."""
    return held.read_attributes(Level.VILLAGE, area, ["code", "name", "has_polygon"])


@store_read
def _encoded(held: Store, level: int, parent: str | None, zoom: str) -> maps.EncodedShapes:
    areas = held.read_areas(level, parent, display=zoom)
    return maps.encode_shapes(areas, quantum_for(Level(level), zoom))


def encoded_shapes(level: Level, area: str | None) -> maps.EncodedShapes:
    """The display polygons of ``level`` inside ``area``, encoded for the browser (cached)."""
    return _encoded(int(level), area, display_zoom(level, area))


@store_read
def _points(held: Store, province: str | None) -> pd.DataFrame:
    from geo.coverage import village_points as points_of

    villages = held.read_areas(Level.VILLAGE, province, columns=["code", "geometry"])
    points = points_of(villages)
    return pd.DataFrame({"code": points["code"], "lon": points.geometry.x, "lat": points.geometry.y})


def village_points(area: str | None) -> pd.DataFrame:
    """A representative point (``code, lon, lat``) per village of the area's province."""
    return _points(area[:2] if area else None)


# ---------------------------------------------------------------------- where protection reaches
@st.cache_resource(show_spinner=False, max_entries=4)
def _graph(key: str, version: str, province: str, crossings: tuple[str, ...]):
    from geo import reach

    villages = Store(key).read_areas(Level.VILLAGE, province, columns=["code", "geometry"])
    return reach.land_graph(villages, crossings=crossings)


def land_graph(province: str, crossings: tuple[str, ...]):
    """The land graph of ``province``'s villages (:func:`geo.reach.land_graph`), built once per
    (store, data version, crossings) and shared by every page and session of the process: a
    second of work on Jawa Timur, read-only afterwards."""
    held = store()
    return _graph(held.key, held.version(), province, tuple(crossings))


@store_read
def service_point_rows(held: Store, province: str | None) -> pd.DataFrame:
    """The stored service points inside ``province`` (None: all), every type and year."""
    points = load_layers.on(held).get("service_points", pd.DataFrame())
    if points.empty or not province:
        return points
    return points[points["village"].astype(str).str.startswith(province + ".")].reset_index(drop=True)


@store_read
def reach_table(
    held: Store, province: str, kind: str, year: int | None, crossings: tuple[str, ...]
) -> pd.DataFrame | None:
    """``code, km, nearest, status`` of every village of ``province`` to the nearest service
    point of ``kind`` open in ``year`` (:func:`geo.reach.reach`), cached per data version; None
    when the province lists no service point of any type (no data, not "nobody is reached")."""
    from geo import reach

    points = service_point_rows.on(held, province)
    if points.empty:
        return None
    graph = _graph(held.key, held.version(), province, tuple(crossings))
    table = reach.reach(graph, reach.open_points(points, kind, year)).table
    # the nearest point named by its village (as the programme distances name theirs)
    table["nearest"] = table["nearest"].map(points["village"].astype(str))
    return table
