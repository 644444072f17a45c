"""Read the tables officials really have: CSV in any common encoding and delimiter, XLSX sheets.

Finds the header row below title rows, joins two-row (merged) headers, drops empty rows and
reports totals/notes rows, and parses Indonesian numbers (``1.210``, ``1.210,5``) and dates
(``29 Desember 2023``, ``29/12/2023``). Values stay raw (text or Excel numbers) in the frame;
parsing to numbers and dates is done per column by :func:`parse_number` and :func:`parse_date`.
"""

from __future__ import annotations

import csv
import hashlib
import io
import itertools
import math
import re
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = [
    "TableError",
    "Table",
    "SkippedRow",
    "read_table",
    "read_grid",
    "read_grids",
    "table_body",
    "workbook_grids",
    "find_header",
    "Grid",
    "Header",
    "sheet_names",
    "guess_sheet",
    "check_upload",
    "decode_text",
    "parse_number",
    "parse_date",
    "parse_coordinate",
    "MONTHS",
]

#: Rows scanned for the header.
HEADER_SCAN_ROWS = 20


class TableError(Exception):
    """The file cannot be read as a table. ``code`` names the problem for the translation table."""

    def __init__(self, code: str, file: str, **params: object):
        self.code = code
        self.file = file
        self.params = params
        super().__init__(f"{file}: {code} {params}")


#: A column's distinct values: codes per row (-1 where empty) and the values, as pd.factorize gives.
Distinct = tuple[np.ndarray, np.ndarray]


@dataclass(frozen=True)
class SkippedRow:
    """A row of the file that is not data (totals, notes), with its 1-based row number."""

    row: int
    reason: str  # "totals" | "notes" | "subheader"
    text: str  # the word that marks it ("Jumlah", "Sumber"), never the rest of the row


@dataclass
class Table:
    """A table read from a file: raw cells (object dtype) under the detected header names."""

    frame: pd.DataFrame
    #: 1-based row number in the file (spreadsheet row) of each frame row, aligned with frame.
    rows: pd.Series
    file: str
    header_row: int
    kind: str  # "csv" | "xlsx"
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    title: list[str] = field(default_factory=list)
    #: column -> its distinct values as ``pd.factorize(frame[column])`` gives them (codes may
    #: also point at values of rows that were left out), so later steps need not find them again
    distinct: dict[str, Distinct] = field(default_factory=dict)


# --------------------------------------------------------------------------- values
MONTHS = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "february": 2,
    "maret": 3, "mar": 3, "mrt": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "agst": 8, "agus": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11, "nop": 11, "nopember": 11, "novemb": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}  # fmt: skip
_NUM_CLEAN = re.compile(r"[\s\u00a0'’]")
_DOT_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+$")
_COMMA_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+$")
_PLAIN = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")
_DASHES = {"-", "–", "—", "--"}
_UNITS = re.compile(r"(?<=\d)\s*(orang|org|jiwa|unit|usaha|laporan|kasus|pmi|tki|people|persons)\.?$", re.I)


def _is_missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, str) and not value.strip()


def parse_number(value: object, *, dash: float | None = 0.0) -> float | None:
    """A number written the Indonesian (or English) way, or None when it is not one.

    ``1.210`` and ``1,210`` are thousands; ``1.210,5`` and ``1,210.5`` are decimals; ``12,5``
    is 12.5. A lone dash (``-``) means nil in Indonesian statistical tables and gives ``dash``.

    >>> parse_number("1.210"), parse_number("1.210,5"), parse_number("12,5"), parse_number("-")
    (1210.0, 1210.5, 12.5, 0.0)
    >>> parse_number("12 orang")
    12.0
    >>> parse_number("abc") is None
    True
    """
    if _is_missing(value):
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if math.isfinite(value) else None
    text = _UNITS.sub("", str(value).strip())
    text = _NUM_CLEAN.sub("", text)
    if text in _DASHES:
        return dash
    text = text.rstrip("%") if text.endswith("%") else text
    if text.startswith("(") and text.endswith(")"):
        text = "-" + text[1:-1]
    if "." in text and "," in text:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        text = text.replace(thousands, "").replace(decimal, ".")
    elif _DOT_THOUSANDS.match(text):
        text = text.replace(".", "")
    elif _COMMA_THOUSANDS.match(text):
        text = text.replace(",", "")
    elif not _PLAIN.match(text):
        return None
    else:
        text = text.replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


_DMS = re.compile(
    r"^\s*([-+])?\s*(\d{1,3}(?:[.,]\d+)?)\s*(?:°|º|˚|o|'|\s|deg)\s*"
    r"(?:(\d{1,2}(?:[.,]\d+)?)\s*(?:'|’|′|m|\s)\s*)?"
    r"(?:(\d{1,2}(?:[.,]\d+)?)\s*(?:\"|”|″|''|’’|s)?\s*)?"
    r"(LS|LU|BT|BB|[NSEW])?\s*$",
    re.I,
)


def parse_coordinate(value: object) -> float | None:
    """A latitude or longitude; a comma is always the decimal mark (``-6,123`` → -6.123).

    Degrees, minutes and seconds with hemisphere letters (``6°01'12" LS``, ``6 01 12 LS``,
    ``6o01'12"LS``, ``106'12'30" BT``): LS/S and BB/W are negative, LU/N and BT/E positive.

    >>> parse_coordinate("-6,1234"), parse_coordinate("106.8"), parse_coordinate("6 01 12 LS")
    (-6.1234, 106.8, -6.02)
    """
    if _is_missing(value) or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if math.isfinite(value) else None
    text = _NUM_CLEAN.sub("", str(value)).replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        return _dms(str(value))
    return number if math.isfinite(number) else None


