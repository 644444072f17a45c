"""The GIS files of a view, read back with pyogrio as QGIS reads them: every area of the map with
its code, names, figure (hidden small counts empty), class and period, and the style row of
``layer_styles`` whose classes are the legend of the page's map."""

from __future__ import annotations

import html as html_text
import re
import sqlite3
import xml.etree.ElementTree as ET
from datetime import date

import numpy as np
import pandas as pd
import pyogrio
import pytest

from exports import builds
from exports.files import html_map
from exports.gis import HIDDEN_CLASS, NO_DATA_CLASS, layer_name
from geo.classify import HIDDEN_COLOUR, NO_DATA_COLOUR
from loaders.export_inputs import gis_areas, load_view
from loaders.settings import DEMO_DIR, ROOT
from loaders.store import Store

LEAFLET = ROOT / "static" / "vendor" / "leaflet"


@pytest.fixture(scope="module")
def demo() -> Store:
    store = Store(DEMO_DIR)
    if not store.provinces():
        pytest.skip("the demo pack is not built (python -m loaders.demo build)")
    return store


def _build(store: Store, area: str, kind: str, **view):
    v = load_view(store, area, demo=True, as_of=date(2026, 12, 7), **view)
    data = builds.build_file(v, kind, images=dict, leaflet_dir=LEAFLET, areas=lambda: gis_areas(store, area))
    return v, data


def _read(tmp_path, data: bytes, name: str, suffix: str = "gpkg") -> pd.DataFrame:
    path = tmp_path / f"view.{suffix}"
    path.write_bytes(data)
    return pyogrio.read_dataframe(path, layer=name)


def _page_legend(view) -> list[tuple[str, str]]:
    """The legend of the page's interactive map (the HTML export): (colour, text) per row."""
    page = html_map(view, LEAFLET)
    box = page[page.index('id="atlas-legend"') :]
    box = box[: box.index("</div></div>") + 12]
    rows = re.findall(r"background:(#[0-9a-f]{6});[^>]*></span>([^<]*)</div>", box)
    return [(colour, html_text.unescape(text)) for colour, text in rows]


