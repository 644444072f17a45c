"""Readers: every CSV encoding and delimiter, XLSX sheets, title/merged/totals rows, Indonesian values."""

from __future__ import annotations

from datetime import date

import openpyxl
import pandas as pd
import pytest

from loaders.columns import header_score, map_columns
from loaders.tabular import TableError, parse_date, parse_number, read_table

ROWS = [
    ("36.04.13.2007", "Lontar", "Tirtayasa", "1.210"),
    ("36.04.13.2002", "Samparwadi", "Tirtayasa", "12"),
    ("36.04.13.2003", "Kemanisan", "Tirtayasa", "7"),
]
HEADER = ("Kode Wilayah", "Desa/Kelurahan", "Kecamatan", "Jumlah PMI")


def _csv(delim: str, rows=ROWS, header=HEADER) -> str:
    return "\n".join(delim.join(r) for r in [header, *rows]) + "\n"


@pytest.mark.parametrize("delim", [",", ";", "\t"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_csv_every_encoding_and_delimiter(delim, encoding):
    rows = [*ROWS, ("35.10.01.2001", "Pesanggarán", "Pesanggaran", "3")]  # á exists in cp1252
    data = _csv(delim, rows).encode(encoding)
    table = read_table(data, "x.csv", header_score=header_score)
    assert list(table.frame.columns) == list(HEADER)
    assert table.delimiter == delim
    assert table.frame["Desa/Kelurahan"].tolist()[-1] == "Pesanggarán"
    assert table.frame["Kode Wilayah"].iloc[0] == "36.04.13.2007"  # BOM not glued to the first header
    assert table.rows.tolist() == [2, 3, 4, 5]
    assert table.encoding == {"utf-8": "utf-8", "utf-8-sig": "utf-8-sig", "cp1252": "cp1252"}[encoding]


def test_semicolon_csv_with_decimal_commas_is_not_split_on_commas():
    data = "Desa;Jumlah;Rata-rata\nLontar;1.210;12,5\nSamparwadi;3;1,25\n".encode("cp1252")
    table = read_table(data, "x.csv")
    assert table.delimiter == ";"
    assert table.frame["Rata-rata"].map(parse_number).tolist() == [12.5, 1.25]


def test_title_rows_totals_and_notes_are_skipped_and_reported():
    text = (
        "REKAPITULASI PENEMPATAN PMI\nKABUPATEN SERANG TAHUN 2023\n\n"
        + _csv(";")
        + ";;Jumlah;1.229\n\nSumber: Disnaker Kab. Serang\n*) data sementara\n"
    )
    table = read_table(text.encode(), "rekap.csv", header_score=header_score)
    assert table.header_row == 4
    assert len(table.frame) == 3
    reasons = {(s.row, s.reason) for s in table.skipped}
    assert (8, "totals") in reasons
    assert (10, "notes") in reasons and (11, "notes") in reasons
    assert "KABUPATEN SERANG TAHUN 2023" in table.title


def _xlsx(path, build) -> bytes:
    wb = openpyxl.Workbook()
    build(wb)
    wb.save(path)
    return path.read_bytes()


def test_xlsx_chosen_sheet_title_rows_merged_header_and_totals(tmp_path):
    def build(wb):
        wb.active.title = "Catatan"
        wb.active["A1"] = "Lembar ini hanya catatan"
        ws = wb.create_sheet("Data 2023")
        ws["A1"] = "DATA PENEMPATAN PMI PER DESA"
        ws.merge_cells("A1:F1")
        ws["A2"] = "Tahun 2023"
        ws.append([])
        ws.append(["No", "Kode Desa", "Desa", "Kecamatan", "Jenis Kelamin", None])
        ws.append([None, None, None, None, "L", "P"])
        ws.merge_cells("E4:F4")
        for col in "ABCD":
            ws.merge_cells(f"{col}4:{col}5")
        ws.append([1, 3604132007, "Lontar", "Tirtayasa", 10, 1200])
        ws.append([2, "3604132002", "Samparwadi", "Tirtayasa", 2, 10])
        ws.append([None, None, "JUMLAH", None, 12, 1210])
        ws.append(["Sumber: BP3MI Banten"])

    data = _xlsx(tmp_path / "p.xlsx", build)
    table = read_table(data, "p.xlsx", sheet="data 2023", header_score=header_score)
    assert table.sheet == "Data 2023"
    assert table.sheets == ["Catatan", "Data 2023"]
    assert list(table.frame.columns) == [
        "No",
        "Kode Desa",
        "Desa",
        "Kecamatan",
        "Jenis Kelamin L",
        "Jenis Kelamin P",
    ]
    assert table.rows.tolist() == [6, 7]
    assert [(s.row, s.reason) for s in table.skipped] == [(8, "totals"), (9, "notes")]
    mapping = map_columns(list(table.frame.columns), "placements")
    assert mapping.fields["count_l"] == "Jenis Kelamin L"
    assert mapping.fields["count_p"] == "Jenis Kelamin P"
    assert mapping.fields["village_code"] == "Kode Desa"


def test_xlsx_by_index_and_unknown_sheet(tmp_path):
    def build(wb):
        wb.active.append(["Desa", "Jumlah"])
        wb.active.append(["Lontar", 3])
        wb.create_sheet("Kedua").append(["Desa", "Jumlah"])

    data = _xlsx(tmp_path / "s.xlsx", build)
    assert read_table(data, "s.xlsx", sheet=0).frame["Jumlah"].tolist() == [3]
    with pytest.raises(TableError) as err:
        read_table(data, "s.xlsx", sheet="Tidak Ada")
    assert err.value.code == "no_sheet" and "Kedua" in err.value.params["sheets"]


def test_bad_files_raise_named_errors(tmp_path):
    with pytest.raises(TableError) as err:
        read_table(b"", "kosong.csv")
    assert err.value.code == "empty_file" and err.value.file == "kosong.csv"
    with pytest.raises(TableError) as err:
        read_table(b"PK\x03\x04 not really a zip", "rusak.xlsx")
    assert err.value.code == "bad_xlsx"
    with pytest.raises(TableError) as err:
        read_table(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "rusak.xls")
    assert err.value.code == "bad_xlsx"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1.210", 1210.0),
        ("1.210,5", 1210.5),
        ("1,210.5", 1210.5),
        ("12,5", 12.5),
        ("1.234.567", 1234567.0),
        (" 7 ", 7.0),
        ("-", 0.0),
        (1210, 1210.0),
        ("-3", -3.0),
        ("abc", None),
        ("", None),
    ],
)
def test_indonesian_numbers(raw, expected):
    assert parse_number(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "29 Desember 2023",
        "29 Des 2023",
        "29/12/2023",
        "29-12-2023",
        "2023-12-29",
        "Jumat, 29 Desember 2023",
        45289,
    ],
)
def test_indonesian_dates(raw):
    assert parse_date(raw) == date(2023, 12, 29)


