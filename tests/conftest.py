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


# Browser tests (tests/browser): one conftest only, since pytest's --doctest-modules collects every
# conftest.py as a module named `conftest` and two of them clash on a clean clone.
@pytest.fixture(scope="session")
def view_store(shared_data, tmp_path_factory):
    """NTB (52) and Banten (36), real boundaries and generated layers (``view_harness``)."""
    from tests.browser.view_harness import build_view_store

    return build_view_store(tmp_path_factory.mktemp("view") / "store", shared_data)


@pytest.fixture(scope="module")
def view_app(view_store):
    """The app on :func:`view_store` (its URL); skips where Chromium's tools are missing."""
    pytest.importorskip("playwright.sync_api")
    from loaders.settings import DEMO_DIR
    from loaders.store import Store
    from tests.browser.harness import LEAFLET, running_app

    if not LEAFLET.exists():
        pytest.skip("Leaflet is not installed in static/vendor (run scripts/setup.sh)")
    if not Store(DEMO_DIR).provinces():
        pytest.skip("the demo pack is not built (python -m loaders.demo build)")
    with running_app(view_store.root, timeout=120) as url:
        yield url


@pytest.fixture(scope="module")
def chrome():
    pytest.importorskip("playwright.sync_api")
    from tests.browser.harness import chromium

    with chromium() as launched:
        yield launched
