"""AppTest of sign-in (ATLAS_AUTH=local): nothing before sign-in, a wrong password, an expired
session, the viewer's protected pages, the steward's grant on the Data page, the admin's Audit tab."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import i18n
from loaders import accounts
from loaders.accounts import Role
from loaders.settings import DEMO_DIR
from loaders.store import Store
from tests.loaders.test_layers import placements_csv

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
PASSWORD = "kata-sandi-rahasia"
LAYER_PAGES = ["overview", "placements", "coverage", "enterprises", "reports", "journey", "planner", "map"]


@pytest.fixture()
def book(tmp_path, monkeypatch):
    """Sign-in on, a book in an empty user store, one account of each role (steward: 36; the
    viewer granted the demo's invented province, the analyst every province: no grant, no data)."""
    from loaders.demo import DEMO_PROVINCE

    monkeypatch.setenv("ATLAS_AUTH", "local")
    monkeypatch.setenv("ATLAS_DATA_DIR", str(tmp_path / "store"))
    held = accounts.book()
    digest = accounts.hash_password(PASSWORD)
    held.add_user("viewer", Role.VIEWER, password_hash=digest, provinces=[DEMO_PROVINCE])
    held.add_user("analyst", Role.ANALYST, password_hash=digest, provinces=[accounts.ALL_PROVINCES])
    held.add_user("steward36", Role.STEWARD, password_hash=digest, provinces=["36"])
    held.add_user("admin", Role.ADMIN, password_hash=digest)
    return held


def start(*, dataset: str = "demo", lang: str = "id") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180)
    at.session_state["dataset"] = dataset
    at.session_state["lang"] = lang
    at.run()
    assert not at.exception, at.exception
    return at


def sign_in(at: AppTest, name: str, password: str = PASSWORD) -> AppTest:
    at.text_input(key="auth_name").input(name)
    at.text_input(key="auth_password").input(password)
    at.button[0].click().run()
    assert not at.exception, at.exception
    return at


def shows_data(at: AppTest) -> bool:
    return bool(at.metric or at.dataframe or at.get("iframe") or at.get("plotly_chart"))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_nothing_is_shown_before_sign_in_and_a_wrong_password_says_so(book, lang):
    at = start(lang=lang)
    assert at.title[0].value == i18n.t("auth.title", lang)
    assert not shows_data(at)
    assert [s.key for s in at.sidebar.selectbox] == ["lang"]  # the language only: no dataset, no area
    sign_in(at, "viewer", "salah-sekali")
    assert [e.value for e in at.error] == [i18n.t("auth.wrong_password", lang)]
    assert not shows_data(at)
    sign_in(at, "analyst")
    assert at.title[0].value == i18n.t("overview.title", lang)
    assert shows_data(at)
    role = i18n.t("auth.role.analyst", lang)
    assert any(
        i18n.t("auth.signed_in_as", lang, name="analyst", role=role) == m.value for m in at.sidebar.markdown
    )
    actions = [(e["user"], e["action"]) for e in book.entries()]
    assert actions == [("viewer", "sign-in-failed"), ("analyst", "sign-in")]


def test_an_expired_session_signs_out_and_says_why(book, monkeypatch):
    monkeypatch.setenv("ATLAS_SESSION_MINUTES", "30")
    at = sign_in(start(), "analyst")
    assert shows_data(at)
    at.session_state["auth_session"].seen = time.time() - 31 * 60
    at.run()
    assert at.title[0].value == i18n.t("auth.title", "id")
    assert [w.value for w in at.warning] == [i18n.t("auth.expired", "id", minutes=30)]
    assert not shows_data(at)
    assert [(e["action"], e["outcome"]) for e in book.entries()][-1] == ("sign-out", "expired")


def test_a_disabled_account_is_signed_out(book):
    at = sign_in(start(), "analyst")
    book.set_active("analyst", False)
    at.run()
    assert at.title[0].value == i18n.t("auth.title", "id") and not shows_data(at)


@pytest.mark.parametrize("page", LAYER_PAGES)
def test_viewer_pages_come_from_the_protected_view(book, page):
    """A viewer's layer pages show only the protected export view: small counts hidden, no tables."""
    from loaders.export_inputs import load_view

    at = sign_in(start(), "viewer")
    at.switch_page(f"views/{page}.py").run()
    assert not at.exception, at.exception
    assert not at.dataframe and not at.get("plotly_chart")  # no exact table or chart
    assert at.caption[0].value == i18n.t("auth.protected.note", "id")
    area = at.selectbox(key="auth_area").value
    layer = at.selectbox(key="auth_layer").value
    year = at.selectbox(key="auth_year").value
    view = load_view(Store(DEMO_DIR), area, year=year, layer=layer, lang="id", threshold=5, demo=True)
    assert at.metric and [m.value for m in at.metric] == [f.text for f in view.key_figures]
    assert any(view.suppression_note == c.value for c in at.caption)


