"""The journey (issue 24) from the user's side: a store of real boundaries built from files, the
figures of one regency against sums made by hand from those files, flows that add up, and the
same journey figures on the page, the Ekspor page, the presentation strip, the slides, the brief
and the CSV/XLSX, with small counts protected everywhere they leave the office."""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

import pytest
from journey_data import REGENCY, hand_figures
from pptx import Presentation
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

import i18n
from exports.brief_pdf import build_brief
from exports.deck import build_deck, render_images, slide_kinds
from exports.files import tables_csv, tables_xlsx
from exports.journey import TOTAL, country_table
from geo import figures, flows
from geo.codes import Level
from loaders.export_inputs import load_view
from loaders.settings import DEMO_DIR
from loaders.store import Store

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
THRESHOLD = 5


@pytest.fixture(scope="module")
def journey(journey_store):
    store, files = journey_store
    return store, files, {name: store.read_layer(name) for name in store.layers()}


@pytest.mark.parametrize("year", [2023, 2024])
def test_the_journey_figures_of_a_regency_are_the_sums_of_the_files(journey, year):
    store, files, layers = journey
    got = figures.values(layers, REGENCY, year)
    for name, value in hand_figures(files, REGENCY, year).items():
        assert got[name] == pytest.approx(value), name
    assert got["problem_returns"] > 0 and got["returnees_without_support"] > 0


def test_flows_add_up_to_the_placements_and_the_returns(journey):
    store, files, layers = journey
    for area in (REGENCY, "33"):
        for year in (2023, 2024):
            hand = hand_figures(files, area, year) if area != "33" else None
            placed = files.placements[
                files.placements["village"].str.startswith(area + ".") & (files.placements["year"] == year)
            ]["count"].sum()
            level = flows.origin_level(area)
            out = flows.placement_flows(
                layers["placements"], area=area, level=level, years=(year, year), top=3
            )
            assert out["value"].sum() == placed
            assert set(out["destination"]) <= {*files.placements["country"], flows.OTHER}
            assert (out["destination"] != flows.OTHER).groupby(out["destination"]).any().sum() <= 3 + 1
            # per origin: each regency's (district's) own placements
            per_origin = out.groupby("origin")["value"].sum()
            width = 5 if level == Level.REGENCY else 8
            codes = files.placements.assign(origin=files.placements["village"].str.slice(0, width))
            codes = codes[codes["village"].str.startswith(area + ".") & (codes["year"] == year)]
            assert per_origin.to_dict() == codes.groupby("origin")["count"].sum().astype(float).to_dict()
            back = flows.return_flows(layers["returns"], area=area, years=(year, year), top=3)
            if hand is not None:
                assert back["value"].sum() == hand["returns"]
    view = load_view(store, REGENCY, year=2024, layer="returns", lang="id", threshold=THRESHOLD)
    by_kind = {f.kind: f for f in view.flows}
    hand = hand_figures(files, REGENCY, 2024)
    assert by_kind["left"].table.values.at[TOTAL, TOTAL] == hand["placements"]
    assert by_kind["back"].table.values.at[TOTAL, TOTAL] == hand["returns"]
    assert by_kind["back"].table.values.at[TOTAL, "problem"] == hand["problem_returns"]
    assert by_kind["problem"].table.values.at[TOTAL, TOTAL] == hand["problem_returns"]
    links = by_kind["left"].links()
    assert links["value"].sum() == hand["placements"]  # shown and hidden together
    assert (links.loc[links["hidden"], "label"].isin(["<5", "x"])).all()
    assert links.loc[links["value"].between(1, THRESHOLD - 1), "hidden"].all()


def test_no_name_and_no_nik_is_stored(journey):
    store, files, _ = journey
    blob = b"".join(p.read_bytes() for p in Path(store.root).rglob("*") if p.is_file())
    assert files.niks and not any(nik.encode() in blob for nik in files.niks)
    assert not any(name.encode() in blob for name in files.names)
    assert b"Dusun Kulon" not in blob
    for layer in store.layers():
        text = store.read_layer(layer).astype(str).to_csv()
        assert not any(nik in text for nik in files.niks)


