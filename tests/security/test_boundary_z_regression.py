"""Boundary files whose coordinates carry Z (or M) values import and draw (issue 21's fuzz
finding): a 3-D PolygonZ GeoPackage of Kab. Serang made here from the real Banten boundaries
(``../shared/data``, read in place), imported through the command line, and a short
deterministic batch of the Z/M fuzzer (``tests/security/zfuzz.py``) that keeps every promise of
``tests/fuzzing.py``: no traceback, a refused file leaves the store as it was.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely
from fuzzing import summary
from zfuzz import run_z_batch

from geo import maps
from geo.codes import Level
from geo.display import display_zoom
from loaders.store import Store
from tests.security.attack_files import boundary_cli


def test_a_polygonz_geopackage_of_real_villages_imports_and_draws(shared_data, tmp_path):
    desa = gpd.read_parquet(shared_data / "boundaries" / "desa" / "desa_36.parquet")
    serang = desa[desa["kode"].str.startswith("36.04.")][["kode", "nama", "geometry"]].reset_index(drop=True)
    heights = np.linspace(0.0, 1_778.0, len(serang))  # metres, one per village, as official files carry
    serang["geometry"] = [
        shapely.force_3d(g, z=float(h)) for g, h in zip(serang.geometry, heights, strict=True)
    ]
    path = tmp_path / "desa_serang_3d.gpkg"
    serang.to_file(path, driver="GPKG", layer="desa")
    assert serang.geometry.has_z.all()

    done = boundary_cli(path, tmp_path / "store")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout.startswith(f"desa_serang_3d.gpkg: {len(serang)} rows read at village level.")
    store = Store(tmp_path / "store")
    held = store.read_areas(Level.VILLAGE, "36.04")
    assert held["has_polygon"].sum() == len(serang)
    assert not held.geometry.dropna().has_z.any()  # stored in 2-D
    shown = store.read_areas(Level.VILLAGE, "36", display=display_zoom(Level.VILLAGE, "36"))
    encoded = maps.encode_shapes(shown.dropna(subset=["geometry"]))
    assert len(encoded.codes) == len(serang)
    # the same outlines as the 2-D file gives
    flat = serang.set_geometry(shapely.force_2d(serang.geometry.values), crs=serang.crs)
    flat_path = tmp_path / "desa_serang_2d.gpkg"
    flat.to_file(flat_path, driver="GPKG", layer="desa")
    assert boundary_cli(flat_path, tmp_path / "flat").returncode == 0
    flat_held = Store(tmp_path / "flat").read_areas(Level.VILLAGE, "36.04").set_index("code")
    mine = held.set_index("code").loc[flat_held.index]
    assert shapely.equals(mine.geometry.values, flat_held.geometry.values).all()


def test_a_short_z_fuzz_batch_keeps_every_promise(tmp_path):
    outcomes = run_z_batch(21, 12, tmp_path)
    info = summary(outcomes)
    assert info["failures"] == [], info["failures"]
    assert info["imported"] >= 3  # valid 3-D files import, they are not merely refused
