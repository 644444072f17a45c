"""The stages of an import, one function each: ``stage(previous output, plan) -> output``.

Each stage reads what the stage before it returned (a small dataclass below), records in the
:class:`~loaders.layers.plan.ImportPlan` what it read, left out and found (issues, dropped
columns, sheets, counts), and returns its own output, or ``None`` when it refused the file (its
error is then in the plan). :data:`loaders.layers.pipeline.STAGES` lists them in order.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from geo.codes import normalise_codes
from geo.layers import layer_spec
from geo.matching import areas_named, match_points, match_rows
from loaders.columns import LOCATION_FIELDS, NAMED_THINGS, header_score, map_columns, normalise_header
from loaders.layers.aggregate import aggregate
from loaders.layers.cells import _coordinate_pair, _text
from loaders.layers.parsers import parse_rows
from loaders.layers.plan import ROW_BASE, ImportPlan, SheetNote
from loaders.layers.reference import reference_for, village_polygons
from loaders.layers.reshape import RESHAPERS, split_programme_cells, without_year_count_columns
from loaders.pii import (
    PersonalColumn,
    looks_personal,
    office_name_column,
    person_name_column,
    personal_header,
    personal_kind,
    scrub,
)
from loaders.store import Store
from loaders.tabular import (
    Grid,
    SkippedRow,
    Table,
    TableError,
    find_header,
    parse_coordinate,
    read_grids,
    table_body,
)
from loaders.validation import Issue, duplicate_rows, validate_rows

__all__ = [
    "Upload",
    "Grids",
    "Sheets",
    "Mapped",
    "Parsed",
    "Placed",
    "Checked",
    "read_grid",
    "find_headers",
    "drop_personal",
    "map_fields",
    "reshape_wide",
    "parse_values",
    "place_rows",
    "find_subtotals",
    "validate",
    "plan_rows",
    "state_coverage",
]

#: Hidden columns a stage adds: what a sheet's name or title says (never shown as file columns).
CONTEXT_COLUMNS = {
    "year": "_sheet_year",
    "regency_name": "_sheet_regency",
    "province_name": "_sheet_province",
}
_LOCATED = ("village_code", "village_name", "latitude", "longitude", "coordinates")


# --------------------------------------------------------------------------- stage types
@dataclass(frozen=True)
class Upload:
    """What the user gave: the layer, the file's bytes and name, the store, the options."""

    layer: str
    data: bytes
    file: str
    store: Store
    sheet: str | int | None = None
    skip_invalid: bool = False


@dataclass
class Grids:
    """The cells of every sheet read (one grid for a CSV or HTML file)."""

    upload: Upload
    grids: list[Grid]


@dataclass
class Sheets:
    """The rows under the header of every sheet read, as one table (context columns added)."""

    upload: Upload
    table: Table


@dataclass
class Mapped:
    """The table's frame with each field's column (``fields``: field -> file header)."""

    upload: Upload
    table: Table
    frame: pd.DataFrame
    rows: pd.Series  # the file row of each frame row
    fields: dict[str, str]


@dataclass
class Parsed:
    """One row per item with the layer's stored columns, ``_row`` and the location fields."""

    upload: Upload
    mapped: Mapped
    rows: pd.DataFrame
    row_level: bool
    issues: list[Issue] = field(default_factory=list)  # value problems, by row


@dataclass
class Placed:
    """The parsed rows with the village each matched (``match``: see ``geo.matching``)."""

    parsed: Parsed
    rows: pd.DataFrame
    match: pd.DataFrame
    issues: list[Issue] = field(default_factory=list)  # match problems, by row


@dataclass
class Checked:
    """The matched rows that may be stored."""

    upload: Upload
    rows: pd.DataFrame


# --------------------------------------------------------------------------- 1. read the grid
def read_grid(upload: Upload, plan: ImportPlan) -> Grids | None:
    """Every sheet's cells (a workbook's, or a CSV's or HTML table's one grid)."""
    try:
        grids = read_grids(upload.data, upload.file, upload.sheet, header_score)
    except TableError as err:
        plan.issues.append(Issue(f"file_{err.code}", params={"file": upload.file, **err.params}))
        return None
    plan.sheets = list(grids[0].sheets)
    return Grids(upload, grids)


# --------------------------------------------------------------------------- 2. find the header
def _shape(table: Table, layer: str) -> tuple[frozenset, frozenset]:
    """What makes two sheets one table: their fields and their other column names."""
    columns = [c for c in table.frame.columns if not str(c).startswith("kolom_")]
    fields = map_columns(columns, layer).fields
    return frozenset(fields), frozenset(normalise_header(c) for c in columns if c not in fields.values())


def _located(table: Table, layer: str) -> bool:
    fields = map_columns(list(table.frame.columns), layer).fields
    return bool(set(_LOCATED) & set(fields)) and len(table.frame) > 0


def _village_rows(table: Table, layer: str) -> bool:
    """True when a sheet's village column holds villages (codes or names of the gazetteer),
    not the words of another table (a data dictionary lists column names under "Kode Desa")."""
    from geo.gazetteer import normalise_name
    from geo.matching import village_keys

    fields = map_columns(list(table.frame.columns), layer).fields
    if "village_code" in fields:
        values = table.frame[fields["village_code"]].dropna().head(200)
        codes = normalise_codes(values)["code"].dropna()
        if len(values) and codes.map(lambda c: str(c).count(".") == 3).sum() >= 0.5 * len(values):
            return True
    if "village_name" in fields:
        values = pd.unique(table.frame[fields["village_name"]].dropna().astype(str))[:200]
        known = village_keys()
        if len(values) and sum(normalise_name(v) in known for v in values) >= 0.3 * len(values):
            return True
    return bool({"latitude", "longitude", "coordinates"} & set(fields))


def sheet_context(sheet: str | None, title: list[str]) -> dict[str, str]:
    """What a sheet's name and its title rows say of the rows below: a year, a regency or a
    province (official names where the name is unique), for rows that do not say it themselves."""
    from loaders.layers.cells import _YEAR_IN_TEXT
    from loaders.validation import YEAR_MIN, max_year

    out: dict[str, str] = {}
    for texts in ([sheet or ""], title):
        years = {int(y) for t in texts for y in _YEAR_IN_TEXT.findall(str(t))}
        years = {y for y in years if YEAR_MIN <= y <= max_year()}
        if "year" not in out and len(years) == 1:
            out["year"] = str(years.pop())
        for text in texts:
            for level, name in areas_named(str(text), whole=texts is not title).items():
                out.setdefault(f"{level}_name", name)
    return out


