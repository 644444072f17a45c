"""The office the grant attacks run against: real Banten (36) and Nusa Tenggara Barat (52)
boundaries from ``../shared/data`` (imported once per test session, as the app imports a boundary
file), layers loaded by the administrator, and one account per role and grant.

Layers (the figures are invented, the village codes real):

- placements v1 ``penempatan_banten_2023.csv`` (36 only), v2 ``penempatan_ntb_2023.csv`` (52 only),
  v3 ``rekap_nasional_2024.csv`` (both provinces): totals {36: 7,362, 52: 5,164};
- programmes v1 ``cakupan_banten_lama.xlsx`` (36 only) and v2 ``cakupan_ntb_lama.xlsx`` (52 only),
  written as an earlier release wrote them: no province list in the version's entry;
- reports and enterprises, one version each over both provinces.

Either backend: an embedded store (``ATLAS_DATA_DIR``, the accounts in ``accounts.sqlite``) or
PostGIS (``ATLAS_DATABASE_URL``, the accounts in the same database).
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pytest

from geo.codes import Level
from loaders import accounts
from loaders.accounts import Role
from loaders.store import Store

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "kata-sandi-rahasia"
BANTEN, NTB = "36", "52"
#: Names that only Banten's areas carry (no village, district or regency of NTB holds them).
BANTEN_WORDS = ("Banten", "Serang", "Lebak", "Tangerang", "Pandeglang", "Cilegon")
#: Placements per file and province: (file, year, {province: total}).
PLACEMENT_FILES = (
    ("penempatan_banten_2023.csv", 2023, {BANTEN: 4613}),
    ("penempatan_ntb_2023.csv", 2023, {NTB: 3306}),
    ("rekap_nasional_2024.csv", 2024, {BANTEN: 2749, NTB: 1858}),
)
TOTALS = {BANTEN: 4613 + 2749, NTB: 3306 + 1858}
#: Banten's figures as the pages and files would write them (Indonesian and English).
BANTEN_FIGURES = ("4.613", "4,613", "2.749", "2,749", "7.362", "7,362")
#: account name -> (role, grants)
USERS = {
    "admin": (Role.ADMIN, ()),
    "steward52": (Role.STEWARD, (NTB,)),
    "analyst52": (Role.ANALYST, (NTB,)),
    "viewer52": (Role.VIEWER, (NTB,)),
    "viewer": (Role.VIEWER, ()),
    "analyst": (Role.ANALYST, ()),
    "steward": (Role.STEWARD, ()),
    "everywhere": (Role.ANALYST, (accounts.ALL_PROVINCES,)),
}

_BUILT: dict[str, Store] = {}


def boundaries(shared_data: Path, tmp_path_factory) -> Store:
    """Banten and NTB imported from the real village files (once per test session)."""
    if "store" not in _BUILT:
        from loaders.boundaries import import_file

        store = Store(tmp_path_factory.mktemp("grant-boundaries") / "store")
        for province in (BANTEN, NTB):
            import_file(store, shared_data / "boundaries" / "desa" / f"desa_{province}.parquet")
        _BUILT["store"] = store
    return _BUILT["store"]


def villages(store: Store, province: str, n: int) -> list[str]:
    """``n`` village codes of ``province`` with a polygon, spread over its regencies."""
    frame = store.read_attributes(Level.VILLAGE, province, ["code", "has_polygon"])
    codes = frame.loc[frame["has_polygon"].astype(bool), "code"].sort_values().tolist()
    step = max(len(codes) // n, 1)
    return codes[::step][:n]


def placements_csv(path: Path, store: Store, year: int, totals: dict[str, int], n: int = 12) -> Path:
    """A placement file as an office exports it: code, year, count; ``totals`` per province."""
    lines = ["Kode Desa;Tahun;Jumlah PMI"]
    for province, total in totals.items():
        codes = villages(store, province, n)
        counts = [total // n] * n
        counts[0] += total - sum(counts)
        lines += [f"{code};{year};{count}" for code, count in zip(codes, counts, strict=True)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def placement_totals(store: Store) -> dict[str, int]:
    """Placements per province as stored (every version)."""
    frame = store.read_layer("placements")
    if frame.empty:
        return {}
    by = frame.groupby(frame["village"].str[:2])["count"].sum()
    return {str(k): int(v) for k, v in by.items()}


def _load_layers(store: Store, folder: Path) -> None:
    """The administrator's imports, and the layers written as an earlier release wrote them."""
    from loaders.layers import analyse, commit
    from tests.export_data import enterprises_frame, programmes_frame, reports_frame

    folder.mkdir(parents=True, exist_ok=True)
    for name, year, totals in PLACEMENT_FILES:
        path = placements_csv(folder / name, store, year, totals)
        plan = analyse("placements", path.read_bytes(), path.name, store)
        assert plan.accepted, [i.message("en") for i in plan.errors]
        commit(plan, store, "append")
    codes = {p: pd.Series(villages(store, p, 400)) for p in (BANTEN, NTB)}
    for name, province in (("cakupan_banten_lama.xlsx", BANTEN), ("cakupan_ntb_lama.xlsx", NTB)):
        rows = programmes_frame(codes[province])
        info = {"file": name, "rows_read": len(rows), "stored_rows": len(rows), "total": len(rows)}
        store.write_layer_version("programmes", rows, info, replace=False)
    both = pd.concat(codes.values(), ignore_index=True)
    for layer, rows in (("reports", reports_frame(both)), ("enterprises", enterprises_frame(both))):
        info = {"file": f"{layer}_gabungan.xlsx", "stored_rows": len(rows)}
        store.write_layer_version(layer, rows, info, replace=True)


