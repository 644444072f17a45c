"""Personal data never reaches the store, the log, the report or a message."""

from __future__ import annotations

import io
import os
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from geo.gazetteer import gazetteer
from loaders.layers import import_file, report_frame
from loaders.pii import personal_header, personal_kind, scrub
from loaders.store import Store

NIKS = ["3604131203850001", "3604134507900002", "3510016608920003", "5203015501880004"]
PHONES = ["0812-3456-7890", "+62 813 1111 2222", "085712345678", "081234567801"]
PASSPORTS = ["B1234567", "C7654321", "X1122334", "B9988776"]
NAMES = ["Siti Aminah Rahayu", "Budi Santoso Wibowo", "Dewi Lestari Ningsih", "Wahyu Hidayat Saputra"]
SECRET = [*NIKS, *PHONES, *PASSPORTS, *NAMES, "siti@example.co.id", "Jl. Melati No. 17"]


def _all_text(root: Path) -> tuple[bytes, str]:
    """Every byte under the store, and every parquet cell as text (compression can hide bytes)."""
    raw = b""
    cells = []
    for dirpath, _, filenames in os.walk(root):
        for name in filenames:
            path = Path(dirpath) / name
            raw += path.read_bytes()
            if name.endswith(".parquet"):
                frame = pd.read_parquet(path)
                cells.append(frame.astype(str).to_csv())
    return raw, "\n".join(cells)


def test_planted_personal_data_never_reaches_store_log_or_report(tmp_path):
    g = gazetteer()
    v = g[(g["level"] == 4) & (g["regency"] == "36.04")].head(4)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["DAFTAR CPMI BERANGKAT 2023"])
    ws.append(
        ["No", "Nama Lengkap", "NIK", "No. Paspor", "No HP/WA", "Alamat", "Tgl Lahir", "E-mail", "Keterangan",
         "Kode Desa", "Jenis Kelamin", "Negara Tujuan", "Catatan Petugas"]
    )  # fmt: skip
    for i in range(4):
        ws.append(
            [i + 1, NAMES[i], NIKS[i], PASSPORTS[i], PHONES[i], "Jl. Melati No. 17", "12/03/1985", "siti@example.co.id",
             NIKS[(i + 1) % 4], v["code"].iat[i], "P", "Taiwan", f"hub. {PHONES[(i + 2) % 4]}" if i == 0 else "ok"]
        )  # fmt: skip
    path = tmp_path / "cpmi.xlsx"
    wb.save(path)
    store = Store(tmp_path / "store")
    plan, version = import_file("placements", path, store)
    assert version == 1, [i.message("en") for i in plan.issues]
    dropped = {d.column: (d.kind, d.by) for d in plan.dropped}
    assert dropped == {
        "Nama Lengkap": ("name", "header"),
        "NIK": ("nik", "header"),
        "No. Paspor": ("passport", "header"),
        "No HP/WA": ("phone", "header"),
        "Alamat": ("address", "header"),
        "Tgl Lahir": ("birth", "header"),
        "E-mail": ("email", "header"),
        "Keterangan": ("nik", "content"),  # a harmless header hiding NIKs
    }
    assert store.read_layer("placements")["count"].sum() == 4
    raw, cells = _all_text(store.root)
    report = report_frame(plan, "id").to_csv() + report_frame(plan, "en").to_csv()
    messages = " ".join(i.message(lang) for i in plan.issues for lang in ("id", "en"))
    for secret in SECRET:
        for variant in {secret, secret.replace("-", "").replace(" ", "")}:
            assert variant.encode() not in raw, variant
            assert variant not in cells and variant not in report and variant not in messages, variant
    # the stray phone number in a free-text column was blanked and reported by row, not by value
    blanked = [i for i in plan.issues if i.code == "personal_values_blanked"]
    assert blanked and blanked[0].params["rows"] == "3"


def test_personal_values_in_a_mapped_column_are_blanked_not_stored(tmp_path):
    g = gazetteer()
    v = g[(g["level"] == 4) & (g["regency"] == "35.10")].head(8)
    csv = "Kode Desa;Tahun;Jumlah;Sektor\n" + "".join(
        f"{c};2023;2;{s}\n"
        for c, s in zip(v["code"], ["Formal"] * 3 + [f"Informal {NIKS[0]}"] + ["Formal"] * 4, strict=True)
    )
    store = Store(tmp_path / "s")
    plan, version = import_file("placements", _write(tmp_path / "x.csv", csv), store)
    assert version == 1
    raw, cells = _all_text(store.root)
    assert NIKS[0].encode() not in raw and NIKS[0] not in cells
    assert set(store.read_layer("placements")["sector"].dropna()) == {"Formal"}


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        ("NIK", "nik"),
        ("No. KTP", "nik"),
        ("Nama PMI", "name"),
        ("NAMA CPMI", "name"),
        ("Nomor Paspor", "passport"),
        ("No. Telp", "phone"),
        ("Tempat/Tgl Lahir", "birth"),
        ("Alamat Lengkap", "address"),
        ("Email", "email"),
        ("No KK", "family_card"),
        ("Nama Desa", None),
        ("Village name", None),
        ("Jumlah KK", None),
        ("Nama Program", None),
        ("Jumlah PMI", None),
        ("Kecamatan", None),
        ("Nama P3MI", None),
        ("Nama PJTKI", None),
        ("Nama Perusahaan Penempatan", None),
        ("Nama Sponsor", "name"),
    ],
)
def test_personal_headers(header, kind):
    assert personal_header(header) == kind


