"""Cell parsers: one raw column of a file in, one parsed column out (a new Series).

Every parser works once per distinct value (:func:`_by_value`), so a million-row column of a
few hundred distinct values costs a few hundred parses. Problems become :class:`Issue` objects
naming the row and column; the value is quoted only through the translation table.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import datetime
from typing import NamedTuple

import numpy as np
import pandas as pd

from loaders.layers.vocab import _ABBREVIATIONS, _DESTINATIONS, _FALSE, _TRUE, _key
from loaders.tabular import parse_coordinate, parse_date, parse_number
from loaders.validation import YEAR_MIN, Issue, max_year

_YEAR_IN_TEXT = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")


def _text(value: object) -> str | None:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = re.sub(r"\s+", " ", str(value)).strip()
    return text or None


def _label(value: object) -> str | None:
    """Free-text category in one case (``PENATA LAKSANA RUMAH TANGGA`` = ``penata laksana...``).

    >>> _label("PENATA LAKSANA RUMAH TANGGA"), _label("plrt"), _label("ABK KAPAL"), _label("Caregiver")
    ('Penata Laksana Rumah Tangga', 'PLRT', 'ABK Kapal', 'Caregiver')
    """
    text = _text(value)
    if text is None or text in ("-", "–"):
        return None
    if any(c.isupper() for c in text[1:]) and not text.isupper() and _key(text) not in _ABBREVIATIONS:
        return text
    return re.sub(
        r"[^\W_]+", lambda m: m[0].upper() if m[0].lower() in _ABBREVIATIONS else m[0].capitalize(), text
    )


def _destination(value: object) -> str | None:
    text = _text(value)
    if text is None or text in ("-", "–"):
        return None
    return _DESTINATIONS.get(_key(text), _label(text))


_LEGAL_FORM_FIRST = re.compile(r"^(?P<form>p\.?\s?t|c\.?\s?v)\.?\s+(?P<rest>.+)$", re.I)
_LEGAL_FORM_LAST = re.compile(r"^(?P<rest>.+?),?\s+(?P<form>p\.?\s?t|c\.?\s?v)\.?$", re.I)


def _agency(value: object) -> str | None:
    """A recruitment agency's name in one spelling: its legal form first, without dots (``PT``,
    ``CV``), the rest in one case, so one company written three ways is one agency.

    >>> _agency("PT. MITRA SEJAHTERA INSANI"), _agency("pt mitra sejahtera insani")
    ('PT Mitra Sejahtera Insani', 'PT Mitra Sejahtera Insani')
    >>> _agency("Mitra Sejahtera Insani, PT."), _agency("CV Karya Bersama")
    ('PT Mitra Sejahtera Insani', 'CV Karya Bersama')
    """
    text = _text(value)
    if text is None or text in ("-", "–"):
        return None
    found = _LEGAL_FORM_FIRST.match(text) or _LEGAL_FORM_LAST.match(text)
    if not found:
        return _label(text)
    form = re.sub(r"[^a-z]", "", found["form"].lower()).upper()
    return f"{form} {_label(found['rest'].strip(' ,.'))}"


def _is_number(value: object) -> bool:
    """True for a cell that is a number (``18``, ``1.210``), never a name."""
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return not (isinstance(value, float) and np.isnan(value))
    text = _text(value)
    return bool(text) and text not in ("-", "–", "—") and parse_number(text, dash=None) is not None


def _bool(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    text = _text(value)
    if text is None:
        return None
    if text in ("-", "–", "—"):
        return False
    if text in ("√", "✓", "✔", "☑"):
        return True
    key = _key(text)
    if key and key in _TRUE:
        return True
    if key and key in _FALSE:
        return False
    return None


class _Parsed(NamedTuple):
    """Parse results per distinct value of a column, and which one each cell has."""

    codes: np.ndarray  # per cell: position in ``results`` (-1, a missing cell, is the last)
    results: np.ndarray  # object: ``parse`` of each distinct value, then ``parse(None)``
    index: pd.Index

    def cells(self, per_value: np.ndarray) -> np.ndarray:
        """A per-value array spread over the cells."""
        return per_value[self.codes]

    def series(self) -> pd.Series:
        return pd.Series(self.results[self.codes], index=self.index, dtype=object)


def _parsed(raw: pd.Series, parse: Callable[[object], object]) -> _Parsed:
    """``parse`` computed once per distinct value of ``raw`` (a million rows hold few)."""
    codes, uniques = pd.factorize(raw, use_na_sentinel=True)
    results = np.empty(len(uniques) + 1, dtype=object)
    for i, value in enumerate(uniques):
        results[i] = parse(value)
    results[-1] = parse(None)
    return _Parsed(codes, results, raw.index)


def _by_value(raw: pd.Series, parse: Callable[[object], object]) -> pd.Series:
    """``parse`` of every cell, computed once per distinct value (a million rows hold few).

    Missing cells (None, NaN) are parsed as None. Returns an object Series aligned with ``raw``.
    """
    return _parsed(raw, parse).series()


def _issues_at(
    parsed: _Parsed,
    raw: pd.Series,
    rows: pd.Series,
    column: str,
    issues: list[Issue],
    severity: str = "error",
) -> None:
    """An issue for every row whose parse result is an error code (a str starting with '!')."""
    failed = parsed.cells(np.array([isinstance(r, str) and r.startswith("!") for r in parsed.results]))
    for pos in np.flatnonzero(failed):
        row = int(rows[raw.index[pos]])
        result = parsed.results[parsed.codes[pos]]
        issues.append(
            Issue(result[1:], severity, row=row, column=column, params={"value": _text(raw.iat[pos])})
        )


def _ints(parsed: _Parsed) -> pd.Series:
    """The int results of :func:`_parsed` as an Int64 Series (anything else missing)."""
    good = np.array(
        [isinstance(r, int) and not isinstance(r, bool) and -(2**63) < r < 2**63 for r in parsed.results]
    )
    per_value = np.zeros(len(parsed.results), dtype="int64")
    per_value[good] = parsed.results[good].astype("int64")
    return pd.Series(pd.arrays.IntegerArray(parsed.cells(per_value), ~parsed.cells(good)), index=parsed.index)


def _numbers(
    raw: pd.Series,
    column: str,
    rows: pd.Series,
    issues: list[Issue],
    *,
    whole: bool = True,
    zero_empty: bool = True,
) -> pd.Series:
    """Parse a count column; non-numbers and fractions become errors naming row and column."""

    def parse(value: object) -> object:
        if value is None or (isinstance(value, float) and np.isnan(value)) or str(value).strip() == "":
            return None
        number = parse_number(value)
        if number is None:
            return "!not_a_number"
        if not math.isfinite(number):
            return "!not_a_number"
        if abs(number) > 1e12:
            return "!too_large"
        if whole and not float(number).is_integer():
            return "!not_whole"
        return int(round(number))

    parsed = _parsed(raw, parse)
    _issues_at(parsed, raw, rows, column, issues)
    out = _ints(parsed)
    empty = [int(rows[idx]) for idx in raw.index[parsed.cells(np.array([r is None for r in parsed.results]))]]
    if zero_empty and empty and len(empty) < len(raw):
        listed = ", ".join(map(str, empty[:10])) + (" …" if len(empty) > 10 else "")
        issues.append(
            Issue("count_empty", "warning", column=column, params={"rows": listed, "n": len(empty)})
        )
    return out


def _year_of(value: object) -> object:
    """The year a cell gives, None for an empty cell, or ``"!year_not_a_year"``."""
    if _text(value) is None:
        return None
    if isinstance(value, datetime) and value.year < YEAR_MIN:
        # the number 2023 in a cell formatted as a date reads as 15 July 1905
        serial = (value - datetime(1899, 12, 30)).days
        if YEAR_MIN <= serial <= max_year():
            return serial
    number = parse_number(value, dash=None)
    if number is not None and math.isfinite(number) and float(number).is_integer():
        return int(number) if abs(number) < 100_000 else "!year_not_a_year"
    day = parse_date(value)
    if day is not None:
        return day.year
    found = _YEAR_IN_TEXT.findall(str(value))
    if len(set(found)) == 1:
        return int(found[0])
    return "!year_not_a_year"


def _years(raw: pd.Series, column: str, rows: pd.Series, issues: list[Issue]) -> pd.Series:
    parsed = _parsed(raw, _year_of)
    _issues_at(parsed, raw, rows, column, issues)
    out = _ints(parsed)
    return out


def _month_of(value: object) -> object:
    """The month (1-12) a cell gives, None for an empty cell, or ``"!month_not_a_month"``."""
    from loaders.tabular import MONTHS

    text = _text(value)
    if text is None:
        return None
    number = parse_number(value, dash=None)
    if number is not None and math.isfinite(number) and float(number).is_integer():
        return int(number) if abs(number) < 1000 else "!month_not_a_month"
    word = _key(text).split(" ")[0]
    if word in MONTHS:
        return MONTHS[word]
    day = parse_date(value)
    if day is not None:
        return day.month
    return "!month_not_a_month"


def _months(raw: pd.Series, column: str, rows: pd.Series, issues: list[Issue]) -> pd.Series:
    parsed = _parsed(raw, _month_of)
    _issues_at(parsed, raw, rows, column, issues)
    out = _ints(parsed)
    return out


def _categorical(
    raw: pd.Series,
    values: dict[str, str],
    column: str,
    rows: pd.Series,
    issues: list[Issue],
    code: str,
    *,
    error: bool,
) -> pd.Series:
    """Map a category column through ``values``; unknown values → issue (error or warning)."""

    def canon_of(value: object) -> object:
        text = _text(value)
        if text is None or text in ("-", "–"):
            return None
        canon = values.get(_key(text))
        if canon is None:
            # "KKBM Desa X", "Program Desmigratif": a known name inside a longer text
            words = f" {_key(text)} "
            hits = {c for alias, c in values.items() if len(alias) >= 3 and f" {alias} " in words}
            canon = hits.pop() if len(hits) == 1 else None
        return canon if canon is not None else "!unknown"

    results = _by_value(raw, canon_of)
    unknown = results == "!unknown"
    seen_warning: set[str] = set()
    for pos in np.flatnonzero(unknown.to_numpy(dtype=bool)):
        text, row = _text(raw.iat[pos]), int(rows[raw.index[pos]])
        if error:
            issues.append(Issue(code, row=row, column=column, params={"value": text}))
        elif text not in seen_warning:
            issues.append(Issue(code, "warning", row=row, column=column, params={"value": text}))
            seen_warning.add(text)
    return results.where(~unknown, None if error else "OTHER")


_COORD_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")
_HEMISPHERE = re.compile(r"(?<=[\s\d°'\"’”])(LS|LU|BT|BB|[NSEW])\b", re.I)


def _coordinate_pair(value: object) -> tuple[float | None, float | None]:
    """``"-6.123, 106.456"``, ``"-6,123 106,456"``, ``"-6.123;106.456"`` or in degrees, minutes
    and seconds with hemisphere letters (``6°01'12" LS 106°12'30" BT``) → (lat, lon)."""
    text = _text(value)
    if not text:
        return None, None
    marks = list(_HEMISPHERE.finditer(text))
    if len(marks) == 2:  # each coordinate ends at its hemisphere letters
        first = text[: marks[0].end()]
        second = text[marks[0].end() : marks[1].end()].lstrip(" ,;/")
        a, b = parse_coordinate(first), parse_coordinate(second)
        if marks[0][1].upper() in ("BT", "BB", "E", "W"):
            a, b = b, a
        return a, b
    numbers = _COORD_NUMBER.findall(text)
    if len(numbers) != 2:
        return None, None
    return parse_coordinate(numbers[0]), parse_coordinate(numbers[1])
