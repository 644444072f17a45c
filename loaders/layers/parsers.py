"""One parser per layer, driven by a small spec: which time columns the layer has and a rule
per stored column (free text, category, yes/no, count). :func:`parse_rows` runs them.

A rule reads the file's column for its field (when the file has one) through a cell parser of
:mod:`loaders.layers.cells` and writes the stored column; the issues it finds name row and
column. Adding a layer is adding a :class:`LayerParser` to :data:`PARSERS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from loaders.columns import LOCATION_FIELDS
from loaders.layers.cells import (
    _YEAR_IN_TEXT,
    _agency,
    _bool,
    _by_value,
    _categorical,
    _destination,
    _is_number,
    _issues_at,
    _label,
    _months,
    _numbers,
    _parsed,
    _text,
    _years,
)
from loaders.layers.reshape import total_differs
from loaders.layers.vocab import (
    ENTRY_POINTS,
    GENDER_VALUES,
    OUTCOME_VALUES,
    PROBLEM_VALUES,
    PROGRAMME_VALUES,
    REASON_VALUES,
    ROUTE_VALUES,
    SCHEME_VALUES,
    SERVICE_TYPE_VALUES,
    _key,
)
from loaders.tabular import Table, parse_date
from loaders.validation import YEAR_MIN, Issue, max_year

__all__ = ["LayerParser", "PARSERS", "parse_rows", "year_from_context"]


def year_from_context(table: Table) -> int | None:
    """A single year named in the title rows, the sheet name or the file name."""
    for texts in (table.title, [table.sheet or ""], [Path(table.file).stem]):
        years = {int(y) for t in texts for y in _YEAR_IN_TEXT.findall(str(t))}
        years = {y for y in years if YEAR_MIN <= y <= max_year()}
        if len(years) == 1:
            return years.pop()
    return None


@dataclass
class _Context:
    """What every rule sees: the file's columns by field, the output frame, issues."""

    table: Table
    get: dict[str, pd.Series]
    mapping: dict[str, str]
    rows: pd.Series
    issues: list[Issue]
    out: pd.DataFrame
    row_level: bool = False


@dataclass(frozen=True)
class Text:
    """A free-text column parsed by ``parse`` (title-cased label by default)."""

    name: str
    parse: Callable[[object], object] = _label

    def apply(self, ctx: _Context) -> None:
        if self.name not in ctx.get:
            ctx.out[self.name] = None
            return
        raw = ctx.get[self.name]
        # a number is never stored as a name: named with its row and column, left empty
        parsed = _parsed(raw, lambda v: "!value_is_number" if _is_number(v) else self.parse(v))
        _issues_at(parsed, raw, ctx.rows, ctx.mapping[self.name], ctx.issues, severity="warning")
        out = parsed.series()
        ctx.out[self.name] = out.where(~out.map(lambda v: isinstance(v, str) and v.startswith("!")), None)


@dataclass(frozen=True)
class Flag:
    """A yes/no column; a value that is neither is named with its row and column."""

    name: str

    def apply(self, ctx: _Context) -> None:
        if self.name not in ctx.get:
            ctx.out[self.name] = None
            return
        raw = ctx.get[self.name]
        parsed = _parsed(
            raw, lambda v: "!flag_unknown" if _bool(v) is None and _text(v) is not None else _bool(v)
        )
        _issues_at(parsed, raw, ctx.rows, ctx.mapping[self.name], ctx.issues, severity="warning")
        out = parsed.series()
        ctx.out[self.name] = out.where(out.map(lambda v: isinstance(v, bool)), None)


@dataclass(frozen=True)
class Category:
    """A category through a vocabulary; unknown values are errors or warnings (then OTHER)."""

    name: str
    values: dict[str, str]
    unknown: str
    error: bool = False
    other_is_missing: bool = False  # OTHER stored as missing (gender)
    missing_row: str | None = None  # issue for an empty cell
    no_column: str | None = None  # issue (error) when the file has no such column

    def apply(self, ctx: _Context) -> None:
        if self.name not in ctx.get:
            if self.no_column:
                ctx.issues.append(Issue(self.no_column, params={"file": ctx.table.file}))
            ctx.out[self.name] = None
            return
        raw, column = ctx.get[self.name], ctx.mapping[self.name]
        values = _categorical(raw, self.values, column, ctx.rows, ctx.issues, self.unknown, error=self.error)
        if self.other_is_missing:
            values = values.where(values != "OTHER", None)
        ctx.out[self.name] = values
        if self.missing_row:
            for idx in ctx.out.index[ctx.out[self.name].isna() & _by_value(raw, _text).isna()]:
                ctx.issues.append(Issue(self.missing_row, row=int(ctx.rows[idx]), column=column))


