"""Small-count protection: primary, complementary (by subtraction) and derived suppression."""

from __future__ import annotations

import io
import re

import numpy as np
import pandas as pd
import pytest
from export_data import raw_village_counts
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from pptx import Presentation
from pypdf import PdfReader

from exports.brief_pdf import build_brief
from exports.deck import build_deck
from exports.files import html_map, tables_csv, tables_xlsx
from geo.suppression import HIDDEN_DERIVED, Group, hidden_label, is_small, protect, protect_series
from loaders.export_inputs import load_view
from loaders.settings import ROOT


def _villages(counts: dict[str, list[int]]) -> pd.DataFrame:
    frame = pd.DataFrame(counts, index=[f"v{i}" for i in range(len(next(iter(counts.values()))))])
    total = frame.sum().to_frame("total").T
    return pd.concat([frame, total])


def test_small_counts_are_hidden_zero_and_large_are_not():
    assert is_small(pd.Series([0, 1, 2, 3, 4, 5, 6, np.nan]), 5).tolist() == [
        False,
        True,
        True,
        True,
        True,
        False,
        False,
        False,
    ]
    assert is_small(pd.Series([1, 9, 10]), 10).tolist() == [True, True, False]
    assert hidden_label(10) == "<10"


@pytest.mark.parametrize("bad", [0, -1, 2.5, "5", True])
def test_threshold_must_be_a_positive_whole_number(bad):
    with pytest.raises(ValueError, match="threshold"):
        is_small(pd.Series([1]), bad)


def test_single_hidden_cell_in_a_column_forces_the_next_smallest():
    table = _villages({"n": [3, 40, 12, 7, 0]})
    p = protect(table, ["n"], 5, total_row="total")
    out = p.for_export()["n"]
    assert out["v0"] == "<5"
    assert out["v3"] == HIDDEN_DERIVED  # 7 is the next-smallest positive cell
    assert out["v1"] == 40 and out["v2"] == 12 and out["v4"] == 0 and out["total"] == 62
    # The two hidden cells cannot be told apart by subtraction: only their sum (10) is known.
    visible = table["n"][~p.hidden["n"]]
    assert visible["total"] - visible.drop("total").sum() == 3 + 7


def test_two_small_cells_need_no_complement():
    table = _villages({"n": [3, 40, 2, 7]})
    p = protect(table, ["n"], 5, total_row="total")
    assert p.hidden["n"].tolist() == [True, False, True, False, False]


def test_total_hidden_when_no_other_positive_cell():
    table = _villages({"n": [3, 0, 0]})
    p = protect(table, ["n"], 5, total_row="total")
    # The total 3 is itself small; every cell holding the 3 is hidden.
    assert p.hidden["n"].tolist() == [True, False, False, True]
    table = pd.DataFrame({"n": [3, 0, 6]}, index=["a", "b", "total"])  # total not equal to sum
    p = protect(table, ["n"], 5, groups=[Group((("a", "n"), ("b", "n")), ("total", "n"))])
    assert p.hidden["n"].tolist() == [True, False, True]


def test_row_totals_and_columns_interact_until_stable():
    # women + men = placements in each row; a total row below.
    table = _villages({"placements": [12, 30, 9], "women": [2, 15, 4], "men": [10, 15, 5]})
    p = protect(
        table,
        ["placements", "women", "men"],
        5,
        total_row="total",
        row_totals={"placements": ["women", "men"]},
    )
    _assert_no_group_with_single_hidden(
        table, p, ["placements", "women", "men"], {"placements": ["women", "men"]}
    )
    assert p.primary.loc["v0", "women"] and p.primary.loc["v2", "women"]


def test_derived_figures_follow_their_inputs():
    table = _villages({"placements": [12, 30, 40], "women": [2, 15, 20]})
    table["share_women"] = table["women"] / table["placements"]
    p = protect(
        table, ["placements", "women"], 5, total_row="total", derived={"share_women": ["women", "placements"]}
    )
    assert p.hidden.loc["v0", "share_women"]
    # v1's women is the complement (next-smallest), so its share goes too.
    assert p.hidden.loc["v1", "women"] and p.hidden.loc["v1", "share_women"]
    assert not p.hidden.loc["v2", "share_women"]
    masked = p.masked()
    assert np.isnan(masked.loc["v0", "share_women"]) and masked.loc["v2", "share_women"] == 0.5


def test_labels_and_formatting():
    table = _villages({"n": [3, 40, 12]})
    p = protect(table, ["n"], 5, total_row="total")
    shown = p.formatted({"n": lambda v: f"{v:,}"})["n"].tolist()
    assert shown == ["<5", "40", "x", "55"]


def test_protect_series_against_its_shown_total():
    p = protect_series(pd.Series({"MY": 40, "SA": 2, "TW": 9, "HK": 30}), 5)
    assert p.for_export()["value"].tolist() == [40, "<5", "x", 30]
    p = protect_series(pd.Series({"MY": 40, "SA": 2, "TW": 9}), 5, total_shown=False)
    assert p.for_export()["value"].tolist() == [40, "<5", 9]


