"""How far each village is from the nearest village with a programme, across area borders.

A programme just across the border of the area shown (another regency or district of the same
province) still serves the area's villages, so it counts as a target; programmes in other
provinces do not (their villages are not read).
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from geo import coverage, metrics

__all__ = ["covered_outside", "programme_distances"]


def covered_outside(programmes: pd.DataFrame, year: int | None, parent: str | None) -> pd.Series:
    """Codes of programme villages of ``parent``'s province that lie outside ``parent``.

    Empty for a whole province or the whole country (nothing across a border to add).

    Examples
    --------
    >>> villages = ["36.01.01.2001", "36.02.01.2001", "35.01.01.2001"]
    >>> programmes = pd.DataFrame({"village": villages, "programme": "KKBM"})
    >>> covered_outside(programmes, None, "36.01").tolist()
    ['36.02.01.2001']
    """
    if not parent or len(parent) <= 2:
        return pd.Series([], dtype=object)
    covered = metrics.programme_villages(programmes, year)["village"].astype(str)
    inside = covered.str.startswith(parent + ".")
    return covered[~inside & covered.str.startswith(parent[:2] + ".")].reset_index(drop=True)


def programme_distances(
    villages: gpd.GeoDataFrame,
    programmes: pd.DataFrame,
    *,
    year: int | None,
    parent: str | None,
    province_villages: gpd.GeoDataFrame | None = None,
) -> pd.DataFrame:
    """``code, nearest, km`` from each village of ``villages`` (``code, geometry``, the area
    ``parent``) to the nearest village with a programme running in ``year``.

    ``province_villages`` (``code, geometry``) are the villages of ``parent``'s province; they
    are needed only when :func:`covered_outside` is not empty, and only those are added (as
    targets, with their own row at 0 km). Villages without a polygon get a NaN distance.
    """
    covered = metrics.programme_villages(programmes, year)["village"].astype(str)
    outside = covered_outside(programmes, year, parent)
    frames = [villages[["code", "geometry"]]]
    if not outside.empty:
        if province_villages is None:
            raise ValueError(
                "programme villages lie outside the area; pass its province's villages as province_villages"
            )
        extra = province_villages[province_villages["code"].isin(set(outside))]
        frames.append(extra[["code", "geometry"]])
    both = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    points = coverage.village_points(gpd.GeoDataFrame(both, geometry="geometry", crs=4326))
    return coverage.nearest_distance_km(points, covered)
