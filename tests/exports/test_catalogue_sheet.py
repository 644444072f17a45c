"""The XLSX exports carry the data catalogue as a sheet (issue 26 item 5), read back with openpyxl:
the metadata of the figures the file states and of the layers they read, with what the store
holds of them, in the file's language."""

from __future__ import annotations

import io

import openpyxl
import pytest

import i18n
from exports.files import tables_xlsx
from geo.catalogue import ELEMENTS, figure_metadata, import_day, layer_metadata
from geo.figures import HEADLINES, JOURNEY
from loaders.catalogue import catalogue_document
from loaders.export_inputs import load_view
from loaders.settings import DEMO_DIR
from loaders.store import Store

pytestmark = pytest.mark.skipif(
    not Store(DEMO_DIR).provinces(), reason="the demo pack is not built (python -m loaders.demo build)"
)


def _sheet(data: bytes, lang: str) -> list[dict]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames[-1] == i18n.t("catalogue.sheet", lang)
    rows = list(book[book.sheetnames[-1]].iter_rows())
    headers = [c.value for c in rows[0]]
    return [{h: c for h, c in zip(headers, row, strict=True)} for row in rows[1:]]


@pytest.mark.parametrize(
    ("layer", "lang", "names"), [("placements", "id", HEADLINES), ("returns", "en", JOURNEY)]
)
def test_the_workbook_states_the_metadata_of_its_figures(layer, lang, names):
    store = Store(DEMO_DIR)
    view = load_view(store, "99", year=2024, layer=layer, lang=lang, threshold=5, demo=True)
    rows = _sheet(tables_xlsx(view), lang)
    label = {
        k: i18n.t(f"catalogue.element.{k}", lang)
        for k in (*ELEMENTS, "period_held", "last_import", "villages")
    }
    kind = i18n.t("catalogue.col.kind", lang)
    figures = [r for r in rows if r[kind].value == i18n.t("catalogue.kind.figure", lang)]
    assert [r[label["name"]].value for r in figures] == [i18n.t(f"figure.{n}", lang) for n in names]
    for row, name in zip(figures, names, strict=True):
        meta = figure_metadata(name, lang)
        for element in ELEMENTS:  # every MS-Ind element, as the catalogue page states it
            assert row[label[element]].value == meta[element], (name, element)
    # the layers those figures read, and the boundaries; each with what the store holds
    layers = [r for r in rows if r[kind].value == i18n.t("catalogue.kind.layer", lang)]
    document = catalogue_document(store, lang)
    read = {lay for f in document["figures"] if f["id"] in names for lay in f["layers"]} | {"boundaries"}
    expected = [e for e in document["layers"] if e["id"] in read]
    assert [r[label["name"]].value for r in layers] == [e["metadata"]["name"] for e in expected]
    for row, entry in zip(layers, expected, strict=True):
        assert row[label["definition"]].value == layer_metadata(entry["id"], lang)["definition"]
        assert row[label["method"]].value is None  # a layer has no method: an empty cell
        assert row[label["period_held"]].value == entry["held"]["period"]
        assert row[label["last_import"]].value == import_day(entry["held"]["last_import"], lang)
        cell = row[label["villages"]]
        assert cell.value == entry["held"]["villages"] and cell.data_type == "n"  # a number
    placements = next(r for r in figures if r[label["name"]].value == i18n.t("figure.placements", lang))
    years = sorted(set(store.read_layer("placements")["year"]))
    assert placements[label["period_held"]].value == f"{years[0]}–{years[-1]}"


def test_a_store_seen_through_no_grant_gives_a_sheet_with_nothing_held(tmp_path):
    """Deny by default: the metadata is written, the held cells are empty (never a zero)."""
    from exports.files import catalogue_sheet
    from exports.sheets import xlsx_bytes

    document = catalogue_document(Store(DEMO_DIR).within([]), "id")
    rows = _sheet(xlsx_bytes([catalogue_sheet(document)], "id"), "id")
    villages = i18n.t("catalogue.element.villages", "id")
    last = i18n.t("catalogue.element.last_import", "id")
    assert all(r[villages].value is None and r[last].value is None for r in rows)
    assert {r[i18n.t("catalogue.element.name", "id")].value for r in rows} >= {
        "Penempatan PMI",
        "Batas wilayah",
    }


def test_the_planners_workbook_states_the_layers_it_ranks_by():
    import pandas as pd

    from exports.files import ranking_xlsx
    from geo.catalogue import CATALOGUE_LAYERS
    from geo.priority import DEFAULT_WEIGHTS, score

    table = pd.DataFrame(
        {
            "placements": [100.0, 10.0],
            "reports": [1.0, 20.0],
            "distance_km": [2.0, 3.0],
            "enterprises": [0.0, 1.0],
            "groups": [0.0, 1.0],
        },
        index=pd.Index(["36.04.13.2007", "36.04.13.2008"], name="code"),
    )
    ranked = score(table, {k: v for k, v in DEFAULT_WEIGHTS.items() if k in table})
    document = catalogue_document(Store(DEMO_DIR), "en")
    book = openpyxl.load_workbook(
        io.BytesIO(ranking_xlsx(ranked, "en", 5, note=["2024"], catalogue=document))
    )
    assert book.sheetnames[-2:] == ["Note", "Data catalogue"]
    rows = _sheet(ranking_xlsx(ranked, "en", 5, note=["2024"], catalogue=document), "en")
    assert [r["Kind"].value for r in rows] == ["Data layer"] * len(CATALOGUE_LAYERS)
    assert [r["Name"].value for r in rows] == [e["metadata"]["name"] for e in document["layers"]]
    # without a catalogue the workbook is as before
    plain = openpyxl.load_workbook(io.BytesIO(ranking_xlsx(ranked, "en", 5, note=["2024"])))
    assert plain.sheetnames == [i18n.t("planner.ranked", "en"), "Note"]
