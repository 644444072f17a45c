"""The layer import pipeline and its CLI, on files written here in the shapes real exports have."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import openpyxl
import pandas as pd
import pytest

from geo.codes import Level
from geo.gazetteer import gazetteer
from loaders.layers import analyse, commit, import_file, report_frame, status
from loaders.store import Store

ROOT = Path(__file__).resolve().parents[2]


def _villages(regency: str, n: int) -> pd.DataFrame:
    g = gazetteer()
    v = g[(g["level"] == 4) & (g["regency"] == regency)].head(n)
    return v.assign(district_name=v["district"].map(g["name"]), regency_name=v["regency"].map(g["name"]))


def store_bytes(root: Path) -> dict[str, str]:
    """Hash of every file and symlink under the store (the whole observable state)."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in sorted(dirnames + filenames):
            path = Path(dirpath) / name
            rel = str(path.relative_to(root))
            if path.is_symlink():
                out[rel] = "->" + os.readlink(path)
            elif path.is_file():
                out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def placements_csv(path: Path, regency: str, year: int, counts: list[int], *, n: int = 5) -> Path:
    """A semicolon CSV in Windows-1252 with title rows, dotless codes for half the rows, a totals row."""
    v = _villages(regency, n)
    lines = [
        f"REKAP PENEMPATAN PMI TAHUN {year}",
        "",
        "No;Kode Wilayah;Desa/Kelurahan;Kecamatan;Tahun;Jumlah PMI",
    ]
    for i, (code, name, district, count) in enumerate(
        zip(v["code"], v["name"], v["district_name"], counts, strict=False)
    ):
        shown = code.replace(".", "") if i % 2 else code
        lines.append(f"{i + 1};{shown};{name};{district};{year};{count:,}".replace(",", "."))
    lines.append(f";;JUMLAH;;;{sum(counts)}")
    path.write_bytes(("\n".join(lines) + "\n").encode("cp1252"))
    return path


def test_placements_csv_end_to_end(tmp_path):
    store = Store(tmp_path / "store")
    counts = [1210, 5, 0, 17, 3]
    plan, version = import_file(
        "placements", placements_csv(tmp_path / "p.csv", "36.04", 2023, counts), store
    )
    assert version == 1
    assert plan.rows_read == 5 and plan.matched == 5 and plan.unmatched == 0
    stored = store.read_layer("placements")
    assert sorted(stored["village"]) == sorted(_villages("36.04", 5)["code"])
    assert stored["count"].sum() == sum(counts)
    assert (stored["year"] == 2023).all()
    assert any(i.code == "skipped_totals" for i in plan.issues)
    info = status(store)["layers"]["placements"]
    assert info == {"versions": 1, "rows": 5, "villages": 5, "total": 1235}
    log = store.import_log()
    assert log[-1]["file"] == "p.csv"
    assert log[-1]["sha256"] == hashlib.sha256((tmp_path / "p.csv").read_bytes()).hexdigest()
    assert (log[-1]["rows_read"], log[-1]["rows_matched"], log[-1]["rows_rejected"]) == (5, 5, 0)
    assert log[-1]["mode"] == "append"


