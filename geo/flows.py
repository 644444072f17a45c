"""Where they go: flows from the areas of origin to the destination countries, and back.

:func:`placement_flows` gives, for an area and period, the workers placed from each of its
regencies (or districts) to each country; :func:`return_flows` the workers who came back from each
country by reason. The ``top`` countries are kept and the rest grouped as :data:`OTHER`; a
destination not recorded is :data:`NOT_RECORDED`, so the flows of an area always add up to its
placements (or returns) total. :func:`flow_lines` turns flows into curves between the origins'
points and the countries' capitals (:mod:`geo.countries`) for a flow map drawn offline.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from geo import metrics
from geo.codes import Level
from geo.countries import position
from geo.journey import NOT_RECORDED as REASON_NOT_RECORDED
from geo.journey import reason_rows
from geo.layers import RETURN_REASONS

__all__ = [
    "OTHER",
    "NOT_RECORDED",
    "FLOW_COLUMNS",
    "placement_flows",
    "return_flows",
    "top_countries",
    "origin_level",
    "area_points",
    "flow_lines",
    "journey_countries",
]

#: The countries beyond the top N, grouped.
OTHER = "__other__"
#: No destination (or country) recorded.
NOT_RECORDED = "__none__"
FLOW_COLUMNS = ["origin", "destination", "value"]


def _countries(frame: pd.DataFrame, column: str) -> pd.Series:
    values = frame[column].astype("string") if column in frame else pd.Series(pd.NA, index=frame.index)
    blank = values.isna() | values.str.strip().isin(["", "-", "–"]).fillna(True)
    return values.where(~blank, NOT_RECORDED).astype(object)


def top_countries(frame: pd.DataFrame, column: str, value: str, top: int) -> list[str]:
    """The ``top`` countries by ``value`` (largest first; ties by name); not recorded never counts.

    ``frame`` may hold both layers' rows (``column`` then names each row's country)."""
    if frame.empty or column not in frame:
        return []
    names = _countries(frame, column)
    sums = pd.to_numeric(frame[value], errors="coerce").groupby(names.to_numpy()).sum()
    sums = sums.drop(NOT_RECORDED, errors="ignore")
    sums = sums[sums > 0]
    order = sorted(sums.index, key=lambda c: (-sums[c], str(c)))
    return [str(c) for c in order[: max(int(top), 0)]]


def _grouped(frame: pd.DataFrame, column: str, value: str, top: int, keep=None) -> pd.Series:
    keep = set(top_countries(frame, column, value, top) if keep is None else keep)
    names = _countries(frame, column)
    return names.where(names.isin(keep) | (names == NOT_RECORDED), OTHER)


def placement_flows(
    placements: pd.DataFrame,
    *,
    area: str | None,
    level: Level | int,
    years: tuple[int, int] | None,
    top: int = 6,
    keep: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Workers placed from each ``level`` area inside ``area`` to each country (``origin,
    destination, value``), the ``top`` countries (or those in ``keep``) kept and the rest
    :data:`OTHER`; the values add up to the area's placements of ``years``. Largest flows first."""
    rows = metrics.filter_layer(placements, metrics.Filters(years=years), area)
    if rows.empty:
        return pd.DataFrame(columns=FLOW_COLUMNS)
    origin = metrics.area_code(rows["village"], level).astype(object)
    destination = _grouped(rows, "destination", "count", top, keep)
    values = pd.to_numeric(rows["count"], errors="coerce")
    out = values.groupby([origin.to_numpy(), destination.to_numpy()]).sum()
    return _tidy(out)


