"""Get village boundaries into the store: fetch the public archive, import a file, show status.

Command line::

    python -m loaders.boundaries fetch --province 36        # every regency of Banten
    python -m loaders.boundaries fetch --regency 36.04 35.10 [--source-url URL]
    python -m loaders.boundaries import FILE [--code-column C] [--name-column N] [--layer L] [--level L]
    python -m loaders.boundaries status [--json]

Fetch downloads ``db/kel/PP/wilayah_boundaries_kel_PP.KK.sql`` files of the wilayah_boundaries
archive (github.com/cahyadsn/wilayah_boundaries, MIT licence) into a verified cache (a sha256
sidecar per file; a re-run downloads nothing). ``--source-url`` may also name a copy of the
archive on disk (``file:///path/to/wilayah_boundaries``). Every change to a province goes through
``Store.write_province`` and is atomic: a failure leaves the store as it was. Fetching or
importing part of a province (some regencies) replaces those regencies' villages and keeps the
rest of what the store holds.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo.boundaries import build_province, repair_geometry
from geo.codes import Level, normalise_code
from geo.gazetteer import areas as gazetteer_areas
from geo.gazetteer import children, gazetteer
from i18n import DEFAULT_LANGUAGE, LANGUAGES, fmt_int, t
from loaders import accounts
from loaders._archive_sql import ArchiveFormatError, parse_archive_sql
from loaders.boundary_files import BoundaryFileError, read_boundary_file
from loaders.settings import settings
from loaders.store import Store, open_store

__all__ = [
    "ATTRIBUTION",
    "FetchError",
    "FetchResult",
    "ImportResult",
    "archive_file_url",
    "download",
    "fetch",
    "fetch_choices",
    "import_file",
    "import_upload",
    "status",
    "write_boundaries",
    "main",
]

ATTRIBUTION = "wilayah_boundaries by cahya dsn (github.com/cahyadsn/wilayah_boundaries), MIT licence"
_TIMEOUT_S = 60
#: Parquet compression of boundary files: zstd is ~15% smaller than the default for WKB polygons.
_COMPRESSION = "zstd"
Progress = Callable[[int, int, str], None]


class FetchError(RuntimeError):
    """A fetch could not complete; the message names the URL and says how to go on.

    ``message(lang)`` gives it in the interface language; ``str()`` is the English text.
    """

    def __init__(self, key: str, **params: object):
        self.key = key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return t(f"boundaries.fetch.{self.key}", lang, **self.params)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def archive_file_url(base: str, regency: str) -> str:
    """URL of one regency's village file in the archive layout."""
    return f"{base.rstrip('/')}/db/kel/{regency[:2]}/wilayah_boundaries_kel_{regency}.sql"


def _cache_path(cache_dir: Path, url: str) -> Path:
    base, _, name = url.rpartition("/")
    return cache_dir / "wilayah_boundaries" / hashlib.sha1(base.encode()).hexdigest()[:12] / name


class _NotFound(Exception):
    pass


def download(url: str, cache_dir: Path) -> tuple[bytes, str, bool]:
    """Bytes of ``url`` via the verified cache: ``(data, sha256, downloaded)``.

    A cached file is used when its sha256 matches its sidecar; otherwise it is fetched again.
    Raises ``_NotFound`` on HTTP 404 and ``FetchError`` on any other failure.
    """
    path = _cache_path(cache_dir, url)
    sidecar = path.with_name(path.name + ".sha256")
    if path.is_file() and sidecar.is_file():
        data = path.read_bytes()
        digest = _sha256(data)
        if digest == sidecar.read_text().split()[0]:
            return data, digest, False
    try:
        with urllib.request.urlopen(url, timeout=_TIMEOUT_S) as response:  # noqa: S310 (http/https only)
            data = response.read()
    except urllib.error.HTTPError as err:
        if err.code == 404:
            raise _NotFound(url) from err
        raise FetchError("offline", url=url, reason=f"HTTP {err.code} {err.reason}") from err
    except (urllib.error.URLError, TimeoutError, OSError) as err:
        reason = getattr(err, "reason", err)
        if isinstance(reason, FileNotFoundError):  # a file:// mirror without this regency
            raise _NotFound(url) from err
        raise FetchError("offline", url=url, reason=str(reason)) from err
    digest = _sha256(data)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    sidecar.write_text(f"{digest}  {path.name}\n")
    return data, digest, True


