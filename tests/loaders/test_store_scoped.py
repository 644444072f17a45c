"""The store through a grant (loaders/store/scoped.py), on both backends: reads return only the
granted provinces' rows, versions and log entries that also hold others are shown without their
file, writes outside the grant are refused, and replace drops only rows inside it."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from geo.codes import Level
from geo.layers import LAYERS
from loaders.store import Store, StoreError


@pytest.fixture(params=["files", "postgis"])
def store(request, tmp_path) -> Store:
    if request.param == "postgis":
        return Store(request.getfixturevalue("pg_url"))
    return Store(tmp_path / "store")


def _placements(villages: dict[str, int]) -> pd.DataFrame:
    spec = LAYERS["placements"]
    rows = pd.DataFrame({"village": list(villages), "year": 2024, "count": list(villages.values())})
    return rows.reindex(columns=list(spec.columns)).astype(spec.columns)


def _province(store: Store, code: str, name: str) -> None:
    area = gpd.GeoDataFrame({"code": [code], "name": [name]}, geometry=[box(0, 0, 1, 1)], crs=4326)
    store.write_province(code, {Level.PROVINCE: area}, meta={"source": f"{name}.gpkg"})


@pytest.fixture()
def held(store) -> Store:
    """Banten (36) and NTB (52): a version of each, one of both written without a province list."""
    _province(store, "36", "Banten")
    _province(store, "52", "Nusa Tenggara Barat")
    ban = {"file": "banten.csv", "provinces": ["36"], "stored_rows": 2, "total": 30}
    store.write_layer_version("placements", _placements({"36.04.13.2007": 10, "36.04.13.2008": 20}), ban, replace=False)  # fmt: skip
    ntb = {"file": "ntb.csv", "provinces": ["52"], "stored_rows": 1, "total": 7}
    store.write_layer_version("placements", _placements({"52.01.01.1001": 7}), ntb, replace=False)
    both = {"file": "rekap.csv", "stored_rows": 2, "total": 11}  # an earlier release: no provinces
    store.write_layer_version("placements", _placements({"36.04.13.2009": 5, "52.01.01.1002": 6}), both, replace=False)  # fmt: skip
    for entry in (ban, ntb, {**both, "provinces": ["36", "52"]}):
        store.log_import({"layer": "placements", **entry})
    return store


def test_reads_through_a_grant_hold_only_its_provinces(held):
    view = held.within(["52"])
    assert Store(view.key).key == view.key and view.version() == held.version()  # reopened by key
    assert view.key != held.key and view.within(["36", "52"]).key == view.key
    assert view.provinces() == ["52"] and not view.covers_all_provinces and held.covers_all_provinces
    assert list(view.read_attributes(Level.PROVINCE)["name"]) == ["Nusa Tenggara Barat"]
    assert view.read_areas(Level.PROVINCE, "36").empty
    with pytest.raises(StoreError, match="no boundaries for province 36"):
        view.province_meta("36")
    rows = view.read_layer("placements")
    assert sorted(rows["village"]) == ["52.01.01.1001", "52.01.01.1002"]
    versions = view.layer_meta("placements")["versions"]
    assert [v["id"] for v in versions] == [2, 3]
    assert versions[0]["file"] == "ntb.csv"
    assert "file" not in versions[1] and versions[1]["partial"]  # rekap.csv also holds Banten
    assert (versions[1]["stored_rows"], versions[1]["total"], versions[1]["provinces"]) == (1, 6, ["52"])
    log = view.import_log()
    assert [e.get("file") for e in log] == ["ntb.csv", None]
    assert log[1]["partial"] and log[1]["provinces"] == ["52"] and "total" not in log[1]
    assert held.within([]).layers() == [] and held.within([]).provinces() == []


def test_writes_through_a_grant_change_only_its_provinces(held):
    view = held.within(["52"])
    before = held.read_layer("placements")
    with pytest.raises(StoreError, match="outside the provinces granted"):
        view.write_layer_version("placements", _placements({"36.04.13.2007": 1}), {}, replace=False)
    for version in (1, 3):  # Banten's own, and the one holding both provinces
        with pytest.raises(StoreError, match="outside the provinces granted"):
            view.delete_layer_version("placements", version)
    with pytest.raises(StoreError, match="outside the provinces granted"):
        view.restore_layer("placements", held.layer_meta("placements"), held.layer_versions("placements"))
    with pytest.raises(StoreError, match="outside the provinces granted"):
        _province(view, "36", "Banten")
    pd.testing.assert_frame_equal(held.read_layer("placements"), before)
    # replace everything (no drop_rows): only NTB's rows go; the mixed version keeps its Banten row
    view.write_layer_version(
        "placements", _placements({"52.01.01.1003": 35}), {"file": "baru.csv"}, replace=True
    )
    stored = held.read_layer("placements")
    assert sorted(stored["village"]) == ["36.04.13.2007", "36.04.13.2008", "36.04.13.2009", "52.01.01.1003"]
    assert int(stored["count"].sum()) == 30 + 5 + 35
    kept = {v["id"]: v for v in held.layer_meta("placements")["versions"]}
    assert sorted(kept) == [1, 3, 4] and kept[3]["rows_replaced"] == 1
    view.delete_layer_version("placements", 4)  # her own version
    assert [v["id"] for v in held.layer_meta("placements")["versions"]] == [1, 3]


def test_a_read_filtered_by_province_is_the_whole_read_filtered(held):
    """``read_layer(provinces=...)`` filters while reading (Arrow, SQL): the same frame, dtypes,
    order and versions as the whole layer read and then filtered, also where a version holds
    none of the provinces, a village is missing, or no province is asked for."""
    from loaders.store.base import rows_in_provinces

    spec = LAYERS["placements"]
    odd = pd.DataFrame(
        {"village": ["52.01.01.1003", None, "36.04.13.2010"], "year": 2025, "count": [1, 2, 3]}
    )
    held.write_layer_version("placements", odd.reindex(columns=list(spec.columns)).astype(spec.columns), {"file": "odd.csv"}, replace=False)  # fmt: skip
    whole = held.read_layer("placements")
    assert len(whole) == 8 and set(whole["version"]) == {1, 2, 3, 4}
    for provinces in (["52"], ["36"], ["36", "52"], ["11"], []):
        read = held.read_layer("placements", provinces=provinces)
        pd.testing.assert_frame_equal(read, rows_in_provinces(whole, provinces))
        one = held.read_layer("placements", 1, provinces=provinces)
        pd.testing.assert_frame_equal(one, rows_in_provinces(held.read_layer("placements", 1), provinces))
    assert list(held.read_layer("placements", provinces=["52"])["village"]) == ["52.01.01.1001", "52.01.01.1002", "52.01.01.1003"]  # fmt: skip
    view = held.within(["52"])
    pd.testing.assert_frame_equal(view.read_layer("placements"), rows_in_provinces(whole, ["52"]))
    assert view.read_layer("placements", provinces=["36"]).empty  # a grant never widens
    assert held.read_layer("returns", provinces=["52"]).empty  # no such layer: empty, as unfiltered


def test_a_version_of_several_provinces_is_counted_over_the_grant_alike_on_both_backends(held):
    """A national file (provinces named) seen by a grant: its rows and total over the grant's
    provinces, summed by the store (the database on PostGIS), as its rows would give them."""
    from loaders.store.base import province_totals

    rows = _placements({"36.04.13.2010": 4, "52.01.01.1003": 8, "52.01.01.1004": 1, "52.01.01.1005": 0})
    rows.loc[3, "count"] = pd.NA  # a row without a count: no number, one row
    national = {"file": "nasional.csv", "provinces": ["36", "52"], "stored_rows": 4, "total": 13}
    version = held.write_layer_version("placements", rows, national, replace=False)
    totals = held.version_provinces("placements", version)
    assert totals.to_dict("index") == {"36": {"rows": 1, "total": 4.0}, "52": {"rows": 3, "total": 9.0}}
    pd.testing.assert_frame_equal(
        totals, province_totals(held.read_layer("placements", version), "placements"), check_names=False
    )
    shown = {v["id"]: v for v in held.within(["52"]).layer_meta("placements")["versions"]}[version]
    assert shown["partial"] and "file" not in shown
    assert (shown["stored_rows"], shown["total"], shown["provinces"]) == (3, 9, ["52"])
    banten = {v["id"]: v for v in held.within(["36"]).layer_meta("placements")["versions"]}[version]
    assert (banten["stored_rows"], banten["total"], banten["provinces"]) == (1, 4, ["36"])
    assert version not in {v["id"] for v in held.within(["35"]).layer_meta("placements")["versions"]}
