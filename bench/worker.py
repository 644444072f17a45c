"""One import, alone in its process, so its time and peak memory are its own.

``python -m bench.worker boundaries STORE FILE...`` imports boundary files one after the other
through ``loaders.boundaries.import_file`` (as ``python -m loaders.boundaries import`` does);
``python -m bench.worker levels STORE LEVEL=FILE...`` imports files of a higher level the same way
(``python -m loaders.boundaries import FILE --level LEVEL``, e.g. ``regency=kabupaten.parquet``);
``python -m bench.worker placements STORE FILE`` analyses and commits a placements file through
``loaders.layers`` (as the data page does). Prints one JSON object: ``seconds`` (the import,
after the modules are loaded), ``peak_mib`` (the process's peak RSS, ``VmHWM``) and what was imported.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path


def _peak_mib() -> float:
    """This process's peak resident memory (``VmHWM``).

    Not ``getrusage().ru_maxrss``: Linux carries the parent's high-water mark across
    fork/exec into it, so a worker started by a large parent would report the parent's size.
    """
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)  # kB
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # not Linux


def boundaries(store_dir: str, *files: str) -> dict:
    from loaders.boundaries import import_file
    from loaders.store import Store

    store = Store(store_dir)
    loaded_mib = _peak_mib()
    start = time.perf_counter()
    villages = 0
    for i, file in enumerate(files, 1):
        began = time.perf_counter()
        result = import_file(store, file)
        for prov, meta in result.provinces.items():
            villages += int(meta["villages"]) - int(meta["without_polygon"])
            print(
                f"  [{i}/{len(files)}] {Path(file).name}: province {prov}, {meta['villages']:,} villages, "
                f"{time.perf_counter() - began:.1f} s, peak {_peak_mib():,.0f} MiB",
                file=sys.stderr,
                flush=True,
            )
    return {
        "seconds": round(time.perf_counter() - start, 2),
        "peak_mib": _peak_mib(),
        "loaded_mib": loaded_mib,
        "villages_with_polygon": villages,
        "files": len(files),
    }


def levels(store_dir: str, *entries: str) -> dict:
    from loaders.boundaries import import_file
    from loaders.store import Store

    store = Store(store_dir)
    loaded_mib = _peak_mib()
    start = time.perf_counter()
    done = []
    for entry in entries:
        level, file = entry.split("=", 1)
        began = time.perf_counter()
        result = import_file(store, file, level=level)
        seconds = round(time.perf_counter() - began, 2)
        done.append(
            {
                "file": Path(file).name,
                "level": result.level.key,
                "rows": result.rows,
                "provinces": len(result.provinces),
                "problems": result.problems,
                "seconds": seconds,
            }
        )
        print(
            f"  {Path(file).name}: {result.level.key}, {result.rows:,} rows, {len(result.provinces)} provinces, "
            f"{seconds:.1f} s, peak {_peak_mib():,.0f} MiB",
            file=sys.stderr,
            flush=True,
        )
    return {
        "seconds": round(time.perf_counter() - start, 2),
        "peak_mib": _peak_mib(),
        "loaded_mib": loaded_mib,
        "files": done,
    }


def placements(store_dir: str, file: str) -> dict:
    from loaders.layers import analyse, commit
    from loaders.store import Store

    store = Store(store_dir)
    loaded_mib = _peak_mib()
    path = Path(file)
    start = time.perf_counter()
    plan = analyse("placements", path.read_bytes(), path.name, store)
    analysed = time.perf_counter() - start
    if not plan.accepted:
        raise SystemExit(f"{path.name} was rejected: " + "; ".join(i.message("en") for i in plan.errors[:5]))
    version = commit(plan, store, "append")
    return {
        "seconds": round(time.perf_counter() - start, 2),
        "analyse_s": round(analysed, 2),
        "peak_mib": _peak_mib(),
        "loaded_mib": loaded_mib,
        "rows_read": plan.rows_read,
        "rows_matched": plan.matched,
        "rows_stored": len(plan.frame),
        "version": version,
    }


def tiles(store_dir: str) -> dict:
    """The national view's village packs of every province, rebuilt from the stored display copies."""
    from loaders.store import Store
    from loaders.tiles import build_packs

    store = Store(store_dir)
    start = time.perf_counter()
    seconds = build_packs(store, force=True)
    return {"seconds": round(time.perf_counter() - start, 2), "peak_mib": _peak_mib(), "provinces": seconds}


def main(argv: list[str]) -> int:
    kind, store_dir, *files = argv
    workers = {"boundaries": boundaries, "levels": levels, "placements": placements, "tiles": tiles}
    out = workers[kind](store_dir, *files)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
