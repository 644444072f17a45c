"""The journey in an export: the flows out and back as protected tables, for the slides (Sankeys
and a flow map), the brief (a table of countries) and the workbook (a sheet per flow).

Each flow table is an origins × destinations matrix with its row totals (a Sankey's left nodes),
column totals (its right nodes) and grand total, protected with :func:`geo.suppression.protect`:
a small flow is hidden (``<5``), and a second one beside it (``x``) wherever the totals shown
would give it away. Pictures draw only the flows that are shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

import i18n
from geo import flows as flow_module
from geo.codes import Level
from geo.countries import country_name
from geo.journey import NOT_RECORDED as REASON_NONE
from geo.layers import PROBLEM_REASONS, RETURN_REASONS
from geo.suppression import Protected, protect

__all__ = ["FlowData", "TOTAL", "journey_flows", "country_table", "origins_of"]

#: Label of the totals (row and column) of a flow table.
TOTAL = "__total__"
#: Countries of the journey shown on their own in an export (the rest grouped).
TOP = 6


@dataclass(frozen=True)
class FlowData:
    """One protected flow table: ``kind`` ``left`` (area → country), ``back`` (country →
    reason, with a ``problem`` subtotal column) or ``problem`` (country → area)."""

    kind: str
    title: str
    table: Protected
    names: dict[str, str]
    #: ``code, lon, lat`` of the areas at one end (for the flow map); empty where none.
    points: pd.DataFrame

    @property
    def origins(self) -> list[str]:
        return [r for r in self.table.values.index if r != TOTAL]

    @property
    def destinations(self) -> list[str]:
        return [c for c in self.table.values.columns if c not in (TOTAL, "problem")]

    def links(self) -> pd.DataFrame:
        """``origin, destination, value, hidden, label`` for every flow above zero."""
        labels = self.table.labels()
        rows = []
        for o in self.origins:
            for d in self.destinations:
                value = float(self.table.values.at[o, d])
                if value > 0:
                    hidden = bool(self.table.hidden.at[o, d])
                    rows.append((o, d, value, hidden, labels.at[o, d]))
        return pd.DataFrame(rows, columns=["origin", "destination", "value", "hidden", "label"])

    def total_text(self, key: str, side: str, lang: str) -> str:
        """A node's total as the export shows it (its label where hidden)."""
        at = (key, TOTAL) if side == "origin" else (TOTAL, key)
        if self.table.hidden.at[at]:
            return self.table.labels().at[at]
        return i18n.fmt_int(self.table.values.at[at], lang)


def origins_of(
    area: str | None, map_areas: pd.DataFrame, villages: pd.DataFrame
) -> tuple[Level, dict[str, str], pd.DataFrame]:
    """Where the flows of an export of ``area`` start: (level, names by code, ``code, lon, lat``).

    A province's regencies, a regency's districts, a district's villages; the whole store
    (``area`` None) its provinces. Names come from the village table's columns, points from
    the areas the map draws (the mean of their representative points)."""
    if area is None:
        level = Level.PROVINCE
    else:
        level = flow_module.origin_level(area)
    length = {Level.PROVINCE: 2, Level.REGENCY: 5, Level.DISTRICT: 8, Level.VILLAGE: 13}[level]
    column = {
        Level.PROVINCE: "province_name",
        Level.REGENCY: "regency_name",
        Level.DISTRICT: "district_name",
    }.get(level, "name")
    names: dict[str, str] = {}
    if column in villages:
        codes = villages["code"].astype(str).str.slice(0, length)
        names = dict(zip(codes, villages[column].astype(str), strict=False))
    points = pd.DataFrame(columns=["code", "lon", "lat"])
    shapes = (
        map_areas[map_areas.geometry.notna() & ~map_areas.geometry.is_empty] if len(map_areas) else map_areas
    )
    if len(shapes):
        spot = shapes.geometry.representative_point()
        frame = pd.DataFrame(
            {
                "code": shapes["code"].astype(str).to_numpy(),
                "lon": spot.x.to_numpy(),
                "lat": spot.y.to_numpy(),
            }
        )
        points = flow_module.area_points(frame, level)
    return level, names, points


