"""Usaha Purna / Returnee enterprises: map and charts by type, members and KUR credit."""

import streamlit as st

import ui
from geo import metrics
from ui import Keys, charts, controls, t
from ui import dashboard as dash

layers, enterprises = dash.layer_page("enterprises")

years = sorted(set(dash.layer_years(layers)) | set(metrics.years_of(enterprises, "start_year")))
area, year = dash.view_bar(years)
measure = controls.bound(
    st.segmented_control,
    Keys.ENTERPRISES_MEASURE,
    "measure",
    "count",
    options=["count", "members"],
    value_arg="default",
    label=t("measure.label"),
    format_func=lambda m: t(f"enterprises.measure.{m}"),
)
founded = metrics.started_by(enterprises, year)

selected = dash.choropleth(
    "enterprises",
    dash.area_values_of("started", "enterprises", year, measure),
    label=dash.with_period(t(f"enterprises.measure.{measure}"), year),
)
dash.about_note(["enterprises"], "enterprises.about")

rows = metrics.in_area(founded, area)
lang = ui.lang()
c1, c2, c3 = st.columns(3, gap="medium")
with c1:
    st.plotly_chart(
        charts.bar_figure(
            metrics.top_values(rows, "enterprise_type", n=8),
            "enterprise_type",
            lang,
            value_label=t("enterprises.measure.count"),
            column_label=t("panel.type"),
            title=dash.with_period(t("enterprises.types"), year),
        ),
        width="stretch",
    )
with c2:
    st.plotly_chart(
        charts.bar_figure(
            metrics.top_values(rows, "enterprise_type", "members", n=8),
            "enterprise_type",
            lang,
            value="members",
            value_label=t("dash.members"),
            column_label=t("panel.type"),
            title=dash.with_period(t("enterprises.members_by_type"), year),
        ),
        width="stretch",
    )
with c3:
    kur = metrics.top_values(rows, "kur_credit")
    st.plotly_chart(
        charts.share_figure(
            kur,
            "kur_credit",
            lang,
            title=dash.with_period(t("enterprises.kur"), year),
            names={
                "True": t("enterprises.kur.yes"),
                "False": t("enterprises.kur.no"),
                "–": t("enterprises.kur.unknown"),
            },
        ),
        width="stretch",
    )
dash.village_panel(selected, layers)
