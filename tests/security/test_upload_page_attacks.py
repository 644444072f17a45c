"""The Data page under attack (issue 21, items 1 and 6), through AppTest as a user clicks it:

* a boundary upload holding an OGR VRT that selects the users' password hashes is refused with
  a message naming the file, and no element of the page shows a hash (sign-in off, the default);
* with sign-in on, a steward without a grant sees only the message saying so (deny by default):
  no uploader, no byte of a file parsed, also when her grant is taken away while she is signed in;
* a 0.8 MB workbook that unpacks to 800 MB is refused from its zip directory: its sheets are
  never listed (openpyxl never opens it) and the check runs once, not on every rerun.
"""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest
from fuzzing import store_digest
from streamlit.testing.v1 import AppTest

import i18n
from loaders import tabular
from loaders.accounts import SqliteBook
from tests.pages.test_data_page import APP, messy_csv, open_page
from tests.security.attack_files import PASSWORD, audit, geojson, make_book, vrt_reading


def _page_text(at: AppTest) -> str:
    parts = [
        e.value
        for kind in ("markdown", "caption", "success", "warning", "error", "info", "subheader", "title")
        for e in getattr(at, kind)
    ]
    parts += [df.value.to_csv() for df in at.dataframe] + [t.value.to_csv() for t in at.table]
    return "\n".join(map(str, parts))


def _plain(markdown: str) -> str:
    """What a reader sees of Markdown that only escapes (``\\.`` shows as ``.``)."""
    return markdown.replace("\\", "")


def test_a_vrt_boundary_upload_is_refused_and_no_hash_reaches_the_page(monkeypatch, tmp_path):
    root = tmp_path / "store"
    hashes = make_book(root)
    at = open_page(monkeypatch, root, lang="en", timeout=300)
    before = store_digest(root)
    data = vrt_reading(root / "accounts.sqlite")
    at.file_uploader(key="data_bnd_upload").set_value(("desa_banten.geojson", data, "application/geo+json"))
    at.run()
    at.button(key="data_bnd_import").click().run()
    assert not at.exception, at.exception
    errors = [_plain(e.value) for e in at.error]
    assert len(errors) == 1 and errors[0].startswith("desa_banten.geojson: the file holds XML, not GeoJSON")
    assert errors[0].endswith("Nothing was imported.")
    text = _page_text(at)
    assert "$argon2" not in text and not any(h in text for h in hashes.values())
    assert store_digest(root) == before


def _signed_in(monkeypatch, root, name: str, lang: str = "en") -> AppTest:
    monkeypatch.setenv("ATLAS_AUTH", "local")
    monkeypatch.setenv("ATLAS_DATA_DIR", str(root))
    monkeypatch.setenv("ATLAS_LANGUAGE", lang)
    at = AppTest.from_file(APP, default_timeout=300)
    at.session_state["dataset"] = "store"
    at.session_state["lang"] = lang
    at.run()
    at.text_input(key="auth_name").input(name)
    at.text_input(key="auth_password").input(PASSWORD)
    at.button[0].click().run()
    at.switch_page("views/data.py").run()
    assert not at.exception, at.exception
    return at


def test_a_steward_without_a_grant_gets_no_uploader_and_nothing_is_parsed(monkeypatch, tmp_path):
    """Deny by default (issue 21, item 3): a steward without a grant sees only the message saying
    so, no Data page and no uploader, so no file of hers is read; one who loses her grant while
    signed in is stopped at her next step the same way."""
    root = tmp_path / "store"
    make_book(root)
    calls = []
    monkeypatch.setattr(tabular, "read_grid", lambda *a, **k: calls.append(a) or pytest.fail("parsed"))
    at = _signed_in(monkeypatch, root, "steward0")
    assert [w.value for w in at.warning] == [i18n.t("auth.no_grant", "en", name="steward0")]
    assert not at.get("file_uploader") and not at.metric
    at = _signed_in(monkeypatch, root, "steward36")
    assert at.get("file_uploader")
    SqliteBook(root / "accounts.sqlite").set_grants("steward36", [])  # revoked meanwhile
    at.file_uploader(key="data_upload").set_value(("cpmi.csv", messy_csv(), "text/csv")).run()
    assert not at.exception, at.exception
    assert [w.value for w in at.warning] == [i18n.t("auth.no_grant", "en", name="steward36")]
    assert calls == [] and not at.get("file_uploader") and not at.metric
    assert not [e for e in audit(root) if e["action"] in ("import", "boundary-import")]


