"""The features the OGC API serves: one per area and year, carrying the registry's figures,
protected as an export of that area protects them (never a row of a layer).

A collection is one level of the Kemendagri hierarchy (:data:`COLLECTIONS`). Its features are
every area of that level the reader's store holds (the store seen through her grants, so another
province is simply absent) times every year the layers hold. Each feature's figures come from
:func:`exports.view.area_figures`: the values of :mod:`geo.figures` (those of the pages' cards),
with small counts hidden by the exports' rule (:mod:`geo.suppression` as :mod:`exports.view`
applies it); a hidden figure is ``null`` and named in ``hidden``, a figure without data is
``null`` and not named there (missing is never zero).

Filters take only what says *where* and *when* (:data:`FILTERS`), sorting only what names a
feature (:data:`SORTABLE`): a filter or an order on a figure would tell a hidden value apart.

Examples
--------
>>> COLLECTIONS["regencies"].key
'regency'
>>> feature_id("52.01", 2024), parse_id("52.01_2024")
('52.01_2024', ('52.01', 2024))
>>> parse_id("52.01_all"), parse_id("52_01_x")
(('52.01', None), None)
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import mapping

from exports.view import MAP_MEASURES, area_figures, district_table
from geo import figures
from geo.codes import Level
from geo.layers import with_columns
from loaders.store import Store, StoreError

__all__ = [
    "COLLECTIONS",
    "FILTERS",
    "SORTABLE",
    "QueryError",
    "fields",
    "feature_id",
    "parse_id",
    "years_of",
    "query",
    "item",
]

#: Collection id -> the level of its areas (the order of the collections' list).
COLLECTIONS: dict[str, Level] = {
    "provinces": Level.PROVINCE,
    "regencies": Level.REGENCY,
    "districts": Level.DISTRICT,
    "villages": Level.VILLAGE,
}
#: The display copy each level is served in (prepared at import, as the maps draw it).
_ZOOM = {
    Level.PROVINCE: "national",
    Level.REGENCY: "province",
    Level.DISTRICT: "province",
    Level.VILLAGE: "province",
}
#: Length of a dotted code of each level.
_LENGTH = {Level.PROVINCE: 2, Level.REGENCY: 5, Level.DISTRICT: 8, Level.VILLAGE: 13}
#: Query parameters that select features: codes of the area or the areas above it, the year, and
#: ``area`` (the feature is that area or lies inside it).
FILTERS = ("code", "province", "regency", "district", "year", "area")
#: Properties a request may order by (a figure would leak the order of hidden values).
SORTABLE = ("code", "name", "year")
_ID = re.compile(r"^(\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?)_(\d{4}|all)$")
_CODE = re.compile(r"^\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?$")


class QueryError(ValueError):
    """A request the API does not answer (an unknown parameter, a filter on a figure): 400."""


def fields() -> dict[str, dict]:
    """Every property of a feature with its JSON type (the collection's queryables and schema)."""
    out = {
        "code": {"type": "string"},
        "name": {"type": "string"},
        "level": {"type": "string"},
        "province": {"type": "string"},
        "regency": {"type": "string"},
        "district": {"type": "string"},
        "year": {"type": "integer"},
    }
    out.update({name: {"type": "number"} for name in figures.AREA_FIGURES})
    out["hidden"] = {"type": "string"}
    out["threshold"] = {"type": "integer"}
    return out


def feature_id(code: str, year: int | None) -> str:
    """The id of the feature of ``code`` in ``year`` (``all`` for a store whose layers hold no year)."""
    return f"{code}_{'all' if year is None else int(year)}"


def parse_id(identifier: object) -> tuple[str, int | None] | None:
    """``(code, year)`` of a feature id, None when it is not one."""
    found = _ID.match(str(identifier))
    if not found:
        return None
    year = found.group(2)
    return found.group(1), None if year == "all" else int(year)


# ---------------------------------------------------------------------- cached reads
_LOCK = threading.Lock()
_CACHE: OrderedDict[Hashable, object] = OrderedDict()
_CACHE_SIZE = 4096


def _cached(key: Hashable, build: Callable[[], object]) -> object:
    """``build()`` kept under ``key`` (keys name the store, its scope and its data version)."""
    with _LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]
    value = build()
    with _LOCK:
        _CACHE[key] = value
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return value


