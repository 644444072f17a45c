"""A store seen through a province grant: reads return only the granted provinces' rows, writes
change only them.

``store.within(["52"])`` (or ``Store("scope:52|<key of the store>")``) is the store as an account
granted province 52 may see and change it. Its ``key`` names the scope, so ``Store(view.key)``
opens the same view again and every cached read keyed on the store key (``ui.reads``, the export
builds) is kept apart per scope. Nothing is copied; every method asks the store underneath.

Reads: boundaries of other provinces are absent (as if not held); layer rows are those whose
village lies in the scope; a stored version or import-log entry that also holds rows of other
provinces is shown with its file name, hash and counts removed (``partial``: True, the rows and
total counted over the scope only), one that holds none is absent.

Writes: a province outside the scope is refused (``StoreError``); a layer version must hold
only rows of the scope; ``replace`` drops earlier rows of the scope only (rows of other provinces
stay, whatever ``drop_rows`` says); deleting a version that holds rows of another province is
refused; ``restore_layer`` (a whole layer) is refused.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping

import geopandas as gpd
import pandas as pd

from geo.codes import Level
from loaders.store.base import SCOPE_PREFIX, Areas, Display, Store, StoreError, rows_in_provinces, scope_key
from loaders.store.base import village_provinces as _village_provinces

__all__ = ["ScopedStore", "SCOPE_PREFIX", "scope_key"]

#: Fields of a version or log entry shown when it also holds rows of other provinces.
_SHARED_FIELDS = ("id", "at", "written_at", "version", "layer", "mode", "kind", "level", "years")

#: (store key, data version, layer, scope) -> the layer's versions as the scope sees them.
_META_CACHE: OrderedDict[tuple, list[dict]] = OrderedDict()
_META_CACHE_SIZE = 64
#: (store key, data version, layer, version id) -> rows and totals per province (every scope).
_TOTALS_CACHE: OrderedDict[tuple, pd.DataFrame] = OrderedDict()


def _codes(provinces: Iterable[str]) -> frozenset[str]:
    return frozenset(scope_key(provinces, "")[len(SCOPE_PREFIX) :].rstrip("|").split(",")) - {""}


def entry_provinces(entry: Mapping) -> set[str] | None:
    """Provinces a version or import-log entry names (its ``provinces``, else its fetched
    ``regencies``); None when it names none (then it is shown to no scope)."""
    if entry.get("provinces"):
        return {str(p)[:2] for p in entry["provinces"]}
    if entry.get("regencies"):
        return {str(r)[:2] for r in entry["regencies"]}
    return None


class ScopedStore(Store):
    """The store ``inner`` as an account granted ``scope`` sees it (see the module docstring)."""

    def __init__(self, target: str):
        text = str(target)
        if not text.startswith(SCOPE_PREFIX) or "|" not in text:
            raise ValueError(f"a scoped store key reads 'scope:36,52|<store key>', got {text!r}")
        codes, inner = text[len(SCOPE_PREFIX) :].split("|", 1)
        self.scope = _codes(c for c in codes.split(",") if c)
        self.inner = Store(inner)

    # ------------------------------------------------------------------ identity
    @property
    def key(self) -> str:
        return scope_key(self.scope, self.inner.key)

    @property
    def label(self) -> str:
        return self.inner.label

    def version(self) -> str:
        return self.inner.version()

    def within(self, provinces: Iterable[str]) -> Store:
        return Store(scope_key(self.scope & _codes(provinces), self.inner.key))

    @property
    def covers_all_provinces(self) -> bool:
        """True when every province whose boundaries the store holds is in the scope."""
        return set(self.inner.provinces()) <= self.scope

    def _in(self, frame: pd.DataFrame) -> pd.Series:
        return _village_provinces(frame).isin(self.scope)

    def _refuse(self, what: str) -> StoreError:
        granted = ", ".join(sorted(self.scope)) or "-"
        return StoreError(f"{what} lies outside the provinces granted ({granted}); nothing was changed")

    # ------------------------------------------------------------------ boundaries
    def provinces(self) -> list[str]:
        return [p for p in self.inner.provinces() if p in self.scope]

    def _held(self, province: str) -> None:
        if str(province)[:2] not in self.scope:
            raise StoreError(f"the store holds no boundaries for province {province}")

    def province_meta(self, province: str) -> dict:
        self._held(province)
        return self.inner.province_meta(province)

    def province_tables(self, province: str) -> tuple[Areas, Display]:
        self._held(province)
        return self.inner.province_tables(province)

    def packs(self, province: str) -> dict[str, bytes]:
        self._held(province)
        return self.inner.packs(province)

    def read_pack(self, province: str, zoom: str) -> bytes | None:
        return self.inner.read_pack(province, zoom) if str(province)[:2] in self.scope else None

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
        if str(province)[:2] not in self.scope:
            raise self._refuse(f"province {province}")
        self.inner.write_province(province, areas, display, meta=meta, keep=keep, packs=packs)

    def delete_province(self, province: str) -> None:
        if str(province)[:2] not in self.scope:
            raise self._refuse(f"province {province}")
        self.inner.delete_province(province)

    def write_packs(
        self, province: str, packs: Mapping[str, bytes], display: Mapping[str, gpd.GeoDataFrame]
    ) -> None:
        if str(province)[:2] not in self.scope:
            raise self._refuse(f"province {province}")
        self.inner.write_packs(province, packs, display)

    def _parents(self, parent: str | None) -> list[str] | None:
        """The provinces to read (None: every one held, all in the scope)."""
        if parent:
            return [parent[:2]] if parent[:2] in self.scope else []
        held = self.inner.provinces()
        return None if set(held) <= self.scope else [p for p in held if p in self.scope]

    def read_areas(
        self,
        level: Level | int,
        parent: str | None = None,
        *,
        display: str | None = None,
        columns: list[str] | None = None,
    ) -> gpd.GeoDataFrame:
        wanted = self._parents(parent)
        if wanted is None or (parent and wanted):
            return self.inner.read_areas(level, parent, display=display, columns=columns)
        frames = [self.inner.read_areas(level, p, display=display, columns=columns) for p in wanted]
        if not frames:
            return gpd.GeoDataFrame({"code": [], "name": []}, geometry=gpd.GeoSeries([], crs=4326))
        if len(frames) == 1:
            return frames[0]
        return gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), geometry="geometry", crs=4326)

    def read_attributes(
        self, level: Level | int, parent: str | None = None, columns: list[str] | None = None
    ) -> pd.DataFrame:
        wanted = self._parents(parent)
        if wanted is None or (parent and wanted):
            return self.inner.read_attributes(level, parent, columns)
        frames = [self.inner.read_attributes(level, p, columns) for p in wanted]
        if not frames:
            return pd.DataFrame({c: pd.Series(dtype=object) for c in columns or ["code", "name"]})
        return pd.concat(frames, ignore_index=True)

    # ------------------------------------------------------------------ layers
    def _versions(self, layer: str) -> list[dict]:
        """The layer's versions as the scope sees them (cached per data version)."""
        key = (self.inner.key, self.inner.version(), layer, self.scope)
        if key in _META_CACHE:
            _META_CACHE.move_to_end(key)
            return _META_CACHE[key]
        shown = []
        for version in self.inner.layer_meta(layer)["versions"]:
            named = entry_provinces(version)
            if named is not None and named <= self.scope:
                shown.append(version)
                continue
            if named is not None and not named & self.scope:
                continue
            if named is not None:  # also names other provinces: counted over the scope's only
                totals = _province_totals(self.inner, layer, version["id"])
                inside = totals[totals.index.isin(self.scope)]
                if int(inside["rows"].sum()):
                    shown.append(_masked_totals(version, inside))
                continue
            rows = self.inner.read_layer(layer, version["id"])  # names none: which it holds is read
            inside = self._in(rows)
            if not inside.any():
                continue
            if inside.all():
                shown.append({**version, "provinces": sorted(set(_village_provinces(rows)))})
                continue
            shown.append(_masked(version, layer, rows[inside.to_numpy()]))
        _META_CACHE[key] = shown
        while len(_META_CACHE) > _META_CACHE_SIZE:
            _META_CACHE.popitem(last=False)
        return shown

    def layers(self) -> list[str]:
        return [name for name in self.inner.layers() if self._versions(name)]

    def layer_meta(self, layer: str) -> dict:
        return {"layer": layer, "versions": [dict(v) for v in self._versions(layer)]}

    def read_layer(
        self, layer: str, version_id: int | None = None, *, provinces: Iterable[str] | None = None
    ) -> pd.DataFrame:
        """The rows of the scope's provinces (filtered as the store reads them), carrying the
        coverage inside them only (what other provinces' files cover is not the scope's to know,
        not even as a count)."""
        wanted = self.scope if provinces is None else self.scope & {str(p)[:2] for p in provinces}
        return self._narrowed(layer, self.inner.read_layer(layer, version_id, provinces=wanted), wanted)

    def narrow(self, layer: str, whole: pd.DataFrame) -> pd.DataFrame:
        """``whole`` (every version of ``layer`` as the store underneath reads it) as
        :meth:`read_layer` gives it to this scope: a process that holds the whole layer serves
        each grant from memory instead of the database."""
        return self._narrowed(layer, rows_in_provinces(whole, self.scope), self.scope)

    @staticmethod
    def _narrowed(layer: str, frame: pd.DataFrame, wanted: frozenset[str]) -> pd.DataFrame:
        """``frame`` (rows of ``wanted`` only) carrying the coverage inside ``wanted`` only."""
        from geo.data_coverage import attach, coverage_of, layer_level

        coverage = coverage_of(frame, layer_level(layer)).within(sorted(wanted))
        return attach(frame.copy(), coverage) if frame.empty else attach(frame, coverage)

    def layer_versions(self, layer: str) -> dict[int, pd.DataFrame]:
        shown = {v["id"] for v in self._versions(layer)}
        return {
            i: frame[self._in(frame).to_numpy()].reset_index(drop=True)
            for i, frame in self.inner.layer_versions(layer).items()
            if i in shown
        }

    def write_layer_version(
        self,
        layer: str,
        frame: pd.DataFrame,
        info: dict,
        *,
        replace: bool,
        drop_rows: Callable[[pd.DataFrame], pd.Series] | None = None,
    ) -> int:
        outside = sorted(set(_village_provinces(frame)) - self.scope)
        if outside:
            raise self._refuse(f"rows of province {', '.join(outside)}")
        if not replace:
            return self.inner.write_layer_version(layer, frame, info, replace=False)

        def drop(old: pd.DataFrame) -> pd.Series:
            inside = self._in(old)
            if drop_rows is None:
                return inside
            return inside & drop_rows(old).fillna(False).astype(bool)

        return self.inner.write_layer_version(layer, frame, info, replace=True, drop_rows=drop)

    def delete_layer_version(self, layer: str, version_id: int) -> None:
        rows = self.inner.read_layer(layer, version_id)
        outside = sorted(set(_village_provinces(rows)) - self.scope)
        if outside:
            raise self._refuse(f"version {version_id} of {layer} (rows of other provinces)")
        self.inner.delete_layer_version(layer, version_id)

    def restore_layer(self, layer: str, meta: dict, frames: dict[int, pd.DataFrame]) -> None:
        raise self._refuse(f"restoring the whole layer {layer}")

    def _touches(self, entries: list[dict]) -> set[str] | None:
        """The provinces ``entries`` hold or cover (None when one names neither: unknown)."""
        from geo.data_coverage import Coverage

        out: set[str] = set()
        for entry in entries:
            named = entry_provinces(entry)
            covered = {a[:2] for a in Coverage.from_json(entry.get("coverage")).areas(None)}
            if named is None and not covered:
                return None
            out |= (named or set()) | covered
        return out

    def undo_points(self, layer: str) -> list[dict]:
        """The newest undo point only, and only when what it would take back (the versions its
        write added, changed or removed) lies inside the scope: never another province's."""
        points = self.inner.undo_points(layer)
        if not points:
            return []
        point = points[-1]
        now = self.inner.layer_meta(layer)["versions"]
        before = point.get("before") or []
        changed = [e for e in now if e not in before] + [e for e in before if e not in now]
        touched = self._touches(changed)
        return [point] if touched is not None and touched <= self.scope else []

    def undo_layer(self, layer: str) -> dict:
        if not self.undo_points(layer):
            raise self._refuse(f"undoing the last write of {layer} (it changed other provinces)")
        return self.inner.undo_layer(layer)

    # ------------------------------------------------------------------ import log
    def log_import(self, entry: dict) -> None:
        self.inner.log_import(entry)

    def import_log(self) -> list[dict]:
        out = []
        for entry in self.inner.import_log():
            named = entry_provinces(entry)
            if named is None or not named & self.scope:
                continue
            if named <= self.scope:
                out.append(entry)
                continue
            shown = {k: entry[k] for k in _SHARED_FIELDS if k in entry}
            shown["provinces"] = sorted(named & self.scope)
            if entry.get("regencies"):
                shown["regencies"] = [r for r in entry["regencies"] if str(r)[:2] in self.scope]
            out.append({**shown, "partial": True})
        return out


