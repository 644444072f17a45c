"""The demo layer files: real shapes (incl. a messy one) imported through the pipeline."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

from loaders import demo, demo_layers
from loaders.layers import status
from loaders.store import Store, StoreError


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("demo")
    store = Store(root / "store")
    demo.build_boundaries(store)
    plans = demo_layers.build(store, root / "files")
    return store, root / "files", plans


def test_every_layer_has_data_and_every_file_was_accepted(built):
    store, files, plans = built
    assert set(plans) == set(demo_layers.DEMO_FILES)
    info = status(store)["layers"]
    for layer in ("placements", "programmes", "enterprises", "reports", "population", "returns"):
        assert info[layer]["rows"] > 0 and info[layer]["villages"] > 0, layer
    assert all(store.read_layer(layer)["village"].str.startswith("99.").all() for layer in info)


def test_the_messy_file_is_messy_and_still_matches(built):
    store, files, plans = built
    raw = (files / "data_pmi_berangkat_2024_MENTAH.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # Windows-1252 like Indonesian Excel writes it
    plan = plans["data_pmi_berangkat_2024_MENTAH.csv"]
    assert plan.delimiter == ";" and plan.header_row == 4 and plan.row_level
    assert {d.column for d in plan.dropped} >= {"Nama Lengkap", "NIK", "No. HP"}
    assert plan.matched / plan.rows_read >= 0.95
    assert any(i.code == "skipped_totals" for i in plan.issues)
    # the planted NIK values are nowhere in the store
    niks = pd.read_csv(
        files / "data_pmi_berangkat_2024_MENTAH.csv", sep=";", skiprows=3, encoding="cp1252", dtype=str
    )["NIK"]
    blob = (
        b"".join((Path(d) / f).read_bytes() for d, _, fs in os.walk(store.root) for f in fs)
        + "".join(store.read_layer(layer).astype(str).to_csv() for layer in store.layers()).encode()
    )
    assert not any(n.encode() in blob for n in niks.dropna().head(200))


def test_the_returns_come_from_a_recap_and_a_debarkation_list_without_persons(built):
    store, files, plans = built
    recap, listed = plans["kepulangan_pmi_2021-2023.xlsx"], plans["debarkasi_pmi_2024_MENTAH.csv"]
    assert not recap.row_level and listed.row_level
    assert {d.column for d in listed.dropped} >= {"Nama", "NIK", "No Paspor", "Tgl Lahir", "Alamat"}
    assert listed.matched == listed.rows_read  # name variants (Ds., upper case, oe) all placed
    returns = store.read_layer("returns")
    assert set(returns["year"]) == {2021, 2022, 2023, 2024}
    assert int(returns.loc[returns["year"] == 2024, "persons"].sum()) == listed.rows_read
    assert set(returns["reason"].dropna()) == {
        "END_OF_CONTRACT",
        "DEPORTED",
        "PROBLEM",
        "SICK",
        "DIED",
        "OTHER",
    }
    assert {"Nunukan", "Tanjung Pinang", "Soekarno-Hatta"} <= set(returns["entry_point"].dropna())
    assert not {"Tg. Pinang", "Soetta", "Pelabuhan Tunon Taka"} & set(returns["entry_point"].dropna())
    niks = pd.read_csv(
        files / "debarkasi_pmi_2024_MENTAH.csv", sep=";", skiprows=2, encoding="cp1252", dtype=str
    )
    blob = b"".join((Path(d) / f).read_bytes() for d, _, fs in os.walk(store.root) for f in fs)
    assert not any(n.encode() in blob for n in niks["NIK"].dropna().head(200))
    assert not any(n.encode() in blob for n in niks["Nama"].dropna().head(50))


def test_reports_use_coordinates_for_some_rows(built):
    _, _, plans = built
    methods = plans["laporan_non_prosedural_2023-2024.xlsx"].methods
    assert methods.get("point", 0) > 0 and methods.get("name", 0) > 0


def test_build_needs_villages(tmp_path):
    with pytest.raises(StoreError):
        demo_layers.build(Store(tmp_path / "empty"))


def test_service_points_of_every_type_placed_by_coordinates_or_village(built):
    from geo.layers import SERVICE_POINT_TYPES

    store, files, plans = built
    plan = plans["titik_layanan_pmi.xlsx"]
    assert plan.matched == plan.rows_read == sum(n for _, _, n, _ in demo_layers.SERVICE_POINTS)
    points = store.read_layer("service_points")
    assert set(points["type"]) == set(SERVICE_POINT_TYPES)
    assert set(points["located"]) == {"point", "village"}
    by_point = points[points["located"] == "point"]
    assert (
        by_point[["lon", "lat"]].notna().all().all()
        and points.loc[points["located"] == "village", "lon"].isna().all()
    )
    # the office names are kept, the officers' names and phones are not
    assert {"Nama Petugas", "No. HP Petugas"} <= {d.column for d in plan.dropped}
    assert points["name"].str.contains("LTSA|MRC|Pos|Disnaker|UPT|Rumah|Pusat").all()
    assert points["year_closed"].notna().sum() == 1
