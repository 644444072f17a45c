"""Streamlit glue shared by app.py and the pages: session keys, language, the chosen dataset.

Pages import from here; nothing here computes on data (that is ``geo``/``loaders``).
"""

from __future__ import annotations

import re
from enum import StrEnum

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


def keep_language_in_url() -> None:
    """Widget callback: the chosen language goes into the URL (``?lang=``), so a copied link
    opens in the language it was copied from."""
    st.query_params[Keys.LANG] = lang()


def keep_dataset_in_url() -> None:
    """Widget callback: the chosen dataset goes into the URL (``?data=``)."""
    st.query_params["data"] = dataset()


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
)


def compact_frame() -> None:
    """Less empty space above the page title, so a map fits a 1366×768 laptop screen; the
    English-only toolbars hidden (:data:`HIDDEN_TOOLBARS`)."""
    hidden = ",".join(HIDDEN_TOOLBARS)
    st.html(
        "<style>[data-testid='stMainBlockContainer']{padding-top:2.2rem}"
        f"{hidden}{{display:none!important}}</style>"
    )


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
