"""GIS files of an export view: a GeoPackage styled for QGIS, and GeoJSON.

Every area of the view's map becomes a feature with its code, its name and the names of the
areas above it, the figure (protected: empty where the map hides it or has no data), the text a
reader sees (``"1.234"``, ``"<5"``, ``"x"``, "no data"), its class on the map's legend and the
period. The features come from :meth:`exports.view.ExportView.map_cells`, the classes and colours
the HTML map and the legend use, so a hidden count is hidden here too.

The GeoPackage carries the map's style in ``layer_styles``, the table QGIS reads when it opens a
layer (QGIS's own schema: QML for QGIS and SLD for other software, ``useAsDefault`` set): a
categorised renderer on the ``class`` field with one category per legend class (its limits as
the label, the page's colour), then "no data" and the hidden small counts, each a class of its
own. pyogrio writes the layer; the style table is added with ``sqlite3`` in the same file.
"""

from __future__ import annotations

import sqlite3
import tempfile
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import NamedTuple

import geopandas as gpd
import numpy as np
import pandas as pd

from exports.view import ExportView
from geo.classify import NO_DATA

__all__ = [
    "GIS_FIELDS",
    "NO_DATA_CLASS",
    "HIDDEN_CLASS",
    "StyleClass",
    "gis_frame",
    "gpkg_bytes",
    "geojson_bytes",
    "layer_name",
    "style_classes",
    "style_qml",
    "style_sld",
]

#: The ``class`` of an area without data, and of an area whose small count is hidden.
NO_DATA_CLASS = "no_data"
HIDDEN_CLASS = "hidden"
#: Names of the area's parents, finest first: (column of the areas read, field of the file).
_PARENTS = (("district_name", "district"), ("regency_name", "regency"), ("province_name", "province"))
#: Every field a GIS file may carry, in order, with the translation key of its alias in QGIS.
GIS_FIELDS = {
    "code": "gis.field.code",
    "name": "gis.field.name",
    "district": "export.district",
    "regency": "export.regency",
    "province": "export.province",
    "layer": "gis.field.layer",
    "value": "gis.field.value",
    "shown": "gis.field.shown",
    "class": "gis.field.class",
    "class_label": "gis.field.class_label",
    "colour": "gis.field.colour",
    "period": "gis.field.period",
    "year": "gis.field.year",
}
#: Outline of every area, as on the exported maps.
_OUTLINE = "#555555"


class StyleClass(NamedTuple):
    """One legend entry of the style: the value of the ``class`` field, its label, its colour."""

    value: str
    label: str
    colour: str


def layer_name(view: ExportView) -> str:
    """The layer's name in the file: ``placements_52_2024`` (letters, digits and ``_`` only)."""
    period = view.year if view.year is not None else "all"
    return f"{view.layer}_{view.area.replace('.', '_')}_{period}"


def gis_frame(view: ExportView, areas: gpd.GeoDataFrame | None = None) -> tuple[gpd.GeoDataFrame, list]:
    """The features of ``view``'s map and the style's classes (:func:`style_classes`).

    ``areas`` are the polygons to write (``code``, ``name``, optional ``district_name``,
    ``regency_name``, ``province_name``, ``geometry`` in EPSG:4326); by default the map's own
    (display) areas. Only the areas the map draws are written, in its order.
    """
    drawn = view.map_areas
    drawn = drawn[drawn.geometry.notna() & ~drawn.geometry.is_empty]
    codes = drawn["code"].astype(str)
    if areas is None:
        areas = drawn
    else:
        if areas.crs is None:
            raise ValueError("'areas' has no CRS; boundaries are stored in EPSG:4326")
        areas = areas.to_crs(4326)
        areas = areas.assign(code=areas["code"].astype(str)).set_index("code", drop=False)
        areas = areas.loc[codes[codes.isin(areas.index)].to_numpy()].reset_index(drop=True)
        areas = areas[areas.geometry.notna() & ~areas.geometry.is_empty]
    cells, classes = view.map_cells(areas["code"].astype(str))
    legend = style_classes(view, classes, bool(cells["hidden"].any()))
    labels = {c.value: c.label for c in legend}
    klass = [
        HIDDEN_CLASS if hidden else NO_DATA_CLASS if k == NO_DATA else str(int(k) + 1)
        for k, hidden in zip(cells["klass"], cells["hidden"], strict=True)
    ]
    out = pd.DataFrame({"code": areas["code"].astype(str).to_numpy(), "name": areas["name"].astype(str)})
    for column, field in _PARENTS:
        if column in areas:
            out[field] = areas[column].astype("string").to_numpy()
    out["layer"] = view.layer
    value = cells["value"].to_numpy(float)
    whole = bool(np.all(np.isnan(value) | (np.mod(value, 1) == 0)))  # counts stay whole numbers
    out["value"] = pd.array(
        [None if np.isnan(v) else v for v in value], dtype="Int64" if whole else "Float64"
    )
    out["shown"] = cells["shown"].to_numpy()
    out["class"] = klass
    out["class_label"] = [labels[k] for k in klass]
    out["colour"] = cells["fill"].to_numpy()
    out["period"] = view.period
    out["year"] = pd.array([view.year] * len(out), dtype="Int32")
    frame = gpd.GeoDataFrame(out, geometry=areas.geometry.to_numpy(), crs=4326)
    return frame, legend


