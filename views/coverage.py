"""Cakupan Komunitas / Programme coverage: programme villages over placements, and coverage gaps."""

import streamlit as st

import ui
from geo import charts, coverage, metrics
from geo.codes import Level
from ui import Keys, auth, t
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
    top = st.slider(t("coverage.top"), 1, 3, 1, key=Keys.COVERAGE_TOP)
area = dash.current_area()

rows = metrics.filter_layer(placements, metrics.Filters(years=(year, year)), area)
running = metrics.programme_villages(programmes, year)
villages = dash.area_names(Level.VILLAGE, area)
values = metrics.area_values(placements, rows, Level.VILLAGE, codes=villages)
distances = dash.village_distances(area, year)
gaps = coverage.coverage_gaps(
    values,
    distances,
    radius,
    scheme=st.session_state.get(Keys.SCHEME) or "quantiles",
    k=int(st.session_state.get(Keys.CLASSES) or 5),
    top=top,
)

selected = dash.choropleth(
    "coverage",
    lambda level, codes: metrics.area_values(
        placements, metrics.filter_layer(placements, metrics.Filters(years=(year, year))), level, codes=codes
    ),
    label=dash.with_period(t("metric.placements"), year),
    markers=running.assign(group=running["types"].str.split(", ").str[0]),
    marker_label=lambda group: t(f"programme.{group}"),
    highlight=set(gaps["code"]),
    village_only=True,
)
dash.about_note(["placements", "programmes"], "coverage.about")

left, right = st.columns([2, 3], gap="medium")
with left:
    by_type = coverage.programmes_by_type(
        metrics.in_area(programmes, area) if not programmes.empty else programmes
    )
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
    if gaps.empty:
        st.success(t("coverage.no_gaps", km=radius))
    else:
        st.warning(t("coverage.gaps_found", n=len(gaps), km=radius))
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
