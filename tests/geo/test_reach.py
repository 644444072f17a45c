"""Distance over land and where next (geo.reach) on the real boundaries of NTB and Banten."""

from __future__ import annotations

import itertools

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from pyproj import Geod
from scipy import sparse
from scipy.sparse.csgraph import shortest_path

from geo import reach
from geo.boundaries import build_province, repair_geometry

GEOD = Geod(ellps="WGS84")
LOMBOK = ("52.01", "52.02", "52.03", "52.08", "52.71")
SUMBAWA = ("52.04", "52.05", "52.06", "52.07", "52.72")


def _province(shared_data, province: str) -> gpd.GeoDataFrame:
    """The province's villages as an import stores them (cleaned; no polygon: null geometry)."""
    desa = gpd.read_parquet(
        shared_data / "boundaries" / "desa" / f"desa_{province}.parquet", columns=["kode", "geometry"]
    )
    geometry, _ = repair_geometry(desa.geometry.values)
    villages = gpd.GeoDataFrame({"code": desa["kode"].to_numpy()}, geometry=list(geometry), crs=4326)
    return build_province(province, villages).village


@pytest.fixture(scope="module")
def ntb(shared_data):
    villages = _province(shared_data, "52")
    return villages, reach.land_graph(villages)


@pytest.fixture(scope="module")
def banten(shared_data):
    villages = _province(shared_data, "36")
    return villages, reach.land_graph(villages)


def _point(villages: gpd.GeoDataFrame, code: str) -> tuple[float, float]:
    """The point of a village of one polygon, computed here as the method says (point_on_surface)."""
    polygon = villages.set_index("code").geometry[code]
    assert polygon.geom_type == "Polygon"
    point = shapely.point_on_surface(polygon)
    return point.x, point.y


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    return GEOD.inv(a[0], a[1], b[0], b[1])[2] / 1000.0


def test_a_sumbawa_village_never_reaches_a_lombok_only_type(ntb):
    villages, graph = ntb
    points = pd.DataFrame({"village": ["52.71.01.1004", "52.02.03.2001", "52.03.08.2007"]})
    result = reach.reach(graph, points)
    assert result.unplaced == ()
    table = result.table.set_index("code")
    regency = table.index.str[:5]
    sumbawa = table[regency.isin(SUMBAWA)]
    lombok = table[regency.isin(LOMBOK) & (table["status"] != reach.NO_DATA)]
    assert len(sumbawa) > 500
    assert (sumbawa["status"] != reach.REACHED).all() and sumbawa["km"].isna().all()
    assert (sumbawa.loc[sumbawa["status"] != reach.NO_DATA, "status"] == reach.NO_LAND_ROUTE).all()
    # Lombok's main island is reached (a few small islands off it are not)
    assert (lombok["status"] == reach.REACHED).mean() > 0.98
    # no radius puts Sumbawa's demand within reach
    demand = pd.Series(1.0, index=table.index)
    within = reach.share_within(table.reset_index(), demand, 10_000)
    assert within["within"] == (table["status"] == reach.REACHED).sum()
    assert within["no_land_route"] >= (sumbawa["status"] == reach.NO_LAND_ROUTE).sum()


def test_the_stated_crossing_joins_the_islands_only_when_given(ntb):
    villages, graph = ntb
    points = pd.DataFrame({"village": ["52.03.08.2007"]})  # Labuhan Lombok, the Kayangan ferry port
    without = reach.reach(graph, points).table.set_index("code")
    assert without.loc["52.07.06.2004", "status"] == reach.NO_LAND_ROUTE  # Poto Tano, Sumbawa
    assert "kayangan-pototano" not in graph.crossings

    ferry = reach.land_graph(villages, crossings=["kayangan-pototano"])
    assert ferry.crossings == ("kayangan-pototano",)
    joined = reach.reach(ferry, points).table.set_index("code")
    crossing = _km(_point(villages, "52.03.08.2007"), _point(villages, "52.07.06.2004"))
    assert joined.loc["52.07.06.2004", "status"] == reach.REACHED
    assert joined.loc["52.07.06.2004", "km"] == pytest.approx(crossing, rel=1e-9)
    sumbawa = joined[joined.index.str[:5].isin(SUMBAWA) & (joined["status"] == reach.REACHED)]
    assert len(sumbawa) > 500 and (sumbawa["km"] >= crossing - 1e-9).all()
    # a crossing whose ends are not both in the graph is left out
    assert reach.land_graph(villages, crossings=["padangbai-lembar"]).crossings == ()


