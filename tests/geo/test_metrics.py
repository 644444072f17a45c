"""Metrics: roll-up by code prefix, filters, rates, shares, changes, village profile."""

import math

import numpy as np
import pandas as pd
import pytest

from geo.codes import Level
from geo.metrics import (
    Filters,
    aggregate,
    area_code,
    area_values,
    change_between,
    filter_layer,
    known_areas,
    measure_values,
    programme_villages,
    rate_per_1000,
    reports_per_100,
    share_women,
    trend,
    village_profile,
)

A = "36.04.13.2007"  # Lontar, Tirtayasa, Kab. Serang
B = "36.04.13.2008"  # same district
C = "36.04.14.2001"  # other district, same regency
D = "36.01.01.2001"  # other regency


def placements() -> pd.DataFrame:
    rows = [
        # village, year, gender, destination, sector, scheme, count
        (A, 2022, "P", "Malaysia", "domestic", "P2P", 10),
        (A, 2023, "P", "Malaysia", "domestic", "P2P", 12),
        (A, 2023, "L", "Taiwan", "factory", "G2G", 4),
        (B, 2023, "P", "Hong Kong", "domestic", "P2P", 6),
        (B, 2023, None, "Hong Kong", "domestic", "P2P", 2),
        (C, 2022, "L", "Korea Selatan", "fishing", "G2G", 5),
    ]
    frame = pd.DataFrame(
        rows, columns=["village", "year", "gender", "destination", "sector", "scheme", "count"]
    )
    frame["village"] = frame["village"].astype("string")
    frame["gender"] = frame["gender"].astype("string")
    frame["year"] = frame["year"].astype("int16")
    return frame


def test_aggregate_rolls_villages_up_by_code_prefix():
    p = placements()
    assert aggregate(p, Level.VILLAGE).to_dict() == {A: 26.0, B: 8.0, C: 5.0}
    assert aggregate(p, Level.DISTRICT).to_dict() == {"36.04.13": 34.0, "36.04.14": 5.0}
    assert aggregate(p, Level.REGENCY).to_dict() == {"36.04": 39.0}
    assert aggregate(p, Level.PROVINCE).to_dict() == {"36": 39.0}


def test_missing_is_not_zero():
    p = placements()
    rows = filter_layer(p, Filters(years=(2023, 2023)))
    values = area_values(p, rows, Level.VILLAGE, codes=[A, B, C, D])
    assert values[A] == 16 and values[B] == 8
    assert values[C] == 0  # in the layer, but no placement in 2023
    assert math.isnan(values[D])  # never in the layer: no data


def test_filters_by_gender_destination_sector_scheme_and_area():
    p = placements()
    assert filter_layer(p, Filters(gender="P"))["count"].sum() == 28
    assert filter_layer(p, Filters(destinations=("Taiwan", "Korea Selatan")))["count"].sum() == 9
    assert filter_layer(p, Filters(sectors=("domestic",)), area="36.04.13")["count"].sum() == 30
    assert filter_layer(p, Filters(schemes=("G2G",), years=(2023, 2024)))["count"].sum() == 4
    assert filter_layer(p, None, area="36.04.14")["village"].tolist() == [C]


def test_share_of_women_counts_only_known_gender():
    share = share_women(placements(), Level.VILLAGE, codes=[A, B, C, D])
    assert share[A] == pytest.approx(22 / 26)
    assert share[B] == pytest.approx(1.0)  # the row without gender is left out
    assert share[C] == 0.0
    assert math.isnan(share[D])


def test_rate_per_1000_uses_latest_population_up_to_year():
    counts = pd.Series({A: 26.0, B: 8.0, D: np.nan})
    population = pd.DataFrame(
        {"village": [A, A, B], "year": [2020, 2023, 2023], "residents": [1000, 2000, 4000]}
    )
    rate = rate_per_1000(counts, population, Level.VILLAGE, year=2023)
    assert rate[A] == pytest.approx(13.0) and rate[B] == pytest.approx(2.0)
    assert math.isnan(rate[D])
    assert rate_per_1000(counts, population, Level.VILLAGE, year=2021)[A] == pytest.approx(26.0)


def test_change_between_two_years():
    p = placements()
    change = change_between(p, p, Level.VILLAGE, 2022, 2023, codes=[A, B, C, D])
    assert change[A] == 6 and change[B] == 8 and change[C] == -5
    assert math.isnan(change[D])
    district = measure_values(
        "change", p, Level.DISTRICT, Filters(), ["36.04.13", "36.04.14"], year_a=2022, year_b=2023
    )
    assert district.to_dict() == {"36.04.13": 14.0, "36.04.14": -5.0}


def test_measure_values_rejects_unknown_measure():
    with pytest.raises(ValueError, match="count, per_1000, share_women, change"):
        measure_values("ratio", placements(), Level.VILLAGE, Filters(), [A])


def test_reports_per_100_placements():
    out = reports_per_100(pd.Series({A: 3.0, B: 1.0, C: 2.0}), pd.Series({A: 30.0, B: 0.0}))
    assert out[A] == pytest.approx(10.0)
    assert math.isnan(out[B]) and math.isnan(out[C])


