"""Figures the dashboard shows: per-area aggregation of any layer, rates, trends, village profiles.

The headline figures (one definition each, shared by every page and export) are in
:mod:`geo.figures`.

Every function takes the stored layer frames (columns of :mod:`geo.layers`) and returns plain
frames or series keyed by dotted area code. Villages are rolled up to districts, regencies and
provinces by code prefix. *Missing is not zero*: an area outside what the layer covers in the
chosen years (:mod:`geo.data_coverage`: each stored version's areas and years) gets ``NaN`` (no
data); an area inside it with no row in the chosen years or breakdown gets ``0``. Comparisons
(:func:`change_between`, :func:`trend`) use only the areas covered in every period compared.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from geo.codes import Level
from geo.data_coverage import Coverage, Ground, attach, coverage_of, derive, ground

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
    "trend_ground",
    "compared",
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
    # each distinct village decided once (a layer repeats its villages many times)
    index, distinct = pd.factorize(frame["village"].to_numpy(dtype=object))
    codes = pd.Series([str(c) for c in distinct], dtype="string")
    hit = ((codes == area) | codes.str.startswith(area + ".")).fillna(False).to_numpy(dtype=bool)
    return frame[(index >= 0) & hit[np.maximum(index, 0)]] if len(hit) else frame.iloc[:0]


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
    if keep.all():
        return frame
    # the areas of rows without the breakdown leave the coverage: there it is not reported
    coverage = coverage_of(frame).minus(derive(frame[~keep]))
    return attach(frame[keep].copy(), coverage)


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
    years: int | tuple[int, int] | None = None,
) -> pd.Series:
    """Sum of ``value`` per area: 0 where the layer covers the area but no filtered row is in it,
    NaN where it does not cover it (no data).

    ``full`` is the stored layer (its coverage, :func:`geo.data_coverage.coverage_of`, decides
    which areas have data in ``years``: one year, a (first, last) range, None for any year),
    ``filtered`` the rows to count. ``codes`` (optional) fixes the index, e.g. every area drawn
    on the map; without it, the areas with a row. ``scope`` is the level a frame without stored
    coverage is taken to speak for (regencies by default).
    """
    sums = aggregate(filtered, level, value)
    index = (
        pd.Index(list(codes), dtype="object")
        if codes is not None
        else pd.Index(known_areas(full, level), dtype="object")
    )
    covered = coverage_of(full, scope).status(index, years) > 0
    values = np.where(covered, 0.0, np.nan)
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


def compared(full: pd.DataFrame, years: Iterable[int], area: str | None = None) -> pd.DataFrame:
    """The rows of ``full`` inside the areas its coverage holds in every one of ``years`` (the
    common ground of a comparison), carrying that ground as their coverage."""
    from geo.data_coverage import attach

    ground_coverage = coverage_of(full).common(list(years)).within(area)
    rows = full[ground_coverage.rows_inside(full)] if not full.empty else full
    return attach(rows.copy(), ground_coverage)


def change_between(
    full: pd.DataFrame,
    filtered: pd.DataFrame,
    level: Level | int,
    year_a: int,
    year_b: int,
    value: str = "count",
    codes: Iterable[str] | None = None,
) -> pd.Series:
    """``value`` in ``year_b`` minus ``value`` in ``year_a`` per area, over common ground: only
    the areas covered in both years count (NaN where an area holds none of it).

    Missing is not zero: a year the layer does not cover gives NaN everywhere (no change from 0),
    and an area covered in one year only is left out of both, not compared with 0.
    """
    common = coverage_of(full).common([year_a, year_b])
    rows = filtered[common.rows_inside(filtered)] if not filtered.empty else filtered
    index = (
        pd.Index(list(codes), dtype="object")
        if codes is not None
        else pd.Index(known_areas(full, level), dtype="object")
    )
    covered = common.status(index) > 0
    out = []
    for year in (year_a, year_b):
        sums = aggregate(rows[rows["year"] == year] if "year" in rows else rows, level, value)
        values = np.where(covered, 0.0, np.nan)
        at = sums.index.get_indexer(index)
        values[at >= 0] = sums.to_numpy()[at[at >= 0]]
        out.append(values)
    return pd.Series(out[1] - out[0], index=index.rename("code"), dtype="float64", name="change")


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
    counts = area_values(full, rows, level, codes=codes, years=filters.years)
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
    village = rows["village"].astype("string")
    grouped = rows.groupby(village)
    # each village's distinct programme types, sorted and joined in one pass (not a call per village)
    named = pd.DataFrame({"village": village, "programme": rows["programme"]}).dropna()
    named = named.assign(programme=named["programme"].astype(str)).drop_duplicates()
    types = named.sort_values(["village", "programme"]).groupby("village")["programme"].agg(", ".join)
    out = pd.DataFrame(
        {
            "types": types.reindex(grouped.size().index).fillna(""),
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


def _held_years(frame: pd.DataFrame, coverage: Coverage, area: str | None) -> list[int]:
    """The years the layer covers inside ``area`` (by its coverage; else the years of its rows)."""
    years = coverage.years or years_of(frame)
    return [y for y in years if coverage.status_of(area, y) > 0] if coverage.years else years


def trend(
    frame: pd.DataFrame, value: str = "count", by: str | None = None, *, area: str | None = None
) -> pd.DataFrame:
    """Totals per year (and per ``by`` breakdown) over common ground: columns ``year, [by,] value``.

    Only the areas (inside ``area``) the layer covers in every year it covers there are counted,
    so a year that covers fewer regencies does not read as a fall; a covered year without a row
    there is 0, a year not covered there is left out (:func:`trend_ground` says what was kept).
    """
    columns = ["year", *([by] if by else []), value]
    if "year" not in frame:
        return pd.DataFrame(columns=columns)
    coverage = coverage_of(frame)
    held = _held_years(frame, coverage, area)
    if coverage.years:
        common = coverage.within(area).common(held)
        frame = frame[common.rows_inside(frame)] if not frame.empty else frame
    if frame.empty and not (held and by is None):
        return pd.DataFrame(columns=columns)
    keys = ["year", by] if by else ["year"]
    data = frame.assign(**{k: frame[k].astype("string").fillna("–") for k in keys if k != "year"})
    out = data.groupby(keys, dropna=False)[value].sum().reset_index()
    out["year"] = out["year"].astype(int)
    if by is None and held:  # a covered year without a row had none
        out = out.set_index("year").reindex(held, fill_value=0).rename_axis("year").reset_index()
    return out.sort_values(keys).reset_index(drop=True)[columns]


def trend_ground(frame: pd.DataFrame, area: str | None = None) -> Ground | None:
    """How the coverage of the years of :func:`trend` differs inside ``area`` (None when the frame
    carries no yearly coverage): the areas covered in each year and in all of them."""
    coverage = coverage_of(frame)
    if not coverage.years:
        return None
    return ground(coverage, _held_years(frame, coverage, area), area)


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
