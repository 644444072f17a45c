"""Ringkasan / Overview: headline figures for the chosen area and year, a map and the trends."""

import streamlit as st

import ui
from geo import figures, metrics
from ui import charts, reads, t
from ui import dashboard as dash

dash.page_head("overview")

layers = dash.load_layers()
placements = layers.get("placements", dash.EMPTY)
years = dash.layer_years(layers)
if not years:
    dash.no_layer("placements")
    st.stop()
area, year = dash.view_bar(years)

items = reads.headline_figures(area, year)
dash.headline_cards(items, year, area=area)
if "returns" in layers:  # the journey's own figures (placements is already above)
    st.caption(t("overview.journey"))
    journey = reads.headline_figures(area, year, tuple(figures.JOURNEY[1:]))
    dash.headline_cards(journey, year, per_row=4, key="atlas-cards-journey", named=False)
    items = [*items, *journey]
dash.coverage_notes(items, year, area)

st.subheader(t("overview.map_title", year=year))
selected = dash.choropleth(
    "overview",
    dash.area_values_of("count", "placements", metrics.Filters(years=(year, year)), "count"),
    label=dash.with_period(t("figure.placements"), year),
)
dash.about_note(["placements"], "overview.about", year=year)
area = dash.current_area()
left, right = st.columns(2, gap="medium")
with left:
    scoped = metrics.in_area(placements, area)
    placements_trend = metrics.trend(scoped, area=area)
    st.plotly_chart(
        charts.trend_figure(
            placements_trend,
            ui.lang(),
            value_label=t("metric.placements"),
            title=dash.with_period(t("overview.trend"), metrics.years_of(placements_trend) or None),
        ),
        width="stretch",
    )
    dash.trend_note(scoped, "placements", area)
with right:
    reports = metrics.in_area(layers.get("reports", dash.EMPTY), area)
    reports_trend = metrics.trend(reports, area=area)
    st.plotly_chart(
        charts.trend_figure(
            reports_trend,
            ui.lang(),
            value_label=t("metric.reports"),
            title=dash.with_period(t("overview.reports_trend"), metrics.years_of(reports_trend) or None),
        ),
        width="stretch",
    )
    dash.trend_note(reports, "reports", area)
dash.village_panel(selected, layers)
