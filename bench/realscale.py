"""A real-scale store for the load test: every province's villages, five years of placements.

``python -m bench.realscale [--store DIR] [--data ../shared/data] [--json OUT]`` builds (or
reuses) an embedded store through the project's own import paths:

* the village files of every province from ``../shared/data/boundaries/desa`` (read in place),
  then the regency and district files, as ``python -m bench`` imports them
  (:func:`bench.__main__.import_store`, in a process of its own);
* one row-level placements file a year (one row per worker, departure date, gender,
  destination, sector, scheme; no personal data), ``PER_YEAR`` rows each, imported with
  ``loaders.layers.import_file`` as the Data page imports a file. The rows are invented but
  shaped like BP2MI's yearly statistics: about 270,000 placements a year, most of them from
  the provinces that send most workers (:data:`SHARES`), concentrated in some regencies and
  villages of each;
* programmes, reports and returnee enterprises on a few thousand of the sending villages
  (every province has some), imported the same way.

The files are written beside the store (``DIR-files``; they are invented, and the enterprises
file is imported again during the load test). A record in the store (``.realscale.json``) keeps
what was built and how long it took: a rerun with the same parameters reuses the store and its
figures; other parameters rebuild the layers (the boundaries are reused). Nothing here is
committed: the default folder ``bench/out/realscale/store`` is ignored by git.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd

from geo.codes import Level
from loaders.store import Store

__all__ = [
    "SHARES",
    "YEARS",
    "PER_YEAR",
    "LAYER_VILLAGES",
    "DEFAULT_STORE",
    "files_dir",
    "sending_weights",
    "placements_file",
    "layer_files",
    "build",
]

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_STORE = ROOT / "bench" / "out" / "realscale" / "store"
RECORD = ".realscale.json"
SEED = 2027
YEARS = (2020, 2021, 2022, 2023, 2024)
PER_YEAR = 270_000
LAYER_VILLAGES = 3_000
#: Approximate shares of placements by province of origin, rounded from BP2MI's yearly
#: statistics (Jawa Timur, Jawa Tengah, Jawa Barat, NTB, Lampung, Sumatera Utara, Bali,
#: Banten, NTT); the rest is spread evenly over the other provinces.
SHARES = {
    "35": 0.25,
    "33": 0.22,
    "32": 0.19,
    "52": 0.11,
    "18": 0.07,
    "12": 0.035,
    "51": 0.025,
    "36": 0.015,
    "53": 0.015,
}
DESTINATIONS = (
    ("Malaysia", 0.28),
    ("Taiwan", 0.27),
    ("Hong Kong", 0.22),
    ("Korea Selatan", 0.05),
    ("Jepang", 0.06),
    ("Arab Saudi", 0.04),
    ("Singapura", 0.05),
    ("Italia", 0.01),
    ("Polandia", 0.02),
)
SECTORS = ("Domestik", "Perawat lansia", "Manufaktur", "Perkebunan", "Konstruksi", "Perikanan")
SCHEMES = (("P to P", 0.85), ("G to G", 0.05), ("Mandiri", 0.1))
PROGRAMMES = ("KKBM", "Desmigratif", "Kawan PMI", "MRC/BP PIPA", "Perdes PMI")
ENTERPRISES = ("Olahan pangan", "Warung kelontong", "Kerajinan bambu", "Ternak kambing", "Budidaya ikan")
CHANNELS = ("Visa ziarah", "Visa turis", "Calo/perseorangan", "Visa kunjungan")
OUTCOMES = (("Dicegah", 0.55), ("Dipulangkan", 0.25), ("Ditangani", 0.2))


def files_dir(store_dir: Path) -> Path:
    """Where the generated layer files of ``store_dir`` are kept (beside it)."""
    return store_dir.with_name(store_dir.name + "-files")


def _pick(rng: np.random.Generator, options: tuple, size: int) -> np.ndarray:
    names = np.array([o[0] for o in options], dtype=object)
    weights = np.array([o[1] for o in options], dtype=float)
    return rng.choice(names, size=size, p=weights / weights.sum())


def sending_weights(codes: pd.Series, rng: np.random.Generator) -> np.ndarray:
    """Each village's share of a year's placements (sums to 1).

    A province gets its :data:`SHARES` (the rest evenly over the others; renormalised over the
    provinces present). Inside it, regencies and villages differ (lognormal), and only some
    villages send anyone: most of a large sending province's, a third of the others'.
    """
    codes = pd.Series(codes, dtype="string").reset_index(drop=True)
    province = codes.str[:2]
    present = sorted(province.unique())
    rest = [p for p in present if p not in SHARES]
    left = max(1.0 - sum(SHARES.values()), 0.0)
    share = {p: SHARES.get(p, left / max(len(rest), 1)) for p in present}
    total = sum(share.values())
    regency = codes.str[:5]
    regency_factor = pd.Series(rng.lognormal(0, 0.8, regency.nunique()), index=sorted(regency.unique()))
    weight = regency.map(regency_factor).to_numpy() * rng.lognormal(0, 1.3, len(codes))
    sends = rng.random(len(codes)) < np.where(province.map(share).to_numpy() >= 0.05, 0.75, 0.35)
    weight = np.where(sends, weight, 0.0)
    out = np.zeros(len(codes))
    for p in present:
        inside = (province == p).to_numpy()
        held = weight[inside].sum()
        if held > 0:
            out[inside] = weight[inside] / held * share[p] / total
    return out / out.sum()


def placements_file(
    villages: pd.DataFrame, weights: np.ndarray, year: int, rows: int, seed: int, path: Path
) -> Path:
    """A year's row-level placements export (one row per worker) over ``villages``.

    Columns as such exports name them: village code, village, district and regency names,
    departure date (dd/mm/yyyy), L/P, destination country, sector, scheme.
    """
    rng = np.random.default_rng(seed)
    pick = rng.choice(len(villages), size=rows, p=weights)
    chosen = villages.iloc[pick].reset_index(drop=True)
    month = rng.integers(1, 13, size=rows)
    day = rng.integers(1, 29, size=rows)
    frame = pd.DataFrame(
        {
            "No": np.arange(1, rows + 1),
            "Kode Desa": chosen["code"].astype(str),
            "Desa/Kelurahan": chosen["name"],
            "Kecamatan": chosen["district_name"],
            "Kabupaten/Kota": chosen["regency_name"],
            "Tanggal Berangkat": [f"{d:02d}/{m:02d}/{year}" for d, m in zip(day, month, strict=True)],
            "L/P": np.where(rng.random(rows) < 0.68, "P", "L"),
            "Negara Tujuan": _pick(rng, DESTINATIONS, rows),
            "Sektor": rng.choice(SECTORS, size=rows),
            "Skema": _pick(rng, SCHEMES, rows),
        }
    )
    frame.to_csv(path, index=False)
    return path


def _layer_villages(
    villages: pd.DataFrame, weights: np.ndarray, n: int, rng: np.random.Generator
) -> pd.DataFrame:
    """``n`` sending villages (more likely where more workers leave), and at least a few in
    every province, so every grant of the load test has each layer."""
    sending = np.flatnonzero(weights > 0)
    n = min(n, len(sending))
    picked = set(
        rng.choice(sending, size=n, replace=False, p=weights[sending] / weights[sending].sum()).tolist()
    )
    province = villages["code"].str[:2].to_numpy()
    for p in np.unique(province):
        inside = np.flatnonzero(province == p)
        picked.update(rng.choice(inside, size=min(5, len(inside)), replace=False).tolist())
    return villages.iloc[sorted(picked)].reset_index(drop=True)


def layer_files(
    villages: pd.DataFrame, weights: np.ndarray, n: int, seed: int, folder: Path
) -> dict[str, Path]:
    """Programmes on ``n`` villages, enterprises on 0.8 n, reports on 0.6 n: CSV files as
    offices keep them. Returns layer -> file."""
    rng = np.random.default_rng(seed)
    out = {}
    chosen = _layer_villages(villages, weights, n, rng)
    lines = ["Kode Desa,Nama Desa,Jenis Program,Tahun Berdiri,Jumlah Anggota,Status"]
    for code, name in zip(chosen["code"], chosen["name"], strict=True):
        for kind in rng.choice(PROGRAMMES, size=int(rng.integers(1, 3)), replace=False):
            active = "Aktif" if rng.random() < 0.8 else "Tidak aktif"
            lines.append(f'{code},"{name}",{kind},{rng.integers(2016, 2025)},{rng.integers(8, 60)},{active}')
    out["programmes"] = folder / "cakupan_program_nasional.csv"
    out["programmes"].write_text("\n".join(lines) + "\n", encoding="utf-8")

    chosen = _layer_villages(villages, weights, int(n * 0.8), rng)
    lines = ["Kode Desa,Desa,Jenis Usaha,Tahun Mulai,Jumlah Anggota,KUR,Koperasi"]
    for code, name in zip(chosen["code"], chosen["name"], strict=True):
        for _ in range(int(rng.integers(1, 4))):
            kur = "Ya" if rng.random() < 0.35 else "Tidak"
            coop = "Ya" if rng.random() < 0.25 else "Tidak"
            lines.append(
                f'{code},"{name}",{rng.choice(ENTERPRISES)},{rng.integers(2015, 2025)},'
                f"{rng.integers(2, 15)},{kur},{coop}"
            )
    out["enterprises"] = folder / "usaha_pmi_purna_nasional.csv"
    out["enterprises"].write_text("\n".join(lines) + "\n", encoding="utf-8")

    chosen = _layer_villages(villages, weights, int(n * 0.6), rng)
    lines = ["Kode Desa,Desa,Tanggal Laporan,Negara Tujuan,Modus,Hasil,Jumlah Orang"]
    for code, name in zip(chosen["code"], chosen["name"], strict=True):
        seen = set()  # one report per village, month, destination, channel and outcome (as stored)
        for _ in range(int(rng.integers(1, 4))):
            month = f"{rng.integers(1, 13):02d}/{rng.choice(YEARS[-3:])}"
            key = (month, _pick(rng, DESTINATIONS, 1)[0], rng.choice(CHANNELS), _pick(rng, OUTCOMES, 1)[0])
            if key not in seen:
                seen.add(key)
                when = f"{rng.integers(1, 29):02d}/{month}"
                lines.append(f'{code},"{name}",{when},{",".join(key[1:])},{rng.integers(1, 6)}')
    out["reports"] = folder / "laporan_non_prosedural_nasional.csv"
    out["reports"].write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def _log(message: str) -> None:
    print(f"[realscale] {message}", file=sys.stderr, flush=True)


def write_files(store: Store, folder: Path, params: dict) -> dict[str, list[Path]]:
    """Every layer file of ``params`` (deterministic from its seed) into ``folder``: layer -> files."""
    folder.mkdir(parents=True, exist_ok=True)
    columns = ["code", "name", "district_name", "regency_name"]
    villages = store.read_attributes(Level.VILLAGE, None, columns=columns).sort_values("code")
    villages = villages.reset_index(drop=True)
    weights = sending_weights(villages["code"], np.random.default_rng(params["seed"]))
    files: dict[str, list[Path]] = {"placements": []}
    for i, year in enumerate(params["years"]):
        path = folder / f"penempatan_pmi_{year}.csv"
        files["placements"].append(
            placements_file(villages, weights, year, params["per_year"], params["seed"] + 1 + i, path)
        )
    for layer, path in layer_files(
        villages, weights, params["layer_villages"], params["seed"] + 99, folder
    ).items():
        files[layer] = [path]
    return files


def build(
    store_dir: Path | str = DEFAULT_STORE,
    boundaries: Path | str | None = None,
    *,
    years: tuple[int, ...] = YEARS,
    per_year: int = PER_YEAR,
    layer_villages: int = LAYER_VILLAGES,
    seed: int = SEED,
) -> dict:
    """Build (or reuse) the real-scale store in ``store_dir``; returns what it holds and how
    long each part took (``reused_from``: the date of the build reused)."""
    from bench.__main__ import SHARED_DATA, dir_bytes, import_store
    from loaders.layers import import_file

    store_dir = Path(store_dir).resolve()
    boundaries = Path(boundaries) if boundaries else SHARED_DATA / "boundaries"
    params = {"years": list(years), "per_year": per_year, "layer_villages": layer_villages, "seed": seed}
    record = store_dir / RECORD
    held = json.loads(record.read_text()) if record.is_file() else {}
    folder = files_dir(store_dir)
    if held.get("params") == params:
        _log(f"reusing the store in {store_dir}, built {held['date']}")
        if not all(Path(f).is_file() for f in held["files"]):
            _log(f"writing the layer files again into {folder} (deterministic)")
            write_files(Store(store_dir), folder, params)
        return {**held, "reused_from": held["date"]}

    started = time.perf_counter()
    imported = import_store(store_dir, boundaries, keep=True)
    store = Store(store_dir)
    for layer in store.layers():  # layers of other parameters: built again
        for version in store.layer_meta(layer)["versions"]:
            store.delete_layer_version(layer, version["id"])
    _log(f"writing {len(years)} years x {per_year:,} placements and the layer files into {folder}")
    if folder.exists():
        shutil.rmtree(folder)
    began = time.perf_counter()
    files = write_files(store, folder, params)
    written_s = time.perf_counter() - began
    layers: dict = {}
    began = time.perf_counter()
    for layer, paths in files.items():
        for path in paths:
            at = time.perf_counter()
            plan, version = import_file(layer, path, store, mode="append")
            if version is None:
                problems = "; ".join(i.message("en") for i in plan.errors[:5])
                raise SystemExit(f"{path.name} was rejected: {problems}")
            entry = layers.setdefault(
                layer, {"versions": 0, "rows_read": 0, "rows_stored": 0, "seconds": 0.0}
            )
            entry["versions"] += 1
            entry["rows_read"] += int(plan.rows_read)
            entry["rows_stored"] += int(len(plan.frame))
            entry["unmatched"] = entry.get("unmatched", 0) + int(plan.unmatched)
            entry["seconds"] = round(entry["seconds"] + time.perf_counter() - at, 2)
            _log(
                f"  {path.name}: {layer} v{version}, {plan.rows_read:,} rows, {time.perf_counter() - at:.1f} s"
            )
    layers_s = time.perf_counter() - began
    frame = store.read_layer("placements")
    by_province = frame.groupby(frame["village"].str[:2])["count"].sum().sort_values(ascending=False)
    out = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "params": params,
        "files": [str(p) for paths in files.values() for p in paths],
        "figures": {
            "realscale_boundaries_s": imported.get("store_import_all_s"),
            "realscale_levels_s": imported.get("store_import_levels_s"),
            "realscale_files_written_s": round(written_s, 1),
            "realscale_layers_import_s": round(layers_s, 1),
            # the boundaries' own time counted too when an earlier run imported them
            "realscale_build_s": round(
                time.perf_counter()
                - started
                + (
                    (imported.get("store_import_all_s") or 0) + (imported.get("store_import_levels_s") or 0)
                    if imported.get("reused_from")
                    else 0
                ),
                1,
            ),
            "realscale_store_bytes": dir_bytes(store_dir),
        },
        "provinces": len(store.provinces()),
        "villages": int(len(store.read_attributes(Level.VILLAGE, None, columns=["code"]))),
        "layers": layers,
        "placements_by_province": {str(k): int(v) for k, v in by_province.head(12).items()},
        "boundaries_reused_from": imported.get("reused_from"),
    }
    record.write_text(json.dumps(out, indent=1, ensure_ascii=False))
    _log(
        f"built in {out['figures']['realscale_build_s']:.0f} s, {out['figures']['realscale_store_bytes'] / 1e6:.0f} MB"
    )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.realscale", description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, default=DEFAULT_STORE, help="the store folder (kept, reused)")
    parser.add_argument("--data", type=Path, default=None, help="the reference data (default ../shared/data)")
    parser.add_argument("--per-year", type=int, default=PER_YEAR, help="placements a year")
    parser.add_argument("--layer-villages", type=int, default=LAYER_VILLAGES)
    parser.add_argument("--json", type=Path, default=None, help="also write the result here")
    args = parser.parse_args(argv)
    data = args.data.resolve() / "boundaries" if args.data else None
    result = build(args.store, data, per_year=args.per_year, layer_villages=args.layer_villages)
    text = json.dumps(result, indent=1, ensure_ascii=False)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text + "\n")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
