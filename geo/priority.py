"""Planner: a priority score per village from normalised indicators and user weights.

Need: placements, non-procedural reports, distance to the nearest programme village (farther =
more need), returnees with no enterprise or programme in the village (:func:`geo.journey.
unsupported_by_village`), distance over land to the nearest open service point of a chosen type
(farther, or no land route at all, = more need; weight 0 unless the planner sets one; see
:mod:`geo.reach`). Capacity: returnee enterprises, existing groups (community programmes and
cooperatives in the village). Each indicator is divided by its largest value over the villages
being ranked (0 stays 0, the largest is 1; all zero → 0), multiplied by its weight, and the
weighted sum is divided by the sum of weights and expressed as 0–100. Each component is kept so
the ranking can be explained: the components of a row add up to its score. Raising one weight
moves villages that are high on that indicator up the ranking (tested).

Scaling from zero rather than from the smallest value keeps "none" at 0 and keeps a small count
out of every other village's score: with min–max scaling the smallest count (often a hidden
one) would be the zero of the scale and could be read back from any shown village.

:func:`protect_ranking` is what a file leaving the office shows (see its rule).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

import i18n
from geo.journey import unsupported_by_village
from geo.metrics import Filters, filter_layer, in_area
from geo.suppression import Protected, is_small

__all__ = [
    "INDICATORS",
    "NEED",
    "CAPACITY",
    "DEFAULT_WEIGHTS",
    "EXPLAIN_KEYS",
    "SOURCES",
    "indicators",
    "covered_villages",
    "empty_indicators",
    "score",
    "area_scores",
    "RANKING_COLUMNS",
    "DECIMAL_COLUMNS",
    "COUNT_COLUMNS",
    "ranking_headers",
    "ranking_values",
    "missing_text",
    "protect_ranking",
]

NEED = ("placements", "reports", "distance_km", "returnees_unsupported", "service_km")
CAPACITY = ("enterprises", "groups")
INDICATORS = NEED + CAPACITY
#: Default weights (0–5 sliders on the page).
DEFAULT_WEIGHTS = {
    "placements": 3,
    "reports": 2,
    "distance_km": 2,
    "returnees_unsupported": 2,
    "service_km": 0,
    "enterprises": 1,
    "groups": 1,
}
#: Distances: a village without one (no polygon; no land route to a service point) counts as
#: the farthest of the villages ranked.
FAR = ("distance_km", "service_km")
#: Translation keys of the plain-words explanation, in reading order.
EXPLAIN_KEYS = (
    "planner.explain.intro",
    "planner.explain.placements",
    "planner.explain.reports",
    "planner.explain.distance_km",
    "planner.explain.returnees_unsupported",
    "planner.explain.service_km",
    "planner.explain.enterprises",
    "planner.explain.groups",
    "planner.explain.scale",
    "planner.explain.missing",
)
#: The layers each indicator is computed from (an indicator whose layers hold nothing for the
#: area and years cannot contribute: :func:`empty_indicators`).
SOURCES = {
    "placements": ("placements",),
    "reports": ("reports",),
    "distance_km": ("programmes",),
    "returnees_unsupported": ("returns",),  # and the enterprise and programme lists (empty_indicators)
    "service_km": ("service_points",),
    "enterprises": ("enterprises",),
    "groups": ("programmes", "enterprises"),
}
#: Count columns that exports show as "<threshold" when small.
COUNT_COLUMNS = ("placements", "reports", "returnees_unsupported", "enterprises", "groups")


def _per_village(frame: pd.DataFrame, value: str = "count") -> pd.Series:
    if frame.empty or value not in frame:
        return pd.Series(dtype="float64")
    return pd.to_numeric(frame[value], errors="coerce").groupby(frame["village"].astype(str)).sum()


def indicators(
    layers: Mapping[str, pd.DataFrame],
    distances: pd.DataFrame,
    *,
    area: str | None = None,
    years: tuple[int, int] | None = None,
    exclude_covered: bool = True,
    service: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Raw indicators per candidate village (index: village code).

    Candidates are the villages in ``area`` with placements, reports or returns in ``years``.
    ``distances`` is :func:`geo.coverage.nearest_distance_km` over the area's villages (``code,
    nearest, km``). With ``exclude_covered`` villages that already have a programme are dropped.
    ``service`` is a :class:`geo.reach.Reach` table (``code, km, status``) to the service points
    of the type the planner chose: ``service_km`` is its distance over land (NaN where no land
    route leads to one, or the village has no polygon; it then counts as the farthest).
    Columns: ``placements, reports, distance_km, returnees_unsupported, service_km, enterprises,
    groups, has_programme``.
    """
    filters = Filters(years=years)
    placements = filter_layer(layers.get("placements", pd.DataFrame()), filters, area)
    reports = filter_layer(layers.get("reports", pd.DataFrame()), filters, area)
    programmes = in_area(layers.get("programmes", pd.DataFrame()), area)
    enterprises = in_area(layers.get("enterprises", pd.DataFrame()), area)
    programmes = _active(programmes)
    p, r = _per_village(placements), _per_village(reports)
    lone = unsupported_by_village(
        layers.get("returns", pd.DataFrame()),
        layers.get("programmes", pd.DataFrame()),
        layers.get("enterprises", pd.DataFrame()),
        years=years,
        area=area,
    )
    candidates = p.index.union(r.index).union(lone.index)
    out = pd.DataFrame(index=pd.Index(candidates, name="code"))
    out["placements"] = p.reindex(out.index).fillna(0.0)
    out["reports"] = r.reindex(out.index).fillna(0.0)
    dist = distances.set_index("code")["km"] if not distances.empty else pd.Series(dtype="float64")
    out["distance_km"] = dist.reindex(out.index)
    out["returnees_unsupported"] = lone.reindex(out.index).fillna(0.0)
    service_km = service.drop_duplicates("code").set_index("code")["km"] if service is not None else None
    out["service_km"] = (
        pd.to_numeric(service_km, errors="coerce").reindex(out.index) if service_km is not None else np.nan
    )
    out["enterprises"] = _per_village(enterprises).reindex(out.index).fillna(0.0)
    groups = _per_village(programmes).reindex(out.index).fillna(0.0)
    if not enterprises.empty and "cooperative" in enterprises:
        coops = enterprises[enterprises["cooperative"].astype("boolean").fillna(False)]
        groups = groups.add(_per_village(coops).reindex(out.index).fillna(0.0), fill_value=0.0)
    out["groups"] = groups
    covered = set(programmes["village"].astype(str)) if not programmes.empty else set()
    out["has_programme"] = out.index.isin(list(covered))
    if exclude_covered:
        out = out[~out["has_programme"]]
    return out


