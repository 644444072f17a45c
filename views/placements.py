"""Penempatan / Placements: choropleth of count, rate, share of women or change; filters; charts."""

import streamlit as st

import ui
from geo import metrics
from geo.codes import Level
from ui import Keys, charts, controls, reads, t
from ui import dashboard as dash

layers, placements = dash.layer_page("placements")
population = layers.get("population", dash.EMPTY)
years = metrics.years_of(placements)

area, period = dash.view_bar(years, period=True)
with st.sidebar:
    filters = dash.with_years(dash.placement_filters(placements, "placements"), period)

measure = controls.bound(
    st.segmented_control,
    Keys.PLACEMENTS_MEASURE,
    "measure",
    "count",
    options=list(metrics.MEASURES),
    value_arg="default",
    label=t("measure.label"),
    format_func=lambda m: t(f"measure.{m}"),
)
year_a = year_b = None
if measure == "per_1000" and population.empty:
    st.info(t("measure.no_population"))
if measure == "change":
    col_a, col_b, _ = st.columns([1, 1, 3])
    year_a = controls.bound(
        col_a.selectbox,
        Keys.PLACEMENTS_YEAR_A,
        "from",
        years[max(0, len(years) - 2)],
        options=years,
        value_arg="index",
        label=t("dash.year_a"),
    )
    year_b = controls.bound(
        col_b.selectbox,
        Keys.PLACEMENTS_YEAR_B,
        "to",
        years[-1],
        options=years,
        value_arg="index",
        label=t("dash.year_b"),
    )

selected = dash.choropleth(
    "placements",
    dash.area_values_of("placements", measure, filters, year_a, year_b),
    label=(
        t(f"measure.{measure}") + f" {year_a} → {year_b}"
        if measure == "change"
        else dash.with_period(t(f"measure.{measure}"), filters.years)
    ),
    share=measure == "share_women",
    diverging=measure == "change",
    digits=1 if measure == "per_1000" else 0,
)
if measure == "change" and year_a is not None and year_b is not None:
    # both maps over common ground: the areas covered in both years (others read no data)
    common = metrics.compared(placements, [year_a, year_b])
    dash.comparison_note(placements, "placements", [year_a, year_b], area)
    dash.side_by_side(
        "placements.compare",
        {
            year: (
                lambda level, codes, y=year: metrics.measure_values(
                    "count",
                    common,
                    level,
                    dash.with_years(filters, (y, y)),
                    codes,
                )
            )
            for year in (year_a, year_b)
        },
        label=t("measure.count"),
    )
dash.about_note(["placements", "population"] if measure == "per_1000" else ["placements"], "placements.about")

rows = metrics.filter_layer(placements, filters, area)
trend_rows = metrics.filter_layer(placements, metrics.every_year(filters), area)
lang = ui.lang()
left, right = st.columns(2, gap="medium")
with left:
    placements_trend = reads.layer_trend("placements", metrics.every_year(filters), area)
    st.plotly_chart(
        charts.trend_figure(
            placements_trend,
            lang,
            value_label=t("metric.placements"),
            title=dash.with_period(t("placements.trend"), metrics.years_of(placements_trend) or None),
        ),
        width="stretch",
    )
    dash.trend_note(trend_rows, "placements", area)
    st.plotly_chart(
        charts.share_figure(
            metrics.top_values(rows, "sector", n=1000),
            "sector",
            lang,
            title=dash.with_period(t("placements.sectors"), filters.years),
        ),
        width="stretch",
    )
    if metrics.recorded(placements, "agency"):
        st.plotly_chart(
            charts.bar_figure(
                metrics.top_values(rows, "agency", n=8),
                "agency",
                lang,
                value_label=t("metric.placements"),
                column_label=t("dash.agency"),
                title=dash.with_period(t("placements.agencies"), filters.years),
            ),
            width="stretch",
        )
    else:  # not recorded is not none: no chart of zeros
        st.caption(t("placements.agencies_none"))
with right:
    st.plotly_chart(
        charts.bar_figure(
            metrics.top_values(rows, "destination", n=8),
            "destination",
            lang,
            value_label=t("metric.placements"),
            column_label=t("dash.destination"),
            title=dash.with_period(t("placements.destinations"), filters.years),
        ),
        width="stretch",
    )
    top_villages = metrics.top_values(rows, "village", n=10)
    st.plotly_chart(
        charts.bar_figure(
            top_villages,
            "village",
            lang,
            value_label=t("metric.placements"),
            column_label=t("dash.village"),
            title=dash.with_period(t("placements.top_villages"), filters.years),
            names=dash.names_of(top_villages["village"], Level.VILLAGE, area),
        ),
        width="stretch",
    )
dash.village_panel(selected, layers)
