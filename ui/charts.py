"""The pages' charts, built once per distinct input and shared by every session.

Building a plotly figure costs about 0.1 s of CPU (templates and validation), most of a page's
rerun; the figure depends only on the small aggregated frame and the texts it is given, so it is
kept (``st.cache_resource``: the same object, never modified: ``st.plotly_chart`` only reads it).
"""

from __future__ import annotations

from collections.abc import Callable

import plotly.graph_objects as go
import streamlit as st

from geo import charts

__all__ = ["trend_figure", "stacked_trend_figure", "bar_figure", "share_figure", "empty_figure"]

#: Distinct figures kept per builder (a page draws up to four; filters and years multiply them).
KEPT = 256


def _kept(build: Callable[..., go.Figure]) -> Callable[..., go.Figure]:
    return st.cache_resource(max_entries=KEPT, show_spinner=False)(build)


trend_figure = _kept(charts.trend_figure)
stacked_trend_figure = _kept(charts.stacked_trend_figure)
bar_figure = _kept(charts.bar_figure)
share_figure = _kept(charts.share_figure)
empty_figure = _kept(charts.empty_figure)
