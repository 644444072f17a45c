"""Files shaped like real office exports (issue 16, points 1-5), on real gazetteer names: Kab./Kota
forms (both Serangs, both Malangs, a district named like its regency), pre-1972 spellings, wide
year and month tables, BPS codes under any header, codes split over integer columns."""

from __future__ import annotations

import pandas as pd
import pytest

from geo.gazetteer import gazetteer
from loaders.layers import analyse, report_frame
from loaders.store import Store


def _csv(rows: list[list[object]]) -> bytes:
    return "\n".join(";".join(str(v) for v in row) for row in rows).encode()


def _plan(tmp_path, rows, layer="placements", **kw):
    return analyse(layer, _csv(rows), "rekap.csv", Store(tmp_path / "store"), **kw)


def _stored(plan) -> dict[str, int]:
    assert plan.accepted, [i.message("en") for i in plan.errors]
    return plan.frame.groupby("village")["count"].sum().to_dict()


def _village(code: str) -> tuple[str, str, str]:
    g = gazetteer()
    return g.at[code, "name"], g.at[code[:8], "name"], g.at[code[:5], "name"]


# --------------------------------------------------------------------------- 1. Kab./Kota forms
@pytest.mark.parametrize(
    ("regency", "code"),
    [
        ("Serang (Kab.)", "36.04.05.2001"),
        ("Kab. Serang", "36.04.05.2001"),
        ("Kab Serang", "36.04.05.2001"),
        ("KABUPATEN SERANG", "36.04.05.2001"),
        ("Serang, Kab.", "36.04.05.2001"),
        ("Serang (Kota)", "36.73.01.1002"),
        ("Kota Serang", "36.73.01.1002"),
        ("Malang (Kota)", "35.73.01.1002"),
        ("kota malang", "35.73.01.1002"),
        ("Malang (Kab.)", "35.07.01.2002"),
    ],
)
def test_regency_kind_written_before_or_after_the_name(tmp_path, regency, code):
    village, district, _ = _village(code)
    plan = _plan(
        tmp_path,
        [
            ["Kabupaten/Kota", "Kecamatan", "Desa", "Tahun", "Jumlah"],
            [regency, f"Kec. {district}", f"Desa {village}", 2023, 7],
        ],
    )
    assert _stored(plan) == {code: 7}


def test_serang_and_malang_kabupaten_and_kota_get_their_own_rows(tmp_path):
    rows = [["Kabupaten/Kota", "Kecamatan", "Desa/Kelurahan", "Tahun", "Jumlah"]]
    codes = ["36.04.05.2001", "36.73.01.1002", "35.07.01.2002", "35.73.01.1002"]
    forms = ["Serang (Kab.)", "Serang (Kota)", "Kab. Malang", "Malang (Kota)"]
    for i, (form, code) in enumerate(zip(forms, codes, strict=True)):
        village, district, _ = _village(code)
        rows.append([form, district, village, 2023, i + 1])
    assert _stored(_plan(tmp_path, rows)) == {c: i + 1 for i, c in enumerate(codes)}


def test_bare_regency_name_decided_by_the_village_or_reported_with_both(tmp_path):
    # "Serang" is a Kabupaten and a Kota: the village decides where only one of them holds it
    kab_only, _, _ = _village("36.04.05.2001")  # Kramatwatu
    kota_only, _, _ = _village("36.73.01.1002")  # Cipare
    rows = [
        ["Kabupaten", "Desa", "Tahun", "Jumlah"],
        ["Serang", kab_only, 2023, 1],
        ["Serang", kota_only, 2023, 2],
    ]
    # "Arjosari" lies in Kab. Malang and in Kota Malang: reported with both candidates
    rows.append(["Malang", "Arjosari", 2023, 3])
    plan = _plan(tmp_path, rows)
    assert _stored(plan) == {"36.04.05.2001": 1, "36.73.01.1002": 2}
    report = report_frame(plan, "en")
    line = report[report["row"] == 4].iloc[0]
    assert line["severity"] == "ambiguous" and "35.07" in line["candidates"] and "35.73" in line["candidates"]


def test_district_named_like_its_regency(tmp_path):
    # Kota Serang, Kec. Serang, Kel. Serang (36.73.01.1001)
    rows = [
        ["Kabupaten/Kota", "Kecamatan", "Desa/Kelurahan", "Tahun", "Jumlah"],
        ["Kota Serang", "Kec. Serang", "Kel. Serang", 2023, 5],
    ]
    assert _stored(_plan(tmp_path, rows)) == {"36.73.01.1001": 5}