def _active(programmes: pd.DataFrame) -> pd.DataFrame:
    if not programmes.empty and "active" in programmes:
        return programmes[programmes["active"].astype("boolean").fillna(True)]
    return programmes


def covered_villages(layers: Mapping[str, pd.DataFrame], area: str | None = None) -> set[str]:
    """Villages in ``area`` with an active programme (those the planner skips when asked to)."""
    programmes = _active(in_area(layers.get("programmes", pd.DataFrame()), area))
    return set(programmes["village"].astype(str)) if not programmes.empty else set()


def empty_indicators(
    layers: Mapping[str, pd.DataFrame], *, area: str | None = None, years: tuple[int, int] | None = None
) -> list[str]:
    """Indicators whose layers hold no row for ``area`` (and ``years`` for placements, reports
    and returns); returnees with nothing to return to also need the enterprise and programme
    lists (without them no one can say what the village has).

    Such an indicator is 0 for every village: :func:`score` leaves it out of the weights so it
    does not dilute the others, and the page names it.

    >>> empty_indicators({"placements": pd.DataFrame({"village": ["36.01.01.2001"], "year": [2024]})})
    ['reports', 'distance_km', 'returnees_unsupported', 'service_km', 'enterprises', 'groups']
    """
    filters = Filters(years=years)
    held = {}
    for name in ("placements", "reports", "returns", "programmes", "enterprises", "service_points"):
        frame = layers.get(name, pd.DataFrame())
        dated = name in ("placements", "reports", "returns")
        frame = filter_layer(frame, filters, area) if dated else in_area(frame, area)
        held[name] = not frame.empty
    held["returns"] = held["returns"] and all(
        not layers.get(name, pd.DataFrame()).empty for name in ("programmes", "enterprises")
    )
    return [key for key in INDICATORS if not any(held[layer] for layer in SOURCES[key])]


def _scaled(values: pd.Series) -> pd.Series:
    """``values`` divided by the largest (0 stays 0); all zero or empty → 0."""
    hi = values.max()
    if not np.isfinite(hi) or hi <= 0:
        return pd.Series(0.0, index=values.index)
    return values.clip(lower=0) / hi


