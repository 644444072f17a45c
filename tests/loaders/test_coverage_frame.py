"""The Data page's coverage view (``coverage_frame``, ``atlas coverage``): rows and totals per
covered area and year, as hand sums over the rows give them."""

from __future__ import annotations

import pandas as pd

from geo.data_coverage import Coverage
from loaders.layers import coverage_frame
from loaders.store import Store
from tests.loaders.test_store_scoped import _placements, _province


def test_each_covered_area_counts_the_rows_of_its_villages_in_its_year(tmp_path):
    held = Store(tmp_path / "store")
    _province(held, "52", "Nusa Tenggara Barat")
    rows = _placements({"52.02.01.2001": 4, "52.02.05.2002": 6, "52.01.01.1001": 7, "52.03.01.1001": 2})
    rows.loc[1, "year"] = 2023  # one Lombok Tengah row in 2023
    rows.loc[2, "count"] = pd.NA  # a row without a number: one row, nothing added
    covered = Coverage.of({2024: ["52.02", "52.01", "52.04"], 2023: ["52.02"]})  # 52.04: covered, no row
    info = {"file": "ntb.csv", "provinces": ["52"], "coverage": covered.to_json()}
    first = held.write_layer_version("placements", rows, info, replace=False)
    more = _placements({"52.02.01.2001": 5, "52.02.01.2003": 1})
    second = held.write_layer_version("placements", more, {"provinces": ["52"]}, replace=False)

    table = coverage_frame(held, "placements").set_index(["area", "year"])
    assert table.loc[("52.02", 2024), ["rows", "total"]].tolist() == [3, 10.0]  # 4 + 5 + 1
    assert table.loc[("52.02", 2024), "versions"] == f"{first}, {second}"
    assert table.loc[("52.02", 2023), ["rows", "total"]].tolist() == [1, 6.0]
    assert table.loc[("52.01", 2024), ["rows", "total"]].tolist() == [1, 0.0]
    assert table.loc[("52.04", 2024), ["rows", "total"]].tolist() == [0, 0.0]
    assert ("52.03", 2024) not in table.index  # a row outside what the file says it covers
    assert table["rows"].sum() == 5  # every row inside the coverage, once
