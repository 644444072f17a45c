"""What an import found out, before anything is written: the :class:`ImportPlan`, and the
tables made from it (the row report, the join, the column mapping)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

import i18n
from geo.codes import Level
from geo.data_coverage import EVERY_YEAR, Coverage, derive, layer_level
from geo.layers import LAYERS
from loaders.pii import PersonalColumn, redact
from loaders.validation import Issue

__all__ = [
    "CoverageError",
    "ImportPlan",
    "SheetNote",
    "MATCH_COLUMNS",
    "REPORT_COLUMNS",
    "ROW_BASE",
    "report_frame",
    "match_frame",
    "mapping_frame",
    "coverage_lines",
    "summary_messages",
]

#: Row numbers of the sheets of a workbook read whole: sheet k's row r is ``k * ROW_BASE + r``
#: inside the import (every row its own number), written "r ('sheet')" in every message.
ROW_BASE = 10_000_000

REPORT_COLUMNS = ["file", "row", "column", "severity", "problem", "message", "candidates"]
MATCH_COLUMNS = ["row", "status", "method", "score", "village", "village_name", "district", "regency"]


class CoverageError(ValueError):
    """A coverage that would leave some of the file's rows outside it (``message(lang)``)."""

    def __init__(self, rows: int, areas: list[str]):
        self.rows, self.areas = rows, areas
        super().__init__(self.message("en"))

    def message(self, lang: str = i18n.DEFAULT_LANGUAGE) -> str:
        return i18n.t("coverage.leaves_rows_out", lang, rows=self.rows, areas=", ".join(self.areas[:10]))


@dataclass(frozen=True)
class SheetNote:
    """A sheet of a workbook: read (with its rows and what its name or title said) or not, and why."""

    sheet: str
    read: bool
    rows: int = 0
    reason: str = ""  # not read: "empty" | "hidden" | "no_village_column" | "not_chosen"
    context: tuple[tuple[str, str], ...] = ()  # read: (("year", "2023"), ("regency", "Kab. X"))


