"""A store for the journey tests (issue 24), built as a data steward builds one: real village
boundaries of Kab. Cilacap (33.01) and Kab. Banyumas (33.02) read in place from ../shared/data,
and layer files written here (invented numbers, fixed seed) imported through the pipeline:
placements, non-procedural reports, programmes, enterprises, a returns recap (2023, one column
per reason) and a row-level debarkation list (2024) with names, NIK, passport, birth date and
address columns. :class:`JourneyFiles` keeps the rows written, so tests sum them by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import openpyxl
import pandas as pd

from geo.boundaries import repair_geometry
from geo.gazetteer import gazetteer
from loaders.boundaries import write_boundaries
from loaders.layers import import_file
from loaders.store import Store

PROVINCE = "33"
REGENCIES = ("33.01", "33.02")
REGENCY = "33.01"  # the regency whose figures the tests check by hand
YEARS = (2023, 2024)
COUNTRIES = ("Malaysia", "Taiwan", "Hong Kong", "Arab Saudi", "Korea Selatan", "Jepang", "Singapura", "Turki")
REASONS = {  # the cell written -> the reason stored
    "Habis Kontrak": "END_OF_CONTRACT",
    "Deportasi": "DEPORTED",
    "PMI Bermasalah": "PROBLEM",
    "Sakit": "SICK",
    "Meninggal Dunia": "DIED",
}
PROBLEM = ("DEPORTED", "PROBLEM", "SICK", "DIED")
NAMES = ("Siti Aminah", "Dewi Lestari", "Sri Rahayu", "Budi Santoso", "Nur Hidayah", "Eko Saputra")


@dataclass
class JourneyFiles:
    """The rows written to each file (before any import), per layer, with the village codes."""

    placements: pd.DataFrame = field(default_factory=pd.DataFrame)
    reports: pd.DataFrame = field(default_factory=pd.DataFrame)
    returns: pd.DataFrame = field(default_factory=pd.DataFrame)
    supported: set[str] = field(default_factory=set)  # villages with a programme or an enterprise
    niks: list[str] = field(default_factory=list)
    names: tuple[str, ...] = NAMES


def _villages() -> pd.DataFrame:
    g = gazetteer()
    v = g[(g["level"] == 4) & g["regency"].isin(REGENCIES)]
    v = v.assign(district_name=v["district"].map(g["name"]), regency_name=v["regency"].map(g["name"]))
    # names unique inside their regency (a list names the village and its district)
    return v[~v.duplicated(["regency", "name"], keep=False)]


def _write_boundaries(store: Store, shared_data: Path) -> None:
    desa = gpd.read_parquet(shared_data / "boundaries" / "desa" / f"desa_{PROVINCE}.parquet")
    desa = desa[desa["kode"].str[:5].isin(REGENCIES)]
    geometry, _ = repair_geometry(desa.geometry.values)
    villages = gpd.GeoDataFrame({"code": desa["kode"].to_numpy()}, geometry=geometry, crs=4326)
    write_boundaries(store, PROVINCE, villages, source={"source": "wilayah_boundaries (test)"})


def build_journey_store(
    root: Path, shared_data: Path, files: Path, seed: int = 24
) -> tuple[Store, JourneyFiles]:
    """The store at ``root`` and what its files held (written to ``files``)."""
    rng = np.random.default_rng(seed)
    store = Store(root)
    _write_boundaries(store, shared_data)
    files.mkdir(parents=True, exist_ok=True)
    v = _villages()
    held = set(store.read_attributes(4, None, ["code"])["code"])
    v = v[v.index.isin(held)]
    origin = v.sample(frac=0.5, random_state=seed)
    out = JourneyFiles()

    # placements: one row per village, year, gender and country (a tidy recap)
    rows = []
    for year in YEARS:
        for code in origin.index:
            for gender in ("L", "P"):
                for country in rng.choice(COUNTRIES, size=2, replace=False):
                    rows.append((code, year, gender, country, int(rng.integers(1, 12))))
    out.placements = pd.DataFrame(rows, columns=["village", "year", "gender", "country", "count"])
    text = "Kode Desa;Tahun;Jenis Kelamin;Negara Tujuan;Jumlah PMI\n" + "".join(
        f"{c};{y};{g};{n};{k}\n" for c, y, g, n, k in rows
    )
    (files / "penempatan.csv").write_text(text, encoding="utf-8")

    # non-procedural reports: one report per row with its persons (dates, names only)
    rows = []
    for code in origin.sample(frac=0.4, random_state=seed + 1).index:
        for year in YEARS:
            rows.append(
                (code, year, rng.choice(["Visa ziarah", "Calo", "Visa turis"]), int(rng.integers(1, 6)))
            )
    out.reports = pd.DataFrame(rows, columns=["village", "year", "channel", "persons"])
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Tanggal Laporan", "Desa", "Kecamatan", "Kabupaten", "Modus", "Jumlah Orang"])
    for code, year, channel, persons in rows:
        ws.append([f"{int(rng.integers(1, 28))}/05/{year}", v.at[code, "name"], v.at[code, "district_name"],
                   v.at[code, "regency_name"], channel, persons])  # fmt: skip
    wb.save(files / "laporan.xlsx")

    # programmes and enterprises: a few villages each
    programmes = origin.sample(frac=0.15, random_state=seed + 2).index
    enterprises = origin.sample(frac=0.15, random_state=seed + 3).index
    (files / "program.csv").write_text(
        "Kode Desa,Jenis Program,Tahun Mulai,Aktif\n" + "".join(f"{c},KKBM,2020,Ya\n" for c in programmes)
    )
    (files / "usaha.csv").write_text(
        "Kode Desa,Jenis Usaha,Tahun Mulai\n" + "".join(f"{c},Olahan pangan,2019\n" for c in enterprises)
    )
    out.supported = set(programmes) | set(enterprises)

    # returns 2023: a recap with one count column per reason and a total beside them
    rows = []
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rekap 2023"
    ws.append(["REKAP KEPULANGAN PMI TAHUN 2023"])
    ws.append(["Kode Desa", "Desa", "Negara", *REASONS, "Jumlah"])
    for code in origin.sample(frac=0.6, random_state=seed + 4).index:
        country = str(rng.choice(COUNTRIES[:5]))
        parts = [int(rng.integers(0, 6)), int(rng.integers(0, 3)), int(rng.integers(0, 3)), int(rng.integers(0, 2)),
                 int(rng.random() < 0.1)]  # fmt: skip
        ws.append([code.replace(".", ""), v.at[code, "name"], country, *parts, sum(parts)])
        for reason, n in zip(REASONS.values(), parts, strict=True):
            if n:
                rows.append((code, 2023, country, reason, None, None, n, ""))
    wb.save(files / "rekap_kepulangan_2023.xlsx")

    # returns 2024: one row per worker, personal columns, names of villages and districts
    lines = [
        "No;Nama;NIK;No Paspor;Tgl Lahir;Alamat;Desa;Kecamatan;Kabupaten;Negara;Tgl Tiba;Debarkasi;Alasan;Jalur"
    ]
    n = 0
    for code in origin.sample(frac=0.6, random_state=seed + 5).index:
        for _ in range(int(rng.integers(1, 5))):
            n += 1
            cell = str(rng.choice(list(REASONS), p=[0.55, 0.15, 0.15, 0.1, 0.05]))
            route = "Non Prosedural" if rng.random() < 0.35 else "Prosedural"
            country, port = (
                str(rng.choice(COUNTRIES[:6])),
                str(rng.choice(["Tg. Pinang", "Nunukan", "Soetta"])),
            )
            nik = f"33{rng.integers(10**13, 10**14 - 1)}"
            out.niks.append(nik)
            lines.append(
                ";".join(
                    [
                        str(n),
                        NAMES[n % len(NAMES)],
                        nik,
                        f"B{rng.integers(10**6, 10**7 - 1)}",
                        "01-02-1990",
                        f"Dusun Kulon RT 0{n % 9 + 1}",
                        str(v.at[code, "name"]),
                        str(v.at[code, "district_name"]),
                        str(v.at[code, "regency_name"]),
                        country,
                        f"{n % 27 + 1:02d}/07/2024",
                        port,
                        cell,
                        route,
                    ]
                )  # fmt: skip
            )
            rows.append((code, 2024, country, REASONS[cell], None, route, 1, port))
    (files / "debarkasi_2024.csv").write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    out.returns = pd.DataFrame(
        rows, columns=["village", "year", "country", "reason", "problem", "route", "persons", "port"]
    )

    for layer, name in (
        ("placements", "penempatan.csv"),
        ("reports", "laporan.xlsx"),
        ("programmes", "program.csv"),
        ("enterprises", "usaha.csv"),
        ("returns", "rekap_kepulangan_2023.xlsx"),
        ("returns", "debarkasi_2024.csv"),
    ):
        plan, version = import_file(layer, files / name, store)
        assert version is not None, (name, [i.message("en") for i in plan.errors])
        assert plan.unmatched == 0 and plan.ambiguous == 0, (name, plan.unmatched, plan.ambiguous)
    return store, out


def hand_figures(files: JourneyFiles, area: str, year: int) -> dict[str, float]:
    """The journey figures of ``area`` in ``year`` summed from the rows written to the files."""

    def inside(frame: pd.DataFrame) -> pd.DataFrame:
        return frame[frame["village"].str.startswith(area + ".") & (frame["year"] == year)]

    placed = float(inside(files.placements)["count"].sum())
    back = inside(files.returns)
    problem = float(back.loc[back["reason"].isin(PROBLEM), "persons"].sum())
    np_returns = float(back.loc[back["route"] == "Non Prosedural", "persons"].sum())
    np_reports = float(inside(files.reports)["persons"].sum())
    alive = back[back["reason"] != "DIED"]
    return {
        "placements": placed,
        "returns": float(back["persons"].sum()),
        "problem_returns": problem,
        "problem_per_100": problem / placed * 100,
        "deported": float(back.loc[back["reason"] == "DEPORTED", "persons"].sum()),
        "died": float(back.loc[back["reason"] == "DIED", "persons"].sum()),
        "non_procedural_share": (np_reports + np_returns) / (np_reports + np_returns + placed),
        "returnees_without_support": float(
            alive.loc[~alive["village"].isin(files.supported), "persons"].sum()
        ),
    }
