"""The journey's flows as pictures for the slides and the brief (matplotlib, offline): a Sankey
of each protected flow table and a flow map from the areas of origin to the countries.

Only the flows an export shows are drawn: a hidden flow (``<5`` or ``x``) has no band or line,
its node says its total as the table does, and the note says so.
"""

from __future__ import annotations

import io

import numpy as np
import pandas as pd

import i18n
from exports.journey import FlowData
from exports.static_map import pyplot
from geo.charts import PALETTE
from geo.flows import NOT_RECORDED, OTHER, flow_lines
from geo.journey_charts import REASON_COLOURS

__all__ = ["sankey_png", "flow_map_png"]

GREY = "#bdbdbd"


def _colour(key: str, i: int) -> str:
    if key in REASON_COLOURS:
        return REASON_COLOURS[key]
    if key in (OTHER, NOT_RECORDED):
        return GREY
    return PALETTE[i % len(PALETTE)]


def _figure(size: tuple[int, int], dpi: int):
    plt = pyplot()
    return plt, plt.figure(figsize=(size[0] / dpi, size[1] / dpi), dpi=dpi)


def _save(plt, fig, dpi: int) -> bytes:
    buf = io.BytesIO()
    try:
        fig.savefig(buf, format="png", dpi=dpi)
    finally:
        plt.close(fig)
    return buf.getvalue()


def sankey_png(
    flow: FlowData, lang: str, *, size: tuple[int, int] = (1600, 900), dpi: int = 150, note: str = ""
) -> bytes:
    """PNG of ``flow`` as a Sankey: origins on the left, destinations on the right, each node
    labelled with its protected total; bands coloured by origin (by reason for returns)."""
    from matplotlib.patches import Polygon, Rectangle

    links = flow.links()
    shown = links[~links["hidden"]]
    left, right = flow.origins, flow.destinations
    out_sum = shown.groupby("origin")["value"].sum().reindex(left).fillna(0.0)
    in_sum = shown.groupby("destination")["value"].sum().reindex(right).fillna(0.0)
    gap = 0.025
    scale = (1.0 - gap * (max(len(left), len(right)) - 1)) / max(out_sum.sum(), in_sum.sum(), 1.0)

    def stack(sums: pd.Series) -> dict[str, float]:
        pos, tops = 1.0, {}
        for key, value in sums.items():
            tops[key] = pos
            pos -= value * scale + gap
        return tops

    top_left, top_right = stack(out_sum), stack(in_sum)
    # countries keep one colour on every picture: their place among the table's countries
    colours = {key: _colour(key, i) for i, key in enumerate(right)}
    colours.update({key: _colour(key, len(right) + i) for i, key in enumerate(left)})
    by_reason = any(key in REASON_COLOURS for key in right)
    plt, fig = _figure(size, dpi)
    ax = fig.add_axes((0.27, 0.1, 0.46, 0.76))
    ax.set_xlim(0, 1)
    ax.set_ylim(-0.02, 1.02)
    ax.axis("off")
    x0, x1, bar = 0.0, 1.0, 0.03
    cursor_left, cursor_right = dict(top_left), dict(top_right)
    t = np.linspace(0, 1, 40)
    ease = t * t * (3 - 2 * t)
    # each node's bands stacked in the order of the other side's nodes: fewest crossings
    order_left, order_right = {k: i for i, k in enumerate(left)}, {k: i for i, k in enumerate(right)}
    shown = shown.assign(_o=shown["origin"].map(order_left), _d=shown["destination"].map(order_right))
    for link in shown.sort_values(["_o", "_d"]).itertuples(index=False):
        height = link.value * scale
        y0, y1 = cursor_left[link.origin], cursor_right[link.destination]
        cursor_left[link.origin] -= height
        cursor_right[link.destination] -= height
        xs = x0 + bar + (x1 - x0 - 2 * bar) * t
        upper = y0 + (y1 - y0) * ease
        lower = upper - height
        band = np.r_[np.c_[xs, upper], np.c_[xs[::-1], lower[::-1]]]
        colour = colours[link.destination if by_reason else link.origin]
        ax.add_patch(Polygon(band, closed=True, facecolor=colour, alpha=0.45, edgecolor="none"))
    for side, tops, sums, x, ha, tx in (
        ("origin", top_left, out_sum, x0, "right", x0 - 0.015),
        ("destination", top_right, in_sum, x1 - bar, "left", x1 + 0.015),
    ):
        for key, top in tops.items():
            height = max(sums[key] * scale, 0.004)
            ax.add_patch(Rectangle((x, top - height), bar, height, facecolor=colours[key], edgecolor="none"))
            label = f"{flow.names.get(key, key)} ({flow.total_text(key, side, lang)})"
            ax.text(tx, top - height / 2, label, ha=ha, va="center", fontsize=11, clip_on=False)
    fig.text(0.02, 0.95, flow.title, fontsize=15, fontweight="bold", va="center")
    lines = [i18n.t("export.flows.hidden_note", lang)] if links["hidden"].any() else []
    if note:
        lines.append(note)
    if lines:
        fig.text(0.02, 0.02, " ".join(lines), fontsize=8, color="#444444", va="bottom")
    return _save(plt, fig, dpi)


