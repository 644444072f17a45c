"""Static choropleth images that need no internet: matplotlib from the store's display geometry.

Every image carries what a map leaving the office needs: title, legend with class limits (and
separate entries for "no data" and hidden small counts), scale bar, north arrow, and a source
and date line, all in the chosen language. Returns PNG bytes of exactly the requested size.

The polygons are drawn as one matplotlib path collection (one compound path per area, holes
kept), never a patch per polygon, so the 83,246 villages of a national map draw in seconds.
"""

from __future__ import annotations

import io
import math
import textwrap
import threading
from collections.abc import Sequence
from datetime import date

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

import i18n
from geo.classify import HIDDEN_COLOUR, NO_DATA_COLOUR, classify
from geo.suppression import hidden_label

__all__ = ["render_map", "view_map", "pyplot"]

_PYPLOT_LOCK = threading.Lock()
_AGG_CHOSEN: list[bool] = []
#: Maps wider than this (degrees of longitude) are drawn in World Mercator: one UTM zone is 6°
#: wide and distorts far beyond it; Indonesia (95°–141°E) lies within 11° of the equator,
#: where Mercator's scale stays within 2% (the scale bar is true at the equator).
WIDE_DEGREES = 15.0
WIDE_CRS = "EPSG:3395"
#: Above this many areas the areas' edges take their fill colour (no dark lines over villages
#: smaller than a pixel) and only the outlines passed in are drawn as boundaries.
MANY_AREAS = 5000


def pyplot():
    """``matplotlib.pyplot`` on the Agg backend (no display), imported on the first drawing.

    Importing matplotlib takes about a second, so the modules that draw images import it here
    rather than at their own import. Agg is chosen once per process, before the first pyplot
    import here (as the import of this module used to).
    """
    with _PYPLOT_LOCK:
        if not _AGG_CHOSEN:
            import matplotlib

            matplotlib.use("Agg")  # no display; must precede pyplot
            _AGG_CHOSEN.append(True)
        import matplotlib.pyplot as plt

    return plt


def _nice_length(span_m: float) -> float:
    """A round scale-bar length (1, 2 or 5 × 10^n metres) near a fifth of the map width."""
    target = span_m / 5
    power = 10 ** math.floor(math.log10(target))
    for step in (5, 2, 1):
        if step * power <= target:
            return step * power
    return power


def _paths(geometries: np.ndarray, groups: np.ndarray) -> tuple[list, list]:
    """One compound matplotlib path per group of areas (e.g. per fill colour) and the groups.

    All rings of a group are cut from one coordinate array at once (exteriors and holes wound
    opposite ways, so holes stay open and an enclave in a hole is filled): a national map draws
    ten paths rather than a patch per polygon.
    """
    from matplotlib.path import Path

    oriented = shapely.orient_polygons(np.asarray(geometries, dtype=object))
    _, coords, offsets = shapely.to_ragged_array(oriented, include_z=False)
    rings = offsets[0]
    starts = rings[offsets[1]] if len(offsets) == 2 else rings[offsets[1][offsets[2]]]
    codes = np.full(len(coords), Path.LINETO, dtype=Path.code_type)
    codes[rings[:-1]] = Path.MOVETO
    codes[rings[1:] - 1] = Path.CLOSEPOLY
    number, keys = pd.factorize(pd.Series(np.asarray(groups, dtype=object)), sort=False)
    order = np.argsort(np.repeat(number, np.diff(starts)), kind="stable")  # areas' order kept
    ends = np.cumsum(np.bincount(number, weights=np.diff(starts), minlength=len(keys)).astype(np.int64))
    paths = [Path(coords[order[a:b]], codes[order[a:b]]) for a, b in zip([0, *ends[:-1]], ends, strict=True)]
    return paths, list(keys)


def _draw_areas(ax, geometries, colours, *, zorder: float = 1, edges: str | None = None, **style) -> None:
    """Add the areas to ``ax`` filled with ``colours`` (one per area, or one for all; "none" for
    no fill), one compound path per colour; ``edges`` "face" strokes each in its fill colour."""
    from matplotlib.collections import PathCollection

    colours = np.broadcast_to(np.asarray(colours, dtype=object), (len(geometries),))
    paths, keys = _paths(geometries, colours)
    if edges == "face":
        style["edgecolors"] = keys
    collection = PathCollection(paths, facecolors=keys, zorder=zorder, **style)
    ax.add_collection(collection, autolim=True)


