"""Accounts, grants and the audit log (loaders/accounts.py): passwords, roles, the steward's
province grant on imports and boundaries (API and CLI), one audit entry per action, the CSV."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import sqlite3
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import geopandas as gpd
import pytest

from loaders import accounts
from loaders.accounts import AccessDenied, Account, Action, Role, SqliteBook
from loaders.layers import analyse, commit, delete_version
from loaders.store import Store
from tests.loaders.test_layers import placements_csv, store_bytes

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "kata-sandi-rahasia"


@pytest.fixture(params=["sqlite", "postgres"])
def signed_in(request, store_dir, monkeypatch) -> accounts.AccountBook:
    """Sign-in on (local), a book with a steward of 36, a viewer and an admin; on both backends:
    ``accounts.sqlite`` in the store, and PostgreSQL (``ATLAS_DATABASE_URL``, a test server)."""
    monkeypatch.setenv("ATLAS_AUTH", "local")
    monkeypatch.delenv("ATLAS_DATABASE_URL", raising=False)
    if request.param == "postgres":
        try:
            url = request.getfixturevalue("pg_url")
        except pytest.FixtureLookupError:
            pytest.skip("no PostgreSQL test server fixture (pg_url, tests/pg_server.py) in this tree")
        monkeypatch.setenv("ATLAS_DATABASE_URL", url)
    book = accounts.book()
    assert isinstance(book, accounts.PostgresBook if request.param == "postgres" else SqliteBook)
    digest = accounts.hash_password(PASSWORD)
    book.add_user("steward36", Role.STEWARD, password_hash=digest, provinces=["36"])
    book.add_user("viewer", Role.VIEWER, password_hash=digest)
    book.add_user("admin", Role.ADMIN, password_hash=digest)
    return book


@contextmanager
def raw_sql(book):
    """A plain connection to the book's database, outside the book's interface."""
    if isinstance(book, SqliteBook):
        con = sqlite3.connect(book.path)
        try:
            yield con
        finally:
            con.close()
    else:
        import psycopg

        with psycopg.connect(book.url, autocommit=True) as con:
            yield con


def data_bytes(root: Path) -> dict[str, str]:
    """The store's observable state without the accounts book (which records the refusal)."""
    return {k: v for k, v in store_bytes(root).items() if k != accounts.BOOK_FILE}


def _actions(book: SqliteBook) -> list[tuple[str, str, str]]:
    return [(e["user"], e["action"], e["outcome"]) for e in book.entries()]


def test_passwords_are_argon2_and_a_wrong_one_is_refused_and_logged(signed_in):
    with raw_sql(signed_in) as con:
        stored = con.execute("SELECT password FROM atlas_users WHERE name = 'steward36'").fetchone()[0]
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert accounts.authenticate("steward36", "salah-sekali") is None
    assert accounts.authenticate("nobody", PASSWORD) is None
    found = accounts.authenticate("steward36", PASSWORD)
    assert found == Account("steward36", Role.STEWARD, ("36",), True, True)
    assert _actions(signed_in)[-3:] == [
        ("steward36", "sign-in-failed", "denied"),
        ("nobody", "sign-in-failed", "denied"),
        ("steward36", "sign-in", "ok"),
    ]
    signed_in.set_active("steward36", False)
    assert accounts.authenticate("steward36", PASSWORD) is None
    if isinstance(signed_in, SqliteBook):
        assert PASSWORD not in signed_in.path.read_bytes().decode("latin-1")


def test_the_audit_log_is_append_only(signed_in):
    accounts.authenticate("admin", PASSWORD)
    statements = ["UPDATE atlas_audit SET \"user\" = 'someone else'", "DELETE FROM atlas_audit"]
    if not isinstance(signed_in, SqliteBook):
        statements.append("TRUNCATE atlas_audit")
    for statement in statements:
        with raw_sql(signed_in) as con, pytest.raises(Exception, match="append-only"):
            con.execute(statement)
    assert [e["user"] for e in signed_in.entries()] == ["admin"]


