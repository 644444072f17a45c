"""One translation table (Bahasa Indonesia default, English) and Indonesian number formats.

The table is assembled from the ``TEXT`` dicts of the modules in ``i18n/text_*.py`` (one per
area of the app, so parallel work does not collide); a key defined twice is an error.
Pure Python: usable from ``geo`` builders (legends, slides) as well as from pages.
"""

from __future__ import annotations

import importlib
import math
import pkgutil
from datetime import date, datetime
from pathlib import Path

__all__ = [
    "LANGUAGES",
    "DEFAULT_LANGUAGE",
    "TABLE",
    "t",
    "fmt_int",
    "fmt_num",
    "fmt_pct",
    "fmt_date",
    "fmt_datetime",
    "MONTHS_ID",
]

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"


def _load_table() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {}
    for info in sorted(pkgutil.iter_modules([str(Path(__file__).parent)]), key=lambda m: m.name):
        if not info.name.startswith("text_"):
            continue
        module = importlib.import_module(f"i18n.{info.name}")
        for key, pair in module.TEXT.items():
            if key in table:
                raise ValueError(f"translation key {key!r} is defined twice (again in {info.name})")
            if not (isinstance(pair, tuple) and len(pair) == 2):
                raise ValueError(f"translation {key!r} in {info.name} must be a (Indonesian, English) tuple")
            table[key] = {"id": pair[0], "en": pair[1]}
    return table


TABLE = _load_table()


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values: object) -> str:
    """Text for ``key`` in ``lang``, with ``{name}`` placeholders filled from ``values``.

    Unknown keys raise ``KeyError`` so a missing translation fails tests instead of showing a key.
    """
    entry = TABLE[key]
    text = entry.get(lang) or entry["id"]
    return text.format(**values) if values else text


def fmt_num(value: float | int | None, lang: str = DEFAULT_LANGUAGE, digits: int = 0) -> str:
    """A number the way readers of ``lang`` write it: ``1.210,5`` in Indonesian, ``1,210.5`` in English.

    >>> fmt_num(1210.5, "id", 1)
    '1.210,5'
    >>> fmt_num(1210, "en")
    '1,210'
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{value:,.{digits}f}"
    if lang == "id":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def fmt_int(value: float | int | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """A whole number with thousands separators (``1.210`` in Indonesian)."""
    return fmt_num(value, lang, 0)


def fmt_pct(share: float | None, lang: str = DEFAULT_LANGUAGE, digits: int = 1) -> str:
    """A share (0–1) as a percentage: ``96,5%`` in Indonesian, ``96.5%`` in English.

    >>> fmt_pct(0.965, "id")
    '96,5%'
    """
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "–"
    return fmt_num(share * 100, lang, digits) + "%"


MONTHS_ID = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def fmt_date(value: date | datetime | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """``29 Desember 2023`` in Indonesian, ``29 December 2023`` in English."""
    if value is None:
        return "–"
    months = MONTHS_ID if lang == "id" else MONTHS_EN
    return f"{value.day} {months[value.month - 1]} {value.year}"


def fmt_datetime(value: datetime | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """``7 Desember 2026, 18.08`` in Indonesian (a point between hours and minutes), ``7 December
    2026, 18:08`` in English; the time zone's abbreviation follows when ``value`` carries one.

    >>> fmt_datetime(datetime(2026, 12, 7, 18, 8), "id"), fmt_datetime(datetime(2026, 12, 7, 9, 5), "en")
    ('7 Desember 2026, 18.08', '7 December 2026, 09:05')
    """
    if value is None:
        return "–"
    clock = f"{value.hour:02d}{'.' if lang == 'id' else ':'}{value.minute:02d}"
    zone = value.tzname() if value.tzinfo is not None else None
    return f"{fmt_date(value, lang)}, {clock}" + (f" {zone}" if zone else "")