def test_month_year_dates_and_non_dates():
    assert parse_date("Agustus 2021") == date(2021, 8, 1)
    assert parse_date("Pebruari 2020") == date(2020, 2, 1)
    assert parse_date("bukan tanggal") is None
    assert parse_date("31/02/2023") is None


def test_without_a_sheet_name_the_sheet_that_looks_like_data_is_read(tmp_path):
    def build(wb):
        wb.active.title = "Petunjuk"
        wb.active["A1"] = "Isi data di lembar berikutnya"
        ws = wb.create_sheet("Rekap")
        ws.append(["Judul"])
        ws.append(["Kode Desa", "Desa", "Jumlah PMI"])
        ws.append(["36.04.13.2007", "Lontar", 5])

    data = _xlsx(tmp_path / "g.xlsx", build)
    table = read_table(data, "g.xlsx", header_score=header_score)
    assert table.sheet == "Rekap" and table.frame["Jumlah PMI"].tolist() == [5]


def test_old_excel_xls_with_title_and_merged_header(tmp_path):
    xlwt = pytest.importorskip("xlwt", reason="xlwt (dev requirement) writes the .xls test file")
    wb = xlwt.Workbook()
    ws = wb.add_sheet("Rekap 2023")
    ws.write_merge(0, 0, 0, 4, "REKAP PENEMPATAN PMI 2023")
    for c, text in enumerate(["Kode Desa", "Desa", "Jenis Kelamin", None, "Jumlah"]):
        if text:
            ws.write(2, c, text)
    ws.merge(2, 2, 2, 3)
    ws.write(3, 2, "L")
    ws.write(3, 3, "P")
    for r, (code, name, men, women) in enumerate(
        [(3604132007, "Lontar", 3, 1207), ("3604132002", "Samparwadi", 2, 10)]
    ):
        for c, value in enumerate([code, name, men, women, men + women]):
            ws.write(4 + r, c, value)
    ws.write(6, 1, "JUMLAH")
    wb.save(str(tmp_path / "lama.xls"))
    table = read_table((tmp_path / "lama.xls").read_bytes(), "lama.xls", header_score=header_score)
    assert table.kind == "xls" and table.sheet == "Rekap 2023"
    assert list(table.frame.columns) == ["Kode Desa", "Desa", "Jenis Kelamin L", "Jenis Kelamin P", "Jumlah"]
    assert table.frame["Jenis Kelamin P"].map(parse_number).tolist() == [1207.0, 10.0]
    assert [(s.row, s.reason) for s in table.skipped] == [(7, "totals")]


def test_html_table_saved_as_xls(tmp_path):
    html = (
        "<html><body><h3>Data PMI</h3><table><tr><td>Kode Wilayah</td><td>Desa</td><td>Jumlah PMI</td></tr>"
        "<tr><td>36.04.13.2007</td><td>Lontar</td><td>1.210</td></tr>"
        "<tr><td>3604132002</td><td>Samparwadi</td><td>12</td></tr></table></body></html>"
    )
    table = read_table(html.encode("cp1252"), "export_siskop.xls", header_score=header_score)
    assert table.kind == "html"
    assert table.frame["Kode Wilayah"].tolist() == ["36.04.13.2007", "3604132002"]
    assert table.frame["Jumlah PMI"].map(parse_number).tolist() == [1210.0, 12.0]