def _dms(text: str) -> float | None:
    """Degrees, minutes, seconds and a hemisphere (``6°01'12" LS``) as signed decimal degrees."""
    m = _DMS.match(text.replace("\u00a0", " "))
    if not m or not (m[3] or m[4] or m[5]):
        return None
    degrees, minutes, seconds = (float(g.replace(",", ".")) if g else 0.0 for g in (m[2], m[3], m[4]))
    if minutes >= 60 or seconds >= 60:
        return None
    number = degrees + minutes / 60 + seconds / 3600
    negative = m[1] == "-" or (m[5] or "").upper() in ("LS", "BB", "S", "W")
    return round(-number if negative else number, 6)


_DATE_NUMERIC = re.compile(r"^(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{2}|\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})(?:[T ].*)?$")
_DATE_WORDS = re.compile(r"^(?:(\d{1,2})[\s\-/.]+)?([a-z]+)\.?[\s\-/.]+(\d{4}|\d{2})$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})[/\-.](\d{4})$")
_EXCEL_EPOCH = datetime(1899, 12, 30)


def parse_date(value: object) -> date | None:
    """A date in any form Indonesian exports use, day first; None when it is not a date.

    Accepts ``29 Desember 2023``, ``29 Des 2023``, ``15-Mar-2024``, ``08-Agst-2023``,
    ``Desember 2023`` (first day), ``29/12/2023``,
    ``29-12-23``, ``2023-12-29``, ``12/2023``, Excel dates and Excel serial numbers.

    >>> parse_date("29 Desember 2023"), parse_date("29/12/2023")
    (datetime.date(2023, 12, 29), datetime.date(2023, 12, 29))
    """
    if _is_missing(value) or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, (int, float)):
        if 20000 <= value <= 80000:  # Excel serial day (1954..2119)
            return (_EXCEL_EPOCH + timedelta(days=int(value))).date()
        return None
    if re.fullmatch(r"\d{5}(\.0+)?", str(value).strip()):
        return parse_date(float(str(value).strip()))  # an Excel serial day written out as text
    text = re.sub(r"\s+", " ", str(value).strip().lower()).replace(",", "")
    text = re.sub(r"^(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu)\s+", "", text)
    try:
        if m := _DATE_ISO.match(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _DATE_NUMERIC.match(text):
            year = int(m[3])
            year = year + 2000 if year < 100 and year < 70 else (year + 1900 if year < 100 else year)
            return date(year, int(m[2]), int(m[1]))
        if m := _DATE_WORDS.match(text):
            month = MONTHS.get(m[2])
            year = int(m[3])
            if len(m[3]) == 2:  # 15-Mar-24
                if not m[1]:
                    return None
                year += 2000 if year < 70 else 1900
            if month:
                return date(year, month, int(m[1] or 1))
        if m := _MONTH_YEAR.match(text):
            return date(int(m[2]), int(m[1]), 1)
    except ValueError:
        return None
    return None


# --------------------------------------------------------------------------- decoding
def decode_text(data: bytes) -> tuple[str, str]:
    """Decode CSV bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252.

    >>> decode_text("Désa".encode("cp1252"))
    ('Désa', 'cp1252')
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"  # a truncated file: its last byte
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines most consistently (``;`` ``,`` tab ``|``)."""
    lines = text[:200_000].splitlines()  # not the whole of a long file
    lines = [line for line in (lines if len(lines) > 50 else text.splitlines())[:50] if line.strip()]
    best, best_score = ",", -1.0
    for delim in (";", ",", "\t", "|"):
        try:
            widths = [len(row) for row in csv.reader(lines, delimiter=delim)]
        except csv.Error:
            continue
        if not widths:
            continue
        multi = [w for w in widths if w > 1]
        if not multi:
            continue
        common = max(set(multi), key=multi.count)
        # rows agreeing on the most common width, weighted by that width
        score = multi.count(common) * math.log(common + 1)
        if score > best_score:
            best, best_score = delim, score
    return best


# --------------------------------------------------------------------------- grids
#: Records a CSV is read with Python's csv module before its body goes to pandas' C parser.
CSV_HEAD_ROWS = 500


def _csv_grid(data: bytes, limit: int | None = None) -> tuple[list[list[object]], str, str, str]:
    """Cells of the first ``limit`` records (all when None), the encoding, delimiter and text."""
    text, encoding = decode_text(data)
    hint = re.match(r"^\s*sep=(.)\s*\r?\n", text)  # Excel's "sep=;" first line
    if hint:
        text = text[hint.end() :]
    delimiter = hint[1] if hint else _sniff_delimiter(text)
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        grid = [list(row) for row in itertools.islice(reader, limit)]
    except csv.Error:
        try:
            text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
            reader = csv.reader(io.StringIO(text), delimiter=delimiter)
            grid = [list(row) for row in itertools.islice(reader, limit)]
        except csv.Error as err:
            raise TableError("not_a_table", "", detail=str(err)[:80]) from None
    return grid, encoding, delimiter, text


def _same_records(body: list[list[object]], head: list[list[object]]) -> bool:
    """True when the records a fast parser read start as the csv module read them."""
    for got, want in zip(body, head, strict=False):
        got = [v if isinstance(v, str) else "" for v in got]
        want = list(want) + [""] * (len(got) - len(want))
        if got[: len(want)] != want[: len(got)] or any(want[len(got) :]):
            return False
    return True


def _fit_width(body: pd.DataFrame, width: int) -> pd.DataFrame:
    if len(body.columns) < width:
        body = body.reindex(columns=range(width))
    body = body.iloc[:, :width]
    body.columns = range(width)
    return body


def _arrow_body(
    text: str, delimiter: str, head: list[list[object]], first: int, width: int
) -> tuple[pd.DataFrame, list[Distinct]] | None:
    """Records ``first`` onwards of a long CSV through pyarrow's reader (on every core), each
    column dictionary-encoded, so its distinct values come with it (None: use another reader).

    Trusted only when every record has as many fields as the first (blank lines and short rows
    go to the readers that keep them) and its first records equal those the csv module read.
    """
    import pyarrow as pa
    import pyarrow.csv as pacsv

    if first >= len(head) or not head[first]:
        return None
    names = [f"c{i}" for i in range(len(head[first]))]
    try:
        table = pacsv.read_csv(
            io.BytesIO(text.encode("utf-8")),
            read_options=pacsv.ReadOptions(skip_rows=first, column_names=names),
            parse_options=pacsv.ParseOptions(
                delimiter=delimiter, newlines_in_values=True, ignore_empty_lines=False
            ),
            convert_options=pacsv.ConvertOptions(
                column_types={name: pa.string() for name in names},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, ValueError):
        return None
    columns, distinct = {}, []
    for i, name in enumerate(names[:width]):
        encoded = table[name].combine_chunks().dictionary_encode()
        codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.intp, copy=False)
        uniques = encoded.dictionary.to_numpy(zero_copy_only=False)
        columns[i] = uniques[codes]
        distinct.append((codes, uniques))
    body = pd.DataFrame(columns, dtype=object)
    if not _same_records(body.iloc[: len(head) - first].to_numpy(dtype=object).tolist(), head[first:]):
        return None
    missing = (np.full(len(body), -1, dtype=np.intp), np.array([], dtype=object))
    distinct += [missing] * (width - len(distinct))
    return _fit_width(body, width), distinct


def _csv_body(
    text: str, delimiter: str, head: list[list[object]], first: int, width: int
) -> pd.DataFrame | None:
    """Records ``first`` onwards of a long CSV through pandas' C parser (None: use the csv module).

    The parse is trusted only when its first records equal those the csv module read.
    """
    try:
        body = pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            header=None,
            skiprows=first,
            dtype=str,
            na_filter=False,
            skip_blank_lines=False,
            engine="c",
            encoding_errors="replace",
        )
    except (ValueError, csv.Error, pd.errors.ParserError):
        return None
    check = head[first:]
    if not _same_records(body.iloc[: len(check)].to_numpy(dtype=object).tolist(), check):
        return None
    return _fit_width(body, width)


