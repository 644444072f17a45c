"""Gi* hotspots: a planted cluster is found; a random pattern gives none significant."""

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from geo.hotspots import gi_star, spatial_weights

N = 20


def grid() -> gpd.GeoDataFrame:
    polys = [
        shapely.box(106 + i * 0.01, -6 + j * 0.01, 106 + (i + 1) * 0.01, -6 + (j + 1) * 0.01)
        for j in range(N)
        for i in range(N)
    ]
    codes = [f"36.04.13.{2000 + k:04d}" for k in range(N * N)]
    return gpd.GeoDataFrame({"code": codes}, geometry=polys, crs=4326)


def test_planted_cluster_is_found():
    areas = grid()
    rng = np.random.default_rng(7)
    y = pd.Series(rng.poisson(10, N * N).astype(float), index=areas["code"])
    cluster = [j * N + i for j in range(8, 12) for i in range(8, 12)]
    y.iloc[cluster] += 40
    out = gi_star(areas, y, alpha=0.05)
    hot = set(out.loc[out["hotspot"] == "hot", "code"])
    centre = {areas["code"][j * N + i] for j in (9, 10) for i in (9, 10)}
    assert centre <= hot
    # hot areas sit around the cluster, not elsewhere
    far = {
        areas["code"][j * N + i] for j in range(N) for i in range(N) if min(abs(j - 9.5), abs(i - 9.5)) > 4
    }
    assert not (hot & far)
    assert (out.loc[out["hotspot"] == "hot", "z"] > 0).all()


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_random_pattern_gives_none_significant(seed):
    areas = grid()
    y = pd.Series(np.random.default_rng(seed).poisson(10, N * N).astype(float), index=areas["code"])
    out = gi_star(areas, y, alpha=0.05, permutations=999)
    assert not out["significant"].any()
    # without the false-discovery correction some would light up by chance
    assert gi_star(areas, y, alpha=0.05, correction="none")["significant"].sum() > 0


def test_no_data_areas_are_left_out():
    areas = grid()
    y = pd.Series(np.arange(N * N, dtype=float), index=areas["code"])
    y.iloc[:5] = np.nan
    out = gi_star(areas, y, kind="knn", k=6)
    assert (out["hotspot"].iloc[:5] == "no_data").all()
    assert out["z"].iloc[5:].notna().all()


def test_islands_get_a_neighbour():
    areas = grid().iloc[:4].copy()
    far = gpd.GeoDataFrame(
        {"code": ["36.04.13.9999"]}, geometry=[shapely.box(107, -5, 107.01, -4.99)], crs=4326
    )
    areas = pd.concat([areas, far], ignore_index=True)
    w = spatial_weights(gpd.GeoDataFrame(areas, crs=4326), "queen")
    assert not w.islands


def test_unknown_weights_rejected():
    with pytest.raises(ValueError, match="queen, knn"):
        spatial_weights(grid(), "rook")
