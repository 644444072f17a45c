"""The store's format version: a store of the release before it opens (upgraded once, backup kept),
a newer or damaged one is refused, on both backends.

The upgrade tests build a store with the code of the release tagged before the format existed
(``release-2026-12-07``, extracted from this repository's history into a temporary folder and run
with the project's virtualenv): the demo pack, real Banten villages from ../shared/data through
its boundary import, a placements import by a signed-in steward, accounts and their audit log;
then they read it with this release and compare every figure the pages read.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pandas as pd
import pytest
from store_figures import figures, figures_in

from loaders import accounts
from loaders.store import FORMAT, FormatError, Store, StoreError, backup, close_pools, restore, store_format
from loaders.store import format as store_format_module
from loaders.store.steps import FILE_STEPS, POSTGIS_STEPS

ROOT = Path(__file__).resolve().parents[2]
#: The release before the store format (tag ``release-2026-12-07``).
RELEASE = "cf249b22fa24cd2eb8fb7ffb9c9936cb45720478"
PASSWORD = "correct horse battery"


def _tree(path: Path) -> dict[str, object]:
    """Every file (bytes), folder and link (target) under ``path``, by relative path."""
    out: dict[str, object] = {}
    for item in sorted(path.rglob("*")):
        rel = item.relative_to(path).as_posix()
        if item.is_symlink():
            out[rel] = ("link", os.readlink(item))
        elif item.is_dir():
            out[rel] = "dir"
        else:
            out[rel] = item.read_bytes()
    return out


def _as_before(found: dict) -> dict:
    """``found`` (figures read by this release) without what format 3 adds to each layer version:
    its coverage (:mod:`geo.data_coverage`), derived at the upgrade. Checks that every version has it."""
    out = json.loads(json.dumps(found))
    for meta in out["layer_meta"].values():
        for entry in meta["versions"]:
            coverage = entry.pop("coverage")  # what its rows show: areas by year, or every year
            assert set(coverage) <= {"by_year", "every_year"} and coverage
    return out


def _meta_as_before(data: bytes) -> dict:
    meta = json.loads(data)
    for entry in meta["versions"]:
        entry.pop("coverage")
    return meta


def _layer(n: int = 6) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "village": pd.array([f"36.72.01.{1001 + i}" for i in range(n)], dtype="string"),
            "year": pd.array([2023 + i % 2 for i in range(n)], dtype="int16"),
            "count": pd.array([3 + i for i in range(n)], dtype="int64"),
        }
    )


# --------------------------------------------------------------------------- the release before
@pytest.fixture(scope="module")
def old_release(tmp_path_factory) -> Path:
    """The source tree of the release before the store format, from this repository's history."""
    git = shutil.which("git")
    if git is None:
        pytest.skip("git is not installed: the release before the store format cannot be extracted")
    found = subprocess.run(
        [git, "-C", str(ROOT), "cat-file", "-e", f"{RELEASE}^{{commit}}"], capture_output=True, text=True
    )
    if found.returncode != 0:
        pytest.skip(
            f"commit {RELEASE[:12]} (tag release-2026-12-07) is not in this clone (a shallow clone?): "
            "fetch the full history to run the upgrade tests"
        )
    archive = subprocess.run([git, "-C", str(ROOT), "archive", "--format=tar", RELEASE], capture_output=True)
    assert archive.returncode == 0, archive.stderr
    tree = tmp_path_factory.mktemp("release-2026-12-07")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(tree, filter="data")
    assert not (tree / "loaders" / "store" / "format.py").exists()  # truly the release before
    return tree