def _draw_scale_bar(ax, lang: str) -> None:
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    length = _nice_length(x1 - x0)
    left, bottom = x0 + 0.04 * (x1 - x0), y0 + 0.05 * (y1 - y0)
    height = 0.012 * (y1 - y0)
    half = length / 2
    from matplotlib.patches import Rectangle

    ax.add_patch(Rectangle((left, bottom), half, height, facecolor="black", edgecolor="black", zorder=5))
    ax.add_patch(
        Rectangle((left + half, bottom), half, height, facecolor="white", edgecolor="black", zorder=5)
    )
    km = length / 1000
    unit = f"{i18n.fmt_num(km, lang, 0 if km >= 1 else 1)} km"
    style = {"fontsize": 8, "ha": "center", "va": "bottom", "zorder": 6}
    ax.text(left, bottom + height * 1.6, "0", **style)
    ax.text(left + length, bottom + height * 1.6, unit, **style)


def _draw_north_arrow(ax, lang: str) -> None:
    ax.annotate(
        i18n.t("export.map.north", lang),
        xy=(0.95, 0.95),
        xytext=(0.95, 0.84),
        xycoords="axes fraction",
        ha="center",
        va="center",
        fontsize=12,
        fontweight="bold",
        arrowprops={"facecolor": "black", "width": 4, "headwidth": 12, "headlength": 10},
        zorder=6,
    )