def score(
    table: pd.DataFrame,
    weights: Mapping[str, float],
    names: Mapping[str, str] | None = None,
    *,
    empty: Iterable[str] = (),
) -> pd.DataFrame:
    """Ranked table: ``rank, code, name, score, c_<indicator>..., <indicator>..., missing``.

    ``weights`` maps indicator names to non-negative weights (missing names count 0; all zero
    gives every village score 0). Indicators in ``empty`` (their layer holds nothing, see
    :func:`empty_indicators`) weigh 0: they contribute nothing and do not dilute the others. A missing distance (no polygon, or no programme anywhere)
    scores as the farthest, since no programme is known nearby; ``missing`` names such cells.
    Ties are broken by placements, then code, so the order is stable.
    """
    unknown = set(weights) - set(INDICATORS)
    if unknown:
        raise ValueError(f"unknown indicator(s) {sorted(unknown)}; choose from: {', '.join(INDICATORS)}")
    if any(float(w) < 0 for w in weights.values()):
        raise ValueError("weights must be zero or positive")
    empty = set(empty)
    weights = {k: (0.0 if k in empty else float(weights.get(k, 0))) for k in INDICATORS}
    total = float(sum(weights.values()))
    out = table.copy()
    for key in INDICATORS:  # a table made before an indicator existed: none of it
        if key not in out:
            out[key] = np.nan if key in FAR else 0.0
    out["missing"] = np.where(out["distance_km"].isna(), "distance_km", "")
    normalised = {}
    for key in INDICATORS:
        values = out[key].astype("float64")
        fill = values.max() if key in FAR and values.notna().any() else 0.0
        normalised[key] = _scaled(values.fillna(fill))
    for key in INDICATORS:
        w = float(weights.get(key, 0))
        out[f"c_{key}"] = normalised[key] * w / total * 100.0 if total > 0 else 0.0
    out["score"] = out[[f"c_{k}" for k in INDICATORS]].sum(axis=1)
    out["name"] = [names.get(c, "") if names else "" for c in out.index]
    out = out.reset_index().rename(columns={"index": "code"})
    out = out.sort_values(["score", "placements", "code"], ascending=[False, False, True]).reset_index(
        drop=True
    )
    out.insert(0, "rank", np.arange(1, len(out) + 1))
    cols = ["rank", "code", "name", "score", *[f"c_{k}" for k in INDICATORS], *INDICATORS, "missing"]
    return out[cols]


def area_scores(ranked: pd.DataFrame, level: int, codes: Iterable[str]) -> pd.Series:
    """Highest village score inside each area of ``level`` (NaN where no village was ranked)."""
    from geo.metrics import area_code

    codes = list(codes)
    if ranked.empty:
        return pd.Series(np.nan, index=pd.Index(codes, dtype="object"), name="score")
    best = ranked["score"].groupby(area_code(ranked["code"], level).to_numpy()).max()
    return best.reindex(pd.Index(codes, dtype="object")).rename("score")


#: The ranked table's columns as the page shows them and every file writes them, in order.
RANKING_COLUMNS = ("rank", "name", "score", *[f"c_{k}" for k in INDICATORS], *INDICATORS, "code", "missing")
#: Columns holding a score or a part of one, and the distances: shown to one decimal.
DECIMAL_COLUMNS = ("score", *[f"c_{k}" for k in INDICATORS], *FAR)
#: The score's rounding as shown (one decimal): a reader knows it to ± half a step.
_SHOWN_STEP = 0.1


def ranking_headers(lang: str = i18n.DEFAULT_LANGUAGE) -> dict[str, str]:
    """The translated header of every column of :data:`RANKING_COLUMNS` (page and files)."""
    return {
        "rank": i18n.t("planner.rank", lang),
        "code": i18n.t("common.code", lang),
        "name": i18n.t("dash.village", lang),
        "score": i18n.t("planner.score", lang),
        **{f"c_{k}": i18n.t("planner.part", lang, name=i18n.t(f"planner.ind.{k}", lang)) for k in INDICATORS},
        **{k: i18n.t(f"planner.ind.{k}", lang) for k in INDICATORS},
        "missing": i18n.t("planner.missing", lang),
    }


def missing_text(value: object, lang: str = i18n.DEFAULT_LANGUAGE) -> str:
    """The *missing data* cell in words (the indicator's name), never its key."""
    return i18n.t(f"planner.ind.{value}", lang) if isinstance(value, str) and value else ""


def ranking_values(ranked: pd.DataFrame, lang: str = i18n.DEFAULT_LANGUAGE) -> pd.DataFrame:
    """The ranked table as shown: the page's columns and order, scores, parts and distances to
    one decimal, the *missing data* cell in words. Numbers stay numbers (files format them)."""
    out = ranked.reindex(columns=list(RANKING_COLUMNS)).reset_index(drop=True)
    for col in DECIMAL_COLUMNS:
        out[col] = pd.to_numeric(out[col], errors="coerce").astype("float64").round(1)
    for col in COUNT_COLUMNS:
        out[col] = pd.to_numeric(out[col], errors="coerce").round().astype("Int64")
    out["missing"] = out["missing"].map(lambda m: missing_text(m, lang))
    return out


