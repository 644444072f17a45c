"""The journey figures (issue 24) on tiny frames, against sums worked out by hand."""

import math

import numpy as np
import pandas as pd
import pytest
from test_metrics import A, B, C, D, layers

from geo import journey
from geo.codes import Level
from geo.figures import FIGURES, JOURNEY, headlines, values
from geo.layers import LAYERS
from geo.metrics import Filters

E = "36.04.14.2002"  # a village of C's district with no placement at all


def returns() -> pd.DataFrame:
    rows = [
        # village, year, reason, problem, route, persons
        (A, 2022, "END_OF_CONTRACT", None, "PROCEDURAL", 6),
        (A, 2023, "DEPORTED", "UNDOCUMENTED", "NON_PROCEDURAL", 2),
        (A, 2023, "END_OF_CONTRACT", None, "PROCEDURAL", 5),
        (B, 2023, "DIED", None, "PROCEDURAL", 1),
        (C, 2023, "PROBLEM", "UNPAID_WAGES", "NON_PROCEDURAL", 3),
        (C, 2023, "SICK", None, None, 1),
        (E, 2023, "END_OF_CONTRACT", None, None, 4),
        (E, 2023, None, None, None, 2),
    ]
    frame = pd.DataFrame(rows, columns=["village", "year", "reason", "problem", "route", "persons"])
    frame["country"] = [
        "Malaysia",
        "Malaysia",
        "Malaysia",
        "Taiwan",
        "Arab Saudi",
        "Arab Saudi",
        "Hong Kong",
        None,
    ]
    return frame.reindex(columns=list(LAYERS["returns"].columns)).astype(LAYERS["returns"].columns)


def journey_layers() -> dict[str, pd.DataFrame]:
    return {**layers(), "returns": returns()}


def test_journey_figures_of_a_regency_are_the_hand_sums():
    got = values(journey_layers(), "36.04", 2023)
    assert got["placements"] == 24  # 12 + 4 (A) + 6 + 2 (B)
    assert got["returns"] == 2 + 5 + 1 + 3 + 1 + 4 + 2
    assert got["problem_returns"] == 2 + 1 + 3 + 1  # deported, died, problem case, sick
    assert got["deported"] == 2 and got["died"] == 1
    assert got["problem_per_100"] == pytest.approx(7 / 24 * 100)
    # outside the procedure: report persons (A 3, B 1) + non-procedural returns (A 2, C 3)
    assert got["non_procedural"] == 9
    assert got["non_procedural_share"] == pytest.approx(9 / (9 + 24))
    # home again: A and B have a programme or an enterprise in 2023; C (3 + 1) and E (4 + 2) none
    assert got["returnees_without_support"] == 10
    # the parts of the returns add up to them (the suppression groups rely on it)
    parts = [got[p] for p in ("reason.END_OF_CONTRACT", "deported", "reason.PROBLEM", "reason.SICK", "died")]
    assert sum(parts) + got["reason.OTHER"] + got["reason.none"] == got["returns"]


def test_no_placements_is_no_rate_never_zero_or_infinite():
    got = values(journey_layers(), "36.04.14", 2023)  # C and E: placements held, none in 2023
    assert got["placements"] == 0
    assert got["problem_returns"] == 4
    assert math.isnan(got["problem_per_100"])
    series = journey.return_values(
        returns(), layers()["placements"], Level.VILLAGE, [A, C, E], filters=Filters(years=(2023, 2023))
    )
    assert series[A] == pytest.approx(2 / 16 * 100)
    assert np.isnan(series[C]) and np.isnan(series[E])
    assert not np.isinf(series).any()


def test_missing_returns_are_no_data_and_a_listed_regency_is_zero():
    assert all(math.isnan(values(layers(), "36.04", 2023)[name]) for name in JOURNEY if name != "placements")
    outside = values(journey_layers(), "36.01", 2023)  # the returns layer lists nothing in 36.01
    assert math.isnan(outside["returns"]) and math.isnan(outside["problem_per_100"])
    counts = journey.return_values(
        returns(), layers()["placements"], Level.VILLAGE, [A, "36.04.13.2009", D], what="all", how="persons",
        filters=Filters(years=(2023, 2023)),
    )  # fmt: skip
    assert counts[A] == 7 and counts["36.04.13.2009"] == 0 and np.isnan(counts[D])
    # a year the layer does not hold is no data too
    assert math.isnan(values(journey_layers(), "36.04", 2021)["returns"])


