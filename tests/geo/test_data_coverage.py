"""Coverage and area membership decided once per distinct village must equal the rule applied to
every row (layers repeat their villages: 1.3 million placement rows over 83,762 villages)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from geo.data_coverage import Coverage
from geo.metrics import in_area, programme_villages

VILLAGES = [
    f"{p}.{r:02d}.{d:02d}.{v}" for p in ("33", "35") for r in (1, 2) for d in (1, 2) for v in (2001, 2002)
]


def inside(code: str, area: str) -> bool:
    return code == area or code.startswith(area + ".")


def rule(code, areas) -> int:
    """The docstring of ``Coverage.status``, one code at a time."""
    if code is None or code is pd.NA or not isinstance(code, str) or not code:
        return 0
    if any(inside(code, a) for a in areas):
        return 2
    return 1 if any(a.startswith(code + ".") for a in areas) else 0


@pytest.fixture()
def rows() -> pd.DataFrame:
    rng = np.random.default_rng(3)
    codes = np.array([*VILLAGES, None, "33.01", "33", "35.02.01"], dtype=object)
    picked = rng.choice(codes, 2_000)
    return pd.DataFrame(
        {
            "village": pd.array(picked, dtype="string"),
            "year": pd.array(rng.choice([2021, 2022, None], 2_000), dtype="Int64"),
            "count": 1,
        }
    )


COVERAGE = Coverage.of({2021: ["33.01"], 2022: ["35.02.01.2001", "33.02"], None: ["35.01"]})


@pytest.mark.parametrize("years", [None, 2021, 2022, [2021, 2022], 2020])
def test_status_of_repeated_and_missing_codes_follows_the_rule_per_row(rows, years):
    areas = COVERAGE.areas(years)
    expected = [rule(c, areas) for c in rows["village"].astype(object).where(rows["village"].notna(), None)]
    assert COVERAGE.status(rows["village"], years).tolist() == expected
    assert COVERAGE.status(list(rows["village"]), years).tolist() == expected
    if years is None:  # the sample holds codes inside, around and outside the coverage
        assert set(expected) == {0, 1, 2}


def test_rows_inside_takes_each_rows_own_year_and_every_year_coverage(rows):
    expected = []
    for code, year in zip(rows["village"], rows["year"], strict=True):
        if code is pd.NA:
            expected.append(False)
            continue
        # a row without a year lies only in what is covered every year
        areas = set() if year is pd.NA else set(COVERAGE.areas(int(year)))
        expected.append(rule(code, areas) == 2 or inside(code, "35.01"))
    got = COVERAGE.rows_inside(rows)
    assert got.tolist() == expected
    assert 0 < got.sum() < len(rows)


@pytest.mark.parametrize("area", ["33", "33.01", "33.01.02", "35.02.01.2001", "3", "36", "33.0"])
def test_in_area_keeps_exactly_the_rows_whose_village_lies_inside(rows, area):
    expected = [c is not pd.NA and inside(c, area) for c in rows["village"]]
    assert in_area(rows, area).index.tolist() == rows.index[expected].tolist()


def test_programme_types_are_each_villages_distinct_types_sorted_and_a_village_without_named_type_is_blank():
    programmes = pd.DataFrame(
        {
            "village": ["33.01.01.2001", "33.01.01.2001", "33.01.01.2001", "35.01.01.2002", None],
            "programme": ["KKBM", "Desmigratif", "KKBM", None, "KKBM"],
            "count": [1, 2, 3, 4, 5],
        }
    )
    out = programme_villages(programmes).set_index("village")
    assert out.loc["33.01.01.2001", "types"] == "Desmigratif, KKBM"
    assert out.loc["33.01.01.2001", "count"] == 6
    assert out.loc["35.01.01.2002", "types"] == "" and out.loc["35.01.01.2002", "count"] == 4
    assert len(out) == 2


def pairwise_meet(a, b) -> set[str]:
    """The areas two coverages share, every pair compared: the finer code where one lies inside
    the other."""
    from geo.data_coverage import _maximal

    a, b = _maximal(a), _maximal(b)
    return {x for x in a if any(inside(x, y) for y in b)} | {y for y in b if any(inside(y, x) for x in a)}


def test_common_ground_of_two_years_is_the_pairwise_meet_of_their_areas():
    rng = np.random.default_rng(11)
    pool = ["33", "35", "3", "33.01", "33.02", "33.10", "35.01", "33.01.01", "33.01.02", "33.10.01"]
    pool += ["33.01.01.2001", "33.01.01.2002", "33.1", "330", "35.0"]  # look-alike prefixes
    for _ in range(500):
        first = list(rng.choice(pool, rng.integers(0, 8), replace=False))
        second = list(rng.choice(pool, rng.integers(0, 8), replace=False))
        common = Coverage.of({2023: first, 2024: second}).common([2023, 2024])
        assert set(common.areas(None)) == pairwise_meet(first, second), (first, second)
