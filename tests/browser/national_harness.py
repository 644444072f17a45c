"""Helpers for the national village map (``ui/national_frontend``) in headless Chromium.

The renderer keeps its state and a query API on ``window.atlasNational`` inside its component
frame; these helpers find that frame and read it (shared by browser tests and the benchmark).
"""

from __future__ import annotations

import time

STATE_JS = "() => window.atlasNational ? Object.assign({}, window.atlasNational.state) : null"


def national_frame(page):
    """The frame of the national village map, or None while it is not on the page.

    Found by its renderer (``window.atlasNational``), not by URL: Streamlit may reuse the iframe
    of the map drawn before, and the frame's URL can lag behind.
    """
    return frame_with(page, "() => !!window.atlasNational")


def frame_with(page, test_js: str, timeout: float = 0):
    """The first frame of ``page`` where ``test_js`` is true, polling up to ``timeout`` seconds
    (a rerun may replace a map's frame); None when there is none."""
    deadline = time.monotonic() + timeout
    while True:
        for frame in page.frames:
            try:
                if frame.evaluate(test_js):
                    return frame
            except Exception:  # noqa: BLE001  (a frame still loading or detached)
                continue
        if time.monotonic() >= deadline:
            return None
        page.wait_for_timeout(250)


def national_state(page) -> dict | None:
    """The renderer's state (``ready, rev, drawnRev, drawn, total, drawMs, error``), or None."""
    frame = national_frame(page)
    if frame is None:
        return None
    try:
        return frame.evaluate(STATE_JS)
    except Exception:  # noqa: BLE001  (a frame still loading or detached has no state yet)
        return None


def wait_national(
    page, *, total: int | None = None, after_rev: int | None = None, timeout: float = 60
) -> dict | None:
    """Poll until the national map has drawn (every one of ``total`` villages in view, and a
    revision newer than ``after_rev`` when given); return its last state."""
    deadline = time.monotonic() + timeout
    state = None
    while time.monotonic() < deadline:
        state = national_state(page)
        if state and state.get("error"):
            return state
        if (
            state
            and state.get("ready")
            and state.get("drawnRev", -1) == state.get("rev")
            and (total is None or state.get("drawn") == total)
            and (after_rev is None or state.get("drawnRev", -1) > after_rev)
        ):
            return state
        time.sleep(0.02)
    return state
