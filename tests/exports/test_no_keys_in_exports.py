"""No internal key reaches a file a user takes away: the CSV, XLSX, PPTX and PDF of a rich store
(every layer, every kind of export view) and the planner's CSV and XLSX, in both languages.

Testers found the planner's *Data kurang* column printing ``distance_km``. An identifier-like token
is a snake_case word (``distance_km``, ``__total__``), an upper-case code (``KAWAN_PMI``,
``CASE_HANDLED``), a key of the translation table (``planner.ind.groups``) or, in Indonesian, a
layer's or an indicator's English key (``placements``, ``programmes``).
"""

from __future__ import annotations

import csv
import io
import re

import openpyxl
import pytest
from PIL import Image
from pptx import Presentation
from pypdf import PdfReader

import i18n
from exports.brief_pdf import build_brief
from exports.deck import _flow_pictures, build_deck
from exports.files import ranking_csv, ranking_xlsx, tables_csv, tables_xlsx
from exports.view import MAP_MEASURES
from geo import distances, priority
from geo.codes import Level
from geo.layers import LAYERS
from loaders.export_inputs import load_view
from loaders.settings import DEMO_DIR
from loaders.store import Store

pytestmark = pytest.mark.skipif(
    not Store(DEMO_DIR).provinces(), reason="the demo pack is not built (python -m loaders.demo build)"
)

SNAKE = re.compile(r"(?<![\w.@/-])_*[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]*(?![\w])")
DOTTED = re.compile(r"(?<![\w/])[a-z][a-z_]*(?:\.[a-z0-9_]+)+")
ENGLISH_KEYS = {*LAYERS, *priority.INDICATORS, "share_women", "gender_unknown", "women", "men"}


def _png() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (16, 9), "white").save(buf, format="PNG")
    return buf.getvalue()


def _texts_xlsx(data: bytes) -> list[str]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    out = list(book.sheetnames)
    for sheet in book.worksheets:
        out += [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    return out


def _texts_pptx(data: bytes) -> list[str]:
    out = []
    for slide in Presentation(io.BytesIO(data)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                out.append(shape.text_frame.text)
            if getattr(shape, "has_table", False) and shape.has_table:
                out += [cell.text for row in shape.table.rows for cell in row.cells]
    return out


def _texts_csv(data: bytes) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))) for cell in row]


def _keys_in(texts: list[str], lang: str) -> set[str]:
    found = set()
    for text in texts:
        found |= {t for t in SNAKE.findall(text) if not t.isdigit()}
        found |= {t for t in DOTTED.findall(text) if t in i18n.TABLE or t.split(".")[0] in _PREFIXES}
        if lang == "id":
            found |= {w for w in re.findall(r"[a-z_]+", text) if w in ENGLISH_KEYS}
    return found


_PREFIXES = {key.split(".")[0] for key in i18n.TABLE}


def _ranking(store: Store, area: str, lang: str) -> list[bytes]:
    layers = {name: store.read_layer(name) for name in store.layers()}
    years = (2021, 2024)
    villages = store.read_areas(Level.VILLAGE, area, columns=["code", "geometry"])
    province = store.read_areas(Level.VILLAGE, area[:2], columns=["code", "geometry"])
    near = distances.programme_distances(
        villages, layers.get("programmes"), year=years[1], parent=area, province_villages=province
    )
    table = priority.indicators(layers, near, area=area, years=years)
    attributes = store.read_attributes(Level.VILLAGE, area, ["code", "name"])
    names = dict(zip(attributes["code"], attributes["name"], strict=True))
    ranked = priority.score(table, priority.DEFAULT_WEIGHTS, names=names)
    return [ranking_csv(ranked, lang, 5, note=["x"]), ranking_xlsx(ranked, lang, 5, note=["x"])]


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_internal_key_in_any_exported_file(lang):
    store = Store(DEMO_DIR)
    found: dict[str, set[str]] = {}
    for layer in MAP_MEASURES:
        for area in ("99", "99.01", "99.01.02"):
            view = load_view(store, area, year=2024, layer=layer, lang=lang, threshold=5, demo=True)
            files = {
                "csv": _texts_csv(tables_csv(view)),
                "xlsx": _texts_xlsx(tables_xlsx(view)),
                "pptx": _texts_pptx(
                    build_deck(view, {"map": _png(), **{k: _png() for k in _picture_keys(view)}})
                ),
                "pdf": [PdfReader(io.BytesIO(build_brief(view, map_png=_png()))).pages[0].extract_text()],
            }
            for kind, texts in files.items():
                keys = _keys_in(texts, lang)
                if keys:
                    found[f"{layer} {area} {kind}"] = keys
    csv_data, xlsx_data = _ranking(store, "99.01", lang)
    for kind, texts in (("planner csv", _texts_csv(csv_data)), ("planner xlsx", _texts_xlsx(xlsx_data))):
        keys = _keys_in(texts, lang)
        if keys:
            found[kind] = keys
    assert found == {}


def test_the_check_finds_keys():
    """The token patterns catch what testers saw (so an empty finding above means something)."""
    assert _keys_in(["Data kurang: distance_km", "__total__", "KAWAN_PMI"], "en") == {
        "distance_km",
        "__total__",
        "KAWAN_PMI",
    }
    assert _keys_in(["planner.ind.groups", "Penempatan (placements)"], "id") == {
        "planner.ind.groups",
        "groups",
        "placements",
    }
    assert _keys_in(["36.04.13.2007", "Kab. Serang", "e.g. 1.210,5", "www.example.org"], "id") == set()


def _picture_keys(view) -> list[str]:
    """Every picture a deck of ``view`` places besides the map: charts, then flows (returns)."""
    return [f"chart-{c.key}" for c in view.charts] + _flow_pictures(view)
