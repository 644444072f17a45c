"""Streamlit glue shared by app.py and the pages: session keys, language, the chosen dataset.

Pages import from here; nothing here computes on data (that is ``geo``/``loaders``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

import streamlit as st

import i18n
from loaders import accounts
from loaders.settings import DEMO_DIR, settings
from loaders.store import Store, open_store


class Keys(StrEnum):
    """Every widget and session-state key, in one place."""

    LANG = "lang"
    DATASET = "dataset"
    AREA = "area"
    YEAR = "year"
    PERIOD = "period"
    LAYER = "layer"
    BASEMAP = "basemap"
    SCHEME = "scheme"
    CLASSES = "classes"
    PRESENT = "present"
    VILLAGE = "village"
    LABELS = "labels"
    PANEL = "panel"
    MAP_LEVEL = "map.level"
    PRESENT_SWITCH = "present.switch"
    # the view bar (area selectors, village search, year) shared by every map page
    VIEW_AREA = "view.area"
    VIEW_SEARCH = "view.search"
    VIEW_FIND = "view.find"
    VIEW_YEAR = "view.year"
    VIEW_YEARS = "view.years"
    VIEW_CRUMB = "view.crumb"
    # page widgets (the pages' own keys; prefixes end in ".<name>")
    COVERAGE_KM = "coverage.km"
    COVERAGE_CSV = "coverage.csv"
    ENTERPRISES_MEASURE = "enterprises.measure"
    EXPORT_PRESENT = "export.present"
    EXPORT_SIZE = "export.size"
    EXPORT_FORMATS = "export.formats"
    PLACEMENTS_MEASURE = "placements.measure"
    PLACEMENTS_YEAR_A = "placements.year_a"
    PLACEMENTS_YEAR_B = "placements.year_b"
    PLANNER_TOP = "planner.top"
    PLANNER_EXCLUDE = "planner.exclude"
    PLANNER_CSV = "planner.csv"
    PLANNER_XLSX = "planner.xlsx"
    REPORTS_HOT = "reports.hot"
    REPORTS_ALPHA = "reports.alpha"
    REPORTS_KIND = "reports.kind"
    REPORTS_MEASURE = "reports.measure"
    EMPTY_DEMO = "empty.demo"
    EMPTY_FETCH = "empty.fetch"
    EMPTY_UPLOAD = "empty.upload"
    HOTSPOT_CSV = "reports.hotspots.csv"
    MISSING_CSV = "map.missing.csv"
    PRESENT_EXIT = "present.exit"
    EXPORT_DOWNLOAD = "export.download"
    PLANNER_WEIGHT = "planner.w"
    COVERAGE_SHARE = "coverage.share"
    REPORTS_HOT_LEVEL = "reports.hot_level"
    REPORTS_CORRECTION = "reports.correction"
    JOURNEY_MAP = "journey.map"
    JOURNEY_WHAT = "journey.what"
    JOURNEY_HOW = "journey.how"
    JOURNEY_BROKER = "journey.broker"
    JOURNEY_TOP = "journey.top"
    JOURNEY_FINER = "journey.finer"
    JOURNEY_FLOW = "journey.flow"
    JOURNEY_CSV = "journey.csv"
    CATALOGUE_JSON = "catalogue.json"
    CATALOGUE_XLSX = "catalogue.xlsx"
    # where protection reaches (issue 23)
    COVERAGE_VIEW = "coverage.view"
    COVERAGE_GAP_TO = "coverage.gap_to"
    REACH_TYPE = "reach.type"
    REACH_KM = "reach.km"
    REACH_CROSSINGS = "reach.crossings"
    REACH_CSV = "reach.csv"
    WHERE_N = "where.n"
    WHERE_COVER = "where.cover"
    WHERE_RUN = "where.run"
    WHERE_PLAN = "where.plan"
    WHERE_CSV = "where.csv"
    WHERE_XLSX = "where.xlsx"
    WHERE_PPTX = "where.pptx"
    WHERE_PDF = "where.pdf"


DATASETS = ("demo", "store")


def lang() -> str:
    """The interface language of this session ("id" unless switched)."""
    value = st.session_state.get(Keys.LANG) or settings().language
    return value if value in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE


def t(key: str, **values: object) -> str:
    """Translated text in this session's language."""
    return i18n.t(key, lang(), **values)


