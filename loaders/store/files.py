"""The embedded store: GeoParquet files per province and versioned data layers, written atomically.

Layout under the store root (``$ATLAS_DATA_DIR``, default ``data/store``)::

    boundaries/PP            -> .gen/boundaries-PP-<id>/   (symlink, swapped atomically)
        meta.json             source, date, counts
        village.parquet       every gazetteer village of the province; geometry null where
                              no polygon is known (columns: code, name, district, regency,
                              province, has_polygon, geometry)
        district.parquet, regency.parquet, province.parquet
        display/<level>-<zoom>.parquet   simplified geometry prepared at import
    layers/<layer>           -> .gen/layer-<layer>-<id>/
        meta.json             versions with their import log entries (each with its coverage)
        v<N>.parquet          one file per version
        undo/<K>/             the layer as it was before a write: its meta.json and v<N>.parquet
                              (hard links: the same bytes), undo.json (what the write was);
                              the newest ``UNDO_DEPTH`` are kept
    import_log.jsonl          append-only log of accepted imports
    store_format.json         the store's format version (``loaders.store.format``); a store of
                              an earlier release is upgraded at its first open, a newer one refused
    backups/                  backups kept by an upgrade, stores a restore replaced (not data)

Every change builds a new generation directory beside the old one and then replaces the
symlink with ``os.replace`` (atomic on POSIX): a failed or interrupted write leaves the
previous data exactly as it was. Readers only follow symlinks, so they never see half a write.
Nothing outside this package knows this layout: callers use the methods of
:class:`loaders.store.Store` (``loaders.store.postgis`` implements the same ones on PostGIS).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from geo.codes import Level
from loaders.store.base import (
    UNDO_DEPTH,
    Areas,
    Display,
    Store,
    StoreError,
    covered_frame,
    now,
    replace_coverage,
    replaced_entry,
    rows_in_provinces,
    with_coverage,
)
from loaders.store.format import BACKUPS, FORMAT_FILE, ensure_files

__all__ = ["FileStore", "LEVEL_FILES"]

LEVEL_FILES = {
    Level.VILLAGE: "village.parquet",
    Level.DISTRICT: "district.parquet",
    Level.REGENCY: "regency.parquet",
    Level.PROVINCE: "province.parquet",
}


_now = now
#: Store roots whose format this process checked, with their marker file's identity.
_FORMAT_CHECKED: dict[str, tuple[int, int, int]] = {}


class FileStore(Store):
    """Filesystem store rooted at ``root``. Cheap to construct; reads are lazy."""

    def __init__(self, root: Path | str):
        self.root = Path(root)

    @property
    def key(self) -> str:
        return str(self.root)

    @property
    def label(self) -> str:
        return str(self.root)

    def _ready(self, *, write: bool = False) -> None:
        """Check the store's format once per process: an earlier one is upgraded, a later one
        refused (``FormatError``); a new store gets its marker with its first write."""
        marker = self.root / FORMAT_FILE
        try:
            stat = marker.stat()
            if _FORMAT_CHECKED.get(str(self.root)) == (stat.st_dev, stat.st_ino, stat.st_mtime_ns):
                return
        except FileNotFoundError:
            pass
        if ensure_files(self.root, write=write):
            stat = marker.stat()  # a restore or an upgrade writes a new marker: checked again
            _FORMAT_CHECKED[str(self.root)] = (stat.st_dev, stat.st_ino, stat.st_mtime_ns)

    # ----------------------------------------------------------------- atomic units
    def _unit_link(self, kind: str, name: str) -> Path:
        return self.root / kind / name

    def _unit_dir(self, kind: str, name: str) -> Path | None:
        self._ready()
        link = self._unit_link(kind, name)
        return link.resolve() if link.is_symlink() and link.resolve().is_dir() else None

    @contextmanager
    def _replace_unit(self, kind: str, name: str, *, copy_current: bool = False) -> Iterator[Path]:
        """Yield a fresh directory for a new generation of a unit; swap it in on success.

        With ``copy_current`` the new generation starts as a copy of the current one (hard
        links, so cheap), for changes that keep most files.
        """
        self._ready(write=True)
        gen_root = self.root / ".gen"
        gen_root.mkdir(parents=True, exist_ok=True)
        (self.root / kind).mkdir(parents=True, exist_ok=True)
        staging = gen_root / f"{kind}-{name}-{uuid.uuid4().hex[:12]}"
        current = self._unit_dir(kind, name)
        if copy_current and current is not None:
            shutil.copytree(current, staging, copy_function=os.link)
        else:
            staging.mkdir()
        try:
            yield staging
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        link = self._unit_link(kind, name)
        tmp_link = link.with_name(f".{name}.{uuid.uuid4().hex[:8]}.tmp")
        os.symlink(os.path.relpath(staging, link.parent), tmp_link)
        os.replace(tmp_link, link)
        if current is not None:
            shutil.rmtree(current, ignore_errors=True)

    def _remove_unit(self, kind: str, name: str) -> None:
        current = self._unit_dir(kind, name)
        link = self._unit_link(kind, name)
        if link.is_symlink():
            link.unlink()
        if current is not None:
            shutil.rmtree(current, ignore_errors=True)

    def version(self) -> str:
        """A token that changes whenever any unit of the store changes (cache key)."""
        self._ready()
        parts = []
        for kind in ("boundaries", "layers"):
            folder = self.root / kind
            if folder.is_dir():
                for link in sorted(folder.iterdir()):
                    if link.is_symlink():
                        parts.append(f"{kind}/{link.name}->{os.readlink(link)}")
        return hashlib.sha1("\n".join(parts).encode()).hexdigest()[:16]

    # ----------------------------------------------------------------- boundaries
    def provinces(self) -> list[str]:
        """Codes of the provinces whose boundaries the store holds."""
        self._ready()
        folder = self.root / "boundaries"
        if not folder.is_dir():
            return []
        return sorted(
            p.name for p in folder.iterdir() if p.is_symlink() and self._unit_dir("boundaries", p.name)
        )

    def write_province(
        self,
        province: str,
        areas: Areas,
        display: Display | None = None,
        *,
        meta: dict,
        keep: tuple[Level, ...] = (),
        packs: Mapping[str, bytes] | None = None,
    ) -> None:
        level_names = {level: name for level, name in LEVEL_FILES.items()}
        held = self._unit_dir("boundaries", province) if keep else None
        with self._replace_unit("boundaries", province) as folder:
            (folder / "display").mkdir()
            for level in keep:
                if held is None or not (held / level_names[level]).exists():
                    raise StoreError(f"province {province} has no {level.key} areas to keep")
                _link(held / level_names[level], folder / level_names[level])
                for path in sorted((held / "display").glob(f"{level.key}-*.parquet")):
                    _link(path, folder / "display" / path.name)
            for level, frame in areas.items():
                if level not in keep:
                    frame.to_parquet(
                        folder / level_names[Level(level)], index=False, compression=_COMPRESSION
                    )
            for (level, zoom), frame in (display or {}).items():
                if level not in keep:
                    frame.to_parquet(
                        folder / "display" / f"{Level(level).key}-{zoom}.parquet",
                        index=False,
                        compression=_COMPRESSION,
                    )
            (folder / "tiles").mkdir()
            if Level.VILLAGE in keep and held is not None:
                for path in sorted((held / "tiles").glob("village-*.json")):
                    _link(path, folder / "tiles" / path.name)
            else:
                for zoom, data in (packs or {}).items():
                    (folder / "tiles" / f"village-{zoom}.json").write_bytes(data)
            meta = {"province": province, "written_at": _now(), **meta}
            (folder / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1))

    def packs(self, province: str) -> dict[str, bytes]:
        folder = self._unit_dir("boundaries", province)
        if folder is None:
            raise StoreError(f"the store holds no boundaries for province {province}")
        return {
            path.stem.removeprefix("village-"): path.read_bytes()
            for path in sorted((folder / "tiles").glob("village-*.json"))
        }

    def delete_province(self, province: str) -> None:
        self._remove_unit("boundaries", province)

    def province_meta(self, province: str) -> dict:
        folder = self._unit_dir("boundaries", province)
        if folder is None:
            raise StoreError(f"the store holds no boundaries for province {province}")
        return json.loads((folder / "meta.json").read_text())

    def province_tables(self, province: str) -> tuple[Areas, Display]:
        folder = self._unit_dir("boundaries", province)
        if folder is None:
            raise StoreError(f"the store holds no boundaries for province {province}")
        areas = {
            level: gpd.read_parquet(folder / name)
            for level, name in LEVEL_FILES.items()
            if (folder / name).exists()
        }
        display = {}
        for path in sorted((folder / "display").glob("*.parquet")):
            key, zoom = path.stem.split("-", 1)
            display[(Level[key.upper()], zoom)] = gpd.read_parquet(path)
        return areas, display

    def _level_paths(self, provinces: list[str], name: str) -> list[Path]:
        """``name`` in the current folder of each province held, in the order given.

        Raises ``StoreError`` for the first held province lacking the file.
        """
        paths = []
        for prov in provinces:
            folder = self._unit_dir("boundaries", prov)
            if folder is None:
                continue
            path = folder / name
            if not path.exists():
                raise StoreError(f"province {prov} has no {name}; import its boundaries again")
            paths.append(path)
        return paths

    def read_areas(
        self,
        level: Level | int,
        parent: str | None = None,
        *,
        display: str | None = None,
        columns: list[str] | None = None,
    ) -> gpd.GeoDataFrame:
        """Areas of ``level`` inside ``parent`` (None: every province held).

        ``display`` names a prepared display geometry (e.g. ``"province"`` or ``"regency"``
        zoom) instead of the full one. Empty frame with the right columns when nothing is held.
        Several provinces are read in one pass (one Arrow table, one WKB decoding), with the
        same rows, order, columns and dtypes as reading them one by one.
        """
        level = Level(level)
        name = f"display/{level.key}-{display}.parquet" if display else LEVEL_FILES[level]
        paths = self._level_paths([parent[:2]] if parent else self.provinces(), name)
        if not paths:
            return gpd.GeoDataFrame({"code": [], "name": []}, geometry=gpd.GeoSeries([], crs=4326))
        if len(paths) > 1:
            table = _concat_tables(paths, columns)
            if table is not None:
                return _geo_frame(table)
        frames = []
        for path in paths:
            frame = gpd.read_parquet(path, columns=columns)
            if parent and level.value > parent.count(".") + 1:
                frame = frame[frame["code"].str.startswith(parent + ".")]
            elif parent:
                frame = frame[frame["code"] == parent]
            frames.append(frame)
        out = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0].reset_index(drop=True)
        return gpd.GeoDataFrame(out, geometry="geometry", crs=4326)

    def read_attributes(
        self, level: Level | int, parent: str | None = None, columns: list[str] | None = None
    ) -> pd.DataFrame:
        """The non-geometry columns of :meth:`read_areas` (cheap: the polygons are not read)."""
        level = Level(level)
        wanted = columns or ["code", "name"]
        paths = self._level_paths([parent[:2]] if parent else self.provinces(), LEVEL_FILES[level])
        if not paths:
            return pd.DataFrame({c: pd.Series(dtype=object) for c in wanted})
        if len(paths) > 1:
            table = _concat_tables(paths, wanted)
            if table is not None:
                return table.to_pandas()
        frames = []
        read = wanted if "code" in wanted or not parent else ["code", *wanted]
        for path in paths:
            frame = pd.read_parquet(path, columns=read)
            if parent:
                frame = frame[frame["code"].str.startswith(parent + ".") | (frame["code"] == parent)]
            frames.append(frame[wanted])
        return pd.concat(frames, ignore_index=True)

    # ----------------------------------------------------------------- village packs (national view)
    def read_pack(self, province: str, zoom: str) -> bytes | None:
        folder = self._unit_dir("boundaries", province)
        path = folder / "tiles" / f"village-{zoom}.json" if folder is not None else None
        return path.read_bytes() if path is not None and path.is_file() else None

    def write_packs(
        self, province: str, packs: Mapping[str, bytes], display: Mapping[str, gpd.GeoDataFrame]
    ) -> None:
        """Every other file of the province is kept as it is (hard links into the new generation)."""
        if self._unit_dir("boundaries", province) is None:
            raise StoreError(f"the store holds no boundaries for province {province}")
        with self._replace_unit("boundaries", province, copy_current=True) as folder:
            (folder / "tiles").mkdir(exist_ok=True)
            (folder / "display").mkdir(exist_ok=True)
            for zoom, frame in display.items():
                path = folder / "display" / f"{Level.VILLAGE.key}-{zoom}.parquet"
                path.unlink(missing_ok=True)  # a hard link into the live generation: never write through it
                frame.to_parquet(path, index=False)
            for zoom, data in packs.items():
                path = folder / "tiles" / f"village-{zoom}.json"
                path.unlink(missing_ok=True)
                path.write_bytes(data)

    # ----------------------------------------------------------------- layers
    def layers(self) -> list[str]:
        self._ready()
        folder = self.root / "layers"
        if not folder.is_dir():
            return []
        return sorted(
            p.name for p in folder.iterdir() if p.is_symlink() and self.layer_meta(p.name)["versions"]
        )

    def layer_meta(self, layer: str) -> dict:
        """``{"versions": [{"id": N, "file":..., "rows":..., ...}, ...]}``; empty when none."""
        folder = self._unit_dir("layers", layer)
        if folder is None or not (folder / "meta.json").exists():
            return {"layer": layer, "versions": []}
        return json.loads((folder / "meta.json").read_text())

    @staticmethod
    def _write_meta(folder: Path, layer: str, versions: list[dict]) -> None:
        # meta.json may be a hard link into the live generation or an undo point: replace, never rewrite
        (folder / "meta.json").unlink(missing_ok=True)
        (folder / "meta.json").write_text(
            json.dumps({"layer": layer, "versions": versions}, ensure_ascii=False, indent=1)
        )

    @staticmethod
    def _keep_undo_point(folder: Path, what: dict) -> None:
        """The layer in ``folder`` (a copy of the live generation) kept as its newest undo point:
        its meta.json and version files hard-linked into ``undo/<K>/``; the oldest points beyond
        ``UNDO_DEPTH`` dropped."""
        undo = folder / "undo"
        undo.mkdir(exist_ok=True)
        held = sorted(int(p.name) for p in undo.iterdir() if p.name.isdigit())
        point = undo / str((held[-1] if held else 0) + 1)
        point.mkdir()
        for path in [folder / "meta.json", *sorted(folder.glob("v*.parquet"))]:
            if path.exists():
                _link(path, point / path.name)
        (point / "undo.json").write_text(json.dumps({"at": _now(), **what}, ensure_ascii=False, indent=1))
        for old in held[: max(0, len(held) + 1 - UNDO_DEPTH)]:
            shutil.rmtree(undo / str(old))

    def write_layer_version(
        self,
        layer: str,
        frame: pd.DataFrame,
        info: dict,
        *,
        replace: bool,
        drop_rows: Callable[[pd.DataFrame], pd.Series] | None = None,
    ) -> int:
        """Add a version of ``layer`` (``replace=True`` drops every earlier version). Atomic.

        With ``replace`` and ``drop_rows`` only the rows of earlier versions for which
        ``drop_rows(frame)`` is True are dropped (the new version's scope) and the new version's
        coverage is taken from theirs; versions left with no row and no coverage are removed,
        the others rewritten, all in the same atomic swap, with the layer as it was kept as an
        undo point.
        """
        info, replaced = replace_coverage(layer, info, frame)
        meta = self.layer_meta(layer)
        scoped = replace and drop_rows is not None
        versions = [] if replace and not scoped else list(meta["versions"])
        new_id = max([v["id"] for v in meta["versions"]], default=0) + 1
        with self._replace_unit("layers", layer, copy_current=True) as folder:
            mode = info.get("mode") or (
                "replace_all" if replace and not scoped else "replace" if scoped else "append"
            )
            self._keep_undo_point(folder, {"action": "write", "version": new_id, "mode": mode})
            if scoped:
                kept = []
                for version in versions:
                    path = folder / f"v{version['id']}.parquet"
                    old = pd.read_parquet(path)
                    mask = drop_rows(old).fillna(False).astype(bool).to_numpy()
                    entry = replaced_entry(layer, version, old[~mask], int(mask.sum()), replaced)
                    if entry is None:
                        continue
                    if mask.any():
                        path.unlink()  # a hard link into the live generation: never write through it
                        old[~mask].to_parquet(path, index=False)
                    kept.append(entry)
                versions = kept
            _bare(frame).to_parquet(folder / f"v{new_id}.parquet", index=False)
            versions.append({"id": new_id, "written_at": _now(), **info})
            for stale in folder.glob("v*.parquet"):
                if int(stale.stem[1:]) not in {v["id"] for v in versions}:
                    stale.unlink()
            self._write_meta(folder, layer, versions)
        return new_id

    def delete_layer_version(self, layer: str, version_id: int) -> None:
        meta = self.layer_meta(layer)
        if version_id not in {v["id"] for v in meta["versions"]}:
            raise StoreError(f"layer {layer} has no version {version_id}")
        versions = [v for v in meta["versions"] if v["id"] != version_id]
        with self._replace_unit("layers", layer, copy_current=True) as folder:
            self._keep_undo_point(folder, {"action": "delete", "version": version_id})
            (folder / f"v{version_id}.parquet").unlink()
            self._write_meta(folder, layer, versions)

    def undo_points(self, layer: str) -> list[dict]:
        folder = self._unit_dir("layers", layer)
        if folder is None or not (folder / "undo").is_dir():
            return []
        points = sorted(int(p.name) for p in (folder / "undo").iterdir() if p.name.isdigit())
        out = []
        for k in points:
            point = folder / "undo" / str(k)
            meta = point / "meta.json"
            before = json.loads(meta.read_text())["versions"] if meta.exists() else []
            out.append({"point": k, **json.loads((point / "undo.json").read_text()), "before": before})
        return out

    def undo_layer(self, layer: str) -> dict:
        points = self.undo_points(layer)
        if not points:
            raise StoreError(f"layer {layer} has nothing to undo")
        last = points[-1]
        with self._replace_unit("layers", layer, copy_current=True) as folder:
            point = folder / "undo" / str(last["point"])
            for path in [folder / "meta.json", *folder.glob("v*.parquet")]:
                path.unlink(missing_ok=True)
            for path in [point / "meta.json", *sorted(point.glob("v*.parquet"))]:
                if path.exists():
                    _link(path, folder / path.name)  # the same files: byte for byte as they were
            shutil.rmtree(point)
        return last

    def read_layer(
        self, layer: str, version_id: int | None = None, *, provinces: Iterable[str] | None = None
    ) -> pd.DataFrame:
        """All versions of a layer concatenated (or one version); empty frame when none. With
        ``provinces``, the rows are filtered in Arrow before they become Python objects."""
        folder = self._unit_dir("layers", layer)
        if folder is None:
            return pd.DataFrame()
        entries = self.layer_meta(layer)["versions"]
        if version_id is not None:
            entries = [e for e in entries if e["id"] == version_id]
            if not entries:
                raise StoreError(f"layer {layer} has no version {version_id}")
        frames = [
            _read_rows(folder / f"v{e['id']}.parquet", provinces).assign(version=e["id"]) for e in entries
        ]
        if not frames:
            return pd.DataFrame()
        return covered_frame(layer, pd.concat(frames, ignore_index=True), entries)

    def layer_versions(self, layer: str) -> dict[int, pd.DataFrame]:
        folder = self._unit_dir("layers", layer)
        if folder is None:
            return {}
        ids = [v["id"] for v in self.layer_meta(layer)["versions"]]
        return {i: pd.read_parquet(folder / f"v{i}.parquet") for i in ids}

    def restore_layer(self, layer: str, meta: dict, frames: dict[int, pd.DataFrame]) -> None:
        # every version restored knows what it covers (a backup of an earlier format: from its rows)
        versions = [with_coverage(layer, v, frames[v["id"]]) for v in meta["versions"]]
        with self._replace_unit("layers", layer) as folder:
            for version in versions:
                _bare(frames[version["id"]]).to_parquet(folder / f"v{version['id']}.parquet", index=False)
            (folder / "meta.json").write_text(
                json.dumps({"layer": layer, "versions": versions}, ensure_ascii=False, indent=1)
            )

    # ----------------------------------------------------------------- import log
    def log_import(self, entry: dict) -> None:
        """Append one accepted import to the log (a rejected one leaves the store untouched)."""
        self._ready(write=True)
        with open(self.root / "import_log.jsonl", "a", encoding="utf-8") as fh:
            fh.write(json.dumps({"at": _now(), **entry}, ensure_ascii=False) + "\n")

    def import_log(self) -> list[dict]:
        self._ready()
        path = self.root / "import_log.jsonl"
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]

    # ----------------------------------------------------------------- copies
    def snapshot(self, target: Path | str) -> FileStore:
        """A copy of the whole store at ``target``, its files hard-linked (a copy across
        filesystems); the import log and the accounts book, changed in place, are copied. Backups
        kept beside the data are left out."""
        self._ready()
        target = Path(target)

        def skip(folder: str, names: list[str]) -> list[str]:
            at_root = Path(folder) == self.root
            return [n for n in names if at_root and (n == BACKUPS or n.startswith(".backup-"))]

        try:
            shutil.copytree(self.root, target, symlinks=True, copy_function=_link_or_copy, ignore=skip)
        except OSError:  # another filesystem: a real copy
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(self.root, target, symlinks=True, ignore=skip)
        return FileStore(target)


_COMPRESSION = "zstd"


def _bare(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` without ``attrs`` (a read layer carries its coverage, which the version's entry
    stores; pandas would try to write it into the file's metadata)."""
    if not frame.attrs:
        return frame
    out = frame.copy(deep=False)
    out.attrs = {}
    return out


def _link(source: Path, target: Path) -> None:
    """``target`` as a hard link to ``source`` (a copy across filesystems); never written through."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _link_or_copy(src: str, dst: str) -> None:
    if Path(src).name in ("import_log.jsonl", "accounts.sqlite", FORMAT_FILE):  # changed in place
        shutil.copy2(src, dst)
    else:
        os.link(src, dst)


def _read_rows(path: Path, provinces: Iterable[str] | None) -> pd.DataFrame:
    """A layer version's rows (those whose village lies in ``provinces`` when given).

    A text ``village`` column is filtered in Arrow on its first two characters, so only the
    kept rows become pandas objects (a grant's rows of a national layer of a million rows);
    any other column type goes through :func:`rows_in_provinces` after the whole read.
    """
    if provinces is None:
        return pd.read_parquet(path)
    schema = pq.read_schema(path)
    if "village" not in schema.names or not pa.types.is_string(schema.field("village").type):
        return rows_in_provinces(pd.read_parquet(path), provinces)
    codes = pa.array(sorted({str(p)[:2] for p in provinces}), type=pa.string())
    table = pq.read_table(path)  # filtered in memory: no dataset scan threads left at exit
    inside = pc.is_in(pc.utf8_slice_codeunits(table["village"], 0, 2), value_set=codes)
    return table.filter(inside).to_pandas()


# --------------------------------------------------------------------------- one-pass reads
def _concat_tables(paths: list[Path], columns: list[str] | None) -> pa.Table | None:
    """The files' rows as one Arrow table, in the order given; None when their columns differ.

    Reading the provinces' files into one table and converting it once is several times faster
    than a GeoDataFrame per province and a ``pd.concat`` (the national maps read ~38 files).
    """
    tables = [pq.read_table(path, columns=columns) for path in paths]
    first = tables[0].schema
    if any(not t.schema.equals(first, check_metadata=False) for t in tables[1:]):
        return None  # e.g. a column all null in one province: the per-province path decides
    return pa.concat_tables(tables)


def _geo_frame(table: pa.Table) -> gpd.GeoDataFrame:
    """A GeoDataFrame of a table of the store's GeoParquet files (WKB ``geometry``, EPSG:4326).

    As ``gpd.read_parquet`` converts one file: the other columns through ``to_pandas`` (the
    files' pandas metadata), the geometry decoded from WKB.
    """
    if "geometry" not in table.column_names:
        raise ValueError("no geometry column read; use read_attributes for the other columns")
    frame = table.drop_columns(["geometry"]).to_pandas()
    geometry = gpd.GeoSeries.from_wkb(table["geometry"].to_numpy(zero_copy_only=False), crs=4326)
    frame = gpd.GeoDataFrame(frame, geometry=geometry.values)
    order = [c for c in table.column_names if c in frame.columns]  # geometry back in its place
    return gpd.GeoDataFrame(frame[order], geometry="geometry", crs=4326)