def test_the_share_outside_the_procedure_needs_both_of_its_sources():
    without_reports = {k: v for k, v in journey_layers().items() if k != "reports"}
    got = values(without_reports, "36.04", 2023)
    assert math.isnan(got["non_procedural_share"]) and got["returns"] == 18
    share = journey.non_procedural_values(
        layers()["reports"], returns(), layers()["placements"], Level.DISTRICT, ["36.04.13", "36.04.14"],
        filters=Filters(years=(2023, 2023)),
    )  # fmt: skip
    # 36.04.13: reports 4 + np returns 2 against 24 placements; 36.04.14: 0 + 3, no placements
    assert share["36.04.13"] == pytest.approx(6 / 30)
    assert share["36.04.14"] == pytest.approx(1.0)
    channels = journey.non_procedural_by_channel(layers()["reports"], returns(), "36.04", (2023, 2023))
    assert channels.groupby("channel")["persons"].sum().to_dict() == {
        "calo": 3,
        "visa umroh": 1,
        journey.NP_RETURNS_CHANNEL: 5,
    }


def test_home_again_needs_the_enterprise_and_programme_lists():
    no_lists = {k: v for k, v in journey_layers().items() if k not in ("programmes", "enterprises")}
    assert math.isnan(values(no_lists, "36.04", 2023)["returnees_without_support"])
    per_village = journey.unsupported_by_village(
        returns(), layers()["programmes"], layers()["enterprises"], years=(2023, 2023)
    )
    assert per_village.to_dict() == {A: 0.0, C: 4.0, E: 6.0}  # B's only return died
    by_district = journey.unsupported_values(
        returns(), layers()["programmes"], layers()["enterprises"], Level.DISTRICT, ["36.04.13", "36.04.14", "36.01.01"],
        years=(2023, 2023),
    )  # fmt: skip
    assert (
        by_district["36.04.13"] == 0 and by_district["36.04.14"] == 10 and np.isnan(by_district["36.01.01"])
    )


def test_journey_headlines_carry_their_change_and_digits():
    items = {h.name: h for h in headlines(journey_layers(), "36.04", 2023, JOURNEY)}
    assert [h for h in items] == list(JOURNEY)
    assert items["returns"].value == 18 and items["returns"].previous == 6
    assert items["problem_per_100"].digits == 1 and FIGURES["problem_per_100"].suppression == "derived"
    assert items["problem_returns"].previous == 0 and items["problem_returns"].change == 7


def test_the_journey_by_year_puts_departures_returns_and_reports_side_by_side():
    frame = journey.journey_by_year(journey_layers(), "36.04")
    left = frame[frame["stage"] == "left"].set_index("year")["persons"]
    assert left.to_dict() == {2022: 15.0, 2023: 24.0}
    back = frame[(frame["stage"] == "returned") & (frame["year"] == 2023)].set_index("part")["persons"]
    assert back.sum() == 18 and back["none"] == 2 and back["DEPORTED"] == 2
    assert frame[frame["stage"] == "non_procedural"].set_index("year")["persons"].to_dict() == {
        2022: 2.0,
        2023: 4.0,
    }
    table = journey.reason_table(returns()[returns()["year"] == 2023])
    assert table["reason"].tolist() == ["END_OF_CONTRACT", "DEPORTED", "PROBLEM", "SICK", "DIED", "none"]


def test_the_planner_weighs_returnees_with_nothing_to_return_to():
    from geo.priority import empty_indicators, indicators, score

    distances = pd.DataFrame({"code": [A, B, C, E], "nearest": [A, A, A, A], "km": [0.0, 0.5, 2.0, 2.0]})
    table = indicators(journey_layers(), distances, area="36.04", years=(2023, 2023), exclude_covered=False)
    assert table["returnees_unsupported"].to_dict() == {A: 0.0, B: 0.0, C: 4.0, E: 6.0}
    assert E in table.index  # a village with returnees only is a candidate too
    ranked = score(table, {"placements": 1, "returnees_unsupported": 5})
    assert ranked["code"].iloc[0] == E
    assert score(table, {"placements": 5, "returnees_unsupported": 0})["code"].iloc[0] == A
    assert "returnees_unsupported" not in empty_indicators(journey_layers(), area="36.04", years=(2023, 2023))
    no_lists = {k: v for k, v in journey_layers().items() if k != "enterprises"}
    assert "returnees_unsupported" in empty_indicators(no_lists, area="36.04", years=(2023, 2023))
