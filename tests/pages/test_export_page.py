"""AppTest of the Ekspor / Export page and of presentation mode, on real Banten boundaries."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import i18n

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")


def run_export(store_root: Path, monkeypatch, *, lang: str = "id", query: dict | None = None) -> AppTest:
    monkeypatch.setenv("ATLAS_DATA_DIR", str(store_root))
    # AppTest formats select options outside the script run, where only the default language
    # (from settings) is known: set it too so the sidebar's translated options match.
    monkeypatch.setenv("ATLAS_LANGUAGE", lang)
    at = AppTest.from_file(APP, default_timeout=180)
    at.session_state["dataset"] = "store"
    at.session_state["lang"] = lang
    for name, value in (query or {}).items():
        at.query_params[name] = value
    at.run()
    at.switch_page("views/export.py")
    at.run()
    return at


@pytest.mark.slow
def test_export_page_builds_every_format(export_store, monkeypatch):
    at = run_export(export_store.root, monkeypatch, query={"area": "36.04", "year": "2024"})
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == [i18n.t("export.page.title", "id")]
    boxes = {s.label: s.value for s in at.selectbox}
    assert boxes[i18n.t("export.page.area", "id")] == "36.04"
    assert boxes[i18n.t("export.page.layer", "id")] == "placements"
    assert boxes[i18n.t("export.page.year", "id")] == 2024
    labels = [m.label for m in at.metric]
    assert labels[0] == i18n.t("figure.placements", "id")
    assert not any(m.value in {"1", "2", "3", "4"} for m in at.metric)
    assert len(at.get("download_button")) == 0
    build = next(b for b in at.button if b.label == i18n.t("export.page.build", "id"))
    build.click().run()
    assert not at.exception, at.exception
    # The files are built in a background thread; the page shows progress meanwhile.
    deadline = time.monotonic() + 120
    while not at.get("download_button") and time.monotonic() < deadline:
        time.sleep(1)
        at.run()
        assert not at.exception, at.exception
    downloads = at.get("download_button")
    assert len(downloads) == 8  # the six files and, since issue 26, the GeoPackage and GeoJSON
    labels = [b.proto.label for b in downloads]
    assert i18n.t("export.format.gpkg", "id") in labels and i18n.t("export.format.geojson", "id") in labels
    assert [s.value for s in at.success] == [i18n.t("export.page.done", "id")]
    # The URL keeps the view, so a copied link reopens it.
    assert at.query_params["area"] == "36.04" and at.query_params["year"] == "2024"


@pytest.mark.slow
def test_presentation_mode_hides_controls(export_store, monkeypatch):
    at = run_export(
        export_store.root, monkeypatch, lang="en", query={"present": "1", "area": "36", "layer": "placements"}
    )
    assert not at.exception, at.exception
    assert len(at.title) == 0  # no page title, no widgets of the export page
    assert [s.label for s in at.selectbox if s.label.startswith("Area")] == []
    markdown = "\n".join(m.value for m in at.markdown)
    assert 'data-testid="atlas-strip"' in markdown and "display: none" in markdown
    assert "Placements — Banten" in markdown
    assert [b.label for b in at.button] == [i18n.t("export.present.exit", "en")]
    at.button[0].click().run()
    assert not at.exception
    assert [t.value for t in at.title] == [i18n.t("export.page.title", "en")]
    assert "present" not in at.query_params


def test_switch_turns_presentation_on(export_store, monkeypatch):
    at = run_export(export_store.root, monkeypatch, query={"area": "36.04"})
    assert not at.exception
    at.toggle(key="export.present").set_value(True).run()
    assert not at.exception
    assert at.query_params["present"] == "1"
    assert len(at.title) == 0


def test_empty_store_says_what_to_do(tmp_path, monkeypatch):
    at = run_export(tmp_path / "empty", monkeypatch)
    assert not at.exception
    assert [i.value for i in at.info] == [i18n.t("export.page.empty", "id")]


def test_demo_pack_exports_are_labelled(monkeypatch, tmp_path):
    from loaders.settings import DEMO_DIR
    from loaders.store import Store

    if not Store(DEMO_DIR).layers():
        pytest.skip("the demo pack has no layers yet (python -m loaders.demo build)")
    monkeypatch.setenv("ATLAS_DATA_DIR", str(tmp_path / "empty"))
    monkeypatch.setenv("ATLAS_LANGUAGE", "id")
    at = AppTest.from_file(APP, default_timeout=180)
    at.session_state["dataset"] = "demo"
    at.session_state["lang"] = "id"
    at.run()
    at.switch_page("views/export.py")
    at.run()
    assert not at.exception, at.exception
    assert i18n.t("app.demo_banner", "id") in [w.value for w in at.warning]
    assert any(m.value.startswith("**DEMO · ") for m in at.markdown)
    assert len(at.metric) == 6


def test_threshold_from_settings_reaches_the_page(export_store, monkeypatch):
    monkeypatch.setenv("ATLAS_SMALL_COUNT_THRESHOLD", "10")
    at = run_export(export_store.root, monkeypatch, query={"area": "36.04"})
    assert not at.exception
    assert i18n.t("export.suppression_note", "id", threshold=10, max=9) in [c.value for c in at.caption]


def test_export_texts_are_translated_with_the_same_placeholders():
    import re

    from i18n import text_export

    for key, (indonesian, english) in text_export.TEXT.items():
        assert indonesian.strip() and english.strip(), key
        assert set(re.findall(r"{(\w+)}", indonesian)) == set(re.findall(r"{(\w+)}", english)), key
        if len(re.sub(r"{\w+}", "", english).split()) >= 4:  # real words, not only placeholders
            assert indonesian != english, f"{key}: Indonesian text equals the English one"
        words = set(re.findall(r"[a-z]+", re.sub(r"{\w+}", "", indonesian).lower()))
        assert not words & {
            "the",
            "and",
            "of",
            "hidden",
            "small",
            "counts",
            "source",
            "made",
            "by",
            "year",
        }, key


@pytest.mark.slow
def test_national_export_is_offered_and_builds_without_the_html_map(national_export_store, monkeypatch):
    at = run_export(national_export_store.root, monkeypatch, query={"area": "indonesia", "year": "2024"})
    assert not at.exception, at.exception
    area = next(s for s in at.selectbox if s.label == i18n.t("export.page.area", "id"))
    assert area.value == "indonesia"
    assert area.options[0] == i18n.t("export.page.national", "id")
    assert any(m.value.startswith("**Penempatan PMI — Indonesia, 2024") for m in at.markdown)
    assert i18n.t("export.page.national_note", "id") in [c.value for c in at.caption]
    next(b for b in at.button if b.label == i18n.t("export.page.build", "id")).click().run()
    deadline = time.monotonic() + 300
    while not at.get("download_button") and time.monotonic() < deadline:
        time.sleep(1)
        at.run()
        assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    labels = [b.proto.label for b in at.get("download_button")]
    kinds = ("csv", "xlsx", "png", "pptx", "pdf", "gpkg", "geojson")  # every format but the HTML map
    assert sorted(labels) == sorted(i18n.t(f"export.format.{k}", "id") for k in kinds)


def test_one_province_offers_no_national_export(export_store, monkeypatch):
    at = run_export(export_store.root, monkeypatch, query={"area": "36"})
    assert not at.exception, at.exception
    area = next(s for s in at.selectbox if s.label == i18n.t("export.page.area", "id"))
    assert i18n.t("export.page.national", "id") not in area.options


@pytest.mark.slow
def test_national_presentation_shows_the_static_map(national_export_store, monkeypatch):
    at = run_export(
        national_export_store.root, monkeypatch, lang="en", query={"present": "1", "area": "indonesia"}
    )
    assert not at.exception, at.exception
    markdown = "\n".join(m.value for m in at.markdown)
    assert "Placements — Indonesia" in markdown and 'data-testid="atlas-strip"' in markdown
    assert len(at.main.get("image")) == 1  # the PNG of every village, not an HTML page of 83k polygons
    assert not at.main.get("iframe") and not at.error