def _layers(store: Store, version: str) -> dict[str, pd.DataFrame]:
    """The layers as the reader may see them, read as the export view reads them."""

    def build():
        return {
            name: with_columns(name, store.read_layer(name))
            for name in store.layers()
            if name in MAP_MEASURES
        }

    return _cached(("layers", store.key, version), build)


def _province_layers(
    store: Store, version: str, layers: Mapping[str, pd.DataFrame], province: str
) -> Mapping[str, pd.DataFrame]:
    """The layers cut to ``province`` where that changes no figure of an area inside it, else whole.

    The registry reads an area's rows and its province's (programme lists, reporting regencies);
    beyond the province it only asks whether a layer is empty and which years it holds, so a
    layer is cut when its province rows hold the same years (and are empty only if it is): the
    same numbers, without filtering every province's rows for each area.
    """

    def build():
        out = {}
        for name, frame in layers.items():
            if frame is None or frame.empty or "village" not in frame:
                out[name] = frame
                continue
            cut = frame[
                frame["village"].astype("string").str.startswith(province + ".").fillna(False).to_numpy()
            ]
            same = not cut.empty and ("year" not in frame or _years_held(cut) == _years_held(frame))
            out[name] = cut if same else frame
        return out

    return _cached(("province", store.key, version, province), build)


def _years_held(frame: pd.DataFrame) -> set:
    return set(pd.unique(frame["year"].dropna()))


def years_of(layers: Mapping[str, pd.DataFrame]) -> list[int | None]:
    """The years the layers hold (``[None]`` when none carries a year)."""
    years: set[int] = set()
    for frame in layers.values():
        if frame is not None and not frame.empty and "year" in frame:
            years |= {int(y) for y in pd.to_numeric(frame["year"], errors="coerce").dropna().unique()}
    return sorted(years) if years else [None]


def _areas(store: Store, version: str, level: Level) -> gpd.GeoDataFrame:
    """The areas of ``level`` held (display geometry), with their parents' codes."""

    def build():
        frames = []
        for province in store.provinces():
            try:
                frames.append(
                    store.read_areas(
                        level, province, display=_ZOOM[level], columns=["code", "name", "geometry"]
                    )
                )
            except StoreError:
                continue  # a province imported without this display copy: its areas are not served
        if not frames:
            return gpd.GeoDataFrame({"code": [], "name": []}, geometry=[], crs=4326)
        areas = gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), geometry="geometry", crs=4326)
        areas = areas.sort_values("code", kind="stable").reset_index(drop=True)
        code = areas["code"].astype(str)
        for name, length in (("province", 2), ("regency", 5), ("district", 8)):
            areas[name] = code.str.slice(0, length).where(code.str.len() > length, None)
        return areas

    return _cached(("areas", store.key, version, int(level)), build)


def _district_villages(store: Store, version: str, district: str) -> pd.DataFrame:
    return _cached(
        ("villages", store.key, version, district),
        lambda: store.read_attributes(Level.VILLAGE, district, ["code", "name", "district_name"]),
    )


# ---------------------------------------------------------------------- the query
@dataclass(frozen=True)
class Page:
    """One page of a query: how many features match, and the features of the page."""

    matched: int
    features: list[dict]


def _selected(areas: gpd.GeoDataFrame, level: Level, filters: Mapping[str, str]) -> pd.Series:
    keep = pd.Series(True, index=areas.index)
    code = areas["code"].astype(str)
    for name, value in filters.items():
        value = str(value).strip()
        if name == "year":
            continue
        if not _CODE.match(value):
            raise QueryError(f"{name} is an area's dotted Kemendagri code (e.g. 52.01)")
        if name == "area":
            keep &= (code == value) | code.str.startswith(value + ".")
        elif name == "code":
            keep &= code == value
        else:
            keep &= areas[name].astype("string").fillna("").eq(value).to_numpy()
    return keep


def _years(years: list[int | None], value: str | None) -> list[int | None]:
    if value is None:
        return years
    text = str(value).strip()
    if text == "all" and years == [None]:
        return years
    if not re.fullmatch(r"\d{4}", text):
        raise QueryError("year is a year of four digits (e.g. 2024)")
    return [y for y in years if y == int(text)]


