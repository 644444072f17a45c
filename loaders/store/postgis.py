"""The store in PostgreSQL + PostGIS: the same methods as the embedded store, for several app servers.

Chosen by ``ATLAS_DATABASE_URL`` (``postgresql://user:password@host:port/database``). Tables in
the schema ``atlas`` (created on first use, or by ``python -m loaders.store migrate``)::

    state           one row: ``version`` (the data version, +1 in every write transaction) and
                    ``schema_version``, the store format (``loaders.store.format``: an earlier
                    one is upgraded at the first connection, after a backup; a later one refused)
    provinces       province, meta (jsonb)
    area_sets       province, level, display ('' = full geometry, else a display zoom), columns
    areas           province, level, display, ord, code, attrs (jsonb), geom (PostGIS, EPSG:4326)
    packs           province, zoom, data (the national view's village packs, ``geo.tiles``)
    layer_versions  layer, id, entry (jsonb: the version's import log entry, with its coverage), columns
    layer_rows      layer, version, ord, row (jsonb)
    layer_undo      layer, point, info (jsonb: what the write was), ids (the versions before it)
    layer_undo_versions, layer_undo_rows
                    the versions a write changed or removed, as they were (rows only where the
                    write changed them): an undo point puts them back exactly
    import_log      id, entry (jsonb), append-only: a trigger refuses UPDATE, DELETE and TRUNCATE
                    to every role, the owner's included

The app's own database role needs no more than ``APP_ROLE_SQL`` (``python -m loaders.store
app-role ROLE``, run by the owner): it reads and writes the data tables, only appends to the log,
and runs no DDL (a role without CREATE uses the schema as its owner made it).

Display geometry is written once, at import, as rows of ``areas`` with their zoom name. Every
write is one transaction that first takes the row lock of ``state`` (writers queue, so two app
servers never lose or duplicate a version id) and bumps ``version``: a failed import rolls back
and leaves everything as it was, and the new version is the cache key every reader follows, so
another process sees an import on its next read without a restart. Column dtypes are stored
with each set and restored on read, so frames come back as the embedded store returns them.
"""

from __future__ import annotations

import json
import math
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

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
    with_coverage,
)
from loaders.store.format import CURRENT, SCHEMA_LOCK, ensure_postgis, postgis_format

__all__ = ["PostgisStore", "SCHEMA_SQL", "APP_ROLE_SQL", "close_pools"]

#: The store format written into ``atlas.state.schema_version`` of a new schema.
SCHEMA_VERSION = CURRENT

SCHEMA_SQL = f"""
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE SCHEMA IF NOT EXISTS atlas;
CREATE TABLE IF NOT EXISTS atlas.state (
    id int PRIMARY KEY CHECK (id = 1),
    version bigint NOT NULL,
    schema_version int NOT NULL
);
INSERT INTO atlas.state VALUES (1, 0, {SCHEMA_VERSION}) ON CONFLICT (id) DO NOTHING;
CREATE TABLE IF NOT EXISTS atlas.provinces (
    province text PRIMARY KEY,
    meta jsonb NOT NULL
);
CREATE TABLE IF NOT EXISTS atlas.area_sets (
    province text NOT NULL REFERENCES atlas.provinces ON DELETE CASCADE,
    level smallint NOT NULL,
    display text NOT NULL,
    columns jsonb NOT NULL,
    PRIMARY KEY (province, level, display)
);
CREATE TABLE IF NOT EXISTS atlas.areas (
    province text NOT NULL,
    level smallint NOT NULL,
    display text NOT NULL,
    ord int NOT NULL,
    code text,
    attrs jsonb NOT NULL,
    geom geometry(Geometry, 4326),
    PRIMARY KEY (province, level, display, ord),
    FOREIGN KEY (province, level, display) REFERENCES atlas.area_sets ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS areas_code ON atlas.areas (level, display, code text_pattern_ops);
CREATE INDEX IF NOT EXISTS areas_geom ON atlas.areas USING gist (geom);
CREATE TABLE IF NOT EXISTS atlas.packs (
    province text NOT NULL REFERENCES atlas.provinces ON DELETE CASCADE,
    zoom text NOT NULL,
    data bytea NOT NULL,
    PRIMARY KEY (province, zoom)
);
CREATE TABLE IF NOT EXISTS atlas.layer_versions (
    layer text NOT NULL,
    id int NOT NULL,
    entry jsonb NOT NULL,
    columns jsonb NOT NULL,
    PRIMARY KEY (layer, id)
);
CREATE TABLE IF NOT EXISTS atlas.layer_rows (
    layer text NOT NULL,
    version int NOT NULL,
    ord int NOT NULL,
    row jsonb NOT NULL,
    PRIMARY KEY (layer, version, ord),
    FOREIGN KEY (layer, version) REFERENCES atlas.layer_versions ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS atlas.layer_undo (
    layer text NOT NULL,
    point int NOT NULL,
    info jsonb NOT NULL,
    ids jsonb NOT NULL,
    PRIMARY KEY (layer, point)
);
CREATE TABLE IF NOT EXISTS atlas.layer_undo_versions (
    layer text NOT NULL,
    point int NOT NULL,
    id int NOT NULL,
    entry jsonb NOT NULL,
    columns jsonb NOT NULL,
    rows_kept boolean NOT NULL,
    PRIMARY KEY (layer, point, id),
    FOREIGN KEY (layer, point) REFERENCES atlas.layer_undo ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS atlas.layer_undo_rows (
    layer text NOT NULL,
    point int NOT NULL,
    version int NOT NULL,
    ord int NOT NULL,
    row jsonb NOT NULL,
    PRIMARY KEY (layer, point, version, ord),
    FOREIGN KEY (layer, point, version) REFERENCES atlas.layer_undo_versions ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS atlas.import_log (
    id bigserial PRIMARY KEY,
    entry jsonb NOT NULL
);
CREATE OR REPLACE FUNCTION atlas.append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'atlas.% is append-only: % refused', TG_TABLE_NAME, TG_OP; END $$;
DROP TRIGGER IF EXISTS import_log_append_only ON atlas.import_log;
CREATE TRIGGER import_log_append_only BEFORE UPDATE OR DELETE ON atlas.import_log
    FOR EACH ROW EXECUTE FUNCTION atlas.append_only();
DROP TRIGGER IF EXISTS import_log_no_truncate ON atlas.import_log;
CREATE TRIGGER import_log_no_truncate BEFORE TRUNCATE ON atlas.import_log
    FOR EACH STATEMENT EXECUTE FUNCTION atlas.append_only();
"""

