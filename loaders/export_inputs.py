"""Read from the store what an export of one area needs and hand it to :func:`exports.view.build_view`.

The map shows the children of the chosen area: a province's districts, a regency's or a
district's villages (a village is shown among the villages of its district), drawn from the
display geometry prepared at import. The whole store (:data:`exports.view.NATIONAL`) shows every
village from the national display copy, with the provinces outlined.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd

import i18n
from exports.view import MAP_MEASURES, NATIONAL, ExportView, build_view, is_national
from geo import figures
from geo.codes import Level, code_level
from geo.gazetteer import name_of
from geo.layers import with_columns
from loaders.catalogue import catalogue_document
from loaders.store import Store, StoreError

__all__ = ["map_level", "load_view", "sources_of", "NATIONAL"]

#: (level drawn, display zoom) for an area of each level.
_MAP_LEVELS = {
    Level.PROVINCE: (Level.DISTRICT, "province"),
    Level.REGENCY: (Level.VILLAGE, "regency"),
    Level.DISTRICT: (Level.VILLAGE, "regency"),
    Level.VILLAGE: (Level.VILLAGE, "regency"),
}


def map_level(area: str) -> tuple[Level, str, str | None]:
    """(level drawn, display zoom, parent code whose areas are drawn) for an export of ``area``.

    The whole store draws its villages at the national zoom, inside no parent (None).
    """
    if is_national(area):
        return Level.VILLAGE, "national", None
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
    # the whole store credits each kind of boundary source once, with its latest import day
    latest: dict[str, str] = {}
    for province in store.provinces() if is_national(area) else [area[:2]]:
        try:
            meta = store.province_meta(province)
        except StoreError:
            continue
        source = str(meta.get("source") or "")
        if source and not demo:
            key = (
                "map.boundary_source.archive"
                if source.startswith(("http://", "https://"))
                else "map.boundary_source.files"
            )
            day = str(meta.get("imported_at") or meta.get("written_at") or "")
            text = i18n.t("map.attribution", lang, source=i18n.t(key, lang))
            latest[text] = max(latest.get(text, ""), day)  # ISO stamps compare as text
    out += [text + (f" ({_day(day, lang)})" if day else "") for text, day in latest.items()]
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
    """Everything an export of ``area`` (or of the whole store, :data:`NATIONAL`) shows, read from
    ``store`` and protected.

    ``store`` is the store as the user may see it (``ui.store()``: through her grants), so an area
    of another province is refused as not held, and every village of the store only when the
    store's view leaves no province out."""
    national = is_national(area)
    if national and not store.provinces():
        raise StoreError("the store holds no boundaries")
    if national and not store.covers_all_provinces:  # a store seen through a grant of some provinces
        raise StoreError("every village of the store is shown only to a user who sees every province held")
    # a store seen through a grant holds no other province (ui.store(): deny by default)
    if not national and area[:2] not in store.provinces():
        raise StoreError(f"the store holds no boundaries for province {area[:2]}")
    drawn, zoom, parent = map_level(area)
    columns = ["code", "name", "geometry"] if national else None  # 83k rows: only what is drawn
    try:
        map_areas = store.read_areas(drawn, parent, display=zoom, columns=columns)
    except StoreError:
        if not national:
            raise
        # provinces imported before the national copy existed: the command that writes it
        missing = len(_missing_national(store))
        raise StoreError(i18n.t("tiles.missing", lang, count=missing)) from None
    villages = store.read_attributes(Level.VILLAGE, parent, village_columns(area))
    outlines = None
    if national:
        try:
            outlines = store.read_areas(
                Level.PROVINCE, None, display="national", columns=["code", "geometry"]
            )
        except StoreError:
            outlines = None  # a map without province lines rather than no map
    # a version stored before a column existed reads with it empty (geo.layers.with_columns)
    layers = {
        name: with_columns(name, store.read_layer(name)) for name in store.layers() if name in MAP_MEASURES
    }
    # as the map can show them: the whole store counts the provinces with boundaries, and says
    # what it leaves out
    layers, left = figures.drawn_only(layers, store.provinces())
    area_name = _area_name(store, area, lang)
    view = build_view(
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
        map_outlines=outlines,
        notes=[figures.outside_note(left, lang)] if national and left else [],
    )
    # the metadata of every figure, as the catalogue page states it (the XLSX catalogue sheet)
    view.catalogue = catalogue_document(store, lang, frames=layers)
    return view


def village_columns(area: str) -> list[str]:
    """The village attributes an export of ``area`` names each village by: its district, and the
    regency and province where the table spans several (so a top-village row is unambiguous)."""
    columns = ["code", "name", "district_name"]
    if is_national(area):
        return [*columns, "regency_name", "province_name"]
    if code_level(area) == Level.PROVINCE:
        return [*columns, "regency_name"]
    return columns


def _missing_national(store: Store) -> list[str]:
    """Provinces lacking the national village display copy."""
    out = []
    for province in store.provinces():
        try:
            store.read_areas(Level.VILLAGE, province, display="national", columns=["code", "geometry"])
        except StoreError:
            out.append(province)
    return out


def _area_name(store: Store, area: str, lang: str) -> str:
    if is_national(area):
        return i18n.t("common.indonesia", lang)
    level = code_level(area)
    try:
        found = store.read_areas(level, area)
    except StoreError:
        found = pd.DataFrame()
    if len(found):
        return str(found["name"].iloc[0])
    return name_of(area) or area


def gis_areas(store: Store, area: str):
    """The polygons of ``area``'s map for the GIS files, with the names of the areas above each.

    The full stored geometry of the areas the map draws (a GIS user wants the boundaries, not the
    screen's simplified copy); the whole store (:data:`NATIONAL`) its national display copy (the
    full polygons of 83k villages would make a file of hundreds of megabytes). Columns: ``code``,
    ``name``, ``district_name`` / ``regency_name`` / ``province_name`` where they apply,
    ``geometry``.
    """
    drawn, _, parent = map_level(area)
    if is_national(area):
        areas = store.read_areas(drawn, None, display="national", columns=["code", "name", "geometry"])
        names = store.read_attributes(
            Level.VILLAGE, None, ["code", "district_name", "regency_name", "province_name"]
        )
        return areas.merge(names, on="code", how="left")
    areas = store.read_areas(drawn, parent)
    if drawn == Level.VILLAGE:
        keep = ["code", "name", "district_name", "regency_name", "province_name", "geometry"]
        return areas[[c for c in keep if c in areas]]
    # a province's districts: the regency and province of each from the levels above
    regencies = store.read_attributes(Level.REGENCY, area[:2], ["code", "name"])
    provinces = store.read_attributes(Level.PROVINCE, None, ["code", "name"])
    areas = areas[["code", "name", "geometry"]].copy()
    codes = areas["code"].astype(str)
    areas["regency_name"] = codes.str.slice(0, 5).map(
        dict(zip(regencies["code"], regencies["name"], strict=True))
    )
    areas["province_name"] = codes.str.slice(0, 2).map(
        dict(zip(provinces["code"], provinces["name"], strict=True))
    )
    return areas
