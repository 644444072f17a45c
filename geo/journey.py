"""The whole journey of a worker, per area: who leaves, who returns and why, who went outside the
procedure, and who comes home to nothing.

Every function takes the stored layer frames (columns of :mod:`geo.layers`) and returns plain
series or frames keyed by dotted area code, like :mod:`geo.metrics`. *Missing is not zero*:

* returns come from regency and province offices (debarkation and repatriation lists), so, like
  non-procedural reports, a village of a regency the returns layer mentions counts 0 when it has
  no return; a regency it never mentions has no data (NaN);
* a rate per 100 placements is NaN where the area has no placements (no rate, never 0 or ∞);
* *returnees with nothing to return to* need the enterprise and programme lists of the province:
  without them it is NaN, never "every returnee".

Definitions (the same words as the figure registry, :mod:`geo.figures`):

* **problem returns**: persons who returned deported, repatriated as a problem case, sick or
  dead (:data:`geo.layers.PROBLEM_REASONS`); end of contract, other and not recorded are not;
* **outside the procedure** (*non-procedural*): persons named in non-procedural departure
  reports plus persons who returned by the non-procedural route; its *share* of the journey is
  that sum divided by itself plus placements, for the same area and period;
* **returnees with no enterprise or programme**: persons who came home alive (every reason but
  died) to a village where no returnee enterprise is running and no community programme is
  active by the end of the period.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from geo import metrics
from geo.codes import Level
from geo.layers import PROBLEM_REASONS, RETURN_REASONS

__all__ = [
    "NOT_RECORDED",
    "RETURN_WHAT",
    "RETURN_HOW",
    "BROKER_MEASURES",
    "NP_RETURNS_CHANNEL",
    "reason_rows",
    "return_values",
    "per_100",
    "non_procedural_values",
    "non_procedural_by_channel",
    "supported_villages",
    "unsupported_by_village",
    "unsupported_values",
    "journey_by_year",
    "reason_table",
    "problem_table",
    "home_again_table",
    "village_returns",
]

#: The reason key of returns whose reason was not recorded.
NOT_RECORDED = "none"
#: What the returns map counts: every return, the problem returns, or one reason.
RETURN_WHAT = ("problem", "all", *RETURN_REASONS)
#: How: per 100 placements of the same area and period, or persons.
RETURN_HOW = ("per_100", "persons")
#: The through-a-broker map: the share of the journey outside the procedure, or its persons.
BROKER_MEASURES = ("share", "persons")
#: The channel under which non-procedural returns are counted beside the reports' channels.
NP_RETURNS_CHANNEL = "__np_returns__"


def reason_rows(returns: pd.DataFrame, what: str = "all") -> pd.DataFrame:
    """The returns of ``what``: ``all``, ``problem`` (:data:`PROBLEM_REASONS`) or one reason."""
    if what not in RETURN_WHAT:
        raise ValueError(f"unknown returns {what!r}; choose one of: {', '.join(RETURN_WHAT)}")
    if what == "all" or returns.empty or "reason" not in returns:
        return returns if what == "all" or returns.empty else returns.iloc[0:0]
    reasons = PROBLEM_REASONS if what == "problem" else (what,)
    return returns[returns["reason"].astype("string").isin(reasons).fillna(False).to_numpy(dtype=bool)]


def per_100(counts: pd.Series, placements: pd.Series) -> pd.Series:
    """``counts`` per 100 placements of the same areas: NaN where placements are missing or 0.

    >>> per_100(pd.Series([3.0, 2.0, 1.0]), pd.Series([60.0, 0.0, float("nan")])).tolist()
    [5.0, nan, nan]
    """
    placements = placements.reindex(counts.index)
    return (counts / placements.where(placements > 0) * 100.0).rename("per_100")


def _placements(placements: pd.DataFrame, level, codes, filters, area) -> pd.Series:
    years = metrics.Filters(years=filters.years) if filters is not None else None
    rows = metrics.filter_layer(placements, years, area)
    return metrics.area_values(placements, rows, level, codes=codes)


def return_values(
    returns: pd.DataFrame,
    placements: pd.DataFrame,
    level: Level | int,
    codes: Iterable[str],
    *,
    what: str = "problem",
    how: str = "per_100",
    filters: metrics.Filters | None = None,
    area: str | None = None,
) -> pd.Series:
    """Returns of ``what`` per area of ``level`` in ``codes``: persons, or per 100 placements.

    Returns are counted with ``scope=Level.REGENCY`` (a village of a listed regency without a
    return has 0); per 100 placements is NaN where the area has no placements.
    """
    if how not in RETURN_HOW:
        raise ValueError(f"unknown measure {how!r}; choose one of: {', '.join(RETURN_HOW)}")
    codes = list(codes)
    rows = reason_rows(metrics.filter_layer(returns, filters, area), what)
    counts = metrics.area_values(returns, rows, level, "persons", codes, scope=Level.REGENCY)
    if how == "persons":
        return counts
    return per_100(counts, _placements(placements, level, codes, filters, area))


def _np_persons(
    reports: pd.DataFrame, returns: pd.DataFrame, level, codes, filters, area
) -> tuple[pd.Series, pd.Series]:
    """(persons of non-procedural reports, persons returned by the non-procedural route) per area."""
    report_rows = metrics.filter_layer(reports, filters, area)
    from_reports = metrics.area_values(reports, report_rows, level, "persons", codes, scope=Level.REGENCY)
    ret = metrics.filter_layer(returns, filters, area)
    if not ret.empty and "route" in ret:
        ret = ret[(ret["route"].astype("string") == "NON_PROCEDURAL").fillna(False).to_numpy(dtype=bool)]
    from_returns = metrics.area_values(returns, ret, level, "persons", codes, scope=Level.REGENCY)
    return from_reports, from_returns


def non_procedural_values(
    reports: pd.DataFrame,
    returns: pd.DataFrame,
    placements: pd.DataFrame,
    level: Level | int,
    codes: Iterable[str],
    *,
    measure: str = "share",
    filters: metrics.Filters | None = None,
    area: str | None = None,
) -> pd.Series:
    """The journey outside the procedure per area: ``persons`` (non-procedural reports' persons +
    non-procedural returns) or its ``share`` of that plus placements (0–1).

    NaN where the reports or the returns layer does not cover the area (both are needed: the
    figure is their sum), and, for the share, where the area has no placements data.
    """
    if measure not in BROKER_MEASURES:
        raise ValueError(f"unknown measure {measure!r}; choose one of: {', '.join(BROKER_MEASURES)}")
    codes = list(codes)
    from_reports, from_returns = _np_persons(reports, returns, level, codes, filters, area)
    persons = (from_reports + from_returns).rename("persons")  # NaN where either is missing
    if measure == "persons":
        return persons
    placed = _placements(placements, level, codes, filters, area)
    whole = persons + placed
    return (persons / whole.where(whole > 0)).rename("share")


def non_procedural_by_channel(
    reports: pd.DataFrame, returns: pd.DataFrame, area: str | None, years: tuple[int, int] | None = None
) -> pd.DataFrame:
    """Persons outside the procedure per year and channel (``year, channel, persons``): each
    report channel (visa type, broker; ``"–"`` where not recorded) and the non-procedural returns
    under :data:`NP_RETURNS_CHANNEL`."""
    filters = metrics.Filters(years=years)
    parts = []
    rows = metrics.filter_layer(reports, filters, area)
    if not rows.empty:
        parts.append(metrics.trend(rows, "persons", by="channel"))
    ret = metrics.filter_layer(returns, filters, area)
    if not ret.empty and "route" in ret:
        ret = ret[(ret["route"].astype("string") == "NON_PROCEDURAL").fillna(False).to_numpy(dtype=bool)]
        if not ret.empty:
            parts.append(metrics.trend(ret, "persons").assign(channel=NP_RETURNS_CHANNEL))
    if not parts:
        return pd.DataFrame(columns=["year", "channel", "persons"])
    out = pd.concat(parts, ignore_index=True)[["year", "channel", "persons"]]
    return out.sort_values(["year", "channel"]).reset_index(drop=True)


def _running(frame: pd.DataFrame, year: int | None) -> pd.DataFrame:
    """Rows running by ``year``: active (or activity unknown) and started by it (or no start year)."""
    if frame is None or frame.empty:
        return pd.DataFrame(columns=["village"])
    rows = frame
    if "active" in rows:
        rows = rows[rows["active"].astype("boolean").fillna(True).to_numpy(dtype=bool)]
    return metrics.started_by(rows, year)


def supported_villages(programmes: pd.DataFrame, enterprises: pd.DataFrame, year: int | None) -> set[str]:
    """Villages with a returnee enterprise running or a community programme active by ``year``."""
    return set(_running(programmes, year)["village"].astype(str)) | set(
        _running(enterprises, year)["village"].astype(str)
    )


def _alive(returns: pd.DataFrame) -> pd.DataFrame:
    if returns.empty or "reason" not in returns:
        return returns
    return returns[(returns["reason"].astype("string") != "DIED").fillna(True).to_numpy(dtype=bool)]


def unsupported_by_village(
    returns: pd.DataFrame,
    programmes: pd.DataFrame,
    enterprises: pd.DataFrame,
    *,
    years: tuple[int, int] | None = None,
    area: str | None = None,
) -> pd.Series:
    """Returnees (alive) of ``years`` per village with no enterprise or programme running by the
    last year (0 for a village that has one); index: village code, only villages with returns."""
    rows = _alive(metrics.filter_layer(returns, metrics.Filters(years=years), area))
    if rows.empty:
        return pd.Series(dtype="float64", name="unsupported")
    per_village = pd.to_numeric(rows["persons"], errors="coerce").groupby(rows["village"].astype(str)).sum()
    covered = supported_villages(programmes, enterprises, years[1] if years else None)
    out = per_village.where(~per_village.index.isin(list(covered)), 0.0).astype("float64")
    out.index.name = "code"
    return out.rename("unsupported")


def _provinces(frame: pd.DataFrame | None) -> set[str]:
    """The provinces a layer lists anything in."""
    if frame is None or frame.empty or "village" not in frame:
        return set()
    return set(metrics.known_areas(frame, Level.PROVINCE).astype(str))


def unsupported_values(
    returns: pd.DataFrame,
    programmes: pd.DataFrame,
    enterprises: pd.DataFrame,
    level: Level | int,
    codes: Iterable[str],
    *,
    years: tuple[int, int] | None = None,
    area: str | None = None,
) -> pd.Series:
    """Returnees with no enterprise or programme in their village, summed per area of ``level``.

    NaN where the returns layer does not cover the area (regency scope), or where the province's
    programme or enterprise list is not loaded (without them no one can say what is there).
    """
    codes = list(codes)
    per_village = unsupported_by_village(returns, programmes, enterprises, years=years, area=area)
    frame = per_village.rename("persons").reset_index().rename(columns={"code": "village"})
    counted = metrics.area_values(returns, frame, level, "persons", codes, scope=Level.REGENCY)
    held = _provinces(programmes) & _provinces(enterprises)
    listed = np.array([c[:2] in held for c in codes], dtype=bool)
    return counted.where(listed).rename("unsupported")


def reason_table(returns: pd.DataFrame, value: str = "persons") -> pd.DataFrame:
    """Persons per reason (``reason, persons``) in :data:`RETURN_REASONS` order, not recorded last;
    reasons with no one left out."""
    if returns.empty:
        return pd.DataFrame(columns=["reason", value])
    reason = returns["reason"].astype("string").fillna(NOT_RECORDED)
    sums = pd.to_numeric(returns[value], errors="coerce").groupby(reason.to_numpy()).sum()
    sums = sums[sums > 0]  # a recap's 0 in a reason's column is no return of that reason
    order = [r for r in (*RETURN_REASONS, NOT_RECORDED) if r in sums.index]
    return pd.DataFrame({"reason": order, value: sums.reindex(order).to_numpy()})


def problem_table(returns: pd.DataFrame) -> pd.DataFrame:
    """Persons per problem of the problem cases where the list gives it (``problem, persons``)."""
    from geo.layers import RETURN_PROBLEMS

    if returns.empty or "problem" not in returns:
        return pd.DataFrame(columns=["problem", "persons"])
    given = returns[returns["problem"].notna().to_numpy(dtype=bool)]
    sums = pd.to_numeric(given["persons"], errors="coerce").groupby(given["problem"].astype(str)).sum()
    order = [p for p in RETURN_PROBLEMS if p in sums.index]
    return pd.DataFrame({"problem": order, "persons": sums.reindex(order).to_numpy()})


def journey_by_year(
    layers: Mapping[str, pd.DataFrame], area: str | None, years: Sequence[int] | None = None
) -> pd.DataFrame:
    """The journey side by side, per year: ``year, stage, part, persons`` where ``stage`` is
    ``left`` (placements), ``returned`` (``part``: each reason, ``none`` not recorded) or
    ``non_procedural`` (persons in non-procedural departure reports). Years of every layer held;
    a layer with no row for a year gives no bar for it (never a 0 bar)."""
    out = []
    placements = metrics.in_area(layers.get("placements", pd.DataFrame()), area)
    if not placements.empty:
        p = metrics.trend(placements)
        out.append(pd.DataFrame({"year": p["year"], "stage": "left", "part": "left", "persons": p["count"]}))
    returns = metrics.in_area(layers.get("returns", pd.DataFrame()), area)
    if not returns.empty:
        r = returns.assign(reason=returns["reason"].astype("string").fillna(NOT_RECORDED))
        r = metrics.trend(r, "persons", by="reason")
        out.append(
            pd.DataFrame(
                {"year": r["year"], "stage": "returned", "part": r["reason"], "persons": r["persons"]}
            )
        )
    reports = metrics.in_area(layers.get("reports", pd.DataFrame()), area)
    if not reports.empty:
        n = metrics.trend(reports, "persons")
        out.append(
            pd.DataFrame(
                {
                    "year": n["year"],
                    "stage": "non_procedural",
                    "part": "non_procedural",
                    "persons": n["persons"],
                }
            )
        )
    if not out:
        return pd.DataFrame(columns=["year", "stage", "part", "persons"])
    frame = pd.concat(out, ignore_index=True)
    if years is not None:
        frame = frame[frame["year"].isin(list(years))]
    frame["persons"] = pd.to_numeric(frame["persons"], errors="coerce").astype("float64")
    return frame.sort_values(["year", "stage"], kind="stable").reset_index(drop=True)


def home_again_table(
    returns: pd.DataFrame,
    programmes: pd.DataFrame,
    enterprises: pd.DataFrame,
    *,
    years: tuple[int, int] | None,
    area: str | None,
    n: int = 10,
) -> pd.DataFrame:
    """The ``n`` villages with the most returnees and nothing to return to: ``code, unsupported,
    returned`` (returned: every return of the period, the dead included), largest first."""
    lone = unsupported_by_village(returns, programmes, enterprises, years=years, area=area)
    lone = lone[lone > 0]
    if lone.empty:
        return pd.DataFrame(columns=["code", "unsupported", "returned"])
    rows = metrics.filter_layer(returns, metrics.Filters(years=years), area)
    returned = pd.to_numeric(rows["persons"], errors="coerce").groupby(rows["village"].astype(str)).sum()
    out = pd.DataFrame(
        {
            "code": lone.index,
            "unsupported": lone.to_numpy(),
            "returned": returned.reindex(lone.index).to_numpy(),
        }
    )
    return out.sort_values(["unsupported", "code"], ascending=[False, True]).head(n).reset_index(drop=True)


def village_returns(code: str, layers: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The returns sections of a village's panel (as :func:`geo.metrics.village_profile`):
    ``returns`` per year (persons, problem returns, deported, died) and ``return_reasons``;
    nothing when the layer is not loaded, empty tables when it holds nothing for the village."""
    frame = layers.get("returns")
    if frame is None or frame.empty:
        return {}
    rows = frame[(frame["village"].astype("string") == code).fillna(False).to_numpy(dtype=bool)]
    if rows.empty:
        return {"returns": pd.DataFrame(), "return_reasons": pd.DataFrame()}
    per_year = pd.to_numeric(rows["persons"], errors="coerce").groupby(rows["year"].astype(int)).sum()
    out = pd.DataFrame({"year": per_year.index, "persons": per_year.to_numpy()})
    for name, what in (("problem", "problem"), ("deported", "DEPORTED"), ("died", "DIED")):
        part = reason_rows(rows, what).groupby("year")["persons"].sum()
        out[name] = out["year"].map(part).fillna(0).astype(int)
    return {"returns": out, "return_reasons": reason_table(rows)}