def layers() -> dict[str, pd.DataFrame]:
    programmes = pd.DataFrame(
        {
            "village": [A, B, C],
            "programme": ["KKBM", "DESMIGRATIF", "KAWAN_PMI"],
            "start_year": pd.array([2021, 2023, 2020], dtype="Int16"),
            "members": pd.array([20, 30, None], dtype="Int64"),
            "active": pd.array([True, True, False], dtype="boolean"),
            "count": [1, 1, 1],
        }
    )
    enterprises = pd.DataFrame(
        {
            "village": [A, A],
            "enterprise_type": ["rumput laut", "kerupuk"],
            "start_year": pd.array([2020, 2023], dtype="Int16"),
            "members": pd.array([5, 8], dtype="Int64"),
            "kur_credit": [True, False],
            "cooperative": [False, True],
            "count": [1, 2],
        }
    )
    reports = pd.DataFrame(
        {
            "village": [A, A, B],
            "year": [2022, 2023, 2023],
            "destination": ["Malaysia", "Malaysia", "Arab Saudi"],
            "channel": ["visa turis", "calo", "visa umroh"],
            "outcome": ["PREVENTED", "RETURNED", "PREVENTED"],
            "persons": [2, 3, 1],
            "count": [1, 2, 1],
        }
    )
    return {
        "placements": placements(),
        "programmes": programmes,
        "enterprises": enterprises,
        "reports": reports,
    }


def test_programme_villages_by_year():
    out = programme_villages(layers()["programmes"], 2022)
    assert out["village"].tolist() == [A]
    assert out["types"].tolist() == ["KKBM"]


def test_trend_by_breakdown():
    out = trend(placements(), by="destination")
    assert out[(out["year"] == 2023) & (out["destination"] == "Hong Kong")]["count"].item() == 8


def test_village_profile_gathers_every_layer():
    profile = village_profile(A, layers())
    assert profile["placements"].set_index("year")["count"].to_dict() == {2022: 10, 2023: 16}
    assert profile["placements"].set_index("year")["women"].to_dict() == {2022: 10, 2023: 12}
    assert profile["destinations"].iloc[0].tolist() == ["Malaysia", 22]
    assert profile["programmes"]["programme"].tolist() == ["KKBM"]
    assert profile["enterprises"]["count"].sum() == 3
    assert profile["reports"].set_index("year")["persons"].to_dict() == {2022: 2, 2023: 3}
    empty = village_profile(D, layers())
    assert empty["placements"].empty and empty["programmes"].empty


def test_scope_makes_unreported_villages_zero_inside_covered_regencies():
    reports = pd.DataFrame({"village": [A], "year": [2023], "count": [2]})
    values = area_values(reports, reports, Level.VILLAGE, codes=[A, B, C, D], scope=Level.REGENCY)
    assert values[A] == 2 and values[B] == 0 and values[C] == 0
    assert math.isnan(values[D])  # regency 36.01 sent no report at all: no data


def test_change_from_a_year_the_layer_does_not_hold_is_no_data():
    p = placements()
    change = change_between(p, p, Level.VILLAGE, 2021, 2023, codes=[A, B])
    assert change.isna().all()  # 2021 is not in the layer: no change from 0
    assert change_between(p, p, Level.VILLAGE, 2022, 2023, codes=[A]).loc[A] == 6


def rows_with_gaps() -> pd.DataFrame:
    """Rows as a stored layer can hold them: missing codes, missing counts, a village whose every
    count is missing, codes repeated out of order."""
    rng = np.random.default_rng(7)
    villages = np.array([A, B, C, D, "36.04.13.2009", None], dtype=object)
    frame = pd.DataFrame(
        {
            "village": pd.array(rng.choice(villages, 400), dtype="string"),
            "count": pd.array(rng.integers(0, 9, 400), dtype="Int64"),
        }
    )
    frame.loc[rng.random(400) < 0.2, "count"] = pd.NA
    frame.loc[frame["village"] == "36.04.13.2009", "count"] = pd.NA
    return frame


@pytest.mark.parametrize("level", list(Level))
def test_aggregate_sums_as_a_groupby_on_the_cut_codes_would(level):
    frame = rows_with_gaps()
    cut = frame["village"].str.slice(0, {1: 2, 2: 5, 3: 8, 4: 13}[int(level)])
    expected = pd.to_numeric(frame["count"]).groupby(cut.values).sum(min_count=1).astype("float64")
    got = aggregate(frame, level)
    assert got.index.tolist() == expected.index.tolist()  # every area with a row, sorted
    np.testing.assert_array_equal(got.to_numpy(), expected.to_numpy())  # NaN where every count is missing
    assert got.index.name == "code" and got.name == "count"
    if level == Level.VILLAGE:
        assert math.isnan(got["36.04.13.2009"]) and "36.01.01.2001" in got.index


def test_area_code_cuts_each_row_and_keeps_missing_codes_missing():
    villages = pd.Series([A, None, D, A], index=[10, 11, 12, 13], name="village")
    out = area_code(villages, Level.DISTRICT)
    assert out.tolist()[0] == "36.04.13" and out.tolist()[2:] == ["36.01.01", "36.04.13"]
    assert out.isna().tolist() == [False, True, False, False]
    assert out.index.tolist() == [10, 11, 12, 13] and out.name == "village"


def test_known_areas_lists_each_area_once_in_order_of_first_row():
    frame = rows_with_gaps()
    cut = frame["village"].str.slice(0, 5).dropna()
    assert known_areas(frame, Level.REGENCY).tolist() == list(dict.fromkeys(cut))
    assert set(known_areas(frame, Level.VILLAGE)) == set(frame["village"].dropna())


def test_area_values_fills_zero_only_where_the_layer_has_data():
    frame = rows_with_gaps()
    rows = frame[frame["village"] == A]
    values = area_values(frame, rows, Level.VILLAGE, codes=[D, A, "36.71.01.1001", B])
    assert values.index.tolist() == [D, A, "36.71.01.1001", B] and values.index.name == "code"
    assert values[A] == pd.to_numeric(rows["count"]).sum()
    assert values[D] == 0 and values[B] == 0  # rows in the layer, none counted
    assert math.isnan(values["36.71.01.1001"])  # no row at all: no data
