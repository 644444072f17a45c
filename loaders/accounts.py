"""Accounts, roles, per-province grants and the append-only audit log, behind one small interface.

Sign-in is switched on by ``ATLAS_AUTH`` (``off``, the default on the embedded store, keeps the
two-command demo as it was; ``local`` signs in against the user table here; ``oidc`` through the
office identity provider with Streamlit's ``st.login``, the role and grants still coming from the
table here). With ``ATLAS_DATABASE_URL`` set and ``ATLAS_AUTH`` unset, sign-in is ``local``.

Failed sign-ins are counted per account and per client in the book (``atlas_signin``, so a
restart forgets nothing): from the second failure each attempt waits a growing delay
(``ATLAS_SIGNIN_DELAY_SECONDS``, doubled each time), and ``ATLAS_SIGNIN_LOCK_AFTER`` failures of
an account (``ATLAS_SIGNIN_CLIENT_LOCK_AFTER`` from one client) lock it for
``ATLAS_SIGNIN_LOCK_SECONDS``; every failure, lock and refused attempt is in the audit log.

Roles, from least to most:

* ``viewer``: every page and export, small counts always hidden;
* ``analyst``: exact counts in the working view;
* ``steward``: imports, versions and boundaries, written only for the provinces granted;
* ``admin``: every province, users and grants, the audit log.

Grants bind every role below admin, for reading as for writing, and deny by default: an account
without a grant sees nothing. ``*`` (``--all-provinces``) grants every province explicitly.
``scoped(store)`` is the store as the current account may see and change it.

The book (``book()``) is an SQLite file in the store directory (``accounts.sqlite``): users with
argon2 password hashes, grants, and the audit log, whose rows triggers forbid to change or delete.
Every action that writes data or lets data leave calls ``authorize`` before and ``record`` after
(or ``audited`` around it); both do nothing while sign-in is off.

Who acts is ``current()``: the CLI signs in from ``ATLAS_USER`` / ``ATLAS_PASSWORD``
(``run_cli``), the app registers the signed-in session (``set_resolver``).

Command line::

    python -m loaders.accounts add-user NAME --role ROLE [--province 35 ... | --all-provinces] [--oidc]
    python -m loaders.accounts grant NAME --province 36 [--province 35]   # replaces the grants
    python -m loaders.accounts grant NAME --all-provinces                 # every province
    python -m loaders.accounts set-role NAME ROLE
    python -m loaders.accounts password NAME
    python -m loaders.accounts disable NAME
    python -m loaders.accounts unlock NAME
    python -m loaders.accounts list [--json]
    python -m loaders.accounts audit [--csv FILE]
    python -m loaders.accounts token issue NAME [--days N] [--note TEXT]   # prints the token once
    python -m loaders.accounts token revoke ID | --user NAME
    python -m loaders.accounts token list [NAME] [--json]

The password comes from standard input (first line) or, on a terminal, from a prompt. Every
command is for an administrator only (see ``OPERATOR_HELP``): an admin signed in through
``ATLAS_USER`` / ``ATLAS_PASSWORD`` while sign-in is on, or the owner of the book (the
operating-system user owning ``accounts.sqlite``, or the database role owning its tables), who
adds the first admin. Anyone else is refused (exit 3) and the attempt is recorded.
"""

from __future__ import annotations

import argparse
import contextvars
import csv
import getpass
import hashlib
import io
import json
import math
import os
import re
import secrets
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import NoReturn, Protocol

import i18n
from loaders.settings import settings
from loaders.store import StoreError

__all__ = [
    "AUTH_MODES",
    "Action",
    "Role",
    "Account",
    "AccessDenied",
    "AccountError",
    "AccountBook",
    "SqliteBook",
    "PostgresBook",
    "SignInLocked",
    "AUDIT_COLUMNS",
    "ALL_PROVINCES",
    "book",
    "enabled",
    "scoped",
    "write_scope",
    "current",
    "acting_as",
    "set_resolver",
    "authenticate",
    "authorize",
    "refuse",
    "record",
    "audited",
    "audit_csv",
    "run_cli",
    "main",
]

AUTH_MODES = ("off", "local", "oidc")
BOOK_FILE = "accounts.sqlite"
#: The grant of every province, given explicitly (``grant NAME --all-provinces``).
ALL_PROVINCES = "*"
#: How the book stores it: two characters, as the grants table's check asks of a province code.
_ALL_STORED = "**"


class Role(StrEnum):
    """The four roles, in rising order of rights."""

    VIEWER = "viewer"
    ANALYST = "analyst"
    STEWARD = "steward"
    ADMIN = "admin"


class Action(StrEnum):
    """What the audit log records (the ``action`` column)."""

    SIGN_IN = "sign-in"
    SIGN_IN_FAILED = "sign-in-failed"
    SIGN_IN_LOCKED = "sign-in-locked"
    SIGN_OUT = "sign-out"
    IMPORT = "import"
    REPLACE = "replace"
    UNDO = "undo"
    DELETE = "delete"
    BOUNDARY_FETCH = "boundary-fetch"
    BOUNDARY_IMPORT = "boundary-import"
    EXPORT = "export-download"
    USER_ADD = "user-add"
    USER_CHANGE = "user-change"
    GRANT = "grant-change"
    AUDIT_EXPORT = "audit-export"
    BACKUP = "store-backup"
    RESTORE = "store-restore"
    USER_LIST = "user-list"
    STORE_COPY = "store-copy"
    #: An API token issued, revoked or listed (``tokens`` of the accounts command).
    TOKEN = "api-token"
    #: One request to the OGC API (``ogcapi``): answered, refused (401) or outside the grants.
    API_REQUEST = "api-request"


#: Actions that write the store: stewards (granted provinces) and admins only.
WRITES = frozenset(
    {
        Action.IMPORT,
        Action.REPLACE,
        Action.UNDO,
        Action.DELETE,
        Action.BOUNDARY_FETCH,
        Action.BOUNDARY_IMPORT,
    }
)
#: Actions on users and grants, the audit log and the whole store (backup, restore, copy): admins only.
ADMIN_ONLY = frozenset(
    {
        Action.USER_ADD,
        Action.USER_CHANGE,
        Action.GRANT,
        Action.AUDIT_EXPORT,
        Action.BACKUP,
        Action.RESTORE,
        Action.USER_LIST,
        Action.STORE_COPY,
        Action.TOKEN,
    }
)

#: Every API token starts so (``atl_<id>_<secret>``), so a leaked one is recognised in a log or a repository.
TOKEN_PREFIX = "atl_"


