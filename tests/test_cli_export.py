"""``atlas export`` as a shell user runs it (from cron): the same files as the Ekspor page's builder
for the same view, options documented in English, messages in the configured language, exit
codes as in ``cli``; on the bundled demo and on real Nusa Tenggara Barat (52) boundaries."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pyogrio
import pytest

import i18n
from cli import COMMANDS, EXIT_CODES
from exports.builds import BUILDS
from loaders.settings import DEMO_DIR
from loaders.store import Store

ROOT = Path(__file__).resolve().parents[1]


def atlas(*args: str, env: dict | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """``atlas ARGS`` (``python -m cli``, the console script's code in this checkout)."""
    return subprocess.run(
        [sys.executable, "-m", "cli", *args],
        cwd=cwd,
        capture_output=True,
        timeout=600,
        env={**os.environ, "PYTHONPATH": str(ROOT), "ATLAS_AUTH": "off", **(env or {})},
    )


def page_build(store: Store, kind: str, *, area: str, year: int, layer: str = "placements", lang: str = "id",
               demo: bool = False, scheme: str = "quantiles", k: int = 5, size=(1600, 900)) -> bytes:  # fmt: skip
    """What the Ekspor page's builder (``ui.present.build``) makes for that view."""
    from ui import present

    key = present.ViewKey(store.key, store.version(), area, year, layer, lang, 5, demo, scheme, k, size)
    return present.build(key, kind)


def same_content(kind: str, made: bytes, page: bytes) -> None:
    """``made`` equals ``page`` but for the moment of making (a PDF's date and id, the XLSX's
    creation time) and folium's random element ids in the HTML map."""
    if kind in ("png", "pptx", "xlsx"):
        a, b = zipfile.ZipFile(io.BytesIO(made)), zipfile.ZipFile(io.BytesIO(page))
        assert a.namelist() == b.namelist()
        for name in a.namelist():
            if name != "docProps/core.xml":
                assert a.read(name) == b.read(name), name
    elif kind == "pdf":
        stamp = re.compile(rb"/CreationDate \(D:\d+Z\)|/ID \[<[0-9A-F]+><[0-9A-F]+>\]")
        assert stamp.sub(b"", made) == stamp.sub(b"", page)
    elif kind == "html":
        ids = re.compile(r"[0-9a-f]{32}")
        assert ids.sub("", made.decode()) == ids.sub("", page.decode())
    else:  # csv, gpkg, geojson: the very bytes
        assert made == page


def test_export_is_registered_and_its_help_is_english():
    assert "export" in COMMANDS
    listed = atlas("--help")
    assert listed.returncode == 0 and b"\n    export" in listed.stdout
    shown = atlas("export", "--help", env={"ATLAS_LANGUAGE": "id"})
    assert shown.returncode == 0
    text = shown.stdout.decode()
    for option in ("--area", "--layer", "--year", "--output", "--lang", "--scheme", "--classes", "--size",
                   "--store", "--demo"):  # fmt: skip
        assert option in text
    for kind in BUILDS:
        assert kind in text
    for code in EXIT_CODES:
        assert f"{code} " in text.split("exit codes:")[1]
    assert "the latest year with data" in text
    assert "Wilayah" not in text  # English, whatever the configured language


@pytest.mark.slow
def test_every_format_equals_the_pages_build_on_the_demo(tmp_path):
    store = Store(DEMO_DIR)
    if not store.provinces():
        pytest.skip("the demo pack is not built (python -m loaders.demo build)")
    for kind in BUILDS:
        made = atlas("export", kind, "--demo", "--area", "99.01", "--year", "2024", "-o", str(tmp_path) + "/")
        assert made.returncode == 0, made.stderr.decode()
        name = f"atlas-pmi_99.01_placements_2024.{'zip' if kind == 'png' else kind}"
        assert (tmp_path / name).is_file()
        # the message names the file, in Indonesian (the configured language by default)
        assert name in made.stdout.decode() and "ditulis" in made.stdout.decode()
        page = page_build(store, kind, area="99.01", year=2024, demo=True)
        same_content(kind, (tmp_path / name).read_bytes(), page)


def test_view_options_reach_the_file(tmp_path):
    """Layer, language, classes and picture size as on the page (the pictures' size, English CSV)."""
    store = Store(DEMO_DIR)
    if not store.provinces():
        pytest.skip("the demo pack is not built (python -m loaders.demo build)")
    out = tmp_path / "reports.csv"
    args = ["export", "csv", "--demo", "--area", "99", "--layer", "reports", "--year", "2023", "--lang", "en"]
    made = atlas(*args, "-o", str(out))
    assert made.returncode == 0, made.stderr
    assert out.read_bytes() == page_build(
        store, "csv", area="99", year=2023, layer="reports", lang="en", demo=True
    )
    assert "Wrote" in made.stdout.decode()
    gpkg = tmp_path / "three.gpkg"
    made = atlas("export", "gpkg", "--demo", "--area", "99", "--classes", "3", "--scheme", "equal_interval",
                 "--year", "2024", "-o", str(gpkg))  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert gpkg.read_bytes() == page_build(
        store, "gpkg", area="99", year=2024, demo=True, scheme="equal_interval", k=3
    )
    classes = set(pyogrio.read_dataframe(gpkg, layer="placements_99_2024")["class"])
    assert classes <= {"1", "2", "3", "no_data", "hidden"} and "3" in classes
    # standard output for a pipe; the message then goes to standard error
    piped = atlas("export", "geojson", "--demo", "--area", "99.01", "--year", "2024", "-o", "-")
    assert piped.returncode == 0 and piped.stdout.startswith(b'{\n"type": "FeatureCollection"')
    assert b"ditulis" in piped.stderr
    # the GeoPackage is the default format
    plain = atlas("export", "--demo", "--area", "99", "--year", "2024", "-o", str(tmp_path) + "/")
    assert plain.returncode == 0, plain.stderr
    assert (tmp_path / "atlas-pmi_99_placements_2024.gpkg").read_bytes() == page_build(
        store, "gpkg", area="99", year=2024, demo=True
    )


def test_unknown_area_layer_or_year_exit_1_with_what_is_held(tmp_path):
    if not Store(DEMO_DIR).provinces():
        pytest.skip("the demo pack is not built (python -m loaders.demo build)")
    area = atlas("export", "gpkg", "--demo", "--area", "52", "-o", str(tmp_path / "x.gpkg"))
    assert area.returncode == 1
    assert area.stderr.decode().strip() == i18n.t(
        "gis.cli.no_area", "id", area="52", areas="99 (Provinsi Contoh)"
    )
    year = atlas("export", "pdf", "--demo", "--area", "99", "--year", "2010", "--lang", "en")
    assert year.returncode == 1 and "Years held: 2021, 2022, 2023, 2024" in year.stderr.decode()
    empty = atlas("export", "csv", "--store", str(tmp_path / "empty"), "--area", "52",
                  env={"ATLAS_LANGUAGE": "en"})  # fmt: skip
    assert empty.returncode == 1 and "no boundaries and data layers" in empty.stderr.decode()
    usage = atlas("export", "gpkg", "--demo", "--area", "NTB")
    assert usage.returncode == 2 and b"not an area code" in usage.stderr
    assert atlas("export", "docx", "--demo", "--area", "99").returncode == 2
    assert not list(tmp_path.glob("*.gpkg"))  # nothing written by a refusal


@pytest.mark.slow
def test_the_issues_command_on_real_ntb_boundaries(shared_data, tmp_path_factory, tmp_path):
    """``atlas export gpkg --area 52 --layer placements --year 2024 -o ntb.gpkg`` on Nusa Tenggara
    Barat imported from the real village file: every district, full geometry, the page's bytes."""
    import geopandas as gpd
    import pandas as pd

    from tests.export_data import write_layers

    store_root = tmp_path_factory.mktemp("ntb") / "store"
    from loaders.boundaries import import_file

    store = Store(store_root)
    import_file(store, shared_data / "boundaries" / "desa" / "desa_52.parquet")
    write_layers(store)
    env = {"ATLAS_DATA_DIR": str(store_root)}
    made = atlas("export", "gpkg", "--area", "52", "--layer", "placements", "--year", "2024", "-o", "ntb.gpkg",
                 env=env, cwd=tmp_path)  # fmt: skip
    assert made.returncode == 0, made.stderr.decode()
    out = tmp_path / "ntb.gpkg"
    features = pyogrio.read_dataframe(out, layer="placements_52_2024")
    districts = pd.read_parquet(shared_data / "boundaries" / "kecamatan.parquet", columns=["kode", "nama"])
    districts = districts[districts["kode"].str.startswith("52.")]
    assert sorted(features["code"]) == sorted(districts["kode"])  # every district of NTB, nothing else
    regencies = pd.read_parquet(shared_data / "boundaries" / "kabupaten.parquet", columns=["kode", "nama"])
    names = dict(zip(regencies["kode"], regencies["nama"], strict=True))
    assert (features["regency"].str.lower() == features["code"].str[:5].map(names).str.lower()).all()
    # the full stored polygons (the villages' union), not the screen's simplified copy
    villages = gpd.read_parquet(shared_data / "boundaries" / "desa" / "desa_52.parquet", columns=["geometry"])
    assert features.to_crs(6933).area.sum() == pytest.approx(villages.to_crs(6933).area.sum(), rel=0.01)
    assert out.read_bytes() == page_build(store, "gpkg", area="52", year=2024)


@pytest.mark.slow
def test_the_same_gis_file_from_a_postgis_store(pg_url, tmp_path):
    """``--store postgresql://…``: the demo copied into PostGIS exports the features and style of
    the embedded copy (the geometry as PostGIS returns it)."""
    source = Store(DEMO_DIR)
    if not source.provinces():
        pytest.skip("the demo pack is not built (python -m loaders.demo build)")
    Store(pg_url).copy_from(source)
    files, database = tmp_path / "files.gpkg", tmp_path / "database.gpkg"
    args = ["export", "gpkg", "--area", "99.01", "--year", "2024", "--lang", "en"]
    assert atlas(*args, "--store", str(DEMO_DIR), "-o", str(files)).returncode == 0
    made = atlas(*args, "--store", pg_url, "-o", str(database))
    assert made.returncode == 0, made.stderr.decode()
    a = pyogrio.read_dataframe(files, layer="placements_99_01_2024")
    b = pyogrio.read_dataframe(database, layer="placements_99_01_2024")
    columns = [c for c in a.columns if c != "geometry"]
    assert a[columns].astype(str).equals(b[columns].astype(str))
    assert (a.to_crs(6933).symmetric_difference(b.to_crs(6933)).area < 1e-3).all()  # m²
    styles = [pyogrio.read_dataframe(p, layer="layer_styles", read_geometry=False) for p in (files, database)]
    assert styles[0]["styleQML"].tolist() == styles[1]["styleQML"].tolist()
