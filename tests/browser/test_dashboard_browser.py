"""Every dashboard page in headless Chromium at 1366×768 on the demo pack: no error, the map drawn.

Starts the app on its own port and saves a screenshot of each page under ``artifacts/``.
Skipped with a reason when Chromium, Leaflet or the demo pack is missing.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from loaders.settings import DEMO_DIR
from loaders.store import Store

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "artifacts"
PAGES = {
    "": "Ringkasan",
    "penempatan": "Penempatan",
    "cakupan": "Cakupan Komunitas",
    "usaha-purna": "Usaha Purna",
    "laporan": "Laporan Non-Prosedural",
    "perencanaan": "Perencanaan",
}

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="headless Chromium not installed at /usr/bin/chromium"),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    if not (ROOT / "static" / "vendor" / "leaflet" / "leaflet.js").exists():
        pytest.skip("Leaflet is not installed in static/vendor (run scripts/setup.sh)")
    if not Store(DEMO_DIR).provinces():
        pytest.skip("the demo pack is not built (python -m loaders.demo build)")
    port = _free_port()
    empty = tmp_path_factory.mktemp("empty-store")
    env = {**os.environ, "ATLAS_DATA_DIR": str(empty), "ATLAS_LANGUAGE": "id"}
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(ROOT / "app.py"),
        "--server.headless",
        "true",
        "--server.port",
        str(port),
        "--browser.gatherUsageStats",
        "false",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(url + "/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("the app did not start: " + server.stderr.read1().decode(errors="replace"))
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield chromium
        chromium.close()


def _settle(page) -> None:
    """Wait until Streamlit has finished running the script (the status widget is gone)."""
    time.sleep(2)
    for _ in range(120):
        if not page.query_selector('[data-testid="stStatusWidget"]'):
            return
        time.sleep(0.5)


def _polygons(page) -> int:
    """Leaflet polygons drawn inside the map iframes of the page."""
    count = 0
    for frame in page.frames:
        try:
            count += frame.locator("path.leaflet-interactive").count()
        except Exception:  # noqa: BLE001  (a detached frame has nothing to count)
            continue
    return count


@pytest.mark.parametrize("path", list(PAGES))
def test_page_in_the_browser(path, app_url, browser):
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto(app_url + "/?data=demo")
    page.wait_for_selector('[data-testid="stAppViewContainer"]', timeout=120_000)
    page.goto(f"{app_url}/{path}?data=demo")
    page.wait_for_selector("h1", timeout=120_000)
    _settle(page)
    for _ in range(60):
        if _polygons(page):
            break
        time.sleep(0.5)
    page.screenshot(path=str(ARTIFACTS / f"dashboard-{path or 'ringkasan'}.png"))
    assert page.locator("h1").first.inner_text().strip() == PAGES[path]
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0
    assert "Traceback" not in page.content()
    assert _polygons(page) > 0, "no polygon drawn on the map"
    page.close()
