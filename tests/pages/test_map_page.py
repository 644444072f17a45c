"""AppTest of the area map page (Peta Wilayah): demo, real Banten, a two-province store, English."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import i18n
from geo.codes import Level
from loaders.settings import DEMO_DIR
from loaders.store import Store
from tests.pages.test_dashboard_pages import run_page

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def two_provinces(tmp_path_factory, shared_data) -> Path:
    """Real Banten plus the invented demo province, so the map opens on the whole country."""
    from tests.pages.dashboard_store import build_banten_store

    if not Store(DEMO_DIR).provinces():
        pytest.skip("the demo pack is not built (scripts/setup.sh)")
    from loaders.tiles import build_packs

    root = tmp_path_factory.mktemp("two") / "store"
    build_banten_store(root, shared_data / "boundaries")
    build_packs(Store(root), ["36"])  # the test store's display copies are written without the writer
    os.symlink(Store(DEMO_DIR).province_dir("99"), root / "boundaries" / "99")
    return root


def level_box(at):
    return next(s for s in at.selectbox if s.label == i18n.t("map.level", "id"))


def test_map_page_on_demo():
    if not Store(DEMO_DIR).provinces():
        pytest.skip("the demo pack is not built (scripts/setup.sh)")
    at = run_page("map", dataset="demo")
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == [i18n.t("map.title", "id")]
    assert any("DEMO" in w.value for w in at.warning)
    assert i18n.t("map.held", "id", villages="161", with_polygon="159") in [c.value for c in at.caption]
    # the demo province is drilled into at once: its regencies, then districts and villages
    assert level_box(at).options == [i18n.t(f"level.{k}", "id") for k in ("regency", "district", "village")]


def national_args(at) -> dict | None:
    """The arguments sent to the national village map (``ui.national_map``), if it is drawn."""
    for element in at.get("component_instance"):
        proto = element.proto
        if proto.component_name.endswith("atlas_national_map"):
            return json.loads(proto.json_args)
    return None


def test_map_page_on_two_provinces_draws_every_village_of_the_country(two_provinces, monkeypatch):
    monkeypatch.setenv("ATLAS_DATA_DIR", str(two_provinces))
    at = run_page("map", dataset="store")
    assert not at.exception, at.exception
    box = level_box(at)
    assert box.index == 0  # provinces first
    assert national_args(at) is None
    box.select_index(3).run()  # villages of the whole country
    assert not at.exception, at.exception
    assert not at.warning  # neither refused nor packs missing
    args = national_args(at)
    held = Store(two_provinces)
    n = int(held.read_attributes(Level.VILLAGE, "36", ["has_polygon"])["has_polygon"].sum())
    n += int(held.read_attributes(Level.VILLAGE, "99", ["has_polygon"])["has_polygon"].sum())
    assert len(args["c"]) == n  # a class per village with a polygon, in the packs' order
    assert [p["prov"] for p in args["packs"]] == ["36", "99"]
    assert set(args["c"]) <= {"0", "1", "2", "-"}  # desa, kelurahan, desa adat
    # a link to Banten (?area=36) opens its villages' counts
    at = run_page("map", dataset="store", setup=lambda a: a.query_params.update(area="36"))
    assert not at.exception, at.exception
    assert not at.warning
    assert i18n.t("map.held", "id", villages="1.552", with_polygon="1.552") in [c.value for c in at.caption]


def test_map_page_on_banten_villages_in_english(two_provinces, monkeypatch):
    monkeypatch.setenv("ATLAS_DATA_DIR", str(two_provinces))
    monkeypatch.setenv("ATLAS_LANGUAGE", "en")
    at = run_page("map", dataset="store", lang="en", setup=lambda a: a.query_params.update(area="36.04"))
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == [i18n.t("map.title", "en")]
    assert i18n.t("map.held", "en", villages="326", with_polygon="326") in [c.value for c in at.caption]
    assert not at.warning


def test_map_page_on_empty_store_says_how_to_get_boundaries(store_dir):
    at = run_page("map", dataset="store")
    assert not at.exception, at.exception
    assert i18n.t("map.no_boundaries", "id") in [i.value for i in at.info]
