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
    import ui.maps

    drawn: list[str] = []

    def capture(m, **_kwargs):
        drawn.append(m.get_root().render())
        return {}

    monkeypatch.setattr(ui.maps, "st_folium", capture)
    return drawn


def run_page(page: str, *, lang: str = "id", state: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.session_state["dataset"] = "demo"
    at.session_state["lang"] = lang
    at.run()
    at.switch_page(f"views/{page}.py")
    for key, value in (state or {}).items():
        at.session_state[key] = value
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
    run_page("placements", state={"placements.measure": "change"})
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
    at = run_page("placements")
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
