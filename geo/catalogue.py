"""The data catalogue: every layer and every headline figure with its metadata, one document.

Each entry states the elements of Satu Data Indonesia's indicator metadata (*Metadata Statistik
Indikator*, MS-Ind, Peraturan BPS 5/2020 under Perpres 39/2019) and the catalogue's own
(update cadence, caveats), in the reader's language. Nothing is written twice: a figure's name
and definition are its registry texts (``figure.<name>``, ``figure.help.<name>``), its concept,
method, unit and caveats its own (``figure.<element>.<name>``); its measure, interpretation,
period rule, access and composition follow from its :class:`geo.figures.Figure` fields, and its
breakdowns, source and cadence are those of the layer it reads (``layer.<element>.<layer>``).

What the store holds is computed, never written: the period held, the last import, the provinces
and the number of villages a layer covers (:func:`layer_held`), from the frames the caller read
*through the user's grant*, so the catalogue shows what that user may see.

Examples
--------
>>> figure_metadata("placements", "en")["unit"]
'persons'
>>> figure_metadata("problem_per_100", "en")["composite"]
'Yes, built from: Returns, Placements'
>>> period_text({"years": [2021, 2023], "basis": "year", "loaded": True}, "id")
'2021–2023'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

import i18n
from geo import figures as registry
from geo.layers import LAYERS

__all__ = [
    "BOUNDARIES",
    "CATALOGUE_LAYERS",
    "ELEMENTS",
    "HELD",
    "LAYER_ELEMENTS",
    "build_document",
    "boundaries_held",
    "element_label",
    "figure_held",
    "figure_metadata",
    "layer_held",
    "layer_metadata",
    "layer_name",
    "newest",
    "period_text",
]

#: A figure's metadata elements, in MS-Ind order (name, concept, definition, interpretation,
#: method, measure, unit, classification, level of estimation, period, composite, source, public
#: access), then the catalogue's update cadence and caveats.
ELEMENTS = (
    "name",
    "concept",
    "definition",
    "interpretation",
    "method",
    "measure",
    "unit",
    "classification",
    "level",
    "period",
    "composite",
    "source",
    "access",
    "cadence",
    "caveats",
)
#: A layer's metadata elements (a layer is a table of the store, not an indicator).
LAYER_ELEMENTS = (
    "name",
    "definition",
    "unit",
    "classification",
    "level",
    "period",
    "source",
    "access",
    "cadence",
    "caveats",
)
#: What the catalogue computes from the store for every entry.
HELD = ("period_held", "last_import", "provinces", "villages")
#: The boundaries: the base every layer is joined to, catalogued like a layer.
BOUNDARIES = "boundaries"
#: Layers in catalogue order: the data layers of :data:`geo.layers.LAYERS`, then the boundaries.
CATALOGUE_LAYERS = (*LAYERS, BOUNDARIES)

#: Period rule of each layer's rows (:func:`geo.figures.period_rows`), population and boundaries.
_LAYER_PERIOD = {
    **{name: registry.layer_period(name) for name in LAYERS if name != "population"},
    "population": "latest",
    BOUNDARIES: "edition",
}


def element_label(element: str, lang: str = i18n.DEFAULT_LANGUAGE) -> str:
    """The heading of a metadata element (``Satuan`` / ``Unit``) or of a computed one (``HELD``)."""
    if element not in (*ELEMENTS, *HELD):
        raise ValueError(
            f"unknown catalogue element {element!r}; choose one of: {', '.join((*ELEMENTS, *HELD))}"
        )
    return i18n.t(f"catalogue.element.{element}", lang)


def layer_name(layer: str, lang: str = i18n.DEFAULT_LANGUAGE) -> str:
    """The layer's name (``Penempatan PMI``); the boundaries are ``Batas wilayah``."""
    if layer == BOUNDARIES:
        return i18n.t("catalogue.boundaries", lang)
    return i18n.t(LAYERS[layer].title_key, lang)


