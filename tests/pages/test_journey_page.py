"""AppTest of the Perjalanan PMI / The journey page (issue 24) on a store built from files (real
boundaries, tests/journey_data.py) and on the demo: its cards are the hand sums of the files, every
control moves without an error, the overview and the village panel carry the returns."""

from __future__ import annotations

from pathlib import Path

import pytest
from journey_data import REGENCY, hand_figures
from streamlit.testing.v1 import AppTest

import i18n
from geo import figures
from geo.journey_charts import reason_label

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")


def open_page(page: str, root: Path | None, lang: str, query: dict[str, str], monkeypatch) -> AppTest:
    if root is not None:
        monkeypatch.setenv("ATLAS_DATA_DIR", str(root))
    monkeypatch.setenv("ATLAS_LANGUAGE", lang)  # AppTest formats widgets outside the run
    at = AppTest.from_file(APP, default_timeout=180)
    at.session_state["dataset"] = "store" if root is not None else "demo"
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


@pytest.fixture(scope="module")
def root(journey_store) -> Path:
    return Path(journey_store[0].root)


def _expected(files, lang: str) -> dict[str, str]:
    hand = hand_figures(files, REGENCY, 2024)
    out = {}
    for name, value in hand.items():
        figure = figures.FIGURES[name]
        out[figures.label(name, lang)] = (
            i18n.fmt_pct(value, lang) if figure.share else i18n.fmt_num(value, lang, figure.digits)
        )
    return out


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_cards_of_a_regency_are_the_hand_sums_of_its_files(root, journey_store, lang, monkeypatch):
    at = open_page("journey", root, lang, {"area": REGENCY, "year": "2024"}, monkeypatch)
    assert [t.value for t in at.title] == [i18n.t("journey.title", lang)]
    assert {m.label: m.value for m in at.metric} == _expected(journey_store[1], lang)
    assert len(at.get("plotly_chart")) == 7
    assert not at.error and not at.warning


def test_every_control_of_the_page_moves(root, monkeypatch):
    at = open_page("journey", root, "id", {"area": REGENCY, "year": "2024"}, monkeypatch)
    labels = []
    for subject in ("broker", "home", "returns"):
        at.button_group(key="journey.map").set_value(subject).run()
        assert not at.exception, (subject, at.exception)
        labels.append(subject)
    what = at.selectbox(key="journey.what")
    for option in ("all", "DEPORTED", "DIED"):
        what.set_value(option).run()
        assert not at.exception, at.exception
    at.button_group(key="journey.how").set_value("persons").run()
    at.button_group(key="journey.flow").set_value("problem").run()
    at.slider(key="journey.top").set_value(3).run()
    assert not at.exception, at.exception
    # the top-N slider reaches the note under the Sankeys
    assert any(i18n.t("journey.flows.note", "id", top=3) == c.value for c in at.caption)


def test_a_province_can_show_its_flows_from_districts(root, monkeypatch):
    at = open_page("journey", root, "en", {"area": "33", "year": "2023"}, monkeypatch)
    toggle = at.toggle(key="journey.finer.en")  # one widget per language (issue 27): key.en in English
    assert not toggle.disabled
    toggle.set_value(True).run()
    assert not at.exception, at.exception


def test_the_overview_carries_the_journey_figures_of_the_page(root, journey_store, monkeypatch):
    at = open_page("overview", root, "id", {"area": REGENCY, "year": "2024"}, monkeypatch)
    cards = {m.label: m.value for m in at.metric}
    expected = _expected(journey_store[1], "id")
    for name in figures.JOURNEY:
        assert cards[figures.label(name, "id")] == expected[figures.label(name, "id")], name
    assert i18n.t("overview.journey", "id") in [c.value for c in at.caption]


def test_the_village_panel_shows_the_returns_by_year_and_reason(root, journey_store, monkeypatch):
    files = journey_store[1]
    back = files.returns[files.returns["village"].str.startswith(REGENCY)]
    village = back.groupby("village")["persons"].sum().idxmax()
    at = open_page("journey", root, "id", {"area": REGENCY, "year": "2024", "village": village}, monkeypatch)
    tables = [df.value for df in at.dataframe]
    per_year = next(t for t in tables if i18n.t("figure.problem_returns", "id") in t.columns)
    mine = back[back["village"] == village]
    expected = mine.groupby("year")["persons"].sum()
    assert per_year[i18n.t("figure.returns", "id")].tolist() == [str(int(v)) for v in expected.to_numpy()]
    reasons = next(t for t in tables if i18n.t("data.field.reason", "id") in t.columns)
    assert set(reasons[i18n.t("data.field.reason", "id")]) == {
        reason_label(r, "id") for r in mine["reason"].unique()
    }


def test_the_demo_journey_in_english_has_no_indonesian_control_words(monkeypatch):
    at = open_page("journey", None, "en", {}, monkeypatch)
    assert any("DEMO" in w.value for w in at.warning)
    words = [b.options for b in at.button_group] + [[s.label] for s in at.selectbox]
    flat = " ".join(str(o) for group in words for o in group)
    for word in ("Kepulangan", "Pulang ke desa", "Orang", "Per 100 penempatan"):
        assert word not in flat, word
