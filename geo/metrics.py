"""Figures the dashboard shows: per-area aggregation of any layer, rates, trends, village profiles.

The headline figures (one definition each, shared by every page and export) are in
:mod:`geo.figures`.

Every function takes the stored layer frames (columns of :mod:`geo.layers`) and returns plain
frames or series keyed by dotted area code. Villages are rolled up to districts, regencies and
provinces by code prefix. *Missing is not zero*: an area none of whose villages appears in a
layer gets ``NaN`` (no data); a village that appears in the layer but not in the chosen years
or breakdown gets ``0``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from geo.codes import Level

__all__ = [
    "PREFIX_LENGTH",
    "Filters",
    "MEASURES",
    "area_code",
    "in_area",
    "filter_layer",
    "known_areas",
    "aggregate",
    "area_values",
    "share_women",
    "rate_per_1000",
    "change_between",
    "reports_per_100",
    "measure_values",
    "programme_villages",
    "started_by",
    "years_of",
    "options_of",
    "recorded",
    "recorded_rows",
    "village_profile",
    "top_values",
    "trend",
]

#: Length of the dotted code of each level (``36`` / ``36.04`` / ``36.04.13`` / ``36.04.13.2007``).
PREFIX_LENGTH = {Level.PROVINCE: 2, Level.REGENCY: 5, Level.DISTRICT: 8, Level.VILLAGE: 13}

#: Measures the placements choropleth can show (translation keys ``measure.<name>``).
MEASURES = ("count", "per_1000", "share_women", "change")


@dataclass(frozen=True)
class Filters:
    """Row filters shared by the pages; empty tuples and ``None`` mean "all"."""

    years: tuple[int, int] | None = None
    gender: str | None = None
    destinations: tuple[str, ...] = field(default_factory=tuple)
    sectors: tuple[str, ...] = field(default_factory=tuple)
    schemes: tuple[str, ...] = field(default_factory=tuple)
    channels: tuple[str, ...] = field(default_factory=tuple)
    agencies: tuple[str, ...] = field(default_factory=tuple)


def every_year(filters: Filters) -> Filters:
    """``filters`` over every year: a trend shows the years around the chosen one, other filters kept."""
    return dataclasses.replace(filters, years=None)


def area_code(villages: pd.Series, level: Level | int) -> pd.Series:
    """The code of the ``level`` area that contains each village code (prefix of the code).

    Each distinct code is cut once (a layer repeats each village over many rows).

    >>> area_code(pd.Series(["36.04.13.2007", None, "36.04.13.2007"]), Level.REGENCY).tolist()
    ['36.04', <NA>, '36.04']
    """
    rows, areas = _area_factors(villages, level)
    out = areas.take(rows, allow_fill=True)
    return pd.Series(out, index=villages.index, name=villages.name)


def _area_factors(villages: pd.Series, level: Level | int) -> tuple[np.ndarray, pd.arrays.StringArray]:
    """``(row -> distinct area index or -1 for a missing code, the distinct area codes)``, in
    order of first appearance: the prefix is cut per distinct village, not per row."""
    rows, distinct = pd.factorize(villages.astype("string"))
    # a cast to fixed-width text cuts every code in one C loop (str.slice calls Python per code)
    prefixes = np.asarray(distinct, dtype=object).astype(f"<U{PREFIX_LENGTH[Level(level)]}")
    index, areas = pd.factorize(prefixes)
    rows = np.where(rows >= 0, index[np.maximum(rows, 0)], -1)
    return rows, pd.array(np.asarray(areas, dtype=object), dtype="string")


def in_area(frame: pd.DataFrame, area: str | None) -> pd.DataFrame:
    """Rows of ``frame`` whose village lies in ``area`` (any level; ``None`` keeps all)."""
    if not area or frame.empty or "village" not in frame:
        return frame
    village = frame["village"].astype("string")
    return frame[(village == area) | village.str.startswith(area + ".").fillna(False)]


def _isin(frame: pd.DataFrame, column: str, values: Iterable[str]) -> pd.Series:
    values = [str(v) for v in values]
    if not values or column not in frame:
        return pd.Series(True, index=frame.index)
    return frame[column].astype("string").isin(values).fillna(False)


def filter_layer(
    frame: pd.DataFrame, filters: Filters | None = None, area: str | None = None
) -> pd.DataFrame:
    """Rows of a layer inside ``area`` that pass ``filters`` (columns a layer lacks are ignored)."""
    out = in_area(frame, area)
    if filters is None or out.empty:
        return out
    keep = pd.Series(True, index=out.index)
    if filters.years and "year" in out:
        lo, hi = filters.years
        keep &= out["year"].between(lo, hi)
    if filters.gender and "gender" in out:
        keep &= (out["gender"].astype("string") == filters.gender).fillna(False)
    keep &= _isin(out, "destination", filters.destinations)
    keep &= _isin(out, "sector", filters.sectors)
    keep &= _isin(out, "scheme", filters.schemes)
    keep &= _isin(out, "channel", filters.channels)
    keep &= _isin(out, "agency", filters.agencies)
    return out[keep]


#: The breakdown filters and the column each reads.
_BREAKDOWNS = (
    ("destinations", "destination"),
    ("sectors", "sector"),
    ("schemes", "scheme"),
    ("channels", "channel"),
    ("agencies", "agency"),
)


def recorded_rows(frame: pd.DataFrame, filters: Filters | None) -> pd.DataFrame:
    """The rows of ``frame`` that record every breakdown ``filters`` choose from: the rows that can
    say whether an area had none. Filtered by agency, an area whose placements were stored without
    any agency (an older file) is *no data*, never 0.

    >>> p = pd.DataFrame({"village": ["a", "b"], "agency": ["PT X", None], "count": [3, 4]})
    >>> recorded_rows(p, Filters(agencies=("PT Y",)))["village"].tolist()
    ['a']
    """
    if filters is None or frame.empty:
        return frame
    keep = pd.Series(True, index=frame.index)
    for name, column in _BREAKDOWNS:
        if getattr(filters, name) and column in frame:
            keep &= frame[column].notna()
    return frame if keep.all() else frame[keep]


def known_areas(frame: pd.DataFrame, level: Level | int) -> pd.Index:
    """Codes of the ``level`` areas with at least one village present in the layer."""
    if frame.empty:
        return pd.Index([], dtype="string")
    return pd.Index(_area_factors(frame["village"], level)[1])


def aggregate(frame: pd.DataFrame, level: Level | int, value: str = "count") -> pd.Series:
    """Sum of ``value`` per ``level`` area, only for areas with rows (index: area code)."""
    if frame.empty or value not in frame:
        return pd.Series(dtype="float64", name=value)
    rows, areas = _area_factors(frame["village"], level)
    numbers = pd.to_numeric(frame[value], errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    counted = (rows >= 0) & ~np.isnan(numbers)
    sums = np.bincount(rows[counted], weights=numbers[counted], minlength=len(areas))
    present = np.bincount(rows[counted], minlength=len(areas)) > 0
    seen = np.bincount(rows[rows >= 0], minlength=len(areas)) > 0  # as groupby: areas with a row
    order = np.argsort(np.asarray(areas, dtype=object)[seen], kind="stable")
    out = pd.Series(
        np.where(present, sums, np.nan)[seen][order],
        index=pd.Index(areas[seen][order], name="code"),
        dtype="float64",
        name=value,
    )
    return out


def area_values(
    full: pd.DataFrame,
    filtered: pd.DataFrame,
    level: Level | int,
    value: str = "count",
    codes: Iterable[str] | None = None,
    *,
    scope: Level | int | None = None,
) -> pd.Series:
    """Sum of ``value`` per area: 0 where the area has data but no filtered rows, NaN where none.

    ``full`` is the unfiltered layer (it decides which areas have data at all), ``filtered`` the
    rows to count. ``codes`` (optional) fixes the index, e.g. every area drawn on the map.
    With ``scope`` (e.g. ``Level.REGENCY``) the layer is taken to cover every area inside the
    ``scope`` areas it mentions: an area there with no row is 0 (reports come from regency
    offices: a village with no report in a reporting regency had none).
    """
    sums = aggregate(filtered, level, value)
    known = known_areas(full, level)
    index = pd.Index(list(codes), dtype="object") if codes is not None else pd.Index(known, dtype="object")
    values = np.where(index.isin(known), 0.0, np.nan)
    if scope is not None and Level(scope) < Level(level) and not full.empty:
        covered = known_areas(full, scope)
        inside = pd.Series(index.astype(str)).str.slice(0, PREFIX_LENGTH[Level(scope)])
        values[inside.isin(covered).to_numpy() & np.isnan(values)] = 0.0
    at = sums.index.get_indexer(index)  # each area's position among the sums (-1: none)
    values[at >= 0] = sums.to_numpy()[at[at >= 0]]
    return pd.Series(values, index=index.rename("code"), dtype="float64", name=value)


def share_women(frame: pd.DataFrame, level: Level | int, codes: Iterable[str] | None = None) -> pd.Series:
    """Women among placements with a known gender, per area (0–1; NaN where none is known)."""
    if frame.empty or "gender" not in frame:
        index = pd.Index(list(codes) if codes is not None else [], dtype="object")
        return pd.Series(np.nan, index=index, dtype="float64", name="share_women")
    gender = frame["gender"].astype("string")
    known = frame[gender.isin(["L", "P"]).fillna(False)]
    total = aggregate(known, level)
    women = aggregate(known[known["gender"].astype("string") == "P"], level).reindex(total.index).fillna(0.0)
    share = (women / total.where(total > 0)).rename("share_women")
    if codes is not None:
        share = share.reindex(pd.Index(list(codes), dtype="object"))
    share.index.name = "code"
    return share


def rate_per_1000(
    counts: pd.Series, population: pd.DataFrame, level: Level | int, year: int | None = None
) -> pd.Series:
    """``counts`` per 1,000 residents of each area (latest population figure up to ``year``).

    NaN where the area has no population figure or no count.
    """
    if population.empty:
        return pd.Series(np.nan, index=counts.index, dtype="float64", name="per_1000")
    pop = population
    if year is not None and (pop["year"] <= year).any():
        pop = pop[pop["year"] <= year]
    latest = pop.sort_values("year").drop_duplicates("village", keep="last")
    residents = aggregate(latest, level, "residents").reindex(counts.index)
    out = counts / residents.where(residents > 0) * 1000.0
    out.index.name = "code"
    return out.rename("per_1000")


def change_between(
    full: pd.DataFrame,
    filtered: pd.DataFrame,
    level: Level | int,
    year_a: int,
    year_b: int,
    value: str = "count",
    codes: Iterable[str] | None = None,
) -> pd.Series:
    """``value`` in ``year_b`` minus ``value`` in ``year_a`` per area (NaN where no data).

    Missing is not zero: a year the layer holds no row for at all gives NaN everywhere (no
    change from 0).
    """
    a = area_values(
        full, filtered[filtered["year"] == year_a] if "year" in filtered else filtered, level, value, codes
    )
    b = area_values(
        full, filtered[filtered["year"] == year_b] if "year" in filtered else filtered, level, value, codes
    )
    held = set(years_of(full))
    if year_a not in held:
        a[:] = np.nan
    if year_b not in held:
        b[:] = np.nan
    return (b - a).rename("change")


def reports_per_100(reports: pd.Series, placements: pd.Series) -> pd.Series:
    """Non-procedural reports per 100 placements (NaN where placements are missing or 0)."""
    placements = placements.reindex(reports.index)
    return (reports / placements.where(placements > 0) * 100.0).rename("per_100")


def measure_values(
    measure: str,
    placements: pd.DataFrame,
    level: Level | int,
    filters: Filters,
    codes: Iterable[str],
    *,
    population: pd.DataFrame | None = None,
    year_a: int | None = None,
    year_b: int | None = None,
) -> pd.Series:
    """One placements measure (see :data:`MEASURES`) per area in ``codes`` for the choropleth."""
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}; choose one of: {', '.join(MEASURES)}")
    codes = list(codes)
    full = recorded_rows(placements, filters)  # where a filtered breakdown is not recorded: no data
    if measure == "change":
        yearless = dataclasses.replace(filters, years=None)
        rows = filter_layer(placements, yearless)
        if year_a is None or year_b is None:
            raise ValueError("the change measure needs two years (year_a, year_b)")
        return change_between(full, rows, level, year_a, year_b, codes=codes)
    rows = filter_layer(placements, filters)
    if measure == "share_women":
        women_filter = dataclasses.replace(filters, gender=None)
        return share_women(filter_layer(placements, women_filter), level, codes)
    counts = area_values(full, rows, level, codes=codes)
    if measure == "per_1000":
        end = filters.years[1] if filters.years else None
        return rate_per_1000(counts, population if population is not None else pd.DataFrame(), level, end)
    return counts


def years_of(frame: pd.DataFrame, column: str = "year") -> list[int]:
    """Distinct years of a layer, ascending (empty list when none)."""
    if frame.empty or column not in frame:
        return []
    return sorted(int(y) for y in pd.to_numeric(frame[column], errors="coerce").dropna().unique())


def layer_years(layers: Mapping[str, pd.DataFrame]) -> list[int]:
    """The years a view is offered in: those the placements layer holds, else the reports
    layer's (ascending); the pages' year choice and ``atlas export``'s default (the last)."""
    return years_of(layers.get("placements", pd.DataFrame())) or years_of(
        layers.get("reports", pd.DataFrame())
    )


