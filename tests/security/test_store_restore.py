"""Backup and restore of the store: a consistent copy, restored whole or not at all, by an admin only.

Embedded restores are compared byte for byte (every file, folder and link of the store; the
accounts book by its rows, as SQLite's backup API copies pages, not bytes); PostGIS restores by
the figures the pages read (``tests/store_figures.py``). Damaged and hostile archives (a changed
hash, a changed file, a file that matches its hash but does not open, a cut archive, paths out of
the store, a link out of the store) are refused before anything of the store changes. The store is
real Kota Cilegon (Banten) from ../shared/data with generated layers (``tests/export_data.py``).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import threading
from pathlib import Path

import pandas as pd
import pytest
from export_data import build_store
from store_figures import figures

from loaders import accounts, backups
from loaders.store import FORMAT, FormatError, Store, StoreError, backup, restore

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery"


# --------------------------------------------------------------------------- helpers
def _tree(path: Path) -> dict[str, object]:
    """Every file (bytes), folder and link (target) of a store, by relative path, without the
    backups it keeps and its accounts book (compared by rows: :func:`_book`)."""
    out: dict[str, object] = {}
    for item in sorted(path.rglob("*")):
        rel = item.relative_to(path).as_posix()
        if rel.split("/")[0] in ("backups", "accounts.sqlite"):
            continue
        if item.is_symlink():
            out[rel] = ("link", os.readlink(item))
        elif item.is_dir():
            out[rel] = "dir"
        else:
            out[rel] = item.read_bytes()
    return out


def _book(path: Path) -> dict[str, list]:
    """Every row of every table of an SQLite accounts book."""
    con = sqlite3.connect(path)
    try:
        names = [
            r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        ]
        return {n: con.execute(f'SELECT * FROM "{n}" ORDER BY 1').fetchall() for n in names}
    finally:
        con.close()


def _audit(book: accounts.AccountBook) -> list[tuple]:
    return [(e["user"], e["action"], e["outcome"]) for e in book.entries()]


def _people(book: accounts.AccountBook) -> None:
    """An admin, a steward of Banten and a viewer, each signed in once (audit entries)."""
    book.add_user("admin", "admin", password_hash=accounts.hash_password(PASSWORD))
    book.add_user("siti", "steward", password_hash=accounts.hash_password(PASSWORD), provinces=["36"])
    book.add_user("budi", "viewer", password_hash=None, provinces=["36"])
    for name in ("admin", "siti", "nobody"):
        accounts.authenticate(name, PASSWORD, books=book)


def _more_placements(n: int = 8, start: int = 0) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "village": pd.array([f"36.72.01.{1001 + (start + i) % 5}" for i in range(n)], dtype="string"),
            "year": pd.array([2024] * n, dtype="int16"),
            "count": pd.array([1 + i for i in range(n)], dtype="int64"),
        }
    )


@pytest.fixture(scope="module")
def source(shared_data, tmp_path_factory) -> Path:
    """Kota Cilegon's villages, four layers (placements in two versions), an import log, accounts."""
    root = tmp_path_factory.mktemp("restore-source") / "store"
    store = build_store(root, shared_data, regency="36.72")
    store.write_layer_version("placements", _more_placements(), {"source": "tambahan.csv"}, replace=False)
    store.log_import({"file": "tambahan.csv", "layer": "placements", "rows": 8})
    _people(accounts.SqliteBook(root / "accounts.sqlite"))
    return root


@pytest.fixture()
def store(source, tmp_path) -> Path:
    """A copy of the source store for one test."""
    return Path(shutil.copytree(source, tmp_path / "store", symlinks=True))


def _members(archive: Path) -> list[tuple[tarfile.TarInfo, bytes]]:
    with tarfile.open(archive) as tar:
        return [(m, tar.extractfile(m).read()) for m in tar]


def _rewrite(archive: Path, target: Path, edit_manifest=None, edit=None, extra=()) -> Path:
    """A copy of ``archive`` with its manifest edited (``edit_manifest(m)``), members replaced or
    dropped (``edit(name, data) -> bytes | None``) and ``extra`` (name, bytes) members appended."""
    members = _members(archive)
    manifest = json.loads(members[0][1])
    if edit_manifest:
        edit_manifest(manifest)
    with tarfile.open(target, "w:gz") as tar:
        for name, data in (
            [("manifest.json", json.dumps(manifest).encode())]
            + [(m.name, edit(m.name, d) if edit else d) for m, d in members[1:]]
            + list(extra)
        ):
            if data is None:
                continue
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return target


