"""Plotly figure builders for the dashboard charts, with labels from the translation table.

Each builder takes a small tidy frame (from :mod:`geo.metrics`) and the interface language,
and returns a ``plotly.graph_objects.Figure``. Numbers use the language's separators
(``1.210,5`` in Indonesian). An empty frame gives a figure that says "no data".
"""

from __future__ import annotations

import html
from collections.abc import Mapping

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

import i18n
from geo.classify import CATEGORICAL
from geo.figures import category_names

__all__ = [
    "trend_figure",
    "bar_figure",
    "share_figure",
    "stacked_trend_figure",
    "empty_figure",
    "PALETTE",
]

#: Category colours of every chart (the qualitative palette of :mod:`geo.classify`).
PALETTE = list(CATEGORICAL)
HEIGHT = 320
#: Tick labels of a value axis: full numbers with the language's separators ("5.000", never
#: Plotly's default "5k" or an ungrouped "1000").
VALUE_TICKS = ",~f"
#: Slices of a donut smaller than this share of the whole are grouped as "other".
SMALL_SLICE = 0.05


def _unit_on_top(fig: go.Figure, value_label: str) -> go.Figure:
    """The value axis's title written across, above the axis, not up its side.

    A vertical title longer than the plot is tall (*Laporan non-prosedural* in a 320 px chart)
    is clipped by the plot's top; across the top it has the chart's whole width.
    """
    fig.update_yaxes(title_text="")
    fig.add_annotation(
        text=value_label,
        xref="paper",
        yref="paper",
        x=0,
        y=1.0,
        xanchor="left",
        yanchor="bottom",
        yshift=4,
        showarrow=False,
        font={"size": 11, "color": "#555"},
    )
    return fig


def _layout(fig: go.Figure, lang: str, title: str | None) -> go.Figure:
    fig.update_layout(
        title={"text": title or "", "x": 0, "font": {"size": 15}},
        separators=",." if lang == "id" else ".,",
        height=HEIGHT,
        margin={"l": 10, "r": 10, "t": 58 if title else 28, "b": 10},
        template="plotly_white",
        legend={"orientation": "h", "y": -0.2, "title": {"text": ""}},
        font={"family": "DejaVu Sans, Arial, sans-serif", "size": 12},
    )
    return fig


def _as_text(labels: pd.Series) -> pd.Series:
    """Category names (a file's destinations, sectors, channels) as plotly text: ``<``, ``>`` and
    ``&`` escaped, so plotly's own HTML (``<b>``, ``<br>``, ``<a href>``) in a value shows as written.

    >>> _as_text(pd.Series(["<b>Taiwan</b>", None])).tolist()
    ['&lt;b&gt;Taiwan&lt;/b&gt;', None]
    """
    return labels.map(lambda v: html.escape(v, quote=False) if isinstance(v, str) else v)


def empty_figure(lang: str, title: str | None = None, note: str | None = None) -> go.Figure:
    """A blank chart that says there is no data, or ``note`` (never an empty axis pretending to be
    zero, nor a whole donut of "not recorded")."""
    fig = go.Figure()
    fig.add_annotation(
        text=note or i18n.t("common.no_data", lang), showarrow=False, font={"size": 14, "color": "#666"}
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, lang, title)


def trend_figure(
    frame: pd.DataFrame, lang: str, value: str = "count", *, value_label: str, title: str | None = None
) -> go.Figure:
    """Totals per year as a line with markers (``frame``: ``year, value``)."""
    if frame.empty:
        return empty_figure(lang, title)
    if frame["year"].nunique() == 1:
        # one year is one bar on an axis of that year alone: a lone marker on a line chart sat on
        # an axis of two or three years, as if the others had been measured
        one = frame.assign(year=frame["year"].astype(int).astype(str))
        fig = px.bar(
            one,
            x="year",
            y=value,
            labels={"year": i18n.t("common.year", lang), value: value_label},
            color_discrete_sequence=PALETTE,
            text=value,
        )
        fig.update_traces(texttemplate="%{y:,.0f}", textposition="outside", cliponaxis=False, width=0.35)
        fig.update_xaxes(type="category")
        fig.update_yaxes(rangemode="tozero", tickformat=VALUE_TICKS, automargin=True)
        return _layout(_unit_on_top(fig, value_label), lang, title)
    fig = px.line(
        frame,
        x="year",
        y=value,
        markers=True,
        labels={"year": i18n.t("common.year", lang), value: value_label},
        color_discrete_sequence=PALETTE,
    )
    fig.update_xaxes(dtick=1, tickformat="d")
    fig.update_yaxes(rangemode="tozero", tickformat=VALUE_TICKS, automargin=True)
    return _layout(_unit_on_top(fig, value_label), lang, title)