def find_headers(grids: Grids, plan: ImportPlan) -> Sheets | None:
    """The header of every sheet; the rows of the sheets that hold the same table, together.

    A workbook is read whole when its other sheets hold rows of the same shape (each sheet's
    year, regency or province from its name or title where its rows lack them); sheets that
    are empty, hidden or hold no village rows are named and left out; sheets of village rows
    of another shape refuse the file, naming the sheets and how to choose one.
    """
    upload, layer = grids.upload, grids.upload.layer
    tables: list[tuple[Grid, Table | None, str]] = []
    for grid in grids.grids:
        if grid.hidden and not grid.chosen:
            tables.append((grid, None, "hidden"))
            continue
        try:
            tables.append((grid, _table_of(grid, upload.file), ""))
        except TableError as err:
            if grid.chosen or len(grids.grids) == 1:
                plan.issues.append(Issue(f"file_{err.code}", params={"file": upload.file, **err.params}))
                return None
            tables.append((grid, None, "empty"))
    located = [(g, t) for g, t, _ in tables if t is not None and _located(t, layer)]
    if not located:  # no sheet of village rows: the chosen one, which the next stages refuse
        chosen = next((t for g, t, _ in tables if g.chosen and t is not None), None)
        if chosen is None:
            plan.issues.append(Issue("file_empty_file", params={"file": upload.file}))
            return None
        read = [(next(g for g, t, _ in tables if t is chosen), chosen)]
    else:
        first = next(((g, t) for g, t in located if g.chosen), located[0])
        shape = _shape(first[1], layer)
        read = [(g, t) for g, t in located if _shape(t, layer)[0] == shape[0]]
        other = [g.sheet for g, t in located if (g, t) not in read and _village_rows(t, layer)]
        if other:
            names = [str(g.sheet) for g, _ in read] + other
            plan.issues.append(
                Issue(
                    "sheets_differ",
                    params={"file": upload.file, "sheets": ", ".join(names), "first": names[0]},
                )
            )
            return None
    read_ids = {id(t) for _, t in read}
    for grid, table, reason in tables:
        if table is not None and id(table) in read_ids:
            continue
        if not reason:
            reason = (
                "empty"
                if not len(table.frame)
                else "other_table"
                if _located(table, layer)
                else "no_village_column"
            )
        plan.sheet_notes.append(SheetNote(str(grid.sheet), False, 0, reason))
    for name in plan.sheets:  # sheets left out because another one was named
        if name not in {str(g.sheet) for g in grids.grids}:
            plan.sheet_notes.append(SheetNote(str(name), False, 0, "not_chosen"))
    table = _together(read, layer, plan)
    plan.sheet, plan.header_row = table.sheet, table.header_row
    plan.encoding, plan.delimiter = table.encoding, table.delimiter
    plan.rows_read = len(table.frame)
    for skipped in table.skipped:
        plan.issues.append(
            Issue(
                f"skipped_{skipped.reason}",
                "subtotal" if skipped.reason == "totals" else "info",
                row=skipped.row,
                params={"text": skipped.text},
            )
        )
    return Sheets(upload, table)


def _table_of(grid: Grid, file: str) -> Table:
    if not any(str(v).strip() for row in grid.cells for v in row if v is not None):
        raise TableError("empty_file", file)
    header = find_header(grid.cells, header_score, grid.merged, grid.kind in ("xlsx", "xls", "ods"))
    return table_body(grid, header, file)


def _together(read: list[tuple[Grid, Table]], layer: str, plan: ImportPlan) -> Table:
    """The tables of the sheets read as one, with each sheet's context in hidden columns; a
    later sheet's columns named as the first sheet's (by field, else by the same header)."""
    tables = []
    names = map_columns(list(read[0][1].frame.columns), layer).fields
    same = {normalise_header(c): c for c in read[0][1].frame.columns}
    for i, (grid, table) in enumerate(read):
        if i:
            fields = map_columns(list(table.frame.columns), layer).fields
            rename = {h: names[f] for f, h in fields.items() if f in names}
            rename.update(
                {
                    c: same[normalise_header(c)]
                    for c in table.frame.columns
                    if c not in rename and normalise_header(c) in same
                }
            )
            table.frame = table.frame.rename(columns=rename)
        context = sheet_context(grid.sheet if grid.kind != "csv" else None, table.title)
        frame = table.frame.copy() if context else table.frame
        for name, value in context.items():
            frame[CONTEXT_COLUMNS[name]] = value
        said = tuple((k.split("_")[0], v) for k, v in context.items())
        if grid.sheet is not None:
            plan.sheet_notes.append(SheetNote(str(grid.sheet), True, len(frame), "", said))
        tables.append((table, frame))
    first = tables[0][0]
    if len(tables) == 1:
        first.frame = tables[0][1]
        return first
    # every row its own number: sheet k's row r is k * ROW_BASE + r (named "r ('sheet')")
    plan.row_sheets = {k + 1: str(g.sheet) for k, (g, _) in enumerate(read)}
    for k, (t, _) in enumerate(tables):
        t.rows = t.rows + (k + 1) * ROW_BASE
        t.skipped = [SkippedRow(s.row + (k + 1) * ROW_BASE, s.reason, s.text) for s in t.skipped]
    frames = [f for _, f in tables]
    columns = list(dict.fromkeys(c for f in frames for c in f.columns))
    return Table(
        frame=pd.concat([f.reindex(columns=columns) for f in frames], ignore_index=True),
        # a row of a later sheet keeps its number in its own sheet
        rows=pd.concat([t.rows for t, _ in tables], ignore_index=True),
        file=first.file,
        header_row=first.header_row,
        kind=first.kind,
        sheet=", ".join(str(g.sheet) for g, _ in read),
        sheets=first.sheets,
        skipped=[s for t, _ in tables for s in t.skipped],
        title=first.title,
    )


