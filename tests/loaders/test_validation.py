"""Validation: every value problem named by file row and column, with the fix; the file is rejected."""

from __future__ import annotations

from datetime import date

import pandas as pd

from geo.gazetteer import gazetteer
from loaders.layers import analyse, import_file
from loaders.store import Store
from loaders.validation import duplicate_rows, schema_for


def _codes(regency: str, n: int) -> list[str]:
    g = gazetteer()
    return g[(g["level"] == 4) & (g["regency"] == regency)]["code"].head(n).tolist()


def test_each_value_problem_is_reported_by_row_and_column(tmp_path):
    c = _codes("36.04", 6)
    text = (
        "Kode Desa,Tahun,Jumlah PMI,Bulan\n"
        f"{c[0]},2023,10,1\n"
        f"{c[1]},2023,-4,2\n"  # row 3: negative
        f"{c[2]},2023,sepuluh,3\n"  # row 4: not a number
        f"{c[3]},1850,2,4\n"  # row 5: impossible year
        f"{c[4]},{date.today().year + 5},2,5\n"  # row 6: future year
        f"{c[5]},2023,2,13\n"  # row 7: month 13
        f"{c[0]},2023,3,1\n"  # row 8: duplicates row 2
        f"{c[1]},2023,2.5,6\n"  # row 9: 2,5 people
    )
    path = tmp_path / "salah.csv"
    path.write_text(text)
    store = Store(tmp_path / "store")
    plan, version = import_file("placements", path, store)
    assert version is None and not (tmp_path / "store").exists()
    found = {(i.code, i.row, i.column) for i in plan.errors}
    assert found == {
        ("negative", 3, "Jumlah PMI"),
        ("not_a_number", 4, "Jumlah PMI"),
        ("year_range", 5, "Tahun"),
        ("year_range", 6, "Tahun"),
        ("month_range", 7, "Bulan"),
        ("duplicate", 8, "Kode Desa, Tahun, Bulan"),  # the file's columns, never the stored keys
        ("not_whole", 9, "Jumlah PMI"),
    }
    messages = {i.code: i.message("en") for i in plan.errors}
    assert "Row 3, column 'Jumlah PMI': '-4' is negative" in messages["negative"]
    assert "Row 8 repeats row 2" in messages["duplicate"]
    assert "between 1950 and" in messages["year_range"]
    assert "Baris 4, kolom 'Jumlah PMI': 'sepuluh' bukan angka" in plan.errors[1].message("id")


def test_skip_invalid_imports_the_good_rows_and_reports_the_rest(tmp_path):
    c = _codes("35.10", 3)
    path = tmp_path / "x.csv"
    path.write_text(f"Kode Desa;Tahun;Jumlah PMI\n{c[0]};2023;5\n{c[1]};2023;-1\n{c[2]};2023;7\n")
    plan, version = import_file("placements", path, Store(tmp_path / "s"), skip_invalid=True)
    assert version == 1
    assert plan.invalid == 1 and plan.matched == 2
    assert [(i.code, i.row, i.severity) for i in plan.issues if i.code == "negative"] == [
        ("negative", 3, "skipped")
    ]
    assert Store(tmp_path / "s").read_layer("placements")["count"].sum() == 12


def test_unknown_programme_types_after_aliases(tmp_path):
    c = _codes("52.03", 3)
    path = tmp_path / "p.csv"
    path.write_text(
        f"Kode Desa,Jenis Program\n{c[0]},Program KKBM Desa\n{c[1]},Sekolah Lapang\n{c[2]},Perdes Pelindungan PMI\n"
    )
    plan = analyse("programmes", path.read_bytes(), "p.csv", Store(tmp_path / "s"))
    assert [(i.code, i.row, i.column) for i in plan.errors] == [("programme_unknown", 3, "Jenis Program")]
    assert "Sekolah Lapang" in plan.errors[0].message("en") and "Desmigratif" in plan.errors[0].message("en")


def test_missing_required_columns_name_the_file_and_the_fix(tmp_path):
    c = _codes("36.04", 1)
    plan = analyse(
        "population", f"Kode Desa;Tahun\n{c[0]};2023\n".encode(), "pend.csv", Store(tmp_path / "s")
    )
    assert [i.code for i in plan.errors] == ["no_residents_column"]
    assert "pend.csv" in plan.errors[0].message("en") and "Jumlah Penduduk" in plan.errors[0].message("en")
    plan = analyse(
        "placements", f"Kode Desa;Jumlah\n{c[0]};3\n".encode(), "tanpa_tahun.csv", Store(tmp_path / "s")
    )
    assert [i.code for i in plan.errors] == ["no_year"]


def test_schema_and_duplicates_directly():
    schema = schema_for("placements")
    assert {"year", "count", "month"} <= set(schema.columns)
    dup = duplicate_rows(
        pd.DataFrame({"village": ["a", "a", "b"], "year": [1, 1, 1]}),
        ["village", "year"],
        pd.Series([5, 9, 11]),
    )
    assert [(i.row, i.params["first"]) for i in dup] == [(9, 5)]
