"""Plotly figures of the journey page: the journey by year, the flows (Sankey and an offline flow
map) and the journey outside the procedure by channel. Labels come from the translation table.

The flow map draws longitude and latitude on plain axes (never ``scattergeo``, whose country
shapes plotly.js fetches from a web server): the countries' outlines come from
:func:`geo.countries.outlines` (a file of an installed package), the lines from
:func:`geo.flows.flow_lines`.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go

import i18n
from geo.charts import PALETTE, VALUE_TICKS, _layout, _unit_on_top, empty_figure
from geo.countries import country_name, outlines
from geo.flows import NOT_RECORDED, OTHER
from geo.journey import NOT_RECORDED as REASON_NONE
from geo.journey import NP_RETURNS_CHANNEL
from geo.layers import RETURN_REASONS

__all__ = [
    "REASON_COLOURS",
    "STAGE_COLOURS",
    "reason_label",
    "place_label",
    "journey_year_figure",
    "sankey_figure",
    "flow_map_figure",
    "channel_figure",
]

#: One colour per reason of return (end of contract calm, the problem reasons warm), on every
#: chart, slide and map of the journey.
REASON_COLOURS = {
    "END_OF_CONTRACT": "#66a61e",
    "DEPORTED": "#d95f02",
    "PROBLEM": "#e7298a",
    "SICK": "#7570b3",
    "DIED": "#3d3d3d",
    "OTHER": "#a6a6a6",
    REASON_NONE: "#d9d9d9",
}
STAGE_COLOURS = {"left": "#2b8cbe", "non_procedural": "#b2182b"}
FLOW_HEIGHT = 460


def reason_label(reason: str, lang: str) -> str:
    """A reason of return (or ``none``) in the reader's language."""
    return i18n.t(f"reason.{reason}", lang) if f"reason.{reason}" in i18n.TABLE else str(reason)


def place_label(value: str, lang: str, names: Mapping[str, str] | None = None) -> str:
    """A flow's end in words: an area's name, a country in the reader's language, a reason,
    "other countries" or "not recorded"."""
    if value == OTHER:
        return i18n.t("flows.other", lang)
    if value == NOT_RECORDED:
        return i18n.t("common.not_recorded", lang)
    if names and value in names:
        return names[value]
    if value in REASON_COLOURS:
        return reason_label(value, lang)
    return country_name(value, lang)


def journey_year_figure(frame: pd.DataFrame, lang: str, *, title: str | None = None) -> go.Figure:
    """Per year, three bars side by side: left (placements), returned (stacked by reason) and
    non-procedural departures (reports' persons). ``frame``: :func:`geo.journey.journey_by_year`."""
    if frame.empty:
        return empty_figure(lang, title)
    fig = go.Figure()
    fmt = "%{y:,.0f}"
    left = frame[frame["stage"] == "left"]
    if not left.empty:
        fig.add_bar(
            x=left["year"], y=left["persons"], name=i18n.t("journey.stage.left", lang), offsetgroup="left",
            marker_color=STAGE_COLOURS["left"], hovertemplate=fmt,
        )  # fmt: skip
    back = frame[frame["stage"] == "returned"]
    for reason in (*RETURN_REASONS, REASON_NONE):
        part = back[back["part"] == reason]
        if part.empty:
            continue
        fig.add_bar(
            x=part["year"], y=part["persons"], offsetgroup="returned", legendgroup="returned",
            name=i18n.t("journey.stage.returned", lang) + ": " + reason_label(reason, lang),
            marker_color=REASON_COLOURS[reason], hovertemplate=fmt,
        )  # fmt: skip
    np_rows = frame[frame["stage"] == "non_procedural"]
    if not np_rows.empty:
        fig.add_bar(
            x=np_rows["year"], y=np_rows["persons"], name=i18n.t("journey.stage.non_procedural", lang),
            offsetgroup="np", marker_color=STAGE_COLOURS["non_procedural"], hovertemplate=fmt,
        )  # fmt: skip
    fig.update_layout(barmode="relative")
    fig.update_xaxes(dtick=1, tickformat="d", title_text="")
    fig.update_yaxes(tickformat=VALUE_TICKS, rangemode="tozero", automargin=True)
    fig = _layout(_unit_on_top(fig, i18n.t("journey.persons", lang)), lang, title)
    fig.update_layout(height=460, legend={"yref": "container", "y": 0, "yanchor": "bottom"})
    return fig


