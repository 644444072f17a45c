"""The national village view: every village of the store on one canvas, coloured by a class table.

Geometry is prepared at import (``geo.tiles``: one pack per province and zoom, in the store).
Here the packs of the current store version are put where the app serves them (a folder
registered as a component path, so Streamlit answers the browser's requests; compressed on the
way) and the renderer (``ui/national_frontend/``: Leaflet from the app plus a canvas layer of our
own) is sent, on every rerun, only what changes: one class digit per village, the palette,
the distinct tooltip texts with an index per village, the legend. A year or filter change thus
recolours from the geometry the browser already holds.
"""

from __future__ import annotations

import hashlib
import html
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import streamlit as st
import streamlit.components.v1 as components

import i18n
from geo import maps, tiles
from loaders.store import Store
from ui import lang, store, t

__all__ = ["NationalPacks", "national_packs", "village_labels", "national_map"]

FRONTEND = Path(__file__).parent / "national_frontend"
SERVED = Path(tempfile.gettempdir()) / "atlas-national-packs"


@dataclass(frozen=True)
class NationalPacks:
    """The packs of one store version as served: where, in which order, and their villages."""

    name: str  # the component name the packs are served under
    token: str
    provinces: list[str]
    files: dict[str, dict[str, str]]  # zoom -> province -> file name
    codes: list[str]  # every village of the national packs, in the browser's order
    index: pd.Index  # the same codes as an index, to align values without a lookup per rerun
    bounds: tuple[float, float, float, float]
    missing: list[str]  # provinces without packs (imported before packs existed)


@st.cache_resource(show_spinner=False, max_entries=4)
def _served(root: str, version: str) -> NationalPacks:
    held = Store(root)
    token = hashlib.sha1(f"{root}\n{version}".encode()).hexdigest()[:12]
    folder = SERVED / token
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, dict[str, str]] = {zoom: {} for zoom in tiles.PACK_ZOOMS}
    codes: list[str] = []
    bounds = np.array([np.inf, np.inf, -np.inf, -np.inf])
    provinces, missing = [], []
    for province in held.provinces():
        packs = {zoom: held.read_pack(province, zoom) for zoom in tiles.PACK_ZOOMS}
        if packs["national"] is None:
            missing.append(province)
            continue
        provinces.append(province)
        for zoom, data in packs.items():
            if data is None:
                continue
            name = f"{province}-{zoom}.json"
            target = folder / name
            if not target.is_file() or target.stat().st_size != len(data):
                tmp = target.with_suffix(".tmp")
                tmp.write_bytes(data)
                tmp.replace(target)
            files[zoom][province] = name
        head = json.loads(packs["national"])
        codes += head["code"]
        if head["code"]:
            b = np.asarray(head["b"], dtype=float)
            bounds = np.array(
                [min(bounds[0], b[0]), min(bounds[1], b[1]), max(bounds[2], b[2]), max(bounds[3], b[3])]
            )
    if not codes:
        bounds = np.array([95.0, -11.0, 141.0, 6.0])
    return NationalPacks(
        name=f"packs_{token}",
        token=token,
        provinces=provinces,
        files=files,
        codes=codes,
        index=pd.Index(codes, dtype="object", name="code"),
        bounds=tuple(float(v) for v in bounds),
        missing=missing,
    )


def national_packs() -> NationalPacks:
    """The packs of the chosen dataset's store, served by the app (cached per store version)."""
    held = store()
    return _served(held.key, held.version())


def village_labels(values: pd.Series, text) -> tuple[list[str], str]:
    """Tooltip texts of ``values`` (one per village; NaN = no data) as distinct escaped texts and
    an index string: ``text(value)`` is called once per distinct value, not per village."""
    distinct = pd.unique(values.to_numpy())
    position = pd.Series(np.arange(len(distinct)), index=pd.Index(distinct))
    index = position.reindex(values.to_numpy()).to_numpy()
    if values.isna().any():
        index[values.isna().to_numpy()] = position[position.index.isna()].iloc[0]
    texts = [html.escape(text(v)) for v in distinct]
    return texts, maps.encode_varints(np.asarray(index, dtype=np.int64))


def marker_args(points: maps.Points | None) -> dict | None:
    """The markers as the national frontend draws them: positions, colour, radius, escaped tip."""
    if points is None or not len(points.lon):
        return None
    radius = points.radius or [5] * len(points.lon)
    return {
        "x": np.round(np.asarray(points.lon, dtype=float), 5).tolist(),
        "y": np.round(np.asarray(points.lat, dtype=float), 5).tolist(),
        "c": [points.colours[g] for g in points.groups],
        "r": [float(r) for r in radius],
        "v": list(points.codes) if points.codes is not None else None,
        "t": [html.escape(str(x)) for x in (points.tooltips or [str(g) for g in points.groups])],
    }


def _renderer():
    return components.declare_component("atlas_national_map", path=str(FRONTEND))


def national_map(
    key: str,
    packs: NationalPacks,
    layer: maps.MapLayer,
    *,
    legend: str,
    basemap: str = "none",
    height: int = 460,
    label_texts: tuple[list[str], str] | None = None,
    credit: str | None = None,
    points: maps.Points | None = None,
) -> str | None:
    """Draw the national village map; return the code of the village clicked last (or None).

    ``credit`` (the boundary source and licence, plain text) replaces Leaflet's attribution flag;
    ``points`` (programme villages) are drawn as circles over the villages, as on a province map.

    ``layer.classes`` holds one class per village of ``packs.codes``; ``label_texts`` (from
    :func:`village_labels`) replaces ``layer.labels`` for the tooltips.
    """
    if len(layer.classes) != len(packs.codes):
        raise ValueError(
            f"{len(layer.classes)} classes for {len(packs.codes)} villages; give one per village"
        )
    served = components.declare_component(packs.name, path=str(SERVED / packs.token))
    if basemap not in maps.BASEMAPS:
        raise ValueError(f"unknown basemap {basemap!r}; choose one of: {', '.join(maps.BASEMAPS)}")
    url, attribution = maps.BASEMAPS[basemap]
    texts, index = label_texts or tiles.label_table([html.escape(s) for s in layer.labels])
    rev = st.session_state.get(f"{key}.national_rev", 0) + 1
    st.session_state[f"{key}.national_rev"] = rev
    highlight = np.flatnonzero(layer.highlight).tolist() if layer.highlight is not None else None
    value = _renderer()(
        key=f"{key}.national",
        default=None,
        height=height,
        version=packs.token,
        base=f"../{served.name}/",
        packs=[{"prov": p, "url": packs.files["national"][p]} for p in packs.provinces],
        detail=packs.files.get("province", {}),
        detailZoom=tiles.DETAIL_MIN_ZOOM,
        bounds=list(packs.bounds),
        c=tiles.class_digits(layer.classes),
        palette=list(layer.palette),
        nodata=maps.NO_DATA_COLOUR,
        lab=texts,
        li=index,
        vl=html.escape(layer.value_label),
        h=highlight,
        legend=legend,
        tiles=url,
        attribution=attribution,
        prefix=maps.attribution_html(credit) if credit else None,
        mk=marker_args(points),
        rev=rev,
        text={
            "loading": t("tiles.loading", count=i18n.fmt_int(len(packs.codes), lang())),
            "failed": t("tiles.failed"),
            "nocanvas": t("tiles.no_canvas"),
            "noleaflet": t("tiles.no_leaflet"),
        },
    )
    return (value or {}).get("code") if isinstance(value, dict) else None
