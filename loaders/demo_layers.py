"""Invented layer data for the demo region, written as the files officials really have and
imported through the same pipeline as a user's files.

:func:`build` reads the demo store's villages (written before by ``python -m loaders.demo
build``), invents placements, programmes, enterprises, non-procedural reports, population,
returns and service points (LTSA, BP3MI, Pos Pelayanan, Disnaker, MRC, Desmigratif, shelters)
with a fixed seed, writes them to ``files_dir`` in real shapes — a tidy XLSX, a messy
semicolon CSV in Windows-1252 with title rows, name variants, one row per worker and personal
columns, a report sheet with some coordinates instead of names — and imports each one. Every
figure is invented: nothing here describes a real village.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd

from geo.codes import Level
from loaders.layers import ImportPlan, import_file
from loaders.store import Store, StoreError

__all__ = ["build", "DEMO_FILES"]

SEED = 20240501
YEARS = (2021, 2022, 2023)
MESSY_YEAR = 2024
DESTINATIONS = (("Malaysia", 0.30), ("Taiwan", 0.25), ("Hong Kong", 0.2), ("Arab Saudi", 0.1),
                ("Korea Selatan", 0.08), ("Jepang", 0.07))  # fmt: skip
SECTORS = ("Domestik", "Manufaktur", "Perkebunan", "Perawat lansia", "Konstruksi")
SCHEMES = (("P to P", 0.8), ("G to G", 0.08), ("Mandiri", 0.12))
PROGRAMMES = (("KKBM", 0.3), ("Desmigratif", 0.25), ("Kawan PMI", 0.2), ("MRC/BP PIPA", 0.1),
              ("Perdes PMI", 0.1), ("Lainnya", 0.05))  # fmt: skip
ENTERPRISES = ("Budidaya rumput laut", "Budidaya kerang hijau", "Ternak jangkrik", "Olahan pangan",
               "Warung kelontong", "Kerajinan bambu")  # fmt: skip
CHANNELS = ("Visa ziarah", "Visa turis", "Calo/perseorangan", "Visa kunjungan", "Jalur laut tidak resmi")
OUTCOMES = (("Dicegah", 0.55), ("Dipulangkan", 0.25), ("Ditangani", 0.2))
FIRST = ("Siti", "Nur", "Dewi", "Sri", "Ani", "Rina", "Yuli", "Budi", "Agus", "Eko", "Wati", "Lina")
LAST = ("Aminah", "Rahayu", "Lestari", "Wulandari", "Santoso", "Hidayat", "Saputra", "Handayani")
MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
             "Oktober", "November", "Desember")  # fmt: skip

#: file name -> (layer, import mode), in import order
DEMO_FILES = {
    "penempatan_2021-2023.xlsx": ("placements", "append"),
    "data_pmi_berangkat_2024_MENTAH.csv": ("placements", "append"),
    "cakupan_komunitas.xlsx": ("programmes", "append"),
    "usaha_pmi_purna.csv": ("enterprises", "append"),
    "laporan_non_prosedural_2023-2024.xlsx": ("reports", "append"),
    "penduduk_2023.csv": ("population", "append"),
    "kepulangan_pmi_2021-2023.xlsx": ("returns", "append"),
    "debarkasi_pmi_2024_MENTAH.csv": ("returns", "append"),
    "titik_layanan_pmi.xlsx": ("service_points", "append"),
}
#: Why workers came home in the demo (invented shares) and the problem of a problem case.
RETURN_REASONS = (("Habis Kontrak", 0.62), ("Deportasi", 0.12), ("PMI Bermasalah", 0.12), ("Sakit", 0.07),
                  ("Meninggal Dunia", 0.02), ("Lainnya", 0.05))  # fmt: skip
PROBLEMS = (("Gaji tidak dibayar", 0.4), ("Kekerasan", 0.2), ("TPPO", 0.15), ("Tidak berdokumen", 0.25))
#: Debarkation points by country returned from, written the many ways lists write them.
ENTRY_POINTS = {
    "Malaysia": ("Nunukan", "Tanjung Pinang", "Tg. Pinang", "Batam", "Dumai", "Pelabuhan Tunon Taka"),
    "other": ("Soekarno-Hatta", "Bandara Soekarno Hatta", "Juanda", "Soetta"),
}
#: The recap's debarkation points: one name each (a tidy table).
TIDY_PORTS = {
    "Malaysia": ("Nunukan", "Tanjung Pinang", "Batam", "Dumai"),
    "other": ("Soekarno-Hatta", "Juanda"),
}
#: Service points of the demo: (type as an office writes it, name pattern, how many, placed by).
#: ``{regency}``/``{village}`` are filled in; "dms"/"decimal" give coordinates, "village" none.
SERVICE_POINTS = (
    ("Layanan Terpadu Satu Atap", "LTSA PMI {regency}", 2, "dms"),
    ("Kantor BP3MI", "UPT BP3MI Provinsi Contoh", 1, "decimal"),
    ("Pos Pelayanan", "Pos Pelayanan PMI {village}", 3, "decimal"),
    ("Dinas Tenaga Kerja", "Disnaker {regency}", 2, "village"),
    ("MRC/BP PIPA", "MRC {village}", 4, "dms"),
    ("Pusat Layanan Migrasi", "Pusat Layanan Migrasi Desmigratif {village}", 4, "village"),
    ("Rumah aman", "Rumah Aman PMI {regency}", 2, "decimal"),
    ("Lainnya", "Pos Bantuan Hukum {village}", 1, "village"),
)
#: Its own seed: the other layers' numbers do not change with it.
SERVICE_SEED = SEED + 23


def _choice(rng: np.random.Generator, options: tuple, size: int) -> np.ndarray:
    names = np.array([o[0] for o in options], dtype=object)
    weights = np.array([o[1] for o in options], dtype=float)
    return rng.choice(names, size=size, p=weights / weights.sum())


def _villages(store: Store) -> pd.DataFrame:
    """The store's villages with a point inside each (for intensity and coordinates)."""
    import geopandas as gpd

    if not store.provinces():
        raise StoreError(f"the store at {store.label} holds no villages; write the demo boundaries first")
    v = gpd.GeoDataFrame(store.read_areas(Level.VILLAGE), geometry="geometry", crs=4326)
    v = v.sort_values("code").reset_index(drop=True)
    has = v.geometry.notna() & ~v.geometry.is_empty
    points = v.geometry.where(has).representative_point()
    v["lon"] = points.x.where(has)
    v["lat"] = points.y.where(has)
    return v