def default_dataset() -> str:
    """The user's store when it holds boundaries, else the bundled demo."""
    return "store" if open_store().provinces() else "demo"


def dataset() -> str:
    value = st.session_state.get(Keys.DATASET) or default_dataset()
    return value if value in DATASETS else "demo"


def is_demo() -> bool:
    return dataset() == "demo"


def store() -> Store:
    """The store behind the chosen dataset, as the signed-in user may see it: with sign-in on,
    only the provinces granted (none without a grant; every one for an admin or the grant ``*``).

    The one place every read of the pages starts from (``ui.reads``, the exports), so no page
    reads another province's rows; the view's key names the grant, so cached reads stay apart.
    """
    return accounts.scoped(Store(DEMO_DIR) if is_demo() else open_store())


def user_store() -> Store:
    """The user's own store (``ATLAS_DATA_DIR``), whichever dataset is shown: imports write here,
    seen and changed through the user's grants as :func:`store`.

    The bundled demo pack is never written to.
    """
    return accounts.scoped(open_store())


# ---------------------------------------------------------------------- the view and its URL
#: URL parameters that make the view a page shows, kept in every page link of the sidebar, so
#: moving between pages keeps it and a copied link reopens it (page-local settings, such as a
#: page's measure, are bound to the URL by their widgets and stay on their page). The reach
#: choices (service-point type, radius, ferries: :mod:`ui.reach`) are shared by Cakupan
#: Komunitas and Perencanaan, so they travel too.
VIEW_PARAMS = (
    "lang", "data", "area", "village", "year", "scheme", "classes", "basemap", "labels",
    "service", "radius", "ferry",
)  # fmt: skip


def view_params() -> dict[str, str | list[str]]:
    """The view's URL parameters now (:data:`VIEW_PARAMS` present in the URL; a list where the
    parameter is repeated, as ``?ferry=``)."""
    found = {name: [v for v in st.query_params.get_all(name) if v] for name in VIEW_PARAMS}
    return {name: values[0] if len(values) == 1 else values for name, values in found.items() if values}


def page_links(pages: Sequence) -> None:
    """The sidebar's page links, each carrying the view (:func:`view_params`) in its URL.

    Streamlit's own navigation links drop the query (``/penempatan`` without area or year): it
    is hidden (:data:`HIDDEN_TOOLBARS`) and these take its place. Only the pages the navigation
    holds are linked (a role without the Data page gets no link to it): the registry is read
    from Streamlit's page manager, the one ``st.page_link`` itself reads (Streamlit pinned).
    """
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    registered = (
        {info.get("url_pathname") for info in ctx.pages_manager.get_pages().values()} if ctx else set()
    )
    query = view_params()
    with st.sidebar.container(key="atlas-nav"):
        for page in pages:
            if page.url_path in registered:
                st.page_link(page, query_params=query, width="stretch")


def _same(a: Any, b: Any) -> bool:
    norm = lambda v: tuple(v) if isinstance(v, list | tuple) else v  # noqa: E731
    return norm(a) == norm(b)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(int(value)) if isinstance(value, int) else str(value)


def url_value(param: str, default: Any, options: Sequence | None = None, *, many: bool = False) -> Any:
    """The value of URL parameter ``param`` as the widget holds it: one of ``options`` (compared
    as text: ``2024`` matches the year 2024), several of them with ``many``, a number or a switch
    like ``default``; ``default`` when absent or not valid (a stale link never breaks a page)."""
    raw = st.query_params.get_all(param) if many else st.query_params.get(param)
    if raw is None or raw == []:
        return default
    if options is not None:
        by_text = {_text(option): option for option in options}
        if many:
            return [by_text[r] for r in raw if r in by_text]
        return by_text.get(raw, default)
    try:
        if isinstance(default, bool):
            return {"1": True, "0": False}[raw]
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, float):
            return float(raw)
    except (KeyError, ValueError):
        return default
    return raw