# --------------------------------------------------------------------------- writing
def _current(
    store: Store, province: str, *, villages: bool = True
) -> tuple[gpd.GeoDataFrame | None, dict[Level, gpd.GeoDataFrame], list]:
    """What the store holds for a province: village polygons, level files, earlier sources.

    ``villages=False`` skips reading the village polygons (an empty frame stands for them).
    """
    if province not in store.provinces():
        return None, {}, []
    meta = store.province_meta(province)
    if villages:
        held = store.read_areas(Level.VILLAGE, province, columns=["code", "geometry"])
        held = held[held.geometry.notna()]
    else:
        held = _no_areas()
    levels = {}
    for key in meta.get("level_files", []):
        level = Level[key.upper()]
        levels[level] = store.read_areas(level, province, columns=["code", "geometry"])
    return held, levels, list(meta.get("sources", []))


def _no_areas() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"code": pd.Series([], dtype=object)}, geometry=gpd.GeoSeries([], crs=4326))


#: Metadata about a province's villages, carried over when only a higher level is replaced.
_VILLAGE_META = (
    "villages",
    "without_polygon",
    "villages_without_polygon",
    "coverage_valid",
    "gap_width",
    "kept_original_polygon",
    "unmatched_edges",
    "gaps_filled",
)


def write_boundaries(
    store: Store,
    province: str,
    villages: gpd.GeoDataFrame,
    *,
    source: dict,
    replace_regencies: Sequence[str] | None = None,
    level_areas: Mapping[Level, gpd.GeoDataFrame] | None = None,
    names: Mapping[str, str] | None = None,
) -> dict:
    """Write one province atomically; return its metadata.

    ``villages`` (``code, geometry``, valid) are the new polygons. With ``replace_regencies``
    the store's current villages of other regencies are kept (a partial fetch or import);
    ``None`` replaces the whole province. ``level_areas`` are polygons of higher levels from a
    file (kept on later writes); ``names`` names areas the gazetteer does not hold.
    ``source`` (``source``, ``sha256`` or ``files``) is recorded in the metadata.

    When only ``level_areas`` change (no villages, ``replace_regencies=[]``) the stored villages
    and every level below the lowest level file are kept as they are (their files linked into
    the new generation): only the levels from files and those dissolved from them are built,
    so importing a regency or district file does not clean and simplify every village again.
    """
    levels_only = (
        bool(level_areas)
        and replace_regencies is not None
        and not len(replace_regencies)
        and not len(villages)
        and province in store.provinces()
    )
    current, current_levels, sources = _current(store, province, villages=not levels_only)
    new = villages[["code", "geometry"]]
    if current is not None and replace_regencies is not None:
        keep = current[~current["code"].str[:5].isin(set(replace_regencies))]
        new = pd.concat([keep[["code", "geometry"]], new], ignore_index=True)
    new = gpd.GeoDataFrame(new, geometry="geometry", crs=4326)
    levels = {**current_levels, **(level_areas or {})}
    # Levels below the lowest level file are dissolved from unchanged villages: kept as stored.
    lowest = max(int(level) for level in levels) if levels else 0
    kept = [level for level in Level if levels_only and int(level) > lowest]
    held_meta = store.province_meta(province) if levels_only else {}
    imported_at = _now()
    entry = {**source, "imported_at": imported_at}

    started = time.perf_counter()
    # With ``kept`` levels ``new`` is empty: the villages' frames are not written.
    result = build_province(province, new, level_areas=levels, names=names)
    village_meta = {key: held_meta[key] for key in _VILLAGE_META if key in held_meta}
    meta = {
        **result.meta,
        **village_meta,
        "source": source.get("source"),
        "sha256": source.get("sha256"),
        "imported_at": imported_at,
        "sources": [*sources, entry],
        "kept_levels": [level.key for level in kept],
        "build_s": round(time.perf_counter() - started, 2),
    }
    # The national view's village packs (``geo.tiles``) from the new display geometry; kept
    # with the villages when only a higher level changes.
    from geo.tiles import province_packs

    packs = None if Level.VILLAGE in kept else province_packs(result.display)
    store.write_province(
        province,
        {Level.VILLAGE: result.village, **result.levels},
        result.display,
        meta=meta,
        keep=tuple(kept),
        packs=packs,
    )
    return store.province_meta(province)


