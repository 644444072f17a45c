"""The statistics a page shows, read from what the user gets: map legends, charts, refusals.

The folium map is caught where the page hands it to ``st_folium`` (AppTest cannot look inside
the component), so a test reads the legend and colours the browser would draw.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import i18n
from geo import classify
from geo.layers import SERVICE_POINT_TYPES
from loaders.settings import DEMO_DIR
from loaders.store import Store

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")

pytestmark = pytest.mark.skipif(
    not Store(DEMO_DIR).provinces(), reason="the demo pack is not built (python -m loaders.demo build)"
)


@pytest.fixture
def maps_drawn(monkeypatch):
    """The HTML of every map the pages draw, in order (instead of sending them to the browser)."""
    import json

    import ui.maps

    drawn: list[str] = []

    def capture(m, **kwargs):
        html = m.get_root().render()
        style = kwargs.get("feature_group_to_add")
        if style is not None:  # the areas' style, drawn apart: its legend as the browser shows it
            style.add_to(m)
            script = style.render() or "".join(c._template.module.script(c) for c in style._children.values())
            payload, _ = json.JSONDecoder().raw_decode(
                script[script.index("atlasStyle(") :].split(", ", 1)[1]
            )
            html += payload.get("legend", "") + script
        drawn.append(html)
        return {}

    monkeypatch.setattr(ui.maps, "st_folium", capture)
    return drawn


def run_page(page: str, *, lang: str = "id", query: dict | None = None) -> AppTest:
    """``page`` opened on the demo with the URL parameters ``query`` (the view lives in the URL)."""
    at = AppTest.from_file(APP, default_timeout=180)
    at.session_state["dataset"] = "demo"
    at.session_state["lang"] = lang
    at.run()
    at.switch_page(f"views/{page}.py")
    at.query_params.update({key: str(value) for key, value in (query or {}).items()})
    at.run()
    assert not at.exception, at.exception
    return at


def legend_rows(html: str) -> list[tuple[str, str]]:
    """(colour, text) of each row of the map's legend (the first legend box of the page)."""
    box = html[html.index("atlas-legend") :]
    return re.findall(r"background:\s*(#[0-9a-fA-F]{6})[^>]*>\s*</span>\s*([^<]+)<", box)


def test_change_map_is_centred_on_zero_and_a_fall_everywhere_is_blue(maps_drawn, monkeypatch):
    """Penempatan, change between two years on the demo: every regency fell, so the legend has
    only falls (blues, signed "−"), no red class and no white middle class."""
    monkeypatch.setenv("ATLAS_LANGUAGE", "id")
    run_page("placements", query={"measure": "change"})
    rows = legend_rows(maps_drawn[-1])
    classes = rows[:-1]
    assert rows[-1] == (classify.NO_DATA_COLOUR, i18n.t("common.no_data", "id"))
    assert classes, rows
    assert {c for c, _ in classes} <= set(classify.DIVERGING_NEGATIVE), rows
    assert all(text.strip().startswith("\u2212") for _, text in classes), rows


def _figures(at: AppTest) -> list[dict]:
    import plotly.io

    return [plotly.io.from_json(chart.proto.spec).to_dict() for chart in at.get("plotly_chart")]


def test_sector_donut_names_unrecorded_sectors_and_groups_small_slices():
    """Penempatan's sector donut: its largest slice was labelled "–"; slices under 5 % crowded."""
    # every year (a range on request; the page opens on the latest year), as the total below
    at = run_page("placements", query={"year": "2021-2024"})
    donut = next(f for f in _figures(at) if f["data"][0].get("type") == "pie")
    labels, values = list(donut["data"][0]["labels"]), _numbers(donut["data"][0]["values"])
    assert "–" not in labels and i18n.t("common.not_recorded", "id") in labels
    total = sum(values)
    assert sum(v < 0.05 * total for v in values) <= 1, list(zip(labels, values, strict=True))
    assert abs(total - sum(_placement_total())) < 1e-6  # the donut is the whole, not the top 8


def _numbers(array) -> list[float]:
    """Plotly's JSON array, plain or typed (``{"dtype": "f8", "bdata": base64}``)."""
    import base64

    import numpy as np

    if isinstance(array, dict):
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).astype(float).tolist()
    return [float(v) for v in array]


def _placement_total() -> list[float]:
    frame = Store(DEMO_DIR).read_layer("placements")
    return [float(frame["count"].sum())]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_value_axis_titles_are_written_across_not_up_the_side(lang, monkeypatch):
    """Laporan at 1366×768: the vertical title *Laporan non-prosedural* was clipped at the top."""
    monkeypatch.setenv("ATLAS_LANGUAGE", lang)
    at = run_page("reports", lang=lang)
    unit = i18n.t("metric.reports", lang)
    bars = [f for f in _figures(at) if f["data"][0].get("type") == "bar"]
    assert len(bars) == 2
    for figure in bars:
        title = (figure["layout"].get("yaxis", {}).get("title") or {}).get("text") or ""
        assert title == "", title
        assert unit in [a["text"] for a in figure["layout"].get("annotations", [])]


