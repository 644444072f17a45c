"""A copied link opens its page directly, even as the first request after the server starts.

Streamlit runs its legacy ``pages/`` folder navigation on the first script run of a process
when the app has such a folder; a link to a page then showed "Page not found" (in English).
"""

from __future__ import annotations

import pytest

from loaders.settings import DEMO_DIR
from loaders.store import Store
from tests.browser.harness import CHROMIUM, LEAFLET, chromium, running_app, settle, wait_for_areas

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="headless Chromium not installed at /usr/bin/chromium"),
]


def test_a_link_to_a_page_is_the_first_request_of_a_new_server(tmp_path):
    pytest.importorskip("playwright.sync_api")
    if not LEAFLET.exists():
        pytest.skip("Leaflet is not installed in static/vendor (run scripts/setup.sh)")
    if not Store(DEMO_DIR).provinces():
        pytest.skip("the demo pack is not built (python -m loaders.demo build)")
    with running_app(tmp_path / "empty-store") as url, chromium() as browser:
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        page.goto(url + "/laporan?data=demo")
        page.wait_for_selector("h1", timeout=120_000)
        assert wait_for_areas(page) > 0
        settle(page)
        body = page.locator("body").inner_text()
        assert "Page not found" not in body and "does not seem to exist" not in body
        assert page.locator("h1").first.inner_text().strip() == "Laporan Non-Prosedural"
        assert page.get_by_text("Bahasa", exact=True).count() == 1  # the app's own sidebar is there
