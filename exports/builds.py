"""Every export file of a view, made by one function: the Ekspor page and ``atlas export`` both
call :func:`build_file`, so the same view gives the same file on either side.

The pictures (map and charts) are rendered once per view and size and shared by the PNG archive,
the slides and the brief; the caller passes them as a function (the page caches them per view,
the command line renders them once per run).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import geopandas as gpd

from exports import files as export_files
from exports.view import ExportView, is_national

__all__ = ["BUILDS", "GIS_FORMATS", "IMAGE_SIZES", "build_file", "builds_for", "file_name"]

#: Export formats in the page's order: format -> MIME type (keys of ``files.EXPORT_FORMATS``).
BUILDS: dict[str, str] = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "html": "text/html",
    "png": "application/zip",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
    "gpkg": "application/geopackage+sqlite3",
    "geojson": "application/geo+json",
}
#: Picture sizes of the PNG images and slides (16:9), the first the default.
IMAGE_SIZES = ((1600, 900), (1920, 1080), (1280, 720))
#: The GIS files (the map's areas with their figures and classes): GeoPackage first, the default.
GIS_FORMATS = ("gpkg", "geojson")


def builds_for(area: str) -> list[str]:
    """The formats offered for ``area``: all of :data:`BUILDS`, but no HTML map of the whole
    store (83k polygons as GeoJSON in one file; the map pages draw the national view)."""
    return [kind for kind in BUILDS if not (kind == "html" and is_national(area))]


def file_name(view: ExportView, kind: str) -> str:
    """``atlas-pmi_36.04_placements_2024.pptx``-style names."""
    period = view.year if view.year is not None else "all"
    return f"atlas-pmi_{view.area}_{view.layer}_{period}.{export_files.EXPORT_FORMATS[kind]}"


def build_file(
    view: ExportView,
    kind: str,
    *,
    images: Callable[[], Mapping[str, bytes]],
    leaflet_dir: Path,
    areas: Callable[[], gpd.GeoDataFrame | None] | None = None,
) -> bytes:
    """The bytes of the ``kind`` file of ``view``.

    Parameters
    ----------
    images
        Returns the view's pictures (:func:`exports.deck.render_images`), called only by the
        formats that show them (slides, brief, PNG archive).
    leaflet_dir
        Where Leaflet is installed (inlined into the HTML map).
    areas
        Returns the polygons of the GIS files (:func:`loaders.export_inputs.gis_areas`); the map's
        own display areas when not given.
    """
    if kind == "pptx":
        from exports import deck

        return deck.build_deck(view, dict(images()))
    if kind == "pdf":
        from exports import brief_pdf

        return brief_pdf.build_brief(view, map_png=images()["map"])
    if kind == "png":
        return export_files.images_zip(images())
    if kind in ("html", "html_present") and is_national(view.area):
        raise export_files.ExportError(view.t("export.page.national_note"))
    if kind == "html":
        return export_files.html_map(view, leaflet_dir).encode("utf-8")
    if kind == "html_present":  # presentation mode's map: names, source line below (title on the page)
        return export_files.present_map(view).encode("utf-8")
    if kind == "csv":
        return export_files.tables_csv(view)
    if kind == "xlsx":
        return export_files.tables_xlsx(view)
    if kind in GIS_FORMATS:
        from exports import gis

        polygons = areas() if areas is not None else None
        return gis.gpkg_bytes(view, polygons) if kind == "gpkg" else gis.geojson_bytes(view, polygons)
    raise ValueError(f"unknown export format {kind!r}; choose one of: {', '.join(BUILDS)}")
