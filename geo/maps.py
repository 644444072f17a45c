"""Fast choropleth maps: compact geometry encoding and a folium map that draws it on a canvas.

The straightforward way (``GeoDataFrame.to_json()`` into ``folium.GeoJson`` with a Python
``style_function``) ships every coordinate as decimal text and evaluates a style per feature
in Python: about 37 MB and 12 s for Jawa Timur's 8,492 villages. Here the display geometry
(already simplified at import, see :mod:`geo.display`) is

* quantised to a grid finer than its simplification tolerance (shared edges stay shared:
  equal vertices quantise equally),
* delta-encoded and written as variable-length base64url digits (a vertex costs ~3 bytes),
* classified in one vectorised step (a class index per area, a palette for the legend),

and a small script decodes it into Leaflet polygons on one canvas renderer. Each polygon
carries ``feature.properties`` (``code``, ``name``) so a click returns the area's code
through streamlit-folium's ``last_active_drawing``. Leaflet itself is served by the app
(``LEAFLET_JS``), never from a CDN, so maps draw offline.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from branca.element import Element, MacroElement
from jinja2 import Template

from geo.classify import NO_DATA_COLOUR

__all__ = [
    "LEAFLET_JS",
    "LEAFLET_CSS",
    "BASEMAPS",
    "NO_DATA_COLOUR",
    "EncodedShapes",
    "encode_shapes",
    "decode_shapes",
    "encode_varints",
    "decode_varints",
    "MapLayer",
    "Points",
    "area_map",
    "attribution_html",
    "label_points",
    "legend_html",
]

#: Where the app serves Leaflet (installed from the npm registry by scripts/setup.sh).
LEAFLET_JS = "/app/static/vendor/leaflet/leaflet.js"
LEAFLET_CSS = "/app/static/vendor/leaflet/leaflet.css"
_ALPHABET = np.frombuffer(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", dtype=np.uint8)

#: Basemap registry: key -> (tile URL or None, attribution). "none" needs no internet.
BASEMAPS: dict[str, tuple[str | None, str]] = {
    "none": (None, ""),
    "osm": (
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        "&copy; OpenStreetMap contributors",
    ),
    "carto_light": (
        "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}.png",
        "&copy; OpenStreetMap contributors &copy; CARTO",
    ),
}


# --------------------------------------------------------------------------- encoding
def encode_varints(values: np.ndarray) -> str:
    """Signed integers as zigzag varints in base64url digits (5 data bits a digit).

    >>> encode_varints(np.array([0, 1, -1, 16, -300]))
    'ACBgB3S'
    >>> decode_varints('ACBgB3S').tolist()
    [0, 1, -1, 16, -300]
    """
    values = np.asarray(values, dtype=np.int64)
    if values.size == 0:
        return ""
    zigzag = (values << 1) ^ (values >> 63)
    digits = np.ones(len(zigzag), dtype=np.int64)
    rest = zigzag >> 5
    while rest.any():
        digits += rest > 0
        rest >>= 5
    owner = np.repeat(np.arange(len(zigzag)), digits)
    starts = np.cumsum(digits) - digits
    position = np.arange(int(digits.sum())) - np.repeat(starts, digits)
    chunk = (zigzag[owner] >> (5 * position)) & 31
    more = position < (digits[owner] - 1)
    return _ALPHABET[chunk + 32 * more].tobytes().decode("ascii")


def decode_varints(text: str) -> np.ndarray:
    """Inverse of :func:`encode_varints` (used by tests; the browser has its own decoder)."""
    lookup = np.zeros(128, dtype=np.int64)
    lookup[_ALPHABET] = np.arange(64)
    digits = lookup[np.frombuffer(text.encode("ascii"), dtype=np.uint8)]
    out, acc, shift = [], 0, 0
    for digit in digits.tolist():
        acc |= (digit & 31) << shift
        if digit & 32:
            shift += 5
        else:
            out.append((acc >> 1) ^ -(acc & 1))
            acc, shift = 0, 0
    return np.asarray(out, dtype=np.int64)


@dataclass(frozen=True)
class EncodedShapes:
    """Polygons of many areas in the compact form the browser decodes.

    ``coords`` holds the x, y deltas (in units of ``1 / quantum`` degrees from ``origin``)
    of every ring without its closing vertex; ``rings`` the vertex count of each ring,
    ``polygons`` the ring count of each polygon, ``parts`` the polygon count of each area.
    """

    codes: list[str]
    names: list[str]
    origin: tuple[float, float]
    quantum: float
    coords: str
    rings: list[int]
    polygons: list[int]
    parts: list[int]
    bounds: tuple[float, float, float, float]
    #: A point inside each area where its name is written (x, y deltas on the same grid as
    #: ``coords``, from ``origin``), as varints; empty when not computed.
    label_points: str = ""

    def __len__(self) -> int:
        return len(self.codes)

    def payload(self) -> dict:
        return {
            "o": [round(self.origin[0], 6), round(self.origin[1], 6)],
            "q": self.quantum,
            "s": self.coords,
            "r": self.rings,
            "p": self.polygons,
            "f": self.parts,
            "code": self.codes,
            "name": self.names,
            "lp": self.label_points,
        }


def encode_shapes(areas: gpd.GeoDataFrame, quantum: float = 1e4) -> EncodedShapes:
    """Encode ``areas`` (``code``, ``name``, polygonal ``geometry`` in EPSG:4326).

    Areas without a polygon are left out; Z and M values are ignored. ``quantum`` is grid cells
    per degree: keep ``1 / quantum`` well below the display simplification tolerance.
    """
    if areas.crs is not None and not areas.crs.equals("EPSG:4326"):
        raise ValueError(f"areas must be in EPSG:4326 (lon/lat), got {areas.crs}")
    drawn = areas[areas.geometry.notna() & ~areas.geometry.is_empty]
    if drawn.empty:
        return EncodedShapes([], [], (0.0, 0.0), quantum, "", [], [], [], (0.0, 0.0, 0.0, 0.0))
    geometry = drawn.geometry.values
    minx, miny, maxx, maxy = (float(v) for v in shapely.total_bounds(geometry))
    # x, y only: a Z or M value (3-D PolygonZ of official GeoPackages) is not drawn
    kind, coords, offsets = shapely.to_ragged_array(geometry, include_z=False, include_m=False)
    if kind == shapely.GeometryType.POLYGON:  # no multipolygon among them: one part each
        offsets = (*offsets, np.arange(len(geometry) + 1))
    elif kind != shapely.GeometryType.MULTIPOLYGON:
        raise ValueError(f"areas must be polygons, got {kind.name.lower()} geometry")
    ring_offsets, polygon_offsets, part_offsets = offsets
    ring_sizes = np.diff(ring_offsets)
    keep = np.ones(len(coords), dtype=bool)
    keep[ring_offsets[1:] - 1] = False  # the closing vertex repeats the first: Leaflet closes rings itself
    grid = np.round((coords[keep] - (minx, miny)) * quantum).astype(np.int64)
    deltas = np.diff(grid, axis=0, prepend=np.zeros((1, 2), dtype=np.int64))
    inside = shapely.get_coordinates(shapely.point_on_surface(geometry))
    spots = np.round((inside - (minx, miny)) * quantum).astype(np.int64)
    spot_deltas = np.diff(spots, axis=0, prepend=np.zeros((1, 2), dtype=np.int64))
    return EncodedShapes(
        codes=drawn["code"].astype(str).tolist(),
        names=drawn["name"].fillna("").astype(str).tolist(),
        origin=(minx, miny),
        quantum=quantum,
        coords=encode_varints(deltas.ravel()),
        rings=(ring_sizes - 1).tolist(),
        polygons=np.diff(polygon_offsets).tolist(),
        parts=np.diff(part_offsets).tolist(),
        bounds=(minx, miny, maxx, maxy),
        label_points=encode_varints(spot_deltas.ravel()),
    )


def label_points(encoded: EncodedShapes) -> np.ndarray:
    """The (lon, lat) where each area's name is written, decoded (for tests)."""
    if not encoded.label_points:
        return np.zeros((0, 2))
    grid = np.cumsum(decode_varints(encoded.label_points).reshape(-1, 2), axis=0)
    return grid / encoded.quantum + encoded.origin