def set_url_value(param: str, value: Any, default: Any = None) -> None:
    """Keep ``value`` in the URL as ``?param=`` (removed when it is the default or empty)."""
    empty = value is None or (isinstance(value, list | tuple) and not value)
    if empty or _same(value, default):
        if param in st.query_params:
            del st.query_params[param]
    elif isinstance(value, list | tuple):
        st.query_params[param] = [_text(v) for v in value]
    else:
        st.query_params[param] = _text(value)


def chosen_scheme() -> tuple[str, int]:
    """The classification the user chose (scheme and number of classes, from the URL)."""
    from geo.classify import USER_SCHEMES

    scheme = url_value("scheme", USER_SCHEMES[0], list(USER_SCHEMES))
    k = url_value("classes", 5)
    return scheme, int(k) if 3 <= int(k) <= 7 else 5


def parse_period(raw: str | None) -> tuple[int, int] | None:
    """The period of a URL's ``year``: ``2024`` or ``2023-2024`` (None when unreadable).

    >>> parse_period("2024"), parse_period("2021-2023"), parse_period("2024-2021"), parse_period("x")
    ((2024, 2024), (2021, 2023), (2021, 2024), None)
    """
    parts = str(raw or "").split("-")
    if not 1 <= len(parts) <= 2 or not all(p.isdigit() and len(p) == 4 for p in parts):
        return None
    years = sorted(int(p) for p in parts)
    return years[0], years[-1]


def period_param(period: tuple[int, int]) -> str:
    """``year`` of the URL for ``period``: ``2024`` or ``2023-2024``."""
    lo, hi = period
    return str(hi) if lo == hi else f"{lo}-{hi}"


def chosen_period() -> tuple[int, int] | None:
    """The period the user chose (on any page): from the URL when it names one, else the session."""
    from_url = parse_period(st.query_params.get(Keys.YEAR))
    if from_url is not None:
        st.session_state[Keys.PERIOD] = from_url
        return from_url
    held = st.session_state.get(Keys.PERIOD)
    return tuple(held) if isinstance(held, tuple | list) and len(held) == 2 else None


def set_period(period: Sequence[int] | int) -> None:
    """Choose a year or a from–to period for every page; kept in the URL (``?year=``)."""
    lo, hi = (int(period), int(period)) if isinstance(period, int) else (int(min(period)), int(max(period)))
    st.session_state[Keys.PERIOD] = (lo, hi)
    st.query_params[Keys.YEAR] = period_param((lo, hi))


def keep_language_in_url() -> None:
    """Widget callback: the chosen language goes into the URL (``?lang=``), so a copied link
    opens in the language it was copied from."""
    st.query_params[Keys.LANG] = lang()


def keep_dataset_in_url() -> None:
    """Widget callback: the chosen dataset goes into the URL (``?data=``)."""
    st.query_params["data"] = dataset()


def choose_dataset(name: str) -> None:
    """Show dataset ``name`` (``demo`` or ``store``), kept in the URL (``?data=``)."""
    st.session_state[Keys.DATASET] = name if name in DATASETS else "demo"
    keep_dataset_in_url()


def use_store() -> None:
    """Widget callback: show the user's store instead of the demo (e.g. after loading boundaries)."""
    st.session_state[Keys.DATASET] = "store"
    keep_dataset_in_url()


def demo_banner() -> None:
    """The label every page shows while the invented demo data is in use."""
    if is_demo():
        st.warning(t("app.demo_banner"), icon=":material/science:")


#: Toolbars that only speak English and cannot be translated: plotly's mode bar (Zoom, Pan,
#: Autoscale, "Download plot as a png"), Streamlit's element toolbar over tables and charts
#: (Search, "Download as CSV", "Show/hide columns", Fullscreen) and its app menu. Tables that
#: can be taken away have our own translated download button instead.
HIDDEN_TOOLBARS = (
    ".modebar-container",
    "[data-testid='stElementToolbar']",
    "[data-testid='stMainMenu']",
    # Streamlit's page navigation, whose links drop the view: :func:`page_links` replaces it
    "[data-testid='stSidebarNav']",
    "[data-testid='stSidebarNavSeparator']",
)

