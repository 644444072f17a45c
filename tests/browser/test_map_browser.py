"""The area map on real Banten boundaries in headless Chromium: polygons drawn, click drills down.

Uses the session's Banten store (real boundaries through the project's own writer). Screenshots
go to ``artifacts/``.
"""

from __future__ import annotations

import re

import pytest

from geo.codes import Level
from tests.browser.harness import (
    CHROMIUM,
    LEAFLET,
    ROOT,
    chromium,
    click_area,
    running_app,
    settle,
    wait_for_areas,
)

ARTIFACTS = ROOT / "artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="headless Chromium not installed at /usr/bin/chromium"),
]


@pytest.fixture(scope="module")
def page(export_store):
    pytest.importorskip("playwright.sync_api")
    if not LEAFLET.exists():
        pytest.skip("Leaflet is not installed in static/vendor (run scripts/setup.sh)")
    with running_app(export_store.root) as url, chromium() as browser:
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        page.goto(url + "/?data=store")  # a first visit registers the pages
        page.wait_for_selector("h1", timeout=120_000)
        settle(page)
        page.goto(url + "/peta?data=store")
        page.wait_for_selector("h1", timeout=120_000)
        yield page
        page.close()


def _no_error(page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0


def test_banten_regencies_are_drawn_and_a_click_drills_down(page, export_store):
    lebak_districts = len(export_store.read_attributes(Level.DISTRICT, "36.02"))
    ARTIFACTS.mkdir(exist_ok=True)
    assert wait_for_areas(page, exactly=8) == 8  # Banten: 4 kabupaten, 4 kota
    settle(page)
    page.screenshot(path=str(ARTIFACTS / "peta-banten.png"))
    _no_error(page)
    assert page.locator("h1").first.inner_text().strip() == "Peta Wilayah"
    legend = page.frame_locator("iframe").first.locator(".atlas-legend")
    assert "Jumlah desa/kelurahan" in legend.inner_text()

    # a user clicks Kabupaten Lebak (36.02), the largest regency: the map drills into it
    assert click_area(page, "36.02"), "Kabupaten Lebak is not drawn"
    page.wait_for_url(re.compile(r"area=36\.\d\d"), timeout=60_000)
    regency = re.search(r"area=(36\.\d\d)", page.url).group(1)
    assert regency == "36.02"
    districts = wait_for_areas(page, exactly=lebak_districts)
    settle(page)
    _no_error(page)
    assert districts == lebak_districts, "Lebak's districts were not drawn after the click"
    page.screenshot(path=str(ARTIFACTS / f"peta-{regency}.png"))


def test_every_banten_village_is_drawn_at_village_level(page):
    page.goto(page.url.split("/peta")[0] + "/peta?data=store&area=36")
    page.wait_for_selector("h1", timeout=120_000)
    settle(page)
    level = page.locator('[data-testid="stSelectbox"]').filter(has_text="Tampilkan tingkat")
    level.click()
    page.get_by_role("option", name="Desa/Kelurahan").click()
    assert wait_for_areas(page, exactly=1552, timeout=60) == 1552
    settle(page)
    _no_error(page)
    page.screenshot(path=str(ARTIFACTS / "peta-banten-desa.png"))
