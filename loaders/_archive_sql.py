"""Parser of the wilayah_boundaries archive's SQL files (``db/kel/PP/wilayah_boundaries_kel_PP.KK.sql``).

Each file holds ``INSERT INTO wilayah_boundaries(kode,nama,lat,lng,path) VALUES (...), ...;``
statements. ``path`` is a JSON array of rings with points as ``[lat, lng]`` (latitude first);
its nesting depth varies: a ring (depth 2), a polygon's rings (depth 3, the first is the shell,
the rest holes) or a multipolygon (depth 4).
"""

from __future__ import annotations

import json
import re

import geopandas as gpd
import numpy as np
import shapely

__all__ = ["ArchiveFormatError", "parse_archive_sql", "path_to_geometry", "RAW_COLUMNS"]

RAW_COLUMNS = ["code", "name", "lat", "lng", "geometry"]

# A quoted SQL string: '' and \' are escaped quotes.
_STR = r"'((?:[^'\\]|\\.|'')*)'"
_NUM = r"\s*(-?[0-9.eE+\-]+|NULL)\s*"
_ROW = re.compile(
    r"\(\s*" + _STR + r"\s*,\s*" + _STR + r"\s*," + _NUM + "," + _NUM + r",\s*" + _STR + r"\s*\)"
)
_INSERT = re.compile(r"INSERT\s+INTO\s+`?wilayah_boundaries`?", re.IGNORECASE)


class ArchiveFormatError(ValueError):
    """The text is not in the archive's SQL format (message names the source and the row)."""


def _unquote(text: str) -> str:
    return text.replace("''", "'").replace("\\'", "'").replace('\\"', '"').replace("\\\\", "\\")


def _depth(value: object) -> int:
    depth = 0
    while isinstance(value, list) and value:
        depth += 1
        value = value[0]
    return depth


def _ring(points: list) -> np.ndarray:
    coords = np.asarray(points, dtype=float)
    if coords.ndim != 2 or coords.shape[1] < 2:
        raise ValueError("a ring must be a list of [lat, lng] pairs")
    return coords[:, [1, 0]]  # [lat, lng] -> (x=lng, y=lat)


def _polygon(rings: list) -> shapely.Polygon:
    rings = [_ring(r) for r in rings if len(r) >= 3]
    if not rings:
        raise ValueError("a polygon has no ring with 3 points or more")
    return shapely.Polygon(rings[0], rings[1:])


def path_to_geometry(path: object) -> shapely.Geometry:
    """Geometry (lon/lat) of one ``path`` value: a JSON string or already-parsed nested lists."""
    data = json.loads(path) if isinstance(path, str) else path
    depth = _depth(data)
    if depth == 2:
        return _polygon([data])
    if depth == 3:
        return _polygon(data)
    if depth == 4:
        parts = [_polygon(p) for p in data if p]
        return shapely.MultiPolygon(parts) if len(parts) > 1 else parts[0]
    raise ValueError(f"path nesting depth {depth} is neither ring (2), polygon (3) nor multipolygon (4)")


def parse_archive_sql(text: str, source: str = "SQL") -> gpd.GeoDataFrame:
    """Villages of one archive SQL file: ``code, name, lat, lng, geometry`` (EPSG:4326).

    Geometry is returned as found (not yet repaired). Raises ``ArchiveFormatError`` when the
    text holds no archive rows or a row's path cannot be read (naming ``source`` and the code).
    """
    if not _INSERT.search(text):
        raise ArchiveFormatError(
            f"{source}: no 'INSERT INTO wilayah_boundaries' statement; not an archive file"
        )
    codes, names, lats, lngs, geoms = [], [], [], [], []
    for match in _ROW.finditer(text):
        code, name, lat, lng, path = match.groups()
        try:
            geom = path_to_geometry(path)
        except (ValueError, TypeError) as err:
            raise ArchiveFormatError(f"{source}: the path of {code!r} cannot be read ({err})") from err
        codes.append(_unquote(code).strip())
        names.append(_unquote(name).strip())
        lats.append(float("nan") if lat.upper() == "NULL" else float(lat))
        lngs.append(float("nan") if lng.upper() == "NULL" else float(lng))
        geoms.append(geom)
    if not codes:
        raise ArchiveFormatError(f"{source}: the INSERT statements hold no rows")
    return gpd.GeoDataFrame(
        {"code": codes, "name": names, "lat": lats, "lng": lngs},
        geometry=gpd.GeoSeries(geoms, crs=4326),
    )
