"""Start the app on a store and drive it in headless Chromium (shared by browser tests and bench).

Chromium is Debian's (``/usr/bin/chromium``) driven by Playwright, never a downloaded build.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
LEAFLET = ROOT / "static" / "vendor" / "leaflet" / "leaflet.js"

#: Areas drawn by the atlas's maps in every frame of the page (canvas polygons carry a code).
COUNT_AREAS_JS = """() => {
  const m = window.map;
  if (!m || !m._layers) return 0;
  return Object.values(m._layers).filter(l => l.feature && l.feature.properties && l.feature.properties.code).length;
}"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running_app(
    store: Path,
    *,
    lang: str = "id",
    timeout: float = 60,
    env: dict[str, str] | None = None,
    args: list[str] | None = None,
    port: int | None = None,
) -> Iterator[str]:
    """``streamlit run app.py`` on a free port with ``ATLAS_DATA_DIR=store``; yields its URL.

    ``env`` adds environment variables, ``args`` Streamlit options (e.g. ``--secrets.files``).
    """
    port = port or free_port()
    env = {**os.environ, "ATLAS_DATA_DIR": str(store), "ATLAS_LANGUAGE": lang, **(env or {})}
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true"]
    command += ["--server.port", str(port), "--browser.gatherUsageStats", "false", *(args or [])]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                urllib.request.urlopen(url + "/_stcore/health", timeout=1)
                break
            except OSError as err:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError(
                        "the app did not start: " + server.stderr.read1().decode(errors="replace")
                    ) from err
                time.sleep(0.25)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)


@contextmanager
def chromium() -> Iterator[object]:
    """A headless Debian Chromium (Playwright ``Browser``)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def app_with_browser(store: Path, timeout: float = 120) -> Iterator[tuple[str, object]]:
    """The app on ``store`` and one headless Chromium, ``(url, browser)``; skips (in a test)
    where Playwright or the served Leaflet is missing."""
    import pytest

    pytest.importorskip("playwright.sync_api")
    if not LEAFLET.exists():
        pytest.skip("Leaflet is not installed in static/vendor (run scripts/setup.sh)")
    with running_app(store, timeout=timeout) as url, chromium() as browser:
        yield url, browser


def open_page(browser, url: str, timeout: float = 120, page=None):
    """``url`` opened in a new page of ``browser`` (or in ``page``), its title shown and the app
    idle; returns the page."""
    page = page or browser.new_page(viewport={"width": 1366, "height": 900})
    page.goto(url, timeout=timeout * 1000)
    page.wait_for_selector("h1", timeout=timeout * 1000)
    settle(page, timeout)
    return page


#: Streamlit's own record of its script run, on the app's root element (``notRunning`` when done).
SCRIPT_STATE_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return app ? app.getAttribute('data-test-script-state') : null;
}"""


def settle(page, timeout: float = 60) -> None:
    """Wait until Streamlit has finished running the script: its status widget gone and its
    script state ``notRunning`` twice in a row (a run that starts late is waited for too)."""
    time.sleep(1)
    deadline = time.monotonic() + timeout
    quiet = 0
    while quiet < 2 and time.monotonic() < deadline:
        try:
            state = page.evaluate(SCRIPT_STATE_JS)
        except Exception:  # noqa: BLE001  (the page is navigating)
            state = "running"
        busy = page.query_selector('[data-testid="stStatusWidget"]') is not None
        quiet = quiet + 1 if state in ("notRunning", None) and not busy else 0
        time.sleep(0.15)


def drawn_areas(page) -> int:
    """Areas drawn on the atlas maps in all frames of ``page`` (0 while none is drawn)."""
    count = 0
    for frame in page.frames:
        try:
            count += int(frame.evaluate(COUNT_AREAS_JS) or 0)
        except Exception:  # noqa: BLE001  (a frame detached or still loading has nothing to count)
            continue
    return count


AREA_POINT_JS = """(code) => {
  const m = window.map;
  if (!m || !m._layers) return null;
  const layer = Object.values(m._layers).find(l => l.feature && l.feature.properties && l.feature.properties.code === code);
  if (!layer) return null;
  const p = m.latLngToContainerPoint(layer.getCenter());
  // a user cannot click an area where the legend or a map control lies over its centre
  const box = m.getContainer().getBoundingClientRect();
  const top = document.elementFromPoint(box.left + p.x, box.top + p.y);
  if (top && top.closest('.atlas-legend, .atlas-legend-box, .leaflet-control')) return null;
  return {x: p.x, y: p.y};
}"""


def click_area(page, code: str) -> bool:
    """Click the drawn area ``code`` (at its centre, as a user would); False when it is not drawn
    or its centre lies under the legend or a map control."""
    for frame in page.frames:
        try:
            point = frame.evaluate(AREA_POINT_JS, code)
        except Exception:  # noqa: BLE001  (a detached frame has no map)
            continue
        if point:
            frame.locator(".leaflet-container").click(position=point)
            return True
    return False


def wait_for_areas(page, at_least: int = 1, timeout: float = 60, exactly: int | None = None) -> int:
    """Poll until the maps draw ``at_least`` areas (or ``exactly`` that many); return the count."""
    deadline = time.monotonic() + timeout
    while True:
        count = drawn_areas(page)
        if (count == exactly) if exactly is not None else count >= at_least:
            return count
        if time.monotonic() > deadline:
            return count
        time.sleep(0.05)
