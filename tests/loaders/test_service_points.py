"""The service-points layer imported as offices send it, into a store of real NTB boundaries:
coordinates (decimal or DMS) win over the village named, a point outside its village or outside
Indonesia is reported, a row without coordinates sits at its village's point, office names under
*Nama* are kept while the columns naming people go."""

from __future__ import annotations

import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from geo.codes import Level
from geo.layers import SERVICE_POINT_TYPES
from loaders.layers import analyse, commit
from loaders.layers.vocab import SERVICE_TYPE_VALUES, _key
from loaders.pii import office_name_column, personal_header
from loaders.store import Store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def ntb(shared_data, tmp_path_factory) -> Store:
    sys.path.insert(0, str(ROOT / "tests"))
    from export_data import build_store

    return build_store(tmp_path_factory.mktemp("points") / "store", shared_data, province="52")


@pytest.fixture(scope="module")
def inside(ntb) -> dict[str, tuple[float, float]]:
    """A point inside each stored village (lon, lat), from the store's own polygons."""
    villages = gpd.GeoDataFrame(ntb.read_areas(Level.VILLAGE, "52", columns=["code", "geometry"]), crs=4326)
    villages = villages[villages.geometry.notna()]
    points = shapely.point_on_surface(villages.geometry.values)
    return dict(
        zip(villages["code"], zip(shapely.get_x(points), shapely.get_y(points), strict=True), strict=True)
    )


def _dms(value: float, positive: str, negative: str) -> str:
    letter = positive if value >= 0 else negative
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = (value - degrees - minutes / 60) * 3600
    return f"{degrees}°{minutes:02d}'{seconds:05.2f}\" {letter}"