def token_hash(token: str) -> str:
    """What the book keeps of an API token: its SHA-256 (a token is 32 random bytes, so a plain
    hash cannot be reversed by guessing, and it finds the token's row at once)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


AUDIT_COLUMNS = ["id", "at", "user", "role", "action", "outcome", "provinces", "file", "sha256", "detail"]


class AccountError(ValueError):
    """A bad request to the book (unknown user, bad role or province): message for the user."""


class AccessDenied(StoreError, PermissionError):
    """The signed-in user may not do this; ``message(lang)`` says why and what to do.

    A ``StoreError``, so pages that already show store errors show this one too.
    """

    def __init__(self, key: str, **values: object):
        self.key = key
        self.values = values
        super().__init__(self.message(i18n.DEFAULT_LANGUAGE))

    def message(self, lang: str = i18n.DEFAULT_LANGUAGE) -> str:
        values = dict(self.values)
        if "role" in values:
            values["role"] = i18n.t(f"auth.role.{values['role']}", lang)
        if "action" in values:
            values["action"] = i18n.t(f"audit.action.{values['action']}", lang)
        return i18n.t(self.key, lang, **values)


class SignInLocked(AccessDenied):
    """Too many failed sign-ins of this account or from this client: refused unchecked for ``wait`` s."""

    def __init__(self, wait: float):
        self.wait = max(1, math.ceil(wait))
        if self.wait < 120:
            super().__init__("auth.locked.seconds", seconds=self.wait)
        else:
            super().__init__("auth.locked.minutes", minutes=math.ceil(self.wait / 60))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _iso(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, UTC).isoformat(timespec="seconds")


def _province(value: object) -> str:
    text = str(value).strip().strip(".")
    if text in (ALL_PROVINCES, _ALL_STORED):
        return ALL_PROVINCES
    if not re.fullmatch(r"\d{2}", text):
        raise AccountError(
            f"a province is written as its two-digit Kemendagri code (e.g. 36), or * for every "
            f"province, got {value!r}"
        )
    return text


def _grants(provinces: Iterable[object]) -> list[str]:
    """Grant codes, sorted; ``*`` alone when it is among them (every province)."""
    codes = sorted({_province(p) for p in provinces})
    return [ALL_PROVINCES] if ALL_PROVINCES in codes else codes


@dataclass(frozen=True)
class Account:
    """A user as the app sees it (never the password hash)."""

    name: str
    role: Role
    provinces: tuple[str, ...] = ()
    active: bool = True
    has_password: bool = False

    @property
    def scope(self) -> frozenset[str] | None:
        """The provinces this account may see and (a steward) change: None for every province
        (an admin, or the explicit grant ``*``); empty for an account without a grant or disabled.

        >>> sorted(Account("a", Role.ANALYST, ("52",)).scope)
        ['52']
        >>> Account("a", Role.ANALYST).scope
        frozenset()
        >>> Account("v", Role.VIEWER, (ALL_PROVINCES,)).scope is None
        True
        """
        if not self.active:
            return frozenset()
        if self.role == Role.ADMIN or ALL_PROVINCES in self.provinces:
            return None
        return frozenset(self.provinces)

    def may(self, action: Action | str, provinces: Iterable[str] = ()) -> bool:
        """True when this account may do ``action`` on data of ``provinces``.

        Grants bind every role below admin and deny by default: no grant, nothing.

        >>> Account("s", Role.STEWARD, ("36",)).may(Action.IMPORT, ["36"])
        True
        >>> Account("s", Role.STEWARD, ("36",)).may(Action.IMPORT, ["35", "36"])
        False
        >>> Account("v", Role.VIEWER).may(Action.EXPORT, ["35"])
        False
        >>> Account("v", Role.VIEWER, ("*",)).may(Action.EXPORT, ["35"])
        True
        """
        action = Action(action)
        if not self.active:
            return False
        if self.role == Role.ADMIN:
            return True
        if action in ADMIN_ONLY or not self.provinces:
            return False
        if action in WRITES and self.role != Role.STEWARD:
            return False
        scope = self.scope
        return scope is None or {str(p)[:2] for p in provinces} <= scope

    def sees(self, province: str) -> bool:
        """True when the account may see data of ``province`` (no grant: none)."""
        scope = self.scope
        return scope is None or str(province)[:2] in scope

    @property
    def exact_counts(self) -> bool:
        """Viewers see small counts hidden everywhere; the other roles see the working view."""
        return self.role != Role.VIEWER


class AccountBook(Protocol):
    """What every backend of the accounts, grants and audit log offers."""

    def add_user(
        self, name: str, role: Role | str, *, password_hash: str | None, provinces: Sequence[str] = ()
    ) -> Account: ...
    def account(self, name: str) -> Account | None: ...
    def accounts(self) -> list[Account]: ...
    def password_hash(self, name: str) -> str | None: ...
    def set_password_hash(self, name: str, password_hash: str | None) -> None: ...
    def set_role(self, name: str, role: Role | str) -> None: ...
    def set_grants(self, name: str, provinces: Sequence[str]) -> None: ...
    def set_active(self, name: str, active: bool) -> None: ...
    def append(self, entry: dict) -> int: ...
    def entries(self) -> list[dict]: ...
    def signin_blocks(self, subjects: Sequence[str], at: float) -> dict[str, float]: ...
    def signin_failed(
        self, subject: str, at: float, forget_before: float, block: Callable[[int], float]
    ) -> tuple[int, float]: ...
    def signin_clear(self, subject: str) -> None: ...
    def owner(self) -> tuple[bool, str]: ...
    def issue_token(
        self, name: str, *, days: float | None = None, note: str | None = None
    ) -> tuple[str, str]: ...
    def token_account(self, token: str) -> Account | None: ...
    def revoke_tokens(self, *, ident: str | None = None, name: str | None = None) -> int: ...
    def tokens(self, name: str | None = None) -> list[dict]: ...


_SQLITE_SCHEMA = """
CREATE TABLE IF NOT EXISTS atlas_users (
  name TEXT PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'steward', 'admin')),
  password TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS atlas_grants (
  name TEXT NOT NULL REFERENCES atlas_users (name) ON DELETE CASCADE,
  province TEXT NOT NULL CHECK (length(province) = 2),
  PRIMARY KEY (name, province)
);
CREATE TABLE IF NOT EXISTS atlas_audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  "user" TEXT NOT NULL,
  role TEXT,
  action TEXT NOT NULL,
  outcome TEXT NOT NULL,
  provinces TEXT NOT NULL DEFAULT '',
  file TEXT,
  sha256 TEXT,
  detail TEXT
);
CREATE TRIGGER IF NOT EXISTS atlas_audit_no_update BEFORE UPDATE ON atlas_audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS atlas_audit_no_delete BEFORE DELETE ON atlas_audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""

#: Failed sign-ins, per ``account:NAME`` and ``client:ADDRESS``. In SQLite made at the first
#: failure, so a book of an earlier release is read without being changed.
_SQLITE_SIGNIN = """CREATE TABLE IF NOT EXISTS atlas_signin (
  subject TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_at REAL NOT NULL,
  blocked_until REAL NOT NULL
)"""

