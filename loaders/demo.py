"""The bundled demo pack: an INVENTED region so the atlas works on a fresh machine.

``python -m loaders.demo build`` writes ``data/demo/`` (a store directory, same layout as the
user's store). The region is made up: province code 99 "Provinsi Contoh" (no such code exists
in the Kemendagri gazetteer), an island placed in the Indian Ocean south of Java (lon 110-111.5,
lat -10.5..-9.5) where there is no land, three regencies of four districts each and 10-15
villages per district, drawn as nested Voronoi cells from a fixed seed, with invented names.
Two villages are listed without a polygon, as real data has such villages too. Layer data for
the demo comes from ``loaders.demo_layers`` when that module is present.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import shutil
import sys
import uuid
from collections.abc import Sequence
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

from geo.boundaries import polygon_parts
from loaders.boundaries import write_boundaries
from loaders.settings import DEMO_DIR
from loaders.store import Store

__all__ = ["DEMO_PROVINCE", "DEMO_BBOX", "SEED", "demo_region", "build_boundaries", "build", "main"]

DEMO_PROVINCE = "99"
DEMO_PROVINCE_NAME = "Provinsi Contoh"
#: Where the invented island lies (open sea south of Java): lon_min, lat_min, lon_max, lat_max.
DEMO_BBOX = (110.0, -10.5, 111.5, -9.5)
SEED = 20260820
SOURCE = "Invented demo region (python -m loaders.demo build); not a real place"

REGENCIES = [
    ("99.01", "Kabupaten Tanjung Lestari"),
    ("99.02", "Kabupaten Bukit Harapan"),
    ("99.71", "Kota Bandar Contoh"),
]
_DISTRICT_NAMES = [
    "Pesisir Indah", "Sukarame Baru", "Tirta Mulya", "Karang Sentosa",
    "Wana Asri", "Giri Makmur", "Sendang Jati", "Lembah Hijau",
    "Bandar Kota", "Pelabuhan Lama", "Taman Sari Baru", "Kampung Pasar",
]  # fmt: skip
_PREFIXES = [
    "Suka", "Sumber", "Karang", "Tanjung", "Pasir", "Mekar", "Sido", "Tegal", "Kali", "Banyu",
    "Wana", "Giri", "Rejo", "Sari", "Cahaya", "Tirta", "Jati", "Wono", "Puri", "Lestari",
]  # fmt: skip
_SUFFIXES = [
    "jaya", "makmur", "rejo", "mulya", "asri", "harjo", "agung", "indah", "baru", "wangi",
    "tani", "damai", "subur", "sentosa", "kencana", "raharja", "mekar", "utama",
]  # fmt: skip


def _island(rng: np.random.Generator) -> shapely.Polygon:
    """A smooth irregular island filling most of ``DEMO_BBOX``."""
    cx, cy = (DEMO_BBOX[0] + DEMO_BBOX[2]) / 2, (DEMO_BBOX[1] + DEMO_BBOX[3]) / 2
    angles = np.linspace(0, 2 * np.pi, 72, endpoint=False)
    radius = np.ones_like(angles)
    for k in (2, 3, 5):
        radius += rng.uniform(0.03, 0.08) * np.cos(k * angles + rng.uniform(0, 2 * np.pi))
    rx, ry = 0.62 / radius.max(), 0.4 / radius.max()
    return shapely.Polygon(np.c_[cx + rx * radius * np.cos(angles), cy + ry * radius * np.sin(angles)])


def _points_in(polygon: shapely.Geometry, n: int, rng: np.random.Generator) -> np.ndarray:
    minx, miny, maxx, maxy = polygon.bounds
    shapely.prepare(polygon)
    out: list[np.ndarray] = []
    while sum(len(o) for o in out) < n:
        xy = rng.uniform([minx, miny], [maxx, maxy], size=(4 * n, 2))
        out.append(xy[shapely.contains_xy(polygon, xy[:, 0], xy[:, 1])])
    return np.concatenate(out)[:n]


def _cells(polygon: shapely.Geometry, n: int, rng: np.random.Generator) -> list[shapely.Geometry]:
    """``n`` Voronoi cells tiling ``polygon`` (a few Lloyd steps for even sizes), west to east."""
    points = _points_in(polygon, n, rng)
    for _ in range(3):
        regions = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(points), extend_to=polygon))
        # voronoi_polygons does not keep the input order: match cells back to their points.
        order = [int(np.flatnonzero(shapely.covers(regions, shapely.Point(p)))[0]) for p in points]
        cells = list(polygon_parts([shapely.intersection(regions[i], polygon) for i in order]))
        centres = [c.centroid if c.contains(c.centroid) else c.point_on_surface() for c in cells]
        points = shapely.get_coordinates(np.asarray(centres, dtype=object))
    return sorted(cells, key=lambda c: (round(c.centroid.x, 6), round(c.centroid.y, 6)))


def _village_names(rng: np.random.Generator, n: int, used: set[str]) -> list[str]:
    names = []
    while len(names) < n:
        name = rng.choice(_PREFIXES) + rng.choice(_SUFFIXES)
        if name not in used:
            used.add(name)
            names.append(name)
    return names


def demo_region(seed: int = SEED) -> tuple[gpd.GeoDataFrame, dict[str, str]]:
    """Village polygons (``code, geometry``) of the invented region and its names table.

    The names table covers every level (province, regencies, districts, villages), including
    two villages that have no polygon.
    """
    rng = np.random.default_rng(seed)
    island = _island(rng)
    names = {DEMO_PROVINCE: DEMO_PROVINCE_NAME}
    codes, geoms = [], []
    used: set[str] = set()
    district_names = iter(_DISTRICT_NAMES)
    for (regency, regency_name), regency_cell in zip(
        REGENCIES, _cells(island, len(REGENCIES), rng), strict=True
    ):
        names[regency] = regency_name
        is_city = regency[3] == "7"
        for d, district_cell in enumerate(_cells(regency_cell, 4, rng), start=1):
            district = f"{regency}.{d:02d}"
            names[district] = next(district_names)
            count = int(rng.integers(10, 16))
            # Cities have kelurahan (1xxx), regencies desa (2xxx).
            first = 1001 if is_city else 2001
            village_names = _village_names(rng, count, used)
            for v, (cell, name) in enumerate(
                zip(_cells(district_cell, count, rng), village_names, strict=True)
            ):
                code = f"{district}.{first + v}"
                names[code] = name
                codes.append(code)
                geoms.append(cell)
    # Two villages the "official list" has but whose boundary nobody drew.
    for district, name in (("99.01.02", "Pulau Kecil"), ("99.02.03", "Talang Sepi")):
        last = max(int(c[-4:]) for c in names if c.startswith(district + ".") and len(c) == 13)
        names[f"{district}.{last + 1}"] = name
    villages = gpd.GeoDataFrame({"code": codes}, geometry=gpd.GeoSeries(geoms, crs=4326))
    return villages, names


def build_boundaries(store: Store, seed: int = SEED) -> dict:
    """Write the invented province into ``store`` with the normal boundary writer."""
    villages, names = demo_region(seed)
    return write_boundaries(
        store,
        DEMO_PROVINCE,
        villages,
        source={"source": SOURCE, "sha256": None, "invented": True, "seed": seed},
        names=names,
    )


def build(target: Path | str = DEMO_DIR, seed: int = SEED) -> Store:
    """Build the whole demo pack into ``target`` (replaced as a whole when done)."""
    target = Path(target)
    staging = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}")
    try:
        store = Store(staging)
        build_boundaries(store, seed)
        if importlib.util.find_spec("loaders.demo_layers") is not None:
            layers = importlib.import_module("loaders.demo_layers")
            layers.build(store)
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Store(target)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m loaders.demo", description="Build the invented demo pack."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p_build = sub.add_parser("build", help="write the demo store (data/demo by default)")
    p_build.add_argument("--target", type=Path, default=DEMO_DIR)
    p_build.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    store = build(args.target, args.seed)
    meta = store.province_meta(DEMO_PROVINCE)
    print(
        f"Demo pack written to {args.target}: {DEMO_PROVINCE_NAME} (invented), {meta['villages']} villages, "
        f"{meta['without_polygon']} without polygon; layers: {', '.join(store.layers()) or 'none'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
