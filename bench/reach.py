"""Reach over land and where the next service points go, on real boundaries (issue 23).

``python -m bench.reach [PP ...] [--json OUT] [--readme] [--neighbours] [--grid]``

For each province (default: 52 Nusa Tenggara Barat, 36 Banten, 35 Jawa Timur), read in place from
``../shared/data/boundaries/desa``, repaired and cleaned as a coverage as an import does
(:func:`geo.boundaries.clean_coverage`, the polygons the store holds):

* the land graph (:func:`geo.reach.land_graph`; built once per data version in the app);
* each village's distance over land to the nearest of 10 points placed at villages drawn with a
  fixed seed;
* *where next*: 3 new sites within 25 km over land, demand the generated placements of the
  export tests (``tests/export_data.placements_frame``, seed 7, year 2024) with none of the
  10 points covering yet, then with them: the reduced problem, the greedy and the exact answer
  (HiGHS), each question timed as a whole from the graph (the page's wait), the worse of the two
  reported; the solver's status and the programme's size go in ``meta``;
* ``--grid``: the same question for N in 1, 3, 5, 10 and R in 10, 25, 50 km (``meta`` only);
* ``--neighbours``: how many land neighbours each way of finding them misses (libpysal
  ``Queen``/``Rook``, shapely ``STRtree`` within 0 to 250 m), on the raw archive and on the
  cleaned polygons, against the raw archive's pairs that touch or face each other across an
  enclosed sliver (``meta``; the method's choice in :mod:`geo.reach` rests on it).

Prints one JSON object (figures in seconds, ``meta`` with the details); ``--readme`` puts the
figures into README.md's Performance table (:func:`bench.readme.add_rows`). Without the real data
it prints ``{"skipped": ...}`` and exits 0. Figures, not assertions.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import platform
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"
PROVINCES = ("52", "36", "35")
RADIUS_KM, NEW_SITES, POINTS, YEAR = 25.0, 3, 10, 2024
#: The time the page gives one question (``geo.reach.plan_sites``).
TIME_LIMIT_S = 10.0
TOLERANCES_M = (0, 10, 50, 100, 250)


def log(message: str) -> None:
    print(f"[bench.reach] {message}", file=sys.stderr, flush=True)


def villages_of(province: str, data: Path = SHARED_DATA):
    """The province's villages as the store holds them: ``code, geometry`` (cleaned), and the raw ones."""
    import geopandas as gpd

    from geo.boundaries import clean_coverage, repair_geometry

    desa = gpd.read_parquet(
        data / "boundaries" / "desa" / f"desa_{province}.parquet", columns=["kode", "geometry"]
    )
    repaired, _ = repair_geometry(desa.geometry.values)
    raw = gpd.GeoDataFrame({"code": desa["kode"].to_numpy()}, geometry=list(repaired), crs=4326)
    started = time.perf_counter()
    cleaned = clean_coverage(raw.geometry.values).geometry
    log(f"{province}: {len(raw):,} villages cleaned as a coverage in {time.perf_counter() - started:.1f} s")
    return gpd.GeoDataFrame({"code": raw["code"].to_numpy()}, geometry=list(cleaned), crs=4326), raw


def demand_of(codes) -> pd.Series:
    """Generated placements per village (the export tests' generator), year :data:`YEAR`."""
    sys.path.insert(0, str(ROOT / "tests"))
    from export_data import placements_frame

    rows = placements_frame(pd.Series(codes))
    rows = rows[rows["year"] == YEAR]
    return rows.groupby(rows["village"].astype(str))["count"].sum().astype(float)


def where_next(graph, demand, points, radius_km: float, n: int) -> dict:
    """One "where next" question from the graph, as the page asks it: distances to the existing
    points, then :func:`geo.reach.plan_sites` (problem, greedy, exact); timed whole."""
    from geo import reach

    started = time.perf_counter()
    existing = reach.reach(graph, points).table.set_index("code")["km"] if len(points) else None
    exact, greedy = reach.plan_sites(
        graph, demand, radius_km, n, existing_km=existing, time_limit_s=TIME_LIMIT_S
    )
    seconds = round(time.perf_counter() - started, 3)
    return {
        "seconds": seconds,
        "status": exact.status,
        "gap": None if exact.gap is None else round(exact.gap, 5),
        "exact_adds": exact.covered_after - exact.covered_before,
        "greedy_adds": greedy.covered_after - greedy.covered_before,
        "share_before": round(exact.share_before, 4),
        "share_after": round(exact.share_after, 4),
        "programme": list(exact.size),
        "solver_s": exact.seconds,
        "sites": exact.sites["code"].tolist(),
    }