# ------------------------------------------------------------------ hotspots (Laporan)
def test_hotspots_on_three_regencies_are_refused_with_a_finer_level_suggested(maps_drawn):
    """The demo's default view has 3 regencies: no Gi* there, an explanation and a suggestion."""
    at = run_page("reports", query={"hotspots": "1"})
    warnings = [w.value for w in at.warning]
    refusal = next((w for w in warnings if "Titik panas tidak dihitung" in w), None)
    assert refusal is not None, warnings
    assert "hanya 3 kabupaten/kota" in refusal and "kecamatan" in refusal and "desa/kelurahan" in refusal
    legend = [text for _, text in legend_rows(maps_drawn[-1])]
    assert i18n.t("hotspot.hot", "id") not in legend  # the map shows the counts, not hot spots


@pytest.mark.parametrize("lang", ["id", "en"])
def test_hotspots_at_village_level_state_the_method(lang, maps_drawn, monkeypatch):
    monkeypatch.setenv("ATLAS_LANGUAGE", lang)
    at = run_page("reports", lang=lang, query={"hotspots": "1", "hot_level": "4"})
    captions = "\n".join(c.value for c in at.caption)
    assert "Getis-Ord Gi*" in captions
    assert i18n.t("hotspot.correction.fdr", lang) in captions
    assert ("999 permutasi" if lang == "id" else "999 conditional permutations") in captions
    legend = [text for _, text in legend_rows(maps_drawn[-1])]
    assert legend[:3] == [i18n.t(f"hotspot.{c}", lang) for c in ("hot", "cold", "not_significant")]
    # the widget is drawn anew in each language (its key names a language other than Indonesian)
    at.radio(key="reports.correction" if lang == "id" else f"reports.correction.{lang}").set_value(
        "bonferroni"
    ).run()
    assert not at.exception
    assert "Bonferroni" in "\n".join(c.value for c in at.caption)


# ------------------------------------------------------------------ coverage gaps (Cakupan)
def _gap_count(at: AppTest) -> int:
    found = [w.value for w in at.warning if "tidak punya program" in w.value]
    if not found:
        return 0
    return int(re.match(r"(\d+)", found[0]).group(1))


def test_coverage_gaps_do_not_follow_the_class_slider():
    """The number of gaps followed *Jumlah kelas* (17 at 5 classes, 32 at 3)."""
    five = run_page("coverage", query={"classes": 5})
    three = run_page("coverage", query={"classes": 3})
    assert _gap_count(five) == _gap_count(three) > 0
    rule = next(c.value for c in five.caption if c.value.startswith("Aturan celah cakupan"))
    assert "20% desa dengan penempatan terbanyak" in rule


def test_no_gaps_without_a_programme_layer(maps_drawn, monkeypatch):
    import ui.dashboard

    loaded = ui.dashboard.load_layers

    def without_programmes():
        return {k: v for k, v in loaded().items() if k != "programmes"}

    monkeypatch.setattr(ui.dashboard, "load_layers", without_programmes)
    at = run_page("coverage")
    assert _gap_count(at) == 0 and not at.success
    assert any("Muat berkas program" in i.value for i in at.info), [i.value for i in at.info]
    assert "Garis tebal" not in maps_drawn[-1]  # nothing outlined, nothing explained


def test_every_programme_type_of_a_village_is_on_the_map_and_its_legend(maps_drawn):
    """Each village dot showed only its first programme, so Perdes PMI never appeared."""
    import json

    at = run_page("coverage")
    html = maps_drawn[-1]
    legend = [text for _, text in legend_rows(html)]
    chart = next(f for f in _figures(at) if f["data"][0].get("type") == "bar")
    shown = dict(zip(chart["data"][0]["y"], _numbers(chart["data"][0]["x"]), strict=True))
    payload = json.loads(re.search(r"\"pts\":\s*(\{.*?\})", html).group(1))
    groups = [payload["pal"][g] for g in payload["g"]]
    for name, villages in shown.items():
        if villages > 0:
            assert name in legend, (name, legend)
    assert i18n.t("programme.PERDES", "id") in legend
    assert len(groups) == sum(shown.values())  # one ring per programme type of each village
    assert "Garis tebal: celah cakupan (20% teratas, tanpa program dalam 5 km)" in html


