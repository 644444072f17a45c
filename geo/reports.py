"""Non-procedural departure reports per area: as a count, or per 100 placements."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from geo import metrics
from geo.codes import Level

__all__ = ["REPORT_MEASURES", "report_values"]

#: ``count``: reports (persons) per area; ``per_100``: reports per 100 placements of the same
#: years (NaN where the area has no placements).
REPORT_MEASURES = ("count", "per_100")


def report_values(
    reports: pd.DataFrame,
    placements: pd.DataFrame,
    level: Level | int,
    codes: Iterable[str],
    *,
    measure: str = "count",
    filters: metrics.Filters | None = None,
    area: str | None = None,
) -> pd.Series:
    """Reports per area of ``level`` in ``codes`` (inside ``area``, passing ``filters``).

    An area is 0 where the reports layer covers it (by default, a regency that sent reports) and
    NaN where it does not (:func:`geo.metrics.area_values`);
    ``per_100`` divides by the placements of the same filters (see
    :func:`geo.metrics.reports_per_100`).
    """
    if measure not in REPORT_MEASURES:
        raise ValueError(f"unknown measure {measure!r}; choose one of: {', '.join(REPORT_MEASURES)}")
    codes = list(codes)
    rows = metrics.filter_layer(reports, filters, area)
    years = filters.years if filters is not None else None
    counts = metrics.area_values(reports, rows, level, codes=codes, scope=Level.REGENCY, years=years)
    if measure == "count":
        return counts
    done = metrics.filter_layer(placements, filters, area)
    return metrics.reports_per_100(
        counts, metrics.area_values(placements, done, level, codes=codes, years=years)
    )