# --------------------------------------------------------------------------- 3. drop personal data
def drop_personal(sheets: Sheets, plan: ImportPlan) -> Sheets:
    """Personal columns out (by header or content), stray personal values blanked, before any
    other stage looks at the values; a header that is itself a personal value is named by its
    position (``kolom_3``)."""
    table = sheets.table
    allow = _office_names(table.frame, sheets.upload.layer)
    relabel = {
        c: f"kolom_{i + 1}"
        for i, c in enumerate(table.frame.columns)
        if not str(c).startswith("_sheet_")
        and c not in allow
        and (
            personal_kind(c) is not None
            or (not header_score(str(c)) and personal_header(c) is None and looks_personal(str(c)))
        )
    }
    if relabel:
        table.frame = table.frame.rename(columns=relabel)
        table.distinct = {relabel.get(c, c): v for c, v in table.distinct.items()}
    clean = scrub(table.frame, distinct=table.distinct, allow=allow)
    plan.dropped = clean.dropped
    for column in allow:
        plan.issues.append(Issue("office_names_kept", "info", column=str(column)))
    for column, positions in clean.blanked.items():
        rows = ", ".join(str(int(table.rows.iat[p])) for p in positions[:10])
        plan.issues.append(
            Issue(
                "personal_values_blanked",
                "warning",
                column=column,
                params={"rows": rows, "n": len(positions)},
            )
        )
    table.frame = clean.frame
    return sheets


def _office_names(frame: pd.DataFrame, layer: str) -> list[str]:
    """Columns under a bare *Nama* header that hold office names in a layer of offices
    (:data:`loaders.columns.NAMED_THINGS`): kept, where any other layer drops them."""
    named = NAMED_THINGS.get(layer, ())
    return [c for c in frame.columns if normalise_header(c) in named and office_name_column(frame[c])]


# --------------------------------------------------------------------------- 4. map columns
def _detect_code_column(frame: pd.DataFrame, candidates: list[str], ref_codes: set) -> str | None:
    """An unnamed column whose values are mostly known village codes."""
    for column in candidates:
        values = frame[column].dropna()
        if len(values) == 0:
            continue
        codes = normalise_codes(values.head(200))["code"]
        # looked up in the set itself: isin() would hash all 83k known codes again for each column
        if np.mean([code in ref_codes for code in codes]) >= 0.6:
            return column
    return None


def _codes_by_content(frame: pd.DataFrame, fields: dict[str, str], file: str) -> Issue | None:
    """A village-code column whose values are mostly BPS-shaped (not valid Kemendagri village
    codes), or mostly district/regency codes, refuses the whole file: none of its rows is safe."""
    column = fields.get("village_code")
    if (
        column is None
        or column not in frame
        or {"district_code", "regency_code", "province_code"} & set(fields)
    ):
        return None
    codes, uniques = pd.factorize(frame[column], use_na_sentinel=True)
    if not len(uniques):
        return None
    parsed = normalise_codes(pd.Series(uniques, dtype=object))
    problem = parsed["problem"].fillna("").astype(str).to_numpy()
    parts = parsed["code"].map(lambda c: c.count(".") + 1 if isinstance(c, str) else 0).to_numpy()
    filled = codes >= 0
    n = int(filled.sum())
    if not n:
        return None
    bps = float((problem[codes[filled]] == "looks_like_bps").sum()) / n
    areas = float(((parts[codes[filled]] >= 2) & (parts[codes[filled]] <= 3)).sum()) / n
    if bps >= 0.5:
        return Issue("bps_by_content", column=str(column), params={"file": file, "share": f"{bps * 100:.0f}"})
    if areas >= 0.5 and "village_name" not in fields:
        return Issue(
            "area_codes_by_content", column=str(column), params={"file": file, "share": f"{areas * 100:.0f}"}
        )
    return None


#: Fields whose values are names of a kind (never numbers): a column of numbers is not one.
NAME_FIELDS = (
    "destination",
    "sector",
    "scheme",
    "gender",
    "programme",
    "enterprise_type",
    "channel",
    "outcome",
)


def _numbers_share(values: pd.Series) -> float:
    """The share of a column's filled cells that are numbers (looked at once per distinct value)."""
    from loaders.layers.cells import _is_number, _text

    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    if not len(uniques):
        return 0.0
    counts = np.bincount(codes[codes >= 0], minlength=len(uniques))
    filled = np.array([_text(u) not in (None, "-", "–") for u in uniques], dtype=bool)
    numbers = np.array([_is_number(u) for u in uniques], dtype=bool)
    total = counts[filled].sum()
    return float(counts[filled & numbers].sum() / total) if total else 0.0