def test_roles_and_grants():
    steward = Account("s", Role.STEWARD, ("36",))
    assert steward.may(Action.IMPORT, ["36"]) and steward.may(Action.BOUNDARY_FETCH, ["36"])
    assert not steward.may(Action.IMPORT, ["35"]) and not steward.may(Action.REPLACE, ["35", "36"])
    assert not steward.may(Action.GRANT)
    assert not Account("s", Role.STEWARD).may(
        Action.IMPORT, ["36"]
    )  # a steward without grants writes nothing
    assert not Account("a", Role.ANALYST).may(Action.IMPORT, ["36"])
    viewer = Account("v", Role.VIEWER, ("35",))
    assert viewer.may(Action.EXPORT, ["35"]) and not viewer.may(Action.EXPORT, ["36"])
    assert viewer.sees("35.10") and not viewer.sees("36")
    # deny by default: no grant, no province (any role below admin); "*" grants every one explicitly
    for role in (Role.VIEWER, Role.ANALYST, Role.STEWARD):
        assert not Account("x", role).sees("36") and not Account("x", role).may(Action.EXPORT, ["36"])
        assert Account("x", role, ("*",)).sees("36") and Account("x", role, ("*",)).may(Action.EXPORT, ["94"])
    analyst = Account("a", Role.ANALYST, ("52",))  # grants bind analysts too
    assert analyst.may(Action.EXPORT, ["52"]) and not analyst.may(Action.EXPORT, ["36", "52"])
    assert not analyst.sees("36.04") and analyst.sees("52")
    assert Account("s", Role.STEWARD, ("*",)).may(Action.REPLACE, ["11", "36"])
    assert not Account("a", Role.ANALYST, ("*",)).may(Action.IMPORT, ["36"])  # the role still decides
    assert not viewer.exact_counts and Account("a", Role.ANALYST).exact_counts
    admin = Account("root", Role.ADMIN)
    assert admin.may(Action.IMPORT, ["11", "94"]) and admin.may(Action.GRANT)
    assert not Account("x", Role.ADMIN, active=False).may(Action.IMPORT, ["36"])


def test_bad_requests_name_the_fix(signed_in):
    with pytest.raises(accounts.AccountError, match="viewer, analyst, steward, admin"):
        signed_in.add_user("x", "boss", password_hash=None)
    with pytest.raises(accounts.AccountError, match="two-digit"):
        signed_in.add_user("x", "steward", password_hash=None, provinces=["Banten"])
    with pytest.raises(accounts.AccountError, match="exists already"):
        signed_in.add_user("viewer", "viewer", password_hash=None)
    with pytest.raises(accounts.AccountError, match="at least 8"):
        accounts.hash_password("short")


def test_steward_of_36_imports_36_but_not_35(signed_in, store_dir, tmp_path):
    store = Store(store_dir)
    steward = accounts.authenticate("steward36", PASSWORD)
    p36 = placements_csv(tmp_path / "serang.csv", "36.04", 2023, [12, 30, 7, 9, 40])
    p35 = placements_csv(tmp_path / "banyuwangi_2023.csv", "35.10", 2023, [12, 30, 7, 9, 40])
    plan36 = analyse("placements", p36.read_bytes(), p36.name, store)
    plan35 = analyse("placements", p35.read_bytes(), p35.name, store)
    with accounts.acting_as(steward):
        version = commit(plan36, store, "append")
        before = data_bytes(store_dir)
        with pytest.raises(AccessDenied) as denied:
            commit(plan35, store, "replace")
    assert data_bytes(store_dir) == before  # nothing written
    assert "35" in denied.value.message("en") and "36" in denied.value.message("en")
    assert "Nothing was saved" in denied.value.message("en")
    assert "Tidak ada yang disimpan" in denied.value.message("id")
    entries = signed_in.entries()
    imported = [e for e in entries if e["action"] == "import"]
    assert len(imported) == 1 and imported[0]["provinces"] == "36" and imported[0]["file"] == "serang.csv"
    assert imported[0]["sha256"] == plan36.sha256 and imported[0]["user"] == "steward36"
    refused = [e for e in entries if e["outcome"] == "denied" and e["action"] == "replace"]
    assert refused and refused[0]["provinces"] == "35" and refused[0]["file"] == "banyuwangi_2023.csv"
    # signed out (no current user) nothing is written either, and a viewer may not import
    with pytest.raises(AccessDenied):
        commit(plan36, store, "append")
    with accounts.acting_as(signed_in.account("viewer")), pytest.raises(AccessDenied) as viewer:
        delete_version(store, "placements", version)
    assert "pembaca" in viewer.value.message("id")
    assert len(store.layer_meta("placements")["versions"]) == 1


