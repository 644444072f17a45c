"""Every dashboard page in headless Chromium at 1366×768 on the demo pack: no error, the map drawn.

Starts the app on its own port and saves a screenshot of each page under ``artifacts/``.
Skipped with a reason when Chromium, Leaflet or the demo pack is missing.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from loaders.settings import DEMO_DIR
from loaders.store import Store
from tests.browser.harness import CHROMIUM, LEAFLET, chromium, drawn_areas, running_app

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
PAGES = {
    "": "Ringkasan",
    "penempatan": "Penempatan",
    "cakupan": "Cakupan Komunitas",
    "usaha-purna": "Usaha Purna",
    "laporan": "Laporan Non-Prosedural",
    "perencanaan": "Perencanaan",
    "peta": "Peta Wilayah",
}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="headless Chromium not installed at /usr/bin/chromium"),
]


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    if not LEAFLET.exists():
        pytest.skip("Leaflet is not installed in static/vendor (run scripts/setup.sh)")
    if not Store(DEMO_DIR).provinces():
        pytest.skip("the demo pack is not built (python -m loaders.demo build)")
    with running_app(tmp_path_factory.mktemp("empty-store")) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    pytest.importorskip("playwright.sync_api")
    with chromium() as launched:
        yield launched


def _settle(page) -> None:
    """Wait until Streamlit has finished running the script (the status widget is gone)."""
    time.sleep(2)
    for _ in range(120):
        if not page.query_selector('[data-testid="stStatusWidget"]'):
            return
        time.sleep(0.5)


def _polygons(page) -> int:
    """Areas drawn on the page's maps (canvas polygons, counted through Leaflet)."""
    return drawn_areas(page)


@pytest.mark.parametrize("path", list(PAGES))
def test_page_in_the_browser(path, app_url, browser):
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto(app_url + "/?data=demo")
    page.wait_for_selector('[data-testid="stAppViewContainer"]', timeout=120_000)
    page.goto(f"{app_url}/{path}?data=demo")
    page.wait_for_selector("h1", timeout=120_000)
    _settle(page)
    for _ in range(60):
        if _polygons(page):
            break
        time.sleep(0.5)
    page.screenshot(path=str(ARTIFACTS / f"dashboard-{path or 'ringkasan'}.png"))
    assert page.locator("h1").first.inner_text().strip() == PAGES[path]
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0
    assert "Traceback" not in page.content()
    assert _polygons(page) > 0, "no polygon drawn on the map"
    page.close()
