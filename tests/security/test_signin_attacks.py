"""Attacks on sign-in and sessions of issue 21, from the user's side: headless Chromium for what a
browser does, a hand-made websocket client and raw HTTP for what only an attacker does.

* guessing passwords in the form (25 wrong, then the right one worked): the account and the
  client are locked, also after a restart of the app;
* a click inside a fragment (the export panel) or a callback (a download button) after the
  session expired: refused, the sign-in asks again;
* a replayed fragment frame (the export downloads) after sign-out: shows nothing;
* download files under ``/media``: gone at sign-out and once the session expired;
* ``PUT /_stcore/upload_file/...`` before sign-in: refused, nothing kept;
* a shared database with ``ATLAS_AUTH`` unset: sign-in, not the figures; ``ATLAS_AUTH=off``:
  every page says the atlas is open.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import i18n
from loaders import accounts
from loaders.accounts import Role
from loaders.settings import DEMO_DIR
from tests.browser.harness import CHROMIUM, chromium, running_app, settle
from tests.security.attack_client import Attacker, fetch_status, put_upload, upload_bytes_held

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
PASSWORD = "kata-sandi-rahasia"
PAGES = ["", "penempatan", "cakupan", "usaha-purna", "laporan", "perencanaan", "ekspor", "data", "peta"]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (DEMO_DIR / "boundaries").is_dir(), reason="the demo pack is not built (run scripts/setup.sh)"
    ),
]
in_chromium = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="headless Chromium not installed at /usr/bin/chromium"),
]


def T(key: str, **values) -> str:  # noqa: N802  (the app's Indonesian text)
    return i18n.t(key, "id", **values)


@pytest.fixture(scope="module")
def browser():
    pytest.importorskip("playwright.sync_api")
    with chromium() as launched:
        yield launched


def _store(folder: Path) -> accounts.SqliteBook:
    """An empty user store (the pages show the demo) with a steward of 52, an analyst and a viewer
    (granted the demo's invented province: without a grant they would see nothing)."""
    from loaders.demo import DEMO_PROVINCE

    book = accounts.SqliteBook(folder / accounts.BOOK_FILE)
    digest = accounts.hash_password(PASSWORD)
    book.add_user("steward52", Role.STEWARD, password_hash=digest, provinces=["52"])
    book.add_user("siti", Role.ANALYST, password_hash=digest, provinces=[DEMO_PROVINCE])
    book.add_user("budi", Role.VIEWER, password_hash=digest, provinces=[DEMO_PROVINCE])
    return book


def _submit(page, name: str, password: str) -> None:
    page.get_by_label(T("auth.name")).fill(name)
    page.get_by_label(T("auth.password")).fill(password)
    page.get_by_role("button", name=T("auth.submit")).click()
    settle(page)


def _sign_in(page, url: str, name: str, title: str | None = None) -> None:
    """Sign in through the form, then open the page titled ``title`` (a translation key) from the menu."""
    page.goto(url)
    page.get_by_text(T("auth.title")).wait_for(timeout=60_000)
    _submit(page, name, PASSWORD)
    page.get_by_role("button", name=T("auth.sign_out")).wait_for(timeout=60_000)
    settle(page)
    if title:
        page.get_by_role("link", name=T(title)).click()
        settle(page)


def _assert_locked(page) -> None:
    """The right password was refused: still the sign-in, saying the account or device is locked."""
    body = page.inner_text("body")
    assert T("auth.sign_out") not in body and T("auth.title") in body  # not signed in
    assert T("auth.locked.minutes", minutes=15)[:40] in body


@in_chromium[0]
@in_chromium[1]
def test_guessing_passwords_in_the_form_locks_the_account_and_the_client(browser, tmp_path):
    store = tmp_path / "store"
    book = _store(store)
    env = {
        "ATLAS_AUTH": "local",
        "ATLAS_SIGNIN_DELAY_SECONDS": "0",  # the growing delay is tested in test_signin_lock.py
        "ATLAS_SIGNIN_LOCK_AFTER": "5",
        "ATLAS_SIGNIN_CLIENT_LOCK_AFTER": "8",
    }
    ARTIFACTS.mkdir(exist_ok=True)
    with running_app(store, env=env) as url:
        page = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
        page.goto(url)
        page.get_by_text(T("auth.title")).wait_for(timeout=60_000)
        assert not page.query_selector('[data-testid="stFileUploader"]')  # nothing to upload to
        for _ in range(25):
            _submit(page, "steward52", "tebakan-salah")
        _submit(page, "steward52", PASSWORD)
        _assert_locked(page)
        page.screenshot(path=str(ARTIFACTS / "security_locked.png"))
        # another browser (another client), many names: the client is locked, the right password too
        other = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
        other.goto(url)
        other.get_by_text(T("auth.title")).wait_for(timeout=60_000)
        for n in range(8):
            _submit(other, f"tebak{n}", "tebakan-salah")
        _submit(other, "budi", PASSWORD)
        _assert_locked(other)
    with running_app(store, env=env) as url:  # a restart remembers the account's lock
        page = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
        page.goto(url)
        page.get_by_text(T("auth.title")).wait_for(timeout=60_000)
        _submit(page, "steward52", PASSWORD)
        _assert_locked(page)
    entries = book.entries()
    locks = [e["detail"] for e in entries if e["action"] == "sign-in-locked"]
    assert len(locks) == 2 and '"scope": "account"' in locks[0] and '"scope": "client"' in locks[1]
    assert not any(e["action"] == "sign-in" for e in entries)


@pytest.fixture(scope="module")
def short_app(tmp_path_factory):
    """An app whose sessions expire after 15 s without activity."""
    store = tmp_path_factory.mktemp("expiry") / "store"
    book = _store(store)
    with running_app(store, env={"ATLAS_AUTH": "local", "ATLAS_SESSION_MINUTES": "0.25"}) as url:
        yield url, book


EXPIRED = T("auth.expired", minutes="0,25")


def _idle_past_expiry(media: str | None = None) -> None:
    """Wait until the session has expired: its download file left /media, or 16 s."""
    if media is None:
        time.sleep(16)
        return
    deadline = time.monotonic() + 120
    while fetch_status(media)[0] == 200 and time.monotonic() < deadline:
        time.sleep(1)


@in_chromium[0]
@in_chromium[1]
def test_download_files_leave_media_once_the_session_expired(short_app, browser):
    url, _ = short_app
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    _sign_in(page, url, "siti", "page.planner")
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name=T("dash.download_csv")).click()
    media = download.value.url
    settle(page)
    assert fetch_status(media)[0] == 200
    _idle_past_expiry(media)  # no click, the tab still open
    assert fetch_status(media)[0] == 404


