"""Coverage: distances in km between villages, top placement classes, coverage gaps."""

import warnings

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.coverage import (
    class_breaks,
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


# --------------------------------------------------------------------------- class breaks
@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(st.integers(0, 50), st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)),
        min_size=1,
        max_size=60,
    ),
    st.integers(2, 7),
)
def test_quantile_breaks_equal_mapclassify_to_the_last_bit(values, k):
    """The default scheme is computed without importing mapclassify; its limits must be
    mapclassify's exactly, ties and repeated quantiles included."""
    import mapclassify

    data = np.asarray(values, dtype=float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        expected = mapclassify.Quantiles(data, k=k).bins
    np.testing.assert_array_equal(class_breaks(data, "quantiles", k), expected)


def test_quantile_breaks_of_integer_counts_equal_mapclassify():
    import mapclassify

    counts = np.random.default_rng(7).negative_binomial(1, 0.02, size=8492)
    for k in range(2, 8):
        np.testing.assert_array_equal(
            class_breaks(counts, "quantiles", k), mapclassify.Quantiles(counts, k=k).bins
        )


def test_other_schemes_are_mapclassify_and_unknown_ones_are_refused():
    import mapclassify

    data = np.random.default_rng(3).gamma(2.0, 40.0, size=500)
    np.testing.assert_array_equal(
        class_breaks(data, "natural_breaks", 5), mapclassify.FisherJenks(data, k=5).bins
    )
    np.testing.assert_array_equal(
        class_breaks(data, "equal_interval", 4), mapclassify.EqualInterval(data, k=4).bins
    )
    with pytest.raises(ValueError, match="quantiles, natural_breaks, equal_interval"):
        class_breaks(data, "jenks", 5)


def test_the_default_classification_leaves_mapclassify_unloaded():
    """A map in quantiles (every map's default) is classified without importing mapclassify and
    the scipy.stats, scikit-learn and matplotlib it brings; natural breaks load it."""
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys\n"
        "import pandas as pd\n"
        "from geo.charts import map_classes\n"
        "map_classes(pd.Series([1, 5, 9, 30, 2, 7, None]), 'quantiles', 5)\n"
        "print('mapclassify' in sys.modules, 'scipy.stats' in sys.modules)\n"
        "map_classes(pd.Series([1, 5, 9, 30, 2, 7, None]), 'natural_breaks', 3)\n"
        "print('mapclassify' in sys.modules)\n"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False", "True"]
