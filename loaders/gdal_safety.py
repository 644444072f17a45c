"""GDAL reads an uploaded boundary file and nothing else: three drivers, no network, no other files.

GDAL picks a driver from a file's content and many drivers follow what a file names: an OGR VRT
opens any path or ``/vsicurl/`` URL, a GDALG pipeline runs ``gdal vector pipeline`` on any file,
a GeoJSON CRS ``link`` makes GDAL fetch the URL. An upload is data, never instructions, so the
one configuration of the process (set here, once, at import of ``loaders``, before pyogrio loads
GDAL) registers only the drivers of the boundary formats and turns GDAL's network and
file-following features off. ``loaders.boundary_files`` also checks every file's content before
GDAL opens it and names the driver it must be opened with; this is the second wall.

GeoParquet is read by pyarrow, not GDAL. ``check()`` says what is still wrong (a test runs it).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import glob
import importlib.util
import os
import sys

__all__ = ["ALLOWED_DRIVERS", "CONFIG", "apply", "check"]

#: The vector drivers a boundary file may be opened with (GeoJSON, GeoPackage, Shapefile).
ALLOWED_DRIVERS = ("GeoJSON", "GPKG", "ESRI Shapefile")

#: Every other vector driver of the GDAL bundled with pyogrio (3.12), skipped at registration.
#: ``tests/security`` checks that no driver outside ALLOWED_DRIVERS is registered, so a GDAL
#: upgrade that brings a new driver fails that test until the driver is named here.
SKIPPED_DRIVERS = (
    "ADBC", "AIVector", "AVCBin", "AVCE00", "AmigoCloud", "CSV", "CSW", "Carto", "DGN", "DXF",
    "EDIGEO", "EEDA", "ESRIJSON", "Elasticsearch", "FlatGeobuf", "GDALG", "GML", "GPSBabel", "GPX",
    "GTFS", "GeoJSONSeq", "GeoRSS", "HTTP", "Idrisi", "JML", "JSONFG", "KML", "LIBKML", "LVBAG",
    "MBTiles", "MEM", "MVT", "MapInfo File", "MapML", "MiraMonVector", "NGW", "OAPIF", "ODS",
    "OGCAPI", "OGR_GMT", "OGR_PDS", "OGR_VRT", "OSM", "OpenFileGDB", "PCIDSK", "PDF", "PDS4",
    "PGDUMP", "PLSCENES", "PMTiles", "S57", "SQLite", "SXF", "Selafin", "TopoJSON", "VDV", "VFK",
    "VICAR", "WAsP", "WFS", "XLSX",
)  # fmt: skip

#: GDAL configuration options (environment variables, read by GDAL at each use).
CONFIG = {
    # only the boundary formats' drivers are registered (a comma list: "MapInfo File" has a space)
    "GDAL_SKIP": ",".join(SKIPPED_DRIVERS),
    # no driver plugins from disk
    "GDAL_DRIVER_PATH": "disable",
    "OGR_DRIVER_PATH": "disable",
    # no network: /vsicurl/, /vsis3/, /vsigs/ ... find no file at all (no request is sent) ...
    "CPL_VSIL_CURL_ALLOWED_EXTENSIONS": ".atlas-network-off",
    # ... and a direct HTTP fetch (a GeoJSON CRS "link", a GML schema) goes to a closed local
    # port, fails at once and is not retried
    "GDAL_HTTP_PROXY": "127.0.0.1:9",
    "GDAL_HTTPS_PROXY": "127.0.0.1:9",
    "GDAL_HTTP_CONNECTTIMEOUT": "1",
    "GDAL_HTTP_TIMEOUT": "1",
    "GDAL_HTTP_MAX_RETRY": "0",
    "GDAL_HTTP_NETRC": "NO",
    "PROJ_NETWORK": "OFF",  # no PROJ grids fetched for a CRS a file declares
    # no other file: standard input, sibling files found by listing the folder, .aux.xml side-cars
    "CPL_ALLOW_VSISTDIN": "NO",
    "GDAL_DISABLE_READDIR_ON_OPEN": "EMPTY_DIR",
    "GDAL_PAM_ENABLED": "NO",
    "GDAL_ALLOW_REMOTE_RESOURCE_TO_ACCESS_LOCAL_FILE": "NO",
    "GDAL_MEM_ENABLE_OPEN": "NO",
    "GDAL_VRT_ENABLE_PYTHON": "NO",
    "GDAL_VRT_ENABLE_RAWRASTERBAND": "NO",
    # a GeoPackage's views and triggers cannot open other data sources or call OGR's functions
    "ALLOW_VIRTUAL_OGR_FROM_TRIGGER_AND_VIEW": "NO",
    "ALLOW_OGR_SQL_FUNCTIONS_FROM_TRIGGER_AND_VIEW": "NO",
    "OGR_SQLITE_ALLOW_EXTERNAL_ACCESS": "NO",
    "OGR_SQLITE_LIST_VIRTUAL_OGR": "NO",
    "SQLITE_USE_URI": "NO",
    "SPATIALITE_LOAD": "NO",
    # one GeoJSON object may be as large as an allowed upload, no larger (MB)
    "OGR_GEOJSON_MAX_OBJ_SIZE": "200",
}

#: Variables that would switch a guarded feature back on; removed from the environment.
UNSET = ("OGR_SQLITE_LOAD_EXTENSIONS", "GDAL_PYTHON_DRIVER_PATH", "GDAL_CONFIG_FILE", "CPL_DEBUG")


def apply() -> None:
    """Set :data:`CONFIG` in the environment (and in GDAL, when pyogrio is loaded already) and
    refuse every HTTP request GDAL would make (:func:`_refuse_http`).

    Called once by ``loaders/__init__.py``. The driver list only takes effect when GDAL
    registers its drivers, i.e. before pyogrio is first imported; ``check()`` says if it did not.
    """
    from loaders.limits import limits

    values = {**CONFIG, "OGR_GEOJSON_MAX_OBJ_SIZE": str(limits().file_mb)}
    for name in UNSET:
        os.environ.pop(name, None)
    os.environ.update(values)
    if "pyogrio" in sys.modules:
        import pyogrio

        pyogrio.set_gdal_config_options(values)
    _refuse_http()


class _HttpResult(ctypes.Structure):
    """GDAL's ``CPLHTTPResult`` (cpl_http.h)."""

    _fields_ = [
        ("nStatus", ctypes.c_int),
        ("pszContentType", ctypes.c_void_p),
        ("pszErrBuf", ctypes.c_void_p),
        ("nDataLen", ctypes.c_int),
        ("nDataAlloc", ctypes.c_int),
        ("pabyData", ctypes.c_void_p),
        ("papszHeaders", ctypes.c_void_p),
        ("nMimePartCount", ctypes.c_int),
        ("pasMimePart", ctypes.c_void_p),
    ]


