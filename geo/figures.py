"""The headline figures of the atlas: one definition each, read by every surface.

Ringkasan cards, the Ekspor page, the presentation strip, the PPTX deck, the PDF brief and the
CSV/XLSX files all take their headline numbers from :func:`values` / :func:`headlines` and their
names from :data:`FIGURES`, so the same area, period and figure give the same number everywhere.

Each :class:`Figure` states

* its name in both languages (translation keys ``figure.<name>`` and ``figure.help.<name>``),
* the layer it reads and what one unit is (``counts``: workers placed, reports, villages, ...),
* its period rule (:data:`PERIOD_RULES`): rows *of* the year, or things running *by* the year,
* its suppression rule (:data:`SUPPRESSION_RULES`) when the figure leaves the office.

*Missing is not zero*: a figure is ``NaN`` (no data) when its layer is not loaded, when the layer
holds no row at all for that year (a store holding 2024 only has no 2023 figures), or when the
area lies outside what the layer covers; a previous year without data gives no change, never a
change from 0.

Examples
--------
>>> FIGURES["reports"].counts, FIGURES["reports"].period
('reports', 'in_year')
>>> [f.name for f in FIGURES.values() if f.suppression == "public"]
['origin_villages', 'programme_villages']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

import i18n
from geo.codes import Level
from geo.metrics import PREFIX_LENGTH, in_area

__all__ = [
    "COMPONENTS",
    "FIGURES",
    "HEADLINES",
    "PERIOD_RULES",
    "SUPPRESSION_RULES",
    "Figure",
    "Headline",
    "change_text",
    "default_period",
    "default_year",
    "headlines",
    "label",
    "period_rows",
    "period_text",
    "values",
    "values_by_year",
]

#: How a figure picks the rows of a period.
PERIOD_RULES = {
    "in_year": "rows whose year is the chosen year",
    "by_year": "things active (or activity unknown) that had started in or before the chosen year",
}
#: How a figure is protected in presentation mode and exports (see :mod:`geo.suppression`).
SUPPRESSION_RULES = {
    "small_count": "1 to threshold-1 hidden as <threshold; complements hidden as x",
    "derived": "hidden when a count it is computed from is hidden",
    "public": "shown as it is (places or public programmes, not people)",
}


@dataclass(frozen=True)
class Figure:
    """One headline figure: what it counts, in which layer, for which period, how protected."""

    name: str
    layer: str
    counts: str
    column: str | None
    period: str
    suppression: str
    share: bool = False

    @property
    def label_key(self) -> str:
        return f"figure.{self.name}"

    @property
    def help_key(self) -> str:
        return f"figure.help.{self.name}"


#: The registry, in display order.
FIGURES: dict[str, Figure] = {
    f.name: f
    for f in (
        Figure("placements", "placements", "workers placed", "count", "in_year", "small_count"),
        Figure(
            "share_women",
            "placements",
            "share of women among placements with a recorded gender",
            None,
            "in_year",
            "derived",
            share=True,
        ),  # fmt: skip
        Figure("origin_villages", "placements", "villages", "count", "in_year", "public"),
        Figure("programme_villages", "programmes", "villages", "count", "by_year", "public"),
        Figure("enterprises", "enterprises", "enterprises", "count", "by_year", "small_count"),
        Figure("reports", "reports", "reports", "count", "in_year", "small_count"),
    )
}
HEADLINES = tuple(FIGURES)
#: Counts the figures are computed from (protected with them): placements by gender.
COMPONENTS = ("women", "men", "gender_unknown")

#: Period rule of each layer's rows (population is read as the latest figure, not here).
_LAYER_PERIOD = {
    "placements": "in_year",
    "reports": "in_year",
    "programmes": "by_year",
    "enterprises": "by_year",
}


def label(name: str, lang: str = i18n.DEFAULT_LANGUAGE) -> str:
    """The figure's name in ``lang`` (``label("reports", "en")`` → ``"Non-procedural reports"``)."""
    return i18n.t(FIGURES[name].label_key, lang)


