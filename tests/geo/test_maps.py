"""The fast map path: compact encoding, classes and colours, the map script, offline assets.

Correctness of the fast path against the straightforward computation, on real Banten villages
(display geometry as the store prepares it at import). Speed lives in ``python -m bench``.
"""

from __future__ import annotations

import re

import geopandas as gpd
import mapclassify
import numpy as np
import pandas as pd
import pytest
import shapely
from hypothesis import given
from hypothesis import strategies as st

from geo import maps
from geo.boundaries import tiling_report
from geo.classify import SEQUENTIAL, classify
from geo.codes import Level
from geo.display import DISPLAY_ZOOMS, display_zoom, quantum_for


@given(st.lists(st.integers(min_value=-(2**40), max_value=2**40), max_size=200))
def test_varints_round_trip(values):
    encoded = maps.encode_varints(np.array(values, dtype=np.int64))
    assert set(encoded) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    assert maps.decode_varints(encoded).tolist() == values


def _squares() -> gpd.GeoDataFrame:
    """Two plain polygons and a multipolygon with a hole; one area without polygon."""
    holed = shapely.box(4, 0, 6, 2).difference(shapely.box(4.5, 0.5, 5, 1))
    return gpd.GeoDataFrame(
        {"code": ["99.01", "99.02", "99.03", "99.04"], "name": ["A", "B", "C", "D"]},
        geometry=[
            shapely.box(0, 0, 1, 1),
            shapely.box(1, 0, 2, 1),
            shapely.MultiPolygon([holed, shapely.box(7, 0, 8, 1)]),
            None,
        ],
        crs=4326,
    )


@pytest.mark.parametrize("rows", [slice(0, 2), slice(0, 4)], ids=["polygons only", "with multipolygon"])
def test_encoding_round_trips_polygons_and_leaves_out_missing(rows):
    areas = _squares().iloc[rows]
    encoded = maps.encode_shapes(areas, quantum=1000)
    back = maps.decode_shapes(encoded)
    drawn = areas[areas.geometry.notna()]
    assert back["code"].tolist() == drawn["code"].tolist()
    assert shapely.equals(back.geometry.values, drawn.geometry.values).all()
    assert encoded.bounds == tuple(drawn.total_bounds)


@pytest.mark.parametrize("dims", ["Z", "M", "ZM"])
def test_encoding_draws_3d_and_measured_polygons_in_2d(dims):
    """A Z or M value on every vertex (3-D PolygonZ of official GeoPackages) is left out: the same
    encoding as the 2-D polygons (it raised a broadcasting ValueError before)."""
    flat = _squares()
    extra = {"Z": [12.5], "M": [3.0], "ZM": [12.5, 3.0]}[dims]

    def lifted(geom):
        if geom is None:
            return None
        polygons = list(geom.geoms) if geom.geom_type == "MultiPolygon" else [geom]

        def ring(r):
            return "(" + ", ".join(" ".join(map(repr, [*xy, *extra])) for xy in r.coords) + ")"

        parts = ["(" + ", ".join(ring(r) for r in [p.exterior, *p.interiors]) + ")" for p in polygons]
        if geom.geom_type == "MultiPolygon":
            return shapely.from_wkt(f"MULTIPOLYGON {dims} ({', '.join(parts)})")
        return shapely.from_wkt(f"POLYGON {dims} {parts[0]}")

    raised = flat.set_geometry([lifted(g) for g in flat.geometry], crs=4326)
    assert raised.geometry.dropna().map(lambda g: shapely.has_z(g) or shapely.has_m(g)).all()
    assert maps.encode_shapes(raised, quantum=1000) == maps.encode_shapes(flat, quantum=1000)


def test_encoding_refuses_other_crs_and_non_polygons():
    with pytest.raises(ValueError, match="EPSG:4326"):
        maps.encode_shapes(_squares().to_crs(3857))
    points = gpd.GeoDataFrame({"code": ["1"], "name": ["x"]}, geometry=[shapely.Point(0, 0)], crs=4326)
    with pytest.raises(ValueError, match="polygons"):
        maps.encode_shapes(points)


def test_empty_areas_give_empty_encoding():
    encoded = maps.encode_shapes(_squares().iloc[3:])
    assert len(encoded) == 0 and encoded.coords == ""


@pytest.fixture(scope="module")
def banten_villages(export_store):
    """Banten's villages at province zoom, exactly as the store prepared them at import."""
    return export_store.read_areas(Level.VILLAGE, "36", display=display_zoom(Level.VILLAGE, "36"))


