"""``python -m loaders.boundaries fetch`` end to end against a local server in the archive layout."""

from __future__ import annotations

import hashlib
import http.server
import json
import shutil
import threading
from pathlib import Path

import geopandas as gpd
import pytest
import shapely

from geo.codes import Level
from geo.gazetteer import areas
from loaders.boundaries import fetch, main
from loaders.store import Store


def write_archive_sql(frame: gpd.GeoDataFrame, regency: str) -> str:
    """The archive's own SQL format for ``kode, nama, lat, lng, geometry`` rows (rings [lat, lng])."""

    def ring(r) -> list:
        return [[y, x] for x, y in r.coords]

    def path(geom) -> list:
        if geom.geom_type == "Polygon":
            return [ring(geom.exterior), *[ring(i) for i in geom.interiors]]
        return [path(p) for p in geom.geoms]

    rows = []
    for row in frame.itertuples():
        geom = row.geometry
        if geom.geom_type == "GeometryCollection":
            geom = shapely.union_all([p for p in geom.geoms if p.geom_type in ("Polygon", "MultiPolygon")])
        rows.append(
            f"\t('{row.kode}','{row.nama.replace(chr(39), chr(39) * 2)}',{row.lat},{row.lng},"
            f"'{json.dumps(path(geom), separators=(',', ':'))}')"
        )
    head = f"DELETE FROM wilayah_boundaries WHERE kode LIKE '{regency}.%' AND LENGTH(kode)=13;\n"
    chunks = [rows[i : i + 10] for i in range(0, len(rows), 10)]
    body = "".join(
        "INSERT INTO wilayah_boundaries(kode,nama,lat,lng,path) VALUES\n" + ",\n".join(c) + ";\n"
        for c in chunks
    )
    return f"/*\nfilename  : db/kel/{regency[:2]}/wilayah_boundaries_kel_{regency}.sql\n*/\n{head}{body}"


class Archive:
    """A temp directory in the archive layout served over http on 127.0.0.1, counting requests."""

    def __init__(self, root: Path):
        self.root = root
        self.requests: list[str] = []
        archive = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(root), **kwargs)

            def do_GET(self):  # noqa: N802 (http.server API)
                archive.requests.append(self.path)
                super().do_GET()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/wilayah_boundaries/main"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def add(self, regency: str, text: str | bytes) -> None:
        path = self.root / "wilayah_boundaries" / "main" / "db" / "kel" / regency[:2]
        path.mkdir(parents=True, exist_ok=True)
        data = text.encode() if isinstance(text, str) else text
        (path / f"wilayah_boundaries_kel_{regency}.sql").write_bytes(data)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture()
def archive(tmp_path, shared_data):
    served = Archive(tmp_path / "www")
    for regency in ("36.04", "35.10"):
        served.add(
            regency,
            (shared_data / "boundaries" / "raw" / f"wilayah_boundaries_kel_{regency}.sql").read_bytes(),
        )
    yield served
    served.close()


@pytest.fixture()
def env(tmp_path, monkeypatch, store_dir):
    monkeypatch.setenv("ATLAS_CACHE_DIR", str(tmp_path / "cache"))
    return store_dir