def _layer_text(layer: str, element: str, lang: str) -> str:
    if layer == BOUNDARIES:
        return i18n.t(f"catalogue.boundaries.{element}", lang)
    return i18n.t(LAYERS[layer].meta_key(element), lang)


def _access(suppression: str, lang: str) -> str:
    return i18n.t(f"catalogue.access.{suppression}", lang)


def _layer_access(layer: str) -> str:
    """A layer is protected as the figures counting it are: small counts when any figure of its
    own is (placements, enterprises, reports, returns), otherwise public (programmes, residents)."""
    rules = {f.suppression for f in registry.FIGURES.values() if f.layer == layer}
    return "small_count" if "small_count" in rules else "public"


def layer_metadata(layer: str, lang: str = i18n.DEFAULT_LANGUAGE) -> dict[str, str]:
    """Every element of :data:`LAYER_ELEMENTS` for ``layer`` in ``lang`` (texts, in order)."""
    if layer not in CATALOGUE_LAYERS:
        raise ValueError(f"unknown layer {layer!r}; choose one of: {', '.join(CATALOGUE_LAYERS)}")
    out = {"name": layer_name(layer, lang)}
    for element in ("definition", "unit", "classification"):
        out[element] = _layer_text(layer, element, lang)
    out["level"] = i18n.t("catalogue.level.boundaries" if layer == BOUNDARIES else "catalogue.level", lang)
    out["period"] = i18n.t(f"catalogue.period.{_LAYER_PERIOD[layer]}", lang)
    out["source"] = _layer_text(layer, "source", lang)
    out["access"] = _access(_layer_access(layer), lang)
    for element in ("cadence", "caveats"):
        out[element] = _layer_text(layer, element, lang)
    return out


def _measure(figure: registry.Figure) -> str:
    return "share" if figure.share else "rate" if figure.digits else "count"


def figure_metadata(name: str, lang: str = i18n.DEFAULT_LANGUAGE) -> dict[str, str]:
    """Every element of :data:`ELEMENTS` for the registry figure ``name`` in ``lang``."""
    try:
        figure = registry.FIGURES[name]
    except KeyError:
        raise ValueError(f"unknown figure {name!r}; choose one of: {', '.join(registry.FIGURES)}") from None
    own = {element: i18n.t(figure.meta_key(element), lang) for element in registry.METADATA}
    sources = [layer_name(layer, lang) for layer in figure.sources]
    composite = (
        i18n.t("catalogue.composite.yes", lang, layers=", ".join(sources))
        if len(figure.sources) > 1 or figure.suppression == "derived"
        else i18n.t("catalogue.composite.no", lang)
    )
    return {
        "name": i18n.t(figure.label_key, lang),
        "concept": own["concept"],
        "definition": i18n.t(figure.help_key, lang),
        "interpretation": i18n.t(f"catalogue.better.{figure.better}", lang),
        "method": own["method"],
        "measure": i18n.t(f"catalogue.measure.{_measure(figure)}", lang),
        "unit": own["unit"],
        "classification": _layer_text(figure.layer, "classification", lang),
        "level": i18n.t("catalogue.level", lang),
        "period": i18n.t(f"catalogue.period.{figure.period}", lang),
        "composite": composite,
        "source": " ".join(_layer_text(layer, "source", lang) for layer in figure.sources),
        "access": _access(figure.suppression, lang),
        "cadence": _layer_text(figure.layer, "cadence", lang),
        "caveats": own["caveats"],
    }


# ---------------------------------------------------------------------- what the store holds
def newest(stamps: Iterable[object]) -> str | None:
    """The newest of ISO time stamps (``written_at`` of versions and boundaries); None when there
    is none, so nothing is ever shown as a date when nothing was imported.

    >>> newest(["2026-12-01T08:00:00+00:00", None, "2026-12-07T10:00:00+00:00"])
    '2026-12-07T10:00:00+00:00'
    >>> newest([]) is None
    True
    """
    held = [str(s) for s in stamps if s is not None and str(s).strip() and not pd.isna(s)]
    return max(held) if held else None  # ISO stamps of one zone compare as text


