"""The reach figures of the registry (geo.figures.reach_values / reach_by_area), the map's classes
and legend, which points are open, and the coverage-gap rule measured over land."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from geo import figures, reach
from geo.coverage import coverage_gaps
from geo.priority import indicators, score

A, B, C, D, E = "52.01.01.2001", "52.01.01.2002", "52.01.02.2001", "52.02.01.2001", "52.02.01.2002"


def table() -> pd.DataFrame:
    """A and B near, C far, D on another island, E without a polygon."""
    return pd.DataFrame(
        {
            "code": [A, B, C, D, E],
            "km": [0.0, 12.0, 40.0, np.nan, np.nan],
            "nearest": ["p", "p", "p", None, None],
            "status": [reach.REACHED, reach.REACHED, reach.REACHED, reach.NO_LAND_ROUTE, reach.NO_DATA],
        }
    )


def layers() -> dict[str, pd.DataFrame]:
    placements = pd.DataFrame(
        {
            "village": [A, B, C, D, E, A],
            "year": [2024, 2024, 2024, 2024, 2024, 2023],
            "count": [10, 20, 30, 40, 7, 99],
        }
    )
    reports = pd.DataFrame({"village": [C, D], "year": [2024, 2024], "count": [2, 3], "persons": [9, 9]})
    return {"placements": placements, "reports": reports}


def test_reach_values_count_what_lies_within_and_leave_no_data_out():
    found = figures.reach_values(table(), layers(), "52", 2024, 25)
    assert found["reach_placements_within"] == 30 and found["reach_placements_located"] == 100
    assert found["reach_placements_beyond"] == 70 and found["reach_placements_no_data"] == 7
    assert found["reach_placements"] == pytest.approx(0.3)
    assert found["reach_placements_no_land_route"] == 40
    # reports count reports, not persons: none of C's or D's is within 25 km
    assert found["reach_reports"] == 0.0 and found["reach_reports_located"] == 5
    assert found["reach_no_land_route"] == 1 and found["reach_villages"] == 5
    # a larger radius reaches C too; no radius crosses the sea to D
    assert figures.reach_values(table(), layers(), "52", 2024, 50)["reach_placements"] == pytest.approx(0.6)


def test_missing_is_never_zero():
    none = figures.reach_values(None, layers(), "52", 2024, 25)
    assert all(math.isnan(v) for v in none.values())  # no service point listed: no data
    no_reports = figures.reach_values(table(), {"placements": layers()["placements"]}, "52", 2024, 25)
    assert math.isnan(no_reports["reach_reports"]) and no_reports["reach_placements"] == pytest.approx(0.3)
    no_year = figures.reach_values(table(), layers(), "52", 2021, 25)
    assert math.isnan(no_year["reach_placements"]) and no_year["reach_no_land_route"] == 1


def test_per_regency_rows_add_up_to_the_area():
    by_area = figures.reach_by_area(table(), layers(), "52", 2024, 25)
    whole = figures.reach_values(table(), layers(), "52", 2024, 25)
    assert list(by_area.index) == ["52.01", "52.02"]
    for part in ("within", "located", "beyond", "no_data"):
        assert by_area[f"reach_placements_{part}"].sum() == whole[f"reach_placements_{part}"]
    assert by_area.loc["52.01", "reach_placements"] == pytest.approx(30 / 60)
    assert (
        by_area.loc["52.02", "reach_placements"] == 0.0 and by_area.loc["52.02", "reach_no_land_route"] == 1
    )


def test_demand_over_a_period_adds_its_years():
    one = figures.reach_demand(layers(), "reach_placements", "52", 2024)
    two = figures.reach_demand(layers(), "reach_placements", "52", (2023, 2024))
    assert one[A] == 10 and two[A] == 109 and two[B] == 20


def test_open_points_by_type_and_year():
    points = pd.DataFrame(
        {
            "type": ["LTSA", "LTSA", "MRC", "MRC"],
            "year_opened": pd.array([2019, 2025, None, 2018], dtype="Int16"),
            "year_closed": pd.array([None, None, None, 2022], dtype="Int16"),
        }
    )
    assert reach.open_points(points, "LTSA", 2024).index.tolist() == [0]
    assert reach.open_points(points, "mrc", 2024).index.tolist() == [2]
    assert reach.open_points(points, "MRC", 2021).index.tolist() == [2, 3]
    assert reach.open_points(points, None, None).index.tolist() == [0, 1, 2]


def test_classes_put_r_in_the_legend_and_keep_no_route_apart():
    legend = reach.class_legend(15, "en")
    names = [name for name, _, _ in legend]
    assert names == ["0-5", "5-10", "10-15", "15-25", "25-50", "50+", "no_land_route", "no_data"]
    colours = [colour for _, colour, _ in legend]
    assert len(set(colours)) == len(colours)  # no land route is never a distance colour
    assert legend[-2][2] == "No land route" and legend[2][2] == "10–15 km"
    classes = reach.distance_classes(table(), reach.class_limits(15))
    assert (
        classes[A] == "0-5"
        and classes[B] == "10-15"
        and classes[D] == "no_land_route"
        and classes[E] == "no_data"
    )


def test_the_gap_rule_over_land_counts_an_island_as_a_gap():
    values = pd.Series({A: 100.0, B: 90.0, C: 80.0, D: 70.0, E: 60.0})
    gaps = coverage_gaps(values, table(), 25, share=1.0)
    # C is farther than R, D has no land route; E has no polygon and is not judged
    assert gaps["code"].tolist() == [C, D]
    assert math.isnan(gaps.set_index("code").loc[D, "km"])


def test_the_planner_indicator_counts_no_land_route_as_farthest():
    frame = layers()
    distances = pd.DataFrame({"code": [A, B, C, D], "nearest": None, "km": [1.0, 1.0, 1.0, 1.0]})
    table_ = indicators(frame, distances, years=(2024, 2024), exclude_covered=False, service=table())
    assert table_.loc[B, "service_km"] == 12.0 and math.isnan(table_.loc[D, "service_km"])
    ranked = score(table_, {"service_km": 1}).set_index("code")
    assert ranked.loc[D, "score"] == ranked.loc[C, "score"] == pytest.approx(100.0)
    assert ranked.loc[A, "score"] == 0.0
    # weight 0 by default: the planner's ranking is the same with or without service points
    default = score(table_, {"placements": 3, "reports": 2, "distance_km": 2, "service_km": 0})
    without = score(table_.drop(columns=["service_km"]), {"placements": 3, "reports": 2, "distance_km": 2})
    assert default["code"].tolist() == without["code"].tolist()
