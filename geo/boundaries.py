"""Boundary geometry work done once at import: repair, coverage cleaning, dissolving, display.

The public archive's village polygons are not edge-matched: neighbours' shared edges carry
different vertices, with slivers of overlap and gap between them. Simplifying them as they are
opens visible gaps, so the villages of a province are first cleaned as one coverage:
``shapely.coverage_clean`` snaps vertices and resolves overlaps, then ``fill_gaps`` merges the
narrow holes left between villages into a neighbour. Shared edges are then identical and
display simplification (``geo.display``) keeps them shared. Measured on this machine: Banten
(1,552 villages) cleans to a valid coverage with no overlap or hole in ~5 s; Jawa Timur (8,492)
in ~25 s with no hole and 4.5e-12 square degrees of overlap left (3 villages keep an unmatched
edge, listed in the metadata). ``coverage_clean``'s own gap removal (``gap_width``) gives the
same in ~2 minutes for Jawa Timur.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
import shapely.errors

from geo.codes import Level
from geo.display import DISPLAY_ZOOMS, prepare_display
from geo.gazetteer import gazetteer

__all__ = [
    "polygon_parts",
    "repair_geometry",
    "clean_coverage",
    "fill_gaps",
    "CleanResult",
    "tiling_report",
    "dissolve",
    "area_names",
    "ProvinceBoundaries",
    "build_province",
    "VILLAGE_COLUMNS",
    "AREA_COLUMNS",
]

VILLAGE_COLUMNS = [
    "code",
    "name",
    "district_name",
    "regency_name",
    "province_name",
    "has_polygon",
    "geometry",
]
AREA_COLUMNS = ["code", "name", "geometry"]
_POLYGONAL = {"Polygon", "MultiPolygon"}
#: ``coverage_clean``'s own gap removal width (degrees). 0: it only snaps and removes overlaps,
#: ten times faster on a large province; gaps are handled by ``fill_gaps`` instead.
DEFAULT_GAP_WIDTH = 0.0
#: Holes between villages narrower than this on average (degrees, ~55 m) are slivers left by
#: the archive's unmatched edges; they are merged into a neighbour.
DEFAULT_FILL_WIDTH = 0.0005


def _as_array(geometry: object) -> np.ndarray:
    if isinstance(geometry, gpd.GeoSeries | gpd.GeoDataFrame):
        geometry = geometry.geometry.values
    return np.asarray(geometry, dtype=object)


def _present(geometry: np.ndarray) -> np.ndarray:
    return ~shapely.is_missing(geometry) & ~shapely.is_empty(geometry)


def polygon_parts(geometry: object) -> np.ndarray:
    """Each geometry reduced to its polygonal part (missing when it has none).

    GeometryCollections (the archive holds one; ``make_valid`` can produce more) keep their
    Polygon/MultiPolygon members; lines and points, which cannot be drawn as areas, are dropped.
    """
    geometry = _as_array(geometry).copy()
    present = _present(geometry)
    types = np.full(len(geometry), "", dtype=object)
    types[present] = shapely.get_type_id(geometry[present])
    for i in np.flatnonzero(present & (types != 3) & (types != 6)):
        parts = shapely.get_parts(geometry[i])
        polys = [p for p in parts if p.geom_type in _POLYGONAL]
        if not polys:
            geometry[i] = None
            continue
        merged = shapely.union_all(polys)
        geometry[i] = merged if merged.geom_type in _POLYGONAL else None
    return geometry


def repair_geometry(geometry: object) -> tuple[np.ndarray, np.ndarray]:
    """Valid polygonal geometry for every row, and a mask of the rows that needed repair.

    Invalid rows go through ``make_valid`` (structure method: the polygon's area is kept);
    every row is then reduced to its polygonal part.
    """
    geometry = _as_array(geometry).copy()
    present = _present(geometry)
    invalid = np.zeros(len(geometry), dtype=bool)
    invalid[present] = ~shapely.is_valid(geometry[present])
    if invalid.any():
        geometry[invalid] = shapely.make_valid(geometry[invalid], method="structure", keep_collapsed=False)
    types = np.full(len(geometry), -1)
    types[present] = shapely.get_type_id(geometry[present])
    collections = present & (types != 3) & (types != 6)
    fixed = polygon_parts(geometry)
    return fixed, invalid | collections


@dataclass
class CleanResult:
    """Cleaned geometry plus what the cleaning could not do (indices into the input)."""

    geometry: np.ndarray
    kept_original: list[int] = field(default_factory=list)
    valid: bool = True
    gaps_filled: int = 0
    unmatched: list[int] = field(default_factory=list)


def fill_gaps(geometry: np.ndarray, max_width: float = DEFAULT_GAP_WIDTH) -> tuple[np.ndarray, int]:
    """Merge narrow holes of a clean coverage into the neighbour sharing the longest border.

    A hole of the coverage's union whose mean width (2 x area / perimeter) is below
    ``max_width`` is a sliver between villages, not a lake or an unassigned area. Gaps open to
    the outside are left as they are. Returns the new geometry and the number of gaps filled.
    Much faster than ``coverage_clean``'s own gap removal on large provinces.
    """
    geometry = geometry.copy()
    present = np.flatnonzero(_present(geometry))
    if max_width <= 0 or len(present) < 2:
        return geometry, 0
    try:
        union = shapely.coverage_union_all(geometry[present])
    except shapely.errors.GEOSException:  # overlaps left by the cleaning: exact but slower union
        union = shapely.union_all(geometry[present])
    rings = [r for poly in shapely.get_parts(union) if poly.geom_type == "Polygon" for r in poly.interiors]
    if not rings:
        return geometry, 0
    holes = shapely.polygons(np.asarray(rings, dtype=object))
    width = 2 * shapely.area(holes) / np.maximum(shapely.length(holes), 1e-30)
    holes = holes[width < max_width]
    if len(holes) == 0:
        return geometry, 0
    # After cleaning, every vertex of a hole is a vertex of the villages around it: the
    # neighbour sharing most of the hole's vertices shares the longest border.
    poly_xy, poly_row = shapely.get_coordinates(geometry[present], return_index=True)
    hole_xy, hole_row = shapely.get_coordinates(holes, return_index=True)
    vertices = pd.DataFrame(
        {"x": poly_xy[:, 0], "y": poly_xy[:, 1], "poly": present[poly_row]}
    ).drop_duplicates()
    touching = pd.DataFrame({"x": hole_xy[:, 0], "y": hole_xy[:, 1], "hole": hole_row}).drop_duplicates()
    pairs = touching.merge(vertices, on=["x", "y"]).groupby(["hole", "poly"]).size().rename("n").reset_index()
    winners = pairs.sort_values(["hole", "n", "poly"], ascending=[True, False, True]).drop_duplicates("hole")
    for poly, rows in winners.groupby("poly")["hole"]:
        merged = shapely.union_all(np.r_[np.asarray([geometry[poly]], dtype=object), holes[rows.to_numpy()]])
        parts = polygon_parts([merged])[0]
        if parts is not None:
            geometry[poly] = parts
    return geometry, int(len(winners))


def clean_coverage(
    geometry: object, *, gap_width: float = DEFAULT_GAP_WIDTH, fill_width: float = DEFAULT_FILL_WIDTH
) -> CleanResult:
    """Make polygons a valid coverage: shared edges identical, no overlaps, no sliver gaps.

    ``shapely.coverage_clean`` snaps vertices and resolves overlaps (``gap_width`` > 0 also
    lets it remove gaps, but slowly: ~2 min for Jawa Timur); narrow holes up to
    ``fill_width`` are then merged into a neighbour by ``fill_gaps`` (seconds). Input must be
    valid polygonal geometry (see ``repair_geometry``); missing rows stay missing. A polygon
    the cleaning would empty (swallowed by overlapping neighbours) keeps its original shape and
    is listed in ``kept_original``; no village is lost.
    """
    geometry = _as_array(geometry)
    out = np.full(len(geometry), None, dtype=object)
    present = _present(geometry)
    if not present.any():
        return CleanResult(out)
    idx = np.flatnonzero(present)
    cleaned = polygon_parts(shapely.coverage_clean(geometry[idx], gap_width=gap_width))
    lost = ~_present(cleaned)
    cleaned[lost] = None
    cleaned, filled = fill_gaps(cleaned, fill_width)
    cleaned[lost] = geometry[idx][lost]
    out[idx] = cleaned
    # A few polygons may still have edges that do not match (3 of Jawa Timur's 8,492 after
    # cleaning, with no measurable overlap); they are listed so dissolving treats them safely.
    unmatched = ~shapely.is_empty(shapely.coverage_invalid_edges(cleaned))
    return CleanResult(
        out,
        kept_original=[int(i) for i in idx[lost]],
        valid=not unmatched.any(),
        gaps_filled=filled,
        unmatched=[int(i) for i in idx[unmatched]],
    )


def tiling_report(geometry: object) -> dict[str, float | bool]:
    """How well polygons tile: coverage validity, overlap and hole area (square degrees).

    ``overlap_area`` is the sum of the polygons' areas minus the area of their union; ``hole_area``
    the area of holes in the union (gaps between villages and real holes alike). A clean
    coverage has ``valid`` True and ``overlap_area`` ~0, and simplifying it must not change
    ``hole_area`` much.
    """
    geometry = _as_array(geometry)
    geometry = geometry[_present(geometry)]
    if len(geometry) == 0:
        return {"valid": True, "overlap_area": 0.0, "hole_area": 0.0, "area": 0.0}
    union = shapely.union_all(geometry)
    area = float(shapely.area(geometry).sum())
    holes = 0.0
    for poly in shapely.get_parts(union):
        if poly.geom_type == "Polygon":
            holes += sum(shapely.Polygon(r).area for r in poly.interiors)
    return {
        "valid": bool(shapely.coverage_is_valid(geometry)),
        "overlap_area": max(0.0, area - float(union.area)),
        "hole_area": holes,
        "area": float(union.area),
    }


def dissolve(
    villages: gpd.GeoDataFrame, level: Level | int, *, coverage: bool = True, careful: Iterable[str] = ()
) -> gpd.GeoDataFrame:
    """Polygons of ``level`` (district, regency or province) as the union of their villages.

    ``villages`` (or areas of any lower level) need ``code`` and ``geometry``; rows without a
    polygon are skipped and areas none of whose rows has one are left out. ``coverage`` uses the
    fast coverage union, valid for a clean coverage; areas containing a code listed in
    ``careful`` (edges not matched) use the full overlay union. Returns ``code, geometry``
    sorted by code.
    """
    level = Level(level)
    width = {Level.PROVINCE: 2, Level.REGENCY: 5, Level.DISTRICT: 8, Level.VILLAGE: 13}[level]
    geom = _as_array(villages.geometry)
    present = _present(geom)
    codes = villages["code"].astype(str).to_numpy()[present]
    geom = geom[present]
    careful_keys = {str(c)[:width] for c in careful}
    keys = pd.Series(codes).str[:width].to_numpy()
    order = np.argsort(keys, kind="stable")
    keys, geom = keys[order], geom[order]
    out_codes, out_geom = [], []
    if len(keys):
        starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
        ends = np.r_[starts[1:], len(keys)]
        for s, e in zip(starts, ends, strict=True):
            out_codes.append(keys[s])
            exact = coverage and keys[s] not in careful_keys
            union = shapely.coverage_union_all if exact else shapely.union_all
            out_geom.append(polygon_parts([union(geom[s:e])])[0])
    return gpd.GeoDataFrame({"code": out_codes}, geometry=gpd.GeoSeries(out_geom, crs=4326))


def area_names(province: str, names: Mapping[str, str] | None = None) -> pd.Series:
    """Names of every area of a province, indexed by code: the gazetteer's, or ``names`` for
    regions the gazetteer does not hold (the invented demo region)."""
    if names is not None:
        series = pd.Series(dict(names), dtype=object)
        return series[series.index.str[:2] == province].sort_index()
    g = gazetteer()
    g = g[g["province"] == province]
    return g["name"]


@dataclass
class ProvinceBoundaries:
    """Every frame of one province as stored, plus its metadata."""

    village: gpd.GeoDataFrame
    levels: dict[Level, gpd.GeoDataFrame]
    display: dict[tuple[Level, str], gpd.GeoDataFrame]
    meta: dict


def _level_of(codes: pd.Series) -> pd.Series:
    return codes.str.count(r"\.") + 1


def build_province(
    province: str,
    villages: gpd.GeoDataFrame,
    *,
    level_areas: Mapping[Level, gpd.GeoDataFrame] | None = None,
    names: Mapping[str, str] | None = None,
    gap_width: float = DEFAULT_GAP_WIDTH,
) -> ProvinceBoundaries:
    """Everything stored for one province from its village polygons (``code, geometry``).

    ``villages`` holds polygons for some or all villages of the province (codes dotted and
    known; geometry valid, see ``repair_geometry``). Every village of the province's name
    table (gazetteer, or ``names``) gets a row; those without a polygon have null geometry.
    ``level_areas`` gives polygons for higher levels from files; missing levels are dissolved
    from the villages. All polygons are cleaned as a coverage before dissolving and display.
    """
    table = area_names(province, names)
    levels_of = _level_of(pd.Series(table.index, index=table.index))
    village_names = table[levels_of == int(Level.VILLAGE)]
    given = villages[villages["code"].astype(str).str[:2] == province]
    given = given[given["code"].isin(village_names.index)].drop_duplicates("code", keep="last")

    clean = clean_coverage(given.geometry.values, gap_width=gap_width)
    geom_by_code = pd.Series(clean.geometry, index=given["code"].to_numpy(), dtype=object)

    codes = pd.Series(village_names.index, dtype=object)
    village = pd.DataFrame({"code": codes, "name": village_names.to_numpy()})
    village["district_name"] = codes.str[:8].map(table).to_numpy()
    village["regency_name"] = codes.str[:5].map(table).to_numpy()
    village["province_name"] = table.get(province)
    geometry = codes.map(geom_by_code).to_numpy(dtype=object)
    geometry[pd.isna(geometry)] = None
    village["has_polygon"] = _present(geometry)
    village = gpd.GeoDataFrame(village, geometry=gpd.GeoSeries(geometry, crs=4326))[VILLAGE_COLUMNS]

    levels: dict[Level, gpd.GeoDataFrame] = {}
    level_clean: dict[str, bool] = {}
    # Each level comes from its file when given, else from dissolving the level below it
    # (villages -> districts -> regencies -> province), so a district file alone still gives
    # regency and province outlines.
    careful = given["code"].to_numpy()[clean.unmatched + clean.kept_original].tolist()
    below = village
    for level in (Level.DISTRICT, Level.REGENCY, Level.PROVINCE):
        source = (level_areas or {}).get(level)
        if source is not None:
            source = source[source["code"].astype(str).str[:2] == province]
            source = source[source["code"].isin(table.index)].drop_duplicates("code", keep="last")
            result = clean_coverage(source.geometry.values, gap_width=gap_width)
            frame = gpd.GeoDataFrame(
                {"code": source["code"].to_numpy()}, geometry=gpd.GeoSeries(result.geometry, crs=4326)
            )
            frame = frame[_present(result.geometry)].sort_values("code").reset_index(drop=True)
            level_clean[level.key] = result.valid
            careful = source["code"].to_numpy()[result.unmatched + result.kept_original].tolist()
        else:
            frame = dissolve(below, level, careful=careful)
        frame.insert(1, "name", frame["code"].map(table).to_numpy())
        levels[level] = below = frame[AREA_COLUMNS]

    display: dict[tuple[Level, str], gpd.GeoDataFrame] = {}
    for level in DISPLAY_ZOOMS:
        areas = village if level == Level.VILLAGE else levels[level]
        for zoom, frame in prepare_display(areas, level).items():
            display[(level, zoom)] = frame

    missing = village.loc[~village["has_polygon"], "code"].tolist()
    meta = {
        "name": table.get(province),
        "villages": len(village),
        "without_polygon": len(missing),
        "villages_without_polygon": missing,
        "coverage_valid": clean.valid,
        "gap_width": gap_width,
        "kept_original_polygon": given["code"].to_numpy()[clean.kept_original].tolist(),
        "unmatched_edges": given["code"].to_numpy()[clean.unmatched].tolist(),
        "gaps_filled": clean.gaps_filled,
        "level_files": sorted(level.key for level in (level_areas or {})),
        "level_coverage_valid": level_clean,
    }
    return ProvinceBoundaries(village, levels, display, meta)