def decode_shapes(encoded: EncodedShapes) -> gpd.GeoDataFrame:
    """The polygons back from their encoding, as the browser sees them (for tests)."""
    xy = np.cumsum(decode_varints(encoded.coords).reshape(-1, 2), axis=0) / encoded.quantum + encoded.origin
    geoms, vertex, ring, polygon = [], 0, 0, 0
    for n_polygons in encoded.parts:
        polys = []
        for _ in range(n_polygons):
            rings = []
            for _ in range(encoded.polygons[polygon]):
                size = encoded.rings[ring]
                rings.append(xy[vertex : vertex + size])
                vertex += size
                ring += 1
            polygon += 1
            polys.append(shapely.Polygon(rings[0], rings[1:]))
        geoms.append(polys[0] if len(polys) == 1 else shapely.MultiPolygon(polys))
    return gpd.GeoDataFrame({"code": encoded.codes, "name": encoded.names}, geometry=geoms, crs=4326)


# --------------------------------------------------------------------------- the map
@dataclass
class MapLayer:
    """What the areas of a choropleth show: a class per area and its colours and labels.

    ``classes[i]`` indexes ``palette`` for area ``i`` of the encoded shapes (-1: no data,
    drawn in ``NO_DATA_COLOUR``); ``labels[i]`` is the value as the tooltip writes it.
    ``highlight`` marks areas drawn with a heavy outline (coverage gaps, a shortlist).
    """

    classes: np.ndarray
    palette: list[str]
    labels: list[str]
    value_label: str
    highlight: np.ndarray | None = None


