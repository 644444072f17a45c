"""Read from the store what an export of one area needs and hand it to :func:`exports.view.build_view`.

The map shows the children of the chosen area: a province's districts, a regency's or a
district's villages (a village is shown among the villages of its district), drawn from the
display geometry prepared at import.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd

import i18n
from exports.view import MAP_MEASURES, ExportView, build_view
from geo.codes import Level, code_level
from geo.gazetteer import name_of
from loaders.store import LEVEL_FILES, Store, StoreError

__all__ = ["map_level", "load_view", "sources_of"]

#: (level drawn, display zoom) for an area of each level.
_MAP_LEVELS = {
    Level.PROVINCE: (Level.DISTRICT, "province"),
    Level.REGENCY: (Level.VILLAGE, "regency"),
    Level.DISTRICT: (Level.VILLAGE, "regency"),
    Level.VILLAGE: (Level.VILLAGE, "regency"),
}


def map_level(area: str) -> tuple[Level, str, str]:
    """(level drawn, display zoom, parent code whose areas are drawn) for an export of ``area``."""
    level = code_level(area)
    drawn, zoom = _MAP_LEVELS[level]
    parent = area[:8] if level == Level.VILLAGE else area
    return drawn, zoom, parent


def _day(stamp: object, lang: str) -> str:
    import pandas as pd

    try:
        return i18n.fmt_date(pd.Timestamp(str(stamp)[:10]), lang)
    except ValueError:
        return str(stamp)[:10]


def sources_of(store: Store, area: str, *, demo: bool = False, lang: str = "id") -> list[str]:
    """Data sources to credit: the boundaries (archive and licence, or "official file") and each
    layer by its title and the date it was loaded, never a raw file name.

    The demo pack is credited as invented data (in the reader's language), never as a source.
    """
    from geo.layers import LAYERS

    out: list[str] = [i18n.t("app.dataset.demo", lang)] if demo else []
    try:
        meta = store.province_meta(area[:2])
        source = str(meta.get("source") or "")
        if source and not demo:
            key = (
                "map.boundary_source.archive"
                if source.startswith(("http://", "https://"))
                else "map.boundary_source.files"
            )
            day = meta.get("imported_at") or meta.get("written_at")
            text = i18n.t("map.attribution", lang, source=i18n.t(key, lang))
            out.append(text + (f" ({_day(day, lang)})" if day else ""))
    except StoreError:
        pass
    if demo:
        return out
    for layer in store.layers():
        versions = store.layer_meta(layer)["versions"]
        if not versions or layer not in LAYERS:
            continue
        title = i18n.t(LAYERS[layer].title_key, lang)
        out.append(f"{title} ({_day(versions[-1].get('written_at', ''), lang)})")
    return list(dict.fromkeys(out))


def load_view(
    store: Store,
    area: str,
    *,
    year: int | None,
    layer: str = "placements",
    lang: str = "id",
    threshold: int = 5,
    demo: bool = False,
    bins: Sequence[float] | None = None,
    colours: Sequence[str] | None = None,
    as_of: date | None = None,
    scheme: str = "quantiles",
    k: int = 5,
) -> ExportView:
    """Everything an export of ``area`` shows, read from ``store`` and protected."""
    if area[:2] not in store.provinces():
        raise StoreError(f"the store holds no boundaries for province {area[:2]}")
    drawn, zoom, parent = map_level(area)
    map_areas = store.read_areas(drawn, parent, display=zoom)
    folder = store.province_dir(area[:2])
    villages = pd.read_parquet(folder / LEVEL_FILES[Level.VILLAGE], columns=["code", "name", "district_name"])
    villages = villages[(villages["code"] == parent) | villages["code"].str.startswith(parent + ".")]
    layers = {name: store.read_layer(name) for name in store.layers() if name in MAP_MEASURES}
    area_name = _area_name(store, area)
    return build_view(
        layers,
        map_areas,
        villages,
        area=area,
        area_name=area_name,
        year=year,
        layer=layer,
        lang=lang,
        threshold=threshold,
        sources=sources_of(store, area, demo=demo, lang=lang),
        as_of=as_of,
        demo=demo,
        bins=bins,
        colours=colours,
        table_area=parent,
        scheme=scheme,
        k=k,
    )


def _area_name(store: Store, area: str) -> str:
    level = code_level(area)
    try:
        found = store.read_areas(level, area)
    except StoreError:
        found = pd.DataFrame()
    if len(found):
        return str(found["name"].iloc[0])
    return name_of(area) or area