#: API tokens (``issue_token``): only the SHA-256 of each token is kept, never the token. In
#: SQLite made at the first token issued, so a book of an earlier release is read unchanged.
_TOKEN_TABLE = """CREATE TABLE IF NOT EXISTS atlas_tokens (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL REFERENCES atlas_users (name) ON DELETE CASCADE,
  hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  expires_at TEXT,
  revoked_at TEXT,
  note TEXT
)"""

_POSTGRES_SCHEMA = """
CREATE TABLE IF NOT EXISTS atlas_users (
  name TEXT PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'steward', 'admin')),
  password TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS atlas_grants (
  name TEXT NOT NULL REFERENCES atlas_users (name) ON DELETE CASCADE,
  province TEXT NOT NULL CHECK (length(province) = 2),
  PRIMARY KEY (name, province)
);
CREATE TABLE IF NOT EXISTS atlas_audit (
  id BIGSERIAL PRIMARY KEY,
  at TEXT NOT NULL,
  "user" TEXT NOT NULL,
  role TEXT,
  action TEXT NOT NULL,
  outcome TEXT NOT NULL,
  provinces TEXT NOT NULL DEFAULT '',
  file TEXT,
  sha256 TEXT,
  detail TEXT
);
CREATE TABLE IF NOT EXISTS atlas_signin (
  subject TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_at DOUBLE PRECISION NOT NULL,
  blocked_until DOUBLE PRECISION NOT NULL
);
CREATE TABLE IF NOT EXISTS atlas_tokens (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL REFERENCES atlas_users (name) ON DELETE CASCADE,
  hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  expires_at TEXT,
  revoked_at TEXT,
  note TEXT
);
CREATE OR REPLACE FUNCTION atlas_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
DROP TRIGGER IF EXISTS atlas_audit_no_change ON atlas_audit;
CREATE TRIGGER atlas_audit_no_change BEFORE UPDATE OR DELETE ON atlas_audit
  FOR EACH ROW EXECUTE FUNCTION atlas_audit_append_only();
DROP TRIGGER IF EXISTS atlas_audit_no_truncate ON atlas_audit;
CREATE TRIGGER atlas_audit_no_truncate BEFORE TRUNCATE ON atlas_audit
  FOR EACH STATEMENT EXECUTE FUNCTION atlas_audit_append_only();
"""

#: True when the PostgreSQL book is complete (its newest table and the log's last trigger exist):
#: then a role without CREATE (the app's, see ``APP_ROLE_SQL``) uses it without running DDL.
_POSTGRES_READY = (
    "SELECT to_regclass('atlas_signin') IS NOT NULL AND to_regclass('atlas_tokens') IS NOT NULL AND EXISTS (SELECT 1 FROM pg_trigger"
    " WHERE tgname = 'atlas_audit_no_truncate' AND tgrelid = to_regclass('atlas_audit'))"
)

#: What the app's own database role may do on the book: no UPDATE, DELETE or TRUNCATE of the
#: audit log (the trigger refuses them to every role anyway), no DDL. ``{role}`` is quoted.
APP_ROLE_SQL = """
GRANT SELECT, INSERT, UPDATE ON atlas_users TO {role};
GRANT SELECT, INSERT, DELETE ON atlas_grants TO {role};
GRANT SELECT, INSERT, UPDATE, DELETE ON atlas_signin TO {role};
REVOKE ALL ON atlas_audit FROM {role};
GRANT SELECT, INSERT ON atlas_audit TO {role};
GRANT USAGE, SELECT ON SEQUENCE atlas_audit_id_seq TO {role};
GRANT SELECT, INSERT, UPDATE ON atlas_tokens TO {role};
"""

_AUDIT_SELECT = (
    'SELECT id, at, "user", role, action, outcome, provinces, file, sha256, detail FROM atlas_audit'
)