@dataclass(frozen=True)
class Count:
    """A whole-number column ``name`` read from field ``source`` (default: ``name``).

    Without the column: ``absent="one"`` counts every row as one (``row_level`` says whether
    that makes the file row-level), ``"missing"`` leaves it empty, any other text is the code
    of a file-level error.
    """

    name: str
    source: str | None = None
    absent: str = "one"
    row_level: bool = True
    zero_empty: bool = True

    def apply(self, ctx: _Context) -> None:
        source = self.source or self.name
        if source in ctx.get:
            ctx.out[self.name] = _numbers(
                ctx.get[source], ctx.mapping[source], ctx.rows, ctx.issues, zero_empty=self.zero_empty
            )
        elif self.absent == "one":
            ctx.row_level = ctx.row_level or self.row_level
            ctx.out[self.name] = pd.Series(1, index=ctx.out.index, dtype="Int64")
        elif self.absent == "missing":
            ctx.out[self.name] = pd.NA
        else:
            ctx.issues.append(Issue(self.absent, params={"file": ctx.table.file}))
            ctx.out[self.name] = pd.Series(pd.NA, index=ctx.out.index, dtype="Int64")


@dataclass(frozen=True)
class GenderCounts:
    """A count per gender (``L | P`` columns) → one row per gender, else one count (``name``:
    the stored count, ``count`` for placements, ``persons`` for returns)."""

    name: str = "count"

    def apply(self, ctx: _Context) -> None:
        if "count_l" not in ctx.get and "count_p" not in ctx.get:
            Count(self.name).apply(ctx)
            return
        parts = []
        for name, gender in (("count_l", "L"), ("count_p", "P")):
            if name in ctx.get:
                part = ctx.out.copy()
                part["gender"] = gender
                part[self.name] = _numbers(ctx.get[name], ctx.mapping[name], ctx.rows, ctx.issues)
                parts.append(part)
        if self.name in ctx.get:  # the total beside L and P: checked against them, never counted
            ctx.issues.append(Issue("total_ignored", "info", column=ctx.mapping[self.name]))
            keys = [k for k in ("count_l", "count_p", self.name) if k in ctx.get]
            given = pd.DataFrame({ctx.mapping[k]: ctx.get[k] for k in keys})
            genders = [ctx.mapping[k] for k in keys if k != self.name]
            ctx.issues.extend(total_differs(given, genders, ctx.mapping[self.name], ctx.rows))
        out = pd.concat(parts).sort_values("_row", kind="stable")
        ctx.out = out[out[self.name].notna()]


def _vocabulary_hit(text: str, values: dict[str, str]) -> str | None:
    """The one canonical value a text names, whole or inside a longer text; None for none or several."""
    key = _key(text)
    if key in values:
        return values[key]
    words = f" {key} "
    hits = {c for alias, c in values.items() if len(alias) >= 3 and f" {alias} " in words}
    return hits.pop() if len(hits) == 1 else None


def reason_of(value: object) -> tuple[str | None, str | None] | str:
    """``(reason, problem)`` a returns cell gives, or ``"!reason_unknown"``.

    A problem named alone is a problem case with that problem; a reason and a problem may share
    a cell (``PMI Bermasalah - Gaji tidak dibayar``, ``Deportasi (tidak berdokumen)``).

    >>> reason_of("Habis Kontrak"), reason_of("TPPO"), reason_of("Deportasi (tidak berdokumen)")
    (('END_OF_CONTRACT', None), ('PROBLEM', 'TRAFFICKING'), ('DEPORTED', 'UNDOCUMENTED'))
    """
    text = _text(value)
    if text is None or text in ("-", "–"):
        return None, None
    key = _key(text)
    if key in REASON_VALUES:
        return REASON_VALUES[key], None
    if key in PROBLEM_VALUES and PROBLEM_VALUES[key] != "OTHER":
        return "PROBLEM", PROBLEM_VALUES[key]
    reason, problem = _vocabulary_hit(text, REASON_VALUES), _vocabulary_hit(text, PROBLEM_VALUES)
    if reason is None and problem is None:
        return "!reason_unknown"
    return reason or "PROBLEM", problem