def _intensity(v: pd.DataFrame, rng: np.random.Generator) -> np.ndarray:
    """Migration intensity per village: a few hotspots on a lognormal background."""
    base = rng.lognormal(mean=0.0, sigma=0.8, size=len(v))
    if v["lon"].notna().sum() >= 3:
        lon = v["lon"].fillna(v["lon"].mean()).to_numpy()
        lat = v["lat"].fillna(v["lat"].mean()).to_numpy()
        span = max(np.ptp(lon), np.ptp(lat), 1e-3)
        for centre in rng.choice(len(v), size=min(3, len(v)), replace=False):
            d = np.hypot(lon - lon[centre], lat - lat[centre]) / span
            base += 6.0 * np.exp(-((d / 0.12) ** 2))
    else:
        base += 4.0 * (rng.random(len(v)) < 0.1)
    return base


def _name_variant(name: str, rng: np.random.Generator) -> str:
    kind = rng.integers(0, 6)
    if kind == 0:
        return name.upper()
    if kind == 1:
        return "Desa " + name
    if kind == 2:
        return "Ds. " + name.lower()
    if kind == 3:
        return name.replace("u", "oe").replace("c", "tj") if ("u" in name or "c" in name) else f" {name} "
    return name


def _placements_xlsx(v: pd.DataFrame, w: np.ndarray, rng: np.random.Generator, path: Path) -> None:
    """Tidy aggregated sheet per village, year, gender and destination, codes with dots."""
    rows = []
    for year in YEARS:
        growth = 1.0 + 0.12 * (year - YEARS[0])
        counts = rng.poisson(w * 2.2 * growth)
        for i in np.flatnonzero(counts):
            women = rng.binomial(counts[i], 0.72)
            for gender, n in (("P", women), ("L", counts[i] - women)):
                if n == 0:
                    continue
                split = rng.multinomial(n, [p for _, p in DESTINATIONS])
                for (dest, _), k in zip(DESTINATIONS, split, strict=True):
                    if k:
                        rows.append([v["code"].iat[i], v["name"].iat[i], year, gender, dest, int(k)])
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Penempatan"
    ws.append(["DATA PENEMPATAN PMI MENURUT DESA ASAL (DATA DEMO, KARANGAN)"])
    ws.append([])
    ws.append(["Kode Wilayah", "Desa/Kelurahan", "Tahun", "Jenis Kelamin", "Negara Penempatan", "Jumlah PMI"])
    for row in rows:
        ws.append(row)
    ws.append([None, "JUMLAH", None, None, None, sum(r[-1] for r in rows)])
    wb.save(path)


