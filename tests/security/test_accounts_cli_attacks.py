"""The accounts command line changes users only for a signed-in admin or the owner of the book,
each change recorded with who made it. Attack of issue 21: ``set-role steward52 admin`` with no
sign-in at all. Run as a user would, in subprocesses: the server's user (root here) owns the
store, the attacker is another operating-system user (``nobody``) who can even write the book
file (careless permissions), so only the command's own check stands in the way."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from loaders import accounts

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "kata-sandi-rahasia"
NOBODY = 65534  # another operating-system user, who does not own the store


#: ``python -m loaders.accounts`` as ``nobody``: the interpreter of this venv lives under /root,
#: which ``nobody`` may not open, so the command is imported as root and the process then drops
#: to ``nobody`` (no group of root kept) before it runs: every check sees uid 65534.
AS_NOBODY = f"""
import os, sys
import argon2, argon2.exceptions, pwd, sqlite3
from loaders import accounts
os.setgroups([])
os.setgid({NOBODY})
os.setuid({NOBODY})
raise SystemExit(accounts.main(sys.argv[1:]))
"""


def cli(*args: str, env: dict, stdin: str = "", as_nobody: bool = False) -> subprocess.CompletedProcess:
    """``python -m loaders.accounts ARGS``, as this test's user or as ``nobody``."""
    command = ["-c", AS_NOBODY] if as_nobody else ["-m", "loaders.accounts"]
    return subprocess.run(
        [sys.executable, *command, *args],
        cwd=ROOT,
        env={**os.environ, "ATLAS_LANGUAGE": "en", "PYTHONDONTWRITEBYTECODE": "1", **env},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _log(book) -> list[tuple[str, str, str]]:
    return [(e["user"], e["action"], e["outcome"]) for e in book.entries()]


@pytest.fixture()
def store():
    """A store whose first admin and a steward of 52 were added by its owner (this test's user),
    its book writable by anyone (the pytest temp folder is private: a folder of its own in /tmp)."""
    if os.geteuid() != 0:
        pytest.skip("running a command as another operating-system user needs root")
    base = Path(tempfile.mkdtemp(prefix="atlas-cli-"))
    try:
        base.chmod(0o755)
        folder = base / "store"
        env = {"ATLAS_DATA_DIR": str(folder), "ATLAS_AUTH": "local"}
        for name, role in (("admin", "admin"), ("steward52", "steward")):
            added = cli("add-user", name, "--role", role, "--province", "52", env=env, stdin=PASSWORD + "\n")
            assert added.returncode == 0, added.stderr  # the owner bootstraps the first admin
        folder.chmod(0o777)
        (folder / accounts.BOOK_FILE).chmod(0o666)
        yield folder
    finally:
        shutil.rmtree(base, ignore_errors=True)


def _env(store: Path, **more: str) -> dict:
    return {
        "ATLAS_DATA_DIR": str(store),
        "ATLAS_AUTH": "local",
        "ATLAS_USER": "",
        "ATLAS_PASSWORD": "",
        **more,
    }


@pytest.mark.parametrize(
    "command",
    [
        ["set-role", "steward52", "admin"],
        ["grant", "steward52", "--province", "36"],
        ["password", "steward52"],
    ],
    ids=["set-role", "grant", "password"],
)
def test_without_sign_in_only_the_owner_may_change_users(store, command):
    book = accounts.SqliteBook(store / accounts.BOOK_FILE)
    done = cli(*command, env=_env(store), stdin="kata-sandi-baru\n", as_nobody=True)
    assert done.returncode == 3
    assert "owner of the store" in done.stderr and "recorded" in done.stderr
    held = book.account("steward52")
    assert held.role == "steward" and held.provinces == ("52",)
    assert accounts.authenticate("steward52", PASSWORD, books=book) is not None  # the password held
    who = _log(book)[-2]  # the refusal, then the sign-in of the check above
    assert who == ("cli:nobody", accounts._COMMAND_ACTIONS[command[0]].value, "denied")


def test_a_signed_in_steward_is_refused_and_recorded(store):
    book = accounts.SqliteBook(store / accounts.BOOK_FILE)
    done = cli(
        "set-role",
        "steward52",
        "admin",
        env=_env(store, ATLAS_USER="steward52", ATLAS_PASSWORD=PASSWORD),
        as_nobody=True,
    )
    assert done.returncode == 3 and "data steward" in done.stderr
    assert book.account("steward52").role == "steward"
    assert _log(book)[-2:] == [("steward52", "sign-in", "ok"), ("steward52", "user-change", "denied")]
    wrong = cli(
        "set-role",
        "steward52",
        "admin",
        env=_env(store, ATLAS_USER="admin", ATLAS_PASSWORD="tebakan"),
        as_nobody=True,
    )
    assert wrong.returncode == 3 and book.account("steward52").role == "steward"
    assert _log(book)[-1] == ("admin", "sign-in-failed", "denied")


def test_a_signed_in_admin_changes_a_role_and_is_named_in_the_log(store):
    book = accounts.SqliteBook(store / accounts.BOOK_FILE)
    done = cli(  # an admin signed in, from another operating-system account
        "set-role",
        "steward52",
        "analyst",
        env=_env(store, ATLAS_USER="admin", ATLAS_PASSWORD=PASSWORD),
        as_nobody=True,
    )
    assert done.returncode == 0, done.stderr
    assert book.account("steward52").role == "analyst"
    change = book.entries()[-1]
    assert (change["user"], change["role"], change["action"], change["outcome"]) == (
        "admin",
        "admin",
        "user-change",
        "ok",
    )
    assert '"name": "steward52"' in change["detail"] and '"role": "analyst"' in change["detail"]
    assert '"os_user": "nobody"' in change["detail"]
    audit = cli("audit", env=_env(store, ATLAS_USER="admin", ATLAS_PASSWORD=PASSWORD))
    rows = list(csv.DictReader(io.StringIO(audit.stdout)))
    assert ("cli:" in rows[0]["user"]) and rows[0]["action"] == "user-add"  # the owner's bootstrap


def test_on_postgresql_the_app_role_needs_an_admin_sign_in(pg_url):
    import psycopg

    env = {"ATLAS_DATABASE_URL": pg_url, "ATLAS_USER": "", "ATLAS_PASSWORD": ""}
    base = {k: v for k, v in os.environ.items() if k != "ATLAS_AUTH"}  # unset: on with a database
    first = subprocess.run(
        [sys.executable, "-m", "loaders.accounts", "add-user", "admin", "--role", "admin"],
        cwd=ROOT,
        env={**base, **env},
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert first.returncode == 0, first.stderr  # the owner of the database adds the first admin
    role = f"atlas_app_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(pg_url, autocommit=True) as con:
        con.execute(f"CREATE ROLE {role} LOGIN")
    granted = subprocess.run(
        [sys.executable, "-m", "loaders.store", "app-role", role],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert granted.returncode == 0, granted.stderr
    parts = urlsplit(pg_url)
    app = urlunsplit(parts._replace(netloc=f"{role}@{parts.hostname}:{parts.port}"))

    def as_app(*args: str, **more: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "loaders.accounts", *args],
            cwd=ROOT,
            env={**base, "ATLAS_LANGUAGE": "en", **env, "ATLAS_DATABASE_URL": app, **more},
            input=PASSWORD + "\n",
            capture_output=True,
            text=True,
            timeout=300,
        )

    refused = as_app("add-user", "mallory", "--role", "admin")
    assert refused.returncode == 3 and f"database role {parts.username}" in refused.stderr
    allowed = as_app("add-user", "siti", "--role", "viewer", ATLAS_USER="admin", ATLAS_PASSWORD=PASSWORD)
    assert allowed.returncode == 0, allowed.stderr
    book = accounts.PostgresBook(pg_url)
    assert [a.name for a in book.accounts()] == ["admin", "siti"]
    log = [(e["user"], e["action"], e["outcome"]) for e in book.entries()]
    assert log[-3][1:] == ("user-add", "denied") and log[-3][0].startswith("cli:")
    assert log[-2:] == [("admin", "sign-in", "ok"), ("admin", "user-add", "ok")]
