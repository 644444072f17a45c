"""Village geometry for the national view, prepared once at import as one pack per province.

The national village view draws all 83,246 village polygons of the country. Their geometry is
prepared at import, never per view:

* a coarse *national* display copy, simplified as a coverage from the province display copy
  (``NATIONAL_TOLERANCE``, about 300 m: neighbours keep sharing edges), and
* for each zoom in :data:`PACK_ZOOMS` a *pack*: the display copy of one province in the compact
  encoding of :mod:`geo.maps` (quantised, delta-encoded varints) as UTF-8 JSON with its codes,
  names and bounds.

The app serves the packs as files; the browser fetches them once (38 files for the country,
about 7 MB, 3 MB compressed) and draws every polygon on one canvas. Colours come from a small
table sent on every rerun: one class digit per village in the packs' order (:func:`class_digits`),
so a year or filter change never sends geometry again. Zooming in far enough swaps in the
province-zoom packs of the provinces in view (the detail the province maps draw).

A pack is the unit the tests call a tile: it covers its province's villages exactly once and
decodes to polygons inside its own bounds.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

import geopandas as gpd
import numpy as np
import shapely

from geo.codes import Level
from geo.display import DISPLAY_ZOOMS, quantum_for, simplify_coverage
from geo.maps import EncodedShapes, decode_shapes, encode_shapes

__all__ = [
    "NATIONAL_TOLERANCE",
    "PACK_ZOOMS",
    "DETAIL_MIN_ZOOM",
    "national_villages",
    "encode_pack",
    "decode_pack",
    "pack_codes",
    "pack_bounds",
    "class_digits",
    "label_table",
    "polygons_inside",
    "province_packs",
]

#: Simplification tolerance (degrees) of the national village copy.
NATIONAL_TOLERANCE = DISPLAY_ZOOMS[Level.VILLAGE]["national"]
#: Display zooms of villages written as packs, with the grid cells per degree of their encoding.
PACK_ZOOMS: dict[str, float] = {zoom: quantum_for(Level.VILLAGE, zoom) for zoom in ("national", "province")}
#: Web map zoom from which the browser draws the province-zoom packs of the provinces in view.
DETAIL_MIN_ZOOM = 9
#: One digit per class for :func:`class_digits` ("-" is no data).
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def national_villages(province_display: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The national display copy of villages from their province display copy (``code, name, geometry``).

    Simplified again as a coverage, so shared edges stay shared; every village of the input
    keeps a polygon (coverage simplification never drops one).
    """
    frame = province_display[["code", "name"]].reset_index(drop=True)
    geometry = simplify_coverage(province_display.geometry.values, NATIONAL_TOLERANCE)
    return gpd.GeoDataFrame(frame, geometry=geometry, crs=4326)


def encode_pack(areas: gpd.GeoDataFrame, zoom: str) -> bytes:
    """One province's display copy at ``zoom`` as the JSON pack the browser fetches.

    The payload of :meth:`geo.maps.EncodedShapes.payload` plus ``"b"``, its bounds
    (``minx, miny, maxx, maxy``), and ``"z"``, the zoom.

    >>> import shapely
    >>> frame = gpd.GeoDataFrame({"code": ["99.01.01.2001"], "name": ["A"]},
    ...                          geometry=[shapely.box(100, -1, 100.5, -0.5)], crs=4326)
    >>> pack_codes(encode_pack(frame, "national"))
    ['99.01.01.2001']
    """
    if zoom not in PACK_ZOOMS:
        raise ValueError(f"unknown pack zoom {zoom!r}; choose one of: {', '.join(PACK_ZOOMS)}")
    # Exteriors counter-clockwise, holes clockwise: the browser fills all rings of a colour as
    # one path with the nonzero rule, so a hole stays open and an enclave inside it is filled.
    oriented = areas.set_geometry(shapely.orient_polygons(areas.geometry.values), crs=areas.crs)
    shapes = encode_shapes(oriented, PACK_ZOOMS[zoom])
    payload = {**shapes.payload(), "b": [round(v, 6) for v in shapes.bounds], "z": zoom}
    payload.pop("lp", None)  # label points: the national view writes no names on the map
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _shapes(pack: bytes) -> EncodedShapes:
    d = json.loads(pack)
    return EncodedShapes(
        codes=d["code"],
        names=d["name"],
        origin=(d["o"][0], d["o"][1]),
        quantum=d["q"],
        coords=d["s"],
        rings=d["r"],
        polygons=d["p"],
        parts=d["f"],
        bounds=tuple(d["b"]),
    )


def decode_pack(pack: bytes) -> gpd.GeoDataFrame:
    """The polygons of a pack (``code, name, geometry``), as the browser decodes them."""
    shapes = _shapes(pack)
    if not len(shapes):
        return gpd.GeoDataFrame({"code": [], "name": []}, geometry=gpd.GeoSeries([], crs=4326))
    return decode_shapes(shapes)


def pack_codes(pack: bytes) -> list[str]:
    """Village codes of a pack, in the order the browser draws them."""
    return list(json.loads(pack)["code"])


def pack_bounds(pack: bytes) -> tuple[float, float, float, float]:
    """``minx, miny, maxx, maxy`` of a pack's polygons."""
    return tuple(json.loads(pack)["b"])


def class_digits(classes: Iterable[int]) -> str:
    """Classes (``-1`` no data, else 0..35) as one character each: the colour table sent per rerun.

    >>> class_digits([0, 4, -1, 2])
    '04-2'
    """
    index = np.asarray(classes if isinstance(classes, np.ndarray) else list(classes), dtype=np.int64)
    if index.size and (index.max() >= len(_DIGITS) or index.min() < -1):
        raise ValueError(f"classes must lie in -1..{len(_DIGITS) - 1}, got {index.min()}..{index.max()}")
    lookup = np.frombuffer(("-" + _DIGITS).encode("ascii"), dtype=np.uint8)
    return lookup[index + 1].tobytes().decode("ascii")


def label_table(labels: Sequence[str]) -> tuple[list[str], str]:
    """Tooltip texts as distinct texts and one varint index per village (few distinct values).

    >>> label_table(["3", "no data", "3"])
    (['3', 'no data'], 'ACA')
    """
    from geo.maps import encode_varints

    distinct: dict[str, int] = {}
    index = np.fromiter(
        (distinct.setdefault(s, len(distinct)) for s in labels), dtype=np.int64, count=len(labels)
    )
    # encode_varints zigzags signed values; indexes are >= 0 so each costs one digit below 16.
    return list(distinct), encode_varints(index)


def polygons_inside(pack: bytes, slack: float | None = None) -> bool:
    """Whether every polygon of a pack lies inside the pack's bounds (within one grid cell)."""
    decoded = decode_pack(pack)
    if decoded.empty:
        return True
    minx, miny, maxx, maxy = pack_bounds(pack)
    cell = slack if slack is not None else 1.0 / json.loads(pack)["q"]
    box = shapely.box(minx - cell, miny - cell, maxx + cell, maxy + cell)
    return bool(shapely.within(decoded.geometry.values, box).all())


def province_packs(display: dict) -> dict[str, bytes]:
    """The packs of one province from its display copies (``{(level, zoom): frame}``, as built at import)."""
    return {
        zoom: encode_pack(display[(Level.VILLAGE, zoom)], zoom)
        for zoom in PACK_ZOOMS
        if (Level.VILLAGE, zoom) in display
    }