class _SqlBook:
    """The book on an SQL database; subclasses open a connection (``_db``) and write ``?`` as theirs."""

    placeholder = "?"

    @contextmanager
    def _db(self) -> Iterator:
        raise NotImplementedError

    def _sql(self, text: str) -> str:
        return text.replace("?", self.placeholder)

    def _one(self, con, sql: str, params: tuple = ()):
        return con.execute(self._sql(sql), params).fetchone()

    def _all(self, con, sql: str, params: tuple = ()) -> list:
        return con.execute(self._sql(sql), params).fetchall()

    def _run(self, con, sql: str, params: tuple = ()) -> None:
        con.execute(self._sql(sql), params)

    def _signin_table(self, con, *, create: bool) -> bool:
        """Whether the table of failed sign-ins exists (made when ``create``)."""
        return True

    def _require(self, con, name: str) -> None:
        if self._one(con, "SELECT 1 FROM atlas_users WHERE name = ?", (name,)) is None:
            raise AccountError(f"no user named {name!r}; add it with: python -m loaders.accounts add-user")

    def _set_grants(self, con, name: str, codes: list[str]) -> None:
        self._run(con, "DELETE FROM atlas_grants WHERE name = ?", (name,))
        for code in codes:
            stored = _ALL_STORED if code == ALL_PROVINCES else code
            self._run(con, "INSERT INTO atlas_grants (name, province) VALUES (?, ?)", (name, stored))

    def add_user(
        self, name: str, role: Role | str, *, password_hash: str | None, provinces: Sequence[str] = ()
    ) -> Account:
        name = _user_name(name)
        role = _role(role)
        codes = _grants(provinces)
        with self._db() as con:
            if self._one(con, "SELECT 1 FROM atlas_users WHERE name = ?", (name,)):
                raise AccountError(
                    f"user {name!r} exists already; change it with set-role, grant or password"
                )
            self._run(
                con,
                "INSERT INTO atlas_users (name, role, password, active, created_at) VALUES (?, ?, ?, 1, ?)",
                (name, role.value, password_hash, _now()),
            )
            self._set_grants(con, name, codes)
        return Account(name, role, tuple(codes), True, password_hash is not None)

    def account(self, name: str) -> Account | None:
        with self._db() as con:
            row = self._one(
                con, "SELECT name, role, active, password FROM atlas_users WHERE name = ?", (name,)
            )
            if row is None:
                return None
            codes = _grants(
                r[0]
                for r in self._all(
                    con, "SELECT province FROM atlas_grants WHERE name = ? ORDER BY 1", (name,)
                )
            )
        return Account(row[0], Role(row[1]), tuple(codes), bool(row[2]), row[3] is not None)

    def accounts(self) -> list[Account]:
        with self._db() as con:
            rows = self._all(con, "SELECT name, role, active, password FROM atlas_users ORDER BY name")
            grants: dict[str, list[str]] = {}
            for name, code in self._all(con, "SELECT name, province FROM atlas_grants ORDER BY 1, 2"):
                grants.setdefault(name, []).append(code)
        return [
            Account(n, Role(r), tuple(_grants(grants.get(n, []))), bool(a), p is not None)
            for n, r, a, p in rows
        ]

    def password_hash(self, name: str) -> str | None:
        with self._db() as con:
            row = self._one(con, "SELECT password FROM atlas_users WHERE name = ? AND active = 1", (name,))
        return row[0] if row else None

    def set_password_hash(self, name: str, password_hash: str | None) -> None:
        with self._db() as con:
            self._require(con, name)
            self._run(con, "UPDATE atlas_users SET password = ? WHERE name = ?", (password_hash, name))

    def set_role(self, name: str, role: Role | str) -> None:
        role = _role(role)
        with self._db() as con:
            self._require(con, name)
            self._run(con, "UPDATE atlas_users SET role = ? WHERE name = ?", (role.value, name))

    def set_grants(self, name: str, provinces: Sequence[str]) -> None:
        codes = _grants(provinces)
        with self._db() as con:
            self._require(con, name)
            self._set_grants(con, name, codes)

    def set_active(self, name: str, active: bool) -> None:
        with self._db() as con:
            self._require(con, name)
            self._run(con, "UPDATE atlas_users SET active = ? WHERE name = ?", (int(active), name))

    def append(self, entry: dict) -> int:
        row = _audit_row(entry)
        with self._db() as con:
            found = self._one(
                con,
                'INSERT INTO atlas_audit (at, "user", role, action, outcome, provinces, file, sha256, detail)'
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                tuple(row[c] for c in AUDIT_COLUMNS[1:]),
            )
            return int(found[0])

    def entries(self) -> list[dict]:
        with self._db() as con:
            rows = self._all(con, _AUDIT_SELECT + " ORDER BY id")
        return [dict(zip(AUDIT_COLUMNS, row, strict=True)) for row in rows]

    # ------------------------------------------------------------ failed sign-ins
    def signin_blocks(self, subjects: Sequence[str], at: float) -> dict[str, float]:
        """``{subject: blocked until}`` for the subjects (``account:NAME``, ``client:ADDR``) blocked at ``at``."""
        if not subjects:
            return {}
        marks = ", ".join("?" for _ in subjects)
        with self._db() as con:
            if not self._signin_table(con, create=False):
                return {}
            rows = self._all(
                con,
                f"SELECT subject, blocked_until FROM atlas_signin WHERE subject IN ({marks}) AND blocked_until > ?",
                (*subjects, at),
            )
        return {subject: float(until) for subject, until in rows}

    def signin_failed(
        self, subject: str, at: float, forget_before: float, block: Callable[[int], float]
    ) -> tuple[int, float]:
        """Count one failure of ``subject`` (failures before ``forget_before`` forgotten) and block
        it until ``at + block(failures)``; returns ``(failures, blocked until)``. One transaction,
        the count raised in the database, so parallel attempts each count."""
        with self._db() as con:
            self._signin_table(con, create=True)
            self._run(
                con, "DELETE FROM atlas_signin WHERE last_at <= ? AND blocked_until <= ?", (forget_before, at)
            )
            (failures,) = self._one(
                con,
                "INSERT INTO atlas_signin (subject, failures, last_at, blocked_until) VALUES (?, 1, ?, 0)"
                " ON CONFLICT (subject) DO UPDATE SET failures = CASE WHEN atlas_signin.last_at <= ?"
                " THEN 1 ELSE atlas_signin.failures + 1 END, last_at = excluded.last_at RETURNING failures",
                (subject, at, forget_before),
            )
            until = at + block(int(failures))
            self._run(con, "UPDATE atlas_signin SET blocked_until = ? WHERE subject = ?", (until, subject))
        return int(failures), until

    def signin_clear(self, subject: str) -> None:
        """Forget the failures of ``subject`` (a successful sign-in, or an admin's ``unlock``)."""
        with self._db() as con:
            if self._signin_table(con, create=False):
                self._run(con, "DELETE FROM atlas_signin WHERE subject = ?", (subject,))

    # ------------------------------------------------------------ API tokens
    def _token_table(self, con, *, create: bool) -> bool:
        """Whether the table of API tokens exists (made when ``create``)."""
        return True

    def issue_token(
        self, name: str, *, days: float | None = None, note: str | None = None
    ) -> tuple[str, str]:
        """A new API token of the active user ``name``: ``(token, id)``. The token is returned
        once and never stored (only its SHA-256); ``days`` limits its life."""
        ident = secrets.token_hex(4)
        token = f"{TOKEN_PREFIX}{ident}_{secrets.token_urlsafe(32)}"
        expires = _iso(time.time() + days * 86400) if days else None
        with self._db() as con:
            self._require(con, name)
            row = self._one(con, "SELECT active FROM atlas_users WHERE name = ?", (name,))
            if not row[0]:
                raise AccountError(f"user {name!r} is disabled; a disabled user gets no token")
            self._token_table(con, create=True)
            self._run(
                con,
                "INSERT INTO atlas_tokens (id, name, hash, created_at, expires_at, note) VALUES (?, ?, ?, ?, ?, ?)",
                (ident, name, token_hash(token), _now(), expires, (note or None) and str(note)[:200]),
            )
        return token, ident

    def token_account(self, token: str) -> Account | None:
        """The active account whose unrevoked, unexpired token is ``token``; else None."""
        if not isinstance(token, str) or not token.startswith(TOKEN_PREFIX) or len(token) > 200:
            return None
        with self._db() as con:
            if not self._token_table(con, create=False):
                return None
            row = self._one(
                con,
                "SELECT name, expires_at FROM atlas_tokens WHERE hash = ? AND revoked_at IS NULL",
                (token_hash(token),),
            )
        if row is None or (row[1] and str(row[1]) <= _now()):
            return None
        account = self.account(row[0])
        return account if account is not None and account.active else None

    def revoke_tokens(self, *, ident: str | None = None, name: str | None = None) -> int:
        """Revoke the token ``ident``, or every token of user ``name``; returns how many."""
        if (ident is None) == (name is None):
            raise AccountError("name a token by its id, or a user whose tokens to revoke")
        with self._db() as con:
            if not self._token_table(con, create=False):
                return 0
            column, value = ("id", ident) if ident is not None else ("name", name)
            found = self._all(
                con, f"SELECT id FROM atlas_tokens WHERE {column} = ? AND revoked_at IS NULL", (value,)
            )
            self._run(
                con,
                f"UPDATE atlas_tokens SET revoked_at = ? WHERE {column} = ? AND revoked_at IS NULL",
                (_now(), value),
            )
        return len(found)

    def tokens(self, name: str | None = None) -> list[dict]:
        """Every token (of ``name``): id, user, dates and note, never the token or its hash."""
        with self._db() as con:
            if not self._token_table(con, create=False):
                return []
            sql = "SELECT id, name, created_at, expires_at, revoked_at, note FROM atlas_tokens"
            rows = self._all(
                con,
                sql + (" WHERE name = ?" if name else "") + " ORDER BY created_at, id",
                (name,) if name else (),
            )
        keys = ("id", "name", "created_at", "expires_at", "revoked_at", "note")
        return [dict(zip(keys, row, strict=True)) for row in rows]


