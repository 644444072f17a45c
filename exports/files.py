"""Export files other than slides and the brief: CSV/XLSX tables, a ZIP of PNGs, a standalone HTML map.

All read the protected :class:`~exports.view.ExportView`: hidden cells are written as their
label (``"<5"`` or ``"x"``), never as the number. The HTML map embeds Leaflet's script and
style in the file, so it works offline when mailed around (no CDN, no tiles).
"""

from __future__ import annotations

import html
import io
import json
import re
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import folium
import numpy as np
import pandas as pd
import shapely
from branca.element import MacroElement
from jinja2 import Template

import i18n
from exports.sheets import Sheet, csv_text, xlsx_bytes
from exports.view import NAME_COLUMNS, TOTAL_ROW, ExportView
from geo import figures as registry
from geo import priority
from geo.cells import neutralise
from geo.suppression import hidden_label

__all__ = [
    "EXPORT_FORMATS",
    "ExportError",
    "tables_csv",
    "tables_xlsx",
    "ranking_csv",
    "ranking_xlsx",
    "key_figures_sheet",
    "catalogue_sheet",
    "images_zip",
    "html_map",
    "present_map",
    "key_figures_table",
    "flow_sheet",
]

#: Export formats the page offers (registry: name -> file extension).
EXPORT_FORMATS = {
    "pptx": "pptx",
    "pdf": "pdf",
    "png": "zip",
    "html": "html",
    "csv": "csv",
    "xlsx": "xlsx",
    "gpkg": "gpkg",
    "geojson": "geojson",
}


class ExportError(Exception):
    """An export cannot be made (message meant for the user)."""


def key_figures_table(view: ExportView) -> pd.DataFrame:
    """Key figures as a two/three-column table (label, value, change), protected, as text."""
    return neutralise(
        pd.DataFrame(
            {
                view.t("common.name"): [f.label for f in view.key_figures],
                view.t("common.value"): [f.text for f in view.key_figures],
                view.t("export.change"): [f.change for f in view.key_figures],
            }
        )
    )


def _kind(figure) -> str:
    """The number format of a key figure: a share, a figure with decimals (per 100), or a count."""
    if figure.share:
        return "share"
    known = registry.FIGURES.get(figure.key)
    return "decimal" if known is not None and known.digits else "int"


def key_figures_sheet(view: ExportView) -> Sheet:
    """Key figures for a workbook: each value (and its change from the year before) a number
    with its format, a hidden one its label; the change's words in the header."""
    figures = view.key_figures
    name, value = view.t("common.name"), view.t("common.value")
    values = pd.DataFrame(
        {
            name: [f.label for f in figures],
            value: [np.nan if f.hidden or f.no_data else f.value for f in figures],
        },
        dtype=object,
    )
    # a hidden figure reads its label ("<5"), one the data do not cover "no data" (never an empty 0)
    labels = pd.DataFrame(
        {name: "", value: [f.text if f.hidden or f.no_data else "" for f in figures]}, dtype=object
    )
    kinds = pd.DataFrame({name: "text", value: [_kind(f) for f in figures]})
    if view.year is not None:
        change = view.t("export.change_from", year=view.year - 1)
        # a known change is a number; an unknown one says why ("no data for 2023"); hidden: empty
        values[change] = [
            (f.delta * 100 if f.share else f.delta) if np.isfinite(f.delta) else (f.change or np.nan)
            for f in figures
        ]
        labels[change] = ""
        kinds[change] = ["change_points" if f.share else "change" for f in figures]
    return Sheet(view.t("export.deck.key_figures"), values, labels, kinds)


def _village_sheet(view: ExportView) -> Sheet:
    table = view.villages
    kinds = {c: "int" for c in table.values.columns if c not in NAME_COLUMNS}
    if "share_women" in kinds:
        kinds["share_women"] = "share"
    headers = view.village_headers
    values = table.values.rename(columns=headers)
    values.index = ["" if i == TOTAL_ROW else i for i in values.index]  # the total row: no code
    labels = table.labels().rename(columns=headers)
    labels.index = values.index
    return Sheet(
        view.t("export.sheet.villages"),
        values,
        labels,
        {headers.get(c, c): k for c, k in kinds.items()},
        index=view.t("common.code"),
    )