def _looks_binary(data: bytes) -> bool:
    """PDFs, images, archives: many control bytes in the first kilobytes."""
    head = data[:4096]
    if head.startswith((b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"Rar!", b"\x1f\x8b")):
        return True
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 text has NUL bytes
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return control > len(head) * 0.05


def sheet_names(data: bytes) -> list[str]:
    """Names of the worksheets of a workbook (XLSX, XLS, ODS; empty for other files, and for a
    workbook that :func:`check_upload` refuses: it is never opened)."""
    if not _passes_checks(data):
        return []
    try:
        return [m.name for m in _open_book(data, "").sheets_metadata if _is_worksheet(m)]
    except Exception:  # noqa: BLE001 - calamine raises many types for a non-workbook
        return []


def _rank_sheet(rows: list[list[object]], score: Callable[[str], int]) -> tuple[int, int]:
    """How much a sheet's first rows look like a data table: known column names, filled rows."""
    known = max(
        (sum(score(t) for t in {_cell_text(v) for v in row} if t) for row in rows[:HEADER_SCAN_ROWS]),
        default=0,
    )
    return known, sum(1 for row in rows if sum(1 for v in row if _cell_text(v)) >= 2)


def _choose_sheet(
    names: list[str], sheet: str | int | None, file: str, rank: Callable[[str], tuple] | None = None
) -> str:
    """The sheet asked for by name (any case) or 0-based index; without one, the best ranked
    (the first on a tie). Raises ``TableError("no_sheet")`` naming the sheets there are."""
    if sheet is None or sheet == "":
        return max(names, key=rank) if rank else names[0]
    if isinstance(sheet, int) or (isinstance(sheet, str) and sheet.isdigit() and sheet not in names):
        if not 0 <= int(sheet) < len(names):
            raise TableError("no_sheet", file, sheet=sheet, sheets=", ".join(names))
        return names[int(sheet)]
    chosen = {n.strip().lower(): n for n in names}.get(str(sheet).strip().lower())
    if chosen is None:
        raise TableError("no_sheet", file, sheet=sheet, sheets=", ".join(names))
    return chosen


def _fill_merged(grid: list[list[object]], ranges) -> set[tuple[int, int, int]]:
    """Fill each merged range ``(first row, end row, first col, end col)`` (0-based, ends
    exclusive) with its top-left value; returns the horizontal merges as (row, first, last col)."""
    merged_rows: set[tuple[int, int, int]] = set()
    for rlo, rhi, clo, chi in ranges:
        top = grid[rlo][clo] if rlo < len(grid) and clo < len(grid[rlo]) else None
        for r in range(rlo, min(rhi, len(grid))):
            for c in range(clo, min(chi, len(grid[r]))):
                grid[r][c] = top
        if chi - clo > 1:
            merged_rows.add((rlo, clo, chi - 1))
    return merged_rows


