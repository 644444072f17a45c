"""Table cells that are safe to open in a spreadsheet (CSV/XLSX formula injection).

A cell whose text starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return) is run
as a formula by Excel, LibreOffice and Google Sheets when the file is opened: a village or
programme name taken from an uploaded file could then fetch a URL or run a command on the
reader's machine. Every CSV and XLSX the atlas writes passes its tables through
:func:`neutralise`, which prefixes such text with an apostrophe (the OWASP advice): the cell
reads as the same text and is never evaluated. Numbers are left as numbers (``-5`` stays a
number); only text cells change.

Examples
--------
>>> neutralise_value("=HYPERLINK(\\"http://x\\")")
'\\'=HYPERLINK("http://x")'
>>> neutralise_value("-1 dari 2023"), neutralise_value(-5), neutralise_value("Desa Lontar")
("'-1 dari 2023", -5, 'Desa Lontar')
"""

from __future__ import annotations

import pandas as pd

__all__ = ["FORMULA_STARTS", "neutralise", "neutralise_value"]

#: First characters that make a spreadsheet evaluate a cell.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_value(value: object) -> object:
    """``value`` with an apostrophe in front when it is text a spreadsheet would run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _column(values: pd.Series) -> pd.Series:
    if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
        return values
    risky = values.map(lambda v: isinstance(v, str) and v.startswith(FORMULA_STARTS)).to_numpy(dtype=bool)
    if not risky.any():
        return values
    out = values.astype(object).copy()
    out[risky] = ["'" + v for v in values[risky]]
    return out


def _index(index: pd.Index) -> pd.Index:
    if isinstance(index, pd.MultiIndex):
        return index
    return pd.Index([neutralise_value(v) for v in index], name=neutralise_value(index.name))


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells, index labels and headers never start a formula."""
    out = frame.copy()
    for i in range(out.shape[1]):
        out.isetitem(i, _column(out.iloc[:, i]))
    out.columns = _index(out.columns)
    out.index = _index(out.index)
    return out
