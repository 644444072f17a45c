"""Coverage: distances in km between villages, top placement classes, coverage gaps."""

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from geo.coverage import (
    coverage_gaps,
    nearest_distance_km,
    programmes_by_type,
    top_class_threshold,
    village_points,
)

KM_PER_DEG_LON_AT_6S = 110.6  # 111.32 * cos(6 deg) ≈ 110.71; UTM scale keeps it close


def row_of_villages(n: int = 10, step_deg: float = 0.05) -> gpd.GeoDataFrame:
    """``n`` small square villages on a west-east line near Serang, ``step_deg`` apart."""
    codes = [f"36.04.13.{2001 + i}" for i in range(n)]
    boxes = [shapely.box(106.0 + i * step_deg, -6.01, 106.0 + i * step_deg + 0.01, -6.0) for i in range(n)]
    return gpd.GeoDataFrame({"code": codes, "name": codes}, geometry=boxes, crs=4326)


def test_village_points_skip_villages_without_polygon():
    villages = row_of_villages(3)
    villages.loc[1, "geometry"] = None
    points = village_points(villages)
    assert points["code"].tolist() == ["36.04.13.2001", "36.04.13.2003"]
    assert points.geometry.within(villages.geometry.iloc[0]).iloc[0]


def test_nearest_distance_in_km():
    points = village_points(row_of_villages(5))
    out = nearest_distance_km(points, ["36.04.13.2001"]).set_index("code")
    assert out.loc["36.04.13.2001", "km"] == pytest.approx(0.0)
    # 0.05 degrees of longitude at 6° S is about 5.5 km
    assert out.loc["36.04.13.2002", "km"] == pytest.approx(5.53, abs=0.05)
    assert out.loc["36.04.13.2005", "km"] == pytest.approx(4 * 5.53, abs=0.2)
    assert (out["nearest"] == "36.04.13.2001").all()


def test_nearest_distance_without_targets_is_nan():
    out = nearest_distance_km(village_points(row_of_villages(3)), [])
    assert out["km"].isna().all()


def test_top_class_threshold_quantiles_and_unknown_scheme():
    values = pd.Series(np.arange(1, 101, dtype=float))
    assert top_class_threshold(values, "quantiles", k=5, top=1) == 81
    assert top_class_threshold(values, "quantiles", k=5, top=2) == 61
    assert top_class_threshold(values, "equal_interval", k=4, top=1) == pytest.approx(76)
    with pytest.raises(ValueError, match="quantiles, natural_breaks, equal_interval"):
        top_class_threshold(values, "jenks")


def test_coverage_gaps_are_high_villages_far_from_any_programme():
    villages = row_of_villages(10)
    codes = villages["code"].tolist()
    # two highest villages: one next to the programme village, one far away
    values = pd.Series([100, 1, 2, 3, 4, 5, 6, 7, 8, 90], index=codes, dtype=float)
    distances = nearest_distance_km(village_points(villages), [codes[1]])
    gaps = coverage_gaps(values, distances, max_km=10, scheme="quantiles", k=5, top=1)
    assert gaps["code"].tolist() == [codes[9]]
    assert gaps["km"].iloc[0] == pytest.approx(8 * 5.53, abs=0.3)
    # a wider radius closes the gap; a smaller one opens the near village too
    assert coverage_gaps(values, distances, max_km=50).empty
    assert coverage_gaps(values, distances, max_km=3)["code"].tolist() == [codes[0], codes[9]]
    # no programme anywhere: every high village is a gap
    none = nearest_distance_km(village_points(villages), [])
    assert coverage_gaps(values, none, max_km=50)["code"].tolist() == [codes[0], codes[9]]


def test_coverage_gaps_ignore_villages_without_data():
    villages = row_of_villages(6)
    codes = villages["code"].tolist()
    values = pd.Series([np.nan, np.nan, 5, 6, 7, 50], index=codes)
    distances = nearest_distance_km(village_points(villages), [codes[0]])
    gaps = coverage_gaps(values, distances, max_km=1, k=3, top=1)
    assert gaps["code"].tolist() == [codes[5]]


def test_programmes_by_type_lists_every_type():
    programmes = pd.DataFrame(
        {"village": ["36.04.13.2001", "36.04.13.2002", "36.01.01.2001"], "programme": ["KKBM", "KKBM", "MRC"]}
    )
    out = programmes_by_type(programmes, "36.04").set_index("programme")["villages"]
    assert out["KKBM"] == 2 and out["MRC"] == 0 and out["DESMIGRATIF"] == 0