def render_map(
    areas: gpd.GeoDataFrame,
    values: pd.Series,
    *,
    title: str,
    lang: str = i18n.DEFAULT_LANGUAGE,
    hidden: pd.Series | None = None,
    threshold: int = 5,
    bins: Sequence[float] | None = None,
    colours: Sequence[str] | None = None,
    k: int = 5,
    scheme: str = "quantiles",
    digits: int = 0,
    legend_title: str = "",
    source: str = "",
    as_of: date | None = None,
    size: tuple[int, int] = (1600, 900),
    dpi: int = 150,
    label_areas: bool | None = None,
    outlines: gpd.GeoDataFrame | None = None,
    categories: Sequence[tuple[str, str, str]] | None = None,
    points: pd.DataFrame | None = None,
    points_title: str = "",
) -> bytes:
    """Render a choropleth of ``values`` (indexed by area code) over ``areas`` as PNG bytes.

    Parameters
    ----------
    areas
        ``code``, ``name``, ``geometry`` (EPSG:4326), e.g. ``Store.read_areas(..., display=...)``.
    values
        One number per area code; missing means *no data* (drawn grey, not as zero).
    hidden
        True for areas whose value is hidden by small-count protection (drawn in their own
        colour with a ``"<5"`` legend entry, never in a value class).
    bins, colours
        Upper class limits and their colours, to match the interactive map; computed by
        ``scheme`` (see :data:`geo.classify.SCHEMES`) with ``k`` classes when not given.
    size
        Width and height of the image in pixels.
    outlines
        Boundaries drawn as lines over the areas (e.g. the provinces of a national village map).
    categories
        A map of classes instead of numbers: ``(value, colour, legend text)`` per class, in legend
        order; ``values`` then holds each area's class value (missing: no data).
    points
        Markers over the map: ``lon, lat, colour, label`` (EPSG:4326; one legend entry per label,
        under ``points_title``), e.g. service points and proposed sites.
    """
    if not isinstance(areas, gpd.GeoDataFrame):
        raise TypeError(f"'areas' should be a GeoDataFrame, got {type(areas)}")
    if areas.crs is None:
        raise ValueError("'areas' has no CRS; boundaries are stored in EPSG:4326")
    areas = areas[areas.geometry.notna() & ~areas.geometry.is_empty]
    if areas.empty:
        raise ValueError("there are no polygons to draw for this area")
    width, height = size
    if width < 200 or height < 150:
        raise ValueError(f"image size must be at least 200×150 pixels, got {width}×{height}")

    minx, _, maxx, _ = areas.total_bounds
    crs = areas.estimate_utm_crs() if maxx - minx <= WIDE_DEGREES else WIDE_CRS
    projected = areas.to_crs(crs)
    frame = projected[["code", "name", "geometry"]].copy()
    frame["value"] = pd.to_numeric(frame["code"].map(values), errors="coerce")
    frame["hidden"] = frame["code"].map(hidden).fillna(False).astype(bool) if hidden is not None else False
    frame.loc[frame["hidden"], "value"] = np.nan

    if categories is not None:
        classes = None
        colour_of = {value: colour for value, colour, _ in categories}
        frame["value"] = frame["code"].map(values)
        fill = np.asarray([colour_of.get(v, NO_DATA_COLOUR) for v in frame["value"]], dtype=object)
        frame["value"] = frame["value"].where(frame["value"].isin(colour_of), np.nan)
    else:
        classes = classify(frame["value"], scheme, k, limits=bins, colours=colours)
        fill = np.where(frame["hidden"], HIDDEN_COLOUR, np.asarray(classes.fill(), dtype=object))

    plt = pyplot()
    from matplotlib import patheffects
    from matplotlib.patches import Patch

    fig = plt.figure(figsize=(width / dpi, height / dpi), dpi=dpi)
    try:
        fig.patch.set_facecolor("white")
        ax = fig.add_axes((0.02, 0.1, 0.70, 0.78))
        geometries = frame.geometry.to_numpy()
        if len(frame) > MANY_AREAS:  # areas under a pixel: edges in their own colour (no seams)
            _draw_areas(ax, geometries, fill, edges="face", linewidths=0.15)
        else:
            _draw_areas(
                ax, geometries, fill, edgecolors="#555555", linewidths=0.25 if len(frame) > 60 else 0.6
            )
        no_data = (frame["value"].isna() & ~frame["hidden"]).to_numpy()
        if no_data.any():
            _draw_areas(ax, geometries[no_data], "none", edgecolors="#9a9a9a", hatch="///", linewidths=0)
        if outlines is not None and len(outlines):
            lines = outlines.to_crs(crs).geometry.to_numpy()
            _draw_areas(ax, lines, "none", zorder=2, edgecolors="#333333", linewidths=0.5)
        point_handles = []
        if points is not None and len(points):
            from matplotlib.lines import Line2D

            where = gpd.GeoSeries(gpd.points_from_xy(points["lon"], points["lat"]), crs=4326).to_crs(crs)
            for (colour, label), part in points.assign(_x=where.x.to_numpy(), _y=where.y.to_numpy()).groupby(
                ["colour", "label"], sort=False
            ):
                ax.scatter(
                    part["_x"], part["_y"], s=46, c=colour, edgecolors="white", linewidths=0.9, zorder=4
                )
                point_handles.append(
                    Line2D([], [], marker="o", linestyle="", markersize=7, markerfacecolor=colour,
                           markeredgecolor="white", label=label)
                )  # fmt: skip
        ax.autoscale_view()
        ax.set_axis_off()
        ax.set_aspect("equal")
        if label_areas if label_areas is not None else len(frame) <= 30:
            points = frame.geometry.representative_point()
            halo = [patheffects.withStroke(linewidth=2, foreground="white")]
            for point, name in zip(points, frame["name"], strict=True):
                ax.text(
                    point.x,
                    point.y,
                    str(name),
                    fontsize=6.5,
                    ha="center",
                    va="center",
                    color="#111111",
                    path_effects=halo,
                )
        _draw_scale_bar(ax, lang)
        _draw_north_arrow(ax, lang)

        fig.text(0.02, 0.95, title, fontsize=15, fontweight="bold", va="center", ha="left")
        if classes is None:  # a map of classes: each with its own legend text (no data among them)
            handles = [
                Patch(facecolor=colour, edgecolor="#555555", label=label) for _, colour, label in categories
            ]
        else:
            handles = [
                Patch(facecolor=c, edgecolor="#555555", label=label)
                for c, label in zip(classes.colours, classes.labels(lang, digits), strict=True)
            ]
            handles.append(
                Patch(
                    facecolor=NO_DATA_COLOUR,
                    edgecolor="#9a9a9a",
                    hatch="///",
                    label=i18n.t("export.map.no_data", lang),
                )
            )
        if frame["hidden"].any():
            handles.append(
                Patch(facecolor=HIDDEN_COLOUR, edgecolor="#555555", label=i18n.t("export.map.hidden", lang))
            )
        fig.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(0.74, 0.86),
            frameon=False,
            title=textwrap.fill(legend_title, 32) if legend_title else None,
            fontsize=9,
            title_fontsize=10,
            alignment="left",
        )
        if point_handles:
            fig.legend(
                handles=point_handles,
                loc="lower left",
                bbox_to_anchor=(0.74, 0.12),
                frameon=False,
                title=points_title or None,
                fontsize=9,
                title_fontsize=10,
                alignment="left",
            )
        footer = i18n.t(
            "export.map.footer",
            lang,
            source=source or "–",
            date=i18n.fmt_date(as_of or date.today(), lang),
            max=threshold - 1,
            label=hidden_label(threshold),
        )
        chars = int(width * 0.95 / (7.5 * dpi / 72 * 0.55))  # ~0.55 em per character
        footer = textwrap.fill(footer, width=max(chars, 40), max_lines=3, placeholder=" …")
        fig.text(0.02, 0.02, footer, fontsize=7.5, color="#444444", ha="left", va="bottom")
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=dpi)
    finally:
        plt.close(fig)
    return buf.getvalue()


def view_map(view, size: tuple[int, int], source: str | None = None) -> bytes:
    """The map picture of an export view (``exports.view.ExportView``): the one the slides, the
    brief and the benchmark draw. ``source`` defaults to the view's sources."""
    return render_map(
        view.map_areas,
        view.map_values,
        title=view.map_title,
        lang=view.lang,
        hidden=view.map_hidden,
        threshold=view.threshold,
        bins=view.bins,
        colours=view.colours,
        legend_title=view.legend_title,
        source=source if source is not None else ", ".join(view.sources),
        as_of=view.as_of,
        outlines=view.map_outlines,
        size=size,
    )