def test_distances_agree_with_a_hand_checked_pair_of_neighbours(banten):
    villages, graph = banten
    lontar, susukan = "36.04.13.2007", "36.04.13.2008"  # neighbours in Kec. Tirtayasa, Kab. Serang
    geometry = villages.set_index("code").geometry
    assert geometry[lontar].intersects(geometry[susukan])
    a, b = _point(villages, lontar), _point(villages, susukan)
    # a point placed by village code sits on the village's point; the straight edge is the shortest path
    table = reach.reach(graph, pd.DataFrame({"village": [lontar]})).table.set_index("code")
    assert table.loc[lontar, "km"] == 0.0
    assert table.loc[susukan, "km"] == pytest.approx(_km(a, b), rel=1e-9)
    # a point with coordinates: its leg to the village's point comes first
    inside = shapely.Point(a).buffer(0.002).intersection(geometry[lontar]).representative_point()
    located = pd.DataFrame({"village": [lontar], "lon": [inside.x], "lat": [inside.y]}, index=["LTSA-1"])
    table = reach.reach(graph, located).table.set_index("code")
    leg = _km((inside.x, inside.y), a)
    assert leg > 0
    assert table.loc[susukan, "km"] == pytest.approx(leg + _km(a, b), rel=1e-9)
    assert table.loc[susukan, "nearest"] == "LTSA-1"


def test_island_and_misplaced_polygon_have_no_land_route(banten):
    _, graph = banten
    table = reach.reach(graph, pd.DataFrame({"village": ["36.73.01.1001"]})).table.set_index("code")
    assert table.loc["36.04.08.2009", "status"] == reach.NO_LAND_ROUTE  # Pulo Panjang, an island
    assert table.loc["36.04.13.2009", "status"] == reach.NO_LAND_ROUTE  # Wargasara, polygon 15 km off
    # Ujungjaya's largest part (Ujung Kulon) is mainland, though it also holds Panaitan island
    assert table.loc["36.01.01.2007", "status"] == reach.REACHED
    # Cikoneng holds Pulau Sangiang, larger than its mainland part: it stays on the mainland
    assert table.loc["36.04.30.2003", "status"] == reach.REACHED
    assert (table["status"] == reach.REACHED).sum() == len(table) - 2


def test_a_village_without_a_polygon_is_no_data(ntb):
    villages, graph = ntb
    missing = villages.loc[~villages["has_polygon"].astype(bool), "code"].tolist()
    assert len(missing) == 16 and set(graph.no_polygon) == set(missing)
    points = pd.DataFrame({"village": ["52.71.01.1004", missing[0]]}, index=["ok", "nowhere"])
    result = reach.reach(graph, points)
    assert result.unplaced == ("nowhere",)
    rows = result.table.set_index("code").loc[missing]
    assert (rows["status"] == reach.NO_DATA).all() and rows["km"].isna().all()
    within = reach.share_within(result.table, pd.Series(5.0, index=[missing[0], "52.71.01.1004"]), 25)
    assert within["no_data"] == 5 and within["located"] == 5 and within["share"] == 1.0


def test_exact_beats_greedy_where_greedy_is_wrong():
    # a covers 4 units; b and c 3.5 each, disjoint: greedy takes a then 1.5 more, the best pair is b + c
    cover = sparse.csc_matrix(
        np.array(
            [[1, 1, 0], [1, 1, 0], [1, 0, 1], [1, 0, 1], [0, 1, 0], [0, 0, 1]],
            dtype=float,
        )
    )
    problem = reach.CoverProblem(
        demand=np.array([1, 1, 1, 1, 1.5, 1.5]),
        groups=tuple((str(i),) for i in range(6)),
        candidates=np.array(["a", "b", "c"], dtype=object),
        cover=cover,
        covered=0.0,
        total=7.0,
        radius_km=1.0,
    )
    greedy = reach.solve_greedy(problem, 2)
    exact = reach.solve_exact(problem, 2)
    assert greedy.sites["code"].tolist() == ["a", "b"] and greedy.covered_after == 5.5
    assert sorted(exact.sites["code"]) == ["b", "c"] and exact.covered_after == 7.0
    assert exact.status == "optimal" and exact.sites["adds"].tolist() == [3.5, 3.5]


