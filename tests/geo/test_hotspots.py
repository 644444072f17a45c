"""Gi* hotspots: a planted cluster is found on real villages; a random pattern gives none;
too few areas or neighbours give a refusal, not hotspots; z and p agree."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from geo.hotspots import MAX_PERMUTATIONS, MIN_AREAS, HotspotRefusal, gi_star, spatial_weights

N = 20
REGENCY = "36.04"  # Kab. Serang, Banten: 326 villages


def grid(n: int = N) -> gpd.GeoDataFrame:
    polys = [
        shapely.box(106 + i * 0.01, -6 + j * 0.01, 106 + (i + 1) * 0.01, -6 + (j + 1) * 0.01)
        for j in range(n)
        for i in range(n)
    ]
    codes = [f"36.04.13.{2000 + k:04d}" for k in range(n * n)]
    return gpd.GeoDataFrame({"code": codes}, geometry=polys, crs=4326)


@pytest.fixture(scope="module")
def villages(shared_data) -> gpd.GeoDataFrame:
    """The real village polygons of Kab. Serang (read in place from ../shared/data)."""
    frame = gpd.read_parquet(
        shared_data / "boundaries" / "desa" / "desa_36.parquet", columns=["kode", "geometry"]
    )
    frame = frame[frame["kode"].str.startswith(REGENCY + ".")].rename(columns={"kode": "code"})
    frame = frame[frame.geometry.notna() & ~frame.geometry.is_empty]
    return gpd.GeoDataFrame(frame.reset_index(drop=True), geometry="geometry", crs=4326)


def _planted(villages: gpd.GeoDataFrame, seed: int = 7, radius_km: float = 6.0):
    metric = villages.to_crs(villages.estimate_utm_crs())
    points = metric.geometry.representative_point()
    centre = points.iloc[len(points) // 2]
    inside = (points.distance(centre) <= radius_km * 1000).to_numpy()
    rng = np.random.default_rng(seed)
    y = rng.poisson(5, len(villages)).astype(float)
    y[inside] += rng.poisson(25, int(inside.sum()))
    return pd.Series(y, index=villages["code"]), inside, points.distance(centre).to_numpy() / 1000


def test_a_planted_cluster_is_found_on_real_villages(villages):
    assert len(villages) > 300
    values, inside, km = _planted(villages)
    result = gi_star(villages, values, alpha=0.05)
    table = result.table
    hot = table["hotspot"].eq("hot").to_numpy()
    assert inside.sum() >= 10
    assert hot[km <= 3].all()  # the heart of the planted cluster is found
    assert hot[inside].mean() >= 2 / 3  # and most of it (its edge has neighbours outside)
    assert not hot[km > 15].any()  # and nothing far from it
    assert not table["hotspot"].eq("cold").to_numpy()[inside].any()
    assert (table.loc[hot, "z"] > 0).all()
    assert result.n == len(villages) and result.correction == "fdr" and result.hot == int(hot.sum())


@pytest.mark.parametrize("correction", ["fdr", "bonferroni"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_random_pattern_on_real_villages_gives_none(villages, seed, correction):
    y = pd.Series(
        np.random.default_rng(seed).poisson(10, len(villages)).astype(float), index=villages["code"]
    )
    result = gi_star(villages, y, alpha=0.05, correction=correction)
    assert not result.table["significant"].any()
    assert result.hot == result.cold == 0


def test_without_a_correction_a_random_pattern_lights_up():
    """Why the correction is there: tested one by one at 5 %, about 5 % of areas light up."""
    areas = grid()
    y = pd.Series(np.random.default_rng(0).poisson(10, N * N).astype(float), index=areas["code"])
    assert gi_star(areas, y, alpha=0.05, correction="none").table["significant"].sum() > 0
    assert not gi_star(areas, y, alpha=0.05, correction="fdr").table["significant"].any()


def test_three_areas_give_a_refusal_not_hotspots():
    """The demo's default view (3 regencies) had all 3 marked hot with z = 1 and p = 0.001."""
    three = grid(2).iloc[:3]
    values = pd.Series([80.0, 60.0, 40.0], index=three["code"])
    with pytest.raises(HotspotRefusal) as refused:
        gi_star(three, values)
    assert refused.value.reason == "areas" and refused.value.n == 3 and refused.value.need == MIN_AREAS
    assert "only 3 areas" in str(refused.value)