def _years(values: pd.Series) -> list[int]:
    numbers = pd.to_numeric(values, errors="coerce").dropna()
    return sorted({int(y) for y in numbers})


def layer_held(layer: str, frame: pd.DataFrame | None, versions: Sequence[Mapping]) -> dict:
    """What the store holds of ``layer``: ``loaded``, the ``years`` held (``basis`` ``year``, or
    ``start_year`` for programmes and enterprises, counted by the year they started), the
    ``last_import`` (ISO stamp of the newest version), the ``provinces`` (codes) and the number of
    ``villages`` its rows name. ``frame`` and ``versions`` are read through the user's grant."""
    frame = frame if frame is not None else pd.DataFrame()
    loaded = not frame.empty
    basis = "start_year" if _LAYER_PERIOD.get(layer) == "by_year" else "year"
    years = _years(frame[basis]) if loaded and basis in frame else []
    villages = (
        frame["village"].dropna().astype(str) if loaded and "village" in frame else pd.Series(dtype=str)
    )
    return {
        "loaded": loaded,
        "years": years,
        "basis": basis,
        "last_import": newest(v.get("written_at") for v in versions) if loaded else None,
        "provinces": sorted(set(villages.str[:2])) if loaded else [],
        "villages": int(villages.nunique()) if loaded else None,
        "versions": len(versions) if loaded else 0,
    }


def boundaries_held(metas: Mapping[str, Mapping], villages: int | None) -> dict:
    """What the store holds of the boundaries: the provinces (``metas``: province code -> the
    metadata written with it), their newest import and ``villages`` (those with a polygon)."""
    loaded = bool(metas)
    return {
        "loaded": loaded,
        "years": [],
        "basis": None,
        "last_import": newest(m.get("imported_at") or m.get("written_at") for m in metas.values()),
        "provinces": sorted(metas),
        "villages": int(villages) if loaded and villages is not None else None,
        "versions": len(metas),
    }


def figure_held(name: str, held: Mapping[str, Mapping]) -> dict:
    """What the store holds of a figure, from its layers' :func:`layer_held`: loaded when every
    layer it reads is; the years every one of its yearly layers holds (a figure reading
    placements and returns has a value only where both do); its own layer's coverage; the
    newest import of any of its layers."""
    figure = registry.FIGURES[name]
    parts = [held.get(layer) or layer_held(layer, None, []) for layer in figure.sources]
    loaded = all(p["loaded"] for p in parts)
    own = parts[0]
    if figure.period == "by_year":
        years, basis = own["years"], own["basis"]
    else:
        yearly = [
            set(p["years"])
            for p, layer in zip(parts, figure.sources, strict=True)
            if _LAYER_PERIOD[layer] == "in_year"
        ]
        years, basis = sorted(set.intersection(*yearly)) if yearly else [], "year"
    return {
        "loaded": loaded,
        "years": years if loaded else [],
        "basis": basis,
        "last_import": newest(p["last_import"] for p in parts) if loaded else None,
        "provinces": own["provinces"] if loaded else [],
        "villages": own["villages"] if loaded else None,
        "versions": own["versions"] if loaded else 0,
    }


def period_text(held: Mapping, lang: str = i18n.DEFAULT_LANGUAGE) -> str:
    """The period held in words: ``2021–2024``, ``2017–2024 (tahun mulai)``, ``tanpa tahun`` for
    rows that record none, ``tidak ada data`` when nothing is held (never a year or a zero)."""
    if not held.get("loaded"):
        return i18n.t("common.no_data", lang)
    years = held.get("years") or []
    if held.get("basis") is None:
        return "–"
    if not years:
        return i18n.t("catalogue.held.undated", lang)
    text = registry.period_text((min(years), max(years)), lang)
    if held.get("basis") == "start_year":
        return i18n.t("catalogue.held.start_years", lang, period=text)
    return text


