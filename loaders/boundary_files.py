"""Read a boundary file a user already has: GeoPackage, zipped Shapefile, GeoJSON, GeoParquet.

Any CRS is reprojected to EPSG:4326; codes in any form are normalised (``geo.codes``); the code
column is found when not named; invalid geometry is repaired. Problems with single rows
(unknown, duplicate or malformed codes, empty geometry) are reported with their row numbers;
problems with the whole file raise ``BoundaryFileError`` saying why and what to do.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pyogrio.raw
import shapely
import shapely.errors
from pyogrio.errors import DataLayerError, DataSourceError

from geo.boundaries import repair_geometry
from geo.codes import Level, normalise_codes
from geo.gazetteer import gazetteer, normalise_name
from i18n import DEFAULT_LANGUAGE, fmt_int, t
from loaders._boundary_checks import DRIVERS, KINDS, SHAPEFILE_PARTS, check_content

__all__ = ["BoundaryFileError", "BoundaryFile", "read_boundary_file", "CODE_COLUMN_NAMES", "SUFFIXES"]

#: Column names tried (case-insensitive, in this order) when no code column is given.
CODE_COLUMN_NAMES = (
    "kode",
    "kode_desa",
    "kode_kel",
    "kode_kelurahan",
    "kode_wilayah",
    "kode_kemendagri",
    "kdepum",
    "kd_desa",
    "kode_kec",
    "kode_kab",
    "kode_prov",
    "kdcpum",
    "kdppum",
    "kdpkab",
    "code",
    "id_desa",
    "village_code",
    "adm4_pcode",
)
NAME_COLUMN_NAMES = ("nama", "nama_desa", "namobj", "wadmkd", "name", "desa", "village")
SUFFIXES = (".gpkg", ".zip", ".shp", ".geojson", ".json", ".parquet", ".geoparquet")
_MAX_LISTED = 20


class BoundaryFileError(ValueError):
    """The file cannot be used at all; the message names the file, the reason and the fix.

    ``message(lang)`` gives it in the interface language; ``str()`` is the English text.
    """

    def __init__(self, key: str, **params: object):
        self.key = key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        params = dict(self.params)
        if "level" in params:
            params["level"] = t(f"boundaries.level.{params['level']}", lang)
        if "cause" in params:
            params["cause"] = t(f"boundaries.cause.{params['cause']}", lang)
        if "what" in params:
            params["what"] = t(f"boundaries.file.gpkg_what.{params['what']}", lang)
        if "name" in params:
            params["name"] = repr(params["name"])
        if "hint" in params:
            params["hint"] = (
                t("boundaries.file.bps_hint", lang, count=params["hint"]) if params["hint"] else ""
            )
        return t(f"boundaries.file.{self.key}", lang, **params) + " " + t("boundaries.nothing", lang)


@dataclass
class BoundaryFile:
    """Areas read from a file: ``code, geometry`` (EPSG:4326, valid) at one level, and a report."""

    areas: gpd.GeoDataFrame
    level: Level
    path: Path
    code_column: str
    source_crs: str
    rows: int
    repaired: list[int] = field(default_factory=list)
    unknown: list[tuple[int, str]] = field(default_factory=list)
    bad_codes: list[tuple[int, str, str]] = field(default_factory=list)
    duplicates: dict[str, list[int]] = field(default_factory=dict)
    other_level: list[tuple[int, str]] = field(default_factory=list)
    no_geometry: list[int] = field(default_factory=list)
    name_mismatch: list[tuple[int, str, str, str]] = field(default_factory=list)

    def provinces(self) -> list[str]:
        return sorted(self.areas["code"].str[:2].unique())

    def problems(self, lang: str = DEFAULT_LANGUAGE) -> list[str]:
        """One line per kind of row problem in ``lang`` (row numbers count features from 1)."""

        def listed(items: list) -> str:
            shown = ", ".join(str(i) for i in items[:_MAX_LISTED])
            more = len(items) - _MAX_LISTED
            return shown + (" " + t("boundaries.more", lang, count=fmt_int(more, lang)) if more > 0 else "")

        def row(number: int, text: str) -> str:
            return f"{t('boundaries.row', lang, row=number)}: {text}"

        def line(key: str, items: list, **params: object) -> str:
            return t(f"boundaries.problem.{key}", lang, count=len(items), items=listed(items), **params)

        out = []
        if self.bad_codes:
            items = [row(r, f"{v!r} ({p})") for r, v, p in self.bad_codes]
            out.append(line("bad_codes", items, column=repr(self.code_column)))
        if self.unknown:
            out.append(line("unknown", [row(r, c) for r, c in self.unknown]))
        if self.other_level:
            level = t(f"boundaries.level.{self.level.key}", lang)
            out.append(line("other_level", [row(r, c) for r, c in self.other_level], level=level))
        if self.duplicates:
            items = [
                f"{c} ({t('boundaries.rows', lang, rows=', '.join(map(str, r)))})"
                for c, r in self.duplicates.items()
            ]
            out.append(line("duplicates", items))
        if self.no_geometry:
            out.append(line("no_geometry", [t("boundaries.row", lang, row=r) for r in self.no_geometry]))
        if self.repaired:
            out.append(line("repaired", [t("boundaries.row", lang, row=r) for r in self.repaired]))
        if self.name_mismatch:
            items = [
                row(r, f"{c} {n!r} ({t('boundaries.official', lang, name=repr(o))})")
                for r, c, n, o in self.name_mismatch
            ]
            out.append(line("name_mismatch", items))
        return out


def _fail(path: Path, key: str, **params: object) -> BoundaryFileError:
    return BoundaryFileError(key, file=path.name, **params)


def _unpack_zip(path: Path, work: Path) -> Path:
    """The one boundary file inside a zip, unpacked into ``work`` (raises when unusable).

    Only the zip's directory is read first: members beyond the limits (number, unpacked size,
    packing ratio) or with an absolute or ``..`` path refuse the whole zip
    (``limits.zip_problem``), and so does a ``.vrt`` (it points at other files). Then the
    Shapefile's own parts (``.shp .shx .dbf .prj .cpg``), or the single GeoPackage, GeoJSON or
    GeoParquet, are written under fixed names; nothing else of the zip reaches a reader.
    """
    from loaders.limits import zip_problem

    if not zipfile.is_zipfile(path):
        raise _fail(path, "zip_corrupt")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = [i for i in archive.infolist() if not i.is_dir()]
            problem = zip_problem(infos)
            if problem is not None:
                what, params = problem
                if what == "zip_unsafe":
                    raise _fail(path, "zip_unsafe", member=repr(params["member"]))
                key = {"unzipped_mb": "zip_too_large", "zip_members": "zip_members", "zip_ratio": "zip_ratio"}
                raise _fail(path, key[what], **params)
            names = [i.filename for i in infos if not i.filename.startswith("__MACOSX")]
            pointers = [n for n in names if n.lower().endswith((".vrt", ".gdalg.json", ".ovf"))]
            if pointers:
                raise _fail(path, "zip_vrt", member=repr(pointers[0][:120]))
            bad = archive.testzip()
            if bad is not None:
                raise _fail(path, "zip_member", member=repr(bad[:120]))
            chosen = _zip_members(path, names)
            target = None
            for member, suffix in chosen:
                out = work / f"upload{suffix}"
                with archive.open(member) as source, out.open("wb") as sink:
                    shutil.copyfileobj(source, sink, 1 << 20)
                target = target or out
    except BoundaryFileError:
        raise
    except Exception as err:  # noqa: BLE001 - zlib, struct and zipfile errors of a damaged archive
        raise _fail(path, "zip_corrupt") from err
    return target


def _zip_members(path: Path, names: list[str]) -> list[tuple[str, str]]:
    """``(member, suffix)`` to unpack: the Shapefile's parts (the ``.shp`` first), or the one
    other boundary file."""
    shps = [n for n in names if n.lower().endswith(".shp")]
    if not shps:
        geo = [
            n for n in names if n.lower().endswith((".gpkg", ".geojson", ".json", ".parquet", ".geoparquet"))
        ]
        if len(geo) == 1:
            return [(geo[0], Path(geo[0]).suffix.lower())]
        raise _fail(path, "zip_no_shp")
    if len(shps) > 1:
        raise _fail(path, "zip_many_shp", count=len(shps), names=", ".join(shps))
    stem = shps[0][:-4].lower()
    parts = {n[len(stem) :].lower(): n for n in names if n.lower().startswith(stem)}
    missing = [ext for ext in (".shx", ".dbf") if ext not in parts]
    if missing:
        raise _fail(path, "zip_parts", parts=", ".join(missing))
    return [(parts[ext], ext) for ext in SHAPEFILE_PARTS if ext in parts]


def _local_shapefile(path: Path, work: Path) -> Path:
    """A Shapefile named on the command line, its own parts copied into ``work`` (GDAL sees no
    other file of its folder)."""
    target = work / "upload.shp"
    for ext in SHAPEFILE_PARTS:
        for part in (path.with_suffix(ext), path.with_suffix(ext.upper())):
            if part.is_file():
                shutil.copyfile(part, target.with_suffix(ext))
                break
    return target


def _checked(path: Path, work: Path) -> tuple[Path, str]:
    """The file to read and its kind, after every check of its content (raises when unsafe)."""
    suffix = path.suffix.lower()
    if suffix == ".zip":
        local = _unpack_zip(path, work)
    elif suffix == ".shp":
        local = _local_shapefile(path, work)
    else:
        local = path
    kind = KINDS[local.suffix.lower()]
    problem = check_content(local, kind)
    if problem is not None:
        key, params = problem
        raise _fail(path, key, **params)
    return local, kind


def _read_frame(path: Path, layer: str | None, work: Path) -> gpd.GeoDataFrame:
    """The layer of a checked file as a GeoDataFrame in 2-D (Z and M dropped)."""
    local, kind = _checked(path, work)
    if kind == "parquet":
        try:
            frame = gpd.read_parquet(local)
        except ValueError as err:  # plain Parquet without geo metadata
            raise _fail(path, "parquet_plain") from err
        except OSError as err:
            raise _fail(path, "unreadable", error=type(err).__name__) from err
        if isinstance(frame, gpd.GeoDataFrame) and frame.geometry.name in frame.columns:
            frame = frame.set_geometry(shapely.force_2d(frame.geometry.values), crs=frame.crs)
        return frame
    driver = DRIVERS[kind]
    # GeoJSON and GPKG take their driver as a prefix; a Shapefile's header admits no other
    source = str(local.resolve())
    source = source if kind == "shapefile" else f"{driver}:{source}"
    try:
        layers = pyogrio.list_layers(source)
        opened = pyogrio.read_info(source, layer=str(layers[0][0]) if len(layers) else None).get("driver")
    except (DataSourceError, DataLayerError, OSError, ValueError) as err:
        raise _fail(path, "unreadable", error=type(err).__name__) from err
    if opened != driver:
        raise _fail(path, "wrong_driver", driver=str(opened), expected=driver)
    if layer is None:
        spatial = [str(name) for name, kind_ in layers if kind_]
        if len(spatial) > 1:
            raise _fail(path, "many_layers", count=len(spatial), names=", ".join(spatial))
        if not spatial and len(layers):
            raise _fail(path, "table_only")
        layer = spatial[0] if spatial else None
    elif layer not in [str(name) for name, _ in layers]:
        names = ", ".join(str(n) for n, _ in layers)
        raise _fail(path, "no_layer", layer=repr(layer), names=names)
    from loaders.limits import VARIABLES, limits

    try:
        features = pyogrio.read_info(source, layer=layer).get("features", 0)
    except (DataSourceError, DataLayerError, OSError, ValueError) as err:
        raise _fail(path, "unreadable", error=type(err).__name__) from err
    if features > limits().features:
        raise _fail(
            path,
            "too_many_features",
            found=f"{features:,}",
            limit=limits().features,
            variable=VARIABLES["features"],
        )
    try:
        return pyogrio.read_dataframe(source, layer=layer, force_2d=True)
    except shapely.errors.GEOSException:
        return _read_fixing_wkb(source, layer)
    except (DataSourceError, DataLayerError, OSError, ValueError) as err:
        raise _fail(path, "unreadable", error=type(err).__name__) from err


def _read_fixing_wkb(source: str, layer: str | None) -> gpd.GeoDataFrame:
    """Read a layer whose geometry GEOS refuses as it stands (a ring that does not close, too
    few points): each geometry is parsed with ``on_invalid="fix"``; the rows that needed it are
    listed in ``attrs["wkb_fixed"]`` (0-based), those beyond repair have no geometry."""
    meta, _, wkb, fields = pyogrio.raw.read(source, layer=layer, force_2d=True)
    strict = shapely.from_wkb(wkb, on_invalid="ignore")
    fixed = shapely.from_wkb(wkb, on_invalid="fix")
    frame = gpd.GeoDataFrame(
        {name: values for name, values in zip(meta["fields"], fields, strict=True)},
        geometry=gpd.GeoSeries(fixed, crs=meta.get("crs")),
    )
    frame.attrs["wkb_fixed"] = [int(i) for i in np.flatnonzero(pd.isna(strict) & pd.notna(wkb))]
    return frame


#: Indonesia's extent in longitude and latitude (95°E-141°E, 11°S-6°N) with a margin.
INDONESIA_EXTENT = (92.0, -14.0, 144.0, 9.0)


def _outside_indonesia(frame: gpd.GeoDataFrame, path: Path, source_crs: str, raw_bounds) -> None:
    """Refuse a file with polygons outside Indonesia, naming the rows and the likely cause."""
    geom = np.asarray(frame.geometry.values, dtype=object)
    present = ~shapely.is_missing(geom) & ~shapely.is_empty(geom)
    bounds = np.full((len(geom), 4), np.nan)
    bounds[present] = shapely.bounds(geom[present])
    x0, y0, x1, y1 = INDONESIA_EXTENT
    with np.errstate(invalid="ignore"):
        inside = (bounds[:, 0] >= x0) & (bounds[:, 2] <= x1) & (bounds[:, 1] >= y0) & (bounds[:, 3] <= y1)
        swapped = (bounds[:, 1] >= x0) & (bounds[:, 3] <= x1) & (bounds[:, 0] >= y0) & (bounds[:, 2] <= y1)
    outside = present & ~inside
    if not outside.any():
        return
    if swapped[outside].mean() > 0.5:
        cause = "swapped"
    elif raw_bounds is not None and max(abs(v) for v in raw_bounds) > 1000:
        cause = "projected"
    elif source_crs.startswith("none") or "4326" in source_crs:
        cause = "shifted"
    else:
        cause = "crs"
    rows = [int(i) + 1 for i in np.flatnonzero(outside)]
    shown = ", ".join(map(str, rows[:_MAX_LISTED])) + (" …" if len(rows) > _MAX_LISTED else "")
    low, high = np.nanmin(bounds[outside], axis=0), np.nanmax(bounds[outside], axis=0)
    minx, miny, maxx, maxy = float(low[0]), float(low[1]), float(high[2]), float(high[3])
    raise _fail(
        path,
        "outside_indonesia",
        count=len(rows),
        rows=shown,
        cause=cause,
        crs=source_crs,
        bounds=f"{minx:.2f}, {miny:.2f}, {maxx:.2f}, {maxy:.2f}",
    )


def _find_code_column(frame: pd.DataFrame, path: Path) -> str:
    by_lower = {str(c).lower(): str(c) for c in frame.columns if c != frame.geometry.name}
    for name in CODE_COLUMN_NAMES:
        if name in by_lower:
            return by_lower[name]
    # No known name: take the column whose values most often are known codes.
    known = gazetteer().index
    best, best_share = None, 0.0
    sample = frame.head(500)
    for column in by_lower.values():
        codes = normalise_codes(sample[column])["code"]
        share = float(codes.isin(known).mean()) if len(codes) else 0.0
        if share > best_share:
            best, best_share = column, share
    if best is None or best_share < 0.5:
        columns = ", ".join(by_lower.values()) or "none"
        raise _fail(path, "no_code_column", columns=columns)
    return best


def read_boundary_file(
    path: Path | str,
    *,
    code_column: str | None = None,
    name_column: str | None = None,
    layer: str | None = None,
    level: Level | int | str | None = None,
) -> BoundaryFile:
    """Read and check a boundary file; raise ``BoundaryFileError`` when nothing in it is usable.

    ``level`` (village, district, regency, province or 1-4) defaults to the level most codes
    have. Rows whose codes are malformed, unknown or of another level are reported and skipped;
    rows sharing a code are merged.
    """
    path = Path(path)
    if isinstance(level, str) and not level.isdigit() and level.upper() not in Level.__members__:
        raise ValueError(f"level {level!r} unknown; choose one of: village, district, regency, province")
    try:
        return _read_boundary_file(path, code_column, name_column, layer, level)
    except BoundaryFileError:
        raise
    except Exception as err:  # noqa: BLE001 - the last line of defence: a message, never a traceback
        if os.environ.get("ATLAS_IMPORT_DEBUG"):
            raise
        raise _fail(path, "unreadable", error=type(err).__name__) from err


#: A name GDAL would read as something else than a file: a driver prefix (``OGR_VRT:x``,
#: ``GeoJSON:x``) or a virtual file system (``/vsicurl/``, ``/vsizip/``).
_NOT_A_FILE = re.compile(r"^[A-Za-z][\w ]*:|(^|/)vsi[a-z0-9_]*(/|$)", re.IGNORECASE)


def _check_name(path: Path) -> None:
    """Refuse a path GDAL would not read as this file (a driver prefix, a ``/vsi`` path)."""
    if _NOT_A_FILE.search(path.name) or _NOT_A_FILE.search(path.as_posix().lstrip("/").split("/", 1)[0]):
        raise _fail(path, "not_a_file")


def _read_boundary_file(path: Path, code_column, name_column, layer, level) -> BoundaryFile:
    if not path.exists():
        raise _fail(path, "missing")
    if path.is_dir():
        raise _fail(path, "folder")
    if path.stat().st_size == 0:
        raise _fail(path, "empty")
    if path.suffix.lower() not in SUFFIXES:
        raise _fail(path, "suffix", suffix=path.suffix or "(-)")
    _check_name(path)
    from loaders.limits import VARIABLES, limits

    size = path.stat().st_size
    if size > limits().file_mb * 1_000_000:
        raise _fail(
            path,
            "too_large",
            found=f"{size / 1e6:,.1f}",
            limit=limits().file_mb,
            variable=VARIABLES["file_mb"],
        )
    with tempfile.TemporaryDirectory(prefix="atlas-boundary-") as work:
        frame = _read_frame(path, layer, Path(work))
    if not isinstance(frame, gpd.GeoDataFrame) or frame.geometry.name not in frame.columns:
        raise _fail(path, "table_only")
    if len(frame) == 0:
        raise _fail(path, "no_rows")
    geom = np.asarray(frame.geometry.values, dtype=object)
    present = ~shapely.is_missing(geom) & ~shapely.is_empty(geom)
    if not present.any():
        raise _fail(path, "no_geometry")
    types = set(shapely.get_type_id(geom[present]).tolist())
    if not types & {3, 6, 7}:
        raise _fail(path, "not_polygons")

    source_crs = frame.crs.to_string() if frame.crs is not None else "none"
    raw_bounds = tuple(float(v) for v in frame.total_bounds)
    if frame.crs is None:
        minx, miny, maxx, maxy = raw_bounds
        if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
            raise _fail(path, "no_crs")
        frame = frame.set_crs(4326)
        source_crs = "none (assumed EPSG:4326)"
    elif not frame.crs.equals("EPSG:4326"):
        with np.errstate(all="ignore"):
            frame = frame.to_crs(4326)
    _outside_indonesia(frame, path, source_crs, raw_bounds)

    if code_column is None:
        code_column = _find_code_column(frame, path)
    elif code_column not in frame.columns:
        columns = ", ".join(str(c) for c in frame.columns if c != frame.geometry.name)
        raise _fail(path, "no_column", column=repr(code_column), columns=columns)
    if name_column is not None and name_column not in frame.columns:
        columns = ", ".join(str(c) for c in frame.columns if c != frame.geometry.name)
        raise _fail(path, "no_column", column=repr(name_column), columns=columns)
    if name_column is None:
        lower = {str(c).lower(): str(c) for c in frame.columns}
        name_column = next((lower[n] for n in NAME_COLUMN_NAMES if n in lower), None)

    rows = np.arange(1, len(frame) + 1)
    parsed = normalise_codes(frame[code_column].reset_index(drop=True))
    codes = parsed["code"].to_numpy(dtype=object)
    ok = pd.notna(codes)
    result = BoundaryFile(
        areas=gpd.GeoDataFrame(),
        level=Level.VILLAGE,
        path=path,
        code_column=code_column,
        source_crs=source_crs,
        rows=len(frame),
    )
    raw = frame[code_column].to_numpy(dtype=object)
    result.bad_codes = [
        (int(rows[i]), str(raw[i]), str(parsed["problem"].iat[i])) for i in np.flatnonzero(~ok)
    ]
    known = np.zeros(len(codes), dtype=bool)
    known[ok] = pd.Index(codes[ok]).isin(gazetteer().index)
    result.unknown = [(int(rows[i]), str(codes[i])) for i in np.flatnonzero(ok & ~known)]
    if not known.any():
        bps = int((parsed["problem"] == "looks_like_bps").sum())
        raise _fail(path, "no_known_codes", count=len(frame), column=repr(code_column), hint=bps)
    levels = np.zeros(len(codes), dtype=int)
    levels[known] = [c.count(".") + 1 for c in codes[known]]
    if level is None:
        chosen = Level(int(pd.Series(levels[known]).mode().iat[0]))
    elif isinstance(level, str) and not level.isdigit():
        try:
            chosen = Level[level.upper()]
        except KeyError as err:
            raise ValueError(
                f"level {level!r} unknown; choose one of: village, district, regency, province"
            ) from err
    else:
        chosen = Level(int(level))
    result.level = chosen
    at_level = known & (levels == int(chosen))
    result.other_level = [(int(rows[i]), str(codes[i])) for i in np.flatnonzero(known & ~at_level)]
    if not at_level.any():
        raise _fail(path, "no_level_codes", level=chosen.key)

    fixed, repaired = repair_geometry(frame.geometry.values)  # reprojected
    repaired[frame.attrs.get("wkb_fixed", [])] = True  # rings closed when the file was read
    has_geom = ~shapely.is_missing(fixed)
    result.repaired = [int(rows[i]) for i in np.flatnonzero(repaired & at_level)]
    result.no_geometry = [int(rows[i]) for i in np.flatnonzero(at_level & ~has_geom)]
    use = at_level & has_geom
    if not use.any():
        raise _fail(path, "no_level_polygons", level=chosen.key)

    used = pd.DataFrame({"code": codes[use], "row": rows[use], "geometry": fixed[use]})
    counts = used["code"].value_counts()
    dup_codes = counts.index[counts > 1]
    result.duplicates = {c: used.loc[used["code"] == c, "row"].tolist() for c in sorted(dup_codes)}
    if len(dup_codes):
        merged = {c: shapely.union_all(used.loc[used["code"] == c, "geometry"].to_numpy()) for c in dup_codes}
        used = used.drop_duplicates("code", keep="first").copy()
        mask = used["code"].isin(dup_codes)
        used.loc[mask, "geometry"] = used.loc[mask, "code"].map(merged)

    if name_column is not None:
        names = frame[name_column].to_numpy(dtype=object)[use]
        official = gazetteer()["name"].reindex(codes[use]).to_numpy(dtype=object)
        for r, c, n, o in zip(rows[use], codes[use], names, official, strict=True):
            if isinstance(n, str) and normalise_name(n) != normalise_name(o):
                result.name_mismatch.append((int(r), str(c), n, str(o)))

    result.areas = gpd.GeoDataFrame(
        {"code": used["code"].to_numpy(), "row": used["row"].to_numpy()},
        geometry=gpd.GeoSeries(used["geometry"].to_numpy(), crs=4326),
    )
    return result
