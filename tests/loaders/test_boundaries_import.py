"""``python -m loaders.boundaries import``: every format, any CRS and code form, and bad files."""

from __future__ import annotations

import zipfile
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from geo.codes import Level
from geo.gazetteer import areas
from loaders.boundaries import import_file, main, status
from loaders.boundary_files import BoundaryFileError, read_boundary_file
from loaders.store import Store
from tests.loaders.test_fetch import tree_digest


@pytest.fixture(scope="module")
def desa36(shared_data) -> gpd.GeoDataFrame:
    return gpd.read_parquet(shared_data / "boundaries" / "desa" / "desa_36.parquet")


@pytest.fixture(scope="module")
def serang(desa36) -> gpd.GeoDataFrame:
    return desa36[desa36["kode"].str.startswith("36.04.")].reset_index(drop=True)


def _digits(codes: pd.Series) -> pd.Series:
    return codes.str.replace(".", "", regex=False)


def _write(kind: str, frame: gpd.GeoDataFrame, folder: Path) -> Path:
    """The frame in one of the four formats, with the code in a different form each time."""
    out = frame[["kode", "nama", "geometry"]].copy()
    if kind == "gpkg":
        path = folder / "desa.gpkg"
        out = out.rename(columns={"kode": "kode_desa"})
        out["kode_desa"] = _digits(out["kode_desa"])  # 3604132007
        out.to_file(path, layer="desa", driver="GPKG")
    elif kind == "shp-zip-utm":
        shp = folder / "shp"
        shp.mkdir()
        out = out.rename(columns={"kode": "KDEPUM"}).to_crs(32748)  # UTM 48S, metres
        out["KDEPUM"] = _digits(out["KDEPUM"]).astype("int64")  # a number, as in a DBF
        out.to_file(shp / "desa.shp")
        path = folder / "desa.zip"
        with zipfile.ZipFile(path, "w") as archive:
            for part in shp.iterdir():
                archive.write(part, part.name)
    elif kind == "geojson":
        path = folder / "desa.geojson"
        out["code"] = out.pop("kode").str.replace(".", "-", regex=False)  # 36-04-13-2007
        out.to_file(path, driver="GeoJSON")
    else:
        path = folder / "desa.parquet"
        out["kode"] = " " + out["kode"] + " "  # stray spaces
        out.to_parquet(path)
    return path


@pytest.mark.parametrize("kind", ["gpkg", "shp-zip-utm", "geojson", "geoparquet"])
def test_import_every_format_gives_the_same_codes(kind, serang, tmp_path, store_dir):
    path = _write(kind, serang, tmp_path)
    result = import_file(Store(store_dir), path)
    assert result.level == Level.VILLAGE and result.problems == []
    village = Store(store_dir).read_areas(Level.VILLAGE, "36")
    held = village[village["has_polygon"]].set_index("code").sort_index()
    assert held.index.tolist() == sorted(serang["kode"])
    assert held.at["36.04.13.2007", "name"] == "Lontar"
    # Same places after reprojection and cleaning: areas agree within 0.5% per village.
    original = serang.set_index("kode").loc[held.index]
    ratio = shapely.area(held.geometry.values) / shapely.area(original.geometry.values)
    assert ratio.min() > 0.995 and ratio.max() < 1.005
    assert (
        status(Store(store_dir))["provinces"]["36"]["without_polygon"]
        == len(areas(Level.VILLAGE, "36")) - 326
    )
    assert Store(store_dir).province_meta("36")["source"] == path.name


def test_file_with_several_provinces_writes_each(desa36, shared_data, tmp_path, store_dir, capsys):
    desa35 = gpd.read_parquet(shared_data / "boundaries" / "desa" / "desa_35.parquet")
    both = pd.concat(
        [desa36[desa36["kode"].str.startswith("36.72.")], desa35[desa35["kode"].str.startswith("35.79.")]]
    )
    path = tmp_path / "two.parquet"
    both.to_parquet(path)
    assert main(["--lang", "en", "import", str(path)]) == 0
    assert "Province 35" in capsys.readouterr().out
    store = Store(store_dir)
    assert store.provinces() == ["35", "36"]
    assert store.read_areas(Level.REGENCY, "35")["code"].tolist() == ["35.79"]
    assert store.read_areas(Level.VILLAGE, "36.72")["has_polygon"].all()


