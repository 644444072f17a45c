"""The fuzzer of ``tests/fuzzing.py`` aimed at boundary files whose coordinates carry Z or M values
(3-D PolygonZ, measured PolygonM: common in official GeoPackages and Shapefiles), in every
boundary format and with the same mutations (shifted, swapped, open rings, bow-ties, damaged
bytes, projected labels).

``tests/security/test_boundary_z_regression.py`` runs a short deterministic batch; the full
batch is run by hand with another seed than ``tests/fuzzing.py``'s::

    nice .venv/bin/python tests/security/zfuzz.py --cases 300 --seed 21 --json bench/out/zfuzz.json
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for entry in (ROOT, ROOT / "tests"):
    if str(entry) not in sys.path:
        sys.path.insert(0, str(entry))

from fuzzing import Case, polygons, run_case, summary  # noqa: E402

import loaders  # noqa: E402,F401  (locks GDAL down before pyogrio loads, as in the app)

FORMATS = ("geojson", "gpkg", "gpkg multi", "shapefile zip", "parquet")
DIMENSIONS = ("z", "m", "zm")
MUTATIONS = ("valid", "shift", "swap", "open ring", "bowtie", "truncate", "3857 label", "flip bytes", "nan z")


def _with_dimensions(geoms, dims: str, rng: random.Random):
    """``geoms`` (polygons, multipolygons) with a Z (heights in metres), an M or both on every
    vertex, built through WKT (``POLYGON ZM ((x y z m, ...))``)."""
    import shapely

    def ring(coords) -> str:
        base = rng.uniform(0, 900)
        extra = {
            "z": lambda i: f"{base + i:.2f}",
            "m": lambda i: f"{i:.1f}",
            "zm": lambda i: f"{base + i:.2f} {i:.1f}",
        }
        return "(" + ", ".join(f"{x!r} {y!r} {extra[dims](i)}" for i, (x, y) in enumerate(coords)) + ")"

    def polygon(p) -> str:
        return "(" + ", ".join(ring(r.coords) for r in [p.exterior, *p.interiors]) + ")"

    tag = dims.upper()
    out = []
    for g in geoms:
        if g.geom_type == "Polygon":
            out.append(shapely.from_wkt(f"POLYGON {tag} {polygon(g)}"))
        else:
            out.append(
                shapely.from_wkt(f"MULTIPOLYGON {tag} (" + ", ".join(polygon(p) for p in g.geoms) + ")")
            )
    return out


def _write(frame, path: Path, driver: str, dims: str) -> None:
    """Write ``frame`` with its Z/M through pyogrio's raw writer (ISO WKB keeps the M)."""
    import numpy as np
    import pyogrio.raw
    import shapely

    geoms = frame.geometry.values
    multi = any(g.geom_type == "MultiPolygon" for g in geoms)
    base = "MultiPolygon" if multi else "Polygon"
    kind = {"z": f"{base} Z", "m": f"Measured {base}", "zm": f"Measured 3D {base}"}[dims]
    columns = [c for c in frame.columns if c != frame.geometry.name]
    pyogrio.raw.write(
        path,
        geometry=np.asarray(shapely.to_wkb(geoms, flavor="iso", output_dimension=4), dtype=object),
        field_data=[frame[c].to_numpy() for c in columns],
        fields=columns,
        driver=driver,
        geometry_type=kind,
        crs="EPSG:4326",
        layer="desa",
    )


def build_z_case(seed: int, index: int) -> Case:
    """Case ``index`` of the Z/M batch ``seed`` (the same bytes every time)."""
    import geopandas as gpd
    import shapely
    from shapely.affinity import translate

    rng = random.Random(seed * 7_000_003 + index)
    fmt, dims, mutation = rng.choice(FORMATS), rng.choice(DIMENSIONS), rng.choice(MUTATIONS)
    if mutation == "nan z" and fmt == "shapefile zip":
        mutation = "valid"  # a Shapefile cannot hold a NaN coordinate
    if fmt in ("geojson", "parquet"):
        dims = "z"  # GeoJSON and WKB-in-GeoParquet as written by geopandas carry Z, not M
    notes = [f"z:{fmt}", f"z:{dims}", f"z:{mutation}"]
    frame = polygons().copy()
    geoms = list(frame.geometry.values)
    if mutation == "shift":
        geoms = [translate(g, 300, 0) for g in geoms]
    elif mutation == "swap":
        geoms = [shapely.transform(g, lambda xy: xy[:, ::-1]) for g in geoms]
    elif mutation == "bowtie":
        x, y = shapely.get_coordinates(geoms[0])[0]
        geoms[0] = shapely.Polygon([(x, y), (x + 0.01, y + 0.01), (x + 0.01, y), (x, y + 0.01), (x, y)])
    if fmt == "gpkg multi":
        geoms = [shapely.MultiPolygon([g]) if g.geom_type == "Polygon" else g for g in geoms]
    geoms = _with_dimensions(geoms, dims, rng)
    if mutation == "nan z" and dims != "m":
        g = geoms[0]
        coords = shapely.get_coordinates(g, include_z=True)
        coords[:, 2] = float("nan")
        geoms[0] = shapely.set_coordinates(g, coords)
    frame = gpd.GeoDataFrame(frame.drop(columns="geometry"), geometry=geoms, crs=4326)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        if fmt == "geojson":
            doc = json.loads(frame.to_json())
            if mutation == "3857 label":
                doc["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}}
            if mutation == "open ring":
                ring = doc["features"][0]["geometry"]["coordinates"][0]
                ring.pop()
            name, data = "desa_z.geojson", json.dumps(doc).encode()
        elif fmt.startswith("gpkg"):
            _write(frame, work / "desa.gpkg", "GPKG", dims)
            name, data = "desa_z.gpkg", (work / "desa.gpkg").read_bytes()
        elif fmt == "shapefile zip":
            _write(frame, work / "desa.shp", "ESRI Shapefile", dims)
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
                for part in sorted(work.iterdir()):
                    archive.write(part, part.name)
            name, data = "desa_z.zip", buf.getvalue()
        else:
            frame.to_parquet(work / "desa.parquet")
            name, data = "desa_z.parquet", (work / "desa.parquet").read_bytes()
    if mutation == "truncate":
        data = data[: rng.randrange(10, len(data))]
    elif mutation == "flip bytes":
        raw = bytearray(data)
        for _ in range(rng.randint(1, 12)):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        data = bytes(raw)
    return Case(index, "boundary", None, name, data, notes)


def run_z_batch(seed: int, cases: int, root: Path, only: list[int] | None = None):
    """Run the cases through the boundary command line, a fresh store every 25 cases."""
    import shutil

    outcomes, work, store = [], root / "work", root / "store"
    work.mkdir(parents=True, exist_ok=True)
    for index in only if only is not None else range(cases):
        if index % 25 == 0:
            shutil.rmtree(store, ignore_errors=True)
        outcomes.append(run_case(build_z_case(seed, index), store, work))
    return outcomes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=50)
    parser.add_argument("--seed", type=int, default=21)
    parser.add_argument("--only", type=int, nargs="*", default=None)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="atlas-zfuzz-") as folder:
        start = time.perf_counter()
        outcomes = run_z_batch(args.seed, args.cases, Path(folder), args.only)
        info = {"seed": args.seed, "wall_s": round(time.perf_counter() - start, 1), **summary(outcomes)}
    for o in outcomes:
        info.setdefault("kinds", {}).setdefault(" ".join(o.mutations), [0, 0])[0 if o.exit == 0 else 1] += 1
    text = json.dumps(info, indent=1, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(text)
    return 0 if not info["failures"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
