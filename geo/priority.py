"""Planner: a priority score per village from normalised indicators and user weights.

Need: placements, non-procedural reports, distance to the nearest programme village (farther =
more need), returnees with no enterprise or programme in the village (:func:`geo.journey.
unsupported_by_village`). Capacity: returnee enterprises, existing groups (community programmes
and cooperatives in the village). Each indicator is scaled to 0–1 over the villages being ranked
(min–max; all equal → 0), multiplied by its weight, and the weighted sum is divided by the sum
of weights and expressed as 0–100. Each component is kept so the ranking can be explained:
the components of a row add up to its score. Raising one weight moves villages that are high
on that indicator up the ranking (tested).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from geo.cells import neutralise
from geo.journey import unsupported_by_village
from geo.metrics import Filters, filter_layer, in_area
from geo.suppression import HIDDEN_DERIVED, hidden_label, is_small

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
    "hide_small",
    "to_csv_bytes",
    "to_xlsx_bytes",
]

NEED = ("placements", "reports", "distance_km", "returnees_unsupported")
CAPACITY = ("enterprises", "groups")
INDICATORS = NEED + CAPACITY
#: Default weights (0–5 sliders on the page).
DEFAULT_WEIGHTS = {
    "placements": 3,
    "reports": 2,
    "distance_km": 2,
    "returnees_unsupported": 2,
    "enterprises": 1,
    "groups": 1,
}
#: Translation keys of the plain-words explanation, in reading order.
EXPLAIN_KEYS = (
    "planner.explain.intro",
    "planner.explain.placements",
    "planner.explain.reports",
    "planner.explain.distance_km",
    "planner.explain.returnees_unsupported",
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
) -> pd.DataFrame:
    """Raw indicators per candidate village (index: village code).

    Candidates are the villages in ``area`` with placements, reports or returns in ``years``.
    ``distances`` is :func:`geo.coverage.nearest_distance_km` over the area's villages (``code,
    nearest, km``). With ``exclude_covered`` villages that already have a programme are dropped.
    Columns: ``placements, reports, distance_km, returnees_unsupported, enterprises, groups,
    has_programme``.
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
    ['reports', 'distance_km', 'returnees_unsupported', 'enterprises', 'groups']
    """
    filters = Filters(years=years)
    held = {}
    for name in ("placements", "reports", "returns", "programmes", "enterprises"):
        frame = layers.get(name, pd.DataFrame())
        dated = name in ("placements", "reports", "returns")
        frame = filter_layer(frame, filters, area) if dated else in_area(frame, area)
        held[name] = not frame.empty
    held["returns"] = held["returns"] and all(
        not layers.get(name, pd.DataFrame()).empty for name in ("programmes", "enterprises")
    )
    return [key for key in INDICATORS if not any(held[layer] for layer in SOURCES[key])]


def _minmax(values: pd.Series) -> pd.Series:
    lo, hi = values.min(), values.max()
    if not np.isfinite(lo) or not np.isfinite(hi) or hi <= lo:
        return pd.Series(0.0, index=values.index)
    return (values - lo) / (hi - lo)


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
    out["missing"] = np.where(out["distance_km"].isna(), "distance_km", "")
    normalised = {}
    for key in INDICATORS:
        if key not in out:  # a table made before the indicator existed: it counts 0
            out[key] = 0.0
        values = out[key].astype("float64")
        fill = values.max() if key == "distance_km" and values.notna().any() else 0.0
        normalised[key] = _minmax(values.fillna(fill))
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


def hide_small(table: pd.DataFrame, threshold: int, columns: Iterable[str] = COUNT_COLUMNS) -> pd.DataFrame:
    """Counts from 1 to ``threshold - 1`` shown as ``"<threshold"`` (for exports leaving the office)."""
    out = table.copy()
    for col in columns:
        if col not in out:
            continue
        values = pd.to_numeric(out[col], errors="coerce")
        small = is_small(values, threshold)
        text = values.map(lambda v: "" if pd.isna(v) else f"{v:.0f}")
        out[col] = text.where(~small, hidden_label(threshold))
    return out


def _export_frame(table: pd.DataFrame, labels: Mapping[str, str], threshold: int | None) -> pd.DataFrame:
    out = hide_small(table, threshold) if threshold else table.copy()
    for col in out.columns:
        if col == "score" or col.startswith("c_") or col == "distance_km":
            out[col] = pd.to_numeric(out[col], errors="coerce").round(1)
    if threshold:
        # a hidden count could be worked back from its score component, or from the score and
        # the other (shown) indicators: both are suppressed ("x") in that village's row
        hidden_row = pd.Series(False, index=out.index)
        for col in COUNT_COLUMNS:
            if col not in table:
                continue
            small = np.asarray(is_small(pd.to_numeric(table[col], errors="coerce"), threshold), dtype=bool)
            if f"c_{col}" in out:
                out[f"c_{col}"] = out[f"c_{col}"].astype(object).where(~small, HIDDEN_DERIVED)
            hidden_row |= small
        if "score" in out:
            out["score"] = out["score"].astype(object).where(~hidden_row.to_numpy(), HIDDEN_DERIVED)
        # so is its place in the ranking (between two shown scores, or a gap in the ranks):
        # those villages follow the others, in code order, unranked; the others are ranked 1, 2…
        hidden = hidden_row.to_numpy()
        if hidden.any() and "rank" in out:
            ranks = np.cumsum(~hidden).astype(object)
            out["rank"] = np.where(hidden, HIDDEN_DERIVED, ranks)
            tail = out[hidden]
            out = pd.concat([out[~hidden], tail.sort_values("code") if "code" in tail else tail])
    return out.rename(columns=dict(labels))


def to_csv_bytes(
    table: pd.DataFrame,
    labels: Mapping[str, str] | None = None,
    threshold: int | None = None,
    note: Sequence[str] = (),
) -> bytes:
    """The ranked table as UTF-8 CSV (with BOM so Excel reads the names right); ``note`` lines
    (the period, the method) come first, each as a ``# `` comment line."""
    head = "".join(f"# {line}\n" for line in note)
    body = neutralise(_export_frame(table, labels or {}, threshold)).to_csv(index=False)
    return (head + body).encode("utf-8-sig")


def to_xlsx_bytes(
    table: pd.DataFrame,
    labels: Mapping[str, str] | None = None,
    threshold: int | None = None,
    sheet: str = "ranking",
    note: Sequence[str] = (),
    note_sheet: str = "note",
) -> bytes:
    """The ranked table as an Excel workbook (openpyxl); ``note`` lines on a sheet of their own."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        neutralise(_export_frame(table, labels or {}, threshold)).to_excel(
            writer, sheet_name=sheet[:31], index=False
        )
        if note:
            neutralise(pd.DataFrame({note_sheet: list(note)})).to_excel(
                writer, sheet_name=note_sheet[:31], index=False
            )
    return buffer.getvalue()
