"""The journey (issue 24) in headless Chromium, in Indonesian and English: the Perjalanan PMI page
on the demo and on real Cilacap/Banyumas boundaries imported from files, its three maps, the
Sankeys and the flow map drawn offline (every request to another host is refused and recorded),
presentation mode, and the returns export built and downloaded from the Ekspor page.

Screenshots go to ``artifacts/journey-*.png``.
"""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from journey_data import REGENCY
from pypdf import PdfReader

import i18n
from geo import figures
from loaders.settings import DEMO_DIR
from loaders.store import Store
from tests.browser.harness import (
    CHROMIUM,
    LEAFLET,
    chromium,
    drawn_areas,
    running_app,
    settle,
    wait_for_areas,
)

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="headless Chromium not installed at /usr/bin/chromium"),
]


@pytest.fixture(scope="module")
def app_url(journey_store):
    pytest.importorskip("playwright.sync_api")
    if not LEAFLET.exists():
        pytest.skip("Leaflet is not installed in static/vendor (run scripts/setup.sh)")
    if not Store(DEMO_DIR).provinces():
        pytest.skip("the demo pack is not built (python -m loaders.demo build)")
    with running_app(Path(journey_store[0].root), timeout=120) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


class Offline:
    """A browser context that refuses (and records) every request not to the app."""

    def __init__(self, browser, url: str, height: int = 4600):
        self.url, self.outside = url, []
        self.context = browser.new_context(viewport={"width": 1366, "height": height}, accept_downloads=True)
        self.context.route("**/*", self._route)

    def _route(self, route) -> None:
        target = route.request.url
        if target.startswith(self.url) or target.startswith(("data:", "blob:", "about:")):
            route.continue_()
        else:
            self.outside.append(target)
            route.abort()

    def open(self, path: str, query: str, ready: str = "h1"):
        page = self.context.new_page()
        first = "&".join(p for p in query.split("&") if not p.startswith("present="))
        page.goto(f"{self.url}/?{first}")  # a first visit lets the app register its pages
        page.wait_for_selector("h1", timeout=120_000)
        settle(page)
        page.goto(f"{self.url}/{path}?{query}")
        page.wait_for_selector(ready, timeout=120_000)
        settle(page)
        return page


@pytest.fixture
def offline(browser, app_url):
    held = Offline(browser, app_url)
    yield held
    held.context.close()
    assert held.outside == [], f"requests that left the machine: {sorted(set(held.outside))}"


def _wait(predicate, timeout: float = 180) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.3)
    return False


def _charts_drawn(page) -> dict[str, int]:
    return {
        "sankey": page.locator("g.sankey").count(),
        "plots": page.locator(".js-plotly-plot").count(),
        "flow lines": page.locator(".js-plotly-plot g.scatterlayer path.js-line").count(),
    }