def sankey_figure(
    flows: pd.DataFrame,
    lang: str,
    *,
    names: Mapping[str, str] | None = None,
    title: str | None = None,
    colours: Mapping[str, str] | None = None,
) -> go.Figure:
    """A Sankey of ``flows`` (``origin, destination, value``) that reads at a meeting: large
    labels with each node's total, the flows in the colour of their destination (``colours``)
    or of their origin."""
    if flows.empty:
        return empty_figure(lang, title)
    left = list(dict.fromkeys(flows["origin"]))
    right = list(dict.fromkeys(flows["destination"]))
    nodes = [("o", v) for v in left] + [("d", v) for v in right]
    index = {node: i for i, node in enumerate(nodes)}
    totals = {
        **{("o", k): v for k, v in flows.groupby("origin")["value"].sum().items()},
        **{("d", k): v for k, v in flows.groupby("destination")["value"].sum().items()},
    }
    labels = [f"{place_label(v, lang, names)} ({i18n.fmt_int(totals[(s, v)], lang)})" for s, v in nodes]

    def colour(side: str, value: str, i: int) -> str:
        if colours and value in colours:
            return colours[value]
        if value in (OTHER, NOT_RECORDED):
            return "#bdbdbd"
        return PALETTE[i % len(PALETTE)]

    node_colours = [colour(s, v, i) for i, (s, v) in enumerate(nodes)]
    by_destination = bool(colours) and any(v in colours for v in right)
    link_colours = [
        _fade(node_colours[index[("d", d)] if by_destination else index[("o", o)]])
        for o, d in zip(flows["origin"], flows["destination"], strict=True)
    ]
    fig = go.Figure(
        go.Sankey(
            arrangement="snap",
            valueformat=",.0f",
            textfont={"color": "#111111", "size": 14},
            node={"label": labels, "color": node_colours, "pad": 14, "thickness": 18, "line": {"width": 0}},
            link={
                "source": [index[("o", v)] for v in flows["origin"]],
                "target": [index[("d", v)] for v in flows["destination"]],
                "value": flows["value"].astype(float).tolist(),
                "color": link_colours,
            },
        )
    )
    fig = _layout(fig, lang, title)
    fig.update_layout(height=max(FLOW_HEIGHT, 26 * max(len(left), len(right))), font={"size": 14})
    return fig


def _fade(colour: str, alpha: float = 0.45) -> str:
    colour = colour.lstrip("#")
    r, g, b = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def flow_map_figure(
    lines: pd.DataFrame,
    origins: pd.DataFrame,
    lang: str,
    *,
    names: Mapping[str, str] | None = None,
    title: str | None = None,
    colours: Mapping[str, str] | None = None,
    colour_by: str = "destination",
) -> go.Figure:
    """Origin → destination lines (:func:`geo.flows.flow_lines`) on longitude/latitude axes, line
    width by the number of workers, over country outlines from an installed package; the
    origins (``code, lon, lat``) as dots. Nothing is fetched from the network."""
    if lines.empty:
        return empty_figure(lang, title)
    fig = go.Figure()
    lon = np.concatenate([*lines["lon"], origins["lon"].to_numpy(dtype=float)])
    lat = np.concatenate([*lines["lat"], origins["lat"].to_numpy(dtype=float)])
    pad = 4.0
    box = (lon.min() - pad, lat.min() - pad, lon.max() + pad, lat.max() + pad)
    world = outlines()
    if len(world):
        xs, ys = _outline_path(world.cx[box[0] : box[2], box[1] : box[3]].geometry)
        fig.add_scatter(
            x=xs, y=ys, mode="lines", fill="toself", fillcolor="#f2f2f2", line={"color": "#bdbdbd", "width": 0.6},
            hoverinfo="skip", showlegend=False,
        )  # fmt: skip
    top = float(lines["value"].max())
    seen: set[str] = set()
    for i, line in enumerate(lines.itertuples(index=False)):
        key = getattr(line, colour_by)
        colour = (colours or {}).get(key, PALETTE[i % len(PALETTE)])
        label = f"{place_label(line.origin, lang, names)} → {place_label(line.destination, lang, names)}"
        fig.add_scatter(
            x=line.lon, y=line.lat, mode="lines", line={"color": colour, "width": 1.5 + 10 * line.value / top},
            opacity=0.75, name=place_label(key, lang, names), legendgroup=str(key), showlegend=key not in seen,
            hovertemplate=f"{label}: {i18n.fmt_int(line.value, lang)}<extra></extra>",
        )  # fmt: skip
        seen.add(key)
    fig.add_scatter(
        x=origins["lon"], y=origins["lat"], mode="markers", marker={"size": 7, "color": "#222"},
        text=[(names or {}).get(c, c) for c in origins["code"]], hoverinfo="text", showlegend=False,
    )  # fmt: skip
    fig.update_xaxes(visible=False, range=[box[0], box[2]])
    fig.update_yaxes(visible=False, range=[box[1], box[3]], scaleanchor="x", scaleratio=1)
    fig = _layout(fig, lang, title)
    fig.update_layout(height=FLOW_HEIGHT, plot_bgcolor="#dfeaf2", legend={"y": -0.05})
    return fig