def tables_csv(view: ExportView) -> bytes:
    """The village table (with its total row) as UTF-8 CSV with a BOM, so Excel reads it right.

    Below the table, as ``#`` lines: what, where and when (the period), the key figures (the same
    as on every other surface) and the suppression note.
    """
    table = view.village_table()
    table.index.name = view.t("common.code")
    text = neutralise(table).to_csv(index=True, lineterminator="\n")
    text += f"\n# {view.layer_title} — {view.area_name}, {view.period}\n"
    for figure in view.key_figures:
        text += f"# {figure.label}: {figure.text}" + (f" ({figure.change})" if figure.change else "") + "\n"
    for note in view.notes:
        text += f"# {note}\n"
    # (the "#" lines start with "#", which no spreadsheet runs)
    text += f"# {view.suppression_note}\n"
    return ("\ufeff" + text).encode("utf-8")


def tables_xlsx(view: ExportView) -> bytes:
    """An Excel workbook: key figures, villages, one sheet per chart's numbers, and a note sheet.

    Numbers are numbers with a number format of the view's language; hidden cells hold their
    label (``"<5"``, ``"x"``); see :mod:`exports.sheets`.
    """
    sheets = [key_figures_sheet(view), _village_sheet(view)]
    for chart in view.charts:
        values = chart.data.values.rename(columns={"value": chart.value_label})
        labels = chart.data.labels().rename(columns={"value": chart.value_label})
        sheets.append(
            Sheet(chart.title, values, labels, {chart.value_label: "int"}, index=view.t("export.category"))
        )
    for flow in view.flows:  # the journey: where they go and from where they come back
        sheets.append(flow_sheet(view, flow))
    note = [
        f"{view.layer_title} — {view.area_name}, {view.period}",
        *view.notes,
        view.t("export.deck.sources", sources=", ".join(view.sources) or "–"),
        view.t("export.deck.made", date=i18n.fmt_date(view.as_of, view.lang)),
        view.suppression_note,
        *([view.t("export.deck.demo")] if view.demo else []),
    ]
    sheets.append(Sheet(view.t("export.sheet.note"), pd.DataFrame({view.t("export.sheet.note"): note})))
    if view.catalogue:  # the metadata of the figures the file states and of the layers they read
        sheets.append(catalogue_sheet(view.catalogue, [f.key for f in view.key_figures]))
    return xlsx_bytes(sheets, view.lang)


def catalogue_sheet(
    document: Mapping, figures: Sequence[str] | None = None, layers: Sequence[str] | None = None
) -> Sheet:
    """The data catalogue (:func:`loaders.catalogue.catalogue_document`) as one sheet, in the
    document's language: a row per layer and per figure, a column per metadata element (MS-Ind,
    cadence, caveats), then what the store holds (period, last import, provinces, villages).

    With ``figures``, only those figures and the layers they read (and the boundaries); with
    ``layers``, those layers (and the boundaries) instead. An element that does not apply (a
    layer has no method) or a figure with nothing held is an empty cell, never a zero.
    """
    from geo.catalogue import BOUNDARIES, ELEMENTS, import_day

    lang = document.get("language", i18n.DEFAULT_LANGUAGE)
    chosen = [f for f in document["figures"] if figures is None or f["id"] in figures]
    read = {layer for f in chosen for layer in f.get("layers", ())} if layers is None else set(layers)
    whole = figures is None and layers is None
    entries = [e for e in document["layers"] if whole or e["id"] in read | {BOUNDARIES}] + chosen
    headers = {e["key"]: e["label"] for e in document["elements"]}
    kind = i18n.t("catalogue.col.kind", lang)
    rows = []
    for entry in entries:
        held = entry["held"]
        stamp = held.get("last_import")
        row = {kind: i18n.t(f"catalogue.kind.{entry['kind']}", lang)}
        row.update({headers[k]: entry["metadata"].get(k, "") for k in headers if k in ELEMENTS})
        row[headers["period_held"]] = held["period"]
        row[headers["last_import"]] = import_day(stamp, lang) or ""
        row[headers["provinces"]] = ", ".join(held.get("provinces") or [])
        row[headers["villages"]] = held["villages"] if held.get("villages") is not None else np.nan
        rows.append(row)
    values = pd.DataFrame(rows, dtype=object)
    return Sheet(i18n.t("catalogue.sheet", lang), values, kinds={headers["villages"]: "int"})


