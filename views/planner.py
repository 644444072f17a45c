"""Perencanaan / Planner: priority score per village with user weights, ranked table, export;
where the next service points should go (issue 23)."""

import streamlit as st

import i18n
from exports import files
from geo import figures, priority
from geo.codes import Level
from loaders.settings import settings
from ui import Keys, auth, controls, lang, store, t
from ui import dashboard as dash
from ui import reach as reach_ui
from ui.catalogue import catalogue_of

dash.page_head("planner")
layers = dash.load_layers()
years_held = dash.layer_years(layers)
if not years_held:
    dash.no_layer("placements")
    st.stop()

area, years = dash.view_bar(years_held, period=True)
province = area[:2] if area else None
empty = priority.empty_indicators(layers, area=area, years=years)
with st.sidebar:
    st.markdown(f"**{t('planner.weights')}**")
    weights = {}
    for group, names in (("planner.need", priority.NEED), ("planner.capacity", priority.CAPACITY)):
        st.caption(t(group))
        for name in names:
            weights[name] = controls.bound(
                st.slider,
                f"{Keys.PLANNER_WEIGHT}.{name}",
                f"w_{name}",
                priority.DEFAULT_WEIGHTS[name],
                label=t(f"planner.ind.{name}"),
                min_value=0,
                max_value=5,
                disabled=name in empty,
                help=t("planner.empty_help") if name in empty else None,
            )
    top_n = controls.bound(
        st.slider, Keys.PLANNER_TOP, "top", 10, label=t("planner.top_n"), min_value=5, max_value=50, step=5
    )
    exclude = controls.bound(
        st.checkbox, Keys.PLANNER_EXCLUDE, "skip_covered", True, label=t("planner.exclude_covered")
    )
    # where the next service points should go; the type is also the service-distance indicator's
    st.divider()
    st.markdown(f"**{t('where.title')}**")
    kind = reach_ui.type_picker(province)
    radius = reach_ui.radius_picker()
    crossings = reach_ui.crossings_picker(province)
    n_sites = controls.bound(
        st.slider, Keys.WHERE_N, "sites", 3, label=t("where.n"), min_value=1, max_value=10
    )
    cover = controls.bound(
        st.radio,
        Keys.WHERE_COVER,
        "cover",
        "placements",
        options=["placements", "reports", "need"],
        value_arg="index",
        label=t("where.cover"),
        format_func=lambda c: t(f"where.cover.{c}"),
        help=t("where.cover_help"),
    )
    run = st.button(
        t("where.run"),
        key=Keys.WHERE_RUN,
        type="primary",
        icon=":material/add_location_alt:",
        disabled=not area,
    )

period = figures.period_text(years, lang())
st.caption(t("planner.period", period=period))
if empty:
    st.info(
        t(
            "planner.empty",
            names=", ".join(t(f"planner.ind.{name}") for name in empty),
            layers=", ".join(
                dict.fromkeys(t(f"layer.{layer}") for name in empty for layer in priority.SOURCES[name])
            ),
        ),
        icon=":material/block:",
    )

with st.expander(t("planner.how"), icon=":material/help:"):
    for key in priority.EXPLAIN_KEYS:
        st.markdown("- " + t(key, period=period))

distances = dash.village_distances(area, years[1])
service_table, graph = reach_ui.reach_context(area, kind, years[1], crossings)
table = priority.indicators(
    layers, distances, area=area, years=years, exclude_covered=exclude, service=service_table
)
if table.empty:
    # no village to rank in this area and period: the map and the view bar stay, so the user
    # can choose another area or period (no dead end)
    st.info(t("planner.none"), icon=":material/search_off:")
names = dash.area_names(Level.VILLAGE, area)
ranked = priority.score(table, weights, names=names, empty=empty)
shortlist = ranked.head(top_n)

# where next: answered on request (the solver may take seconds), kept while its choices hold
signature = (store().key, store().version(), area, kind, radius, n_sites, cover, years, crossings)
if cover == "need":
    signature += (tuple(sorted(weights.items())), exclude)
if run and area:
    if cover == "need":
        demand = ranked.set_index("code")["score"]
    else:
        demand = figures.reach_demand(layers, figures.COVER_FIGURE[cover], area, years)

    def exports(exact, greedy):
        return reach_ui.where_exports(area, kind, radius, cover, years, crossings, exact, greedy, demand)

    exact, greedy, made = reach_ui.run_where_next(
        graph, demand, service_table, area, radius, n_sites, after=exports
    )
    st.session_state[Keys.WHERE_PLAN] = {
        "signature": signature,
        "exact": exact,
        "greedy": greedy,
        "demand": demand,
        "files": {lang(): made},
    }
held_plan = st.session_state.get(Keys.WHERE_PLAN)
plan = held_plan if held_plan and held_plan["signature"] == signature else None
points = dash.load_layers().get("service_points", dash.EMPTY)
points = (
    points[points["village"].astype(str).str.startswith(area + ".")] if area and not points.empty else points
)
markers = reach_ui.point_markers(
    points, years[1], sites=reach_ui.sites_frame(plan["exact"], names) if plan else None, kind=kind
)