def test_unknown_columns_are_named():
    with pytest.raises(ValueError, match=r"\['nope'\]"):
        protect(pd.DataFrame({"n": [1]}), ["nope"], 5)


def _assert_no_group_with_single_hidden(table, p, counts, row_totals):
    body = [r for r in table.index if r != "total"]
    for col in counts:
        assert p.hidden.loc[[*body, "total"], col].sum() != 1, col
    for r in table.index:
        for total, parts in row_totals.items():
            assert p.hidden.loc[r, [total, *parts]].sum() != 1, r


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), min_size=1, max_size=12),
    st.integers(2, 10),
)
def test_property_no_small_cell_recoverable(rows, threshold):
    """For any table: every small cell hidden, and no group has exactly one hidden cell."""
    women = [w for w, _ in rows]
    men = [m for _, m in rows]
    table = _villages({"placements": [w + m for w, m in rows], "women": women, "men": men})
    counts = ["placements", "women", "men"]
    p = protect(table, counts, threshold, total_row="total", row_totals={"placements": ["women", "men"]})
    values = table[counts].to_numpy()
    small = (values >= 1) & (values < threshold)
    assert (p.hidden[counts].to_numpy() | ~small).all()
    _assert_no_group_with_single_hidden(table, p, counts, {"placements": ["women", "men"]})
    exported = p.for_export()
    for col in counts:
        for r in table.index:
            if small[table.index.get_loc(r), counts.index(col)]:
                assert exported.loc[r, col] == hidden_label(threshold)


# --------------------------------------------------------------------------- every export format
# Real Banten boundaries with generated layers full of small counts; the raw counts are computed
# straight from the stored layers, independently of the export code.

COUNT_COLUMNS = {
    "placements": "Placements",
    "women": "Women",
    "men": "Men",
    "reports": "Non-procedural reports",
    "enterprises": "Returnee enterprises",
}


@pytest.fixture(scope="module")
def serang(export_store):
    view = load_view(export_store, "36.04", year=2024, layer="placements", lang="en", threshold=5)
    raw = raw_village_counts(export_store, "36.04", 2024)
    assert ((raw >= 1) & (raw < 5)).sum().sum() > 50  # the data really has small counts
    return view, raw


def _is_small_text(cell: object) -> bool:
    try:
        return 1 <= float(str(cell).replace(",", "")) < 5
    except ValueError:
        return False


def _check_village_table(table: pd.DataFrame, raw: pd.DataFrame, label: str = "<5") -> None:
    """Every small raw count is "<5", no visible number is small, no group has one hidden cell."""
    table = table.astype(str)
    body = table.iloc[:-1]
    for key, header in COUNT_COLUMNS.items():
        column = table[header]
        hidden = column.isin([label, "x"])
        assert not column[~hidden].map(_is_small_text).any(), header
        assert hidden.sum() != 1, f"{header}: one hidden cell could be worked out from the total"
        small_codes = raw.index[(raw[key] >= 1) & (raw[key] < 5)]
        assert (body.loc[body.index.isin(small_codes), header] == label).all(), header
    gender = table[["Placements", "Women", "Men", "Gender not recorded"]].isin([label, "x"]).sum(axis=1)
    assert (gender != 1).all()
    share_hidden = table["Share of women"].isin([label, "x"])
    assert (share_hidden | ~table[["Placements", "Women"]].isin([label, "x"]).any(axis=1)).all()


def test_csv_and_xlsx_hide_small_counts(serang):
    view, raw = serang
    csv = pd.read_csv(io.BytesIO(tables_csv(view)), dtype=str, comment="#", encoding="utf-8-sig").set_index(
        "Code"
    )
    _check_village_table(csv, raw)
    sheets = pd.read_excel(io.BytesIO(tables_xlsx(view)), sheet_name=None, dtype=str)
    _check_village_table(sheets["Villages"].set_index("Code"), raw)
    for name, sheet in sheets.items():
        if name not in ("Villages", "Key figures", "Note"):
            values = sheet.iloc[:, 1]
            assert not values.map(_is_small_text).any(), name
            assert values.isin(["<5", "x"]).sum() != 1, name


def test_deck_table_hides_small_counts(serang):
    view, raw = serang
    presentation = Presentation(
        io.BytesIO(build_deck(view, {"map": _PNG, **{f"chart-{c.key}": _PNG for c in view.charts}}))
    )
    grid = next(s.table for slide in presentation.slides for s in slide.shapes if s.has_table)
    header = [grid.cell(0, j).text for j in range(len(grid.columns))]
    codes = view.villages.values.index
    for i in range(1, len(grid.rows)):
        row = dict(zip(header, (grid.cell(i, j).text for j in range(len(grid.columns))), strict=True))
        code = codes[i - 1]
        for key, title in COUNT_COLUMNS.items():
            if title in row:
                assert not _is_small_text(row[title]), (code, title)
                if 1 <= raw.loc[code, key] < 5:
                    assert row[title] == "<5"
    texts = " ".join(
        s.text_frame.text for slide in presentation.slides for s in slide.shapes if s.has_text_frame
    )
    assert "<5 = 1 to 4 (hidden)" in texts