def map_fields(sheets: Sheets, plan: ImportPlan) -> Mapped | None:
    """Which column feeds which field of the layer: by header, then by content (village codes
    without a header, person names under a place header, numbers under a name header)."""
    upload, table = sheets.upload, sheets.table
    layer, file, frame = upload.layer, upload.file, table.frame
    columns = [c for c in frame.columns if not str(c).startswith("_sheet_")]
    mapping = map_columns(columns, layer)
    fields = dict(mapping.fields)
    # person names under a code, place or unknown header ("Kode" over a column of names)
    asked = [c for f, c in fields.items() if f in LOCATION_FIELDS and f not in ("latitude", "longitude")]
    names = [c for c in asked + list(mapping.ignored) if person_name_column(frame[c])]
    if names:
        plan.dropped += [PersonalColumn(str(c), "name", "content") for c in names]
        frame = frame.drop(columns=names)
        columns = [c for c in columns if c not in names]
        mapping = map_columns(columns, layer)
        fields = dict(mapping.fields)
    # a category is a column of names: a column of numbers under a category header is no such
    # column (a "Negara Lainnya" count column beside "Malaysia | Taiwan" is no destination)
    for name in [f for f in NAME_FIELDS if f in fields]:
        if _numbers_share(frame[fields[name]]) >= 0.8:
            plan.issues.append(
                Issue("column_numbers_not_names", "info", column=fields[name], params={"field": name})
            )
            fields.pop(name)
    reference = reference_for(upload.store)
    if "village_code" not in fields:
        unused = [c for c in columns if c not in fields.values()]
        found = _detect_code_column(frame, unused, set(reference["code"]))
        if found:
            fields["village_code"] = found
            plan.issues.append(Issue("code_column_by_content", "info", column=found))
    # a "village" column of 4-digit village numbers beside split parent codes is the code's
    # last part, never a name ("Kode Kec 1 | Desa 2001")
    if (
        "village_name" in fields
        and "village_code" not in fields
        and {"district_code", "regency_code"} & set(fields)
    ):
        numbers = frame[fields["village_name"]].dropna().astype(str).str.strip()
        numbers = numbers[numbers != ""]
        if len(numbers) and numbers.str.fullmatch(r"\d{1,4}(?:\.0)?").mean() >= 0.8:
            fields["village_code"] = fields.pop("village_name")
            plan.issues.append(Issue("village_numbers_as_code", "info", column=fields["village_code"]))
    plan.mapping = fields
    plan.ignored = [c for c in columns if c not in fields.values()]
    if plan.rows_read == 0:
        plan.issues.append(Issue("no_rows", params={"file": file}))
        return None
    has_location = bool({"village_code", "village_name"} & set(fields)) or (
        {"latitude", "longitude"} <= set(fields) or "coordinates" in fields
    )
    if not has_location:
        areas = [f for f in ("district_name", "district_code", "regency_name", "regency_code") if f in fields]
        if "bps_code" in fields:
            code, column = "only_bps_column", fields["bps_code"]
        elif areas:  # a recap per regency or district: nothing to put on a village
            code, column = "only_area_columns", fields[areas[0]]
        else:
            code, column = "no_village_column", None
        plan.issues.append(
            Issue(code, column=column, params={"file": file, "columns": ", ".join(map(str, columns))[:300]})
        )
        return None
    # codes by content, whatever the header says: BPS codes or area codes posing as village codes
    refusal = _codes_by_content(frame, fields, file)
    if refusal is not None:
        plan.issues.append(refusal)
        return None
    _use_context(frame, fields, plan)
    return Mapped(upload, table, frame, table.rows, fields)


def _use_context(frame: pd.DataFrame, fields: dict[str, str], plan: ImportPlan) -> None:
    """A sheet's year, regency or province (from its name or title) for rows without them."""
    column = CONTEXT_COLUMNS["year"]
    if column in frame and not {"year", "date"} & set(fields) and frame[column].nunique() > 1:
        fields["year"] = column  # one year per sheet; a single year is the title's (parsers)
        plan.issues.append(Issue("year_from_sheet", "info", params={"sheets": _said(frame, column)}))
    column = CONTEXT_COLUMNS["regency_name"]
    if column in frame and not {"regency_name", "regency_code"} & set(fields) and frame[column].notna().any():
        fields["regency_name"] = column
        plan.issues.append(Issue("regency_from_sheet", "info", params={"names": _said(frame, column)}))
    column = CONTEXT_COLUMNS["province_name"]
    if (
        column in frame
        and not {"province_name", "province_code"} & set(fields)
        and frame[column].notna().any()
    ):
        fields["province_name"] = column
        plan.issues.append(Issue("province_from_sheet", "info", params={"names": _said(frame, column)}))


def _said(frame: pd.DataFrame, column: str) -> str:
    return ", ".join(map(str, pd.unique(frame[column].dropna())))[:200]


# --------------------------------------------------------------------------- 5. reshape wide tables
_TITLE_RANGE = re.compile(
    r"((?:19[5-9]|20\d)\d)\s*(?:-|–|—|s\.?\s*d\.?|sampai|to|hingga)\s*((?:19[5-9]|20\d)\d)"
)


def reshape_wide(mapped: Mapped, plan: ImportPlan) -> Mapped:
    """Wide tables into rows: one count column per year, month, destination, gender, sector or
    scheme, or one column per programme type; several programmes in one cell, one row each."""
    layer, frame, rows = mapped.upload.layer, mapped.frame, mapped.rows
    fields = without_year_count_columns(mapped.fields, frame.columns)
    for reshape in RESHAPERS:
        done = reshape(layer, frame, rows, fields)
        if done is not None:
            frame, rows, fields = done.frame, done.rows, done.fields
            plan.mapping = fields
            plan.ignored = [c for c in plan.ignored if c not in done.consumed]
            plan.issues.extend(done.issues)
    done = split_programme_cells(layer, frame, rows, fields)
    if done is not None:
        frame, rows = done.frame, done.rows
        plan.issues.extend(done.issues)
    _check_title_years(mapped.table, frame, fields, plan)
    return Mapped(mapped.upload, mapped.table, frame, rows, fields)


def _check_title_years(table: Table, frame: pd.DataFrame, fields: dict[str, str], plan: ImportPlan) -> None:
    """A title naming a year range ("2019 - 2023") is checked against the year columns melted."""
    column = fields.get("year")
    if column != "Tahun" or column not in frame or not any(i.code == "wide_years" for i in plan.issues):
        return
    for text in table.title:
        found = _TITLE_RANGE.search(str(text))
        if found:
            first, last = int(found[1]), int(found[2])
            held = sorted({int(y) for y in frame[column].dropna().unique()})
            if held != list(range(first, last + 1)):
                plan.issues.append(
                    Issue(
                        "title_years_differ",
                        "warning",
                        params={"title": f"{first}–{last}", "columns": ", ".join(map(str, held))},
                    )
                )
            return


# --------------------------------------------------------------------------- 6. parse values
def parse_values(mapped: Mapped, plan: ImportPlan) -> Parsed:
    """Every cell of a mapped column parsed (numbers, years, months, dates, categories, flags);
    a value that cannot be read is named with its row and column."""
    issues: list[Issue] = []
    rows, row_level = parse_rows(
        mapped.upload.layer, mapped.table, mapped.frame, mapped.rows, mapped.fields, issues
    )
    plan.row_level = row_level
    return Parsed(mapped.upload, mapped, rows, row_level, issues)


