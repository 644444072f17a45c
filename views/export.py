"""Ekspor / Export: deck, images, HTML map, brief and tables of the current view; presentation mode."""

import streamlit as st

import ui
from exports.view import MAP_MEASURES
from loaders.store import StoreError
from ui import Keys, auth, present, t
from ui.catalogue import page_as_of

held = ui.store()
layers = [name for name in MAP_MEASURES if name in held.layers()]
if not held.provinces() or not layers:
    ui.demo_banner()
    st.title(t("export.page.title"))
    page_as_of("export")
    if not held.provinces():
        from ui import dashboard as dash

        dash.no_boundaries("export.page.empty")
    else:
        st.info(t("export.page.empty"))
    st.stop()

# grants of viewers limit the areas (everything while sign-in is off); all villages of the store
# only for a user who sees every province held
areas = {code: name for code, name in present.area_options().items() if present.may_see(code, auth.sees)}
years = present.year_options()
area = present.chosen("area", list(areas), Keys.AREA)
layer = present.chosen("layer", layers, Keys.LAYER)
year = present.chosen("year", years, Keys.YEAR) if years else None

if present.presenting():
    try:
        present.render_presentation(present.view_key(area, year, layer))
    except StoreError as err:
        st.error(t("export.error", message=str(err)))
    st.stop()

ui.demo_banner()
st.title(t("export.page.title"))
st.caption(t("export.page.intro"))
page_as_of("export")

left, middle, right = st.columns([3, 2, 1])
area = left.selectbox(
    t("export.page.area"), list(areas), index=list(areas).index(area), format_func=areas.get
)
layer = middle.selectbox(
    t("export.page.layer"), layers, index=layers.index(layer), format_func=lambda n: t(f"export.layer.{n}")
)
if years:
    year = right.selectbox(t("export.page.year"), years, index=years.index(year))
present.remember(area=area, layer=layer, year=year)

st.toggle(
    t("export.present.switch"),
    key=Keys.EXPORT_PRESENT,
    on_change=auth.guarded(present.toggle_from_switch),
    help=t("export.present.help"),
)

size = st.session_state.get(Keys.EXPORT_SIZE, present.IMAGE_SIZES[0])
key = present.view_key(area, year, layer, size)
try:
    view = present.export_view(key)
except StoreError as err:
    st.error(t("export.error", message=str(err)))
    st.stop()

with st.container(border=True):
    st.markdown(f"**{view.map_title}**")
    # The registry's figures as in the files (protected), three a row so no name is cut off.
    for start in range(0, len(view.key_figures), 3):
        cols = st.columns(3)
        for col, figure in zip(cols, view.key_figures[start : start + 3], strict=False):
            col.metric(
                figure.label, figure.text, delta=figure.change or None, delta_color="off", delta_arrow="off"
            )
    st.caption(view.suppression_note)

st.subheader(t("export.page.files"))
offered = present.builds_for(area)
chosen = st.pills(
    t("export.page.formats"),
    offered,
    selection_mode="multi",
    default=offered,
    format_func=lambda k: t(f"export.format.{k}"),
    # the whole store offers fewer formats: a widget of its own, so no choice names a missing one
    key=Keys.EXPORT_FORMATS if len(offered) == len(present.BUILDS) else f"{Keys.EXPORT_FORMATS}.national",
)
if len(offered) < len(present.BUILDS):
    st.caption(t("export.page.national_note"))
if "png" in (chosen or []) or "pptx" in (chosen or []):
    st.columns([1, 2])[0].selectbox(
        t("export.page.size"),
        present.IMAGE_SIZES,
        format_func=lambda wh: f"{wh[0]} × {wh[1]} px",
        key=Keys.EXPORT_SIZE,
    )
    key = present.view_key(area, year, layer, st.session_state[Keys.EXPORT_SIZE])
chosen = list(chosen or [])
job = present.current_job(key, chosen)
running = job is not None and not job.finished


@auth.fragment(run_every=1.0 if running else None)
def build_panel() -> None:
    """Build button, progress of the background build, then the download buttons."""
    job = present.current_job(key, chosen)
    if not chosen:
        return
    if job is None:
        if st.button(t("export.page.build"), type="primary", icon=":material/build:"):
            present.start_job(key, chosen)
            st.rerun()
        return
    if not job.finished:
        label = t(f"export.format.{job.current}") if job.current else t("export.page.building")
        st.progress(len(job.done) / len(chosen), text=f"{t('export.page.building')} {label}")
        return
    if job.error:
        st.error(t("export.error", message=job.error))
        return
    if running:  # finished since the page last ran: show the downloads in a full run
        st.rerun()
    st.success(t("export.page.done"), icon=":material/check:")
    cols = st.columns(3)
    for i, kind in enumerate(chosen):
        cols[i % 3].download_button(
            t(f"export.format.{kind}"),
            data=present.build(key, kind),
            file_name=present.file_name(view, kind),
            mime=present.BUILDS[kind],
            icon=":material/download:",
            key=f"{Keys.EXPORT_DOWNLOAD}.{kind}",
            width="stretch",
            on_click=auth.record_download,
            args=(present.file_name(view, kind), present.build(key, kind), area),
        )


build_panel()
