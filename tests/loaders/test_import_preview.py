"""The import preview shows the join (issue 11, point 4) and the programme vocabulary (issue 10,
point 9): each row's village, method and fuzzy score, filterable by method, the same table in the
downloadable report; official programme names, Perwira PMI, keep the other rows."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import i18n
from geo.gazetteer import gazetteer
from loaders.layers import analyse, match_frame, report_frame
from loaders.store import Store

ROOT = Path(__file__).resolve().parents[2]


def _csv(rows) -> bytes:
    return "\n".join(";".join(map(str, r)) for r in rows).encode()


def _mixed_rows() -> list[list[object]]:
    g = gazetteer()
    v = g[(g["level"] == 4) & (g["district"] == "36.04.13")].head(3)
    names = v["name"].tolist()
    typo = names[1][:-2] + names[1][-1] + names[1][-2]  # two letters swapped: a fuzzy fix
    return [
        ["Kode Desa", "Desa", "Kecamatan", "Kabupaten", "Tahun", "Jumlah"],
        [v["code"].iat[0], "", "", "", 2023, 1],  # by code
        ["", typo, "Tirtayasa", "Kab. Serang", 2023, 2],  # fuzzy
        ["", names[2], "Tirtayasa", "Kab. Serang", 2023, 3],  # by name
        ["", "Desa Entah Dimana", "Tirtayasa", "Kab. Serang", 2023, 4],  # unmatched
    ]


def test_match_table_lists_every_row_with_village_method_and_score(tmp_path):
    plan = analyse("placements", _csv(_mixed_rows()), "x.csv", Store(tmp_path / "s"))
    joins = match_frame(plan)
    assert joins["row"].tolist() == [2, 3, 4, 5]
    assert joins["status"].tolist() == ["matched", "matched", "matched", "unmatched"]
    assert joins["method"].tolist() == ["code", "fuzzy", "name", ""]
    g = gazetteer()
    for line in joins[joins["status"] == "matched"].itertuples():
        assert line.village_name == g.at[line.village, "name"]
        assert line.district == "Tirtayasa" and line.regency == "Kabupaten Serang"
    assert 85 <= joins["score"].iat[1] < 100 and joins["score"].iat[0] == 100
    fuzzy = match_frame(plan, ["fuzzy"])
    assert fuzzy["row"].tolist() == [3]


def test_the_downloadable_report_holds_the_same_table(tmp_path):
    plan = analyse("placements", _csv(_mixed_rows()), "x.csv", Store(tmp_path / "s"))
    report = report_frame(plan, "id", matches=True)
    lines = report[report["severity"] == "match"]
    joins = match_frame(plan)
    assert lines["row"].tolist() == joins["row"].tolist()
    assert lines["village"].tolist() == joins["village"].tolist()
    assert lines["method"].tolist() == joins["method"].tolist()
    assert (report[report["severity"] == "unmatched"]["row"] == 5).all()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Komunitas Keluarga Buruh Migran", "KKBM"),
        ("Komunitas Relawan Pekerja Migran Indonesia", "KAWAN_PMI"),
        ("Desa Migran Produktif", "DESMIGRATIF"),
        ("Balai Perempuan PIPA / Migrant Resource Center", "MRC"),
        ("Peraturan Desa tentang Pelindungan PMI", "PERDES"),
        ("Perwira PMI", "PERWIRA"),
        ("KKBM", "KKBM"),
    ],
)
def test_programme_types_by_official_name_and_abbreviation(tmp_path, text, kind):
    code = gazetteer()[lambda g: (g["level"] == 4) & (g["district"] == "36.04.13")]["code"].iat[0]
    plan = analyse(
        "programmes", _csv([["Kode Desa", "Jenis Program"], [code, text]]), "p.csv", Store(tmp_path / "s")
    )
    assert plan.accepted, [i.message("en") for i in plan.errors]
    assert plan.frame["programme"].tolist() == [kind]


def test_an_unknown_type_in_a_few_rows_can_keep_the_other_rows(tmp_path):
    codes = gazetteer()[lambda g: (g["level"] == 4) & (g["district"] == "36.04.13")]["code"].head(4).tolist()
    rows = [
        ["Kode Desa", "Jenis Program"],
        [codes[0], "KKBM"],
        [codes[1], "Program Entah"],
        [codes[2], "Perwira PMI"],
    ]
    store = Store(tmp_path / "s")
    plan = analyse("programmes", _csv(rows), "p.csv", store)
    assert not plan.accepted and [i.row for i in plan.errors] == [3]
    kept = analyse("programmes", _csv(rows), "p.csv", store, skip_invalid=True)
    assert kept.accepted and sorted(kept.frame["programme"]) == ["KKBM", "PERWIRA"]


def test_data_page_shows_the_join_filterable_by_method_and_offers_to_keep_rows(monkeypatch, tmp_path):
    sys.path.insert(0, str(ROOT / "tests" / "pages"))
    from test_data_page import open_page

    at = open_page(monkeypatch, tmp_path / "store", lang="id")
    at.file_uploader(key="data_upload").set_value(("x.csv", _csv(_mixed_rows()), "text/csv")).run()
    assert not at.exception, at.exception
    tables = [df.value for df in at.dataframe]
    join = next(t for t in tables if i18n.t("data.col.match_kind", "id") in t.columns)
    assert join[i18n.t("data.col.match_kind", "id")].tolist() == [
        i18n.t(f"data.method.{m}", "id") for m in ("code", "fuzzy", "name", "unmatched")
    ]
    at.multiselect(key="data_match_filter").set_value(["fuzzy"]).run()
    join = next(df.value for df in at.dataframe if i18n.t("data.col.match_kind", "id") in df.value.columns)
    assert join[i18n.t("data.col.match_row", "id")].tolist() == [3]
    # a programme file with one unknown type: the page offers to keep the other rows
    at.selectbox(key="data_layer").set_value("programmes").run()
    codes = gazetteer()[lambda g: (g["level"] == 4) & (g["district"] == "36.04.13")]["code"].head(2).tolist()
    rows = [["Kode Desa", "Jenis Program"], [codes[0], "KKBM"], [codes[1], "Program Entah"]]
    at.file_uploader(key="data_upload").set_value(("p.csv", _csv(rows), "text/csv")).run()
    keep = [b for b in at.button if b.label == i18n.t("data.keep_other_rows", "id", n="1", rest="1")]
    assert keep, [b.label for b in at.button]
    keep[0].click().run()
    assert at.checkbox(key="data_skip_invalid").value is True
    assert any(i18n.t("data.confirm", "id") == b.label for b in at.button)