# ------------------------------------------------------------------ planner (Perencanaan)
def test_planner_excluded_villages_have_their_own_class_and_the_period_is_the_range(maps_drawn):
    """Skipped villages were grey and labelled *Tidak ada data*; the help said *tahun terpilih*."""
    years = sorted(Store(DEMO_DIR).read_layer("placements")["year"].dropna().astype(int).unique())
    # pages open on the latest year (the period rule); the user widens the range to every year
    at = run_page("planner", query={"area": "99.01", "year": f"{int(years[0])}-{int(years[-1])}"})
    rows = legend_rows(maps_drawn[-1])
    # the score's classes end with no data; the service points' legend (issue 23) may follow
    no_data = rows.index((classify.NO_DATA_COLOUR, i18n.t("common.no_data", "id")))
    assert (classify.EXCLUDED_COLOUR, i18n.t("planner.excluded", "id")) in rows[:no_data]
    assert all(
        text in {i18n.t(f"service.{k}", "id") for k in SERVICE_POINT_TYPES} for _, text in rows[no_data + 1 :]
    )
    body = "\n".join([c.value for c in at.caption] + [m.value for m in at.markdown])
    assert "tahun terpilih" not in body
    assert f"Periode: {years[0]}–{years[-1]}" in body
    assert f"berangkat pada {years[0]}–{years[-1]}" in body


def test_planner_names_the_indicators_whose_layer_is_empty(monkeypatch):
    """With only placements loaded there was no word that the other indicators are empty."""
    import ui.dashboard

    loaded = ui.dashboard.load_layers
    monkeypatch.setattr(ui.dashboard, "load_layers", lambda: {"placements": loaded()["placements"]})
    at = run_page("planner")
    note = next((i.value for i in at.info if i.value.startswith("Tidak berpengaruh pada skor")), None)
    assert note is not None, [i.value for i in at.info]
    for name in ("reports", "distance_km", "enterprises", "groups"):
        assert i18n.t(f"planner.ind.{name}", "id") in note
    assert i18n.t("planner.ind.placements", "id") + "," not in note
    for name in ("reports", "enterprises", "groups", "distance_km"):
        assert at.slider(key=f"planner.w.{name}").disabled
    table = at.dataframe[0].value
    scores = table[i18n.t("planner.score", "id")].str.replace(".", "").str.replace(",", ".").astype(float)
    assert scores.max() == 100.0  # the empty indicators do not dilute the one that counts


# ------------------------------------------------------------------ recruitment agencies (Penempatan)
AGENCY_NAMES = ("PT Mitra Sejahtera Insani", "PT Bina Tenaga Kerja Persada", "CV Karya Bersama")


@pytest.fixture(scope="module")
def agency_store(tmp_path_factory) -> Path:
    """The demo pack with its placements recorded by recruitment agency (P3MI)."""
    import pandas as pd

    root = tmp_path_factory.mktemp("agency") / "store"
    store = Store(DEMO_DIR).snapshot(root)
    rows = store.read_layer("placements").drop(columns="version")
    rows["agency"] = pd.array([AGENCY_NAMES[i % 3] for i in range(len(rows))], dtype="string")
    store.write_layer_version("placements", rows, {"source": "penempatan_p3mi.xlsx"}, replace=True)
    return root


def _agency_bars(at: AppTest) -> dict[str, float]:
    title = i18n.t("placements.agencies", "id")
    figure = next(f for f in _figures(at) if f["layout"]["title"]["text"].startswith(title))
    return dict(zip(figure["data"][0]["y"], _numbers(figure["data"][0]["x"]), strict=True))


def test_placements_by_agency_chart_and_filter(agency_store, monkeypatch):
    """A P3MI column is a breakdown (a chart of placements by agency) and a filter, like
    destination and sector; without it the page says it is not recorded, never a chart of zeros."""
    monkeypatch.setenv("ATLAS_DATA_DIR", str(agency_store))
    at = AppTest.from_file(APP, default_timeout=180)
    at.session_state["dataset"] = "store"
    at.session_state["lang"] = "id"
    at.run()
    at.switch_page("views/placements.py")
    at.query_params["year"] = "2021-2024"  # the view bar's period lives in the URL (issue 27)
    at.run()
    assert not at.exception, at.exception
    rows = Store(agency_store).read_layer("placements")
    expected = rows.groupby("agency")["count"].sum().astype(float).to_dict()
    assert _agency_bars(at) == expected
    chosen = AGENCY_NAMES[1]
    at.multiselect(key="placements.agency").set_value([chosen]).run()
    assert not at.exception, at.exception
    lo, hi = at.select_slider(key="view.years").value  # the period the page now shows
    held = rows[(rows["agency"] == chosen) & rows["year"].between(int(lo), int(hi))]["count"].sum()
    assert _agency_bars(at) == {chosen: float(held)}
    donut = next(f for f in _figures(at) if f["data"][0].get("type") == "pie")
    assert sum(_numbers(donut["data"][0]["values"])) == held  # every chart of the page is filtered


def test_placements_without_agencies_say_so():
    at = run_page("placements", query={"year": "2021-2024"})
    title = i18n.t("placements.agencies", "id")
    assert not any(f["layout"]["title"]["text"].startswith(title) for f in _figures(at))
    assert i18n.t("placements.agencies_none", "id") in [c.value for c in at.caption]