@dataclass
class ImportPlan:
    """Everything an import found out, before anything is written."""

    layer: str
    file: str
    sha256: str
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    header_row: int | None = None
    encoding: str | None = None
    delimiter: str | None = None
    mapping: dict[str, str] = field(default_factory=dict)  # field -> file header
    ignored: list[str] = field(default_factory=list)
    dropped: list[PersonalColumn] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    rows_read: int = 0
    matched: int = 0
    ambiguous: int = 0
    unmatched: int = 0
    #: file rows recognised as subtotals or totals (reported, never stored, never unmatched)
    subtotals: int = 0
    invalid: int = 0
    row_level: bool = False
    frame: pd.DataFrame | None = None  # aggregated, stored columns
    methods: dict[str, int] = field(default_factory=dict)
    #: one line per file row: the village it matched and how (see :func:`match_frame`)
    joins: pd.DataFrame | None = None
    #: every sheet of a workbook, read or not (and why)
    sheet_notes: list[SheetNote] = field(default_factory=list)
    #: sheets read together: k -> name, for rows numbered ``k * ROW_BASE + row``
    row_sheets: dict[int, str] = field(default_factory=dict)
    #: what the file speaks for (areas and years): derived by the stage "state coverage",
    #: adjustable with :meth:`cover`; what *replace* replaces and where a missing row is 0
    coverage: Coverage | None = None

    def row_label(self, row: int) -> str:
        """A row number as the user finds it: "5", or "5 ('Lombok Barat')" in a workbook read whole."""
        row = int(row)
        if row < ROW_BASE or not self.row_sheets:
            return str(row)
        return f"{row % ROW_BASE} ('{self.row_sheets.get(row // ROW_BASE, '?')}')"

    def label_rows(self) -> None:
        """Rows of a workbook read whole named with their sheet in every issue and in the join."""
        if not self.row_sheets:
            return
        big = re.compile(rf"\b\d{{{len(str(ROW_BASE))},}}\b")
        labelled = []
        for issue in self.issues:
            params = dict(issue.params)
            for key in ("rows", "first"):
                if key in params:
                    params[key] = big.sub(lambda m: self.row_label(int(m[0])), str(params[key]))
            if issue.row is not None and issue.row >= ROW_BASE:
                params["row_label"] = self.row_label(issue.row)
            labelled.append(Issue(issue.code, issue.severity, issue.row, issue.column, params))
        self.issues = labelled
        if self.joins is not None and len(self.joins):
            rows = self.joins["row"].astype("int64")
            self.joins = self.joins.assign(sheet=(rows // ROW_BASE).map(self.row_sheets), row=rows % ROW_BASE)

    def columns_not_used(self) -> list[str]:
        """The file's columns no field reads and no stage consumed (named in the summary)."""
        return [c for c in self.ignored if not str(c).startswith("_sheet_")]

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def accepted(self) -> bool:
        """True when the plan can be written (no error and at least one matched row)."""
        return not self.errors and self.frame is not None and len(self.frame) > 0

    @property
    def rejected_rows(self) -> int:
        return self.ambiguous + self.unmatched + self.invalid

    def scope(self) -> dict:
        """Provinces and years the file covers (its rows' and its coverage's), and the coverage
        itself: what ``replace`` replaces."""
        if self.frame is None or self.frame.empty:
            return {"provinces": [], "years": [], "coverage": {}}
        provinces = set(self.frame["village"].astype(str).str[:2].unique())
        years = sorted(int(y) for y in self.frame["year"].unique()) if "year" in self.frame else []
        coverage = self.coverage or Coverage()
        provinces |= {a[:2] for a in coverage.areas(None)}
        return {"provinces": sorted(provinces), "years": years, "coverage": coverage.to_json()}

    def cover(self, level: Level | int | None = None, areas: list[str] | None = None) -> Coverage:
        """State what the file speaks for, as the steward adjusts it: the areas of ``level`` with a
        row (``Level.PROVINCE`` widens to the whole province, ``Level.DISTRICT`` or
        ``Level.VILLAGE`` narrows), or exactly ``areas`` (dotted codes of any level), in each
        year the file holds (every year for a register). Raises ``ValueError`` naming the rows'
        areas a coverage would leave out: a file's rows are always inside what it speaks for."""
        if self.frame is None or self.frame.empty:
            raise ValueError(f"{self.file} holds no stored row: nothing to cover")
        if areas is None:
            coverage = derive(self.frame, level or layer_level(self.layer))
        else:
            codes = [str(a).strip() for a in areas if str(a).strip()]
            years = sorted(int(y) for y in self.frame["year"].unique()) if "year" in self.frame else []
            coverage = Coverage.of({y: codes for y in years} if years else {EVERY_YEAR: codes})
        outside = self.frame.loc[~coverage.rows_inside(self.frame), "village"].astype(str)
        if len(outside):
            raise CoverageError(len(outside), sorted(set(outside.str[:5])))
        self.coverage = coverage
        return coverage

    def summary(self) -> dict:
        """Counts for the log, the CLI and the page (no cell values)."""
        total = LAYERS[self.layer].count
        return {
            "layer": self.layer,
            "file": self.file,
            "sha256": self.sha256,
            "sheet": self.sheet,
            "rows_read": self.rows_read,
            "rows_matched": self.matched,
            "rows_ambiguous": self.ambiguous,
            "rows_unmatched": self.unmatched,
            "rows_subtotal": self.subtotals,
            "rows_invalid": self.invalid,
            "rows_rejected": self.rejected_rows,
            "row_level": self.row_level,
            "stored_rows": 0 if self.frame is None else len(self.frame),
            "total": 0 if self.frame is None or self.frame.empty else int(self.frame[total].fillna(0).sum()),
            "dropped_columns": [d.column for d in self.dropped],
            "sheets_read": [n.sheet for n in self.sheet_notes if n.read],
            "sheets_not_read": [
                {"sheet": n.sheet, "reason": n.reason} for n in self.sheet_notes if not n.read
            ],
            "columns_not_used": self.columns_not_used(),
            "errors": len(self.errors),
            "accepted": self.accepted,
            **self.scope(),
        }


def coverage_lines(
    coverage: Coverage | None, lang: str = i18n.DEFAULT_LANGUAGE, limit: int = 12
) -> list[str]:
    """What a coverage speaks for, one line per group of years covering the same areas:
    ``2023, 2024: Kabupaten Lombok Tengah (52.02), …`` (areas by their official names)."""
    from geo.gazetteer import name_of

    if coverage is None or coverage.empty:
        return []
    groups: dict[frozenset[str], list] = {}
    for year, areas in coverage.cells:
        groups.setdefault(areas, []).append(year)
    out = []
    for areas, years in groups.items():
        named = [f"{name_of(a) or a} ({a})" for a in sorted(areas)]
        if len(named) > limit:
            named = [*named[:limit], i18n.t("coverage.describe.more", lang, n=len(named) - limit)]
        when = (
            i18n.t("coverage.describe.every_year", lang)
            if years == [None]
            else ", ".join(str(y) for y in years if y is not None)
        )
        out.append(i18n.t("coverage.describe.line", lang, years=when, areas=", ".join(named)))
    return out


def match_frame(plan: ImportPlan, methods: list[str] | None = None) -> pd.DataFrame:
    """The join the import found, one line per file row (:data:`MATCH_COLUMNS`), optionally only
    the matched rows of ``methods`` (e.g. ``["fuzzy"]`` to check every fuzzy fix)."""
    if plan.joins is None:
        return pd.DataFrame({c: [] for c in MATCH_COLUMNS})
    out = plan.joins
    if methods is not None:
        out = out[out["method"].isin(methods)]
    return out.reset_index(drop=True)


def report_frame(
    plan: ImportPlan, lang: str = i18n.DEFAULT_LANGUAGE, *, matches: bool = False
) -> pd.DataFrame:
    """The import report: one line per problem, naming file, row, column and the fix."""
    lines = [
        {
            "file": plan.file,
            "row": issue.row,
            "column": redact(issue.column) or "",
            "severity": issue.severity,
            "problem": issue.code,
            "message": issue.message(lang),
            "candidates": issue.params.get("candidates", "") if issue.params.get("candidates") != "-" else "",
        }
        for issue in plan.issues
    ]
    for dropped in plan.dropped:
        lines.insert(
            0,
            {
                "file": plan.file,
                "row": None,
                "column": redact(dropped.column),
                "severity": "dropped",
                "problem": f"personal_{dropped.kind}",
                "message": i18n.t(
                    "data.issue.personal_dropped",
                    lang,
                    column=dropped.column,
                    kind=i18n.t(f"data.pii.{dropped.kind}", lang),
                    by=i18n.t(f"data.pii.by_{dropped.by}", lang),
                ),
                "candidates": "",
            },
        )
    lines[:0] = [_summary_line(plan, line, lang) for line in _summary_lines(plan)]
    out = pd.DataFrame(lines, columns=REPORT_COLUMNS)
    out["row"] = out["row"].astype("Int64") % ROW_BASE
    if matches:  # the join table below the problems: one "match" line per file row
        joins = match_frame(plan)
        if len(joins):
            extra = pd.DataFrame(
                {
                    "file": plan.file,
                    "row": joins["row"].astype("Int64"),
                    "column": "",
                    "severity": "match",
                    "problem": joins["status"],
                    "message": "",
                    "candidates": "",
                    "method": joins["method"],
                    "score": joins["score"],
                    "village": joins["village"],
                    "village_name": joins["village_name"],
                    "district": joins["district"],
                    "regency": joins["regency"],
                }
            )
            out = pd.concat([out, extra], ignore_index=True)
    return out


def mapping_frame(plan: ImportPlan) -> pd.DataFrame:
    """Field → file column of a plan, in the order of the file."""
    order = {c: i for i, c in enumerate(plan.mapping.values())}
    rows = sorted(plan.mapping.items(), key=lambda kv: order[kv[1]])
    return pd.DataFrame(rows, columns=["field", "column"])


def _summary_lines(plan: ImportPlan) -> list[tuple[str, str, dict]]:
    """(kind, code, params) of every sheet read and not read, and every column not used."""
    out = []
    for note in plan.sheet_notes:
        if note.read:
            out.append(
                ("sheet", "sheet_read", {"sheet": note.sheet, "rows": note.rows, "context": note.context})
            )
        else:
            out.append(("sheet", f"sheet_not_read_{note.reason}", {"sheet": note.sheet}))
    for column in plan.columns_not_used():
        out.append(("column", "column_not_used", {"column": column}))
    return out


def _summary_line(plan: ImportPlan, line: tuple[str, str, dict], lang: str) -> dict:
    kind, code, params = line
    if "context" in params:  # what the sheet's name or title said, in the reader's language
        said = [i18n.t(f"data.sheet_context.{k}", lang, value=v) for k, v in params["context"]]
        params = {**params, "context": "; ".join(said)}
    issue = Issue(code, kind, column=params.get("column"), params=params)
    return {
        "file": plan.file,
        "row": None,
        "column": redact(params.get("column")) or "",
        "severity": kind,
        "problem": code,
        "message": issue.message(lang),
        "candidates": "",
    }


def summary_messages(plan: ImportPlan, lang: str = i18n.DEFAULT_LANGUAGE) -> list[str]:
    """The sheets read and not read and the columns not used, one sentence each (CLI, page)."""
    return [_summary_line(plan, line, lang)["message"] for line in _summary_lines(plan)]
