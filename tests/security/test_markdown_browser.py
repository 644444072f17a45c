"""Text from files is never rendered as Markdown or HTML (issue 21, item 6), in the browser: a
CSV whose column headers are a Markdown image and an HTML ``<img>`` pointing at a listener on
127.0.0.1 is uploaded on the Data page of the running app (headless Chromium); the preview
shows the headers as written (no image, not even a link) and the listener receives no request.
"""

from __future__ import annotations

import csv
import io
import time

import pytest

from tests.browser.harness import CHROMIUM, ROOT, app_with_browser, open_page, settle
from tests.security.attack_files import Listener, serang_codes


@pytest.fixture()
def listener():
    served = Listener()
    yield served
    served.close()


def _hostile_csv(url: str) -> tuple[bytes, list[str]]:
    headers = [f"![x]({url}/markdown.png)", f'<img src="{url}/html.png">']
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Kode Desa", "Tahun", "Jumlah PMI", *headers])
    writer.writerows([code, 2023, 7 + i, "a", "b"] for i, code in enumerate(serang_codes()))
    return out.getvalue().encode(), headers


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="headless Chromium not installed at /usr/bin/chromium")
def test_a_header_written_as_markdown_or_html_fetches_nothing(tmp_path, listener):
    data, headers = _hostile_csv(listener.url)
    with app_with_browser(tmp_path / "store") as (url, browser):
        page = open_page(browser, url + "/data?lang=en&data=store")
        page.locator("[data-testid='stFileUploaderDropzoneInput']").first.set_input_files(
            {"name": "penempatan.csv", "mimeType": "text/csv", "buffer": data}
        )
        page.get_by_text("What was found in penempatan.csv").first.wait_for(timeout=120_000)
        settle(page, 120)
        time.sleep(2)  # an image the page would load has been asked for by now
        page.screenshot(path=str(tmp_path / "data_page_hostile_header.png"), full_page=True)
        text = page.inner_text("body").replace("\u2060", "")  # the word joiners that keep URLs unlinked
        images = page.evaluate("() => Array.from(document.images).map(i => i.src)")
        links = page.evaluate("() => Array.from(document.links).map(a => a.href)")
        # the preview's summary (sheets read, columns not used) is a data grid: text, never markdown
        summary = page.locator("[data-testid='stDataFrame']").count()
    shots = ROOT / "artifacts"
    if shots.is_dir():
        (shots / "data_page_hostile_header.png").write_bytes(
            (tmp_path / "data_page_hostile_header.png").read_bytes()
        )
    assert listener.requests == []
    assert not any(listener.url in src for src in images + links)
    assert summary >= 1 and "What was found in penempatan.csv" in text


def test_the_hostile_headers_are_named_in_the_summary_as_written(tmp_path):
    """What the preview's summary grid shows: each header as written (the grid draws text)."""
    from loaders.layers import analyse, summary_messages
    from loaders.store import Store

    data, headers = _hostile_csv("http://127.0.0.1:9")
    plan = analyse("placements", data, "penempatan.csv", Store(tmp_path / "store"))
    lines = summary_messages(plan, "en")
    assert all(any(header in line for line in lines) for header in headers), lines