selected = dash.choropleth(
    "planner",
    lambda level, codes: dash.score_values(ranked, level, codes),
    label=dash.with_period(t("planner.score"), years),
    digits=1,
    step=0.1,
    highlight=set(shortlist["code"]),
    highlight_label=t("planner.shortlist", n=len(shortlist)),
    excluded=priority.covered_villages(layers, area) if exclude else None,
    excluded_label=t("planner.excluded"),
    village_only=True,
    markers=markers if len(markers) else None,
    marker_label=reach_ui.marker_label,
)
if table.empty:
    dash.village_panel(selected, layers)
    st.stop()
dash.about_note(
    ["placements", "reports", "programmes", "enterprises", *(["returns"] if "returns" in layers else [])],
    "planner.about",
    n=len(shortlist),
    threshold=settings().small_count_threshold,
)

st.subheader(t("planner.ranked"))
st.dataframe(dash.ranked_table(ranked), hide_index=True, width="stretch", height=360)
col1, col2, _ = st.columns([1, 1, 4])
threshold = settings().small_count_threshold
note = [t("planner.period", period=period)]
# the new sites travel with the planner's files (protected as the files are)
answer = reach_ui.plan_files(plan, area, kind, radius, cover, years, crossings) if plan else None
csv_data = files.ranking_csv(ranked, lang(), threshold, note=[*note, *(answer["note"] if answer else [])])
name = t("file.priority")
col1.download_button(
    t("dash.download_csv"),
    csv_data,
    f"{name}.csv",
    "text/csv",
    key=Keys.PLANNER_CSV,
    on_click=auth.record_download,
    args=(f"{name}.csv", csv_data),
)
xlsx_data = files.ranking_xlsx(
    ranked,
    lang(),
    threshold,
    note=note,
    catalogue=catalogue_of(lang()),
    extra=answer["sheets"] if answer else (),
)
col2.download_button(
    t("dash.download_xlsx"),
    xlsx_data,
    f"{name}.xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    key=Keys.PLANNER_XLSX,
    on_click=auth.record_download,
    args=(f"{name}.xlsx", xlsx_data),
)

st.subheader(t("where.title"))
st.caption(t("where.intro", n=n_sites, type=t(f"service.{kind}"), cover=t(f"where.cover.{cover}"), km=radius))
if not area:
    st.info(t("where.choose_province"), icon=":material/map:")
elif plan is None:
    st.info(t("where.changed") if held_plan else t("where.hint"), icon=":material/add_location_alt:")
    if service_table is None:
        st.caption(t("where.no_points"))
else:
    exact, greedy = plan["exact"], plan["greedy"]
    if plan["demand"].sum() <= 0:
        st.warning(t("where.no_demand", cover=t(f"where.cover.{cover}")))
    cards = st.columns(4)
    cards[0].metric(t("where.share_before"), dash.fmt_value(exact.share_before, share=True), border=True)
    cards[1].metric(
        t("figure.reach_share_after"),
        dash.fmt_value(exact.share_after, share=True),
        help=t("figure.help.reach_share_after"),
        border=True,
    )
    cards[2].metric(t("where.share_greedy"), dash.fmt_value(greedy.share_after, share=True), border=True)
    gap = "" if not exact.gap else i18n.fmt_pct(exact.gap, lang(), 2)
    cards[3].metric(
        t("where.solver"),
        t(f"where.status_short.{exact.status}"),
        help=t(f"where.status.{exact.status}", gap=gap),
        border=True,
    )
    left, right = st.columns(2, gap="medium")
    with left:
        st.markdown(f"**{t('where.exact')}**")
        st.dataframe(reach_ui.sites_shown(exact, names, cover), hide_index=True, width="stretch")
    with right:
        st.markdown(f"**{t('where.greedy')}**")
        st.dataframe(reach_ui.sites_shown(greedy, names, cover), hide_index=True, width="stretch")
    st.caption(
        t(
            "where.solved",
            status=t(f"where.status.{exact.status}", gap=gap),
            groups=i18n.fmt_int(exact.size[0], lang()),
            candidates=i18n.fmt_int(exact.size[1], lang()),
        )
    )
    st.caption(t("where.method_note", km=radius))
    # the slides and the brief after the answer is on the page (their map takes seconds to draw)
    answer = reach_ui.plan_files(plan, area, kind, radius, cover, years, crossings, documents=True)
    row = st.container(horizontal=True)
    base = t("where.file")
    for label, data, ext, mime, key in (
        (t("dash.download_csv"), answer["csv"], "csv", "text/csv", Keys.WHERE_CSV),
        (t("dash.download_xlsx"), answer["xlsx"], "xlsx", reach_ui.XLSX_MIME, Keys.WHERE_XLSX),
        (t("where.download_pptx"), answer["pptx"], "pptx", reach_ui.PPTX_MIME, Keys.WHERE_PPTX),
        (t("where.download_pdf"), answer["pdf"], "pdf", "application/pdf", Keys.WHERE_PDF),
    ):
        row.download_button(
            label,
            data,
            f"{base}.{ext}",
            mime,
            key=key,
            icon=":material/download:",
            on_click=auth.record_download,
            args=(f"{base}.{ext}", data),
        )
dash.village_panel(selected, layers)
