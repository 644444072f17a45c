"""Exports of the whole store by village (area *Indonesia*) on a small real two-province store.

DI Yogyakarta (34) and Banten (36) imported from ../shared/data as the app imports them, with
generated layers: the map has every village once, its values and hidden cells are those of the
regency exports of the same villages, and the PNG, PPTX and PDF are made and readable.
"""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest
import shapely
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pypdf import PdfReader

import i18n
from exports import brief_pdf, deck
from exports import files as export_files
from exports.static_map import _draw_areas, _paths, pyplot
from geo.classify import classify
from geo.codes import Level
from geo.suppression import hidden_label
from loaders.export_inputs import NATIONAL, load_view

YEAR = 2024


@pytest.fixture(scope="module")
def store(national_export_store):
    return national_export_store


@pytest.fixture(scope="module")
def view(store):
    return load_view(store, NATIONAL, year=YEAR, layer="placements", lang="id", threshold=5)


@pytest.fixture(scope="module")
def regency_views(store):
    """The village maps of every regency of both provinces (the province-path exports)."""
    regencies = store.read_attributes(Level.REGENCY, None, ["code"])["code"]
    return [load_view(store, r, year=YEAR, layer="placements", lang="id", threshold=5) for r in regencies]


@pytest.fixture(scope="module")
def images(view):
    return deck.render_images(view)


def test_map_has_every_village_of_both_provinces_once(store, view):
    held = store.read_attributes(Level.VILLAGE, None, ["code", "has_polygon"])
    with_polygon = held.loc[held["has_polygon"].astype(bool), "code"]
    codes = view.map_areas["code"]
    assert codes.is_unique
    assert set(codes) == set(with_polygon)
    assert {c[:2] for c in codes} == {"34", "36"} and len(codes) > 1900
    assert view.area_name == "Indonesia" and "Indonesia" in view.map_title
    assert set(view.map_values.index) == set(codes)
    assert sorted(view.map_outlines["code"]) == ["34", "36"]  # the provinces, drawn as lines


def test_values_and_hidden_cells_equal_the_regency_exports(store, view, regency_views):
    regional = pd.concat([v.map_values for v in regency_views])
    regional_hidden = pd.concat([v.map_hidden for v in regency_views])
    assert regional.index.is_unique and set(regional.index) == set(view.map_values.index)
    national = view.map_values.reindex(regional.index)
    pd.testing.assert_series_equal(national, regional, check_names=False)
    # missing is not zero (issue 22: by coverage): a village of a regency the layer covers in the
    # year without a row is 0, a village of a regency it does not cover is no data
    placements = store.read_layer("placements")
    covered = set(placements.loc[placements["year"] == view.year, "village"].astype(str).str[:5])
    inside = national.index.str[:5].isin(list(covered))
    assert (national[inside] == 0).sum() > 100 and national[inside].notna().all()
    assert national[~inside].isna().all()
    small = (national > 0) & (national < 5)
    assert small.sum() > 0
    hidden = view.map_hidden.reindex(regional.index)
    assert hidden[small].all() and regional_hidden[small].all()
    assert not hidden[national.isna() | (national == 0)].any()
    # one protection for the map and the village table: any other hidden cell is a complement
    table = view.villages
    counted = table.values.index[:-1]
    assert (hidden.reindex(counted) == table.hidden.loc[counted, "placements"]).all()
    assert (table.primary.loc[counted, "placements"] == small.reindex(counted)).all()  # "<5" cells


def test_classes_are_computed_as_for_a_province(view):
    shown = view.map_values[~view.map_hidden]
    assert view.bins == list(classify(shown, "quantiles", 5).limits)
    assert view.bins[-1] == shown.max()


def test_key_figures_cover_the_whole_store(store, view):
    placements = store.read_layer("placements")
    total = int(placements.loc[placements["year"] == YEAR, "count"].sum())
    figure = {f.key: f for f in view.key_figures}["placements"]
    assert figure.text == i18n.fmt_int(total, "id")
    by_province = [
        {f.key: f for f in load_view(store, p, year=YEAR, layer="placements", lang="id").key_figures}
        for p in ("34", "36")
    ]
    assert sum(int(f["placements"].text.replace(".", "")) for f in by_province) == total


def test_village_table_is_the_whole_store_with_small_counts_hidden(store, view):
    placements = store.read_layer("placements")
    in_year = placements[placements["year"] == YEAR].groupby("village")["count"].sum()
    table = view.villages.values.iloc[:-1]
    assert set(table.index) >= set(in_year[in_year > 0].index)
    assert {c[:2] for c in table.index} == {"34", "36"}
    csv = export_files.tables_csv(view).decode("utf-8-sig")
    rows = pd.read_csv(io.StringIO(csv), comment="#", dtype=str).set_index(view.t("common.code"))
    column = view.village_headers["placements"]
    small = in_year[(in_year > 0) & (in_year < 5)].index
    assert len(small) and (rows.loc[small, column] == hidden_label(5)).all()
    assert len(rows) == len(view.villages.values)  # every village with a count, and the total