# --------------------------------------------------------------------------- fetch
@dataclass
class FetchResult:
    """What a fetch did: villages written per province, regencies the server lacked."""

    provinces: dict[str, dict] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    downloaded: int = 0
    cached: int = 0
    unknown_codes: list[str] = field(default_factory=list)


def _regencies(province: str | None, regencies: Sequence[str] | None) -> list[str]:
    wanted: list[str] = []
    if province:
        code = normalise_code(province)
        if code is None or code.count(".") != 0 or code not in gazetteer().index:
            raise FetchError("bad_province", value=repr(province))
        wanted += gazetteer_areas(Level.REGENCY, code)["code"].tolist()
    for raw in regencies or []:
        code = normalise_code(raw)
        if code is None or code.count(".") != 1 or code not in gazetteer().index:
            raise FetchError("bad_regency", value=repr(raw))
        wanted.append(code)
    if not wanted:
        raise FetchError("nothing_named")
    return sorted(dict.fromkeys(wanted))


def fetch_choices(province: str | None = None) -> dict[str, str]:
    """``{code: name}`` of the provinces (``None``) or of one province's regencies, for pickers.

    Names come from the gazetteer; an unknown province gives an empty dict.

    Examples
    --------
    >>> fetch_choices()["36"]
    'Banten'
    >>> fetch_choices("36")["36.04"]
    'Kabupaten Serang'
    """
    if province is not None and province not in gazetteer().index:
        return {}
    rows = children(province)
    return dict(zip(rows["code"], rows["name"], strict=True))