def _class_of(value: float, limits: list[float]) -> str:
    """The legend class of a value: the first class whose upper limit is at least the value."""
    return str(int(np.searchsorted(np.asarray(limits), value, side="left")) + 1)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_geopackage_features_and_style_of_a_regency(demo, tmp_path, lang):
    view, data = _build(demo, "99.01", "gpkg", year=2024, layer="placements", lang=lang)
    name = layer_name(view)
    assert name == "placements_99_01_2024"
    features = _read(tmp_path, data, name)
    assert features.crs.to_epsg() == 4326
    drawn = view.map_areas["code"].astype(str)
    assert features["code"].tolist() == drawn.tolist()  # every area of the map, in its order
    names = demo.read_areas(4, "99.01").set_index("code")
    assert (features["name"] == features["code"].map(names["name"])).all()
    assert (features["district"] == features["code"].map(names["district_name"])).all()
    assert (features["regency"] == "Kabupaten Tanjung Lestari").all()
    assert set(features["period"]) == {"2024"} and set(features["year"]) == {2024}
    # the figure: the stored sum per village of 2024, except where the map hides it
    rows = demo.read_layer("placements")
    sums = rows[rows["year"] == 2024].groupby("village")["count"].sum()
    hidden = features["code"].map(view.map_hidden).astype(bool)
    assert hidden.any() and (~hidden).any()
    shown = features[~hidden]
    assert (shown["value"] == shown["code"].map(sums).fillna(0)).all()
    assert features.loc[hidden, "value"].isna().all()  # a hidden count is not in the file at all
    assert set(features.loc[hidden, "shown"]) <= {"<5", "x"} and (features.loc[hidden, "shown"] == "<5").any()
    small = features["code"].map(sums).between(1, 4)
    assert not features.loc[small, "value"].notna().any()
    assert (features.loc[hidden, "class"] == HIDDEN_CLASS).all()
    assert (features.loc[hidden, "colour"] == HIDDEN_COLOUR).all()
    for value, klass in zip(shown["value"], shown["class"], strict=True):
        assert klass == _class_of(float(value), view.bins)
    # the style row QGIS opens the layer with: the page's legend, class for class
    styles = pyogrio.read_dataframe(tmp_path / "view.gpkg", layer="layer_styles", read_geometry=False)
    assert len(styles) == 1
    row = styles.iloc[0]
    assert row["f_table_name"] == name and row["f_geometry_column"] == "geom"
    assert bool(row["useAsDefault"]) and row["styleName"] == name
    qml = ET.fromstring(row["styleQML"].split("\n", 1)[1])
    renderer = qml.find("renderer-v2")
    assert renderer.get("type") == "categorizedSymbol" and renderer.get("attr") == "class"
    categories = [(c.get("value"), c.get("label"), c.get("symbol")) for c in renderer.iter("category")]
    colours = {}
    for symbol in renderer.iter("symbol"):
        rgba = next(o.get("value") for o in symbol.iter("Option") if o.get("name") == "color")
        colours[symbol.get("name")] = "#" + "".join(f"{int(v):02x}" for v in rgba.split(",")[:3])
    legend = _page_legend(view)
    assert [(colours[s], label) for _, label, s in categories] == legend
    values = [v for v, _, _ in categories]
    assert values == [str(i) for i in range(1, len(view.bins) + 1)] + [NO_DATA_CLASS, HIDDEN_CLASS]
    assert legend[-2][0] == NO_DATA_COLOUR  # "no data" a class apart, never the lowest class
    assert set(features["class"]) <= set(values)
    aliases = {a.get("field"): a.get("name") for a in qml.iter("alias")}
    assert aliases["code"] == ("Kode wilayah" if lang == "id" else "Area code")
    # the same classes in the SLD, for software other than QGIS
    sld = ET.fromstring(row["styleSLD"].split("\n", 1)[1])
    se, ogc = "{http://www.opengis.net/se}", "{http://www.opengis.net/ogc}"
    rules = [
        (
            rule.find(f"{ogc}Filter/{ogc}PropertyIsEqualTo/{ogc}Literal").text,
            rule.find(f"{se}Description/{se}Title").text,
            rule.find(f"{se}PolygonSymbolizer/{se}Fill/{se}SvgParameter").text,
        )
        for rule in sld.iter(f"{se}Rule")
    ]
    assert rules == [(v, text, colour) for v, (colour, text) in zip(values, legend, strict=True)]
    # the layer's title and notes for the catalogue of the file
    db = sqlite3.connect(tmp_path / "view.gpkg")
    identifier, description = db.execute(
        "SELECT identifier, description FROM gpkg_contents WHERE table_name = ?", (name,)
    ).fetchone()
    db.close()
    assert identifier == view.map_title and view.suppression_note in description


def test_geojson_holds_the_same_features(demo, tmp_path):
    view, gpkg = _build(demo, "99.01", "gpkg", year=2023, layer="placements")
    _, geojson = _build(demo, "99.01", "geojson", year=2023, layer="placements")
    a = _read(tmp_path, gpkg, layer_name(view))
    b = _read(tmp_path, geojson, layer_name(view), "geojson")
    assert b.crs.to_epsg() == 4326
    columns = ["code", "name", "district", "value", "shown", "class", "class_label", "colour", "period"]
    pd.testing.assert_frame_equal(
        a[columns].astype(str).reset_index(drop=True), b[columns].astype(str).reset_index(drop=True)
    )
    # the same polygons, written to 7 decimals (about 1 cm) and wound right-handed as RFC 7946 asks
    a, b = a.to_crs(6933), b.to_crs(6933)
    assert b.geometry.is_valid.all() and ((a.area - b.area).abs() / a.area).max() < 1e-5


def test_province_file_holds_its_districts_with_their_regency(demo, tmp_path):
    view, data = _build(demo, "99", "gpkg", year=2024, layer="reports")
    features = _read(tmp_path, data, "reports_99_2024")
    districts = demo.read_attributes(3, "99", ["code", "name"])
    assert sorted(features["code"]) == sorted(districts["code"])
    regencies = dict(demo.read_attributes(2, "99", ["code", "name"]).values)
    assert (features["regency"] == features["code"].str[:5].map(regencies)).all()
    assert (features["province"] == "Provinsi Contoh").all()
    # full stored polygons, not the display copy the screen draws
    full = demo.read_areas(3, "99").set_index("code").geometry
    for code, geometry in zip(features["code"], features.geometry, strict=True):
        assert geometry.symmetric_difference(full[code]).area < 1e-12