def _matrix(flows: pd.DataFrame, columns: list[str] | None = None) -> pd.DataFrame:
    """Origins × destinations with a total column and a total row (grand total at the corner)."""
    wide = flows.pivot_table(
        index="origin", columns="destination", values="value", aggfunc="sum", fill_value=0
    )
    if columns is not None:
        wide = wide.reindex(columns=[c for c in columns if c in wide.columns])
    else:  # largest destination first, other countries and not recorded last
        last = [c for c in (flow_module.OTHER, flow_module.NOT_RECORDED) if c in wide.columns]
        body = wide.drop(columns=last).sum(axis=0).sort_values(ascending=False, kind="stable").index
        wide = wide[[*body, *last]]
    wide = wide.loc[wide.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    wide[TOTAL] = wide.sum(axis=1)
    wide.loc[TOTAL] = wide.sum(axis=0)
    return wide.astype("float64")


def _protected(wide: pd.DataFrame, threshold: int, extra: Mapping[str, list[str]] | None = None) -> Protected:
    parts = [c for c in wide.columns if c not in (TOTAL, *(extra or {}))]
    return protect(
        wide,
        [*wide.columns],
        threshold,
        total_row=TOTAL,
        row_totals={TOTAL: parts, **(extra or {})},
    )


def _names(values: list[str], lang: str, areas: Mapping[str, str]) -> dict[str, str]:
    from geo.journey_charts import place_label

    return {v: place_label(v, lang, areas) for v in values}


def journey_flows(
    layers: Mapping[str, pd.DataFrame],
    area: str | None,
    year: int | None,
    *,
    level: Level,
    area_names: Mapping[str, str],
    points: pd.DataFrame,
    threshold: int,
    lang: str,
    period: str,
) -> list[FlowData]:
    """The protected flow tables of ``area`` in ``year``: out (area → country), back (country →
    reason) and the problem returns (country → area); one set of countries for all three."""
    placements = layers.get("placements", pd.DataFrame())
    returns = layers.get("returns", pd.DataFrame())
    years = (year, year) if year is not None else None
    keep = flow_module.journey_countries(placements, returns, area=area, years=years, top=TOP)
    out = []
    left = flow_module.placement_flows(placements, area=area, level=level, years=years, keep=keep)
    if not left.empty:
        table = _protected(_matrix(left), threshold)
        names = _names([*table.values.index, *table.values.columns], lang, area_names)
        title = i18n.t("journey.flows.left", lang) + f", {period}"
        out.append(FlowData("left", title, table, names, points))
    back = flow_module.return_flows(returns, area=area, years=years, keep=keep)
    if not back.empty:
        reasons = [r for r in (*RETURN_REASONS, REASON_NONE)]
        wide = _matrix(back, reasons)
        wide.insert(
            len(wide.columns) - 1, "problem", wide[[r for r in PROBLEM_REASONS if r in wide]].sum(axis=1)
        )
        problem_parts = [r for r in PROBLEM_REASONS if r in wide.columns]
        table = _protected(wide, threshold, {"problem": problem_parts} if problem_parts else {})
        names = _names([*table.values.index, *table.values.columns], lang, area_names)
        title = i18n.t("journey.flows.back", lang) + f", {period}"
        out.append(FlowData("back", title, table, names, pd.DataFrame(columns=["code", "lon", "lat"])))
    trouble = flow_module.return_flows(
        returns, area=area, years=years, what="problem", level=level, keep=keep
    )
    if not trouble.empty:
        table = _protected(_matrix(trouble), threshold)
        names = _names([*table.values.index, *table.values.columns], lang, area_names)
        title = i18n.t("journey.flow_map.problem", lang) + f", {period}"
        out.append(FlowData("problem", title, table, names, points))
    return out


def country_table(flows: list[FlowData], lang: str) -> pd.DataFrame:
    """Per country of the journey, as the export shows it: left (placements), returned, of them
    problem returns. Protected labels where hidden; "–" where a table does not hold the country."""
    by_kind = {f.kind: f for f in flows}
    left, back = by_kind.get("left"), by_kind.get("back")
    countries: list[str] = []
    if left is not None:
        countries += left.destinations
    if back is not None:
        countries += [c for c in back.origins if c not in countries]
    order = [c for c in countries if c not in (flow_module.OTHER, flow_module.NOT_RECORDED)]
    order += [c for c in (flow_module.OTHER, flow_module.NOT_RECORDED) if c in countries]

    def cell(flow: FlowData | None, row: str, column: str) -> str:
        if flow is None or row not in flow.table.values.index or column not in flow.table.values.columns:
            return "–"
        if flow.table.hidden.at[row, column]:
            return flow.table.labels().at[row, column]
        return i18n.fmt_int(flow.table.values.at[row, column], lang)

    rows = []
    for c in order:
        name = left.names.get(c) if left is not None and c in left.names else None
        name = name or (back.names.get(c) if back is not None else None) or country_name(c, lang)
        rows.append(
            {
                "country": name,
                "left": cell(left, TOTAL, c),
                "returned": cell(back, c, TOTAL),
                "problem": cell(back, c, "problem")
                if back is not None and "problem" in back.table.values
                else "–",
            }
        )
    frame = pd.DataFrame(rows, columns=["country", "left", "returned", "problem"])
    return frame.replace({np.nan: "–"})
