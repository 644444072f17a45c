"""The national village view in headless Chromium, on a small real multi-province store.

DI Yogyakarta (34) and Banten (36), imported from ../shared/data through the boundary writer (as
the app imports them, packs included). The map page's level Desa/Kelurahan with the whole
country draws every village; the colours the renderer gives equal the classes computed in
Python, read back through its query API and as pixels of its canvas; a click opens the village
panel; zooming in swaps in the province-zoom packs; a rerun recolours without fetching geometry.
"""

from __future__ import annotations

import time

import numpy as np
import pytest
import shapely

import i18n
from geo import codes as codes_module
from geo import tiles
from tests.browser.harness import CHROMIUM, ROOT, app_with_browser, open_page, settle
from tests.browser.national_harness import national_frame, wait_national

ARTIFACTS = ROOT / "artifacts"
PROVINCES = ("34", "36")
#: The colours of the map page's village types (``ui.dashboard.village_kind_categories``).
KIND_COLOURS = {"desa": "#a6d96a", "kelurahan": "#fdae61", "desa_adat": "#9e9ac8"}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="headless Chromium not installed at /usr/bin/chromium"),
]


@pytest.fixture(scope="module")
def national_store(shared_data, tmp_path_factory):
    from loaders.boundaries import import_file
    from loaders.store import Store

    store = Store(tmp_path_factory.mktemp("national") / "store")
    for province in PROVINCES:
        import_file(store, shared_data / "boundaries" / "desa" / f"desa_{province}.parquet")
    return store


@pytest.fixture(scope="module")
def packs(national_store):
    """The national packs' polygons, in the renderer's order (provinces in store order)."""
    import pandas as pd

    return pd.concat(
        [tiles.decode_pack(national_store.read_pack(p, "national")) for p in national_store.provinces()],
        ignore_index=True,
    )


@pytest.fixture(scope="module")
def app(national_store):
    """The app on the national store and one headless Chromium: ``(url, browser)``."""
    with app_with_browser(national_store.root) as served:
        yield served


@pytest.fixture(scope="module")
def page(app):
    url, browser = app
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.app_url = url
    page.pack_requests = []
    page.on("request", lambda r: ".packs_" in r.url and page.pack_requests.append(r.url))
    yield open_page(browser, url + "/peta?data=store", page=page)
    page.close()


def _choose_villages(page) -> dict:
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text="Tampilkan tingkat")
    box.click()
    page.get_by_role("option", name="Desa/Kelurahan", exact=True).click()
    return wait_national(page, timeout=120)


def test_every_village_of_the_store_is_drawn(page, packs):
    state = _choose_villages(page)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "national_villages.png"), full_page=True)
    assert state and not state["error"], state
    assert state["total"] == len(packs) == 1990
    assert state["drawn"] == state["total"]  # the whole country is in view
    legend = national_frame(page).locator("#legend").inner_text()
    assert "Jenis" in legend and "Kelurahan" in legend  # the legend, in Indonesian
    # the boundary source and licence, as on a province map, not Leaflet's flag
    credit = national_frame(page).locator(".leaflet-control-attribution").inner_text()
    assert i18n.t("map.boundary_source.files", "id") in credit and "🇺🇦" not in credit, credit
    # each province's national pack fetched once
    assert sorted(u.rsplit("/", 1)[1] for u in page.pack_requests) == [
        f"{p}-national.json" for p in PROVINCES
    ]


def _zoom(frame, lon: float, lat: float, zoom: float) -> None:
    frame.evaluate(
        "([lon, lat, z]) => { window.atlasNational.map().setView([lat, lon], z, {animate: false}); }",
        [lon, lat, zoom],
    )


