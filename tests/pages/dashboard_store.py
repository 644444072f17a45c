"""Test stores for the dashboard pages: real Banten boundaries (read in place) + generated layers.

The layers are generated in code with the columns of :mod:`geo.layers` over the real village
codes of Banten (36), with a fixed seed: placements cluster in the north of Kab. Serang and
Kab. Tangerang so hotspots and coverage gaps exist. Nothing here is real data.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from geo.codes import Level
from geo.display import prepare_display
from geo.layers import LAYERS, PROGRAMME_TYPES
from loaders.store import Store

PROVINCE = "36"
YEARS = (2021, 2022, 2023)
DESTINATIONS = ("Malaysia", "Taiwan", "Hong Kong", "Arab Saudi", "Korea Selatan", "Jepang")
SECTORS = ("domestik", "perkebunan", "manufaktur", "perikanan", "perawat")
SCHEMES = ("P2P", "G2G", "MANDIRI")
CHANNELS = ("visa turis", "visa umroh", "calo", "visa ziarah")
ENTERPRISES = ("rumput laut", "kerang hijau", "budidaya jangkrik", "olahan pangan", "warung")


def _boundaries(boundaries: Path) -> dict[str, gpd.GeoDataFrame]:
    def read(path: Path, prefix: str) -> gpd.GeoDataFrame:
        frame = gpd.read_parquet(path, columns=["kode", "nama", "geometry"])
        frame = frame[frame["kode"].str.startswith(prefix)].rename(columns={"kode": "code", "nama": "name"})
        return gpd.GeoDataFrame(frame.reset_index(drop=True), geometry="geometry", crs=4326)

    return {
        "province": read(boundaries / "provinsi.parquet", PROVINCE),
        "regency": read(boundaries / "kabupaten.parquet", PROVINCE + "."),
        "district": read(boundaries / "kecamatan.parquet", PROVINCE + "."),
        "village": read(boundaries / "desa" / f"desa_{PROVINCE}.parquet", PROVINCE + "."),
    }


def write_banten_boundaries(store: Store, boundaries: Path) -> gpd.GeoDataFrame:
    """Write Banten's four levels and display copies to ``store``; return the villages."""
    levels = _boundaries(boundaries)
    village = levels["village"]
    names = {lvl: frame.set_index("code")["name"] for lvl, frame in levels.items() if lvl != "village"}
    village = village.assign(
        district_name=village["code"].str[:8].map(names["district"]),
        regency_name=village["code"].str[:5].map(names["regency"]),
        province_name=village["code"].str[:2].map(names["province"]),
        has_polygon=village.geometry.notna(),
    )

    areas = {
        Level.VILLAGE: village,
        **{Level[k.upper()]: levels[k] for k in ("district", "regency", "province")},
    }
    display = {
        (level, zoom): shown
        for level, frame in areas.items()
        for zoom, shown in prepare_display(frame, level).items()
    }
    meta = {"source": "wilayah_boundaries (test copy)", "villages": len(village)}
    store.write_province(PROVINCE, areas, display, meta=meta)
    return village


def _typed(layer: str, frame: pd.DataFrame) -> pd.DataFrame:
    spec = LAYERS[layer]
    out = frame.reindex(columns=list(spec.columns))
    return out.astype(spec.columns)


def generate_layers(villages: pd.Series, seed: int = 4) -> dict[str, pd.DataFrame]:
    """Invented layer frames over ``villages`` (real codes) with the stored columns."""
    rng = np.random.default_rng(seed)
    codes = pd.Series(sorted(villages.astype(str)))
    # intensity: high in the north of Kab. Serang (36.04.1x) and Kab. Tangerang (36.03), low elsewhere
    hot = codes.str.startswith(("36.04.1", "36.03.0"))
    intensity = np.where(hot, 12.0, 1.5)
    origin = codes[rng.random(len(codes)) < np.where(hot, 0.95, 0.45)]
    rows = []
    for year in YEARS:
        for code in origin:
            lam = intensity[codes.index[codes == code][0]] * (1 + 0.15 * (year - YEARS[0]))
            n = rng.poisson(lam)
            for _ in range(min(n, 3)):
                rows.append(
                    {
                        "village": code,
                        "year": year,
                        "month": int(rng.integers(1, 13)),
                        "gender": "P" if rng.random() < 0.7 else ("L" if rng.random() < 0.95 else None),
                        "destination": DESTINATIONS[int(rng.integers(len(DESTINATIONS)))],
                        "sector": SECTORS[int(rng.integers(len(SECTORS)))],
                        "scheme": SCHEMES[int(rng.integers(len(SCHEMES)))],
                        "count": int(max(1, n // 3)),
                    }
                )
    placements = _typed("placements", pd.DataFrame(rows))
    covered = codes.sample(frac=0.04, random_state=seed)
    programmes = _typed(
        "programmes",
        pd.DataFrame(
            {
                "village": covered.values,
                "programme": rng.choice(PROGRAMME_TYPES[:5], len(covered)),
                "start_year": rng.integers(2017, 2024, len(covered)),
                "members": rng.integers(8, 60, len(covered)),
                "active": rng.random(len(covered)) < 0.9,
                "count": 1,
            }
        ),
    )
    ent_villages = origin.sample(frac=0.1, random_state=seed + 1)
    enterprises = _typed(
        "enterprises",
        pd.DataFrame(
            {
                "village": ent_villages.values,
                "enterprise_type": rng.choice(ENTERPRISES, len(ent_villages)),
                "start_year": rng.integers(2018, 2024, len(ent_villages)),
                "members": rng.integers(2, 25, len(ent_villages)),
                "kur_credit": rng.random(len(ent_villages)) < 0.4,
                "cooperative": rng.random(len(ent_villages)) < 0.3,
                "count": rng.integers(1, 4, len(ent_villages)),
            }
        ),
    )
    rep_rows = []
    for year in YEARS:
        for code in origin[hot[origin.index]].sample(frac=0.3, random_state=seed + year):
            rep_rows.append(
                {
                    "village": code,
                    "year": year,
                    "month": int(rng.integers(1, 13)),
                    "destination": DESTINATIONS[int(rng.integers(4))],
                    "channel": CHANNELS[int(rng.integers(len(CHANNELS)))],
                    "outcome": ("PREVENTED", "RETURNED", "CASE_HANDLED")[int(rng.integers(3))],
                    "persons": int(rng.integers(1, 6)),
                    "count": int(rng.integers(1, 4)),
                }
            )
    reports = _typed("reports", pd.DataFrame(rep_rows))
    population = _typed(
        "population",
        pd.DataFrame(
            {"village": codes.values, "year": 2023, "residents": rng.integers(1500, 15000, len(codes))}
        ),
    )
    return {
        "placements": placements,
        "programmes": programmes,
        "enterprises": enterprises,
        "reports": reports,
        "population": population,
    }


def build_banten_store(root: Path, boundaries: Path, *, with_layers: bool = True) -> Store:
    """A store at ``root`` with real Banten boundaries and (optionally) generated layers."""
    store = Store(root)
    villages = write_banten_boundaries(store, boundaries)
    if with_layers:
        for name, frame in generate_layers(villages["code"]).items():
            store.write_layer_version(
                name, frame, {"source": f"generated-{name}.csv", "rows": len(frame)}, replace=True
            )
    return store
