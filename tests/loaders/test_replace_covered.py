"""Issue 22, items 1–2 from the steward's side: the NTB-wide export for 2023–2024, then a Lombok
Tengah 2024 export in the default mode. The file replaces only what it covers (Lombok Tengah 2024),
the CLI says so before writing and writes only with ``--yes``, and undo puts the layer back
byte for byte. Files built in code from real gazetteer villages (tests/coverage_data.py)."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pandas as pd
import pytest

import i18n
from geo import figures
from loaders.layers import analyse, commit, import_file, replace_plan, undo, undo_plan
from loaders.layers.cli import EXIT_NOT_CONFIRMED, main
from loaders.store import Store, StoreError

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from coverage_data import (  # noqa: E402
    LOMBOK_TENGAH,
    LOMBOK_TIMUR,
    hand_total,
    lombok_tengah_2024,
    ntb_export,
)


def layer_bytes(store: Store, layer: str) -> dict[str, str]:
    """Hash of each file of the layer's live generation (meta.json, v*.parquet; not its undo points)."""
    folder = (store.root / "layers" / layer).resolve()
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*")) if p.is_file()
    }


def regency_totals(store: Store) -> dict[tuple[str, int], int]:
    rows = store.read_layer("placements")
    return rows.groupby([rows["village"].str[:5], "year"])["count"].sum().astype(int).to_dict()


@pytest.fixture()
def ntb_store(tmp_path) -> tuple[Store, Path, pd.DataFrame, pd.DataFrame]:
    store = Store(tmp_path / "store")
    ntb, ntb_rows = ntb_export(tmp_path)
    plan, version = import_file("placements", ntb, store)
    assert version == 1, [i.code for i in plan.errors]
    return store, tmp_path, ntb_rows, lombok_tengah_2024(tmp_path)[1]


def test_a_regency_file_replaces_only_that_regency_and_year(ntb_store):
    store, folder, ntb_rows, lt_rows = ntb_store
    before = regency_totals(store)
    assert before[(LOMBOK_TIMUR, 2024)] == hand_total(ntb_rows, LOMBOK_TIMUR, 2024)
    path = folder / "penempatan_lombok_tengah_2024.xlsx"
    plan = analyse("placements", path.read_bytes(), path.name, store)
    assert plan.accepted and plan.coverage.to_json() == {"by_year": {"2024": [LOMBOK_TENGAH]}}
    seen = replace_plan(plan, store, "replace")
    # stated before writing: the rows, total, area and year that go — Lombok Tengah 2024 only
    gone = ntb_rows[ntb_rows["Kode Desa"].str.startswith("5202") & (ntb_rows["Tahun"] == 2024)]
    assert seen.rows == len(gone) and seen.total == gone["Jumlah PMI"].sum()
    assert seen.areas[["area", "year"]].astype(str).values.tolist() == [[LOMBOK_TENGAH, "2024"]]
    assert "Kabupaten Lombok Tengah (52.02), 2024" in "\n".join(seen.lines("id"))
    commit(plan, store, "replace", confirmed=seen)
    after = regency_totals(store)
    assert after[(LOMBOK_TENGAH, 2024)] == hand_total(lt_rows, LOMBOK_TENGAH, 2024)
    assert {k: v for k, v in after.items() if k != (LOMBOK_TENGAH, 2024)} == {
        k: v for k, v in before.items() if k != (LOMBOK_TENGAH, 2024)
    }  # Lombok Timur 2024 and every other regency and year intact
    # the earlier version no longer speaks for Lombok Tengah 2024; the new one does
    held = store.read_layer("placements").attrs["coverage"]
    assert held.status([LOMBOK_TENGAH, LOMBOK_TIMUR], 2024).tolist() == [2, 2]
    first = store.layer_meta("placements")["versions"][0]["coverage"]
    assert LOMBOK_TENGAH not in first["by_year"]["2024"] and LOMBOK_TENGAH in first["by_year"]["2023"]


