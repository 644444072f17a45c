"""Deny by default and grants on every page (issue 21, items 2–3), through AppTest as each role.

On the office of ``grant_store`` (real Banten and NTB boundaries): an account without a grant
sees only the message saying so; an analyst and a viewer granted NTB (52) see no Banten name on
any page, presentation or export choice, also when the URL names a Banten area; a steward of 52
sees only her province's versions and history on the Data page, and her "replace all" there
keeps Banten's rows.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import i18n
from tests.security.grant_store import (
    BANTEN,
    BANTEN_FIGURES,
    BANTEN_WORDS,
    NTB,
    PASSWORD,
    TOTALS,
    open_office,
    placement_totals,
    placements_csv,
)

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
PAGES = [
    "overview",
    "placements",
    "coverage",
    "enterprises",
    "reports",
    "planner",
    "map",
    "export",
    "catalogue",
]


@pytest.fixture(params=["files", "postgis"])
def office(request, shared_data, tmp_path_factory, tmp_path, monkeypatch):
    return open_office(request.param, request, shared_data, tmp_path_factory, tmp_path, monkeypatch)


@pytest.fixture()
def files_office(request, shared_data, tmp_path_factory, tmp_path, monkeypatch):
    """The office on the embedded store, for the tests whose store reads are covered above."""
    return open_office("files", request, shared_data, tmp_path_factory, tmp_path, monkeypatch)


def signed_in(name: str, *, lang: str = "en", query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=300)
    at.session_state["dataset"] = "store"
    at.session_state["lang"] = lang
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    at.text_input(key="auth_name").input(name)
    at.text_input(key="auth_password").input(PASSWORD)
    at.button[0].click().run()
    assert not at.exception, at.exception
    return at


def dump(at: AppTest) -> str:
    """Everything the page sent to the browser: every element's and block's message, tables
    (Arrow), charts, map components and option lists included."""
    return "\n".join(str(getattr(node, "proto", "")) for node in at._tree)


def shows_data(at: AppTest) -> bool:
    return bool(at.metric or at.dataframe or at.get("iframe") or at.get("plotly_chart") or at.table)


def banten_in(text: str) -> list[str]:
    return [word for word in BANTEN_WORDS if word.lower() in text.lower()]


def test_accounts_without_a_grant_see_only_the_message(office):
    """A viewer, an analyst or a steward without a grant saw every province; now each sees the
    message saying so, on every page, and no figure, table or map."""
    for name in ("viewer", "analyst", "steward"):
        at = signed_in(name)
        message = i18n.t("auth.no_grant", "en", name=name)
        assert [w.value for w in at.warning] == [message]
        assert not shows_data(at)
        for page in PAGES:
            try:
                at.switch_page(f"views/{page}.py").run()
            except ValueError:  # the page is not in the navigation at all
                continue
            assert not at.exception, at.exception
            assert [w.value for w in at.warning] == [message] and not shows_data(at), page
            assert not banten_in(dump(at)) and "Nusa Tenggara" not in dump(at), page


def test_an_analyst_granted_52_sees_no_banten_on_any_page(office):
    """The analyst granted NTB exported Banten in all six formats; now no page, presentation or
    export choice shows a Banten name or figure, also when the URL names a Banten area."""
    at = signed_in("analyst52")
    assert [w.value for w in at.warning] == []
    for page in PAGES:
        at.switch_page(f"views/{page}.py").run()
        assert not at.exception, (page, at.exception)
        text = dump(at)
        assert not banten_in(text), (page, banten_in(text))
        assert "Nusa Tenggara Barat" in text or "Lombok" in text, page  # the page shows NTB
        shown = " ".join(m.value for m in at.metric) + " ".join(str(d.value) for d in at.dataframe)
        assert not [f for f in BANTEN_FIGURES if f in shown], page
    # the export page offers NTB's areas only, not Banten, nor every village of the store
    at.switch_page("views/export.py").run()
    area = next(s for s in at.selectbox if s.label == i18n.t("export.page.area", "en"))
    assert area.options and all("Nusa Tenggara Barat" in o for o in area.options), area.options
    # a link naming a Banten area, and presentation mode of a Banten province
    for query in (
        {"area": "36.04", "year": "2024"},
        {"present": "1", "area": BANTEN},
        {"village": "36.04.13.2007"},
    ):
        for page in ("overview", "export", "map"):
            at = signed_in("analyst52", query=query)
            at.switch_page(f"views/{page}.py").run()
            assert not at.exception, (query, page, at.exception)
            assert not banten_in(dump(at)), (query, page, banten_in(dump(at)))


def test_an_analyst_granted_52_exports_ntb_only(files_office):
    from loaders.export_inputs import NATIONAL, load_view
    from loaders.store import StoreError

    seen = files_office.store.within([NTB])  # what ui.store() hands the export builds
    for area in (BANTEN, "36.04", NATIONAL):
        with pytest.raises(StoreError):
            load_view(seen, area, year=2024)
    assert "Nusa Tenggara Barat" in load_view(seen, NTB, year=2024).map_title
    at = signed_in("analyst52", query={"area": "36", "year": "2024"})
    at.switch_page("views/export.py").run()
    assert not at.exception, at.exception
    area = next(s for s in at.selectbox if s.label == i18n.t("export.page.area", "en"))
    assert area.value == NTB
    assert not banten_in(dump(at))
    next(b for b in at.button if b.label == i18n.t("export.page.build", "en")).click().run()
    deadline = time.monotonic() + 300
    while not at.get("download_button") and time.monotonic() < deadline:
        time.sleep(1)
        at.run()
        assert not at.exception, at.exception
    from exports.builds import builds_for

    # every format the page offers for NTB (eight since issue 26 added GeoPackage and GeoJSON)
    assert len(at.get("download_button")) == len(builds_for(NTB)) == 8
    assert not banten_in(dump(at))


def test_a_viewer_granted_52_sees_only_ntb_in_the_protected_view(files_office):
    at = signed_in("viewer52")
    for page in ("overview", "placements", "map"):
        at.switch_page(f"views/{page}.py").run()
        assert not at.exception, at.exception
        areas = at.selectbox(key="auth_area")
        assert areas.options and all("Nusa Tenggara Barat" in o for o in areas.options), areas.options
        assert not banten_in(dump(at)), page


def _data_page(name: str) -> AppTest:
    at = signed_in(name)
    at.switch_page("views/data.py").run()
    assert not at.exception, at.exception
    return at


def test_a_steward_sees_only_her_provinces_on_the_data_page(office):
    """steward52 saw Banten's file names and totals in the stored-data and history tabs."""
    at = _data_page("steward52")
    text = dump(at)
    for secret in ("penempatan_banten_2023.csv", "rekap_nasional_2024.csv", "cakupan_banten_lama.xlsx"):
        assert secret not in text, secret
    assert not banten_in(text), banten_in(text)
    assert "penempatan_ntb_2023.csv" in text and "cakupan_ntb_lama.xlsx" in text
    hidden = i18n.t("data.file_hidden", "en")
    status = at.tabs[1]
    layers = status.dataframe[0].value
    placements = layers[layers[i18n.t("data.col.layer", "en")] == i18n.t("layer.placements", "en")]
    assert list(placements[i18n.t("data.col.total", "en")]) == [i18n.fmt_int(TOTALS[NTB], "en")]
    versions = status.dataframe[1].value  # placements: her file, and the mixed file without its name
    assert list(versions[i18n.t("data.col.file", "en")]) == ["penempatan_ntb_2023.csv", hidden]
    assert list(versions[i18n.t("data.col.total", "en")]) == [
        i18n.fmt_int(3306, "en"),
        i18n.fmt_int(1858, "en"),
    ]
    assert list(versions[i18n.t("data.rows_read", "en")]) == [
        "12",
        "–",
    ]  # the mixed file's own counts: hidden
    assert i18n.t("data.partial_note", "en") in [c.value for c in status.caption]
    log = at.tabs[4].dataframe[0].value
    files = [f for f in log[i18n.t("data.col.file", "en")] if f != "–"]  # boundary imports name no file
    assert sorted(files) == sorted(["penempatan_ntb_2023.csv", hidden])
    assert not [f for f in BANTEN_FIGURES if f in text]
    # the boundaries tab: NTB only, and only NTB offered to fetch
    boundaries = at.tabs[2]
    held = boundaries.dataframe[0].value
    assert [str(v).split()[0] for v in held.iloc[:, 0]] == [NTB]
    assert at.selectbox(key="data_bnd_province").options == [f"{NTB} Nusa Tenggara Barat"]