def _first_parquet(manifest: dict) -> str:
    return next(n for n in manifest["files"] if n.endswith("village.parquet"))


# --------------------------------------------------------------------------- embedded: byte for byte
def test_a_restored_store_is_the_original_byte_for_byte(store, tmp_path):
    made = backup(store, tmp_path / "backups")
    archive = Path(made["backup"])
    assert archive.parent == tmp_path / "backups" and archive.name.startswith("atlas-backup-")
    assert archive.stat().st_mode & 0o777 == 0o600  # it holds password hashes
    assert made["format"] == FORMAT and made["provinces"] == ["36"] and made["log_entries"] == 1
    members = _members(archive)
    manifest = json.loads(members[0][1])
    assert members[0][0].name == "manifest.json" and manifest["format"] == FORMAT
    for member, data in members[1:]:  # the manifest holds the sha256 of every file
        assert manifest["files"][member.name]["sha256"] == hashlib.sha256(data).hexdigest()
    assert not list(store.glob(".backup-*"))  # its scratch copy is gone

    restored = tmp_path / "restored"
    done = restore(archive, restored)
    assert done["audit_entries_kept"] == 0 and done["replaced_store_kept_at"] is None
    assert _tree(restored) == _tree(store)  # files, folders, links (same generation ids) alike
    assert _book(restored / "accounts.sqlite") == _book(store / "accounts.sqlite")
    assert Store(restored).version() == Store(store).version()


