"""The store's one interface, on both backends: embedded GeoParquet files and PostgreSQL + PostGIS.

Every test here runs twice (``backend`` parameter); the PostGIS runs use a real server started
from Debian's packages (``tests/pg_server.py``), a fresh database per test. Real boundaries
(Kota Cilegon and part of Kabupaten Serang, from ../shared/data) go through the project's own
writer (``write_boundaries``), so both backends hold exactly what an import writes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from geopandas.testing import assert_geodataframe_equal
from pandas.testing import assert_frame_equal

from geo.boundaries import repair_geometry
from geo.codes import Level
from loaders.boundaries import write_boundaries
from loaders.store import Store, StoreError, open_store
from loaders.store.files import FileStore
from loaders.store.postgis import PostgisStore

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(params=["files", "postgis"])
def backend(request) -> str:
    return request.param


@pytest.fixture()
def store(backend, tmp_path, request) -> Store:
    """An empty store of the backend under test."""
    if backend == "files":
        return Store(tmp_path / "store")
    return Store(request.getfixturevalue("pg_url"))


@pytest.fixture(scope="module")
def villages(shared_data) -> gpd.GeoDataFrame:
    """Kota Cilegon (36.72) and two districts of Kabupaten Serang, repaired as an import does."""
    desa = gpd.read_parquet(
        shared_data / "boundaries" / "desa" / "desa_36.parquet", columns=["kode", "geometry"]
    )
    desa = desa[desa["kode"].str.startswith(("36.72.", "36.04.13.", "36.04.14."))]
    geometry, _ = repair_geometry(desa.geometry.values)
    return gpd.GeoDataFrame({"code": desa["kode"].to_numpy()}, geometry=geometry, crs=4326)


@pytest.fixture(scope="module")
def reference(villages, tmp_path_factory) -> Store:
    """The same boundaries in an embedded store: what every backend must return."""
    held = Store(tmp_path_factory.mktemp("reference") / "store")
    write_boundaries(held, "36", villages, source={"source": "test"})
    return held


def layer_frame(n: int = 5, start: int = 0) -> pd.DataFrame:
    """A placements-like frame with the dtypes the importer stores (nullable ints, strings, dates)."""
    return pd.DataFrame(
        {
            "village": pd.array([f"36.72.01.{1001 + start + i}" for i in range(n)], dtype="string"),
            "year": pd.array([2021 + (start + i) % 3 for i in range(n)], dtype="int16"),
            "month": pd.array([None if i == 1 else 1 + i % 12 for i in range(n)], dtype="Int8"),
            "gender": pd.array(["P", None, "L", "P", "L"][:n] + ["P"] * max(0, n - 5), dtype="string"),
            "count": pd.array([3 + i for i in range(n)], dtype="int64"),
            "share": [0.1 + i / 3 for i in range(n)],
            "when": pd.to_datetime([f"2024-03-{10 + i % 15:02d}" for i in range(n)]),
            "active": [bool(i % 2) for i in range(n)],
        }
    )


# --------------------------------------------------------------------------- opening
def test_the_setting_chooses_the_backend(monkeypatch, tmp_path):
    monkeypatch.setenv("ATLAS_DATA_DIR", str(tmp_path / "s"))
    monkeypatch.delenv("ATLAS_DATABASE_URL", raising=False)
    assert isinstance(open_store(), FileStore) and open_store().key == str(tmp_path / "s")
    monkeypatch.setenv("ATLAS_DATABASE_URL", "postgresql://atlas:secret@db.example:5432/atlas")
    held = open_store()
    assert isinstance(held, PostgisStore)
    assert Store(held.key).key == held.key  # a cache key reopens the same store
    assert "secret" not in held.label and "db.example:5432/atlas" in held.label


def test_an_unreachable_database_is_a_clear_store_error():
    held = Store("postgresql://nobody@127.0.0.1:9/none?connect_timeout=1")
    with pytest.raises(StoreError, match="cannot reach the database at postgresql://nobody@127.0.0.1:9"):
        held.provinces()


# --------------------------------------------------------------------------- empty
def test_an_empty_store_reads_as_empty(store):
    assert store.provinces() == [] and store.layers() == [] and store.import_log() == []
    areas = store.read_areas(Level.VILLAGE)
    assert areas.empty and {"code", "name", "geometry"} <= set(areas.columns)
    assert store.read_attributes(Level.DISTRICT, "36.72").empty
    assert store.layer_meta("placements") == {"layer": "placements", "versions": []}
    assert store.read_layer("placements").empty
    with pytest.raises(StoreError, match="no boundaries for province 36"):
        store.province_meta("36")


# --------------------------------------------------------------------------- boundaries
READS = [
    (Level.VILLAGE, None, None, None),
    (Level.VILLAGE, "36.72", None, None),
    (Level.VILLAGE, "36.04.13", None, ["code", "geometry"]),
    (Level.VILLAGE, "36.72", "regency", None),
    (Level.DISTRICT, "36", "province", None),
    (Level.DISTRICT, "36.72.01", None, None),  # the area itself
    (Level.REGENCY, None, "province", ["code", "name", "geometry"]),
    (Level.PROVINCE, None, None, None),
]


def test_boundaries_read_back_as_the_reference_holds_them(store, villages, reference):
    write_boundaries(store, "36", villages, source={"source": "test"})
    assert store.provinces() == ["36"]
    assert store.province_meta("36")["villages"] == reference.province_meta("36")["villages"]
    for level, parent, display, columns in READS:
        got = store.read_areas(level, parent, display=display, columns=columns)
        want = reference.read_areas(level, parent, display=display, columns=columns)
        assert len(want), (level, parent, display)
        assert_geodataframe_equal(got, want, check_less_precise=False)
    for level, parent in [(Level.VILLAGE, None), (Level.VILLAGE, "36.72.01"), (Level.DISTRICT, "36.04")]:
        columns = ["code", "name", "district_name", "has_polygon"] if level == Level.VILLAGE else None
        assert_frame_equal(
            store.read_attributes(level, parent, columns), reference.read_attributes(level, parent, columns)
        )
    # columns without the code, inside a parent (the filter still needs the code)
    assert_frame_equal(
        store.read_attributes(Level.VILLAGE, "36.72", ["has_polygon"]),
        reference.read_attributes(Level.VILLAGE, "36.72", ["has_polygon"]),
    )
    assert list(store.read_attributes(Level.VILLAGE, "36.72", ["has_polygon"]).columns) == ["has_polygon"]
    got_areas, got_display = store.province_tables("36")
    want_areas, want_display = reference.province_tables("36")
    assert sorted(got_areas) == sorted(want_areas) and sorted(got_display) == sorted(want_display)
    for key, frame in want_display.items():
        assert_geodataframe_equal(got_display[key], frame)


def test_kept_levels_stay_as_stored_and_others_are_replaced(store, reference):
    areas, display = reference.province_tables("36")
    store.write_province("36", areas, display, meta={"source": "first"})
    regency = areas[Level.REGENCY].assign(name="Renamed")
    store.write_province(
        "36",
        {**areas, Level.REGENCY: regency, Level.VILLAGE: areas[Level.VILLAGE].iloc[:0]},
        display,
        meta={"source": "second"},
        keep=(Level.VILLAGE, Level.DISTRICT),
    )
    assert_geodataframe_equal(store.read_areas(Level.VILLAGE), areas[Level.VILLAGE])
    assert (store.read_areas(Level.REGENCY)["name"] == "Renamed").all()
    assert store.province_meta("36")["source"] == "second"
    with pytest.raises(StoreError, match="no village areas to keep"):
        Store(store.key).write_province("35", areas, meta={}, keep=(Level.VILLAGE,))
    assert store.provinces() == ["36"]


def test_a_failed_province_write_leaves_everything_as_it_was(store, reference):
    areas, display = reference.province_tables("36")
    store.write_province("36", areas, display, meta={"source": "good"})
    before, version = store.read_areas(Level.VILLAGE), store.version()
    broken = areas[Level.DISTRICT].assign(name=[object() for _ in range(len(areas[Level.DISTRICT]))])
    with pytest.raises((TypeError, ValueError, Exception)):  # noqa: B017 - each backend fails its own way
        store.write_province(
            "36", {Level.VILLAGE: areas[Level.VILLAGE].iloc[:3], Level.DISTRICT: broken}, meta={}
        )
    assert store.version() == version
    assert store.province_meta("36")["source"] == "good"
    assert_geodataframe_equal(store.read_areas(Level.VILLAGE), before)
    assert len(store.read_areas(Level.DISTRICT)) == len(areas[Level.DISTRICT])


def test_village_packs_are_stored_with_the_province_and_kept_with_the_villages(store, reference):
    areas, display = reference.province_tables("36")
    store.write_province("36", areas, display, meta={}, packs={"national": b'{"n": 1}', "province": b"{}"})
    assert store.read_pack("36", "national") == b'{"n": 1}' and store.read_pack("36", "regency") is None
    assert store.packs("36") == {"national": b'{"n": 1}', "province": b"{}"}
    store.write_province("36", areas, display, meta={}, keep=(Level.VILLAGE,))  # a level file import
    assert store.read_pack("36", "national") == b'{"n": 1}'
    store.write_packs("36", {"national": b'{"n": 2}'}, {"national": display[(Level.VILLAGE, "national")]})
    assert store.read_pack("36", "national") == b'{"n": 2}' and store.read_pack("36", "province") == b"{}"
    store.write_province("36", areas, display, meta={})  # new villages, no packs: none left
    assert store.packs("36") == {}


def test_deleting_a_province(store, reference):
    areas, display = reference.province_tables("36")
    store.write_province("36", areas, display, meta={})
    store.delete_province("36")
    assert store.provinces() == [] and store.read_areas(Level.VILLAGE).empty


# --------------------------------------------------------------------------- layers
def test_layer_versions_round_trip_with_their_dtypes(store):
    first = store.write_layer_version(
        "placements", layer_frame(5), {"source": "a.xlsx", "rows": 5}, replace=False
    )
    second = store.write_layer_version(
        "placements", layer_frame(3, 5), {"source": "b.csv", "rows": 3}, replace=False
    )
    assert (first, second) == (1, 2)
    assert store.layers() == ["placements"]
    meta = store.layer_meta("placements")
    assert [v["id"] for v in meta["versions"]] == [1, 2] and meta["versions"][1]["source"] == "b.csv"
    both = store.read_layer("placements")
    want = pd.concat(
        [layer_frame(5).assign(version=1), layer_frame(3, 5).assign(version=2)], ignore_index=True
    )
    assert_frame_equal(both, want)
    assert_frame_equal(store.read_layer("placements", 2), layer_frame(3, 5).assign(version=2))
    assert_frame_equal(store.layer_versions("placements")[1], layer_frame(5))


def test_replace_drops_every_earlier_version_and_scoped_replace_only_its_rows(store):
    store.write_layer_version("reports", layer_frame(5), {"source": "a"}, replace=False)
    store.write_layer_version("reports", layer_frame(2, 10), {"source": "b"}, replace=False)
    new = store.write_layer_version(
        "reports",
        layer_frame(1, 20),
        {"source": "c"},
        replace=True,
        drop_rows=lambda old: old["year"] == 2021,
    )
    assert new == 3
    versions = store.layer_meta("reports")["versions"]
    # version 1 lost its two 2021 rows; version 2 held no 2021 row and is kept as it was
    assert [(v["id"], v.get("rows_replaced", 0)) for v in versions] == [(1, 2), (2, 0), (3, 0)]
    assert (store.read_layer("reports", 1)["year"] != 2021).all() and len(store.read_layer("reports", 1)) == 3
    assert store.write_layer_version("reports", layer_frame(2), {"source": "d"}, replace=True) == 4
    assert [v["id"] for v in store.layer_meta("reports")["versions"]] == [4]


def test_a_failed_layer_write_leaves_everything_as_it_was(store):
    store.write_layer_version("reports", layer_frame(5), {"source": "a"}, replace=False)
    version, rows = store.version(), store.read_layer("reports")

    def fail(old):
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError, match="interrupted"):
        store.write_layer_version("reports", layer_frame(2), {"source": "b"}, replace=True, drop_rows=fail)
    bad = layer_frame(2).assign(village=[object(), object()])
    with pytest.raises(Exception):  # noqa: B017 - pyarrow or json refuses an object
        store.write_layer_version("reports", bad, {"source": "c"}, replace=True)
    assert store.version() == version
    assert_frame_equal(store.read_layer("reports"), rows)


def test_deleting_versions(store):
    store.write_layer_version("programmes", layer_frame(2), {"source": "a"}, replace=False)
    store.write_layer_version("programmes", layer_frame(2, 2), {"source": "b"}, replace=False)
    store.delete_layer_version("programmes", 1)
    assert [v["id"] for v in store.layer_meta("programmes")["versions"]] == [2]
    with pytest.raises(StoreError, match="programmes has no version 7"):
        store.delete_layer_version("programmes", 7)
    store.delete_layer_version("programmes", 2)
    assert store.layers() == []


# --------------------------------------------------------------------------- version, log
def test_the_version_changes_with_every_write_and_only_then(store, reference):
    seen = [store.version()]
    assert store.version() == seen[0]
    areas, display = reference.province_tables("36")
    store.write_province("36", areas, display, meta={})
    seen.append(store.version())
    store.read_areas(Level.VILLAGE)
    assert store.version() == seen[-1]
    store.write_layer_version("reports", layer_frame(2), {}, replace=False)
    seen.append(store.version())
    store.delete_layer_version("reports", 1)
    seen.append(store.version())
    assert all(a != b for a, b in zip(seen, seen[1:], strict=False))
    assert Store(store.key).version() == seen[-1]  # another handle (or process) sees the same


def test_a_write_by_another_process_is_seen_once_the_version_is_no_longer_fresh(pg_url):
    """A page's reads ask for the data version many times per rerun: the PostGIS store trusts the
    one it read for VERSION_FRESH_S, then asks again (another app server's import shows)."""
    import time

    import psycopg

    from loaders.store import postgis

    held = Store(pg_url)
    read_at = time.monotonic()
    before = held.version()
    with psycopg.connect(pg_url, autocommit=True) as other:  # as another app server's import does
        other.execute("UPDATE atlas.state SET version = version + 1 WHERE id = 1")
    if (
        time.monotonic() - read_at < postgis.VERSION_FRESH_S * 0.8
    ):  # (a slow machine may not get here in time)
        assert held.version() == before  # still fresh: no round trip
    time.sleep(postgis.VERSION_FRESH_S + 0.05)
    assert held.version() != before


def test_the_import_log_is_append_only(store):
    store.log_import({"file": "a.xlsx", "layer": "placements"})
    store.log_import({"file": "b.csv", "at": "2024-01-01T00:00:00+00:00"})
    log = store.import_log()
    assert [e["file"] for e in log] == ["a.xlsx", "b.csv"]
    assert log[0]["at"] and log[1]["at"] == "2024-01-01T00:00:00+00:00"


# --------------------------------------------------------------------------- copies
def test_copy_from_an_embedded_store_holds_the_same(store, reference, tmp_path):
    source = reference.snapshot(tmp_path / "source")
    source.write_layer_version("placements", layer_frame(4), {"source": "a"}, replace=False)
    source.write_layer_version("placements", layer_frame(2, 4), {"source": "b"}, replace=False)
    source.delete_layer_version("placements", 1)
    source.log_import({"file": "a"})
    copied = store.copy_from(source)
    assert copied == {"provinces": ["36"], "layers": {"placements": 1}, "log_entries": 1}
    assert store.layer_meta("placements") == source.layer_meta("placements")
    assert_frame_equal(store.read_layer("placements"), source.read_layer("placements"))
    assert_geodataframe_equal(
        store.read_areas(Level.DISTRICT, display="province"),
        source.read_areas(Level.DISTRICT, display="province"),
    )
    assert store.province_meta("36") == source.province_meta("36")
    assert store.copy_from(source)["log_entries"] == 0  # again: the log is not doubled
    assert len(store.import_log()) == 1


def test_a_snapshot_of_the_embedded_store_leaves_the_original_as_it_was(reference, tmp_path):
    """The benchmark imports into a hard-linked snapshot; the original's log does not grow."""
    source = reference.snapshot(tmp_path / "a")
    source.log_import({"file": "desa_36.parquet"})
    copy = source.snapshot(tmp_path / "b")
    copy.log_import({"file": "penempatan.csv"})
    copy.write_layer_version("placements", layer_frame(2), {}, replace=False)
    assert [e["file"] for e in source.import_log()] == ["desa_36.parquet"]
    assert source.layers() == [] and copy.layers() == ["placements"]
    assert_geodataframe_equal(copy.read_areas(Level.VILLAGE), source.read_areas(Level.VILLAGE))


def test_migrate_command_creates_the_schema_and_copies_the_store(pg_url, reference, tmp_path):
    source = reference.snapshot(tmp_path / "source")
    source.write_layer_version("reports", layer_frame(3), {"source": "r.csv"}, replace=False)
    env = {
        **os.environ,
        "ATLAS_DATA_DIR": str(source.root),
        "ATLAS_DATABASE_URL": pg_url,
        "ATLAS_LANGUAGE": "en",
    }
    done = subprocess.run(
        [sys.executable, "-m", "loaders.store", "migrate"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["provinces"] == ["36"] and report["layers"] == {"reports": 1}
    held = Store(pg_url)
    assert_frame_equal(held.read_layer("reports"), source.read_layer("reports"))
    assert len(held.read_areas(Level.VILLAGE)) == len(source.read_areas(Level.VILLAGE))
    # Without a database to migrate to, the command says what is missing.
    env.pop("ATLAS_DATABASE_URL")
    done = subprocess.run(
        [sys.executable, "-m", "loaders.store", "migrate"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 2 and "ATLAS_DATABASE_URL" in done.stderr
