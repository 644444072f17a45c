"""Perjalanan PMI / The journey: who leaves, who returns and why, where they go, who went outside
the procedure, and who comes home to nothing (issue 24)."""

import streamlit as st

import ui
from geo import figures, flows, journey, metrics
from geo.journey_charts import REASON_COLOURS, reason_label
from geo.layers import RETURN_PROBLEMS, RETURN_REASONS
from ui import Keys, charts, controls, reads, t
from ui import dashboard as dash
from ui.journey import home_again

dash.page_head("journey")
layers = dash.load_layers()
placements = layers.get("placements", dash.EMPTY)
returns = layers.get("returns", dash.EMPTY)
reports = layers.get("reports", dash.EMPTY)
years = sorted(set(metrics.years_of(placements)) | set(metrics.years_of(returns)))
if not years:
    dash.no_layer("returns")
    st.stop()
if returns.empty:
    dash.no_layer("returns")
area, year = dash.view_bar(years)
with st.sidebar:
    top = controls.bound(
        st.slider,
        Keys.JOURNEY_TOP,
        "flows",
        6,
        label=t("journey.top"),
        min_value=3,
        max_value=12,
        help=t("journey.top_help"),
    )
lang = ui.lang()
period = (year, year)
filters = metrics.Filters(years=period)

dash.headline_cards(reads.headline_figures(area, year, tuple(figures.JOURNEY)), year, per_row=4, area=area)

# ---------------------------------------------------------------------- one map, three subjects
subject = controls.bound(
    st.segmented_control,
    Keys.JOURNEY_MAP,
    "subject",
    "returns",
    options=["returns", "broker", "home"],
    value_arg="default",
    label=t("journey.map.label"),
    format_func=lambda s: t(f"journey.map.{s}"),
)
if subject == "returns":
    left, right = st.columns([2, 1])
    what = controls.bound(
        left.selectbox,
        Keys.JOURNEY_WHAT,
        "what",
        list(journey.RETURN_WHAT)[0],
        options=list(journey.RETURN_WHAT),
        value_arg="index",
        label=t("journey.what"),
        format_func=lambda w: t(f"journey.what.{w}") if w in ("problem", "all") else reason_label(w, lang),
    )
    how = controls.bound(
        right.segmented_control,
        Keys.JOURNEY_HOW,
        "how",
        "per_100",
        options=list(journey.RETURN_HOW),
        value_arg="default",
        label=t("journey.how"),
        format_func=lambda h: t(f"journey.how.{h}"),
    )
    label = t(
        f"journey.label.{how}",
        what=t(f"journey.what.{what}") if what in ("problem", "all") else reason_label(what, lang),
    )

    def values_of(level, codes):
        return journey.return_values(
            returns, placements, level, codes, what=what, how=how, filters=filters, area=area
        )

    digits, share, sources = (1 if how == "per_100" else 0), False, ["returns", "placements"]
elif subject == "broker":
    how = controls.bound(
        st.segmented_control,
        Keys.JOURNEY_BROKER,
        "broker",
        "share",
        options=list(journey.BROKER_MEASURES),
        value_arg="default",
        label=t("journey.how"),
        format_func=lambda h: t(f"journey.broker.{h}"),
    )
    label = t(f"journey.broker.{how}")

    def values_of(level, codes):
        return journey.non_procedural_values(
            reports, returns, placements, level, codes, measure=how, filters=filters, area=area
        )

    digits, share, sources = 0, how == "share", ["reports", "returns", "placements"]
else:
    label = t("figure.returnees_without_support")

    def values_of(level, codes):
        return journey.unsupported_values(
            returns,
            layers.get("programmes", dash.EMPTY),
            layers.get("enterprises", dash.EMPTY),
            level,
            codes,
            years=period,
            area=area,
        )

    digits, share, sources = 0, False, ["returns", "enterprises", "programmes"]

selected = dash.choropleth(
    "journey", values_of, label=dash.with_period(label, year), digits=digits, share=share
)
area = dash.current_area()
dash.about_note([s for s in sources if s in layers], f"journey.about.{subject}")

