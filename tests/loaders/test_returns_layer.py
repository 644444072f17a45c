"""The returns layer (kepulangan) imported as a data steward imports it: an aggregate recap (one
count column per reason, a total beside them) and a row-level debarkation list with personal
columns, into a store of real village boundaries (Kab. Cilacap and Kab. Banyuwangi, read in place
from ../shared/data). Names, NIK, passport and phone numbers are never stored anywhere in the store."""

from __future__ import annotations

import geopandas as gpd
import openpyxl
import pandas as pd
import pytest

from geo.boundaries import repair_geometry
from geo.gazetteer import gazetteer
from loaders.boundaries import write_boundaries
from loaders.layers import analyse, import_file
from loaders.layers.parsers import reason_of
from loaders.store import Store

REGENCIES = {"33": ["33.01"], "35": ["35.10"]}


@pytest.fixture(scope="module")
def real_store(shared_data, tmp_path_factory) -> Store:
    """Real village boundaries of Kab. Cilacap (33.01) and Kab. Banyuwangi (35.10)."""
    store = Store(tmp_path_factory.mktemp("returns") / "store")
    for province, regencies in REGENCIES.items():
        desa = gpd.read_parquet(shared_data / "boundaries" / "desa" / f"desa_{province}.parquet")
        desa = desa[desa["kode"].str[:5].isin(regencies)]
        geometry, _ = repair_geometry(desa.geometry.values)
        villages = gpd.GeoDataFrame({"code": desa["kode"].to_numpy()}, geometry=geometry, crs=4326)
        write_boundaries(store, province, villages, source={"source": "wilayah_boundaries (test)"})
    return store


@pytest.fixture()
def store(real_store, tmp_path) -> Store:
    return real_store.snapshot(tmp_path / "store")


def _villages(regency: str, n: int) -> pd.DataFrame:
    g = gazetteer()
    v = g[(g["level"] == 4) & (g["regency"] == regency)]
    v = v[~v["name"].duplicated(keep=False)].head(n)  # names unique in the regency: no doubt
    return v.assign(district_name=v["district"].map(g["name"]), regency_name=v["regency"].map(g["name"]))