def province_figures(province: str, grid: bool, data: Path = SHARED_DATA) -> tuple[dict, dict]:
    from geo import reach

    villages, _ = villages_of(province, data)
    started = time.perf_counter()
    graph = reach.land_graph(villages)
    graph_s = round(time.perf_counter() - started, 3)
    codes = pd.Series(graph.codes)
    points = pd.DataFrame({"village": codes.sample(POINTS, random_state=3).to_numpy()})
    started = time.perf_counter()
    table = reach.reach(graph, points).table
    distances_s = round(time.perf_counter() - started, 3)
    demand = demand_of(graph.codes)
    none = where_next(graph, demand, points.iloc[:0], RADIUS_KM, NEW_SITES)
    some = where_next(graph, demand, points, RADIUS_KM, NEW_SITES)
    log(
        f"{province}: graph {graph_s} s ({len(graph):,} nodes, {graph.matrix.nnz // 2:,} edges, "
        f"{graph.land.max() + 1} land parts), distances {distances_s} s, where next {none['seconds']} s "
        f"(no point yet, {none['status']}) / {some['seconds']} s ({POINTS} points, {some['status']})"
    )
    figures = {
        f"reach_graph_{province}_s": graph_s,
        f"reach_distances_{province}_s": distances_s,
        f"reach_where_next_{province}_s": max(none["seconds"], some["seconds"]),
    }
    detail = {
        "villages": len(villages),
        "nodes": len(graph),
        "edges": int(graph.matrix.nnz // 2),
        "land_parts": int(graph.land.max() + 1),
        "crossings": list(graph.crossings),
        "no_land_route": int((table["status"] == reach.NO_LAND_ROUTE).sum()),
        "where_next_no_point": none,
        f"where_next_{POINTS}_points": some,
    }
    if grid:
        detail["grid"] = {
            f"n{n}_r{r:g}": where_next(graph, demand, points.iloc[:0], r, n)
            for n in (1, 3, 5, 10)
            for r in (10.0, 25.0, 50.0)
        }
        worst = max(detail["grid"].items(), key=lambda item: item[1]["seconds"])
        log(f"{province}: slowest of the grid {worst[0]} {worst[1]['seconds']} s ({worst[1]['status']})")
    return figures, detail


def reach_figures(data: Path = SHARED_DATA, provinces=PROVINCES, grid: bool = False) -> tuple[dict, dict]:
    """The figures of every province and their details (``python -m bench``'s ``reach`` stage)."""
    figures: dict = {}
    detail: dict = {"radius_km": RADIUS_KM, "new_sites": NEW_SITES, "points": POINTS}
    for province in provinces:
        found, detail[province] = province_figures(province, grid, data)
        figures.update(found)
    return figures, detail


def _pairs(i, j) -> set:
    keep = i < j
    return set(zip(i[keep].tolist(), j[keep].tolist(), strict=True))


def neighbour_table(province: str) -> dict:
    """Pairs of land neighbours each method finds, and how many of the reference it misses."""
    import shapely
    from libpysal.weights import Queen, Rook

    cleaned, raw = villages_of(province)
    present = ~shapely.is_missing(np.asarray(raw.geometry.values, dtype=object))
    raw, cleaned = raw[present].reset_index(drop=True), cleaned[present].reset_index(drop=True)
    crs = raw.estimate_utm_crs()
    metric = np.asarray(raw.to_crs(crs).geometry.values, dtype=object)
    tree = shapely.STRtree(metric)
    touching = _pairs(*tree.query(metric, predicate="intersects"))
    union = shapely.union_all(metric)
    holes = [shapely.Polygon(ring) for part in shapely.get_parts(union) for ring in part.interiors]
    across = set()
    if holes:
        hole, village = tree.query(
            shapely.buffer(np.asarray(holes, dtype=object), 1.0), predicate="intersects"
        )
        around = collections.defaultdict(set)
        for h, v in zip(hole.tolist(), village.tolist(), strict=True):
            around[h].add(v)
        for group in around.values():
            ordered = sorted(group)
            across |= {(a, b) for k, a in enumerate(ordered) for b in ordered[k + 1 :]}
    reference = touching | across
    out = {
        "villages": len(raw),
        "reference_pairs": len(reference),
        "across_a_sliver": len(reference - touching),
    }
    for name, frame in (("raw", raw), ("cleaned", cleaned)):
        geoms = np.asarray(frame.to_crs(crs).geometry.values, dtype=object)
        found = {
            "queen": _pairs(
                *Queen.from_dataframe(frame, use_index=False, silence_warnings=True)
                .to_adjlist(drop_islands=True)[["focal", "neighbor"]]
                .to_numpy()
                .T
            ),
            "rook": _pairs(
                *Rook.from_dataframe(frame, use_index=False, silence_warnings=True)
                .to_adjlist(drop_islands=True)[["focal", "neighbor"]]
                .to_numpy()
                .T
            ),
        }
        geo_tree = shapely.STRtree(geoms)
        for metres in TOLERANCES_M:
            if metres:
                found[f"within_{metres}m"] = _pairs(
                    *geo_tree.query(geoms, predicate="dwithin", distance=metres)
                )
            else:
                found["touching"] = _pairs(*geo_tree.query(geoms, predicate="intersects"))
        out[name] = {
            key: {
                "pairs": len(pairs),
                "misses": len(reference - pairs),
                "misses_pct": round(100 * len(reference - pairs) / max(len(reference), 1), 1),
                "not_in_reference": len(pairs - reference),
            }
            for key, pairs in found.items()
        }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.reach", description=__doc__.split("\n\n")[0])
    parser.add_argument("provinces", nargs="*", default=list(PROVINCES))
    parser.add_argument("--json", type=Path, help="also write the JSON object here")
    parser.add_argument("--readme", action="store_true", help="write the figures into README.md")
    parser.add_argument("--grid", action="store_true", help="also N in 1..10 and R in 10..50 km")
    parser.add_argument("--neighbours", action="store_true", help="also the neighbour-detection table")
    args = parser.parse_args(argv)
    if not (SHARED_DATA / "boundaries" / "desa").is_dir():
        print(json.dumps({"skipped": f"real data not found at {SHARED_DATA}"}))
        return 0
    result: dict = {}
    meta: dict = {
        "machine": {
            "cores": os.cpu_count(),
            "cpu": platform.processor() or platform.machine(),
            "python": platform.python_version(),
        },
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }
    figures, detail = reach_figures(SHARED_DATA, args.provinces, args.grid)
    result.update(figures)
    meta.update(detail)
    if args.neighbours:
        for province in args.provinces:
            meta[province]["neighbours"] = neighbour_table(province)
    meta["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    result["meta"] = meta
    text = json.dumps(result, indent=1, ensure_ascii=False)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text + "\n")
    print(text)
    if args.readme:
        from bench.readme import README, add_rows

        README.write_text(add_rows(README.read_text(), result, note=readme_note(result)))
        log(f"wrote the reach figures to {README}")
    return 0


def readme_note(result: dict) -> str:
    """The paragraph under the Performance table about these figures."""
    meta = result["meta"]
    load = ", ".join(f"{x:g}" for x in meta["load_average_at_start"])
    note = (
        f"Reach (`python -m bench.reach`, {meta['date'][:10]}): the land graph is built once per data "
        "version from the stored polygons; *where next* is one question as the page asks it from that "
        f"graph (distances to the existing points, the reduced problem, the greedy and the exact answer "
        f"by HiGHS), {NEW_SITES} new sites within {RADIUS_KM:g} km over land on generated placements, "
        f"the slower of no point yet and {POINTS} points. Load average when it started: {load}."
    )
    grids = {p: meta[p]["grid"] for p in meta if isinstance(meta.get(p), dict) and "grid" in meta[p]}
    if grids:
        cases = [(p, key, q) for p, grid in grids.items() for key, q in grid.items()]
        slowest = max(q["seconds"] for _, _, q in cases)
        stopped = [(p, key, q) for p, key, q in cases if q["status"] != "optimal"]
        note += (
            f" Over N = 1, 3, 5, 10 and R = 10, 25, 50 km in {', '.join(grids)} every question answered in "
            f"at most {slowest:.1f} s"
        )
        if stopped:
            worst = max(q["gap"] or 0 for _, _, q in stopped)
            names = ", ".join(f"{p} {key.replace('_', ' ')}" for p, key, _ in stopped)
            note += (
                f", proved optimal except {names}: there the time ran out and the best set found is "
                f"within {100 * worst:.1f} % of the best possible (status `time_limit`, gap stated)."
            )
        else:
            note += ", each proved optimal."
    return note


if __name__ == "__main__":
    raise SystemExit(main())