@dataclass
class Points:
    """Circle markers (programme villages, enterprises) coloured by group."""

    lon: np.ndarray
    lat: np.ndarray
    groups: np.ndarray
    colours: dict[str, str]
    tooltips: list[str] = field(default_factory=list)
    #: Radius of each marker in pixels (default 5): a village with several programmes is drawn
    #: as concentric rings, the largest first, so every type shows.
    radius: list[float] | None = None
    #: The village of each marker (the national view's query API names it).
    codes: list[str] | None = None


#: The browser side: decode an encoded payload once, then draw its areas on ``map``.
DRAW_JS = """
function atlasDecode(d) {
  if (d._lat) return d;
  var A = {};
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".split("").forEach(function (c, i) { A[c.charCodeAt(0)] = i; });
  var s = d.s, n = 0, acc = 0, shift = 0, x = 0, y = 0, odd = false;
  var lng = new Float64Array(s.length), lat = new Float64Array(s.length);
  for (var p = 0; p < s.length; p++) {
    var v = A[s.charCodeAt(p)];
    acc += (v & 31) * Math.pow(2, shift);
    if (v & 32) { shift += 5; continue; }
    var dv = (acc % 2) ? -(acc + 1) / 2 : acc / 2;
    acc = 0; shift = 0;
    if (!odd) { x += dv; } else { y += dv; lng[n] = d.o[0] + x / d.q; lat[n] = d.o[1] + y / d.q; n++; }
    odd = !odd;
  }
  d._lat = lat; d._lng = lng;
  return d;
}
function atlasEscape(text) {
  return String(text).replace(/[&<>"']/g, function (c) {
    return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c];
  });
}
function atlasSpots(d) {
  // the decoded label point of each area (null when the payload has none)
  if (d._spots !== undefined) return d._spots;
  d._spots = null;
  if (!d.lp) return null;
  var A = {};
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".split("").forEach(function (c, i) { A[c.charCodeAt(0)] = i; });
  var s = d.lp, acc = 0, shift = 0, x = 0, y = 0, odd = false, out = [];
  for (var p = 0; p < s.length; p++) {
    var v = A[s.charCodeAt(p)];
    acc += (v & 31) * Math.pow(2, shift);
    if (v & 32) { shift += 5; continue; }
    var dv = (acc % 2) ? -(acc + 1) / 2 : acc / 2;
    acc = 0; shift = 0;
    if (!odd) { x += dv; } else { y += dv; out.push([d.o[1] + y / d.q, d.o[0] + x / d.q]); }
    odd = !odd;
  }
  d._spots = out;
  return out;
}
function atlasLabels(map, d, layers, always) {
  // Area names where they fit: largest areas first, a name only inside its area's box (or,
  // for provinces and regencies, at most a little wider), never overlapping another name.
  var spots = atlasSpots(d);
  if (!spots) return;
  var pane = map.getPane("atlasLabels") || map.createPane("atlasLabels");
  pane.style.zIndex = 640; pane.style.pointerEvents = "none";
  var ruler = document.createElement("canvas").getContext("2d");
  ruler.font = "600 12px sans-serif";
  var widths = {};
  function redraw() {
    pane.innerHTML = "";
    var size = map.getSize(), items = [];
    for (var f = 0; f < layers.length; f++) {
      var b = layers[f].getBounds();
      var sw = map.latLngToContainerPoint(b.getSouthWest()), ne = map.latLngToContainerPoint(b.getNorthEast());
      var w = ne.x - sw.x, h = sw.y - ne.y;
      if (ne.x < 0 || sw.x > size.x || sw.y < 0 || ne.y > size.y || h < 10) continue;
      if (widths[f] === undefined) widths[f] = ruler.measureText(d.name[f]).width + 6;
      if (widths[f] > w * (always ? 1.6 : 1.0)) continue;
      items.push([w * h, f]);
    }
    items.sort(function (a, b) { return b[0] - a[0]; });
    var placed = [];
    for (var i = 0; i < items.length && placed.length < 300; i++) {
      var g = items[i][1], c = map.latLngToContainerPoint(spots[g]);
      var box = [c.x - widths[g] / 2, c.y - 8, c.x + widths[g] / 2, c.y + 8];
      if (box[0] < 0 || box[1] < 0 || box[2] > size.x || box[3] > size.y) continue;
      var clash = false;
      for (var j = 0; j < placed.length; j++) {
        var o = placed[j];
        if (box[0] < o[2] + 2 && box[2] > o[0] - 2 && box[1] < o[3] + 1 && box[3] > o[1] - 1) { clash = true; break; }
      }
      if (clash) continue;
      placed.push(box);
      var el = L.DomUtil.create("div", "atlas-label", pane);
      el.textContent = d.name[g];
      el.dataset.code = d.code[g];
      var at = map.latLngToLayerPoint(spots[g]);
      L.DomUtil.setPosition(el, L.point(at.x - widths[g] / 2, at.y - 8));
    }
  }
  map.on("zoomend moveend resize", redraw);
  redraw();
}
function atlasSelect(map, d, k, layers) {
  // The chosen area: a heavy outline over everything, and the map fitted to it.
  var s = k.sel, shape = null;
  if (s === undefined || s === null) return;
  if (typeof s === "number") {
    if (layers[s]) shape = layers[s].getLatLngs();
  } else {
    atlasDecode(s);
    var vi = 0, ri = 0, pi = 0, polys = [];
    for (var a = 0; a < s.f[0]; a++) {
      var rings = [];
      for (var m = 0; m < s.p[pi]; m++) {
        var ring = new Array(s.r[ri]);
        for (var j = 0; j < s.r[ri]; j++) { ring[j] = [s._lat[vi], s._lng[vi]]; vi++; }
        rings.push(ring); ri++;
      }
      polys.push(rings); pi++;
    }
    shape = polys.length === 1 ? polys[0] : polys;
  }
  if (!shape) return;
  var pane = map.getPane("atlasSelected") || map.createPane("atlasSelected");
  pane.style.zIndex = 630; pane.style.pointerEvents = "none";
  // drawn as SVG (not on the areas' canvas): one element, found by its class
  var svg = L.svg({pane: "atlasSelected"});
  var halo = L.polygon(shape, {pane: "atlasSelected", renderer: svg, fill: false, color: "#ffffff", weight: 7, opacity: 0.9, interactive: false});
  var line = L.polygon(shape, {pane: "atlasSelected", renderer: svg, fill: false, color: "#0047ab", weight: 3.5, interactive: false, className: "atlas-selected"});
  halo.addTo(map); line.addTo(map);
  var size = map.getSize();
  if (k.fit && size.x > 100 && size.y > 100) map.fitBounds(line.getBounds(), {padding: [40, 40], maxZoom: 15, animate: false});
  map._atlasSelected = line;
}
function atlasDraw(map, d, k) {
  // The areas of a map, drawn once: their colours, tooltips' values, heavy outlines, markers and
  // legend come from atlasStyle, which a rerun that changes only those calls on the map as it is
  // (no new map, no new frame). A map in one script (the exports, presentation, paired maps)
  // carries its style in k and is styled here.
  atlasDecode(d);
  var lat = d._lat, lng = d._lng;
  var renderer = L.canvas({padding: 0.3});
  var group = L.featureGroup();
  var vi = 0, ri = 0, pi = 0, drawn = [];
  for (var f = 0; f < d.f.length; f++) {
    var polys = [];
    for (var a = 0; a < d.f[f]; a++) {
      var rings = [];
      for (var m = 0; m < d.p[pi]; m++) {
        var ring = new Array(d.r[ri]);
        for (var j = 0; j < d.r[ri]; j++) { ring[j] = [lat[vi], lng[vi]]; vi++; }
        rings.push(ring); ri++;
      }
      polys.push(rings); pi++;
    }
    var layer = L.polygon(polys.length === 1 ? polys[0] : polys, {
      renderer: renderer, fillColor: k.nodata, fillOpacity: 0.85, color: k.line, weight: k.weight
    });
    layer.feature = {type: "Feature", properties: {code: d.code[f], name: d.name[f]}};
    layer._atlasIndex = f;
    group.addLayer(layer);
    drawn.push(layer);
  }
  map._atlasBase = k; map._atlasDrawn = drawn; map._atlasGroup = group; map._atlasRenderer = renderer;
  group.bindTooltip(function (layer) {
    var i = layer._atlasIndex, s = map._atlasStyle || {};
    return "<b>" + atlasEscape(d.name[i]) + "</b>" + (s.sub ? "<br>" + s.sub[i] : "")
      + (s.lab ? "<br>" + s.vl + ": " + s.lab[i] : "");
  }, {sticky: true});
  group.on("mouseover", function (e) { e.layer.setStyle({weight: 2, color: "#000000"}); });
  group.on("mouseout", function (e) { e.layer.setStyle(atlasAreaStyle(map, e.layer._atlasIndex)); });
  group.addTo(map);
  if (k.attr !== undefined && map.attributionControl) map.attributionControl.setPrefix(k.attr);
  if (k.zoom && map.zoomControl) {
    var zc = map.zoomControl;
    [[zc._zoomInButton, k.zoom[0]], [zc._zoomOutButton, k.zoom[1]]].forEach(function (b) {
      if (b[0]) { b[0].title = b[1]; b[0].setAttribute("aria-label", b[1]); }
    });
  }
  if (k.c) atlasStyle(map, k);
  atlasSelect(map, d, k, drawn);
  if (k.labels) atlasLabels(map, d, drawn, !!k.always);
  if (!window.map) window.map = map;  // as streamlit-folium does: the frame's (first) map, for tests
  return group;
}
function atlasAreaStyle(map, i) {
  var s = map._atlasStyle, k = map._atlasBase;
  if (!s) return {color: k.line, weight: k.weight};
  var c = s.c[i], heavy = s.h && s.h[i] === 1;
  return {fillColor: c < 0 ? s.nodata : s.palette[c], fillOpacity: 0.85,
          color: heavy ? "#111111" : k.line, weight: heavy ? 2.5 : k.weight};
}
function atlasStyle(map, s) {
  // Colours, values, heavy outlines, markers and the legend of the areas atlasDraw drew.
  map._atlasStyle = s;
  var drawn = map._atlasDrawn;
  for (var i = 0; i < drawn.length; i++) drawn[i].setStyle(atlasAreaStyle(map, i));
  if (map._atlasMarks) { map.removeLayer(map._atlasMarks); map._atlasMarks = null; }
  var pts = s.pts;
  if (pts) {
    var marks = L.featureGroup();
    for (var q = 0; q < pts.x.length; q++) {
      L.circleMarker([pts.y[q], pts.x[q]], {
        renderer: map._atlasRenderer, radius: pts.r ? pts.r[q] : 5, color: "#222222", weight: 1,
        fillOpacity: 0.95, fillColor: pts.pal[pts.g[q]]
      }).bindTooltip(pts.tip[q]).addTo(marks);
    }
    map._atlasMarks = marks.addTo(map);
  }
  var holder = map.getContainer().parentNode;
  if (s.legend !== undefined) {  // (a map in one script has its legend in its page)
    var old = holder.querySelector(":scope > .atlas-legend-box");
    if (old) old.remove();
    var box = document.createElement("div");
    box.className = "atlas-legend-box";
    box.innerHTML = s.legend;
    holder.appendChild(box);
  }
  if (map._atlasFitted) return;
  map._atlasFitted = true;
  // the class legend (bottom right) kept off the areas, as on the national view: refit with
  // its width as padding (a map fitted to a selected area keeps that fit)
  var sel = ".atlas-legend[style*='bottom:']";  // beside the map (paired maps), or the page's one
  var legend = holder.querySelector(sel)
    || (document.querySelectorAll(".leaflet-container").length === 1 ? document.querySelector(sel) : null);
  // (not on a narrow map, a phone's, where the legend sits at the top and the areas need the width)
  var size = map.getSize(), k = map._atlasBase;
  var wide = legend && legend.offsetWidth < size.x * 0.4 && size.y > 0;
  if (wide && !(k.sel !== undefined && k.fit) && map._atlasGroup.getLayers().length) {
    map.fitBounds(map._atlasGroup.getBounds(), {paddingTopLeft: [8, 8], paddingBottomRight: [legend.offsetWidth + 16, 8], animate: false});
  }
}
"""

