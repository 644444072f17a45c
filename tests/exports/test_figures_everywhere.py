"""One number per figure: the Ringkasan cards, the Ekspor page, the presentation strip, the PPTX
deck, the PDF brief and the CSV/XLSX files show the same value for the same area, period and figure.

Run on the bundled demo and on a store of real Banten boundaries (tests/export_data.py), each
page opened as a user opens it (AppTest, default period), each file read back as a reader reads
it (python-pptx, pypdf, openpyxl). Exports protect small counts: a figure hidden there reads
``<5`` or ``x``; every other one must be the card's exact text.
"""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

import i18n
from exports.brief_pdf import build_brief
from exports.deck import build_deck, render_images
from exports.files import tables_csv, tables_xlsx
from geo import figures
from loaders.export_inputs import load_view
from loaders.settings import DEMO_DIR
from loaders.store import Store

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
LANG = "id"
THRESHOLD = 5


def _open(page: str, dataset: str, root: Path, monkeypatch, query: dict[str, str]) -> AppTest:
    if dataset == "store":
        monkeypatch.setenv("ATLAS_DATA_DIR", str(root))
    monkeypatch.setenv("ATLAS_LANGUAGE", LANG)
    at = AppTest.from_file(APP, default_timeout=180)
    at.session_state["dataset"] = dataset
    at.session_state["lang"] = LANG
    at.query_params.update(query)
    at.run()
    if "area" in at.session_state:
        del at.session_state["area"]  # the page's own run reads the link, as a shared link does
    at.query_params.update(query)
    at.switch_page(f"views/{page}.py")
    at.run()
    assert not at.exception, at.exception
    return at


def _cards(at: AppTest) -> tuple[dict[str, str], int]:
    """Ringkasan: {figure label: value text} and the year shown."""
    year = next(s.value for s in at.selectbox if s.label == i18n.t("dash.year", LANG))
    return {m.label: m.value for m in at.metric}, int(year)


def _strip(at: AppTest) -> dict[str, str]:
    strip = next(m.value for m in at.markdown if 'data-testid="atlas-strip"' in m.value)
    pairs = re.findall(r'<div class="v(?: nodata)?">(.*?)</div><div class="l">(.*?)</div>', strip)
    return {html.unescape(label): html.unescape(value) for value, label in pairs}


def _pptx(data: bytes, labels: list[str]) -> dict[str, str]:
    deck = Presentation(io.BytesIO(data))
    slide = deck.slides[2]  # title, map, key figures
    texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
    return {texts[i]: texts[i + 1] for i in range(len(texts) - 1) if texts[i] in labels}


def _pdf(data: bytes, labels: list[str]) -> tuple[dict[str, str], str]:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    lines = [line.strip() for line in text.splitlines()]
    return {lines[i]: lines[i + 1] for i in range(len(lines) - 1) if lines[i] in labels}, text


def _csv(data: bytes) -> dict[str, str]:
    out = {}
    for line in data.decode("utf-8-sig").splitlines():
        if line.startswith("# ") and ": " in line:
            label, value = line[2:].split(": ", 1)
            out[label] = value.split(" (")[0]
    return out


def _xlsx(data: bytes) -> dict[str, str]:
    """The key figures as a spreadsheet shows them: a number through its number format (a share
    as a percentage), a hidden figure as its label."""
    import openpyxl

    sheet = openpyxl.load_workbook(io.BytesIO(data))[i18n.t("export.deck.key_figures", LANG)]
    out = {}
    for name, value in sheet.iter_rows(min_row=2, max_col=2):
        if isinstance(value.value, (int, float)):
            assert value.number_format != "General", (name.value, value.number_format)
            share = "%" in value.number_format
            out[name.value] = (i18n.fmt_pct if share else i18n.fmt_int)(value.value, LANG)
        else:
            out[name.value] = value.value
    return out


@pytest.fixture(scope="module")
def banten_root(export_store) -> Path:
    return Path(export_store.root)


CASES = [("demo", "99.01"), ("store", "36"), ("store", "36.04")]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("dataset", "area"), CASES, ids=["demo-regency", "banten-province", "banten-regency"]
)
def test_every_surface_shows_the_same_headline_figures(dataset, area, request, monkeypatch):
    root = DEMO_DIR if dataset == "demo" else request.getfixturevalue("banten_root")
    query = {"area": area, "layer": "placements"}

    cards, year = _cards(_open("overview", dataset, root, monkeypatch, query))
    labels = [figures.label(name, LANG) for name in figures.HEADLINES]
    # the registry's figures, in its order, under its names; a store holding returns adds the
    # journey's (issue 24; they go everywhere with the returns export: test_journey_everywhere.py)
    journey = [figures.label(name, LANG) for name in figures.JOURNEY[1:]]
    assert list(cards) in (labels, labels + journey)
    cards = {label: cards[label] for label in labels}

    page = _open("export", dataset, root, monkeypatch, query)
    page_year = next(s.value for s in page.selectbox if s.label == i18n.t("export.page.year", LANG))
    assert int(page_year) == year  # one default period: the latest year with data
    on_page = {m.label: m.value for m in page.metric}
    strip = _strip(_open("export", dataset, root, monkeypatch, {**query, "present": "1"}))

    view = load_view(Store(root), area, year=year, layer="placements", lang=LANG, threshold=THRESHOLD)
    hidden = {f.label for f in view.key_figures if f.hidden}
    deck = _pptx(build_deck(view, render_images(view, size=(800, 450))), labels)
    brief, brief_text = _pdf(build_brief(view), labels)
    surfaces = {
        "Ekspor page": on_page,
        "presentation strip": strip,
        "PPTX": deck,
        "PDF brief": brief,
        "CSV": _csv(tables_csv(view)),
        "XLSX": _xlsx(tables_xlsx(view)),
    }
    no_data = i18n.t("common.no_data", LANG)
    shown = {label: value for label, value in cards.items() if value != no_data}
    assert len(shown) >= 5, cards
    for surface, values in surfaces.items():
        # every figure with data, and a figure of a loaded layer without data there as "no data"
        # (never 0), the same as the card
        assert set(shown) <= set(values) <= set(cards), (surface, values, cards)
        assert all(values[label] == no_data for label in set(values) - set(shown)), (surface, values)
        for label, value in ((k, v) for k, v in values.items() if k in shown):
            if label in hidden:
                assert value in (f"<{THRESHOLD}", "x"), (surface, label, value)
            else:
                assert value == shown[label], (surface, label, value, shown[label])

    # The brief's sentences state the same programme villages as its figure (not "21" above and
    # "23 desa" below), and the same number of reports.
    programme_villages = shown[figures.label("programme_villages", LANG)]
    sentence = next(s for s in view.sentences if s.startswith(i18n.t("export.layer.programmes", LANG)))
    assert i18n.t("export.brief.villages_with", LANG, villages=programme_villages) in sentence
    reports = shown.get(figures.label("reports", LANG))
    if reports and figures.label("reports", LANG) not in hidden:
        sentence = next(s for s in view.sentences if s.startswith(i18n.t("export.layer.reports", LANG)))
        assert f"{reports} {i18n.t('export.unit.reports', LANG).lower()}" in sentence
    assert str(year) in brief_text