def fetch(
    store: Store,
    *,
    province: str | None = None,
    regencies: Sequence[str] | None = None,
    source_url: str | None = None,
    cache_dir: Path | None = None,
    progress: Progress | None = None,
) -> FetchResult:
    """Download, parse and store the villages of a province or of some regencies.

    Every file is downloaded and parsed before anything is written; an unreachable server or
    unreadable file raises ``FetchError`` and leaves the store untouched. Files the server does
    not have (HTTP 404) are listed in ``missing``; when none is found at all, ``FetchError``.
    ``progress(done, total, label)`` is called after each file (for a progress bar).
    """
    conf = settings()
    base = (source_url or conf.archive_url).rstrip("/")
    cache_dir = Path(cache_dir or conf.cache_dir)
    wanted = _regencies(province, regencies)
    accounts.authorize(accounts.Action.BOUNDARY_FETCH, [code[:2] for code in wanted])
    result = FetchResult()
    frames, files = [], []
    if progress is not None:
        progress(0, len(wanted), wanted[0])
    for i, regency in enumerate(wanted):
        url = archive_file_url(base, regency)
        try:
            data, digest, downloaded = download(url, cache_dir)
        except _NotFound:
            result.missing.append(regency)
        else:
            result.downloaded += downloaded
            result.cached += not downloaded
            try:
                frame = parse_archive_sql(data.decode("utf-8-sig", errors="replace"), source=url)
            except ArchiveFormatError as err:
                raise FetchError("not_archive", url=url, detail=str(err).removeprefix(f"{url}: ")) from err
            frames.append(frame)
            files.append({"url": url, "sha256": digest})
        if progress is not None:
            progress(i + 1, len(wanted), regency)
    if not frames:
        raise FetchError("none_found", base=base, missing=", ".join(result.missing))
    raw = pd.concat(frames, ignore_index=True)
    raw["code"] = raw["code"].map(normalise_code)
    known = raw["code"].isin(gazetteer().index)
    result.unknown_codes = sorted(raw.loc[~known, "code"].dropna().astype(str).unique().tolist())
    # only villages of the regencies asked for (and authorised): a file naming others writes nothing else
    asked = raw["code"].astype(str).str[:5].isin(set(wanted))
    raw = raw[known & asked].drop_duplicates("code", keep="last")
    if raw.empty:
        raise FetchError("not_asked", base=base, regencies=", ".join(wanted))
    fixed, _ = repair_geometry(raw.geometry.values)
    villages = gpd.GeoDataFrame({"code": raw["code"].to_numpy()}, geometry=gpd.GeoSeries(fixed, crs=4326))
    fetched = sorted({f["url"].rsplit("_", 1)[-1][:-4] for f in files})
    for prov in sorted(villages["code"].str[:2].unique()):
        source = {
            "source": base,
            "sha256": _sha256("\n".join(f["sha256"] for f in files if f"/kel/{prov}/" in f["url"]).encode()),
            "files": [f for f in files if f"/kel/{prov}/" in f["url"]],
        }
        part = villages[villages["code"].str[:2] == prov]
        replace = [r for r in fetched if r[:2] == prov]
        result.provinces[prov] = write_boundaries(store, prov, part, source=source, replace_regencies=replace)
    store.log_import(
        {"kind": "boundaries-fetch", "source": base, "regencies": fetched, "missing": result.missing}
    )
    accounts.record(
        accounts.Action.BOUNDARY_FETCH,
        provinces=result.provinces,
        file=base,
        sha256=_sha256("\n".join(f["sha256"] for f in files).encode()),
        detail={"regencies": len(fetched), "missing": len(result.missing)},
    )
    return result


# --------------------------------------------------------------------------- import
@dataclass
class ImportResult:
    """What an import did: provinces written, and the report of row problems."""

    provinces: dict[str, dict]
    level: Level
    problems: list[str]
    rows: int


def import_file(
    store: Store,
    path: Path | str,
    *,
    code_column: str | None = None,
    name_column: str | None = None,
    layer: str | None = None,
    level: Level | int | str | None = None,
    lang: str = DEFAULT_LANGUAGE,
) -> ImportResult:
    """Import a boundary file; each province it touches is rewritten atomically.

    With sign-in on, the user must be allowed to import boundaries somewhere (a steward with a
    grant, an admin) before any byte of the file is read, and then for every province the file
    holds; a refusal raises ``AccessDenied`` and is in the audit log. Raises
    ``BoundaryFileError`` (nothing written, the refusal logged) when the file cannot be used.
    Village files replace the villages of the regencies they cover; files of a higher level
    replace that level's polygons. Row problems are reported in ``lang``.
    """
    path = Path(path)
    accounts.authorize(accounts.Action.BOUNDARY_IMPORT, [], file=path.name)
    try:
        read = read_boundary_file(
            path, code_column=code_column, name_column=name_column, layer=layer, level=level
        )
    except BoundaryFileError as err:
        accounts.record(
            accounts.Action.BOUNDARY_IMPORT,
            outcome="refused",
            file=path.name,
            sha256=_file_digest(path),
            detail={"reason": err.key},
        )
        raise
    digest = _file_digest(path)
    source = {"source": path.name, "sha256": digest}
    accounts.authorize(accounts.Action.BOUNDARY_IMPORT, read.provinces(), file=path.name)
    written = {}
    for prov in read.provinces():
        part = read.areas[read.areas["code"].str[:2] == prov]
        if read.level == Level.VILLAGE:
            written[prov] = write_boundaries(
                store, prov, part, source=source, replace_regencies=sorted(part["code"].str[:5].unique())
            )
        else:
            written[prov] = write_boundaries(
                store, prov, _no_areas(), source=source, replace_regencies=[], level_areas={read.level: part}
            )
    store.log_import(
        {
            "kind": "boundaries-import",
            "source": path.name,
            "sha256": digest,
            "level": read.level.key,
            "rows": read.rows,
            "provinces": sorted(written),
            "problems": read.problems(lang),
        }
    )
    accounts.record(
        accounts.Action.BOUNDARY_IMPORT,
        provinces=written,
        file=path.name,
        sha256=digest,
        detail={"level": read.level.key, "rows": read.rows},
    )
    return ImportResult(written, read.level, read.problems(lang), read.rows)


