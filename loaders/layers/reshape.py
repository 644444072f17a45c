"""Reshaping wide tables into rows: pure functions that return new frames.

Each returns a :class:`Reshaped` (the long frame, each long row's file row, the field mapping
and the columns it consumed) or ``None`` when the table is not of its shape; the caller's frame,
row numbers and mapping are never changed in place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from loaders.columns import normalise_header
from loaders.layers.cells import _bool
from loaders.layers.vocab import PROGRAMME_VALUES, _key
from loaders.tabular import parse_number
from loaders.validation import Issue

__all__ = ["Reshaped", "melt_year_columns", "melt_programme_columns", "year_count_columns"]

_YEAR_HEADER = re.compile(r"^(?:tahun |thn |th |year )?((?:19[5-9]|20\d)\d)$")
_MAIN_COUNT_FIELD = {"placements": "count", "reports": "persons", "population": "residents"}


@dataclass(frozen=True)
class Reshaped:
    """A table turned into rows: frame, file row of each frame row, fields, consumed columns."""

    frame: pd.DataFrame
    rows: pd.Series
    fields: dict[str, str]
    consumed: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


def year_count_columns(columns) -> dict[str, int]:
    """Headers that name a year (``2023``, ``Tahun 2023``) → the year."""
    return {c: int(m[1]) for c in columns if (m := _YEAR_HEADER.match(normalise_header(c)))}


def without_year_count_columns(fields: dict[str, str], columns) -> dict[str, str]:
    """``Tahun 2023`` is a year's count column, not the year column: the mapping without it."""
    years = year_count_columns(columns)
    return {k: v for k, v in fields.items() if not (v in years and k in ("year", "start_year"))}


_TOTAL_HEADER = re.compile(r"^(total|jumlah|jml|grand total|sub total|subtotal)( .*)?$")


def _without_total(
    frame: pd.DataFrame, fields: dict[str, str], count_field: str, wide: dict
) -> tuple[pd.DataFrame, dict[str, str], list[Issue], list[str]]:
    """A wide table's TOTAL column is never a count: it leaves the frame (and the mapping)."""
    totals = [c for c in frame.columns if c not in wide and _TOTAL_HEADER.match(normalise_header(c))]
    if not totals:
        return frame, fields, [], []
    fields = {k: v for k, v in fields.items() if v not in totals}
    issues = [Issue("total_column_ignored", "info", column=str(c)) for c in totals]
    return frame.drop(columns=totals), fields, issues, totals


def melt_year_columns(
    layer: str, frame: pd.DataFrame, rows: pd.Series, fields: dict[str, str]
) -> Reshaped | None:
    """One count column per year (``Desa | 2021 | 2022 | 2023 | TOTAL``) → rows with a year and a
    count; a total column is left out (and reported), never counted."""
    count_field = _MAIN_COUNT_FIELD.get(layer)
    years = year_count_columns(frame.columns)
    if count_field is None or not years:
        return None
    total_issues, totals = [], []
    if len(years) >= 2:  # "2019 … 2023 | TOTAL": the total column is no count of its own
        frame, fields, total_issues, totals = _without_total(frame, fields, count_field, years)
    if {"year", "date", count_field, "count_l", "count_p"} & set(fields):
        return None
    year_col, count_col = "Tahun", ", ".join(map(str, years))
    parts = [
        frame.drop(columns=list(years)).assign(**{year_col: year, count_col: frame[column]})
        for column, year in years.items()
    ]
    long = pd.concat(parts, ignore_index=True)
    long_rows = pd.concat([rows] * len(years), ignore_index=True)
    return Reshaped(
        long,
        long_rows,
        {**fields, "year": year_col, count_field: count_col},
        list(years) + totals,
        [Issue("wide_years", "info", column=count_col, params={"n": len(years)}), *total_issues],
    )


_MONTH_HEADER = re.compile(r"^([a-z]+)(?: ((?:19[5-9]|20\d)\d))?$")


def month_count_columns(columns) -> dict[str, tuple[int, int | None]]:
    """Headers that name a month (``Januari``, ``Jan 2023``, ``February``) → (month, year or None)."""
    from loaders.tabular import MONTHS

    found = {}
    for c in columns:
        m = _MONTH_HEADER.match(normalise_header(c))
        if m and m[1] in MONTHS:
            found[c] = (MONTHS[m[1]], int(m[2]) if m[2] else None)
    return found


def melt_month_columns(
    layer: str, frame: pd.DataFrame, rows: pd.Series, fields: dict[str, str]
) -> Reshaped | None:
    """One count column per month (Indonesian or English names, with or without a year) → rows
    with a month (and the year the header names) and a count; a total column is left out."""
    count_field = _MAIN_COUNT_FIELD.get(layer)
    if layer not in ("placements", "reports"):
        return None
    months = month_count_columns(
        [c for c in frame.columns if c not in fields.values()]
        + [v for k, v in fields.items() if k in ("month", count_field) and v in month_count_columns([v])]
    )
    if len(months) < 3:
        return None
    fields = {k: v for k, v in fields.items() if v not in months}
    frame, fields, total_issues, totals = _without_total(frame, fields, count_field, months)
    if {"month", "date", count_field, "count_l", "count_p"} & set(fields):
        return None
    with_year = "year" not in fields and all(y is not None for _, y in months.values())
    month_col, year_col, count_col = "Bulan", "Tahun", ", ".join(map(str, months))
    parts = []
    for column, (month, year) in months.items():
        extra = {month_col: month, count_col: frame[column]}
        if with_year:
            extra[year_col] = year
        parts.append(frame.drop(columns=list(months)).assign(**extra))
    long = pd.concat(parts, ignore_index=True)
    out_fields = {**fields, "month": month_col, count_field: count_col}
    if with_year:
        out_fields["year"] = year_col
    return Reshaped(
        long,
        pd.concat([rows] * len(months), ignore_index=True),
        out_fields,
        list(months) + totals,
        [Issue("wide_months", "info", column=count_col, params={"n": len(months)}), *total_issues],
    )


def melt_programme_columns(
    layer: str, frame: pd.DataFrame, rows: pd.Series, fields: dict[str, str]
) -> Reshaped | None:
    """Programme files drawn as a matrix (a column per programme type, marked per village)."""
    if layer != "programmes" or "programme" in fields:
        return None
    used = set(fields.values())
    types = {
        c: PROGRAMME_VALUES[_key(c)] for c in frame.columns if c not in used and _key(c) in PROGRAMME_VALUES
    }
    if not types:
        return None
    parts, long_rows = [], []
    for column, kind in types.items():
        marks = frame[column].map(lambda v: _bool(v) or ((parse_number(v, dash=None) or 0) > 0))
        members = frame[column].map(lambda v: parse_number(v, dash=None) if _bool(v) is None else None)
        parts.append(frame[marks].drop(columns=list(types)).assign(Program=kind, _members=members[marks]))
        long_rows.append(rows[marks.to_numpy()])
    long = pd.concat(parts, ignore_index=True)
    fields = {**fields, "programme": "Program"}
    if "members" not in fields and long["_members"].notna().any():
        long = long.rename(columns={"_members": "Anggota"})
        fields["members"] = "Anggota"
    else:
        long = long.drop(columns="_members")
    return Reshaped(
        long,
        pd.concat(long_rows, ignore_index=True),
        fields,
        list(types),
        [Issue("programme_matrix", "info", column=", ".join(map(str, types)))],
    )


#: The reshapers, tried in this order on every file.
RESHAPERS = (melt_year_columns, melt_month_columns, melt_programme_columns)
