"""Import of a large placements workbook: ``python -m bench.workbook [--rows N] [--json OUT]``.

Writes a row-level placements ``.xlsx`` of ``--rows`` rows (200,000 by default) over real
gazetteer villages (codes, half without dots, and names of village, district and regency; year,
gender, destination, sector; no personal data), then analyses and commits it into an empty store
in a process of its own (``bench.worker placements``), as the Data page does. Prints one JSON
object with ``placements_import_xlsx_200k_s`` (the import, reading the workbook included) and
``placements_import_xlsx_200k_peak_mib``. The sheet is over the default cell limit
(``ATLAS_MAX_SHEET_CELLS``), which the worker's environment raises for this run.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DESTINATIONS = ("Malaysia", "Taiwan", "Hong Kong", "Arab Saudi", "Korea Selatan", "Jepang", "Singapura")
SECTORS = ("Domestik", "Manufaktur", "Perkebunan", "Konstruksi", "Perikanan", "Jasa")
PROVINCE_WEIGHTS = {"35": 6.0, "33": 5.0, "32": 5.0, "52": 4.0, "18": 2.0, "53": 2.0, "12": 1.5, "36": 1.5}


def placements_xlsx(path: Path, rows: int = 200_000, seed: int = 2025) -> Path:
    """A row-level placements workbook (one row per worker) over real gazetteer villages."""
    import openpyxl

    from geo.matching import gazetteer_reference

    villages = gazetteer_reference()
    rng = np.random.default_rng(seed)
    weight = villages["code"].str[:2].map(PROVINCE_WEIGHTS).fillna(0.3).to_numpy()
    weight = weight * rng.lognormal(0, 1.2, size=len(villages))
    pick = rng.choice(len(villages), size=rows, p=weight / weight.sum())
    chosen = villages.iloc[pick].reset_index(drop=True)
    code = chosen["code"].astype(str)
    dotless = rng.random(rows) < 0.5
    columns = {
        "No": np.arange(1, rows + 1).tolist(),
        "Kode Desa": code.where(~dotless, code.str.replace(".", "", regex=False)).tolist(),
        "Desa/Kelurahan": chosen["name"].tolist(),
        "Kecamatan": chosen["district_name"].tolist(),
        "Kabupaten/Kota": chosen["regency_name"].tolist(),
        "Tahun": rng.choice([2021, 2022, 2023, 2024], size=rows).tolist(),
        "L/P": np.where(rng.random(rows) < 0.65, "P", "L").tolist(),
        "Negara Tujuan": rng.choice(DESTINATIONS, size=rows).tolist(),
        "Sektor": rng.choice(SECTORS, size=rows).tolist(),
    }
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Penempatan")
    ws.append(["DATA PENEMPATAN PMI PER PEKERJA"])
    ws.append(list(columns))
    for row in zip(*columns.values(), strict=True):
        ws.append(list(row))
    wb.save(path)
    return path


def workbook_figures(work: Path, rows: int = 200_000) -> dict:
    """Write the workbook in ``work`` and import it into an empty store in its own process."""
    path = placements_xlsx(work / "penempatan_pmi.xlsx", rows)
    env = {**os.environ, "ATLAS_MAX_SHEET_CELLS": str(rows * 12), "ATLAS_MAX_ROWS": str(rows * 2)}
    command = [sys.executable, "-m", "bench.worker", "placements", str(work / "store"), str(path)]
    done = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, text=True, check=False, env=env)
    if done.returncode != 0:
        raise SystemExit(f"bench.worker placements failed (exit {done.returncode})")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return {
        "placements_import_xlsx_200k_s": result["seconds"],
        "placements_import_xlsx_200k_peak_mib": result["peak_mib"],
        "meta": {
            "workbook_rows": rows,
            "workbook_bytes": path.stat().st_size,
            "workbook_rows_matched": result["rows_matched"],
            "workbook_analyse_s": result["analyse_s"],
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.workbook", description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--json", type=Path, metavar="OUT")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="atlas-bench-xlsx-") as tmp:
        out = workbook_figures(Path(tmp), args.rows)
    out["meta"]["bench_s"] = round(time.perf_counter() - start, 1)
    text = json.dumps(out, indent=1)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text + "\n")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