# --------------------------------------------------------------------------- 2. old spellings
def _old(name: str) -> str:
    """The pre-1972 spelling of a modern name (u→oe, j→dj, c→tj, y→j, ny→nj, sy→sj, kh→ch)."""
    out = name.replace("ny", "\0").replace("sy", "\1").replace("kh", "\2")
    out = out.replace("j", "dj").replace("c", "tj").replace("y", "j").replace("u", "oe")
    out = out.replace("J", "Dj").replace("C", "Tj").replace("Y", "J").replace("U", "Oe")
    return out.replace("\0", "nj").replace("\1", "sj").replace("\2", "ch")


def test_old_spellings_match_at_every_level_as_their_own_method(tmp_path):
    g = gazetteer()
    villages = g[(g["level"] == 4) & g["regency"].isin(["35.22", "35.08"])]
    old = villages[villages["name"].str.contains("[jcuy]", case=False)].groupby("district").head(1)
    old = old.groupby("regency").head(6)
    rows = [["Kabupaten", "Kecamatan", "Desa", "Tahun", "Jumlah"]]
    for code in old["code"]:
        village, district, regency = _village(code)
        rows.append([_old(regency.replace("Kabupaten ", "Kab. ")), _old(district), _old(village), 2023, 2])
    assert any("Bodjonegoro" in r[0] for r in rows[1:]) and any("Loemadjang" in r[0] for r in rows[1:])
    plan = _plan(tmp_path, rows)
    stored = _stored(plan)
    assert stored == dict.fromkeys(old["code"], 2)
    assert plan.methods == {"old_spelling": len(old)}


def test_modern_spelling_is_a_plain_name_match(tmp_path):
    village, district, regency = _village("35.08.10.2001")
    plan = _plan(
        tmp_path,
        [["Kabupaten", "Kecamatan", "Desa", "Tahun", "Jumlah"], [regency, district, village, 2023, 1]],
    )
    assert plan.methods == {"name": 1}


# --------------------------------------------------------------------------- 3. wide tables
def test_year_columns_with_a_total_column_and_row(tmp_path):
    codes = ["36.04.05.2001", "36.04.05.2002"]
    rows = [
        ["REKAP PENEMPATAN PMI TAHUN 2019 - 2023"],
        ["Kode Desa", "2019", "2020", "2021", "2022", "2023", "TOTAL"],
    ]
    rows += [[c, 1, 2, 3, 4, 5, 15] for c in codes]
    rows.append(["JUMLAH", 2, 4, 6, 8, 10, 30])
    plan = _plan(tmp_path, rows)
    assert plan.accepted, [i.message("en") for i in plan.errors]
    by_year = plan.frame.groupby("year")["count"].sum().to_dict()
    assert by_year == {2019: 2, 2020: 4, 2021: 6, 2022: 8, 2023: 10}
    assert int(plan.frame["count"].sum()) == 30  # neither the TOTAL column nor the JUMLAH row
    assert not any(i.code == "title_years_differ" for i in plan.issues)


def test_title_year_range_is_checked_against_the_columns(tmp_path):
    rows = [
        ["REKAP PENEMPATAN PMI TAHUN 2018 - 2023"],
        ["Kode Desa", "2019", "2020", "2021", "2022", "2023", "Jumlah"],
    ]
    rows += [["36.04.05.2001", 1, 2, 3, 4, 5, 15]]
    plan = _plan(tmp_path, rows)
    assert [i.code for i in plan.issues if i.severity == "warning"] == ["title_years_differ"]


@pytest.mark.parametrize(
    "months",
    [
        [
            "Januari",
            "Februari",
            "Maret",
            "April",
            "Mei",
            "Juni",
            "Juli",
            "Agustus",
            "September",
            "Oktober",
            "November",
            "Desember",
        ],
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    ],
)
def test_month_columns_become_rows(tmp_path, months):
    rows = [["DATA PENEMPATAN PMI TAHUN 2023"], ["Kode Desa", *months, "Total"]]
    rows += [["36.04.05.2001", *range(1, 13), 78]]
    plan = _plan(tmp_path, rows)
    assert plan.accepted, [i.message("en") for i in plan.errors]
    assert plan.frame.groupby("month")["count"].sum().to_dict() == {m: m for m in range(1, 13)}
    assert set(plan.frame["year"]) == {2023} and int(plan.frame["count"].sum()) == 78