@dataclass
class Office:
    """One office's deployment: the store, its accounts, the environment of its commands."""

    store: Store
    book: accounts.AccountBook
    env: dict[str, str]
    files: Path
    backend: str
    names: dict[str, str] = field(default_factory=dict)

    def as_user(self, name: str) -> dict[str, str]:
        """The environment of a command run as ``name`` (sign-in from ATLAS_USER/ATLAS_PASSWORD)."""
        return {**self.env, "ATLAS_USER": name, "ATLAS_PASSWORD": PASSWORD}

    def cli(self, *args: str, user: str | None = None) -> subprocess.CompletedProcess:
        """``python -m ARGS`` as ``user`` (none: no ATLAS_USER), in English."""
        env = {**os.environ, **(self.as_user(user) if user else self.env)}
        if not user:
            env.pop("ATLAS_USER", None)
        return subprocess.run(
            [sys.executable, "-m", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )

    def entries(self) -> list[tuple[str, str, str, str]]:
        """The audit log as (user, action, outcome, provinces)."""
        return [(e["user"], e["action"], e["outcome"], e["provinces"]) for e in self.book.entries()]


def open_office(
    backend: str, request, shared_data: Path, tmp_path_factory, tmp_path: Path, monkeypatch
) -> Office:
    """The office on ``backend`` (``files`` or ``postgis``, its database from the ``pg_url``
    fixture of ``request``); sign-in on."""
    source = boundaries(shared_data, tmp_path_factory)
    folder = tmp_path / "store"
    env = {"ATLAS_AUTH": "local", "ATLAS_DATA_DIR": str(folder), "ATLAS_LANGUAGE": "en"}
    env["ATLAS_CACHE_DIR"] = str(tmp_path / "cache")
    monkeypatch.delenv("ATLAS_DATABASE_URL", raising=False)
    if backend == "postgis":
        try:
            url = request.getfixturevalue("pg_url")
        except pytest.FixtureLookupError:
            pytest.skip("no PostgreSQL test server fixture (pg_url)")
        env["ATLAS_DATABASE_URL"] = url
        store = Store(url)
        for province in source.provinces():
            store.copy_province(source, province)
    else:
        source.snapshot(folder)
        store = Store(folder)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    book = accounts.book()
    digest = accounts.hash_password(PASSWORD)
    for name, (role, grants) in USERS.items():
        book.add_user(name, role, password_hash=digest, provinces=grants)
    with accounts.acting_as(book.account("admin")):
        _load_layers(store, tmp_path / "files")
    return Office(store, book, env, tmp_path / "files", backend)
