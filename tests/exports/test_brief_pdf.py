"""The one-page PDF brief: one page, headline figures, map, top villages, a sentence per layer."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from exports.brief_pdf import build_brief
from loaders.export_inputs import load_view


@pytest.mark.parametrize(("area", "layer", "lang"), [("36", "placements", "id"), ("36.04", "reports", "en")])
def test_brief_is_one_page_with_figures_and_sentences(export_store, area, layer, lang):
    view = load_view(export_store, area, year=2024, layer=layer, lang=lang, threshold=5)
    reader = PdfReader(io.BytesIO(build_brief(view)))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    text = " ".join(page.extract_text().split())
    assert view.area_name in text
    for figure in view.key_figures:
        assert figure.text in text
    first_village = view.village_table_text(top=1).iloc[0, 0]
    assert first_village in text
    # One sentence per layer, starting with the layer's name.
    assert len(view.sentences) == 4
    for sentence in view.sentences:
        assert sentence.split(":")[0] in text
    assert len(page.images) == 1  # the map


def test_brief_stays_one_page_with_long_names(export_store):
    view = load_view(export_store, "36.04", year=2024, layer="placements", lang="id", threshold=5)
    view.area_name = "Kabupaten dengan nama yang sangat panjang sekali " * 3
    view.sentences = [s * 3 for s in view.sentences]
    reader = PdfReader(io.BytesIO(build_brief(view)))
    assert len(reader.pages) == 1


@pytest.mark.parametrize(("area", "lang"), [("36", "id"), ("36.04", "en")])
def test_table_headers_are_never_cut_inside_a_word(export_store, area, lang):
    """Fixed column widths cut headers mid-word: "Kabupaten/Ko|ta", "Non-procedur|al reports"."""
    view = load_view(export_store, area, year=2024, layer="placements", lang=lang, threshold=5)
    text = PdfReader(io.BytesIO(build_brief(view))).pages[0].extract_text()
    table = text[text.index(view.t("export.deck.top_villages")) :]
    words = set(table.split())
    columns = view.village_table_text(top=5, columns=view.slide_columns()[:6]).columns
    for header in [view.t("export.rank"), *columns]:
        for word in str(header).split():
            assert word in words, f"{word!r} of the header {header!r} is cut: {table[:300]!r}"


def test_english_brief_writes_one_programme_and_one_village(export_store):
    """ "1 programmes … 1 villages": the English brief wrote plurals after the number 1."""
    view = load_view(export_store, "36", year=2024, layer="placements", lang="en", threshold=5)
    programmes = view.villages.values.loc[view.villages.values.index[:-1], "programmes"]
    one = programmes[programmes > 0].index[0]  # a village with a programme: one programme there
    alone = load_view(export_store, one, year=2024, layer="placements", lang="en", threshold=1)
    sentence = next(s for s in alone.sentences if s.startswith("Community programmes"))
    assert "1 programme " in sentence and "1 programmes" not in sentence, sentence
    assert "Recorded in 1 village." in sentence, sentence