def test_without_sign_in_nothing_is_checked_or_recorded(store_dir, tmp_path, monkeypatch):
    monkeypatch.delenv("ATLAS_AUTH", raising=False)
    store = Store(store_dir)
    p35 = placements_csv(tmp_path / "p35.csv", "35.10", 2023, [12, 30, 7, 9, 40])
    commit(analyse("placements", p35.read_bytes(), p35.name, store), store, "append")
    assert not (store_dir / accounts.BOOK_FILE).exists()


def _cli(module: str, *args: str, env: dict, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=ROOT,
        env={**os.environ, **env},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_cli_add_user_then_steward_import_is_held_to_its_grant(store_dir, tmp_path):
    env = {"ATLAS_DATA_DIR": str(store_dir), "ATLAS_AUTH": "local", "ATLAS_LANGUAGE": "en"}
    added = _cli("loaders.accounts", "add-user", "siti", "--role", "steward", "--province", "36", env=env, stdin=PASSWORD + "\n")  # fmt: skip
    assert added.returncode == 0, added.stderr
    listed = _cli("loaders.accounts", "list", "--json", env=env)
    assert '"name": "siti", "role": "steward", "provinces": ["36"]' in listed.stdout
    p36 = placements_csv(tmp_path / "p36.csv", "36.04", 2023, [12, 30, 7, 9, 40])
    p35 = placements_csv(tmp_path / "p35.csv", "35.10", 2023, [12, 30, 7, 9, 40])

    anonymous = _cli("loaders.layers", "import", "placements", str(p36), env=env)
    assert anonymous.returncode == 3 and "ATLAS_USER" in anonymous.stderr
    wrong = _cli("loaders.layers", "import", "placements", str(p36), env={**env, "ATLAS_USER": "siti", "ATLAS_PASSWORD": "nope-nope"})  # fmt: skip
    assert wrong.returncode == 3 and "Wrong user name or password" in wrong.stderr
    siti = {**env, "ATLAS_USER": "siti", "ATLAS_PASSWORD": PASSWORD}
    before = data_bytes(store_dir)
    refused = _cli("loaders.layers", "import", "placements", str(p35), env=siti)
    assert refused.returncode == 3 and "No grant for province 35" in refused.stderr
    assert data_bytes(store_dir) == before
    done = _cli("loaders.layers", "import", "placements", str(p36), env=siti)
    assert done.returncode == 0, done.stderr
    log = _cli("loaders.accounts", "audit", env=env)
    rows = list(csv.DictReader(io.StringIO(log.stdout)))
    assert [(r["user"], r["action"], r["outcome"], r["provinces"]) for r in rows] == [
        (rows[0]["user"], "user-add", "ok", "36"),
        ("siti", "sign-in-failed", "denied", ""),
        ("siti", "sign-in", "ok", "36"),
        ("siti", "replace", "denied", "35"),
        ("siti", "sign-in", "ok", "36"),
        ("siti", "replace", "ok", "36"),
    ]
    assert rows[0]["user"].startswith("cli:")


@pytest.fixture()
def boundary_files(shared_data, tmp_path) -> dict[str, Path]:
    """Two small village boundary files (GeoParquet): a district of Serang (36) and one of Banyuwangi (35)."""
    out = {}
    for prov, district in (("36", "36.04.13"), ("35", "35.10.01")):
        frame = gpd.read_parquet(shared_data / "boundaries" / "desa" / f"desa_{prov}.parquet")
        part = frame[frame["kode"].str.startswith(district + ".")][["kode", "nama", "geometry"]]
        assert len(part) > 3
        out[prov] = tmp_path / f"desa_{district}.parquet"
        part.to_parquet(out[prov])
    return out


def test_boundary_import_is_held_to_the_grant_and_recorded(signed_in, boundary_files, store_dir):
    from loaders.boundaries import import_file

    store = Store(store_dir)
    with accounts.acting_as(signed_in.account("steward36")):
        import_file(store, boundary_files["36"])
        with pytest.raises(AccessDenied):
            import_file(store, boundary_files["35"])
    assert store.provinces() == ["36"]
    entries = [e for e in signed_in.entries() if e["action"] == "boundary-import"]
    assert [(e["outcome"], e["provinces"]) for e in entries] == [("ok", "36"), ("denied", "35")]
    assert entries[0]["file"] == boundary_files["36"].name and len(entries[0]["sha256"]) == 64


def test_boundary_fetch_is_held_to_the_grant(signed_in, shared_data, store_dir, tmp_path, monkeypatch):
    from loaders.boundaries import fetch
    from tests.loaders.test_fetch import Archive

    served = Archive(tmp_path / "www")
    raw = shared_data / "boundaries" / "raw"
    for regency in ("36.04", "35.10"):
        served.add(regency, (raw / f"wilayah_boundaries_kel_{regency}.sql").read_bytes())
    monkeypatch.setenv("ATLAS_CACHE_DIR", str(tmp_path / "cache"))
    store = Store(store_dir)
    try:
        with accounts.acting_as(signed_in.account("steward36")):
            with pytest.raises(AccessDenied):
                fetch(store, regencies=["35.10"], source_url=served.url)
            assert served.requests == []  # refused before anything was downloaded
            fetch(store, regencies=["36.04"], source_url=served.url)
    finally:
        served.close()
    assert store.provinces() == ["36"]
    entries = [e for e in signed_in.entries() if e["action"] == "boundary-fetch"]
    assert [(e["outcome"], e["provinces"]) for e in entries] == [("denied", "35"), ("ok", "36")]
    assert entries[1]["file"] == served.url and len(entries[1]["sha256"]) == 64


def test_export_download_and_csv_of_the_log(signed_in):
    from ui.auth import record_download

    data = b"kode,jumlah\n36.04,<5\n"
    with accounts.acting_as(signed_in.account("viewer")):
        record_download("atlas-pmi_36.04_placements_2024.csv", data, "36.04")
        accounts.record(Action.IMPORT, provinces=["36"], file="=HYPERLINK(1).csv")
    rows = list(csv.reader(io.StringIO(accounts.audit_csv().decode("utf-8-sig"))))
    assert rows[0] == accounts.AUDIT_COLUMNS
    export = dict(zip(rows[0], rows[1], strict=True))
    assert (
        export["action"] == "export-download" and export["provinces"] == "36" and export["user"] == "viewer"
    )
    assert export["sha256"] == hashlib.sha256(data).hexdigest()
    assert rows[2][rows[0].index("file")] == "'=HYPERLINK(1).csv"  # not run as a formula


def test_file_names_never_carry_a_personal_number(signed_in):
    with accounts.acting_as(signed_in.account("admin")):
        accounts.record(Action.IMPORT, provinces=["36"], file="C:\\data\\pmi_3604131203850001_siti.xlsx")
    assert signed_in.entries()[-1]["file"] == "pmi_################_siti.xlsx"
