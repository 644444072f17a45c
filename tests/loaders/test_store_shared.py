"""Two app processes on one PostGIS database see each other's imports without a restart.

Both processes run the real app (``streamlit run app.py``) with ``ATLAS_DATABASE_URL`` set;
sessions talk to them over the browser's own websocket protocol (``bench/session.py``). Their
cached reads are keyed on the database's data version, which every write transaction raises.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench.load import app_process, no_layer_text, prepare
from bench.session import AppSession
from loaders.layers import import_file
from loaders.store import Store

pytestmark = pytest.mark.slow


def test_two_app_processes_see_an_import_made_elsewhere_without_restart(pg_url, tmp_path):
    prepare(pg_url, tmp_path)  # demo boundaries and layers, the enterprises layer left out
    missing = no_layer_text()
    with app_process(pg_url) as first, app_process(pg_url) as second:
        sessions = [AppSession(first), AppSession(second)]
        try:
            for session in sessions:
                run = session.open("usaha-purna", "data=store")
                assert run.ok, run.exceptions
                assert missing in run.text()  # not loaded yet, and now cached in both processes
            plan, version = import_file(
                "enterprises", tmp_path / "usaha_pmi_purna.csv", Store(pg_url), mode="replace"
            )
            assert version == 1 and plan.accepted
            for session in sessions:  # the same sessions, the same processes: no restart
                run = session.open("usaha-purna", "data=store")
                assert run.ok, run.exceptions
                assert missing not in run.text()
                assert any("Usaha" in text for text in run.texts)
        finally:
            for session in sessions:
                session.close()
    assert [v["id"] for v in Store(pg_url).layer_meta("enterprises")["versions"]] == [1]


def test_concurrent_imports_from_two_processes_neither_lose_nor_double_a_version(pg_url, tmp_path):
    """Writers queue on the database's version row: ids stay unique and every version is kept."""
    root = Path(__file__).resolve().parents[2]
    prepare(pg_url, tmp_path)
    # sign-in is on by default with a database: these imports run with it off, on purpose
    env = {**os.environ, "ATLAS_DATABASE_URL": pg_url, "ATLAS_LANGUAGE": "en", "ATLAS_AUTH": "off"}
    command = [
        sys.executable,
        "-m",
        "loaders.layers",
        "import",
        "enterprises",
        str(tmp_path / "usaha_pmi_purna.csv"),
    ]
    procs = [
        subprocess.Popen(
            [*command, "--mode", "append"], cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(4)
    ]
    outs = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), [err.decode()[-500:] for _, err in outs]
    versions = Store(pg_url).layer_meta("enterprises")["versions"]
    assert sorted(v["id"] for v in versions) == [1, 2, 3, 4]
    rows = Store(pg_url).read_layer("enterprises")
    assert rows.groupby("version").size().nunique() == 1 and rows["version"].nunique() == 4