# ---------------------------------------------------------------------- who leaves, who returns, why
st.subheader(t("journey.section.by_year"))
c1, c2 = st.columns([3, 2], gap="medium")
with c1:
    st.plotly_chart(
        charts.journey_year_figure(
            journey.journey_by_year(layers, area),
            lang,
            title=dash.with_period(t("journey.by_year"), years),
        ),
        width="stretch",
    )
with c2:
    in_year = metrics.filter_layer(returns, filters, area)
    reasons = journey.reason_table(in_year)
    st.plotly_chart(
        charts.bar_figure(
            reasons,
            "reason",
            lang,
            value="persons",
            value_label=t("journey.persons"),
            column_label=t("data.field.reason"),
            title=dash.with_period(t("journey.reasons"), year),
            names={r: reason_label(r, lang) for r in (*RETURN_REASONS, journey.NOT_RECORDED)},
        ),
        width="stretch",
    )
    st.plotly_chart(
        charts.bar_figure(
            journey.problem_table(in_year),
            "problem",
            lang,
            value="persons",
            value_label=t("journey.persons"),
            column_label=t("data.field.problem"),
            title=dash.with_period(t("journey.problems"), year),
            names={p: t(f"problem.{p}") for p in RETURN_PROBLEMS},
        ),
        width="stretch",
    )

# ---------------------------------------------------------------------- where they go
st.subheader(t("journey.section.where"))
finer = False
if not area or area.count(".") == 0:
    finer = controls.bound(
        st.toggle, Keys.JOURNEY_FINER, "finer", False, label=t("journey.finer"), disabled=not area
    )
level = flows.origin_level(area, finer)
names = dash.area_names(level, area[:2] if area else None)
left_flows = flows.placement_flows(placements, area=area, level=level, years=period, top=top)
back_flows = flows.return_flows(returns, area=area, years=period, top=top)
c1, c2 = st.columns(2, gap="medium")
with c1:
    st.plotly_chart(
        charts.sankey_figure(
            left_flows, lang, names=names, title=dash.with_period(t("journey.flows.left"), year)
        ),
        width="stretch",
    )
with c2:
    st.plotly_chart(
        charts.sankey_figure(
            back_flows, lang, title=dash.with_period(t("journey.flows.back"), year), colours=REASON_COLOURS
        ),
        width="stretch",
    )
st.caption(t("journey.flows.note", top=top))
flow = controls.bound(
    st.segmented_control,
    Keys.JOURNEY_FLOW,
    "flow",
    "left",
    options=["left", "problem", "all"],
    value_arg="default",
    label=t("journey.flow_map"),
    format_func=lambda f: t(f"journey.flow_map.{f}"),
)
origins = flows.area_points(dash.village_points(area), level)
if flow == "left":
    lines = flows.flow_lines(left_flows, origins)
    colour_by, colours = "destination", None
else:
    back = flows.return_flows(returns, area=area, years=period, what=flow, top=top, level=level)
    lines = flows.flow_lines(back, origins, towards="origin")
    colour_by, colours = "origin", None
st.plotly_chart(
    charts.flow_map_figure(
        lines,
        origins[origins["code"].isin(set(lines["origin"]) | set(lines["destination"]))],
        lang,
        names=names,
        title=dash.with_period(t(f"journey.flow_map.{flow}"), year),
        colours=colours,
        colour_by=colour_by,
    ),
    width="stretch",
)
st.caption(t("journey.flow_map.note"))

# ---------------------------------------------------------------------- through a broker
st.subheader(t("journey.section.broker"))
# the years both halves are held (the figure is their sum)
held = sorted(set(metrics.years_of(reports)) & set(metrics.years_of(returns)))
shares = figures.values_by_year(layers, area, held)
st.plotly_chart(
    charts.channel_figure(
        journey.non_procedural_by_channel(reports, returns, area, (held[0], held[-1]))
        if held
        else dash.EMPTY,
        figures.figure_by_year(shares, "non_procedural_share"),
        lang,
        title=dash.with_period(t("journey.channels"), held or None),
    ),
    width="stretch",
)
st.caption(t("figure.help.non_procedural_share"))

# ---------------------------------------------------------------------- home again
st.subheader(t("journey.section.home"))
home_again(layers, area, period)
dash.village_panel(selected, layers)