def period_rows(layer: str, frame: pd.DataFrame, year: int | None) -> pd.DataFrame:
    """The rows of ``layer`` that count for ``year`` under the layer's period rule.

    ``in_year`` layers keep the rows of the year; ``by_year`` layers (programmes, enterprises)
    keep what is active (or of unknown activity) and had started by the year (or has no start
    year). ``year=None`` keeps every row of an ``in_year`` layer and every active row otherwise.
    """
    if frame is None or frame.empty:
        return pd.DataFrame() if frame is None else frame
    rule = _LAYER_PERIOD.get(layer, "in_year")
    rows = frame
    if rule == "by_year":
        if "active" in rows:
            rows = rows[rows["active"].astype("boolean").fillna(True).to_numpy(dtype=bool)]
        if year is not None and "start_year" in rows:
            start = pd.to_numeric(rows["start_year"], errors="coerce")
            rows = rows[(start.isna() | (start <= year)).to_numpy(dtype=bool)]
        return rows
    if year is not None and "year" in rows:
        rows = rows[(rows["year"] == year).to_numpy(dtype=bool)]
    return rows


def _holds_year(frame: pd.DataFrame, year: int | None) -> bool:
    if year is None:
        return not frame.empty
    return "year" in frame and bool((frame["year"] == year).any())


def _sum(frame: pd.DataFrame, column: str) -> float:
    if frame.empty or column not in frame:
        return 0.0
    return float(pd.to_numeric(frame[column], errors="coerce").sum())


def _covers(frame: pd.DataFrame, area: str | None, scope: Level) -> bool:
    """True when ``frame`` has rows in the ``scope`` area around ``area`` (a layer that lists what
    exists there, so an area inside with no row has none rather than no data)."""
    if frame.empty or not area:
        return False
    return not in_area(frame, area[: PREFIX_LENGTH[scope]]).empty


def values(layers: Mapping[str, pd.DataFrame], area: str | None, year: int | None) -> dict[str, float]:
    """Every headline figure (and its :data:`COMPONENTS`) for ``area`` (None: all held) in ``year``
    (None: every year held, for a store whose layers carry no year).

    ``layers`` are the stored, unfiltered layer frames. ``NaN`` means no data (see the module
    docstring); 0 is a real zero: reports in a reporting regency's area without a report,
    programme villages in a province whose programme list names none in the area.
    """
    return values_by_year(layers, area, [year])[year]


def values_by_year(
    layers: Mapping[str, pd.DataFrame], area: str | None, years: Sequence[int | None]
) -> dict[int | None, dict[str, float]]:
    """:func:`values` for several years at once (each layer is cut to ``area`` once)."""
    empty = pd.DataFrame()
    frames = {name: layers.get(name) for name in ("placements", "programmes", "enterprises", "reports")}
    frames = {name: f if f is not None else empty for name, f in frames.items()}
    inside = {name: in_area(f, area) if not f.empty else f for name, f in frames.items()}
    covers = {
        "programmes": inside["programmes"].empty and _covers(frames["programmes"], area, Level.PROVINCE),
        "reports": inside["reports"].empty and _covers(frames["reports"], area, Level.REGENCY),
    }
    return {year: _values(frames, inside, covers, year) for year in years}


def _values(
    frames: Mapping[str, pd.DataFrame],
    inside: Mapping[str, pd.DataFrame],
    covers: Mapping[str, bool],
    year: int | None,
) -> dict[str, float]:
    out: dict[str, float] = dict.fromkeys((*HEADLINES, *COMPONENTS), np.nan)
    if not inside["placements"].empty and _holds_year(frames["placements"], year):
        rows = period_rows("placements", inside["placements"], year)
        gender = rows["gender"].astype("string") if "gender" in rows else pd.Series(pd.NA, index=rows.index)
        women = _sum(rows[(gender == "P").fillna(False).to_numpy(dtype=bool)], "count")
        men = _sum(rows[(gender == "L").fillna(False).to_numpy(dtype=bool)], "count")
        total = _sum(rows, "count")
        out.update(placements=total, women=women, men=men, gender_unknown=total - women - men)
        out["share_women"] = women / (women + men) if women + men > 0 else np.nan
        out["origin_villages"] = float(rows.loc[rows["count"] > 0, "village"].nunique())
    if not inside["programmes"].empty:
        # the villages of metrics.programme_villages: active (or unknown) and started by the year
        running = period_rows("programmes", inside["programmes"], year)
        out["programme_villages"] = float(running["village"].nunique())
    elif covers["programmes"]:
        out["programme_villages"] = 0.0  # the province's programme list names none here
    if not inside["enterprises"].empty:
        out["enterprises"] = _sum(period_rows("enterprises", inside["enterprises"], year), "count")
    if not frames["reports"].empty and _holds_year(frames["reports"], year):
        if not inside["reports"].empty:
            out["reports"] = _sum(period_rows("reports", inside["reports"], year), "count")
        elif covers["reports"]:
            out["reports"] = 0.0  # as on the reports map: a reporting regency's other areas had none
    return out