def test_row_level_file_is_aggregated_per_village_year_and_breakdown(tmp_path):
    v = _villages("35.10", 2)
    rows = [
        (
            "Ani",
            "3510000000000001",
            v["name"].iat[0],
            v["district_name"].iat[0],
            "29 Desember 2023",
            "P",
            "Hongkong",
        ),
        (
            "Budi",
            "3510000000000002",
            v["name"].iat[0],
            v["district_name"].iat[0],
            "02/01/2023",
            "Laki-laki",
            "Taiwan",
        ),
        (
            "Citra",
            "3510000000000003",
            v["name"].iat[0].upper(),
            v["district_name"].iat[0],
            "3 Mei 2023",
            "Perempuan",
            "hong kong",
        ),
        (
            "Dewi",
            "3510000000000004",
            v["name"].iat[1],
            v["district_name"].iat[1],
            "15/06/2022",
            "W",
            "Malaysia",
        ),
    ]
    header = "Nama PMI,NIK,Desa,Kecamatan,Tanggal Berangkat,L/P,Negara Tujuan\n"
    path = tmp_path / "pekerja.csv"
    path.write_text(
        "Kabupaten: Kab. Banyuwangi\n"
        + header.replace("Kecamatan", "Kecamatan,Kabupaten").replace("Desa,", "Desa,")
        + "".join(f"{a},{b},{c},{d},Kab. Banyuwangi,{e},{f},{g}\n" for a, b, c, d, e, f, g in rows),
        encoding="utf-8-sig",
    )
    plan, version = import_file("placements", path, Store(tmp_path / "s"))
    assert version is not None, [i.message("en") for i in plan.errors]
    assert plan.row_level
    assert {d.column for d in plan.dropped} == {"Nama PMI", "NIK"}
    stored = Store(tmp_path / "s").read_layer("placements")
    first = stored[stored["village"] == v["code"].iat[0]]
    women_hk = first[(first["gender"] == "P") & (first["destination"] == "Hong Kong")]
    assert women_hk["count"].sum() == 2 and set(women_hk["month"]) == {12, 5}
    assert first["count"].sum() == 3
    assert stored.loc[stored["village"] == v["code"].iat[1], "year"].tolist() == [2022]


def test_xlsx_with_merged_gender_header_gives_men_and_women_rows(tmp_path):
    v = _villages("52.03", 2)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rekap"
    ws.append(["Data PMI Kab. Lombok Timur Tahun 2024"])
    ws.append(["Kode Desa", "Nama Desa", "Jumlah PMI", None, "Total"])
    ws.append([None, None, "L", "P", None])
    ws.merge_cells("C2:D2")
    for code, name in zip(v["code"], v["name"], strict=True):
        ws.append([code.replace(".", ""), name, 4, 6, 10])
    ws.append([None, "Total", 8, 12, 20])
    wb.save(tmp_path / "rekap.xlsx")
    plan, version = import_file("placements", tmp_path / "rekap.xlsx", Store(tmp_path / "s"))
    assert version == 1, [i.message("en") for i in plan.issues]
    assert plan.mapping["count_l"] == "Jumlah PMI L" and plan.mapping["count_p"] == "Jumlah PMI P"
    stored = Store(tmp_path / "s").read_layer("placements")
    assert stored.groupby("gender")["count"].sum().to_dict() == {"L": 8, "P": 12}
    assert (stored["year"] == 2024).all()  # from the title row


def test_names_only_xlsx_with_merged_gender_header_is_matched_by_names(tmp_path):
    """Names (no codes) in a wide L/P table: each file row becomes two rows that keep its row number."""
    v = _villages("36.04", 6)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rekap 2023"
    ws.append(["DATA PENEMPATAN PMI BP3MI BANTEN TAHUN 2023"])
    ws.append([])
    ws.append(["No", "Wilayah", None, None, "Jumlah PMI", None])
    ws.append([None, "Kabupaten", "Kecamatan", "Desa", "L", "P"])
    ws.merge_cells("B3:D3")
    ws.merge_cells("E3:F3")
    for i, (name, district) in enumerate(zip(v["name"], v["district_name"], strict=True), 1):
        ws.append([i, "Kab. Serang", f"Kec. {district}", f"Desa {name.upper()}", i, 2 * i])
    ws.append([None, "JUMLAH", None, None, 21, 42])
    wb.save(tmp_path / "rekap.xlsx")
    plan, version = import_file("placements", tmp_path / "rekap.xlsx", Store(tmp_path / "s"))
    assert version == 1, [i.message("en") for i in plan.issues]
    assert plan.matched == 6 and plan.unmatched == 0
    stored = Store(tmp_path / "s").read_layer("placements")
    assert sorted(stored["village"].unique()) == sorted(v["code"])
    assert stored.groupby("gender")["count"].sum().to_dict() == {"L": 21, "P": 42}