def test_the_admin_sees_every_file_on_the_data_page(files_office):
    text = dump(_data_page("admin"))
    for name in ("penempatan_banten_2023.csv", "rekap_nasional_2024.csv", "cakupan_banten_lama.xlsx"):
        assert name in text


def test_a_stewards_replace_all_on_the_data_page_keeps_other_provinces(office):
    """ "Ganti seluruh lapisan" by steward52 dropped every province; now the choice names her
    province, saving replaces NTB's rows only, and the log records 52."""
    at = _data_page("steward52")
    ntb = placements_csv(office.files / "ntb_baru.csv", office.store, 2025, {NTB: 35})
    at.file_uploader(key="data_upload").set_value(("ntb_baru.csv", ntb.read_bytes(), "text/csv")).run()
    assert not at.exception, at.exception
    mode = at.radio(key="data_mode")
    assert i18n.t("data.mode.replace_all_limited", "en", provinces=NTB) in mode.options
    mode.set_value("replace_all").run()
    assert i18n.t("data.changes", "en", provinces=NTB) in [c.value for c in at.caption]
    # what goes is stated and confirmed first (issue 22): NTB's rows only, never Banten's
    code = i18n.t("coverage.view.col.code", "en")
    gone = next(df.value for df in at.dataframe if code in df.value.columns)
    assert len(gone) and all(str(c).startswith(NTB) for c in gone[code])
    next(c for c in at.checkbox if c.label.startswith("I have checked")).check().run()
    next(b for b in at.button if b.label == i18n.t("data.confirm", "en")).click().run()
    assert not at.exception, at.exception
    assert placement_totals(office.store) == {BANTEN: TOTALS[BANTEN], NTB: 35}
    assert office.entries()[-1] == ("steward52", "replace", "ok", NTB)


