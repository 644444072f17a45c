"""Validate a layer's rows before import: each problem named by file row, column and the fix.

The checks are pandera schemas built from :data:`geo.layers.LAYERS` over the per-row
("canonical") frame the importer builds, before aggregation, so every failure still points at
the row of the user's file. Duplicate keys are checked separately (pandera reports only the
columns, we report every row involved).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

import i18n
from geo.layers import PROGRAMME_TYPES

__all__ = ["Issue", "schema_for", "validate_rows", "duplicate_rows", "YEAR_MIN", "max_year"]

#: Earliest year accepted (placement statistics do not go further back).
YEAR_MIN = 1950


def max_year() -> int:
    """Latest year accepted: next year (plans and late-December reports)."""
    return date.today().year + 1


@dataclass(frozen=True)
class Issue:
    """One problem found in a file. ``row`` is the 1-based row in the file (None: whole file).

    ``severity`` is ``error`` (the file is rejected), ``unmatched``/``ambiguous`` (the row is left
    out, the rest is imported), ``warning`` or ``info``. ``code`` names a translation
    ``data.issue.<code>`` whose placeholders come from ``params``.
    """

    code: str
    severity: str = "error"
    row: int | None = None
    column: str | None = None
    params: dict = field(default_factory=dict)

    def message(self, lang: str = i18n.DEFAULT_LANGUAGE) -> str:
        """The problem and its fix in ``lang``."""
        from loaders.pii import redact

        params = {k: redact(v) for k, v in self.params.items()}
        row = params.pop("row_label", None) or self.row or ""  # "5 ('Lombok Barat')" in a workbook read whole
        values = _Blank({"row": row, "column": redact(self.column) or "", **params})
        entry = i18n.TABLE[f"data.issue.{self.code}"]
        return (entry.get(lang) or entry["id"]).format_map(values)


class _Blank(dict):
    """Placeholders a problem does not fill stay empty instead of raising."""

    def __missing__(self, key: str) -> str:
        return ""


_COUNT_COLUMNS = ("count", "persons", "members", "residents")


def schema_for(layer: str) -> pa.DataFrameSchema:
    """The pandera schema of a layer's per-row frame (columns as in ``geo.layers``)."""
    top = max_year()
    year = pa.Column(
        "Int64", [pa.Check.in_range(YEAR_MIN, top, name="year_range")], nullable=False, required=False
    )
    columns: dict[str, pa.Column] = {
        "village": pa.Column(object, nullable=True, required=False),
        "month": pa.Column(
            "Int64", [pa.Check.in_range(1, 12, name="month_range")], nullable=True, required=False
        ),
        "start_year": pa.Column(
            "Int64", [pa.Check.in_range(YEAR_MIN, top, name="year_range")], nullable=True, required=False
        ),
        "year_opened": pa.Column(
            "Int64", [pa.Check.in_range(YEAR_MIN, top, name="year_range")], nullable=True, required=False
        ),
        "year_closed": pa.Column(
            "Int64", [pa.Check.in_range(YEAR_MIN, top, name="year_range")], nullable=True, required=False
        ),
        "programme": pa.Column(
            object,
            [pa.Check.isin(list(PROGRAMME_TYPES), name="programme_type")],
            nullable=False,
            required=False,
        ),
    }
    if layer in ("placements", "reports", "population"):
        columns["year"] = year
    for name in _COUNT_COLUMNS:
        columns[name] = pa.Column(
            "Int64", [pa.Check.ge(0, name="not_negative")], nullable=True, required=False
        )
    return pa.DataFrameSchema(columns, strict=False, coerce=False)


_CHECK_CODES = {
    "year_range": "year_range",
    "month_range": "month_range",
    "programme_type": "programme_unknown",
    "not_negative": "negative",
}


def validate_rows(
    layer: str,
    frame: pd.DataFrame,
    rows: pd.Series,
    sources: dict[str, str],
    originals: pd.DataFrame | None = None,
) -> list[Issue]:
    """Schema problems of ``frame`` as issues; ``rows`` gives each row's file row number and
    ``sources`` the file header each column came from (messages name the user's column).
    ``originals`` holds the raw cell values per column, quoted in messages (never personal data:
    personal columns were dropped before).
    """
    try:
        schema_for(layer).validate(frame, lazy=True)
    except SchemaErrors as err:
        issues = []
        cases = err.failure_cases
        for case in cases.itertuples(index=False):
            column = getattr(case, "column", None)
            check = str(getattr(case, "check", ""))
            code = next((c for k, c in _CHECK_CODES.items() if k in check), None)
            if code is None and "greater_than_or_equal_to" in check:
                code = "negative"
            elif code is None and "in_range" in check:
                code = "month_range" if column == "month" else "year_range"
            elif code is None and "isin" in check:
                code = "programme_unknown"
            index = getattr(case, "index", None)
            if code is None or index is None or pd.isna(index):
                continue  # missing values are reported by the importer, which knows why
            value = getattr(case, "failure_case", "")
            if originals is not None and column in originals and index in originals.index:
                value = originals.at[index, column]
            issues.append(
                Issue(
                    code,
                    row=int(rows.loc[index]),
                    column=sources.get(str(column), str(column)),
                    params={
                        "value": ""
                        if value is None or (isinstance(value, float) and value != value)
                        else value,
                        "min": YEAR_MIN,
                        "max": max_year(),
                        "types": ", ".join(PROGRAMME_TYPES),
                    },
                )
            )
        return sorted(issues, key=lambda i: (i.row or 0, i.column or ""))
    return []


def duplicate_rows(
    frame: pd.DataFrame,
    keys: list[str],
    rows: pd.Series,
    *,
    severity: str = "error",
    names: Mapping[str, str] | None = None,
) -> list[Issue]:
    """Rows of an aggregated file (one with a count column) that repeat the same key.

    ``names`` are the file's columns behind the keys (the message names them, never the keys);
    without it the keys themselves are named.
    """
    present = [k for k in keys if k in frame]
    shown = ", ".join(dict.fromkeys(names[k] for k in present if k in names)) if names else ", ".join(present)
    if not present:
        return []
    dup = frame.duplicated(present, keep=False)
    if not dup.any():
        return []
    issues = []
    # by position: a file row split in two (one row per gender column) repeats its index label
    file_row = rows.to_numpy()[dup.to_numpy(dtype=bool)]
    groups = frame[dup].groupby(present, dropna=False, sort=False).indices
    for _, positions in groups.items():
        file_rows = sorted(int(file_row[p]) for p in positions)
        for r in file_rows[1:]:
            issues.append(
                Issue(
                    "duplicate" if severity == "error" else "duplicate_counted",
                    severity,
                    row=r,
                    column=shown,
                    params={"first": file_rows[0]},
                )
            )
    return sorted(issues, key=lambda i: i.row or 0)
