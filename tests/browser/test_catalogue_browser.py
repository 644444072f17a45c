"""The Katalog Data page in headless Chromium, in Indonesian and in English (issue 26 item 5): the
page and its navigation entry in the language of the UI, the *data as of* line, an entry opened,
the JSON catalogue downloaded. Screenshots go to ``artifacts/catalogue_<lang>_top.png`` and ``_entry.png``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import i18n
from geo.catalogue import figure_metadata, import_day
from geo.figures import FIGURES
from loaders.catalogue import newest_import
from loaders.settings import DEMO_DIR
from loaders.store import Store
from tests.browser.harness import CHROMIUM, LEAFLET, chromium, open_page, running_app, settle

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="headless Chromium not installed at /usr/bin/chromium"),
]

#: English a reader of the Indonesian page must never meet (texts of this page and of Streamlit).
ENGLISH = (
    "Data as of",
    "Data catalogue",
    "Data layers",
    "Indicators",
    "Period held",
    "Last import",
    "Villages",
    "Provinces",
    "Download",
    "No data",
    "Placements",
    "start years",
    "Concept",
    "Method",
    "Source",
    "Caveats",
)


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    if not LEAFLET.exists():
        pytest.skip("Leaflet is not installed in static/vendor (run scripts/setup.sh)")
    if not Store(DEMO_DIR).provinces():
        pytest.skip("the demo pack is not built (python -m loaders.demo build)")
    pytest.importorskip("playwright.sync_api")
    with running_app(tmp_path_factory.mktemp("empty-store"), timeout=120) as url:  # opens on the demo
        yield url


@pytest.mark.parametrize("lang", ["id", "en"])
def test_catalogue_page_in_the_browser(app_url, lang):
    ARTIFACTS.mkdir(exist_ok=True)
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1366, "height": 900}, accept_downloads=True)
        open_page(browser, f"{app_url}/katalog?lang={lang}", page=page)
        assert page.locator("h1").first.inner_text() == i18n.t("catalogue.title", lang)
        nav = page.locator('[data-testid="stSidebarNav"]').inner_text()
        assert i18n.t("page.catalogue", lang) in nav
        stamp = newest_import(Store(DEMO_DIR), None, boundaries=True)
        body = page.locator('[data-testid="stMain"]').inner_text()
        assert i18n.t("catalogue.as_of.demo", lang, date=import_day(stamp, lang)) in body
        assert i18n.t("catalogue.layers", lang) in body and i18n.t("catalogue.figures", lang) in body

        page.screenshot(path=str(ARTIFACTS / f"catalogue_{lang}_top.png"))

        # open the entry of one figure: its metadata, as written for this language
        name = i18n.t("figure.problem_per_100", lang)
        page.locator('[data-testid="stExpander"] summary', has_text=name).first.click()
        settle(page)
        opened = page.locator('[data-testid="stExpander"]', has_text=name).first.inner_text()
        meta = figure_metadata("problem_per_100", lang)
        assert meta["method"] in opened and meta["caveats"] in opened and meta["unit"] in opened
        page.screenshot(path=str(ARTIFACTS / f"catalogue_{lang}_entry.png"))

        if lang == "id":
            text = page.locator("body").inner_text()
            found = [w for w in ENGLISH if re.search(rf"\b{re.escape(w)}\b", text)]
            assert found == [], f"English in the Indonesian catalogue: {found}"

        # the JSON download is the catalogue document in the page's language
        with page.expect_download(timeout=60_000) as download:
            page.get_by_role("button", name=i18n.t("catalogue.download.json", lang)).click()
        document = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
        assert document["language"] == lang and len(document["figures"]) == len(FIGURES)
        assert document["data_as_of"] == stamp
        page.close()
