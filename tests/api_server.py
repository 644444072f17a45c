"""The OGC API as a user runs it, for the tests: ``python -m cli serve-api --port 0`` on 127.0.0.1
(any free port; the server prints its URL), stopped when the block ends. And an OWSLib client
with a token, built without leaking the token into OWSLib's shared default headers."""

from __future__ import annotations

import os
import re
import select
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: The users of the grant office (``tests/security/grant_store.py``) a token is issued to.
TOKEN_USERS = ("viewer52", "analyst52", "steward52", "admin", "viewer", "everywhere")


def issue(office, name: str) -> str:
    """``atlas users token issue NAME`` run by the owner of the book; the token it printed."""
    from loaders import accounts

    done = office.cli("cli", "users", "token", "issue", name)
    assert done.returncode == 0, done.stderr
    token = done.stdout.strip()
    assert token.startswith(accounts.TOKEN_PREFIX), done.stdout
    return token


@contextmanager
def api_office(request, shared_data: Path, tmp_path_factory) -> Iterator:
    """The grant office on the embedded store (real 36 and 52 boundaries, its layers and users),
    a token per user of :data:`TOKEN_USERS` (``office.names``) and its API running
    (``office.url``); for a module-scoped fixture."""
    import pytest

    from tests.security.grant_store import open_office

    with pytest.MonkeyPatch.context() as mp:
        folder = tmp_path_factory.mktemp("api-office")
        office = open_office("files", request, shared_data, tmp_path_factory, folder, mp)
        office.names = {name: issue(office, name) for name in TOKEN_USERS}
        with serving(office.env, folder / "api.log") as url:
            office.url = url
            yield office


@contextmanager
def serving(env: dict[str, str], log: Path) -> Iterator[str]:
    """Start the API with ``env`` (the office's settings); yields its base URL."""
    with log.open("w") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "cli", "serve-api", "--host", "127.0.0.1", "--port", "0"],
            cwd=ROOT,
            env={**os.environ, **env},
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
        )
        try:
            ready, _, _ = select.select([proc.stdout], [], [], 180)
            line = proc.stdout.readline() if ready else ""
            found = re.search(r"(http://127\.0\.0\.1:\d+)", line)
            assert found, f"the API did not start: {line!r} {log.read_text()[-2000:]}"
            yield found.group(1)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=20)


def client(url: str, token: str | None = None, *, basic: tuple[str, str] | None = None):
    """An OWSLib OGC API - Features client sending ``token`` as a Bearer token (or ``basic``)."""
    from owslib import ogcapi
    from owslib.ogcapi.features import Features

    headers = {}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    auth = None
    if basic is not None:
        from owslib.util import Authentication

        auth = Authentication(*basic)
    saved = dict(ogcapi.REQUEST_HEADERS)
    try:
        api = Features(url, headers=headers, auth=auth, timeout=300)
    finally:  # OWSLib updates its module-wide default headers in place
        ogcapi.REQUEST_HEADERS.clear()
        ogcapi.REQUEST_HEADERS.update(saved)
    api.headers = {**saved, **headers}
    return api