_SCRIPT = Template(
    """
{% macro script(this, kwargs) %}
{{ this.draw_js }}
atlasDraw({{ this._parent.get_name() }}, {{ this.shapes }}, {{ this.layer }});
L.control.scale({imperial: false}).addTo({{ this._parent.get_name() }});
{% endmacro %}
"""
)


def _json(value: object) -> str:
    # "</" would end the <script> element early if a name ever held it.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")


class _RenderedScript(Element):
    """Script text that is already rendered: inserted as it is.

    ``MacroElement.render`` wraps a rendered macro in ``Element(text)``, which compiles the
    text as a Jinja template: for a province's villages that lexes a megabyte of payload
    (~0.1 s per render, and streamlit-folium renders a map twice), and an area name holding
    ``{{`` or ``{%`` would be read as template code.
    """

    def __init__(self, text: str):
        super().__init__()
        self._text = text.removesuffix("\n")  # as Jinja would have left it

    def render(self, **kwargs) -> str:
        return self._text


class _CompactAreas(MacroElement):
    """The decoded polygons (and optional markers) drawn on the map's canvas."""

    _template = _SCRIPT

    def __init__(self, shapes: dict, layer: dict):
        super().__init__()
        self._name = "CompactAreas"
        self.draw_js = DRAW_JS
        self.shapes = _json(shapes)
        self.layer = _json(layer)

    def render(self, **kwargs) -> None:
        script = self._template.module.__dict__["script"]
        self.get_root().script.add_child(_RenderedScript(script(self, kwargs)), name=self.get_name())