#: Layout on a phone (below 640 px, where Streamlit stacks columns one per row): the view bar's
#: selectors two a row, the headline cards three a row in small type above a full-width map.
PHONE_CSS = (
    "@media (max-width: 640px){"
    "[data-testid='stMainBlockContainer']{padding-left:0.8rem;padding-right:0.8rem;padding-top:3rem}"
    "h1{font-size:1.7rem!important;padding-top:0!important}"
    ".st-key-atlas-viewbar [data-testid='stHorizontalBlock']{flex-wrap:wrap;gap:0.5rem}"
    ".st-key-atlas-viewbar [data-testid='stColumn']{min-width:calc(50% - 0.5rem)!important;"
    "flex:1 1 calc(50% - 0.5rem)!important;width:calc(50% - 0.5rem)!important}"
    "[class*='st-key-atlas-cards'] [data-testid='stHorizontalBlock']{flex-wrap:wrap;gap:0.4rem}"
    "[class*='st-key-atlas-cards'] [data-testid='stColumn']{min-width:calc(33% - 0.4rem)!important;"
    "flex:1 1 calc(33% - 0.4rem)!important;width:calc(33% - 0.4rem)!important}"
    "[class*='st-key-atlas-cards'] [data-testid='stMetric']{padding:0.25rem 0.4rem!important;min-height:0}"
    "[class*='st-key-atlas-cards'] [data-testid='stMetric'] label{margin-bottom:0}"
    "[class*='st-key-atlas-cards'] [data-testid='stMetricDelta']{padding:0 0.2rem}"
    "[class*='st-key-atlas-cards'] [data-testid='stMetricValue']{font-size:1.15rem}"
    "[class*='st-key-atlas-cards'] [data-testid='stMetricLabel'] p{font-size:0.7rem;line-height:1.15}"
    "[class*='st-key-atlas-cards'] [data-testid='stMetricLabel'] .stMarkdownEllipsis,"
    "[class*='st-key-atlas-cards'] [data-testid='stMetricLabel'] .stMarkdownEllipsis p"
    "{white-space:normal!important;overflow:visible!important;text-overflow:clip!important}"
    "[class*='st-key-atlas-cards'] [data-testid='stMetricLabel']{min-height:0;height:auto}"
    "[class*='st-key-atlas-cards'] [data-testid='stTooltipIcon']{display:none}"
    "[class*='st-key-atlas-cards'] [data-testid='stMetricDelta']{font-size:0.65rem}"
    "[class*='st-key-atlas-cards'] [data-testid='stMetricDelta'] svg{display:none}"
    "}"
)


def compact_frame() -> None:
    """Less empty space above the page title, so a map fits a 1366×768 laptop screen; the
    English-only toolbars hidden (:data:`HIDDEN_TOOLBARS`)."""
    hidden = ",".join(HIDDEN_TOOLBARS)
    st.html(
        "<style>[data-testid='stMainBlockContainer']{padding-top:2.2rem}"
        f"{hidden}{{display:none!important}}{PHONE_CSS}</style>"
    )


#: The page's language for the browser (screen readers, spelling, translation offers): Streamlit
#: writes ``<html lang="en">`` whatever the interface speaks. A fixed script of ours, with the
#: code from :data:`i18n.LANGUAGES` only.
_LANG_JS = "<script>document.documentElement.lang = {code!r};</script>"


def html_lang() -> None:
    """Set ``<html lang>`` to the interface language (``id`` or ``en``)."""
    code = lang()
    st.html(
        _LANG_JS.format(code=code if code in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE),
        unsafe_allow_javascript=True,
    )