def style_classes(view: ExportView, classes, any_hidden: bool) -> list[StyleClass]:
    """The legend of ``view``'s map as style classes: ``"1"``… for the value classes, then
    :data:`NO_DATA_CLASS` and (when the map hides any count) :data:`HIDDEN_CLASS`, with the
    legend's texts and colours (:meth:`ExportView.map_legend`)."""
    rows = view.map_legend(classes, any_hidden)
    values = [str(i + 1) for i in range(classes.k)] + [NO_DATA_CLASS] + ([HIDDEN_CLASS] if any_hidden else [])
    return [StyleClass(v, text, colour) for v, (colour, text) in zip(values, rows, strict=True)]


def _rgba(colour: str) -> str:
    """``#ffffb2`` as QGIS writes a colour: ``255,255,178,255``."""
    code = colour.lstrip("#")
    return ",".join(str(int(code[i : i + 2], 16)) for i in (0, 2, 4)) + ",255"


def _option(parent: ET.Element, name: str, value: str) -> None:
    ET.SubElement(parent, "Option", {"name": name, "type": "QString", "value": value})


def _fill_symbol(parent: ET.Element, name: str, colour: str) -> None:
    """A QGIS simple fill (``colour``, grey outline) in both forms QGIS 3 reads: the ``Option``
    map of current versions and the ``prop`` list of older ones."""
    symbol = ET.SubElement(
        parent,
        "symbol",
        {"type": "fill", "name": name, "alpha": "1", "clip_to_extent": "1", "force_rhr": "0"},
    )
    layer = ET.SubElement(
        symbol, "layer", {"class": "SimpleFill", "enabled": "1", "locked": "0", "pass": "0"}
    )
    props = {
        "color": _rgba(colour),
        "style": "solid",
        "outline_color": _rgba(_OUTLINE),
        "outline_style": "solid",
        "outline_width": "0.26",
        "outline_width_unit": "MM",
        "joinstyle": "bevel",
    }
    options = ET.SubElement(layer, "Option", {"type": "Map"})
    for key, value in props.items():
        _option(options, key, value)
    for key, value in props.items():
        ET.SubElement(layer, "prop", {"k": key, "v": value})


def style_qml(view: ExportView, legend: list[StyleClass], fields: list[str]) -> str:
    """The QGIS style (QML) of ``view``'s map: a categorised renderer on ``class``, one category
    per legend entry (label and colour as on the page), field aliases in the view's language."""
    root = ET.Element("qgis", {"version": "3.28.0", "styleCategories": "Symbology|Fields"})
    renderer = ET.SubElement(
        root,
        "renderer-v2",
        {
            "type": "categorizedSymbol",
            "attr": "class",
            "symbollevels": "0",
            "enableorderby": "0",
            "forceraster": "0",
            "referencescale": "-1",
        },
    )
    categories = ET.SubElement(renderer, "categories")
    symbols = ET.SubElement(renderer, "symbols")
    for i, entry in enumerate(legend):
        ET.SubElement(
            categories,
            "category",
            {
                "symbol": str(i),
                "value": entry.value,
                "label": entry.label,
                "render": "true",
                "type": "string",
            },
        )
        _fill_symbol(symbols, str(i), entry.colour)
    aliases = ET.SubElement(root, "aliases")
    for index, field in enumerate(fields):
        ET.SubElement(
            aliases, "alias", {"field": field, "index": str(index), "name": view.t(GIS_FIELDS[field])}
        )
    ET.SubElement(root, "layerGeometryType").text = "2"
    body = ET.tostring(root, encoding="unicode")
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n" + body


_SLD = "http://www.opengis.net/sld"
_SE = "http://www.opengis.net/se"
_OGC = "http://www.opengis.net/ogc"


