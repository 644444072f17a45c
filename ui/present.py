"""Presentation mode and the cached export builds (Streamlit glue for views/export.py).

Presentation mode (a switch, or ``?present=1`` in the URL) hides the sidebar, header and
controls, sets large type, and fills a 1280×720 projector with a strip of key figures and
the map. Everything it shows comes from the protected export view, so small counts read "<5".

Builds are cached on (store root, ``Store.version()``, view parameters): the first export of a
view takes a few seconds with progress shown, later ones are instant.
"""

from __future__ import annotations

import html
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace

import streamlit as st
import streamlit.components.v1 as components

from exports import builds
from exports import files as export_files
from exports.view import NATIONAL, ExportView, is_national
from geo.classify import USER_SCHEMES
from geo.codes import Level, code_level
from loaders.export_inputs import gis_areas, load_view
from loaders.settings import ROOT, settings
from loaders.store import Store
from ui import Keys, is_demo, lang, store, t
from ui.reads import area_names, stored_years

__all__ = [
    "ViewKey",
    "view_key",
    "export_view",
    "presenting",
    "set_presenting",
    "render_presentation",
    "BUILDS",
    "builds_for",
    "map_picture",
    "may_see",
]

LEAFLET_DIR = ROOT / "static" / "vendor" / "leaflet"
#: Height of the map in presentation mode: fills a 1280×720 screen below the figure strip.
PRESENT_MAP_HEIGHT = 540
#: What one coverage note above the map takes of that height (one line at 1280 px).
PRESENT_NOTE_HEIGHT = 25


def present_map_height(notes: int) -> int:
    """The map's height under ``notes`` coverage notes: the source line below it stays on a
    1280×720 screen however many notes there are (never under 300 px).

    >>> present_map_height(0), present_map_height(3), present_map_height(20)
    (540, 465, 300)
    """
    return max(PRESENT_MAP_HEIGHT - PRESENT_NOTE_HEIGHT * notes, 300)


@dataclass(frozen=True)
class ViewKey:
    """Everything an export depends on (hashable: the cache key of every build)."""

    root: str
    version: str
    area: str
    year: int | None
    layer: str
    lang: str
    threshold: int
    demo: bool
    scheme: str = "quantiles"
    k: int = 5
    image_size: tuple[int, int] = (1600, 900)


#: Picture sizes offered for the PNG images (16:9; the slides use the same pictures).
IMAGE_SIZES = builds.IMAGE_SIZES


def view_key(area: str, year: int | None, layer: str, image_size: tuple[int, int] = (1600, 900)) -> ViewKey:
    """The key of the current view; classification follows the interactive map's choice."""
    from ui import chosen_scheme

    held = store()
    scheme, k = chosen_scheme()  # the URL's, as the map pages (a reload shows the same classes)
    return ViewKey(
        held.key,
        held.version(),
        area,
        year,
        layer,
        lang(),
        settings().small_count_threshold,
        is_demo(),
        scheme if scheme in USER_SCHEMES else "quantiles",
        int(k) if str(k).isdigit() and 3 <= int(k) <= 7 else 5,
        tuple(image_size) if tuple(image_size) in IMAGE_SIZES else IMAGE_SIZES[0],
    )


@st.cache_data(show_spinner=False, max_entries=16)
def _view(key: ViewKey) -> ExportView:
    return load_view(
        Store(key.root),
        key.area,
        year=key.year,
        layer=key.layer,
        lang=key.lang,
        threshold=key.threshold,
        demo=key.demo,
        scheme=key.scheme,
        k=key.k,
    )


def export_view(key: ViewKey) -> ExportView:
    """The protected view of ``key`` (cached; the picture size does not change it)."""
    return _view(replace(key, image_size=IMAGE_SIZES[0]))


@st.cache_data(show_spinner=False, max_entries=8)
def _images(key: ViewKey) -> dict[str, bytes]:
    from exports import deck  # matplotlib and python-pptx load on the first build

    return deck.render_images(export_view(key), size=key.image_size)


@st.cache_data(show_spinner=False, max_entries=4)
def _gis_areas(key: ViewKey):
    return gis_areas(Store(key.root), key.area)


@st.cache_data(show_spinner=False, max_entries=8)
def _build(key: ViewKey, kind: str) -> bytes:
    return builds.build_file(
        export_view(key),
        kind,
        images=lambda: _images(key),
        leaflet_dir=LEAFLET_DIR,
        areas=lambda: _gis_areas(key),
    )