def local_time(stamp: object) -> str:
    """A stored time stamp (ISO text in UTC) as the reader reads a time: in the browser's time
    zone, ``7 Desember 2026, 18.08 WIB`` (UTC where the browser does not say)."""
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        when = datetime.fromisoformat(str(stamp))
    except ValueError:
        return str(stamp) if stamp not in (None, "") else "–"
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    try:
        zone = ZoneInfo(st.context.timezone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    return i18n.fmt_datetime(when.astimezone(zone), lang())


def readable(frame, times: Sequence[str] = ()):
    """A table as the reader sees it: a missing cell reads "–" (``st.dataframe`` writes Python's
    ``None`` in English), the ``times`` columns in local readable form (:func:`local_time`)."""
    import pandas as pd

    out = frame.copy()
    for column in out.columns:
        if column in times:
            out[column] = out[column].map(local_time)
        elif out[column].dtype == object or isinstance(out[column].dtype, pd.StringDtype):
            out[column] = out[column].map(lambda v: "–" if v is None or v is pd.NA or v != v else v)
        elif out[column].isna().any():
            out[column] = out[column].astype(object).where(out[column].notna(), "–")
    return out


#: Every ASCII character Markdown (CommonMark, GFM, Streamlit's ``:color[...]`` directives and
#: ``$`` LaTeX) or HTML reads as markup; a backslash makes each one literal.
_MARKDOWN_SPECIAL = set("\\`*_{}[]<>()#+-.!|~$&:")
#: Where GFM would make a link of plain text (``http://``, ``www.``, ``name@host``), even escaped:
#: an invisible word joiner after the scheme or ``@`` keeps the text as written and unlinked.
_AUTOLINK = re.compile(r"(https?|ftp|www)(?=[:.])|(@)", re.IGNORECASE)


def md_text(text: object) -> str:
    """``text`` from a file (a file, sheet, column or village name, a value, a message quoting
    them) as literal Markdown for every Streamlit element that renders Markdown (``st.markdown``,
    ``caption``, ``info``/``warning``/``error``/``success``, ``subheader``, widget labels and
    help, ``st.table`` cells): each character Markdown or HTML would read as markup is
    escaped, so ``![x](http://host/img.png)`` and ``<img src=...>`` show as written and nothing
    is fetched; a URL, ``www.`` or e-mail address is not made a link (an invisible word joiner,
    U+2060, follows its scheme or ``@``). Line breaks become spaces (a value is one line).

    >>> print(md_text("<b>Desa_1</b>"))
    \\<b\\>Desa\\_1\\</b\\>
    >>> print(md_text("![x](http://h/i.png)").replace("\\u2060", "+"))  # + marks the joiner
    \\!\\[x\\]\\(http+\\://h/i\\.png\\)
    """
    flat = _AUTOLINK.sub(lambda m: m.group() + "\u2060", " ".join(str(text).splitlines()))
    return "".join("\\" + c if c in _MARKDOWN_SPECIAL else c for c in flat)


def _css_string(text: str) -> str:
    """``text`` as a CSS string literal (for ``content:``)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def localise_uploader() -> None:
    """Show Streamlit's file uploaders in the interface language.

    Streamlit writes the dropzone's button ("Upload") and its note ("200MB per file • XLSX, ...")
    in English whatever the language. CSS shrinks those texts to nothing and shows translated ones
    in their place (``::after``); each uploader's label names the file types it takes. Call once on
    every page that has a file uploader (Streamlit 1.67 DOM: ``stFileUploaderDropzone``).
    """
    button = _css_string(t("app.upload_button"))
    limit = _css_string(t("app.upload_limit", mb=i18n.fmt_int(st.get_option("server.maxUploadSize"), lang())))
    zone = "[data-testid='stFileUploaderDropzone']"
    st.html(
        "<style>"
        f"{zone} [data-testid='stFileUploaderDropzoneInstructions'] span{{font-size:0}}"
        f"{zone} [data-testid='stFileUploaderDropzoneInstructions'] span::after"
        f"{{content:{limit};font-size:0.875rem;line-height:1.6}}"
        f"{zone} [data-testid='stBaseButton-secondary'] [data-testid='stMarkdownContainer'] p{{font-size:0}}"
        f"{zone} [data-testid='stBaseButton-secondary'] [data-testid='stMarkdownContainer'] p::after"
        f"{{content:{button};font-size:0.875rem;line-height:1.6}}"
        "</style>"
    )