def test_brief_shows_hidden_labels(serang):
    view, _ = serang
    text = PdfReader(io.BytesIO(build_brief(view, map_png=_PNG))).pages[0].extract_text()
    top = view.village_table_text(top=5, columns=view.slide_columns()[:6])
    assert text.count("<5") >= int((top == "<5").sum().sum())


def test_html_map_tooltips_hide_small_counts(serang):
    view, raw = serang
    if not (ROOT / "static/vendor/leaflet/leaflet.js").is_file():
        pytest.skip("Leaflet is not installed in static/vendor (run scripts/setup.sh)")
    page = html_map(view, ROOT / "static" / "vendor" / "leaflet").replace("\\u003c", "<")  # JSON-escaped "<"
    shown = dict(re.findall(r'"code": "(36\.04\.\d\d\.\d{4})".*?"shown": "([^"]*)"', page))
    assert len(shown) > 300
    small = [c for c in raw.index if 1 <= raw.loc[c, "placements"] < 5]
    assert small and all(shown[c] == "<5" for c in small)
    assert not any(_is_small_text(v) for v in shown.values())
    assert sum(v in ("<5", "x") for v in shown.values()) != 1
    for code, text in shown.items():  # "<5" only where the count is small; "x" for complements
        if text == "x":
            assert view.map_values[code] >= 5


def test_charts_and_key_figures_hide_small_counts(export_store):
    view = load_view(export_store, "36.04.13", year=2024, layer="reports", lang="en", threshold=5)
    for chart in view.charts:
        values = chart.data.values["value"]
        assert chart.data.hidden["value"][(values >= 1) & (values < 5)].all(), chart.key
        if chart.kind == "barh":
            assert chart.data.hidden["value"].sum() != 1 or len(values) < len(chart.data.values)
    for figure in view.key_figures:
        assert not _is_small_text(figure.text) or figure.key in ("origin_villages", "programme_villages")


def _tiny_png() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (16, 9), "white").save(buf, format="PNG")
    return buf.getvalue()


_PNG = _tiny_png()


def test_map_and_table_hide_consistently(export_store):
    """Map sums + visible villages in the table never reveal a lone hidden village."""
    view = load_view(export_store, "36", year=2024, layer="reports", lang="en", threshold=5)
    table = view.villages.hidden.iloc[:-1]
    hidden_villages = table["reports"].groupby(table.index.str.slice(0, 8)).sum()
    for district, count in hidden_villages.items():
        if not view.map_hidden.get(district, False):
            assert count != 1, district
    # A district hidden on the map is hidden because it is small or to protect another one.
    values = view.map_values[view.map_hidden]
    assert len(values) != 1
    # Village-level maps hide exactly the table's hidden villages.
    serang = load_view(export_store, "36.04", year=2024, layer="reports", lang="en", threshold=5)
    in_table = serang.villages.hidden["reports"].iloc[:-1]
    assert (
        serang.map_hidden[in_table.index].equals(in_table.rename(None))
        or (serang.map_hidden[in_table.index].to_numpy() == in_table.to_numpy()).all()
    )
    assert serang.map_hidden.sum() == in_table.sum()


def test_village_headlines_follow_the_district_table(export_store):
    """A village whose cell its district's table hides (even as a complement) shows no number."""
    # In the generated data, Kec. 36.04.24 has one village hidden only as a complement.
    district = load_view(export_store, "36.04.24", year=2024, layer="placements", lang="en", threshold=5)
    hidden = district.villages.hidden.iloc[:-1]
    complements = hidden.index[hidden["placements"] & ~district.villages.primary.iloc[:-1]["placements"]]
    assert len(complements) >= 1
    village = load_view(export_store, complements[0], year=2024, layer="placements", lang="en", threshold=5)
    figure = next(f for f in village.key_figures if f.key == "placements")
    assert figure.hidden and figure.text == "x" and figure.change == ""
    assert district.villages.values.loc[complements[0], "placements"] >= 5  # not small, still hidden


def test_threshold_is_configurable_in_every_table(export_store):
    view = load_view(export_store, "36.04", year=2024, layer="placements", lang="en", threshold=10)
    csv = pd.read_csv(io.BytesIO(tables_csv(view)), dtype=str, comment="#", encoding="utf-8-sig")
    column = csv["Placements"]
    assert (column == "<10").any() and not (column == "<5").any()
    numbers = pd.to_numeric(column, errors="coerce")
    assert not ((numbers >= 1) & (numbers < 10)).any()
    assert "<10 = 1 to 9 (hidden)" in view.suppression_note
