"""Where protection reaches, used as a planner uses it, in headless Chromium, in both languages:
open NTB (real boundaries, service points imported through the pipeline), see every LTSA and MRC
on Cakupan Komunitas, read what share of placements lives more than R km away over land, ask
Perencanaan for the three best villages for new MRCs and take them away as slides.

Screenshots go to ``artifacts/reach_*.png`` (look at them). Skipped with a reason where Chromium,
Leaflet or the shared boundaries are missing.
"""

from __future__ import annotations

import io
import sys
import time
from pathlib import Path

import openpyxl
import pytest

import i18n
from loaders.layers import import_file
from tests.browser.harness import CHROMIUM, LEAFLET, chromium, drawn_areas, open_page, running_app, settle

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
POINTS_CSV = """Jenis Layanan;Nama;Kode Desa;Koordinat;Tahun Dibuka
LTSA;LTSA Kota Mataram;52.71.01.1004;;2018
Layanan Terpadu Satu Atap;LTSA Kabupaten Lombok Timur;52.03.08.2007;;2019
MRC/BP PIPA;MRC Praya;52.02.03.2001;;2020
BP PIPA;MRC Sumbawa Besar;52.04.02.2001;;2021
Migrant Resource Centre;MRC Lombok Utara;52.08.01.2001;;2022
Kantor BP3MI;UPT BP3MI NTB;52.71.01.1004;;2017
"""
#: Words of the English interface that must not appear in the Indonesian one (and back).
ENGLISH = ("Service reach", "within reach", "No land route", "Find sites", "Download slides")
INDONESIAN = ("Jangkauan layanan", "dalam jangkauan", "Tanpa jalur darat", "Cari lokasi", "Unduh salindia")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="headless Chromium not installed at /usr/bin/chromium"),
]


@pytest.fixture(scope="module")
def app_url(shared_data, tmp_path_factory):
    pytest.importorskip("playwright.sync_api")
    if not LEAFLET.exists():
        pytest.skip("Leaflet is not installed in static/vendor (run scripts/setup.sh)")
    sys.path.insert(0, str(ROOT / "tests"))
    from export_data import build_store

    root = tmp_path_factory.mktemp("reach_browser")
    store = build_store(root / "store", shared_data, province="52")
    path = root / "titik_layanan.csv"
    path.write_text(POINTS_CSV, encoding="utf-8")
    _, version = import_file("service_points", path, store, mode="replace_all")
    assert version
    with running_app(store.root, timeout=120) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


def _main_text(page) -> str:
    return page.inner_text('[data-testid="stAppViewContainer"]')


def _map_text(page) -> str:
    """The text of the map frames (legends, tooltips are not shown until hovered)."""
    texts = []
    for frame in page.frames:
        try:
            texts.append(frame.evaluate("() => document.body ? document.body.innerText : ''"))
        except Exception:  # noqa: BLE001 - a frame still loading has no text yet
            continue
    return "\n".join(texts)


def _wait_for_map(page) -> int:
    for _ in range(120):
        count = drawn_areas(page)
        if count:
            return count
        time.sleep(0.5)
    return 0