class SqliteBook(_SqlBook):
    """The embedded book: one SQLite file beside the store, each change in a transaction."""

    def __init__(self, path: Path | str):
        self.path = Path(path)

    def _signin_table(self, con, *, create: bool) -> bool:
        if create:
            con.execute(_SQLITE_SIGNIN)
            return True
        found = con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'atlas_signin'")
        return found.fetchone() is not None

    def _token_table(self, con, *, create: bool) -> bool:
        if create:
            con.execute(_TOKEN_TABLE)
            return True
        found = con.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'atlas_tokens'")
        return found.fetchone() is not None

    def owner(self) -> tuple[bool, str]:
        """Whether this process runs as the operating-system user owning the book (the file, or
        before it exists the nearest folder above it) or as root, and who that is."""
        import pwd

        found = self.path
        while not found.exists() and found != found.parent:
            found = found.parent
        uid = found.stat().st_uid
        try:
            name = pwd.getpwuid(uid).pw_name
        except KeyError:
            name = str(uid)
        return os.geteuid() in (0, uid), f"{name} ({found})"

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(self.path, timeout=30)
        try:
            con.execute("PRAGMA foreign_keys = ON")
            con.executescript(_SQLITE_SCHEMA)
            with con:  # one transaction: committed, or rolled back on error
                yield con
        finally:
            con.close()


_PG_READY: set[str] = set()


class PostgresBook(_SqlBook):
    """The book in the PostgreSQL database of ``ATLAS_DATABASE_URL`` (tables ``atlas_users``,
    ``atlas_grants``, ``atlas_audit``; a trigger refuses UPDATE, DELETE and TRUNCATE of the log)."""

    placeholder = "%s"

    def __init__(self, url: str):
        self.url = url

    @contextmanager
    def _db(self) -> Iterator:
        import psycopg

        with psycopg.connect(self.url) as con:  # one transaction, committed on leaving the block
            if self.url not in _PG_READY:
                if not con.execute(_POSTGRES_READY).fetchone()[0]:  # the owner's first use
                    con.execute("SELECT pg_advisory_xact_lock(4242001)")  # one schema creation at a time
                    con.execute(_POSTGRES_SCHEMA)
                con.commit()
                _PG_READY.add(self.url)
            yield con

    def owner(self) -> tuple[bool, str]:
        """Whether the connected database role owns the book's tables (or is a superuser), and
        which role owns them."""
        with self._db() as con:
            owner, mine = con.execute(
                "SELECT tableowner, pg_has_role(current_user, tableowner, 'MEMBER') FROM pg_tables"
                " WHERE tablename = 'atlas_users' AND schemaname = ANY (current_schemas(false))"
                " ORDER BY array_position(current_schemas(false), schemaname) LIMIT 1"
            ).fetchone()
        return bool(mine), f"database role {owner}"

    def grant_app_role(self, role: str) -> None:
        """Give the app's database role ``role`` what it needs on the book and no more (``APP_ROLE_SQL``)."""
        from psycopg import sql

        with self._db() as con:
            for statement in APP_ROLE_SQL.strip().splitlines():
                con.execute(sql.SQL(statement.rstrip(";")).format(role=sql.Identifier(role)))


def _user_name(name: str) -> str:
    text = str(name).strip()
    if not text or len(text) > 200 or any(ch.isspace() for ch in text):
        raise AccountError(
            f"a user name is one word without spaces (e.g. siti or siti@bp3mi.go.id), got {name!r}"
        )
    return text


def _role(role: Role | str) -> Role:
    try:
        return Role(str(role))
    except ValueError:
        raise AccountError(
            f"unknown role {role!r}; choose one of: {', '.join(r.value for r in Role)}"
        ) from None


#: Runs of ten or more digits in a file name (a NIK, a passport or phone number) are masked.
_LONG_DIGITS = re.compile(r"\d{10,}")


def _safe_file(name: object) -> str | None:
    """The file's base name for the log, with long digit runs masked (never a personal number)."""
    if name is None or str(name) == "":
        return None
    text = str(name)
    base = text if "://" in text else text.replace("\\", "/").rsplit("/", 1)[-1]  # a URL stays whole
    return _LONG_DIGITS.sub(lambda m: "#" * len(m.group()), base)[:200]


def _audit_row(entry: dict) -> dict:
    provinces = entry.get("provinces") or ()
    if isinstance(provinces, str):
        provinces = [provinces]
    detail = entry.get("detail")
    return {
        "at": entry.get("at") or _now(),
        "user": str(entry.get("user") or "-"),
        "role": entry.get("role"),
        "action": Action(entry["action"]).value,
        "outcome": str(entry.get("outcome") or "ok"),
        "provinces": " ".join(sorted({str(p)[:2] for p in provinces})),
        "file": _safe_file(entry.get("file")),
        "sha256": entry.get("sha256"),
        "detail": json.dumps(detail, ensure_ascii=False, sort_keys=True) if detail else None,
    }


# --------------------------------------------------------------------------- the current book
def book() -> AccountBook:
    """The book of this deployment: the database of ``ATLAS_DATABASE_URL`` when set, else
    ``accounts.sqlite`` in ``ATLAS_DATA_DIR``."""
    url = (os.environ.get("ATLAS_DATABASE_URL") or "").strip()
    if url:
        return PostgresBook(url)
    return SqliteBook(Path(settings().data_dir) / BOOK_FILE)


def mode() -> str:
    """``ATLAS_AUTH``: ``off`` (default), ``local`` or ``oidc``."""
    value = settings().auth
    if value not in AUTH_MODES:
        raise ValueError(
            f"environment variable ATLAS_AUTH must be one of {', '.join(AUTH_MODES)}, got {value!r}"
        )
    return value


def enabled() -> bool:
    """True when sign-in is on (then every write is checked and every action recorded)."""
    return mode() != "off"


# --------------------------------------------------------------------------- who acts
_actor: contextvars.ContextVar[Account | None] = contextvars.ContextVar("atlas_actor", default=None)
_resolver: Callable[[], Account | None] | None = None


def set_resolver(resolver: Callable[[], Account | None] | None) -> None:
    """Register how to find the signed-in user when none is set here (the app's session)."""
    global _resolver
    _resolver = resolver


def current() -> Account | None:
    """The account acting now: set by ``acting_as``, else the app's signed-in session."""
    actor = _actor.get()
    if actor is None and _resolver is not None:
        actor = _resolver()
    return actor


@contextmanager
def acting_as(account: Account | None) -> Iterator[Account | None]:
    """Run the block as ``account`` (the CLI after sign-in, tests)."""
    token = _actor.set(account)
    try:
        yield account
    finally:
        _actor.reset(token)


