"""``atlas export``: the files of the Ekspor page from the command line (cron, systemd timers).

Builds one file of a view (area, layer, year, language, classes, picture size) with the very
functions the page uses (:func:`loaders.export_inputs.load_view` and
:func:`exports.builds.build_file`), so the file equals the one downloaded from the page for the
same view. Small counts are hidden as in every export. With sign-in on, the user named by
``ATLAS_USER`` / ``ATLAS_PASSWORD`` must be allowed to see the area's province (grants apply;
exit 3 otherwise, and the refusal is recorded); each file made is recorded in the audit log
as a page download is.

Examples
--------
``atlas export gpkg --area 52 --layer placements --year 2024 -o ntb.gpkg``
``atlas export pptx --area 36.04 -o /srv/reports/`` (the latest year; the page's file name)
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import os
import re
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import i18n
from exports.builds import BUILDS, IMAGE_SIZES, build_file, file_name
from exports.files import ExportError
from exports.view import MAP_MEASURES, NATIONAL, is_national
from geo.classify import USER_SCHEMES
from geo.codes import code_level, parent_code
from geo.layers import with_columns
from geo.metrics import layer_years
from loaders import accounts
from loaders.accounts import AccessDenied, Action
from loaders.export_inputs import gis_areas, load_view
from loaders.settings import DEMO_DIR, ROOT, settings
from loaders.store import Store, StoreError, open_store

__all__ = ["main"]

LEAFLET_DIR = ROOT / "static" / "vendor" / "leaflet"
_AREA = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")

_EPILOG = """\
formats: pptx (slides), pdf (one-page brief), png (map and chart images, ZIP), csv, xlsx,
html (interactive map), gpkg (GeoPackage with the map's QGIS style; the default), geojson.

exit codes: 0 done; 1 refused or failed (no such area, layer or year; nothing to export);
2 usage error; 3 not allowed (sign-in failed, or the area is outside the user's grants).

examples:
  atlas export gpkg --area 52 --layer placements --year 2024 -o ntb.gpkg
  atlas export pptx --area 36.04 -o /srv/atlas/reports/      # latest year, the page's file name
  ATLAS_AUTH=local ATLAS_USER=siti ATLAS_PASSWORD=... atlas export pdf --area 52 -o brief.pdf
"""


def _area(value: str) -> str:
    code = value.strip().lower()
    if code != NATIONAL and not _AREA.match(code):
        raise argparse.ArgumentTypeError(
            f"{value!r} is not an area code: use a Kemendagri code with dots (52, 52.01, 52.01.01, "
            f"52.01.01.2001) or {NATIONAL!r} for every village of the store"
        )
    return code


def _size(value: str) -> tuple[int, int]:
    sizes = {f"{w}x{h}": (w, h) for w, h in IMAGE_SIZES}
    if value.lower() not in sizes:
        raise argparse.ArgumentTypeError(f"{value!r}: choose one of {', '.join(sizes)}")
    return sizes[value.lower()]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="atlas export",
        description="Make one export file of a view (area, layer, year) exactly as the Ekspor page "
        "makes it; small counts hidden as in every export.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "format", nargs="?", default="gpkg", choices=list(BUILDS), help="the file to make (default: gpkg)"
    )
    parser.add_argument(
        "--area",
        required=True,
        type=_area,
        help=f"area code (province 52, regency 52.01, district, village) or {NATIONAL!r} (every village)",
    )
    parser.add_argument(
        "--layer", choices=list(MAP_MEASURES), default="placements", help="data layer (default: placements)"
    )
    parser.add_argument("--year", type=int, help="year (default: the latest year with data, as on the page)")
    parser.add_argument(
        "-o",
        "--output",
        help="file to write, or a folder for the page's file name (default: that name in the current "
        "folder); '-' writes to standard output",
    )
    parser.add_argument(
        "--lang",
        choices=i18n.LANGUAGES,
        help="language of the file and the messages (default: ATLAS_LANGUAGE, else id)",
    )
    parser.add_argument(
        "--scheme",
        choices=USER_SCHEMES,
        default="quantiles",
        help="classification of the map (default: quantiles)",
    )
    parser.add_argument(
        "--classes", type=int, choices=range(3, 8), default=5, metavar="3-7", help="classes (default: 5)"
    )
    parser.add_argument(
        "--size",
        type=_size,
        default=IMAGE_SIZES[0],
        help="picture size of png/pptx: " + ", ".join(f"{w}x{h}" for w, h in IMAGE_SIZES),
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--store",
        help="store folder or postgresql:// URL (default: ATLAS_DATABASE_URL, else ATLAS_DATA_DIR)",
    )
    where.add_argument("--demo", action="store_true", help="the bundled demo (invented data, labelled so)")
    return parser


class _Refused(Exception):
    """A request the store cannot answer (message already translated): exit 1."""


def _check_view(store: Store, area: str, layer: str, year: int | None, lang: str) -> int | None:
    """The year to export after checking the area, layer and year against ``store``; raises
    :class:`_Refused` naming what is held instead."""
    held = store.provinces()
    layers = [name for name in MAP_MEASURES if name in store.layers()]
    if not held or not layers:
        raise _Refused(i18n.t("gis.cli.empty", lang, store=store.label))
    if not is_national(area):
        known = False
        if area[:2] in held:
            level = code_level(area)
            codes = store.read_attributes(level, parent_code(area), ["code"])["code"].astype(str)
            known = area in set(codes)
        if not known:
            names = store.read_attributes(1, None, ["code", "name"])
            listed = ", ".join(f"{c} ({n})" for c, n in zip(names["code"], names["name"], strict=True))
            raise _Refused(i18n.t("gis.cli.no_area", lang, area=area, areas=listed))
    if layer not in layers:
        raise _Refused(i18n.t("gis.cli.no_layer", lang, layer=layer, layers=", ".join(layers)))
    names = store.layers()
    years = layer_years(
        {n: with_columns(n, store.read_layer(n)) for n in ("placements", "reports") if n in names}
    )
    if year is None:
        return years[-1] if years else None
    if year not in years:
        raise _Refused(i18n.t("gis.cli.no_year", lang, year=year, years=", ".join(map(str, years)) or "–"))
    return year


def _write(data: bytes, target: Path) -> None:
    """Write ``data`` to ``target`` at once: a temporary file beside it, then renamed."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(temporary, 0o666 & ~mask)  # as a file the user made (mkstemp makes it private)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _size_text(count: int, lang: str) -> str:
    if count >= 1_000_000:
        return f"{i18n.fmt_num(count / 1_000_000, lang, 1)} MB"
    return f"{i18n.fmt_num(max(count, 1) / 1000, lang, 0 if count >= 10_000 else 1)} kB"


def main(argv: Sequence[str] | None = None) -> int:
    """``atlas export FORMAT --area CODE …``; returns the exit code (see the module's help)."""
    args = _parser().parse_args(argv)
    lang = args.lang or (
        settings().language if settings().language in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE
    )
    source = Store(DEMO_DIR) if args.demo else Store(args.store) if args.store else open_store()
    try:
        # permission before anything is read: the area's province (every province for NATIONAL)
        provinces = source.provinces() if is_national(args.area) else [args.area[:2]]
        actor = accounts.current() if accounts.enabled() else None
        if is_national(args.area) and actor is not None and actor.scope is not None:
            # every village only for a user who sees every province; her refusal names no province held
            granted = ", ".join(actor.provinces) or "–"
            accounts.refuse(Action.EXPORT, provinces, key="gis.cli.national_denied", granted=granted)
        accounts.authorize(Action.EXPORT, provinces)
        store = accounts.scoped(source)
        year = _check_view(store, args.area, args.layer, args.year, lang)
        view = load_view(
            store,
            args.area,
            year=year,
            layer=args.layer,
            lang=lang,
            threshold=settings().small_count_threshold,
            demo=args.demo,
            scheme=args.scheme,
            k=args.classes,
        )
        images = functools.cache(lambda: _render_images(view, args.size))
        data = build_file(
            view,
            args.format,
            images=images,
            leaflet_dir=LEAFLET_DIR,
            areas=lambda: gis_areas(store, args.area),
        )
    except AccessDenied as err:
        print(err.message(lang), file=sys.stderr)
        return 3
    except _Refused as err:
        print(str(err), file=sys.stderr)
        return 1
    except (StoreError, ExportError, ValueError) as err:
        print(i18n.t("gis.cli.failed", lang, message=str(err)), file=sys.stderr)
        return 1
    name = file_name(view, args.format)
    if args.output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        target = None
    else:
        target = Path(args.output) if args.output else Path(name)
        if target.is_dir() or (args.output or "").endswith(("/", os.sep)):
            target = target / name
        try:
            _write(data, target)
        except OSError as err:
            print(
                i18n.t("gis.cli.write_failed", lang, path=target, message=err.strerror or err),
                file=sys.stderr,
            )
            return 1
    accounts.record(
        Action.EXPORT,
        provinces=provinces,
        file=name,
        sha256=hashlib.sha256(data).hexdigest(),
        detail={"via": "command line", "format": args.format},
    )
    what = i18n.t(f"export.format.{args.format}", lang)
    message = i18n.t(
        "gis.cli.wrote",
        lang,
        path=target if target is not None else "-",
        what=what,
        area=view.area_name,
        period=view.period,
        size=_size_text(len(data), lang),
    )
    print(message, file=sys.stderr if target is None else sys.stdout)
    return 0


def _render_images(view, size: tuple[int, int]) -> dict[str, bytes]:
    from exports import deck  # matplotlib and python-pptx load only for the formats with pictures

    return deck.render_images(view, size=size)


if __name__ == "__main__":
    raise SystemExit(accounts.run_cli(main))
