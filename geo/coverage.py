"""Programme coverage: where programmes are, and the high-placement villages none is near.

Distances are measured between village representative points (a point guaranteed inside each
polygon) in a metric CRS: the UTM zone that fits the villages (``estimate_utm_crs``), so a
kilometre is a kilometre. Villages without a polygon have no point and are left out of the
distance work (they are listed with a NaN distance).
"""

from __future__ import annotations

from collections.abc import Iterable

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.classify import SCHEMES, classify
from geo.layers import PROGRAMME_TYPES

__all__ = [
    "village_points",
    "nearest_distance_km",
    "top_class_threshold",
    "coverage_gaps",
    "programmes_by_type",
]


GAP_COLUMNS = ["code", "value", "km", "nearest"]


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
    if scheme not in SCHEMES:
        raise ValueError(f"unknown classification {scheme!r}; choose one of: {', '.join(SCHEMES)}")
    data = pd.to_numeric(values, errors="coerce").dropna().to_numpy(dtype=float)
    if data.size == 0:
        return np.inf
    bins = np.asarray(classify(data, scheme, k).limits, dtype=float)
    if len(bins) < 2:
        return float(data.min())
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
