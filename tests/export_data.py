"""Test stores for the export tests: real Banten boundaries (read in place) + layers made in code.

Used by tests/geo/test_export_*.py, tests/pages/test_export_page.py and the browser test until
the demo pack carries boundaries and layers. Nothing here is committed data: the boundaries are
read from ``../shared/data`` and the layer rows are generated with a fixed seed.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from geo.boundaries import repair_geometry
from geo.codes import Level
from geo.layers import LAYERS, PROGRAMME_TYPES
from loaders.boundaries import write_boundaries
from loaders.store import Store

DESTINATIONS = ("MALAYSIA", "TAIWAN", "HONG KONG", "ARAB SAUDI", "KOREA SELATAN", "JEPANG")
SECTORS = ("DOMESTIK", "MANUFAKTUR", "PERKEBUNAN", "KONSTRUKSI")


def _typed(frame: pd.DataFrame, layer: str) -> pd.DataFrame:
    columns = LAYERS[layer].columns
    out = pd.DataFrame({c: frame[c] if c in frame else pd.NA for c in columns})
    return out.astype(columns)


def placements_frame(villages: pd.Series, years=(2023, 2024), seed: int = 7) -> pd.DataFrame:
    """Placements per village, year, gender and destination; many small counts on purpose."""
    rng = np.random.default_rng(seed)
    rows = []
    chosen = villages.sample(frac=0.6, random_state=seed).tolist()
    for village in chosen:
        weight = rng.choice([1, 3, 10, 30], p=[0.4, 0.3, 0.2, 0.1])
        for year in years:
            for gender in ("L", "P"):
                for dest in rng.choice(DESTINATIONS, size=2, replace=False):
                    rows.append(
                        {
                            "village": village,
                            "year": year,
                            "gender": gender,
                            "destination": dest,
                            "sector": rng.choice(SECTORS),
                            "scheme": rng.choice(["P2P", "G2G", "MANDIRI"]),
                            "count": int(rng.poisson(weight)) + 1,
                        }
                    )
    return _typed(pd.DataFrame(rows), "placements")


def reports_frame(villages: pd.Series, years=(2023, 2024), seed: int = 8) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    chosen = villages.sample(frac=0.15, random_state=seed).tolist()
    rows = [
        {
            "village": v,
            "year": y,
            "destination": rng.choice(DESTINATIONS),
            "channel": rng.choice(["VISA TURIS", "CALO"]),
            "outcome": "PREVENTED",
            "persons": int(rng.integers(1, 9)),
            "count": 1,
        }
        for v in chosen
        for y in years
    ]
    return _typed(pd.DataFrame(rows), "reports")


def programmes_frame(villages: pd.Series, seed: int = 9) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    chosen = villages.sample(frac=0.05, random_state=seed).tolist()
    rows = [
        {
            "village": v,
            "programme": rng.choice(PROGRAMME_TYPES[:3]),
            "start_year": 2021,
            "members": int(rng.integers(5, 40)),
            "active": True,
            "count": 1,
        }
        for v in chosen
    ]
    return _typed(pd.DataFrame(rows), "programmes")


def enterprises_frame(villages: pd.Series, seed: int = 10) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    chosen = villages.sample(frac=0.08, random_state=seed).tolist()
    rows = [
        {
            "village": v,
            "enterprise_type": rng.choice(["KULINER", "KERAJINAN", "TOKO"]),
            "start_year": 2022,
            "members": int(rng.integers(1, 12)),
            "kur_credit": bool(rng.integers(0, 2)),
            "cooperative": False,
            "count": int(rng.integers(1, 4)),
        }
        for v in chosen
    ]
    return _typed(pd.DataFrame(rows), "enterprises")


def build_store(root: Path, shared_data: Path, regency: str | None = None, province: str = "36") -> Store:
    """A store holding Banten (or another province, or one regency) and four generated layers.

    Boundaries go through the project's own writer (``loaders.boundaries.write_boundaries``):
    repaired, cleaned as a coverage, display geometry prepared, exactly as an import does.
    """
    boundaries = shared_data / "boundaries"
    desa = gpd.read_parquet(boundaries / "desa" / f"desa_{province}.parquet", columns=["kode", "geometry"])
    if regency:
        desa = desa[desa["kode"].str.startswith(regency + ".")]
    geometry, _ = repair_geometry(desa.geometry.values)
    villages = gpd.GeoDataFrame({"code": desa["kode"].to_numpy()}, geometry=geometry, crs=4326)
    store = Store(root)
    write_boundaries(store, province, villages, source={"source": "wilayah_boundaries (test)"})
    return write_layers(store)


def build_national_store(root: Path, shared_data: Path, provinces=("34", "36")) -> Store:
    """A store of several real provinces (DI Yogyakarta and Banten), imported as the app imports
    a boundary file (national display copy and packs included), with the four generated layers."""
    from loaders.boundaries import import_file

    store = Store(root)
    for province in provinces:
        import_file(store, shared_data / "boundaries" / "desa" / f"desa_{province}.parquet")
    return write_layers(store)


def write_layers(store: Store) -> Store:
    """The four generated layers over every village with a polygon of ``store``."""
    village = store.read_attributes(Level.VILLAGE, None, ["code", "has_polygon"])
    codes = village.loc[village["has_polygon"].astype(bool), "code"]
    for layer, rows in {
        "placements": placements_frame(codes),
        "reports": reports_frame(codes),
        "programmes": programmes_frame(codes),
        "enterprises": enterprises_frame(codes),
    }.items():
        store.write_layer_version(
            layer, rows, {"source": f"{layer}-test.xlsx", "rows": len(rows)}, replace=True
        )
    return store


def raw_village_counts(store: Store, area: str, year: int) -> pd.DataFrame:
    """Exact counts per village straight from the stored layers (independent of the export code)."""
    frames = {}
    placements = store.read_layer("placements")
    placements = placements[placements["village"].str.startswith(area) & (placements["year"] == year)]
    frames["placements"] = placements.groupby("village")["count"].sum()
    frames["women"] = placements[placements["gender"] == "P"].groupby("village")["count"].sum()
    frames["men"] = placements[placements["gender"] == "L"].groupby("village")["count"].sum()
    reports = store.read_layer("reports")
    reports = reports[reports["village"].str.startswith(area) & (reports["year"] == year)]
    frames["reports"] = reports.groupby("village")["count"].sum()
    enterprises = store.read_layer("enterprises")
    enterprises = enterprises[enterprises["village"].str.startswith(area)]
    frames["enterprises"] = enterprises.groupby("village")["count"].sum()
    return pd.DataFrame(frames).fillna(0).astype(int)