def test_png_draws_the_classes_at_the_requested_size(view, images):
    png = images["map"]
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    picture = Image.open(io.BytesIO(png)).convert("RGB")
    assert picture.size == deck.IMAGE_SIZE
    pixels = np.asarray(picture).reshape(-1, 3)
    colours = {
        tuple(int(c[i : i + 2], 16) for i in (1, 3, 5)) for c in classify([], limits=view.bins).colours
    }
    found = {tuple(p) for p in np.unique(pixels, axis=0)}
    assert colours <= found  # every class is drawn (villages are big enough to hold a pure pixel)


def test_pptx_and_pdf_use_the_national_picture(view, images):
    presentation = Presentation(io.BytesIO(deck.build_deck(view, images)))
    slides = list(presentation.slides)
    assert len(slides) == len(deck.slide_kinds(view))
    title = " ".join(s.text_frame.text for s in slides[0].shapes if s.has_text_frame)
    assert "Indonesia" in title and str(YEAR) in title
    pictures = [s for s in slides[1].shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == 1 and pictures[0].image.blob == images["map"]
    reader = PdfReader(io.BytesIO(brief_pdf.build_brief(view, map_png=images["map"])))
    assert len(reader.pages) == 1 and len(reader.pages[0].images) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Indonesia" in text
    for figure in view.key_figures:
        assert figure.text in text


def test_paths_keep_holes_open_and_one_path_per_area():
    ring = shapely.box(0, 0, 10, 10).difference(shapely.box(4, 4, 6, 6))
    two = shapely.MultiPolygon([shapely.box(0, 12, 4, 14), shapely.box(6, 12, 10, 14)])
    geometries = np.array([ring, two], dtype=object)
    paths, keys = _paths(geometries, ["#ff0000", "#0000ff"])
    assert len(paths) == len(keys) == 2 and len(_paths(geometries, ["#ff0000"] * 2)[0]) == 1
    plt = pyplot()
    fig = plt.figure(figsize=(1, 1.4), dpi=100)
    try:
        ax = fig.add_axes((0, 0, 1, 1))
        _draw_areas(ax, geometries, ["#ff0000", "#0000ff"], linewidths=0)
        ax.set_xlim(0, 10)
        ax.set_ylim(0, 14)
        ax.set_axis_off()
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=100)
    finally:
        plt.close(fig)
    pixels = np.asarray(Image.open(buf).convert("RGB"))  # rows from the top: y = 14 - row / 10

    def at(x: float, y: float) -> tuple:
        return tuple(int(v) for v in pixels[int((14 - y) * 10), int(x * 10)])

    assert at(1, 1) == (255, 0, 0) and at(5, 5) == (255, 255, 255)  # the hole stays open
    assert at(2, 13) == (0, 0, 255) == at(8, 13) and at(5, 13) == (255, 255, 255)


def test_store_imported_before_the_national_copy_names_the_command(store, tmp_path):
    from loaders.store import Store, StoreError

    old = Store(tmp_path / "old")
    for province in store.provinces():
        areas, display = store.province_tables(province)
        keep = {key: frame for key, frame in display.items() if key != (Level.VILLAGE, "national")}
        old.write_province(province, areas, keep if province == "36" else display, meta={"source": "x"})
    with pytest.raises(StoreError, match=r"^1 provinsi .*python -m loaders\.tiles build"):
        load_view(old, NATIONAL, year=YEAR, lang="id")


def test_top_villages_name_their_regency_and_province(store, view, images):
    """A village name alone is ambiguous across Indonesia: the slide, the brief and the files name
    each top village's regency and province as the store holds them."""
    held = store.read_attributes(Level.VILLAGE, None, ["code", "regency_name", "province_name"])
    held = held.set_index("code")
    presentation = Presentation(io.BytesIO(deck.build_deck(view, images)))
    table = next(s.table for s in list(presentation.slides)[3].shapes if s.has_table)
    header = [table.cell(0, j).text for j in range(len(table.columns))]
    regency, province = header.index("Kabupaten/Kota"), header.index("Provinsi")
    top = view.villages.values.iloc[:-1].head(len(table.rows) - 1)
    assert len(top) == 10
    for i, code in enumerate(top.index, start=1):
        assert table.cell(i, regency).text == held.at[code, "regency_name"]
        assert table.cell(i, province).text == held.at[code, "province_name"]
    text = " ".join(
        PdfReader(io.BytesIO(brief_pdf.build_brief(view, map_png=images["map"])))
        .pages[0]
        .extract_text()
        .split()
    )
    assert held.at[top.index[0], "province_name"] in text
    csv = export_files.tables_csv(view).decode("utf-8-sig")
    rows = pd.read_csv(io.StringIO(csv), comment="#", dtype=str).set_index(view.t("common.code"))
    assert (rows.loc[top.index, "Provinsi"] == held.loc[top.index, "province_name"]).all()
    assert (rows.iloc[-1:][["Kabupaten/Kota", "Provinsi"]].isna()).all(axis=None)  # the total row
