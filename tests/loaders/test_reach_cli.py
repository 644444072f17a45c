"""``atlas reach``: the figures and suggestions as JSON, from a store of real NTB boundaries.

Until the service-points layer can be imported, the points are given in code to
:func:`loaders.reach.reach_summary`; the command itself is run as a user runs it and must say
that the store holds no service points.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from loaders.reach import open_points, reach_summary

ROOT = Path(__file__).resolve().parents[2]
SUMBAWA = ("52.04", "52.05", "52.06", "52.07", "52.72")


@pytest.fixture(scope="module")
def ntb_store(shared_data, tmp_path_factory):
    sys.path.insert(0, str(ROOT / "tests"))
    from export_data import build_store

    return build_store(tmp_path_factory.mktemp("reach") / "store", shared_data, province="52")


POINTS = pd.DataFrame(
    {
        "type": ["LTSA", "LTSA", "MRC", "LTSA"],
        "village": ["52.71.01.1004", "52.03.08.2007", "52.04.02.2001", "52.02.03.2001"],
        "lon": [None, None, None, None],
        "lat": [None, None, None, None],
        "year_opened": [2019, 2020, 2021, 2030],  # the last opens after the data's year
        "year_closed": [None, None, None, None],
    },
    index=["p1", "p2", "p3", "p4"],
)


def test_open_points_keep_the_type_and_the_years():
    assert open_points(POINTS, "ltsa", 2024).index.tolist() == ["p1", "p2"]
    assert open_points(POINTS, "LTSA", None).index.tolist() == ["p1", "p2", "p4"]
    closed = POINTS.assign(year_closed=[2022, None, None, None])
    assert open_points(closed, "LTSA", 2024).index.tolist() == ["p2"]


def test_summary_of_a_lombok_only_type(ntb_store):
    out = reach_summary(ntb_store, "52", "LTSA", 25, points=POINTS, new=3)
    villages = ntb_store.read_attributes(1 + 3, "52", ["code", "has_polygon"])
    assert out["villages"] == len(villages) == 1166
    assert out["no_data"] == int((~villages["has_polygon"].astype(bool)).sum()) == 16
    # every Sumbawa village with a polygon has no land route to a Lombok-only type
    sumbawa = villages[villages["code"].str[:5].isin(SUMBAWA) & villages["has_polygon"].astype(bool)]
    assert out["no_land_route"] >= len(sumbawa)
    assert out["year"] == 2024 and out["points"] == 2 and out["points_unplaced"] == 0
    # the share is of the placements of villages with a polygon, recomputed here from the layer
    rows = ntb_store.read_layer("placements")
    rows = rows[rows["year"] == 2024]
    demand = rows.groupby("village")["count"].sum()
    assert out["demand_located"] + out["demand_no_data"] == demand.sum()
    assert 0 < out["share_within"] < 1
    assert out["share_within"] == pytest.approx(out["demand_within"] / out["demand_located"], abs=1e-6)
    # where next: exact at least as good as greedy; the adds sum to the share gained
    assert out["solver_status"] == "optimal" and len(out["sites"]) == 3
    assert {"code", "name", "adds"} <= set(out["sites"][0])
    assert all(site["name"] for site in out["sites"])
    assert out["share_after"] >= out["greedy"]["share_after"] > out["share_before"] == out["share_within"]
    gained = sum(site["adds"] for site in out["sites"]) / out["demand_located"]
    assert out["share_after"] - out["share_before"] == pytest.approx(gained, abs=1e-6)


def test_reports_cover_and_a_stated_ferry(ntb_store):
    plain = reach_summary(ntb_store, "52", "LTSA", 25, points=POINTS, cover="reports")
    ferry = reach_summary(
        ntb_store, "52", "LTSA", 25, points=POINTS, cover="reports", crossings=["kayangan-pototano"]
    )
    assert plain["cover"] == "reports" and plain["crossings"] == []
    assert ferry["crossings"] == ["kayangan-pototano"]
    assert ferry["no_land_route"] < plain["no_land_route"]
    assert ferry["villages_within"] >= plain["villages_within"]


def test_a_regency_area_uses_its_province_graph(ntb_store):
    out = reach_summary(ntb_store, "52.04", "MRC", 25, points=POINTS, new=1)
    assert out["villages"] == len(ntb_store.read_attributes(4, "52.04", ["code"]))
    assert out["points"] == 1 and out["points_unplaced"] == 0
    assert out["no_land_route"] < out["villages"]
    assert out["sites"][0]["code"].startswith("52.04.")


def _atlas(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "ATLAS_AUTH": "off"},
    )


def test_command_says_the_store_holds_no_service_points(ntb_store):
    done = _atlas(
        "reach",
        "--area",
        "52",
        "--type",
        "LTSA",
        "--radius-km",
        "25",
        "--json",
        "--store",
        str(ntb_store.root),
    )
    assert done.returncode == 1, done.stderr
    assert "service_points" in done.stderr and done.stdout == ""


def test_command_usage(ntb_store, tmp_path):
    shown = _atlas("reach", "--help")
    assert shown.returncode == 0 and "--radius-km" in shown.stdout and "--new" in shown.stdout
    assert _atlas("reach", "--area", "52").returncode == 2  # --type missing
    bad = _atlas(
        "reach", "--area", "52", "--type", "LTSA", "--radius-km", "0", "--store", str(ntb_store.root)
    )
    assert bad.returncode == 2
    empty = _atlas("reach", "--area", "35", "--type", "LTSA", "--store", str(tmp_path / "empty"))
    assert empty.returncode == 1 and "province 35" in empty.stderr


def test_the_solver_prints_nothing_on_standard_output():
    # HiGHS prints a banner on standard output the first time it starts: never into the JSON
    code = "from geo.reach import _silent_highs; _silent_highs(); _silent_highs(); print('only this')"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout == "only this\n"
