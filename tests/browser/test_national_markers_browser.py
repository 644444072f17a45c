"""Maps of a store of two provinces far apart: programme markers on the national village view
(Cakupan Komunitas, every village of Indonesia) and the class legend beside the areas.

On a province map the coverage page draws each programme village as coloured rings; the national
view drew none, so a planner looking at the whole country saw no programme at all. On DI
Yogyakarta + Banten with generated layers: every running programme of the year is one marker,
at its village, in its type's colour, drawn on the canvas and named in the legend and the tooltip.
"""

from __future__ import annotations

import pytest

import i18n
from geo import metrics
from geo.codes import Level
from geo.coverage import village_points
from tests.browser.harness import CHROMIUM, ROOT, app_with_browser, open_page
from tests.browser.national_harness import national_frame, wait_national

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="headless Chromium not installed at /usr/bin/chromium"),
]


@pytest.fixture(scope="module")
def app(national_export_store):
    """The app on the two-province store and one headless Chromium: ``(url, browser)``."""
    with app_with_browser(national_export_store.root) as served:
        yield served


@pytest.fixture(scope="module")
def page(app):
    url, browser = app
    page = open_page(browser, url + "/cakupan?data=store")
    page.get_by_text(i18n.t("tiles.national_toggle", "id"), exact=True).click()
    state = wait_national(page, timeout=120)
    assert state and not state["error"], state
    yield page
    page.close()


def test_every_running_programme_is_a_marker_at_its_village(page, national_export_store):
    programmes = national_export_store.read_layer("programmes")
    year = max(metrics.years_of(national_export_store.read_layer("placements")))
    running = metrics.programme_villages(programmes, year).set_index("village")
    expected = running.assign(group=running["types"].str.split(", ")).explode("group")
    frame = national_frame(page)
    markers = frame.evaluate("() => window.atlasNational.markers()")
    assert len(running) > 10 and len(markers) == len(expected)
    state = frame.evaluate("() => Object.assign({}, window.atlasNational.state)")
    assert state["markers"] == len(markers)  # the whole country in view: every one drawn
    # each marker sits on its own village's point, and its tip names the village's programme types
    villages = national_export_store.read_areas(Level.VILLAGE, None, columns=["code", "geometry"])
    at = village_points(villages).set_index("code").geometry
    names = {i18n.t(f"programme.{g}", "id") for g in expected["group"]}
    for marker in markers:
        code = marker["code"]
        assert code in running.index, marker
        assert abs(marker["lon"] - at[code].x) < 1e-4 and abs(marker["lat"] - at[code].y) < 1e-4
        tip = set(marker["tip"].split(", "))
        assert tip == {i18n.t(f"programme.{g}", "id") for g in running.loc[code, "types"].split(", ")}
    pairs = sorted((m["code"], m["colour"]) for m in markers)
    assert len(set(pairs)) == len(pairs)  # one ring per type of a village
    # drawn on the canvas in its type's colour: zoomed in on a village (full-size rings), the
    # colour of its smallest ring (drawn last) at its centre; villages near another's left out
    checked = 0
    for marker in markers:
        near = [
            m
            for m in markers
            if m["code"] != marker["code"]
            and abs(m["lon"] - marker["lon"]) < 0.03
            and abs(m["lat"] - marker["lat"]) < 0.03
        ]
        if near:
            continue
        frame.evaluate(
            "([lon, lat]) => window.atlasNational.map().setView([lat, lon], 10, {animate: false})",
            [marker["lon"], marker["lat"]],
        )
        x, y = frame.evaluate(
            "([lon, lat]) => window.atlasNational.point(lon, lat)", [marker["lon"], marker["lat"]]
        )
        pixel = frame.evaluate("([x, y]) => window.atlasNational.pixel(x, y)", [x, y])
        own = [m for m in markers if m["code"] == marker["code"]]
        assert pixel == min(own, key=lambda m: m["radius"])["colour"], marker
        checked += 1
        if checked == 6:
            break
    assert checked >= 5
    legend = frame.locator("#legend").inner_text()
    assert i18n.t("map.markers", "id") in legend and all(n in legend for n in names)
    (ROOT / "artifacts").mkdir(exist_ok=True)
    page.screenshot(path=str(ROOT / "artifacts" / "national_markers.png"), full_page=True)


#: In the map frame: the drawn areas' extent and the class legend's box, in the map's pixels.
EXTENT_JS = """() => {
  var name = Object.keys(window).find(k => k.startsWith("map_") && window[k] && window[k].getContainer);
  if (!name) return null;
  var map = window[name], box = map.getContainer().getBoundingClientRect(), right = -Infinity, n = 0;
  map.eachLayer(function (layer) {
    if (layer instanceof L.Polygon) {
      right = Math.max(right, map.latLngToContainerPoint(layer.getBounds().getNorthEast()).x); n++;
    }
  });
  var legend = document.querySelector(".atlas-legend[style*='bottom:']").getBoundingClientRect();
  return {areas: n, right: right, legendLeft: legend.left - box.left, width: box.width};
}"""


def test_the_class_legend_covers_no_area_of_a_province_map(app):
    """Two provinces far apart (Banten, DI Yogyakarta): the bottom-right legend covered most of
    Yogyakarta. The map is fitted beside the legend, as the national view is."""
    from tests.browser.national_harness import frame_with

    url, browser = app
    page = open_page(browser, url + "/perencanaan?data=store")
    frame = frame_with(page, "() => !!document.querySelector('.atlas-legend')", timeout=60)
    assert frame is not None
    extent = frame.evaluate(EXTENT_JS)
    assert extent and extent["areas"] == 2, extent
    assert extent["right"] <= extent["legendLeft"], extent
    assert extent["right"] > extent["width"] / 3  # fitted to the room left, not shrunk to a corner
    page.close()
