"""Cakupan Komunitas / Programme coverage: programme villages over placements, and coverage gaps."""

import numpy as np
import streamlit as st

import i18n
import ui
from geo import coverage, metrics
from geo.codes import Level
from ui import Keys, auth, charts, t
from ui import dashboard as dash

dash.page_head("coverage")
layers = dash.load_layers()
placements = layers.get("placements", dash.EMPTY)
programmes = layers.get("programmes", dash.EMPTY)
years = dash.layer_years(layers)
if not years:
    dash.no_layer("placements")
    st.stop()
if programmes.empty:
    dash.no_layer("programmes")

with st.sidebar:
    year = dash.year_picker(years)
    radius = st.slider(t("coverage.radius"), 1, 30, 5, key=Keys.COVERAGE_KM)
    percent = st.slider(
        t("coverage.top_share"), 5, 50, int(coverage.TOP_SHARE * 100), step=5, key=Keys.COVERAGE_SHARE
    )
area = dash.current_area()
code = ui.lang()

rows = metrics.filter_layer(placements, metrics.Filters(years=(year, year)), area)
running = metrics.programme_villages(programmes, year)
villages = dash.area_names(Level.VILLAGE, area)
values = metrics.area_values(placements, rows, Level.VILLAGE, codes=villages)
if programmes.empty:  # nothing to be far from: no gaps, and the page says what to load
    gaps = None
else:
    gaps = coverage.coverage_gaps(values, dash.village_distances(area, year), radius, share=percent / 100)
threshold = coverage.top_share_threshold(values, percent / 100)
# every programme type of a village on the map (one ring per type), not only the first
markers = running.assign(group=running["types"].str.split(", ")).explode("group")

selected = dash.choropleth(
    "coverage",
    lambda level, codes: metrics.area_values(
        placements, metrics.filter_layer(placements, metrics.Filters(years=(year, year))), level, codes=codes
    ),
    label=dash.with_period(t("metric.placements"), year),
    markers=markers,
    marker_label=lambda group: t(f"programme.{group}"),
    highlight=set(gaps["code"]) if gaps is not None else None,
    highlight_label=t("coverage.gap_outline", pct=percent, km=radius),
    village_only=True,
)
dash.about_note(["placements", "programmes"], "coverage.about")

left, right = st.columns([2, 3], gap="medium")
with left:
    # the programmes the map shows (running in the year), so chart and map count the same villages
    by_type = coverage.programmes_by_type(markers.rename(columns={"group": "programme"}), area)
    st.plotly_chart(
        charts.bar_figure(
            by_type,
            "programme",
            ui.lang(),
            value="villages",
            value_label=t("dash.villages"),
            column_label=t("coverage.types"),
            title=dash.with_period(t("coverage.by_type"), year),
            names={p: t(f"programme.{p}") for p in by_type["programme"]},
        ),
        width="stretch",
    )
with right:
    st.subheader(t("coverage.gaps"))
    if gaps is None:
        st.info(t("coverage.needs_programmes"))
    else:
        st.caption(
            t(
                "coverage.rule",
                pct=percent,
                year=year,
                min=i18n.fmt_int(threshold, code) if np.isfinite(threshold) else "–",
                km=radius,
            )
        )
        if gaps.empty:
            st.success(t("coverage.no_gaps", km=radius, pct=percent))
        else:
            st.warning(t("coverage.gaps_found", n=len(gaps), km=radius, pct=percent))
            table = dash.gap_table(gaps)
            st.dataframe(table, hide_index=True, width="stretch", height=320)
            gaps_csv = dash.csv_bytes(table)
            st.download_button(
                t("dash.download_csv"),
                gaps_csv,
                "celah_cakupan.csv",
                "text/csv",
                key=Keys.COVERAGE_CSV,
                on_click=auth.record_download,
                args=("celah_cakupan.csv", gaps_csv),
            )
dash.village_panel(selected, layers)
