"""The logs cannot be rewritten in PostgreSQL: ``atlas.import_log`` and ``atlas_audit`` refuse
UPDATE, DELETE and TRUNCATE by trigger (the owner's and a superuser's too), and the app's own
database role, set up by ``python -m loaders.store app-role``, has no such privilege at all.
Attack of issue 21: "a DELETE on atlas.import_log went through"."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

from loaders import accounts
from loaders.accounts import Role
from loaders.store import Store

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "kata-sandi-rahasia"
CHANGES = ("UPDATE {table} SET id = id + 1000", "DELETE FROM {table}", "TRUNCATE {table}")
LOGS = ("atlas.import_log", "atlas_audit")


def _as_role(url: str, role: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=f"{role}@{parts.hostname}:{parts.port}"))


@pytest.fixture()
def database(pg_url, monkeypatch):
    """A store and a book in the test database, one entry in each log, written by its owner."""
    monkeypatch.setenv("ATLAS_DATABASE_URL", pg_url)
    monkeypatch.setenv("ATLAS_AUTH", "local")
    Store(pg_url).log_import({"layer": "placements", "file": "penempatan_52.csv", "provinces": ["52"]})
    held = accounts.book()
    held.add_user("steward52", Role.STEWARD, password_hash=accounts.hash_password(PASSWORD), provinces=["52"])
    assert accounts.authenticate("steward52", PASSWORD) is not None
    return pg_url


def _counts(url: str) -> dict[str, int]:
    with psycopg.connect(url) as con:
        return {table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in LOGS}


@pytest.mark.parametrize("table", LOGS)
@pytest.mark.parametrize("change", CHANGES)
def test_even_the_owner_cannot_change_a_log(database, table, change):
    before = _counts(database)
    with psycopg.connect(database, autocommit=True) as con, pytest.raises(psycopg.Error, match="append-only"):
        con.execute(change.format(table=table))
    assert _counts(database) == before


def test_the_app_role_only_appends_to_the_logs_and_still_runs_the_app(database, tmp_path):
    role = f"atlas_app_{uuid.uuid4().hex[:8]}"  # roles belong to the server, shared by the tests
    with psycopg.connect(database, autocommit=True) as con:
        con.execute(f"CREATE ROLE {role} LOGIN")
    done = subprocess.run(
        [sys.executable, "-m", "loaders.store", "app-role", role],
        cwd=ROOT,
        env={**os.environ, "ATLAS_DATABASE_URL": database},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    app = _as_role(database, role)
    before = _counts(database)
    for table in LOGS:
        for change in CHANGES:
            with (
                psycopg.connect(app, autocommit=True) as con,
                pytest.raises(psycopg.errors.InsufficientPrivilege),
            ):
                con.execute(change.format(table=table))
    with psycopg.connect(app, autocommit=True) as con, pytest.raises(psycopg.errors.InsufficientPrivilege):
        con.execute("DROP TRIGGER import_log_append_only ON atlas.import_log")
    assert _counts(database) == before
    # what the app does as that role still works: read, import, log, sign in, count failures
    from loaders.store import close_pools

    close_pools()
    accounts._PG_READY.clear()
    store = Store(app)
    store.log_import({"layer": "placements", "file": "penempatan_52b.csv", "provinces": ["52"]})
    assert [e["file"] for e in store.import_log()] == ["penempatan_52.csv", "penempatan_52b.csv"]
    book = accounts.PostgresBook(app)
    assert accounts.authenticate("steward52", "tebakan-salah", books=book) is None
    assert accounts.authenticate("steward52", PASSWORD, books=book) is not None
    book.set_grants("steward52", ["52", "18"])
    assert book.account("steward52").provinces == ("18", "52")
    assert book.owner()[0] is False  # not the owner of the book: the accounts CLI refuses it
    assert _counts(database)["atlas_audit"] == before["atlas_audit"] + 2
