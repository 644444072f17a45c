"""Programme coverage: where programmes are, and the high-placement villages none is near.

Distances are measured between village representative points (a point guaranteed inside each
polygon) in a metric CRS: the UTM zone that fits the villages (``estimate_utm_crs``), so a
kilometre is a kilometre. Villages without a polygon have no point and are left out of the
distance work (they are listed with a NaN distance).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.layers import PROGRAMME_TYPES

__all__ = [
    "CLASS_SCHEMES",
    "class_breaks",
    "village_points",
    "nearest_distance_km",
    "top_class_threshold",
    "coverage_gaps",
    "programmes_by_type",
]


class _Schemes(Mapping):
    """Scheme name -> mapclassify classifier, imported on the first lookup of a classifier.

    ``import mapclassify`` brings in scipy.stats, scikit-learn and matplotlib (seconds), so it
    waits until something is classified; listing or checking the names imports nothing.
    """

    def __init__(self, classes: dict[str, str]):
        self._classes = classes

    def __getitem__(self, name: str):
        classifier = self._classes[name]
        import mapclassify

        return getattr(mapclassify, classifier)

    def __iter__(self) -> Iterator[str]:
        return iter(self._classes)

    def __len__(self) -> int:
        return len(self._classes)

    def __contains__(self, name: object) -> bool:
        return name in self._classes


#: Classification schemes for "top placement classes" (same names as the map legend).
CLASS_SCHEMES: Mapping = _Schemes(
    {"quantiles": "Quantiles", "natural_breaks": "FisherJenks", "equal_interval": "EqualInterval"}
)

GAP_COLUMNS = ["code", "value", "km", "nearest"]


def _quantile_bins(data: np.ndarray, k: int) -> np.ndarray:
    """``mapclassify.Quantiles(data, k).bins``, computed as mapclassify computes them.

    Its ``quantile`` (``scipy.stats.scoreatpercentile`` with linear interpolation, then the
    distinct values), step for step, so the limits are equal to the last bit (a test checks).
    Written out because quantiles are the default of every map, and importing mapclassify
    (scipy.stats, scikit-learn, matplotlib) cost a quarter of the app's first map.
    """
    ordered = np.sort(np.asarray(data).flatten())
    w = 100.0 / k
    p = np.arange(w, 100 + w, w)
    if p[-1] > 100.0:
        p[-1] = 100.0
    scores = []
    for per in p:
        idx = per / 100.0 * (ordered.shape[0] - 1)
        i = int(idx)
        if i == idx:
            scores.append(np.add.reduce(ordered[i : i + 1] * np.array(1), 0) / 1.0)
        else:
            weights = np.array([(i + 1 - idx), (idx - i)], float)
            scores.append(np.add.reduce(ordered[i : i + 2] * weights, 0) / 1.0)
    return np.unique(np.array(scores))


def class_breaks(data: np.ndarray, scheme: str, k: int) -> np.ndarray:
    """Upper class limits of ``data`` (no NaN) in ``k`` classes by ``scheme`` (fewer on ties).

    Quantiles are computed here exactly as mapclassify does; the other schemes are mapclassify's.
    """
    if scheme not in CLASS_SCHEMES:
        raise ValueError(f"unknown classification {scheme!r}; choose one of: {', '.join(CLASS_SCHEMES)}")
    if scheme == "quantiles":
        return _quantile_bins(data, k)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # mapclassify lowers k itself on ties
        return np.asarray(CLASS_SCHEMES[scheme](data, k=k).bins, dtype=float)


def village_points(villages: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """``code`` and a representative point per village that has a polygon (EPSG:4326)."""
    if villages.empty:
        return gpd.GeoDataFrame({"code": []}, geometry=gpd.GeoSeries([], crs=4326))
    geom = villages.geometry.values
    present = ~shapely.is_missing(np.asarray(geom, dtype=object)) & ~villages.geometry.is_empty.to_numpy()
    rows = villages.loc[present, ["code"]].reset_index(drop=True)
    points = shapely.point_on_surface(np.asarray(villages.geometry[present].values, dtype=object))
    return gpd.GeoDataFrame(rows, geometry=gpd.GeoSeries(points, crs=villages.crs or 4326))


def nearest_distance_km(points: gpd.GeoDataFrame, targets: Iterable[str]) -> pd.DataFrame:
    """For every point, the nearest point whose code is in ``targets`` and the distance in km.

    Returns ``code, nearest, km`` (one row per point; NaN distance when there is no target).
    A village that is itself a target is at 0 km.
    """
    targets = set(targets)
    out = pd.DataFrame({"code": points["code"].astype(str).to_numpy(), "nearest": None, "km": np.nan})
    is_target = points["code"].isin(targets).to_numpy()
    if points.empty or not is_target.any():
        return out
    metric = points.to_crs(points.estimate_utm_crs())
    target_geom = metric.geometry.values[is_target]
    target_codes = metric["code"].to_numpy()[is_target]
    tree = shapely.STRtree(target_geom)
    (src, dst), dist = tree.query_nearest(metric.geometry.values, return_distance=True, all_matches=False)
    km = np.full(len(points), np.nan)
    nearest = np.full(len(points), None, dtype=object)
    km[src] = dist / 1000.0
    nearest[src] = target_codes[dst]
    out["km"] = km
    out["nearest"] = nearest
    return out


def top_class_threshold(values: pd.Series, scheme: str = "quantiles", k: int = 5, top: int = 1) -> float:
    """Lowest value of the ``top`` highest classes when ``values`` are classified (scheme, k).

    Unknown schemes raise ``ValueError`` listing the valid ones. NaN values are not classified.
    """
    if scheme not in CLASS_SCHEMES:
        raise ValueError(f"unknown classification {scheme!r}; choose one of: {', '.join(CLASS_SCHEMES)}")
    data = pd.to_numeric(values, errors="coerce").dropna().to_numpy(dtype=float)
    if data.size == 0:
        return np.inf
    k = max(1, min(k, len(np.unique(data))))
    if k < 2:
        return float(data.min())
    bins = class_breaks(data, scheme, k).astype(float)
    top = max(1, min(top, len(bins)))
    # Class i holds (bins[i-1], bins[i]]; the top classes start just above bins[-top-1].
    lower = bins[-top - 1] if len(bins) > top else -np.inf
    above = data[data > lower]
    return float(above.min()) if above.size else np.inf


def coverage_gaps(
    values: pd.Series,
    distances: pd.DataFrame,
    max_km: float,
    *,
    scheme: str = "quantiles",
    k: int = 5,
    top: int = 1,
) -> pd.DataFrame:
    """Villages in the ``top`` highest placement classes with no programme within ``max_km``.

    ``values`` are placements per village (index: village code; NaN = no data, never a gap).
    ``distances`` is :func:`nearest_distance_km` over the villages (``code, nearest, km``).
    Returns ``code, value, km, nearest`` sorted by value (largest first). When no programme
    exists at all every high village is a gap (``km`` NaN); otherwise a village without a
    polygon (no distance) cannot be judged and is not listed.
    """
    values = pd.to_numeric(values, errors="coerce").dropna()
    values = values[values > 0]
    if values.empty:
        return pd.DataFrame(columns=GAP_COLUMNS)
    threshold = top_class_threshold(values, scheme, k, top)
    high = values[values >= threshold]
    dist = distances.drop_duplicates("code").set_index("code")
    table = pd.DataFrame({"code": high.index.astype(str), "value": high.to_numpy()})
    table["km"] = table["code"].map(dist["km"]).astype("float64")
    table["nearest"] = table["code"].map(dist["nearest"])
    gaps = table if dist["km"].isna().all() else table[table["km"] > max_km]
    return gaps.sort_values(["value", "code"], ascending=[False, True]).reset_index(drop=True)[GAP_COLUMNS]


def programmes_by_type(programmes: pd.DataFrame, area: str | None = None) -> pd.DataFrame:
    """Programme villages per programme type (all types, in display order): ``programme, villages``."""
    rows = programmes
    if area and not rows.empty:
        village = rows["village"].astype("string")
        rows = rows[village.str.startswith(area + ".").fillna(False) | (village == area)]
    if rows.empty:
        counts = pd.Series(dtype="int64")
    else:
        counts = rows.groupby(rows["programme"].astype("string"))["village"].nunique()
    types = list(PROGRAMME_TYPES) + [t for t in counts.index if t not in PROGRAMME_TYPES]
    return pd.DataFrame({"programme": types, "villages": [int(counts.get(t, 0)) for t in types]})
