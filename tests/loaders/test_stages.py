"""Each stage of the import on its own: its input type in, its output type out, what it records
in the plan; and the sequence, written once, in the order of issue 25."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd

from geo.gazetteer import gazetteer
from loaders.layers import stages
from loaders.layers.pipeline import STAGES, run_stages
from loaders.layers.plan import ImportPlan
from loaders.layers.stages import Grids, Mapped, Parsed, Placed, Sheets, Upload
from loaders.store import Store


def _codes(n: int = 3, regency: str = "36.04") -> list[str]:
    g = gazetteer()
    return list(g[(g["level"] == 4) & (g["regency"] == regency)]["code"].head(n))


def _upload(tmp_path, data: bytes, file: str = "f.csv", layer: str = "placements", **kw) -> Upload:
    return Upload(layer, data, file, Store(tmp_path / "s"), **kw)


def _plan(upload: Upload) -> ImportPlan:
    return ImportPlan(upload.layer, upload.file, "-")


def _csv(rows) -> bytes:
    return "\n".join(";".join(map(str, r)) for r in rows).encode()


def _until(name: str, upload: Upload, plan: ImportPlan):
    """The output of the stages up to and including ``name``."""
    steps = STAGES[: [n for n, _ in STAGES].index(name) + 1]
    value = upload
    for _, stage in steps:
        value = stage(value, plan)
    return value


def test_the_sequence_is_written_once_in_the_order_of_the_issue():
    assert [name for name, _ in STAGES] == [
        "read the grid",
        "find the header",
        "drop personal data",
        "map columns",
        "reshape wide tables",
        "parse values",
        "place rows in villages",
        "find subtotal rows",
        "validate",
        "plan",
        "state coverage",  # issue 22: what the file speaks for, after the plan
    ]


def test_run_stages_stops_at_the_stage_that_refuses(tmp_path):
    upload = _upload(tmp_path, b"%PDF-1.4 not a table", "x.pdf")
    plan = run_stages(upload, _plan(upload))
    assert [i.code for i in plan.errors] == ["file_not_a_table"] and plan.frame is None


def test_read_grid_gives_every_sheet(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "A"
    wb.create_sheet("B")["A1"] = "x"
    buf = io.BytesIO()
    wb.save(buf)
    upload = _upload(tmp_path, buf.getvalue(), "w.xlsx")
    plan = _plan(upload)
    grids = stages.read_grid(upload, plan)
    assert isinstance(grids, Grids) and [g.sheet for g in grids.grids] == ["A", "B"]
    assert plan.sheets == ["A", "B"]


def test_find_headers_joins_sheets_of_one_table_and_names_the_others(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "Catatan"
    wb.active["A1"] = "Data dari Disnaker"
    for year in (2022, 2023):
        ws = wb.create_sheet(str(year))
        ws.append(["Kode Desa", "Jumlah"])
        for code in _codes():
            ws.append([code, 1])
    buf = io.BytesIO()
    wb.save(buf)
    upload = _upload(tmp_path, buf.getvalue(), "w.xlsx")
    plan = _plan(upload)
    sheets = stages.find_headers(stages.read_grid(upload, plan), plan)
    assert isinstance(sheets, Sheets) and len(sheets.table.frame) == 6 and plan.rows_read == 6
    assert sheets.table.frame["_sheet_year"].tolist() == ["2022"] * 3 + ["2023"] * 3
    assert [(n.sheet, n.read) for n in plan.sheet_notes] == [
        ("Catatan", False),
        ("2022", True),
        ("2023", True),
    ]
    assert len(set(sheets.table.rows)) == 6  # every row its own number, named with its sheet
    assert plan.row_label(int(sheets.table.rows.iat[3])) == "2 ('2023')"


def test_drop_personal_removes_the_columns_and_records_them(tmp_path):
    rows = [["Kode Desa", "NIK", "Jumlah"]] + [[c, "3604131207850003", 1] for c in _codes()]
    upload = _upload(tmp_path, _csv(rows))
    plan = _plan(upload)
    sheets = _until("drop personal data", upload, plan)
    assert "NIK" not in sheets.table.frame and [d.column for d in plan.dropped] == ["NIK"]


def test_map_fields_maps_by_header_and_refuses_numbers_as_names(tmp_path):
    rows = [["Kode Desa", "Tahun", "Negara", "Jumlah"]] + [[c, 2023, 7, 1] for c in _codes()]
    upload = _upload(tmp_path, _csv(rows))
    plan = _plan(upload)
    mapped = _until("map columns", upload, plan)
    assert isinstance(mapped, Mapped)
    assert mapped.fields == {"village_code": "Kode Desa", "year": "Tahun", "count": "Jumlah"}
    assert plan.columns_not_used() == ["Negara"]


def test_reshape_wide_melts_one_count_column_per_destination(tmp_path):
    rows = [["Kode Desa", "Tahun", "Malaysia", "Taiwan", "Jumlah"]] + [[c, 2023, 2, 3, 5] for c in _codes()]
    upload = _upload(tmp_path, _csv(rows))
    plan = _plan(upload)
    mapped = _until("reshape wide tables", upload, plan)
    assert isinstance(mapped, Mapped) and len(mapped.frame) == 6
    assert sorted(mapped.frame[mapped.fields["destination"]].unique()) == ["Malaysia", "Taiwan"]
    assert "Jumlah" not in mapped.frame and "Jumlah" not in plan.columns_not_used()


def test_parse_values_names_unreadable_values_by_row_and_column(tmp_path):
    rows = [["Kode Desa", "Tahun", "Jumlah"], [_codes()[0], 2023, "banyak"], [_codes()[1], 2023, 4]]
    upload = _upload(tmp_path, _csv(rows))
    plan = _plan(upload)
    parsed = _until("parse values", upload, plan)
    assert isinstance(parsed, Parsed) and parsed.rows["count"].tolist()[1] == 4
    assert [(i.code, i.row, i.column) for i in parsed.issues] == [("not_a_number", 2, "Jumlah")]


def test_place_rows_matches_by_code_and_name(tmp_path):
    g = gazetteer()
    code = _codes()[0]
    rows = [["Kode Desa", "Desa", "Kecamatan", "Tahun", "Jumlah"], [code, "", "", 2023, 1]]
    rows.append(["", f"{g.at[code, 'name']} ({g.at[code[:8], 'name']})", "", 2023, 2])
    upload = _upload(tmp_path, _csv(rows))
    plan = _plan(upload)
    placed = _until("place rows in villages", upload, plan)
    assert isinstance(placed, Placed) and placed.rows["village"].tolist() == [code, code]
    assert plan.matched == 2 and plan.methods == {"code": 1, "name": 1}


def test_find_subtotals_takes_total_rows_out_of_the_unmatched(tmp_path):
    """A district row under its villages, a "Jumlah" row and a province total (named like a village
    of another regency) are subtotals, not villages: reported as such, never counted."""
    g = gazetteer()
    codes = _codes(3)
    district = g.at[codes[0][:8], "name"]
    rows = [["Kecamatan", "Desa", "Tahun", "Jumlah"]]
    rows += [[district, g.at[c, "name"], 2023, n] for c, n in zip(codes, (4, 5, 6), strict=True)]
    rows += [
        [district, "", 2023, 15],
        [district, "Jumlah", 2023, 15],
        ["", g.at[codes[0][:2], "name"].upper(), 2023, 15],
    ]
    upload = _upload(tmp_path, _csv(rows))
    plan = _plan(upload)
    placed = _until("place rows in villages", upload, plan)
    # the district row and the "Jumlah" row match nothing; "BANTEN" matches Kelurahan Banten (Kasemen)
    assert plan.unmatched == 2 and plan.matched == 4 and plan.subtotals == 0
    found = stages.find_subtotals(placed, plan)
    assert isinstance(found, Placed) and plan.unmatched == 0 and plan.matched == 3 and plan.subtotals == 3
    assert sorted((i.code, i.row) for i in found.issues) == [
        ("subtotal_area", 5),
        ("subtotal_sum", 7),
        ("subtotal_word", 6),
    ]
    assert {i.severity for i in found.issues} == {"subtotal"}
    assert set(found.match["status"]) == {"matched", "subtotal"}


def test_validate_sums_rows_split_by_an_unread_column(tmp_path):
    code = _codes()[0]
    rows = [["Kode Desa", "Tahun", "Status", "Jumlah"], [code, 2023, "Baru", 2], [code, 2023, "Ulang", 3]]
    upload = _upload(tmp_path, _csv(rows))
    plan = _plan(upload)
    checked = _until("validate", upload, plan)
    assert len(checked.rows) == 2 and not plan.errors
    assert [i.column for i in plan.issues if i.code == "rows_split_by_column"] == ["Status"]


def test_plan_rows_aggregates_what_is_stored(tmp_path):
    code = _codes()[0]
    rows = [["Kode Desa", "Tahun", "Status", "Jumlah"], [code, 2023, "Baru", 2], [code, 2023, "Ulang", 3]]
    upload = _upload(tmp_path, _csv(rows))
    plan = _plan(upload)
    out = _until("plan", upload, plan)
    assert out is plan and plan.accepted
    assert plan.frame[["village", "year", "count"]].to_dict("records") == [
        {"village": code, "year": 2023, "count": 5}
    ]
    assert isinstance(plan.frame, pd.DataFrame)