def test_append_and_replace_semantics(tmp_path):
    store = Store(tmp_path / "store")
    import_file("placements", placements_csv(tmp_path / "a.csv", "36.04", 2022, [1, 1, 1]), store)
    import_file("placements", placements_csv(tmp_path / "b.csv", "36.04", 2023, [2, 2, 2]), store)
    import_file("placements", placements_csv(tmp_path / "c.csv", "35.10", 2023, [5, 5, 5]), store)
    assert status(store)["layers"]["placements"]["versions"] == 3
    assert status(store)["layers"]["placements"]["total"] == 3 + 6 + 15
    # replace: only Banten (36) 2023 rows go; Banten 2022 and Jawa Timur 2023 stay
    plan, _ = import_file(
        "placements", placements_csv(tmp_path / "d.csv", "36.04", 2023, [7, 7, 7]), store, mode="replace"
    )
    assert plan.scope() == {
        "provinces": ["36"],
        "years": [2023],
        "coverage": {"by_year": {"2023": ["36.04"]}},
    }
    stored = store.read_layer("placements")
    totals = stored.groupby([stored["village"].str[:2], "year"])["count"].sum().to_dict()
    assert totals == {("35", 2023): 15, ("36", 2022): 3, ("36", 2023): 21}
    assert [v["id"] for v in store.layer_meta("placements")["versions"]] == [1, 3, 4]
    # append adds on top (the steward's choice), replace_all keeps only the new file
    import_file(
        "placements", placements_csv(tmp_path / "e.csv", "36.04", 2023, [1, 1, 1]), store, mode="append"
    )
    assert status(store)["layers"]["placements"]["total"] == 3 + 15 + 21 + 3
    import_file(
        "placements", placements_csv(tmp_path / "f.csv", "35.10", 2021, [9]), store, mode="replace_all"
    )
    assert status(store)["layers"]["placements"] == {"versions": 1, "rows": 1, "villages": 1, "total": 9}


def test_delete_version(tmp_path):
    store = Store(tmp_path / "store")
    import_file("placements", placements_csv(tmp_path / "a.csv", "36.04", 2022, [1, 1]), store)
    import_file("placements", placements_csv(tmp_path / "b.csv", "36.04", 2023, [2, 2]), store)
    store.delete_layer_version("placements", 1)
    assert status(store)["layers"]["placements"] == {"versions": 1, "rows": 2, "villages": 2, "total": 4}


def test_rejected_import_leaves_the_store_byte_identical(tmp_path):
    store = Store(tmp_path / "store")
    import_file("placements", placements_csv(tmp_path / "a.csv", "36.04", 2022, [1, 2, 3]), store)
    before = store_bytes(store.root)
    bad = placements_csv(tmp_path / "bad.csv", "36.04", 2023, [4, 5, 6])
    bad.write_bytes(bad.read_bytes().replace(b";5\n", b";-5\n").replace(b";6\n", b";enam\n"))
    plan, version = import_file("placements", bad, store, mode="replace_all")
    assert version is None and not plan.accepted
    codes = {(i.code, i.row) for i in plan.errors}
    assert ("negative", 5) in codes and ("not_a_number", 6) in codes
    assert store_bytes(store.root) == before
    # the same through the CLI
    result = _cli("import", "placements", str(bad), "--store", str(store.root), "--mode", "replace_all")
    assert result.returncode == 1
    assert store_bytes(store.root) == before