# --------------------------------------------------------------------------- every surface
def _open(page: str, root: Path, monkeypatch, query: dict[str, str], lang: str) -> AppTest:
    dataset = "demo" if root == DEMO_DIR else "store"
    if dataset == "store":
        monkeypatch.setenv("ATLAS_DATA_DIR", str(root))
    monkeypatch.setenv("ATLAS_LANGUAGE", lang)
    at = AppTest.from_file(APP, default_timeout=180)
    at.session_state["dataset"] = dataset
    at.session_state["lang"] = lang
    at.query_params.update(query)
    at.run()
    if "area" in at.session_state:
        del at.session_state["area"]
    at.query_params.update(query)
    at.switch_page(f"views/{page}.py")
    at.run()
    assert not at.exception, at.exception
    return at


def _strip(at: AppTest) -> dict[str, str]:
    strip = next(m.value for m in at.markdown if 'data-testid="atlas-strip"' in m.value)
    pairs = re.findall(r'<div class="v">(.*?)</div><div class="l">(.*?)</div>', strip)
    return {html.unescape(label): html.unescape(value) for value, label in pairs}


def _pptx(data: bytes, labels: list[str]) -> dict[str, str]:
    slide = Presentation(io.BytesIO(data)).slides[2]  # title, map, key figures
    texts = [s.text_frame.text for s in slide.shapes if s.has_text_frame]
    return {texts[i]: texts[i + 1] for i in range(len(texts) - 1) if texts[i] in labels}


def _pdf(data: bytes, labels: list[str]) -> dict[str, str]:
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    lines = [line.strip() for line in reader.pages[0].extract_text().splitlines()]
    found: dict[str, str] = {}
    for i in range(len(lines) - 1):  # the figures come first (a table header may repeat a label)
        if lines[i] in labels:
            found.setdefault(lines[i], lines[i + 1])
    return found


def _csv(data: bytes) -> dict[str, str]:
    out = {}
    for line in data.decode("utf-8-sig").splitlines():
        if line.startswith("# ") and ": " in line:
            label, value = line[2:].split(": ", 1)
            out[label] = value.split(" (")[0]
    return out


def _xlsx(data: bytes, lang: str) -> dict[str, str]:
    """The key figures as a spreadsheet shows them: a number through its number format (a share
    as a percentage, one decimal where the format has one), a hidden figure as its label."""
    import openpyxl

    sheet = openpyxl.load_workbook(io.BytesIO(data))[i18n.t("export.deck.key_figures", lang)]
    out = {}
    for name, value in sheet.iter_rows(min_row=2, max_col=2):
        if isinstance(value.value, (int, float)):
            assert value.number_format != "General", (name.value, value.number_format)
            if "%" in value.number_format:
                out[name.value] = i18n.fmt_pct(value.value, lang)
            else:
                out[name.value] = i18n.fmt_num(value.value, lang, 1 if "0.0" in value.number_format else 0)
        else:
            out[name.value] = value.value
    return out


@pytest.mark.slow
@pytest.mark.parametrize(
    ("store", "area", "lang"),
    [("demo", "99.01", "id"), ("files", REGENCY, "en"), ("files", "33.01.09", "id")],
    ids=["demo-regency", "real-regency-en", "real-district"],
)
def test_every_surface_shows_the_same_journey_figures(store, area, lang, request, monkeypatch):
    root = DEMO_DIR if store == "demo" else Path(request.getfixturevalue("journey")[0].root)
    query = {"area": area, "layer": "returns"}
    page = _open("journey", root, monkeypatch, query, lang)
    year = int(next(s.value for s in page.selectbox if s.label == i18n.t("dash.year", lang)))
    labels = [figures.label(name, lang) for name in figures.JOURNEY]
    cards = {m.label: m.value for m in page.metric}
    assert list(cards) == labels  # the journey's figures, in the registry's order and names
    shown = {k: v for k, v in cards.items() if v != i18n.t("common.no_data", lang)}
    assert len(shown) == len(labels), cards

    ekspor = _open("export", root, monkeypatch, query, lang)
    assert int(next(s.value for s in ekspor.selectbox if s.label == i18n.t("export.page.year", lang))) == year
    strip = _strip(_open("export", root, monkeypatch, {**query, "present": "1"}, lang))
    journey_strip = _strip(_open("journey", root, monkeypatch, {**query, "present": "1"}, lang))

    view = load_view(
        Store(root), area, year=year, layer="returns", lang=lang, threshold=THRESHOLD, demo=store == "demo"
    )
    assert slide_kinds(view)[-4:] == ["flows-left", "flows-back", "flowmap-left", "flowmap-problem"]
    hidden = {f.label for f in view.key_figures if f.hidden}
    surfaces = {
        "Ekspor page": {m.label: m.value for m in ekspor.metric},
        "presentation strip": strip,
        "journey page presented": journey_strip,
        "PPTX": _pptx(build_deck(view, render_images(view, size=(800, 450))), labels),
        "PDF brief": _pdf(build_brief(view), labels),
        "CSV": _csv(tables_csv(view)),
        "XLSX": _xlsx(tables_xlsx(view), lang),
    }
    for surface, values in surfaces.items():
        assert set(values) == set(shown), (surface, values, shown)
        for label, value in values.items():
            if label in hidden:
                assert value in (f"<{THRESHOLD}", "x"), (surface, label, value)
            else:
                assert value == shown[label], (surface, label, value, shown[label])
    # the brief's countries are the flow tables' (protected) totals
    table = country_table(view.flows, lang)
    assert len(table) >= 3 and set(table.columns) == {"country", "left", "returned", "problem"}
    text = " ".join(PdfReader(io.BytesIO(build_brief(view))).pages[0].extract_text().split())
    assert i18n.t("export.flows.title", lang) in text and table["country"].iloc[0] in text


