"""AppTest of the Katalog Data page and of the *data as of* line of the map and statistics pages
(issue 26 item 5), on the demo pack and on an empty store."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

import i18n
from geo.catalogue import CATALOGUE_LAYERS, figure_metadata, import_day
from geo.figures import FIGURES
from loaders.catalogue import newest_import
from loaders.settings import DEMO_DIR
from loaders.store import Store
from ui import md_text
from ui.catalogue import PAGE_SOURCES

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")

pytestmark = pytest.mark.skipif(
    not Store(DEMO_DIR).provinces(), reason="the demo pack is not built (python -m loaders.demo build)"
)

#: Words of English that must not show in the Indonesian page.
ENGLISH = {"the", "and", "of", "with", "village", "villages", "placements", "reports", "year", "data as"}


def run_page(page: str, *, dataset: str, lang: str, monkeypatch, store: Path | None = None) -> AppTest:
    if store is not None:
        monkeypatch.setenv("ATLAS_DATA_DIR", str(store))
    monkeypatch.setenv("ATLAS_LANGUAGE", lang)
    at = AppTest.from_file(APP, default_timeout=180)
    at.session_state["dataset"] = dataset
    at.session_state["lang"] = lang
    at.run()
    at.switch_page(f"views/{page}.py")
    at.run()
    return at


def captions(at: AppTest) -> list[str]:
    return [c.value for c in at.caption]


def _as_of(page: str, lang: str) -> str:
    layers, boundaries = PAGE_SOURCES[page]
    stamp = newest_import(Store(DEMO_DIR), layers, boundaries=boundaries)
    return ":material/update: " + i18n.t("catalogue.as_of.demo", lang, date=import_day(stamp, lang))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_catalogue_page_lists_every_layer_and_figure(lang, monkeypatch):
    at = run_page("catalogue", dataset="demo", lang=lang, monkeypatch=monkeypatch)
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == [i18n.t("catalogue.title", lang)]
    assert [s.value for s in at.subheader] == [
        i18n.t("catalogue.layers", lang),
        i18n.t("catalogue.figures", lang),
    ]
    assert _as_of("catalogue", lang) in captions(at)
    layers, figures = (frame.value for frame in at.dataframe)
    assert len(layers) == len(CATALOGUE_LAYERS) and len(figures) == len(FIGURES)
    name, period = i18n.t("catalogue.element.name", lang), i18n.t("catalogue.element.period_held", lang)
    held = dict(zip(figures[name], figures[period], strict=True))
    assert held[i18n.t("figure.placements", lang)] == "2021–2024"  # the demo's placement years
    start = i18n.t("catalogue.held.start_years", lang, period="2016–2024")
    assert held[i18n.t("figure.programme_villages", lang)] == start
    villages = dict(zip(layers[name], layers[i18n.t("catalogue.element.villages", lang)], strict=True))
    demo = Store(DEMO_DIR).read_layer("placements")
    assert villages[i18n.t("layer.placements", lang)] == i18n.fmt_int(demo["village"].nunique(), lang)
    # one expander per entry, each stating every written element
    assert len(at.expander) == len(CATALOGUE_LAYERS) + len(FIGURES)
    markdown = "\n".join(m.value for m in at.markdown)
    for element in ("concept", "method", "unit", "classification", "source", "cadence", "caveats"):
        assert f"**{md_text(i18n.t(f'catalogue.element.{element}', lang))}**" in markdown
    assert md_text(figure_metadata("problem_per_100", lang)["method"]) in markdown
    downloads = at.get("download_button")
    assert len(downloads) == 2
    if lang == "id":
        shown = "\n".join([markdown, *captions(at), *map(str, layers.to_numpy().ravel())]).lower()
        words = set(re.findall(r"[a-z]+(?: as)?", shown))
        assert not words & ENGLISH, words & ENGLISH


def test_catalogue_downloads_are_the_document(monkeypatch):
    """The JSON download is the document the API serves; the XLSX one reads back with openpyxl."""
    from exports.files import catalogue_sheet
    from exports.sheets import xlsx_bytes
    from loaders.catalogue import catalogue_document

    document = catalogue_document(Store(DEMO_DIR), "en")
    assert json.loads(json.dumps(document, ensure_ascii=False)) == document
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes([catalogue_sheet(document)], "en")))
    assert book.sheetnames == ["Data catalogue"]
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0][:3] == ("Kind", "Name", "Concept")
    assert len(rows) == 1 + len(CATALOGUE_LAYERS) + len(FIGURES)


def test_an_empty_store_shows_no_date(tmp_path, monkeypatch):
    at = run_page("catalogue", dataset="store", lang="id", monkeypatch=monkeypatch, store=tmp_path / "store")
    assert not at.exception, at.exception
    assert ":material/update: " + i18n.t("catalogue.as_of.none", "id") in captions(at)
    months = "|".join(i18n.MONTHS_ID)
    shown = "\n".join(captions(at) + [m.value for m in at.markdown])
    assert not re.search(rf"\d+ ({months}) \d{{4}}", shown)  # nothing shown as a date
    layers, figures = (frame.value for frame in at.dataframe)
    last = i18n.t("catalogue.element.last_import", "id")
    assert set(layers[last]) == set(figures[last]) == {i18n.t("common.no_data", "id")}


@pytest.mark.parametrize(("page", "lang"), [("overview", "id"), ("map", "en"), ("export", "id")])
def test_map_and_statistics_pages_state_data_as_of(page, lang, monkeypatch):
    at = run_page(page, dataset="demo", lang=lang, monkeypatch=monkeypatch)
    assert not at.exception, at.exception
    lines = [c for c in captions(at) if c.startswith(":material/update:")]
    assert lines == [_as_of(page, lang)]
