"""The store's format version, its one-time upgrade, and its backup: one archive file, either backend.

**Format.** Both backends carry the number of their layout (``loaders.store.steps``): the embedded
store in ``store_format.json`` at its root, PostGIS in ``atlas.state.schema_version``. A store of
format 1 (release-2026-12-07, no marker) is recognised by its folders. On the first open by this
release a store of an earlier format is upgraded once, after a backup kept in ``backups/`` (the
embedded store's root, or ``$ATLAS_DATA_DIR/backups`` for a database), under a lock so two
processes do not both do it. When it cannot be (a read-only folder, no room for the backup, a
database role without the rights), it is refused with the command that upgrades it; a store of a
newer format, or with a marker that cannot be read, is refused and never read.

**Backup** (:func:`backup`) writes one ``.tar.gz``: ``manifest.json`` first (format, backend,
the sha256 and size of every file, the unit links), then the store as the embedded layout holds
it under ``store/`` (the generation each link points to, not the links; ``accounts.sqlite``
through SQLite's backup API) or, for PostGIS, the same layout written from one REPEATABLE READ
read-only transaction, with the accounts tables as rows in ``book.json``. An embedded store that
is being written is copied unit by unit (hard links: generations are never written through), each
unit again until its link did not change during its copy, so each is whole, as of one moment. A store holds no personal data of migrant workers; the book holds
the users' names and password hashes, so the archive is created readable by its owner only.

**Restore** (:func:`restore`) unpacks into a staging folder and checks every file against the
manifest, every link, and that every file opens, before anything of the target changes; a backup
of a newer format is refused, an older one upgraded in staging. The embedded store is then
swapped in with one ``rename`` (an atomic exchange where Linux offers it); the store it replaced
is kept in ``backups/replaced-<time>/``. PostGIS is replaced in one transaction. Either way the
audit log loses nothing: entries the replaced store held that the backup lacks are appended.
Backups of either backend restore into either backend.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import hashlib
import io
import json
import logging
import os
import re
import shutil
import sqlite3
import tarfile
import tempfile
import time
import uuid
import zlib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import i18n
from loaders.store import _book
from loaders.store.base import Store, StoreError, is_database_url, now
from loaders.store.steps import CURRENT, FILE_STEPS, POSTGIS_STEPS

__all__ = [
    "CURRENT",
    "FORMAT_FILE",
    "BACKUPS",
    "FormatError",
    "files_format",
    "ensure_files",
    "postgis_format",
    "ensure_postgis",
    "store_format",
    "upgrade",
    "backup",
    "restore",
    "read_manifest",
]

FORMAT_FILE = "store_format.json"
#: Folder (in the embedded store's root, or in ``$ATLAS_DATA_DIR`` for a database) of the backups
#: made before an upgrade and of the stores a restore replaced. Never part of a backup.
BACKUPS = "backups"
MANIFEST = "manifest.json"
BOOK_JSON = "book.json"
BOOK_FILE = "accounts.sqlite"
#: What marks a format-1 store (it had no marker): any of these at the root.
_LEGACY_SIGNS = ("boundaries", "layers", ".gen", "import_log.jsonl")
_UNIT_KINDS = ("boundaries", "layers")
_ARCHIVE_VERSION = 1
#: Advisory lock held while the PostGIS schema is created or upgraded (one process at a time).
SCHEMA_LOCK = 7_240_001
_SNAPSHOT_ATTEMPTS = 20

log = logging.getLogger("atlas.store")


class FormatError(StoreError):
    """The store's format is not this release's and it cannot be opened as it is.

    ``message(lang)`` says why and which command helps (``store.format.*`` in ``i18n``); ``str``
    is the English text, for logs and the command line.
    """

    def __init__(self, key: str, **values: object):
        self.key, self.values = key, values
        super().__init__(self.message("en"))

    def message(self, lang: str = i18n.DEFAULT_LANGUAGE) -> str:
        values = {
            k: i18n.t(f"store.format.reason.{v.key}", lang, **v.values) if isinstance(v, _Reason) else v
            for k, v in self.values.items()
        }
        return i18n.t(self.key, lang, current=CURRENT, **values)


class _Reason:
    """Why an upgrade could not run here (a ``store.format.reason.*`` text)."""

    def __init__(self, key: str, **values: object):
        self.key, self.values = key, values


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


_RESTORE_COMMAND = "python -m loaders.store restore BACKUP"


def _newer(label: str, found: int) -> FormatError:
    return FormatError("store.format.newer", store=label, found=found, command=_RESTORE_COMMAND)


def _older(label: str, found: int, reason: _Reason, command: str) -> FormatError:
    return FormatError("store.format.older", store=label, found=found, reason=reason, command=command)


def _upgrade_command(label: str, database: bool) -> str:
    if database:
        return "python -m loaders.store upgrade [--backup-dir DIR], with ATLAS_DATABASE_URL set to its URL"
    return f"python -m loaders.store upgrade --store {label} [--backup-dir DIR]"


# =========================================================================== embedded store: format
def files_format(root: Path | str) -> int | None:
    """The format of the embedded store at ``root``; None when it holds nothing yet.

    Raises ``FormatError`` when the marker cannot be read (the store is never guessed at).
    """
    root = Path(root)
    marker = root / FORMAT_FILE
    try:
        text = marker.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = None
    except OSError as err:
        raise FormatError(
            "store.format.damaged",
            store=str(root),
            file=FORMAT_FILE,
            error=str(err),
            command=_RESTORE_COMMAND,
        ) from err
    if text is not None:
        try:
            found = json.loads(text)["format"]
            if isinstance(found, bool) or not isinstance(found, int) or found < 1:
                raise ValueError(f"format {found!r} is not a whole number from 1")
        except (ValueError, KeyError, TypeError) as err:
            raise FormatError(
                "store.format.damaged",
                store=str(root),
                file=FORMAT_FILE,
                error=str(err),
                command=_RESTORE_COMMAND,
            ) from err
        return found
    if any(os.path.lexists(root / name) for name in _LEGACY_SIGNS):
        return 1
    return None


def _write_marker(root: Path, upgrades: list[dict] | None = None) -> None:
    data = {"format": CURRENT, "written_by": "Atlas PMI", "upgrades": upgrades or []}
    tmp = root / f".{FORMAT_FILE}.{uuid.uuid4().hex[:8]}.tmp"
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, root / FORMAT_FILE)


def _marker_upgrades(root: Path) -> list[dict]:
    try:
        return list(json.loads((root / FORMAT_FILE).read_text(encoding="utf-8")).get("upgrades", []))
    except (OSError, ValueError, AttributeError):
        return []


def ensure_files(root: Path | str, *, write: bool = False) -> bool:
    """Make the embedded store at ``root`` readable by this release; True once it is of ``CURRENT``.

    A store of an earlier format is upgraded (:func:`upgrade_files`); one of a later format is
    refused. An empty or missing store gets its marker at its first write (``write=True``).
    """
    root = Path(root)
    found = files_format(root)
    if found == CURRENT:
        return True
    if found is None:
        if not write:
            return False
        root.mkdir(parents=True, exist_ok=True)
        _write_marker(root)
        return True
    if found > CURRENT:
        raise _newer(str(root), found)
    upgrade_files(root)
    return True


def upgrade_files(root: Path | str, *, backup_dir: Path | str | None = None) -> dict:
    """Upgrade the embedded store at ``root`` to ``CURRENT`` once: lock, backup, steps, marker."""
    root = Path(root)
    command = _upgrade_command(str(root), database=False)
    try:
        fd = os.open(root, os.O_RDONLY)
    except OSError as err:
        raise StoreError(f"the store at {root} cannot be opened: {err}") from err
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # another process upgrading: wait, then find it done
        found = files_format(root)
        if found is None or found == CURRENT:
            return {"store": str(root), "from": found, "to": CURRENT, "backup": None}
        if found > CURRENT:
            raise _newer(str(root), found)
        if not os.access(root, os.W_OK):
            raise _older(str(root), found, _Reason("read_only"), command)
        folder = Path(backup_dir) if backup_dir else root / BACKUPS
        archive = folder / f"store-format-{found}-{_stamp()}.tar.gz"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            backup(root, archive)
        except (OSError, StoreError) as err:
            raise _older(
                str(root), found, _Reason("no_backup", folder=str(folder), error=str(err)), command
            ) from err
        for version in range(found, CURRENT):
            try:
                FILE_STEPS[version](root)
            except Exception as err:
                raise FormatError(
                    "store.format.step_failed",
                    store=str(root),
                    found=version,
                    error=str(err),
                    backup=str(archive),
                    command=f"python -m loaders.store restore {archive} --store {root}",
                ) from err
        upgrades = [
            *_marker_upgrades(root),
            {"from": found, "to": CURRENT, "at": now(), "backup": str(archive)},
        ]
        _write_marker(root, upgrades)
    finally:
        os.close(fd)
    log.warning("store %s upgraded from format %s to %s; backup kept at %s", root, found, CURRENT, archive)
    return {"store": str(root), "from": found, "to": CURRENT, "backup": str(archive)}


# =========================================================================== PostGIS: format
def postgis_format(conn: Any) -> int | None:
    """The format of the atlas schema on ``conn``; None when the database holds none yet."""
    (exists,) = conn.execute("SELECT to_regclass('atlas.state') IS NOT NULL").fetchone()
    if not exists:
        return None
    row = conn.execute("SELECT schema_version FROM atlas.state WHERE id = 1").fetchone()
    return None if row is None else int(row[0])


def _default_backup_dir() -> Path:
    from loaders.settings import settings

    return Path(settings().data_dir) / BACKUPS


def ensure_postgis(url: str, label: str, conn: Any, *, backup_dir: Path | str | None = None) -> dict | None:
    """Inside the schema lock's transaction on ``conn``: upgrade an earlier format (backup first),
    refuse a later one. Returns what was done, None when nothing was to do."""
    found = postgis_format(conn)
    if found is None or found == CURRENT:
        return None
    if found > CURRENT:
        raise _newer(label, found)
    command = _upgrade_command(label, database=True)
    folder = Path(backup_dir) if backup_dir else _default_backup_dir()
    archive = folder / f"store-format-{found}-{_stamp()}.tar.gz"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        backup(url, archive)
    except (OSError, StoreError) as err:
        raise _older(label, found, _Reason("no_backup", folder=str(folder), error=str(err)), command) from err
    try:
        for version in range(found, CURRENT):
            POSTGIS_STEPS[version](conn)
        conn.execute("UPDATE atlas.state SET schema_version = %s WHERE id = 1", (CURRENT,))
    except Exception as err:  # a role without the rights, a failed step: the transaction rolls back
        raise _older(label, found, _Reason("failed", error=str(err)), command) from err
    log.warning("store %s upgraded from format %s to %s; backup kept at %s", label, found, CURRENT, archive)
    return {"store": label, "from": found, "to": CURRENT, "backup": str(archive)}


def _connect(url: str, label: str):
    import psycopg

    try:
        return psycopg.connect(url, connect_timeout=10)
    except psycopg.Error as err:
        raise StoreError(f"cannot reach the database at {label}: {err}") from err


# =========================================================================== either backend
def _open(store: Store | Path | str) -> Store:
    return store if isinstance(store, Store) else Store(store)


def store_format(store: Store | Path | str) -> int | None:
    """The format the store holds now (None: nothing yet), without upgrading it."""
    held = _open(store)
    if not is_database_url(held.key):
        return files_format(held.key)
    with _connect(held.key, held.label) as conn:
        return postgis_format(conn)


def upgrade(store: Store | Path | str, *, backup_dir: Path | str | None = None) -> dict:
    """Upgrade the store to ``CURRENT`` now (the command a refusal names), backup first."""
    held = _open(store)
    if not is_database_url(held.key):
        return upgrade_files(held.key, backup_dir=backup_dir)
    with _connect(held.key, held.label) as conn, conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
        done = ensure_postgis(held.key, held.label, conn, backup_dir=backup_dir)
    return done or {"store": held.label, "from": CURRENT, "to": CURRENT, "backup": None}


# =========================================================================== backup
def _clone(source: Path, target: Path) -> None:
    """``target`` as a hard link to ``source`` (generations are never written through), else a copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def _links_token(root: Path) -> list[tuple[str, str]]:
    out = []
    for kind in _UNIT_KINDS:
        folder = root / kind
        if folder.is_dir():
            for link in sorted(folder.iterdir()):
                if link.is_symlink() and not link.name.startswith("."):
                    out.append((f"{kind}/{link.name}", os.readlink(link)))
    return out