# --------------------------------------------------------------------------- 4. BPS codes by content
def test_bps_codes_under_a_kemendagri_header_refuse_the_file(tmp_path):
    # 10-digit BPS village codes (PPKKCCCDDD); some of them also read as valid Kemendagri codes
    g = gazetteer()
    known = set(g.index)
    bps = [f"3604{d:03d}{v:03d}" for d in (10, 20, 30, 40) for v in range(1, 10)]
    tricky = [
        c
        for c in (f"3604{d:03d}{v:03d}" for d in (131, 132, 141) for v in range(1, 30))
        if f"{c[:2]}.{c[2:4]}.{c[4:6]}.{c[6:]}" in known
    ][:4]
    assert len(tricky) == 4  # they would land in 4 wrong villages
    rows = [["Kode Wilayah", "Tahun", "Jumlah"]] + [[c, 2023, 1] for c in bps + tricky]
    plan = _plan(tmp_path, rows)
    assert not plan.accepted and plan.frame is None
    assert [i.code for i in plan.errors] == ["bps_by_content"]
    assert "BPS" in plan.errors[0].message("en") and "Kode Wilayah" in plan.errors[0].message("en")


def test_district_codes_posing_as_village_codes_refuse_the_file(tmp_path):
    rows = [["Kode Desa", "Tahun", "Jumlah"]] + [[f"36.04.{d:02d}", 2023, 4] for d in range(1, 9)]
    plan = _plan(tmp_path, rows)
    assert [i.code for i in plan.errors] == ["area_codes_by_content"]


# --------------------------------------------------------------------------- 5. split codes
def test_codes_split_over_integer_columns_are_padded_each_on_its_own(tmp_path):
    g = gazetteer()
    picks = ["35.10.01.2001", "35.10.11.2001", "35.11.01.2001", "52.01.01.2001"]
    picks = [c for c in picks if c in g.index]
    assert len(picks) >= 3
    rows = [["KODE_PROV", "KODE_KAB", "KODE_KEC", "KODE_DESA", "NAMA_DESA", "TAHUN", "JUMLAH"]]
    for c in picks:
        p, r, d, v = c.split(".")
        rows.append([int(p), int(r), int(d), int(v), g.at[c, "name"].upper(), 2023, 3])
    plan = _plan(tmp_path, rows)
    assert _stored(plan) == dict.fromkeys(picks, 3)
    assert plan.methods == {"code": len(picks)}


def test_a_column_of_village_numbers_is_never_a_name(tmp_path):
    rows = [["Kode Prov", "Kode Kab", "Kode Kec", "Desa", "Tahun", "Jumlah"], [35, 10, 1, 2001, 2023, 2]]
    plan = _plan(tmp_path, rows)
    assert _stored(plan) == {"35.10.01.2001": 2}


def test_recoverable_rows_land_in_the_right_village(tmp_path):
    """All kinds in one file: every recoverable row in its village, none in a wrong one."""
    g = gazetteer()
    sample = g[(g["level"] == 4) & g["regency"].isin(["36.04", "36.73", "35.07", "35.73", "35.22"])].sample(
        60, random_state=3
    )
    rows = [["Kabupaten/Kota", "Kecamatan", "Desa/Kelurahan", "Tahun", "Jumlah"]]
    for i, code in enumerate(sample["code"]):
        village, district, regency = _village(code)
        bare = regency.replace("Kabupaten ", "").replace("Kota ", "")
        form = (
            [f"{bare} (Kab.)", f"Kab. {bare}", f"{bare}, Kab."][i % 3]
            if regency.startswith("Kab")
            else f"{bare} (Kota)"
        )
        rows.append([form, f"Kec. {_old(district) if i % 4 == 0 else district}", f"Desa {village}", 2023, 1])
    plan = _plan(tmp_path, rows)
    stored = _stored(plan)
    wrong = {c for c in stored if c not in set(sample["code"])}
    assert not wrong
    assert len(stored) / len(sample) >= 0.98, pd.Series(report_frame(plan, "en")["message"]).head().tolist()