def test_a_preview_gone_stale_writes_nothing(ntb_store):
    store, folder, _, _ = ntb_store
    path = folder / "penempatan_lombok_tengah_2024.xlsx"
    plan = analyse("placements", path.read_bytes(), path.name, store)
    seen = replace_plan(plan, store, "replace")
    import_file("placements", path, store, mode="append")  # someone else wrote meanwhile
    before = layer_bytes(store, "placements")
    with pytest.raises(StoreError):
        commit(plan, store, "replace", confirmed=seen)
    assert layer_bytes(store, "placements") == before


def test_undo_restores_the_earlier_version_byte_identically(ntb_store):
    store, folder, _, _ = ntb_store
    before = layer_bytes(store, "placements")
    totals = regency_totals(store)
    import_file("placements", folder / "penempatan_lombok_tengah_2024.xlsx", store)
    assert layer_bytes(store, "placements") != before
    found = undo_plan(store, "placements")
    assert found.point["version"] == 2 and found.provinces == ["52"]
    assert "versi 2" in found.text("id")
    undo(store, "placements")
    assert layer_bytes(store, "placements") == before
    assert regency_totals(store) == totals
    assert store.import_log()[-1]["mode"] == "undo"  # logged


def test_cli_states_the_plan_and_writes_only_with_yes(ntb_store, capsys):
    store, folder, ntb_rows, _ = ntb_store
    before = layer_bytes(store, "placements")
    argv = ["--store", str(store.root), "--lang", "id", "import", "placements"]
    argv += [str(folder / "penempatan_lombok_tengah_2024.xlsx")]
    assert main(argv) == EXIT_NOT_CONFIRMED
    out = capsys.readouterr().out
    assert i18n.t("coverage.describe.title", "id") in out and "Kabupaten Lombok Tengah (52.02)" in out
    assert i18n.t("replace.title", "id") in out and "Kabupaten Lombok Tengah (52.02), 2024:" in out
    assert "Lombok Timur" not in out
    assert i18n.t("data.cli.not_written", "id") in out
    assert layer_bytes(store, "placements") == before  # nothing written
    assert main([*argv, "--yes"]) == 0
    assert regency_totals(store)[(LOMBOK_TIMUR, 2024)] == hand_total(ntb_rows, LOMBOK_TIMUR, 2024)
    capsys.readouterr()
    undo_argv = ["--store", str(store.root), "--lang", "en", "undo", "placements"]
    assert main(undo_argv) == EXIT_NOT_CONFIRMED
    assert "Undoes the save of version 2" in capsys.readouterr().out
    assert layer_bytes(store, "placements") != before
    assert main([*undo_argv, "--yes"]) == 0
    assert layer_bytes(store, "placements") == before


def test_an_import_that_removes_nothing_needs_no_yes(tmp_path, capsys):
    store = Store(tmp_path / "store")
    ntb, _ = ntb_export(tmp_path)
    assert main(["--store", str(store.root), "--lang", "en", "import", "placements", str(ntb)]) == 0
    assert i18n.t("replace.none", "en") in capsys.readouterr().out


def test_outside_coverage_is_no_data_inside_is_zero(ntb_store):
    """After the Lombok Tengah file: a Lombok Timur village without a row in 2024 reads 0 (NTB's
    file speaks for Lombok Timur 2024); a Banten area, which no file covers, reads no data."""
    store, folder, _, _ = ntb_store
    import_file("placements", folder / "penempatan_lombok_tengah_2024.xlsx", store)
    layers = {"placements": store.read_layer("placements")}
    timur = figures.values(layers, LOMBOK_TIMUR, 2024)
    assert timur["placements"] > 0
    held = set(layers["placements"]["village"])
    from geo.gazetteer import areas

    empty = next(c for c in areas(4, LOMBOK_TIMUR)["code"] if c not in held)
    assert figures.values(layers, empty, 2024)["placements"] == 0
    assert pd.isna(figures.values(layers, "36", 2024)["placements"])
    assert pd.isna(figures.values(layers, LOMBOK_TIMUR, 2025)["placements"])
