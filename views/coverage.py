"""Cakupan Komunitas / Programme coverage: programme villages over placements, and coverage gaps."""

import numpy as np
import streamlit as st

import i18n
import ui
from geo import coverage, figures, metrics, reach
from geo.codes import Level
from ui import Keys, auth, charts, controls, t
from ui import dashboard as dash
from ui import reach as reach_ui

dash.page_head("coverage")
layers = dash.load_layers()
placements = layers.get("placements", dash.EMPTY)
programmes = layers.get("programmes", dash.EMPTY)
years = dash.layer_years(layers)
if not years:
    dash.no_layer("placements")
    st.stop()

if reach_ui.view_picker() == "reach":
    # where protection reaches: distance over land to the service points of a type (issue 23)
    area = dash.current_area()
    province = area[:2] if area else None
    with st.sidebar:
        year = dash.year_picker(years)
        kind = reach_ui.type_picker(province)
        radius = reach_ui.radius_picker()
        crossings = reach_ui.crossings_picker(province)
    if "service_points" not in layers:
        dash.no_layer("service_points")
    table, _graph = reach_ui.reach_context(area, kind, year, crossings)
    found = figures.reach_values(table, layers, area, year, radius)
    st.subheader(t("reach.title", type=t(f"service.{kind}"), km=radius, year=year))
    cards = st.columns(3)
    for col, name in zip(cards, figures.REACH, strict=True):
        col.metric(
            t(figures.FIGURES[name].label_key),
            dash.fmt_value(found[name], share=figures.FIGURES[name].share),
            help=t(figures.FIGURES[name].help_key),
            border=True,
        )
    if not area:
        st.info(t("reach.choose_province"), icon=":material/map:")
    elif table is None:
        st.info(t("reach.no_points"), icon=":material/upload_file:")
    else:
        st.markdown(reach_ui.beyond_text(found, radius, kind))
    points = dash.load_layers().get("service_points", dash.EMPTY)
    selected = dash.choropleth(
        "reach",
        lambda level, codes: reach_ui.class_values(table, radius, level, codes),
        label=dash.with_period(t("reach.map_title", type=t(f"service.{kind}")), year),
        categories=reach_ui.class_categories(radius),
        markers=reach_ui.point_markers(points, year) if not points.empty else None,
        marker_label=reach_ui.marker_label,
        village_only=True,
    )
    dash.about_note(["service_points", "placements", "reports"], "reach.about", gap=int(reach.GAP_M))
    if table is not None and area:
        st.subheader(t("reach.by_regency", km=radius))
        _numbers, shown = reach_ui.regency_table(table, layers, area, year, radius)
        st.dataframe(shown, hide_index=True, width="stretch", height=min(36 * (len(shown) + 1) + 4, 720))
        dash.download_table(shown, t("reach.file"), Keys.REACH_CSV)
        st.caption(t("reach.where_next_hint"))
    dash.village_panel(selected, layers)
    st.stop()

if programmes.empty:
    dash.no_layer("programmes")

area, year = dash.view_bar(years)
with st.sidebar:
    # the gap rule's distance: to programme villages (straight line), or over land to service points
    gap_to = reach_ui.gap_target_picker(area[:2] if area else None)
    radius = controls.bound(
        st.slider,
        Keys.COVERAGE_KM,
        "km",
        5,
        label=reach_ui.gap_radius_label(gap_to),
        min_value=1,
        max_value=30,
    )
    percent = controls.bound(
        st.slider,
        Keys.COVERAGE_SHARE,
        "top",
        int(coverage.TOP_SHARE * 100),
        label=t("coverage.top_share"),
        min_value=5,
        max_value=50,
        step=5,
    )
code = ui.lang()

placed = dash.area_values_of("count", "placements", metrics.Filters(years=(year, year)), "count")
running = metrics.programme_villages(programmes, year)
villages = dash.area_names(Level.VILLAGE, area)
values = placed(Level.VILLAGE, list(villages))
if gap_to != "programmes":  # over land to the open service points of that type
    service, _ = reach_ui.reach_context(area, gap_to, year, reach.DEFAULT_CROSSINGS)
    gaps = (
        coverage.coverage_gaps(values, service, radius, share=percent / 100) if service is not None else None
    )
elif programmes.empty:  # nothing to be far from: no gaps, and the page says what to load
    gaps = None
else:
    gaps = coverage.coverage_gaps(values, dash.village_distances(area, year), radius, share=percent / 100)
threshold = coverage.top_share_threshold(values, percent / 100)
# every programme type of a village on the map (one ring per type), not only the first
markers = running.assign(group=running["types"].str.split(", ")).explode("group")

selected = dash.choropleth(
    "coverage",
    placed,
    label=dash.with_period(t("metric.placements"), year),
    markers=markers,
    marker_label=lambda group: t(f"programme.{group}"),
    highlight=set(gaps["code"]) if gaps is not None else None,
    highlight_label=reach_ui.gap_label(gap_to, percent, radius),
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
        st.info(t("coverage.needs_programmes") if gap_to == "programmes" else t("reach.no_points"))
    else:
        st.caption(
            t(
                "coverage.rule",
                pct=percent,
                year=year,
                min=i18n.fmt_int(threshold, code) if np.isfinite(threshold) else "–",
                km=radius,
            )
            if gap_to == "programmes"
            else reach_ui.gap_rule(gap_to, percent, year, threshold, radius)
        )
        if gaps.empty:
            st.success(reach_ui.gap_outcome(gap_to, 0, percent, radius))
        else:
            st.warning(reach_ui.gap_outcome(gap_to, len(gaps), percent, radius))
            table = dash.gap_table(gaps)
            if gap_to != "programmes":  # the nearest open service point, named by its village
                table = table.rename(
                    columns={
                        t("coverage.nearest"): t("reach.gap.nearest"),
                        t("coverage.km"): t("reach.gap.km"),
                    }
                )
                table.loc[gaps["km"].isna().to_numpy(), t("reach.gap.km")] = t("reach.no_land_route")
            st.dataframe(table, hide_index=True, width="stretch", height=320)
            gaps_csv = dash.csv_bytes(table)
            st.download_button(
                t("dash.download_csv"),
                gaps_csv,
                t("file.coverage_gaps"),
                "text/csv",
                key=Keys.COVERAGE_CSV,
                on_click=auth.record_download,
                args=(t("file.coverage_gaps"), gaps_csv),
            )
dash.village_panel(selected, layers)
