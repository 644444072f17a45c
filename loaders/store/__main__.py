"""``python -m loaders.store``: manage the store from the command line.

python -m loaders.store migrate [--from DIR] [--to URL]
    create the PostGIS schema in the database (``--to``, default ``$ATLAS_DATABASE_URL``)
    and copy an embedded store into it (``--from``, default ``$ATLAS_DATA_DIR``):
    every province's boundaries and display copies, every layer version, the import log.
    Run it again after more imports: provinces and layers are replaced, log entries the
    database already holds are not added twice.
python -m loaders.store info
    where the store is (backend, store format, data version, provinces, layers).
python -m loaders.store backup DEST [--store TARGET]
    one consistent copy of the store (default: $ATLAS_DATABASE_URL, else $ATLAS_DATA_DIR) and its
    accounts in one archive: DEST is a .tar.gz file, or a folder for atlas-backup-<UTC time>.tar.gz.
python -m loaders.store restore SRC [--store TARGET]
    replace the store with the backup SRC, all or nothing (a backup of either backend, of this
    release's format or an earlier one); the embedded store it replaces is kept in its backups/.
python -m loaders.store upgrade [--store TARGET] [--backup-dir DIR]
    upgrade a store written by an earlier release now (the app does it at first open when it
    may write the store), keeping a backup in DIR (default: backups/ of the store folder or of
    $ATLAS_DATA_DIR).
python -m loaders.store app-role ROLE [--to URL]
    run by the database owner: give the existing login role ROLE (``CREATE ROLE atlas_app LOGIN
    PASSWORD '...'``) what the app servers need and no more: read and write the data, append to
    the import log and the audit log but never change or delete them, no DDL. Point the app
    servers' ``ATLAS_DATABASE_URL`` at that role; run it again after an upgrade adds tables.

With sign-in on (ATLAS_AUTH), migrate, backup, restore and upgrade are for an admin (ATLAS_USER and
ATLAS_PASSWORD) or the server's own operating-system user, and are recorded in the audit log.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import i18n
from loaders.settings import settings
from loaders.store import FormatError, Store, StoreError, is_database_url, open_store, store_format


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m loaders.store", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    migrate = commands.add_parser(
        "migrate", help="create the schema and copy an embedded store into the database"
    )
    migrate.add_argument("--from", dest="source", help="embedded store folder (default: $ATLAS_DATA_DIR)")
    migrate.add_argument("--to", dest="target", help="postgresql:// URL (default: $ATLAS_DATABASE_URL)")
    commands.add_parser("info", help="where the store is and what it holds")
    for name, helps in (
        ("backup", "write one consistent backup of the store (a .tar.gz file, or a folder to put one in)"),
        ("restore", "replace the store with a backup, all or nothing"),
        ("upgrade", "upgrade a store written by an earlier release (a backup is kept first)"),
    ):
        sub = commands.add_parser(name, help=helps)
        if name == "backup":
            sub.add_argument("dest", type=Path, help="a .tar.gz file, or a folder")
        elif name == "restore":
            sub.add_argument("src", type=Path, help="the backup (.tar.gz)")
        else:
            sub.add_argument("--backup-dir", type=Path, default=None)
        sub.add_argument(
            "--store", default=None, help="folder or postgresql:// URL (default: the configured store)"
        )
    role = commands.add_parser(
        "app-role", help="give the app's database role what it needs: no UPDATE/DELETE of the logs, no DDL"
    )
    role.add_argument("role", help="an existing login role (CREATE ROLE atlas_app LOGIN PASSWORD '...')")
    role.add_argument(
        "--to", dest="target", help="postgresql:// URL of the owner (default: $ATLAS_DATABASE_URL)"
    )
    args = parser.parse_args(argv)
    conf = settings()
    if args.command in ("backup", "restore", "upgrade"):
        return _keep(args)
    if args.command == "app-role":
        return _app_role(args.role, args.target or conf.database_url)
    if args.command == "info":
        held = open_store()
        try:
            found = store_format(held)
        except StoreError as err:
            print(f"info: {err}", file=sys.stderr)
            return 1
        print(
            json.dumps(
                {
                    "store": held.label,
                    "backend": type(held).__name__,
                    "format": found,
                    "version": held.version(),
                    "provinces": held.provinces(),
                    "layers": held.layers(),
                },
                ensure_ascii=False,
            )
        )
        return 0
    target = args.target or conf.database_url
    if not target or not is_database_url(target):
        print(
            "migrate needs a database: set ATLAS_DATABASE_URL=postgresql://user:password@host:port/db "
            "or pass --to URL",
            file=sys.stderr,
        )
        return 2
    source = Store(args.source or conf.data_dir)
    database = Store(target)
    return _migrate(source, database)


def _migrate(source: Store, database: Store) -> int:
    """Copy ``source`` into ``database``: every province and layer is rewritten, so with sign-in on
    only an admin (or the server's own user) may, and it is recorded; exit 3 when refused."""
    from loaders import accounts, backups

    conf = settings()
    lang = conf.language if conf.language in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE
    try:
        with accounts.acting_as(backups.command_account(database, lang)):
            accounts.authorize(accounts.Action.STORE_COPY, file=source.label)
            database.create_schema()
            print(f"schema ready in {database.label}", file=sys.stderr)
            copied = database.copy_from(source, progress=lambda msg: print(msg, file=sys.stderr))
            accounts.record(
                accounts.Action.STORE_COPY,
                provinces=copied["provinces"],
                file=source.label,
                detail={"to": database.label, "layers": len(copied["layers"])},
            )
    except accounts.AccessDenied as err:
        print(err.message(lang), file=sys.stderr)
        return 3
    except StoreError as err:
        print(f"migrate failed: {err}", file=sys.stderr)
        return 1
    print(json.dumps({"from": source.label, "to": database.label, **copied}, ensure_ascii=False))
    return 0


def _keep(args: argparse.Namespace) -> int:
    """backup / restore / upgrade as the signed-in admin or the server's user; exit 3 when refused."""
    from loaders import backups
    from loaders.accounts import AccessDenied, acting_as

    conf = settings()
    lang = conf.language if conf.language in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE
    target = args.store or conf.database_url or str(conf.data_dir)
    try:
        with acting_as(backups.command_account(target, lang)):
            if args.command == "backup":
                done = backups.backup(target, args.dest)
            elif args.command == "restore":
                done = backups.restore(args.src, target)
            else:
                done = backups.upgrade(target, backup_dir=args.backup_dir)
    except AccessDenied as err:
        print(err.message(lang), file=sys.stderr)
        return 3
    except StoreError as err:
        text = err.message(lang) if isinstance(err, FormatError) else str(err)
        print(f"{args.command}: {text}", file=sys.stderr)
        return 1
    print(json.dumps(done, ensure_ascii=False))
    return 0


def _app_role(role: str, url: str | None) -> int:
    """Create the store's and the accounts' tables as the owner, then grant ``role`` the app's share."""
    import psycopg

    from loaders.accounts import PostgresBook

    if not url or not is_database_url(url):
        print(
            "app-role needs the database: set ATLAS_DATABASE_URL or pass --to URL (as its owner)",
            file=sys.stderr,
        )
        return 2
    database = Store(url)
    book = PostgresBook(url)
    try:
        database.create_schema()
        book.accounts()  # the accounts tables exist before they are granted
        database.grant_app_role(role)
        book.grant_app_role(role)
    except (StoreError, psycopg.Error) as err:
        print(f"app-role failed: {err}", file=sys.stderr)
        return 1
    print(json.dumps({"role": role, "database": database.label, "granted": "app"}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
