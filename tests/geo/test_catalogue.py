"""The data catalogue (issue 26 item 5): every figure and layer states every MS-Ind element in both
languages; periods, last imports and coverage are computed from the store, through the grant."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

import i18n
from geo import catalogue
from geo.catalogue import (
    BOUNDARIES,
    CATALOGUE_LAYERS,
    ELEMENTS,
    LAYER_ELEMENTS,
    figure_held,
    figure_metadata,
    layer_held,
    layer_metadata,
    newest,
)
from geo.figures import FIGURES
from geo.layers import LAYERS
from loaders.catalogue import catalogue_document, newest_import
from loaders.store import Store

#: The MS-Ind elements the issue names (name, concept and definition, method, unit,
#: classification, period, source) and the catalogue's own (cadence, caveats).
MS_IND = ("name", "concept", "definition", "method", "unit", "classification", "period", "source")
CATALOGUE_OWN = ("cadence", "caveats")
#: English words that must not appear in an Indonesian text of the catalogue.
ENGLISH = {
    "the",
    "and",
    "of",
    "with",
    "village",
    "villages",
    "placements",
    "programmes",
    "enterprises",
    "reports",
    "returns",
    "persons",
    "year",
    "years",
    "women",
    "share",
    "count",
    "rows",
    "row",
    "source",
    "yes",
    "no",
}


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", re.sub(r"{\w+}", "", text).lower()))


def test_every_figure_states_every_ms_ind_element_in_both_languages():
    assert set(MS_IND) | set(CATALOGUE_OWN) <= set(ELEMENTS)
    for name in FIGURES:
        texts = {lang: figure_metadata(name, lang) for lang in i18n.LANGUAGES}
        for lang, meta in texts.items():
            assert list(meta) == list(ELEMENTS), name
            empty = [k for k, v in meta.items() if not str(v).strip()]
            assert empty == [], f"{name} ({lang}) states nothing for {empty}"
        # written in each language, not copied: every long text differs between the two
        for element in ELEMENTS:
            one, other = texts["id"][element], texts["en"][element]
            if len(other.split()) >= 3:
                assert one != other, f"{name}.{element}: the Indonesian text is the English one"
            assert not _words(one) & ENGLISH, f"{name}.{element} (id): {_words(one) & ENGLISH}"


def test_every_layer_and_the_boundaries_state_their_elements_in_both_languages():
    assert set(CATALOGUE_LAYERS) == {*LAYERS, BOUNDARIES}
    for layer in CATALOGUE_LAYERS:
        for lang in i18n.LANGUAGES:
            meta = layer_metadata(layer, lang)
            assert list(meta) == list(LAYER_ELEMENTS)
            assert all(str(v).strip() for v in meta.values()), (layer, lang)
            if lang == "id":
                assert not any(_words(v) & ENGLISH for v in meta.values()), layer


def test_the_figure_metadata_comes_from_the_registry_not_a_second_copy():
    """Name and definition are the texts the cards show; measure, period rule, access and
    composition follow from the Figure fields; breakdowns and source from its layer."""
    meta = figure_metadata("problem_per_100", "en")
    assert meta["name"] == i18n.t("figure.problem_per_100", "en")
    assert meta["definition"] == i18n.t("figure.help.problem_per_100", "en")
    assert meta["measure"] == "Ratio" and meta["unit"] == "per 100 placements"
    assert meta["composite"] == "Yes, built from: Returns, Placements"
    assert meta["interpretation"] == i18n.t("catalogue.better.lower", "en")
    assert meta["classification"] == layer_metadata("returns", "en")["classification"]
    assert layer_metadata("placements", "en")["source"] in meta["source"]
    assert figure_metadata("share_women", "id")["measure"] == "Persentase"
    assert figure_metadata("placements", "id")["composite"] == "Tidak"
    assert figure_metadata("programme_villages", "en")["period"] == i18n.t("catalogue.period.by_year", "en")
    assert figure_metadata("origin_villages", "en")["access"] == i18n.t("catalogue.access.public", "en")
    # a layer is protected as its figures are
    assert layer_metadata("placements", "en")["access"] == i18n.t("catalogue.access.small_count", "en")
    assert layer_metadata("programmes", "en")["access"] == i18n.t("catalogue.access.public", "en")
    with pytest.raises(ValueError, match="choose one of"):
        figure_metadata("nope")
    with pytest.raises(ValueError, match="choose one of"):
        FIGURES["placements"].meta_key("colour")


# ---------------------------------------------------------------------- computed from a store
BANTEN = ["36.04.13.2007", "36.04.13.2008", "36.01.01.2001"]
NTB = ["52.01.01.2001", "52.02.02.2002"]


def _placements(villages: list[str], years: list[int]) -> pd.DataFrame:
    rows = [(v, y, "P", 7) for v in villages for y in years]
    frame = pd.DataFrame(rows, columns=["village", "year", "gender", "count"])
    return frame.astype({"village": "string", "year": "int16", "gender": "string", "count": "int64"})


def _returns(villages: list[str], years: list[int]) -> pd.DataFrame:
    rows = [(v, y, "DEPORTED", 3) for v in villages for y in years]
    frame = pd.DataFrame(rows, columns=["village", "year", "reason", "persons"])
    return frame.astype({"village": "string", "year": "int16", "reason": "string", "persons": "int64"})


def _programmes(villages: list[str], starts: list[int | None]) -> pd.DataFrame:
    frame = pd.DataFrame(
        {"village": villages, "programme": "KKBM", "start_year": starts, "active": True, "count": 1}
    )
    return frame.astype({"village": "string", "programme": "string", "start_year": "Int16", "count": "int64"})


@pytest.fixture()
def store(tmp_path) -> Store:
    """Two provinces' layers written as imports write them (no boundaries: none imported)."""
    held = Store(tmp_path / "store")
    held.write_layer_version(
        "placements", _placements(BANTEN, [2021, 2022]), {"provinces": ["36"]}, replace=False
    )
    held.write_layer_version(
        "placements", _placements(NTB, [2023, 2024]), {"provinces": ["52"]}, replace=False
    )
    held.write_layer_version("returns", _returns(NTB, [2024]), {"provinces": ["52"]}, replace=False)
    held.write_layer_version(
        "programmes",
        _programmes([BANTEN[0], NTB[0]], [2018, None]),
        {"provinces": ["36", "52"]},
        replace=False,
    )
    return held


