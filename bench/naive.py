"""The naive baseline the benchmark compares the atlas's map against.

``GeoDataFrame.to_json()`` of the full polygons into ``folium.GeoJson`` with a Python
``style_function`` and a tooltip: the straightforward way, which :mod:`geo.maps` replaces.
It lives here, not in ``geo/``, because nothing in the atlas draws it.
"""

from __future__ import annotations

from collections.abc import Mapping

import folium
import geopandas as gpd

from geo.maps import NO_DATA_COLOUR

__all__ = ["naive_folium_map"]


def naive_folium_map(areas: gpd.GeoDataFrame, fills: Mapping[str, str], value_label: str) -> folium.Map:
    """The straightforward map the benchmark compares against (``to_json`` + ``style_function``)."""
    frame = areas[["code", "name", "geometry"]].copy()
    frame["fill"] = frame["code"].map(fills).fillna(NO_DATA_COLOUR)
    frame["value"] = frame["fill"]
    minx, miny, maxx, maxy = frame.total_bounds
    m = folium.Map(tiles=None)
    m.fit_bounds([[miny, minx], [maxy, maxx]])
    folium.GeoJson(
        frame.to_json(),
        style_function=lambda f: {"fillColor": f["properties"]["fill"], "color": "#555555", "weight": 0.5},
        tooltip=folium.GeoJsonTooltip(fields=["name", "value"], aliases=["", value_label]),
    ).add_to(m)
    return m