def test_browser_colours_equal_python_classes(page, packs):
    frame = national_frame(page)
    assert frame is not None
    _zoom(frame, 106.15, -6.2, 8.75)  # northern Banten, below the detail zoom: the national copy
    state = wait_national(page, timeout=60)
    assert state["detail"] == 0
    kinds = codes_module.village_kind(packs["code"]).to_numpy()
    circles = shapely.maximum_inscribed_circle(packs.geometry.values)
    centres = shapely.get_point(circles, 0)
    radius = shapely.length(circles)
    rng = np.random.default_rng(13)
    checked = 0
    for i in rng.permutation(len(packs)):
        x, y = frame.evaluate(
            "([lon, lat]) => window.atlasNational.point(lon, lat)",
            [shapely.get_x(centres[i]), shapely.get_y(centres[i])],
        )
        edge = frame.evaluate(
            "([lon, lat]) => window.atlasNational.point(lon, lat)",
            [shapely.get_x(centres[i]) + radius[i], shapely.get_y(centres[i])],
        )
        if not (5 < x < 1000 and 5 < y < 440) or edge[0] - x < 3:  # in view, 3 px from every edge
            continue
        found = frame.evaluate("([x, y]) => window.atlasNational.queryPoint(x, y)", [x, y])
        expected = KIND_COLOURS[kinds[i]]
        assert found["code"] == packs["code"][i]
        assert found["fill"] == expected, (packs["code"][i], kinds[i])
        assert frame.evaluate("([x, y]) => window.atlasNational.pixel(x, y)", [x, y]) == expected
        checked += 1
        if checked == 25:
            break
    assert checked == 25
    # both kinds are among the villages shown (the test would not notice one colour for all)
    assert {"desa", "kelurahan"} <= set(kinds)


def test_zooming_in_draws_the_province_detail(page):
    frame = national_frame(page)
    _zoom(frame, 106.15, -6.05, 10.5)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        deadline_state = wait_national(page, timeout=5)
        if deadline_state and deadline_state["detail"] >= 1:
            break
        time.sleep(0.1)
    assert deadline_state["detail"] >= 1
    assert 0 < deadline_state["drawn"] < deadline_state["total"]
    assert any(u.endswith("36-province.json") for u in page.pack_requests)


def test_a_click_opens_the_village_panel_and_a_rerun_sends_no_geometry(page, packs):
    frame = national_frame(page)
    _zoom(frame, 110.36, -7.8, 11)  # Kota Yogyakarta
    wait_national(page, timeout=60)
    x, y = frame.evaluate("() => window.atlasNational.point(110.365, -7.80)")
    found = frame.evaluate("([x, y]) => window.atlasNational.queryPoint(x, y)", [x, y])
    assert found and found["code"].startswith("34.")
    before = list(page.pack_requests)
    rev = wait_national(page, timeout=10)["drawnRev"]
    frame.locator("#map").click(position={"x": x, "y": y})
    settle(page, 120)
    # the panel opens in a dialog headed by the village's name (is_visible would not wait for it)
    page.get_by_role("dialog").get_by_role("heading", name=found["name"]).first.wait_for(timeout=30_000)
    assert f"village={found['code']}" in page.url
    state = wait_national(page, timeout=60, after_rev=rev)
    assert state["drawnRev"] > rev  # redrawn after the rerun ...
    assert page.pack_requests == before  # ... from the geometry it holds
    page.screenshot(path=str(ARTIFACTS / "national_villages_panel.png"), full_page=True)


def test_without_leaflet_the_national_view_says_why(app):
    """The national map stayed blank, without a word, when the server had no Leaflet."""
    url, browser = app
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.route("**/vendor/leaflet/leaflet.js", lambda route: route.abort())
    page.goto(url + "/peta?data=store", timeout=120_000)
    page.wait_for_selector("h1", timeout=120_000)
    settle(page, 120)
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text="Tampilkan tingkat")
    box.click()
    page.get_by_role("option", name="Desa/Kelurahan", exact=True).click()
    expected = i18n.t("tiles.no_leaflet", "id")
    deadline = time.monotonic() + 60
    shown = ""
    while time.monotonic() < deadline and expected not in shown:
        page.wait_for_timeout(500)
        for f in page.frames:
            try:
                shown = f.evaluate("() => (document.getElementById('msg') || {}).textContent || ''")
            except Exception:  # noqa: BLE001  (a frame still loading)
                continue
            if expected in shown:
                break
    assert expected in shown, shown
    page.close()
