"""Scale benchmark on the real boundaries: ``python -m bench [--json OUT] [--store DIR]``.

Measures, on ``../shared/data`` (read in place):

* importing every ``boundaries/desa/desa_PP.parquet`` into a fresh store through
  ``loaders.boundaries.import_file``, in a process of its own (time, peak RSS, size on disk);
* then, as a user with the official files would, importing ``kabupaten.parquet`` and
  ``kecamatan.parquet`` as the regency and district levels (``--level regency``/``district``),
  timed on their own: regencies and districts without village polygons (Kab. Fak Fak) get theirs;
* the village map of Jawa Timur (35) built from the store as the map page builds it, and the
  naive map of the same villages (``to_json`` + ``folium.GeoJson``), with the HTML each sends;
* the national maps of all regencies and all districts (the page's whole-country zoom);
* importing 1,000,000 row-level placement records over real village names (own process);
* importing a 200,000-row placements workbook (.xlsx) over real gazetteer villages (own process);
* in headless Chromium: app start to the map page's polygons drawn, and choosing Jawa Timur's
  villages to all of them drawn;
* a widget change to Jawa Timur's villages redrawn, median and 95th percentile of 20 changes
  (``bench.interaction``, on a copy of the store with placements over every village);
* the national village exports: PNG map, PPTX and PDF of every village (``bench.exports``);
* distance over land and where the next service points go in NTB, Banten and Jawa Timur
  (``bench.reach``, from the boundary files in place).

Prints progress to stderr and one JSON object to stdout (also written to ``--json OUT``):
seconds (``_s``), bytes (``_bytes``) and MiB (``_mib``), plus ``meta`` (machine, date, counts).
``--store DIR`` keeps the imported store in DIR and reuses it (and its import figures) on the
next run, so the map and browser figures can be measured again in minutes (a kept store of
villages only gets the level files imported on the next run). Without the real
data it prints ``{"skipped": ...}`` and exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.common import SHARED_DATA, machine, run_worker, timed  # noqa: F401  (the stages' shared helpers, re-exported)

ROOT = Path(__file__).resolve().parent.parent

PROVINCE = "35"
IMPORT_RECORD = ".bench-import.json"  # beside the store's own files, when the store is kept
STAGES = ("maps", "placements", "workbook", "browser", "interaction", "national", "exports", "reach")
NATIONAL_PLACEMENT_ROWS = 300_000  # placements over every village for the recolour figure
#: Files of higher levels imported after the villages, and the level each holds.
SHARED_LEVEL_FILES = {"kabupaten.parquet": "regency", "kecamatan.parquet": "district"}
_T0 = time.perf_counter()
FIGURE_KEYS = (
    "national_village_first_draw_s",
    "national_village_bytes_initial",
    "national_village_recolour_s",
)


def log(message: str) -> None:
    print(f"[bench {time.perf_counter() - _T0:7.1f}s] {message}", file=sys.stderr, flush=True)


def dir_bytes(path: Path) -> int:
    """Bytes of every regular file under ``path`` (symlinks not followed)."""
    total = 0
    for dirpath, _, filenames in os.walk(path):
        for name in filenames:
            file = Path(dirpath) / name
            if not file.is_symlink() and name != IMPORT_RECORD:
                total += file.stat().st_size
    return total


# --------------------------------------------------------------------------- stages
def import_store(store_dir: Path, boundaries: Path, keep: bool) -> dict:
    """Import every village file, then the level files, into ``store_dir``.

    A complete earlier import is reused (with its figures); a kept store of villages only gets
    the level files imported now.
    """
    files = sorted((boundaries / "desa").glob("desa_*.parquet"))
    levels = [boundaries / name for name in SHARED_LEVEL_FILES if (boundaries / name).is_file()]
    record = store_dir / IMPORT_RECORD
    held = json.loads(record.read_text()) if record.is_file() else {}
    if held.get("files") == [f.name for f in files]:
        figures = dict(held["figures"])
        if held.get("level_files") == [f.name for f in levels]:
            log(f"reusing the store in {store_dir} and its import figures of {held['date']}")
            return {**figures, "reused_from": held["date"]}
        log(f"reusing the villages in {store_dir} (imported {held['date']}); importing the level files")
        figures["reused_from"] = held["date"]
    elif store_dir.exists() and any(store_dir.iterdir()):
        raise SystemExit(
            f"{store_dir} is not empty and holds no complete benchmark import: give a new directory"
        )
    else:
        log(f"importing {len(files)} village files into {store_dir} (several minutes)")
        result = run_worker("boundaries", str(store_dir), *map(str, files))
        figures = {
            "store_import_all_s": result["seconds"],
            "store_import_peak_mib": result["peak_mib"],
            "villages_with_polygon": result["villages_with_polygon"],
        }
        log(f"import: {figures['store_import_all_s']:.1f} s, peak {figures['store_import_peak_mib']:.0f} MiB")
    if levels:
        log(f"importing the level files {', '.join(f.name for f in levels)}")
        result = run_worker("levels", str(store_dir), *(f"{SHARED_LEVEL_FILES[f.name]}={f}" for f in levels))
        figures["store_import_levels_s"] = result["seconds"]
        figures["store_import_levels_peak_mib"] = result["peak_mib"]
        figures["level_files"] = {
            f["level"]: {k: f[k] for k in ("file", "rows", "seconds")} for f in result["files"]
        }
        log(f"level files: {result['seconds']:.1f} s, peak {result['peak_mib']:.0f} MiB")
    figures["store_bytes"] = dir_bytes(store_dir)
    log(f"store: {figures['store_bytes'] / 1e6:.1f} MB on disk")
    if keep:
        date = datetime.now(UTC).isoformat(timespec="seconds")
        kept = {k: v for k, v in figures.items() if k != "reused_from"}
        record.write_text(
            json.dumps(
                {
                    "date": held.get("date", date) if figures.get("reused_from") else date,
                    "levels_date": date,
                    "files": [f.name for f in files],
                    "level_files": [f.name for f in levels],
                    "figures": kept,
                }
            )
        )
    return figures


def map_figures(store_dir: Path, repeat: int) -> tuple[dict, dict]:
    """Build times (median of ``repeat``) and HTML sizes of the fast, naive and national maps."""
    from bench.scale import drawn_areas, fast_map, map_bytes, naive_map, village_values, villages_within
    from geo.codes import Level
    from loaders.store import Store

    store = Store(store_dir)
    codes = store.read_attributes(Level.VILLAGE, PROVINCE, columns=["code"])["code"]
    values = village_values(codes)
    # warm-up (modules, templates), as in the app's long-running process: another province
    warm = "36" if PROVINCE != "36" else "35"
    map_bytes(fast_map(store, Level.REGENCY, warm, villages_within(store, Level.REGENCY)))
    map_bytes(naive_map(store, Level.REGENCY, warm, villages_within(store, Level.REGENCY)))

    out, detail = {}, {}
    log(f"village map of province {PROVINCE}: fast way x{repeat}")
    html, out["province_map_build_s"], detail["province_map_runs_s"] = timed(
        lambda: map_bytes(fast_map(store, Level.VILLAGE, PROVINCE, values)), repeat
    )
    out["province_map_bytes"] = len(html)
    detail["province_map_areas"] = drawn_areas(store, Level.VILLAGE, PROVINCE)
    log(f"  {out['province_map_build_s']:.3f} s, {len(html) / 1e6:.2f} MB; naive way x{repeat}")
    html, out["province_map_naive_build_s"], detail["province_map_naive_runs_s"] = timed(
        lambda: map_bytes(naive_map(store, Level.VILLAGE, PROVINCE, values)), repeat
    )
    out["province_map_naive_bytes"] = len(html)
    log(f"  naive: {out['province_map_naive_build_s']:.3f} s, {len(html) / 1e6:.2f} MB")
    out["province_map_speedup"] = round(out["province_map_naive_build_s"] / out["province_map_build_s"], 1)
    out["province_map_shrink"] = round(out["province_map_naive_bytes"] / out["province_map_bytes"], 1)

    for level, key in ((Level.REGENCY, "national_regency_map"), (Level.DISTRICT, "national_district_map")):
        values = villages_within(store, level)  # the page's value above village level (cached there)
        log(f"national map of {level.key} x{repeat}")
        html, out[f"{key}_build_s"], detail[f"{key}_runs_s"] = timed(
            lambda lv=level, v=values: map_bytes(fast_map(store, lv, None, v)), repeat
        )
        out[f"{key}_bytes"] = len(html)
        detail[f"{key}_areas"] = drawn_areas(store, level, None)
        log(f"  {out[f'{key}_build_s']:.3f} s, {len(html) / 1e6:.2f} MB")
    return out, detail


def placements_figures(store_dir: Path, work: Path, rows: int) -> tuple[dict, dict]:
    """Generate ``rows`` row-level placements over real villages; import them in a process of their own."""
    from bench.scale import placements_csv
    from loaders.store import Store

    log(f"writing {rows:,} row-level placement records")
    path = placements_csv(Store(store_dir), work / "penempatan_pmi_per_pekerja.csv", rows)
    size = path.stat().st_size
    copy = work / "store-placements"  # the boundaries of the store (hard links), so it stays as it was
    Store(store_dir).snapshot(copy)
    log(f"importing them ({size / 1e6:.0f} MB CSV) into a copy of the store")
    result = run_worker("placements", str(copy), str(path))
    shutil.rmtree(copy, ignore_errors=True)
    log(
        f"  {result['seconds']:.1f} s, peak {result['peak_mib']:.0f} MiB, {result['rows_stored']:,} rows stored"
    )
    figures = {
        "placements_import_1m_s": result["seconds"],
        "placements_import_1m_peak_mib": result["peak_mib"],
    }
    detail = {f"placements_{k}": v for k, v in result.items() if k not in ("seconds", "peak_mib")}
    return figures, {**detail, "placements_rows": rows, "placements_csv_bytes": size}


def interaction_figures(store_dir: Path, work: Path) -> tuple[dict, dict]:
    """Class changes to Jawa Timur's villages redrawn (:mod:`bench.interaction`), on a copy of
    the store holding placements over every village."""
    from bench.interaction import interaction_figures as browser
    from bench.scale import placements_csv
    from loaders.store import Store

    copy = work / "store-interaction"
    Store(store_dir).snapshot(copy)
    path = placements_csv(Store(copy), work / "penempatan_interaksi.csv", NATIONAL_PLACEMENT_ROWS, seed=27)
    run_worker("placements", str(copy), str(path))
    found = browser(copy, PROVINCE)
    shutil.rmtree(copy, ignore_errors=True)
    keys = ("interaction_p50_s", "interaction_p95_s")
    return {k: found[k] for k in keys}, {k: v for k, v in found.items() if k not in keys}


def national_figures(store_dir: Path, work: Path) -> tuple[dict, dict]:
    """The national village view: packs rebuilt for every province (own process), then, in
    Chromium, the first draw and its bytes on the store, and a recolour on a copy of it holding
    placements over every village."""
    from bench.national import national_figures as browser
    from bench.scale import placements_csv
    from loaders.store import Store

    log("national village packs of every province, rebuilt from the stored display copies")
    result = run_worker("tiles", str(store_dir))
    figures = {
        "national_village_tiles_build_s": result["seconds"],
        "national_village_tiles_peak_mib": result["peak_mib"],
    }
    store = Store(store_dir)
    figures["national_village_pack_bytes"] = sum(
        len(store.read_pack(p, "national")) for p in store.provinces()
    )
    log(f"  {result['seconds']:.1f} s, national packs {figures['national_village_pack_bytes'] / 1e6:.2f} MB")
    copy = work / "store-national"
    Store(store_dir).snapshot(copy)
    path = placements_csv(Store(copy), work / "penempatan_nasional.csv", NATIONAL_PLACEMENT_ROWS, seed=13)
    run_worker("placements", str(copy), str(path))
    log("browser: every village of the country, then a recolour")
    found = browser(store_dir, copy)
    shutil.rmtree(copy, ignore_errors=True)
    detail = {k: found.pop(k) for k in list(found) if k not in FIGURE_KEYS}
    figures.update(found)
    return figures, {**detail, "national_village_tiles_provinces_s": result["provinces"]}


# --------------------------------------------------------------------------- main
def run(args: argparse.Namespace) -> dict:
    boundaries = Path(args.data) / "boundaries"
    started = time.perf_counter()
    out: dict = {}
    meta: dict = {"machine": machine(), "date": datetime.now(UTC).isoformat(timespec="seconds")}
    meta["load_average_at_start"] = [round(x, 2) for x in os.getloadavg()]
    with tempfile.TemporaryDirectory(prefix="atlas-bench-") as tmp:
        work = Path(tmp)
        store_dir = Path(args.store).resolve() if args.store else work / "store"
        imported = import_store(store_dir, boundaries, keep=bool(args.store))
        for key in (
            "store_import_all_s",
            "store_import_peak_mib",
            "store_import_levels_s",
            "store_import_levels_peak_mib",
            "store_bytes",
        ):
            if key in imported:
                out[key] = imported[key]
        meta["villages_with_polygon"] = imported.get("villages_with_polygon")
        meta["level_files"] = imported.get("level_files")
        if imported.get("reused_from"):
            meta["store_import_measured"] = imported["reused_from"]
        if "maps" not in args.skip:
            figures, detail = map_figures(store_dir, args.repeat)
            out.update(figures)
            meta.update(detail)
            for level, file in (imported.get("level_files") or {}).items():
                drawn = detail.get(f"national_{level}_map_areas")
                if drawn is not None and drawn != file["rows"]:
                    log(
                        f"the national {level} map draws {drawn:,} areas; {file['file']} holds {file['rows']:,}"
                    )
        if "placements" not in args.skip:
            figures, detail = placements_figures(store_dir, work, args.rows)
            out.update(figures)
            meta.update(detail)
        if "workbook" not in args.skip:
            from bench.workbook import workbook_figures

            log("importing a 200,000-row placements workbook (.xlsx)")
            figures = workbook_figures(work)
            meta.update(figures.pop("meta"))
            out.update(figures)
            log(f"  {figures['placements_import_xlsx_200k_s']:.1f} s")
        if "browser" not in args.skip:
            from bench.browser import browser_figures

            log("browser: app start to first map, then province 35's villages")
            out.update(browser_figures(store_dir, PROVINCE))
        if "interaction" not in args.skip:
            log("browser: 20 class changes to province 35's villages redrawn")
            figures, detail = interaction_figures(store_dir, work)
            out.update(figures)
            meta.update(detail)
        if "national" not in args.skip:
            figures, detail = national_figures(store_dir, work)
            out.update(figures)
            meta.update(detail)
        if "exports" not in args.skip:
            from bench.exports import national_figures as export_figures

            log("national village exports: PNG, PPTX, PDF of every village")
            figures, detail = export_figures(store_dir, work)
            out.update(figures)
            meta.update(detail)
            log("  " + ", ".join(f"{k} {v}" for k, v in figures.items()))
        if "reach" not in args.skip:
            from bench.reach import reach_figures

            log("reach: land graphs and where next in 52, 36, 35")
            figures, detail = reach_figures(Path(args.data))
            out.update(figures)
            meta["reach"] = detail
    meta["bench_s"] = round(time.perf_counter() - started, 1)
    meta["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    meta["repeat"] = args.repeat
    return {**out, "meta": meta}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the JSON object to OUT")
    parser.add_argument(
        "--store", type=Path, metavar="DIR", help="keep the store in DIR and reuse it next time"
    )
    parser.add_argument(
        "--data", type=Path, default=SHARED_DATA, help="the reference data (default ../shared/data)"
    )
    parser.add_argument("--repeat", type=int, default=5, help="map builds per figure; the median is reported")
    parser.add_argument("--rows", type=int, default=1_000_000, help="placement records to import")
    parser.add_argument("--skip", action="append", default=[], choices=STAGES, help="leave a stage out")
    args = parser.parse_args(argv)
    if not (Path(args.data) / "boundaries" / "desa").is_dir():
        result: dict = {"skipped": f"real data not found at {args.data}"}
    else:
        result = run(args)
        from bench.targets import FIGURES, met

        for key, figure in FIGURES.items():
            if key in result:
                verdict = {True: "met", False: "MISSED", None: ""}[met(key, result[key], result)]
                log(f"{key:34} {result[key]!s:>14} {figure.unit:5} {verdict}")
        log(f"done in {result['meta']['bench_s']:.0f} s")
    text = json.dumps(result, indent=1, ensure_ascii=False)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text + "\n")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
