"""Laporan Non-Prosedural / Non-procedural reports: choropleth, Gi* hotspots, trends."""

import streamlit as st

import i18n
import ui
from geo import charts, hotspots, metrics
from geo.codes import Level
from ui import Keys, t
from ui import dashboard as dash

layers, reports = dash.layer_page("reports")
placements = layers.get("placements", dash.EMPTY)

with st.sidebar:
    years = dash.year_range_picker(metrics.years_of(reports), "reports.years")
    show_hot = st.toggle(t("reports.show_hotspots"), key=Keys.REPORTS_HOT)
    alpha = st.select_slider(
        t("reports.alpha"), hotspots.ALPHAS, value=0.05, key=Keys.REPORTS_ALPHA, disabled=not show_hot
    )
    kind = st.radio(
        t("reports.weights"),
        hotspots.WEIGHTS,
        format_func=lambda k: t(f"reports.weights.{k}"),
        key=Keys.REPORTS_KIND,
        disabled=not show_hot,
    )
measure = (
    st.segmented_control(
        t("measure.label"),
        ["count", "per_100"],
        format_func=lambda m: t(f"reports.measure.{m}"),
        default="count",
        key=Keys.REPORTS_MEASURE,
    )
    or "count"
)
area = dash.current_area()
filters = metrics.Filters(years=years)


def report_values(level, codes):
    counts = metrics.area_values(
        reports, metrics.filter_layer(reports, filters), level, codes=codes, scope=Level.REGENCY
    )
    if measure == "per_100":
        done = metrics.area_values(placements, metrics.filter_layer(placements, filters), level, codes=codes)
        return metrics.reports_per_100(counts, done)
    return counts


if show_hot:
    selected = dash.hotspot_map("reports.hotspots", years, kind, alpha, measure)
else:
    selected = dash.choropleth(
        "reports",
        report_values,
        label=dash.with_period(t(f"reports.measure.{measure}"), years),
        digits=1 if measure == "per_100" else 0,
    )
dash.about_note(["reports", "placements"] if measure == "per_100" else ["reports"], "reports.about")

rows = metrics.filter_layer(reports, filters, area)
lang = ui.lang()
c1, c2, c3 = st.columns([2, 2, 1.4], gap="medium")
with c1:
    st.plotly_chart(
        charts.stacked_trend_figure(
            metrics.trend(rows, by="channel"),
            "channel",
            lang,
            value_label=t("metric.reports"),
            by_label=t("dash.channel"),
            title=dash.with_period(t("reports.channels"), years),
        ),
        width="stretch",
    )
with c2:
    st.plotly_chart(
        charts.stacked_trend_figure(
            metrics.trend(rows, by="destination"),
            "destination",
            lang,
            value_label=t("metric.reports"),
            by_label=t("dash.destination"),
            title=dash.with_period(t("reports.destinations"), years),
        ),
        width="stretch",
    )
with c3:
    outcomes = metrics.top_values(rows, "outcome")
    st.plotly_chart(
        charts.share_figure(
            outcomes,
            "outcome",
            lang,
            title=dash.with_period(t("reports.outcomes"), years),
            names={o: t(f"outcome.{o}") for o in outcomes["outcome"] if f"outcome.{o}" in i18n.TABLE},
        ),
        width="stretch",
    )
dash.village_panel(selected, layers)