def guess_sheet(data: bytes, score: Callable[[str], int] | None = None) -> str | None:
    """The sheet that most looks like a data table: most known column names in its first rows,
    then most filled rows. None for files that are not workbooks."""
    if not _passes_checks(data):
        return None
    try:
        book = _open_book(data, "")
        names = [m.name for m in book.sheets_metadata if _is_worksheet(m)]
        score = score or (lambda text: 0)
        head = HEADER_SCAN_ROWS + 30
        return _choose_sheet(
            names, None, "", lambda n: _rank_sheet(_sheet_cells(book, n, "", head)[0], score)
        )
    except Exception:  # noqa: BLE001 - a damaged workbook: the reader names the problem
        return None


def _open_book(data: bytes, file: str):
    """The workbook (XLSX, XLSM, XLS or ODS) through calamine, one fast reader for all three."""
    import python_calamine as calamine

    try:
        return calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as err:  # noqa: BLE001 - calamine raises its own types for damaged files
        raise TableError("bad_xlsx", file, detail=type(err).__name__) from None


def _is_worksheet(meta) -> bool:
    return "WorkSheet" in str(meta.typ)


def _cell(value: object) -> object:
    """A calamine cell as the readers give cells: None for empty, datetime for a date."""
    if value == "":
        return None
    if type(value) is date:
        return datetime(value.year, value.month, value.day)
    return value


def _sheet_cells(book, name: str, file: str, limit: int | None = None) -> tuple[list[list[object]], set]:
    """Cells of sheet ``name`` from A1 (the first ``limit`` rows) and its merged ranges filled."""
    from loaders.limits import limits

    try:
        sheet = book.get_sheet_by_name(name)
    except Exception as err:  # noqa: BLE001 - a damaged sheet (cut XML, bad stream)
        raise TableError("bad_xlsx", file, detail=type(err).__name__) from None
    lim = limits()
    width, height = sheet.total_width, sheet.total_height
    if width > lim.columns:
        raise _over(file, "columns", f"{width:,}", lim.columns)
    if limit is None and height * width > lim.sheet_cells:
        raise _over(file, "sheet_cells", f"{height * width:,}", lim.sheet_cells)
    try:
        rows = sheet.to_python(skip_empty_area=False, nrows=limit)
    except Exception as err:  # noqa: BLE001
        raise TableError("bad_xlsx", file, detail=type(err).__name__) from None
    plain = (str, float, int, bool)
    grid = [[None if v == "" else (v if type(v) in plain else _cell(v)) for v in row] for row in rows]
    ranges = [
        (r0, r1 + 1, c0, c1 + 1) for (r0, c0), (r1, c1) in (sheet.merged_cell_ranges or []) if r0 < len(grid)
    ]
    return grid, _fill_merged(grid, ranges)


def _workbook_kind(data: bytes) -> str:
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "xls"
    if b"opendocument.spreadsheet" in data[:200]:  # the ODF "mimetype" member comes first
        return "ods"
    return "xlsx"


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<", b"\xef\xbb\xbf<")) and b"<table" in data[:200_000].lower()


def _html_grid(data: bytes, file: str) -> tuple[list[list[object]], str]:
    """The largest table of an HTML page saved as ``.xls`` (what many web systems export).

    Its cells and the cells of its widest first row are counted before it is parsed."""
    from loaders.limits import limits

    lim = limits()
    lower = data.lower()
    cells = lower.count(b"<td") + lower.count(b"<th")
    if cells > lim.sheet_cells:
        raise _over(file, "sheet_cells", f"{cells:,}", lim.sheet_cells)
    start = lower.find(b"<tr")
    end = lower.find(b"</tr", start)
    first = lower[start : end if end > 0 else start + 2_000_000]
    width = first.count(b"<td") + first.count(b"<th")
    if width > lim.columns:
        raise _over(file, "columns", f"{width:,}", lim.columns)
    text, encoding = decode_text(data)
    try:
        tables = pd.read_html(io.StringIO(text), header=None, thousands=None, decimal=",")
    except (ValueError, ImportError) as err:
        raise TableError("bad_xlsx", file, detail=type(err).__name__) from None
    if not tables:
        raise TableError("empty_file", file)
    table = max(tables, key=len)
    grid = [
        [None if _is_missing(v) else v for v in row] for row in table.astype(object).itertuples(index=False)
    ]
    # read_html turns codes and counts into numbers: write whole numbers back as text
    return [
        [str(int(v)) if isinstance(v, float) and v.is_integer() else v for v in row] for row in grid
    ], encoding


