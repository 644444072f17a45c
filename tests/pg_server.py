"""A throwaway PostgreSQL + PostGIS server for tests and benchmarks (Debian's packages, no Docker).

``PgServer().start()`` runs ``initdb`` in a temporary folder and starts ``postgres`` on a free
port on 127.0.0.1 (as the ``postgres`` user when run as root: initdb refuses root), with
``trust`` authentication on loopback only; ``stop()`` stops it and deletes the folder.
:meth:`PgServer.database` makes a fresh database from a template that already holds PostGIS.

Fixtures in ``tests/conftest.py``: ``pg_server`` (one server per test session) and
``pg_url`` (a fresh database per test). Skipped with a reason when the server binaries are not
installed (``scripts/setup.sh --dev`` installs ``postgresql`` and ``postgis``).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

__all__ = ["PgServer", "pg_bin_dir", "missing_reason"]

TEMPLATE = "atlas_template"


def pg_bin_dir() -> Path | None:
    """The newest ``/usr/lib/postgresql/N/bin`` with ``initdb`` (``$PG_BIN`` first)."""
    if os.environ.get("PG_BIN"):
        return Path(os.environ["PG_BIN"])
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    return found[-1].parent if found else None


def missing_reason() -> str | None:
    """Why no server can be started here, or None."""
    bin_dir = pg_bin_dir()
    if bin_dir is None or not (bin_dir / "initdb").exists():
        return "PostgreSQL server binaries not installed (scripts/setup.sh --dev installs postgresql postgis)"
    version = bin_dir.parent.name
    if not list(Path(f"/usr/share/postgresql/{version}/extension").glob("postgis.control")):
        return f"PostGIS not installed for PostgreSQL {version} (apt-get install postgis)"
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PgServer:
    """One PostgreSQL server in a temporary folder on a free loopback port."""

    def __init__(self) -> None:
        self.bin = pg_bin_dir()
        self.folder: Path | None = None
        self.port: int | None = None
        self.user = "postgres"

    # ------------------------------------------------------------------ processes
    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        as_postgres = os.geteuid() == 0
        return subprocess.run(
            [str(self.bin / args[0]), *args[1:]],
            check=check,
            capture_output=True,
            text=True,
            user="postgres" if as_postgres else None,
            timeout=120,
        )

    def start(self) -> PgServer:
        reason = missing_reason()
        if reason:
            raise RuntimeError(reason)
        self.folder = Path(tempfile.mkdtemp(prefix="atlas-pg-"))
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        else:
            self.user = os.environ.get("USER") or "postgres"
        data = self.folder / "data"
        self._run("initdb", "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale")
        self.user = "postgres"
        self.port = _free_port()
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={self.folder}"
            " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        self._run("pg_ctl", "-D", str(data), "-o", options, "-l", str(self.folder / "log"), "-w", "start")
        self._wait()
        self._template()
        return self

    def _wait(self, timeout: float = 30) -> None:
        import psycopg

        until = time.monotonic() + timeout
        while True:
            try:
                psycopg.connect(self.url("postgres"), connect_timeout=2).close()
                return
            except psycopg.OperationalError:
                if time.monotonic() > until:
                    raise
                time.sleep(0.2)

    def _template(self) -> None:
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {TEMPLATE}")
        with psycopg.connect(self.url(TEMPLATE), autocommit=True) as conn:
            conn.execute("CREATE EXTENSION postgis")

    def stop(self) -> None:
        if self.folder is None:
            return
        from loaders.store import close_pools

        close_pools()
        if (self.folder / "data" / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop", check=False)
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder = None

    def __enter__(self) -> PgServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # ------------------------------------------------------------------ databases
    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{database}"

    def database(self, name: str | None = None) -> str:
        """A fresh database (PostGIS already in it); returns its URL."""
        import psycopg

        name = name or f"atlas_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
        return self.url(name)

    def drop(self, url: str) -> None:
        import psycopg

        from loaders.store import close_pools

        close_pools()
        name = url.rsplit("/", 1)[-1]
        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
