"""The store's one interface: every read and write of boundaries, layers and the import log.

``Store(target)`` opens the backend for ``target``: a folder (``loaders.store.files``, the
embedded GeoParquet store) or a ``postgresql://`` URL (``loaders.store.postgis``). Both keep
the same methods and the same guarantees: a write is all or nothing, readers never see half a
write, and :meth:`Store.version` changes whenever anything changes (the cache key of every read).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from geo.codes import Level
from geo.data_coverage import Coverage, attach, derive, layer_level

__all__ = [
    "Store",
    "StoreError",
    "Areas",
    "Display",
    "UNDO_DEPTH",
    "is_database_url",
    "now",
    "entry_coverage",
    "with_coverage",
    "replace_coverage",
    "covered_frame",
    "replaced_entry",
    "village_provinces",
    "rows_in_provinces",
]

#: Undo points kept per layer (the states before its last writes); older ones are dropped.
UNDO_DEPTH = 10

#: One province's areas per level (``code, name, ..., geometry``, EPSG:4326).
Areas = Mapping[Level, gpd.GeoDataFrame]
#: Display copies prepared at import, per (level, zoom name).
Display = Mapping[tuple[Level, str], gpd.GeoDataFrame]


class StoreError(Exception):
    """The store cannot do what was asked (message meant for the user)."""


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def entry_coverage(layer: str, entry: dict, frame: pd.DataFrame | None = None) -> Coverage:
    """What one stored version speaks for: its ``coverage`` as stated at import, else what its
    rows show by the default rule (:func:`geo.data_coverage.derive`)."""
    if entry.get("coverage") is not None:
        return Coverage.from_json(entry["coverage"])
    return derive(frame, layer_level(layer))


def with_coverage(layer: str, info: dict, frame: pd.DataFrame) -> dict:
    """A new version's entry with its coverage: as stated (the import plan, adjusted by the
    steward), else derived from its rows, so every stored version knows what it speaks for."""
    if info.get("coverage") is not None:
        return info
    return {**info, "coverage": derive(frame, layer_level(layer)).to_json()}


def replace_coverage(layer: str, info: dict, frame: pd.DataFrame) -> tuple[dict, Coverage]:
    """A new version's entry (:func:`with_coverage`) and what its write replaces of the earlier
    versions' coverage: ``info["replaces"]`` when given (a steward's *replace all*: her provinces,
    every year; not stored), else the new version's own coverage."""
    info = dict(info)
    replaces = info.pop("replaces", None)
    info = with_coverage(layer, info, frame)
    return info, Coverage.from_json(replaces) if replaces else entry_coverage(layer, info)


def covered_frame(layer: str, frame: pd.DataFrame, entries: list[dict], frames=None) -> pd.DataFrame:
    """``frame`` (the rows of ``entries``' versions) carrying the union of their coverage
    (``frame.attrs["coverage"]``: :mod:`geo.data_coverage`); ``frames`` by id derive it for an
    entry that lacks it."""
    coverage = Coverage()
    for entry in entries:
        rows = (frames or {}).get(entry["id"]) if entry.get("coverage") is None else None
        if rows is None and entry.get("coverage") is None and "version" in frame:
            rows = frame[frame["version"] == entry["id"]]
        coverage = coverage | entry_coverage(layer, entry, rows)
    return attach(frame, coverage)


def replaced_entry(
    layer: str, entry: dict, rows: pd.DataFrame, dropped: int, replaced: Coverage
) -> dict | None:
    """An earlier version's entry after a replace of what ``replaced`` covers dropped ``dropped``
    of its rows (``rows`` stay): its coverage without the replaced areas and years, the rows
    replaced counted. None when nothing of it is left (no row and no coverage)."""
    before = entry_coverage(layer, entry, rows if not dropped else None)
    after = before.minus(replaced)
    if rows.empty and after.empty:
        return None
    out = {**entry, "coverage": after.to_json()}
    if dropped:
        out["rows_replaced"] = dropped + entry.get("rows_replaced", 0)
    if "provinces" in entry and "village" in rows:
        out["provinces"] = sorted(set(rows["village"].dropna().astype(str).str[:2]))
    return out


