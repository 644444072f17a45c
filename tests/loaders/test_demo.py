"""The bundled demo pack: an invented, clearly labelled region written by the normal writer."""

from __future__ import annotations

import importlib.machinery
import sys
import types

import pytest
import shapely

from geo.boundaries import tiling_report
from geo.codes import Level
from geo.gazetteer import gazetteer
from loaders import demo
from loaders.settings import DEMO_DIR
from loaders.store import Store


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return demo.build(tmp_path_factory.mktemp("demo") / "pack")


def test_region_is_deterministic_and_invented():
    first, names = demo.demo_region()
    second, names2 = demo.demo_region()
    assert names == names2
    assert first["code"].tolist() == second["code"].tolist()
    assert shapely.equals_exact(first.geometry.values, second.geometry.values, 0).all()
    other, _ = demo.demo_region(seed=1)
    assert (
        len(other) != len(first)
        or not shapely.equals_exact(first.geometry.values, other.geometry.values, 1e-9).all()
    )
    assert names["99"] == "Provinsi Contoh"
    assert not set(names) & set(gazetteer().index)  # no real code is reused


def test_pack_shape_and_labels(built):
    assert built.provinces() == ["99"]
    regency = built.read_areas(Level.REGENCY)
    assert len(regency) == 3 and regency["name"].str.match(r"^(Kabupaten|Kota) ").all()
    district = built.read_areas(Level.DISTRICT)
    assert len(district) == 12 and (district["code"].str[:5].value_counts() == 4).all()
    village = built.read_areas(Level.VILLAGE)
    per_district = village[village["has_polygon"]].groupby(village["code"].str[:8]).size()
    assert per_district.between(10, 15).all() and len(per_district) == 12
    assert village.loc[~village["has_polygon"], "code"].tolist() == ["99.01.02.2016", "99.02.03.2013"]
    assert (village["province_name"] == "Provinsi Contoh").all()
    assert village["regency_name"].notna().all() and village["district_name"].notna().all()
    assert not village.groupby("district_name")["name"].apply(lambda s: s.duplicated().any()).any()
    assert village.loc[village["code"].str.startswith("99.71."), "code"].str[9].eq("1").all()  # kelurahan
    meta = built.province_meta("99")
    assert "Invented" in meta["source"] and meta["without_polygon"] == 2


def test_pack_lies_in_the_sea_and_tiles(built):
    village = built.read_areas(Level.VILLAGE)
    minx, miny, maxx, maxy = village.total_bounds
    west, south, east, north = demo.DEMO_BBOX
    assert west <= minx < maxx <= east and south <= miny < maxy <= north
    report = tiling_report(village.geometry.values)
    assert report["valid"] and report["overlap_area"] < 1e-12 and report["hole_area"] < 1e-12
    for zoom in ("province", "regency"):
        simplified = built.read_areas(Level.VILLAGE, display=zoom)
        assert len(simplified) == village["has_polygon"].sum()
        assert tiling_report(simplified.geometry.values)["valid"]
    province = built.read_areas(Level.PROVINCE)
    assert province.geometry.iloc[0].area == pytest.approx(report["area"])


def test_installed_pack_matches_the_generator(built):
    committed = Store(DEMO_DIR)
    if "99" not in committed.provinces():
        pytest.fail(f"{DEMO_DIR} holds no demo pack; run: scripts/setup.sh")
    for level in Level:
        fresh = built.read_areas(level).sort_values("code").reset_index(drop=True)
        held = committed.read_areas(level).sort_values("code").reset_index(drop=True)
        assert held[["code", "name"]].equals(fresh[["code", "name"]]), level
        present = fresh.geometry.notna().to_numpy()
        assert (held.geometry.notna().to_numpy() == present).all(), level
        assert shapely.equals_exact(
            held.geometry.values[present], fresh.geometry.values[present], 1e-9
        ).all(), level
    assert sum(p.stat().st_size for p in DEMO_DIR.rglob("*") if p.is_file()) < 2_000_000


def test_layers_hook_runs_and_a_failed_build_keeps_the_old_pack(tmp_path, monkeypatch):
    calls = []
    fake = types.ModuleType("loaders.demo_layers")
    fake.__spec__ = importlib.machinery.ModuleSpec("loaders.demo_layers", None)
    fake.build = lambda store: calls.append(store.provinces())
    monkeypatch.setitem(sys.modules, "loaders.demo_layers", fake)
    target = tmp_path / "pack"
    demo.build(target)
    assert calls == [["99"]]
    before = sorted(str(p.relative_to(target)) for p in target.rglob("*"))

    def broken(store):
        raise RuntimeError("layer generation failed")

    fake.build = broken
    with pytest.raises(RuntimeError):
        demo.build(target)
    assert sorted(str(p.relative_to(target)) for p in target.rglob("*")) == before
    assert [p.name for p in tmp_path.iterdir()] == ["pack"]  # no staging left behind
