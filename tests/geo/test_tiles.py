"""Village packs of the national view (``geo.tiles``): coverage, bounds, class table.

On real boundaries of three small provinces imported through the boundary writer (as the app
imports them): every village of the store is in the packs exactly once at each zoom, and each
pack decodes to polygons inside its own bounds that match the display geometry.
"""

from __future__ import annotations

from collections import Counter

import geopandas as gpd
import numpy as np
import pytest
import shapely

from geo import tiles
from geo.codes import Level
from loaders.store import Store

PROVINCES = ("34", "36", "17")  # DI Yogyakarta, Banten, Bengkulu: 3,503 villages


@pytest.fixture(scope="module")
def small_store(shared_data, tmp_path_factory) -> Store:
    from loaders.boundaries import import_file

    store = Store(tmp_path_factory.mktemp("tiles") / "store")
    for province in PROVINCES:
        import_file(store, shared_data / "boundaries" / "desa" / f"desa_{province}.parquet")
    return store


def test_packs_cover_every_village_exactly_once_at_each_zoom(small_store):
    villages = small_store.read_attributes(Level.VILLAGE, None, ["code", "has_polygon"])
    expected = sorted(villages.loc[villages["has_polygon"].astype(bool), "code"])
    assert len(expected) == 3503
    for zoom in tiles.PACK_ZOOMS:
        counted = Counter()
        for province in small_store.provinces():
            codes = tiles.pack_codes(small_store.read_pack(province, zoom))
            assert all(c.startswith(province + ".") for c in codes)
            counted.update(codes)
        assert sorted(counted) == expected, zoom
        assert set(counted.values()) == {1}, zoom


@pytest.mark.parametrize("zoom", list(tiles.PACK_ZOOMS))
def test_a_pack_decodes_to_polygons_inside_its_bounds(small_store, zoom):
    pack = small_store.read_pack("36", zoom)
    decoded = tiles.decode_pack(pack)
    assert len(decoded) == 1552
    assert (decoded.geometry.area > 0).all()  # drawn as rings: a few self-touching ones are fine
    assert set(decoded.geom_type) <= {"Polygon", "MultiPolygon"}
    assert tiles.polygons_inside(pack)
    minx, miny, maxx, maxy = tiles.pack_bounds(pack)
    assert (minx, miny, maxx, maxy) == pytest.approx(decoded.total_bounds, abs=2 / tiles.PACK_ZOOMS[zoom])
    # the same polygons as the display copy of that zoom: no vertex moved by more than a grid cell
    display = small_store.read_areas(Level.VILLAGE, "36", display=zoom).set_index("code")
    shown = display.loc[decoded["code"], "geometry"].values
    moved = shapely.hausdorff_distance(decoded.geometry.values, shown)
    assert moved.max() <= 1 / tiles.PACK_ZOOMS[zoom]


def test_national_copy_is_coarser_and_keeps_shared_edges(small_store):
    coarse = small_store.read_areas(Level.VILLAGE, "36", display="national")
    fine = small_store.read_areas(Level.VILLAGE, "36", display="province")
    assert list(coarse["code"]) == list(fine["code"])
    assert (
        shapely.get_num_coordinates(coarse.geometry.values).sum()
        < 0.7 * shapely.get_num_coordinates(fine.geometry.values).sum()
    )
    # simplified as a coverage: no overlaps between neighbours (beyond rounding)
    union = shapely.union_all(coarse.geometry.values)
    assert shapely.area(union) == pytest.approx(coarse.geometry.area.sum(), rel=1e-3)


def test_packs_are_built_for_a_store_imported_before_them(small_store, tmp_path):
    from loaders.tiles import build_packs, missing_packs

    old = Store(tmp_path / "old")
    for province in small_store.provinces():  # as a store written before packs existed
        areas, display = small_store.province_tables(province)
        display = {key: frame for key, frame in display.items() if key != (Level.VILLAGE, "national")}
        old.write_province(province, areas, display, meta=small_store.province_meta(province))
    assert missing_packs(old) == sorted(PROVINCES)
    before = old.version()
    seconds = build_packs(old)
    assert sorted(seconds) == sorted(PROVINCES) and missing_packs(old) == []
    assert old.version() != before  # a new generation: cached views see the change
    for province in PROVINCES:
        assert tiles.pack_codes(old.read_pack(province, "national")) == tiles.pack_codes(
            small_store.read_pack(province, "national")
        )
    assert len(old.read_areas(Level.VILLAGE, None, display="national")) == 3503


def test_class_digits_and_label_table():
    assert tiles.class_digits([0, 1, -1, 9, 10, 35]) == "01-9az"
    assert tiles.class_digits(np.array([0, 1, -1, 9, 10, 35])) == "01-9az"  # a classification's array
    with pytest.raises(ValueError, match="-1..35"):
        tiles.class_digits([36])
    texts, index = tiles.label_table(["5", "Tidak ada data", "5", "12"])
    assert texts == ["5", "Tidak ada data", "12"]
    from geo.maps import decode_varints

    assert decode_varints(index).tolist() == [0, 1, 0, 2]


def test_encode_pack_rejects_unknown_zoom():
    frame = gpd.GeoDataFrame(
        {"code": ["99.01.01.2001"], "name": ["A"]}, geometry=[shapely.box(0, 0, 1, 1)], crs=4326
    )
    with pytest.raises(ValueError, match="national, province"):
        tiles.encode_pack(frame, "regency")