# --------------------------------------------------------------------------- 7. place rows in villages
def place_rows(parsed: Parsed, plan: ImportPlan) -> Placed:
    """Each row's village: by code, by names down the hierarchy, else by coordinates."""
    rows, fields = parsed.rows, parsed.mapped.fields
    store = parsed.upload.store
    reference = reference_for(store)
    match = match_rows(rows, reference)
    issues: list[Issue] = []
    if "coordinates" in rows.columns and not {"latitude", "longitude"} <= set(rows.columns):
        pairs = rows["coordinates"].map(_coordinate_pair)
        rows["latitude"] = pairs.map(lambda p: p[0])
        rows["longitude"] = pairs.map(lambda p: p[1])
        _unread_coordinates(rows, rows["coordinates"], rows["latitude"], fields.get("coordinates"), issues)
    points = parsed.upload.layer in POINT_LAYERS
    if points:
        rows["lon"], rows["lat"], rows["located"] = np.nan, np.nan, "village"
    if {"latitude", "longitude"} <= set(rows.columns):
        lat = rows["latitude"].map(parse_coordinate)
        lon = rows["longitude"].map(parse_coordinate)
        if "coordinates" not in fields:
            _unread_coordinates(rows, rows["latitude"], lat, fields.get("latitude"), issues)
            _unread_coordinates(rows, rows["longitude"], lon, fields.get("longitude"), issues)
        if points:  # the point's own coordinates win over the village it names
            _place_points(rows, match, lat, lon, store, reference, fields, issues)
        todo = (match["status"] != "matched") & lat.notna() & lon.notna()
        if todo.any():
            provinces = sorted({c[:2] for c in match["village"].dropna()}) or []
            hits = match_points(lat[todo], lon[todo], village_polygons(store, provinces))
            ok = hits.notna()
            idx = hits[ok].index
            match.loc[idx, "village"] = hits[ok]
            match.loc[idx, "status"] = "matched"
            match.loc[idx, "method"] = "point"
            match.loc[idx, "score"] = 100.0
            match.loc[idx, "reason"] = ""
            match.loc[hits[~ok].index, "reason"] = "point_outside"
    rows["village"] = match["village"]
    for idx in match.index[match["status"] != "matched"].unique():
        m = match.loc[[idx]].iloc[0]
        r = rows.loc[[idx]].iloc[0]
        where = _where(r)
        issues.append(
            Issue(
                f"match_{m['reason'] or 'no_location'}",
                m["status"],
                row=int(r["_row"]),
                column=fields.get("village_name") or fields.get("village_code") or "",
                params={"place": where or "-", "candidates": m["candidates"] or "-"},
            )
        )
    _tally(rows, match, reference, plan)
    return Placed(parsed, rows, match, issues)


def _tally(rows: pd.DataFrame, match: pd.DataFrame, reference: pd.DataFrame, plan: ImportPlan) -> None:
    """The plan's counts of file rows matched, ambiguous, unmatched and subtotal, and the join."""
    row_ids = rows["_row"]
    plan.matched = int(row_ids[match["status"] == "matched"].nunique())
    plan.ambiguous = int(row_ids[match["status"] == "ambiguous"].nunique())
    plan.unmatched = int(row_ids[match["status"] == "unmatched"].nunique())
    plan.subtotals = int(row_ids[match["status"] == "subtotal"].nunique()) + sum(
        1 for i in plan.issues if i.code == "skipped_totals"
    )
    plan.methods = {
        str(k): int(v) for k, v in match.loc[match["status"] == "matched", "method"].value_counts().items()
    }
    plan.joins = _joins(rows, match, reference)


def _where(row: pd.Series) -> str:
    """A row's location cells as the file writes them (``36.04.13.2007 / Lontar / Tirtayasa``)."""
    return " / ".join(
        str(row[c])
        for c in ("village_code", "village_name", "district_name", "regency_name", "province_name")
        if c in row and _text(row[c])
    )


#: Layers of points (offices): their coordinates win over the village named, and are kept.
POINT_LAYERS = ("service_points",)
#: Indonesia's extent (lon, lat): a point beyond it was written wrongly (a missing minus sign).
INDONESIA_BOUNDS = (94.5, -11.5, 141.5, 6.5)


def _place_points(
    rows: pd.DataFrame,
    match: pd.DataFrame,
    lat: pd.Series,
    lon: pd.Series,
    store: Store,
    reference: pd.DataFrame,
    fields: dict[str, str],
    issues: list[Issue],
) -> None:
    """Each point by its coordinates: the village it falls in (over the village the row names,
    which is reported when it differs), ``lon``/``lat`` kept and ``located`` "point". A point
    outside Indonesia, or outside every held village while it names none, is reported; then the
    village it names places it (its representative point), as for a row without coordinates."""
    lat = pd.to_numeric(lat, errors="coerce")
    lon = pd.to_numeric(lon, errors="coerce")
    swapped = lat.abs().between(90, 180) & lon.abs().le(90)  # a longitude in the latitude column
    lat, lon = lat.where(~swapped, lon), lon.where(~swapped, lat)
    has = lat.notna() & lon.notna()
    west, south, east, north = INDONESIA_BOUNDS
    inside = has & lon.between(west, east) & lat.between(south, north)
    column = fields.get("coordinates") or fields.get("latitude") or ""
    names = reference.drop_duplicates("code").set_index("code")["name"]

    def named(code: object) -> str:
        return f"{names.get(code, code)} ({code})" if isinstance(code, str) else "-"

    for idx in (has & ~inside)[lambda m: m].index.unique():
        issues.append(
            Issue(
                "point_outside_indonesia",
                "warning",
                row=int(rows.loc[[idx], "_row"].iloc[0]),
                column=column,
                params={"lat": f"{lat.loc[[idx]].iloc[0]:.5f}", "lon": f"{lon.loc[[idx]].iloc[0]:.5f}"},
            )
        )
    if not inside.any():
        return
    stated = match["village"].where(match["status"] == "matched")
    provinces = sorted({str(c)[:2] for c in stated[inside].dropna()})
    if stated[inside].isna().any():
        provinces = []  # a point naming no village may lie in any held province
    polygons = village_polygons(store, provinces)
    hits = (
        match_points(lat[inside], lon[inside], polygons)
        if polygons is not None
        else pd.Series(None, index=lat[inside].index, dtype=object)
    )
    for idx in hits.index.unique():
        hit = hits.loc[[idx]].iloc[0]
        said = stated.loc[[idx]].iloc[0]
        row = int(rows.loc[[idx], "_row"].iloc[0])
        if polygons is not None and isinstance(hit, str) and isinstance(said, str) and hit != said:
            issues.append(
                Issue(
                    "point_outside_village",
                    "warning",
                    row=row,
                    column=column,
                    params={"stated": named(said), "found": named(hit)},
                )
            )
        elif polygons is not None and hit is None and isinstance(said, str) and said[:2] in store.provinces():
            issues.append(
                Issue(
                    "point_outside_villages",
                    "warning",
                    row=row,
                    column=column,
                    params={"stated": named(said)},
                )
            )
        if isinstance(hit, str) or isinstance(said, str):
            village = hit if isinstance(hit, str) else said
            match.loc[[idx], ["village", "status"]] = [village, "matched"]
            if isinstance(hit, str):
                match.loc[[idx], ["method", "score", "reason"]] = ["point", 100.0, ""]
            rows.loc[[idx], ["lon", "lat", "located"]] = [
                float(lon.loc[[idx]].iloc[0]),
                float(lat.loc[[idx]].iloc[0]),
                "point",
            ]


