"""Distances to the nearest programme village, with programmes across the area's border."""

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from geo.distances import covered_outside, programme_distances


def villages_on_a_line(codes: list[str], step_deg: float = 0.05) -> gpd.GeoDataFrame:
    boxes = [
        shapely.box(106.0 + i * step_deg, -6.01, 106.0 + i * step_deg + 0.01, -6.0) for i in range(len(codes))
    ]
    return gpd.GeoDataFrame({"code": codes}, geometry=boxes, crs=4326)


# Two districts of one regency side by side, then a village of another province.
INSIDE = ["36.04.13.2001", "36.04.13.2002", "36.04.13.2003"]
NEIGHBOUR = ["36.04.14.2001"]
PROVINCE = villages_on_a_line([*INSIDE, *NEIGHBOUR])


def programmes(codes: list[str], **extra) -> pd.DataFrame:
    return pd.DataFrame({"village": codes, "programme": "KKBM", **extra})


def test_a_programme_just_across_the_border_is_the_nearest():
    area = PROVINCE[PROVINCE["code"].isin(INSIDE)]
    out = programme_distances(
        area, programmes(NEIGHBOUR), year=2024, parent="36.04.13", province_villages=PROVINCE
    ).set_index("code")
    assert list(out.index) == [*INSIDE, *NEIGHBOUR]  # the neighbour comes along as a target
    assert out.loc[NEIGHBOUR[0], "km"] == 0
    assert (out["nearest"] == NEIGHBOUR[0]).all()
    # 0.05 degrees apart at 6 S: about 5.5 km per step; the third village is one step away
    assert out.loc[INSIDE[2], "km"] == pytest.approx(5.5, rel=0.03)
    assert out.loc[INSIDE[0], "km"] == pytest.approx(3 * 5.5, rel=0.03)


def test_without_the_province_villages_a_cross_border_programme_is_an_error():
    area = PROVINCE[PROVINCE["code"].isin(INSIDE)]
    with pytest.raises(ValueError, match="province_villages"):
        programme_distances(area, programmes(NEIGHBOUR), year=2024, parent="36.04.13")


def test_programmes_in_other_provinces_and_not_yet_started_do_not_count():
    area = PROVINCE[PROVINCE["code"].isin(INSIDE)]
    rows = pd.concat(
        [programmes(["35.01.01.2001"]), programmes(NEIGHBOUR, start_year=2030)], ignore_index=True
    )
    assert covered_outside(rows, 2024, "36.04.13").empty
    out = programme_distances(area, rows, year=2024, parent="36.04.13")
    assert out["km"].isna().all() and out["nearest"].isna().all()


def test_a_village_with_a_programme_is_at_zero_km_and_a_province_needs_no_neighbours():
    out = programme_distances(PROVINCE, programmes([INSIDE[1]]), year=None, parent="36").set_index("code")
    assert out.loc[INSIDE[1], "km"] == 0
    assert covered_outside(programmes(NEIGHBOUR), None, "36").empty
    assert np.isfinite(out["km"]).all()
