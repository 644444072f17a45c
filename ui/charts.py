"""The pages' charts, built once per distinct input and shared by every session.

Building a plotly figure costs about 0.1 s of CPU (templates and validation), most of a page's
rerun; the figure depends only on the small aggregated frame and the texts it is given, so it is
kept (``st.cache_resource``: the same object, never modified: ``st.plotly_chart`` only reads it).
"""

from __future__ import annotations

from collections.abc import Callable

import plotly.graph_objects as go
import streamlit as st

from geo import charts, journey_charts

__all__ = [
    "trend_figure",
    "stacked_trend_figure",
    "bar_figure",
    "share_figure",
    "empty_figure",
    "journey_year_figure",
    "sankey_figure",
    "flow_map_figure",
    "channel_figure",
]

#: Distinct figures kept per builder (a page draws up to four; filters and years multiply them).
KEPT = 256


def _kept(build: Callable[..., go.Figure]) -> Callable[..., go.Figure]:
    return st.cache_resource(max_entries=KEPT, show_spinner=False)(build)


trend_figure = _kept(charts.trend_figure)
stacked_trend_figure = _kept(charts.stacked_trend_figure)
bar_figure = _kept(charts.bar_figure)
share_figure = _kept(charts.share_figure)
empty_figure = _kept(charts.empty_figure)
journey_year_figure = _kept(journey_charts.journey_year_figure)
sankey_figure = _kept(journey_charts.sankey_figure)
# the flow map is not kept: its lines hold arrays, which the cache cannot hash
flow_map_figure = journey_charts.flow_map_figure
channel_figure = _kept(journey_charts.channel_figure)
