"""The third batch of office file shapes (issue 25), imported as a data steward would: every file
built here from real gazetteer names (both Kediris, villages whose names repeat across the
districts of one regency, a district named Kediri in Lombok Barat) into a store of real village
boundaries of provinces 35, 36 and 52, with ``--mode append``. Every recoverable row lands in its
village, none in a wrong one, no value is stored as another kind, and no sheet or data column is
left out without a word; every refused file leaves the store byte-identical."""

from __future__ import annotations

import io

import geopandas as gpd
import openpyxl
import pandas as pd
import pytest
from fuzzing import store_digest

from geo.boundaries import repair_geometry
from geo.gazetteer import gazetteer
from loaders.boundaries import write_boundaries
from loaders.layers import analyse, cli, report_frame, summary_messages
from loaders.store import Store

#: Regencies of the store: Kab. and Kota Kediri, Kab. Serang, Lombok Barat/Tengah/Timur.
REGENCIES = {"35": ["35.06", "35.71"], "36": ["36.04"], "52": ["52.01", "52.02", "52.03"]}


@pytest.fixture(scope="module")
def real_store(shared_data, tmp_path_factory) -> Store:
    """Real village boundaries of six regencies of provinces 35, 36 and 52, through the writer."""
    store = Store(tmp_path_factory.mktemp("forms3") / "store")
    for province, regencies in REGENCIES.items():
        desa = gpd.read_parquet(shared_data / "boundaries" / "desa" / f"desa_{province}.parquet")
        desa = desa[desa["kode"].str[:5].isin(regencies)]
        geometry, _ = repair_geometry(desa.geometry.values)
        villages = gpd.GeoDataFrame({"code": desa["kode"].to_numpy()}, geometry=geometry, crs=4326)
        write_boundaries(store, province, villages, source={"source": "wilayah_boundaries (test)"})
    return store


@pytest.fixture()
def store(real_store, tmp_path) -> Store:
    """A copy of the real store for one test (imports append to it)."""
    return real_store.snapshot(tmp_path / "store")


def _villages(regency: str, n: int | None = None, *, district: str | None = None) -> pd.DataFrame:
    g = gazetteer()
    v = g[(g["level"] == 4) & (g["regency"] == regency)]
    if district:
        v = v[v["district"] == district]
    v = v if n is None else v.head(n)
    return v.assign(district_name=v["district"].map(g["name"]), regency_name=v["regency"].map(g["name"]))


def _repeated_names(regency: str) -> pd.DataFrame:
    """Villages of ``regency`` whose name is also a village of another district of it."""
    v = _villages(regency)
    return v[v["name"].duplicated(keep=False)]


def _placed_right(plan, expected: dict) -> tuple[float, int]:
    """(share of the expected rows in their village, rows in a wrong village) from the join;
    rows are keyed ``row`` or, in a workbook read whole, ``"sheet!row"``."""
    joins = plan.joins
    if joins is None:
        return 0.0, 0
    matched = joins[joins["status"] == "matched"]
    keys = matched["row"].astype(str)
    if "sheet" in matched:
        keys = matched["sheet"].astype(str) + "!" + keys
    got = dict(zip(keys, matched["village"], strict=True))
    right = sum(got.get(str(k)) == v for k, v in expected.items())
    wrong = sum(1 for k, v in expected.items() if str(k) in got and got[str(k)] != v)
    return right / len(expected), wrong


def _xlsx(sheets: dict[str, list[list[object]]]) -> bytes:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _ods(sheets: dict[str, list[list[object]]]) -> bytes:
    pytest.importorskip("odf", reason="odfpy (dev requirement) writes the .ods test file")
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="odf") as writer:
        for name, rows in sheets.items():
            pd.DataFrame(rows).to_excel(writer, sheet_name=name, index=False, header=False)
    return buf.getvalue()