@pytest.mark.parametrize(
    ("dataset", "query", "lang"),
    [
        ("demo", "data=demo&lang=id", "id"),
        ("demo", "data=demo&lang=en", "en"),
        ("store", f"data=store&lang=en&area={REGENCY}&year=2024", "en"),
        ("store", f"data=store&lang=id&area={REGENCY}&year=2024", "id"),
    ],
    ids=["demo-id", "demo-en", "real-en", "real-id"],
)
def test_the_journey_page_draws_offline_in_both_languages(offline, dataset, query, lang):
    ARTIFACTS.mkdir(exist_ok=True)
    page = offline.open("perjalanan", query)
    assert page.locator("h1").first.inner_text().strip() == i18n.t("journey.title", lang)
    assert _wait(lambda: drawn_areas(page) > 0), "the map drew no area"
    assert _wait(lambda: _charts_drawn(page)["sankey"] == 2), _charts_drawn(page)
    assert _wait(lambda: _charts_drawn(page)["flow lines"] > 3), _charts_drawn(page)
    labels = [m.inner_text().strip() for m in page.locator('[data-testid="stMetricLabel"]').all()]
    assert labels == [figures.label(name, lang) for name in figures.JOURNEY]
    values = [m.inner_text().strip() for m in page.locator('[data-testid="stMetricValue"]').all()]
    assert i18n.t("common.no_data", lang) not in values
    assert page.locator('[data-testid="stException"]').count() == 0
    time.sleep(1)
    page.screenshot(path=str(ARTIFACTS / f"journey-{dataset}-{lang}.png"))
    body = page.locator("section.main, [data-testid='stMain']").first.inner_text()
    other = "en" if lang == "id" else "id"
    for key in ("journey.section.where", "journey.section.broker", "journey.section.home"):
        assert i18n.t(key, lang) in body and i18n.t(key, other) not in body

    # the map's other subjects: the share outside the procedure, the returnees with nothing
    for subject in ("broker", "home"):
        page.locator(
            '[data-testid="stButtonGroup"] button', has_text=i18n.t(f"journey.map.{subject}", lang)
        ).click()
        settle(page)
        assert _wait(lambda: drawn_areas(page) > 0)
        legend = (
            i18n.t("journey.broker.share", lang)
            if subject == "broker"
            else figures.label("returnees_without_support", lang)
        )
        assert _wait(lambda legend=legend: any(legend in f.content() for f in page.frames[1:])), subject
        page.screenshot(path=str(ARTIFACTS / f"journey-{dataset}-{lang}-{subject}.png"))
        assert page.locator('[data-testid="stException"]').count() == 0


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_journey_in_presentation_mode_shows_the_protected_figures(offline, lang):
    page = offline.open(
        "perjalanan", f"data=demo&lang={lang}&present=1&area=99.01", ready='[data-testid="atlas-strip"]'
    )
    strip = page.locator('[data-testid="atlas-strip"]')
    strip.wait_for(timeout=120_000)
    labels = [d.inner_text().strip() for d in strip.locator(".l").all()]
    assert labels == [figures.label(name, lang) for name in figures.JOURNEY]
    # the map drawn as the map pages draw it: one canvas (issue 27), its areas counted
    assert wait_for_areas(page, at_least=1, timeout=120) > 0
    page.set_viewport_size({"width": 1280, "height": 720})
    time.sleep(1)
    page.screenshot(path=str(ARTIFACTS / f"journey-present-{lang}.png"))
    assert page.locator('[data-testid="stSidebar"]').is_hidden()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_returns_export_is_built_and_downloaded(offline, lang):
    page = offline.open("ekspor", f"data=demo&lang={lang}&area=99.01&layer=returns")
    metric = page.locator('[data-testid="stMetricLabel"]')
    assert _wait(lambda: metric.count() == len(figures.JOURNEY)), metric.count()
    labels = [m.inner_text().strip() for m in metric.all()]
    assert labels == [figures.label(name, lang) for name in figures.JOURNEY]
    page.get_by_role("button", name=i18n.t("export.page.build", lang)).click()
    downloads = page.locator('[data-testid="stDownloadButton"]')
    button = downloads.filter(has_text=i18n.t("export.format.pdf", lang))
    button.wait_for(timeout=300_000)
    settle(page)
    page.screenshot(path=str(ARTIFACTS / f"journey-export-{lang}.png"))
    with page.expect_download(timeout=60_000) as got:
        button.click()
    data = Path(got.value.path()).read_bytes()
    text = " ".join(PdfReader(io.BytesIO(data)).pages[0].extract_text().split())
    assert i18n.t("export.flows.title", lang) in text
    values = [m.inner_text().strip() for m in page.locator('[data-testid="stMetricValue"]').all()]
    assert all(v in text for v in values)
    with page.expect_download(timeout=60_000) as got:
        downloads.filter(has_text=i18n.t("export.format.pptx", lang)).click()
    assert got.value.suggested_filename.endswith("_returns_2024.pptx")