@in_chromium[0]
@in_chromium[1]
def test_a_click_in_the_export_download_panel_after_expiry_asks_to_sign_in(short_app, browser):
    url, book = short_app
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    _sign_in(page, url, "siti", "page.export")
    page.get_by_role("button", name=T("export.page.build")).wait_for(timeout=120_000)
    for kind in ("xlsx", "html", "png", "pptx", "pdf", "gpkg", "geojson"):  # the CSV table only: quick
        page.get_by_role("button", name=T(f"export.format.{kind}"), exact=True).click()
        settle(page)
    page.get_by_role("button", name=T("export.page.build")).click()
    page.get_by_text(T("export.page.done")).wait_for(timeout=120_000)
    settle(page)
    download = page.locator('[data-testid="stDownloadButton"] button')
    assert download.count() == 1 and T("export.format.csv") in download.inner_text()
    before = sum(e["action"] == "export-download" for e in book.entries())
    _idle_past_expiry()
    download.click()  # inside the export fragment: Streamlit reruns the fragment alone, no gate
    page.get_by_text(EXPIRED).wait_for(timeout=60_000)
    assert T("auth.title") in page.inner_text("body")
    assert T("export.page.done") not in page.inner_text("body")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "security_fragment_expired.png"))
    entries = book.entries()
    assert sum(e["action"] == "export-download" for e in entries) == before
    assert [(e["user"], e["action"], e["outcome"]) for e in entries][-1] == ("siti", "sign-out", "expired")


@in_chromium[0]
@in_chromium[1]
def test_a_download_callback_after_expiry_does_not_run(short_app, browser):
    url, book = short_app
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    _sign_in(page, url, "siti", "page.planner")
    button = page.get_by_role("button", name=T("dash.download_csv"))
    button.wait_for(timeout=60_000)
    before = sum(e["action"] == "export-download" for e in book.entries())
    _idle_past_expiry()
    button.click()  # its on_click records the download: refused, the rerun asks to sign in
    page.get_by_text(EXPIRED).wait_for(timeout=60_000)
    assert sum(e["action"] == "export-download" for e in book.entries()) == before


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """One app with sign-in on (normal settings) for the attacks without a browser."""
    if not (DEMO_DIR / "boundaries").is_dir():
        pytest.skip("the demo pack is not built (run scripts/setup.sh)")
    store = tmp_path_factory.mktemp("attacks") / "store"
    book = _store(store)
    with running_app(store, env={"ATLAS_AUTH": "local"}) as url:
        yield url, book


