"""Where protection reaches, the same everywhere: on a store of real NTB boundaries with service
points imported through the pipeline, the share of placements within R km over land and the share
after three new sites read the same on Cakupan Komunitas, on Perencanaan, in the slides, in the
brief and from ``atlas reach``; files leaving the office hide small counts."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from pptx import Presentation
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

import i18n
from exports.brief_pdf import build_sites_brief
from exports.deck import build_sites_deck, sites_slide_kinds
from exports.files import ranking_xlsx
from exports.sites import build_sites_view, sites_csv, sites_xlsx
from geo import figures, reach
from geo.priority import DEFAULT_WEIGHTS, score
from loaders.layers import import_file
from loaders.reach import where_next_view
from loaders.store import Store

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
LOMBOK = ("52.01", "52.02", "52.03", "52.08", "52.71")
POINTS_CSV = """Jenis Layanan;Nama Layanan;Kode Desa;Tahun Dibuka
LTSA;LTSA Kota Mataram;52.71.01.1004;2018
Layanan Terpadu Satu Atap;LTSA Kabupaten Lombok Timur;52.03.08.2007;2019
MRC/BP PIPA;MRC Praya;52.02.03.2001;2020
BP PIPA;MRC Sumbawa;52.04.02.2001;2021
Pos Pelayanan;Pos Pelayanan PMI Bandara;52.02.03.2001;2017
"""


@pytest.fixture(scope="module")
def ntb(shared_data, tmp_path_factory) -> Store:
    sys.path.insert(0, str(ROOT / "tests"))
    from export_data import build_store

    root = tmp_path_factory.mktemp("reach_everywhere")
    store = build_store(root / "store", shared_data, province="52")
    path = root / "titik_layanan.csv"
    path.write_text(POINTS_CSV, encoding="utf-8")
    plan, version = import_file("service_points", path, store, mode="replace_all")
    assert version, [i.message("en") for i in plan.errors]
    return store


def _cli(store: Store, *args: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "cli", "reach", *args, "--json", "--store", str(store.root)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "ATLAS_AUTH": "off"},
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _page(store: Store, page: str, query: dict[str, str], monkeypatch) -> AppTest:
    monkeypatch.setenv("ATLAS_DATA_DIR", str(store.root))
    at = AppTest.from_file(APP, default_timeout=300)
    at.session_state["dataset"] = "store"
    at.session_state["lang"] = "id"
    at.query_params.update(query)
    at.run()
    at.query_params.update(query)
    at.switch_page(f"views/{page}.py")
    at.run()
    assert not at.exception, at.exception
    return at


def _deck_text(data: bytes) -> str:
    deck = Presentation(io.BytesIO(data))
    parts = []
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if shape.has_table:
                parts += [cell.text for row in shape.table.rows for cell in row.cells]
    return "\n".join(parts)


def _pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1  # the brief is one page
    return reader.pages[0].extract_text()


def test_the_same_figures_on_the_pages_the_slides_the_brief_and_the_command(ntb, monkeypatch):
    out = _cli(ntb, "--area", "52", "--type", "LTSA", "--radius-km", "25", "--new", "3")
    assert out["type"] == "LTSA" and out["points"] == 2 and out["year"] == 2024
    share = out["figures"]["reach_placements"]
    assert share == out["share_within"] and 0 < share < 1
    # a Lombok-only type leaves every Sumbawa village with a polygon without a land route
    assert out["no_land_route"] >= 400 and out["solver_status"] == "optimal"
    text = {
        "before": i18n.fmt_pct(share, "id"),
        "reports": i18n.fmt_pct(out["figures"]["reach_reports"], "id"),
        "after": i18n.fmt_pct(out["share_after"], "id"),
    }
    # Cakupan Komunitas, Jangkauan layanan
    at = _page(ntb, "coverage", {"view": "reach", "service": "LTSA", "radius": "25"}, monkeypatch)
    cards = {m.label: m.value for m in at.metric}
    assert cards[figures.label("reach_placements")] == text["before"]
    assert cards[figures.label("reach_reports")] == text["reports"]
    assert cards[figures.label("reach_no_land_route")] == i18n.fmt_int(out["no_land_route"], "id")
    # Perencanaan: three new LTSA for placements
    at = _page(ntb, "planner", {"service": "LTSA", "radius": "25"}, monkeypatch)
    at.button(key="where.run").click().run()
    assert not at.exception, at.exception
    cards = {m.label: m.value for m in at.metric}
    assert cards[i18n.t("where.share_before")] == text["before"]
    assert cards[figures.label("reach_share_after")] == text["after"]
    shown = at.dataframe[-2].value  # the exact answer beside the greedy one
    assert shown[i18n.t("common.code")].tolist() == [s["code"] for s in out["sites"]]
    # the slides and the brief of that answer
    view = where_next_view(ntb, "52", "LTSA", 25, 3, lang="id", threshold=5)
    assert [f.text for f in view.key_figures if f.key == "reach_placements"] == [text["before"]]
    deck = build_sites_deck(view)
    assert len(Presentation(io.BytesIO(deck)).slides) == len(sites_slide_kinds(view)) == 5
    for words in (_deck_text(deck), _pdf_text(build_sites_brief(view))):
        assert text["before"] in words and text["after"] in words and text["reports"] in words
        for site in out["sites"]:
            assert site["code"] in words and site["name"] in words


def test_points_on_both_islands_and_the_ferry_that_joins_them(ntb):
    mrc = _cli(ntb, "--area", "52", "--type", "BP PIPA", "--radius-km", "25")  # an Indonesian name
    ltsa = _cli(ntb, "--area", "52", "--type", "LTSA", "--radius-km", "25")
    ferry = _cli(
        ntb, "--area", "52", "--type", "LTSA", "--radius-km", "25", "--crossing", "kayangan-pototano"
    )
    assert mrc["type"] == "MRC" and mrc["points"] == 2
    # an MRC on Sumbawa too: only the small islands are left without a land route
    assert mrc["no_land_route"] < 50 < ltsa["no_land_route"]
    # the stated ferry joins Sumbawa to Lombok's LTSA
    assert ferry["no_land_route"] < 50 and ferry["crossings"] == ["kayangan-pototano"]
    assert ferry["figures"]["reach_placements"] >= ltsa["figures"]["reach_placements"]


def _plan(adds: list[float], covered: float = 100.0, total: float = 1000.0) -> reach.SitePlan:
    codes = [f"52.01.01.200{i}" for i in range(1, len(adds) + 1)]
    sites = pd.DataFrame({"code": codes, "adds": adds})
    return reach.SitePlan("exact", sites, covered, covered + sum(adds), total, "optimal", 0.1, 0.0, (9, 9))


def test_small_counts_are_hidden_in_every_file_of_the_answer():
    names = {f"52.01.01.200{i}": (f"Desa {i}", "Kec", "Kab") for i in range(1, 4)}
    found = {
        "reach_placements": 0.1,
        "reach_placements_within": 100.0,
        "reach_placements_beyond": 900.0,
        "reach_reports": 0.5,
        "reach_reports_within": 3.0,  # a small count: its share is hidden
        "reach_reports_beyond": 3.0,
        "reach_no_land_route": 12.0,
    }
    view = build_sites_view(
        lang="en",
        threshold=5,
        area="52",
        area_name="Nusa Tenggara Barat",
        period="2024",
        kind="MRC",
        radius_km=25,
        cover="placements",
        exact=_plan([30.0, 3.0, 12.0]),
        greedy=_plan([30.0, 10.0, 9.0]),
        names=names,
        found=found,
        sources=["test"],
    )
    table = view.table()
    adds = table[i18n.t("where.col.adds", "en", cover=i18n.t("where.cover.placements", "en"))].tolist()
    assert adds == ["30", "<5", "x", "45"]  # the one small site, its complement, the total shown
    texts = {f.key: f.text for f in view.key_figures}
    assert texts["reach_reports"] == "x" and texts["reach_placements"] == "10.0%"
    assert texts["reach_share_after"] == "14.5%"
    csv = sites_csv(view).decode("utf-8-sig")
    assert ",<5" in csv and ",x" in csv and ",3.0" not in csv and ",3\n" not in csv
    book = openpyxl.load_workbook(io.BytesIO(sites_xlsx(view)))
    # the adds column: shown counts stay numbers (exports.sheets), the small one and its complement hidden
    assert [row[-1] for row in book.worksheets[0].iter_rows(min_row=2, values_only=True)] == [
        30,
        "<5",
        "x",
        45,
    ]
    deck, brief = _deck_text(build_sites_deck(view)), _pdf_text(build_sites_brief(view))
    for words in (deck, brief):
        assert "<5" in words and "Desa 2" in words
    # the planner's own workbook carries the protected sites
    ranked = score(
        pd.DataFrame(
            {
                "placements": [10.0],
                "reports": [0.0],
                "distance_km": [1.0],
                "enterprises": [0.0],
                "groups": [0.0],
            },
            index=pd.Index(["52.01.01.2001"], name="code"),
        ),
        DEFAULT_WEIGHTS,
    )
    planner = ranking_xlsx(ranked, "en", 5, note=["2024"], extra=[view.sheet(), view.sheet("greedy")])
    book = openpyxl.load_workbook(io.BytesIO(planner))
    sites_sheet = i18n.t("where.sheet.sites", "en")
    assert book.sheetnames[1:] == [
        sites_sheet,
        i18n.t("where.sheet.greedy", "en"),
        i18n.t("export.sheet.note", "en"),
    ]
    assert [row[-1] for row in book[sites_sheet].iter_rows(min_row=2, values_only=True)] == [
        30,
        "<5",
        "x",
        45,
    ]


def test_the_data_page_offers_the_layer(ntb, monkeypatch):
    at = _page(ntb, "data", {}, monkeypatch)
    layer = next(s for s in at.selectbox if s.label == i18n.t("data.layer"))
    assert "service_points" in layer.options or i18n.t("layer.service_points") in layer.options


def test_the_gap_rule_measured_over_land_on_the_page(ntb, monkeypatch):
    at = _page(ntb, "coverage", {}, monkeypatch)
    at.selectbox(key="coverage.gap_to").set_value("LTSA").run()
    assert not at.exception, at.exception
    kind = i18n.t("service.LTSA", "id")
    warnings = [w.value for w in at.warning if kind in w.value]
    # the top fifth of NTB's villages by placements lie mostly on Sumbawa and far from Mataram
    assert warnings and int(warnings[0].split()[0]) > 0
    assert any(
        i18n.t("reach.gap.rule", "id", pct=20, year=2024, min="", km=5, type=kind)[:40] in c.value
        for c in at.caption
    )
    table = at.dataframe[-1].value
    assert i18n.t("reach.gap.km", "id") in table.columns
    assert (table[i18n.t("reach.gap.km", "id")] == i18n.t("reach.no_land_route", "id")).sum() > 0
