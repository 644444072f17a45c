"""Perencanaan / Planner: priority score per village with user weights, ranked table, export."""

import streamlit as st

from exports import files
from geo import figures, priority
from geo.codes import Level
from loaders.settings import settings
from ui import Keys, auth, lang, t
from ui import dashboard as dash
from ui.catalogue import catalogue_of

dash.page_head("planner")
layers = dash.load_layers()
years_held = dash.layer_years(layers)
if not years_held:
    dash.no_layer("placements")
    st.stop()

area = dash.current_area()
with st.sidebar:
    years = dash.year_range_picker(years_held, "planner.years")
empty = priority.empty_indicators(layers, area=area, years=years)
with st.sidebar:
    st.markdown(f"**{t('planner.weights')}**")
    weights = {}
    for group, names in (("planner.need", priority.NEED), ("planner.capacity", priority.CAPACITY)):
        st.caption(t(group))
        for name in names:
            weights[name] = st.slider(
                t(f"planner.ind.{name}"),
                0,
                5,
                priority.DEFAULT_WEIGHTS[name],
                key=f"{Keys.PLANNER_WEIGHT}.{name}",
                disabled=name in empty,
                help=t("planner.empty_help") if name in empty else None,
            )
    top_n = st.slider(t("planner.top_n"), 5, 50, 10, step=5, key=Keys.PLANNER_TOP)
    exclude = st.checkbox(t("planner.exclude_covered"), value=True, key=Keys.PLANNER_EXCLUDE)

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
table = priority.indicators(layers, distances, area=area, years=years, exclude_covered=exclude)
if table.empty:
    st.info(t("planner.none"))
    st.stop()
ranked = priority.score(table, weights, names=dash.area_names(Level.VILLAGE, area), empty=empty)
shortlist = ranked.head(top_n)

selected = dash.choropleth(
    "planner",
    lambda level, codes: dash.score_values(ranked, level, codes),
    label=dash.with_period(t("planner.score"), years),
    digits=1,
    highlight=set(shortlist["code"]),
    highlight_label=t("planner.shortlist", n=len(shortlist)),
    excluded=priority.covered_villages(layers, area) if exclude else None,
    excluded_label=t("planner.excluded"),
    village_only=True,
)
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
csv_data = files.ranking_csv(ranked, lang(), threshold, note=note)
col1.download_button(
    t("dash.download_csv"),
    csv_data,
    "prioritas_desa.csv",
    "text/csv",
    key=Keys.PLANNER_CSV,
    on_click=auth.record_download,
    args=("prioritas_desa.csv", csv_data),
)
xlsx_data = files.ranking_xlsx(ranked, lang(), threshold, note=note, catalogue=catalogue_of(lang()))
col2.download_button(
    t("dash.download_xlsx"),
    xlsx_data,
    "prioritas_desa.xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    key=Keys.PLANNER_XLSX,
    on_click=auth.record_download,
    args=("prioritas_desa.xlsx", xlsx_data),
)
dash.village_panel(selected, layers)