def test_deleting_a_version_that_also_holds_banten_is_refused_on_the_data_page(files_office):
    at = _data_page("steward52")
    versions = [v["id"] for v in files_office.store.layer_meta("placements")["versions"]]
    box = at.selectbox(key="data_delete_placements")
    assert box.options == ["2", "3"]  # her file and the mixed one; Banten's own is not listed
    box.set_value(3).run()
    next(b for b in at.button if b.key == "data_delete_placements_go").click().run()
    assert not at.exception, at.exception
    assert i18n.t("auth.denied.version_outside", "en", version=3) in [e.value for e in at.error]
    assert [v["id"] for v in files_office.store.layer_meta("placements")["versions"]] == versions
    assert files_office.entries()[-1] == ("steward52", "delete", "denied", NTB)


def test_the_admin_grants_every_province_on_the_audit_tab(files_office):
    at = _data_page("admin")
    at.selectbox(key="auth_grant_user").set_value("viewer").run()
    tab = at.tabs[-1]
    tab.checkbox(key="auth_grant_all").check()
    next(b for b in tab.button if b.label == i18n.t("audit.save", "en")).click().run()
    assert not at.exception, at.exception
    assert files_office.book.account("viewer").provinces == ("*",)
    assert files_office.entries()[-1] == ("admin", "grant-change", "ok", "*")
    at.run()  # the users table is drawn above the form: it shows the change on the next run
    users = at.tabs[-1].dataframe[1].value
    row = users[users[i18n.t("audit.col.user", "en")] == "viewer"].iloc[0]
    assert row[i18n.t("audit.col.provinces", "en")] == i18n.t("auth.all_provinces", "en")
    at = signed_in("viewer")  # sees data now
    assert not at.warning and at.metric