def _unread_coordinates(
    rows: pd.DataFrame, raw: pd.Series, parsed: pd.Series, column, issues: list[Issue]
) -> None:
    """A coordinate cell that holds something but reads as no coordinate is named (once per row)."""
    if column is None:
        return
    bad = raw.map(_text).notna() & parsed.isna()
    for idx in bad[bad].index.unique():
        issues.append(
            Issue(
                "coordinate_unreadable",
                "warning",
                row=int(rows.loc[[idx], "_row"].iloc[0]),
                column=str(column),
                params={"value": _text(raw.loc[[idx]].iloc[0])},
            )
        )


def _joins(rows: pd.DataFrame, match: pd.DataFrame, reference: pd.DataFrame) -> pd.DataFrame:
    """Each file row once with the village it matched (official name, district, regency),
    the method (code, name, old_spelling, fuzzy with its score, point…) and its status."""
    first = ~pd.Series(rows["_row"].to_numpy()).duplicated().to_numpy()
    got = match[first].reset_index(drop=True)
    ref = reference.drop_duplicates("code").set_index("code")
    village = got["village"].astype(object)
    out = pd.DataFrame(
        {
            "row": rows["_row"].to_numpy()[first].astype("int64"),
            "status": got["status"].astype(str).to_numpy(),
            "method": got["method"].fillna("").astype(str).to_numpy(),
            "score": pd.to_numeric(got["score"], errors="coerce").round(0).to_numpy(),
            "village": village.to_numpy(),
            "village_name": ref["name"].reindex(village).to_numpy(dtype=object),
            "district": ref["district_name"].reindex(village).to_numpy(dtype=object),
            "regency": ref["regency_name"].reindex(village).to_numpy(dtype=object),
        }
    )
    out.loc[out["status"] != "matched", ["method", "score"]] = ["", float("nan")]
    return out.sort_values("row", kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------- 8. find subtotal rows
#: A cell that opens with a total word: JUMLAH, TOTAL, Sub Total, Grand Total, Jml., "Jumlah Kec. X".
_TOTAL_WORD = re.compile(r"^\s*(sub\s*-?\s*total|grand\s*total|total|jumlah|jml\.?)(\s|:|\.|$)", re.I)
#: A cell naming an area by its kind: "Kec. Praya", "Kecamatan Praya", "Kab. Lombok Tengah".
_AREA_WORD = re.compile(r"^\s*(kec|kecamatan|kab|kabupaten|kota|prov|provinsi|distrik)\b", re.I)
_PLACE_CELLS = ("village_code", "village_name", "district_name", "regency_name", "province_name")


def find_subtotals(placed: Placed, plan: ImportPlan) -> Placed:
    """Subtotal and total rows, recognised and reported as such (severity ``subtotal``), never as
    unmatched villages and never counted.

    A file row that matched no village is a subtotal when a place cell opens with a total word
    (``JUMLAH``, ``TOTAL``, ``Sub Total``, ``Jumlah Kec. Praya``), or when it names no village but
    a district or regency (``Kec. Praya`` or ``Praya`` in the district column, the village cell
    empty; or a district's code in the village-code column). Any row is one when its count
    equals the sum of the rows above it in its group (the rows of its district since that
    district's last subtotal, or every village row since the last total) and its village cell
    is empty or names the area those rows lie in (``Praya``, ``LOMBOK TENGAH``). So a real
    village is never taken for a total (Kelurahan Praya's row is one only where it adds up the
    villages of Kec. Praya above it), nor a village name that another regency uses for a district.
    """
    parsed = placed.parsed
    rows, match = placed.rows, placed.match
    if rows.empty or (parsed.row_level and plan.unmatched + plan.ambiguous == 0):
        return placed  # one row per person, every one in its village (place_rows counted): no total
    first = ~rows["_row"].duplicated().to_numpy()
    lines = rows[first].reset_index(drop=True)  # one line per file row, in file order
    status = match["status"].to_numpy(dtype=object)[first]
    reason = match["reason"].to_numpy(dtype=object)[first]
    open_rows = status != "matched"
    if parsed.row_level:  # one row per person: no counts to add up, only rows that matched nothing
        if not open_rows.any():
            return placed
        lines, status, reason = lines[open_rows].reset_index(drop=True), status[open_rows], reason[open_rows]
        open_rows = open_rows[open_rows]
    texts = {c: _distinct_texts(lines[c]) if c in lines else None for c in _PLACE_CELLS}
    blank = np.ones(len(lines), dtype=bool)
    filled = {c: (v.notna().to_numpy() if v is not None else ~blank) for c, v in texts.items()}
    word = np.zeros(len(lines), dtype=bool)
    for values in texts.values():
        if values is not None:
            word |= _opens_with_total(values)
    area = (reason == "area_total_row") | (
        (not parsed.row_level)
        & ~filled["village_name"]
        & ~filled["village_code"]
        & (filled["district_name"] | filled["regency_name"])
    )
    kind = np.where(open_rows & word, "subtotal_word", np.where(open_rows & area, "subtotal_area", ""))
    if not parsed.row_level:
        villages = np.where(status == "matched", match["village"].to_numpy(dtype=object)[first], None)
        count = _row_counts(parsed.upload.layer, rows)
        for i in _sums(texts, villages, count, kind != ""):
            kind[i] = "subtotal_sum"
    if not (kind != "").any():
        return placed
    found = dict(zip(lines["_row"].astype(int)[kind != ""], kind[kind != ""], strict=True))
    marked = rows["_row"].isin(list(found)).to_numpy()
    match = match.copy()
    match.loc[marked, ["village", "status", "method", "candidates"]] = [None, "subtotal", "", ""]
    match.loc[marked, "reason"] = rows.loc[marked, "_row"].map(found).to_numpy()
    rows = rows.copy()
    rows["village"] = match["village"]
    # a subtotal row is no data: its match problems and value problems go, its notice comes
    issues = [i for i in placed.issues if i.row not in found]
    parsed = dataclasses.replace(parsed, issues=[i for i in parsed.issues if i.row not in found])
    column = parsed.mapped.fields.get("village_name") or parsed.mapped.fields.get("village_code") or ""
    for i in np.flatnonzero(kind != ""):
        row = int(lines.at[i, "_row"])
        params = {"place": _where(lines.iloc[i]) or "-"}
        issues.append(Issue(str(kind[i]), "subtotal", row=row, column=column, params=params))
    _tally(rows, match, reference_for(parsed.upload.store), plan)
    return Placed(parsed, rows, match, issues)


def _distinct_texts(values: pd.Series) -> pd.Series:
    """Each cell as clean text (None where empty), cleaned once per distinct value."""
    codes, uniques = pd.factorize(values.astype(object), use_na_sentinel=True)
    cleaned = np.array([_text(u) for u in uniques] + [None], dtype=object)
    return pd.Series(cleaned[codes], index=values.index, dtype=object)


def _opens_with_total(values: pd.Series) -> np.ndarray:
    """True where a cell opens with a total word, looked at once per distinct value."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    hits = np.array([bool(_TOTAL_WORD.match(u)) for u in uniques] + [False], dtype=bool)
    return hits[codes]


def _row_counts(layer: str, rows: pd.DataFrame) -> np.ndarray:
    """Each file row's count (the layer's main count, added over the items of a wide row)."""
    spec = layer_spec(layer)
    column = spec.count if spec.count in rows and rows[spec.count].notna().any() else "count"
    if column not in rows:
        return np.full(rows["_row"].nunique(), np.nan)
    values = pd.to_numeric(rows[column], errors="coerce")
    per_row = values.groupby(rows["_row"].to_numpy(), sort=False).sum(min_count=1)
    return per_row.reindex(pd.unique(rows["_row"])).to_numpy(dtype=float)


def _sums(
    texts: dict[str, pd.Series | None], villages: np.ndarray, count: np.ndarray, found: np.ndarray
) -> list[int]:
    """Lines whose count equals the sum of at least two lines above them in their group and whose
    label is no village of its own: the village cell empty, or naming the district, regency or
    province the lines above lie in (``Praya``, ``LOMBOK TENGAH``). ``found`` marks the lines
    already known as subtotals (they break a group and never add to a sum)."""
    from geo.gazetteer import name_of, normalise_name

    n = len(count)
    label = texts["village_name"]
    key = pd.Series([""] * n, dtype=object) if label is None else _distinct_keys(label)
    empty = (key == "").to_numpy() & (
        texts["village_code"] is None or texts["village_code"].isna().to_numpy()
    )
    area_names = _area_names()
    # candidates: a positive count and a label that is empty or some area's name (few lines)
    candidates = np.flatnonzero(
        ~found & np.isfinite(count) & (count > 0) & (empty | key.isin(area_names).to_numpy())
    )
    if not len(candidates):
        return []
    district, regency = texts["district_name"], texts["regency_name"]
    group = (
        _distinct_keys(district).where(
            district.notna(), _distinct_keys(regency) if regency is not None else ""
        )
        if district is not None
        else _distinct_keys(regency)
        if regency is not None
        else pd.Series([""] * n, dtype=object)
    ).to_numpy(dtype=object)
    values = np.where(np.isfinite(count) & ~found, count, 0.0)
    total = np.concatenate([[0.0], np.cumsum(values)])  # total[i]: sum of lines before i
    unknown = np.concatenate([[0], np.cumsum(~np.isfinite(count) & ~found)])
    lines_before = np.concatenate([[0], np.cumsum(~found)])
    # the start of each line's group block: where the group last changed or a subtotal stood
    breaks = np.ones(n, dtype=bool)
    breaks[1:] = (group[1:] != group[:-1]) | found[:-1]
    block = np.maximum.accumulate(np.where(breaks, np.arange(n), 0))
    out: list[int] = []
    segment = 0  # every village line since the last total
    for i in candidates:
        stop = out[-1] + 1 if out else 0
        starts = []
        if i > 0 and group[i - 1] == group[i] and not found[i - 1]:
            starts.append(max(block[i - 1], stop, segment))  # the group's lines since its last subtotal
        starts.append(segment)
        for start in starts:
            inside = [j for j in out if start <= j < i]  # subtotals found on the way: no members
            if lines_before[i] - lines_before[start] - len(inside) < 2 or unknown[i] - unknown[start] > 0:
                continue
            if total[i] - total[start] - sum(values[j] for j in inside) != count[i]:
                continue
            tail = [j for j in range(max(start, i - 60), i) if not found[j] and j not in inside]
            codes = {str(v) for v in villages[tail] if isinstance(v, str)}
            names = {normalise_name(name_of(c[:k])) for c in codes for k in (8, 5, 2)}
            if empty[i] or key.iat[i] in names:
                out.append(int(i))
                if start == segment:
                    segment = i + 1
                break
    return out


def _distinct_keys(values: pd.Series) -> pd.Series:
    """Each name's comparable form (:func:`geo.gazetteer.normalise_name`), once per distinct name."""
    from geo.gazetteer import normalise_name

    codes, uniques = pd.factorize(values.astype(object), use_na_sentinel=True)
    keys = np.array([normalise_name(u) or "" for u in uniques] + [""], dtype=object)
    return pd.Series(keys[codes], index=values.index, dtype=object)


