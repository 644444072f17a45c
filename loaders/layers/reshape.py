"""Reshaping wide tables into rows: pure functions that return new frames.

Each returns a :class:`Reshaped` (the long frame, each long row's file row, the field mapping
and the columns it consumed) or ``None`` when the table is not of its shape; the caller's frame,
row numbers and mapping are never changed in place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from loaders.columns import normalise_header
from loaders.layers.cells import _bool
from loaders.layers.vocab import (
    COUNTRY_HEADERS,
    PROGRAMME_VALUES,
    REASON_HEADERS,
    SCHEME_VALUES,
    SECTOR_HEADERS,
    _key,
)
from loaders.tabular import parse_number
from loaders.validation import Issue

__all__ = [
    "Reshaped",
    "melt_year_columns",
    "melt_month_columns",
    "melt_category_columns",
    "melt_programme_columns",
    "split_programme_cells",
    "year_count_columns",
]

_YEAR_HEADER = re.compile(r"^(?:tahun |thn |th |year )?((?:19[5-9]|20\d)\d)$")
_MAIN_COUNT_FIELD = {
    "placements": "count",
    "reports": "persons",
    "population": "residents",
    "returns": "persons",
}


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
    frame: pd.DataFrame, fields: dict[str, str], count_field: str, wide: dict, rows: pd.Series | None = None
) -> tuple[pd.DataFrame, dict[str, str], list[Issue], list[str]]:
    """A wide table's TOTAL column is never a count: it leaves the frame (and the mapping), and
    is checked against the sum of the parts (rows where they differ are named)."""
    totals = [c for c in frame.columns if c not in wide and _TOTAL_HEADER.match(normalise_header(c))]
    if not totals:
        return frame, fields, [], []
    fields = {k: v for k, v in fields.items() if v not in totals}
    issues = [Issue("total_column_ignored", "info", column=str(c)) for c in totals]
    if rows is not None:
        issues += total_differs(frame, list(wide), totals[0], rows)
    return frame.drop(columns=totals), fields, issues, totals


def total_differs(frame: pd.DataFrame, parts: list[str], total: str, rows: pd.Series) -> list[Issue]:
    """A warning naming the rows whose total column is not the sum of their parts."""

    def number(v):
        return parse_number(v)

    values = pd.DataFrame({c: frame[c].map(number) for c in parts}).astype(float)
    given = frame[total].map(number).astype(float)
    summed = values.sum(axis=1, min_count=1)
    bad = given.notna() & summed.notna() & ((given - summed).abs() > 0.5)
    if not bad.any():
        return []
    listed = ", ".join(str(int(r)) for r in rows[bad.to_numpy()].head(10)) + (" …" if bad.sum() > 10 else "")
    return [
        Issue("total_differs", "warning", column=str(total), params={"rows": listed, "n": int(bad.sum())})
    ]


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
        frame, fields, total_issues, totals = _without_total(frame, fields, count_field, years, rows)
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
    if layer not in ("placements", "reports", "returns"):
        return None
    months = month_count_columns(
        [c for c in frame.columns if c not in fields.values()]
        + [v for k, v in fields.items() if k in ("month", count_field) and v in month_count_columns([v])]
    )
    if len(months) < 3:
        return None
    fields = {k: v for k, v in fields.items() if v not in months}
    frame, fields, total_issues, totals = _without_total(frame, fields, count_field, months, rows)
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


_NUMBER_CELL = re.compile(r"^\s*[-–]?\s*[\d.,\s]*\s*$")


def _counts_column(values: pd.Series) -> bool:
    """True when a column's filled cells are counts (numbers or a dash), never names."""
    texts = values.dropna().astype(str).str.strip()
    texts = texts[texts != ""]
    return bool(len(texts) == 0 or texts.str.match(_NUMBER_CELL).mean() >= 0.9)


def _category_headers(layer: str, field: str) -> dict[str, str]:
    if field == "destination" and layer in ("placements", "reports"):
        return COUNTRY_HEADERS
    if field == "sector" and layer == "placements":
        return SECTOR_HEADERS
    if field == "scheme" and layer == "placements":
        return {k: k for k in SCHEME_VALUES if SCHEME_VALUES[k] != "OTHER" and len(k) > 1}
    if field == "country" and layer == "returns":
        return COUNTRY_HEADERS
    if field == "reason" and layer == "returns":
        return REASON_HEADERS
    return {}