def test_a_villages_small_counts_are_hidden_the_same_in_the_strip_and_the_reason_chart(journey):
    """Deaths, deportations and problem returns are small counts: the export of one village hides
    them, and the reasons chart of the slides hides what the figures hide (one protection)."""
    store, files, layers = journey
    back = files.returns[(files.returns["year"] == 2024) & files.returns["village"].str.startswith(REGENCY)]
    village = back.groupby("village")["persons"].sum().sort_values().index[-1]
    view = load_view(store, village, year=2024, layer="returns", lang="id", threshold=THRESHOLD)
    figures_by_key = {f.key: f for f in view.key_figures}
    exact = figures.values(layers, village, 2024)
    for key in ("deported", "died", "problem_returns", "returns"):
        if 1 <= exact[key] < THRESHOLD:
            assert figures_by_key[key].text == f"<{THRESHOLD}", key
    chart = next(c for c in view.charts if c.key == "reason")
    from geo.journey_charts import reason_label

    for key, reason in (("deported", "DEPORTED"), ("died", "DIED")):
        label = reason_label(reason, "id")
        if label in chart.data.values.index and key in figures_by_key:
            assert bool(chart.data.hidden.at[label, "value"]) == figures_by_key[key].hidden, key
    table = view.village_table().set_index(i18n.t("export.village", "id"), drop=False)
    assert set(view.villages.values.columns) >= {
        "returns",
        "problem_returns",
        "deported",
        "died",
        "unsupported",
    }
    small = view.villages.values.loc[:, ["deported", "died"]].iloc[:-1]
    small_cells = ((small >= 1) & (small < THRESHOLD)).to_numpy()
    assert (view.villages.hidden.loc[small.index, ["deported", "died"]].to_numpy() | ~small_cells).all()
    assert len(table) > 1


def test_the_journey_export_of_a_store_without_returns_has_no_journey(export_store):
    """A store holding no returns layer: placements exports as before, no journey flows or sentence."""
    view = load_view(export_store, "36.04", year=2024, layer="placements", lang="en", threshold=THRESHOLD)
    assert [f.key for f in view.key_figures] == list(figures.HEADLINES[: len(view.key_figures)])
    assert not view.flows and len(view.sentences) == 4
    assert not any(s.startswith(i18n.t("export.layer.returns", "en")) for s in view.sentences)


def test_the_returns_map_of_an_export_counts_zero_only_where_returns_are_listed(journey):
    store, files, layers = journey
    view = load_view(store, "33", year=2024, layer="returns", lang="en", threshold=THRESHOLD)
    listed = {c[:8] for c in layers["returns"]["village"]}
    zero = view.map_values[view.map_values == 0].index
    assert all(code[:5] in {c[:5] for c in listed} for code in zero)  # a listed regency's district
    assert view.legend_title.startswith(i18n.t("export.unit.returns", "en"))
    assert len(view.map_values) == len(view.map_areas)