@dataclass(frozen=True)
class ReturnReason:
    """Returns: the reason (and the problem of a problem case) from a reason column, a problem
    column, or both; an unknown reason or problem is named with its row and stored as OTHER."""

    def apply(self, ctx: _Context) -> None:
        index = ctx.out.index
        reason = pd.Series(None, index=index, dtype=object)
        problem = pd.Series(None, index=index, dtype=object)
        if "reason" in ctx.get:
            raw, column = ctx.get["reason"], ctx.mapping["reason"]
            parsed = _parsed(raw, reason_of)
            _issues_first(parsed, raw, ctx.rows, column, ctx.issues)
            pairs = parsed.series()
            unknown = pairs.map(lambda p: isinstance(p, str))
            reason = pairs.map(lambda p: "OTHER" if isinstance(p, str) else p[0])
            problem = pairs.map(lambda p: None if isinstance(p, str) else p[1])
            reason = reason.where(~unknown, "OTHER")
        if "problem" in ctx.get:
            raw, column = ctx.get["problem"], ctx.mapping["problem"]

            def problem_of(value: object) -> object:
                text = _text(value)
                if text is None or text in ("-", "–"):
                    return None
                return _vocabulary_hit(text, PROBLEM_VALUES) or "!problem_unknown"

            parsed = _parsed(raw, problem_of)
            _issues_first(parsed, raw, ctx.rows, column, ctx.issues)
            given = parsed.series()
            given = given.where(~given.map(lambda v: isinstance(v, str) and v.startswith("!")), "OTHER")
            problem = given.where(given.notna(), problem)
            # a problem given without a reason: a problem case
            reason = reason.where(reason.notna() | given.isna(), "PROBLEM")
        ctx.out["reason"] = reason
        ctx.out["problem"] = problem


def _issues_first(parsed, raw: pd.Series, rows: pd.Series, column: str, issues: list[Issue]) -> None:
    """A warning for the first row of each value that could not be read (the rest are alike)."""
    seen: set[object] = set()
    for pos, code in enumerate(parsed.codes):
        result = parsed.results[code]
        if isinstance(result, str) and result.startswith("!") and code not in seen:
            seen.add(code)
            issues.append(
                Issue(
                    result[1:],
                    "warning",
                    row=int(rows[raw.index[pos]]),
                    column=column,
                    params={"value": _text(raw.iat[pos])},
                )
            )


def _entry_point(value: object) -> str | None:
    """A debarkation port or airport as written, the usual spellings made one (``Tg. Pinang``
    → ``Tanjung Pinang``)."""
    text = _text(value)
    if text is None or text in ("-", "–"):
        return None
    return ENTRY_POINTS.get(_key(text), _label(text))


@dataclass(frozen=True)
class Year:
    """A year column of its own (a service point's year opened or closed); may be empty."""

    name: str

    def apply(self, ctx: _Context) -> None:
        if self.name not in ctx.get:
            ctx.out[self.name] = pd.Series(pd.NA, index=ctx.out.index, dtype="Int64")
            return
        ctx.out[self.name] = _years(ctx.get[self.name], ctx.mapping[self.name], ctx.rows, ctx.issues)


@dataclass(frozen=True)
class ClosedAfterOpened:
    """A point closed before it opened is named with its row (both years are kept as written)."""

    def apply(self, ctx: _Context) -> None:
        opened = pd.to_numeric(ctx.out.get("year_opened"), errors="coerce")
        closed = pd.to_numeric(ctx.out.get("year_closed"), errors="coerce")
        if opened is None or closed is None:
            return
        for idx in ctx.out.index[(closed < opened).fillna(False).to_numpy(dtype=bool)]:
            ctx.issues.append(
                Issue(
                    "closed_before_opened",
                    "warning",
                    row=int(ctx.rows[idx]),
                    column=ctx.mapping.get("year_closed", ""),
                    params={"opened": int(opened[idx]), "closed": int(closed[idx])},
                )
            )


@dataclass(frozen=True)
class RowLevel:
    """Every row is one item (a programme per row): count 1, row-level."""

    def apply(self, ctx: _Context) -> None:
        ctx.out["count"] = pd.Series(1, index=ctx.out.index, dtype="Int64")
        ctx.row_level = True


@dataclass(frozen=True)
class LayerParser:
    """How the rows of one layer are parsed: time columns, then one rule per stored column."""

    year: bool = False  # a year (from a year column, a date, or the title)
    month: bool = False
    dates: bool = False  # a date column is parsed (and checked) even without a year
    start_year: bool = False
    rules: tuple = field(default_factory=tuple)