def _csv(rows: list[list[object]], header: list[str]) -> bytes:
    lines = [";".join(header)] + [";".join("" if v is None else str(v) for v in row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


HEADER = ["No", "Jenis Layanan", "Nama", "Kode Desa", "Desa", "Kecamatan", "Lintang", "Bujur", "Tahun Dibuka",
          "Tahun Ditutup", "Nama Petugas", "No HP"]  # fmt: skip


def test_coordinates_win_and_every_placement_is_reported(ntb, inside):
    selong, labuhan, mataram = "52.03.08.2007", "52.03.08.2004", "52.71.01.1004"
    lon, lat = inside[selong]
    other_lon, other_lat = inside[labuhan]
    rows = [
        # 1. DMS coordinates inside the village named
        [1, "LTSA", "LTSA Kabupaten Lombok Timur", selong, None, None, _dms(lat, "LU", "LS"),
         _dms(lon, "BT", "BB"), 2019, None, "Siti Aminah", "081234567890"],
        # 2. decimal coordinates (comma decimals) in another village than the one named
        [2, "Pos Pelayanan", "Pos Pelayanan PMI Pelabuhan", selong, None, None,
         f"{other_lat:.6f}".replace(".", ","), f"{other_lon:.6f}".replace(".", ","), 2021, None, "Budi", "0812"],
        # 3. a southern latitude written without its minus: outside Indonesia, the village's point
        [3, "Rumah aman", "Shelter Mataram", mataram, None, None, f"{-lat:.5f}", f"{lon:.5f}", 2020, None,
         None, None],
        # 4. no coordinates: the village's point
        [4, "Disnaker", "Disnakertrans Kota Mataram", mataram, None, None, None, None, 2015, 2022, None, None],
        # 5. coordinates only
        [5, "BP2MI", "Kantor UPT BP2MI Mataram", None, None, None, f"{lat:.6f}", f"{lon:.6f}", None, None,
         None, None],
    ]  # fmt: skip
    plan = analyse("service_points", _csv(rows, HEADER), "titik_layanan.csv", ntb)
    assert plan.accepted, [i.message("en") for i in plan.errors]
    # the people's columns go, the office names stay
    assert {d.column for d in plan.dropped} == {"Nama Petugas", "No HP"}
    assert plan.mapping["name"] == "Nama"
    frame = plan.frame.set_index("name")
    assert len(frame) == 5
    first = frame.loc["LTSA Kabupaten Lombok Timur"]
    assert first["village"] == selong and first["located"] == "point" and first["type"] == "LTSA"
    assert first["lon"] == pytest.approx(lon, abs=1e-5) and first["lat"] == pytest.approx(lat, abs=1e-5)
    moved = frame.loc["Pos Pelayanan PMI Pelabuhan"]
    assert moved["village"] == labuhan and moved["located"] == "point" and moved["type"] == "POS"
    shelter = frame.loc["Shelter Mataram"]
    assert shelter["village"] == mataram and shelter["located"] == "village" and pd.isna(shelter["lon"])
    disnaker = frame.loc["Disnakertrans Kota Mataram"]
    assert disnaker["type"] == "DISNAKER" and disnaker["located"] == "village"
    assert (disnaker["year_opened"], disnaker["year_closed"]) == (2015, 2022)
    by_point = frame.loc["Kantor UPT BP2MI Mataram"]
    assert by_point["village"] == selong and by_point["type"] == "UPT_BP3MI"
    codes = {i.code: i for i in plan.issues}
    assert codes["point_outside_village"].row == 3 and selong in codes["point_outside_village"].message("en")
    assert labuhan in codes["point_outside_village"].message("en")
    assert codes["point_outside_indonesia"].row == 4
    assert "office_names_kept" in codes
    # the match report names how each row was placed
    joins = plan.joins.set_index("row")
    assert joins.loc[2, "method"] == "point" and joins.loc[6, "method"] == "point"
    assert joins.loc[5, "method"] == "code"
    # the stored version keeps the points as read
    version = commit(plan, ntb, "replace_all")
    stored = ntb.read_layer("service_points")
    assert version and len(stored) == 5 and stored["lon"].notna().sum() == 3
    assert "Siti Aminah" not in stored.to_csv() and "081234567890" not in stored.to_csv()


def test_a_point_at_sea_stays_with_its_village_and_is_reported(ntb, inside):
    lon, lat = inside["52.03.08.2007"]
    rows = [
        [1, "LTSA", "LTSA Lombok Timur", "52.03.08.2007", None, None, "-8.2", "117.0", 2019, None, None, None]
    ]
    plan = analyse("service_points", _csv(rows, HEADER), "laut.csv", ntb)
    assert plan.accepted
    (row,) = plan.frame.itertuples()
    assert row.village == "52.03.08.2007" and row.located == "point" and row.lon == pytest.approx(117.0)
    assert [i.code for i in plan.issues if i.code.startswith("point_")] == ["point_outside_villages"]


def test_a_nama_column_of_people_is_dropped_in_this_layer_too(ntb):
    rows = [
        [1, "LTSA", "Siti Aminah", "52.03.08.2007", None, None, None, None, 2019, None, None, None],
        [2, "MRC", "Budi Santoso", "52.71.01.1004", None, None, None, None, 2020, None, None, None],
    ]
    plan = analyse("service_points", _csv(rows, HEADER), "orang.csv", ntb)
    assert "Nama" in {d.column for d in plan.dropped}
    assert "name" not in plan.mapping
    assert plan.accepted and plan.frame["name"].isna().all()
    assert not any("Siti" in str(v) for v in plan.frame.to_numpy().ravel())


@pytest.mark.parametrize(
    ("written", "canon"),
    [
        ("Layanan Terpadu Satu Atap", "LTSA"),
        ("LTSA PMI", "LTSA"),
        ("UPT BP3MI", "UPT_BP3MI"),
        ("Kantor BP3MI", "UPT_BP3MI"),
        ("KP2MI", "UPT_BP3MI"),
        ("P4MI", "UPT_BP3MI"),
        ("Pos Pelayanan", "POS"),
        ("Dinas Tenaga Kerja", "DISNAKER"),
        ("BP PIPA", "MRC"),
        ("Migrant Resource Centre", "MRC"),
        ("Pusat Layanan Migrasi", "DESMIGRATIF"),
        ("Desmigratif service centre", "DESMIGRATIF"),
        ("Rumah aman", "SHELTER"),
        ("Lainnya", "OTHER"),
    ],
)
def test_type_aliases(written, canon):
    assert SERVICE_TYPE_VALUES[_key(written)] == canon
    assert canon in SERVICE_POINT_TYPES


def test_an_unknown_type_is_other_with_a_warning_and_a_missing_one_refuses(ntb):
    rows = [
        [1, "Klinik", "Klinik Desa", "52.03.08.2007", None, None, None, None, None, None, None, None],
        [2, None, "Pos Desa", "52.03.08.2007", None, None, None, None, None, None, None, None],
    ]
    plan = analyse("service_points", _csv(rows, HEADER), "x.csv", ntb)
    assert not plan.accepted
    assert {(i.code, i.row) for i in plan.issues} >= {
        ("service_type_unknown", 2),
        ("service_type_missing", 3),
    }
    plan = analyse("service_points", _csv(rows, HEADER), "x.csv", ntb, skip_invalid=True)
    assert plan.accepted and plan.frame["type"].tolist() == ["OTHER"]


def test_office_names_are_no_personal_data():
    assert personal_header("Nama Layanan") is None and personal_header("Nama Kantor") is None
    assert personal_header("Nama Petugas") == "name" and personal_header("Nama") == "name"
    assert office_name_column(pd.Series(["LTSA Kabupaten Lombok Timur", "Pos Pelayanan PMI Bandara", None]))
    assert not office_name_column(pd.Series(["Siti Aminah", "LTSA Kota Mataram"]))
    assert not office_name_column(pd.Series(["Kantor 0812-3456-7890", "LTSA Kota Mataram"]))


@pytest.fixture(scope="module")
def serang(shared_data, tmp_path_factory) -> Store:
    sys.path.insert(0, str(ROOT / "tests"))
    from export_data import build_store

    return build_store(
        tmp_path_factory.mktemp("serang") / "store", shared_data, regency="36.04", province="36"
    )


def test_a_point_named_by_village_and_district_in_banten_reaches_over_land(serang):
    from geo import reach

    villages = gpd.GeoDataFrame(
        serang.read_areas(Level.VILLAGE, "36", columns=["code", "geometry"]), crs=4326
    )
    lontar = villages.set_index("code").geometry["36.04.13.2007"]
    point = shapely.point_on_surface(lontar)
    rows = [[1, "Layanan Terpadu Satu Atap", "LTSA Kabupaten Serang", None, "Lontar", "Tirtayasa",
             _dms(point.y, "LU", "LS"), _dms(point.x, "BT", "BB"), 2019, None, None, None]]  # fmt: skip
    plan = analyse("service_points", _csv(rows, HEADER), "serang.csv", serang)
    assert plan.accepted and plan.frame["village"].tolist() == ["36.04.13.2007"]
    assert plan.frame["located"].tolist() == ["point"] and plan.joins["method"].tolist() == ["point"]
    graph = reach.land_graph(villages)
    table = reach.reach(graph, plan.frame).table.set_index("code")
    assert table.loc["36.04.13.2007", "km"] < 2.0  # from its own coordinates to the village's point
    assert table.loc["36.04.13.2008", "status"] == reach.REACHED  # Susukan, its neighbour
    # islands of the regency have no land route to it: never a short distance across the sea
    assert table.loc["36.04.08.2009", "status"] == reach.NO_LAND_ROUTE  # Pulo Panjang
