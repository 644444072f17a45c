"""The archive's SQL format: the two real raw files and the nesting variants."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
import shapely

from geo.gazetteer import gazetteer
from loaders._archive_sql import ArchiveFormatError, parse_archive_sql, path_to_geometry

INDONESIA = (94.0, -11.0, 142.0, 7.0)


def _raw(shared_data, regency: str) -> str:
    return (shared_data / "boundaries" / "raw" / f"wilayah_boundaries_kel_{regency}.sql").read_text()


@pytest.mark.parametrize(("regency", "count"), [("36.04", 326), ("35.10", 217)])
def test_real_files_parse_to_valid_lonlat_villages(shared_data, regency, count):
    frame = parse_archive_sql(_raw(shared_data, regency))
    assert len(frame) == count
    assert frame["code"].is_unique
    assert frame["code"].str.startswith(regency + ".").all()
    assert frame["code"].isin(gazetteer().index).all()
    assert frame.geometry.is_valid.all()
    assert set(frame.geometry.geom_type) <= {"Polygon", "MultiPolygon"}
    minx, miny, maxx, maxy = frame.total_bounds
    assert INDONESIA[0] <= minx <= maxx <= INDONESIA[2]
    assert INDONESIA[1] <= miny <= maxy <= INDONESIA[3]
    # Java lies south of the equator: latitude first in the file, y negative once swapped.
    assert maxy < 0 and minx > 100
    # Each village's own centroid columns (lat, lng) fall near its polygon.
    points = shapely.points(frame["lng"].to_numpy(), frame["lat"].to_numpy())
    assert (shapely.distance(np.asarray(frame.geometry.values), points) < 0.05).all()


def test_serang_holds_lontar_and_matches_the_converted_archive(shared_data):
    frame = parse_archive_sql(_raw(shared_data, "36.04")).set_index("code")
    assert frame.loc["36.04.13.2007", "name"] == "Lontar"
    reference = gpd.read_parquet(shared_data / "boundaries" / "desa" / "desa_36.parquet").set_index("kode")
    reference = reference.loc[frame.index]
    assert shapely.equals_exact(frame.geometry.values, reference.geometry.values, 1e-12).all()
    assert frame.geometry.geom_type.value_counts().get("MultiPolygon", 0) == 12


def test_nesting_depths_and_lat_lng_order():
    ring = [[-6.0, 106.0], [-6.0, 106.1], [-6.1, 106.1], [-6.0, 106.0]]
    hole = [[-6.01, 106.05], [-6.01, 106.06], [-6.02, 106.06], [-6.01, 106.05]]
    single = path_to_geometry([ring])
    assert single.geom_type == "Polygon" and single.bounds == (106.0, -6.1, 106.1, -6.0)
    assert path_to_geometry(ring).equals(single)
    with_hole = path_to_geometry([ring, hole])
    assert len(with_hole.interiors) == 1 and with_hole.area < single.area
    multi = path_to_geometry([[ring], [[[y - 1, x] for y, x in ring]]])
    assert multi.geom_type == "MultiPolygon" and len(multi.geoms) == 2
    assert path_to_geometry([[ring]]).geom_type == "Polygon"
    with pytest.raises(ValueError, match="depth"):
        path_to_geometry([[[[[-6.0, 106.0]]]]])


def test_quotes_nulls_and_bad_rows():
    text = (
        "INSERT INTO wilayah_boundaries(kode,nama,lat,lng,path) VALUES\n"
        "('36.04.13.2007','Lon''tar',NULL,NULL,'[[[-6.0,106.0],[-6.0,106.1],[-6.1,106.1],[-6.0,106.0]]]'),\n"
        "('36.04.13.2008','Ka\\'ng',-6.0,106.0,'[[[-6.0,106.0],[-6.0,106.1],[-6.1,106.1],[-6.0,106.0]]]');"
    )
    frame = parse_archive_sql(text)
    assert frame["name"].tolist() == ["Lon'tar", "Ka'ng"]
    assert np.isnan(frame["lat"].iat[0])
    with pytest.raises(ArchiveFormatError, match="not an archive file"):
        parse_archive_sql("<html>404</html>", source="http://x/y.sql")
    with pytest.raises(ArchiveFormatError, match="36.04.13.2007"):
        parse_archive_sql(text.replace("[[[-6.0,106.0]", "[[[-6.0,oops]", 1))