def _csv(rows: list[list[object]]) -> bytes:
    return "\n".join(";".join("" if v is None else str(v) for v in row) for row in rows).encode()


def _import(store: Store, tmp_path, layer: str, name: str, data: bytes, *extra: str, capsys=None):
    """The command line with ``--mode append``: (exit code, its output, the report CSV)."""
    path = tmp_path / name
    path.write_bytes(data)
    report = tmp_path / "report.csv"
    argv = ["--store", str(store.root), "--lang", "en", "import", layer, str(path), "--mode", "append"]
    code = cli.main([*argv, "--report", str(report), *extra])
    out = capsys.readouterr() if capsys else None
    text = (out.out + out.err) if out else ""
    return code, text, pd.read_csv(report, encoding="utf-8-sig", dtype=str)


# --------------------------------------------------------------------------- 1. one sheet per regency
def _regency_sheets() -> tuple[dict[str, list[list[object]]], dict[str, str]]:
    """A recap sheet, then one sheet per Lombok regency without a regency column; Lombok Barat's
    rows include its district Kediri (also Kab. and Kota Kediri in Jawa Timur, a district of
    Tabanan in Bali)."""
    sheets = {"Rekap": [["REKAP PENEMPATAN PMI 2023"], ["No", "Kabupaten", "Jumlah"]]}
    expected = {}
    for i, (sheet, regency) in enumerate(
        [("Lombok Barat", "52.01"), ("Kab. Lombok Tengah", "52.02"), ("KAB LOMBOK TIMUR", "52.03")]
    ):
        v = _villages(regency)
        v = pd.concat([v[v["district_name"] == "Kediri"], v]).drop_duplicates("code").head(12)
        rows = [
            [f"DATA PENEMPATAN PMI {sheet.upper()} TAHUN 2023"],
            ["No", "Kecamatan", "Desa", "Jumlah PMI"],
        ]
        for j, r in enumerate(v.itertuples()):
            rows.append([j + 1, r.district_name.upper(), r.name, j + 1])
            expected[f"{sheet}!{j + 3}"] = r.code
        sheets[sheet] = rows
        sheets["Rekap"].append([i + 1, sheet, int(sum(range(1, len(v) + 1)))])
    return sheets, expected


def test_a_workbook_of_one_sheet_per_regency_is_read_whole_with_each_sheets_regency(store, tmp_path, capsys):
    sheets, expected = _regency_sheets()
    code, out, report = _import(store, tmp_path, "placements", "ntb.xlsx", _xlsx(sheets), capsys=capsys)
    assert code == 0, out
    stored = store.read_layer("placements")
    assert len(stored) == len(expected) and set(stored["village"]) == set(expected.values())
    assert all(name in out for name in sheets)  # every sheet named on the command line
    lines = report[report["severity"] == "sheet"]["message"].tolist()
    assert any("'Rekap' not read" in line for line in lines)
    assert sum("read: 12 rows" in line for line in lines) == 3
    plan = analyse("placements", _xlsx(sheets), "ntb.xlsx", store)
    share, wrong = _placed_right(plan, expected)
    assert share == 1.0 and wrong == 0
    kediri = plan.joins[plan.joins["district"] == "Kediri"]
    assert len(kediri) and set(kediri["village"].str[:8]) == {"52.01.02"}


def test_one_sheet_chosen_uses_the_regency_in_its_name(store, tmp_path, capsys):
    sheets, expected = _regency_sheets()
    code, out, _ = _import(
        store, tmp_path, "placements", "ntb.xlsx", _xlsx(sheets), "--sheet", "Lombok Barat", capsys=capsys
    )
    assert code == 0, out
    stored = store.read_layer("placements")
    assert set(stored["village"]) == {v for k, v in expected.items() if k.startswith("Lombok Barat!")}
    assert "Kab. Lombok Tengah" in out and "another sheet was chosen" in out


