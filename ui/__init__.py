"""Streamlit glue shared by app.py and the pages: session keys, language, the chosen dataset.

Pages import from here; nothing here computes on data (that is ``geo``/``loaders``).
"""

from __future__ import annotations

from enum import StrEnum

import streamlit as st

import i18n
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
    """The store behind the chosen dataset."""
    return Store(DEMO_DIR) if is_demo() else open_store()


def user_store() -> Store:
    """The user's own store (``ATLAS_DATA_DIR``), whichever dataset is shown: imports write here.

    The bundled demo pack is never written to.
    """
    return open_store()


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


def compact_frame() -> None:
    """Less empty space above the page title, so a map fits a 1366×768 laptop screen."""
    st.html("<style>[data-testid='stMainBlockContainer']{padding-top:2.2rem}</style>")


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