#: True when the schema is complete (its last statement's trigger exists): then the app's role,
#: which may not run DDL, uses it as it is.
SCHEMA_READY_SQL = (
    "SELECT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'import_log_no_truncate'"
    " AND tgrelid = to_regclass('atlas.import_log'))"
)

#: The app's database role: reads and writes the data, appends to the log, nothing else
#: (no UPDATE, DELETE or TRUNCATE of ``atlas.import_log``, no DDL). ``{role}`` is quoted.
APP_ROLE_SQL = """
GRANT USAGE ON SCHEMA atlas TO {role};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA atlas TO {role};
REVOKE UPDATE, DELETE, TRUNCATE ON atlas.import_log FROM {role};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA atlas TO {role};
"""

#: Lock taken while creating or upgrading the schema, so two processes starting together do not collide.
_SCHEMA_LOCK = SCHEMA_LOCK

_pools: dict[str, Any] = {}
_ready: set[str] = set()
#: How long this process trusts the data version it last read. Every cached read of a page asks
#: for it (a database round trip each, several per rerun); a write in this process forgets it at
#: once, so only another process's write is seen up to this late.
VERSION_FRESH_S = 0.5
_versions: dict[str, tuple[float, str]] = {}  # url -> (monotonic time read, version)
_pools_lock = threading.Lock()


def _pool(url: str):
    from psycopg_pool import ConnectionPool

    with _pools_lock:
        pool = _pools.get(url)
        if pool is None:
            import psycopg

            try:  # one direct attempt first: a wrong URL fails at once, not after the pool's timeout
                psycopg.connect(url, connect_timeout=10).close()
            except psycopg.Error as err:
                raise StoreError(f"cannot reach the database at {_safe(url)}: {err}") from err
            pool = ConnectionPool(url, min_size=1, max_size=8, open=False, timeout=30, name="atlas")
            try:
                pool.open(wait=True, timeout=15)
            except Exception as err:  # psycopg_pool.PoolTimeout, psycopg.OperationalError
                pool.close()
                raise StoreError(f"cannot reach the database at {_safe(url)}: {err}") from err
            _pools[url] = pool
        return pool


def close_pools() -> None:
    """Close every connection this process holds (tests, before a database is dropped)."""
    with _pools_lock:
        for pool in _pools.values():
            pool.close()
        _pools.clear()
        _ready.clear()
        _versions.clear()


def _safe(url: str) -> str:
    """The URL without its password (for messages)."""
    parts = urllib.parse.urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc))


