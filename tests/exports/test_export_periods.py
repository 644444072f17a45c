"""Every export states its period, and a previous year without data is "no data", not a change from 0."""

from __future__ import annotations

import io

import pandas as pd
import pytest

import i18n
from exports.files import tables_csv, tables_xlsx
from loaders import demo
from loaders.export_inputs import load_view
from loaders.settings import DEMO_DIR
from loaders.store import Store


@pytest.fixture(scope="module")
def store_2024_only(tmp_path_factory) -> Store:
    store = demo.build(tmp_path_factory.mktemp("only2024") / "store")
    for layer in ("placements", "reports"):
        rows = store.read_layer(layer)
        store.write_layer_version(
            layer, rows[rows["year"] == 2024], {"source": f"{layer}.xlsx"}, replace=True
        )
    return store


@pytest.mark.parametrize("lang", ["id", "en"])
def test_titles_legend_charts_and_files_state_the_period(lang):
    view = load_view(Store(DEMO_DIR), "99.01", year=2024, layer="placements", lang=lang)
    assert view.map_title.endswith(", 2024")
    assert view.legend_title == f"{i18n.t('export.unit.placements', lang)}, 2024"
    titles = {c.key: c.title for c in view.charts}
    assert titles["trend"].endswith(", 2021–2024")  # the trend's own years
    assert all(t.endswith(", 2024") for k, t in titles.items() if k != "trend")
    csv = tables_csv(view).decode("utf-8-sig")
    assert f"# {view.layer_title} — {view.area_name}, 2024" in csv
    note = pd.read_excel(io.BytesIO(tables_xlsx(view)), sheet_name=i18n.t("export.sheet.note", lang))
    assert f"{view.layer_title} — {view.area_name}, 2024" in note.iloc[:, 0].tolist()


def test_export_without_the_previous_year_says_no_data_instead_of_a_change(store_2024_only):
    view = load_view(store_2024_only, "99", year=2024, layer="placements", lang="id")
    changes = {f.key: f.change for f in view.key_figures}
    for name in ("placements", "share_women", "origin_villages", "reports"):
        assert changes[name] == "tidak ada data 2023", (name, changes[name])
    placements = next(s for s in view.sentences if s.startswith(i18n.t("export.layer.placements", "id")))
    assert "tidak ada data 2023" in placements and "naik" not in placements and "turun" not in placements


@pytest.mark.parametrize("lang", ["id", "en"])
def test_export_charts_name_unrecorded_categories_as_the_pages_do(tmp_path, lang):
    """The export's sector chart labelled a "–" sector "–" (the pages say *tidak tercatat*)."""
    store = demo.build(tmp_path / "store")
    rows = store.read_layer("placements")
    rows.loc[rows.index[: len(rows) // 2], "sector"] = "–"
    store.write_layer_version("placements", rows, {"source": "placements.xlsx"}, replace=True)
    view = load_view(store, "99", year=None, layer="placements", lang=lang)
    sectors = next(c for c in view.charts if c.key == "sector").data.values.index.tolist()
    assert "–" not in sectors
    assert i18n.t("common.not_recorded", lang) in sectors
