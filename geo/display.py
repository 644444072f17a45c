"""Display geometry: simplified, topology-preserving copies of boundaries, made once at import.

Each level is prepared at the zooms it is drawn at (a whole province's villages need far less
detail than one regency's). Simplification works on the polygons as one coverage
(``shapely.coverage_simplify``), so neighbours keep sharing edges and no gaps open, provided
the input coverage is clean (see ``geo.boundaries.clean_coverage``).
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely

from geo.codes import Level

__all__ = [
    "DISPLAY_ZOOMS",
    "SIMPLIFIED_FROM",
    "prepare_display",
    "simplify_coverage",
    "display_zoom",
    "quantum_for",
]

#: Simplification tolerance in degrees for each (level, zoom) drawn by the app.
DISPLAY_ZOOMS: dict[Level, dict[str, float]] = {
    Level.PROVINCE: {"national": 0.01},
    Level.REGENCY: {"national": 0.005, "province": 0.001},
    Level.DISTRICT: {"national": 0.003, "province": 0.001},
    Level.VILLAGE: {"province": 0.0008, "regency": 0.0002, "national": 0.003},
}
#: Zooms simplified from another zoom's copy of the same level rather than from the full
#: polygons: the same coverage, at a fraction of the work (the national village view).
SIMPLIFIED_FROM: dict[tuple[Level, str], str] = {(Level.VILLAGE, "national"): "province"}


def simplify_coverage(geometry: np.ndarray, tolerance: float) -> np.ndarray:
    """Simplify polygons as a coverage; rows with no polygon stay missing."""
    geometry = np.asarray(geometry, dtype=object)
    out = np.full(len(geometry), None, dtype=object)
    present = ~shapely.is_missing(geometry) & ~shapely.is_empty(geometry)
    if present.any():
        out[present] = shapely.coverage_simplify(geometry[present], tolerance)
    return out


def prepare_display(areas: gpd.GeoDataFrame, level: Level | int) -> dict[str, gpd.GeoDataFrame]:
    """Display copies of ``areas`` (``code``, ``name``, ``geometry``) for every zoom of ``level``.

    Areas without a polygon are left out of display copies (they are listed elsewhere).
    """
    level = Level(level)
    has_polygon = ~areas.geometry.isna() & ~areas.geometry.is_empty
    base = areas.loc[has_polygon, ["code", "name", "geometry"]].reset_index(drop=True)
    out = {}
    for zoom, tolerance in DISPLAY_ZOOMS[level].items():
        source = out.get(SIMPLIFIED_FROM.get((level, zoom), ""), base)
        simplified = simplify_coverage(source.geometry.values, tolerance)
        out[zoom] = gpd.GeoDataFrame(base[["code", "name"]].copy(), geometry=simplified, crs=4326)
    return out


def display_zoom(level: Level | int, area: str | None) -> str:
    """The prepared zoom to draw ``level`` inside ``area`` (None: the whole country).

    >>> display_zoom(Level.VILLAGE, "35"), display_zoom(Level.VILLAGE, "35.10"), display_zoom(Level.REGENCY, None)
    ('province', 'regency', 'national')
    >>> display_zoom(Level.VILLAGE, None)
    'national'
    """
    level = Level(level)
    if level == Level.VILLAGE:
        if not area:
            return "national"
        return "regency" if "." in area else "province"
    return "national" if not area or level == Level.PROVINCE else "province"


def quantum_for(level: Level | int, zoom: str) -> float:
    """Grid cells per degree for encoding a display zoom: four per simplification tolerance.

    >>> quantum_for(Level.VILLAGE, "province")
    5000.0
    """
    return float(round(4 / DISPLAY_ZOOMS[Level(level)][zoom]))
