"""Names from files are drawn as text, never run as markup: the map's tooltips and labels, and the
standalone HTML export, opened in headless Chromium with ``<script>`` and ``<img onerror>`` names.

No app is started: the map builder's page is served from memory (Leaflet from the app's static
folder) and the exported page is standalone.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
import shapely

from geo import maps
from tests.browser.harness import CHROMIUM, LEAFLET, chromium

HOSTILE = [
    '<img src=x onerror="window.__xss=1">',
    "<script>window.__xss=2</script>",
    "Desa <b>Tebal</b> & {{ 1 }}",
]
HOST = "http://atlas.test"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="headless Chromium not installed at /usr/bin/chromium"),
]


@pytest.fixture(scope="module")
def browser():
    pytest.importorskip("playwright.sync_api")
    if not LEAFLET.exists():
        pytest.skip("Leaflet is not installed in static/vendor (run scripts/setup.sh)")
    with chromium() as launched:
        yield launched


def _serve(page, html: str) -> None:
    def route(r):
        url = r.request.url
        if url.startswith(HOST + "/app/static/"):
            path = LEAFLET.parents[2] / url.removeprefix(HOST + "/app/static/")
            kind = "text/css" if path.suffix == ".css" else "application/javascript"
            r.fulfill(body=path.read_bytes(), content_type=kind)
        elif url.startswith(HOST):
            r.fulfill(body=html, content_type="text/html")
        else:
            r.abort()

    page.route("**/*", route)
    page.goto(HOST + "/map.html")


def _hover_every_area(page, tooltip: str) -> list[str]:
    texts = []
    centres = page.evaluate(
        """() => Object.values(window.map._layers).filter(l => l.feature && l.getBounds)
              .map(l => { const p = window.map.latLngToContainerPoint(l.getBounds().getCenter()); return [p.x, p.y]; })"""
    )
    for x, y in centres:
        page.mouse.move(x, y)
        page.wait_for_timeout(150)
        if page.locator(tooltip).count():
            texts.append(page.locator(tooltip).last.inner_text())
    return texts


def test_map_tooltips_and_labels_show_hostile_names_as_text(browser):
    areas = __import__("geopandas").GeoDataFrame(
        {"code": ["99.01", "99.02", "99.03"], "name": HOSTILE},
        geometry=[shapely.box(0, 0, 1, 1), shapely.box(1, 0, 2, 1), shapely.box(0, 1, 2, 2)],
        crs=4326,
    )
    encoded = maps.encode_shapes(areas, quantum=1e4)
    layer = maps.MapLayer(np.array([0, 1, 0]), ["#fee", "#f00"], ["<5", "7", "&"], "Jumlah <x>")
    m = maps.area_map(encoded, layer, labels=True, always_label=True, attribution="Batas <i>uji</i>")
    html = m.get_root().render().replace(m.get_name(), "map")
    page = browser.new_page(viewport={"width": 900, "height": 700})
    _serve(page, html)
    page.wait_for_function("() => window.map && Object.keys(window.map._layers).length > 3")
    page.wait_for_timeout(300)
    texts = _hover_every_area(page, ".leaflet-tooltip")
    labels = page.locator(".atlas-label").all_inner_texts()
    attribution = page.locator(".leaflet-control-attribution").inner_text()
    assert page.evaluate("() => window.__xss") is None  # nothing ran
    assert page.locator(".leaflet-tooltip img, .atlas-label img, .leaflet-tooltip script").count() == 0
    assert any(HOSTILE[0] in text for text in texts), texts  # the name shows as written
    assert any("Jumlah <x>: <5" in text for text in texts), texts
    assert set(labels) <= set(HOSTILE) and labels, labels
    assert "Batas <i>uji</i>" in attribution
    page.close()


def test_html_export_shows_hostile_names_as_text(browser, export_store):
    from geo.export_files import html_map
    from loaders.export_inputs import load_view

    view = load_view(export_store, "36.04", year=2024, layer="placements", lang="id", threshold=5)
    areas = view.map_areas.copy()
    areas["name"] = [HOSTILE[i % len(HOSTILE)] for i in range(len(areas))]
    page_html = html_map(dataclasses.replace(view, map_areas=areas), LEAFLET)
    page = browser.new_page(viewport={"width": 1000, "height": 800})
    _serve(page, page_html)
    page.wait_for_function("() => Object.values(window).some(v => v && v._layers && v.getBounds)")
    page.evaluate("() => { window.map = Object.values(window).find(v => v && v._layers && v.getBounds); }")
    texts = _hover_every_area(page, ".leaflet-tooltip")[:40]
    assert page.evaluate("() => window.__xss") is None
    assert page.locator(".leaflet-tooltip img, .leaflet-tooltip script").count() == 0
    assert any(HOSTILE[0] in text for text in texts), texts
    page.close()