def _placements_messy_csv(v: pd.DataFrame, w: np.ndarray, rng: np.random.Generator, path: Path) -> None:
    """One row per worker, names only (variants), personal columns, semicolons, Windows-1252."""
    counts = rng.poisson(w * 2.6)
    lines = [
        "LAPORAN CPMI BERANGKAT TAHUN 2024 – DATA DEMO (KARANGAN) · Kab/Kota: semua",
        "Dicetak dari sistem; data pribadi tidak boleh disebarkan",
        "",
        "No;Nama Lengkap;NIK;No. HP;Desa/Kel.;Kecamatan;Kab/Kota;Tgl Berangkat;L/P;Negara Tujuan;Jabatan;Skema",
    ]
    n = 0
    for i in np.flatnonzero(counts):
        for _ in range(int(counts[i])):
            n += 1
            month = int(rng.integers(1, 13))
            day = int(rng.integers(1, 29))
            when = (
                f"{day:02d}/{month:02d}/{MESSY_YEAR}"
                if rng.random() < 0.6
                else f"{day} {MONTHS_ID[month - 1]} {MESSY_YEAR}"
            )
            gender = rng.choice(["P", "Perempuan", "L", "Laki-laki", "Wanita"], p=[0.45, 0.2, 0.2, 0.1, 0.05])
            dest = (
                _choice(rng, DESTINATIONS, 1)[0].upper()
                if rng.random() < 0.3
                else _choice(rng, DESTINATIONS, 1)[0]
            )
            person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            nik = f"99{rng.integers(10**13, 10**14 - 1)}"
            phone = f"08{rng.integers(10**9, 10**10 - 1)}"
            lines.append(
                ";".join(
                    [str(n), person, nik, phone, _name_variant(v["name"].iat[i], rng),
                     "Kec. " + str(v["district_name"].iat[i]), str(v["regency_name"].iat[i]), when, str(gender),
                     str(dest), str(rng.choice(SECTORS)), str(_choice(rng, SCHEMES, 1)[0])]
                )
            )  # fmt: skip
    lines.append(f";;;;;;;;;;JUMLAH;{n}")
    lines.append("Catatan: data sementara, belum diverifikasi")
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252", errors="replace"))


def _programmes_xlsx(v: pd.DataFrame, w: np.ndarray, rng: np.random.Generator, path: Path) -> None:
    p = np.clip(0.04 + 0.05 * w, 0, 0.6)
    chosen = np.flatnonzero(rng.random(len(v)) < p)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Cakupan"
    ws.append(["CAKUPAN PROGRAM KOMUNITAS PMI (DATA DEMO, KARANGAN)"])
    ws.append(
        [
            "No",
            "Kode Desa",
            "Nama Desa",
            "Kecamatan",
            "Jenis Program",
            "Tahun Berdiri",
            "Jumlah Anggota",
            "Status",
        ]
    )
    n = 0
    for i in chosen:
        types = list(dict.fromkeys(_choice(rng, PROGRAMMES, int(rng.integers(1, 3)))))
        for kind in types:
            n += 1
            code = v["code"].iat[i]
            ws.append([n, code.replace(".", "") if n % 3 == 0 else code, v["name"].iat[i], v["district_name"].iat[i],
                       kind, int(rng.integers(2016, 2025)), int(rng.integers(8, 60)),
                       "Aktif" if rng.random() < 0.8 else "Tidak aktif"])  # fmt: skip
    wb.save(path)


