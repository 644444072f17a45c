"""What ``python -m bench`` measures: maps built as the map page builds them, and test inputs.

The fast map replicates ``ui.maps.choropleth`` without Streamlit: display geometry from the
store (prepared at import) -> ``maps.encode_shapes`` -> ``classify`` -> ``maps.MapLayer`` ->
``maps.area_map``, rendered to the HTML string streamlit-folium sends to the browser. The
naive map is ``GeoDataFrame.to_json()`` of the stored (full) polygons into ``folium.GeoJson``
with a ``style_function`` and a tooltip (:func:`bench.naive.naive_folium_map`). Nothing here is cached, so each
call pays what a first visit pays.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pandas as pd

import i18n
from bench.naive import naive_folium_map
from geo import maps
from geo.classify import classify
from geo.codes import Level
from geo.display import display_zoom, quantum_for
from loaders.store import Store

__all__ = [
    "village_values",
    "drawn_areas",
    "villages_within",
    "fast_map",
    "naive_map",
    "map_bytes",
    "placements_csv",
]

LANG = "id"
SCHEME, CLASSES = "quantiles", 5
VALUE_LABEL = "Jumlah PMI"
DESTINATIONS = ("Malaysia", "Taiwan", "Hong Kong", "Arab Saudi", "Korea Selatan", "Jepang", "Singapura")
SECTORS = ("Domestik", "Manufaktur", "Perkebunan", "Konstruksi", "Perikanan", "Jasa")
#: Provinces most placements come from (BP2MI statistics), weighted; others weigh 0.3.
PROVINCE_WEIGHTS = {"35": 6.0, "33": 5.0, "32": 5.0, "52": 4.0, "18": 2.0, "53": 2.0, "12": 1.5, "36": 1.5}


def village_values(codes: pd.Series | list[str], seed: int = 35) -> pd.Series:
    """Invented placements per village (skewed, a tenth without data), indexed by code."""
    codes = pd.Index(codes)
    rng = np.random.default_rng(seed)
    values = rng.negative_binomial(1, 0.02, size=len(codes)).astype(float)
    values[rng.random(len(codes)) < 0.1] = np.nan
    return pd.Series(values, index=codes)


def villages_within(store: Store, level: Level) -> pd.Series:
    """Number of villages in each area of ``level`` (what the map page shows above village level)."""
    codes = store.read_attributes(Level.VILLAGE, None, columns=["code"])["code"].astype(str)
    prefix = {Level.PROVINCE: 2, Level.REGENCY: 5, Level.DISTRICT: 8}[Level(level)]
    return codes.str[:prefix].value_counts()


def _value_text(values: pd.Series) -> list[str]:
    no_data = i18n.t("common.no_data", LANG)
    return [no_data if pd.isna(v) else i18n.fmt_num(v, LANG) for v in values]


def _class_rows(classes) -> list[tuple[str, str]]:
    return classes.legend(LANG)


def fast_map(store: Store, level: Level, area: str | None, values: pd.Series):
    """The page's map of ``level`` inside ``area`` coloured by ``values`` (by code): a folium Map."""
    level = Level(level)
    zoom = display_zoom(level, area)
    shapes = maps.encode_shapes(store.read_areas(level, area, display=zoom), quantum_for(level, zoom))
    shown = values.reindex(shapes.codes)
    classes = classify(shown, SCHEME, CLASSES)
    layer = maps.MapLayer(classes.classes, list(classes.colours), _value_text(shown), VALUE_LABEL)
    legend = maps.legend_html(_class_rows(classes), VALUE_LABEL)
    return maps.area_map(shapes, layer, legend=legend, basemap="none")


def naive_map(store: Store, level: Level, area: str | None, values: pd.Series):
    """The straightforward map of the same areas and classes: full polygons as GeoJSON text."""
    areas = store.read_areas(level, area, columns=["code", "name", "geometry"])
    areas = areas[areas.geometry.notna() & ~areas.geometry.is_empty]
    classes = classify(values.reindex(areas["code"]), SCHEME, CLASSES)
    fills = dict(zip(areas["code"], classes.fill(), strict=True))
    return naive_folium_map(areas, fills, VALUE_LABEL)


def drawn_areas(store: Store, level: Level, area: str | None) -> int:
    """How many polygons the map page draws for ``level`` inside ``area`` (its display copy)."""
    level = Level(level)
    areas = store.read_areas(level, area, display=display_zoom(level, area), columns=["code", "geometry"])
    return int((areas.geometry.notna() & ~areas.geometry.is_empty).sum())


def map_bytes(m) -> bytes:
    """What streamlit-folium sends to the browser for a map: its rendered HTML."""
    return m.get_root().render().encode("utf-8")


def placements_csv(store: Store, path: Path, rows: int = 1_000_000, seed: int = 2024) -> Path:
    """A row-level placements export (one row per worker) over the store's real villages.

    Columns as such exports name them: village code (half without dots), village, district and
    regency names, year, gender L/P, destination country, sector. Most rows come from the
    provinces that send most workers; no personal data.
    """
    rng = np.random.default_rng(seed)
    columns = ["code", "name", "district_name", "regency_name"]
    villages = store.read_attributes(Level.VILLAGE, None, columns=columns)
    weight = villages["code"].str[:2].map(PROVINCE_WEIGHTS).fillna(0.3).to_numpy()
    weight = weight * rng.lognormal(0, 1.2, size=len(villages))
    pick = rng.choice(len(villages), size=rows, p=weight / weight.sum())
    chosen = villages.iloc[pick].reset_index(drop=True)
    code = chosen["code"].astype(str)
    dotless = rng.random(rows) < 0.5
    frame = pd.DataFrame(
        {
            "No": np.arange(1, rows + 1),
            "Kode Desa": code.where(~dotless, code.str.replace(".", "", regex=False)),
            "Desa/Kelurahan": chosen["name"],
            "Kecamatan": chosen["district_name"],
            "Kabupaten/Kota": chosen["regency_name"],
            "Tahun": rng.choice([2021, 2022, 2023, 2024], size=rows, p=[0.2, 0.25, 0.27, 0.28]),
            "L/P": np.where(rng.random(rows) < 0.65, "P", "L"),
            "Negara Tujuan": rng.choice(DESTINATIONS, size=rows, p=[0.3, 0.25, 0.2, 0.08, 0.07, 0.05, 0.05]),
            "Sektor": rng.choice(SECTORS, size=rows),
        }
    )
    path = Path(path)
    frame.to_csv(path, index=False, quoting=csv.QUOTE_MINIMAL)
    return path
