"""Tables as spreadsheet files: numbers stay numbers, hidden cells show their label, text never runs.

One writer for every CSV and XLSX the atlas offers (the export tables, the planner's ranking):

* a number is written as a number with a number format (``#,##0``, ``0.0%``, a signed change
  ``+#,##0``…), tagged with the language of the file (``[$-421]`` Indonesian, ``[$-409]`` English)
  so a spreadsheet that honours the tag (LibreOffice) shows ``1.210`` or ``1,210``; Excel shows
  the separators of the reader's own settings. A change's words ("from 2023") are in its header;
* a hidden cell (small-count protection) holds its label (``"<5"`` or ``"x"``), never the number;
* text is text: xlsxwriter never turns a string into a formula or a link, and text starting
  like a formula is prefixed with an apostrophe (:func:`geo.cells.neutralise_value`), as in CSV.
  Only text cells are touched: a negative number is a number.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

import numpy as np
import pandas as pd
import xlsxwriter

import i18n
from geo.cells import neutralise_value

__all__ = ["KINDS", "Sheet", "number_format", "sheet_name", "xlsx_bytes", "csv_text"]

#: Kinds of number a column (or cell) holds, each with its number format.
KINDS = ("int", "decimal", "share", "change", "change_points", "text")
_LOCALE = {"id": "[$-421]", "en": "[$-409]"}


def number_format(kind: str, lang: str = i18n.DEFAULT_LANGUAGE) -> str | None:
    """The XLSX number format of ``kind`` in ``lang`` (None for text).

    >>> number_format("int", "id"), number_format("share", "en")
    ('[$-421]#,##0', '[$-409]0.0%')
    >>> number_format("change", "en")
    '[$-409]+#,##0;[$-409]"−"#,##0;[$-409]0'
    """
    if kind not in KINDS:
        raise ValueError(f"unknown kind of number {kind!r}; choose one of: {', '.join(KINDS)}")
    tag = _LOCALE.get(lang, _LOCALE["id"])
    if kind == "text":
        return None
    if kind == "change_points":
        unit = '" ' + i18n.t("figure.points", lang).replace('"', "") + '"'
        sections = ("+#,##0.0" + unit, '"−"#,##0.0' + unit, "0.0" + unit)
    else:
        sections = {
            "int": ("#,##0",),
            "decimal": ("#,##0.0",),
            "share": ("0.0%",),
            "change": ("+#,##0", '"−"#,##0', "0"),
        }[kind]
    return ";".join(tag + s for s in sections)


@dataclass
class Sheet:
    """One table of a workbook.

    ``values`` are the cells under their headers (numbers or text); ``labels`` the label of each
    hidden cell (``""`` where shown; same shape); ``kinds`` the kind of number per column, or per
    cell as a frame of ``values``' shape (text when not given); with ``index`` (its header) the
    index is written as the first column.
    """

    name: str
    values: pd.DataFrame
    labels: pd.DataFrame | None = None
    kinds: Mapping[str, str] | pd.DataFrame = field(default_factory=dict)
    index: str | None = None


def sheet_name(name: str, taken: Sequence[str] = ()) -> str:
    """A valid Excel sheet name (at most 31 characters, none of ``[]:*?/\\``), unique among ``taken``.

    >>> sheet_name("Penempatan menurut negara tujuan, 2024"), sheet_name("a/b", ["a b"])
    ('Penempatan menurut negara tujua', 'a b 2')
    """
    base = re.sub(r"[\[\]:*?/\\]", " ", str(name)).strip("'")[:31] or "Sheet"
    out, n = base, 1
    lowered = {t.lower() for t in taken}
    while out.lower() in lowered:
        n += 1
        suffix = f" {n}"
        out = base[: 31 - len(suffix)] + suffix
    return out


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(
        value, (bool, np.bool_)
    )


def _missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, (float, np.floating)) and math.isnan(value)


def _kind_of(sheet: Sheet, row: int, column: str) -> str:
    if isinstance(sheet.kinds, pd.DataFrame):
        kind = sheet.kinds[column].iat[row] if column in sheet.kinds else "text"
        return kind if isinstance(kind, str) and kind else "text"
    return sheet.kinds.get(column, "text")


def xlsx_bytes(sheets: Sequence[Sheet], lang: str = i18n.DEFAULT_LANGUAGE) -> bytes:
    """A workbook of ``sheets`` (xlsxwriter; strings are never formulas, links or numbers)."""
    buf = io.BytesIO()
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    book = xlsxwriter.Workbook(buf, {**options, "strings_to_numbers": False, "nan_inf_to_errors": False})
    # created today, not this second: the same tables make the same bytes, so a page's download
    # keeps its file across reruns (a download clicked while the page reruns is not cancelled)
    book.set_properties({"created": datetime.combine(date.today(), datetime.min.time())})
    bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
    hidden = book.add_format({"align": "right", "font_color": "#555555"})
    formats = {k: book.add_format({"num_format": number_format(k, lang)}) for k in KINDS if k != "text"}
    taken: list[str] = []
    for sheet in sheets:
        name = sheet_name(sheet.name, taken)
        taken.append(name)
        ws = book.add_worksheet(name)
        values = sheet.values
        columns = list(values.columns)
        offset = 1 if sheet.index is not None else 0
        headers = ([sheet.index] if sheet.index is not None else []) + [str(c) for c in columns]
        widths = [min(max(len(str(h)), 6), 40) for h in headers]
        for j, header in enumerate(headers):
            ws.write_string(0, j, str(neutralise_value(str(header))), bold)
        for i in range(len(values)):
            if sheet.index is not None:
                label = values.index[i]
                text = "" if _missing(label) else str(neutralise_value(str(label)))
                if text:
                    ws.write_string(i + 1, 0, text)
                widths[0] = min(max(widths[0], len(text)), 40)
            for j, column in enumerate(columns):
                col = j + offset
                shown = sheet.labels[column].iat[i] if sheet.labels is not None else ""
                value = values[column].iat[i]
                if isinstance(shown, str) and shown:
                    ws.write_string(i + 1, col, shown, hidden)
                    continue
                if _missing(value) or (isinstance(value, str) and not value):
                    continue  # an empty cell
                kind = _kind_of(sheet, i, column)
                if _is_number(value) and math.isfinite(float(value)) and kind != "text":
                    ws.write_number(i + 1, col, float(value), formats[kind])
                    width = len(f"{float(value):,.1f}")
                else:
                    text = str(neutralise_value(str(value)))
                    ws.write_string(i + 1, col, text)
                    width = len(text)
                widths[col] = min(max(widths[col], width + 1), 40)
        for j, width in enumerate(widths):
            ws.set_column(j, j, width + 1)
        ws.freeze_panes(1, 0)
    book.close()
    return buf.getvalue()


def csv_text(values: pd.DataFrame, labels: pd.DataFrame | None = None, *, index: str | None = None) -> str:
    """``values`` as CSV text: hidden cells as their label, text that never starts a formula."""
    from geo.cells import neutralise

    out = values.astype(object).copy()
    if labels is not None:
        out = out.mask(labels.astype(bool), labels)
    out = neutralise(out)
    if index is not None:
        out.index.name = index
    return out.to_csv(index=index is not None, lineterminator="\n")