def _copy_generation(generation: Path, target: Path, dirs: list[str], base: Path) -> None:
    target.mkdir()
    dirs.append(target.relative_to(base).as_posix())
    for entry in sorted(generation.iterdir()):
        if entry.is_dir() and not entry.is_symlink():
            _copy_generation(entry, target / entry.name, dirs, base)
        elif entry.is_file() and not entry.is_symlink():
            _clone(entry, target / entry.name)


def _snapshot_files(root: Path, into: Path) -> dict:
    """Copy what the embedded store at ``root`` holds now into ``into`` (its layout without links).

    Each unit's generation is copied, then its link read again: a generation never changes once
    linked and is removed only after its link was swapped, so an unchanged link means a whole copy
    (else that unit is copied again). Each unit is as it was at one moment, as every write of the
    embedded store changes one unit; a unit added during the copy is left for the next backup.
    """
    into.mkdir(parents=True)
    links: dict[str, str] = {}
    dirs: list[str] = []
    for kind in _UNIT_KINDS:
        if (root / kind).is_dir():
            (into / kind).mkdir()
            dirs.append(kind)
    for unit, _ in _links_token(root):
        copied = _copy_unit(root / unit, into)
        if copied is not None:
            links[unit], unit_dirs = copied
            dirs += unit_dirs
    if links:
        dirs.append(".gen")
    _copy_top_files(root, into)
    return {"links": links, "dirs": sorted(set(dirs))}


