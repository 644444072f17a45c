"""Destination countries on a map, offline: a small table of facts and outlines from a package.

Each country the importer stores (Indonesian names, as :mod:`loaders.layers.vocab` normalises
them) has the position of its capital (longitude, latitude; public geographic facts) and its
English name. Flows are drawn to these points. Country outlines, when wanted, come from the
Natural Earth low-resolution countries (public domain) that the pinned ``pyogrio`` package ships
with its tests; nothing is ever fetched from the network, and without that file the maps are
drawn without outlines.
"""

from __future__ import annotations

import functools
from importlib import resources

import pandas as pd

__all__ = ["COUNTRIES", "position", "country_name", "outlines"]

#: Indonesian name (as stored) → (longitude, latitude of the capital, English name).
COUNTRIES: dict[str, tuple[float, float, str]] = {
    "Malaysia": (101.69, 3.14, "Malaysia"),
    "Taiwan": (121.56, 25.03, "Taiwan"),
    "Hong Kong": (114.17, 22.32, "Hong Kong"),
    "Makau": (113.54, 22.20, "Macau"),
    "Arab Saudi": (46.72, 24.71, "Saudi Arabia"),
    "Korea Selatan": (126.98, 37.57, "South Korea"),
    "Jepang": (139.69, 35.69, "Japan"),
    "Singapura": (103.82, 1.35, "Singapore"),
    "Brunei Darussalam": (114.94, 4.89, "Brunei"),
    "Qatar": (51.53, 25.29, "Qatar"),
    "Kuwait": (47.98, 29.38, "Kuwait"),
    "Oman": (58.41, 23.59, "Oman"),
    "Bahrain": (50.59, 26.23, "Bahrain"),
    "Persatuan Emirat Arab": (54.37, 24.45, "United Arab Emirates"),
    "Uni Emirat Arab": (54.37, 24.45, "United Arab Emirates"),
    "Yordania": (35.93, 31.95, "Jordan"),
    "Mesir": (31.24, 30.04, "Egypt"),
    "Turki": (32.85, 39.93, "Turkey"),
    "Polandia": (21.01, 52.23, "Poland"),
    "Italia": (12.50, 41.90, "Italy"),
    "Jerman": (13.40, 52.52, "Germany"),
    "Belanda": (4.90, 52.37, "Netherlands"),
    "Inggris": (-0.13, 51.51, "United Kingdom"),
    "Spanyol": (-3.70, 40.42, "Spain"),
    "Perancis": (2.35, 48.86, "France"),
    "Prancis": (2.35, 48.86, "France"),
    "Rumania": (26.10, 44.43, "Romania"),
    "Hongaria": (19.04, 47.50, "Hungary"),
    "Slovakia": (17.11, 48.15, "Slovakia"),
    "Australia": (149.13, -35.28, "Australia"),
    "Selandia Baru": (174.78, -41.29, "New Zealand"),
    "Amerika Serikat": (-77.04, 38.91, "United States"),
    "Kanada": (-75.70, 45.42, "Canada"),
    "Thailand": (100.50, 13.76, "Thailand"),
    "Filipina": (120.98, 14.60, "Philippines"),
    "Vietnam": (105.85, 21.03, "Vietnam"),
    "Kamboja": (104.92, 11.56, "Cambodia"),
    "Timor Leste": (125.57, -8.56, "Timor-Leste"),
    "Papua Nugini": (147.18, -9.44, "Papua New Guinea"),
    "Tiongkok": (116.40, 39.90, "China"),
    "India": (77.21, 28.61, "India"),
    "Maladewa": (73.51, 4.18, "Maldives"),
    "Fiji": (178.44, -18.14, "Fiji"),
    "Zambia": (28.32, -15.39, "Zambia"),
    "Afrika Selatan": (28.19, -25.75, "South Africa"),
    "Nigeria": (7.49, 9.06, "Nigeria"),
}


def position(country: str) -> tuple[float, float] | None:
    """``(lon, lat)`` of a stored country name, or None when the table has no place for it.

    >>> position("Malaysia"), position("Atlantis")
    ((101.69, 3.14), None)
    """
    found = COUNTRIES.get(str(country))
    return None if found is None else (found[0], found[1])


def country_name(country: str, lang: str) -> str:
    """The country in the reader's language (stored names are Indonesian).

    >>> country_name("Arab Saudi", "en"), country_name("Arab Saudi", "id"), country_name("Atlantis", "en")
    ('Saudi Arabia', 'Arab Saudi', 'Atlantis')
    """
    if lang == "en" and str(country) in COUNTRIES:
        return COUNTRIES[str(country)][2]
    return str(country)


_NATURAL_EARTH = "tests/fixtures/naturalearth_lowres/naturalearth_lowres.shp"


@functools.cache
def outlines():
    """Country outlines (GeoDataFrame ``name, geometry``, EPSG:4326) from the Natural Earth
    low-resolution file shipped with ``pyogrio``; an empty frame where it is not installed."""
    import geopandas as gpd

    try:
        path = resources.files("pyogrio") / _NATURAL_EARTH
        if not path.is_file():
            raise FileNotFoundError(str(path))
        frame = gpd.read_file(str(path), columns=["name"])
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return gpd.GeoDataFrame({"name": pd.Series(dtype=str)}, geometry=[], crs=4326)
    return frame[["name", "geometry"]].to_crs(4326)