def return_flows(
    returns: pd.DataFrame,
    *,
    area: str | None,
    years: tuple[int, int] | None,
    what: str = "all",
    top: int = 6,
    level: Level | int | None = None,
    keep: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Workers who came back, as flows: from each country to each reason (``level`` None), or
    from each country to each ``level`` area of origin; ``what`` as :func:`geo.journey.reason_rows`.
    The values add up to the area's returns of ``what`` in ``years``."""
    rows = reason_rows(metrics.filter_layer(returns, metrics.Filters(years=years), area), what)
    if rows.empty:
        return pd.DataFrame(columns=FLOW_COLUMNS)
    country = _grouped(rows, "country", "persons", top, keep)
    if level is None:
        target = rows["reason"].astype("string").fillna(REASON_NOT_RECORDED).astype(object)
    else:
        target = metrics.area_code(rows["village"], level).astype(object)
    values = pd.to_numeric(rows["persons"], errors="coerce")
    out = _tidy(values.groupby([country.to_numpy(), target.to_numpy()]).sum())
    if level is None:  # reasons in their display order, within each country
        order = {r: i for i, r in enumerate((*RETURN_REASONS, REASON_NOT_RECORDED))}
        out = out.assign(_o=out["destination"].map(order)).sort_values(["origin", "_o"]).drop(columns="_o")
        totals = out.groupby("origin")["value"].transform("sum")
        out = out.assign(_t=-totals).sort_values(["_t", "origin"], kind="stable").drop(columns="_t")
    return out.reset_index(drop=True)


def _tidy(sums: pd.Series) -> pd.DataFrame:
    out = sums.rename("value").reset_index()
    out.columns = FLOW_COLUMNS
    out = out[out["value"] > 0]
    out["value"] = out["value"].astype("float64")
    return out.sort_values(["value", "origin", "destination"], ascending=[False, True, True]).reset_index(
        drop=True
    )


def origin_level(area: str | None, finer: bool = False) -> Level:
    """The areas flows start from inside ``area``: its regencies (a province, or everything
    held), or its districts (a regency; a province with ``finer``).

    >>> origin_level("35"), origin_level("35", finer=True), origin_level("35.10"), origin_level(None)
    (<Level.REGENCY: 2>, <Level.DISTRICT: 3>, <Level.DISTRICT: 3>, <Level.REGENCY: 2>)
    """
    if not area or area.count(".") == 0:
        return Level.DISTRICT if finer and area else Level.REGENCY
    return Level(min(area.count(".") + 2, Level.VILLAGE))


def area_points(village_points: pd.DataFrame, level: Level | int) -> pd.DataFrame:
    """A point per ``level`` area (``code, lon, lat``): the mean of its villages' points."""
    if village_points.empty:
        return pd.DataFrame(columns=["code", "lon", "lat"])
    code = metrics.area_code(village_points["code"], level)
    out = village_points.groupby(code.to_numpy())[["lon", "lat"]].mean()
    return out.rename_axis("code").reset_index()


def flow_lines(
    flows: pd.DataFrame, origins: pd.DataFrame, *, towards: str = "destination", steps: int = 24
) -> pd.DataFrame:
    """Curves for a flow map: one row per flow whose both ends have a place, with ``lon`` and
    ``lat`` arrays along a quadratic curve bending to the left of its direction.

    ``origins`` holds ``code, lon, lat`` of the areas; the countries' places come from
    :func:`geo.countries.position` (:data:`OTHER` and unknown countries are left out: see
    ``placed``). ``towards="destination"`` draws from the area to the country (placements),
    ``"origin"`` from the country to the area (returns: ``origin`` is then the country).
    """
    where = origins.set_index("code")[["lon", "lat"]]
    out = []
    for flow in flows.itertuples(index=False):
        area, country = (
            (flow.origin, flow.destination) if towards == "destination" else (flow.destination, flow.origin)
        )
        far = position(country)
        if far is None or area not in where.index:
            continue
        near = tuple(where.loc[area])
        start, end = (near, far) if towards == "destination" else (far, near)
        out.append(
            {**flow._asdict(), "lon": _curve(start, end, steps)[0], "lat": _curve(start, end, steps)[1]}
        )
    return pd.DataFrame(out, columns=[*FLOW_COLUMNS, "lon", "lat"])


def _curve(start, end, steps: int) -> tuple[np.ndarray, np.ndarray]:
    """A quadratic Bézier from ``start`` to ``end`` whose middle bends by a fifth of its length."""
    (x0, y0), (x1, y1) = start, end
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    dx, dy = x1 - x0, y1 - y0
    cx, cy = mx - dy * 0.2, my + dx * 0.2
    s = np.linspace(0.0, 1.0, steps)
    lon = (1 - s) ** 2 * x0 + 2 * (1 - s) * s * cx + s**2 * x1
    lat = (1 - s) ** 2 * y0 + 2 * (1 - s) * s * cy + s**2 * y1
    return lon, lat


def journey_countries(
    placements: pd.DataFrame,
    returns: pd.DataFrame,
    *,
    area: str | None,
    years: tuple[int, int] | None,
    top: int = 6,
) -> list[str]:
    """The ``top`` countries of the whole journey (placements + returns) of ``area``: one set for
    the flows out and back, so a table of both names the same countries."""
    filters = metrics.Filters(years=years)
    left = metrics.filter_layer(placements, filters, area)
    back = metrics.filter_layer(returns, filters, area)
    both = (
        pd.concat(
            [
                pd.DataFrame(
                    {
                        "country": _countries(left, "destination"),
                        "n": pd.to_numeric(left.get("count"), errors="coerce"),
                    }
                )
                if not left.empty
                else None,
                pd.DataFrame(
                    {
                        "country": _countries(back, "country"),
                        "n": pd.to_numeric(back.get("persons"), errors="coerce"),
                    }
                )
                if not back.empty
                else None,
            ]
        )
        if not (left.empty and back.empty)
        else pd.DataFrame(columns=["country", "n"])
    )
    return top_countries(both, "country", "n", top)