_STYLE_SCRIPT = Template(
    """
{% macro script(this, kwargs) %}
atlasStyle({{ this._parent._parent.get_name() }}, {{ this.style }});
{% endmacro %}
"""
)


class _AreaStyle(MacroElement):
    """The colours, values, outlines, markers and legend of the areas of a map drawn apart from
    it (:func:`area_map` with ``style_apart``): streamlit-folium runs a feature group's script on
    the map it already shows, so a change of these redraws no map and loads no new frame. The
    map is named when rendered (streamlit-folium renames it), as the group's parent."""

    _template = _STYLE_SCRIPT

    def __init__(self, style: dict):
        super().__init__()
        self._name = "AreaStyle"
        self.style = _json(style)


def legend_html(
    rows: Sequence[tuple[str, str]],
    title: str,
    *,
    corner: str = "bottom",
    dot: bool = False,
    outline: str | None = None,
) -> str:
    """A legend box: ``rows`` of (colour, text), at the ``"bottom"`` or ``"top"`` right of the map.

    ``outline`` adds a last row explaining the heavy outline of highlighted areas.
    """
    if corner not in ("bottom", "top"):
        raise ValueError(f"corner must be 'bottom' or 'top', got {corner!r}")
    offset = 26 if corner == "bottom" else 10  # above Leaflet's attribution line
    shape = "border-radius:50%;width:11px;height:11px" if dot else "width:14px;height:12px"
    body = "".join(
        f'<div><span style="display:inline-block;{shape};background:{colour};border:1px solid #555;'
        f'margin-right:6px;vertical-align:middle"></span>{html.escape(text)}</div>'
        for colour, text in rows
    )
    if outline:
        body += (
            '<div><span style="display:inline-block;width:12px;height:10px;background:transparent;'
            'border:2.5px solid #111111;margin-right:6px;vertical-align:middle"></span>'
            f"{html.escape(outline)}</div>"
        )
    return (
        f'<div class="atlas-legend" style="position:absolute;{corner}:{offset}px;right:10px;z-index:1000;'
        "background:rgba(255,255,255,.95);padding:6px 9px;font:13px/1.35 sans-serif;color:#111;"
        f'border-radius:4px;box-shadow:0 1px 4px #0005;max-width:min(45%,300px)"><b>{html.escape(title)}</b>{body}</div>'
    )


