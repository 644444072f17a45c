"""Repair, coverage cleaning, dissolving and the province build (synthetic and real Banten)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
import shapely
from shapely.geometry import GeometryCollection, LineString, Point, Polygon, box

from geo.boundaries import (
    VILLAGE_COLUMNS,
    build_province,
    clean_coverage,
    dissolve,
    fill_gaps,
    polygon_parts,
    repair_geometry,
    tiling_report,
)
from geo.codes import Level
from geo.display import DISPLAY_ZOOMS, prepare_display
from geo.gazetteer import areas


def test_repair_makes_bowtie_valid_and_keeps_polygon_parts_of_collections():
    bowtie = Polygon([(0, 0), (1, 1), (1, 0), (0, 1), (0, 0)])
    collection = GeometryCollection([box(0, 0, 1, 1), LineString([(2, 2), (3, 3)]), Point(5, 5)])
    lines_only = GeometryCollection([LineString([(0, 0), (1, 1)])])
    fixed, repaired = repair_geometry(
        np.array([bowtie, collection, box(0, 0, 2, 2), None, lines_only], dtype=object)
    )
    assert repaired.tolist() == [True, True, False, False, True]
    assert shapely.is_valid(fixed[0]) and fixed[0].geom_type == "MultiPolygon"
    assert fixed[0].area == pytest.approx(0.5)
    assert fixed[1].equals(box(0, 0, 1, 1))
    assert fixed[2].equals(box(0, 0, 2, 2))
    assert fixed[3] is None and fixed[4] is None
    assert (
        polygon_parts([GeometryCollection([box(0, 0, 1, 1), box(2, 0, 3, 1)])])[0].geom_type == "MultiPolygon"
    )


def _unmatched_grid() -> np.ndarray:
    """Four squares whose shared edges overlap or leave slivers, like the archive's villages,
    inside a frame (so every sliver is enclosed, as between inland villages)."""
    return np.array(
        [
            box(-1, -1, 3, 3).difference(box(0, 0, 2, 2)),
            box(0, 0, 1.0003, 1),  # overlaps its right neighbour by 0.0003
            box(1, 0, 2, 0.9998),  # sliver gap of 0.0002 to the square above
            box(0, 1, 1, 2),
            box(1.0001, 1, 2, 2),  # gap of 0.0001 to its left neighbour
        ],
        dtype=object,
    )


def test_clean_coverage_removes_overlaps_and_slivers():
    grid = _unmatched_grid()
    before = tiling_report(grid)
    assert not before["valid"] and before["overlap_area"] > 0
    result = clean_coverage(grid, fill_width=0.0005)
    after = tiling_report(result.geometry)
    assert result.valid and after["valid"]
    assert after["overlap_area"] < 1e-12
    assert after["hole_area"] < 1e-12  # the slivers were interior holes of the union: filled
    assert after["area"] == pytest.approx(16.0, abs=1e-9)
    assert result.kept_original == []
    # Every square keeps about its area: cleaning moved edges by fractions of a metre only.
    assert np.allclose(shapely.area(result.geometry[1:]), 1.0, atol=0.001)


def test_fill_gaps_keeps_wide_holes_such_as_lakes():
    ring = box(0, 0, 3, 3).difference(box(1, 1, 2, 2))  # a 1x1 hole: a lake, not a sliver
    parts = np.array(
        [shapely.intersection(ring, box(0, 0, 1.5, 3)), shapely.intersection(ring, box(1.5, 0, 3, 3))]
    )
    filled, count = fill_gaps(parts, 0.0005)
    assert count == 0
    assert tiling_report(filled)["hole_area"] == pytest.approx(1.0)


def test_clean_coverage_never_loses_a_polygon():
    """A village drawn inside another (or twice) would be swallowed: it keeps its shape, listed."""
    inner = box(0.2, 0.2, 0.4, 0.4)
    geometry = np.array([box(0, 0, 1, 1), inner, None, inner], dtype=object)
    assert shapely.is_empty(shapely.coverage_clean(geometry[[0, 1, 3]])[1:]).all()
    result = clean_coverage(geometry)
    assert result.kept_original == [1, 3]
    assert result.geometry[1].equals(inner) and result.geometry[3].equals(inner)
    assert result.geometry[2] is None
    assert result.valid is False
    villages = gpd.GeoDataFrame(
        {"code": ["99.01.01.2001", "99.01.01.2002", "99.01.01.2003", "99.01.01.2004"]},
        geometry=gpd.GeoSeries(result.geometry, crs=4326),
    )
    codes = villages["code"].to_numpy()[result.kept_original]
    district = dissolve(villages, Level.DISTRICT, careful=codes).geometry.iloc[0]
    assert district.equals(box(0, 0, 1, 1))


def test_dissolve_unions_villages_per_parent():
    villages = gpd.GeoDataFrame(
        {"code": ["99.01.01.2001", "99.01.01.2002", "99.01.02.2001", "99.02.01.2001", "99.02.01.2002"]},
        geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1), box(2, 0, 3, 1), box(0, 1, 1, 2), None],
        crs=4326,
    )
    district = dissolve(villages, Level.DISTRICT)
    assert district["code"].tolist() == ["99.01.01", "99.01.02", "99.02.01"]
    assert district.geometry.iloc[0].equals(box(0, 0, 2, 1))
    regency = dissolve(villages, Level.REGENCY)
    assert shapely.area(regency.geometry.values).tolist() == pytest.approx([3.0, 1.0])
    assert dissolve(villages, Level.PROVINCE).geometry.iloc[0].area == pytest.approx(4.0)
    # Villages whose edges are not matched (listed as careful) get the full overlay union.
    overlapping = gpd.GeoDataFrame(
        {"code": ["99.01.01.2001", "99.01.01.2002"]},
        geometry=[box(0, 0, 1, 1), box(0.5, 0, 1.5, 1)],
        crs=4326,
    )
    merged = dissolve(overlapping, Level.DISTRICT, careful=["99.01.01.2002"]).geometry.iloc[0]
    assert merged.is_valid and merged.area == pytest.approx(1.5)


def test_build_province_with_a_names_table_for_invented_areas():
    names = {
        "99": "Provinsi Contoh",
        "99.01": "Kabupaten Satu",
        "99.01.01": "Kecamatan A",
        "99.01.01.2001": "Desa A1",
        "99.01.01.2002": "Desa A2",
        "99.01.01.2003": "Desa A3",
    }
    villages = gpd.GeoDataFrame(
        {"code": ["99.01.01.2001", "99.01.01.2002"]},
        geometry=[box(0, 0, 0.1, 0.1), box(0.1, 0, 0.2, 0.1)],
        crs=4326,
    )
    built = build_province("99", villages, names=names)
    assert built.village.columns.tolist() == VILLAGE_COLUMNS
    assert built.village["code"].tolist() == ["99.01.01.2001", "99.01.01.2002", "99.01.01.2003"]
    assert built.village["has_polygon"].tolist() == [True, True, False]
    assert built.village["district_name"].unique().tolist() == ["Kecamatan A"]
    assert built.village["province_name"].unique().tolist() == ["Provinsi Contoh"]
    assert built.meta["without_polygon"] == 1 and built.meta["villages_without_polygon"] == ["99.01.01.2003"]
    assert built.levels[Level.PROVINCE]["name"].tolist() == ["Provinsi Contoh"]
    assert built.levels[Level.REGENCY].geometry.iloc[0].equals(box(0, 0, 0.2, 0.1))
    assert {(lv, z) for lv, zooms in DISPLAY_ZOOMS.items() for z in zooms} == set(built.display)


@pytest.fixture(scope="module")
def banten(shared_data):
    frame = gpd.read_parquet(shared_data / "boundaries" / "desa" / "desa_36.parquet")
    fixed, _ = repair_geometry(frame.geometry.values)
    return gpd.GeoDataFrame({"code": frame["kode"]}, geometry=gpd.GeoSeries(fixed, crs=4326))


def test_banten_cleaned_coverage_tiles_before_and_after_simplification(banten):
    raw = tiling_report(banten.geometry.values)
    assert not raw["valid"] and raw["overlap_area"] > 1e-4  # the archive is not edge-matched
    built = build_province("36", banten)
    village = built.village
    assert built.meta["coverage_valid"] is True
    assert built.meta["kept_original_polygon"] == []
    assert len(village) == len(areas(Level.VILLAGE, "36")) and village["has_polygon"].all()
    cleaned = tiling_report(village.geometry.values)
    assert cleaned["valid"]
    assert cleaned["overlap_area"] < 1e-9  # ~0.01 m²
    assert cleaned["hole_area"] < 1e-9
    # Area moved by cleaning is a fraction of the gaps and overlaps it removed.
    assert abs(cleaned["area"] - raw["area"]) < raw["hole_area"] + raw["overlap_area"]
    for zoom, frame in prepare_display(village, Level.VILLAGE).items():
        simplified = tiling_report(frame.geometry.values)
        assert simplified["valid"], zoom
        assert simplified["overlap_area"] < 1e-9, zoom
        assert simplified["hole_area"] < 1e-9, zoom
        assert (
            shapely.get_num_coordinates(frame.geometry.values).sum()
            < shapely.get_num_coordinates(village.geometry.values).sum()
        )
    # Dissolved levels: 8 regencies, every district of the gazetteer, one province, no holes.
    assert built.levels[Level.REGENCY]["code"].tolist() == areas(Level.REGENCY, "36")["code"].tolist()
    assert len(built.levels[Level.DISTRICT]) == len(areas(Level.DISTRICT, "36"))
    province = built.levels[Level.PROVINCE].geometry.iloc[0]
    assert province.area == pytest.approx(cleaned["area"], rel=1e-9)
    assert tiling_report([province])["hole_area"] < 1e-9