def test_sheets_of_village_rows_in_different_shapes_refuse_the_file_naming_them(store, tmp_path, capsys):
    v = _villages("36.04", 4)
    sheets = {
        "Penempatan": [["Kode Desa", "Tahun", "Jumlah"]] + [[c, 2023, 2] for c in v["code"]],
        "Per Negara": [["Kode Desa", "Negara Tujuan", "Sektor", "Tahun", "Jumlah"]]
        + [[c, "Taiwan", "Domestik", 2023, 1] for c in v["code"]],
    }
    before = store_digest(store.root)
    code, out, report = _import(store, tmp_path, "placements", "dua.xlsx", _xlsx(sheets), capsys=capsys)
    assert code == 1 and store_digest(store.root) == before
    assert "sheets_differ" in report["problem"].tolist()
    assert "Penempatan" in out and "Per Negara" in out and "--sheet" in out


def test_one_sheet_per_year_takes_each_sheets_year(store):
    v = _villages("35.71", 6)
    sheets = {
        str(y): [["Kode Desa", "Desa", "Jumlah"]]
        + [[c, n, y - 2020] for c, n in zip(v["code"], v["name"], strict=True)]
        for y in (2022, 2023)
    }
    plan = analyse("placements", _xlsx(sheets), "tahunan.xlsx", store)
    assert plan.accepted, [i.message("en") for i in plan.errors]
    assert plan.frame.groupby("year")["count"].sum().to_dict() == {2022: 12, 2023: 18}


# --------------------------------------------------------------------------- 2. one column per destination
def test_one_count_column_per_destination_becomes_rows_and_the_total_is_checked(store):
    v = _villages("35.06", 5)
    header = [
        "Kode Desa",
        "Desa",
        "Malaysia",
        "Taiwan",
        "Hong Kong",
        "Arab Saudi",
        "Negara Lainnya",
        "Jumlah",
    ]
    rows = [["REKAP PENEMPATAN PMI PER NEGARA TUJUAN TAHUN 2023"], header]
    parts = [[3, 0, 18, 1, 15], [0, 2, 0, 0, 0], [5, 5, 5, 5, 5], [1, 0, 0, 0, 0], [0, 0, 0, 0, 2]]
    for (code, name), p in zip(zip(v["code"], v["name"], strict=True), parts, strict=True):
        rows.append([code, name, *p, sum(p)])
    rows[-1][-1] = 99  # a total that is not the sum of its parts
    plan = analyse("placements", _xlsx({"Data": rows}), "negara.xlsx", store)
    assert plan.accepted, [i.message("en") for i in plan.errors]
    by_country = plan.frame.groupby("destination")["count"].sum().to_dict()
    assert by_country == {"Malaysia": 9, "Taiwan": 7, "Hong Kong": 23, "Arab Saudi": 6, "Lainnya": 22}
    assert not plan.frame["destination"].str.fullmatch(r"\d+").any()  # no count stored as a name
    assert int(plan.frame["count"].sum()) == sum(map(sum, parts))  # the Jumlah column never counted
    differs = [i for i in plan.issues if i.code == "total_differs"]
    assert len(differs) == 1 and "7" in differs[0].message("en")


def test_a_column_of_numbers_is_never_a_destination(store):
    v = _villages("36.04", 3)
    rows = [["Kode Desa", "Tahun", "Negara", "Jumlah"]] + [
        [c, 2023, n, 4] for c, n in zip(v["code"], [0, 18, 15], strict=True)
    ]
    plan = analyse("placements", _csv(rows), "angka.csv", store)
    assert plan.accepted, [i.message("en") for i in plan.errors]
    assert plan.frame["destination"].isna().all()
    assert "Negara" in plan.columns_not_used()
    assert any(i.code == "column_numbers_not_names" for i in plan.issues)