def _new_map(
    bounds: tuple[float, float, float, float], basemap: str, zoom_control: bool = True
) -> folium.Map:
    if basemap not in BASEMAPS:
        raise ValueError(f"unknown basemap {basemap!r}; choose one of: {', '.join(BASEMAPS)}")
    m = folium.Map(tiles=None, zoom_control=zoom_control, zoom_snap=0.25, prefer_canvas=True)
    m.default_js = [("leaflet", LEAFLET_JS)]
    m.default_css = [("leaflet_css", LEAFLET_CSS)]
    url, attribution = BASEMAPS[basemap]
    if url:
        folium.TileLayer(url, attr=attribution, name=basemap, max_zoom=19).add_to(m)
    minx, miny, maxx, maxy = bounds
    m.fit_bounds([[miny, minx], [maxy, maxx]])
    return m


def layer_payload(
    layer: MapLayer,
    n_areas: int,
    subtitles: Sequence[str] | None = None,
    points: Points | None = None,
    outline: float | None = None,
) -> dict:
    """What the browser needs to colour and label the areas (one entry per encoded area)."""
    if len(layer.classes) != n_areas or len(layer.labels) != n_areas:
        raise ValueError(
            f"the layer has {len(layer.classes)} classes and {len(layer.labels)} labels "
            f"for {n_areas} areas; give one of each per area"
        )
    payload = {
        "c": np.asarray(layer.classes, dtype=np.int64).tolist(),
        "palette": list(layer.palette),
        "nodata": NO_DATA_COLOUR,
        "lab": [html.escape(label) for label in layer.labels],
        "vl": html.escape(layer.value_label),
        "line": "#555555",
        "weight": outline if outline is not None else (0.3 if n_areas > 2000 else 0.6),
    }
    if subtitles is not None:
        payload["sub"] = [html.escape(s) for s in subtitles]
    if layer.highlight is not None and np.asarray(layer.highlight).any():
        payload["h"] = {int(i): 1 for i in np.flatnonzero(layer.highlight)}
    if points is not None and len(points.lon):
        groups = list(points.colours)
        index = {g: i for i, g in enumerate(groups)}
        payload["pts"] = {
            "x": np.round(np.asarray(points.lon, dtype=float), 5).tolist(),
            "y": np.round(np.asarray(points.lat, dtype=float), 5).tolist(),
            "g": [index[g] for g in points.groups],
            "pal": [points.colours[g] for g in groups],
            "tip": [html.escape(t) for t in (points.tooltips or [str(g) for g in points.groups])],
            **({"r": [float(r) for r in points.radius]} if points.radius is not None else {}),
        }
    return payload