def test_restore_over_a_changed_store_brings_back_the_backup_and_keeps_every_audit_entry(store, tmp_path):
    env = {**os.environ, "ATLAS_DATA_DIR": str(store), "ATLAS_AUTH": "local", "ATLAS_LANGUAGE": "en"}
    env.pop("ATLAS_DATABASE_URL", None)
    admin = {**env, "ATLAS_USER": "admin", "ATLAS_PASSWORD": PASSWORD}
    made = subprocess.run(
        [sys.executable, "-m", "loaders.store", "backup", str(tmp_path / "b.tar.gz")],
        cwd=ROOT,
        env=admin,
        capture_output=True,
        text=True,
    )
    assert made.returncode == 0, made.stderr
    at_backup, users_at_backup = _tree(store), accounts.SqliteBook(store / "accounts.sqlite").accounts()

    held, book = Store(store), accounts.SqliteBook(store / "accounts.sqlite")
    held.write_layer_version("placements", _more_placements(3, 2), {"source": "later.csv"}, replace=False)
    held.delete_layer_version("reports", held.layer_meta("reports")["versions"][0]["id"])
    held.log_import({"file": "later.csv"})
    book.add_user("eve", "steward", password_hash=accounts.hash_password(PASSWORD), provinces=["36"])
    accounts.authenticate("eve", PASSWORD, books=book)
    before_restore = _audit(book)

    done = subprocess.run(
        [sys.executable, "-m", "loaders.store", "restore", str(tmp_path / "b.tar.gz")],
        cwd=ROOT,
        env=admin,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert _tree(store) == at_backup  # the data as it was at the backup
    assert accounts.SqliteBook(store / "accounts.sqlite").accounts() == users_at_backup  # eve is gone
    audit = _audit(accounts.SqliteBook(store / "accounts.sqlite"))
    # Every entry the log held is still there (eve's sign-in included), then admin's sign-in and the restore.
    assert audit[: len(before_restore)] == before_restore
    assert audit[len(before_restore) :] == [("admin", "sign-in", "ok"), ("admin", "store-restore", "ok")]
    assert ("admin", "store-backup", "ok") in audit and report["audit_entries_kept"] >= 3
    # The store it replaced is kept, with what was written after the backup.
    kept = Store(report["replaced_store_kept_at"])
    assert Path(kept.key).parent == store / "backups"
    assert "later.csv" in [v["source"] for v in kept.layer_meta("placements")["versions"]]


def _manifest_sha(m):
    m["files"][_first_parquet(m)]["sha256"] = "0" * 64


def _flip_a_byte(name, data):
    return data[:100] + bytes([data[100] ^ 1]) + data[101:] if name.endswith("village.parquet") else data


def _link_out(m):
    m["links"]["boundaries/36"] = "../../../etc"


def _drop_a_file(name, data):
    return None if name.endswith("meta.json") else data


DAMAGES = {
    "a hash changed in the manifest": ({"edit_manifest": _manifest_sha}, "does not match the sha256"),
    "a file changed": ({"edit": _flip_a_byte}, "does not match the sha256"),
    "a file missing": ({"edit": _drop_a_file}, "are missing"),
    "a link out of the store": ({"edit_manifest": _link_out}, "manifest is damaged"),
    "a path out of the store": ({"extra": [("store/../../evil.txt", b"x")]}, "manifest does not list"),
    "an absolute path": ({"extra": [("/tmp/evil.txt", b"x")]}, "manifest does not list"),
}


def _sql_named_book(archive: Path, target: Path, tmp_path: Path) -> Path:
    """The backup with a table named as SQL in its accounts book, the manifest made to match."""
    name = "store/accounts.sqlite"
    book = tmp_path / "hostile.sqlite"
    book.write_bytes(dict((m.name, d) for m, d in _members(archive))[name])
    con = sqlite3.connect(book)
    con.execute('CREATE TABLE "x"" (a); DROP TABLE atlas_users; --" (a)')
    con.commit()
    con.close()
    data = book.read_bytes()
    book.unlink()

    def match(m):
        m["files"][name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}

    return _rewrite(archive, target, edit_manifest=match, edit=lambda n, d: data if n == name else d)


@pytest.mark.parametrize(
    "damage",
    [
        *DAMAGES,
        "a file that matches its hash but does not open",
        "a cut archive",
        "an accounts table named as SQL",
    ],
)
def test_a_damaged_or_hostile_backup_is_refused_and_changes_nothing(store, tmp_path, damage):
    archive = Path(backup(store, tmp_path / "good.tar.gz")["backup"])
    bad = tmp_path / "bad.tar.gz"
    if damage in DAMAGES:
        how, why = DAMAGES[damage]
        _rewrite(archive, bad, **how)
    elif damage == "an accounts table named as SQL":
        _sql_named_book(archive, bad, tmp_path)
        why = "accounts cannot be read"
    elif damage == "a cut archive":
        bad.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
        why = "the archive is damaged"
    else:  # a parquet cut short, its manifest entry made to match: found when it is opened
        cut = {}

        def shorten(name, data):
            if name.endswith("village.parquet"):
                cut[name] = data[: len(data) // 2]
                return cut[name]
            return data

        _rewrite(archive, bad, edit=shorten)
        fixed = tmp_path / "bad2.tar.gz"

        def match(m):
            for name, data in cut.items():
                m["files"][name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}

        _rewrite(bad, fixed, edit_manifest=match)
        bad, why = fixed, "does not open"
    before, book = _tree(store), _book(store / "accounts.sqlite")
    with pytest.raises(StoreError, match=why) as refused:
        restore(bad, store)
    assert "Nothing was changed" in str(refused.value)
    assert _tree(store) == before and _book(store / "accounts.sqlite") == book
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["store", "good.tar.gz", bad.name] + (["bad.tar.gz"] if bad.name != "bad.tar.gz" else [])
    )  # no staging folder left behind
    assert not list(Path("/tmp").glob("evil.txt")) and not (tmp_path.parent / "evil.txt").exists()


def test_a_backup_of_a_newer_format_is_refused(store, tmp_path):
    archive = Path(backup(store, tmp_path / "good.tar.gz")["backup"])

    def newer(m):
        m["format"] = FORMAT + 1

    before = _tree(store)
    with pytest.raises(FormatError, match=f"format {FORMAT + 1}, written by a newer release"):
        restore(_rewrite(archive, tmp_path / "newer.tar.gz", edit_manifest=newer), store)
    assert _tree(store) == before


def test_a_backup_of_an_earlier_format_is_upgraded_as_it_is_restored(store, tmp_path):
    archive = Path(backup(store, tmp_path / "good.tar.gz")["backup"])

    def format_1(m):
        m["format"] = 1
        del m["files"]["store/store_format.json"]

    old = _rewrite(
        archive,
        tmp_path / "f1.tar.gz",
        edit_manifest=format_1,
        edit=lambda n, d: None if "store_format" in n else d,
    )
    done = restore(old, tmp_path / "restored")
    assert done["backup_format"] == 1 and done["format"] == FORMAT
    restored = _tree(tmp_path / "restored")
    marker = json.loads(restored.pop("store_format.json"))
    assert marker["format"] == FORMAT and marker["upgrades"][0]["from"] == 1
    assert restored == {k: v for k, v in _tree(store).items() if k != "store_format.json"}


def test_a_backup_taken_while_imports_run_is_consistent(store, tmp_path):
    """Writes swap generations while the backup copies them: each backup restores whole."""
    held, stop, writes = Store(store), threading.Event(), []

    def write() -> None:
        i = 0
        while not stop.is_set():
            new = held.write_layer_version(
                "placements", _more_placements(4, i), {"source": f"w{i}"}, replace=False
            )
            versions = held.layer_meta("placements")["versions"]
            if len(versions) > 3:
                held.delete_layer_version("placements", versions[0]["id"])
            held.log_import({"file": f"w{i}.csv", "version": new})
            writes.append(new)
            i += 1
            stop.wait(0.01)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        made = []
        while len(made) < 3 or len(writes) < 5:
            made.append(backup(store, tmp_path / f"b{len(made)}.tar.gz"))
    finally:
        stop.set()
        writer.join()
    for i, done in enumerate(made):
        restored = Store(tmp_path / f"r{i}")
        restore(done["backup"], restored.key)  # every file checked and opened on the way in
        meta = restored.layer_meta("placements")
        layer = restored.read_layer("placements")
        assert sorted(layer["version"].unique()) == [v["id"] for v in meta["versions"]]
        assert all("at" in entry for entry in restored.import_log())
    assert len(writes) >= 5


# --------------------------------------------------------------------------- PostGIS and across backends
def _pg_book(url: str) -> accounts.PostgresBook:
    return accounts.PostgresBook(url)


def test_a_postgis_backup_restores_into_a_fresh_database_with_the_same_figures(
    store, pg_server, pg_url, tmp_path
):
    Store(pg_url).copy_from(Store(store))
    _people(_pg_book(pg_url))
    want = figures(Store(pg_url), _pg_book(pg_url))
    made = backups.backup(pg_url, tmp_path / "pg.tar.gz")
    assert made["backend"] == "postgis" and made["format"] == FORMAT
    fresh = pg_server.database()
    try:
        done = backups.restore(made["backup"], fresh)
        assert done["backup_backend"] == "postgis"
        assert figures(Store(fresh), _pg_book(fresh)) == want
        # Restored again over itself (the audit table refuses deletes): nothing doubled, nothing lost.
        backups.restore(made["backup"], fresh)
        assert figures(Store(fresh), _pg_book(fresh)) == want
    finally:
        from loaders.store import close_pools

        close_pools()
        pg_server.drop(fresh)


def test_a_failed_postgis_restore_leaves_the_database_as_it_was(store, pg_url, tmp_path):
    import psycopg

    Store(pg_url).copy_from(Store(store))
    _people(_pg_book(pg_url))
    archive = Path(backup(pg_url, tmp_path / "pg.tar.gz")["backup"])
    Store(pg_url).write_layer_version(
        "placements", _more_placements(2), {"source": "after.csv"}, replace=False
    )
    want = figures(Store(pg_url), _pg_book(pg_url))
    with psycopg.connect(pg_url) as conn:
        state = conn.execute("SELECT version FROM atlas.state").fetchone()

    # A book row the database refuses (an unknown role), its hash made to match: the load fails
    # inside the one transaction, after the data tables were already emptied and refilled.
    book = {}

    def bad_role(name, data):
        if name == "book.json":
            tables = json.loads(data)
            users = next(t for t in tables["tables"] if t["name"] == "atlas_users")
            users["rows"][0][users["columns"].index("role")] = "superuser"
            book[name] = json.dumps(tables).encode()
            return book[name]
        return data

    first = _rewrite(archive, tmp_path / "bad1.tar.gz", edit=bad_role)

    def match(m):
        m["files"]["book.json"] = {
            "sha256": hashlib.sha256(book["book.json"]).hexdigest(),
            "size": len(book["book.json"]),
        }

    bad = _rewrite(first, tmp_path / "bad.tar.gz", edit_manifest=match)
    with pytest.raises(StoreError, match="nothing was changed"):
        restore(bad, pg_url, make_book=backups.make_book)
    assert figures(Store(pg_url), _pg_book(pg_url)) == want
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT version FROM atlas.state").fetchone() == state
    # A damaged manifest is refused before the database is touched at all.
    with pytest.raises(StoreError, match="does not match the sha256"):
        restore(_rewrite(archive, tmp_path / "bad3.tar.gz", edit_manifest=_manifest_sha), pg_url)
    assert figures(Store(pg_url), _pg_book(pg_url)) == want


def test_backups_restore_across_backends(store, pg_url, tmp_path):
    want = figures(Store(store), accounts.SqliteBook(store / "accounts.sqlite"))
    files_backup = backups.backup(store, tmp_path / "files.tar.gz")["backup"]
    backups.restore(files_backup, pg_url)  # embedded -> PostGIS
    assert figures(Store(pg_url), _pg_book(pg_url)) == want
    pg_backup = backups.backup(pg_url, tmp_path / "pg.tar.gz")["backup"]
    backups.restore(pg_backup, tmp_path / "back")  # PostGIS -> embedded
    assert (
        figures(Store(tmp_path / "back"), accounts.SqliteBook(tmp_path / "back" / "accounts.sqlite")) == want
    )


# --------------------------------------------------------------------------- who may
def test_with_sign_in_on_only_an_admin_or_the_servers_user_backs_up_or_restores(store, tmp_path):
    env = {**os.environ, "ATLAS_DATA_DIR": str(store), "ATLAS_AUTH": "local", "ATLAS_LANGUAGE": "en"}
    env.pop("ATLAS_DATABASE_URL", None)
    env.pop("ATLAS_USER", None)

    def run(*args, **extra):
        return subprocess.run(
            [sys.executable, "-m", "loaders.store", *args],
            cwd=ROOT,
            env={**env, **extra},
            capture_output=True,
            text=True,
        )

    archive = Path(backup(store, tmp_path / "b.tar.gz")["backup"])
    before = _tree(store)
    steward = {"ATLAS_USER": "siti", "ATLAS_PASSWORD": PASSWORD}
    for args in (["backup", str(tmp_path / "s.tar.gz")], ["restore", str(archive)]):
        done = run(*args, **steward)
        assert done.returncode == 3 and "data steward role may not do store" in done.stderr
    wrong = run("restore", str(archive), ATLAS_USER="admin", ATLAS_PASSWORD="not the password")
    assert wrong.returncode == 3
    assert _tree(store) == before and not (tmp_path / "s.tar.gz").exists()
    audit = accounts.SqliteBook(store / "accounts.sqlite").entries()
    denied = [(e["user"], e["action"]) for e in audit if e["outcome"] == "denied"]
    assert ("siti", "store-backup") in denied and ("siti", "store-restore") in denied
    assert ("admin", "sign-in-failed") in denied

    made = run("backup", str(tmp_path / "a.tar.gz"), ATLAS_USER="admin", ATLAS_PASSWORD=PASSWORD)
    assert made.returncode == 0, made.stderr
    sha = json.loads(made.stdout)["sha256"]
    entry = accounts.SqliteBook(store / "accounts.sqlite").entries()[-1]
    assert (entry["user"], entry["role"], entry["action"], entry["sha256"]) == (
        "admin",
        "admin",
        "store-backup",
        sha,
    )
    # ``atlas store backup`` signs in first, then runs the same command: one sign-in, one backup.
    count = len(accounts.SqliteBook(store / "accounts.sqlite").entries())
    routed = subprocess.run(
        [sys.executable, "-m", "cli", "store", "backup", str(tmp_path / "c.tar.gz")],
        cwd=ROOT,
        env={**env, "ATLAS_USER": "admin", "ATLAS_PASSWORD": PASSWORD},
        capture_output=True,
        text=True,
    )
    assert routed.returncode == 0, routed.stderr
    added = accounts.SqliteBook(store / "accounts.sqlite").entries()[count:]
    assert [(e["user"], e["action"]) for e in added] == [("admin", "sign-in"), ("admin", "store-backup")]
    # The server's own user (the owner of the store folder) runs it without signing in.
    own = run("restore", str(tmp_path / "a.tar.gz"))
    assert own.returncode == 0, own.stderr
    entry = accounts.SqliteBook(store / "accounts.sqlite").entries()[-1]
    assert (
        entry["action"] == "store-restore" and entry["user"].startswith("cli:") and entry["outcome"] == "ok"
    )