def test_not_a_table_and_broken_csv_give_named_errors():
    with pytest.raises(TableError) as err:
        read_table(b"%PDF-1.4\n1 0 obj<<>>endobj\n", "surat.pdf")
    assert (err.value.code, err.value.file) == ("not_a_table", "surat.pdf")
    with pytest.raises(TableError) as err:
        read_table(bytes(range(256)) * 20, "acak.csv")
    assert err.value.code == "not_a_table"
    assert parse_date("45289") == date(2023, 12, 29)  # Excel serial written as text


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_long_csv_read_through_pandas_equals_the_csv_module(encoding, monkeypatch):
    """Past CSV_HEAD_ROWS records the body goes through pandas; the table must not change."""
    from loaders import tabular

    lines = ["REKAP PENEMPATAN PMI 2023", "", "No;Kode Desa;Desa/Kelurahan;Keterangan;Jumlah"]
    for i in range(1, 1201):
        note = '"Ds; dengan titik koma"' if i % 97 == 0 else ("Café" if i % 5 == 0 else "")
        lines.append(f"{i};36.04.13.{2000 + i % 20};Lontar {i % 13};{note};{i % 7 or '-'}")
        if i % 400 == 0:
            lines.append("")
    lines += [";;JUMLAH;;4.321", "Sumber: data contoh yang cukup panjang untuk catatan"]
    data = ("\r\n".join(lines) + "\r\n").encode(encoding)
    used = []
    body = tabular._csv_body
    monkeypatch.setattr(tabular, "_csv_body", lambda *a: used.append(body(*a)) or used[-1])
    fast = read_table(data, "rekap.csv")
    assert used and used[0] is not None  # blank lines: pyarrow refused, the pandas path was taken
    monkeypatch.setattr(tabular, "CSV_HEAD_ROWS", 10**9)
    slow = read_table(data, "rekap.csv")
    assert len(fast.frame) == 1200
    pd.testing.assert_frame_equal(
        fast.frame.fillna("").astype(str), slow.frame.fillna("").astype(str), check_dtype=False
    )
    assert fast.rows.tolist() == slow.rows.tolist()
    assert [(s.row, s.reason) for s in fast.skipped] == [(s.row, s.reason) for s in slow.skipped]
    assert (fast.header_row, fast.delimiter, fast.encoding) == (
        slow.header_row,
        slow.delimiter,
        slow.encoding,
    )


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
def test_long_csv_read_through_pyarrow_equals_the_csv_module(encoding, monkeypatch):
    """A long CSV with no blank line goes through pyarrow (distinct values and all), quoted
    delimiters and line breaks inside values included; the table must not change."""
    from loaders import tabular

    lines = ["Data PMI per desa", "No,Kode Desa,Desa/Kelurahan,Keterangan,Jumlah"]
    for i in range(1, 1501):
        note = '"baris satu\r\nbaris dua, dengan koma"' if i % 211 == 0 else ("Café" if i % 5 == 0 else " ")
        lines.append(f"{i},36.04.13.{2000 + i % 20},Lontar {i % 13},{note},{i % 7 or '-'}")
    lines += [",,JUMLAH,,4.321", "Sumber: data contoh yang cukup panjang untuk catatan,,,,"]
    data = ("\r\n".join(lines) + "\r\n").encode(encoding)
    used = []
    arrow = tabular._arrow_body
    monkeypatch.setattr(tabular, "_arrow_body", lambda *a: used.append(arrow(*a)) or used[-1])
    fast = read_table(data, "desa.csv")
    assert used and used[0] is not None  # the pyarrow path was taken
    monkeypatch.setattr(tabular, "CSV_HEAD_ROWS", 10**9)
    slow = read_table(data, "desa.csv")
    assert len(fast.frame) == 1500
    assert fast.frame.loc[210, "Keterangan"] == "baris satu\r\nbaris dua, dengan koma"
    pd.testing.assert_frame_equal(fast.frame, slow.frame)
    assert fast.rows.tolist() == slow.rows.tolist()
    assert [(s.row, s.reason) for s in fast.skipped] == [(s.row, s.reason) for s in slow.skipped]


def test_long_csv_with_a_ragged_row_falls_back_to_the_csv_module():
    lines = (
        ["Kode Desa,Jumlah"] + [f"36.04.13.2007,{i}" for i in range(800)] + ["36.04.13.2008,5,extra,cells"]
    )
    from loaders import tabular

    head = [r.split(",") for r in lines[:500]]
    assert tabular._arrow_body("\n".join(lines), ",", head, 1, 2) is None
    assert tabular._csv_body("\n".join(lines), ",", head, 1, 2) is None
    table = read_table(("\n".join(lines) + "\n").encode(), "x.csv")
    assert len(table.frame) == 801 and table.frame.iloc[-1].tolist() == ["36.04.13.2008", "5"]