def _file_digest(path: Path) -> str | None:
    """sha256 of a file within the upload size limit (None for a larger or unreadable one)."""
    from loaders.limits import limits

    try:
        if not path.is_file() or path.stat().st_size > limits().file_mb * 1_000_000:
            return None
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def import_upload(store: Store, name: str, data: bytes, **options: object) -> ImportResult:
    """``import_file`` on uploaded bytes, read from a temporary copy named ``name``.

    The copy keeps the upload's file name (without any folder part), so messages and the
    recorded source name the file the user chose; it is removed afterwards. ``options`` are
    those of ``import_file``. Raises ``BoundaryFileError`` (nothing written) like it.
    """
    filename = Path(str(name).replace("\\", "/").replace("\x00", "")).name.strip()
    if filename in ("", ".", "..") or len(filename.encode()) > 200:  # not a name a folder can hold
        filename = "upload" + Path(filename).suffix[:20]
    with tempfile.TemporaryDirectory(prefix="atlas-boundaries-") as folder:
        path = Path(folder) / filename
        path.write_bytes(data)
        return import_file(store, path, **options)


# --------------------------------------------------------------------------- status
def status(store: Store) -> dict:
    """``{"provinces": {"36": {"villages": N, "without_polygon": M, "source": ..., "imported_at": ...}}}``."""
    out = {}
    for prov in store.provinces():
        meta = store.province_meta(prov)
        out[prov] = {
            "name": gazetteer()["name"].get(prov) or meta.get("name"),
            "villages": int(meta.get("villages", 0)),
            "without_polygon": int(meta.get("without_polygon", 0)),
            "source": meta.get("source"),
            "imported_at": meta.get("imported_at"),
        }
    return {"provinces": out}


# --------------------------------------------------------------------------- CLI
def _bar(lang: str) -> tuple[Progress, Callable[[], None]]:
    from tqdm import tqdm

    bar = tqdm(
        unit=t("boundaries.cli.unit", lang), desc=t("boundaries.cli.downloading", lang), file=sys.stderr
    )

    def update(done: int, total: int, label: str) -> None:
        bar.total = total
        bar.set_postfix_str(label)
        bar.n = done
        bar.refresh()

    return update, bar.close


def _listed(items: list[str], lang: str, limit: int = 10) -> str:
    more = len(items) - limit
    return ", ".join(items[:limit]) + (
        " " + t("boundaries.more", lang, count=fmt_int(more, lang)) if more > 0 else ""
    )


def _print_province(prov: str, meta: dict, lang: str) -> None:
    missing = meta.get("villages_without_polygon", [])
    line = t(
        "boundaries.cli.province",
        lang,
        code=prov,
        name=meta.get("name") or "",
        villages=fmt_int(meta["villages"], lang),
        with_polygon=fmt_int(meta["villages"] - meta["without_polygon"], lang),
    )
    if missing:
        line += t(
            "boundaries.cli.without", lang, count=fmt_int(len(missing), lang), items=_listed(missing, lang)
        )
    print(line)
    if meta.get("kept_original_polygon"):
        print(t("boundaries.cli.kept_original", lang, items=", ".join(meta["kept_original_polygon"])))