def _brute_force(graph, demand: pd.Series, existing: str, radius: float, n: int) -> float:
    """The best covered demand over every set of ``n`` villages, from all-pairs distances."""
    dist = shortest_path(graph.matrix, directed=False)
    nodes = {code: i for i, code in enumerate(graph.codes)}
    weights = demand.reindex(graph.codes).fillna(0).to_numpy()
    within = dist <= radius
    covered = within[nodes[existing]]
    best = 0.0
    for chosen in itertools.combinations(range(len(graph)), n):
        hit = covered | within[list(chosen)].any(axis=0)
        best = max(best, float(weights[hit].sum()))
    return best


@pytest.mark.parametrize("n", [1, 2, 3])
def test_exact_equals_brute_force_on_a_small_regency(ntb, n):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from export_data import placements_frame

    villages, _ = ntb
    bima = villages[villages["code"].str.startswith("52.72.") & villages["has_polygon"].astype(bool)]
    graph = reach.land_graph(bima)  # Kota Bima: 41 villages
    rows = placements_frame(pd.Series(graph.codes))
    demand = rows.groupby("village")["count"].sum().astype(float)
    existing = graph.codes[0]
    radius = 3.0
    table = reach.reach(graph, pd.DataFrame({"village": [existing]})).table
    exact, greedy = reach.plan_sites(graph, demand, radius, n, existing_km=table.set_index("code")["km"])
    best = _brute_force(graph, demand, existing, radius, n)
    assert exact.status == "optimal"
    assert exact.covered_after == pytest.approx(best)
    assert exact.covered_after >= greedy.covered_after
    assert exact.covered_before == greedy.covered_before > 0
    assert exact.covered_after - exact.covered_before == pytest.approx(exact.sites["adds"].sum())
    assert len(exact.sites) <= n and list(exact.sites["adds"]) == sorted(exact.sites["adds"], reverse=True)


def test_where_next_on_ntb_covers_at_least_the_greedy_answer(ntb):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from export_data import placements_frame

    villages, graph = ntb
    demand = placements_frame(pd.Series(graph.codes)).groupby("village")["count"].sum().astype(float)
    points = pd.DataFrame({"village": ["52.71.01.1004"]})
    table = reach.reach(graph, points).table.set_index("code")
    assert table.loc["52.71.01.1004", "km"] == 0.0
    exact, greedy = reach.plan_sites(graph, demand, 25, 3, existing_km=table["km"])
    assert exact.status == "optimal" and exact.gap == 0.0
    assert exact.covered_after >= greedy.covered_after > exact.covered_before
    before = reach.share_within(table.reset_index(), demand, 25)
    assert exact.covered_before == pytest.approx(before["within"])
    assert exact.total == pytest.approx(before["located"])
    # with every Lombok village covered-or-not, a new site is worth placing on Sumbawa too
    assert any(code[:5] in SUMBAWA for code in exact.sites["code"])
    assert exact.size[1] <= len(graph)


def test_map_classes_keep_no_land_route_and_no_data_apart(ntb):
    _, graph = ntb
    table = reach.reach(graph, pd.DataFrame({"village": ["52.71.01.1004"]})).table
    classes = reach.distance_classes(table)
    assert list(classes.index) == list(table["code"])
    by_status = table.set_index("code")["status"]
    assert (classes[by_status == reach.NO_LAND_ROUTE] == reach.NO_LAND_ROUTE).all()
    assert (classes[by_status == reach.NO_DATA] == reach.NO_DATA).all()
    km = table.set_index("code")["km"]
    assert (classes[km <= 5] == "0-5").all() and (classes[(km > 25) & (km <= 50)] == "25-50").all()
    assert (classes[km > 50] == "50+").all()
    assert set(classes) <= set(reach.class_order())


def test_share_per_regency_adds_up_to_the_area(ntb):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from export_data import placements_frame

    _, graph = ntb
    table = reach.reach(graph, pd.DataFrame({"village": ["52.71.01.1004", "52.03.08.2007"]})).table
    demand = placements_frame(pd.Series(graph.codes)).groupby("village")["count"].sum().astype(float)
    whole = reach.share_within(table, demand, 25)
    regencies = reach.share_by_area(table, demand, 25).set_index("area")
    assert len(regencies) == 10
    assert regencies["within"].sum() == whole["within"] and regencies["located"].sum() == whole["located"]
    sumbawa = regencies.loc[list(SUMBAWA)]
    assert (sumbawa["within"] == 0).all() and (sumbawa["share"] == 0).all()
    assert regencies.loc["52.71", "share"] > 0.9  # Kota Mataram around its point
