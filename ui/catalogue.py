"""The data catalogue in the pages: its cached read and the *data as of* line every page states.

Both read the chosen dataset's store as the user may see it (``ui.store()``, through her grants),
cached on the store and its data version (``ui.reads``): an import shows at once.
"""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from geo.catalogue import import_day
from loaders import catalogue
from loaders.store import Store
from ui import is_demo, lang, t
from ui.reads import load_layers, store_read

__all__ = ["PAGE_SOURCES", "catalogue_of", "data_as_of", "page_as_of"]

#: What each page reads, for its *data as of* line: the layers (None: every layer) and whether
#: the boundaries count (the area map shows nothing else).
PAGE_SOURCES: dict[str, tuple[tuple[str, ...] | None, bool]] = {
    "overview": (None, False),
    "placements": (("placements", "population"), False),
    "coverage": (("programmes", "placements"), False),
    "enterprises": (("enterprises",), False),
    "reports": (("reports", "placements"), False),
    "journey": (("returns", "placements", "reports", "programmes", "enterprises"), False),
    "planner": (None, False),
    "export": (None, False),
    "map": ((), True),
    "catalogue": (None, True),
}


@store_read
def _document(held: Store, code: str) -> dict:
    # the layers as every page reads them (kept once per data version), not read a second time
    return catalogue.catalogue_document(held, code, frames=load_layers.on(held))


def catalogue_of(code: str | None = None) -> dict:
    """The data catalogue (:func:`loaders.catalogue.catalogue_document`) of the chosen dataset as
    the user may see it, in ``code`` (default: the interface language)."""
    return _document(code or lang())


@store_read
def _newest(held: Store, layers: tuple[str, ...] | None, boundaries: bool) -> str | None:
    return catalogue.newest_import(held, layers, boundaries=boundaries)


def data_as_of(layers: Iterable[str] | None = None, *, boundaries: bool = False) -> None:
    """One line under a page's title: *Data per 7 Desember 2026 (impor terakhir)*, the newest
    import of ``layers`` (None: every layer) and, with ``boundaries``, of the boundaries the user
    may see; *Belum ada data yang diimpor* when there is none (never a date)."""
    stamp = _newest(None if layers is None else tuple(layers), boundaries)
    if stamp is None:
        st.caption(":material/update: " + t("catalogue.as_of.none"))
        return
    day = import_day(stamp, lang())
    key = "catalogue.as_of.demo" if is_demo() else "catalogue.as_of"
    st.caption(":material/update: " + t(key, date=day))


def page_as_of(page: str) -> None:
    """:func:`data_as_of` for the page named ``page`` (:data:`PAGE_SOURCES`)."""
    layers, boundaries = PAGE_SOURCES[page]
    data_as_of(layers, boundaries=boundaries)