# --------------------------------------------------------------------------- header
def _cell_text(value: object) -> str:
    if _is_missing(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _is_numberish(value: object) -> bool:
    if isinstance(value, (int, float, datetime, date)) and not isinstance(value, bool):
        return True
    if isinstance(value, str) and value.strip().isdigit():
        return True
    text = _cell_text(value)
    return bool(text) and (parse_number(text, dash=None) is not None or parse_date(text) is not None)


_TOTALS = re.compile(r"^(sub\s*-?\s*total|grand\s*total|total|jumlah|jml\.?)(\s|:|$)", re.I)
_NOTES = re.compile(
    r"^(\*|sumber|catatan|keterangan|ket\.|note|notes|source|disclaimer|dicetak|printed)", re.I
)


def _detect_header(grid: list[list[object]], score: Callable[[str], int]) -> int:
    """Index of the header row among the first rows: most known column names, then most text."""
    best, best_key = None, (0, 0)
    for i, row in enumerate(grid[:HEADER_SCAN_ROWS]):
        texts = [_cell_text(v) for v in row]
        filled = set(t for t in texts if t)  # distinct: a merged title repeats one text
        if len(filled) < 2:
            continue
        known = sum(score(t) for t in filled)
        text_cells = len({t for v, t in zip(row, texts, strict=False) if t and not _is_numberish(v)})
        key = (known, text_cells)
        if key > best_key:
            best, best_key = i, key
    if best is None:
        return 0
    # a header merged over two rows repeats its cells in the lower row: start at the upper one
    if best > 0:
        upper = [_cell_text(v) for v in grid[best - 1]]
        lower = [_cell_text(v) for v in grid[best]]
        shared = sum(1 for a, b in zip(upper, lower, strict=False) if a and a == b)
        if shared and len(set(t for t in upper if t)) >= 2 and shared < len([t for t in lower if t]):
            return best - 1
    return best


def _subheader(grid, h, merged_rows, xlsx: bool) -> bool:
    """True when the row under the header completes it (``Jenis Kelamin`` over ``L | P``)."""
    if h + 1 >= len(grid):
        return False
    below = grid[h + 1]
    texts = [_cell_text(v) for v in below]
    filled = [(i, v) for i, v in enumerate(below) if _cell_text(v)]
    if not filled or any(_is_numberish(v) for _, v in filled):
        return False
    if xlsx and any(r == h for r, _, _ in merged_rows):
        return True
    header = [_cell_text(v) for v in grid[h]]
    width = max((i for i, t in enumerate(header) if t), default=-1)
    gaps = {i for i in range(width + 1) if not header[i]} | {i for i in range(len(header), len(texts))}
    return (
        bool(gaps)
        and any(texts[i] for i in gaps if i < len(texts))
        and any(header[i] and not (texts[i] if i < len(texts) else "") for i in range(len(header)))
    )


def _column_names(grid, h: int, two_rows: bool) -> list[str]:
    width = max(len(r) for r in grid[h : h + 2 if two_rows else h + 1])
    top = [_cell_text(v) for v in grid[h]] + [""] * width
    names = []
    last_top = ""
    for i in range(width):
        name = top[i]
        if two_rows:
            sub = _cell_text(grid[h + 1][i]) if i < len(grid[h + 1]) else ""
            if not name and sub:
                name = last_top
            if name:
                last_top = name if top[i] else last_top
            if sub and sub != name:
                name = f"{name} {sub}".strip()
        names.append(name)
    out, seen = [], {}
    for i, name in enumerate(names):
        name = name or f"kolom_{i + 1}"
        if name in seen:
            seen[name] += 1
            name = f"{name} ({seen[name]})"
        else:
            seen[name] = 1
        out.append(name)
    return out


@dataclass
class Grid:
    """The cells a format reader found, before the header is looked for."""

    cells: list[list[object]]
    kind: str  # "csv" | "xlsx" | "xls" | "html"
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    #: horizontal merges (row, first col, last col) of a workbook, 0-based
    merged: set = field(default_factory=set)
    encoding: str | None = None
    delimiter: str | None = None
    text: str | None = None  # a CSV's decoded text (its long body is read from it)
    data: bytes = b""
    hidden: bool = False  # a hidden sheet of a workbook
    chosen: bool = True  # the sheet asked for, or the one that most looks like a table


def workbook_grids(data: bytes, file: str, sheet: str | int | None = None, score=None) -> list[Grid]:
    """Every worksheet of a workbook as a :class:`Grid` (only ``sheet`` when one is named), in
    the workbook's order; ``Grid.chosen`` marks the one asked for, or the best ranked."""
    score = score or (lambda text: 0)
    book = _open_book(data, file)
    metas = [m for m in book.sheets_metadata if _is_worksheet(m)]
    names = [m.name for m in metas]
    if not names:
        raise TableError("empty_file", file)
    kind = _workbook_kind(data)
    hidden = {m.name for m in metas if "Visible" not in str(m.visible) or "VeryHidden" in str(m.visible)}
    if sheet is not None and sheet != "":
        wanted = [_choose_sheet(names, sheet, file)]
    else:
        wanted = names
    grids = []
    for name in wanted:
        cells, merged = _sheet_cells(book, name, file)
        grids.append(Grid(cells, kind, name, names, merged, hidden=name in hidden, chosen=False))
    shown = [g for g in grids if not g.hidden] or grids
    best = max(shown, key=lambda g: _rank_sheet(g.cells[: HEADER_SCAN_ROWS + 30], score))
    best.chosen = True
    return grids


def _read_html(data: bytes, file: str, sheet, score) -> Grid:
    cells, encoding = _html_grid(data, file)
    return Grid(cells, "html", encoding=encoding)


def _read_csv(data: bytes, file: str, sheet, score) -> Grid:
    try:
        cells, encoding, delimiter, text = _csv_grid(data, CSV_HEAD_ROWS)
    except TableError as err:
        raise TableError(err.code, file, **err.params) from None
    return Grid(cells, "csv", encoding=encoding, delimiter=delimiter, text=text, data=data)


def _over(file: str, what: str, found: object, limit: int) -> TableError:
    """A file beyond one of :mod:`loaders.limits`: the message names the limit and its variable."""
    from loaders.limits import VARIABLES

    return TableError(f"limit_{what}", file, found=found, limit=limit, variable=VARIABLES[what])


_XML_DECLARATIONS = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.I)
_XML_ROW = re.compile(rb"<(?:\w+:)?row[\s>/]")
_XML_CELL = re.compile(rb"<(?:\w+:)?c[\s>/]")
_XML_DIMENSION = re.compile(
    rb'<(?:\w+:)?dimension\s+ref="\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?"'
)