def tree_digest(root: Path) -> dict[str, str]:
    """Hash of every file and link under ``root``: equal digests mean a byte-identical store."""
    out = {}
    if not root.exists():
        return out
    for path in sorted(root.rglob("*")):
        rel = str(path.relative_to(root))
        if path.is_symlink():
            out[rel] = "->" + str(path.readlink())
        elif path.is_file():
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def test_fetch_two_regencies_then_rerun_downloads_nothing(archive, env, capsys):
    assert main(["--lang", "en", "fetch", "--regency", "36.04", "35.10", "--source-url", archive.url]) == 0
    out = capsys.readouterr().out
    assert "2 files downloaded" in out and "MIT" in out
    assert sorted(archive.requests) == [
        "/wilayah_boundaries/main/db/kel/35/wilayah_boundaries_kel_35.10.sql",
        "/wilayah_boundaries/main/db/kel/36/wilayah_boundaries_kel_36.04.sql",
    ]
    store = Store(env)
    assert store.provinces() == ["35", "36"]
    village = store.read_areas(Level.VILLAGE, "36.04")
    assert len(village) == len(areas(Level.VILLAGE, "36.04"))
    assert village["has_polygon"].sum() == 326
    assert village.set_index("code").at["36.04.13.2007", "name"] == "Lontar"
    assert store.read_areas(Level.VILLAGE, "35.10")["has_polygon"].sum() == 217
    assert store.read_areas(Level.REGENCY, "36")["code"].tolist() == ["36.04"]
    # Every display file exists and is readable.
    assert len(store.read_areas(Level.VILLAGE, "36", display="province")) == 326

    assert main(["--lang", "en", "status", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)["provinces"]
    banten = len(areas(Level.VILLAGE, "36"))
    assert info["36"]["villages"] == banten and info["36"]["without_polygon"] == banten - 326
    assert info["35"]["villages"] - info["35"]["without_polygon"] == 217
    assert info["36"]["source"] == archive.url and info["36"]["imported_at"]
    meta = store.province_meta("36")
    assert len(meta["villages_without_polygon"]) == banten - 326
    digest = hashlib.sha256(
        (archive.root / "wilayah_boundaries/main/db/kel/36/wilayah_boundaries_kel_36.04.sql").read_bytes()
    ).hexdigest()
    assert meta["sources"][-1]["files"][0]["sha256"] == digest

    archive.requests.clear()
    assert main(["--lang", "en", "fetch", "--regency", "36.04", "35.10", "--source-url", archive.url]) == 0
    assert archive.requests == []
    assert "0 files downloaded, 2 from the cache" in capsys.readouterr().out


def test_corrupt_cache_is_downloaded_again(archive, env, tmp_path):
    fetch(Store(env), regencies=["36.04"], source_url=archive.url)
    cached = next((tmp_path / "cache").rglob("wilayah_boundaries_kel_36.04.sql"))
    cached.write_bytes(cached.read_bytes()[:1000])  # truncated by a crash, say
    archive.requests.clear()
    fetch(Store(env), regencies=["36.04"], source_url=archive.url)
    assert len(archive.requests) == 1


def test_offline_fetch_fails_cleanly_and_changes_nothing(archive, env, capsys):
    assert main(["--lang", "en", "fetch", "--regency", "36.04", "--source-url", archive.url]) == 0
    before = tree_digest(env)
    archive.close()
    capsys.readouterr()
    # 35.10 is not cached and the server is gone.
    assert main(["--lang", "en", "fetch", "--regency", "35.10", "--source-url", archive.url]) == 1
    err = capsys.readouterr().err
    assert f"{archive.url}/db/kel/35/wilayah_boundaries_kel_35.10.sql" in err
    assert "python -m loaders.boundaries import FILE" in err
    assert tree_digest(env) == before


def test_missing_regencies_are_reported_and_all_missing_fails(archive, env, capsys):
    result = fetch(Store(env), regencies=["36.04", "36.01"], source_url=archive.url)
    assert result.missing == ["36.01"]
    assert Store(env).read_areas(Level.VILLAGE, "36")["has_polygon"].sum() == 326
    before = tree_digest(env)
    assert main(["--lang", "en", "fetch", "--regency", "36.02", "36.03", "--source-url", archive.url]) == 1
    assert "36.02, 36.03" in capsys.readouterr().err
    assert tree_digest(env) == before


def test_an_html_error_page_instead_of_sql_is_refused(archive, env, capsys):
    archive.add("36.01", "<html><body>rate limited</body></html>")
    assert main(["--lang", "en", "fetch", "--regency", "36.01", "--source-url", archive.url]) == 1
    assert "not an archive file" in capsys.readouterr().err
    assert not env.exists() or Store(env).provinces() == []


def test_fetch_province_merges_with_what_the_store_holds(archive, env, shared_data):
    """--province fetches every regency of the gazetteer; a later --regency fetch replaces one."""
    desa = gpd.read_parquet(shared_data / "boundaries" / "desa" / "desa_36.parquet")
    regencies = areas(Level.REGENCY, "36")["code"].tolist()
    for regency in regencies:
        if regency != "36.04":
            archive.add(regency, write_archive_sql(desa[desa["kode"].str.startswith(regency + ".")], regency))
    progress = []
    result = fetch(Store(env), province="36", source_url=archive.url, progress=lambda *a: progress.append(a))
    assert result.missing == []
    assert [p[0] for p in progress] == list(range(len(regencies) + 1))
    assert {p[1] for p in progress} == {len(regencies)}
    store = Store(env)
    village = store.read_areas(Level.VILLAGE, "36")
    assert set(village.loc[village["has_polygon"], "code"]) == set(desa["kode"])
    assert store.read_areas(Level.REGENCY, "36")["code"].tolist() == regencies
    assert store.province_meta("36")["coverage_valid"] is True

    # The server now serves a smaller Kab. Serang: a regency fetch replaces only its villages.
    serang = desa[desa["kode"].str.startswith("36.04.")]
    archive.add("36.04", write_archive_sql(serang.iloc[:100], "36.04"))
    shutil.rmtree(Path(env).parent / "cache")
    fetch(store, regencies=["36.04"], source_url=archive.url)
    village = store.read_areas(Level.VILLAGE, "36")
    held = set(village.loc[village["has_polygon"], "code"])
    assert held == set(desa["kode"]) - set(serang["kode"].iloc[100:])


def test_fetch_from_a_local_mirror_folder(archive, env):
    """A copy of the archive on disk works as --source-url file:///..., missing files reported."""
    mirror = (archive.root / "wilayah_boundaries" / "main").as_uri()
    result = fetch(Store(env), regencies=["36.04", "36.01"], source_url=mirror)
    assert result.missing == ["36.01"] and result.downloaded == 1
    assert archive.requests == []
    assert Store(env).read_areas(Level.VILLAGE, "36.04")["has_polygon"].sum() == 326