def _run_old(tree: Path, args: list[str], env: dict, stdin: str | None = None) -> str:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("ATLAS_") and k != "PYTHONPATH"}
    done = subprocess.run(
        [sys.executable, "-m", *args],
        cwd=tree,
        env={**clean, "ATLAS_LANGUAGE": "en", **env},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, f"{args}: {done.stdout}\n{done.stderr}"
    return done.stdout


def _placements_csv(path: Path, codes: list[str]) -> Path:
    rows = ["Kode Desa,Tahun,Jenis Kelamin,Negara Penempatan,Jumlah PMI"]
    for i, code in enumerate(codes):
        rows.append(f"{code},{2022 + i % 3},{'LP'[i % 2]},{['MALAYSIA', 'TAIWAN'][i % 2]},{1 + i % 7}")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _old_people(tree: Path, env: dict, csv: Path) -> None:
    """Accounts made by the old release, and a placements import by its signed-in steward."""
    _run_old(tree, ["loaders.accounts", "add-user", "admin", "--role", "admin"], env, PASSWORD + "\n")
    _run_old(
        tree,
        ["loaders.accounts", "add-user", "siti", "--role", "steward", "--province", "36"],
        env,
        PASSWORD + "\n",
    )
    _run_old(
        tree,
        ["loaders.layers", "import", "placements", str(csv), "--mode", "append"],
        {**env, "ATLAS_AUTH": "local", "ATLAS_USER": "siti", "ATLAS_PASSWORD": PASSWORD},
    )


@pytest.fixture(scope="module")
def old_store(old_release, shared_data, tmp_path_factory) -> tuple[Path, dict]:
    """A store written by the release before: the demo pack, real Banten villages, an import by
    a signed-in steward, two accounts; and the figures that release reads from it."""
    work = tmp_path_factory.mktemp("old-store")
    store = work / "store"
    env = {"ATLAS_DATA_DIR": str(store)}
    _run_old(old_release, ["loaders.demo", "build", "--target", str(store)], env)
    banten = shared_data / "boundaries" / "desa" / "desa_36.parquet"
    _run_old(old_release, ["loaders.boundaries", "import", str(banten)], env)
    codes = pd.read_parquet(banten, columns=["kode"])["kode"].head(120).tolist()
    _old_people(old_release, env, _placements_csv(work / "penempatan.csv", codes))
    assert not (store / "store_format.json").exists()
    old_figures, _ = figures_in(old_release, env)
    assert old_figures["provinces"] == ["36", "99"] and "placements" in old_figures["layers"]
    assert {e["action"] for e in old_figures["audit"]} >= {"user-add", "sign-in", "import"}
    return store, old_figures


def _copy(store: Path, target: Path) -> Path:
    shutil.copytree(store, target, symlinks=True)
    return target


# --------------------------------------------------------------------------- embedded store
def test_a_store_of_the_release_before_opens_upgraded_once_with_a_backup(old_store, tmp_path):
    source, old_figures = old_store
    store = _copy(source, tmp_path / "store")
    before = _tree(store)
    assert store_format(store) == 1  # recognised by its folders, without a marker

    now_figures, said = figures_in(ROOT, {"ATLAS_DATA_DIR": str(store)})
    assert _as_before(now_figures) == old_figures
    assert "upgraded from format 1 to 3" in said
    marker = json.loads((store / "store_format.json").read_text())
    assert marker["format"] == FORMAT == 3
    kept = sorted((store / "backups").iterdir())
    assert [p.name[:17] for p in kept] == ["store-format-1-20"] and marker["upgrades"][0]["backup"] == str(
        kept[0]
    )
    # Only the marker and the backup were added, and each layer version's coverage (format 3, in
    # its meta.json); every other file of the release before is as it was.
    after = _tree(store)
    metas = [k for k in before if k.startswith(".gen/layers-") and k.endswith("/meta.json")]
    assert metas and all(_meta_as_before(after[k]) == json.loads(before[k]) for k in metas)
    assert {
        k: v for k, v in after.items() if not k.startswith(("backups", "store_format")) and k not in metas
    } == {k: v for k, v in before.items() if k not in metas}

    # A second open (another process) finds it done: same figures, still one backup.
    again, said = figures_in(ROOT, {"ATLAS_DATA_DIR": str(store)})
    assert _as_before(again) == old_figures and "upgraded" not in said
    assert sorted((store / "backups").iterdir()) == kept

    # The backup kept holds the store as the old release left it: restored, it reads the same.
    restored = tmp_path / "restored"
    done = restore(kept[0], restored)
    assert done["backup_format"] == 1 and done["format"] == FORMAT
    restored_figures = figures(Store(restored), accounts.SqliteBook(restored / "accounts.sqlite"))
    assert _as_before(restored_figures) == old_figures
    back = _tree(restored)
    assert {
        k: v for k, v in back.items() if k not in ("store_format.json", "accounts.sqlite") and k not in metas
    } == {k: v for k, v in before.items() if k != "accounts.sqlite" and k not in metas}
    assert json.loads(back["store_format.json"])["upgrades"][0]["restored_from"] == str(kept[0])


def test_two_processes_opening_the_old_store_together_upgrade_it_once(old_store, tmp_path):
    store = _copy(old_store[0], tmp_path / "store")
    code = f"from loaders.store import Store; print(Store({str(store)!r}).provinces())"
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(2)
    ]
    outs = [run.communicate(timeout=600) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outs
    assert [out.decode().strip() for out, _ in outs] == ["['36', '99']"] * 2
    assert len(list((store / "backups").iterdir())) == 1
    assert sum(b"upgraded from format 1" in err for _, err in outs) == 1


def test_an_old_store_that_cannot_be_upgraded_here_is_refused_with_the_command(old_store, tmp_path):
    store = _copy(old_store[0], tmp_path / "store")
    (store / "backups").write_text("not a folder: no backup can be written here")
    before = _tree(store)
    with pytest.raises(FormatError) as refused:
        Store(store).provinces()
    message = str(refused.value)
    assert "format 1" in message and "earlier release" in message and "no backup could be written" in message
    assert f"python -m loaders.store upgrade --store {store}" in message
    assert _tree(store) == before  # nothing changed, nothing read half
    # The command it names upgrades it, the backup where the user says.
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "loaders.store",
            "upgrade",
            "--store",
            str(store),
            "--backup-dir",
            str(tmp_path / "kept"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "ATLAS_AUTH": "off"},
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert (
        report["from"] == 1 and report["to"] == FORMAT and Path(report["backup"]).parent == tmp_path / "kept"
    )
    assert Store(store).provinces() == ["36", "99"]


def test_a_new_store_is_written_with_the_current_format(tmp_path):
    store = Store(tmp_path / "store")
    assert store.provinces() == [] and not (tmp_path / "store").exists()  # reading writes nothing
    store.write_layer_version("placements", _layer(), {"source": "a.csv"}, replace=False)
    marker = json.loads((tmp_path / "store" / "store_format.json").read_text())
    assert marker == {"format": FORMAT, "written_by": "Atlas PMI", "upgrades": []}
    assert not (tmp_path / "store" / "backups").exists()  # nothing to back up in a new store


@pytest.mark.parametrize(
    "marker, why",
    [
        ('{"format": 4}', "format 4, written by a newer release"),
        ('{"format": 9999, "layout": "something else"}', "format 9999, written by a newer release"),
        ('{"format": "2"}', "damaged store_format.json"),
        ("{not json", "damaged store_format.json"),
    ],
)
def test_a_store_of_a_newer_or_unknown_format_is_refused_and_never_read(tmp_path, marker, why):
    Store(tmp_path / "store").write_layer_version("placements", _layer(), {}, replace=False)
    (tmp_path / "store" / "store_format.json").write_text(marker)
    before = _tree(tmp_path / "store")
    for read in (
        lambda s: s.layers(),
        lambda s: s.read_layer("placements"),
        lambda s: s.version(),
        lambda s: s.write_layer_version("placements", _layer(), {}, replace=False),
        lambda s: backup(s, tmp_path / "b.tar.gz"),
    ):
        with pytest.raises(StoreError, match=why):
            read(Store(tmp_path / "store"))
    assert _tree(tmp_path / "store") == before and not (tmp_path / "b.tar.gz").exists()


def test_each_format_has_one_step_to_the_next_on_both_backends():
    assert sorted(FILE_STEPS) == sorted(POSTGIS_STEPS) == list(range(1, FORMAT))
    assert store_format_module.CURRENT == FORMAT


# --------------------------------------------------------------------------- PostGIS
def test_a_database_of_the_release_before_opens_upgraded_once_with_a_backup(
    old_release, old_store, shared_data, pg_url, tmp_path
):
    source = _copy(old_store[0], tmp_path / "files")
    backups = tmp_path / "data"
    old_env = {"ATLAS_DATABASE_URL": pg_url, "ATLAS_DATA_DIR": str(source)}
    _run_old(old_release, ["loaders.store", "migrate", "--from", str(source), "--to", pg_url], old_env)
    banten = pd.read_parquet(shared_data / "boundaries" / "desa" / "desa_36.parquet", columns=["kode"])
    codes = banten["kode"].tail(5).tolist()
    _old_people(old_release, old_env, _placements_csv(tmp_path / "more.csv", codes))
    old_figures, _ = figures_in(old_release, old_env)
    assert old_figures["provinces"] == ["36", "99"] and len(old_figures["audit"]) >= 4
    close_pools()
    assert store_format(pg_url) == 1

    env = {"ATLAS_DATABASE_URL": pg_url, "ATLAS_DATA_DIR": str(backups)}
    now_figures, said = figures_in(ROOT, env)
    assert _as_before(now_figures) == old_figures
    assert "upgraded from format 1 to 3" in said and store_format(pg_url) == FORMAT
    kept = sorted((backups / "backups").iterdir())
    assert len(kept) == 1 and kept[0].name.startswith("store-format-1-")
    again, said = figures_in(ROOT, env)
    assert _as_before(again) == old_figures and "upgraded" not in said
    assert sorted((backups / "backups").iterdir()) == kept

    # The backup kept holds the database as the old release left it (as files here).
    restored = tmp_path / "restored"
    restore(kept[0], restored, make_book=lambda place: accounts.SqliteBook(place).accounts())
    from_backup = figures(Store(restored), accounts.SqliteBook(restored / "accounts.sqlite"))
    assert _as_before(from_backup) == old_figures


def test_a_database_of_a_newer_format_is_refused(pg_url, tmp_path):
    import psycopg

    held = Store(pg_url)
    held.write_layer_version("placements", _layer(), {}, replace=False)
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("UPDATE atlas.state SET schema_version = 7 WHERE id = 1")
        state = conn.execute("SELECT version FROM atlas.state").fetchone()
    close_pools()  # another app process, started after the newer release wrote the database
    with pytest.raises(FormatError, match="format 7, written by a newer release"):
        Store(pg_url).read_layer("placements")
    with pytest.raises(FormatError, match="format 7"):
        backup(pg_url, tmp_path / "nowhere" / "never-written.tar.gz")
    with psycopg.connect(pg_url, autocommit=True) as conn:
        assert conn.execute("SELECT version, schema_version FROM atlas.state").fetchone() == (state[0], 7)
    assert not (tmp_path / "nowhere").exists()
    close_pools()


def test_a_new_database_is_written_with_the_current_format(pg_url):
    Store(pg_url).write_layer_version("placements", _layer(), {}, replace=False)
    assert store_format(pg_url) == FORMAT


# --------------------------------------------------------------------------- a column added later
def test_placements_stored_before_the_agency_field_read_with_it_missing(old_store, tmp_path):
    """The release before had no ``agency`` column: its placements read, as the pages and the
    exports read them, with the agency empty (missing, never a crash), the agency filter offers
    nothing, and a new version with agencies sits beside the old rows."""
    from geo import metrics
    from geo.layers import with_columns

    store = Store(_copy(old_store[0], tmp_path / "store"))
    assert "agency" not in store.read_layer("placements")  # stored as that release wrote it
    frame = with_columns("placements", store.read_layer("placements"))
    assert len(frame) and frame["agency"].isna().all() and str(frame["agency"].dtype) == "string"
    assert metrics.options_of(frame, "agency") == [] and not metrics.recorded(frame, "agency")
    assert metrics.filter_layer(frame, metrics.Filters(agencies=("PT Mitra Sejahtera Insani",))).empty
    assert len(metrics.filter_layer(frame, metrics.Filters())) == len(frame)
    new = frame.drop(columns="version").head(3).assign(agency="PT Mitra Sejahtera Insani")
    store.write_layer_version(
        "placements", new.astype({"agency": "string"}), {"source": "p.xlsx"}, replace=False
    )
    both = with_columns("placements", store.read_layer("placements"))
    assert len(both) == len(frame) + 3 and both["agency"].notna().sum() == 3
    assert metrics.options_of(both, "agency") == ["PT Mitra Sejahtera Insani"]
    # filtered by that agency, the villages of the older version are no data, never 0
    values = metrics.measure_values(
        "count", both, 4, metrics.Filters(agencies=("PT Mitra Sejahtera Insani",)), both["village"].unique()
    )
    assert values.notna().sum() == new["village"].nunique() and (values.dropna() > 0).all()


def test_a_database_version_without_the_agency_column_reads_it_missing(pg_url):
    from geo.layers import with_columns

    store = Store(pg_url)
    store.write_layer_version("placements", _layer(), {"source": "old"}, replace=False)
    frame = with_columns("placements", store.read_layer("placements"))
    assert frame["agency"].isna().all() and str(frame["agency"].dtype) == "string"
    assert frame["count"].tolist() == _layer()["count"].tolist()


# --------------------------------------------------------------------------- what a user sees
def test_the_app_says_why_it_does_not_open_a_newer_store_in_the_users_language(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    Store(tmp_path / "store").write_layer_version("placements", _layer(), {}, replace=False)
    (tmp_path / "store" / "store_format.json").write_text('{"format": 9}')
    monkeypatch.setenv("ATLAS_DATA_DIR", str(tmp_path / "store"))
    monkeypatch.delenv("ATLAS_DATABASE_URL", raising=False)
    monkeypatch.delenv("ATLAS_AUTH", raising=False)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.run()
    assert not at.exception
    [shown] = [e.value for e in at.error]
    assert "berformat 9, ditulis oleh rilis Atlas PMI yang lebih baru" in shown
    assert "python -m loaders.store restore" in shown