def _column_number(letters: bytes) -> int:
    number = 0
    for ch in letters:
        number = number * 26 + (ch - 64)
    return number


def check_workbook(data: bytes, file: str) -> None:
    """Refuse a workbook before it is loaded: a damaged zip, members beyond the limits (number,
    decompressed bytes, packing ratio, unsafe names: ``limits.zip_problem``), XML with a DTD or
    entities, declared or held rows and cells, or a longer text than the limits.

    Streams every XML member once (the decompressor's own checks find damaged members).
    """
    import zipfile
    import zlib

    from loaders.limits import limits, zip_problem

    lim = limits()
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error) as err:
        raise TableError("bad_xlsx", file, detail=type(err).__name__) from None
    problem = zip_problem(infos)
    if problem is not None:
        what, params = problem
        raise TableError(what if what == "zip_unsafe" else f"limit_{what}", file, **params)
    try:
        for info in infos:
            if not info.filename.lower().endswith((".xml", ".rels", ".vml")):
                continue
            sheet = info.filename.lower().startswith("xl/worksheets/")
            rows = cells = 0
            tail = b""
            with archive.open(info) as member:
                first = True
                while chunk := member.read(1 << 22):
                    if _XML_DECLARATIONS.search(chunk):
                        raise TableError("xml_entities", file, member=info.filename)
                    if sheet:
                        if first and (dim := _XML_DIMENSION.search(chunk)):
                            c0, r0, c1, r1 = dim.groups()
                            height = int(r1 or r0) - int(r0) + 1
                            width = _column_number(c1 or c0) - _column_number(c0) + 1
                            if width > lim.columns:
                                raise _over(file, "columns", f"{width:,}", lim.columns)
                            if height > lim.rows:
                                raise _over(file, "rows", f"{height:,}", lim.rows)
                            if height * width > lim.sheet_cells:
                                raise _over(file, "sheet_cells", f"{height * width:,}", lim.sheet_cells)
                        rows += len(_XML_ROW.findall(chunk))
                        cells += len(_XML_CELL.findall(chunk))
                        if rows > lim.rows:
                            raise _over(file, "rows", f"> {lim.rows:,}", lim.rows)
                        if cells > lim.sheet_cells:
                            raise _over(file, "sheet_cells", f"> {lim.sheet_cells:,}", lim.sheet_cells)
                    pieces = (tail + chunk).split(b"<")
                    tail = pieces[-1]
                    if max(map(len, pieces)) > lim.cell_chars + 200:  # a text (or a tag) between "<"s
                        raise _over(file, "cell_chars", f"> {lim.cell_chars:,}", lim.cell_chars)
                    first = False
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error, NotImplementedError) as err:
        raise TableError("bad_xlsx", file, detail=type(err).__name__) from None


def check_grid(cells: list[list[object]], file: str, *, complete: bool = True) -> None:
    """Refuse a grid beyond the limits: columns, cell length and (when ``complete``) rows and
    cells. A long CSV's body is checked as it is read (:func:`table_body`)."""
    from loaders.limits import limits

    lim = limits()
    width = max((len(r) for r in cells), default=0)
    if width > lim.columns:
        raise _over(file, "columns", f"{width:,}", lim.columns)
    if complete and len(cells) > lim.rows:
        raise _over(file, "rows", f"{len(cells):,}", lim.rows)
    if complete and len(cells) * width > lim.sheet_cells:
        raise _over(file, "sheet_cells", f"{len(cells) * width:,}", lim.sheet_cells)
    longest = max((len(v) for row in cells for v in row if isinstance(v, str)), default=0)
    if longest > lim.cell_chars:
        raise _over(file, "cell_chars", f"{longest:,}", lim.cell_chars)


def _is_zip(data: bytes, file: str) -> bool:
    return data[:4] == b"PK\x03\x04" or Path(file).suffix.lower() in (".xlsx", ".xlsm", ".ods")


#: Verdicts of :func:`check_upload` by (sha256, limits): ``None`` (passed) or (code, params).
_VERDICTS: OrderedDict[tuple, tuple[str, dict] | None] = OrderedDict()


def check_upload(data: bytes, file: str) -> None:
    """Every check a table file passes before any reader touches it: its size and, for a zip
    (XLSX), its members and the rows, cells and text it declares (:func:`check_workbook`).

    Raises :class:`TableError`. The verdict is kept per content (sha256, last 32 files), so a
    page that reruns, or lists a workbook's sheets before reading it, pays for it once.
    """
    from loaders.limits import limits

    lim = limits()
    if len(data) > lim.file_mb * 1_000_000:
        raise _over(file, "file_mb", f"{len(data) / 1e6:,.1f}", lim.file_mb)
    if not _is_zip(data, file):
        return
    key = (hashlib.sha256(data).hexdigest(), lim)
    if key not in _VERDICTS:
        try:
            check_workbook(data, file)
        except TableError as err:
            _VERDICTS[key] = (err.code, err.params)
        else:
            _VERDICTS[key] = None
        while len(_VERDICTS) > 32:
            _VERDICTS.popitem(last=False)
    verdict = _VERDICTS[key]
    if verdict is not None:
        raise TableError(verdict[0], file, **verdict[1])


