"""Sign-in in headless Chromium: a local account (ATLAS_AUTH=local) and OpenID Connect through
``st.login`` against a local OIDC provider on 127.0.0.1 (oidc-provider-mock), including an account
the atlas does not know and an expired token. Screenshots go to ``artifacts/``."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest

import i18n
from loaders import accounts
from loaders.accounts import Role
from loaders.settings import DEMO_DIR
from tests.browser.harness import CHROMIUM, chromium, free_port, running_app, settle

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
PASSWORD = "kata-sandi-rahasia"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="headless Chromium not installed at /usr/bin/chromium"),
]


@pytest.fixture(scope="module")
def browser():
    pytest.importorskip("playwright.sync_api")
    if not (DEMO_DIR / "boundaries").is_dir():
        pytest.skip("the demo pack is not built (run scripts/setup.sh)")
    with chromium() as launched:
        yield launched


def _book(store: Path, monkeypatch) -> accounts.SqliteBook:
    """Two accounts granted the demo's invented province (without a grant they would see nothing)."""
    from loaders.demo import DEMO_PROVINCE

    monkeypatch.setenv("ATLAS_DATA_DIR", str(store))
    book = accounts.SqliteBook(store / accounts.BOOK_FILE)
    digest = accounts.hash_password(PASSWORD)
    book.add_user("siti", Role.ANALYST, password_hash=digest, provinces=[DEMO_PROVINCE])
    book.add_user("budi@bp3mi.go.id", Role.VIEWER, password_hash=None, provinces=[DEMO_PROVINCE])
    return book


def _text(page) -> str:
    return page.inner_text("body")


def test_local_sign_in_in_the_browser(browser, tmp_path, monkeypatch):
    store = tmp_path / "store"
    book = _book(store, monkeypatch)
    ARTIFACTS.mkdir(exist_ok=True)
    with running_app(store, env={"ATLAS_AUTH": "local"}) as url:
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(url)
        page.get_by_text(i18n.t("auth.title", "id")).wait_for(timeout=60_000)
        settle(page)
        body = _text(page)
        assert i18n.t("overview.title", "id") not in body and not page.query_selector("iframe")
        page.screenshot(path=str(ARTIFACTS / "auth_sign_in.png"))
        page.get_by_label(i18n.t("auth.name", "id")).fill("siti")
        page.get_by_label(i18n.t("auth.password", "id")).fill("salah-sekali")
        page.get_by_role("button", name=i18n.t("auth.submit", "id")).click()
        page.get_by_text(i18n.t("auth.wrong_password", "id")).wait_for(timeout=30_000)
        page.screenshot(path=str(ARTIFACTS / "auth_wrong_password.png"))
        assert i18n.t("overview.title", "id") not in _text(page)
        page.get_by_label(i18n.t("auth.name", "id")).fill("siti")
        page.get_by_label(i18n.t("auth.password", "id")).fill(PASSWORD)
        page.get_by_role("button", name=i18n.t("auth.submit", "id")).click()
        page.get_by_role("heading", name=i18n.t("overview.title", "id")).wait_for(timeout=60_000)
        settle(page)
        assert "siti" in page.inner_text('[data-testid="stSidebar"]')
        page.screenshot(path=str(ARTIFACTS / "auth_signed_in.png"))
        page.get_by_role("button", name=i18n.t("auth.sign_out", "id")).click()
        page.get_by_text(i18n.t("auth.title", "id")).wait_for(timeout=30_000)
        page.close()
    assert [(e["user"], e["action"]) for e in book.entries()] == [
        ("siti", "sign-in-failed"),
        ("siti", "sign-in"),
        ("siti", "sign-out"),
    ]


@contextmanager
def oidc_provider(max_age: timedelta = timedelta(hours=1)) -> Iterator[str]:
    """oidc-provider-mock's provider on 127.0.0.1 (a free port) in a thread; yields its issuer URL."""
    import werkzeug.serving
    from oidc_provider_mock import app as provider

    server = werkzeug.serving.make_server(
        "127.0.0.1", 0, provider(access_token_max_age=max_age), threaded=True
    )
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def _secrets(folder: Path, port: int, issuer: str) -> Path:
    path = folder / "secrets.toml"
    path.write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        'cookie_secret = "a-test-cookie-secret-of-enough-length-0123456789"\n'
        'client_id = "atlas-pmi"\n'
        'client_secret = "atlas-pmi-test-secret"\n'
        f'server_metadata_url = "{issuer}/.well-known/openid-configuration"\n'
    )
    return path


def _oidc_sign_in(page, url: str, sub: str) -> None:
    page.goto(url)
    page.get_by_role("button", name=i18n.t("auth.oidc_button", "id")).click(timeout=60_000)
    page.wait_for_selector('input[name="sub"]', timeout=30_000)  # the provider's own form
    page.fill('input[name="sub"]', sub)
    page.get_by_role("button", name="Authorize").click()


@pytest.mark.parametrize("max_age", [timedelta(hours=1), timedelta(seconds=4)], ids=["valid", "expired"])
def test_oidc_sign_in_through_a_local_provider(browser, tmp_path, monkeypatch, max_age):
    store = tmp_path / "store"
    book = _book(store, monkeypatch)
    port = free_port()
    ARTIFACTS.mkdir(exist_ok=True)
    with oidc_provider(max_age) as issuer:
        secrets = _secrets(tmp_path, port, issuer)
        with running_app(
            store, env={"ATLAS_AUTH": "oidc"}, args=["--secrets.files", str(secrets)], port=port
        ) as url:
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            page = context.new_page()
            _oidc_sign_in(page, url, "budi@bp3mi.go.id")
            if max_age.total_seconds() > 60:
                page.get_by_text(i18n.t("auth.protected.note", "id")).wait_for(timeout=60_000)
                page.wait_for_selector('[data-testid="stMetric"]', timeout=120_000)  # the protected figures
                settle(page)
                assert "budi@bp3mi.go.id" in page.inner_text('[data-testid="stSidebar"]')
                page.screenshot(path=str(ARTIFACTS / "auth_oidc_viewer.png"))
                # an account the provider knows but the atlas does not: a clear message, nothing shown
                other = browser.new_context(viewport={"width": 1280, "height": 800})
                stranger = other.new_page()
                _oidc_sign_in(stranger, url, "orang.asing@example.org")
                message = i18n.t("auth.no_account", "id", name="orang.asing@example.org")
                stranger.get_by_text(message[:40]).wait_for(timeout=60_000)
                assert not stranger.query_selector("iframe")
                stranger.screenshot(path=str(ARTIFACTS / "auth_oidc_unknown.png"))
                other.close()
            else:
                page.get_by_text(i18n.t("auth.protected.note", "id")).wait_for(timeout=60_000)
                time.sleep(max_age.total_seconds() + 1)
                page.reload()
                page.get_by_text(i18n.t("auth.token_expired", "id")).wait_for(timeout=60_000)
                assert i18n.t("auth.protected.note", "id") not in _text(page)
                page.screenshot(path=str(ARTIFACTS / "auth_oidc_expired.png"))
            context.close()
    actions = [(e["user"], e["action"], e["outcome"]) for e in book.entries()]
    assert actions[0] == ("budi@bp3mi.go.id", "sign-in", "ok")
    if max_age.total_seconds() <= 60:
        assert ("budi@bp3mi.go.id", "sign-out", "expired") in actions