def test_too_few_neighbours_give_a_refusal():
    """Areas in a line (each touching two) are too sparsely connected for Gi*."""
    line = gpd.GeoDataFrame(
        {"code": [f"36.04.13.{2000 + i}" for i in range(40)]},
        geometry=[shapely.box(106 + i * 0.01, -6, 106 + (i + 1) * 0.01, -5.99) for i in range(40)],
        crs=4326,
    )
    with pytest.raises(HotspotRefusal) as refused:
        gi_star(line, pd.Series(np.arange(40.0), index=line["code"]))
    assert refused.value.reason == "neighbours" and refused.value.neighbours < 3


def test_equal_values_give_a_refusal():
    areas = grid()
    with pytest.raises(HotspotRefusal, match="same value"):
        gi_star(areas, pd.Series(5.0, index=areas["code"]))


def test_z_and_p_come_from_the_same_permutations_and_agree(villages):
    """The page showed z = 1,00 beside p = 0,001. Here p is the two-sided permutation p and z the
    normal score with that p: |z| >= 1.96 exactly when p <= 0.05, hot spots have z > 0."""
    from statistics import NormalDist

    values, _, _ = _planted(villages)
    result = gi_star(villages, values, alpha=0.05)
    table = result.table.dropna(subset=["z"])
    two_sided = [2 * (1 - NormalDist().cdf(abs(z))) for z in table["z"]]
    np.testing.assert_allclose(table["p"], two_sided, atol=1e-9)
    assert ((table["z"].abs() >= 1.96) == (table["p"] <= 0.05 + 1e-9)).all()
    assert (table.loc[table["hotspot"] == "hot", "z"] > 0).all()
    assert result.permutations == 999 and 0 < result.cut <= 0.05
    assert table["p"].between(0, 1).all()


def test_bonferroni_runs_enough_permutations_to_reach_its_cut():
    areas = grid(15)
    y = pd.Series(np.arange(15 * 15, dtype=float), index=areas["code"])
    result = gi_star(areas, y, alpha=0.05, correction="bonferroni")
    assert result.cut == pytest.approx(0.05 / (15 * 15))
    assert 2 / (result.permutations + 1) <= result.cut and result.attainable
    # over many more areas no permutation p could reach alpha / n: said, not silently empty
    many = gi_star(
        grid(), pd.Series(np.arange(N * N, dtype=float), index=grid()["code"]), correction="bonferroni"
    )
    assert not many.attainable and many.permutations == MAX_PERMUTATIONS


def test_no_data_areas_are_left_out():
    areas = grid()
    y = pd.Series(np.arange(N * N, dtype=float), index=areas["code"])
    y.iloc[:5] = np.nan
    table = gi_star(areas, y, kind="knn", k=6).table
    assert (table["hotspot"].iloc[:5] == "no_data").all()
    assert table["z"].iloc[5:].notna().all()


def test_islands_get_a_neighbour():
    areas = grid().iloc[:4].copy()
    far = gpd.GeoDataFrame(
        {"code": ["36.04.13.9999"]}, geometry=[shapely.box(107, -5, 107.01, -4.99)], crs=4326
    )
    areas = pd.concat([areas, far], ignore_index=True)
    w = spatial_weights(gpd.GeoDataFrame(areas, crs=4326), "queen")
    assert not w.islands


def test_unknown_weights_and_corrections_rejected():
    with pytest.raises(ValueError, match="queen, knn"):
        spatial_weights(grid(), "rook")
    with pytest.raises(ValueError, match="fdr, bonferroni, none"):
        gi_star(grid(), pd.Series(dtype=float), correction="holm")
