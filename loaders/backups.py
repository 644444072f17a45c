"""Backup, restore and upgrade of the store, with the permission check and the audit log around them.

:func:`backup` and :func:`restore` are ``loaders.store.backup`` / ``restore`` (either backend,
one archive file; see ``loaders.store.format``) behind ``loaders.accounts``: with sign-in on only
an admin may run them (a backup holds every province and the password hashes; a restore replaces
everything), and each is recorded in the audit log. On the command line the server's own
operating-system user (the owner of the store's folder) counts as an admin, as it can read and
write the store anyway; anyone else signs in with ``ATLAS_USER`` / ``ATLAS_PASSWORD``.
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path

from loaders import accounts
from loaders.accounts import AccessDenied, Account, Action, Role
from loaders.store import Store, is_database_url
from loaders.store import backup as store_backup
from loaders.store import restore as store_restore
from loaders.store import upgrade as store_upgrade

__all__ = ["backup", "restore", "upgrade", "make_book", "command_account"]


def _key(store: Store | Path | str) -> str:
    return store.key if isinstance(store, Store) else str(store)


def _detail(done: dict) -> dict:
    """Counts and choices for the audit log (never a value of the data)."""
    keys = (
        "format",
        "backup_format",
        "backend",
        "backup_backend",
        "bytes",
        "log_entries",
        "audit_entries_kept",
    )
    return {
        **{k: done[k] for k in keys if k in done},
        "provinces": len(done.get("provinces", [])),
        "layers": len(done.get("layers", [])),
    }


def backup(store: Store | Path | str, dest: Path | str) -> dict:
    """Write a backup of ``store`` to ``dest`` (a ``.tar.gz`` file or a folder); admins only, recorded."""
    accounts.authorize(Action.BACKUP, file=str(dest))
    made = store_backup(store, dest)
    accounts.record(
        Action.BACKUP,
        provinces=made["provinces"],
        file=made["backup"],
        sha256=made["sha256"],
        detail=_detail(made),
    )
    return made


def make_book(place: Path | str) -> None:
    """An empty accounts book (the accounts module's own schema) at an SQLite path or database URL."""
    book = accounts.PostgresBook(str(place)) if is_database_url(str(place)) else accounts.SqliteBook(place)
    book.accounts()


def restore(src: Path | str, store: Store | Path | str) -> dict:
    """Replace ``store`` with the backup ``src``, all or nothing; admins only, recorded (in the
    restored audit log, which also keeps every entry the replaced store held)."""
    accounts.authorize(Action.RESTORE, file=str(src))
    done = store_restore(src, store, make_book=make_book)
    accounts.record(
        Action.RESTORE,
        provinces=done["provinces"],
        file=done["backup"],
        sha256=done["sha256"],
        detail=_detail(done),
    )
    return done


def upgrade(store: Store | Path | str, *, backup_dir: Path | str | None = None) -> dict:
    """Upgrade ``store`` to this release's format now (backup first); admins only, recorded as a backup."""
    accounts.authorize(Action.BACKUP)
    done = store_upgrade(store, backup_dir=backup_dir)
    if done.get("backup"):
        accounts.record(
            Action.BACKUP, file=done["backup"], detail={"upgrade_from": done["from"], "format": done["to"]}
        )
    return done


def _server_user(store: Store | Path | str) -> bool:
    """True when this process runs as the operating-system user who owns the store (or root).

    A database is the server's when the command holds its URL with the password: that is access
    to every table already.
    """
    key = _key(store)
    if is_database_url(key):
        return True
    path = Path(key).absolute()
    while not path.exists() and path != path.parent:
        path = path.parent
    return os.geteuid() in (0, path.stat().st_uid)


def command_account(store: Store | Path | str, lang: str) -> Account | None:
    """Who runs ``python -m loaders.store backup|restore|upgrade``: nobody to check with sign-in off;
    the user already signed in (``atlas store``) or of ``ATLAS_USER``, else the server's own
    operating-system user.

    Raises ``AccessDenied`` when neither.
    """
    if not accounts.enabled():
        return None
    signed_in = accounts.current()
    if signed_in is not None:  # ``atlas store …`` signs in before it calls the module command
        return signed_in
    if (os.environ.get("ATLAS_USER") or "").strip():
        return accounts.cli_sign_in(lang)
    if _server_user(store):
        return Account(f"cli:{getpass.getuser()}", Role.ADMIN)
    raise AccessDenied("auth.cli.no_user")
