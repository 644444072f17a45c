"""The data catalogue read from a store: :func:`catalogue_document` and :func:`newest_import`.

``catalogue_document(store, lang)`` is the one function every door of the catalogue calls: the
Katalog Data page, the catalogue sheet of the XLSX exports and the OGC API's JSON document. Pass
the store *as the user may see it* (``ui.store()``, ``store.within(provinces)``): periods, last
imports and coverage are then computed over the provinces granted only, and an account without a
grant sees the written metadata with nothing held (deny by default). No Streamlit here.

Examples
--------
>>> import json, tempfile
>>> from loaders.store import Store
>>> doc = catalogue_document(Store(tempfile.mkdtemp()), "en")
>>> doc["data_as_of"] is None, doc["figures"][0]["held"]["period"]
(True, 'No data')
>>> json.loads(json.dumps(doc)) == doc
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

import i18n
from geo.catalogue import build_document, newest
from geo.codes import Level
from geo.layers import LAYERS
from loaders.store import Store, StoreError
from loaders.store.base import now

__all__ = ["catalogue_document", "newest_import"]


def _province_metas(store: Store) -> dict[str, dict]:
    metas = {}
    for province in store.provinces():
        try:
            metas[province] = store.province_meta(province)
        except StoreError:
            continue  # deleted between the two reads: not held
    return metas


def _villages_with_polygon(store: Store) -> int | None:
    if not store.provinces():
        return None
    try:
        frame = store.read_attributes(Level.VILLAGE, None, ["code", "has_polygon"])
    except StoreError:
        return None
    if "has_polygon" not in frame:
        return int(len(frame))
    return int(frame["has_polygon"].fillna(False).astype(bool).sum())


def catalogue_document(
    store: Store,
    lang: str = i18n.DEFAULT_LANGUAGE,
    *,
    frames: Mapping[str, pd.DataFrame] | None = None,
) -> dict:
    """The whole data catalogue of ``store`` in ``lang``, as a JSON-serialisable dict.

    Every layer and every registry figure with its metadata (Satu Data MS-Ind elements, update
    cadence, caveats) and what ``store`` holds of it: period, last import (ISO time, UTC),
    provinces and villages; see :func:`geo.catalogue.build_document` for the keys. ``frames``
    are the layers already read from the same store (an export has them), else they are read.
    """
    if lang not in i18n.LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of: {', '.join(i18n.LANGUAGES)}")
    held = set(store.layers())
    given = frames or {}
    frames = {
        name: given[name] if name in given else store.read_layer(name) for name in LAYERS if name in held
    }
    versions = {name: store.layer_meta(name).get("versions", []) for name in LAYERS if name in held}
    return build_document(
        frames,
        versions,
        _province_metas(store),
        _villages_with_polygon(store),
        lang,
        generated_at=now(),
    )


def newest_import(
    store: Store, layers: Iterable[str] | None = None, *, boundaries: bool = False
) -> str | None:
    """The ISO time of the newest import ``store`` holds of ``layers`` (None: every layer) and,
    with ``boundaries``, of the boundaries; None when nothing of them was imported.

    Cheap (version metadata only, no rows): every page's *data as of* line reads it.
    """
    held = set(store.layers())
    names = [name for name in (LAYERS if layers is None else layers) if name in held]
    stamps = [v.get("written_at") for name in names for v in store.layer_meta(name).get("versions", [])]
    if boundaries:
        stamps += [m.get("imported_at") or m.get("written_at") for m in _province_metas(store).values()]
    return newest(stamps)