@dataclass(frozen=True)
class Headline:
    """One headline figure: value this year, value the year before, and the change (NaN: unknown)."""

    name: str
    value: float
    previous: float
    is_share: bool = False

    @property
    def change(self) -> float:
        return self.value - self.previous


def headlines(layers: Mapping[str, pd.DataFrame], area: str | None, year: int | None) -> list[Headline]:
    """The headline figures of :data:`FIGURES` for ``area`` in ``year``, each with the previous year's
    value (NaN when that year has no data, so no change is shown)."""
    if year is None:
        now, before = values(layers, area, None), dict.fromkeys((*HEADLINES, *COMPONENTS), np.nan)
    else:
        both = values_by_year(layers, area, [year, year - 1])
        now, before = both[year], both[year - 1]
    return [Headline(name, now[name], before[name], FIGURES[name].share) for name in HEADLINES]


def change_text(
    item: Headline, year: int | None, lang: str = i18n.DEFAULT_LANGUAGE, *, minus: str = "−"
) -> str:
    """The change from the previous year in words: ``+9 dari 2023``, ``−1,5 poin persen dari 2023``,
    or ``tidak ada data 2023`` when the previous year has no data (empty when this year has none).

    ``minus`` is the sign of a fall (``"-"`` where a widget reads the direction from the text).

    >>> change_text(Headline("placements", 24.0, 15.0), 2024, "id")
    '+9 dari 2023'
    >>> change_text(Headline("origin_villages", 5.0, float("nan")), 2024, "en")
    'no data for 2023'
    """
    if pd.isna(item.value) or year is None:
        return ""
    if pd.isna(item.previous):
        return i18n.t("figure.no_previous", lang, year=year - 1)
    change = float(item.change)
    if item.is_share:
        text = i18n.fmt_num(abs(change) * 100, lang, 1) + " " + i18n.t("figure.points", lang)
    else:
        text = i18n.fmt_int(abs(change), lang)
    sign = "+" if change > 0 else minus if change < 0 else ""
    return i18n.t("figure.change_vs", lang, change=sign + text, year=year - 1)


# ---------------------------------------------------------------------- periods
# One rule for every page and export: the period shown by default is the latest year with data
# (or the year already chosen on another page, kept in the URL); a range only on request.


def default_year(years: Sequence[int], chosen: int | None = None) -> int | None:
    """The year shown by default: ``chosen`` (e.g. from the URL) when held, else the latest held.

    >>> default_year([2021, 2022, 2024]), default_year([2021, 2024], chosen=2021), default_year([])
    (2024, 2021, None)
    """
    years = sorted(int(y) for y in years)
    if not years:
        return None
    return int(chosen) if chosen is not None and int(chosen) in years else years[-1]


def default_period(years: Sequence[int], chosen: int | None = None) -> tuple[int, int] | None:
    """The default from–to period of a range picker: one year, :func:`default_year`.

    >>> default_period([2021, 2022, 2024])
    (2024, 2024)
    """
    year = default_year(years, chosen)
    return None if year is None else (year, year)


#: Categories written "–" (or empty) in the tidy frames: the source did not record them.
NOT_RECORDED = ("–", "-", "")


def category_names(values: pd.Series, lang: str, names: Mapping[str, str] | None = None) -> pd.Series:
    """Display names of categories: ``names`` applied, "–" and missing read *tidak tercatat*
    (every chart, on the pages and in the exports)."""
    missing = i18n.t("common.not_recorded", lang)
    text = values.astype("string")
    out = text.map(lambda v: missing if pd.isna(v) or str(v).strip() in NOT_RECORDED else v)
    if names:
        out = out.map(lambda v: names.get(v, v))
    return out.astype(object)


def period_text(
    period: int | tuple[int, int] | Sequence[int] | None, lang: str = i18n.DEFAULT_LANGUAGE
) -> str:
    """The period as stated in titles, legends and files: ``2024``, ``2021–2024`` or "all years".

    >>> period_text(2024), period_text((2021, 2024)), period_text((2024, 2024)), period_text(None, "en")
    ('2024', '2021–2024', '2024', 'all years')
    """
    if period is None:
        return i18n.t("figure.period.all", lang)
    if isinstance(period, int | np.integer):
        return i18n.t("figure.period.year", lang, year=int(period))
    years = [int(y) for y in period]
    if not years:
        return i18n.t("figure.period.all", lang)
    start, end = min(years), max(years)
    if start == end:
        return i18n.t("figure.period.year", lang, year=start)
    return i18n.t("figure.period.range", lang, start=start, end=end)