def _enterprises_csv(v: pd.DataFrame, w: np.ndarray, rng: np.random.Generator, path: Path) -> None:
    p = np.clip(0.05 + 0.04 * w, 0, 0.5)
    rows = ["Kode Desa,Desa,Jenis Usaha,Tahun Mulai,Jumlah Anggota,KUR,Koperasi"]
    for i in np.flatnonzero(rng.random(len(v)) < p):
        for _ in range(int(rng.integers(1, 4))):
            rows.append(
                ",".join([v["code"].iat[i], f"\"{v['name'].iat[i]}\"", str(rng.choice(ENTERPRISES)),
                          str(int(rng.integers(2015, 2025))), str(int(rng.integers(2, 15))),
                          "Ya" if rng.random() < 0.35 else "Tidak", "Ya" if rng.random() < 0.25 else "Tidak"])
            )  # fmt: skip
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def _reports_xlsx(v: pd.DataFrame, w: np.ndarray, rng: np.random.Generator, path: Path) -> None:
    """One report per row; most name the village, some only give coordinates."""
    counts = rng.poisson(np.clip(w - 1.0, 0, None) * 0.8)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Laporan"
    ws.append(
        [
            "Tanggal Laporan",
            "Desa",
            "Kecamatan",
            "Kabupaten",
            "Lintang",
            "Bujur",
            "Negara Tujuan",
            "Modus",
            "Hasil",
            "Jumlah Orang",
        ]
    )
    for i in np.flatnonzero(counts):
        for _ in range(int(counts[i])):
            year = int(rng.choice([2023, 2024]))
            month = int(rng.integers(1, 13))
            date = f"{int(rng.integers(1, 29))} {MONTHS_ID[month - 1]} {year}"
            by_point = rng.random() < 0.3 and pd.notna(v["lat"].iat[i])
            ws.append(
                [date, None if by_point else v["name"].iat[i], None if by_point else v["district_name"].iat[i],
                 None if by_point else v["regency_name"].iat[i],
                 round(float(v["lat"].iat[i]), 6) if by_point else None,
                 round(float(v["lon"].iat[i]), 6) if by_point else None,
                 _choice(rng, DESTINATIONS, 1)[0], str(rng.choice(CHANNELS)), _choice(rng, OUTCOMES, 1)[0],
                 int(rng.integers(1, 6))]
            )  # fmt: skip
    wb.save(path)