def style_sld(view: ExportView, legend: list[StyleClass], name: str) -> str:
    """The same style as SLD 1.1 (for software other than QGIS): one rule per legend entry,
    ``class`` equal to its value, titled with the legend's text."""
    ET.register_namespace("", _SLD)
    ET.register_namespace("se", _SE)
    ET.register_namespace("ogc", _OGC)
    root = ET.Element(
        f"{{{_SLD}}}StyledLayerDescriptor",
        {"version": "1.1.0"},
    )
    named = ET.SubElement(root, f"{{{_SLD}}}NamedLayer")
    ET.SubElement(named, f"{{{_SE}}}Name").text = name
    user = ET.SubElement(named, f"{{{_SLD}}}UserStyle")
    ET.SubElement(user, f"{{{_SE}}}Name").text = name
    description = ET.SubElement(user, f"{{{_SE}}}Description")
    ET.SubElement(description, f"{{{_SE}}}Title").text = view.legend_title
    style = ET.SubElement(user, f"{{{_SE}}}FeatureTypeStyle")
    for entry in legend:
        rule = ET.SubElement(style, f"{{{_SE}}}Rule")
        ET.SubElement(rule, f"{{{_SE}}}Name").text = entry.value
        text = ET.SubElement(rule, f"{{{_SE}}}Description")
        ET.SubElement(text, f"{{{_SE}}}Title").text = entry.label
        condition = ET.SubElement(ET.SubElement(rule, f"{{{_OGC}}}Filter"), f"{{{_OGC}}}PropertyIsEqualTo")
        ET.SubElement(condition, f"{{{_OGC}}}PropertyName").text = "class"
        ET.SubElement(condition, f"{{{_OGC}}}Literal").text = entry.value
        symbolizer = ET.SubElement(rule, f"{{{_SE}}}PolygonSymbolizer")
        fill = ET.SubElement(symbolizer, f"{{{_SE}}}Fill")
        ET.SubElement(fill, f"{{{_SE}}}SvgParameter", {"name": "fill"}).text = entry.colour
        stroke = ET.SubElement(symbolizer, f"{{{_SE}}}Stroke")
        ET.SubElement(stroke, f"{{{_SE}}}SvgParameter", {"name": "stroke"}).text = _OUTLINE
        ET.SubElement(stroke, f"{{{_SE}}}SvgParameter", {"name": "stroke-width"}).text = "1"
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


_LAYER_STYLES = """
CREATE TABLE layer_styles (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  f_table_catalog TEXT(256),
  f_table_schema TEXT(256),
  f_table_name TEXT(256),
  f_geometry_column TEXT(256),
  styleName TEXT(30),
  styleQML TEXT,
  styleSLD TEXT,
  useAsDefault BOOLEAN,
  description TEXT,
  owner TEXT(30),
  ui TEXT(30),
  update_time DATETIME DEFAULT CURRENT_TIMESTAMP
)
"""


def _stamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00.000Z"


def _write(frame: gpd.GeoDataFrame, path: Path, driver: str, **options) -> None:
    import pyogrio

    pyogrio.write_dataframe(frame, path, driver=driver, promote_to_multi=True, **options)


def gpkg_bytes(view: ExportView, areas: gpd.GeoDataFrame | None = None) -> bytes:
    """The view's map as a GeoPackage: one layer (:func:`layer_name`) of :func:`gis_frame`'s
    features in EPSG:4326, its title and notes in ``gpkg_contents``, and its style as the
    default row of ``layer_styles`` (QML and SLD), so QGIS opens it coloured as on the page."""
    frame, legend = gis_frame(view, areas)
    name = layer_name(view)
    notes = [view.period, view.legend_title, view.suppression_note, *view.sources]
    with tempfile.TemporaryDirectory(prefix="atlas-gpkg-") as folder:
        path = Path(folder) / "export.gpkg"
        import pyogrio

        stamp = _stamp(view.as_of)
        pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": stamp})  # the file's dates: the view's
        try:
            _write(
                frame,
                path,
                "GPKG",
                layer=name,
                # GeoPackage 1.2: what the GDAL and QGIS of office computers (QGIS 3.22 LTR) read fully
                dataset_options={"VERSION": "1.2"},
                layer_options={
                    "IDENTIFIER": view.map_title,
                    "DESCRIPTION": " · ".join(n for n in notes if n),
                },
            )
        finally:
            pyogrio.set_gdal_config_options({"OGR_CURRENT_DATE": None})
        fields = [c for c in frame.columns if c != "geometry"]
        with sqlite3.connect(path) as db:
            (geometry,) = db.execute(
                "SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?", (name,)
            ).fetchone()
            db.execute(_LAYER_STYLES)
            db.execute(
                "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column,"
                " styleName, styleQML, styleSLD, useAsDefault, description, owner, ui, update_time)"
                " VALUES ('', '', ?, ?, ?, ?, ?, 1, ?, '', NULL, ?)",
                (
                    name,
                    geometry,
                    name,
                    style_qml(view, legend, fields),
                    style_sld(view, legend, name),
                    view.map_title,
                    stamp,
                ),
            )
            db.execute(
                "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change)"
                " VALUES ('layer_styles', 'attributes', 'layer_styles', '', ?)",
                (stamp,),
            )
        db.close()
        return path.read_bytes()


def geojson_bytes(view: ExportView, areas: gpd.GeoDataFrame | None = None) -> bytes:
    """The view's map as GeoJSON (RFC 7946: EPSG:4326, longitude first) with the same features
    and fields as the GeoPackage (a GeoJSON file holds no style: ``colour`` names each fill)."""
    frame, _ = gis_frame(view, areas)
    with tempfile.TemporaryDirectory(prefix="atlas-geojson-") as folder:
        path = Path(folder) / "export.geojson"
        _write(frame, path, "GeoJSON", layer=layer_name(view), layer_options={"RFC7946": "YES"})
        return path.read_bytes()