# --------------------------------------------------------------------------- 3. LibreOffice workbooks
def test_an_ods_workbook_is_read(store, tmp_path, capsys):
    v = _repeated_names("35.06").head(10)
    rows = [["Kecamatan", "Desa", "Tahun", "Jumlah"]] + [
        [d, n, 2023, 3] for d, n in zip(v["district_name"], v["name"], strict=True)
    ]
    rows = [["Kabupaten Kediri"]] + rows
    code, out, _ = _import(
        store, tmp_path, "placements", "kediri.ods", _ods({"Penempatan": rows}), capsys=capsys
    )
    assert code == 0, out
    assert set(store.read_layer("placements")["village"]) == set(v["code"])


# --------------------------------------------------------------------------- 4. district in the village cell
@pytest.mark.parametrize(
    "form",
    ["{v} ({d})", "{v} - Kec. {d}", "Ds. {v} Kec. {d}", "{v} / {d}"],
)
def test_the_district_written_in_the_village_cell(store, form):
    v = pd.concat([_villages("36.04", district="36.04.13").head(6), _repeated_names("35.06").head(14)])
    rows = [["Kabupaten", "Desa", "Tahun", "Jumlah"]]
    for r in v.itertuples():
        rows.append([r.regency_name, form.format(v=r.name, d=r.district_name), 2023, 1])
    plan = analyse("placements", _csv(rows), "desa.csv", store)
    share, wrong = _placed_right(plan, {i + 2: c for i, c in enumerate(v["code"])})
    assert share >= 0.98 and wrong == 0, report_frame(plan, "en")["message"].tolist()[:5]


# --------------------------------------------------------------------------- 5. DMS coordinates and dates
def _dms(value: float, positive: str, negative: str, form: int) -> str:
    letter = positive if value >= 0 else negative
    value = abs(value)
    d, m = int(value), int((value - int(value)) * 60)
    s = round((value - d - m / 60) * 3600)
    if s == 60:
        m, s = m + 1, 0
    return [
        f"{d}°{m:02d}'{s:02d}\" {letter}",
        f"{d} {m:02d} {s:02d} {letter}",
        f"{d}o{m:02d}'{s:02d}\"{letter}",
        f"{d}'{m:02d}'{s:02d}\" {letter}",
    ][form]


def test_reports_with_degrees_minutes_seconds_and_indonesian_month_abbreviations(store, shared_data):
    desa = gpd.read_parquet(shared_data / "boundaries" / "desa" / "desa_36.parquet")
    desa = desa[desa["kode"].str.startswith("36.04.")].head(60)
    inner = desa.geometry.to_crs(32748).buffer(-60).to_crs(4326)  # a second of arc from the edge: inside
    desa = desa[~inner.is_empty].head(20)
    points = inner[~inner.is_empty].head(20).representative_point()
    dates = [
        "15-Mar-2024",
        "08-Agst-2023",
        "01-Peb-2024",
        "12-Nop-2023",
        "3-Mei-2024",
        "30-Sept-2023",
        "9-Des-2023",
    ]
    rows = [["Lintang", "Bujur", "Tanggal Laporan", "Negara Tujuan", "Jumlah Orang"]]
    for i, p in enumerate(points):
        rows.append(
            [
                _dms(p.y, "LU", "LS", i % 4),
                _dms(p.x, "BT", "BB", (i + 1) % 4),
                dates[i % len(dates)],
                "Malaysia",
                2,
            ]
        )
    rows.append(["enam derajat", "106 lebih", "15-Mar-2024", "Malaysia", 1])
    plan = analyse("reports", _csv(rows), "laporan.csv", store)
    assert plan.accepted, [i.message("en") for i in plan.errors]
    share, wrong = _placed_right(plan, {i + 2: c for i, c in enumerate(desa["kode"])})
    assert share >= 0.98 and wrong == 0
    assert set(plan.frame["year"]) == {2023, 2024}
    unread = [i for i in plan.issues if i.code == "coordinate_unreadable"]
    assert [(i.row, i.column) for i in unread] == [(22, "Lintang"), (22, "Bujur")]