#: Export formats in build order: (format, MIME type), as ``atlas export`` makes them.
BUILDS: dict[str, str] = builds.BUILDS
builds_for = builds.builds_for
file_name = builds.file_name


def map_picture(key: ViewKey) -> bytes:
    """The map of ``key`` as a 1280×720 PNG (cached), shown where an HTML map is not made."""
    return _images(replace(key, image_size=(1280, 720)))["map"]


def build(key: ViewKey, kind: str) -> bytes:
    """The bytes of one export format (cached)."""
    return _build(key, kind)


@dataclass
class Job:
    """One background build of several formats for one view (polled by the page)."""

    key: ViewKey
    kinds: tuple[str, ...]
    done: list[str] = field(default_factory=list)
    current: str = ""
    future: Future | None = None

    @property
    def finished(self) -> bool:
        return self.future is not None and self.future.done()

    @property
    def error(self) -> str | None:
        if not self.finished or self.future.exception() is None:
            return None
        return str(self.future.exception())


@st.cache_resource
def _executor() -> ThreadPoolExecutor:
    """One build at a time for the whole app (the machine has few cores; pyplot is not re-entrant)."""
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="atlas-export")


def _run(job: Job) -> None:
    for kind in job.kinds:
        job.current = kind
        build(job.key, kind)
        job.done.append(kind)
    job.current = ""


def start_job(key: ViewKey, kinds: list[str]) -> Job:
    """Build ``kinds`` for ``key`` in a background thread, so the page never waits on it."""
    job = Job(key, tuple(kinds))
    job.future = _executor().submit(_run, job)
    st.session_state[_JOB] = job
    return job


def current_job(key: ViewKey, kinds: list[str]) -> Job | None:
    """The session's build job for exactly this view and these formats, if any."""
    job = st.session_state.get(_JOB)
    return job if isinstance(job, Job) and job.key == key and job.kinds == tuple(kinds) else None


_JOB = "export.job"


# ---------------------------------------------------------------------- presentation mode
def presenting() -> bool:
    """True when presentation mode is on (switch or ``?present=1``)."""
    if st.query_params.get(Keys.PRESENT) == "1":
        return True
    return bool(st.session_state.get(Keys.PRESENT))


def set_presenting(on: bool) -> None:
    """Turn presentation mode on or off, keeping the URL in step (so the link can be shared)."""
    st.session_state[Keys.PRESENT] = on
    if on:
        st.query_params[Keys.PRESENT] = "1"
    elif Keys.PRESENT in st.query_params:
        del st.query_params[Keys.PRESENT]


_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stSidebarNav"],
[data-testid="stExpandSidebarButton"],
header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stStatusWidget"], footer { display: none !important; }
[data-testid="stMainBlockContainer"], .block-container {
  padding: 0.5rem 1.2rem 0 1.2rem !important; max-width: 100% !important; }
[data-testid="stMain"] { margin-left: 0 !important; }
.atlas-present-title { font-size: 30px !important; font-weight: 700; color: #800026; line-height: 1.2;
  margin: 0 !important; }
.atlas-strip { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 10px;
  margin: 4px 0 6px 0; }