def recorded(frame: pd.DataFrame, column: str) -> bool:
    """True when some row of ``frame`` records ``column`` (a breakdown not recorded anywhere is
    no breakdown: a page says so instead of drawing a chart of *not recorded*)."""
    return column in frame and bool(frame[column].notna().any())


def options_of(frame: pd.DataFrame, column: str, value: str = "count") -> list[str]:
    """Distinct values of a breakdown column, largest total first (for filter choices)."""
    if frame.empty or column not in frame:
        return []
    sums = pd.to_numeric(frame[value], errors="coerce").groupby(frame[column].astype("string")).sum()
    return [str(v) for v in sums.sort_values(ascending=False).index if pd.notna(v) and str(v)]


def programme_villages(programmes: pd.DataFrame, year: int | None = None) -> pd.DataFrame:
    """One row per village with a programme running in ``year``: ``village, types, members, count``.

    A programme counts when it is active (or activity unknown) and started in or before ``year``
    (or has no start year). ``types`` is the comma-joined list of programme types.
    """
    columns = ["village", "types", "members", "count"]
    if programmes.empty:
        return pd.DataFrame(columns=columns)
    rows = programmes
    if "active" in rows:
        rows = rows[rows["active"].astype("boolean").fillna(True)]
    if year is not None and "start_year" in rows:
        start = pd.to_numeric(rows["start_year"], errors="coerce")
        rows = rows[start.isna() | (start <= year)]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    grouped = rows.groupby(rows["village"].astype("string"))
    out = pd.DataFrame(
        {
            "types": grouped["programme"].agg(lambda s: ", ".join(sorted(set(s.dropna().astype(str))))),
            "members": grouped["members"].sum(min_count=1) if "members" in rows else np.nan,
            "count": grouped["count"].sum() if "count" in rows else grouped.size(),
        }
    )
    out.index.name = "village"
    return out.reset_index()[columns]