#: Style of the area names written on the map (white halo, readable over any class colour).
LABEL_CSS = (
    ".atlas-label{position:absolute;font:600 12px/16px sans-serif;color:#1a1a1a;white-space:nowrap;"
    "text-shadow:0 0 3px #fff,0 0 2px #fff,0 0 1px #fff,1px 1px 0 #fff,-1px -1px 0 #fff}"
    # a narrow map (a phone): the legend at the top, smaller, clear of the attribution line
    "@media (max-width:520px){.atlas-legend[style*='bottom:']{bottom:auto!important;top:10px!important;"
    "font-size:11px!important;padding:4px 6px!important}"
    ".leaflet-control-attribution{font-size:10px;line-height:1.3}}"
)


def attribution_html(text: str) -> str:
    """The map's attribution line (boundary source and licence), escaped, replacing Leaflet's flag."""
    return html.escape(text) + ' · <a href="https://leafletjs.com" title="Leaflet">Leaflet</a>'


def area_map(
    shapes: EncodedShapes,
    layer: MapLayer,
    *,
    legend: str = "",
    basemap: str = "none",
    subtitles: Sequence[str] | None = None,
    points: Points | None = None,
    outline: float | None = None,
    attribution: str | None = None,
    labels: bool = False,
    always_label: bool = False,
    selected: int | EncodedShapes | None = None,
    fit_selected: bool = True,
    zoom_titles: tuple[str, str] | None = None,
    style_apart: bool = False,
) -> folium.Map:
    """A folium map of ``shapes`` coloured by ``layer``, with an HTML ``legend`` overlay.

    ``subtitles`` adds a line under each area's name in its tooltip (e.g. its district).
    ``attribution`` (plain text, e.g. the boundary source and licence) replaces Leaflet's own
    attribution prefix. ``labels`` writes the area names where they fit without overlapping
    (``always_label``: provinces and regencies, which may run a little past their box).
    ``selected`` is outlined (an index into ``shapes``, or one encoded area of its own) and, with
    ``fit_selected``, the map is fitted to it. ``zoom_titles`` are the zoom buttons' tooltips
    in the interface language (Leaflet's own read "Zoom in", "Zoom out").

    With ``style_apart`` the map holds the areas only, and ``m.atlas_style`` is a feature group
    with their style (``layer``, ``legend``, ``subtitles``, ``points``) for streamlit-folium's
    ``feature_group_to_add``: a rerun that changes only the style (classes, year, filters)
    restyles the map in place instead of sending and drawing a new one.
    """
    m = _new_map(shapes.bounds, basemap)
    style = layer_payload(layer, len(shapes), subtitles, points, outline)
    payload = {"line": style["line"], "weight": style["weight"], "nodata": style["nodata"]}
    if style_apart:
        group = folium.FeatureGroup(name="atlas-style", control=False)
        _AreaStyle({**style, "legend": legend}).add_to(group)  # the group's parent: the map
        m.atlas_style = group
        legend = ""
    else:
        payload.update(style)
    if attribution is not None:
        payload["attr"] = attribution_html(attribution)
    if labels:
        payload["labels"] = 1
        if always_label:
            payload["always"] = 1
    if isinstance(selected, EncodedShapes):
        if len(selected):
            payload["sel"] = selected.payload()
    elif selected is not None:
        if not 0 <= int(selected) < len(shapes):
            raise ValueError(f"selected must index one of the {len(shapes)} areas, got {selected}")
        payload["sel"] = int(selected)
    if "sel" in payload and fit_selected:
        payload["fit"] = 1
    if zoom_titles is not None:
        payload["zoom"] = [str(zoom_titles[0]), str(zoom_titles[1])]
    _CompactAreas(shapes.payload(), payload).add_to(m)
    background = "#ffffff" if basemap == "none" else "#f2f2f2"
    m.get_root().html.add_child(
        Element(f"<style>.leaflet-container{{background:{background}}}{LABEL_CSS}</style>{legend}")
    )
    return m


