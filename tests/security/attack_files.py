"""Hostile boundary files, built in the test, and the tools to aim them: a store with a user
book, a listener on 127.0.0.1 that counts every request, the boundary command line.

Each builder writes the smallest file that made the attack of issue 21 work on main: an OGR VRT
dressed as GeoJSON that selects every user's password hash from ``accounts.sqlite``, one that
reads a ``/vsicurl/`` URL, a GDALG pipeline, a GeoJSON whose CRS is a link, a file name with a
GDAL driver prefix, a GeoPackage whose view calls a file function, a Shapefile whose ``.prj``
is not a projection.
"""

from __future__ import annotations

import http.server
import io
import json
import os
import sqlite3
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "kata-sandi-rahasia"
#: A polygon in Kab. Serang (Banten), WKT, for the layers the attacks put on the map.
SQUARE = "POLYGON((106.20 -6.00, 106.21 -6.00, 106.21 -5.99, 106.20 -5.99, 106.20 -6.00))"


class Listener:
    """An HTTP server on 127.0.0.1 that records every request it receives (and answers 200)."""

    def __init__(self):
        self.requests: list[str] = []
        listener = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _answer(self):
                listener.requests.append(f"{self.command} {self.path}")
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(b'GEOGCS["x",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257]]]')

            do_GET = do_HEAD = do_POST = _answer  # noqa: N815 (http.server API)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


# --------------------------------------------------------------------------- a store with users
def make_book(store: Path) -> dict[str, str]:
    """Users in ``store/accounts.sqlite`` (argon2 hashes): returns ``{name: hash}``.

    ``steward36`` holds Banten, ``steward0`` no grant, ``viewer`` and ``admin`` as named.
    """
    from loaders.accounts import Role, SqliteBook, hash_password

    store.mkdir(parents=True, exist_ok=True)
    book = SqliteBook(store / "accounts.sqlite")
    for name, role, provinces in [
        ("admin", Role.ADMIN, []),
        ("steward36", Role.STEWARD, ["36"]),
        ("steward0", Role.STEWARD, []),
        ("viewer", Role.VIEWER, []),
    ]:
        book.add_user(name, role, password_hash=hash_password(PASSWORD), provinces=provinces)
    return {a.name: book.password_hash(a.name) for a in book.accounts()}


def audit(store: Path) -> list[dict]:
    from loaders.accounts import SqliteBook

    return SqliteBook(store / "accounts.sqlite").entries()


# --------------------------------------------------------------------------- hostile files
def vrt_reading(database: Path) -> bytes:
    """An OGR VRT (XML) that selects every user and password hash of the accounts database as
    a layer of Banten polygons: the hash lands in the code column."""
    return (
        '<OGRVRTDataSource><OGRVRTLayer name="desa">'
        f"<SrcDataSource>{database}</SrcDataSource>"
        '<SrcSQL dialect="sqlite">SELECT name AS nama, password AS kode, '
        f"'{SQUARE}' AS wkt FROM atlas_users</SrcSQL>"
        '<GeometryType>wkbPolygon</GeometryType><GeometryField encoding="WKT" field="wkt"/>'
        "<LayerSRS>EPSG:4326</LayerSRS></OGRVRTLayer></OGRVRTDataSource>"
    ).encode()


def vrt_fetching(url: str) -> bytes:
    """An OGR VRT whose source is a ``/vsicurl/`` URL: GDAL would fetch it."""
    return (
        '<OGRVRTDataSource><OGRVRTLayer name="desa">'
        f"<SrcDataSource>/vsicurl/{url}</SrcDataSource>"
        "</OGRVRTLayer></OGRVRTDataSource>"
    ).encode()


def gdalg_reading(database: Path) -> bytes:
    """A GDALG pipeline (JSON, so a ``.geojson`` to the eye) that reads the accounts database."""
    return json.dumps(
        {"type": "gdal_streamed_alg", "command_line": f"gdal vector pipeline ! read {database}"}
    ).encode()


def _feature(code: str, x: float) -> dict:
    ring = [[x, -6.0], [x + 0.01, -6.0], [x + 0.01, -5.99], [x, -5.99], [x, -6.0]]
    return {
        "type": "Feature",
        "properties": {"kode": code},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }


def serang_codes(n: int = 3) -> list[str]:
    from geo.gazetteer import gazetteer

    g = gazetteer()
    return list(g[(g["level"] == 4) & (g["district"] == "36.04.13")]["code"].head(n))


def geojson(crs: dict | None = None) -> bytes:
    """A valid village GeoJSON of three Serang villages, with ``crs`` when given."""
    doc: dict = {"type": "FeatureCollection"}
    if crs is not None:
        doc["crs"] = crs
    doc["features"] = [_feature(code, 106.20 + i * 0.02) for i, code in enumerate(serang_codes())]
    return json.dumps(doc).encode()


def crs_link(url: str) -> bytes:
    """GeoJSON whose CRS is a ``link``: GDAL fetches its ``href`` (written with JSON escapes)."""
    return geojson({"type": "link", "properties": {"href": url, "type": "ogcwkt"}}).replace(
        b'"href"', b'"\\u0068ref"'
    )


def zipped(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buf.getvalue()


def gpkg_with_view(folder: Path, sql: str) -> Path:
    """A valid village GeoPackage with one more view whose SQL is ``sql``."""
    import geopandas as gpd

    path = folder / "desa.gpkg"
    frame = gpd.read_file(io.BytesIO(geojson()))
    frame.to_file(path, driver="GPKG", layer="desa")
    with sqlite3.connect(path) as con:
        con.execute(f"CREATE VIEW lain AS {sql}")
    return path


def shapefile_zip(folder: Path, prj: bytes | None = None) -> bytes:
    """A zipped village Shapefile; ``prj`` replaces its ``.prj``."""
    import geopandas as gpd

    work = folder / "shp"
    work.mkdir(parents=True, exist_ok=True)
    gpd.read_file(io.BytesIO(geojson())).to_file(work / "desa.shp")
    if prj is not None:
        (work / "desa.prj").write_bytes(prj)
    return zipped({p.name: p.read_bytes() for p in sorted(work.iterdir())})


# --------------------------------------------------------------------------- the command line
def boundary_cli(
    file: str | Path, store: Path, *, auth: str = "off", user: str | None = None, cwd: Path = ROOT
) -> subprocess.CompletedProcess:
    """``python -m loaders.boundaries --lang en import FILE`` in a subprocess, as a user would."""
    env = {
        **os.environ,
        "ATLAS_DATA_DIR": str(store),
        "ATLAS_AUTH": auth,
        "PYTHONPATH": str(ROOT),
        "ATLAS_LANGUAGE": "en",
    }
    env.pop("ATLAS_DATABASE_URL", None)
    if user:
        env.update({"ATLAS_USER": user, "ATLAS_PASSWORD": PASSWORD})
    return subprocess.run(
        [sys.executable, "-m", "loaders.boundaries", "--lang", "en", "import", str(file)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
