"""AppTest of the Data page's boundaries tab: fetch with a progress bar, offline, upload, status.

The archive is a local http server on 127.0.0.1 serving the real Kab. Serang file of
``../shared/data/boundaries/raw`` (read in place) in the archive layout; ``ATLAS_ARCHIVE_URL``
points the page at it.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pytest
from streamlit.testing.v1 import AppTest

import i18n
from geo.codes import Level
from loaders.settings import DEMO_DIR
from loaders.store import Store
from tests.browser.harness import free_port
from tests.loaders.test_fetch import Archive, tree_digest
from tests.pages.test_data_page import open_page

SERANG_RAW = "wilayah_boundaries_kel_36.04.sql"


def plain(markdown: str) -> str:
    """The text a reader sees of Markdown whose markup characters are escaped (``ui.md_text``)."""
    return markdown.replace("\\", "")


@pytest.fixture()
def archive(tmp_path, shared_data):
    served = Archive(tmp_path / "www")
    served.add("36.04", (shared_data / "boundaries" / "raw" / SERANG_RAW).read_bytes())
    yield served
    served.close()


def open_tab(monkeypatch, tmp_path, archive_url: str, *, lang: str = "id", dataset: str = "store") -> AppTest:
    """The Data page with ATLAS_DATA_DIR / ATLAS_CACHE_DIR in ``tmp_path``, archive at ``archive_url``."""
    monkeypatch.setenv("ATLAS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("ATLAS_ARCHIVE_URL", archive_url)
    return open_page(monkeypatch, tmp_path / "store", lang=lang, dataset=dataset, timeout=300)


def fetch_serang(at: AppTest, lang: str = "id") -> AppTest:
    at.selectbox(key="data_bnd_province").set_value("36").run()
    at.multiselect(key="data_bnd_regencies").set_value(["36.04"]).run()
    fetch_button = at.button(key="data_bnd_fetch")
    assert fetch_button.label == i18n.t("data.boundaries.fetch_button", lang)
    fetch_button.click().run()
    assert not at.exception, at.exception
    return at


def boundary_table(at: AppTest, lang: str):
    """The stored-boundaries table (the one with a province column)."""
    column = i18n.t("data.boundaries.col.province", lang)
    return next(df.value for df in at.dataframe if column in df.value.columns)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_fetch_through_the_tab_writes_serang_and_lists_the_province(monkeypatch, tmp_path, archive, lang):
    at = open_tab(monkeypatch, tmp_path, archive.url, lang=lang)
    assert i18n.t("data.tab.boundaries", lang) in [tab.label for tab in at.tabs]
    captions = [c.value for c in at.caption]
    assert any(i18n.t("boundaries.attribution_cli", lang) in c and archive.url in c for c in captions)
    assert any(i.value == i18n.t("data.boundaries.status_empty", lang) for i in at.info)
    store = Store(tmp_path / "store")
    version = store.version()

    fetch_serang(at, lang)
    assert archive.requests == ["/wilayah_boundaries/main/db/kel/36/wilayah_boundaries_kel_36.04.sql"]
    villages = store.read_areas(Level.VILLAGE, "36.04")
    assert villages["has_polygon"].sum() == 326
    meta = store.province_meta("36")
    without = meta["without_polygon"]
    expected = i18n.t(
        "data.boundaries.written",
        lang,
        code="36",
        name="Banten",
        villages=i18n.fmt_int(meta["villages"], lang),
        with_polygon=i18n.fmt_int(326, lang),
        without=i18n.fmt_int(without, lang),
    )
    assert expected in [s.value for s in at.success]
    assert store.version() != version  # the maps' caches are keyed on it: new boundaries show at once

    table = boundary_table(at, lang)
    row = table.iloc[0]
    assert row[i18n.t("data.boundaries.col.province", lang)] == "36 Banten"
    assert row[i18n.t("data.boundaries.col.without", lang)] == i18n.fmt_int(without, lang)
    assert row[i18n.t("data.boundaries.col.source", lang)] == archive.url


def test_offline_fetch_shows_the_error_and_leaves_the_store_unchanged(monkeypatch, tmp_path, archive):
    at = open_tab(monkeypatch, tmp_path, archive.url, lang="en")
    fetch_serang(at, "en")
    store_root = tmp_path / "store"
    before = tree_digest(store_root)
    assert before

    closed = f"http://127.0.0.1:{free_port()}/wilayah_boundaries/main"  # nothing listens there
    monkeypatch.setenv("ATLAS_ARCHIVE_URL", closed)
    at.multiselect(key="data_bnd_regencies").set_value(["36.01"]).run()
    at.button(key="data_bnd_fetch").click().run()
    assert not at.exception, at.exception
    errors = [e.value for e in at.error]
    assert len(errors) == 1
    assert f"{closed}/db/kel/36/wilayah_boundaries_kel_36.01.sql" in errors[0]
    assert "import FILE" in errors[0] and "Import a boundary file" in errors[0]
    assert not at.success
    assert tree_digest(store_root) == before
    assert boundary_table(at, "en").iloc[0]["Province"] == "36 Banten"  # still listed


def test_demo_dataset_writes_to_the_users_store_and_offers_to_switch(monkeypatch, tmp_path, archive):
    demo_before = tree_digest(DEMO_DIR)
    at = open_tab(monkeypatch, tmp_path, archive.url, dataset="demo")
    note = i18n.t("data.boundaries.demo_target", "id", store=tmp_path / "store")
    assert note in [i.value for i in at.info]
    fetch_serang(at)
    assert Store(tmp_path / "store").read_areas(Level.VILLAGE, "36.04")["has_polygon"].sum() == 326
    assert tree_digest(DEMO_DIR) == demo_before
    at.button(key="data_bnd_switch").click().run()
    assert not at.exception, at.exception
    assert at.session_state["dataset"] == "store"
    assert not any(b.key == "data_bnd_switch" for b in at.button)


def _serang_geojson(shared_data: Path, folder: Path, rows: int = 40) -> bytes:
    desa = gpd.read_parquet(shared_data / "boundaries" / "desa" / "desa_36.parquet")
    part = desa[desa["kode"].str.startswith("36.04.")].iloc[:rows][["kode", "nama", "geometry"]]
    part = part.rename(columns={"kode": "kode_wilayah"})
    part.loc[part.index[0], "kode_wilayah"] = "36.04.99.9999"  # unknown code: reported, skipped
    path = folder / "desa.geojson"
    part.to_file(path, driver="GeoJSON")
    return path.read_bytes()


def test_upload_a_boundary_file_reports_problems_and_rejects_a_bad_file(monkeypatch, tmp_path, shared_data):
    at = open_tab(monkeypatch, tmp_path, "http://127.0.0.1:9/unused", lang="en")
    data = _serang_geojson(shared_data, tmp_path)
    at.file_uploader(key="data_bnd_upload").set_value(("serang_desa.geojson", data, "application/geo+json"))
    at.run()
    at.button(key="data_bnd_import").click().run()
    assert not at.exception, at.exception
    store = Store(tmp_path / "store")
    assert store.read_areas(Level.VILLAGE, "36.04")["has_polygon"].sum() == 39
    assert store.province_meta("36")["source"] == "serang_desa.geojson"  # the upload's own name
    # file-derived text is escaped for Markdown (a backslash before each markup character)
    assert any("serang_desa.geojson: 40 rows read at village level." == plain(c.value) for c in at.caption)
    assert any(s.value.startswith("Saved: province 36 Banten") for s in at.success)
    assert any("36.04.99.9999" in plain(w.value) for w in at.warning)  # the unknown code is reported

    before = tree_digest(store.root)
    at.file_uploader(key="data_bnd_upload").set_value(("notes.geojson", b'{"type": "Feature', "text/plain"))
    at.run()
    at.button(key="data_bnd_import").click().run()
    assert not at.exception, at.exception
    assert len(at.error) == 1 and plain(at.error[0].value).startswith("notes.geojson: ")
    assert plain(at.error[0].value).endswith("Nothing was imported.")
    assert tree_digest(store.root) == before