def main(argv: Sequence[str] | None = None) -> int:
    """Command line entry point; returns the exit status (0 ok, 1 failed, 2 usage)."""
    parser = argparse.ArgumentParser(prog="python -m loaders.boundaries", description=__doc__.split("\n")[0])
    parser.add_argument("--store", type=Path, help="store directory (default: ATLAS_DATA_DIR or data/store)")
    parser.add_argument(
        "--lang", choices=LANGUAGES, default=None, help="language of messages (default: ATLAS_LANGUAGE)"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    p_fetch = sub.add_parser("fetch", help="download village boundaries of the public archive")
    p_fetch.add_argument("--province", help="province code, e.g. 36")
    p_fetch.add_argument("--regency", nargs="+", help="regency codes, e.g. 36.04 35.10")
    p_fetch.add_argument("--source-url", help="archive base URL (default: ATLAS_ARCHIVE_URL or GitHub)")
    p_import = sub.add_parser("import", help="import a boundary file (GeoPackage, zipped Shapefile, ...)")
    p_import.add_argument("file", type=Path)
    p_import.add_argument("--code-column")
    p_import.add_argument("--name-column")
    p_import.add_argument("--layer")
    p_import.add_argument("--level", choices=[lv.key for lv in Level])
    p_status = sub.add_parser("status", help="provinces held, villages with and without polygons")
    p_status.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    lang = args.lang or (settings().language if settings().language in LANGUAGES else DEFAULT_LANGUAGE)
    store = Store(args.store) if args.store else open_store()

    if args.command == "status":  # what the signed-in user may see (grants)
        info = status(accounts.scoped(store))
        if args.json:
            print(json.dumps(info, ensure_ascii=False, indent=1))
        elif not info["provinces"]:
            print(t("boundaries.cli.status_empty", lang, store=store.label))
        else:
            for prov, row in info["provinces"].items():
                print(
                    t(
                        "boundaries.cli.status_row",
                        lang,
                        code=prov,
                        name=row["name"] or "",
                        villages=fmt_int(row["villages"], lang),
                        without=fmt_int(row["without_polygon"], lang),
                        source=row["source"],
                        imported_at=row["imported_at"],
                    )
                )
        return 0

    if args.command == "fetch":
        if not args.province and not args.regency:
            parser.error("fetch needs --province or --regency")
        update, close = _bar(lang)
        try:
            result = fetch(
                store,
                province=args.province,
                regencies=args.regency,
                source_url=args.source_url,
                progress=update,
            )
        except FetchError as err:
            close()
            print(t("boundaries.cli.error", lang, message=err.message(lang)), file=sys.stderr)
            return 1
        close()
        print(t("boundaries.cli.downloaded", lang, downloaded=result.downloaded, cached=result.cached))
        if result.missing:
            print(t("boundaries.cli.missing", lang, items=", ".join(result.missing)))
        if result.unknown_codes:
            print(t("boundaries.cli.unknown_codes", lang, items=_listed(result.unknown_codes, lang)))
        for prov, meta in result.provinces.items():
            _print_province(prov, meta, lang)
        print(t("boundaries.attribution_cli", lang))
        return 0

    try:
        result = import_file(
            store,
            args.file,
            code_column=args.code_column,
            name_column=args.name_column,
            layer=args.layer,
            level=args.level,
            lang=lang,
        )
    except BoundaryFileError as err:
        print(t("boundaries.cli.error", lang, message=err.message(lang)), file=sys.stderr)
        return 1
    level = t(f"boundaries.level.{result.level.key}", lang)
    print(t("boundaries.cli.read", lang, file=args.file.name, rows=fmt_int(result.rows, lang), level=level))
    for line in result.problems:
        print(f"  {line}")
    for prov, meta in result.provinces.items():
        _print_province(prov, meta, lang)
    return 0


if __name__ == "__main__":
    sys.exit(accounts.run_cli(main))