# --------------------------------------------------------------------------- passwords
def _hasher():
    from argon2 import PasswordHasher

    return PasswordHasher()


def hash_password(password: str) -> str:
    """An argon2id hash of ``password`` (refuses one shorter than 8 characters)."""
    if len(password) < 8:
        raise AccountError("a password has at least 8 characters")
    return _hasher().hash(password)


#: Verified against when the user is unknown, so a wrong name takes as long as a wrong password.
_DUMMY_HASH: list[str] = []


def _block_for(failures: int, lock_after: int) -> float:
    """Seconds a subject with ``failures`` failed sign-ins waits: nothing after the first (a typo),
    then ``ATLAS_SIGNIN_DELAY_SECONDS`` doubled at each failure, and the whole lock
    (``ATLAS_SIGNIN_LOCK_SECONDS``) from ``lock_after`` failures on.

    >>> [_block_for(n, 5) for n in range(1, 6)] == [0, 1, 2, 4, settings().signin_lock_seconds]
    True
    """
    conf = settings()
    if failures >= lock_after:
        return conf.signin_lock_seconds
    if failures < 2:
        return 0
    return min(conf.signin_delay_seconds * 2 ** (failures - 2), conf.signin_lock_seconds)


def authenticate(
    name: str, password: str, *, books: AccountBook | None = None, client: str | None = None
) -> Account | None:
    """The account when ``name`` and ``password`` match an active local user, else ``None``.

    Raises ``SignInLocked`` without checking the password while the account, or ``client`` (the
    remote address, or a session when none is known), waits after earlier failures or is locked.
    Records the sign-in, the failed attempt (with the name tried), a lock and a refused attempt in
    the audit log.
    """
    from argon2.exceptions import InvalidHashError, VerificationError

    held = books or book()
    conf = settings()
    name = str(name).strip()
    tried = name[:200] or "-"
    subjects = {"account": f"account:{tried}"}
    if client:
        subjects["client"] = f"client:{str(client)[:200]}"
    detail = {"client": str(client)[:200]} if client else {}
    at = time.time()
    blocks = held.signin_blocks(list(subjects.values()), at)
    if blocks:
        until = max(blocks.values())
        scopes = sorted(scope for scope, subject in subjects.items() if subject in blocks)
        held.append(
            {
                "user": tried,
                "action": Action.SIGN_IN_FAILED,
                "outcome": "locked",
                "detail": {**detail, "blocked": scopes, "until": _iso(until)},
            }
        )
        raise SignInLocked(until - at)
    stored = held.password_hash(name)
    hasher = _hasher()
    if not _DUMMY_HASH:
        _DUMMY_HASH.append(hasher.hash("not a password of anybody"))
    ok = False
    try:
        ok = hasher.verify(stored or _DUMMY_HASH[0], password) and stored is not None
    except (VerificationError, InvalidHashError):
        ok = False
    account = held.account(name) if ok else None
    if account is None or not account.active:
        limits = {"account": conf.signin_lock_after, "client": conf.signin_client_lock_after}
        counts = {}
        locks = []
        for scope, subject in subjects.items():
            failures, until = held.signin_failed(
                subject, at, at - conf.signin_lock_seconds, lambda n, s=scope: _block_for(n, limits[s])
            )
            counts[scope] = failures
            if failures >= limits[scope]:
                locks.append({**detail, "scope": scope, "failures": failures, "until": _iso(until)})
        held.append(
            {
                "user": tried,
                "action": Action.SIGN_IN_FAILED,
                "outcome": "denied",
                "detail": {**detail, "failures": counts["account"]},
            }
        )
        for lock in locks:
            held.append({"user": tried, "action": Action.SIGN_IN_LOCKED, "outcome": "locked", "detail": lock})
        return None
    held.signin_clear(subjects["account"])  # a client's count stays: its own account must not reset it
    if hasher.check_needs_rehash(stored):
        held.set_password_hash(account.name, hasher.hash(password))
    held.append(
        {
            "user": account.name,
            "role": account.role,
            "action": Action.SIGN_IN,
            "provinces": account.provinces,
            **({"detail": detail} if detail else {}),
        }
    )
    return account


# --------------------------------------------------------------------------- checks and the log
def authorize(
    action: Action | str, provinces: Iterable[str] = (), *, file: str | None = None
) -> Account | None:
    """Raise ``AccessDenied`` (and record the refusal) unless the current user may do ``action``
    on data of ``provinces`` (for a write: every province it would change).

    Does nothing while sign-in is off. Returns the acting account.
    """
    if not enabled():
        return None
    action = Action(action)
    wanted = sorted({str(p)[:2] for p in provinces})
    actor = current()
    if actor is None:
        raise AccessDenied("auth.denied.signed_out")
    if actor.may(action, wanted):
        return actor
    below_admin = actor.active and actor.role != Role.ADMIN and action not in ADMIN_ONLY
    scope = actor.scope or frozenset()
    outside = ", ".join(p for p in wanted if p not in scope) or "-"
    if below_admin and not actor.provinces and (action not in WRITES or actor.role == Role.STEWARD):
        refuse(action, wanted, file=file, key="auth.denied.no_grant", name=actor.name)
    if below_admin and action in WRITES and actor.role == Role.STEWARD:
        granted = ", ".join(actor.provinces)
        refuse(action, wanted, file=file, key="auth.denied.province", provinces=outside, granted=granted)
    if below_admin and action not in WRITES:
        granted = ", ".join(actor.provinces)
        refuse(action, wanted, file=file, key="auth.denied.read_province", provinces=outside, granted=granted)
    refuse(action, wanted, file=file, key="auth.denied.role", role=actor.role.value, action=action.value)


def refuse(
    action: Action | str,
    provinces: Iterable[str] = (),
    /,
    *,
    file: str | None = None,
    key: str = "auth.denied.outside",
    **values: object,
) -> NoReturn:
    """Record a refused ``action`` of the current user (while sign-in is on) and raise
    ``AccessDenied(key, **values)``: for refusals decided outside :meth:`Account.may` (a version
    that also holds rows of a province outside the grant)."""
    if enabled():
        actor = current()
        book().append(
            {
                "user": actor.name if actor else "-",
                "role": actor.role if actor else None,
                "action": Action(action),
                "outcome": "denied",
                "provinces": sorted({str(p)[:2] for p in provinces}),
                "file": file,
            }
        )
    raise AccessDenied(key, **values)


def write_scope() -> frozenset[str] | None:
    """The provinces the current user's writes may change: None for every province (sign-in off,
    an admin, the grant ``*``), an empty set when nobody is signed in. ``authorize`` still decides
    whether the role may write at all."""
    if not enabled():
        return None
    actor = current()
    return frozenset() if actor is None else actor.scope


def scoped(store):
    """``store`` as the current user may see and change it: the store itself while sign-in is
    off and for every province (admin, grant ``*``), else ``store.within(grants)``; nothing of
    any province when nobody is signed in (deny by default)."""
    scope = write_scope()
    return store if scope is None else store.within(scope)


