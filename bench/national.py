"""The national village view in headless Chromium: first draw, bytes sent, recolour.

* ``national_village_first_draw_s``: on the area map page (``/peta``) showing every province,
  the clock starts when "Desa/Kelurahan" is chosen as the level and stops when the renderer
  reports every village of the store drawn (``window.atlasNational.state``: the drawn revision
  is the latest one and ``drawn == total``, all of them inside the viewport).
* ``national_village_bytes_initial``: bytes received by the browser over the same interval:
  HTTP bodies as transferred (compressed where the app compresses) plus WebSocket frames.
* ``national_village_recolour_s``: on the placements page with every village shown, the clock
  starts when the year range is changed (keyboard on the year slider's start handle) and stops
  when the renderer has drawn the new colours (a newer revision drawn).
"""

from __future__ import annotations

import base64
import sys
import time
from pathlib import Path

__all__ = ["national_figures"]

VIEWPORT = {"width": 1366, "height": 768}
YEARS_LABEL = "Tahun"  # the year range slider of the placements filters (dash.years)


def _log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


class _Bytes:
    """Bytes received by a page (CDP Network events), from ``reset()`` on."""

    def __init__(self, page):
        self.total = 0
        self.http = 0
        self.ws = 0
        cdp = page.context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.on("Network.loadingFinished", self._http)
        cdp.on("Network.webSocketFrameReceived", self._ws)
        self._cdp = cdp

    def _http(self, event: dict) -> None:
        self.http += int(event.get("encodedDataLength", 0))

    def _ws(self, event: dict) -> None:
        response = event.get("response", {})
        data = response.get("payloadData", "")
        size = len(base64.b64decode(data)) if response.get("opcode") == 2 else len(data.encode())
        self.ws += size

    def reset(self) -> None:
        self.http = self.ws = 0

    def received(self) -> int:
        return self.http + self.ws


def _choose(page, label: str, option: str, timeout: float):
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text=label)
    box.click()
    choice = page.get_by_role("option", name=option, exact=True)
    choice.wait_for(timeout=timeout * 1000)
    return choice


def national_figures(store_dir: Path, placements_store: Path | None = None, timeout: float = 300) -> dict:
    """The three browser figures of the national village view (None where a draw never finished)."""
    from tests.browser.harness import chromium, running_app, settle
    from tests.browser.national_harness import wait_national

    out: dict = {
        "national_village_first_draw_s": None,
        "national_village_bytes_initial": None,
        "national_village_recolour_s": None,
    }
    with chromium() as browser:
        page = browser.new_page(viewport=VIEWPORT)
        counter = _Bytes(page)
        with running_app(store_dir, timeout=timeout) as url:
            page.goto(url + "/peta?data=store", timeout=timeout * 1000)
            page.wait_for_selector("h1", timeout=timeout * 1000)
            settle(page, timeout)
            option = _choose(page, "Tampilkan tingkat", "Desa/Kelurahan", timeout)
            counter.reset()
            start = time.perf_counter()
            option.click()
            state = wait_national(page, timeout=timeout, total=None)
            while state and not state.get("error") and state.get("drawn") != state.get("total"):
                state = wait_national(page, timeout=timeout, after_rev=state.get("drawnRev"))
            seconds = time.perf_counter() - start
            received = counter.received()
            _log(f"national villages: {state} after {seconds:.2f} s, {received / 1e6:.2f} MB received")
            _log(f"  HTTP {counter.http / 1e6:.2f} MB, WebSocket {counter.ws / 1e6:.2f} MB")
            if state and state.get("ready") and state.get("drawn") == state.get("total"):
                out["national_village_first_draw_s"] = round(seconds, 2)
                out["national_village_bytes_initial"] = received
                out["national_village_count"] = state["total"]
                out["national_village_draw_ms"] = round(state["drawMs"])
        if placements_store is None:
            return out
        with running_app(placements_store, timeout=timeout) as url:
            page.goto(url + "/penempatan?data=store", timeout=timeout * 1000)
            page.wait_for_selector("h1", timeout=timeout * 1000)
            settle(page, timeout)
            page.get_by_text("Semua desa/kelurahan se-Indonesia").click()
            state = wait_national(page, timeout=timeout)
            settle(page, timeout)
            state = wait_national(page, timeout=timeout)
            if not state or not state.get("ready"):
                _log(f"placements page: national view never drawn ({state})")
                return out
            slider = page.locator('[data-testid="stSlider"]').filter(has_text=YEARS_LABEL)
            # Streamlit 1.67 draws the thumbs as range inputs (earlier: role="slider"); the range
            # opens on one year, so only its start can move: one year earlier
            handle = slider.locator('input[type="range"], [role="slider"]').first
            handle.focus(timeout=timeout * 1000)
            start = time.perf_counter()
            handle.press("ArrowLeft")
            after = wait_national(page, timeout=timeout, after_rev=state["drawnRev"])
            seconds = time.perf_counter() - start
            _log(f"recolour: {after} after {seconds:.2f} s")
            if after and after.get("drawnRev", -1) > state["drawnRev"]:
                out["national_village_recolour_s"] = round(seconds, 2)
                out["national_village_recolour_draw_ms"] = round(after["drawMs"])
            page.close()
    return out