# --------------------------------------------------------------------------- 6. several programmes in one cell
def test_several_programmes_in_one_cell_and_indonesian_no_forms(store):
    v = _villages("35.71", 5)
    cells = [
        "KKBM, Desmigratif",
        "MRC & KKBM",
        "KKBM dan Perdes PMI",
        "Desmigratif\nKawan PMI",
        "Perwira PMI",
    ]
    active = ["Ya", "Tdk aktif", "Aktif", "tidak aktif", "Tdk"]
    rows = [["Kode Desa", "Jenis Program", "Jumlah Anggota", "Status Aktif"]]
    rows += [
        [c, p, 10 * (i + 1), a] for i, (c, p, a) in enumerate(zip(v["code"], cells, active, strict=True))
    ]
    plan = analyse("programmes", _xlsx({"Program": rows}), "program.xlsx", store)
    assert plan.accepted, [i.message("en") for i in plan.errors]
    f = plan.frame.set_index(["village", "programme"])
    assert len(f) == 9
    assert int(f["members"].sum()) == 150  # members counted once per row, not per programme
    codes = list(v["code"])
    assert f.loc[(codes[1], "MRC"), "active"] == False  # noqa: E712 - "Tdk aktif" is not active
    assert f.loc[(codes[4], "PERWIRA"), "active"] == False  # noqa: E712
    assert f.loc[(codes[3], "KAWAN_PMI"), "active"] == False  # noqa: E712


def test_an_unknown_programme_lists_perwira_pmi_among_the_valid_types(store):
    rows = [["Kode Desa", "Jenis Program"], [_villages("36.04", 1)["code"].iat[0], "Posyandu"]]
    plan = analyse("programmes", _csv(rows), "p.csv", store)
    assert "Perwira PMI" in plan.errors[0].message("en") and "Perwira PMI" in plan.errors[0].message("id")


# --------------------------------------------------------------------------- 7. rows split by a column not read
def test_rows_split_by_a_column_not_read_are_summed_with_a_notice(store, tmp_path, capsys):
    v = _villages("35.06", 3)
    rows = [["Kode Desa", "Desa", "Tahun", "Status Keberangkatan", "Jalur Penempatan", "Jumlah"]]
    for c, n in zip(v["code"], v["name"], strict=True):
        rows += [
            [c, n, 2023, "Baru", "P to P", 4],
            [c, n, 2023, "Ulang", "P to P", 1],
            [c, n, 2023, "Baru", "G to G", 2],
        ]
    code, out, report = _import(store, tmp_path, "placements", "jalur.csv", _csv(rows), capsys=capsys)
    assert code == 0, out
    stored = store.read_layer("placements")
    assert stored.groupby("village")["count"].sum().to_dict() == dict.fromkeys(v["code"], 7)
    assert set(stored["scheme"]) == {"P2P", "G2G"}  # "Jalur Penempatan" is the placement scheme
    notice = report[report["problem"] == "rows_split_by_column"]["message"].tolist()
    assert len(notice) == 1 and "Status Keberangkatan" in notice[0]
    assert not report["message"].str.contains("Delete one", case=False).any()


# --------------------------------------------------------------------------- 8. area named only in the title
@pytest.mark.parametrize(("title", "regency"), [("KOTA KEDIRI", "35.71"), ("KABUPATEN KEDIRI", "35.06")])
def test_a_regency_named_only_in_the_title_places_the_rows(store, title, regency):
    other = "35.06" if regency == "35.71" else "35.71"
    shared = sorted(set(_villages(regency)["name"]) & set(_villages(other)["name"]))
    v = _villages(regency)
    v = v[v["name"].isin(shared)].drop_duplicates("name")
    v = v[~v["name"].isin(v["name"][v["name"].duplicated()])]
    rows = [[f"REKAP PENEMPATAN PMI {title} TAHUN 2023"], ["Kecamatan", "Desa/Kelurahan", "Jumlah"]]
    rows += [[d, n, 5] for d, n in zip(v["district_name"], v["name"], strict=True)]
    plan = analyse("placements", _csv(rows), "kediri.csv", store)
    share, wrong = _placed_right(plan, {i + 3: c for i, c in enumerate(v["code"])})
    assert share == 1.0 and wrong == 0
    assert any(i.code == "regency_from_sheet" for i in plan.issues)