def record(
    action: Action | str,
    *,
    provinces: Iterable[str] = (),
    file: str | None = None,
    sha256: str | None = None,
    detail: dict | None = None,
    outcome: str = "ok",
) -> None:
    """Append one entry for the current user to the audit log (nothing while sign-in is off).

    ``detail`` holds counts and choices only (never a cell value of a file).
    """
    if not enabled():
        return
    actor = current()
    book().append(
        {
            "user": actor.name if actor else "-",
            "role": actor.role if actor else None,
            "action": action,
            "outcome": outcome,
            "provinces": list(provinces),
            "file": file,
            "sha256": sha256,
            "detail": detail,
        }
    )


@contextmanager
def audited(
    action: Action | str,
    *,
    provinces: Iterable[str] = (),
    file: str | None = None,
    sha256: str | None = None,
    detail: dict | None = None,
) -> Iterator[Account | None]:
    """Check ``action`` before the block (``AccessDenied``) and record it once the block succeeded."""
    provinces = list(provinces)
    actor = authorize(action, provinces, file=file)
    yield actor
    record(action, provinces=provinces, file=file, sha256=sha256, detail=detail)


def audit_frame(books: AccountBook | None = None):
    """The audit log as a DataFrame, newest first."""
    import pandas as pd

    rows = (books or book()).entries()
    return pd.DataFrame(list(reversed(rows)), columns=AUDIT_COLUMNS)


def _cell(value: object) -> object:
    """A CSV cell that a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def audit_csv(books: AccountBook | None = None) -> bytes:
    """The whole audit log as UTF-8 CSV (oldest first), formula-like cells neutralised."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(AUDIT_COLUMNS)
    for row in (books or book()).entries():
        writer.writerow([_cell(row[c]) for c in AUDIT_COLUMNS])
    return out.getvalue().encode("utf-8-sig")


# --------------------------------------------------------------------------- command line
def cli_sign_in(lang: str) -> Account | None:
    """Sign the command line in from ``ATLAS_USER`` and ``ATLAS_PASSWORD`` (or a prompt).

    Raises ``AccessDenied`` when sign-in is on and the user or password is missing or wrong.
    """
    if not enabled():
        return None
    name = (os.environ.get("ATLAS_USER") or "").strip()
    if not name:
        raise AccessDenied("auth.cli.no_user")
    password = os.environ.get("ATLAS_PASSWORD")
    if password is None and sys.stdin is not None and sys.stdin.isatty():
        password = getpass.getpass(i18n.t("auth.cli.password_prompt", lang, name=name))
    account = authenticate(name, password or "", client=f"os:{_os_user()}")
    if account is None:
        raise AccessDenied("auth.wrong_password")
    return account


def _os_user() -> str:
    """The operating-system user this process runs as (its uid's name, never ``$USER``, which
    anyone can set)."""
    import pwd

    try:
        return pwd.getpwuid(os.geteuid()).pw_name
    except KeyError:  # a uid without a name (containers)
        return str(os.geteuid())


def run_cli(main_function: Callable[[Sequence[str] | None], int], argv: Sequence[str] | None = None) -> int:
    """Run a command-line ``main`` as the user named by ``ATLAS_USER`` (when sign-in is on).

    A wrong password or a missing grant prints the reason and exits 3; nothing is written.
    """
    lang = settings().language if settings().language in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE
    try:
        account = cli_sign_in(lang)
        with acting_as(account):
            return main_function(argv)
    except AccessDenied as err:
        print(err.message(lang), file=sys.stderr)
        return 3


def _read_password(prompt: str) -> str:
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass(prompt)
        if getpass.getpass("(again) " + prompt) != first:
            raise AccountError("the two passwords differ")
        return first
    return sys.stdin.readline().rstrip("\r\n")


OPERATOR_HELP = """\
Who may run these commands (every one of them, the listing and the log included):

* an administrator signed in: ATLAS_USER and ATLAS_PASSWORD (or a prompt) of an account with the
  admin role, while sign-in is on (ATLAS_AUTH=local or oidc, or ATLAS_DATABASE_URL set); the
  sign-in counts towards the lock of failed attempts like the app's;
* without ATLAS_USER, the owner of the book: the operating-system user owning
  $ATLAS_DATA_DIR/accounts.sqlite (before it exists, the nearest folder above it) -- the user the
  app server runs as (sudo -u USER) -- or root, as for `python -m loaders.store backup`. With
  ATLAS_DATABASE_URL, the database role owning the tables atlas_users etc. (the role that created
  them or ran `python -m loaders.store migrate`), not the app's restricted role (`app-role`).
  The owner adds the first admin.

Anyone else is refused with exit 3 and the attempt is recorded in the audit log (as far as the
refused user can write to the book). Every change is recorded with who made it: the admin's
name, or cli:OSUSER for the owner.
"""

#: The audit action of each command (recorded when it is done, or refused).
_COMMAND_ACTIONS = {
    "add-user": Action.USER_ADD,
    "grant": Action.GRANT,
    "set-role": Action.USER_CHANGE,
    "password": Action.USER_CHANGE,
    "disable": Action.USER_CHANGE,
    "unlock": Action.USER_CHANGE,
    "list": Action.USER_LIST,
    "audit": Action.AUDIT_EXPORT,
    "token": Action.TOKEN,
}


def _operator(held: AccountBook, command: str, lang: str) -> tuple[str, Role | None]:
    """Who runs ``command`` (the audit log's user and role); ``AccessDenied`` (recorded) for anyone
    but a signed-in admin or the owner of the book (``OPERATOR_HELP``)."""
    action = _COMMAND_ACTIONS[command]
    attempt = {"action": action, "outcome": "denied", "detail": {"command": command, "via": "cli"}}
    account = current()  # signed in already (``atlas`` commands that sign in first)
    if account is None and enabled() and (os.environ.get("ATLAS_USER") or "").strip():
        account = cli_sign_in(lang)  # AccessDenied: wrong password, or locked
    if account is not None:
        if account.role != Role.ADMIN:
            held.append({**attempt, "user": account.name, "role": account.role})
            raise AccessDenied("auth.denied.role", role=account.role.value, action=action.value)
        return account.name, account.role
    mine, owner = held.owner()
    if mine:
        return f"cli:{_os_user()}", None
    try:
        held.append({**attempt, "user": f"cli:{_os_user()}"})
    except Exception:  # noqa: BLE001  (a user who may not write the book is refused all the same)
        pass
    raise AccessDenied("auth.cli.not_owner", user=_os_user(), owner=owner)


def _grant_words(account: Account) -> str:
    if account.role == Role.ADMIN or ALL_PROVINCES in account.provinces:
        return "all"
    return " ".join(account.provinces) or "none (sees nothing until granted)"