_FETCH = ctypes.CFUNCTYPE(ctypes.c_void_p, *[ctypes.c_void_p] * 7)
#: The installed callback and the library it lives in (kept alive for the process).
_REFUSER: list = []
#: URLs GDAL asked for and did not get (for tests and the log).
REFUSED: list[str] = []


def _gdal_library() -> ctypes.CDLL | None:
    """The GDAL library pyogrio uses (its wheel's copy), loaded without importing pyogrio."""
    spec = importlib.util.find_spec("pyogrio")
    if spec is None or spec.origin is None:
        return None
    found = sorted(glob.glob(os.path.join(os.path.dirname(spec.origin) + ".libs", "libgdal*")))
    if not found:
        found = [name for name in [ctypes.util.find_library("gdal")] if name]
    return ctypes.CDLL(found[0]) if found else None


def _refuse_http() -> None:
    """Answer every ``CPLHTTPFetch`` of GDAL with a failure, so no request leaves the process:
    a GeoJSON CRS ``link``, a GML schema, a WFS... whatever the proxy settings (``no_proxy``
    would let a request to 127.0.0.1 past ``GDAL_HTTP_PROXY``)."""
    if _REFUSER:
        return
    lib = _gdal_library()
    if lib is None:
        return
    lib.CPLCalloc.restype = ctypes.c_void_p
    lib.CPLCalloc.argtypes = [ctypes.c_size_t, ctypes.c_size_t]
    lib.CPLStrdup.restype = ctypes.c_void_p
    lib.CPLStrdup.argtypes = [ctypes.c_char_p]

    def refuse(url, *_):
        REFUSED.append(ctypes.string_at(url).decode("utf-8", "replace") if url else "")
        result = lib.CPLCalloc(1, ctypes.sizeof(_HttpResult))
        held = _HttpResult.from_address(result)
        held.nStatus = 1
        held.pszErrBuf = lib.CPLStrdup(b"network access is off for uploaded files (loaders.gdal_safety)")
        return result

    callback = _FETCH(refuse)
    lib.CPLHTTPSetFetchCallback.argtypes = [_FETCH, ctypes.c_void_p]
    lib.CPLHTTPSetFetchCallback(callback, None)
    _REFUSER.extend([lib, callback])


def check() -> list[str]:
    """What is not as :func:`apply` wants it: a driver registered beyond the allowed, or an option
    GDAL reads otherwise. Empty when GDAL is safe to give an upload to."""
    import pyogrio

    problems = [
        f"driver {name} is registered" for name in sorted(set(pyogrio.list_drivers()) - set(ALLOWED_DRIVERS))
    ]
    held = pyogrio.get_gdal_config_option
    for name, value in CONFIG.items():
        if name == "OGR_GEOJSON_MAX_OBJ_SIZE":
            continue
        found = held(name)
        if str(found).upper() not in {
            value.upper(),
            {"NO": "FALSE", "OFF": "FALSE"}.get(value.upper(), value),
        }:
            problems.append(f"{name} is {found!r}, not {value!r}")
    if not _REFUSER:
        problems.append("GDAL's HTTP requests are not refused (its library was not found)")
    return problems
