"""Fixtures of the browser tests of issue 27: the store of real NTB and Banten boundaries and the
app on it (the demo is the same app with ``?data=demo``)."""

from __future__ import annotations

import pytest

from loaders.settings import DEMO_DIR
from loaders.store import Store
from tests.browser.harness import LEAFLET, chromium, running_app


@pytest.fixture(scope="session")
def view_store(shared_data, tmp_path_factory):
    """NTB (52) and Banten (36), real boundaries and generated layers (``view_harness``)."""
    from tests.browser.view_harness import build_view_store

    return build_view_store(tmp_path_factory.mktemp("view") / "store", shared_data)


@pytest.fixture(scope="module")
def view_app(view_store):
    """The app on :func:`view_store` (its URL); skips where Chromium's tools are missing."""
    pytest.importorskip("playwright.sync_api")
    if not LEAFLET.exists():
        pytest.skip("Leaflet is not installed in static/vendor (run scripts/setup.sh)")
    if not Store(DEMO_DIR).provinces():
        pytest.skip("the demo pack is not built (python -m loaders.demo build)")
    with running_app(view_store.root, timeout=120) as url:
        yield url


@pytest.fixture(scope="module")
def chrome():
    pytest.importorskip("playwright.sync_api")
    with chromium() as launched:
        yield launched