def test_personal_content_shapes():
    assert personal_kind(3604131203850001) == "nik"  # Excel number
    assert personal_kind(3.604131203850001e15) == "nik"
    assert personal_kind("3604 1312 0385 0001") == "nik"
    assert personal_kind("NIK: 3604131203850001") == "nik"
    assert personal_kind("0857-1234-5678") == "phone"
    assert personal_kind("ani.s@gmail.com") == "email"
    for harmless in ("3604132007", "36.04.13.2007", "1.210", "Taiwan", "2023", 1210, "G to G"):
        assert personal_kind(harmless) is None


def test_scrub_reports_columns_never_values():
    frame = pd.DataFrame({"Info": NIKS, "Desa": ["A", "B", "C", "D"]})
    out = scrub(frame)
    assert list(out.frame.columns) == ["Desa"]
    assert [(d.column, d.kind, d.by) for d in out.dropped] == [("Info", "nik", "content")]
    assert not any(n in repr(out.dropped) for n in NIKS)
    assert "Info" in frame  # input untouched
    assert io.StringIO(out.frame.to_csv()).getvalue().count("36") == 0


def test_village_codes_are_kept_and_phone_numbers_starting_62_are_dropped():
    frame = pd.DataFrame(
        {
            "Kode": ["36.04.13.2007", "6201012001", "3604132007", "62.08.01.2003"] * 3,
            "Catatan": ["6281234567", "081234567890", "+62 812-3456-7890", "628123456789"] * 3,
        }
    )
    out = scrub(frame)
    assert list(out.frame.columns) == ["Kode"]
    assert [(d.column, d.kind, d.by) for d in out.dropped] == [("Catatan", "phone", "content")]


def test_scrub_with_the_tables_distinct_values_equals_scrub_without():
    """A long CSV (read with each column's distinct values) gives the same scrub either way:
    the two stray phone numbers blanked at their rows, the one in a left-out totals row ignored."""
    from loaders.tabular import read_table

    lines = ["No,Kode Desa,Desa,Keterangan,Catatan,Jumlah"]
    for i in range(1, 901):
        note = PHONES[i % 4] if i in (17, 640) else ("baru" if i % 3 else "")
        lines.append(f"{i},36.04.13.{2000 + i % 20},Lontar {i % 13},{note},-,{i % 7}")
    lines.append(f",,JUMLAH,{PHONES[0]},0899-1111-2222,4.321")
    table = read_table(("\n".join(lines) + "\n").encode(), "rekap.csv")
    assert len(table.frame) == 900 and set(table.distinct) == set(table.frame.columns)
    with_distinct = scrub(table.frame, distinct=table.distinct)
    without = scrub(table.frame)
    pd.testing.assert_frame_equal(with_distinct.frame, without.frame)
    assert with_distinct.dropped == without.dropped == []
    assert with_distinct.blanked == without.blanked == {"Keterangan": [16, 639]}
    assert with_distinct.frame["Keterangan"].isna().sum() == 2


@pytest.mark.parametrize(
    "name",
    [
        "PT. Mitra Sejahtera Insani",
        "PT MITRA SEJAHTERA INSANI",
        "Mitra Sejahtera Insani, PT",
        "P.T. Bina Tenaga Kerja",
        "CV. Karya Bersama",
        "PT Avida Avia Duta",
        "Duta Wibawa Mandiri",
        "Bhakti Persada Nusantara",
    ],
)
def test_a_recruitment_agency_is_no_persons_name(name):
    """Testers' P3MI column ("PT. Mitra Sejahtera Insani") was dropped as a person's name."""
    from loaders.pii import is_company_name, looks_personal, person_name_column

    assert is_company_name(name)
    assert not looks_personal(name)  # a header cell holding it is not relabelled as personal
    assert not person_name_column(pd.Series([name, "PT Sinar Harapan Utama"] * 5))


@pytest.mark.parametrize("name", ["Siti Aminah", "Baiq Nurul Hidayati", "Made Utama Putra", "Sri Jaya Wati"])
def test_people_are_no_companies(name):
    from loaders.pii import is_company_name, looks_personal

    assert not is_company_name(name) and looks_personal(name)