def melt_category_columns(
    layer: str, frame: pd.DataFrame, rows: pd.Series, fields: dict[str, str]
) -> Reshaped | None:
    """One count column per destination, sector or scheme (``Desa | Malaysia | Taiwan | Negara
    Lainnya | Jumlah``), or per country or reason of return (``Habis Kontrak | Deportasi | Sakit``)
    → one row per value with its count; the total column is checked against the parts and never
    counted; empty cells are no rows."""
    count_field = _MAIN_COUNT_FIELD.get(layer)
    if count_field is None:
        return None
    locations = {"village_code", "village_name", "district_name", "regency_name", "province_name"}
    for name in ("destination", "sector", "scheme", "country", "reason"):
        known = _category_headers(layer, name)
        if not known or name in fields and fields[name] not in frame:
            continue
        taken = {v for k, v in fields.items() if k in locations | {"year", "month", "date"}}
        wide = {}
        for column in frame.columns:
            key = _key(column)
            key = key[7:] if key.startswith("negara ") and key[7:] in known else key
            if column not in taken and key in known and _counts_column(frame[column]):
                wide[column] = known[key]
        if len(wide) < 2 or len(set(wide.values())) < 2:
            continue
        fields = {k: v for k, v in fields.items() if v not in wide and k != name}
        frame, fields, total_issues, totals = _without_total(frame, fields, count_field, wide, rows)
        if {count_field, "count_l", "count_p"} & set(fields):
            total = fields.pop(count_field, None)
            if total is not None:  # "Jumlah" beside the parts: the parts count, the total is checked
                total_issues = [Issue("total_column_ignored", "info", column=str(total))]
                total_issues += total_differs(frame, list(wide), total, rows)
                frame, totals = frame.drop(columns=[total]), [total]
            if {"count_l", "count_p"} & set(fields):
                return None
        value_col, count_col = f"_{name}", ", ".join(map(str, wide))
        parts, long_rows = [], []
        for column, value in wide.items():
            filled = (
                frame[column].map(lambda v: v is not None and str(v).strip() not in ("", "nan")).to_numpy()
            )
            parts.append(
                frame[filled]
                .drop(columns=list(wide))
                .assign(**{value_col: value, count_col: frame[column][filled]})
            )
            long_rows.append(rows[filled])
        return Reshaped(
            pd.concat(parts, ignore_index=True),
            pd.concat(long_rows, ignore_index=True),
            {**fields, name: value_col, count_field: count_col},
            list(wide) + totals,
            [Issue(f"wide_{name}", "info", column=count_col, params={"n": len(wide)}), *total_issues],
        )
    return None


_SEPARATORS = re.compile(r"\s*(?:[,;&+\n]|\bdan\b|\band\b|/)\s*", re.I)


def programme_of(text: object) -> str | None:
    """The programme type a cell names (whole, or a known name inside a longer text)."""
    key = _key(text)
    if not key:
        return None
    if key in PROGRAMME_VALUES:
        return PROGRAMME_VALUES[key]
    words = f" {key} "
    hits = {c for alias, c in PROGRAMME_VALUES.items() if len(alias) >= 3 and f" {alias} " in words}
    return hits.pop() if len(hits) == 1 else None


def programmes_in(text: object) -> list[str] | None:
    """Several programme names in one cell (``KKBM, Desmigratif``; ``MRC & KKBM``; ``KKBM dan
    Perdes PMI``; one per line) → the names; None for a cell of one programme or an unknown one."""
    if text is None or programme_of(text) is not None:
        return None
    parts = [p for p in _SEPARATORS.split(str(text)) if p and p.strip()]
    if len(parts) < 2 or any(programme_of(p) is None for p in parts):
        return None
    return [p.strip() for p in parts]


def split_programme_cells(
    layer: str, frame: pd.DataFrame, rows: pd.Series, fields: dict[str, str]
) -> Reshaped | None:
    """A programme cell naming several programmes → one row per programme; the members of the
    row are counted once, with the first programme (the others' members are left empty)."""
    if layer != "programmes" or "programme" not in fields or fields["programme"] not in frame:
        return None
    column = fields["programme"]
    uniques = pd.unique(frame[column].dropna())
    split = {u: names for u in uniques if (names := programmes_in(u))}
    if not split:
        return None
    values = frame[column].to_numpy(dtype=object)
    several = np.array([isinstance(v, str) and v in split for v in values], dtype=bool)
    positions, names, later = [], [], []
    for pos, value in enumerate(values):
        for i, name in enumerate(split[value] if several[pos] else [value]):
            positions.append(pos)
            names.append(name)
            later.append(i > 0)
    out = frame.iloc[positions].reset_index(drop=True)
    out[column] = names
    members = fields.get("members")
    if members is not None and members in out:
        out[members] = out[members].astype(object).where(~np.array(later), None)
    out_rows = rows.iloc[positions].reset_index(drop=True)
    listed = rows[several]
    text = ", ".join(str(int(r)) for r in listed.head(10)) + (" …" if len(listed) > 10 else "")
    return Reshaped(
        out,
        out_rows,
        fields,
        [],
        [
            Issue(
                "programmes_in_one_cell", "info", column=str(column), params={"rows": text, "n": len(listed)}
            )
        ],
    )


#: The reshapers, tried in this order on every file.
RESHAPERS = (melt_year_columns, melt_month_columns, melt_category_columns, melt_programme_columns)
