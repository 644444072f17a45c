"""An analyst granted NTB (52) signs in in headless Chromium and goes through every page and
every export of a store of real Banten and NTB boundaries: no Banten name or figure appears in
any page (its maps' frames included) or in any of the six files downloaded (issue 21, item 3).
Screenshots go to ``artifacts/``."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

import i18n
from tests.browser.harness import CHROMIUM, LEAFLET, chromium, running_app, settle
from tests.security.grant_store import BANTEN_FIGURES, BANTEN_WORDS, PASSWORD, open_office

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
#: Pages as the sidebar names them (Indonesian), the analyst's navigation.
PAGES = ["overview", "placements", "coverage", "enterprises", "reports", "planner", "map", "export"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="headless Chromium not installed at /usr/bin/chromium"),
]


def _banten(text: str) -> list[str]:
    lower = text.lower()
    return [w for w in BANTEN_WORDS if w.lower() in lower]


def _page_text(page) -> str:
    """The page's visible text and the HTML of every frame (the maps' data and labels)."""
    parts = [page.inner_text("body")]
    for frame in page.frames[1:]:
        try:
            parts.append(frame.content())
        except Exception:  # noqa: BLE001  (a frame detached while reading has nothing left to show)
            continue
    return "\n".join(parts)


def _file_text(name: str, data: bytes) -> str:
    """The text a downloaded export carries (inside its zip members, or its PDF pages)."""
    if name.endswith(".pdf"):
        from pypdf import PdfReader

        return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)
    if data[:2] == b"PK":  # xlsx, pptx, the zip of PNG images
        with zipfile.ZipFile(io.BytesIO(data)) as packed:  # member names, and the XML of the others
            return "\n".join(
                n + ("" if n.endswith(".png") else "\n" + packed.read(n).decode("utf-8", "replace"))
                for n in packed.namelist()
            )
    return data.decode("utf-8-sig", "replace")


def test_an_analyst_granted_52_sees_no_banten_in_the_browser(
    request, shared_data, tmp_path_factory, tmp_path, monkeypatch
):
    pytest.importorskip("playwright.sync_api")
    if not LEAFLET.exists():
        pytest.skip("Leaflet is not installed in static/vendor (run scripts/setup.sh)")
    office = open_office("files", request, shared_data, tmp_path_factory, tmp_path, monkeypatch)
    ARTIFACTS.mkdir(exist_ok=True)
    env = {**office.env, "ATLAS_LANGUAGE": "id"}
    with running_app(office.store.root, env=env, timeout=120) as url, chromium() as browser:
        context = browser.new_context(viewport={"width": 1366, "height": 900}, accept_downloads=True)
        page = context.new_page()
        page.goto(url + "/?data=store&area=36.04&year=2024")  # a link naming a Banten regency
        page.get_by_label(i18n.t("auth.name", "id")).fill("analyst52", timeout=120_000)
        page.get_by_label(i18n.t("auth.password", "id")).fill(PASSWORD)
        page.get_by_role("button", name=i18n.t("auth.submit", "id")).click()
        page.get_by_role("heading", name=i18n.t("overview.title", "id")).wait_for(timeout=120_000)
        for name in PAGES:
            if name != "overview":
                page.locator(".st-key-atlas-nav").get_by_text(i18n.t(f"page.{name}", "id")).click()
                page.get_by_role("heading", name=i18n.t(f"{name if name != 'export' else 'export.page'}.title", "id")).wait_for(timeout=120_000)  # fmt: skip
            settle(page, 120)
            page.wait_for_timeout(1500)  # the maps' frames load their data
            text = _page_text(page)
            page.screenshot(path=str(ARTIFACTS / f"grant_analyst52_{name}.png"), full_page=True)
            assert not _banten(text), (name, _banten(text))
            assert not [f for f in BANTEN_FIGURES if f in page.inner_text("body")], name
            assert "Nusa Tenggara Barat" in text or "Lombok" in text, name
        # the export page: build all six formats and download each
        page.get_by_role("button", name=i18n.t("export.page.build", "id")).click()
        buttons = page.locator('[data-testid="stDownloadButton"]')
        buttons.first.wait_for(timeout=300_000)
        settle(page, 60)
        downloads = {}
        for kind in ("csv", "xlsx", "html", "png", "pptx", "pdf"):
            with page.expect_download(timeout=120_000) as done:
                buttons.filter(has_text=i18n.t(f"export.format.{kind}", "id")).click()
            path = done.value.path()
            downloads[done.value.suggested_filename] = Path(path).read_bytes()
        page.screenshot(path=str(ARTIFACTS / "grant_analyst52_downloads.png"), full_page=True)
        context.close()
    assert len(downloads) == 6 and all(n.startswith("atlas-pmi_52") for n in downloads), list(downloads)
    for name, data in downloads.items():
        text = _file_text(name, data)
        assert text.strip(), name
        assert not _banten(text), (name, _banten(text))
        if not name.endswith(".html"):  # the map page's coordinates hold any digits (117.3621...)
            assert not [f for f in BANTEN_FIGURES if f in text], name
    assert any("Nusa Tenggara Barat" in _file_text(n, d) for n, d in downloads.items())