def _download(page, button) -> bytes:
    """The file behind a download button. Each download records itself and reruns the page; on
    this shared machine Chromium now and then cancels one clicked while another rerun is under
    way (seen on the planner's files, whose bytes are the same on every run): a user clicks
    again, and so does the test, once."""
    from playwright.sync_api import Error

    for attempt in range(2):
        settle(page)
        with page.expect_download() as download:
            button.click()
        try:
            return Path(download.value.path()).read_bytes()
        except Error:
            if attempt:
                raise
    raise AssertionError("unreachable")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_see_every_ltsa_and_mrc_and_the_share_beyond_r(app_url, browser, lang):
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1366, "height": 2000})
    open_page(browser, f"{app_url}/cakupan?view=reach&service=LTSA&radius=25&area=52&lang={lang}", page=page)
    assert _wait_for_map(page) >= 1100  # NTB's villages
    settle(page)
    text, legend = _main_text(page), _map_text(page)
    assert i18n.t("reach.view.reach", lang) in text
    assert i18n.t("figure.reach_placements", lang) in text
    assert "25 km" in text
    # every type held is in the map's legend, the LTSA and MRC among them; no land route apart
    for kind in ("LTSA", "MRC", "UPT_BP3MI"):
        assert i18n.t(f"service.{kind}", lang) in legend
    assert i18n.t("reach.no_land_route", lang) in legend
    assert i18n.t("reach.by_regency", lang, km=25) in text
    other = ENGLISH if lang == "id" else INDONESIAN
    assert not [word for word in other if word in text + legend]
    page.screenshot(path=str(ARTIFACTS / f"reach_coverage_{lang}.png"), full_page=True)
    page.close()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_three_best_villages_for_new_mrcs_taken_away_as_slides(app_url, browser, lang):
    from pptx import Presentation

    page = browser.new_page(viewport={"width": 1366, "height": 2400})
    open_page(browser, f"{app_url}/perencanaan?service=MRC&radius=25&area=52&lang={lang}", page=page)
    assert _wait_for_map(page) >= 1100
    page.get_by_role("button", name=i18n.t("where.run", lang)).click()
    page.get_by_text(i18n.t("where.download_pptx", lang)).wait_for(timeout=180_000)
    settle(page)
    text = _main_text(page)
    assert i18n.t("where.exact", lang) in text and i18n.t("where.greedy", lang) in text
    assert i18n.t("where.status.optimal", lang) in text
    assert i18n.t("service.new", lang) in _map_text(page)  # the sites on the map
    page.screenshot(path=str(ARTIFACTS / f"reach_planner_{lang}.png"), full_page=True)
    data = _download(page, page.get_by_role("button", name=i18n.t("where.download_pptx", lang)))
    deck = Presentation(io.BytesIO(data))
    words = "\n".join(
        shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame
    )
    assert len(deck.slides) == 5
    assert i18n.t("where.sites_title", lang, n=3, type=i18n.t("service.MRC", lang)) in words
    (ARTIFACTS / f"reach_sites_{lang}.pptx").write_bytes(data)
    pdf = _download(page, page.get_by_role("button", name=i18n.t("where.download_pdf", lang)))
    (ARTIFACTS / f"reach_sites_{lang}.pdf").write_bytes(pdf)
    # the tables: the answer's own CSV and workbook, and the planner's files carrying the sites
    got = {}
    for key in ("where-csv", "where-xlsx", "planner-csv", "planner-xlsx"):
        got[key] = _download(page, page.locator(f".st-key-{key} button"))
    sites, greedy = i18n.t("where.sheet.sites", lang), i18n.t("where.sheet.greedy", lang)
    adds = i18n.t("where.col.adds", lang, cover=i18n.t("where.cover.placements", lang))
    where_csv = got["where-csv"].decode("utf-8-sig")
    assert adds in where_csv and where_csv.startswith("# ")
    assert openpyxl.load_workbook(io.BytesIO(got["where-xlsx"])).sheetnames[:2] == [sites, greedy]
    planner = openpyxl.load_workbook(io.BytesIO(got["planner-xlsx"]))
    assert planner.sheetnames[1:3] == [sites, greedy]
    assert [c.value for c in planner[sites][1]][:1] == [i18n.t("where.col.rank", lang)]
    # the planner's CSV names the new sites in its note lines (after the period)
    assert i18n.t("service.MRC", lang) in got["planner-csv"].decode("utf-8-sig").split("\n# ")[1]
    page.close()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_data_page_previews_a_service_points_file(app_url, browser, lang):
    """Import preview of the layer: the type's aliases read, a point outside its stated village and
    one outside Indonesia named in the match report, the officer's name and phone dropped."""
    data = (
        b"Jenis Layanan;Nama;Kode Desa;Lintang;Bujur;Nama Petugas;No HP\n"
        b"LTSA;LTSA Kota Mataram;52.71.01.1004;-8,58;116,10;Siti Aminah;081234567890\n"
        b"Rumah aman;Shelter Mataram;52.71.01.1004;8,58;116,10;Budi Santoso;081234567891\n"
    )
    page = browser.new_page(viewport={"width": 1366, "height": 2400})
    open_page(browser, f"{app_url}/data?lang={lang}&data=store", page=page)
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text=i18n.t("data.layer", lang)).first
    box.click()
    page.get_by_role("option", name=i18n.t("layer.service_points", lang), exact=True).click()
    settle(page)
    page.locator("[data-testid='stFileUploaderDropzoneInput']").first.set_input_files(
        {"name": "titik_layanan.csv", "mimeType": "text/csv", "buffer": data}
    )
    page.get_by_text(i18n.t("data.preview", lang, file="titik_layanan.csv")).first.wait_for(timeout=120_000)
    settle(page, 120)
    time.sleep(1)
    text = page.inner_text("body")
    page.screenshot(path=str(ARTIFACTS / f"reach_data_page_{lang}.png"), full_page=True)
    assert "Nama Petugas" in text and "Siti Aminah" not in text and "081234567890" not in text
    assert "116.10000" in text or "116,10000" in text  # the point outside Indonesia, named with its row
    page.close()