PARSERS: dict[str, LayerParser] = {
    "placements": LayerParser(
        year=True,
        month=True,
        dates=True,
        rules=(
            Category("gender", GENDER_VALUES, "gender_unknown", other_is_missing=True),
            Text("destination", _destination),
            Text("sector"),
            Category("scheme", SCHEME_VALUES, "scheme_unknown"),
            Text("agency", _agency),
            GenderCounts(),
        ),
    ),
    "reports": LayerParser(
        year=True,
        month=True,
        dates=True,
        rules=(
            Text("destination", _destination),
            Text("channel"),
            Category("outcome", OUTCOME_VALUES, "outcome_unknown"),
            Count("persons"),
            Count("count", source="reports", row_level=False),
        ),
    ),
    "programmes": LayerParser(
        dates=True,
        start_year=True,
        rules=(
            Category(
                "programme",
                PROGRAMME_VALUES,
                "programme_unknown",
                error=True,
                missing_row="programme_missing",
                no_column="no_programme_column",
            ),
            Count("members", absent="missing", zero_empty=False),
            Flag("active"),
            RowLevel(),
        ),
    ),
    "enterprises": LayerParser(
        dates=True,
        start_year=True,
        rules=(
            Text("enterprise_type"),
            Count("members", absent="missing", zero_empty=False),
            Flag("kur_credit"),
            Flag("cooperative"),
            Count("count", source="enterprises"),
        ),
    ),
    "returns": LayerParser(
        year=True,
        month=True,
        dates=True,
        rules=(
            Category("gender", GENDER_VALUES, "gender_unknown", other_is_missing=True),
            Text("country", _destination),
            ReturnReason(),
            Category("route", ROUTE_VALUES, "route_unknown", other_is_missing=True),
            Text("entry_point", _entry_point),
            GenderCounts("persons"),
        ),
    ),
    "service_points": LayerParser(
        rules=(
            Category(
                "type",
                SERVICE_TYPE_VALUES,
                "service_type_unknown",
                missing_row="service_type_missing",
                no_column="no_service_type_column",
            ),
            Text("name"),
            Year("year_opened"),
            Year("year_closed"),
            ClosedAfterOpened(),
            RowLevel(),
        ),
    ),
    "population": LayerParser(
        year=True,
        dates=True,
        rules=(Count("residents", absent="no_residents_column"),),
    ),
}


def _time(parser: LayerParser, ctx: _Context) -> None:
    get, mapping, rows, issues, out, index = (
        ctx.get,
        ctx.mapping,
        ctx.rows,
        ctx.issues,
        ctx.out,
        ctx.out.index,
    )
    dates = _by_value(get["date"], parse_date) if parser.dates and "date" in get else None
    if dates is not None:
        bad = _by_value(get["date"], _text).notna() & dates.isna()
        for idx in bad[bad].index:
            issues.append(
                Issue(
                    "date_not_a_date",
                    row=int(rows[idx]),
                    column=mapping["date"],
                    params={"value": _text(get["date"][idx])},
                )
            )
    if parser.year:
        if "year" in get:
            out["year"] = _years(get["year"], mapping["year"], rows, issues)
            if dates is not None:
                out["year"] = out["year"].fillna(dates.map(lambda d: d.year if d else pd.NA).astype("Int64"))
        elif dates is not None:
            out["year"] = dates.map(lambda d: d.year if d else pd.NA).astype("Int64")
        else:
            year = year_from_context(ctx.table)
            if year is None:
                issues.append(Issue("no_year", params={"file": ctx.table.file}))
                out["year"] = pd.Series(pd.NA, index=index, dtype="Int64")
            else:
                issues.append(Issue("year_from_title", "info", params={"year": year}))
                out["year"] = pd.Series(year, index=index, dtype="Int64")
        missing = out["year"].isna()
        if missing.any() and not any(i.code == "no_year" for i in issues):
            column = mapping.get("year") or mapping.get("date") or ""
            reported = {i.row for i in issues if i.column == column}  # one set: rows × issues was quadratic
            for row in rows[missing].astype(int):
                if row not in reported:
                    issues.append(Issue("year_missing", row=row, column=column))
    if parser.month:
        if "month" in get:
            out["month"] = _months(get["month"], mapping["month"], rows, issues)
        elif dates is not None:
            out["month"] = dates.map(lambda d: d.month if d else pd.NA).astype("Int64")
        else:
            out["month"] = pd.Series(pd.NA, index=index, dtype="Int64")
    if parser.start_year and "start_year" in get:
        out["start_year"] = _years(get["start_year"], mapping["start_year"], rows, issues)


def parse_rows(
    layer: str,
    table: Table,
    frame: pd.DataFrame,
    rows: pd.Series,
    mapping: dict[str, str],
    issues: list[Issue],
) -> tuple[pd.DataFrame, bool]:
    """Per-row frame with the layer's stored columns (+ ``_row`` and location fields) and
    whether every row is one item (no count column). Issues are appended to ``issues``."""
    parser = PARSERS[layer]
    get = {name: frame[header] for name, header in mapping.items()}
    out = pd.DataFrame(index=frame.index)
    out["_row"] = rows.to_numpy()
    for name in LOCATION_FIELDS:
        if name in get:
            out[name] = get[name]
    ctx = _Context(table, get, mapping, rows, issues, out)
    _time(parser, ctx)
    for rule in parser.rules:
        rule.apply(ctx)
    return ctx.out, ctx.row_level