def test_row_problems_are_reported_with_row_numbers(serang, tmp_path):
    rows = serang.iloc[:3][["kode", "nama", "geometry"]].copy()
    rows["kode"] = ["36.04.05.2001", "36.04.99.2999", "3604052001"]  # row 3 repeats row 1
    extra = serang.iloc[3:5][["kode", "nama", "geometry"]].copy()
    extra["kode"] = ["3604052002", "not a code"]
    frame = pd.concat([rows, extra], ignore_index=True)
    frame.loc[1, "nama"] = "Kramatwatu"
    path = tmp_path / "rows.geojson"
    gpd.GeoDataFrame(frame, crs=4326).to_file(path, driver="GeoJSON")
    read = read_boundary_file(path)
    assert read.unknown == [(2, "36.04.99.2999")]
    assert read.duplicates == {"36.04.05.2001": [1, 3]}
    assert read.bad_codes[0][0] == 5
    assert sorted(read.areas["code"]) == ["36.04.05.2001", "36.04.05.2002"]
    text = "\n".join(read.problems("en"))
    assert "row 2: 36.04.99.2999" in text and "rows 1, 3" in text and "row 5" in text
    indonesian = "\n".join(read.problems("id"))
    assert "baris 2: 36.04.99.2999" in indonesian and "tidak ada dalam daftar resmi" in indonesian
    # The merged duplicate covers both polygons.
    merged = read.areas.set_index("code").geometry["36.04.05.2001"]
    assert merged.covers(serang.geometry.iloc[2].representative_point())


def test_level_file_replaces_dissolved_districts(shared_data, desa36, tmp_path, store_dir):
    store = Store(store_dir)
    cilegon = desa36[desa36["kode"].str.startswith("36.72.")]
    cilegon.to_parquet(tmp_path / "v.parquet")
    import_file(store, tmp_path / "v.parquet")
    kec = gpd.read_parquet(shared_data / "boundaries" / "kecamatan.parquet")
    kec = kec[kec["kode"].str.startswith("36.72.")]
    kec.to_parquet(tmp_path / "kec.parquet")
    result = import_file(store, tmp_path / "kec.parquet", level="district")
    assert result.level == Level.DISTRICT
    district = store.read_areas(Level.DISTRICT, "36.72").set_index("code").sort_index()
    assert district.index.tolist() == sorted(kec["kode"])
    assert store.province_meta("36")["level_files"] == ["district"]
    # Villages were kept as they were.
    assert store.read_areas(Level.VILLAGE, "36.72")["has_polygon"].sum() == len(cilegon)


def _province_files(store: Store, province: str, *, normal: bool = False) -> dict[str, pd.DataFrame]:
    """Every stored frame of a province (levels and display copies), geometry as WKB.

    ``normal`` normalises the geometry first (rings may start at another vertex).
    """
    areas, display = store.province_tables(province)
    out = {}
    named = [(level.key, frame) for level, frame in areas.items()]
    named += [(f"display/{level.key}-{zoom}", frame) for (level, zoom), frame in display.items()]
    for key, frame in named:
        geometry = frame.geometry.normalize() if normal else frame.geometry
        out[key] = pd.DataFrame(frame).assign(geometry=geometry.to_wkb())
    return out


