"""View controls: widgets whose value is the view's, kept in the session and the URL (one
mechanism for every page's controls). Apart from ``ui`` because every callback goes through
``ui.auth.guarded`` and ``ui.auth`` imports ``ui``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

import i18n
from ui import _same, lang, set_url_value, url_value
from ui.auth import guarded

__all__ = ["bound", "view_widget"]


def _apply(key: str, on_change: Callable[[Any], None]) -> None:
    on_change(st.session_state[key])


def view_widget(
    widget: Callable[..., Any],
    key: str,
    value: Any,
    *,
    on_change: Callable[[Any], None],
    default: str = "value",
    options: Sequence | None = None,
    **kwargs: Any,
) -> Any:
    """Draw ``widget`` (``st.selectbox``, ``st.select_slider``, ...) showing ``value``, the view's
    current choice, kept in the session and the URL rather than in the widget.

    The one mechanism every page's view controls go through. A link, a map click, the
    breadcrumb or another page may change the view: the widget's own state is set to ``value``
    when it differs. The widget's key names the interface language (``key`` itself in
    Indonesian, ``key.en`` in English), so a language switch draws it anew in the new language.
    ``value`` is also given as the widget's default (``default``: the name of that argument;
    ``"index"`` for a selectbox, computed from ``options``), so the widget keeps
    its kind: a select_slider without a default value reads a stored range as one year, and the
    page's year range snapped back to one year after every change. The user's change reaches
    the view through ``on_change(new_value)`` before the page runs again.
    """
    # one widget per language: Streamlit keeps showing a choice in the words it was made in (a
    # selectbox read "Semua" in the English interface after a language switch)
    key = key if lang() == i18n.DEFAULT_LANGUAGE else f"{key}.{lang()}"
    if key not in st.session_state or not _same(st.session_state[key], value):
        st.session_state[key] = tuple(value) if isinstance(value, list) else value
    if options is not None:
        kwargs["options"] = options
    if default == "index":
        kwargs["index"] = list(options).index(value) if options is not None and value in options else 0
    else:
        kwargs[default] = value
    return widget(key=key, on_change=guarded(_apply), args=(key, on_change), **kwargs)


def bound(
    widget: Callable[..., Any],
    key: str,
    param: str,
    default: Any,
    *,
    options: Sequence | None = None,
    many: bool = False,
    value_arg: str = "value",
    **kwargs: Any,
) -> Any:
    """A control whose value lives in the URL (``?param=``, untranslated values), so reloading
    or sharing the page's link shows the same view; drawn by :func:`view_widget`.

    ``value_arg`` names the widget's default argument (``"index"`` for a selectbox or radio,
    ``"default"`` for a segmented control, pills or multiselect). A segmented control the user
    clears falls back to ``default``.
    """
    value = url_value(param, default, options, many=many)

    def keep(new: Any) -> None:
        set_url_value(param, default if new is None and not many else new, default)

    return view_widget(
        widget, key, value, on_change=guarded(keep), default=value_arg, options=options, **kwargs
    )
