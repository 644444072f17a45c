"""The accounts book in backups and restores, table by table, without knowing its schema.

The book (``loaders.accounts``: users, grants, the audit log) is an SQLite file in the embedded
store or ``atlas_*`` tables beside the atlas schema in PostgreSQL. Backups copy it whole (SQLite's
backup API) or as rows (``dump_pg``); restores write rows by column name into a book the accounts
module created, so a column or table it adds later travels too. The audit table refuses updates and
deletes: a restore never empties it, it only adds the entries missing (``missing_audit``).
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

from loaders.store.base import StoreError

__all__ = [
    "AUDIT_TABLE",
    "copy_sqlite",
    "sqlite_tables",
    "dump_pg",
    "pg_tables",
    "check_names",
    "fill_sqlite",
    "keep_audit_sqlite",
    "load_pg",
]

#: The accounts' audit table: a restore keeps every entry of the store it replaces.
AUDIT_TABLE = "atlas_audit"
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,62}")

#: A table of the book: ``{"name": ..., "columns": [...], "rows": [[...], ...]}``.
Table = dict[str, Any]


def copy_sqlite(source: Path, target: Path) -> None:
    """A consistent copy of an SQLite database that may be written meanwhile (SQLite's backup API)."""
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30)
        try:
            dst = sqlite3.connect(target)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as err:
        raise StoreError(f"the accounts book {source} cannot be copied: {err}") from err


def sqlite_tables(path: Path) -> list[Table]:
    """Every table of an SQLite book, in the order they were created (parents first)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
            )
        ]
        check_names([{"name": n, "columns": []} for n in names])
        tables = []
        for name in names:
            cur = con.execute(f'SELECT * FROM "{name}" ORDER BY 1')
            tables.append(
                {"name": name, "columns": [d[0] for d in cur.description], "rows": [list(r) for r in cur]}
            )
        return check_names(tables)
    finally:
        con.close()


def pg_tables(conn: Any) -> list[str]:
    """The book's tables in the database (``atlas_*`` in the current schema), oldest first."""
    rows = conn.execute(
        "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE c.relkind = 'r' AND n.nspname = current_schema() AND c.relname LIKE 'atlas\\_%'"
        " ORDER BY c.oid"
    ).fetchall()
    return [r[0] for r in rows]


def dump_pg(conn: Any) -> list[Table]:
    """Every table of the book in the database, inside the caller's transaction."""
    tables = []
    for name in pg_tables(conn):
        cur = conn.execute(f'SELECT * FROM "{name}" ORDER BY 1')
        columns = [d.name for d in cur.description]
        tables.append({"name": name, "columns": columns, "rows": [list(r) for r in cur.fetchall()]})
    return tables


def check_names(tables: list[Table]) -> list[Table]:
    """``tables`` when every table and column name is a plain identifier (they come from a backup
    file and are written into SQL); ``ValueError`` otherwise."""
    for table in tables:
        if not _IDENT.fullmatch(str(table["name"])) or not all(
            _IDENT.fullmatch(str(c)) for c in table["columns"]
        ):
            raise ValueError(f"accounts table {str(table['name'])[:80]!r} has a name that is not plain")
    return tables


def _content(columns: list[str], row: list) -> tuple:
    """An audit entry as compared across books: every column but its id, as text."""
    return tuple(None if v is None else str(v) for c, v in zip(columns, row, strict=True) if c != "id")


def _insert(con: Any, table: str, columns: list[str], rows: list[list], mark: str) -> None:
    if rows:
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join([mark] * len(columns))
        con.cursor().executemany(
            f'INSERT INTO "{table}" ({names}) VALUES ({marks})', [tuple(r) for r in rows]
        )


def _pick(table: Table, keep: list[str]) -> tuple[list[str], list[list]]:
    index = [table["columns"].index(c) for c in keep]
    return keep, [[row[i] for i in index] for row in table["rows"]]


def missing_audit(have: Table | None, held: Table | None) -> tuple[list[str], list[list]]:
    """The entries of ``held`` that ``have`` lacks (compared without ids): columns and rows, no ids."""
    if not held:
        return [], []
    columns = [c for c in held["columns"] if c != "id"]
    known = {_content(have["columns"], r) for r in have["rows"]} if have else set()
    return _pick(
        {**held, "rows": [r for r in held["rows"] if _content(held["columns"], r) not in known]}, columns
    )


def fill_sqlite(path: Path, tables: list[Table]) -> None:
    """Write ``tables`` (ids kept) into the empty SQLite book at ``path``, by column name."""
    con = sqlite3.connect(path)
    try:
        with con:
            for table in tables:
                there = [r[1] for r in con.execute(f'PRAGMA table_info("{table["name"]}")')]
                if there:
                    _insert(
                        con, table["name"], *_pick(table, [c for c in table["columns"] if c in there]), "?"
                    )
    finally:
        con.close()


def keep_audit_sqlite(book: Path, old: Path) -> int:
    """Add to ``book`` (the restored one) every audit entry of ``old`` (the replaced one) it lacks.

    A restored store without a book gets ``old``'s audit log without its users. Returns how many.
    """
    held = {t["name"]: t for t in sqlite_tables(old)}
    if not held.get(AUDIT_TABLE, {}).get("rows"):
        return 0
    if not book.exists():
        copy_sqlite(old, book)
        con = sqlite3.connect(book)
        try:
            with con:
                for name in held:
                    if name != AUDIT_TABLE:
                        con.execute(f'DELETE FROM "{name}"')
        finally:
            con.close()
        return len(held[AUDIT_TABLE]["rows"])
    ours = {t["name"]: t for t in sqlite_tables(book)}
    columns, rows = missing_audit(ours.get(AUDIT_TABLE), held[AUDIT_TABLE])
    con = sqlite3.connect(book)
    try:
        with con:
            _insert(con, AUDIT_TABLE, columns, rows, "?")
    finally:
        con.close()
    return len(rows)


def load_pg(conn: Any, tables: list[Table]) -> int:
    """The database's book becomes ``tables``, inside the caller's transaction; its audit table
    keeps every entry and gains the backup's it lacks. Returns how many entries the backup lacked."""
    present = pg_tables(conn)
    for name in reversed(present):
        if name != AUDIT_TABLE:
            conn.execute(f'DELETE FROM "{name}"')
    carried = 0
    for table in tables:
        name = table["name"]
        if name not in present:
            if table["rows"]:
                raise StoreError(f"the accounts table {name} is missing in the database; nothing was changed")
            continue
        cur = conn.execute(f'SELECT * FROM "{name}" ORDER BY 1')
        held = {"columns": [d.name for d in cur.description], "rows": [list(r) for r in cur.fetchall()]}
        if name == AUDIT_TABLE and held["rows"]:
            carried = len(missing_audit(table, held)[1])
            _insert(conn, name, *missing_audit(held, table), "%s")
        else:
            _insert(conn, name, *_pick(table, [c for c in table["columns"] if c in held["columns"]]), "%s")
        if "id" in held["columns"]:
            (sequence,) = conn.execute("SELECT pg_get_serial_sequence(%s, 'id')", (name,)).fetchone()
            if sequence:
                conn.execute(
                    f'SELECT setval(%s, GREATEST((SELECT max(id) FROM "{name}"), 1), '
                    f'(SELECT max(id) FROM "{name}") IS NOT NULL)',
                    (sequence,),
                )
    return carried
