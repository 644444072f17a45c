"""Hotspots of non-procedural reports: local Getis-Ord Gi* with permutation inference.

Gi* compares the total of an area and its neighbours with the whole map, so it says something
only where there are many areas and each has several neighbours: below :data:`MIN_AREAS` areas
with data, or :data:`MIN_NEIGHBOURS` neighbours per area on average, :func:`gi_star` refuses
(:class:`HotspotRefusal`, with what is missing) rather than colour three regencies "hot".

Neighbours are either polygons sharing an edge or corner (``queen``; areas with no neighbour,
such as small islands, are attached to their nearest area so every area is tested) or the
``k`` nearest areas by representative point (``knn``, robust to gaps between polygons).

Inference is by conditional permutation (``esda.G_Local``): each area's value is held and the
others are shuffled among its neighbours ``permutations`` times. ``p`` is the two-sided
permutation p-value (twice esda's folded ``p_sim``, at most 1) and ``z`` the standard normal score
with that two-sided p, signed by the direction of the departure (above or below the permutations'
mean), so ``z`` and ``p`` are one statement: ``|z| >= 1.96`` exactly when ``p <= 0.05``. Testing every area at once is corrected for: by default the
false discovery rate (Benjamini–Hochberg, ``esda.fdr``), or Bonferroni (``alpha / n``); an area
is a hot (cold) spot when its ``p`` is at most the corrected cut and ``z`` is positive
(negative). Areas with no data are left out of the computation and classed ``no_data``.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

import geopandas as gpd
import numpy as np
import pandas as pd

if TYPE_CHECKING:  # esda and libpysal (with scikit-learn) load on the first computation
    from libpysal import weights

__all__ = [
    "WEIGHTS",
    "ALPHAS",
    "CORRECTIONS",
    "HOTSPOT_CLASSES",
    "MIN_AREAS",
    "MIN_NEIGHBOURS",
    "MAX_PERMUTATIONS",
    "HotspotRefusal",
    "Hotspots",
    "spatial_weights",
    "gi_star",
]

WEIGHTS = ("queen", "knn")
ALPHAS = (0.10, 0.05, 0.01)
#: Multiple-testing corrections offered on the page (``"none"`` is for comparison in tests).
CORRECTIONS = ("fdr", "bonferroni")
#: Result classes (translation keys ``hotspot.<class>``), in legend order.
HOTSPOT_CLASSES = ("hot", "cold", "not_significant", "no_data")
COLUMNS = ["code", "value", "z", "p", "significant", "hotspot"]
#: Fewest areas with data for which Gi* is computed (a local statistic needs a map around it).
MIN_AREAS = 30
#: Fewest neighbours per area, on average, for which Gi* is computed.
MIN_NEIGHBOURS = 3.0
#: Most permutations run (Bonferroni over many areas asks for more than any page can wait for).
MAX_PERMUTATIONS = 9999


class HotspotRefusal(ValueError):
    """Gi* is not computed for these areas; ``reason`` is ``"areas"``, ``"neighbours"`` or ``"flat"``.

    ``n`` is the number of areas with data, ``need`` what the rule asks for (areas or mean
    neighbours) and ``neighbours`` the mean number of neighbours found (``"neighbours"`` only).

    >>> import pickle
    >>> pickle.loads(pickle.dumps(HotspotRefusal("areas", 8, 30))).n
    8
    """

    def __init__(self, reason: str, n: int, need: float, neighbours: float | None = None):
        self.reason, self.n, self.need, self.neighbours = reason, n, need, neighbours
        if reason == "areas":
            detail = f"only {n} areas have data; Gi* needs at least {need:g}"
        elif reason == "neighbours":
            detail = f"the {n} areas have {neighbours or 0:.1f} neighbours on average; Gi* needs {need:g}"
        else:
            detail = f"all {n} areas have the same value; there is nothing to cluster"
        super().__init__(f"hotspots not computed: {detail}")

    def __reduce__(self):
        # rebuilt from its fields: a refusal is cached (pickled) as the answer for its areas, and
        # an exception pickles its message alone, which this constructor cannot take
        return type(self), (self.reason, self.n, self.need, self.neighbours)


@dataclass(frozen=True, eq=False)
class Hotspots:
    """Gi* of each area and how it was computed (for the method line under the map).

    ``table`` has ``code, value, z, p, significant, hotspot``; ``n`` areas were tested with
    ``permutations`` conditional permutations, ``correction`` at ``alpha`` gave the cut
    ``p <= cut``; ``neighbours`` is the mean number of neighbours. ``attainable`` is False when
    no permutation p-value can reach the cut (Bonferroni over very many areas).
    """

    table: pd.DataFrame
    n: int
    permutations: int
    correction: str
    alpha: float
    cut: float
    neighbours: float
    attainable: bool = True

    @property
    def hot(self) -> int:
        return int((self.table["hotspot"] == "hot").sum())

    @property
    def cold(self) -> int:
        return int((self.table["hotspot"] == "cold").sum())


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
            w = _contiguity(metric.geometry.values)
            if w.islands:
                nearest = weights.KNN.from_dataframe(points, k=1, use_index=False)
                w = weights.attach_islands(w, nearest)
    w.transform = "r"
    return w


def _contiguity(geometry) -> weights.W:
    """Queen contiguity: areas whose polygons touch or overlap (one vectorised STRtree query).

    The same neighbours as ``libpysal.weights.Queen`` where boundaries share vertices, and also
    where neighbouring polygons of a boundary file overlap slightly; ten times faster on a
    province's villages.
    """
    import shapely
    from libpysal import weights

    geoms = np.asarray(geometry, dtype=object)
    left, right = shapely.STRtree(geoms).query(geoms, predicate="intersects")
    keep = left != right
    neighbours: dict[int, list[int]] = {i: [] for i in range(len(geoms))}
    for i, j in zip(left[keep].tolist(), right[keep].tolist(), strict=True):
        neighbours[i].append(j)
    return weights.W(neighbours, silence_warnings=True)


def _z_of(p: np.ndarray, sign: np.ndarray) -> np.ndarray:
    """The standard normal score whose two-sided p is ``p``, with the sign of the departure.

    The permutation distribution of Gi* is skewed for counts and few neighbours, so the
    permutations' own standardised score can read 0.8 beside a p of 0.18; reporting the score
    equivalent to the permutation p keeps the two one statement (|z| ≥ 1.96 exactly when p ≤ 0.05).
    """
    from statistics import NormalDist

    inv = NormalDist().inv_cdf
    return np.array([s * inv(1 - q / 2) if q < 1 else 0.0 for q, s in zip(p, sign, strict=True)])


def _permutations(asked: int, n: int, alpha: float, correction: str) -> int:
    """Enough permutations for the smallest two-sided p (``2 / (perm + 1)``) to reach the cut."""
    if correction != "bonferroni":
        return asked
    needed = math.ceil(2 * n / alpha) - 1
    return int(min(MAX_PERMUTATIONS, max(asked, needed)))


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
    min_areas: int = MIN_AREAS,
    min_neighbours: float = MIN_NEIGHBOURS,
) -> Hotspots:
    """Gi* per area with permutation inference and a multiple-testing correction.

    Parameters
    ----------
    areas
        ``code`` and polygons (any CRS with units or EPSG:4326).
    values
        One number per area code (NaN = no data: left out, classed ``no_data``).
    kind, k
        Neighbours: ``"queen"`` contiguity or the ``k`` nearest areas (:data:`WEIGHTS`).
    alpha
        Significance level before the correction.
    permutations
        Conditional permutations (more are run for Bonferroni when needed to reach its cut,
        up to :data:`MAX_PERMUTATIONS`).
    correction
        ``"fdr"`` (Benjamini–Hochberg), ``"bonferroni"`` or ``"none"`` (each p against ``alpha``).

    Returns
    -------
    Hotspots

    Raises
    ------
    HotspotRefusal
        Fewer than ``min_areas`` areas with data, fewer than ``min_neighbours`` neighbours per
        area on average, or every value the same.
    """
    if correction not in (*CORRECTIONS, "none"):
        raise ValueError(f"unknown correction {correction!r}; choose one of: fdr, bonferroni, none")
    if not 0 < alpha < 1:
        raise ValueError(f"alpha must be between 0 and 1, got {alpha}")
    codes = areas["code"].astype(str).to_numpy()
    y_all = pd.to_numeric(values.reindex(codes), errors="coerce").to_numpy(dtype=float)
    has = np.isfinite(y_all) & ~areas.geometry.isna().to_numpy() & ~areas.geometry.is_empty.to_numpy()
    n = int(has.sum())
    if n < min_areas:
        raise HotspotRefusal("areas", n, min_areas)
    y = y_all[has]
    if np.std(y) == 0:
        raise HotspotRefusal("flat", n, min_areas)
    subset = areas.loc[has].reset_index(drop=True)
    w = spatial_weights(subset, kind, k)
    neighbours = float(np.mean(list(w.cardinalities.values())))
    if neighbours < min_neighbours:
        raise HotspotRefusal("neighbours", n, min_neighbours, neighbours)
    runs = _permutations(permutations, n, alpha, correction)
    import esda  # (scikit-learn with it: only once there is something to test)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # one process: esda's default (all cores) is five times slower on a shared 2-core machine
        g = esda.G_Local(y, w, star=True, permutations=runs, seed=seed, transform="R", n_jobs=1)
    # esda's p_sim is folded (one-sided in the observed direction): twice it is two-sided
    p = np.minimum(1.0, 2.0 * np.asarray(g.p_sim, dtype=float))
    z = _z_of(p, np.sign(np.asarray(g.z_sim, dtype=float)))
    if correction == "fdr":
        cut = float(esda.fdr(p, alpha))
    elif correction == "bonferroni":
        cut = alpha / n
    else:
        cut = alpha
    significant = p <= cut
    out = pd.DataFrame({"code": codes, "value": y_all, "z": np.nan, "p": np.nan, "significant": False})
    out["hotspot"] = np.where(has, "not_significant", "no_data")
    idx = np.flatnonzero(has)
    out.loc[idx, "z"] = z
    out.loc[idx, "p"] = p
    out.loc[idx, "significant"] = significant
    out.loc[idx, "hotspot"] = np.where(
        significant & (z > 0), "hot", np.where(significant & (z < 0), "cold", "not_significant")
    )
    return Hotspots(
        table=out[COLUMNS],
        n=n,
        permutations=runs,
        correction=correction,
        alpha=alpha,
        cut=cut,
        neighbours=neighbours,
        attainable=2.0 / (runs + 1) <= (alpha / n if correction == "bonferroni" else alpha),
    )