def _outline_path(geometries) -> tuple[list, list]:
    """Every exterior ring of ``geometries`` as one path, rings separated by ``None``."""
    xs: list = []
    ys: list = []
    for geom in geometries:
        polygons = getattr(geom, "geoms", [geom])
        for polygon in polygons:
            x, y = polygon.exterior.coords.xy
            xs += [*x, None]
            ys += [*y, None]
    return xs, ys


def channel_figure(
    channels: pd.DataFrame,
    share: pd.DataFrame,
    lang: str,
    *,
    names: Mapping[str, str] | None = None,
    title: str | None = None,
    top: int = 6,
) -> go.Figure:
    """Persons outside the procedure per year, stacked by channel (visa type, broker, and the
    non-procedural returns), with the share of the journey outside the procedure as a line on a
    second axis (compared with placements). ``channels``: ``year, channel, persons``;
    ``share``: ``year, value`` (:func:`geo.figures.figure_by_year`)."""
    if channels.empty:
        return empty_figure(lang, title)
    data = channels.copy()
    totals = data[data["channel"] != NP_RETURNS_CHANNEL].groupby("channel")["persons"].sum()
    keep = set(totals.sort_values(ascending=False).index[:top]) | {NP_RETURNS_CHANNEL}
    other = i18n.t("chart.other", lang)
    label = {
        NP_RETURNS_CHANNEL: i18n.t("journey.np_returns_channel", lang),
        "–": i18n.t("common.not_recorded", lang),
    }
    data["label"] = data["channel"].map(
        lambda c: label.get(c, (names or {}).get(c, c)) if c in keep else other
    )
    data = data.groupby(["year", "label"], as_index=False, sort=False)["persons"].sum()
    fig = go.Figure()
    for i, (name, part) in enumerate(data.groupby("label", sort=False)):
        colour = (
            STAGE_COLOURS["non_procedural"]
            if name == label[NP_RETURNS_CHANNEL]
            else PALETTE[i % len(PALETTE)]
        )
        fig.add_bar(
            x=part["year"], y=part["persons"], name=name, marker_color=colour, hovertemplate="%{y:,.0f}"
        )
    if not share.empty:
        fig.add_scatter(
            x=share["year"], y=share["value"], yaxis="y2", mode="lines+markers", line={"color": "#222", "width": 2},
            name=i18n.t("figure.non_procedural_share", lang), hovertemplate="%{y:.1%}",
        )  # fmt: skip
    fig.update_layout(
        barmode="stack",
        yaxis2={
            "overlaying": "y",
            "side": "right",
            "tickformat": ".0%",
            "rangemode": "tozero",
            "showgrid": False,
        },
    )
    fig.update_xaxes(dtick=1, tickformat="d", title_text="")
    fig.update_yaxes(tickformat=VALUE_TICKS, rangemode="tozero", automargin=True, selector={"anchor": "x"})
    fig = _layout(_unit_on_top(fig, i18n.t("journey.persons", lang)), lang, title)
    fig.update_layout(height=360, legend={"yref": "container", "y": 0, "yanchor": "bottom"})
    return fig
