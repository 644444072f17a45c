"""Reports per area as a count and per 100 placements (one function for the map and hotspots)."""

import numpy as np
import pandas as pd
import pytest

from geo.codes import Level
from geo.metrics import Filters
from geo.reports import report_values

CODES = ["36.04", "36.72"]


def reports() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "village": ["36.04.13.2001", "36.04.13.2002", "36.72.01.1001", "36.04.13.2001"],
            "year": [2023, 2023, 2023, 2021],
            "persons": [3, 2, 4, 7],
            "count": [1, 1, 1, 1],
        }
    )


def placements() -> pd.DataFrame:
    return pd.DataFrame(
        {"village": ["36.04.13.2001", "36.04.13.2009"], "year": [2023, 2023], "count": [200, 50]}
    )


def test_count_is_reports_per_area_of_the_years_chosen():
    out = report_values(reports(), placements(), Level.REGENCY, CODES, filters=Filters(years=(2023, 2023)))
    assert out.loc["36.04"] == 2 and out.loc["36.72"] == 1


def test_per_100_divides_by_placements_of_the_same_years_and_is_missing_without_placements():
    out = report_values(
        reports(), placements(), Level.REGENCY, CODES, measure="per_100", filters=Filters(years=(2023, 2023))
    )
    assert out.loc["36.04"] == pytest.approx(2 / 250 * 100)
    assert np.isnan(out.loc["36.72"])  # no placements: not a rate of zero, not infinity


def test_the_area_limits_the_rows():
    out = report_values(reports(), placements(), Level.REGENCY, CODES, area="36.72")
    assert out.loc["36.72"] == 1
    assert out.loc["36.04"] in (0, None) or np.isnan(out.loc["36.04"])


def test_unknown_measure_names_the_valid_ones():
    with pytest.raises(ValueError, match="count, per_100"):
        report_values(reports(), placements(), Level.REGENCY, CODES, measure="rate")