def test_real_villages_survive_encoding_within_the_grid(banten_villages):
    quantum = quantum_for(Level.VILLAGE, "province")
    assert 1 / quantum <= DISPLAY_ZOOMS[Level.VILLAGE]["province"] / 2
    encoded = maps.encode_shapes(banten_villages, quantum)
    back = maps.decode_shapes(encoded)
    assert back["code"].tolist() == banten_villages["code"].tolist()
    assert len(back) == 1552
    moved = shapely.hausdorff_distance(back.geometry.values, banten_villages.geometry.values)
    assert moved.max() <= 1 / quantum  # half a cell diagonal is ~0.71 / quantum
    # a vertex costs about 3 characters, far below decimal GeoJSON
    vertices = shapely.get_num_coordinates(banten_villages.geometry.values).sum()
    assert len(encoded.coords) < 4 * vertices


def test_encoded_villages_still_tile(banten_villages):
    """Equal vertices quantise equally, so neighbours keep sharing their edges."""
    back = maps.decode_shapes(maps.encode_shapes(banten_villages, quantum_for(Level.VILLAGE, "province")))
    before = tiling_report(banten_villages.geometry.values)
    after = tiling_report(shapely.make_valid(back.geometry.values))
    # snapping to the grid can fold a spike thinner than a cell: a few square metres in all
    assert after["overlap_area"] < 1e-5 * after["area"]
    assert after["hole_area"] == pytest.approx(before["hole_area"], rel=0.01, abs=1e-7)


def test_classes_and_colours_match_the_straightforward_computation(banten_villages):
    rng = np.random.default_rng(7)
    values = pd.Series(rng.poisson(12, len(banten_villages)).astype(float))
    values[rng.random(len(values)) < 0.1] = np.nan  # villages with no data
    classes = classify(values, "natural_breaks", 5)
    # straightforward: mapclassify per value, colour looked up per village
    bins = mapclassify.FisherJenks(values.dropna().to_numpy(), k=5).bins
    step = (len(SEQUENTIAL) - 1) / (len(bins) - 1)
    expected = [
        maps.NO_DATA_COLOUR if np.isnan(v) else SEQUENTIAL[round(int(np.searchsorted(bins, v)) * step)]
        for v in values
    ]
    fast = [maps.NO_DATA_COLOUR if i < 0 else classes.colours[i] for i in classes.classes]
    assert fast == expected
    assert (classes.classes[values.isna().to_numpy()] == -1).all()  # no data is never class 0
    assert classes.fill() == expected


def test_map_ships_codes_classes_and_local_leaflet_only(banten_villages):
    encoded = maps.encode_shapes(banten_villages, quantum_for(Level.VILLAGE, "province"))
    values = pd.Series(np.arange(len(encoded), dtype=float))
    classes = classify(values, "quantiles", 5)
    labels = [f"{v:.0f}" for v in values]
    layer = maps.MapLayer(classes.classes, list(classes.colours), labels, "Penempatan")
    legend = maps.legend_html([(c, f"kelas {i}") for i, c in enumerate(classes.colours)], "Penempatan")
    m = maps.area_map(encoded, layer, legend=legend)
    html = m.get_root().render()
    assert maps.LEAFLET_JS in html and maps.LEAFLET_CSS in html
    assert not re.search(r'(src|href)="(https?:)?//', html)  # nothing fetched from another host
    assert encoded.coords in html
    assert '"code":["36.' in html and "36.04.13.2007" in html
    assert "kelas 4" in html and "Penempatan" in html
    assert "atlasDraw(" in html and "L.canvas(" in html


def test_layer_must_fit_the_shapes():
    encoded = maps.encode_shapes(_squares())
    with pytest.raises(ValueError, match="one of each per area"):
        maps.area_map(encoded, maps.MapLayer(np.array([0]), ["#fff"], ["1"], "x"))


def test_unknown_basemap_lists_the_known_ones():
    encoded = maps.encode_shapes(_squares())
    layer = maps.MapLayer(np.zeros(3, dtype=int), ["#fff"], ["1", "2", "3"], "x")
    with pytest.raises(ValueError, match="none, osm, carto_light"):
        maps.area_map(encoded, layer, basemap="google")
    html = maps.area_map(encoded, layer, basemap="osm").get_root().render()
    assert "tile.openstreetmap.org" in html