def _entry(kind: str, ident: str, metadata: dict[str, str], held: dict, lang: str, **more) -> dict:
    return {
        "id": ident,
        "kind": kind,
        **more,
        "metadata": metadata,
        "held": {**held, "period": period_text(held, lang)},
    }


def build_document(
    frames: Mapping[str, pd.DataFrame],
    versions: Mapping[str, Sequence[Mapping]],
    boundaries: Mapping[str, Mapping],
    villages: int | None,
    lang: str = i18n.DEFAULT_LANGUAGE,
    *,
    generated_at: str | None = None,
) -> dict:
    """The whole catalogue as a JSON-serialisable document in ``lang``.

    ``frames`` and ``versions`` are the layers' rows and versions, ``boundaries`` the metadata of
    each province held and ``villages`` the villages with a polygon, all as the user may see
    them. The document holds ``title``, ``standard``, ``language``, ``generated_at``,
    ``data_as_of`` (the newest import of anything held, or None), ``elements`` (key and heading of
    each element, MS-Ind first, then the computed ones) and the ``layers`` and ``figures`` entries
    (``id``, ``kind``, ``metadata`` by element, ``held``: ``loaded``, ``years``, ``basis``,
    ``period``, ``last_import``, ``provinces``, ``villages``, ``versions``; a figure also names
    the ``layers`` it reads).
    """
    held = {layer: layer_held(layer, frames.get(layer), versions.get(layer, ())) for layer in LAYERS}
    layers = [_entry("layer", layer, layer_metadata(layer, lang), held[layer], lang) for layer in LAYERS]
    layers.append(
        _entry(
            "layer", BOUNDARIES, layer_metadata(BOUNDARIES, lang), boundaries_held(boundaries, villages), lang
        )
    )
    entries = [
        _entry(
            "figure",
            name,
            figure_metadata(name, lang),
            figure_held(name, held),
            lang,
            layers=list(figure.sources),
        )
        for name, figure in registry.FIGURES.items()
    ]
    return {
        "title": i18n.t("catalogue.document", lang),
        "standard": i18n.t("catalogue.standard", lang),
        "language": lang,
        "generated_at": generated_at,
        "data_as_of": newest(entry["held"]["last_import"] for entry in layers),
        "elements": [
            {"key": element, "label": element_label(element, lang)}
            for element in dict.fromkeys((*ELEMENTS, *LAYER_ELEMENTS, *HELD))
        ],
        "layers": layers,
        "figures": entries,
    }


def import_day(stamp: str | None, lang: str = i18n.DEFAULT_LANGUAGE) -> str | None:
    """The day of an import stamp as the reader writes it (``7 Desember 2026``); None for none.

    >>> import_day("2026-12-07T20:49:12+00:00", "en"), import_day(None)
    ('7 December 2026', None)
    """
    if not stamp:
        return None
    try:
        return i18n.fmt_date(pd.Timestamp(str(stamp)[:10]), lang)
    except ValueError:
        return str(stamp)[:10]


def summary_table(
    document: Mapping, kind: str, province_names: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """What the store holds of each entry of ``kind`` (``layers`` or ``figures``) as the catalogue
    page shows it, in the document's language: name, period held, last import, provinces (by
    name and code), villages. Nothing held reads *no data* or "–", never 0."""
    lang = document.get("language", i18n.DEFAULT_LANGUAGE)
    labels = {element["key"]: element["label"] for element in document["elements"]}
    names = province_names or {}
    rows = []
    for entry in document[kind]:
        held = entry["held"]
        rows.append(
            {
                labels["name"]: entry["metadata"]["name"],
                labels["period_held"]: held["period"],
                labels["last_import"]: import_day(held["last_import"], lang)
                or i18n.t("common.no_data", lang),
                labels["provinces"]: ", ".join(f"{names.get(p, p)} ({p})" for p in held["provinces"]) or "–",
                labels["villages"]: "–" if held["villages"] is None else i18n.fmt_int(held["villages"], lang),
            }
        )
    return pd.DataFrame(rows, columns=[labels[k] for k in ("name", *HELD)])