def stacked_trend_figure(
    frame: pd.DataFrame,
    by: str,
    lang: str,
    value: str = "count",
    *,
    value_label: str,
    by_label: str,
    title: str | None = None,
    top: int = 6,
    names: Mapping[str, str] | None = None,
) -> go.Figure:
    """Totals per year split by ``by`` as stacked bars; beyond the ``top`` groups is "other"."""
    if frame.empty:
        return empty_figure(lang, title)
    data = frame.copy()
    totals = data.groupby(by)[value].sum().sort_values(ascending=False)
    keep = set(totals.index[:top])
    other = i18n.t("chart.other", lang)
    data[by] = _as_text(category_names(data[by], lang, names).where(data[by].isin(keep), other))
    data = data.groupby(["year", by], as_index=False)[value].sum()
    fig = px.bar(
        data,
        x="year",
        y=value,
        color=by,
        labels={"year": i18n.t("common.year", lang), value: value_label, by: by_label},
        color_discrete_sequence=PALETTE,
    )
    # the years on the axis speak for themselves; the legend takes the title's place
    fig.update_xaxes(dtick=1, tickformat="d", title_text="")
    fig.update_yaxes(tickformat=VALUE_TICKS, automargin=True)
    fig = _layout(_unit_on_top(fig, value_label), lang, title)
    # at the foot of the figure, not a fraction of the plot below it: in a narrow column a legend
    # of several rows shrinks the plot, and a fixed fraction then lands on the year labels
    fig.update_layout(legend={"yref": "container", "y": 0, "yanchor": "bottom"})
    return fig


def bar_figure(
    frame: pd.DataFrame,
    column: str,
    lang: str,
    value: str = "count",
    *,
    value_label: str,
    column_label: str,
    title: str | None = None,
    names: Mapping[str, str] | None = None,
) -> go.Figure:
    """Horizontal bars, largest on top (``frame``: ``column, value``); ``names`` relabels the bars."""
    if frame.empty:
        return empty_figure(lang, title)
    data = frame.copy()
    data[column] = _as_text(category_names(data[column], lang, names))
    data = data.sort_values(value, ascending=True)
    fig = px.bar(
        data,
        x=value,
        y=column,
        orientation="h",
        labels={column: column_label, value: value_label},
        color_discrete_sequence=PALETTE,
        text=value,
    )
    fig.update_traces(texttemplate="%{x:,.0f}", textposition="outside", cliponaxis=False)
    fig.update_yaxes(type="category")
    fig.update_xaxes(tickformat=VALUE_TICKS)
    top = float(pd.to_numeric(data[value], errors="coerce").max())
    if top > 0:
        fig.update_xaxes(range=[0, top * 1.18])  # room for the value labels
    return _layout(fig, lang, title)


def share_figure(
    frame: pd.DataFrame,
    column: str,
    lang: str,
    value: str = "count",
    *,
    title: str | None = None,
    names: Mapping[str, str] | None = None,
) -> go.Figure:
    """A donut of the parts of a whole (``frame``: ``column, value``)."""
    if frame.empty or float(pd.to_numeric(frame[value], errors="coerce").sum()) <= 0:
        return empty_figure(lang, title)
    data = frame.copy()
    data[value] = pd.to_numeric(data[value], errors="coerce").fillna(0)
    unrecorded = html.escape(i18n.t("common.not_recorded", lang), quote=False)
    data[column] = _as_text(category_names(data[column], lang, names))
    if (data.loc[data[value] > 0, column] == unrecorded).all():
        # nothing but "not recorded": a note, not a whole donut of "100 % not recorded"
        return empty_figure(lang, title, note=i18n.t("chart.none_recorded", lang))
    data = data.groupby(column, sort=False, as_index=False)[value].sum()
    data = data.sort_values(value, ascending=False, kind="stable")
    small = data[value] < SMALL_SLICE * data[value].sum()
    if small.sum() >= 2:  # one small slice stays itself; two or more become "other"
        other = pd.DataFrame({column: [i18n.t("chart.other", lang)], value: [data.loc[small, value].sum()]})
        data = pd.concat([data[~small], other], ignore_index=True)
    fig = px.pie(data, names=column, values=value, hole=0.5, color_discrete_sequence=PALETTE)
    # the hover names the slice and its count, never the frame's column names ("sector=", "count=")
    hover = "%{label}<br>%{value:,.0f} (%{percent:.1%})<extra></extra>"
    fig.update_traces(textinfo="percent", texttemplate="%{percent:.1%}", sort=False, hovertemplate=hover)
    return _layout(fig, lang, title)