def test_category_layer_and_highlight_and_points():
    encoded = maps.encode_shapes(_squares())
    categories = {"hot": ("#d7301f", "Titik panas"), "cold": ("#2b8cbe", "Titik dingin")}
    layer = maps.category_layer(
        pd.Series(["cold", "hot", "unknown"]), categories, "Hotspot", highlight=np.array([False, True, False])
    )
    assert layer.classes.tolist() == [1, 0, -1]
    assert layer.labels == ["Titik dingin", "Titik panas", ""]
    points = maps.Points(np.array([0.5]), np.array([0.5]), np.array(["KKBM"]), {"KKBM": "#1b9e77"}, ["KKBM"])
    html = maps.area_map(encoded, layer, points=points).get_root().render()
    assert '"h":{"1":1}' in html and '"pal":["#1b9e77"]' in html


def test_paired_maps_share_geometry_and_follow_each_other():
    encoded = maps.encode_shapes(_squares())
    layers = [
        maps.MapLayer(np.array([0, 1, -1]), ["#fff", "#000"], ["1", "2", "–"], f"x {y}") for y in (2022, 2023)
    ]
    page = maps.paired_maps_html(encoded, layers, ["<b>2022</b>", "<b>2023</b>"])
    assert page.count("atlasDraw(map, shapes") == 1 and 'id="m0"' in page and 'id="m1"' in page
    assert "setView(map.getCenter()" in page and maps.LEAFLET_JS in page
    assert "x 2022" in page and "x 2023" in page


def test_legend_escapes_text():
    assert "&lt;5" in maps.legend_html([("#fff", "<5")], "Jumlah")


def _payload(html: str) -> dict:
    """The layer payload (second argument of ``atlasDraw``) of a rendered map."""
    import json

    call = html[html.index("atlasDraw(map_") :]
    return json.loads(call[call.index("}, {") + 3 : call.index(");\n")].replace("<\\/", "</"))


def test_label_points_lie_inside_their_areas():
    areas = _squares()
    encoded = maps.encode_shapes(areas, quantum=1000)
    points = maps.label_points(encoded)
    drawn = areas[areas.geometry.notna()]
    assert len(points) == len(drawn)
    assert shapely.contains_xy(drawn.geometry.values, points[:, 0], points[:, 1]).all()
    assert encoded.payload()["lp"] == encoded.label_points


def test_labels_selection_attribution_and_zoom_titles_reach_the_map():
    encoded = maps.encode_shapes(_squares())
    layer = maps.MapLayer(np.zeros(3, dtype=int), ["#fff"], ["1", "2", "3"], "x")
    plain = _payload(maps.area_map(encoded, layer).get_root().render())
    assert "labels" not in plain and "sel" not in plain and "attr" not in plain
    html = (
        maps.area_map(
            encoded,
            layer,
            labels=True,
            always_label=True,
            selected=1,
            attribution="Batas: <arsip> & MIT",
            zoom_titles=("Perbesar", "Perkecil"),
        )
        .get_root()
        .render()
    )
    payload = _payload(html)
    assert payload["labels"] == 1 and payload["always"] == 1
    assert payload["sel"] == 1 and payload["fit"] == 1
    assert payload["attr"].startswith("Batas: &lt;arsip&gt; &amp; MIT")  # text, escaped
    assert payload["zoom"] == ["Perbesar", "Perkecil"]
    assert "setPrefix(k.attr)" in html and "atlasLabels(" in html and "atlasSelect(" in html
    # an area of its own (a village on a map of districts) is outlined too, without fitting
    one = maps.encode_shapes(_squares().iloc[[2]])
    payload = _payload(maps.area_map(encoded, layer, selected=one, fit_selected=False).get_root().render())
    assert payload["sel"]["code"] == ["99.03"] and "fit" not in payload
    with pytest.raises(ValueError, match="one of the 3 areas"):
        maps.area_map(encoded, layer, selected=3)


def test_names_are_escaped_where_the_browser_writes_them():
    """Names go to the browser as data; the tooltip escapes them and labels use textContent."""
    areas = _squares().iloc[:2].assign(name=["<img src=x onerror=alert(1)>", "</script><script>alert(2)"])
    encoded = maps.encode_shapes(areas)
    layer = maps.MapLayer(np.zeros(2, dtype=int), ["#fff"], ["<5", "7"], "<b>x</b>")
    html = maps.area_map(encoded, layer, labels=True).get_root().render()
    assert "</script><script>alert(2)" not in html  # cannot end the script element
    assert "atlasEscape(d.name[i])" in maps.DRAW_JS and "el.textContent = d.name[g]" in maps.DRAW_JS
    payload = _payload(html)
    assert payload["lab"] == ["&lt;5", "7"] and payload["vl"] == "&lt;b&gt;x&lt;/b&gt;"