def _population_csv(v: pd.DataFrame, rng: np.random.Generator, path: Path) -> None:
    residents = rng.integers(1_500, 12_000, size=len(v))
    lines = ["Kode Desa;Nama Desa;Tahun;Jumlah Penduduk"]
    lines += [
        f"{c};{n};2023;{r:,}".replace(",", ".")
        for c, n, r in zip(v["code"], v["name"], residents, strict=True)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")


def _return_reasons(rng: np.random.Generator, n: int) -> list[tuple[str, str, str, str]]:
    """``n`` invented returns: (reason, problem, route, country)."""
    out = []
    for reason in _choice(rng, RETURN_REASONS, n):
        problem = _choice(rng, PROBLEMS, 1)[0] if reason == "PMI Bermasalah" and rng.random() < 0.85 else ""
        odds = {"Deportasi": 0.8, "PMI Bermasalah": 0.5}.get(reason, 0.08)
        route = "Non Prosedural" if rng.random() < odds else "Prosedural"
        country = (
            "Malaysia" if reason == "Deportasi" and rng.random() < 0.85 else _choice(rng, DESTINATIONS, 1)[0]
        )
        out.append((str(reason), str(problem), route, str(country)))
    return out


def _returns_recap_xlsx(v: pd.DataFrame, w: np.ndarray, rng: np.random.Generator, path: Path) -> None:
    """BP3MI recap per village, year, country, reason, problem, route and debarkation, with L and P
    columns (codes without dots), as a province office sends it."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Kepulangan"
    ws.append(["REKAP KEPULANGAN PMI MENURUT DESA ASAL 2021-2023 (DATA DEMO, KARANGAN)"])
    ws.append([])
    ws.append(["Kode Desa", "Nama Desa", "Tahun", "Negara Asal Kepulangan", "Alasan Kepulangan", "Masalah",
               "Jalur Keberangkatan", "Debarkasi", "L", "P"])  # fmt: skip
    for year in YEARS:
        counts = rng.poisson(w * 1.1 * (1.0 + 0.1 * (year - YEARS[0])))
        for i in np.flatnonzero(counts):
            groups: dict[tuple, list[int]] = {}
            for reason, problem, route, country in _return_reasons(rng, int(counts[i])):
                port = rng.choice(TIDY_PORTS["Malaysia" if country == "Malaysia" else "other"])
                key = (country, reason, problem, route, str(port))
                groups.setdefault(key, [0, 0])[0 if rng.random() < 0.3 else 1] += 1
            for (country, reason, problem, route, port), (men, women) in groups.items():
                ws.append([v["code"].iat[i].replace(".", ""), v["name"].iat[i], year, country, reason, problem or None,
                           route, port, men, women])  # fmt: skip
    wb.save(path)


def _returns_debarkation_csv(v: pd.DataFrame, w: np.ndarray, rng: np.random.Generator, path: Path) -> None:
    """One row per returning worker (P4MI debarkation list, 2024): names only (variants), personal
    columns (name, NIK, passport, birth date, address), semicolons, Windows-1252."""
    counts = rng.poisson(w * 1.3)
    lines = [
        f"DATA DEBARKASI PMI TIBA TAHUN {MESSY_YEAR} – DATA DEMO (KARANGAN)",
        "",
        "No;Nama;NIK;No Paspor;Tgl Lahir;Alamat;Desa;Kecamatan;Kabupaten;Negara;Tgl Tiba;Debarkasi;"
        "Alasan;Kasus;Jalur;JK",
    ]
    n = 0
    for i in np.flatnonzero(counts):
        for reason, problem, route, country in _return_reasons(rng, int(counts[i])):
            n += 1
            month, day = int(rng.integers(1, 13)), int(rng.integers(1, 29))
            port = rng.choice(ENTRY_POINTS["Malaysia" if country == "Malaysia" else "other"])
            lines.append(
                ";".join(
                    [str(n), f"{rng.choice(FIRST)} {rng.choice(LAST)}", f"99{rng.integers(10**13, 10**14 - 1)}",
                     f"C{rng.integers(10**6, 10**7 - 1)}", f"{day:02d}-{month:02d}-19{rng.integers(70, 100)}",
                     f"Dusun {rng.choice(LAST)} RT 0{rng.integers(1, 9)}", _name_variant(v["name"].iat[i], rng),
                     str(v["district_name"].iat[i]), str(v["regency_name"].iat[i]),
                     country.upper() if rng.random() < 0.3 else country, f"{day:02d}/{month:02d}/{MESSY_YEAR}",
                     str(port), reason.upper() if rng.random() < 0.2 else reason, problem,
                     route if rng.random() < 0.9 else "", "P" if rng.random() < 0.7 else "L"]
                )
            )  # fmt: skip
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252", errors="replace"))


def _dms(value: float, positive: str, negative: str) -> str:
    """``6°01'12" LS``: degrees, minutes, seconds and the hemisphere letter."""
    letter = positive if value >= 0 else negative
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round((value - degrees - minutes / 60) * 3600, 1)
    return f"{degrees}°{minutes:02d}'{seconds:04.1f}\" {letter}"


def _service_points_xlsx(v: pd.DataFrame, w: np.ndarray, path: Path) -> None:
    """Service points of every type, as an office lists them: the type written its own way,
    DMS or decimal coordinates for some, only the village for others, a closed one."""
    rng = np.random.default_rng(SERVICE_SEED)
    located = v[v["lon"].notna()].reset_index(drop=True)
    weight = w[v["lon"].notna().to_numpy()]
    regencies = located.drop_duplicates("regency_name")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Titik Layanan"
    ws.append(["DAFTAR TITIK LAYANAN PELINDUNGAN PMI (DATA DEMO, KARANGAN)"])
    ws.append([])
    ws.append(["No", "Jenis Layanan", "Nama", "Kode Desa", "Desa", "Kecamatan", "Koordinat", "Tahun Dibuka", "Tahun Ditutup",
               "Nama Petugas", "No. HP Petugas"])  # fmt: skip
    n = 0
    for kind, pattern, count, placed in SERVICE_POINTS:
        if "{regency}" in pattern:
            picks = [int(np.flatnonzero(located["regency_name"] == r)[0]) for r in regencies["regency_name"]][
                :count
            ]
        else:  # villages where many leave are likelier to have one
            picks = rng.choice(len(located), size=count, replace=False, p=weight / weight.sum()).tolist()
        for k, i in enumerate(picks):
            n += 1
            row = located.iloc[i]
            lon, lat = float(row["lon"]), float(row["lat"])
            if placed == "dms":
                where = f"{_dms(lat, 'LU', 'LS')}, {_dms(lon, 'BT', 'BB')}"
            elif placed == "decimal":
                where = f"{lat:.6f}, {lon:.6f}"
            else:
                where = None
            name = pattern.format(
                regency=str(row["regency_name"]).replace("Kabupaten ", "Kab. "), village=row["name"]
            )
            closed = 2022 if kind.startswith("MRC") and k == count - 1 else None
            person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            ws.append([n, kind, name, row["code"] if placed != "village" or k % 2 == 0 else None,
                       row["name"], row["district_name"], where, int(rng.integers(2015, 2021 if closed else 2024)),
                       closed, person,
                       f"08{rng.integers(10**9, 10**10 - 1)}"])  # fmt: skip
    wb.save(path)


def build(store: Store, files_dir: Path | str | None = None) -> dict[str, ImportPlan]:
    """Write the demo layer files into ``files_dir`` and import them into ``store``.

    Without ``files_dir`` the files go to a temporary folder that is removed afterwards (the
    raw messy file carries invented names and NIK-shaped numbers, which do not belong in the
    bundled pack; the store itself never holds them).

    Returns the import plan of each file (its summary says what matched). Raises
    :class:`~loaders.store.StoreError` when the store holds no villages yet, and ``RuntimeError``
    when a demo file is rejected (a bug in this generator or the importer).
    """
    if files_dir is None:
        with tempfile.TemporaryDirectory(prefix="atlas-demo-files-") as tmp:
            return build(store, tmp)
    files_dir = Path(files_dir)
    files_dir.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)
    v = _villages(store)
    w = _intensity(v, rng)
    _placements_xlsx(v, w, rng, files_dir / "penempatan_2021-2023.xlsx")
    _placements_messy_csv(v, w, rng, files_dir / "data_pmi_berangkat_2024_MENTAH.csv")
    _programmes_xlsx(v, w, rng, files_dir / "cakupan_komunitas.xlsx")
    _enterprises_csv(v, w, rng, files_dir / "usaha_pmi_purna.csv")
    _reports_xlsx(v, w, rng, files_dir / "laporan_non_prosedural_2023-2024.xlsx")
    _population_csv(v, rng, files_dir / "penduduk_2023.csv")
    # the returns last, so the other layers' numbers stay as they were before returns existed
    _returns_recap_xlsx(v, w, rng, files_dir / "kepulangan_pmi_2021-2023.xlsx")
    _returns_debarkation_csv(v, w, rng, files_dir / "debarkasi_pmi_2024_MENTAH.csv")
    _service_points_xlsx(v, w, files_dir / "titik_layanan_pmi.xlsx")
    for layer in {layer for layer, _ in DEMO_FILES.values()}:
        for version in store.layer_meta(layer)["versions"]:
            store.delete_layer_version(layer, version["id"])
    plans = {}
    for name, (layer, mode) in DEMO_FILES.items():
        plan, version = import_file(layer, files_dir / name, store, mode=mode)
        if version is None:
            problems = "; ".join(i.message("en") for i in plan.errors[:5])
            raise RuntimeError(f"demo file {name} was rejected: {problems}")
        plans[name] = plan
    return plans
