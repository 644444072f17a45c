"""The headline-figure registry: one definition per figure, missing is not zero, changes."""

import math

import pandas as pd
import pytest
from test_metrics import A, B, layers, placements

import i18n
from geo.figures import (
    FIGURES,
    HEADLINES,
    JOURNEY,
    REACH,
    Headline,
    change_text,
    headlines,
    label,
    period_rows,
    values,
)


def test_every_figure_states_layer_count_period_and_suppression_in_both_languages():
    for figure in FIGURES.values():
        assert set(figure.sources) <= {
            "placements",
            "programmes",
            "enterprises",
            "reports",
            "returns",
            "service_points",
        }
        assert figure.counts and figure.period in ("in_year", "by_year")
        assert figure.suppression in ("small_count", "derived", "public")
        for lang in i18n.LANGUAGES:
            assert i18n.t(figure.label_key, lang) and i18n.t(figure.help_key, lang)
    # every figure is on the Ringkasan cards, the journey's (issue 24) or where protection reaches
    # (issue 23)
    assert set(HEADLINES) | set(JOURNEY) | set(REACH) | {"reach_share_after"} == set(FIGURES)
    assert label("reports", "id") == "Laporan non-prosedural"


def test_headlines_with_change_from_previous_year():
    figures = {h.name: h for h in headlines(layers(), "36.04", 2023)}
    assert figures["placements"].value == 24 and figures["placements"].previous == 15
    assert figures["placements"].change == 9
    assert figures["share_women"].value == pytest.approx(18 / 22)
    assert figures["origin_villages"].value == 2 and figures["origin_villages"].previous == 2
    assert figures["programme_villages"].value == 2  # C is inactive
    assert figures["programme_villages"].previous == 1  # B started in 2023
    assert figures["enterprises"].value == 3 and figures["enterprises"].previous == 1
    assert figures["reports"].value == 3 and figures["reports"].change == 2


def test_headlines_missing_layer_is_nan_not_zero():
    figures = {h.name: h for h in headlines({"placements": placements()}, None, 2023)}
    assert figures["placements"].value == 24
    assert math.isnan(figures["reports"].value)
    assert math.isnan(figures["enterprises"].value)


def test_headlines_of_an_area_without_reports_or_programmes_in_a_covered_place_are_zero():
    """Like the reports map (regency scope): no report in a reporting regency is 0, not no data;
    a province with a programme list has 0 programme villages where the list names none."""
    figures = {h.name: h for h in headlines(layers(), "36.04.14", 2023)}
    assert figures["reports"].value == 0 and figures["reports"].previous == 0
    assert figures["programme_villages"].value == 0
    elsewhere = {h.name: h for h in headlines(layers(), "36.01.01", 2023)}
    assert math.isnan(elsewhere["reports"].value)  # no report anywhere in regency 36.01
    assert elsewhere["programme_villages"].value == 0
    assert math.isnan(elsewhere["enterprises"].value)
    other_province = {h.name: h for h in headlines(layers(), "35.10", 2023)}
    assert math.isnan(other_province["programme_villages"].value)


def test_a_year_the_store_does_not_hold_is_no_data_not_zero():
    """A store holding 2024 only: no "+5 dari 2023" beside a card saying there is no 2023 data."""
    only_2024 = placements().assign(year=lambda f: f["year"].where(f["year"] != 2022, 2024))
    only_2024 = only_2024[only_2024["year"] == 2024]
    reports = layers()["reports"].assign(year=2024)
    figures = {h.name: h for h in headlines({"placements": only_2024, "reports": reports}, "36", 2024)}
    assert figures["origin_villages"].value == 2
    assert math.isnan(figures["origin_villages"].previous) and math.isnan(figures["origin_villages"].change)
    assert math.isnan(figures["placements"].previous) and math.isnan(figures["reports"].previous)
    assert change_text(figures["origin_villages"], 2024, "id") == "tidak ada data 2023"
    assert change_text(figures["origin_villages"], 2024, "en") == "no data for 2023"


def test_change_text_signs_and_shares():
    assert change_text(Headline("placements", 24.0, 15.0), 2024, "id") == "+9 dari 2023"
    assert change_text(Headline("placements", 10.0, 15.0), 2024, "en") == "−5 vs 2023"
    assert change_text(Headline("placements", 10.0, 15.0), 2024, "en", minus="-") == "-5 vs 2023"
    assert change_text(Headline("placements", 15.0, 15.0), 2024, "id") == "0 dari 2023"
    assert change_text(Headline("share_women", 0.5, 0.4, True), 2024, "id") == "+10,0 poin persen dari 2023"
    assert change_text(Headline("placements", float("nan"), 15.0), 2024, "id") == ""


def test_share_of_women_counts_only_recorded_gender():
    out = values({"placements": placements()}, "36.04.13", 2023)
    assert out["placements"] == 24 and out["women"] == 18 and out["men"] == 4 and out["gender_unknown"] == 2
    assert out["share_women"] == pytest.approx(18 / 22)


def test_programme_rows_follow_the_by_year_rule():
    programmes = layers()["programmes"]
    assert set(period_rows("programmes", programmes, 2023)["village"]) == {A, B}  # C inactive
    assert set(period_rows("programmes", programmes, 2022)["village"]) == {A}
    reports = period_rows("reports", layers()["reports"], 2023)
    assert (reports["year"] == 2023).all() and len(reports) == 2
    assert period_rows("reports", pd.DataFrame(), 2023).empty
