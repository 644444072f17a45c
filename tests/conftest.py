"""Shared fixtures: the real reference data in ../shared/data, read in place, and temp stores."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"
BOUNDARIES = SHARED_DATA / "boundaries"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data`` (real boundaries); the test is skipped when it is absent."""
    if not BOUNDARIES.is_dir():
        pytest.skip(f"real reference data not found at {SHARED_DATA} (../shared is absent on this machine)")
    return SHARED_DATA


@pytest.fixture()
def store_dir(tmp_path, monkeypatch) -> Path:
    """An empty store directory, also set as ATLAS_DATA_DIR for the test."""
    path = tmp_path / "store"
    monkeypatch.setenv("ATLAS_DATA_DIR", str(path))
    return path


@pytest.fixture(scope="session")
def export_store(shared_data, tmp_path_factory):
    """Real Banten boundaries (through the boundary writer) with generated layers, built once."""
    from export_data import build_store

    return build_store(tmp_path_factory.mktemp("export") / "store", shared_data)


@pytest.fixture(scope="session")
def national_export_store(shared_data, tmp_path_factory):
    """DI Yogyakarta (34) and Banten (36) imported from the real files, with generated layers."""
    from export_data import build_national_store

    return build_national_store(tmp_path_factory.mktemp("national-export") / "store", shared_data)


@pytest.fixture(scope="session")
def journey_store(shared_data, tmp_path_factory):
    """Real Cilacap and Banyumas boundaries with every layer imported from files, returns included
    (tests/journey_data.py): ``(store, what the files held)``."""
    from journey_data import build_journey_store

    root = tmp_path_factory.mktemp("journey")
    return build_journey_store(root / "store", shared_data, root / "files")


@pytest.fixture(scope="session")
def pg_server():
    """A PostgreSQL + PostGIS server for the whole session (``tests/pg_server.py``), stopped after."""
    from pg_server import PgServer, missing_reason

    reason = missing_reason()
    if reason:
        pytest.skip(reason)
    server = PgServer().start()
    yield server
    server.stop()


@pytest.fixture()
def pg_url(pg_server) -> str:
    """A fresh, empty database on the session's server (PostGIS installed); dropped after."""
    url = pg_server.database()
    yield url
    pg_server.drop(url)
