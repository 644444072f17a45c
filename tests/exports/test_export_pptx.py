"""The PPTX deck: opens with python-pptx, slides in order, pictures are PNGs of the expected size."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

import i18n
from exports.deck import IMAGE_SIZE, build_deck, render_images, slide_kinds
from geo.codes import Level
from loaders.export_inputs import load_view


@pytest.fixture(scope="module")
def view(export_store):
    return load_view(export_store, "36.04", year=2024, layer="placements", lang="id", threshold=5)


@pytest.fixture(scope="module")
def deck(view):
    images = render_images(view)
    return Presentation(io.BytesIO(build_deck(view, images))), images


def _texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def test_slides_in_expected_order(view, deck):
    presentation, _ = deck
    kinds = slide_kinds(view)
    assert kinds[:4] == ["title", "map", "key_figures", "top_villages"]
    assert kinds[4:] == [f"chart-{key}" for key in ("trend", "destination", "sector", "gender")]
    slides = list(presentation.slides)
    assert len(slides) == len(kinds)
    title = " ".join(_texts(slides[0]))
    assert "Kabupaten Serang" in title and "2024" in title
    assert i18n.t("export.deck.sources", "id", sources="")[:10] in title  # sources credited
    assert "placements-test.xlsx" not in title  # by layer title and date, never a raw file name
    assert any(s.shape_type == MSO_SHAPE_TYPE.PICTURE for s in slides[1].shapes)
    assert "Angka utama" in " ".join(_texts(slides[2]))
    labels = {f.label for f in view.key_figures}
    assert labels <= set(_texts(slides[2]))
    assert any(s.has_table for s in slides[3].shapes)
    for slide in slides[4:]:
        assert sum(s.shape_type == MSO_SHAPE_TYPE.PICTURE for s in slide.shapes) == 1


def test_pictures_are_nonempty_pngs_of_expected_size(deck):
    presentation, images = deck
    pictures = [
        s for slide in presentation.slides for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE
    ]
    assert len(pictures) == len(images) == 5
    for picture in pictures:
        blob = picture.image.blob
        assert picture.image.content_type == "image/png"
        image = Image.open(io.BytesIO(blob))
        assert image.size == IMAGE_SIZE
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
        assert colours is not None and len(colours) > 20  # not a blank image


def test_top_village_table_matches_the_protected_view(view, deck):
    presentation, _ = deck
    table = next(s.table for s in list(presentation.slides)[3].shapes if s.has_table)
    expected = view.village_table_text(top=10, columns=view.slide_columns())
    header = [table.cell(0, j).text for j in range(len(table.columns))]
    assert header[1:] == list(expected.columns)
    for i in range(1, len(table.rows)):
        row = [table.cell(i, j).text for j in range(1, len(table.columns))]
        assert row == list(expected.iloc[i - 1])


def test_english_deck(export_store):
    view = load_view(export_store, "36.04", year=2024, layer="reports", lang="en", threshold=5)
    presentation = Presentation(io.BytesIO(build_deck(view)))
    texts = " ".join(t for slide in presentation.slides for t in _texts(slide))
    assert "Key figures" in texts and "Non-procedural reports" in texts and "Angka utama" not in texts
    assert len(presentation.slides) == len(slide_kinds(view))


def test_province_deck_names_each_top_villages_regency(export_store):
    """A province's top villages come from several regencies: the slide names each one's regency
    (and district) as the store holds them; a regency's deck needs no regency column."""
    view = load_view(export_store, "36", year=2024, layer="placements", lang="id", threshold=5)
    assert view.slide_columns()[:3] == ["name", "district", "regency"]
    presentation = Presentation(io.BytesIO(build_deck(view)))
    table = next(s.table for s in list(presentation.slides)[3].shapes if s.has_table)
    header = [table.cell(0, j).text for j in range(len(table.columns))]
    assert "Provinsi" not in header
    column = header.index("Kabupaten/Kota")
    held = export_store.read_attributes(Level.VILLAGE, "36", ["code", "regency_name"]).set_index("code")
    top = view.villages.values.iloc[:-1].head(len(table.rows) - 1)
    regencies = [table.cell(i, column).text for i in range(1, len(table.rows))]
    assert regencies == held.loc[top.index, "regency_name"].tolist()
    assert len(set(regencies)) > 1  # the case the column is for
    regency_view = load_view(export_store, "36.04", year=2024, layer="placements", lang="id", threshold=5)
    assert "regency" not in regency_view.slide_columns()