def test_a_granted_steward_still_imports_a_boundary_upload(monkeypatch, tmp_path):
    root = tmp_path / "store"
    make_book(root)
    at = _signed_in(monkeypatch, root, "steward36")
    at.file_uploader(key="data_bnd_upload").set_value(("serang.geojson", geojson(), "application/geo+json"))
    at.run()
    at.button(key="data_bnd_import").click().run()
    assert not at.exception, at.exception
    assert any(_plain(c.value) == "serang.geojson: 3 rows read at village level." for c in at.caption)
    assert ("steward36", "boundary-import", "ok") in [
        (e["user"], e["action"], e["outcome"]) for e in audit(root)
    ]


def test_a_granted_stewards_hostile_upload_is_refused_and_logged_in_the_interface_language(
    monkeypatch, tmp_path
):
    root = tmp_path / "store"
    hashes = make_book(root)
    at = _signed_in(monkeypatch, root, "steward36", lang="id")
    data = vrt_reading(root / "accounts.sqlite")
    at.file_uploader(key="data_bnd_upload").set_value(("desa.geojson", data, "application/geo+json"))
    at.run()
    at.button(key="data_bnd_import").click().run()
    assert not at.exception, at.exception
    assert [_plain(e.value).split(": ")[0] for e in at.error] == ["desa.geojson"]
    assert not any(h in _page_text(at) for h in hashes.values())
    admin = _signed_in(monkeypatch, root, "admin", lang="id")
    log = admin.tabs[-1].dataframe[0].value
    rows = log[log[i18n.t("audit.col.user", "id")] == "steward36"]
    assert list(rows[i18n.t("audit.col.outcome", "id")])[:1] == [i18n.t("audit.outcome.refused", "id")]
    assert list(rows[i18n.t("audit.col.file", "id")])[:1] == ["desa.geojson"]


# --------------------------------------------------------------------------- the sheet-listing bomb
@pytest.fixture(scope="module")
def workbook_bomb() -> bytes:
    """An .xlsx of about 0.8 MB whose shared strings unpack to 800 MB (built once)."""
    wb = openpyxl.Workbook()
    wb.active.append(["Kode Desa", "Tahun", "Jumlah PMI"])
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    strings = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bomb:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                override = f'<Override PartName="/xl/sharedStrings.xml" ContentType="{strings}"/>'
                data = data.replace(b"</Types>", override.encode() + b"</Types>")
            bomb.writestr(info.filename, data)
        block = b"<si><t>" + b"A" * (1 << 20) + b"</t></si>"
        with bomb.open("xl/sharedStrings.xml", "w", force_zip64=True) as member:
            member.write(
                b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            )
            for _ in range(800):
                member.write(block)
            member.write(b"</sst>")
    data = out.getvalue()
    assert len(data) < 1_000_000
    return data


def test_a_workbook_bomb_is_refused_before_its_sheets_are_listed_and_checked_once(
    monkeypatch, tmp_path, workbook_bomb
):
    opened, checked = [], []
    real_check = tabular.check_workbook
    monkeypatch.setattr(openpyxl, "load_workbook", lambda *a, **k: opened.append(1) or pytest.fail("opened"))
    monkeypatch.setattr(tabular, "check_workbook", lambda *a, **k: checked.append(1) or real_check(*a, **k))
    at = open_page(monkeypatch, tmp_path / "store", lang="en", timeout=300)
    at.file_uploader(key="data_upload").set_value(
        ("rekap_2024.xlsx", workbook_bomb, "application/octet-stream")
    )
    at.run()
    assert not at.exception, at.exception
    assert not any(s.key == "data_sheet" for s in at.selectbox)  # no sheet listed
    report = "\n".join(t.value.to_csv() for t in at.table)
    assert "rekap_2024" in _plain(report) and "unpacks to 839 MB, over the limit of 300 MB" in _plain(report)
    assert i18n.t("data.rejected", "en") in [e.value for e in at.error]
    # reruns (a click elsewhere) neither open the file nor check it again
    at.checkbox(key="data_skip_invalid").check().run()
    at.run()  # (the save mode is offered only for a file that can be saved: issue 22)
    assert not at.exception, at.exception
    assert opened == [] and checked == [1]
