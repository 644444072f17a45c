"""Presentation mode in headless Chromium at 1280×720: no sidebar, figure strip, map drawn, offline.

Starts the app on its own port over a store of real Banten boundaries with generated layers and
saves screenshots under ``artifacts/``. Skipped with a reason when Chromium is missing.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.browser.harness import CHROMIUM, LEAFLET, chromium, running_app, wait_for_areas

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="headless Chromium not installed at /usr/bin/chromium"),
]


@pytest.fixture(scope="module")
def app_url(export_store):
    if not LEAFLET.exists():
        pytest.skip("Leaflet is not installed in static/vendor (run scripts/setup.sh)")
    with running_app(export_store.root) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    pytest.importorskip("playwright.sync_api")
    with chromium() as launched:
        yield launched


def _open(browser, url: str):
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    # A first visit lets the app register its pages (Streamlit shows "page not found" otherwise).
    page.goto(url.split("/ekspor")[0] + "/?data=store")
    page.wait_for_selector('[data-testid="stAppViewContainer"]', timeout=120_000)
    page.goto(url)
    return page


def test_presentation_mode_fills_a_projector(app_url, browser):
    page = _open(browser, app_url + "/ekspor?data=store&present=1&area=36&year=2024&layer=placements")
    strip = page.locator('[data-testid="atlas-strip"]')
    strip.wait_for(timeout=120_000)
    # the map is drawn as the map pages draw it (one canvas, area names written on it)
    polygons = wait_for_areas(page, at_least=155, timeout=120)
    time.sleep(1)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "presentation-1280x720.png"))

    assert polygons == 155  # every district of Banten
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert sidebar.count() == 0 or not sidebar.first.is_visible()
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stSelectbox"]:visible').count() == 0  # no controls
    figures = strip.locator(".atlas-fig")
    assert figures.count() == 6
    first = figures.first.bounding_box()
    assert (
        first["y"] < 200
        and strip.locator(".v").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= 30
    )
    box = page.locator("iframe").first.bounding_box()
    assert (
        box["width"] >= 1200 and box["y"] + box["height"] <= 720 + 5
    )  # the map fills the screen, no scrolling
    text = strip.inner_text()
    assert "Penempatan PMI" in text and "Placements" not in text


def test_switch_in_the_export_page(app_url, browser):
    page = _open(browser, app_url + "/ekspor?data=store&area=36.04&year=2024&layer=reports")
    page.get_by_text("Mode presentasi").wait_for(timeout=120_000)
    page.get_by_text("Buat berkas").wait_for(timeout=120_000)
    assert page.locator('[data-testid="stSidebar"]').first.is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "export-page-1280x720.png"))
    page.get_by_text("Mode presentasi").click()
    page.locator('[data-testid="atlas-strip"]').wait_for(timeout=120_000)
    assert "present=1" in page.url
    assert wait_for_areas(page, at_least=300, timeout=120) > 300  # the villages of Kab. Serang
    page.screenshot(path=str(ARTIFACTS / "presentation-serang-1280x720.png"))


def test_build_and_download_the_deck(app_url, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1366, "height": 768}, accept_downloads=True)
    page.goto(app_url + "/?data=store")
    page.wait_for_selector('[data-testid="stAppViewContainer"]', timeout=120_000)
    page.goto(app_url + "/ekspor?data=store&area=36&year=2024&layer=placements")
    page.get_by_text("Buat berkas").click(timeout=120_000)
    button = page.locator("[data-testid=stDownloadButton] button").filter(has_text="Salindia PowerPoint")
    button.wait_for(timeout=180_000)
    page.screenshot(path=str(ARTIFACTS / "export-built-1366x768.png"))
    with page.expect_download() as download:
        button.click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.name == "atlas-pmi_36_placements_2024.pptx"
    from pptx import Presentation

    assert len(Presentation(path).slides) == 8