def paired_maps_html(
    shapes: EncodedShapes,
    layers: Sequence[MapLayer],
    legends: Sequence[str],
    *,
    basemap: str = "none",
    height: int = 360,
    leaflet_js: str = LEAFLET_JS,
    leaflet_css: str = LEAFLET_CSS,
    attribution: str | None = None,
) -> str:
    """Two maps of the same areas side by side whose pan and zoom follow each other.

    A whole HTML page (for ``components.html``); Leaflet comes from the app's own URLs.
    ``attribution`` (plain text: the boundary source and licence) replaces Leaflet's own
    attribution prefix on both maps, as on :func:`area_map`.
    """
    if len(layers) != 2 or len(legends) != 2:
        raise ValueError(f"paired maps need two layers and two legends, got {len(layers)} and {len(legends)}")
    if basemap not in BASEMAPS:
        raise ValueError(f"unknown basemap {basemap!r}; choose one of: {', '.join(BASEMAPS)}")
    url, tile_credit = BASEMAPS[basemap]
    minx, miny, maxx, maxy = shapes.bounds
    cells = "".join(
        f'<div class="cell"><div id="m{i}" class="map"></div>{legend}</div>'
        for i, legend in enumerate(legends)
    )
    tiles = (
        f"L.tileLayer({_json(url)}, {{attribution: {_json(tile_credit)}, maxZoom: 19}}).addTo(map);"
        if url
        else ""
    )
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="{leaflet_css}"><script src="{leaflet_js}"></script>
<style>html,body{{margin:0;height:100%}}.row{{display:flex;gap:8px;height:{height}px}}
.cell{{position:relative;flex:1}}.map{{position:absolute;inset:0;background:#fff}}</style></head>
<body><div class="row">{cells}</div><script>
{DRAW_JS}
var shapes = {_json(shapes.payload())};
var layers = {_json([_with_attribution(layer_payload(layer, len(shapes)), attribution) for layer in layers])};
var maps = [0, 1].map(function (i) {{
  var map = L.map("m" + i, {{zoomSnap: 0.25, preferCanvas: true}});
  map.fitBounds([[{miny}, {minx}], [{maxy}, {maxx}]]);
  {tiles}
  atlasDraw(map, shapes, layers[i]);
  L.control.scale({{imperial: false}}).addTo(map);
  return map;
}});
var syncing = false;
maps.forEach(function (map, i) {{
  map.on("move", function () {{
    if (syncing) return;
    syncing = true;
    maps[1 - i].setView(map.getCenter(), map.getZoom(), {{animate: false}});
    syncing = false;
  }});
}});
</script></body></html>"""


def _with_attribution(payload: dict, attribution: str | None) -> dict:
    if attribution is not None:
        payload["attr"] = attribution_html(attribution)
    return payload


def category_layer(
    values: pd.Series,
    categories: Mapping[str, tuple[str, str]],
    value_label: str,
    *,
    highlight: np.ndarray | None = None,
) -> MapLayer:
    """A layer of named categories (e.g. hotspot classes): ``categories`` maps value -> (colour, text)."""
    names = list(categories)
    position = {name: i for i, name in enumerate(names)}
    classes = np.array([position.get(v, -1) for v in values], dtype=np.int64)
    labels = [categories[v][1] if v in categories else "" for v in values]
    return MapLayer(classes, [categories[n][0] for n in names], labels, value_label, highlight)