def _province_totals(store: Store, layer: str, version_id: int) -> pd.DataFrame:
    """:meth:`Store.version_provinces`, shared by every scope (cached per data version): ten
    grants over one national file ask the database once, not ten times."""
    key = (store.key, store.version(), layer, version_id)
    if key in _TOTALS_CACHE:
        _TOTALS_CACHE.move_to_end(key)
        return _TOTALS_CACHE[key]
    totals = _TOTALS_CACHE[key] = store.version_provinces(layer, version_id)
    while len(_TOTALS_CACHE) > _META_CACHE_SIZE:
        _TOTALS_CACHE.popitem(last=False)
    return totals


def _masked_totals(version: dict, inside: pd.DataFrame) -> dict:
    """As :func:`_masked`, from the version's rows and totals per province of the scope."""
    shown = {k: version[k] for k in _SHARED_FIELDS if k in version}
    total = None
    if inside["total"].notna().any():
        value = float(inside["total"].fillna(0).sum())
        total = int(value) if value.is_integer() else value
    return {
        **shown,
        "provinces": sorted(inside.index[inside["rows"] > 0]),
        "stored_rows": int(inside["rows"].sum()),
        "total": total,
        "partial": True,
    }


def _masked(version: dict, layer: str, rows: pd.DataFrame) -> dict:
    """A version that also holds other provinces' rows, as a scope sees it: no file name, hash or
    counts of the whole file; its rows and total counted over ``rows`` (those of the scope)."""
    from geo.layers import LAYERS

    shown = {k: version[k] for k in _SHARED_FIELDS if k in version}
    spec = LAYERS.get(layer)
    total = None
    if spec is not None and spec.count in rows:
        value = pd.to_numeric(rows[spec.count], errors="coerce").fillna(0).sum()
        total = int(value) if float(value).is_integer() else float(value)
    return {
        **shown,
        "provinces": sorted(set(_village_provinces(rows))),
        "stored_rows": int(len(rows)),
        "total": total,
        "partial": True,
    }