def village_provinces(frame: pd.DataFrame) -> pd.Series:
    """The province of each row's village: the first two characters of its code (None where a
    row names no village: it lies in no province)."""
    if "village" not in frame:
        return pd.Series(None, index=frame.index, dtype=object)
    # each distinct village cut once (a national layer repeats 83,762 villages 1.3 million times)
    index, distinct = pd.factorize(frame["village"].to_numpy(dtype=object))
    provinces = np.array([None, *(str(code)[:2] for code in distinct)], dtype=object)
    return pd.Series(provinces[index + 1], index=frame.index, dtype=object)


def rows_in_provinces(frame: pd.DataFrame, provinces: Iterable[str]) -> pd.DataFrame:
    """The rows of ``frame`` whose village lies in ``provinces``, in order, index reset: the rule
    every backend's ``read_layer(provinces=...)`` keeps (a backend may apply it while reading)."""
    if frame.empty:
        return frame
    inside = village_provinces(frame).isin(set(provinces)).to_numpy()
    return frame[inside].reset_index(drop=True)


def province_totals(frame: pd.DataFrame, layer: str) -> pd.DataFrame:
    """Rows and total of the layer's count per province of the rows' villages (rows without a
    village lie in none): :meth:`Store.version_provinces` from a frame."""
    from geo.layers import LAYERS

    spec = LAYERS.get(layer)
    province = village_provinces(frame)
    known = province.notna().to_numpy()
    count = (
        pd.to_numeric(frame[spec.count], errors="coerce").fillna(0)
        if spec is not None and spec.count in frame
        else pd.Series(np.nan, index=frame.index)
    )
    grouped = pd.DataFrame({"province": province[known], "total": count[known]}).groupby("province")
    out = pd.DataFrame({"rows": grouped.size(), "total": grouped["total"].sum(min_count=1)})
    out.index = out.index.astype(str)
    return out.astype({"rows": "int64", "total": "float64"})


#: Keys of a store seen through a grant start with this (``scope:36,52|<key of the store>``).
SCOPE_PREFIX = "scope:"


def scope_key(provinces, key: str) -> str:
    """The key of the store ``key`` seen through ``provinces``: ``scope:36,52|<key>``.

    >>> scope_key(["52", "36"], "/srv/atlas/store")
    'scope:36,52|/srv/atlas/store'
    """
    codes = sorted({str(p).strip()[:2] for p in provinces})
    bad = [c for c in codes if not (len(c) == 2 and c.isdigit())]
    if bad:
        raise ValueError(f"a scope holds two-digit province codes (e.g. 36), got {', '.join(bad)}")
    return f"{SCOPE_PREFIX}{','.join(codes)}|{key}"


def is_database_url(target: object) -> bool:
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