_AREA_NAMES: set[str] | None = None


def _area_names() -> set[str]:
    """The comparable names of every province, regency and district of the gazetteer."""
    global _AREA_NAMES
    if _AREA_NAMES is None:
        from geo.gazetteer import gazetteer, normalise_name

        g = gazetteer()
        _AREA_NAMES = {normalise_name(n) for n in g.loc[g["level"] < 4, "name"].dropna().unique()}
    return _AREA_NAMES


# --------------------------------------------------------------------------- 9. validate
def validate(placed: Placed, plan: ImportPlan) -> Checked | None:
    """The schema of every row (years, months, counts, programme types), repeated keys, and
    rows split by a column the layer does not read (summed into their village, with a notice)."""
    parsed = placed.parsed
    upload, layer, fields = parsed.upload, parsed.upload.layer, parsed.mapped.fields
    rows, match = placed.rows, placed.match
    sources = dict(fields)
    sources.update(
        {"count": fields.get("count", fields.get("count_l", "")), "persons": fields.get("persons", "")}
    )
    if layer == "enterprises":
        sources["count"] = fields.get("enterprises", "")
    frame = parsed.mapped.frame
    originals = pd.DataFrame({k: frame[v] for k, v in fields.items() if v in frame}, index=frame.index)
    if layer == "reports" and "reports" in originals:
        originals["count"] = originals["reports"]
    issues = list(parsed.issues)
    data = rows[(match["status"] != "subtotal").to_numpy()]  # a subtotal row is no data to check
    issues += validate_rows(layer, data, data["_row"], sources, originals.reindex(data.index.unique()))
    issues += placed.issues
    matched_rows = rows[match["status"] == "matched"]
    spec = layer_spec(layer)
    if not parsed.row_level or layer == "programmes":
        dup_keys = [k for k in spec.keys if k in matched_rows]
        split_by = _split_by(frame, matched_rows, dup_keys, plan.ignored)
        if split_by:  # rows told apart by a column this layer does not read: summed
            issues.append(Issue("rows_split_by_column", "warning", column=", ".join(split_by), params={}))
        else:
            # two groups of one programme type in a village are counted, not refused
            severity = "warning" if layer == "programmes" else "error"
            issues += duplicate_rows(
                matched_rows, dup_keys, matched_rows["_row"], severity=severity, names=_key_headers(fields)
            )
    errors = [i for i in issues if i.severity == "error"]
    if errors and upload.skip_invalid and all(i.row is not None for i in errors):
        bad_rows = {i.row for i in errors}  # file-level errors cannot be skipped
        issues = [
            Issue(i.code, "skipped", i.row, i.column, i.params) if i.severity == "error" else i
            for i in issues
        ]
        matched_rows = matched_rows[~matched_rows["_row"].isin(bad_rows)]
        plan.invalid = len(bad_rows)
        plan.matched = int(matched_rows["_row"].nunique())
    plan.issues.extend(issues)
    plan.issues.sort(key=lambda i: (i.row is not None, i.row or 0))
    if plan.errors:
        return None
    if matched_rows.empty:
        plan.issues.append(Issue("nothing_matched", params={"file": upload.file}))
        return None
    return Checked(upload, matched_rows)


