"""The period rule and "missing is not zero", as a user meets them on the pages (AppTest)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.proto.Metric_pb2 import Metric
from streamlit.testing.v1 import AppTest

import i18n
from geo import figures
from loaders import demo

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")


def _open(page: str, monkeypatch, *, root: Path | None = None, query: dict | None = None) -> AppTest:
    if root is not None:
        monkeypatch.setenv("ATLAS_DATA_DIR", str(root))
    at = AppTest.from_file(APP, default_timeout=180)
    at.session_state["dataset"] = "store" if root is not None else "demo"
    at.session_state["lang"] = "id"
    at.query_params.update(query or {})
    at.run()
    at.switch_page(f"views/{page}.py")
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.fixture(scope="module")
def store_2024_only(tmp_path_factory) -> Path:
    """The demo pack's boundaries and layers, with placements and reports of 2024 only."""
    root = tmp_path_factory.mktemp("only2024") / "store"
    store = demo.build(root)  # the demo pack, built through the store's own writers
    for layer in ("placements", "reports"):
        rows = store.read_layer(layer)
        store.write_layer_version(
            layer, rows[rows["year"] == 2024], {"source": f"{layer}-2024.xlsx"}, replace=True
        )
    return root


@pytest.mark.slow
def test_overview_without_the_previous_year_shows_no_change_and_says_so(store_2024_only, monkeypatch):
    """Not "Desa asal 5 ↑ +5 dari 2023" beside a card saying there is no 2023 data."""
    at = _open("overview", monkeypatch, root=store_2024_only)
    cards = {m.label: m for m in at.metric}
    for name in ("placements", "share_women", "origin_villages", "reports"):
        card = cards[figures.label(name, "id")]
        assert card.value != i18n.t("common.no_data", "id")
        assert card.proto.delta == "tidak ada data 2023", (name, card.proto.delta)
        assert card.proto.direction == Metric.MetricDirection.NONE, name
        assert card.proto.color == Metric.MetricColor.GRAY, name


@pytest.mark.slow
@pytest.mark.parametrize("page", ["placements", "reports", "planner"])
def test_range_pages_open_on_the_latest_year_and_follow_the_chosen_year(page, monkeypatch):
    """One period rule: the latest year with data (as Ringkasan), a range only on request."""
    at = _open(page, monkeypatch)
    sliders = [s for s in at.select_slider if s.label == i18n.t("dash.years", "id")]
    assert sliders and tuple(sliders[0].value) == (2024, 2024), sliders[0].value
    at = _open(page, monkeypatch, query={"year": "2023"})
    sliders = [s for s in at.select_slider if s.label == i18n.t("dash.years", "id")]
    assert tuple(sliders[0].value) == (2023, 2023)


@pytest.mark.slow
def test_overview_states_the_period_of_its_charts(monkeypatch):
    at = _open("overview", monkeypatch)
    titles = [json.loads(chart.proto.spec)["layout"]["title"]["text"] for chart in at.get("plotly_chart")]
    assert titles == [
        f"{i18n.t('overview.trend', 'id')}, 2021–2024",
        f"{i18n.t('overview.reports_trend', 'id')}, 2023–2024",
    ]


@pytest.mark.slow
@pytest.mark.parametrize("page", ["placements", "reports", "enterprises", "coverage"])
def test_every_chart_title_states_its_period(page, monkeypatch):
    """No "Tren penempatan" summing every year without saying so: each title ends with the period."""
    at = _open(page, monkeypatch)
    titles = [json.loads(chart.proto.spec)["layout"]["title"]["text"] for chart in at.get("plotly_chart")]
    assert titles, page
    trends = TREND_CHARTS.get(page, 0)
    assert all(title.endswith(", 2024") for title in titles[trends:]), titles
    if trends:  # a trend over the chosen year alone is one dot: it spans every year held, and says so
        layer = "reports" if page == "reports" else "placements"
        years = sorted(demo_store().read_layer(layer)["year"].dropna().astype(int).unique())
        assert len(years) > 1
        assert all(title.endswith(f", {years[0]}–{years[-1]}") for title in titles[:trends]), titles
        spec = json.loads(at.get("plotly_chart")[0].proto.spec)
        shown = {int(float(x)) for trace in spec["data"] for x in _array(trace.get("x"))}
        assert shown == set(years), (shown, years)


#: How many of a page's first charts are trends over every year held.
TREND_CHARTS = {"placements": 1, "reports": 2}


def _array(value) -> list:
    """A plotly JSON array: a list, or numpy's bytes as ``{"dtype", "bdata"}`` (base64)."""
    import base64

    import numpy as np

    if value is None:
        return []
    if isinstance(value, dict) and "bdata" in value:
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"]).tolist()
    return list(value)


def demo_store():
    from loaders.settings import DEMO_DIR
    from loaders.store import Store

    return Store(DEMO_DIR)