@in_chromium[0]
@in_chromium[1]
def test_download_files_are_gone_at_sign_out(app, browser):
    url, _ = app
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    _sign_in(page, url, "siti", "page.planner")
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name=T("dash.download_csv")).click()
    media = download.value.url
    status, body = fetch_status(media)  # no cookie, no session: anyone with the URL
    assert status == 200 and b"," in body
    settle(page)
    page.get_by_role("button", name=T("auth.sign_out")).click()
    page.get_by_text(T("auth.title")).wait_for(timeout=60_000)
    assert fetch_status(media)[0] == 404


def test_a_replayed_download_frame_after_sign_out_shows_nothing(app):
    url, _ = app
    with Attacker(url) as attacker:
        attacker.sign_in("siti", PASSWORD)  # granted the demo's province: its exports are hers
        seen = attacker.open("ekspor")
        sign_out = seen.widget("auth_sign_out")[0]
        formats = seen.widget("export.formats")[0]
        seen = attacker.send(states={formats: ("string_array_value", [T("export.format.csv")])})
        build, fragment = next((w, f) for w, (kind, _, f) in seen.widgets.items() if kind == "button" and f)
        seen = attacker.click(build, fragment_id=fragment)
        deadline = time.monotonic() + 120
        while not seen.downloads and time.monotonic() < deadline:
            time.sleep(0.5)
            seen = attacker.send(fragment_id=fragment)
        frame = attacker.send(fragment_id=fragment)  # the panel with its download buttons
        assert frame.downloads and all(fetch_status(url + d)[0] == 200 for d in frame.downloads)
        shown = frame.downloads
        frame_bytes = attacker.last
        signed_out = attacker.click(sign_out)
        assert T("auth.title") in signed_out.text()
        replayed = attacker.replay(frame_bytes)
        assert not replayed.downloads and "download_button" not in replayed.kinds
        assert T("auth.title") in replayed.text()
        assert all(fetch_status(url + d)[0] == 404 for d in shown)


def test_nothing_is_uploaded_before_sign_in(app):
    url, _ = app
    megabytes = 8 * 1024 * 1024
    with Attacker(url) as stranger:
        form = stranger.open("")
        assert T("auth.title") in form.text() and "file_uploader" not in form.kinds
        assert [put_upload(url, stranger.session_id, b"x" * megabytes) for _ in range(3)] == [403] * 3
        assert upload_bytes_held(url) == 0
        stranger.sign_in("budi", PASSWORD)  # a viewer imports nothing either
        assert put_upload(url, stranger.session_id, b"x" * megabytes) == 403
    with Attacker(url) as steward:  # the control: a steward's upload is taken and kept
        steward.sign_in("steward52", PASSWORD)
        assert put_upload(url, steward.session_id, b"x" * 1024) == 204
        deadline = time.monotonic() + 60  # the metrics are cached for 5 s
        while upload_bytes_held(url) == 0 and time.monotonic() < deadline:
            time.sleep(1)
        assert upload_bytes_held(url) >= 1024
        out = steward.open("")
        steward.click(out.widget("auth_sign_out")[0])
        deadline = time.monotonic() + 60
        while upload_bytes_held(url) > 0 and time.monotonic() < deadline:
            time.sleep(1)
        assert upload_bytes_held(url) == 0  # signing out drops the session's uploads


def test_a_shared_database_asks_to_sign_in_unless_switched_off_and_then_says_so(pg_url, tmp_path):
    import os

    saved = os.environ.pop("ATLAS_AUTH", None)
    try:
        with (
            running_app(tmp_path / "store", env={"ATLAS_DATABASE_URL": pg_url}) as url,
            Attacker(url) as visitor,
        ):
            first = visitor.open("")
            assert T("auth.title") in first.text() and "metric" not in first.kinds
            assert T("overview.title") not in first.text()
        open_env = {"ATLAS_DATABASE_URL": pg_url, "ATLAS_AUTH": "off"}
        with running_app(tmp_path / "store", env=open_env) as url, Attacker(url) as visitor:
            for path in PAGES:
                shown = visitor.open(path)
                assert shown.status == "FINISHED_SUCCESSFULLY", path
                assert T("auth.open_banner") in shown.text(), path
    finally:
        if saved is not None:
            os.environ["ATLAS_AUTH"] = saved
