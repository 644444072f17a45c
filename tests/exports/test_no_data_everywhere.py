"""Issue 22, items 1 and 3 from the user's side: outside what the stored files cover there is
*no data* (never 0) on the page, the presentation strip, the slide and the PDF alike, and a change
from the year before is computed over the areas both years cover, and says so.

The store: real NTB and Banten boundaries; an NTB-wide placements file for 2023, a Lombok Tengah
file for 2024, a Banten file for 2023 (tests/coverage_data.py: gazetteer villages, counts drawn
in code). So Banten 2024 and Lombok Timur 2024 are not covered, and NTB 2024 covers 1 of the 10
regencies held for 2023.
"""

from __future__ import annotations

import html
import io
import re
import sys
from pathlib import Path

import pandas as pd
import pytest
from pptx import Presentation
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

import i18n
from exports.brief_pdf import build_brief
from exports.deck import build_deck, render_images
from exports.files import tables_csv
from geo import figures
from loaders.export_inputs import load_view
from loaders.layers import import_file

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from coverage_data import (  # noqa: E402
    BANTEN,
    LOMBOK_TENGAH,
    LOMBOK_TIMUR,
    NTB,
    banten_2023,
    boundaries_store,
    hand_total,
    lombok_tengah_2024,
    placement_rows,
    villages_of,
    write_file,
)

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
NO_DATA = i18n.t("common.no_data", "id")
PLACED = figures.label("placements", "id")


@pytest.fixture(scope="module")
def store(shared_data, tmp_path_factory):
    root = tmp_path_factory.mktemp("no-data")
    held = boundaries_store(root / "store", shared_data)
    ntb_rows = placement_rows(villages_of(NTB), (2023,), seed=11)
    files = [
        write_file(root, "penempatan_ntb_2023.xlsx", ntb_rows, "REKAP PENEMPATAN PMI NTB TAHUN 2023"),
        lombok_tengah_2024(root)[0],
        banten_2023(root)[0],
    ]
    for path in files:
        plan, version = import_file("placements", path, held)
        assert version is not None, [i.code for i in plan.errors]
    held.ntb_rows = ntb_rows
    return held


def _layers(store):
    return {"placements": store.read_layer("placements")}


def test_figures_outside_coverage_are_no_data(store):
    layers = _layers(store)
    assert pd.isna(figures.values(layers, BANTEN, 2024)["placements"])
    assert pd.isna(figures.values(layers, LOMBOK_TIMUR, 2024)["placements"])
    assert figures.values(layers, BANTEN, 2023)["placements"] > 0
    assert figures.values(layers, LOMBOK_TENGAH, 2024)["placements"] > 0


def test_a_change_over_different_coverage_is_over_common_ground_and_says_so(store):
    items = {h.name: h for h in figures.headlines(_layers(store), NTB, 2024)}
    placed = items["placements"]
    # the change compares Lombok Tengah 2024 with Lombok Tengah 2023, not all of NTB 2023
    assert placed.previous == hand_total(store.ntb_rows, LOMBOK_TENGAH, 2023)
    assert placed.change == placed.value - placed.previous
    notes = figures.coverage_notes(list(items.values()), 2024, NTB, "id")
    assert any("2024 mencakup 1 dari 10 kabupaten/kota yang ada untuk 2023" in n for n in notes), notes
    en = figures.coverage_notes(list(items.values()), 2024, NTB, "en")
    assert any("2024 covers 1 of the 10 regencies/cities held for 2023" in n for n in en), en


def test_banten_2024_reads_no_data_on_the_strip_slide_brief_and_file(store):
    from ui.present import _strip

    view = load_view(store, BANTEN, year=2024, layer="placements", lang="id")
    placed = next(f for f in view.key_figures if f.key == "placements")
    assert placed.no_data and placed.text == NO_DATA
    assert view.map_values.isna().all()  # the map: no data, not a map of zeros
    strip = _strip(view)
    pairs = dict(
        (html.unescape(label), html.unescape(value))
        for value, label in re.findall(
            r'<div class="v(?: nodata)?">(.*?)</div><div class="l">(.*?)</div>', strip
        )
    )
    assert pairs[PLACED] == NO_DATA
    deck = Presentation(io.BytesIO(build_deck(view, render_images(view, size=(800, 450)))))
    texts = [s.text_frame.text for s in deck.slides[2].shapes if s.has_text_frame]
    assert texts[texts.index(PLACED) + 1] == NO_DATA
    brief = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(build_brief(view))).pages)
    assert NO_DATA in brief and "0 pekerja" not in brief and "100,0" not in brief
    assert i18n.t(
        "export.brief.no_data", "id", layer=i18n.t("export.layer.placements", "id"), period="2024"
    ) in (" ".join(brief.split()))
    assert f"# {PLACED}: {NO_DATA}" in tables_csv(view).decode("utf-8-sig")


def test_the_ringkasan_page_shows_no_data_and_the_coverage_note(store, monkeypatch):
    monkeypatch.setenv("ATLAS_DATA_DIR", str(store.root))
    at = AppTest.from_file(APP, default_timeout=240)
    at.session_state["dataset"] = "store"
    at.session_state["lang"] = "id"
    at.query_params.update({"area": BANTEN, "year": "2024"})
    at.run()
    at.switch_page("views/overview.py")
    at.run()
    assert not at.exception, at.exception
    year = next(s for s in at.selectbox if s.label == i18n.t("dash.year", "id"))
    if year.value != 2024:
        year.set_value(2024).run()
    cards = {m.label: m.value for m in at.metric}
    assert cards[PLACED] == NO_DATA  # never "0"
    # NTB 2024: the change over the one regency both years cover, and the note saying so
    at.query_params.update({"area": NTB})
    at.session_state["area"] = NTB
    at.run()
    captions = " ".join(c.value for c in at.caption)
    assert "2024 mencakup 1 dari 10 kabupaten/kota yang ada untuk 2023" in captions, captions


def test_semua_counts_what_the_map_draws_and_says_what_it_leaves_out(store):
    """Rows of a province without boundaries in the store (Jawa Timur, 35) are not in *Semua*'s
    figure, and a note says how many were left out and where."""
    held = store.read_layer("placements")
    east_java = pd.DataFrame({"village": ["35.10.01.2001"] * 3, "year": [2023] * 3, "count": [700, 800, 900]})
    layers = {"placements": pd.concat([held, east_java], ignore_index=True)}
    kept, left = figures.drawn_only(layers, store.provinces())
    assert figures.values(kept, None, 2023)["placements"] == held.loc[held["year"] == 2023, "count"].sum()
    assert left == {"placements": (2400.0, ["35"])}
    note = figures.outside_note(left, "id")
    assert "2.400" in note and "35" in note