def _cli(*args: str) -> subprocess.CompletedProcess:
    store_args = []
    if "--store" in args:
        i = args.index("--store")
        store_args = list(args[i : i + 2])
        args = args[:i] + args[i + 2 :]
    return subprocess.run(
        [sys.executable, "-m", "loaders.layers", *store_args, "--lang", "en", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def test_cli_exit_codes_report_and_status(tmp_path):
    store_dir = tmp_path / "store"
    good = placements_csv(tmp_path / "good.csv", "36.04", 2023, [3, 4, 5, 6])
    with good.open("ab") as fh:
        fh.write("9;;Desa Tidak Ada Sama Sekali;Tirtayasa;2023;8\n".encode("cp1252"))
    report = tmp_path / "report.csv"
    ok = _cli("import", "placements", str(good), "--report", str(report), "--store", str(store_dir))
    assert ok.returncode == 0, ok.stderr
    lines = pd.read_csv(report)
    unmatched = lines[lines["severity"] == "unmatched"]
    assert unmatched["row"].tolist() == [9]
    assert "Desa Tidak Ada Sama Sekali" in unmatched["message"].iat[0]
    st = _cli("status", "--json", "--store", str(store_dir))
    assert st.returncode == 0
    info = json.loads(st.stdout)
    assert info["layers"]["placements"] == {"versions": 1, "rows": 4, "villages": 4, "total": 18}
    assert set(info["layers"]) == {
        "placements",
        "programmes",
        "enterprises",
        "reports",
        "returns",
        "population",
        "service_points",
    }
    assert info["layers"]["reports"] == {"versions": 0, "rows": 0, "villages": 0, "total": 0}
    empty = tmp_path / "kosong.csv"
    empty.write_text("Nama;Umur\nAni;30\n")
    bad = _cli(
        "import", "placements", str(empty), "--report", str(tmp_path / "r2.csv"), "--store", str(store_dir)
    )
    assert bad.returncode == 1
    assert "kosong.csv" in bad.stderr and "village" in bad.stderr.lower()
    assert "Ani" not in bad.stderr + bad.stdout + (tmp_path / "r2.csv").read_text(encoding="utf-8-sig")
    assert (
        _cli("import", "placements", str(tmp_path / "missing.csv"), "--store", str(store_dir)).returncode == 1
    )


def test_programmes_aliases_and_unknown_types(tmp_path):
    v = _villages("36.04", 4)
    frame = pd.DataFrame(
        {
            "Kode Desa": v["code"].tolist(),
            "Jenis Program": ["Desa Migran Produktif", "Kawan PMI", "MRC/BP PIPA", "kkbm"],
            "Tahun Berdiri": [2017, "2019", 2020, 2018],
            "Jumlah Anggota": ["25", 10, None, "1.020"],
            "Status": ["Aktif", "Tidak Aktif", "Ya", "aktif"],
        }
    )
    frame.to_excel(tmp_path / "program.xlsx", index=False, sheet_name="Program")
    plan, version = import_file("programmes", tmp_path / "program.xlsx", Store(tmp_path / "s"))
    assert version == 1, [i.message("en") for i in plan.issues]
    stored = Store(tmp_path / "s").read_layer("programmes").set_index("village")
    assert stored["programme"].to_dict() == dict(
        zip(v["code"], ["DESMIGRATIF", "KAWAN_PMI", "MRC", "KKBM"], strict=True)
    )
    assert stored.loc[v["code"].iat[3], "members"] == 1020
    assert stored["active"].tolist() == [True, False, True, True]


def test_enterprises_and_population(tmp_path):
    v = _villages("52.03", 3)
    ent = tmp_path / "usaha.csv"
    ent.write_text(
        "Kode Desa\tJenis Usaha\tKUR\tKoperasi\tJumlah Anggota\n"
        + "".join(f"{c}\t{t}\t{k}\t{o}\t{m}\n" for c, t, k, o, m in zip(
            [v["code"].iat[0], v["code"].iat[0], v["code"].iat[1]], ["Budidaya rumput laut", "BUDIDAYA RUMPUT LAUT", "Olahan pangan"],
            ["Ya", "ya", "Tidak"], ["Tidak", "tidak", "Ya"], [5, 7, 12], strict=True)),
        encoding="utf-8",
    )  # fmt: skip
    store = Store(tmp_path / "s")
    plan, version = import_file("enterprises", ent, store)
    assert version == 1, [i.message("en") for i in plan.issues]
    stored = store.read_layer("enterprises")
    seaweed = stored[stored["enterprise_type"] == "Budidaya Rumput Laut"]
    assert seaweed["count"].tolist() == [2] and seaweed["members"].tolist() == [12]
    assert seaweed["kur_credit"].tolist() == [True]
    pop = tmp_path / "penduduk.csv"
    pop.write_text(
        "Kode;Desa;Tahun;Jumlah Penduduk\n"
        + "".join(
            f"{c};{n};2023;{4 + i}.{100 * i:03d}\n"
            for i, (c, n) in enumerate(zip(v["code"], v["name"], strict=True))
        )
    )
    plan, version = import_file("population", pop, store)
    assert version == 1, [i.message("en") for i in plan.issues]
    assert status(store)["layers"]["population"] == {
        "versions": 1,
        "rows": 3,
        "villages": 3,
        "total": 4000 + 5100 + 6200,
    }


def test_reports_matched_by_coordinates(tmp_path, shared_data):
    villages = gpd.read_parquet(shared_data / "boundaries" / "desa" / "desa_36.parquet")
    villages = villages[villages["kode"].str.startswith("36.04.13.")].rename(
        columns={"kode": "code", "nama": "name"}
    )
    g = gazetteer()
    store = Store(tmp_path / "store")

    frame = villages[["code", "name", "geometry"]].assign(
        district_name=villages["code"].str[:8].map(g["name"]),
        regency_name="Kabupaten Serang",
        province_name="Banten",
        has_polygon=True,
    )
    store.write_province("36", {Level.VILLAGE: frame}, meta={"source": "test"})
    points = villages.geometry.representative_point()
    rows = [
        f"{d};{str(round(y, 6)).replace('.', ',')};{str(round(x, 6)).replace('.', ',')};Visa ziarah;Dicegah;2"
        for d, y, x in zip(["12/03/2024", "13/03/2024", "14/03/2024"], points.y, points.x, strict=False)
    ]
    rows.append("15/03/2024;0;0;Visa turis;Dipulangkan;1")
    path = tmp_path / "laporan.csv"
    path.write_text("Tanggal Laporan;Lintang;Bujur;Modus;Hasil;Jumlah Orang\n" + "\n".join(rows) + "\n")
    # the same points in one "Titik Koordinat" column, as field reports often write them
    one = tmp_path / "laporan_satu_kolom.csv"
    one.write_text(
        "Tanggal;Titik Koordinat;Jumlah\n"
        + "".join(
            f"0{i + 1}/04/2024;{y:.6f}, {x:.6f};1\n"
            for i, (y, x) in enumerate(zip(points.y, points.x, strict=False))
        )
    )
    single = analyse("reports", one.read_bytes(), one.name, store)
    assert single.methods == {"point": len(points)}, [i.message("en") for i in single.issues]
    # the words may stand in brackets after a general header: "Lokasi (lat, long)"
    bracketed = one.read_text().replace("Titik Koordinat", "Lokasi (lat, long)").encode()
    plan = analyse("reports", bracketed, "lokasi.csv", store)
    assert plan.mapping.get("coordinates") == "Lokasi (lat, long)"
    assert plan.methods == {"point": len(points)}, [i.message("en") for i in plan.issues]
    plan, version = import_file("reports", path, store)
    assert version == 1, [i.message("en") for i in plan.issues]
    assert plan.methods == {"point": 3} and plan.unmatched == 1
    stored = store.read_layer("reports")
    assert sorted(stored["village"]) == sorted(villages["code"].iloc[:3])
    assert set(stored["outcome"]) == {"PREVENTED"} and stored["persons"].sum() == 6
    assert any(i.code == "match_point_outside" and i.row == 5 for i in plan.issues)


def test_a_file_with_only_bps_codes_is_rejected_with_a_message_naming_them(tmp_path):
    path = tmp_path / "bps.csv"
    path.write_text("Kode BPS Desa,Tahun,Jumlah\n3604010001,2023,3\n3604010002,2023,4\n")
    store = Store(tmp_path / "store")
    plan = analyse("placements", path.read_bytes(), path.name, store)
    assert not plan.accepted
    [issue] = plan.errors
    assert issue.code == "only_bps_column" and issue.column == "Kode BPS Desa"
    assert "BPS" in issue.message("en") and "Kemendagri" in issue.message("en")
    assert not (tmp_path / "store").exists()


def test_a_recap_per_regency_is_rejected_with_a_message_saying_villages_are_needed(tmp_path):
    path = tmp_path / "rekap_kabupaten.csv"
    path.write_text("Kabupaten/Kota;Tahun;Jumlah PMI\nKab. Banyuwangi;2023;1.210\nKota Malang;2023;55\n")
    plan = analyse("placements", path.read_bytes(), path.name, Store(tmp_path / "store"))
    [issue] = plan.errors
    assert issue.code == "only_area_columns" and issue.column == "Kabupaten/Kota"
    assert "per regency or district" in issue.message("en") and "kabupaten/kota" in issue.message("id")


def test_categories_are_written_one_way_whatever_the_case_of_the_file(tmp_path):
    v = _villages("35.10", 3)
    path = tmp_path / "per_pekerja.csv"
    rows = [
        f"{code};2021;{sector};{destination}"
        for code, sector, destination in zip(
            v["code"],
            ["PLRT", "plrt", "PENATA LAKSANA RUMAH TANGGA"],
            ["Taiwan, R.O.C.", "TAIWAN", "Hong Kong SAR"],
            strict=True,
        )
    ]
    path.write_text("Kode Desa;Tahun;Jabatan;Negara Penempatan\n" + "\n".join(rows) + "\n")
    plan, version = import_file("placements", path, Store(tmp_path / "store"))
    assert version == 1, [i.message("en") for i in plan.issues]
    stored = Store(tmp_path / "store").read_layer("placements")
    assert sorted(stored["sector"]) == ["PLRT", "PLRT", "Penata Laksana Rumah Tangga"]
    assert sorted(stored["destination"]) == ["Hong Kong", "Taiwan", "Taiwan"]


def test_report_frame_names_file_row_column_and_fix(tmp_path):
    path = placements_csv(tmp_path / "x.csv", "36.04", 2023, [1, 2])
    with path.open("ab") as fh:
        fh.write(b"3;3604130007;;;2023;4\n")  # a BPS code
    plan = analyse("placements", path.read_bytes(), path.name, Store(tmp_path / "s"))
    report = report_frame(plan, "id")
    bps = report[report["problem"] == "match_code_looks_like_bps"]
    assert bps["row"].tolist() == [7] and bps["file"].tolist() == ["x.csv"]
    assert "kode BPS" in bps["message"].iat[0] and "Kemendagri" in bps["message"].iat[0]
    assert commit(plan, Store(tmp_path / "s")) == 1


def test_wide_year_columns_and_units_in_counts(tmp_path):
    v = _villages("35.10", 3)
    lines = ["Desa;Kecamatan;Kabupaten;2021;2022;Tahun 2023"]
    for i, (name, district) in enumerate(zip(v["name"], v["district_name"], strict=True)):
        lines.append(f"{name};{district};Kab. Banyuwangi;{i} orang;1.00{i};-")
    path = tmp_path / "wide.csv"
    path.write_text("\n".join(lines) + "\n")
    store = Store(tmp_path / "s")
    plan, version = import_file("placements", path, store)
    assert version == 1, [i.message("en") for i in plan.issues]
    assert plan.matched == 3 and plan.rows_read == 3
    stored = store.read_layer("placements")
    assert stored.groupby("year")["count"].sum().to_dict() == {2021: 3, 2022: 3003, 2023: 0}


def test_programme_matrix_and_excel_sep_hint(tmp_path):
    v = _villages("36.04", 3)
    lines = ["sep=;", "Kode Desa;KKBM;Desmigratif;Kawan PMI;Keterangan"]
    marks = [("Ya", "", "✓"), ("Tidak", "v", ""), ("", "", "")]
    for code, (a, b, c) in zip(v["code"], marks, strict=True):
        lines.append(f"{code};{a};{b};{c};-")
    path = tmp_path / "matriks.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    store = Store(tmp_path / "s")
    plan, version = import_file("programmes", path, store)
    assert version == 1, [i.message("en") for i in plan.issues]
    stored = store.read_layer("programmes")
    got = sorted(zip(stored["village"], stored["programme"], strict=True))
    codes = v["code"].tolist()
    assert got == [(codes[0], "KAWAN_PMI"), (codes[0], "KKBM"), (codes[1], "DESMIGRATIF")]


def test_year_cells_formatted_as_dates_are_read_as_years(tmp_path):
    v = _villages("36.04", 2)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Kode Desa", "Tahun", "Jumlah"])
    for code in v["code"]:
        ws.append([code, 2023, 4])
        ws.cell(ws.max_row, 2).number_format = "dd/mm/yyyy"  # 2023 shown (and read) as 15/07/1905
    wb.save(tmp_path / "tgl.xlsx")
    plan, version = import_file("placements", tmp_path / "tgl.xlsx", Store(tmp_path / "s"))
    assert version == 1, [i.message("en") for i in plan.issues]
    assert Store(tmp_path / "s").read_layer("placements")["year"].tolist() == [2023, 2023]


def _aggregated_the_plain_way(layer: str, rows: pd.DataFrame) -> pd.DataFrame:
    """The straightforward aggregation: pandas groupby on the keys, missing keys kept."""
    from loaders.layers import layer_spec

    spec = layer_spec(layer)
    keys = list(spec.keys)
    frame = rows.reindex(columns=list(spec.columns)).astype(object)
    for c in ("count", "persons", "residents", "members", "start_year"):
        if c in frame:
            frame[c] = pd.to_numeric(frame[c], errors="coerce")
    agg = {
        c: {"members": lambda s: s.sum(min_count=1), "start_year": "min"}.get(
            c, "sum" if c in ("count", "persons", "residents") else "first"
        )
        for c in spec.columns
        if c not in keys
    }
    if "active" in agg:
        agg["active"] = lambda s: s.dropna().any() if s.notna().any() else None
    out = frame.groupby(keys, dropna=False, sort=False).agg(agg).reset_index()
    return out


@pytest.mark.parametrize("layer", ["placements", "programmes", "enterprises"])
def test_aggregation_equals_a_plain_groupby(layer):
    """Rows become one stored row per village and breakdown: the same groups, sums, firsts and
    minima as a plain groupby (missing keys a group of their own), sorted by the keys."""
    import numpy as np

    from loaders.layers import _aggregate, layer_spec

    rng = np.random.default_rng(5)
    n = 4000
    villages = np.array(["36.04.13.2007", "36.04.13.2008", "35.01.01.2001", None], dtype=object)
    rows = pd.DataFrame(
        {
            "village": villages[rng.integers(0, 4, n)],
            "year": pd.array(rng.choice([2021, 2022, None], n), dtype="Int64"),
            "month": pd.array(rng.choice([1, 6, None], n), dtype="Int64"),
            "gender": rng.choice(np.array(["L", "P", None], dtype=object), n),
            "destination": rng.choice(np.array(["Malaysia", "Taiwan"], dtype=object), n),
            "programme": rng.choice(np.array(["KKBM", "Desmigratif", None], dtype=object), n),
            "enterprise_type": rng.choice(np.array(["Warung", "Tani"], dtype=object), n),
            "kur_credit": rng.choice(np.array([True, False, None], dtype=object), n),
            "start_year": pd.array(rng.choice([2019, 2020, None], n), dtype="Int64"),
            "members": pd.array(rng.choice([5, 12, None], n), dtype="Int64"),
            "active": rng.choice(np.array([True, False, None], dtype=object), n),
            "count": pd.array(rng.integers(1, 9, n), dtype="Int64"),
            "_row": np.arange(n),
        }
    )
    spec = layer_spec(layer)
    got = _aggregate(layer, rows)
    want = _aggregated_the_plain_way(layer, rows)
    assert len(got) == len(want) and list(got.columns) == list(spec.columns)
    key = list(spec.keys)

    def plain(value, dtype):
        if pd.isna(value):
            return 0 if dtype in ("int16", "int64") else None  # stored without missing values
        return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value

    def by_key(frame):
        return {
            tuple(plain(r[k], spec.columns[k]) for k in key): tuple(
                plain(r[c], spec.columns[c]) for c in spec.columns if c not in key
            )
            for r in frame.astype(object).to_dict("records")
        }

    assert by_key(got) == by_key(want)
    assert got.equals(got.sort_values(key).reset_index(drop=True))
