"""The two browser figures: the app's first map, and one province's villages on demand.

Driven through ``tests/browser/harness.py`` (the app on a free port, Debian's headless Chromium,
polygons counted on the Leaflet maps of every frame).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from bench.scale import drawn_areas
from geo.codes import Level
from loaders.store import Store

__all__ = ["browser_figures"]

VIEWPORT = {"width": 1366, "height": 768}


def _log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def browser_figures(store_dir: Path, province: str = "35", timeout: float = 180) -> dict:
    """``app_first_render_s`` and ``browser_province_render_s`` (None when a map never drew).

    First render: Chromium is already open; the clock starts when the server is started and
    stops when the map page (``/peta``, opened directly) has drawn every province. Province:
    on ``/peta?area=PP`` showing its regencies, the clock starts when "Desa/Kelurahan" is
    chosen as the level and stops when every village polygon of the province is drawn.
    """
    from tests.browser.harness import chromium, running_app, settle, wait_for_areas

    store = Store(store_dir)
    national = Level.PROVINCE if len(store.provinces()) > 1 else Level.REGENCY
    n_national = drawn_areas(store, national, None)
    n_regencies = drawn_areas(store, Level.REGENCY, province)
    n_villages = drawn_areas(store, Level.VILLAGE, province)
    out: dict = {"app_first_render_s": None, "browser_province_render_s": None}
    with chromium() as browser:
        page = browser.new_page(viewport=VIEWPORT)
        start = time.perf_counter()
        with running_app(store_dir, timeout=timeout) as url:
            started = time.perf_counter() - start
            page.goto(url + "/peta?data=store", timeout=timeout * 1000)
            count = wait_for_areas(page, exactly=n_national, timeout=timeout)
            first = time.perf_counter() - start
            _log(f"server up after {started:.2f} s; {count} of {n_national} areas drawn after {first:.2f} s")
            if count == n_national:
                out["app_first_render_s"] = round(first, 2)
            settle(page)

            page.goto(f"{url}/peta?data=store&area={province}", timeout=timeout * 1000)
            page.wait_for_selector("h1", timeout=timeout * 1000)
            count = wait_for_areas(page, exactly=n_regencies, timeout=timeout)
            settle(page)
            if count != n_regencies:
                _log(f"province {province}: {count} of {n_regencies} regencies drawn; no figure")
                return out
            level = page.locator('[data-testid="stSelectbox"]').filter(has_text="Tampilkan tingkat")
            level.click()
            option = page.get_by_role("option", name="Desa/Kelurahan")
            option.wait_for(timeout=timeout * 1000)
            start = time.perf_counter()
            option.click()
            count = wait_for_areas(page, exactly=n_villages, timeout=timeout)
            seconds = time.perf_counter() - start
            _log(f"province {province}: {count} of {n_villages} villages drawn after {seconds:.2f} s")
            if count == n_villages:
                out["browser_province_render_s"] = round(seconds, 2)
            page.close()
    return out