class Store(ABC):
    """Boundaries per province and versioned data layers behind one set of methods.

    ``Store(path)`` is the embedded GeoParquet store, ``Store("postgresql://...")`` the
    PostGIS one; cheap to construct, reads are lazy. ``Store(store.key)`` opens the same store
    again (cached reads are keyed on ``key`` and :meth:`version`).
    """

    #: ``"files"`` and ``"postgis"`` -> backend class, registered by ``loaders/store/__init__``.
    backends: dict[str, type[Store]] = {}

    def __new__(cls, target: Path | str | None = None, *args, **kwargs):
        if cls is Store:
            if isinstance(target, str) and target.startswith(SCOPE_PREFIX):
                cls = Store.backends["scoped"]
            else:
                cls = Store.backends["postgis" if is_database_url(target) else "files"]
        return super().__new__(cls)

    # ------------------------------------------------------------------ identity
    @property
    @abstractmethod
    def key(self) -> str:
        """A string that opens this store again with ``Store(key)``."""

    @property
    @abstractmethod
    def label(self) -> str:
        """Where the store is, for messages (a folder, or a database URL without password)."""

    @abstractmethod
    def version(self) -> str:
        """A token that changes whenever any unit of the store changes (cache key)."""

    # ------------------------------------------------------------------ grants
    def within(self, provinces) -> Store:
        """This store as an account granted ``provinces`` sees and changes it
        (``loaders.store.scoped``): other provinces' boundaries and rows are absent, writes
        outside them refused. ``Store(view.key)`` opens the same view again."""
        return Store(scope_key(provinces, self.key))

    @property
    def covers_all_provinces(self) -> bool:
        """True when nothing this store holds is hidden from it (False for a view through a
        grant that leaves out a province held)."""
        return True

    # ------------------------------------------------------------------ boundaries
    @abstractmethod
    def provinces(self) -> list[str]:
        """Codes of the provinces whose boundaries the store holds (sorted)."""

    @abstractmethod
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
        """Replace one province's boundaries atomically.

        ``areas`` per level and their ``display`` copies replace what is held; the levels in
        ``keep`` stay as stored (with their display copies), whatever ``areas`` holds for them.
        ``packs`` are the national view's village packs by zoom (``geo.tiles``), kept as stored
        when the villages are kept. ``meta`` is stored with ``province`` and ``written_at``. If
        anything fails, nothing changes.
        """

    @abstractmethod
    def delete_province(self, province: str) -> None: ...

    @abstractmethod
    def province_meta(self, province: str) -> dict:
        """The metadata written with the province; ``StoreError`` when it is not held."""

    @abstractmethod
    def province_tables(self, province: str) -> tuple[Areas, Display]:
        """Everything held for a province, as :meth:`write_province` takes it (copies, checks)."""

    @abstractmethod
    def packs(self, province: str) -> dict[str, bytes]:
        """Every village pack of a province, by zoom (empty when none was written)."""

    @abstractmethod
    def read_pack(self, province: str, zoom: str) -> bytes | None:
        """One province's village pack at ``zoom`` (``geo.tiles``), as written at import; None when
        the province was imported before packs existed (``python -m loaders.tiles build``)."""

    @abstractmethod
    def write_packs(
        self, province: str, packs: Mapping[str, bytes], display: Mapping[str, gpd.GeoDataFrame]
    ) -> None:
        """Add or replace a province's village packs and village display copies (``{zoom: ...}``),
        atomically; everything else of the province stays as it is."""

    @abstractmethod
    def read_areas(
        self,
        level: Level | int,
        parent: str | None = None,
        *,
        display: str | None = None,
        columns: list[str] | None = None,
    ) -> gpd.GeoDataFrame:
        """Areas of ``level`` inside ``parent`` (None: every province held), in stored order.

        ``display`` names a prepared display geometry (e.g. ``"province"`` or ``"regency"``
        zoom) instead of the full one. Empty frame with the right columns when nothing is held.
        """

    @abstractmethod
    def read_attributes(
        self, level: Level | int, parent: str | None = None, columns: list[str] | None = None
    ) -> pd.DataFrame:
        """The non-geometry columns of :meth:`read_areas` (cheap: the polygons are not read)."""

    # ------------------------------------------------------------------ layers
    @abstractmethod
    def layers(self) -> list[str]: ...

    @abstractmethod
    def layer_meta(self, layer: str) -> dict:
        """``{"layer": ..., "versions": [{"id": N, "rows": ..., ...}, ...]}``; empty when none."""

    @abstractmethod
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
        ``drop_rows(frame)`` is True are dropped (the new version's scope), and what the new
        version covers (``info["coverage"]``) is taken from their coverage
        (:func:`replaced_entry`); versions left with no row and no coverage are removed, the
        others rewritten, all in the same atomic change. ``info`` without ``coverage`` gets the
        coverage its rows show (:func:`with_coverage`). The layer as it was is kept as an undo
        point (:meth:`undo_layer`).
        """

    @abstractmethod
    def delete_layer_version(self, layer: str, version_id: int) -> None:
        """Delete one version (kept as an undo point)."""

    @abstractmethod
    def undo_points(self, layer: str) -> list[dict]:
        """The layer's undo points, oldest first: each the state before one write (``at``,
        ``action`` ``write``/``delete``, ``version`` added or deleted, ``mode``)."""

    @abstractmethod
    def undo_layer(self, layer: str) -> dict:
        """Put the layer back exactly as it was before its last write (the newest undo point,
        then dropped); returns that point. ``StoreError`` when there is none."""

    @abstractmethod
    def read_layer(
        self, layer: str, version_id: int | None = None, *, provinces: Iterable[str] | None = None
    ) -> pd.DataFrame:
        """All versions of a layer concatenated (or one version), with a ``version`` column,
        carrying what they cover (:func:`covered_frame`); empty frame when none. With
        ``provinces`` (two-digit codes) only the rows whose village lies in them
        (:func:`rows_in_provinces`), filtered as they are read: a grant's rows without
        converting the whole layer."""

    @abstractmethod
    def layer_versions(self, layer: str) -> dict[int, pd.DataFrame]:
        """Each version's rows as written (without the ``version`` column), by id."""

    @abstractmethod
    def restore_layer(self, layer: str, meta: dict, frames: dict[int, pd.DataFrame]) -> None:
        """Write a layer exactly as ``meta`` and ``frames`` describe it (ids kept), replacing it
        (its undo points are dropped)."""

    def version_provinces(self, layer: str, version_id: int) -> pd.DataFrame:
        """One version's rows and total count per province of their village (index: the
        two-digit code; ``rows``, ``total``: NaN where the layer has no count): what a grant
        sees of a version shared with other provinces, without reading its rows into a frame."""
        return province_totals(self.read_layer(layer, version_id), layer)

    def layer_coverage(self, layer: str) -> Coverage:
        """What the layer's stored versions speak for, together (from their entries)."""
        coverage = Coverage()
        for entry in self.layer_meta(layer)["versions"]:
            rows = None if entry.get("coverage") is not None else self.read_layer(layer, entry["id"])
            coverage = coverage | entry_coverage(layer, entry, rows)
        return coverage

    # ------------------------------------------------------------------ import log
    @abstractmethod
    def log_import(self, entry: dict) -> None:
        """Append one accepted import to the log (``at`` added unless given)."""

    @abstractmethod
    def import_log(self) -> list[dict]: ...

    # ------------------------------------------------------------------ copying
    def copy_province(self, other: Store, province: str) -> int:
        """Copy one province of ``other`` (areas, display copies, packs, metadata); returns its areas."""
        areas, display = other.province_tables(province)
        self.write_province(
            province, areas, display, meta=other.province_meta(province), packs=other.packs(province)
        )
        return sum(len(frame) for frame in areas.values())

    def copy_from(self, other: Store, *, progress: Callable[[str], None] | None = None) -> dict:
        """Copy every province, layer and log entry of ``other`` into this store.

        What this store held of the same provinces and layers is replaced; the import log is
        appended to only with entries it does not hold yet. Returns what was copied.
        """
        say = progress or (lambda _msg: None)
        copied = {"provinces": [], "layers": {}, "log_entries": 0}
        for province in other.provinces():
            count = self.copy_province(other, province)
            copied["provinces"].append(province)
            say(f"province {province}: {count} areas")
        for layer in other.layers():
            meta = other.layer_meta(layer)
            self.restore_layer(layer, meta, other.layer_versions(layer))
            copied["layers"][layer] = len(meta["versions"])
            say(f"layer {layer}: {len(meta['versions'])} versions")
        held = {_log_key(e) for e in self.import_log()}
        for entry in other.import_log():
            if _log_key(entry) not in held:
                self.log_import(entry)
                copied["log_entries"] += 1
        return copied


def _log_key(entry: dict) -> str:
    import json

    return json.dumps(entry, sort_keys=True, ensure_ascii=False)