# --------------------------------------------------------------------------- frames <-> rows
def _dtypes(frame: pd.DataFrame) -> list[list[str]]:
    return [[str(name), str(dtype)] for name, dtype in frame.dtypes.items()]


def _plain(value: Any) -> Any:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if isinstance(value, np.generic):
        return _plain(value.item())
    return value


def _records(frame: pd.DataFrame) -> list[str]:
    """One JSON object per row (exact floats, ISO dates, ``null`` for every kind of missing)."""
    names = [str(c) for c in frame.columns]
    columns = [[_plain(v) for v in frame[c].astype(object).tolist()] for c in frame.columns]
    return (
        [
            json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False, allow_nan=False)
            for row in zip(*columns, strict=True)
        ]
        if names
        else ["{}"] * len(frame)
    )


def _restore(frame: pd.DataFrame, names: list[str], dtypes: dict[str, str]) -> pd.DataFrame:
    """``frame`` (JSON values) with each column back in its stored dtype."""
    for name in names:
        dtype = dtypes.get(name)
        if dtype is None or dtype == "geometry":
            continue
        values = frame[name]
        if dtype.startswith("datetime64"):
            frame[name] = pd.to_datetime(values, utc="UTC" in dtype or "+" in dtype).astype(dtype)
        elif dtype == "object":
            frame[name] = (
                values.astype(object).where(values.notna(), None) if len(values) else values.astype(object)
            )
        else:
            frame[name] = values.astype(dtype)
    return frame


def _restore_columns(values: list[list], names: list[str], dtypes: dict[str, str]) -> pd.DataFrame:
    """As :func:`_restore`, from one JSON list per column (the fast path: no per-row work)."""
    frame = pd.DataFrame({n: pd.Series(v, dtype=object) for n, v in zip(names, values, strict=True)})
    return _restore(frame, names, dtypes)


def _ewkb_hex(geometry: gpd.GeoSeries) -> list[str | None]:
    geoms = np.asarray(geometry.values, dtype=object)
    present = ~shapely.is_missing(geoms)
    out: list[str | None] = [None] * len(geoms)
    if present.any():
        tagged = shapely.set_srid(geoms[present], 4326)
        for i, text in zip(
            np.flatnonzero(present), shapely.to_wkb(tagged, hex=True, include_srid=True), strict=True
        ):
            out[i] = text
    return out


