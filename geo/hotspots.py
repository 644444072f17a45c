"""Hotspots of non-procedural reports: local Getis-Ord Gi* with permutation significance.

Neighbours are either polygons sharing an edge or corner (``queen``; areas with no neighbour,
such as small islands, are attached to their nearest area so every area is tested) or the
``k`` nearest areas by representative point (``knn``, robust to gaps between polygons).
Significance uses conditional permutations (``esda.G_Local``) and, by default, a false
discovery rate correction over all areas (``esda.fdr``), so a random pattern does not light up
by chance. Areas with no data are left out of the computation and classed ``no_data``.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING

import geopandas as gpd
import numpy as np
import pandas as pd

if TYPE_CHECKING:  # esda and libpysal (with scikit-learn) load on the first computation
    from libpysal import weights

__all__ = ["WEIGHTS", "ALPHAS", "HOTSPOT_CLASSES", "spatial_weights", "gi_star"]

WEIGHTS = ("queen", "knn")
ALPHAS = (0.10, 0.05, 0.01)
#: Result classes (translation keys ``hotspot.<class>``), in legend order.
HOTSPOT_CLASSES = ("hot", "cold", "not_significant", "no_data")
COLUMNS = ["code", "value", "z", "p", "significant", "hotspot"]


def spatial_weights(areas: gpd.GeoDataFrame, kind: str = "queen", k: int = 6) -> weights.W:
    """Row-standardised spatial weights of ``areas`` (order kept; islands attached for queen)."""
    from libpysal import weights

    if kind not in WEIGHTS:
        raise ValueError(f"unknown weights {kind!r}; choose one of: {', '.join(WEIGHTS)}")
    metric = areas.to_crs(areas.estimate_utm_crs()) if areas.crs and areas.crs.is_geographic else areas
    points = gpd.GeoDataFrame(geometry=metric.geometry.representative_point().values, crs=metric.crs)
    k = max(1, min(k, len(areas) - 1))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # libpysal warns about islands / disconnected parts
        if kind == "knn":
            w = weights.KNN.from_dataframe(points, k=k, use_index=False)
        else:
            w = weights.Queen.from_dataframe(metric, use_index=False)
            if w.islands:
                nearest = weights.KNN.from_dataframe(points, k=1, use_index=False)
                w = weights.attach_islands(w, nearest)
    w.transform = "r"
    return w


def gi_star(
    areas: gpd.GeoDataFrame,
    values: pd.Series,
    *,
    kind: str = "queen",
    k: int = 6,
    alpha: float = 0.05,
    permutations: int = 999,
    correction: str = "fdr",
    seed: int = 12345,
) -> pd.DataFrame:
    """Gi* per area: ``code, value, z, p, significant, hotspot`` (hot / cold / not_significant / no_data).

    ``values`` is indexed by area code (NaN = no data). ``correction`` is ``"fdr"`` (false
    discovery rate over all tested areas) or ``"none"`` (each p compared with ``alpha``).
    Needs at least 3 areas with data; otherwise every area is ``not_significant``.
    """
    import esda

    if correction not in ("fdr", "none"):
        raise ValueError(f"unknown correction {correction!r}; choose one of: fdr, none")
    if not 0 < alpha < 1:
        raise ValueError(f"alpha must be between 0 and 1, got {alpha}")
    codes = areas["code"].astype(str).to_numpy()
    y_all = pd.to_numeric(values.reindex(codes), errors="coerce").to_numpy(dtype=float)
    has = np.isfinite(y_all) & ~areas.geometry.isna().to_numpy() & ~areas.geometry.is_empty.to_numpy()
    out = pd.DataFrame({"code": codes, "value": y_all, "z": np.nan, "p": np.nan, "significant": False})
    out["hotspot"] = np.where(has, "not_significant", "no_data")
    if has.sum() < 3 or np.nanstd(y_all[has]) == 0:
        return out[COLUMNS]
    subset = areas.loc[has].reset_index(drop=True)
    y = y_all[has]
    w = spatial_weights(subset, kind, k)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        g = esda.G_Local(y, w, star=True, permutations=permutations, seed=seed, transform="R")
    # z from the permutations, so its sign and size agree with the permutation p-value
    z = np.asarray(g.z_sim, dtype=float)
    p = np.asarray(g.p_sim, dtype=float)
    cut = esda.fdr(p, alpha) if correction == "fdr" else alpha
    significant = p <= cut
    idx = np.flatnonzero(has)
    out.loc[idx, "z"] = z
    out.loc[idx, "p"] = p
    out.loc[idx, "significant"] = significant
    out.loc[idx, "hotspot"] = np.where(
        significant & (z > 0), "hot", np.where(significant & (z < 0), "cold", "not_significant")
    )
    return out[COLUMNS]