def flow_sheet(view: ExportView, flow) -> Sheet:
    """A protected flow table (:class:`exports.journey.FlowData`) as a sheet: origins down,
    destinations across, totals last, named in the view's language; hidden cells as their label."""
    from exports.journey import TOTAL

    names = {**flow.names, TOTAL: view.t("export.flows.total"), "problem": view.t("export.flows.problem")}
    values = flow.table.values.rename(index=names, columns=names)
    labels = flow.table.labels().rename(index=names, columns=names)
    return Sheet(
        view.t(f"export.flows.sheet.{flow.kind}"),
        values,
        labels,
        dict.fromkeys(values.columns, "int"),
        index=view.t("export.flows.from"),
    )


def _ranking(
    ranked: pd.DataFrame, lang: str, threshold: int | None
) -> tuple[pd.DataFrame, pd.DataFrame | None, dict[str, str]]:
    """The planner's ranking as the page shows it, protected when ``threshold`` is given."""
    headers = priority.ranking_headers(lang)
    if threshold:
        protected = priority.protect_ranking(ranked, threshold, lang)
        values, labels = protected.values, protected.labels()
    else:
        values, labels = priority.ranking_values(ranked, lang), None
    kinds = {
        "rank": "int",
        **dict.fromkeys(priority.DECIMAL_COLUMNS, "decimal"),
        **dict.fromkeys(priority.COUNT_COLUMNS, "int"),
    }
    values = values.rename(columns=headers)
    labels = labels.rename(columns=headers) if labels is not None else None
    return values, labels, {headers[c]: k for c, k in kinds.items()}


def ranking_csv(
    ranked: pd.DataFrame,
    lang: str = i18n.DEFAULT_LANGUAGE,
    threshold: int | None = None,
    note: Sequence[str] = (),
) -> bytes:
    """The planner's ranking (:func:`geo.priority.score`) as the page shows it: the same rows in
    the same order, rank and score, headers and words in ``lang``; with ``threshold`` protected by
    :func:`geo.priority.protect_ranking`. ``note`` lines (the period) come first as ``# `` lines.
    UTF-8 with a BOM, so Excel reads the names right."""
    values, labels, _ = _ranking(ranked, lang, threshold)
    head = "".join(f"# {line}\n" for line in note)
    return (head + csv_text(values, labels)).encode("utf-8-sig")


def ranking_xlsx(
    ranked: pd.DataFrame,
    lang: str = i18n.DEFAULT_LANGUAGE,
    threshold: int | None = None,
    note: Sequence[str] = (),
    catalogue: Mapping | None = None,
    extra: Sequence[Sheet] = (),
) -> bytes:
    """The planner's ranking as a workbook (as :func:`ranking_csv`), numbers formatted, ``extra``
    sheets after it (already protected: the new service sites, :meth:`exports.sites.SitesView.sheet`),
    the ``note`` lines on a sheet of their own and, with ``catalogue`` (the data catalogue
    document), the metadata of every layer the ranking reads (:func:`catalogue_sheet`)."""
    values, labels, kinds = _ranking(ranked, lang, threshold)
    sheets = [Sheet(i18n.t("planner.ranked", lang), values, labels, kinds), *extra]
    if note:
        title = i18n.t("export.sheet.note", lang)
        sheets.append(Sheet(title, pd.DataFrame({title: list(note)})))
    if catalogue:
        from geo.layers import LAYERS

        sheets.append(catalogue_sheet(catalogue, figures=(), layers=tuple(LAYERS)))
    return xlsx_bytes(sheets, lang)