def flow_map_png(
    flow: FlowData, lang: str, *, size: tuple[int, int] = (1600, 900), dpi: int = 150, note: str = ""
) -> bytes:
    """PNG of ``flow`` as a flow map: a curve from each area of origin to the capital of each
    country (or back, for returns), as wide as the flow, over Natural Earth outlines."""
    from geo.countries import outlines

    links = flow.links()
    shown = links[~links["hidden"]]
    towards = "origin" if flow.kind == "problem" else "destination"
    lines = flow_lines(shown[["origin", "destination", "value"]], flow.points, towards=towards)
    plt, fig = _figure(size, dpi)
    ax = fig.add_axes((0.02, 0.08, 0.96, 0.8))
    ax.set_facecolor("#dfeaf2")
    if lines.empty:
        ax.text(
            0.5, 0.5, i18n.t("export.map.no_data", lang), ha="center", va="center", transform=ax.transAxes
        )
        ax.set_xticks([])
        ax.set_yticks([])
    else:
        lon = np.concatenate([*lines["lon"], flow.points["lon"].to_numpy(dtype=float)])
        lat = np.concatenate([*lines["lat"], flow.points["lat"].to_numpy(dtype=float)])
        pad = 4.0
        box = [lon.min() - pad, lon.max() + pad, lat.min() - pad, lat.max() + pad]
        world = outlines()
        if len(world):
            world.cx[box[0] : box[1], box[2] : box[3]].plot(
                ax=ax, color="#f2f2f2", edgecolor=GREY, linewidth=0.5
            )
        country = "destination" if towards == "destination" else "origin"
        countries = flow.destinations if country == "destination" else flow.origins
        keys = [k for k in countries if k in set(lines[country])]
        colours = {k: _colour(k, countries.index(k)) for k in keys}
        top = float(lines["value"].max())
        for line in lines.itertuples(index=False):
            key = getattr(line, country)
            ax.plot(line.lon, line.lat, color=colours[key], linewidth=1.0 + 9.0 * line.value / top, alpha=0.75,
                    solid_capstyle="round")  # fmt: skip
        ax.scatter(flow.points["lon"], flow.points["lat"], s=12, color="#222222", zorder=3)
        handles = [
            plt.Line2D([0], [0], color=colours[k], linewidth=4, label=flow.names.get(k, k)) for k in keys
        ]
        ax.legend(handles=handles, loc="lower left", fontsize=9, frameon=True)
        ax.set_xlim(box[0], box[1])
        ax.set_ylim(box[2], box[3])
        ax.set_aspect("equal")
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_xlabel("")
        ax.set_ylabel("")  # geopandas names the axes in English (Geodetic longitude …)
    fig.text(0.02, 0.95, flow.title, fontsize=15, fontweight="bold", va="center")
    foot = [i18n.t("journey.flow_map.note", lang)]
    if links["hidden"].any():
        foot.append(i18n.t("export.flows.hidden_note", lang))
    if note:
        foot.append(note)
    fig.text(0.02, 0.02, " ".join(foot), fontsize=7, color="#444444", va="bottom", wrap=True)
    return _save(plt, fig, dpi)