def _passes_checks(data: bytes) -> bool:
    """True for a workbook (zip or old binary) that :func:`check_upload` lets through: the sheet
    listers open no other."""
    if data[:4] == b"PK\x03\x04":
        name = "upload.xlsx"
    elif data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        name = "upload.xls"
    else:
        return False
    try:
        check_upload(data, name)
    except TableError:
        return False
    return True


def read_grids(data: bytes, file: str, sheet: str | int | None = None, score=None) -> list[Grid]:
    """The format reader for ``data`` (by its first bytes, then its suffix) and its cells: one
    :class:`Grid` per worksheet of a workbook (only ``sheet`` when named), one for other files.

    Raises :class:`TableError` for a file that is no table (images, PDFs, an old binary format
    that is no workbook), is damaged, or exceeds a limit of :mod:`loaders.limits` (:func:`check_upload`, before any
    reader touches it, where the format declares its size). Any other error of a reader becomes
    ``TableError("unreadable")`` naming its type, never a traceback.
    """
    score = score or (lambda text: 0)
    suffix = Path(file).suffix.lower()
    check_upload(data, file)
    if _is_zip(data, file):
        reader = workbook_grids
    elif data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        reader = workbook_grids
    elif _looks_like_html(data):
        reader = _read_html
    elif suffix == ".xls":
        raise TableError("old_xls", file)
    elif _looks_binary(data):
        raise TableError("not_a_table", file)
    else:
        reader = _read_csv
    try:
        found = reader(data, file, sheet, score)
    except TableError:
        raise
    except (MemoryError, RecursionError, Exception) as err:  # noqa: BLE001 - a reader's own errors
        raise TableError("unreadable", file, detail=type(err).__name__) from None
    grids = found if isinstance(found, list) else [found]
    for grid in grids:
        grid.cells = [list(r) for r in grid.cells]
        check_grid(grid.cells, file, complete=not (grid.kind == "csv" and len(grid.cells) >= CSV_HEAD_ROWS))
    return grids


def read_grid(data: bytes, file: str, sheet: str | int | None = None, score=None) -> Grid:
    """The one grid of a file: the sheet asked for, or the one that most looks like a table."""
    return next(g for g in read_grids(data, file, sheet, score) if g.chosen)


@dataclass(frozen=True)
class Header:
    """Where the table starts: header row (0-based), whether a second row completes it, the
    column names, the title rows above it and the first body row (0-based)."""

    index: int
    two_rows: bool
    columns: list[str]
    title: list[str]
    first: int


def find_header(
    cells: list[list[object]],
    score: Callable[[str], int],
    merged: set = frozenset(),
    spreadsheet: bool = False,
) -> Header:
    """The header of a grid: the row with most known column names below any title rows, a
    merged or two-row header joined (``Jenis Kelamin`` over ``L | P``), names made unique."""
    h = _detect_header(cells, score)
    two_rows = _subheader(cells, h, merged, spreadsheet)
    columns = _column_names(cells, h, two_rows)
    title = [" ".join(_cell_text(v) for v in row if _cell_text(v)) for row in cells[:h]]
    return Header(h, two_rows, columns, [t for t in title if t], h + (2 if two_rows else 1))


def read_table(
    source: bytes | Path | str,
    file: str | None = None,
    *,
    sheet: str | int | None = None,
    header_score: Callable[[str], int] | None = None,
) -> Table:
    """Read a CSV, XLSX, XLS or HTML-table file into a :class:`Table` of raw cells.

    ``header_score(text)`` says how much a cell looks like a known column name (default: 0,
    i.e. the first row with the most text cells is the header). Raises :class:`TableError`.
    Three steps: :func:`read_grid` (the format reader), :func:`find_header`, then the body
    (empty, totals and notes rows left out, each column's distinct values found once).
    """
    if isinstance(source, (str, Path)):
        path = Path(source)
        file = file or path.name
        try:
            data = path.read_bytes()
        except OSError as err:
            raise TableError("unreadable", file, detail=err.strerror or type(err).__name__) from None
    else:
        data = source
        file = file or "upload"
    if not data.strip():
        raise TableError("empty_file", file)
    score = header_score or (lambda text: 0)
    grid = read_grid(data, file, sheet, score)
    if not any(_cell_text(v) for row in grid.cells for v in row):
        raise TableError("empty_file", file)
    header = find_header(grid.cells, score, grid.merged, grid.kind in ("xlsx", "xls", "ods"))
    return table_body(grid, header, file)