def test_level_file_import_keeps_villages_and_is_order_independent(
    shared_data, desa36, tmp_path, monkeypatch
):
    """A regency or district file replaces that level and the levels above it only.

    The stored villages (and districts dissolved from them, for a regency file) are kept as
    they are, not cleaned and simplified again: the store ends the same as importing the level
    files first and the villages after.
    """
    import geo.boundaries

    cilegon = desa36[desa36["kode"].str.startswith("36.72.")]
    cilegon.to_parquet(tmp_path / "v.parquet")
    for name, level in (("kabupaten", "regency"), ("kecamatan", "district")):
        frame = gpd.read_parquet(shared_data / "boundaries" / f"{name}.parquet")
        frame[frame["kode"].str.startswith("36.72")].to_parquet(tmp_path / f"{level}.parquet")

    villages_first = Store(tmp_path / "a")
    import_file(villages_first, tmp_path / "v.parquet")
    before = _province_files(villages_first, "36")
    before_meta = villages_first.province_meta("36")
    cleaned: list[int] = []
    clean = geo.boundaries.clean_coverage
    monkeypatch.setattr(
        geo.boundaries, "clean_coverage", lambda g, **kw: cleaned.append(len(g)) or clean(g, **kw)
    )
    import_file(villages_first, tmp_path / "regency.parquet", level="regency")
    assert cleaned == [0, 1]  # no village again: the (empty) new villages and Kota Cilegon
    after = _province_files(villages_first, "36")
    kept = [k for k in before if k.split("/")[-1].split("-")[0].split(".")[0] in ("village", "district")]
    assert len(kept) == 7  # village, district and their display copies (village: province, regency, national)
    for key in kept:
        pd.testing.assert_frame_equal(after[key], before[key])
    meta = villages_first.province_meta("36")
    assert meta["kept_levels"] == ["district", "village"] and meta["level_files"] == ["regency"]
    for key in ("villages", "without_polygon", "villages_without_polygon", "gaps_filled"):
        assert meta[key] == before_meta[key], key
    assert meta["without_polygon"] == len(areas(Level.VILLAGE, "36")) - len(cilegon)
    import_file(villages_first, tmp_path / "district.parquet", level="district")
    assert villages_first.province_meta("36")["kept_levels"] == ["village"]
    monkeypatch.undo()

    levels_first = Store(tmp_path / "b")
    import_file(levels_first, tmp_path / "regency.parquet", level="regency")
    import_file(levels_first, tmp_path / "district.parquet", level="district")
    import_file(levels_first, tmp_path / "v.parquet")
    # The same areas (a rewrite re-cleans the stored level files, so rings may start elsewhere).
    one = _province_files(villages_first, "36", normal=True)
    other = _province_files(levels_first, "36", normal=True)
    assert one.keys() == other.keys()
    for key in one:
        pd.testing.assert_frame_equal(one[key], other[key], obj=key)
    assert len(villages_first.read_areas(Level.DISTRICT, "36.72")) == 8


def _bad_files(folder: Path, serang: gpd.GeoDataFrame) -> dict[str, tuple[Path, str]]:
    files = {}
    empty = folder / "empty.gpkg"
    empty.write_bytes(b"")
    files["empty"] = (empty, "empty")
    plain = folder / "table.parquet"
    pd.DataFrame({"kode": serang["kode"]}).to_parquet(plain)
    files["not spatial parquet"] = (plain, "no geometry")
    nogeom = folder / "nogeom.geojson"
    nogeom.write_text(
        '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"kode":"36.04.05.2001"},"geometry":null}]}'
    )
    files["not spatial geojson"] = (nogeom, "no row has a geometry")
    corrupt = folder / "corrupt.zip"
    corrupt.write_bytes(b"PK\x03\x04" + b"\x00garbage" * 50)
    files["corrupt zip"] = (corrupt, "zip")
    no_code = folder / "nocode.geojson"
    serang[["nama", "geometry"]].iloc[:20].to_file(no_code, driver="GeoJSON")
    files["no code column"] = (no_code, "no column holds Kemendagri codes")
    unknown = folder / "unknown.gpkg"
    frame = serang[["kode", "geometry"]].iloc[:20].copy()
    frame["kode"] = [f"99.{i:02d}.01.2001" for i in range(20)]
    frame.to_file(unknown, driver="GPKG")
    files["all codes unknown"] = (unknown, "none of the 20 codes")
    bps = folder / "bps.geojson"
    frame["kode"] = [f"3604010{i:03d}" for i in range(10, 30)]  # BPS-shaped: 7th digit 0
    frame.to_file(bps, driver="GeoJSON")
    files["bps codes"] = (bps, "20 look like BPS codes")
    points = folder / "points.geojson"
    gpd.GeoDataFrame(
        {"kode": serang["kode"].iloc[:5]}, geometry=serang.geometry.iloc[:5].representative_point(), crs=4326
    ).to_file(points, driver="GeoJSON")
    files["points"] = (points, "not polygons")
    return files


def test_bad_files_write_nothing_and_say_why(serang, tmp_path, store_dir, capsys):
    store = Store(store_dir)
    serang.iloc[:30].to_parquet(tmp_path / "ok.parquet")
    import_file(store, tmp_path / "ok.parquet")
    log_before = store.import_log()
    before = tree_digest(store_dir)
    capsys.readouterr()
    for label, (path, reason) in _bad_files(tmp_path, serang).items():
        assert main(["--lang", "en", "import", str(path)]) == 1, label
        err = capsys.readouterr().err
        assert path.name in err and reason in err and "Nothing was imported" in err, (label, err)
        assert tree_digest(store_dir) == before, label
    assert store.import_log() == log_before