def protect_ranking(ranked: pd.DataFrame, threshold: int, lang: str = i18n.DEFAULT_LANGUAGE) -> Protected:
    """The ranked table for a file that leaves the office: hidden cells and their labels.

    The rule. Every village keeps the page's rank, its place in the page's order and the page's
    score (to one decimal, as shown): the ranking is the page's. What is protected are the counts
    of people and cases (placements, reports, enterprises, groups):

    1. a count from 1 to ``threshold - 1`` is hidden (``"<5"``), and so is its part of the score
       (``"x"``): the part is the count divided by the column's largest value, times its weight;
    2. the score is the sum of the parts, and a reader who knows the weights can work out every
       shown part from its indicator. So in a village with a hidden count, the file also hides,
       as a complement (``"x"``), another weighted indicator of that village and its part (the
       distances first, which count no one, then the count with the largest weight), until the
       shown score is consistent with at least two of the values 1 … ``threshold - 1`` for each
       hidden count of the village (checked over the score's rounding, every possible value of
       the other hidden counts and the full range of each complement);
    3. only when nothing is left to hide and the score still pins a hidden count (it rests on
       hidden counts alone, e.g. every other weight is 0: the score would be the count
       rescaled) is that village's score hidden (``"x"``); its rank and place stay the page's.

    Scaling from zero (see the module) keeps each shown village's parts free of the hidden counts
    of other villages. ``values`` are :func:`ranking_values`; ``primary`` marks rule 1's counts.
    """
    values = ranking_values(ranked, lang)
    raw = ranked.reset_index(drop=True)
    primary = pd.DataFrame(False, index=values.index, columns=values.columns)
    for col in COUNT_COLUMNS:
        primary[col] = is_small(values[col], threshold)
    hidden = primary.copy()
    for col in COUNT_COLUMNS:
        hidden[f"c_{col}"] = primary[col]
    filled = raw[list(INDICATORS)].astype("float64").copy()
    largest = {k: float(filled[k].max()) if filled[k].notna().any() else 0.0 for k in INDICATORS}
    for k in FAR:  # a missing distance counts as the farthest (as the score counts it)
        filled[k] = filled[k].fillna(largest[k])
    # each indicator's weight share in score points: the part of the village with the largest value
    weight = {k: float(pd.to_numeric(raw[f"c_{k}"], errors="coerce").max() or 0.0) for k in INDICATORS}
    active = [k for k in INDICATORS if weight[k] > 0 and largest[k] > 0]
    values_of = {k: list(range(1, max(1, min(threshold - 1, int(largest[k]))) + 1)) for k in COUNT_COLUMNS}
    for i in np.flatnonzero(primary[list(COUNT_COLUMNS)].any(axis=1).to_numpy()):
        small = [k for k in COUNT_COLUMNS if primary.at[i, k] and k in active]
        if not small:
            continue  # a hidden count that weighs nothing: the score says nothing of it
        shown = {k: weight[k] * filled.at[i, k] / largest[k] for k in active if k not in small}
        spare: list[float] = []
        # a missing distance is known to count as the farthest: hiding it would hide nothing
        order = [k for k in FAR if pd.notna(raw.at[i, k])]
        order += sorted((k for k in COUNT_COLUMNS if k not in small), key=lambda k: -weight[k])
        candidates = [k for k in order if k in active]
        score_shown = float(values.at[i, "score"])
        while not _covered(
            score_shown, shown, spare, {k: (weight[k] / largest[k], values_of[k]) for k in small}
        ):
            if not candidates:
                hidden.at[i, "score"] = True
                break
            k = candidates.pop(0)
            hidden.at[i, k] = hidden.at[i, f"c_{k}"] = True
            spare.append(weight[k])
            shown.pop(k)
    return Protected(values=values, primary=primary, hidden=hidden, threshold=threshold, counts=COUNT_COLUMNS)


def _covered(
    score_shown: float, shown: Mapping[str, float], spare: Sequence[float], small: Mapping[str, tuple]
) -> bool:
    """True when, for each hidden count, at least two of its possible values fit the shown score.

    ``shown`` are the parts a reader can work out, ``spare`` the weights (widest parts) of the
    complements, ``small`` each hidden count's part per unit and possible values.
    """
    lo = score_shown - _SHOWN_STEP / 2 - 1e-9 - sum(shown.values())
    hi = score_shown + _SHOWN_STEP / 2 + 1e-9 - sum(shown.values())
    room = float(sum(spare))
    names = list(small)
    for name in names:
        unit, options = small[name]
        others = [small[o] for o in names if o != name]
        fits = 0
        for value in options:
            base = unit * value
            sums = {0.0}
            for other_unit, other_options in others:
                sums = {s + other_unit * v for s in sums for v in other_options}
            if any(lo - base - s <= room and hi - base - s >= 0 for s in sums):
                fits += 1
        if fits < min(2, len(options)):
            return False
    return True