def _copy_unit(link: Path, into: Path) -> tuple[str, list[str]] | None:
    """Copy the generation ``link`` points to into ``into/.gen``; None when the unit is gone."""
    for attempt in range(_SNAPSHOT_ATTEMPTS):
        try:
            target = os.readlink(link)
        except FileNotFoundError:
            return None  # deleted meanwhile: the store no longer holds it
        name = Path(target).name
        generation = link.parent / target
        copy = into / ".gen" / name
        shutil.rmtree(copy, ignore_errors=True)
        copy.parent.mkdir(exist_ok=True)
        dirs: list[str] = []
        try:
            if Path(target).parent.name != ".gen" or not generation.is_dir():
                raise FileNotFoundError(target)
            _copy_generation(generation, copy, dirs, into)
            whole = True
        except FileNotFoundError:
            whole = False
        try:
            unchanged = os.readlink(link) == target
        except FileNotFoundError:
            unchanged = False
        if whole and unchanged:
            return name, dirs
        shutil.rmtree(copy, ignore_errors=True)
        if unchanged:
            return None  # a dangling link: the store does not hold that unit either
        time.sleep(0.01 * (attempt + 1))  # swapped while copied: copy the new generation
    raise StoreError(
        f"{link} changed during each of {_SNAPSHOT_ATTEMPTS} attempts to copy it; "
        "try the backup again when the imports are done"
    )