def _token_command(held: AccountBook, args: argparse.Namespace, log: Callable[..., None]) -> None:
    """``token issue|revoke|list``: the token is printed once, on its own line, and never logged."""
    if args.token_command == "issue":
        token, ident = held.issue_token(args.name, days=args.days, note=args.note)
        account = held.account(args.name)
        log(Action.TOKEN, account.provinces, name=args.name, token=ident, issued=True, days=args.days)
        print(
            f"token {ident} for {args.name} ({account.role}, provinces: {_grant_words(account)}); "
            "shown once, keep it secret:",
            file=sys.stderr,
        )
        print(token)
    elif args.token_command == "revoke":
        if (args.id is None) == (args.user is None):
            raise AccountError("name the token's id, or --user NAME for every token of a user")
        count = held.revoke_tokens(ident=args.id, name=args.user)
        if count == 0:
            raise AccountError(f"no active token {args.id or 'of ' + str(args.user)}")
        log(Action.TOKEN, name=args.user, token=args.id, revoked=count)
        print(f"revoked {count} token(s)")
    else:
        rows = held.tokens(args.name)
        log(Action.TOKEN, name=args.name, listed=len(rows))
        if args.json:
            print(json.dumps(rows, ensure_ascii=False))
        for r in [] if args.json else rows:
            state = (
                "revoked " + r["revoked_at"] if r["revoked_at"] else "expires " + (r["expires_at"] or "never")
            )
            print(f"{r['id']:10} {r['name']:30} {r['created_at']:27} {state:36} {r['note'] or ''}")


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m loaders.accounts add-user|grant|set-role|password|disable|unlock|list|audit``."""
    parser = argparse.ArgumentParser(
        prog="python -m loaders.accounts",
        description="Users, grants, audit log.",
        epilog=OPERATOR_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True)
    add = sub.add_parser("add-user", help="add a user (password from standard input or a prompt)")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--province", action="append", default=[], help="granted province code (repeatable)")
    add.add_argument(
        "--all-provinces", action="store_true", help="grant every province (without a grant: none)"
    )
    add.add_argument(
        "--oidc", action="store_true", help="signs in through the identity provider: no password"
    )
    grant = sub.add_parser(
        "grant",
        help="set the provinces granted to a user, replacing the grants (no province: the user sees "
        "nothing; --all-provinces: every province)",
    )
    grant.add_argument("name")
    grant.add_argument("--province", action="append", default=[], help="granted province code (repeatable)")
    grant.add_argument("--all-provinces", action="store_true", help="grant every province explicitly")
    role = sub.add_parser("set-role", help="change a user's role")
    role.add_argument("name")
    role.add_argument("role", choices=[r.value for r in Role])
    pw = sub.add_parser("password", help="set a user's password (from standard input or a prompt)")
    pw.add_argument("name")
    off = sub.add_parser("disable", help="disable a user (kept in the log)")
    off.add_argument("name")
    unlock = sub.add_parser("unlock", help="lift the lock of a user after failed sign-ins")
    unlock.add_argument("name")
    listing = sub.add_parser("list", help="users, roles and grants")
    listing.add_argument("--json", action="store_true")
    audit = sub.add_parser("audit", help="print the audit log as CSV (or write it to --csv FILE)")
    audit.add_argument("--csv", type=Path, default=None)
    token = sub.add_parser(
        "token",
        help="API tokens of the OGC API (atlas serve-api): issue (printed once, only its hash is kept), "
        "revoke, list",
    )
    token_sub = token.add_subparsers(dest="token_command", required=True)
    issue = token_sub.add_parser("issue", help="issue a token to a user (same role and grants as the user)")
    issue.add_argument("name")
    issue.add_argument("--days", type=float, default=None, help="the token expires after so many days")
    issue.add_argument("--note", default=None, help="what the token is for (e.g. the partner system)")
    revoke = token_sub.add_parser("revoke", help="revoke a token by its id, or every token of --user")
    revoke.add_argument("id", nargs="?", default=None)
    revoke.add_argument("--user", default=None)
    tlist = token_sub.add_parser("list", help="tokens (id, user, dates; never the token)")
    tlist.add_argument("name", nargs="?", default=None)
    tlist.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    lang = settings().language if settings().language in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE
    held = book()
    try:
        by, by_role = _operator(held, args.command, lang)
    except AccessDenied as err:
        print(err.message(lang), file=sys.stderr)
        return 3

    def log(action: Action, provinces: Iterable[str] = (), **detail: object) -> None:
        held.append(
            {
                "user": by,
                "role": by_role,
                "action": action,
                "provinces": list(provinces),
                "detail": {**detail, "via": "cli", "os_user": _os_user()},
            }
        )

    try:
        if args.command == "add-user":
            password = None if args.oidc else hash_password(_read_password(f"password for {args.name}: "))
            granted = [ALL_PROVINCES] if args.all_provinces else args.province
            account = held.add_user(args.name, args.role, password_hash=password, provinces=granted)
            log(
                Action.USER_ADD, account.provinces, name=account.name, role=account.role.value, oidc=args.oidc
            )
            print(f"added {account.name} ({account.role}) provinces: {_grant_words(account)}")
        elif args.command == "grant":
            held.set_grants(args.name, [ALL_PROVINCES] if args.all_provinces else args.province)
            account = held.account(args.name)
            log(Action.GRANT, account.provinces, name=args.name)
            print(f"{args.name}: provinces {_grant_words(account)}")
        elif args.command == "set-role":
            held.set_role(args.name, args.role)
            log(Action.USER_CHANGE, name=args.name, role=args.role)
        elif args.command == "password":
            held.set_password_hash(args.name, hash_password(_read_password(f"password for {args.name}: ")))
            log(Action.USER_CHANGE, name=args.name, password=True)
        elif args.command == "disable":
            held.set_active(args.name, False)
            log(Action.USER_CHANGE, name=args.name, active=False)
        elif args.command == "unlock":
            if held.account(args.name) is None:
                raise AccountError(f"no user named {args.name!r}")
            held.signin_clear(f"account:{args.name}")
            log(Action.USER_CHANGE, name=args.name, unlocked=True)
        elif args.command == "list":
            rows = [
                {"name": a.name, "role": a.role.value, "provinces": list(a.provinces), "active": a.active}
                for a in held.accounts()
            ]
            if args.json:
                print(json.dumps(rows, ensure_ascii=False))
            else:
                for r in rows:
                    print(f"{r['name']:30} {r['role']:8} {' '.join(r['provinces']) or '-':20} {r['active']}")
        elif args.command == "token":
            _token_command(held, args, log)
        elif args.command == "audit":
            data = audit_csv(held)
            log(Action.AUDIT_EXPORT, file=args.csv.name if args.csv else None)
            if args.csv:
                args.csv.write_bytes(data)
            else:
                sys.stdout.write(data.decode("utf-8-sig"))
    except AccountError as err:
        print(str(err), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