.atlas-fig { min-width: 0; border-left: 6px solid #800026; background: #faf7f5; padding: 2px 10px; }
.atlas-fig .v { font-size: 34px; font-weight: 700; color: #800026; line-height: 1.15; }
.atlas-fig .v.nodata { font-size: 22px; color: #666; padding: 6px 0; }
.atlas-fig .l { font-size: 16px; color: #333; line-height: 1.2; }
.atlas-note { font-size: 14px; color: #444; margin-top: 2px; }
@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"], .block-container { padding: 0.4rem 0.6rem 0 0.6rem !important; }
  .atlas-present-title { font-size: 22px !important; }
  .atlas-strip { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 6px; }
  .atlas-fig { padding: 2px 8px; border-left-width: 4px; }
  .atlas-fig .v { font-size: 24px; }
  .atlas-fig .l { font-size: 13px; }
}
</style>
"""


def _strip(view: ExportView) -> str:
    figures = "".join(
        f'<div class="atlas-fig"><div class="v{" nodata" if f.no_data else ""}">{html.escape(f.text)}</div>'
        f'<div class="l">{html.escape(f.label)}</div></div>'
        for f in view.key_figures
    )
    notes = "".join(
        f'<div class="atlas-note" data-testid="atlas-coverage-note">{html.escape(n)}</div>'
        for n in view.notes
    )
    return f'<div class="atlas-strip" data-testid="atlas-strip">{figures}</div>{notes}'


def render_presentation(key: ViewKey) -> None:
    """The full-screen meeting view: title, key-figure strip and the map (no sidebar, no controls).

    The map names its areas and credits the boundary source; its source line sits below it in
    readable type; on a phone the figures wrap two a row and the title shrinks.
    """
    view = export_view(key)
    st.markdown(_CSS, unsafe_allow_html=True)
    left, right = st.columns([10, 1], vertical_alignment="center")
    left.markdown(
        f'<div class="atlas-present-title">{html.escape(view.map_title)}</div>', unsafe_allow_html=True
    )
    if right.button(t("export.present.exit"), key=Keys.PRESENT_EXIT, icon=":material/close:"):
        set_presenting(False)
        st.rerun()
    st.markdown(_strip(view), unsafe_allow_html=True)
    if is_national(view.area):  # every village: the static picture (no 83k-polygon page)
        st.image(map_picture(key), width="stretch")
        st.markdown(
            f'<div class="atlas-note">{html.escape(view.suppression_note)}</div>', unsafe_allow_html=True
        )
        return
    try:
        page = build(key, "html_present").decode("utf-8")
    except export_files.ExportError as err:
        st.error(t("export.error", message=str(err)))
        st.stop()
    components.html(page, height=present_map_height(len(view.notes)))
    st.markdown(f'<div class="atlas-note">{html.escape(view.suppression_note)}</div>', unsafe_allow_html=True)


# ---------------------------------------------------------------------- the export page's choices
def area_options() -> dict[str, str]:
    """Areas to export: the whole store (every village) when it holds several provinces, each
    province held and its regencies (and the map's current area).

    Callers keep the areas the user may see (``ui.auth.sees``): this module does not import
    ``ui.auth``, which imports it."""
    options: dict[str, str] = {}
    if len(store().provinces()) > 1:
        options[NATIONAL] = t("export.page.national")
    provinces = area_names(Level.PROVINCE)
    for code in sorted(store().provinces()):
        name = provinces.get(code, code)
        options[code] = name
        for child, child_name in sorted(area_names(Level.REGENCY, code).items()):
            options[child] = f"{name} › {child_name}"
    current = st.session_state.get(Keys.AREA) or st.query_params.get("area")
    if current and current not in options and not is_national(current) and current[:2] in store().provinces():
        level = code_level(current)
        names = area_names(level, current.rsplit(".", 1)[0])
        options[current] = names.get(current, current)
    return options


def may_see(code: str, sees) -> bool:
    """Whether a user may export ``code``: ``sees(province)`` (``ui.auth.sees``) for an area, and
    for every village of the store (:data:`NATIONAL`) only a user who sees every province held
    (the store through her grant leaves none out, and she sees each one)."""
    held = store()
    if is_national(code):
        return held.covers_all_provinces and all(sees(p) for p in held.provinces())
    return sees(code)


def year_options() -> list[int]:
    """Years the placements (else reports) layer holds, ascending."""
    return stored_years()


def chosen(name: str, options: list, session_key: str):
    """The current choice of ``name``: from the URL, else the session, else the last/first option
    (a year: the end of the period chosen on any page, ``?year=2023-2024`` giving 2024)."""
    import ui

    raw = st.query_params.get(name)
    if name == "year":
        period = ui.chosen_period()
        raw = str(period[1]) if period else None
    for candidate in (raw, st.session_state.get(session_key)):
        for option in options:
            if candidate is not None and str(option) == str(candidate):
                return option
    if name == "year":
        return options[-1]
    if name == "layer" and "placements" in options:
        return "placements"
    if name == "area":  # a province first, as before the whole store was offered (lighter)
        return next((o for o in options if not is_national(str(o))), options[0])
    return options[0]


def remember(*, area: str, layer: str, year: int | None) -> None:
    """Keep the view in the URL (a copied link reopens it) and in the session (other pages follow)."""
    st.session_state[Keys.AREA] = area
    st.session_state[Keys.LAYER] = layer
    st.query_params["area"] = area
    st.query_params["layer"] = layer
    if year is not None:
        import ui

        held = ui.chosen_period()
        if not held or held[1] != year:  # a range chosen elsewhere ending in this year stays
            ui.set_period(year)


def toggle_from_switch() -> None:
    """Callback of the presentation switch."""
    set_presenting(bool(st.session_state.get(Keys.EXPORT_PRESENT)))


def ready(key: ViewKey, kinds: list[str]) -> bool:
    """True when every format in ``kinds`` has been built for ``key`` (by this session's job)."""
    job = current_job(key, kinds)
    return bool(kinds) and job is not None and job.finished and job.error is None