def _entry(document: dict, kind: str, ident: str) -> dict:
    return next(e for e in document[kind] if e["id"] == ident)


def test_periods_imports_and_coverage_are_computed_from_the_store(store):
    doc = catalogue_document(store, "en")
    json.loads(json.dumps(doc))  # the document the API serves is plain JSON
    placements = _entry(doc, "layers", "placements")["held"]
    assert placements["years"] == [2021, 2022, 2023, 2024] and placements["period"] == "2021–2024"
    assert placements["provinces"] == ["36", "52"] and placements["villages"] == 5
    assert placements["versions"] == 2
    stamps = [v["written_at"] for v in store.layer_meta("placements")["versions"]]
    assert placements["last_import"] == max(stamps)
    # programmes are counted by the year they started; a missing start year is no year
    programmes = _entry(doc, "layers", "programmes")["held"]
    assert programmes["years"] == [2018] and programmes["period"] == "2018 (start years)"
    # a layer not imported: no period, no date, no coverage (never a zero)
    reports = _entry(doc, "layers", "reports")["held"]
    assert reports == {
        "loaded": False,
        "years": [],
        "basis": "year",
        "last_import": None,
        "provinces": [],
        "villages": None,
        "versions": 0,
        "period": "No data",
    }
    # a figure reading two yearly layers holds the years both hold
    per_100 = _entry(doc, "figures", "problem_per_100")
    assert per_100["layers"] == ["returns", "placements"]
    assert per_100["held"]["years"] == [2024] and per_100["held"]["provinces"] == ["52"]
    assert per_100["held"]["last_import"] == newest(
        v["written_at"] for layer in ("returns", "placements") for v in store.layer_meta(layer)["versions"]
    )
    # a figure reading a layer that is not imported has nothing held
    assert _entry(doc, "figures", "reports")["held"]["period"] == "No data"
    assert _entry(doc, "figures", "non_procedural_share")["held"]["loaded"] is False
    assert _entry(doc, "layers", BOUNDARIES)["held"]["provinces"] == []
    assert (
        doc["data_as_of"]
        == newest_import(store)
        == max(v["written_at"] for layer in store.layers() for v in store.layer_meta(layer)["versions"])
    )


def test_the_catalogue_sees_only_what_the_grant_shows(store):
    """Deny by default: the store through a grant of 52 holds no Banten row, village or year; no
    grant holds nothing at all (the written metadata stays)."""
    doc = catalogue_document(store.within(["52"]), "id")
    placements = _entry(doc, "layers", "placements")["held"]
    assert placements["provinces"] == ["52"] and placements["villages"] == 2
    assert placements["years"] == [2023, 2024] and placements["period"] == "2023–2024"
    programmes = _entry(doc, "layers", "programmes")["held"]
    assert programmes["provinces"] == ["52"] and programmes["period"] == "tanpa tahun"
    assert all(e["held"]["provinces"] in ([], ["52"]) for e in doc["layers"] + doc["figures"])
    assert _entry(doc, "figures", "placements")["held"]["villages"] == 2

    nothing = catalogue_document(store.within([]), "id")
    assert nothing["data_as_of"] is None
    assert all(not e["held"]["loaded"] for e in nothing["layers"] + nothing["figures"])
    assert {e["held"]["period"] for e in nothing["figures"]} == {"Tidak ada data"}
    assert _entry(nothing, "figures", "placements")["metadata"] == figure_metadata("placements", "id")


def test_newest_import_of_some_layers_and_none_for_nothing(store, tmp_path):
    placements = max(v["written_at"] for v in store.layer_meta("placements")["versions"])
    assert newest_import(store, ["placements"]) == placements
    assert newest_import(store, ["reports"]) is None
    assert newest_import(store, [], boundaries=True) is None  # no boundaries imported
    assert newest_import(Store(tmp_path / "empty")) is None


def test_held_of_frames_and_boundaries_without_a_store():
    frame = _placements(NTB, [2020, 2023])
    held = layer_held("placements", frame, [{"written_at": "2026-01-02T00:00:00+00:00"}])
    assert held["years"] == [2020, 2023] and held["villages"] == 2 and held["provinces"] == ["52"]
    bounds = catalogue.boundaries_held(
        {
            "52": {"written_at": "2026-02-01T00:00:00+00:00"},
            "36": {"imported_at": "2026-03-01T00:00:00+00:00"},
        },
        1234,
    )
    assert bounds["provinces"] == ["36", "52"] and bounds["villages"] == 1234
    assert bounds["last_import"] == "2026-03-01T00:00:00+00:00"
    assert catalogue.period_text(bounds, "en") == "–"
    assert figure_held("placements", {})["loaded"] is False
    table = catalogue.summary_table(catalogue.build_document({}, {}, {}, None, "en"), "figures")
    assert len(table) == len(FIGURES)
    assert set(table["Last import"]) == {"No data"} and set(table["Villages"]) == {"–"}