def _recap(path, villages: pd.DataFrame) -> dict[str, dict[str, int]]:
    """A BP3MI recap: title rows, codes without dots, one count column per reason, a total."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Rekap 2023"
    ws.append(["REKAPITULASI KEPULANGAN PMI MENURUT DESA ASAL TAHUN 2023"])
    ws.append(["Sumber: BP3MI (contoh uji)"])
    ws.append([])
    ws.append(["Kode Desa", "Desa", "Negara", "Habis Kontrak", "Deportasi", "PMI Bermasalah", "Sakit",
               "Meninggal Dunia", "Jumlah"])  # fmt: skip
    expected = {}
    for i, (code, row) in enumerate(villages.iterrows()):
        parts = [10 + i, i % 4, 2 * (i % 3), i % 2, 1 if i == 3 else 0]
        ws.append(
            [code.replace(".", ""), row["name"], "Malaysia" if i % 2 else "Arab Saudi", *parts, sum(parts)]
        )
        expected[code] = dict(
            zip(["END_OF_CONTRACT", "DEPORTED", "PROBLEM", "SICK", "DIED"], parts, strict=True)
        )
    ws.append([None, "JUMLAH", None, *[None] * 5, None])
    wb.save(path)
    return expected


NAMES = ("Siti Aminah", "Dewi Lestari", "Budi Santoso", "Sri Wulandari", "Eko Saputra", "Nur Hidayah")


def _debarkation_list(path, villages: pd.DataFrame) -> list[dict]:
    """One row per worker from Nunukan and Tanjung Pinang, as a P4MI list: name, NIK, passport,
    birth date, address and phone beside the village, reason, problem and route."""
    rows = []
    reasons = [
        ("Deportasi", "Tidak berdokumen", "Non Prosedural", "PLBN Entikong"),
        ("PMI Bermasalah", "Gaji tidak dibayar", "Prosedural", "Tg. Pinang"),
        ("Meninggal Dunia", "", "Prosedural", "Bandara Soekarno Hatta"),
        ("TPPO", "", "Non-prosedural", "Pelabuhan Tunon Taka"),
        ("Habis Kontrak", "", "Prosedural", "Nunukan"),
        ("Sakit", "Kekerasan", "Non Prosedural", "Juanda"),
    ]
    lines = ["DATA DEBARKASI PMI - CONTOH UJI", "",
             "No;Nama Lengkap;NIK;No. Paspor;Tgl Lahir;Alamat;No HP;Desa;Kecamatan;Kabupaten;Negara;"
             "Tanggal Tiba;Debarkasi;Alasan Kepulangan;Masalah;Jalur Keberangkatan;L/P"]  # fmt: skip
    n = 0
    for i, (code, v) in enumerate(villages.iterrows()):
        for k in range(i % 3 + 1):
            reason, problem, route, port = reasons[(i + k) % len(reasons)]
            n += 1
            nik = f"35{10**13 + 7919 * n:014d}"
            gender = "P" if (i + k) % 3 else "L"
            rows.append({"village": code, "reason": reason, "problem": problem, "route": route, "nik": nik,
                         "name": NAMES[n % len(NAMES)], "gender": gender, "port": port})  # fmt: skip
            lines.append(
                ";".join(
                    [
                        str(n),
                        NAMES[n % len(NAMES)],
                        nik,
                        f"B{1234560 + n}",
                        "12-03-1990",
                        f"Dusun Krajan RT 0{k + 1} RW 02",
                        f"0812{3456000 + n}",
                        v["name"],
                        v["district_name"],
                        v["regency_name"],
                        "MALAYSIA" if k % 2 == 0 else "Hongkong",
                        f"{1 + i % 27}/0{1 + k}/2024",
                        port,
                        reason,
                        problem,
                        route,
                        gender,
                    ]
                )  # fmt: skip
            )
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return rows


def test_a_recap_with_a_column_per_reason_imports_with_hand_sums(store, tmp_path):
    villages = _villages("33.01", 8)
    path = tmp_path / "rekap_kepulangan_2023.xlsx"
    expected = _recap(path, villages)
    plan, version = import_file("returns", path, store)
    assert version is not None, [i.message("en") for i in plan.errors]
    stored = store.read_layer("returns")
    assert set(stored["year"]) == {2023}  # from the sheet's name and title
    by = stored.groupby(["village", "reason"])["persons"].sum()
    for code, parts in expected.items():
        for reason, n in parts.items():
            assert by.get((code, reason), 0) == n, (code, reason)
    assert int(stored["persons"].sum()) == sum(sum(p.values()) for p in expected.values())
    assert {"wide_reason", "total_column_ignored"} <= {i.code for i in plan.issues}
    assert set(stored["country"].dropna()) == {"Malaysia", "Arab Saudi"}


def test_a_debarkation_list_with_personal_columns_stores_no_person(store, tmp_path):
    villages = pd.concat([_villages("33.01", 5), _villages("35.10", 5)])
    path = tmp_path / "debarkasi_p4mi_2024.csv"
    rows = _debarkation_list(path, villages)
    plan, version = import_file("returns", path, store)
    assert version is not None, [i.message("en") for i in plan.errors]
    assert plan.row_level
    dropped = {c.column for c in plan.dropped}
    assert {"Nama Lengkap", "NIK", "No. Paspor", "Tgl Lahir", "Alamat", "No HP"} <= dropped
    stored = store.read_layer("returns")
    assert int(stored["persons"].sum()) == len(rows)
    # hand sums per village and reason from the list
    hand = pd.DataFrame(rows)
    hand["canon"] = hand["reason"].map(lambda r: reason_of(r)[0])
    want = hand.groupby(["village", "canon"]).size()
    got = stored.groupby(["village", "reason"])["persons"].sum()
    assert got.to_dict() == want.to_dict()
    # the problem of a problem case, given in its own column or in the reason itself
    problems = stored.groupby("problem")["persons"].sum().to_dict()
    assert problems["UNPAID_WAGES"] == (hand["problem"] == "Gaji tidak dibayar").sum()
    assert problems["TRAFFICKING"] == (hand["reason"] == "TPPO").sum()
    assert set(stored["route"].dropna()) == {"PROCEDURAL", "NON_PROCEDURAL"}
    assert set(stored["entry_point"].dropna()) == {
        "Entikong",
        "Tanjung Pinang",
        "Soekarno-Hatta",
        "Nunukan",
        "Juanda",
    }
    assert set(stored["country"].dropna()) == {"Malaysia", "Hong Kong"}
    assert set(stored["year"]) == {2024}
    assert set(stored["gender"].dropna()) == {"L", "P"}
    # nothing personal anywhere in the store: every file it wrote, parquet and JSON alike
    blob = b"".join(p.read_bytes() for p in store.root.rglob("*") if p.is_file())
    for row in rows:
        assert row["nik"].encode() not in blob
    for name in NAMES:
        assert name.encode() not in blob and name.split()[0].encode() not in blob
    assert b"Krajan" not in blob and b"B123456" not in blob and b"08123456" not in blob


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Habis Kontrak", ("END_OF_CONTRACT", None)),
        ("DEPORTASI", ("DEPORTED", None)),
        ("PMI Bermasalah - Gaji tidak dibayar", ("PROBLEM", "UNPAID_WAGES")),
        ("korban kekerasan", ("PROBLEM", "VIOLENCE")),
        ("TPPO", ("PROBLEM", "TRAFFICKING")),
        ("Deportasi (tidak berdokumen)", ("DEPORTED", "UNDOCUMENTED")),
        ("Sakit", ("SICK", None)),
        ("MD", ("DIED", None)),
        ("Meninggal dunia", ("DIED", None)),
        ("Lainnya", ("OTHER", None)),
        ("-", (None, None)),
        ("Menikah", "!reason_unknown"),
    ],
)
def test_reasons_and_problems_are_read_from_their_indonesian_words(cell, expected):
    assert reason_of(cell) == expected


def test_an_unknown_reason_is_named_and_stored_as_other(store):
    data = (
        "Kode Desa,Tahun,Alasan,Jumlah\n"
        f"{_villages('33.01', 1).index[0]},2023,Menikah,3\n"
        f"{_villages('33.01', 2).index[1]},2023,Habis kontrak,4\n"
    ).encode()
    plan = analyse("returns", data, "kepulangan.csv", store)
    assert plan.accepted
    unknown = [i for i in plan.issues if i.code == "reason_unknown"]
    assert len(unknown) == 1 and unknown[0].row == 2 and "Menikah" in unknown[0].message("en")
    assert sorted(plan.frame["reason"]) == ["END_OF_CONTRACT", "OTHER"]