def test_viewer_has_no_data_page_and_grants_limit_the_areas(book, tmp_path):
    demo_province = Store(DEMO_DIR).provinces()[0]
    other = "11" if demo_province != "11" else "12"
    book.set_grants("viewer", [other])
    at = sign_in(start(), "viewer")
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("views/data.py")  # not in the viewer's navigation
    at.switch_page("views/overview.py").run()
    assert [i.value for i in at.info] == [i18n.t("auth.protected.empty", "id")]  # no area of province 11
    assert not at.metric
    book.set_grants("viewer", [demo_province])
    at.run()
    assert at.selectbox(key="auth_area").value.startswith(demo_province) and at.metric


def test_steward_of_36_cannot_import_35_on_the_data_page(book, tmp_path):
    at = sign_in(start(dataset="store"), "steward36")
    at.switch_page("views/data.py").run()
    assert not at.exception, at.exception
    confirm = i18n.t("data.confirm", "id")
    p35 = placements_csv(tmp_path / "p35.csv", "35.10", 2023, [12, 30, 7, 9, 40])
    at.file_uploader(key="data_upload").set_value(("p35.csv", p35.read_bytes(), "text/csv")).run()
    assert not at.exception, at.exception
    denied = i18n.t("auth.denied.province", "id", provinces="35", granted="36")
    assert denied in [e.value for e in at.error]
    assert not any(b.label == confirm for b in at.button)
    p36 = placements_csv(tmp_path / "p36.csv", "36.04", 2023, [12, 30, 7, 9, 40])
    at.file_uploader(key="data_upload").set_value(("p36.csv", p36.read_bytes(), "text/csv")).run()
    next(b for b in at.button if b.label == confirm).click().run()
    assert not at.exception, at.exception
    assert len(Store(accounts.settings().data_dir).layer_meta("placements")["versions"]) == 1
    entries = [(e["user"], e["action"], e["provinces"], e["file"]) for e in book.entries()]
    assert ("steward36", "replace", "36", "p36.csv") in entries
    assert not any(kind == i18n.t("audit.tab", "id") for kind in [t.label for t in at.tabs])


def test_admin_sees_the_audit_tab_with_every_entry(book):
    at = sign_in(start(dataset="store"), "admin")
    at.switch_page("views/data.py").run()
    assert not at.exception, at.exception
    assert [t.label for t in at.tabs][-1] == i18n.t("audit.tab", "id")
    log = at.tabs[-1].dataframe[0].value
    assert list(log[i18n.t("audit.col.action", "id")]) == [i18n.t("audit.action.sign-in", "id")]
    assert list(log[i18n.t("audit.col.user", "id")]) == ["admin"]
    users = at.tabs[-1].dataframe[1].value
    assert sorted(users[i18n.t("audit.col.user", "id")]) == ["admin", "analyst", "steward36", "viewer"]
    assert at.tabs[-1].get("download_button")


def test_admin_changes_a_grant_on_the_audit_tab_and_it_is_recorded(book):
    at = sign_in(start(dataset="store"), "admin")
    at.switch_page("views/data.py").run()
    at.selectbox(key="auth_grant_user").set_value("steward36").run()
    tab = at.tabs[-1]
    tab.multiselect[0].set_value(["35", "36"])
    next(b for b in tab.button if b.label == i18n.t("audit.save", "id")).click().run()
    assert not at.exception, at.exception
    assert book.account("steward36").provinces == ("35", "36")
    last = book.entries()[-1]
    assert (last["user"], last["action"], last["provinces"]) == ("admin", "grant-change", "35 36")


def test_viewer_exports_every_village_only_with_every_province(national_export_store, tmp_path, monkeypatch):
    """All of Indonesia by village is offered to a viewer who sees every province held (as its
    static picture, never an HTML page of every polygon), not to one granted a single province."""
    national_export_store.snapshot(tmp_path / "store")  # accounts go into a copy of the store
    monkeypatch.setenv("ATLAS_AUTH", "local")
    monkeypatch.setenv("ATLAS_DATA_DIR", str(tmp_path / "store"))
    held = accounts.book()
    held.add_user("viewer", Role.VIEWER, password_hash=accounts.hash_password(PASSWORD), provinces=["*"])
    held.add_user("viewer36", Role.VIEWER, password_hash=accounts.hash_password(PASSWORD), provinces=["36"])
    national = i18n.t("export.page.national", "id")

    at = sign_in(start(dataset="store"), "viewer36")
    at.switch_page("views/overview.py").run()
    assert not at.exception, at.exception
    assert national not in at.selectbox(key="auth_area").options

    at = sign_in(start(dataset="store"), "viewer")
    at.switch_page("views/overview.py").run()
    box = at.selectbox(key="auth_area")
    assert box.options[0] == national and box.value == "34"  # offered, a province first
    box.select("indonesia").run()
    assert not at.exception, at.exception
    assert len(at.main.get("image")) == 1 and not at.main.get("iframe") and not at.error
    assert any("Indonesia" in m.value for m in at.markdown)
