"""A widget change to the map redrawn, on a province of real villages: ``python -m bench.interaction``.

In headless Chromium, on the programme coverage page of Jawa Timur (35), which maps every one
of its 8,492 villages coloured by placements: the number of classes is changed ``changes`` times
with the keyboard (one class fewer, one class more, in turn: each change reruns the page, which
sends the villages' new colours), and each change is timed from the key press to every village
drawn in its new colours (the map's new style applied to all of them, and two animation frames
painted).

``interaction_p50_s`` and ``interaction_p95_s`` are the median and the 95th percentile. The
figures are stated beside the naive map of the same run (``province_map_naive_build_s``, built
here too when run on its own): machines of this kind differ in speed from run to run.

``python -m bench.interaction STORE [--json OUT]`` runs on a store that holds province 35 and a
placements layer over its villages; ``--prepare DIR`` first builds such a store in DIR from
``../shared/data`` (Jawa Timur and Banten imported as the app imports a boundary file, 200,000
generated placement records imported as a user would), so the figures can be taken in minutes.
It also takes the app's first render and the province render (:mod:`bench.browser`) on it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

__all__ = ["interaction_figures"]

VIEWPORT = {"width": 1366, "height": 768}
PROVINCE = "35"
CLASSES_LABEL = "Jumlah kelas"  # dash.classes, the sidebar's slider
#: The areas of the page's map once newly styled (a style not marked before the change: the
#: colours restyled in place, or a new map): their number, else 0.
RESTYLED_JS = """() => {
  const m = window.map;
  if (!m || !m._layers || !m._atlasStyle || m._atlasStyle._benchOld) return 0;
  return (m._atlasDrawn || []).length;
}"""
MARK_JS = (
    "() => { const m = window.map; if (m && m._atlasStyle) m._atlasStyle._benchOld = true; return !!m; }"
)
#: Two animation frames: the canvas has drawn the new colours.
PAINTED_JS = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(true))))"


def _log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def _restyled(page, total: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for frame in page.frames:
            try:
                if frame.evaluate(RESTYLED_JS) >= total:
                    return bool(frame.evaluate(PAINTED_JS))
            except Exception:  # noqa: BLE001  (a frame detached or still loading)
                continue
        time.sleep(0.01)
    return False


def _mark(page) -> int:
    marked = 0
    for frame in page.frames:
        try:
            marked += bool(frame.evaluate(MARK_JS))
        except Exception:  # noqa: BLE001  (a frame detached or still loading)
            continue
    return marked


def interaction_figures(
    store_dir: Path, province: str = PROVINCE, changes: int = 20, timeout: float = 300
) -> dict:
    """Median and 95th percentile of ``changes`` class changes to ``province``'s villages redrawn."""
    from bench.scale import drawn_areas
    from geo.codes import Level
    from loaders.store import Store
    from tests.browser.harness import chromium, running_app, settle, wait_for_areas

    total = drawn_areas(Store(store_dir), Level.VILLAGE, province)
    out: dict = {"interaction_p50_s": None, "interaction_p95_s": None}
    with chromium() as browser, running_app(store_dir, timeout=timeout) as url:
        page = browser.new_page(viewport=VIEWPORT)
        page.goto(f"{url}/cakupan?data=store&area={province}", timeout=timeout * 1000)
        page.wait_for_selector("h1", timeout=timeout * 1000)
        if wait_for_areas(page, exactly=total, timeout=timeout) != total:
            _log(f"the villages of {province} were never all drawn; no figure")
            return out
        settle(page, timeout)
        slider = page.locator('[data-testid="stSidebar"] [data-testid="stSlider"]').filter(
            has_text=CLASSES_LABEL
        )
        thumb = slider.locator("input[type=range]").first
        times = []
        for i in range(changes + 1):  # the first change warms the new class count's caches
            _mark(page)
            thumb.focus()
            start = time.perf_counter()
            thumb.press("ArrowLeft" if i % 2 == 0 else "ArrowRight")
            if not _restyled(page, total, timeout):
                _log(f"change {i}: the villages were never drawn in their new colours; no figure")
                return out
            seconds = time.perf_counter() - start
            settle(page, timeout)
            if i:
                times.append(seconds)
            _log(f"change {i}: {seconds:.2f} s")
        page.close()
    out["interaction_p50_s"] = round(statistics.median(times), 3)
    out["interaction_p95_s"] = round(float(np.percentile(times, 95)), 3)
    out["interaction_runs_s"] = [round(t, 3) for t in times]
    out["interaction_villages"] = total
    return out


# --------------------------------------------------------------------------- on its own
def prepare(target: Path, data: Path, rows: int = 200_000) -> Path:
    """A store in ``target`` with Jawa Timur and Banten (for the warm-up) and placements over them."""
    import tempfile

    from bench.common import run_worker
    from bench.scale import placements_csv
    from loaders.boundaries import import_file
    from loaders.store import Store

    store = Store(target)
    for province in (PROVINCE, "36"):
        if province not in store.provinces():
            _log(f"importing desa_{province}.parquet")
            import_file(store, data / "boundaries" / "desa" / f"desa_{province}.parquet")
    if "placements" not in store.layers():
        with tempfile.TemporaryDirectory(prefix="atlas-bench-") as tmp:
            path = placements_csv(store, Path(tmp) / "penempatan.csv", rows, seed=27)
            _log(f"importing {rows:,} placement records")
            run_worker("placements", str(target), str(path))
    return target


def main(argv: list[str] | None = None) -> int:
    from bench.browser import browser_figures
    from bench.common import SHARED_DATA, machine, timed
    from bench.scale import map_bytes, naive_map, village_values
    from geo.codes import Level
    from loaders.store import Store

    parser = argparse.ArgumentParser(prog="python -m bench.interaction", description=__doc__.split("\n")[0])
    parser.add_argument("store", type=Path, help="a store holding province 35 and placements")
    parser.add_argument("--prepare", action="store_true", help="build that store first (from --data)")
    parser.add_argument("--data", type=Path, default=SHARED_DATA)
    parser.add_argument("--changes", type=int, default=20)
    parser.add_argument("--json", type=Path, metavar="OUT")
    args = parser.parse_args(argv)
    if args.prepare:
        prepare(args.store, args.data)
    store = Store(args.store)

    result: dict = {}
    meta = {"machine": machine(), "date": datetime.now(UTC).isoformat(timespec="seconds")}
    meta["load_average_at_start"] = [round(x, 2) for x in os.getloadavg()]
    codes = store.read_attributes(Level.VILLAGE, PROVINCE, columns=["code"])["code"]
    values = village_values(codes)
    map_bytes(naive_map(store, Level.REGENCY, "36", values))  # warm-up, as the main benchmark
    _, result["province_map_naive_build_s"], meta["province_map_naive_runs_s"] = timed(
        lambda: map_bytes(naive_map(store, Level.VILLAGE, PROVINCE, values)), 3
    )
    _log(f"naive map of {PROVINCE}: {result['province_map_naive_build_s']:.2f} s")
    result.update(browser_figures(args.store, PROVINCE))
    found = interaction_figures(args.store, PROVINCE, args.changes)
    meta.update({k: found.pop(k) for k in list(found) if k not in ("interaction_p50_s", "interaction_p95_s")})
    result.update(found)
    meta["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    text = json.dumps({**result, "meta": meta}, indent=1)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text + "\n")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