def images_zip(images: Mapping[str, bytes]) -> bytes:
    """The PNG images (map and charts) in one ZIP file."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as archive:
        for name, data in images.items():
            archive.writestr(f"{name}.png", data)
    return buf.getvalue()


def html_map(view: ExportView, leaflet_dir: Path, *, title: bool = True) -> str:
    """A standalone HTML page with the interactive map of ``view`` (Leaflet inlined, no tiles).

    Tooltips show the area name and its protected value; hidden areas say ``"<5"``.
    """
    js, css = leaflet_dir / "leaflet.js", leaflet_dir / "leaflet.css"
    if not js.is_file() or not css.is_file():
        raise ExportError(f"Leaflet is missing from {leaflet_dir}; run scripts/setup.sh to install it")
    areas = view.map_areas[["code", "name", "geometry"]].copy()
    areas = areas[areas.geometry.notna() & ~areas.geometry.is_empty]
    # ~1 m precision is plenty on screen and shortens every coordinate in the file.
    areas["geometry"] = shapely.set_precision(areas.geometry.values, 1e-5, mode="pointwise")
    cells, classes = view.map_cells(areas["code"])
    hidden = cells["hidden"]
    label = hidden_label(view.threshold)
    areas["fill"] = cells["fill"].to_numpy()
    areas["shown"] = cells["shown"].to_numpy()

    # folium's tooltip writes the properties as HTML: names from files are escaped first
    areas["name"] = areas["name"].fillna("").astype(str).map(html.escape)
    areas["shown"] = areas["shown"].astype(str).map(html.escape)
    minx, miny, maxx, maxy = areas.total_bounds
    m = folium.Map(tiles=None, control_scale=False, zoom_control=True, zoom_snap=0.25)
    m.fit_bounds([[miny, minx], [maxy, maxx]], padding=(10, 10))
    _MetricScale().add_to(m)
    _Attribution(view.sources[0] if view.sources else "").add_to(m)
    folium.GeoJson(
        json.loads(areas.to_json()),
        style_function=lambda f: {
            "fillColor": f["properties"]["fill"],
            "color": "#555555",
            "weight": 0.6,
            "fillOpacity": 0.85,
        },
        tooltip=folium.GeoJsonTooltip(
            fields=["name", "shown"], aliases=[view.t("common.name"), view.legend_title]
        ),
    ).add_to(m)
    legend_rows = view.map_legend(classes, bool(hidden.any()))
    legend = "".join(
        f'<div><span style="display:inline-block;width:14px;height:14px;background:{c};'
        f'border:1px solid #555;margin-right:6px;vertical-align:middle"></span>{html.escape(t)}</div>'
        for c, t in legend_rows
    )
    footer = view.t(
        "export.map.footer",
        source=", ".join(view.sources) or "–",
        date=i18n.fmt_date(view.as_of, view.lang),
        max=view.threshold - 1,
        label=label,
    )
    heading = (
        '<div id="atlas-title" style="position:fixed;top:10px;left:60px;z-index:1000;background:white;'
        'padding:6px 10px;font:bold 18px sans-serif;border-radius:4px;box-shadow:0 1px 4px #0004">'
        f"{html.escape(view.map_title)}</div>"
    )
    overlay = (
        (heading if title else "")
        + '<div id="atlas-legend" style="position:fixed;bottom:40px;right:10px;z-index:1000;background:white;'
        'padding:8px 10px;font:13px sans-serif;border-radius:4px;box-shadow:0 1px 4px #0004">'
        f"<b>{html.escape(view.legend_title)}</b>{legend}</div>"
        '<div style="position:fixed;bottom:6px;left:110px;right:190px;z-index:1000;background:#fffc;padding:2px 6px;'
        f'font:11px sans-serif">{html.escape(footer)}</div>'
    )
    m.get_root().html.add_child(folium.Element(overlay))
    page = m.get_root().render()
    return _inline_leaflet(page, js.read_text(encoding="utf-8"), css.read_text(encoding="utf-8"))


def present_map(view: ExportView) -> str:
    """The map of presentation mode: an HTML page (for an iframe of the app) with the map of
    ``view`` as the map pages draw it (compact canvas, area names written where they fit, the
    boundary source credited), protected values in the tooltips and the legend, and the source
    line below the map in readable type, wrapping on a narrow screen (never under the map's
    attribution). Leaflet comes from the app's own URLs.
    """
    from geo.classify import HIDDEN_COLOUR, classify, palette
    from geo.maps import MapLayer, area_map, encode_shapes, legend_html
    from geo.suppression import HIDDEN_DERIVED, is_small

    areas = view.map_areas[["code", "name", "geometry"]].copy()
    areas = areas[areas.geometry.notna() & ~areas.geometry.is_empty].reset_index(drop=True)
    shapes = encode_shapes(areas, 1e5 if len(areas) < 50 else 2e4)
    codes = pd.Series(shapes.codes)
    values = pd.to_numeric(codes.map(view.map_values), errors="coerce")
    hidden = codes.map(view.map_hidden).fillna(False).astype(bool).to_numpy()
    classes = classify(values.mask(hidden), limits=view.bins, colours=view.colours)
    index = classes.classes.copy()
    colours = list(classes.colours) or palette(1)
    label = hidden_label(view.threshold)
    raw = values.to_numpy(float)
    small = is_small(raw, view.threshold)
    texts = [
        (label if s else HIDDEN_DERIVED)
        if h
        else (view.t("export.map.no_data") if np.isnan(v) else i18n.fmt_int(v, view.lang))
        for v, h, s in zip(raw, hidden, small, strict=True)
    ]
    rows = classes.legend(view.lang, no_data=view.t("export.map.no_data"))
    if hidden.any():
        index[hidden] = len(colours)
        colours.append(HIDDEN_COLOUR)
        rows.append((HIDDEN_COLOUR, view.t("export.map.hidden")))
    m = area_map(
        shapes,
        MapLayer(index, colours, texts, view.legend_title),
        legend=legend_html(rows, view.legend_title),
        attribution=view.sources[0] if view.sources else "",
        labels=True,
        always_label=len(shapes) <= 60,
        zoom_titles=(view.t("map.zoom_in"), view.t("map.zoom_out")),
    )
    footer = view.t(
        "export.map.footer",
        source=", ".join(view.sources) or "–",
        date=i18n.fmt_date(view.as_of, view.lang),
        max=view.threshold - 1,
        label=label,
    )
    root = m.get_root()
    root.html.add_child(
        folium.Element(
            "<style>html,body{height:100%;margin:0}body{display:flex;flex-direction:column}"
            ".folium-map{position:relative!important;flex:1 1 auto;height:auto!important;min-height:0;order:1}"
            "#atlas-source{order:2;flex:0 0 auto;font:14px/1.35 sans-serif;color:#333;padding:5px 4px 2px}"
            "</style>"
            f'<div id="atlas-source">{html.escape(footer)}</div>'
            # the legend sits in the map's corner, above the attribution: placed in the page
            # (body), its bottom offset counted from the source line's foot and covered it
            "<script>document.addEventListener('DOMContentLoaded',function(){"
            "var m=document.querySelector('.folium-map');"
            "if(m)document.querySelectorAll('.atlas-legend').forEach(function(l){m.appendChild(l)});});"
            "</script>"
        )
    )
    return root.render()


class _MetricScale(MacroElement):
    """Leaflet's scale bar in kilometres only (folium's own shows miles too)."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "L.control.scale({imperial: false, position: 'bottomleft'}).addTo({{ this._parent.get_name() }});"
        "{% endmacro %}"
    )


class _Attribution(MacroElement):
    """The attribution line names the boundary source (and licence) instead of Leaflet's flag."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "{{ this._parent.get_name() }}.attributionControl.setPrefix({{ this.prefix }});"
        "{% endmacro %}"
    )

    def __init__(self, source: str):
        super().__init__()
        from geo.maps import attribution_html

        self.prefix = json.dumps(attribution_html(source)).replace("</", "<\\/")


def _inline_leaflet(page: str, js: str, css: str) -> str:
    """Replace Leaflet's CDN tags by inline copies and drop the other CDN scripts and styles."""

    def script(match: re.Match) -> str:
        src = match.group(1)
        if re.search(r"/leaflet(\.min)?\.js$", src):
            return "<script>" + js.replace("</script>", "<\\/script>") + "</script>"
        return ""

    def link(match: re.Match) -> str:
        href = match.group(1)
        if re.search(r"/leaflet(\.min)?\.css$", href):
            return "<style>" + css + "</style>"
        return ""

    page = re.sub(r'<script src="(https?://[^"]+)"></script>', script, page)
    page = re.sub(r'<link rel="stylesheet" href="(https?://[^"]+)"\s*/?>', link, page)
    return page
