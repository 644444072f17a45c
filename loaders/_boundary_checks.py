"""What a boundary file must be before GDAL or pyarrow opens it: its content, not its name.

An upload is data, never instructions. Each check reads bytes only (SQLite's own schema table
for a GeoPackage, read-only) and returns the problem as ``(key, params)`` for
``BoundaryFileError``, or ``None``; the messages never quote what a file holds, only names.

* GeoJSON: a JSON object (``{``) with GeoJSON features; never XML (an OGR VRT or GML, which point at other files) and
  never a ``"url"``/``"href"`` link (GDAL fetches a CRS ``link``);
* GeoPackage: an SQLite database whose views and triggers name no other file, data source or
  file function, and whose virtual tables are R-tree indexes only;
* Shapefile: ``.shp``/``.shx`` with the Shapefile header, a dBASE ``.dbf``, a ``.prj`` in WKT,
  a ``.cpg`` naming an encoding;
* GeoParquet: ``PAR1`` at both ends.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

__all__ = ["KINDS", "DRIVERS", "check_content", "SHAPEFILE_PARTS"]

#: The kind of boundary file each suffix stands for.
KINDS = {
    ".geojson": "geojson",
    ".json": "geojson",
    ".gpkg": "gpkg",
    ".shp": "shapefile",
    ".parquet": "parquet",
    ".geoparquet": "parquet",
}
#: The one GDAL driver each kind is opened with (GeoParquet is read by pyarrow).
DRIVERS = {"geojson": "GeoJSON", "gpkg": "GPKG", "shapefile": "ESRI Shapefile"}
#: The parts of a Shapefile that are read; any other file beside it is left alone.
SHAPEFILE_PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg")

Problem = tuple[str, dict] | None

_ESCAPE = re.compile(rb"\\u00([2-7][0-9a-fA-F])")
#: A member GDAL's GeoJSON reader would fetch (a CRS "link"/"url" with "href"/"url").
_LINK = re.compile(rb'"(?:url|href)"\s*:\s*"\s*(?:https?|ftps?|file)\s*:', re.IGNORECASE)
_FEATURE = re.compile(rb'"type"\s*:\s*"Feature(?:Collection)?"', re.IGNORECASE)
#: What a view or trigger of a GeoPackage may not hold: a call of a function that opens another
#: data source or file (GDAL's, SpatiaLite's, SQLite's extensions), or a path or URL of one.
_SQL_REACH = re.compile(
    r"\b(?:ogr_\w+|gdal_\w+|virtualogr|load_extension|readfile|writefile|fsdir|zipfile|sqlar_\w+"
    r"|import\w*|export\w*|blobfromfile|blobtofile|xb_load\w*|xb_store\w*)\s*\("
    r"|/vsi|\b(?:https?|ftps?|file):",
    re.IGNORECASE,
)
_WKT = re.compile(r"\s*[A-Z][A-Z0-9_]*\s*\[", re.ASCII)
_ENCODING = re.compile(r"\s*[\w .\-]{0,40}\s*", re.ASCII)
_DBF_VERSIONS = {
    0x02,
    0x03,
    0x04,
    0x05,
    0x30,
    0x31,
    0x32,
    0x43,
    0x63,
    0x83,
    0x8B,
    0x8E,
    0xCB,
    0xE5,
    0xF5,
    0xFB,
}


def check_content(path: Path, kind: str) -> Problem:
    """The problem with the file at ``path`` as a boundary file of ``kind``, or ``None``.

    For a Shapefile, ``path`` is the ``.shp``; its parts beside it are checked too.
    """
    return {"geojson": _geojson, "gpkg": _gpkg, "shapefile": _shapefile, "parquet": _parquet}[kind](path)


def _geojson(path: Path) -> Problem:
    data = path.read_bytes()
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<"):
        return "xml_not_geojson", {}
    if not head.startswith(b"{"):
        return "not_geojson", {}
    if b"\\" in data:  # "\u0068ref", "http:\/\/": JSON escapes GDAL would read as letters
        data = _ESCAPE.sub(lambda m: bytes([int(m[1], 16)]), data).replace(b"\\/", b"/")
    if _LINK.search(data):
        return "geojson_link", {}
    if not _FEATURE.search(data):  # a GDALG pipeline, an Esri JSON, a TopoJSON: JSON, no GeoJSON
        return "not_geojson", {}
    return None


def _gpkg(path: Path) -> Problem:
    with path.open("rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            return "not_gpkg", {}
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return "not_gpkg", {}
    try:
        con.text_factory = lambda raw: raw.decode("utf-8", "replace")  # a damaged schema is no error
        con.execute("PRAGMA trusted_schema = OFF")
        rows = con.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    except (sqlite3.Error, ValueError):
        return "not_gpkg", {}
    finally:
        con.close()
    for kind, name, sql in rows:
        text = str(sql or "")
        if kind == "table" and re.match(r"\s*create\s+virtual\s+table", text, re.IGNORECASE):
            if not re.search(r"\busing\s+rtree\b", text, re.IGNORECASE):
                return "gpkg_unsafe", {"what": "virtual", "name": str(name)[:80]}
        elif kind in ("view", "trigger") and _SQL_REACH.search(text):
            return "gpkg_unsafe", {"what": kind, "name": str(name)[:80]}
    return None


def _part(path: Path, suffix: str) -> Path | None:
    """The part of Shapefile ``path`` with ``suffix`` (any case), or ``None``."""
    for candidate in (path.with_suffix(suffix), path.with_suffix(suffix.upper())):
        if candidate.is_file():
            return candidate
    return None


def _shapefile(path: Path) -> Problem:
    for suffix in (".shp", ".shx"):
        part = _part(path, suffix)
        if part is None:
            return "shp_parts", {"parts": suffix}
        with part.open("rb") as handle:
            head = handle.read(32)
        if len(head) < 32 or head[:4] != b"\x00\x00\x27\x0a" or head[28:32] != b"\xe8\x03\x00\x00":
            return "not_shapefile", {"part": suffix}
    dbf = _part(path, ".dbf")
    if dbf is None:
        return "shp_parts", {"parts": ".dbf"}
    with dbf.open("rb") as handle:
        first = handle.read(1)
    if not first or first[0] not in _DBF_VERSIONS:
        return "not_shapefile", {"part": ".dbf"}
    prj = _part(path, ".prj")
    if prj is not None:
        text = prj.read_bytes()[:65_537]
        if len(text) > 65_536 or not _WKT.match(text.decode("latin-1")):
            return "prj_not_wkt", {}
    cpg = _part(path, ".cpg")
    if cpg is not None:
        text = cpg.read_bytes()[:200]
        if not _ENCODING.fullmatch(text.decode("latin-1")):
            return "not_shapefile", {"part": ".cpg"}
    return None


def _parquet(path: Path) -> Problem:
    size = path.stat().st_size
    with path.open("rb") as handle:
        head = handle.read(4)
        handle.seek(max(size - 4, 0))
        tail = handle.read(4)
    if size < 12 or head != b"PAR1" or tail != b"PAR1":
        return "not_parquet", {}
    return None