class PostgisStore(Store):
    """The store in one PostgreSQL + PostGIS database (see the module docstring)."""

    def __init__(self, url: str):
        self.url = str(url)
        self._bound = None

    def bound(self, conn: Any) -> PostgisStore:
        """This store read and written through ``conn`` alone, inside the caller's transaction
        (a backup's one snapshot, a restore's one change); the schema is not checked."""
        other = PostgisStore(self.url)
        other._bound = conn
        return other

    @property
    def key(self) -> str:
        return self.url

    @property
    def label(self) -> str:
        return _safe(self.url)

    # ----------------------------------------------------------------- connections
    @contextmanager
    def _conn(self) -> Iterator[Any]:
        import psycopg

        if self._bound is not None:
            yield self._bound
            return
        pool = _pool(self.url)
        try:
            with pool.connection() as conn:
                if self.url not in _ready:
                    self._create_schema(conn)
                yield conn
        except psycopg.OperationalError as err:
            raise StoreError(f"the database at {self.label} failed: {err}") from err

    def _create_schema(self, conn) -> None:
        with conn.transaction():
            if not self._schema_ready(conn):  # the owner's first use, or an upgrade
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (_SCHEMA_LOCK,))
                ensure_postgis(self.url, self.label, conn)
                conn.execute(SCHEMA_SQL)
        _ready.add(self.url)

    @staticmethod
    def _schema_ready(conn) -> bool:
        """The schema is complete and of this release's format: nothing to create or upgrade, so
        a role without CREATE (the app's, ``APP_ROLE_SQL``) uses it without running DDL."""
        return bool(conn.execute(SCHEMA_READY_SQL).fetchone()[0]) and postgis_format(conn) == CURRENT

    def create_schema(self) -> None:
        """Create the schema (idempotent); every other method also does it on first use."""
        with self._conn():
            pass

    def grant_app_role(self, role: str) -> None:
        """Give the existing database role ``role`` what the app needs and no more (``APP_ROLE_SQL``)."""
        from psycopg import sql

        with self._conn() as conn, conn.transaction():
            for statement in APP_ROLE_SQL.strip().splitlines():
                conn.execute(sql.SQL(statement.rstrip(";")).format(role=sql.Identifier(role)))

    @contextmanager
    def _write(self) -> Iterator[Any]:
        """One transaction that holds the writers' lock and bumps the data version."""
        _versions.pop(self.url, None)
        try:
            with self._conn() as conn, conn.transaction():
                conn.execute("UPDATE atlas.state SET version = version + 1 WHERE id = 1")
                yield conn
        finally:
            _versions.pop(self.url, None)

    def version(self) -> str:
        now = time.monotonic()
        seen = _versions.get(self.url)
        if seen is not None and now - seen[0] < VERSION_FRESH_S:
            return seen[1]
        with self._conn() as conn:
            (number,) = conn.execute("SELECT version FROM atlas.state WHERE id = 1").fetchone()
        _versions[self.url] = (now, f"db{number}")
        return f"db{number}"

    # ----------------------------------------------------------------- boundaries
    def provinces(self) -> list[str]:
        with self._conn() as conn:
            return [r[0] for r in conn.execute("SELECT province FROM atlas.provinces ORDER BY province")]

    def province_meta(self, province: str) -> dict:
        with self._conn() as conn:
            row = conn.execute("SELECT meta FROM atlas.provinces WHERE province = %s", (province,)).fetchone()
        if row is None:
            raise StoreError(f"the store holds no boundaries for province {province}")
        return row[0]

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
        kept = [int(level) for level in keep]
        meta = {"province": province, "written_at": now(), **meta}
        text = json.dumps(meta, ensure_ascii=False)
        with self._write() as conn:
            if kept:
                held = {
                    r[0]
                    for r in conn.execute(
                        "SELECT level FROM atlas.area_sets WHERE province = %s AND display = ''", (province,)
                    )
                }
                for level in keep:
                    if int(level) not in held:
                        raise StoreError(f"province {province} has no {Level(level).key} areas to keep")
            conn.execute(
                "DELETE FROM atlas.area_sets WHERE province = %s AND NOT (level = ANY(%s))", (province, kept)
            )
            conn.execute(
                "INSERT INTO atlas.provinces VALUES (%s, %s::jsonb)"
                " ON CONFLICT (province) DO UPDATE SET meta = EXCLUDED.meta",
                (province, text),
            )
            for level, frame in areas.items():
                if int(level) not in kept:
                    self._insert_set(conn, province, int(level), "", frame)
            for (level, zoom), frame in (display or {}).items():
                if int(level) not in kept:
                    self._insert_set(conn, province, int(level), zoom, frame)
            if int(Level.VILLAGE) not in kept:
                conn.execute("DELETE FROM atlas.packs WHERE province = %s", (province,))
                for zoom, data in (packs or {}).items():
                    conn.execute("INSERT INTO atlas.packs VALUES (%s, %s, %s)", (province, zoom, bytes(data)))

    def packs(self, province: str) -> dict[str, bytes]:
        self.province_meta(province)
        with self._conn() as conn:
            rows = conn.execute(
                "SELECT zoom, data FROM atlas.packs WHERE province = %s ORDER BY zoom", (province,)
            ).fetchall()
        return {zoom: bytes(data) for zoom, data in rows}

    def read_pack(self, province: str, zoom: str) -> bytes | None:
        with self._conn() as conn:
            row = conn.execute(
                "SELECT data FROM atlas.packs WHERE province = %s AND zoom = %s", (province, zoom)
            ).fetchone()
        return None if row is None else bytes(row[0])

    def write_packs(
        self, province: str, packs: Mapping[str, bytes], display: Mapping[str, gpd.GeoDataFrame]
    ) -> None:
        self.province_meta(province)
        with self._write() as conn:
            for zoom, frame in display.items():
                conn.execute(
                    "DELETE FROM atlas.area_sets WHERE province = %s AND level = %s AND display = %s",
                    (province, int(Level.VILLAGE), zoom),
                )
                self._insert_set(conn, province, int(Level.VILLAGE), zoom, frame)
            for zoom, data in packs.items():
                conn.execute(
                    "INSERT INTO atlas.packs VALUES (%s, %s, %s)"
                    " ON CONFLICT (province, zoom) DO UPDATE SET data = EXCLUDED.data",
                    (province, zoom, bytes(data)),
                )

    @staticmethod
    def _insert_set(conn, province: str, level: int, display: str, frame: gpd.GeoDataFrame) -> None:
        attrs = frame.drop(columns=[frame.geometry.name]) if "geometry" in frame else frame
        columns = [[n, "geometry" if n == "geometry" else d] for n, d in _dtypes(frame)]
        conn.execute(
            "INSERT INTO atlas.area_sets VALUES (%s, %s, %s, %s::jsonb)",
            (province, level, display, json.dumps(columns)),
        )
        rows = _records(attrs)
        geoms = _ewkb_hex(frame.geometry) if "geometry" in frame else [None] * len(frame)
        codes = attrs["code"].astype(object).tolist() if "code" in attrs else [None] * len(frame)
        with (
            conn.cursor() as cur,
            cur.copy(
                "COPY atlas.areas (province, level, display, ord, code, attrs, geom) FROM STDIN"
            ) as copy,
        ):
            for i, (code, row, geom) in enumerate(zip(codes, rows, geoms, strict=True)):
                copy.write_row((province, level, display, i, None if code is None else str(code), row, geom))

    def delete_province(self, province: str) -> None:
        with self._write() as conn:
            conn.execute("DELETE FROM atlas.provinces WHERE province = %s", (province,))

    def province_tables(self, province: str) -> tuple[Areas, Display]:
        self.province_meta(province)
        with self._conn() as conn:
            sets = conn.execute(
                "SELECT level, display FROM atlas.area_sets WHERE province = %s ORDER BY level, display",
                (province,),
            ).fetchall()
        areas, display = {}, {}
        for level, zoom in sets:
            frame = self._read(Level(level), [province], zoom, None, None, geometry=True)
            if zoom:
                display[(Level(level), zoom)] = frame
            else:
                areas[Level(level)] = frame
        return areas, display

    def _read(
        self,
        level: Level,
        provinces: list[str],
        display: str,
        parent: str | None,
        columns: list[str] | None,
        *,
        geometry: bool,
        exact_parent: bool = False,
        either: bool = False,
    ) -> pd.DataFrame | None:
        """Rows of one level/display over ``provinces`` (in that order); None when none is held."""
        with self._conn() as conn:
            sets = dict(
                conn.execute(
                    "SELECT province, columns FROM atlas.area_sets"
                    " WHERE level = %s AND display = %s AND province = ANY(%s)",
                    (int(level), display, provinces),
                ).fetchall()
            )
            held = set(
                r[0]
                for r in conn.execute(
                    "SELECT province FROM atlas.provinces WHERE province = ANY(%s)", (provinces,)
                )
            )
            for prov in provinces:
                if prov in held and prov not in sets:
                    name = f"display/{level.key}-{display}" if display else level.key
                    raise StoreError(f"province {prov} has no {name} areas; import its boundaries again")
            order = [p for p in provinces if p in sets]
            if not order:
                return None
            stored = sets[order[0]]
            dtypes = dict((n, d) for n, d in stored)
            names = (
                [n for n, _ in stored if n != "geometry"]
                if columns is None
                else [c for c in columns if c != "geometry"]
            )
            want_geometry = geometry and (columns is None or "geometry" in columns)
            where = ""
            params: list[Any] = [*names, order, int(level), display]
            if parent and exact_parent:
                where, params = " AND a.code = %s", [*params, parent]
            elif parent and either:
                where, params = " AND (a.code = %s OR a.code LIKE %s)", [*params, parent, parent + ".%"]
            elif parent:
                where, params = " AND a.code LIKE %s", [*params, parent + ".%"]
            pick = ", ".join(
                "coalesce(json_agg(a.attrs -> %s::text ORDER BY p.o, a.ord), '[]')" for _ in names
            )
            shape = ", array_agg(ST_AsBinary(a.geom) ORDER BY p.o, a.ord)" if want_geometry else ""
            text, *shapes = conn.execute(
                f"SELECT json_build_array({pick})::text{shape}"
                " FROM unnest(%s::text[]) WITH ORDINALITY p(province, o)"
                " JOIN atlas.areas a ON a.province = p.province"
                f" WHERE a.level = %s AND a.display = %s{where}",
                params,
            ).fetchone()
        frame = _restore_columns(json.loads(text), names, dtypes)
        if not want_geometry:
            return frame
        wkb = shapes[0] or []
        if not names:
            frame = pd.DataFrame(index=range(len(wkb)))
        geoms = gpd.GeoSeries.from_wkb([None if g is None else bytes(g) for g in wkb], crs=4326)
        out = gpd.GeoDataFrame(frame, geometry=geoms.values, crs=4326)
        order_names = columns if columns is not None else [n for n, _ in stored]
        return gpd.GeoDataFrame(
            out[[c for c in order_names if c in out.columns]], geometry="geometry", crs=4326
        )

    def read_areas(
        self,
        level: Level | int,
        parent: str | None = None,
        *,
        display: str | None = None,
        columns: list[str] | None = None,
    ) -> gpd.GeoDataFrame:
        level = Level(level)
        provinces = [parent[:2]] if parent else self.provinces()
        deeper = bool(parent) and level.value > parent.count(".") + 1
        frame = self._read(
            level,
            provinces,
            display or "",
            parent,
            columns,
            geometry=True,
            exact_parent=bool(parent) and not deeper,
        )
        if frame is None:
            return gpd.GeoDataFrame({"code": [], "name": []}, geometry=gpd.GeoSeries([], crs=4326))
        if "geometry" not in frame:
            raise ValueError("no geometry column read; use read_attributes for the other columns")
        return frame

    def read_attributes(
        self, level: Level | int, parent: str | None = None, columns: list[str] | None = None
    ) -> pd.DataFrame:
        level = Level(level)
        wanted = columns or ["code", "name"]
        provinces = [parent[:2]] if parent else self.provinces()
        frame = self._read(level, provinces, "", parent, wanted, geometry=False, either=True)
        if frame is None:
            return pd.DataFrame({c: pd.Series(dtype=object) for c in wanted})
        return frame

    # ----------------------------------------------------------------- layers
    def layers(self) -> list[str]:
        with self._conn() as conn:
            return [
                r[0] for r in conn.execute("SELECT DISTINCT layer FROM atlas.layer_versions ORDER BY layer")
            ]

    def layer_meta(self, layer: str) -> dict:
        with self._conn() as conn:
            return {"layer": layer, "versions": self._entries(conn, layer)}

    @staticmethod
    def _entries(conn, layer: str) -> list[dict]:
        return [
            r[0]
            for r in conn.execute(
                "SELECT entry FROM atlas.layer_versions WHERE layer = %s ORDER BY id", (layer,)
            )
        ]

    @staticmethod
    def _insert_version(conn, layer: str, entry: dict, frame: pd.DataFrame) -> None:
        conn.execute(
            "INSERT INTO atlas.layer_versions VALUES (%s, %s, %s::jsonb, %s::jsonb)",
            (layer, entry["id"], json.dumps(entry, ensure_ascii=False), json.dumps(_dtypes(frame))),
        )
        with (
            conn.cursor() as cur,
            cur.copy("COPY atlas.layer_rows (layer, version, ord, row) FROM STDIN") as copy,
        ):
            for i, row in enumerate(_records(frame)):
                copy.write_row((layer, entry["id"], i, row))

    @staticmethod
    def _version_frame(
        conn, layer: str, version_id: int, provinces: Iterable[str] | None = None
    ) -> pd.DataFrame:
        """One version's rows (those whose village lies in ``provinces`` when given: filtered
        in the database on the first two characters of ``row ->> 'village'``, as
        :func:`~loaders.store.base.rows_in_provinces` does on the frame)."""
        (columns,) = conn.execute(
            "SELECT columns FROM atlas.layer_versions WHERE layer = %s AND id = %s", (layer, version_id)
        ).fetchone()
        names = [n for n, _ in columns]
        if not names:
            return pd.DataFrame()
        pick = ", ".join("coalesce(json_agg(row -> %s::text ORDER BY ord), '[]')" for _ in names)
        where, params = "", ()
        if provinces is not None:
            where = " AND left(row ->> 'village', 2) = ANY(%s::text[])"
            params = (sorted({str(p)[:2] for p in provinces}),)
        (text,) = conn.execute(
            f"SELECT json_build_array({pick})::text FROM atlas.layer_rows"
            f" WHERE layer = %s AND version = %s{where}",
            (*names, layer, version_id, *params),
        ).fetchone()
        return _restore_columns(json.loads(text), names, dict((n, d) for n, d in columns))

    @staticmethod
    def _undo_point(conn, layer: str, info: dict, entries: list[dict]) -> int:
        """A new undo point of ``layer`` (the versions before the write: ``entries``); the oldest
        beyond ``UNDO_DEPTH`` dropped. Returns its number."""
        (last,) = conn.execute(
            "SELECT coalesce(max(point), 0) FROM atlas.layer_undo WHERE layer = %s", (layer,)
        ).fetchone()
        point = int(last) + 1
        conn.execute(
            "INSERT INTO atlas.layer_undo VALUES (%s, %s, %s::jsonb, %s::jsonb)",
            (layer, point, json.dumps({"at": now(), **info}), json.dumps([e["id"] for e in entries])),
        )
        conn.execute(
            "DELETE FROM atlas.layer_undo WHERE layer = %s AND point <= %s", (layer, point - UNDO_DEPTH)
        )
        return point

    @staticmethod
    def _keep_version(conn, layer: str, point: int, version_id: int, *, rows: bool) -> None:
        """Version ``version_id`` as it is now, into undo point ``point`` (with its rows when the
        write changes them)."""
        conn.execute(
            "INSERT INTO atlas.layer_undo_versions"
            " SELECT layer, %s, id, entry, columns, %s FROM atlas.layer_versions WHERE layer = %s AND id = %s",
            (point, rows, layer, version_id),
        )
        if rows:
            conn.execute(
                "INSERT INTO atlas.layer_undo_rows"
                " SELECT layer, %s, version, ord, row FROM atlas.layer_rows WHERE layer = %s AND version = %s",
                (point, layer, version_id),
            )

    def write_layer_version(
        self,
        layer: str,
        frame: pd.DataFrame,
        info: dict,
        *,
        replace: bool,
        drop_rows: Callable[[pd.DataFrame], pd.Series] | None = None,
    ) -> int:
        info, replaced = replace_coverage(layer, info, frame)
        scoped = replace and drop_rows is not None
        with self._write() as conn:
            entries = self._entries(conn, layer)
            new_id = max([v["id"] for v in entries], default=0) + 1
            mode = info.get("mode") or (
                "replace_all" if replace and not scoped else "replace" if scoped else "append"
            )
            point = self._undo_point(
                conn, layer, {"action": "write", "version": new_id, "mode": mode}, entries
            )
            if replace and not scoped:
                for version in entries:
                    self._keep_version(conn, layer, point, version["id"], rows=True)
                conn.execute("DELETE FROM atlas.layer_versions WHERE layer = %s", (layer,))
            if scoped:
                for version in entries:
                    old = self._version_frame(conn, layer, version["id"])
                    mask = drop_rows(old).fillna(False).astype(bool).to_numpy()
                    entry = replaced_entry(layer, version, old[~mask], int(mask.sum()), replaced)
                    if entry == version:
                        continue
                    self._keep_version(conn, layer, point, version["id"], rows=entry is None or mask.any())
                    if entry is not None and not mask.any():  # only its coverage changed
                        conn.execute(
                            "UPDATE atlas.layer_versions SET entry = %s::jsonb WHERE layer = %s AND id = %s",
                            (json.dumps(entry, ensure_ascii=False), layer, version["id"]),
                        )
                        continue
                    conn.execute(
                        "DELETE FROM atlas.layer_versions WHERE layer = %s AND id = %s",
                        (layer, version["id"]),
                    )
                    if entry is not None:
                        self._insert_version(conn, layer, entry, old[~mask].reset_index(drop=True))
            self._insert_version(conn, layer, {"id": new_id, "written_at": now(), **info}, frame)
        return new_id

    def delete_layer_version(self, layer: str, version_id: int) -> None:
        with self._write() as conn:
            entries = self._entries(conn, layer)
            if version_id not in {e["id"] for e in entries}:
                raise StoreError(f"layer {layer} has no version {version_id}")
            point = self._undo_point(conn, layer, {"action": "delete", "version": version_id}, entries)
            self._keep_version(conn, layer, point, version_id, rows=True)
            conn.execute("DELETE FROM atlas.layer_versions WHERE layer = %s AND id = %s", (layer, version_id))

    def undo_points(self, layer: str) -> list[dict]:
        """As the interface says; ``before`` (the versions before the write) is exact for the
        newest point (older ones list versions a later write changed as they are now)."""
        with self._conn() as conn:
            now = {e["id"]: e for e in self._entries(conn, layer)}
            points = conn.execute(
                "SELECT point, info, ids FROM atlas.layer_undo WHERE layer = %s ORDER BY point", (layer,)
            ).fetchall()
            out = []
            for point, info, ids in points:
                saved = dict(
                    conn.execute(
                        "SELECT id, entry FROM atlas.layer_undo_versions WHERE layer = %s AND point = %s",
                        (layer, point),
                    ).fetchall()
                )
                before = [saved[i] if i in saved else now[i] for i in ids if i in saved or i in now]
                out.append({"point": point, **info, "before": before})
            return out

    def undo_layer(self, layer: str) -> dict:
        with self._write() as conn:
            found = conn.execute(
                "SELECT point, info, ids FROM atlas.layer_undo WHERE layer = %s ORDER BY point DESC LIMIT 1",
                (layer,),
            ).fetchone()
            if found is None:
                raise StoreError(f"layer {layer} has nothing to undo")
            point, info, ids = found
            kept = conn.execute(
                "SELECT id, rows_kept FROM atlas.layer_undo_versions WHERE layer = %s AND point = %s",
                (layer, point),
            ).fetchall()
            # versions the write added, or whose rows it changed or removed, go; they come back as they were
            gone = [i for i, rows in kept if rows]
            added = [e["id"] for e in self._entries(conn, layer) if e["id"] not in ids]
            conn.execute(
                "DELETE FROM atlas.layer_versions WHERE layer = %s AND id = ANY(%s)", (layer, gone + added)
            )
            conn.execute(
                "INSERT INTO atlas.layer_versions"
                " SELECT layer, id, entry, columns FROM atlas.layer_undo_versions"
                " WHERE layer = %s AND point = %s AND rows_kept",
                (layer, point),
            )
            conn.execute(
                "INSERT INTO atlas.layer_rows SELECT layer, version, ord, row FROM atlas.layer_undo_rows"
                " WHERE layer = %s AND point = %s",
                (layer, point),
            )
            conn.execute(
                "UPDATE atlas.layer_versions v SET entry = u.entry FROM atlas.layer_undo_versions u"
                " WHERE u.layer = %s AND u.point = %s AND NOT u.rows_kept AND v.layer = u.layer AND v.id = u.id",
                (layer, point),
            )
            conn.execute("DELETE FROM atlas.layer_undo WHERE layer = %s AND point = %s", (layer, point))
        return {"point": point, **info}

    def read_layer(
        self, layer: str, version_id: int | None = None, *, provinces: Iterable[str] | None = None
    ) -> pd.DataFrame:
        with self._conn() as conn:
            entries = self._entries(conn, layer)
            if not entries:
                return pd.DataFrame()
            if version_id is not None:
                entries = [e for e in entries if e["id"] == version_id]
                if not entries:
                    raise StoreError(f"layer {layer} has no version {version_id}")
            frames = [
                self._version_frame(conn, layer, e["id"], provinces).assign(version=e["id"]) for e in entries
            ]
        return (
            covered_frame(layer, pd.concat(frames, ignore_index=True), entries) if frames else pd.DataFrame()
        )

    def version_provinces(self, layer: str, version_id: int) -> pd.DataFrame:
        """As :meth:`Store.version_provinces`, summed in the database (no row leaves it)."""
        from geo.layers import LAYERS

        spec = LAYERS.get(layer)
        count = spec.count if spec is not None else None
        total = (
            "sum(CASE WHEN jsonb_typeof(row -> %s) = 'number' THEN (row ->> %s)::float8 ELSE 0 END)"
            if count
            else "NULL::float8"
        )
        with self._conn() as conn:
            (columns,) = conn.execute(
                "SELECT columns FROM atlas.layer_versions WHERE layer = %s AND id = %s", (layer, version_id)
            ).fetchone() or (None,)
            if columns is None:
                raise StoreError(f"layer {layer} has no version {version_id}")
            if count not in {n for n, _ in columns}:
                total, params = "NULL::float8", ()
            else:
                params = (count, count) if count else ()
            found = conn.execute(
                f"SELECT left(row ->> 'village', 2), count(*), {total} FROM atlas.layer_rows"
                " WHERE layer = %s AND version = %s AND row ->> 'village' IS NOT NULL GROUP BY 1 ORDER BY 1",
                (*params, layer, version_id),
            ).fetchall()
        out = pd.DataFrame(found, columns=["province", "rows", "total"]).set_index("province")
        return out.astype({"rows": "int64", "total": "float64"})

    def layer_versions(self, layer: str) -> dict[int, pd.DataFrame]:
        with self._conn() as conn:
            return {v["id"]: self._version_frame(conn, layer, v["id"]) for v in self._entries(conn, layer)}

    def restore_layer(self, layer: str, meta: dict, frames: dict[int, pd.DataFrame]) -> None:
        with self._write() as conn:
            conn.execute("DELETE FROM atlas.layer_undo WHERE layer = %s", (layer,))
            conn.execute("DELETE FROM atlas.layer_versions WHERE layer = %s", (layer,))
            for entry in meta["versions"]:  # each knows what it covers (an earlier format: its rows')
                frame = frames[entry["id"]]
                self._insert_version(conn, layer, with_coverage(layer, entry, frame), frame)

    # ----------------------------------------------------------------- import log
    def log_import(self, entry: dict) -> None:
        text = json.dumps({"at": now(), **entry}, ensure_ascii=False)
        with self._write() as conn:
            conn.execute("INSERT INTO atlas.import_log (entry) VALUES (%s::jsonb)", (text,))

    def import_log(self) -> list[dict]:
        with self._conn() as conn:
            return [r[0] for r in conn.execute("SELECT entry FROM atlas.import_log ORDER BY id")]
