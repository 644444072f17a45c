"""AppTest of every dashboard page: on the demo pack and on real Banten boundaries with generated
layers; no exception, the expected elements; and the Indonesian UI has no untranslated text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import i18n
from geo import figures
from loaders.settings import DEMO_DIR
from loaders.store import Store

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
PAGES = ["overview", "placements", "coverage", "enterprises", "reports", "journey", "planner"]
TITLES = {
    "overview": "overview.title",
    "placements": "placements.title",
    "coverage": "coverage.title",
    "enterprises": "enterprises.title",
    "reports": "reports.title",
    "journey": "journey.title",
    "planner": "planner.title",
}


@pytest.fixture(scope="module")
def banten_store(tmp_path_factory, shared_data) -> Path:
    from tests.pages.dashboard_store import build_banten_store

    root = tmp_path_factory.mktemp("banten") / "store"
    build_banten_store(root, shared_data / "boundaries")
    return root


def run_page(page: str, *, dataset: str, lang: str = "id", setup=None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["dataset"] = dataset
    at.session_state["lang"] = lang
    if setup:
        setup(at)
    at.run()
    at.switch_page(f"views/{page}.py")
    at.run()
    return at


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [h.value for h in at.title]
    parts += [h.value for h in at.subheader] + [m.label for m in at.metric]
    return "\n".join(str(p) for p in parts)


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES)
def test_page_on_banten_store(page, banten_store, monkeypatch):
    monkeypatch.setenv("ATLAS_DATA_DIR", str(banten_store))
    at = run_page(page, dataset="store")
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == [i18n.t(TITLES[page], "id")]
    assert not at.error
    assert "DEMO" not in texts(at)
    body = texts(at)
    assert i18n.t("dash.about", "id") in [e.label for e in at.expander]
    if page == "overview":
        labels = [m.label for m in at.metric]
        assert labels == [
            figures.label(n, "id")
            for n in (
                "placements",
                "share_women",
                "origin_villages",
                "programme_villages",
                "enterprises",
                "reports",
            )
        ]
        assert all(m.value != i18n.t("common.no_data", "id") for m in at.metric)
        assert len(at.get("plotly_chart")) == 2
    if page == "placements":
        assert len(at.get("plotly_chart")) == 4
    if page == "coverage":
        assert "celah" in body.lower() or at.warning or at.success
    if page == "reports":
        assert len(at.get("plotly_chart")) == 3
    if page == "journey":  # a store without returns: says so, still shows where workers go
        assert i18n.t("dash.no_layer", "id", layer=i18n.t("layer.returns", "id")) in [
            i.value for i in at.info
        ]
        assert len(at.get("plotly_chart")) == 7
    if page == "planner":
        table = at.dataframe[0].value
        assert i18n.t("planner.score", "id") in table.columns
        scores = table[i18n.t("planner.score", "id")].str.replace(".", "").str.replace(",", ".").astype(float)
        assert scores.is_monotonic_decreasing and scores.iloc[0] > 0
        assert len(at.get("download_button")) == 2


@pytest.mark.slow
def test_planner_weights_change_the_ranking(banten_store, monkeypatch):
    monkeypatch.setenv("ATLAS_DATA_DIR", str(banten_store))
    at = run_page("planner", dataset="store")
    first = at.dataframe[0].value[i18n.t("common.code", "id")].head(5).tolist()
    for name in ("placements", "distance_km", "enterprises", "groups"):
        at.slider(key=f"planner.w.{name}").set_value(0)
    at.slider(key="planner.w.reports").set_value(5).run()
    assert not at.exception
    second = at.dataframe[0].value[i18n.t("common.code", "id")].head(5).tolist()
    assert first != second


@pytest.mark.slow
def test_reports_hotspots_on_banten(banten_store, monkeypatch):
    monkeypatch.setenv("ATLAS_DATA_DIR", str(banten_store))
    at = run_page("reports", dataset="store")
    at.toggle(key="reports.hot").set_value(True).run()
    assert not at.exception, at.exception


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES)
def test_page_in_english(page, banten_store, monkeypatch):
    monkeypatch.setenv("ATLAS_DATA_DIR", str(banten_store))
    # AppTest calls format functions outside the script run, where the language falls back to
    # the ATLAS_LANGUAGE default: set both so widget labels agree.
    monkeypatch.setenv("ATLAS_LANGUAGE", "en")
    at = run_page(page, dataset="store", lang="en")
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == [i18n.t(TITLES[page], "en")]


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES)
def test_page_on_demo(page):
    if not Store(DEMO_DIR).provinces():
        pytest.skip("the demo pack is not built (python -m loaders.demo build)")
    at = run_page(page, dataset="demo")
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == [i18n.t(TITLES[page], "id")]
    assert any("DEMO" in w.value for w in at.warning)


@pytest.mark.parametrize("page", PAGES)
def test_page_on_empty_store_says_what_to_do(page, store_dir):
    at = run_page(page, dataset="store")
    assert not at.exception, at.exception
    assert i18n.t("dash.no_boundaries", "id") in [i.value for i in at.info]


# --------------------------------------------------------------------- translations
DASHBOARD_MODULES = ("text_dashboard", "text_pages", "text_maps", "text_journey", "text_catalogue")
ENGLISH_WORDS = {
    "the",
    "and",
    "of",
    "with",
    "without",
    "village",
    "villages",
    "reports",
    "placements",
    "loaded",
    "download",
    "change",
    "share",
    "women",
    "year",
    "years",
    "map",
    "score",
    "weights",
    "search",
    "click",
    "none",
    "not",
    "available",
    "area",
    "areas",
    "between",
    "nearest",
}


def dashboard_keys() -> list[str]:
    import importlib

    keys = []
    for name in DASHBOARD_MODULES:
        keys += list(importlib.import_module(f"i18n.{name}").TEXT)
    return keys


@pytest.mark.parametrize("key", dashboard_keys())
def test_indonesian_text_is_translated(key):
    entry = i18n.TABLE[key]
    assert entry["id"].strip() and entry["en"].strip(), key
    words = set(re.findall(r"[a-z]+", re.sub(r"{\w+}", "", entry["id"]).lower()))
    assert not words & ENGLISH_WORDS, f"{key}: English words in the Indonesian text: {words & ENGLISH_WORDS}"
    if len(entry["en"].split()) >= 4:
        assert entry["id"] != entry["en"], f"{key}: Indonesian text equals the English one"


def test_placeholders_match_between_languages():
    for key in dashboard_keys():
        entry = i18n.TABLE[key]
        assert set(re.findall(r"{(\w+)}", entry["id"])) == set(re.findall(r"{(\w+)}", entry["en"])), key


def _panel_script():
    import pandas as pd

    from ui.panels import village_panel

    code = "36.04.13.2007"
    layers = {
        "placements": pd.DataFrame(
            {
                "village": [code, code],
                "year": [2022, 2023],
                "gender": ["P", "L"],
                "destination": ["Malaysia"] * 2,
                "count": [1210, 7],
            }
        ),
        "programmes": pd.DataFrame(
            {
                "village": [code],
                "programme": ["KKBM"],
                "start_year": [2019],
                "members": [25],
                "active": [True],
            }
        ),
        "reports": pd.DataFrame(
            {"village": ["36.04.13.2008"], "year": [2023], "channel": ["calo"], "persons": [2], "count": [1]}
        ),
    }
    village_panel(code, "Lontar", "Tirtayasa, Kab. Serang", layers)


def test_village_panel_shows_every_layer():
    at = AppTest.from_function(_panel_script)
    at.session_state["lang"] = "id"
    at.run()
    assert not at.exception, at.exception
    assert at.subheader[0].value == "Desa Lontar"
    tables = [df.value for df in at.dataframe]
    placements = tables[0]
    assert placements.columns.tolist() == ["Tahun", "Jumlah", "Perempuan"]
    assert placements["Jumlah"].tolist() == ["1.210", "7"]  # Indonesian thousands separator
    programmes = [df for df in tables if "Tahun mulai" in df.columns]
    assert programmes and "KKBM" in programmes[0]["Jenis"].tolist()[0]
    captions = [c.value for c in at.caption]
    assert i18n.t("panel.none", "id") in captions  # reports loaded, none for this village
    assert i18n.t("panel.not_loaded", "id") in captions  # enterprises and population not loaded


# --------------------------------------------------------------------- shared links
def open_link(page: str, query: dict[str, str]) -> AppTest:
    """``page`` as a shared link opens it: a run with the link's query and no area in the session.

    (AppTest needs one run before it can switch pages; the area that run resolved is forgotten,
    so the page's run is the first to read the link.)
    """
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["dataset"] = "store"
    at.session_state["lang"] = "id"
    at.query_params.update(query)
    at.run()
    del at.session_state["area"]
    at.query_params.update(query)
    at.switch_page(f"views/{page}.py")
    return at.run()


@pytest.mark.slow
def test_shared_link_area_sets_headlines_and_gaps(banten_store, monkeypatch):
    """A link with ?area= opens that area everywhere on the page, not only on the map.

    The headline cards and the coverage gaps are computed before the map is drawn; they used to
    show the whole province on the link's first run (the map alone showed the linked area).
    """
    import pandas as pd

    monkeypatch.setenv("ATLAS_DATA_DIR", str(banten_store))
    area = "36.04"
    placements = Store(banten_store).read_layer("placements")
    year = int(placements["year"].max())
    inside = placements[placements["village"].str.startswith(area + ".") & (placements["year"] == year)]
    expected = i18n.fmt_int(int(pd.to_numeric(inside["count"]).sum()), "id")

    at = open_link("overview", {"area": area})
    assert not at.exception, at.exception
    assert at.metric[0].value == expected

    at = open_link("coverage", {"area": area})
    assert not at.exception, at.exception
    codes = at.dataframe[0].value[i18n.t("common.code", "id")]
    assert len(codes) and codes.str.startswith(area + ".").all(), codes.tolist()


def _headline_script():
    from geo.figures import Headline
    from ui.dashboard import headline_cards

    headline_cards(
        [
            Headline("placements", 100.0, 100.0),
            Headline("reports", 5.0, 5.0),
            Headline("reports", 4.0, 5.0),
            Headline("enterprises", 3.0, float("nan")),
        ],
        2024,
        per_row=4,
    )


def test_unchanged_headline_has_no_arrow_and_no_colour():
    """'0 dari 2023' is no rise: no green (or, for reports, red) up arrow."""
    from streamlit.proto.Metric_pb2 import Metric

    at = AppTest.from_function(_headline_script, default_timeout=60)
    at.session_state["lang"] = "id"
    at.run()
    assert not at.exception, at.exception
    protos = [m.proto for m in at.metric]
    for proto in (protos[0], protos[1], protos[3]):
        assert proto.direction == Metric.MetricDirection.NONE and proto.color == Metric.MetricColor.GRAY
    assert protos[2].direction == Metric.MetricDirection.DOWN
    assert protos[2].color == Metric.MetricColor.GREEN  # fewer reports is good news


def _legend_script():
    import pandas as pd
    import streamlit as st

    from geo.classify import classify
    from ui.maps import _class_rows

    # five villages of a district: ties make quantile classes "7 – 7", "7 – 14" without care
    classes = classify(pd.Series([7.0, 7.0, 14.0, 19.0, 110.0, float("nan")]), "quantiles", 5)
    st.session_state["legend"] = [label for _, label in _class_rows(classes, share=False, digits=0)]
    shares = classify(pd.Series([0.25, 0.5, 0.965]), "equal_interval", 3)
    st.session_state["shares"] = [label for _, label in _class_rows(shares, share=True, digits=1)]


def test_map_legend_of_whole_numbers_has_distinct_class_limits():
    at = AppTest.from_function(_legend_script, default_timeout=60)
    at.session_state["lang"] = "id"
    at.run()
    assert not at.exception, at.exception
    assert at.session_state["legend"] == ["7", "8 – 14", "15 – 19", "20 – 110", "Tidak ada data"]
    assert at.session_state["shares"][-2:] == ["96,5%", "Tidak ada data"]


@pytest.mark.slow
def test_language_and_dataset_chosen_in_the_sidebar_go_into_the_link(banten_store, monkeypatch):
    """A link copied after switching to English (or to the stored data) reopens it that way."""
    monkeypatch.setenv("ATLAS_DATA_DIR", str(banten_store))
    at = run_page("overview", dataset="demo")
    at.selectbox(key="dataset.choice").set_value("store").run()
    assert not at.exception, at.exception
    assert at.query_params["data"] == "store"
    # (last: AppTest formats the next run's widgets in the ATLAS_LANGUAGE default, Indonesian)
    at.selectbox(key="lang").set_value("en").run()
    assert not at.exception, at.exception
    assert at.query_params["lang"] == "en"
