"""Stores and office-shaped files for the coverage tests (issue 22): real NTB (52) and Banten (36)
boundaries from ../shared/data, files built in code from real gazetteer villages.

The files look like the exports offices have: a title line naming the province or regency and
the years, then a header (``No``, ``Kode Desa`` without dots, ``Desa/Kelurahan``, ``Kecamatan``,
``Kabupaten/Kota``, ``Tahun``, ``Jenis Kelamin``, ``Negara Penempatan``, ``Jumlah PMI``), one row
per village, year, gender and country. Nothing here is real data: the counts are drawn with a
fixed seed.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd

from geo.gazetteer import areas, name_of
from loaders.store import Store

NTB, BANTEN = "52", "36"
LOMBOK_TENGAH, LOMBOK_TIMUR = "52.02", "52.03"
COUNTRIES = ("MALAYSIA", "TAIWAN", "HONG KONG", "ARAB SAUDI")


def villages_of(area: str, share: float = 0.35, seed: int = 1) -> pd.DataFrame:
    """A fixed sample of the gazetteer's villages of ``area`` (every regency represented):
    ``code, name, district, regency``."""
    table = areas(4, area).reset_index(drop=True)
    rng = np.random.default_rng(seed)
    picked = table[rng.random(len(table)) < share]
    # one village at least per regency, so each regency of the area has rows
    first = table.groupby(table["code"].str[:5]).head(1)
    picked = pd.concat([first, picked]).drop_duplicates("code").sort_values("code")
    return pd.DataFrame(
        {
            "code": picked["code"].to_numpy(),
            "name": picked["name"].to_numpy(),
            "district": picked["district"].map(name_of).to_numpy(),
            "regency": picked["regency"].map(name_of).to_numpy(),
        }
    )


def placement_rows(villages: pd.DataFrame, years, seed: int = 7) -> pd.DataFrame:
    """Placements per village, year, gender and country (counts 1–40, fixed seed)."""
    rng = np.random.default_rng(seed)
    rows = []
    for year in years:
        for village in villages.itertuples():
            for gender in ("L", "P"):
                if rng.random() < 0.3:
                    continue
                rows.append(
                    {
                        "Kode Desa": village.code.replace(".", ""),
                        "Desa/Kelurahan": village.name,
                        "Kecamatan": village.district,
                        "Kabupaten/Kota": village.regency,
                        "Tahun": year,
                        "Jenis Kelamin": gender,
                        "Negara Penempatan": COUNTRIES[int(rng.integers(len(COUNTRIES)))],
                        "Jumlah PMI": int(rng.integers(1, 41)),
                    }
                )
    out = pd.DataFrame(rows)
    out.insert(0, "No", range(1, len(out) + 1))
    return out


def office_xlsx(rows: pd.DataFrame, title: str) -> bytes:
    """``rows`` as an office export: a title line, an empty line, then the table."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        rows.to_excel(writer, sheet_name="Rekap", index=False, startrow=2)
        writer.sheets["Rekap"]["A1"] = title
    return buffer.getvalue()


def write_file(folder: Path, name: str, rows: pd.DataFrame, title: str) -> Path:
    path = folder / name
    path.write_bytes(office_xlsx(rows, title))
    return path


def ntb_export(folder: Path) -> tuple[Path, pd.DataFrame]:
    """The NTB-wide SISKOP2MI-style export for 2023–2024."""
    rows = placement_rows(villages_of(NTB), (2023, 2024), seed=11)
    title = "REKAP PENEMPATAN PMI PROVINSI NUSA TENGGARA BARAT TAHUN 2023 - 2024"
    return write_file(folder, "penempatan_ntb_2023_2024.xlsx", rows, title), rows


def lombok_tengah_2024(folder: Path) -> tuple[Path, pd.DataFrame]:
    """A Lombok Tengah export for 2024 only (other counts than the NTB-wide file)."""
    rows = placement_rows(villages_of(LOMBOK_TENGAH, share=0.5, seed=5), (2024,), seed=23)
    title = "DATA PENEMPATAN PMI KABUPATEN LOMBOK TENGAH TAHUN 2024"
    return write_file(folder, "penempatan_lombok_tengah_2024.xlsx", rows, title), rows


def banten_2023(folder: Path) -> tuple[Path, pd.DataFrame]:
    """Banten placements of 2023 only."""
    rows = placement_rows(villages_of(BANTEN, share=0.2, seed=3), (2023,), seed=31)
    title = "REKAP PENEMPATAN PMI PROVINSI BANTEN TAHUN 2023"
    return write_file(folder, "penempatan_banten_2023.xlsx", rows, title), rows


def boundaries_store(root: Path, shared_data: Path, provinces=(NTB, BANTEN)) -> Store:
    """A store of real boundaries of ``provinces``, imported as the app imports a boundary file."""
    from loaders.boundaries import import_file

    store = Store(root)
    for province in provinces:
        import_file(store, shared_data / "boundaries" / "desa" / f"desa_{province}.parquet")
    return store


def hand_total(rows: pd.DataFrame, prefix: str, year: int) -> int:
    """The file's own total of ``Jumlah PMI`` for villages under ``prefix`` in ``year``."""
    codes = rows["Kode Desa"].str.replace(r"^(\d{2})(\d{2})(\d{2})(\d{4})$", r"\1.\2.\3.\4", regex=True)
    pick = codes.str.startswith(prefix + ".") & (rows["Tahun"] == year)
    return int(rows.loc[pick, "Jumlah PMI"].sum())
