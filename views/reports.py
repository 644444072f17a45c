"""Laporan Non-Prosedural / Non-procedural reports: choropleth, Gi* hotspots, trends."""

import streamlit as st

import i18n
import ui
from geo import hotspots, metrics
from geo.codes import Level
from geo.reports import REPORT_MEASURES
from ui import Keys, charts, controls, t
from ui import dashboard as dash

layers, reports = dash.layer_page("reports")
placements = layers.get("placements", dash.EMPTY)

area, years = dash.view_bar(metrics.years_of(reports), period=True)
shown = dash.shown_level(area)
finest = Level.VILLAGE if area or len(ui.store().provinces()) == 1 else Level.REGENCY
hot_levels = [Level(level) for level in range(shown, max(shown, finest) + 1)]

with st.sidebar:
    show_hot = controls.bound(
        st.toggle, Keys.REPORTS_HOT, "hotspots", False, label=t("reports.show_hotspots")
    )
    hot_level = controls.bound(
        st.selectbox,
        Keys.REPORTS_HOT_LEVEL,
        "hot_level",
        int(hot_levels[0]),
        options=[int(level) for level in hot_levels],
        value_arg="index",
        label=t("reports.hot_level"),
        format_func=lambda level: t(f"level.{Level(level).key}"),
        disabled=not show_hot,
    )
    alpha = controls.bound(
        st.select_slider,
        Keys.REPORTS_ALPHA,
        "alpha",
        0.05,
        options=list(hotspots.ALPHAS),
        label=t("reports.alpha"),
        disabled=not show_hot,
    )
    correction = controls.bound(
        st.radio,
        Keys.REPORTS_CORRECTION,
        "correction",
        hotspots.CORRECTIONS[0],
        options=list(hotspots.CORRECTIONS),
        value_arg="index",
        label=t("reports.correction"),
        format_func=lambda c: t(f"hotspot.correction.{c}"),
        disabled=not show_hot,
    )
    kind = controls.bound(
        st.radio,
        Keys.REPORTS_KIND,
        "weights",
        hotspots.WEIGHTS[0],
        options=list(hotspots.WEIGHTS),
        value_arg="index",
        label=t("reports.weights"),
        format_func=lambda k: t(f"reports.weights.{k}"),
        disabled=not show_hot,
    )
measure = controls.bound(
    st.segmented_control,
    Keys.REPORTS_MEASURE,
    "measure",
    "count",
    options=list(REPORT_MEASURES),
    value_arg="default",
    label=t("measure.label"),
    format_func=lambda m: t(f"reports.measure.{m}"),
)
filters = metrics.Filters(years=years)


values_of = dash.area_values_of("reports", measure, filters)


def refusal_text(refusal: hotspots.HotspotRefusal, level: Level) -> str:
    """Why Gi* was not computed, and what to choose instead."""
    code = ui.lang()
    finer = [t(f"level.{Level(f).key}").lower() for f in hot_levels if f > level]
    suggest = t("hotspot.suggest", levels=", ".join(finer)) if finer else t("hotspot.suggest_area")
    return t(
        f"hotspot.refused.{refusal.reason}",
        n=i18n.fmt_int(refusal.n, code),
        level=t(f"level.plural.{Level(level).key}"),
        need=i18n.fmt_num(refusal.need, code, 0),
        neighbours=i18n.fmt_num(refusal.neighbours or 0, code, 1),
        suggest=suggest,
    )


found = None
if show_hot:
    hot_level = Level(hot_level or shown)
    try:
        found = dash.hotspot_table(hot_level, area, years, kind, alpha, measure, correction)
    except hotspots.HotspotRefusal as refusal:
        st.warning(refusal_text(refusal, hot_level), icon=":material/block:")
if found is not None:
    selected = dash.hotspot_map("reports.hotspots", found, hot_level, measure, years)
else:
    selected = dash.choropleth(
        "reports",
        values_of,
        label=dash.with_period(t(f"reports.measure.{measure}"), years),
        digits=1 if measure == "per_100" else 0,
    )
dash.about_note(["reports", "placements"] if measure == "per_100" else ["reports"], "reports.about")

rows = metrics.filter_layer(reports, filters, area)
trend_rows = metrics.filter_layer(reports, metrics.every_year(filters), area)
trend_period = metrics.years_of(trend_rows) or None
lang = ui.lang()
c1, c2, c3 = st.columns([2, 2, 1.4], gap="medium")
with c1:
    st.plotly_chart(
        charts.stacked_trend_figure(
            metrics.trend(trend_rows, by="channel", area=area),
            "channel",
            lang,
            value_label=t("metric.reports"),
            by_label=t("dash.channel"),
            title=dash.with_period(t("reports.channels"), trend_period),
        ),
        width="stretch",
    )
with c2:
    st.plotly_chart(
        charts.stacked_trend_figure(
            metrics.trend(trend_rows, by="destination", area=area),
            "destination",
            lang,
            value_label=t("metric.reports"),
            by_label=t("dash.destination"),
            title=dash.with_period(t("reports.destinations"), trend_period),
        ),
        width="stretch",
    )
dash.trend_note(trend_rows, "reports", area)
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