def _key_headers(fields: dict[str, str]) -> dict[str, str]:
    """The file's own column(s) behind each stored key, as a message names them (``Kode Desa``,
    never ``village``); keys no column of the file gives (a year from the title) are left out."""
    sources = {
        "village": ("village_code", "village_name", "coordinates", "latitude"),
        "year": ("year", "date"),
        "month": ("month", "date"),
        "gender": ("gender", "count_l", "count_p"),
        "enterprise_type": ("enterprise_type",),
    }
    out = {}
    for key in ("village", "year", "month", "gender", "destination", "sector", "scheme", "agency",
                "programme", "enterprise_type", "start_year", "kur_credit", "cooperative", "channel",
                "outcome"):  # fmt: skip
        headers = [fields[f] for f in sources.get(key, (key,)) if f in fields]
        headers = [h for h in headers if not str(h).startswith("_sheet_")]
        if key == "gender" and "gender" in fields:
            headers = headers[:1]
        if key in ("village", "year", "month") and headers:
            headers = headers[:1]
        if headers:
            out[key] = ", ".join(map(str, headers))
    return out


def _split_by(frame: pd.DataFrame, rows: pd.DataFrame, keys: list[str], ignored: list[str]) -> list[str]:
    """The unread columns that tell apart rows repeating the same village and breakdown."""
    present = [k for k in keys if k in rows]
    if not present or not len(rows):
        return []
    dup = rows.duplicated(present, keep=False)
    if not dup.any():
        return []
    columns = [c for c in ignored if c in frame and normalise_header(c) not in ("no", "nomor", "no urut")]
    if not columns:
        return []
    held = rows.loc[dup, present].copy()
    found = []
    for column in columns:
        values = frame[column].reindex(held.index).map(_text)
        per_key = pd.concat([held.reset_index(drop=True), values.rename("_v").reset_index(drop=True)], axis=1)
        if per_key.groupby(present, dropna=False)["_v"].nunique(dropna=False).gt(1).all():
            found.append(str(column))
    return found


# --------------------------------------------------------------------------- 10. plan
def plan_rows(checked: Checked, plan: ImportPlan) -> ImportPlan:
    """One stored row per village and breakdown: what :func:`~loaders.layers.pipeline.commit`
    writes."""
    plan.frame = aggregate(checked.upload.layer, checked.rows)
    return plan


# --------------------------------------------------------------------------- 10. state coverage
def state_coverage(plan_in: ImportPlan, plan: ImportPlan) -> ImportPlan:
    """What the file speaks for, by the layer's rule (:func:`geo.data_coverage.derive`): the areas
    of ``LayerSpec.covers`` (regencies; provinces for programmes) with a row, in each year with a
    row. The preview states it and the steward may widen or narrow it (:meth:`ImportPlan.cover`)."""
    plan.cover()
    return plan