def _copy_top_files(root: Path, into: Path) -> None:
    marker = root / FORMAT_FILE
    if marker.is_file():
        shutil.copyfile(marker, into / FORMAT_FILE)
    log_file = root / "import_log.jsonl"
    if log_file.is_file():
        data = log_file.read_bytes()
        cut = data.rfind(b"\n") + 1  # an entry being appended right now is left out whole
        (into / "import_log.jsonl").write_bytes(data[:cut])
    book = root / BOOK_FILE
    if book.is_file():
        _book.copy_sqlite(book, into / BOOK_FILE)


def _snapshot_postgis(url: str, label: str, work: Path) -> dict:
    """The database's store written as an embedded store in ``work/held`` and its accounts in
    ``work/book.json``, all read in one REPEATABLE READ read-only transaction."""
    import psycopg

    staged = work / "held"
    try:
        with _connect(url, label) as conn:
            conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
            conn.read_only = True
            with conn.transaction():
                found = postgis_format(conn)
                if found is None:
                    raise StoreError(f"the database at {label} holds no atlas store (no schema atlas)")
                if found > CURRENT:
                    raise _newer(label, found)
                Store(staged).copy_from(Store(url).bound(conn))
                book = _book.dump_pg(conn)
    except psycopg.Error as err:
        raise StoreError(f"the database at {label} could not be read: {err}") from err
    (work / BOOK_JSON).write_text(json.dumps({"tables": book}, ensure_ascii=False, default=str))
    return {"source_format": found}