def started_by(frame: pd.DataFrame, year: int | None) -> pd.DataFrame:
    """Rows that had started by ``year`` (``start_year`` missing counts as started)."""
    if year is None or frame.empty or "start_year" not in frame:
        return frame
    start = pd.to_numeric(frame["start_year"], errors="coerce")
    return frame[start.isna() | (start <= year)]


def trend(frame: pd.DataFrame, value: str = "count", by: str | None = None) -> pd.DataFrame:
    """Totals per year (and per ``by`` breakdown): columns ``year, [by,] value``."""
    if frame.empty or "year" not in frame:
        return pd.DataFrame(columns=["year", *([by] if by else []), value])
    keys = ["year", by] if by else ["year"]
    data = frame.assign(**{k: frame[k].astype("string").fillna("–") for k in keys if k != "year"})
    out = data.groupby(keys, dropna=False)[value].sum().reset_index()
    out["year"] = out["year"].astype(int)
    return out.sort_values(keys).reset_index(drop=True)


def top_values(frame: pd.DataFrame, column: str, value: str = "count", n: int = 10) -> pd.DataFrame:
    """The ``n`` largest totals of ``value`` by ``column`` (missing labelled "–"): ``column, value``."""
    if frame.empty or column not in frame:
        return pd.DataFrame(columns=[column, value])
    labels = frame[column].astype("string").fillna("–")
    out = pd.to_numeric(frame[value], errors="coerce").groupby(labels.values).sum()
    out = out.sort_values(ascending=False).head(n)
    return pd.DataFrame({column: out.index.astype(str), value: out.values})