def table_body(grid: Grid, header: Header, file: str) -> Table:
    """The rows under the header as a :class:`Table` (totals and notes rows reported)."""
    from loaders.limits import limits

    cells_grid, columns, first = grid.cells, header.columns, header.first
    width = len(columns)
    cells, distinct = None, None
    if (
        grid.kind == "csv" and len(cells_grid) >= CSV_HEAD_ROWS
    ):  # a long file: the rest through pyarrow or pandas
        fast = _arrow_body(grid.text, grid.delimiter, cells_grid, first, width)
        cells, distinct = (
            fast if fast else (_csv_body(grid.text, grid.delimiter, cells_grid, first, width), None)
        )
        if cells is None:
            cells_grid, *_ = _csv_grid(grid.data)
    if cells is None:
        cells = pd.DataFrame(cells_grid[first:], dtype=object)
        cells = cells.reindex(columns=range(width)) if len(cells.columns) < width else cells.iloc[:, :width]
        cells.columns = range(width)
    if len(cells) > limits().rows:
        raise _over(file, "rows", f"{len(cells):,}", limits().rows)
    rows_all = np.arange(first + 1, first + 1 + len(cells))
    # per cell: its text and whether it is a word (not a number or date); once per distinct value
    filled_count = np.zeros(len(cells), dtype=np.int64)
    first_word = np.full(len(cells), "", dtype=object)
    has_word = np.zeros(len(cells), dtype=bool)
    found: list[Distinct] = []
    for c in range(width):
        codes, uniques = distinct[c] if distinct else pd.factorize(cells[c], use_na_sentinel=True)
        found.append((codes, uniques))
        all_text = False
        if pd.api.types.is_string_dtype(uniques) and all(isinstance(u, str) for u in uniques[:100]):
            stripped = pd.Series(uniques, dtype=object).str.strip()  # text cells (a CSV body)
            all_text = not stripped.isna().any()  # .str gives NaN for anything that is not text
            if all_text:
                texts = np.append(stripped.to_numpy(dtype=object), "")
            else:
                texts = np.array([_cell_text(u) for u in uniques] + [""], dtype=object)
        else:
            texts = np.array([_cell_text(u) for u in uniques] + [""], dtype=object)
        # plain digits (row numbers, codes without dots) are numbers: no need to parse them
        shapes = pd.Series(texts, dtype=object)
        if len(texts) > 1 and shapes.str.len().max() > limits().cell_chars:
            raise _over(file, "cell_chars", f"{int(shapes.str.len().max()):,}", limits().cell_chars)
        digits = shapes.str.isdecimal().fillna(False).to_numpy(dtype=bool)  # what r"\d+" matches
        # a dotted Kemendagri village code is text, not a number or a date
        words = np.zeros(len(shapes), dtype=bool)
        rest = np.flatnonzero(~digits)
        words[rest] = (
            shapes.iloc[rest].str.fullmatch(r"\d{2}\.\d{2}\.\d{2}\.\d{4}").fillna(False).to_numpy(bool)
        )
        todo = ~digits & ~words
        todo[-1] = False
        if all_text:  # text without a digit is never a number or a date: a word
            look = np.flatnonzero(todo)
            plain = look[~shapes.iloc[look].str.contains(r"\d").fillna(False).to_numpy(dtype=bool)]
            words[plain] = True
            todo[plain] = False
        for i in np.flatnonzero(todo):
            words[i] = not _is_numberish(uniques[i])
        filled = (texts != "")[codes]  # codes of empty cells are -1: the "" at the end
        filled_count += filled
        take = filled & words[codes] & ~has_word
        first_word[take] = texts[codes[take]]
        has_word |= take
    skipped = []
    # totals and notes rows by their first word, looked at once per distinct word
    word_codes, word_uniques = pd.factorize(first_word)
    words = pd.Series(word_uniques, dtype=object)
    totals = words.str.match(_TOTALS).fillna(False).to_numpy(dtype=bool)[word_codes]
    notes = (filled_count == 1) & words.str.match(_NOTES).fillna(False).to_numpy(dtype=bool)[word_codes]
    for i in np.flatnonzero((filled_count > 0) & (totals | notes)):
        reason = "totals" if totals[i] else "notes"
        # only the word that marks the row is quoted (a note may name a person)
        mark = (_TOTALS if totals[i] else _NOTES).match(first_word[i])
        skipped.append(SkippedRow(int(rows_all[i]), reason, mark[1] if mark else ""))
    keep_rows = np.flatnonzero((filled_count > 0) & ~totals & ~notes)
    # free-text notes after the last data row (one filled cell, text, wider tables)
    while len(keep_rows) and width > 2:
        last = keep_rows[-1]
        value = next((v for v in cells.iloc[last].tolist() if _cell_text(v)), None)
        if filled_count[last] == 1 and not _is_numberish(value) and len(_cell_text(value)) > 25:
            skipped.append(SkippedRow(int(rows_all[last]), "notes", "…"))
            keep_rows = keep_rows[:-1]
        else:
            break
    body = cells if len(keep_rows) == len(cells) else cells.iloc[keep_rows].reset_index(drop=True)
    body = body.set_axis(columns, axis=1)
    rows = rows_all[keep_rows].tolist()
    frame = body
    # drop columns with neither a header nor any value (Excel's phantom columns)
    keep = [
        c for i, c in enumerate(columns) if not (c.startswith("kolom_") and frame[c].map(_is_missing).all())
    ]
    frame = frame[keep]
    every_row = len(keep_rows) == len(cells)
    found_by_name = {
        name: (codes if every_row else codes[keep_rows], uniques)
        for name, (codes, uniques) in zip(columns, found, strict=True)
        if name in keep
    }
    return Table(
        frame=frame.reset_index(drop=True),
        distinct=found_by_name,
        rows=pd.Series(rows, dtype="int64"),
        file=file,
        header_row=header.index + 1,
        kind=grid.kind,
        encoding=grid.encoding,
        delimiter=grid.delimiter,
        sheet=grid.sheet,
        sheets=grid.sheets,
        skipped=sorted(skipped, key=lambda s: s.row),
        title=header.title,
    )