# --------------------------------------------------------------------------- 9. never silent
def test_a_data_column_not_used_is_named_in_the_summary(store):
    v = _villages("36.04", 3)
    rows = [["Kode Desa", "Tahun", "Jumlah", "Lama Kontrak"]] + [[c, 2023, 2, "2 tahun"] for c in v["code"]]
    plan = analyse("placements", _csv(rows), "kontrak.csv", store)
    assert plan.accepted
    assert plan.summary()["columns_not_used"] == ["Lama Kontrak"]
    assert any("Lama Kontrak" in line for line in summary_messages(plan, "id"))
    report = report_frame(plan, "en")
    assert (report["severity"] == "column").sum() == 1


def test_values_that_cannot_be_read_are_named_with_row_and_column(store):
    v = _villages("35.71", 3)
    rows = [
        ["Kode Desa", "Jenis Usaha", "KUR"],
        [v["code"].iat[0], "Jahit", "Tdk"],
        [v["code"].iat[1], "1234", "Ya"],
        [v["code"].iat[2], "Warung", "mungkin"],
    ]
    plan = analyse("enterprises", _csv(rows), "usaha.csv", store)
    assert plan.accepted, [i.message("en") for i in plan.errors]
    named = {(i.code, i.row, i.column) for i in plan.issues if i.severity == "warning"}
    assert ("value_is_number", 3, "Jenis Usaha") in named and ("flag_unknown", 4, "KUR") in named
    stored = plan.frame.set_index("village")
    assert stored.loc[v["code"].iat[0], "kur_credit"] == False  # noqa: E712 - "Tdk"
    assert pd.isna(stored.loc[v["code"].iat[1], "enterprise_type"])


def test_refused_files_of_every_new_kind_leave_the_store_byte_identical(store, tmp_path, capsys):
    v = _villages("52.01", 3)
    files = {
        "beda.xlsx": _xlsx(
            {
                "A": [["Kode Desa", "Tahun", "Jumlah"]] + [[c, 2023, 1] for c in v["code"]],
                "B": [["Kode Desa", "Negara Tujuan", "Tahun", "Jumlah"]]
                + [[c, "Taiwan", 2023, 1] for c in v["code"]],
            }
        ),
        "program.ods": _ods(
            {"P": [["Kode Desa", "Jenis Program"]] + [[c, "Posyandu, Arisan"] for c in v["code"]]}
        ),
    }
    for name, data in files.items():
        layer = "programmes" if name.startswith("program") else "placements"
        before = store_digest(store.root)
        code, out, _ = _import(store, tmp_path, layer, name, data, capsys=capsys)
        assert code == 1 and store_digest(store.root) == before, name
        assert name in out and "Traceback" not in out


def test_a_total_beside_the_gender_columns_is_checked_and_never_counted(store):
    v = _villages("35.71", 3)
    rows = [["Kode Desa", "Tahun", "Laki-laki", "Perempuan", "Jumlah"]]
    rows += [[c, 2023, 2, 3, total] for c, total in zip(v["code"], [5, 5, 50], strict=True)]
    plan = analyse("placements", _csv(rows), "jk.csv", store)
    assert plan.accepted and int(plan.frame["count"].sum()) == 15
    assert plan.frame.groupby("gender")["count"].sum().to_dict() == {"L": 6, "P": 9}
    differs = [i for i in plan.issues if i.code == "total_differs"]
    assert len(differs) == 1 and differs[0].params["rows"] == "4"