def _table(frame: pd.DataFrame, keys: list[str], values: list[str]) -> pd.DataFrame:
    keys = [k for k in keys if k in frame]
    values = [v for v in values if v in frame]
    if frame.empty or not keys:
        return pd.DataFrame(columns=keys + values)
    data = frame.assign(**{k: frame[k].astype("string").fillna("–") for k in keys if k != "year"})
    return data.groupby(keys, dropna=False)[values].sum(min_count=1).reset_index()


def village_profile(code: str, layers: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Everything the layers hold about one village, one small table per section.

    Sections (only for loaded layers that mention the village): ``placements`` (per year:
    count and women), ``destinations`` (top 5), ``programmes`` (type, start year, members,
    active), ``enterprises`` (type, members, KUR, cooperative, count), ``reports`` (per year:
    reports, persons), ``channels`` (top 5), ``population`` (per year), ``service_points`` (type,
    name, placed by its coordinates or at the village's point, years opened and closed); the
    returns' sections are :func:`geo.journey.village_returns`. A layer that is loaded
    but has no row for the village gives an empty table, so the panel can say "none recorded".
    """
    out: dict[str, pd.DataFrame] = {}
    rows = {
        name: frame[frame["village"].astype("string") == code]
        for name, frame in layers.items()
        if not frame.empty
    }
    if "placements" in rows:
        p = rows["placements"]
        per_year = _table(p, ["year"], ["count"])
        women = (
            p[p["gender"].astype("string") == "P"].groupby("year")["count"].sum() if "gender" in p else None
        )
        if women is not None and not per_year.empty:
            per_year["women"] = per_year["year"].map(women).fillna(0).astype(int)
        out["placements"] = per_year
        out["destinations"] = top_values(p, "destination", n=5)
    if "programmes" in rows:
        out["programmes"] = (
            rows["programmes"]
            .reindex(columns=["programme", "start_year", "members", "active"])
            .reset_index(drop=True)
        )
    if "enterprises" in rows:
        out["enterprises"] = (
            rows["enterprises"]
            .reindex(
                columns=["enterprise_type", "start_year", "members", "kur_credit", "cooperative", "count"]
            )
            .reset_index(drop=True)
        )
    if "reports" in rows:
        out["reports"] = _table(rows["reports"], ["year"], ["count", "persons"])
        out["channels"] = top_values(rows["reports"], "channel", n=5)
    if "population" in rows:
        out["population"] = _table(rows["population"], ["year"], ["residents"])
    if "service_points" in rows:  # where each sits: its own coordinates, or the village's point
        out["service_points"] = (
            rows["service_points"]
            .reindex(columns=["type", "name", "located", "year_opened", "year_closed"])
            .reset_index(drop=True)
        )
    return out