def test_multi_layer_geopackage_needs_a_layer(serang, tmp_path, store_dir):
    path = tmp_path / "two.gpkg"
    serang.iloc[:10].to_file(path, layer="desa", driver="GPKG")
    serang.iloc[10:20].to_file(path, layer="lama", driver="GPKG")
    with pytest.raises(BoundaryFileError, match="--layer"):
        read_boundary_file(path)
    assert len(read_boundary_file(path, layer="lama").areas) == 10
    with pytest.raises(BoundaryFileError, match="no column 'kd'"):
        read_boundary_file(path, layer="desa", code_column="kd")


def test_messages_follow_the_interface_language(tmp_path, store_dir, capsys, monkeypatch):
    """Bahasa Indonesia by default (ATLAS_LANGUAGE), English on request; same facts in both."""
    monkeypatch.setenv("ATLAS_LANGUAGE", "id")
    empty = tmp_path / "kosong.gpkg"
    empty.write_bytes(b"")
    assert main(["import", str(empty)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Galat: kosong.gpkg: berkas kosong") and "Tidak ada yang diimpor." in err
    assert "Nothing" not in err
    assert main(["--lang", "en", "import", str(empty)]) == 1
    assert "the file is empty (0 bytes). Nothing was imported." in capsys.readouterr().err
    assert main(["status"]) == 0
    assert "belum berisi batas wilayah" in capsys.readouterr().out


@pytest.fixture(scope="module")
def two_provinces(shared_data, desa36, tmp_path_factory) -> Store:
    """Kota Cilegon (36.72) and Kota Batu (35.79), imported from one village file."""
    desa35 = gpd.read_parquet(shared_data / "boundaries" / "desa" / "desa_35.parquet")
    folder = tmp_path_factory.mktemp("two")
    both = pd.concat(
        [desa36[desa36["kode"].str.startswith("36.72.")], desa35[desa35["kode"].str.startswith("35.79.")]]
    )
    both.to_parquet(folder / "two.parquet")
    store = Store(folder / "store")
    import_file(store, folder / "two.parquet")
    return store


@pytest.mark.parametrize(
    ("level", "display", "columns"),
    [
        (Level.REGENCY, "national", None),
        (Level.DISTRICT, "national", None),
        (Level.PROVINCE, "national", None),
        (Level.VILLAGE, "province", None),
        (Level.VILLAGE, None, None),
        (Level.REGENCY, None, ["code", "name", "geometry"]),
        (Level.VILLAGE, None, ["code", "geometry"]),
        (Level.DISTRICT, "province", ["geometry", "code"]),
    ],
)
def test_reading_every_province_in_one_pass_equals_reading_each(two_provinces, level, display, columns):
    """``read_areas(level, None)`` reads the provinces' files as one table: same rows, order,
    columns, dtypes, geometry and CRS as reading each province and concatenating."""
    store = two_provinces
    assert store.provinces() == ["35", "36"]
    whole = store.read_areas(level, None, display=display, columns=columns)
    parts = [store.read_areas(level, prov, display=display, columns=columns) for prov in store.provinces()]
    each = gpd.GeoDataFrame(pd.concat(parts, ignore_index=True), geometry="geometry", crs=4326)
    assert isinstance(whole, gpd.GeoDataFrame) and whole.geometry.name == "geometry"
    assert whole["code"].str[:2].tolist() == sorted(whole["code"].str[:2])  # province order kept
    pd.testing.assert_frame_equal(whole, each, check_exact=True)
    assert whole.dtypes.to_dict() == each.dtypes.to_dict()
    assert whole.crs == each.crs and whole.crs.to_json() == each.crs.to_json()
    assert whole.geometry.to_wkb().tolist() == each.geometry.to_wkb().tolist()  # None where no polygon


def test_reading_attributes_in_one_pass_equals_reading_each(two_provinces):
    store = two_provinces
    for columns in (None, ["code"], ["code", "has_polygon", "district_name"]):
        whole = store.read_attributes(Level.VILLAGE, None, columns)
        parts = [store.read_attributes(Level.VILLAGE, prov, columns) for prov in store.provinces()]
        pd.testing.assert_frame_equal(whole, pd.concat(parts, ignore_index=True), check_exact=True)
    assert store.read_attributes(Level.REGENCY)["code"].tolist() == ["35.79", "36.72"]


def test_attributes_of_one_province_without_the_code_column(two_provinces):
    """Regression: asking one province's villages for columns without ``code`` raised KeyError."""
    store = two_provinces
    for prov in store.provinces():
        flags = store.read_attributes(Level.VILLAGE, prov, ["has_polygon"])
        assert list(flags.columns) == ["has_polygon"]
        assert len(flags) == len(store.read_attributes(Level.VILLAGE, prov))
