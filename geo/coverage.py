"""Programme coverage: where programmes are, and the high-placement villages none is near.

Distances are measured between village representative points (a point guaranteed inside each
polygon) in a metric CRS: the UTM zone that fits the villages (``estimate_utm_crs``), so a
kilometre is a kilometre. Villages without a polygon have no point and are left out of the
distance work (they are listed with a NaN distance).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.layers import PROGRAMME_TYPES

__all__ = [
    "village_points",
    "nearest_distance_km",
    "TOP_SHARE",
    "top_share_threshold",
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


#: Default share of villages checked for gaps: the top fifth of the area's villages by placements.
TOP_SHARE = 0.2


def top_share_threshold(values: pd.Series, share: float = TOP_SHARE) -> float:
    """Fewest placements a village needs to be in the top ``share`` of villages with placements.

    Villages with placements (NaN and 0 are not counted) are ranked by placements; the top
    ``ceil(share * n)`` of them, and every village tied with the last of those, are the top share.
    Independent of how the map is classified.

    >>> top_share_threshold(pd.Series([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 0.2)
    9.0
    >>> top_share_threshold(pd.Series([5, 5, 5, 1, None]), 0.25)
    5.0
    """
    if not 0 < share <= 1:
        raise ValueError(f"share must be above 0 and at most 1, got {share}")
    data = pd.to_numeric(values, errors="coerce").dropna()
    data = np.sort(data[data > 0].to_numpy(dtype=float))[::-1]
    if data.size == 0:
        return np.inf
    return float(data[math.ceil(share * data.size) - 1])


def coverage_gaps(
    values: pd.Series,
    distances: pd.DataFrame,
    max_km: float,
    *,
    share: float = TOP_SHARE,
) -> pd.DataFrame:
    """Villages in the top ``share`` by placements with no programme within ``max_km``.

    ``values`` are placements per village of the area (index: village code; NaN = no data, never
    a gap); the top share is :func:`top_share_threshold` (a rule of the data, not of the map's
    classes). ``distances`` is :func:`nearest_distance_km` over the villages (``code, nearest,
    km``), computed from a loaded programme layer: callers must not ask for gaps without one
    (there is nothing to be far from). A village whose distance is unknown (no polygon, or no
    programme running anywhere yet) is a gap with ``km`` NaN only when no village has a distance;
    otherwise it cannot be judged and is not listed. ``distances`` may instead be a
    :class:`geo.reach.Reach` table (``code, km, nearest, status``: distance over land to service
    points): a village with no land route to one is then a gap (``km`` NaN), a village without a
    polygon is not judged. Returns ``code, value, km, nearest``, largest placements first.
    """
    values = pd.to_numeric(values, errors="coerce").dropna()
    values = values[values > 0]
    if values.empty:
        return pd.DataFrame(columns=GAP_COLUMNS)
    high = values[values >= top_share_threshold(values, share)]
    dist = distances.drop_duplicates("code").set_index("code")
    table = pd.DataFrame({"code": high.index.astype(str), "value": high.to_numpy()})
    table["km"] = table["code"].map(dist["km"]).astype("float64")
    table["nearest"] = table["code"].map(dist["nearest"])
    if "status" in dist:  # distances over land (geo.reach): no land route is beyond any distance
        far = (table["code"].map(dist["status"]) == "no_land_route").to_numpy()
        gaps = table[(table["km"] > max_km).to_numpy() | far]
    else:
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