def backup(store: Store | Path | str, dest: Path | str) -> dict:
    """Write one consistent backup of ``store`` (either backend) to ``dest``: a ``.tar.gz`` file,
    or a folder (made if missing) to put ``atlas-backup-<UTC time>.tar.gz`` in. Returns what it holds.

    The store is only read (an embedded store of an earlier format is backed up as it is).
    """
    held = _open(store)
    database = is_database_url(held.key)
    root = None if database else Path(held.key)
    found = store_format(held)
    if found is None:
        raise StoreError(f"there is no store to back up at {held.label}")
    if found > CURRENT:
        raise _newer(held.label, found)
    dest = Path(dest)
    if dest.is_dir() or not dest.name.endswith(".tar.gz"):
        dest = dest / f"atlas-backup-{_stamp()}.tar.gz"
    dest.parent.mkdir(parents=True, exist_ok=True)
    work = _work_dir(root, dest)
    try:
        manifest: dict[str, Any] = {
            "atlas_backup": _ARCHIVE_VERSION,
            "backend": "postgis" if database else "files",
            "source": held.label,
            "created_at": now(),
        }
        if database:
            manifest.update(_snapshot_postgis(held.key, held.label, work))
            snap_from, manifest["format"] = work / "held", CURRENT
        else:
            snap_from, manifest["format"] = root, found
        manifest.update(_snapshot_files(snap_from, work / "store"))
        manifest["book"] = (
            BOOK_JSON if database else (BOOK_FILE if (work / "store" / BOOK_FILE).exists() else None)
        )
        manifest["contents"] = _contents(work / "store", manifest["links"])
        digest = _write_archive(work, manifest, dest)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {
        "backup": str(dest),
        "sha256": digest,
        "bytes": dest.stat().st_size,
        "format": manifest["format"],
        "backend": manifest["backend"],
        "files": len(manifest["files"]),
        **manifest["contents"],
    }


def _work_dir(root: Path | None, dest: Path) -> Path:
    """A scratch folder on the store's filesystem (hard links) when it may be written, else beside ``dest``."""
    if root is not None:
        try:
            work = root / f".backup-{uuid.uuid4().hex[:12]}"
            work.mkdir()
            return work
        except OSError:
            pass
    return Path(tempfile.mkdtemp(prefix=".atlas-backup-", dir=dest.parent))


def _contents(snap: Path, links: dict[str, str]) -> dict:
    log_file = snap / "import_log.jsonl"
    entries = log_file.read_bytes().count(b"\n") if log_file.is_file() else 0
    return {
        "provinces": sorted(u.split("/", 1)[1] for u in links if u.startswith("boundaries/")),
        "layers": sorted(u.split("/", 1)[1] for u in links if u.startswith("layers/")),
        "log_entries": entries,
    }


