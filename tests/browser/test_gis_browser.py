"""The GeoPackage downloaded from the Ekspor page in headless Chromium, in Indonesian (issue 26,
item 2): offered among the files, built, downloaded, read back with pyogrio, and the very file
``atlas export gpkg`` makes for the same view. Screenshot: ``artifacts/gis-export-id.png``."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pyogrio
import pytest

import i18n
from loaders.settings import DEMO_DIR
from loaders.store import Store
from tests.browser.harness import CHROMIUM, LEAFLET, chromium, running_app, settle

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="headless Chromium not installed at /usr/bin/chromium"),
]


def test_the_geopackage_is_downloaded_from_the_export_page(tmp_path):
    pytest.importorskip("playwright.sync_api")
    if not LEAFLET.exists():
        pytest.skip("Leaflet is not installed in static/vendor (run scripts/setup.sh)")
    if not Store(DEMO_DIR).provinces():
        pytest.skip("the demo pack is not built (python -m loaders.demo build)")
    ARTIFACTS.mkdir(exist_ok=True)
    lang = "id"
    with running_app(tmp_path / "empty-store", lang=lang, timeout=120) as url, chromium() as browser:
        context = browser.new_context(viewport={"width": 1366, "height": 1400}, accept_downloads=True)
        page = context.new_page()
        page.goto(f"{url}/?data=demo&lang={lang}")
        page.wait_for_selector("h1", timeout=120_000)
        settle(page)
        page.goto(f"{url}/ekspor?data=demo&lang={lang}&area=99.01&layer=placements&year=2024")
        page.wait_for_selector("h1", timeout=120_000)
        settle(page)
        pills = page.locator('[data-testid="stButtonGroup"]')
        assert i18n.t("export.format.gpkg", lang) in pills.inner_text()
        assert i18n.t("export.format.geojson", lang) in pills.inner_text()
        page.get_by_role("button", name=i18n.t("export.page.build", lang)).click()
        downloads = page.locator('[data-testid="stDownloadButton"]')
        button = downloads.filter(has_text=i18n.t("export.format.gpkg", lang))
        button.wait_for(timeout=300_000)
        settle(page)
        time.sleep(1)
        page.screenshot(path=str(ARTIFACTS / f"gis-export-{lang}.png"), full_page=True)
        with page.expect_download(timeout=60_000) as got:
            button.click()
        assert got.value.suggested_filename == "atlas-pmi_99.01_placements_2024.gpkg"
        downloaded = tmp_path / "page.gpkg"
        downloaded.write_bytes(Path(got.value.path()).read_bytes())
        context.close()
    features = pyogrio.read_dataframe(downloaded, layer="placements_99_01_2024")
    assert len(features) > 10 and (features["class"] == "hidden").any()
    assert features.loc[features["class"] == "hidden", "value"].isna().all()
    styles = pyogrio.read_dataframe(downloaded, layer="layer_styles", read_geometry=False)
    assert styles["f_table_name"].tolist() == ["placements_99_01_2024"]
    # the command line makes the same file for the same view
    made = subprocess.run(
        [sys.executable, "-m", "cli", "export", "gpkg", "--demo", "--area", "99.01", "--year", "2024",
         "-o", str(tmp_path / "cli.gpkg")],
        cwd=ROOT, capture_output=True, text=True, timeout=600, env={"PATH": "/usr/bin:/bin", "ATLAS_AUTH": "off",
        "ATLAS_DATA_DIR": str(tmp_path / "empty-store"), "HOME": str(tmp_path)},
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "cli.gpkg").read_bytes() == downloaded.read_bytes()