def query(
    store: Store,
    collection: str,
    *,
    threshold: int,
    filters: Mapping[str, str] = {},  # noqa: B006  (read only)
    bbox: Sequence[float] = (),
    offset: int = 0,
    limit: int = 10,
    sortby: Sequence[tuple[str, str]] = (),
    skip_geometry: bool = False,
    hits_only: bool = False,
) -> Page:
    """The features of ``collection`` in ``store`` (the reader's view) that match, one page.

    ``filters`` maps names of :data:`FILTERS` to values; ``sortby`` is ``(property, "+"|"-")``
    over :data:`SORTABLE` (default: code, then year). Only the page's features are computed.
    """
    level = COLLECTIONS[collection]
    unknown = sorted(set(filters) - set(FILTERS))
    if unknown:
        raise QueryError(f"unknown or unsupported filter; filter by {', '.join(FILTERS)}")
    for name, _ in sortby:
        if name not in SORTABLE:
            raise QueryError(f"sort by one of {', '.join(SORTABLE)}")
    version = store.version()
    layers = _layers(store, version)
    areas = _areas(store, version, level)
    chosen = areas[_selected(areas, level, filters).to_numpy()]
    if len(bbox) >= 4 and len(chosen):
        box = shapely.box(*[float(v) for v in (bbox[0], bbox[1], bbox[-2], bbox[-1])])
        chosen = chosen[chosen.geometry.intersects(box).to_numpy()]
    years = _years(years_of(layers), filters.get("year"))
    table = pd.DataFrame(
        {
            "row": np.repeat(np.arange(len(chosen)), len(years)),
            "year": np.tile(np.array([-1 if y is None else y for y in years], dtype="int64"), len(chosen)),
        }
    )
    table["code"] = chosen["code"].astype(str).to_numpy()[table["row"].to_numpy()]
    table["name"] = chosen["name"].astype(str).to_numpy()[table["row"].to_numpy()]
    order = [(n, d) for n, d in sortby] or [("code", "+"), ("year", "+")]
    table = table.sort_values([n for n, _ in order], ascending=[d != "-" for _, d in order], kind="stable")
    matched = len(table)
    if hits_only:
        return Page(matched, [])
    page = table.iloc[max(offset, 0) : max(offset, 0) + max(limit, 0)]
    out = []
    for row, year in zip(page["row"], page["year"], strict=True):
        area = chosen.iloc[int(row)]
        out.append(
            _feature(
                store, version, layers, level, area, None if year < 0 else int(year), threshold, skip_geometry
            )
        )
    return Page(matched, out)


def item(store: Store, collection: str, identifier: str, *, threshold: int) -> dict | None:
    """The feature ``identifier`` of ``collection`` when the reader's store holds it, else None."""
    parsed = parse_id(identifier)
    level = COLLECTIONS[collection]
    if parsed is None or len(parsed[0]) != _LENGTH[level]:
        return None
    code, year = parsed
    version = store.version()
    layers = _layers(store, version)
    if year not in years_of(layers):
        return None
    areas = _areas(store, version, level)
    found = areas[areas["code"].astype(str) == code]
    if found.empty:
        return None
    return _feature(store, version, layers, level, found.iloc[0], year, threshold, False)


def _feature(
    store: Store,
    version: str,
    layers: Mapping[str, pd.DataFrame],
    level: Level,
    area: pd.Series,
    year: int | None,
    threshold: int,
    skip_geometry: bool,
) -> dict:
    code = str(area["code"])
    layers = _province_layers(store, version, layers, code[:2])

    def table(support: bool):
        district = code[:8]

        def build_table():
            villages = _district_villages(store, version, district)
            return district_table(layers, district, villages, year, threshold=threshold, support=support)

        return _cached(("table", store.key, version, district, year, threshold, support), build_table)

    def build():
        return area_figures(
            layers, code, year, threshold=threshold, table=table if level == Level.VILLAGE else None
        )

    shown = _cached(("figures", store.key, version, code, year, threshold), build)
    properties: dict[str, object] = {
        "code": code,
        "name": str(area["name"]),
        "level": level.key,
        "province": area["province"],
        "regency": area["regency"],
        "district": area["district"],
        "year": year,
    }
    properties.update(dict.fromkeys(figures.AREA_FIGURES))
    hidden = []
    for figure in shown:
        if figure.hidden:
            hidden.append(figure.key)
        elif not np.isnan(figure.value):
            value = float(figure.value)
            properties[figure.key] = int(value) if value.is_integer() and not figure.share else value
    properties["hidden"] = ",".join(hidden)
    properties["threshold"] = int(threshold)
    geometry = None if skip_geometry or area.geometry is None else mapping(area.geometry)
    return {"type": "Feature", "id": feature_id(code, year), "geometry": geometry, "properties": properties}
