"""Streamlit glue shared by app.py and the pages: session keys, language, the chosen dataset.

Pages import from here; nothing here computes on data (that is ``geo``/``loaders``).
"""

from __future__ import annotations

from enum import StrEnum

import streamlit as st

import i18n
from loaders.settings import DEMO_DIR, settings
from loaders.store import Store


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
    return "store" if Store(settings().data_dir).provinces() else "demo"


def dataset() -> str:
    value = st.session_state.get(Keys.DATASET) or default_dataset()
    return value if value in DATASETS else "demo"


def is_demo() -> bool:
    return dataset() == "demo"


def store() -> Store:
    """The store behind the chosen dataset."""
    return Store(DEMO_DIR if is_demo() else settings().data_dir)


def demo_banner() -> None:
    """The label every page shows while the invented demo data is in use."""
    if is_demo():
        st.warning(t("app.demo_banner"), icon=":material/science:")


def compact_frame() -> None:
    """Less empty space above the page title, so a map fits a 1366×768 laptop screen."""
    st.html("<style>[data-testid='stMainBlockContainer']{padding-top:2.2rem}</style>")