def _write_archive(work: Path, manifest: dict, dest: Path) -> str:
    """``manifest.json`` then every file, gzip'd; written beside ``dest`` then renamed (owner-only)."""
    snap = work / "store"
    members: dict[str, Path] = {}
    for path in sorted(snap.rglob("*")):
        if path.is_file() and not path.is_symlink():
            members[f"store/{path.relative_to(snap).as_posix()}"] = path
    if (work / BOOK_JSON).is_file():
        members[BOOK_JSON] = work / BOOK_JSON
    manifest["files"] = {
        name: {"sha256": _sha256(path), "size": path.stat().st_size} for name, path in members.items()
    }
    text = json.dumps(manifest, ensure_ascii=False, indent=1).encode()
    partial = dest.with_name(f".{dest.name}.{uuid.uuid4().hex[:8]}.partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as raw:
            with tarfile.open(fileobj=raw, mode="w:gz", compresslevel=1) as tar:
                _add(tar, MANIFEST, len(text), io.BytesIO(text))
                for name, path in members.items():
                    with open(path, "rb") as fh:
                        _add(tar, name, manifest["files"][name]["size"], fh)
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(partial, dest)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return _sha256(dest)


def _add(tar: tarfile.TarFile, name: str, size: int, fh: Any) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = size, 0o600, int(time.time())
    tar.addfile(info, fh)


# =========================================================================== restore
_SEG = r"[A-Za-z0-9][A-Za-z0-9._-]{0,199}"
_MEMBER = re.compile(
    rf"store/(?:{re.escape(FORMAT_FILE)}|import_log\.jsonl|{re.escape(BOOK_FILE)}|\.gen/{_SEG}(?:/{_SEG}){{1,3}})"
    rf"|{re.escape(BOOK_JSON)}"
)
_DIR = re.compile(rf"boundaries|layers|\.gen|\.gen/{_SEG}(?:/{_SEG}){{0,2}}")
_UNIT = re.compile(rf"(boundaries|layers)/({_SEG})")
_MAX_MANIFEST = 64 << 20


def _damaged(src: Path, why: str) -> StoreError:
    return StoreError(f"the backup {src} cannot be restored: {why}. Nothing was changed.")


def _parse_manifest(src: Path, data: bytes) -> dict:
    try:
        manifest = json.loads(data)
        if not isinstance(manifest, dict) or manifest.get("atlas_backup") != _ARCHIVE_VERSION:
            raise ValueError("not an Atlas PMI backup manifest")
        found = manifest["format"]
        if isinstance(found, bool) or not isinstance(found, int) or found < 1:
            raise ValueError(f"format {found!r}")
        if manifest["backend"] not in ("files", "postgis"):
            raise ValueError(f"backend {manifest['backend']!r}")
        files, links, dirs = manifest["files"], manifest["links"], manifest["dirs"]
        if not isinstance(files, dict) or not isinstance(links, dict) or not isinstance(dirs, list):
            raise ValueError("files, links or dirs of the wrong kind")
        for name, spec in files.items():
            if not _MEMBER.fullmatch(name):
                raise ValueError(f"file name {name!r}")
            if not re.fullmatch(r"[0-9a-f]{64}", str(spec["sha256"])) or not isinstance(spec["size"], int):
                raise ValueError(f"sha256 or size of {name!r}")
        for folder in dirs:
            if not isinstance(folder, str) or not _DIR.fullmatch(folder):
                raise ValueError(f"folder {folder!r}")
        for unit, generation in links.items():
            match = _UNIT.fullmatch(unit)
            if (
                not match
                or not isinstance(generation, str)
                or not re.fullmatch(_SEG, generation)
                or not generation.startswith(f"{match[1]}-{match[2]}-")
                or f".gen/{generation}" not in dirs
            ):
                raise ValueError(f"link {unit!r} -> {generation!r}")
        for name in files:
            if name.startswith("store/.gen/") and name.split("/")[2] not in links.values():
                raise ValueError(f"{name!r} belongs to no linked generation")
        generations = {d for d in dirs if d.count("/") == 1}
        if generations != {f".gen/{g}" for g in links.values()} or len(set(links.values())) != len(links):
            raise ValueError("generations and links do not match one to one")
        if manifest.get("book") not in (None, BOOK_FILE, BOOK_JSON):
            raise ValueError(f"book {manifest.get('book')!r}")
    except (ValueError, KeyError, TypeError, AttributeError) as err:
        raise _damaged(src, f"its manifest is damaged ({err})") from err
    if found > CURRENT:
        raise FormatError("store.format.backup_newer", backup=str(src), found=found)
    return manifest


def read_manifest(src: Path | str) -> dict:
    """The manifest of the backup ``src`` (checked; the files are not)."""
    src = Path(src)
    try:
        with tarfile.open(src, mode="r:gz") as tar:
            first = tar.next()
            if first is None or first.name != MANIFEST or not first.isfile():
                raise _damaged(src, "it does not start with its manifest")
            return _parse_manifest(src, tar.extractfile(first).read(_MAX_MANIFEST))
    except (tarfile.TarError, EOFError, zlib.error, OSError) as err:
        raise _damaged(src, f"the archive is damaged ({err})") from err


def _unpack(src: Path, work: Path) -> dict:
    """Every member of the backup into ``work``, each checked against the manifest as it is written."""
    seen: set[str] = set()
    try:
        with tarfile.open(src, mode="r:gz") as tar:
            first = tar.next()
            if first is None or first.name != MANIFEST or not first.isfile() or first.size > _MAX_MANIFEST:
                raise _damaged(src, "it does not start with its manifest")
            manifest = _parse_manifest(src, tar.extractfile(first).read())
            files = manifest["files"]
            for member in tar:
                if member is first:
                    continue
                name = member.name
                if name not in files:
                    raise _damaged(src, f"it holds {name!r}, which its manifest does not list")
                if not member.isfile() or name in seen:
                    raise _damaged(src, f"{name!r} is not one plain file")
                seen.add(name)
                expected = files[name]
                target = work / name
                target.parent.mkdir(parents=True, exist_ok=True)
                digest, size = hashlib.sha256(), 0
                with tar.extractfile(member) as fh, open(target, "wb") as out:
                    for block in iter(lambda fh=fh: fh.read(1 << 20), b""):
                        size += len(block)
                        if size > expected["size"]:
                            break
                        digest.update(block)
                        out.write(block)
                if size != expected["size"] or digest.hexdigest() != expected["sha256"]:
                    raise _damaged(src, f"{name} does not match the sha256 its manifest gives")
    except (tarfile.TarError, EOFError, zlib.error, OSError) as err:
        raise _damaged(src, f"the archive is damaged ({err})") from err
    missing = sorted(set(manifest["files"]) - seen)
    if missing:
        raise _damaged(src, f"{len(missing)} files of its manifest are missing, e.g. {missing[0]}")
    if manifest["book"] is not None and manifest["book"] not in {n.removeprefix("store/") for n in seen}:
        raise _damaged(src, f"its manifest names the accounts {manifest['book']}, which it does not hold")
    return manifest


def _build(src: Path, root: Path, manifest: dict) -> None:
    """The store's folders and unit links in the unpacked ``root``, upgraded to ``CURRENT``."""
    for folder in sorted(manifest["dirs"], key=lambda d: d.count("/")):
        (root / folder).mkdir(parents=True, exist_ok=True)
    for unit, generation in manifest["links"].items():
        os.symlink(f"../.gen/{generation}", root / unit)
    found = manifest["format"]
    if found < CURRENT:
        for version in range(found, CURRENT):
            FILE_STEPS[version](root)
        _write_marker(
            root,
            [*_marker_upgrades(root), {"from": found, "to": CURRENT, "at": now(), "restored_from": str(src)}],
        )
    elif files_format(root) != CURRENT:
        raise _damaged(src, f"its {FORMAT_FILE} does not say format {CURRENT} as its manifest does")


def _check_opens(src: Path, root: Path) -> None:
    """Every unpacked file opens as what it is (a hash can match a file written wrong on purpose)."""
    import pyarrow.parquet as pq

    try:
        for path in sorted(root.rglob("*")):
            if path.suffix == ".parquet":
                pq.read_metadata(path)
            elif path.name in ("meta.json", FORMAT_FILE):
                json.loads(path.read_text(encoding="utf-8"))
            elif path.name == "import_log.jsonl":
                for line in path.read_text(encoding="utf-8").splitlines():
                    if line.strip():
                        json.loads(line)
        book = root / BOOK_FILE
        if book.exists():
            con = sqlite3.connect(f"file:{book}?mode=ro", uri=True)
            try:
                (verdict,) = con.execute("PRAGMA integrity_check").fetchone()
            finally:
                con.close()
            if verdict != "ok":
                raise ValueError(f"{BOOK_FILE}: {verdict}")
        held = Store(root)
        for layer in held.layers():
            if set(held.layer_versions(layer)) != {v["id"] for v in held.layer_meta(layer)["versions"]}:
                raise ValueError(f"layer {layer}: versions and files differ")
        for province in held.provinces():
            held.province_meta(province)
    except Exception as err:  # pyarrow, json, sqlite, store errors alike
        raise _damaged(src, f"a file of it does not open ({err})") from err


def restore(
    src: Path | str, store: Store | Path | str, *, make_book: Callable[[str | Path], None] | None = None
) -> dict:
    """Replace ``store`` (either backend) with the backup ``src``; all or nothing.

    ``make_book(place)`` creates an empty accounts book at an SQLite path or database URL (the
    accounts module's schema); it is needed only when the backup's accounts go to the other backend.
    """
    src = Path(src)
    held = _open(store)
    if not src.is_file():
        raise StoreError(f"there is no backup at {src}")
    database = is_database_url(held.key)
    if database:
        work = Path(tempfile.mkdtemp(prefix="atlas-restore-"))
    else:
        root = Path(held.key).absolute()
        root.parent.mkdir(parents=True, exist_ok=True)
        work = root.parent / f".{root.name}.restore-{uuid.uuid4().hex[:12]}"
        work.mkdir()
    try:
        manifest = _unpack(src, work)
        _build(src, work / "store", manifest)
        _check_opens(src, work / "store")
        if database:
            done = _restore_postgis(src, work, held, manifest, make_book)
        else:
            done = _restore_files(src, work, root, manifest, make_book)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {
        "store": held.label,
        "backup": str(src),
        "sha256": _sha256(src),
        "format": CURRENT,
        "backup_format": manifest["format"],
        "backup_backend": manifest["backend"],
        **manifest["contents"],
        **done,
    }


def _archive_book(src: Path, work: Path, manifest: dict) -> list[dict]:
    """The backup's accounts tables (names checked: they are written into SQL)."""
    try:
        if manifest["book"] == BOOK_FILE:
            return _book.sqlite_tables(work / "store" / BOOK_FILE)
        if manifest["book"] == BOOK_JSON:
            return _book.check_names(json.loads((work / BOOK_JSON).read_text())["tables"])
    except (ValueError, KeyError, TypeError, sqlite3.Error) as err:
        raise _damaged(src, f"its accounts cannot be read ({err})") from err
    return []


def _restore_files(src: Path, work: Path, root: Path, manifest: dict, make_book: Callable | None) -> dict:
    new = work / "store"
    book = new / BOOK_FILE
    if manifest["book"] == BOOK_JSON:
        tables = _archive_book(src, work, manifest)
        if tables:
            if make_book is None:
                raise StoreError(
                    "restoring a database's accounts into files needs make_book (loaders.backups)"
                )
            make_book(book)
            _book.fill_sqlite(book, tables)
    elif manifest["book"] == BOOK_FILE:
        _archive_book(src, work, manifest)  # its names are checked like a database's
    old_book = root / BOOK_FILE
    carried = _book.keep_audit_sqlite(book, old_book) if old_book.is_file() else 0
    kept = _swap_in(new, root)
    return {"audit_entries_kept": carried, "replaced_store_kept_at": kept}


def _exchange(a: Path, b: Path) -> None:
    """Swap two paths with one atomic ``renameat2(RENAME_EXCHANGE)`` (Linux); else two renames."""
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is not None:
        at_fdcwd, rename_exchange = -100, 2
        if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
            return
        code = ctypes.get_errno()
        if code not in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
            raise OSError(code, os.strerror(code), str(b))
    aside = b.with_name(f".{b.name}.{uuid.uuid4().hex[:8]}.aside")
    os.rename(b, aside)
    try:
        os.rename(a, b)
    except OSError:
        os.rename(aside, b)
        raise
    os.rename(aside, a)


def _swap_in(new: Path, root: Path) -> str | None:
    """``new`` becomes ``root`` in one step; the store it replaced goes to ``root/backups/replaced-<time>``."""
    if not os.path.lexists(root):
        new.rename(root)
        return None
    try:
        _exchange(new, root)
    except OSError as err:
        raise StoreError(
            f"the store at {root} could not be replaced ({err}); nothing was changed. Restore into a new "
            "folder (--store DIR) and point ATLAS_DATA_DIR at it"
        ) from err
    old = new  # after the exchange, the staging path holds the store that was replaced
    if old.is_dir() and not any(old.iterdir()):
        old.rmdir()
        return None
    backups = root / BACKUPS
    try:
        if (old / BACKUPS).is_dir() and not backups.exists():
            (old / BACKUPS).rename(backups)
        backups.mkdir(exist_ok=True)
        kept = backups / f"replaced-{_stamp()}-{uuid.uuid4().hex[:6]}"
        old.rename(kept)
    except OSError as err:  # the restore is done; only the old copy's place failed
        log.warning("the replaced store stays at %s (%s)", old, err)
        return str(old)
    return str(kept)


def _restore_postgis(src: Path, work: Path, held: Store, manifest: dict, make_book: Callable | None) -> dict:
    import psycopg

    staged = Store(work / "store")
    tables = _archive_book(src, work, manifest)
    if tables and make_book is not None:
        make_book(held.key)
    held.create_schema()  # the target's own format: an earlier one upgraded, a later one refused
    try:
        with _connect(held.key, held.label) as conn, conn.transaction():
            conn.execute("UPDATE atlas.state SET version = version + 1 WHERE id = 1")  # the writers' lock
            # the import log is append-only (a trigger): it keeps its entries and gains the backup's
            for table in ("atlas.provinces", "atlas.layer_versions", "atlas.layer_undo"):
                conn.execute(f"DELETE FROM {table}")
            Store(held.key).bound(conn).copy_from(staged)
            carried = _book.load_pg(conn, tables)
    except psycopg.Error as err:
        raise StoreError(
            f"the database at {held.label} could not take the backup {src} ({err}); nothing was changed"
        ) from err
    return {"audit_entries_kept": carried, "replaced_store_kept_at": None}
