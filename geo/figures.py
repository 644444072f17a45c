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
>>> [f.name for f in FIGURES.values() if f.suppression == "public" and f.name in HEADLINES]
['origin_villages', 'programme_villages']
>>> FIGURES["problem_per_100"].sources
('returns', 'placements')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

import i18n
from geo.codes import Level
from geo.layers import PROBLEM_REASONS
from geo.metrics import PREFIX_LENGTH, in_area

__all__ = [
    "COMPONENTS",
    "FIGURES",
    "HEADLINES",
    "JOURNEY",
    "METADATA",
    "REASON_PARTS",
    "figure_set",
    "REACH",
    "REACH_MEASURES",
    "AREA_FIGURES",
    "COVER_FIGURE",
    "reach_demand",
    "reach_values",
    "reach_by_area",
    "PERIOD_RULES",
    "SUPPRESSION_RULES",
    "Figure",
    "Headline",
    "change_text",
    "default_period",
    "default_year",
    "headlines",
    "label",
    "layer_period",
    "period_rows",
    "period_text",
    "values",
    "values_by_year",
    "figure_by_year",
]

#: The metadata each figure states in its own words, in both languages (``figure.<element>.<name>``;
#: name and definition are ``label_key`` and ``help_key``): Satu Data's MS-Ind concept, method
#: and unit, and the caveats of the catalogue. See :mod:`geo.catalogue` for every element.
METADATA = ("concept", "method", "unit", "caveats")
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
    #: Decimals of a rate (``problem_per_100``: 1); counts have none.
    digits: int = 0
    #: Every layer the figure reads (default: its own ``layer``).
    also: tuple[str, ...] = ()
    #: Which change is good news: ``higher``, ``lower`` (non-procedural reports, problem returns:
    #: a fall is shown green) or ``neither`` (returns: the change is shown without a colour).
    better: str = "higher"

    @property
    def sources(self) -> tuple[str, ...]:
        return (self.layer, *self.also)

    @property
    def label_key(self) -> str:
        return f"figure.{self.name}"

    @property
    def help_key(self) -> str:
        return f"figure.help.{self.name}"

    def meta_key(self, element: str) -> str:
        """Translation key of one of the figure's own metadata texts (:data:`METADATA`), e.g.
        ``figure.method.placements``; the catalogue (:mod:`geo.catalogue`) derives the others."""
        if element not in METADATA:
            raise ValueError(f"unknown metadata element {element!r}; choose one of: {', '.join(METADATA)}")
        return f"figure.{element}.{self.name}"


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
        Figure("reports", "reports", "reports", "count", "in_year", "small_count", better="lower"),
        # the journey (issue 24): returns (kepulangan) and what they mean; see geo.journey
        Figure(
            "returns",
            "returns",
            "workers returned home, every reason",
            "persons",
            "in_year",
            "small_count",
            better="neither",
        ),
        Figure(
            "problem_returns",
            "returns",
            "workers returned deported, repatriated as a problem case, sick or dead",
            "persons",
            "in_year",
            "small_count",
            better="lower",
        ),
        Figure(
            "problem_per_100",
            "returns",
            "problem returns per 100 placements of the same area and year (no placements: no rate)",
            None,
            "in_year",
            "derived",
            digits=1,
            also=("placements",),
            better="lower",
        ),
        Figure(
            "deported",
            "returns",
            "workers returned deported",
            "persons",
            "in_year",
            "small_count",
            better="lower",
        ),
        Figure(
            "died",
            "returns",
            "workers who died abroad and were brought home",
            "persons",
            "in_year",
            "small_count",
            better="lower",
        ),
        Figure(
            "non_procedural_share",
            "reports",
            "persons outside the procedure (non-procedural reports + non-procedural returns) as a share "
            "of that sum plus placements",
            None,
            "in_year",
            "derived",
            share=True,
            also=("returns", "placements"),
            better="lower",
        ),
        Figure(
            "returnees_without_support",
            "returns",
            "workers returned alive to a village with no returnee enterprise running and no community "
            "programme active by the year",
            "persons",
            "in_year",
            "small_count",
            also=("enterprises", "programmes"),
            better="lower",
        ),
        # where protection reaches (issue 23): see reach_values and geo.reach
        Figure(
            "reach_placements",
            "placements",
            "share of the placements of villages with a polygon that come from villages within R km over "
            "land of an open service point of the chosen type",
            "count",
            "in_year",
            "derived",
            share=True,
        ),
        Figure(
            "reach_reports",
            "reports",
            "share of the non-procedural reports of villages with a polygon that come from villages within "
            "R km over land of an open service point of the chosen type",
            "count",
            "in_year",
            "derived",
            share=True,
        ),
        Figure(
            "reach_no_land_route",
            "service_points",
            "villages with a polygon from which no land route leads to an open service point of the type",
            None,
            "by_year",
            "public",
        ),
        Figure(
            "reach_share_after",
            "placements",
            "share of the covered measure within R km over land once the new sites are added",
            None,
            "in_year",
            "derived",
            share=True,
        ),
    )
}
#: The Ringkasan cards and every export of a layer's map (in display order).
HEADLINES = ("placements", "share_women", "origin_villages", "programme_villages", "enterprises", "reports")
#: The journey (Perjalanan PMI): its page, the Ringkasan's second row and the returns export.
JOURNEY = (
    "placements",
    "returns",
    "problem_returns",
    "problem_per_100",
    "deported",
    "died",
    "non_procedural_share",
    "returnees_without_support",
)
#: Where protection reaches: the Cakupan Komunitas reach view, its slides, brief and ``atlas reach``.
REACH = ("reach_placements", "reach_reports", "reach_no_land_route")
#: What each reach share counts (the layer, its column): placements and reports per village.
REACH_MEASURES = {"reach_placements": ("placements", "count"), "reach_reports": ("reports", "count")}
#: What "where next" may cover, by the reach figure counting it (the planner's need score has none).
COVER_FIGURE = {"placements": "reach_placements", "reports": "reach_reports"}
#: Figures of an area and a year alone (the OGC API's properties): the reach figures also need a
#: service point type and a radius (and the sites an answer), so they are left out.
AREA_FIGURES = tuple(name for name in FIGURES if name not in (*REACH, "reach_share_after"))
#: Returns by reason, the parts of ``returns`` (deported and died are figures of their own).
REASON_PARTS = {
    "END_OF_CONTRACT": "reason.END_OF_CONTRACT",
    "DEPORTED": "deported",
    "PROBLEM": "reason.PROBLEM",
    "SICK": "reason.SICK",
    "DIED": "died",
    "OTHER": "reason.OTHER",
    "none": "reason.none",
}
#: Counts the figures are computed from (protected with them): placements by gender, returns by
#: reason, and the persons outside the procedure (reports' persons + non-procedural returns).
COMPONENTS = (
    "women",
    "men",
    "gender_unknown",
    *(part for part in REASON_PARTS.values() if part.startswith("reason.")),
    "non_procedural",
)


def figure_set(layer: str) -> tuple[str, ...]:
    """The figures an export of ``layer`` states: the journey for returns, the headlines otherwise.

    >>> figure_set("returns")[:3], figure_set("reports") == HEADLINES
    (('placements', 'returns', 'problem_returns'), True)
    """
    return JOURNEY if layer == "returns" else HEADLINES


#: Period rule of each layer's rows (population is read as the latest figure, not here).
_LAYER_PERIOD = {
    "placements": "in_year",
    "reports": "in_year",
    "returns": "in_year",
    "programmes": "by_year",
    "enterprises": "by_year",
}


def layer_period(layer: str) -> str:
    """The period rule of ``layer``'s rows (:data:`PERIOD_RULES`): ``by_year`` for programmes
    and enterprises, ``in_year`` otherwise.

    >>> layer_period("programmes"), layer_period("returns")
    ('by_year', 'in_year')
    """
    return _LAYER_PERIOD.get(layer, "in_year")


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
    rule = layer_period(layer)
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
    names = ("placements", "programmes", "enterprises", "reports", "returns")
    frames = {name: layers.get(name) for name in names}
    frames = {name: f if f is not None else empty for name, f in frames.items()}
    inside = {name: in_area(f, area) if not f.empty else f for name, f in frames.items()}
    covers = {
        "programmes": inside["programmes"].empty and _covers(frames["programmes"], area, Level.PROVINCE),
        "reports": inside["reports"].empty and _covers(frames["reports"], area, Level.REGENCY),
        "returns": inside["returns"].empty and _covers(frames["returns"], area, Level.REGENCY),
        # the lists "home again" reads: the province's enterprises and programmes, both
        "support": _listed(frames["programmes"], area) and _listed(frames["enterprises"], area),
    }
    return {year: _values(frames, inside, covers, year) for year in years}


def figure_by_year(by_year: Mapping[int | None, Mapping[str, float]], name: str) -> pd.DataFrame:
    """One figure of :func:`values_by_year` as ``year, value`` (years without data left out).

    >>> figure_by_year({2023: {"returns": 4.0}, 2024: {"returns": float("nan")}}, "returns")
       year  value
    0  2023    4.0
    """
    rows = [(int(y), float(v[name])) for y, v in by_year.items() if y is not None and not pd.isna(v[name])]
    return pd.DataFrame(rows, columns=["year", "value"]).sort_values("year").reset_index(drop=True)


def _listed(frame: pd.DataFrame, area: str | None) -> bool:
    """True when ``frame`` lists anything in the province of ``area`` (anything at all: None)."""
    if frame.empty:
        return False
    return True if not area else _covers(frame, area, Level.PROVINCE)


def _values(
    frames: Mapping[str, pd.DataFrame],
    inside: Mapping[str, pd.DataFrame],
    covers: Mapping[str, bool],
    year: int | None,
) -> dict[str, float]:
    out: dict[str, float] = dict.fromkeys((*FIGURES, *COMPONENTS), np.nan)
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
    np_reports = np.nan
    if not frames["reports"].empty and _holds_year(frames["reports"], year):
        if not inside["reports"].empty:
            rows = period_rows("reports", inside["reports"], year)
            out["reports"] = _sum(rows, "count")
            np_reports = _sum(rows, "persons")
        elif covers["reports"]:
            out["reports"] = 0.0  # as on the reports map: a reporting regency's other areas had none
            np_reports = 0.0
    _journey(out, frames, inside, covers, year, np_reports)
    return out


def _journey(
    out: dict[str, float],
    frames: Mapping[str, pd.DataFrame],
    inside: Mapping[str, pd.DataFrame],
    covers: Mapping[str, bool],
    year: int | None,
    np_reports: float,
) -> None:
    """The journey figures (see :mod:`geo.journey` for the definitions), into ``out``."""
    from geo.journey import NOT_RECORDED, supported_villages

    returns = frames["returns"]
    if returns.empty or not _holds_year(returns, year) or (inside["returns"].empty and not covers["returns"]):
        return  # no data: every journey figure stays NaN (placements has its own)
    rows = period_rows("returns", inside["returns"], year)
    reason = (
        rows["reason"].astype("string").fillna(NOT_RECORDED) if not rows.empty else pd.Series(dtype="string")
    )
    persons = (
        pd.to_numeric(rows["persons"], errors="coerce") if not rows.empty else pd.Series(dtype="float64")
    )
    by_reason = persons.groupby(reason.to_numpy()).sum() if not rows.empty else pd.Series(dtype="float64")
    for key, part in REASON_PARTS.items():
        out[part] = float(by_reason.get(key, 0.0))
    out["returns"] = float(persons.sum()) if not rows.empty else 0.0
    out["problem_returns"] = float(sum(by_reason.get(r, 0.0) for r in PROBLEM_REASONS))
    placed = out["placements"]
    out["problem_per_100"] = out["problem_returns"] / placed * 100.0 if placed > 0 else np.nan
    route = rows["route"].astype("string") if not rows.empty else pd.Series(dtype="string")
    np_returns = float(persons[(route == "NON_PROCEDURAL").fillna(False).to_numpy(dtype=bool)].sum())
    out["non_procedural"] = np_reports + np_returns  # NaN when the reports do not cover the area
    whole = out["non_procedural"] + placed
    out["non_procedural_share"] = out["non_procedural"] / whole if whole > 0 else np.nan
    if covers["support"]:
        alive = rows[(reason != "DIED").to_numpy(dtype=bool)] if not rows.empty else rows
        covered = supported_villages(frames["programmes"], frames["enterprises"], year)
        lone = ~alive["village"].astype(str).isin(covered) if not alive.empty else None
        out["returnees_without_support"] = (
            _sum(alive[lone.to_numpy(dtype=bool)], "persons") if lone is not None else 0.0
        )


@dataclass(frozen=True)
class Headline:
    """One headline figure: value this year, value the year before, and the change (NaN: unknown)."""

    name: str
    value: float
    previous: float
    is_share: bool = False
    digits: int = 0

    @property
    def change(self) -> float:
        return self.value - self.previous


def headlines(
    layers: Mapping[str, pd.DataFrame],
    area: str | None,
    year: int | None,
    names: Sequence[str] = HEADLINES,
) -> list[Headline]:
    """The figures ``names`` (default :data:`HEADLINES`; :data:`JOURNEY` for the journey) for
    ``area`` in ``year``, each with the previous year's value (NaN when that year has no data, so
    no change is shown)."""
    if year is None:
        now, before = values(layers, area, None), dict.fromkeys((*FIGURES, *COMPONENTS), np.nan)
    else:
        both = values_by_year(layers, area, [year, year - 1])
        now, before = both[year], both[year - 1]
    return [
        Headline(name, now[name], before[name], FIGURES[name].share, FIGURES[name].digits) for name in names
    ]


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
        text = i18n.fmt_num(abs(change), lang, item.digits)
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


# ---------------------------------------------------------------------- where protection reaches
def reach_demand(
    layers: Mapping[str, pd.DataFrame],
    figure: str,
    area: str | None,
    year: int | tuple[int, int] | None,
) -> pd.Series:
    """What a reach share counts, per village of ``area`` in ``year`` (:data:`REACH_MEASURES`):
    placements or reports under their period rule. Empty when the layer holds nothing that year.
    A ``(start, end)`` period adds up its years (the planner's period).
    """
    if isinstance(year, tuple):
        parts = [reach_demand(layers, figure, area, y) for y in range(int(year[0]), int(year[1]) + 1)]
        parts = [p for p in parts if not p.empty]
        return pd.concat(parts).groupby(level=0).sum() if parts else pd.Series(dtype="float64")
    layer, column = REACH_MEASURES[figure]
    frame = layers.get(layer)
    if frame is None or frame.empty or not _holds_year(frame, year):
        return pd.Series(dtype="float64")
    rows = period_rows(layer, in_area(frame, area), year)
    if rows.empty:
        return pd.Series(dtype="float64")
    values = pd.to_numeric(rows[column], errors="coerce")
    return values.groupby(rows["village"].astype(str).to_numpy()).sum().astype("float64")


def reach_values(
    table: pd.DataFrame | None,
    layers: Mapping[str, pd.DataFrame],
    area: str | None,
    year: int | None,
    radius_km: float,
) -> dict[str, float]:
    """The reach figures (:data:`REACH`) of ``area`` in ``year`` from a :class:`geo.reach.Reach`
    table (``code, km, status`` over the area's villages, or more) for one type and radius.

    Besides the figures, the counts they are computed from (``<figure>_within``, ``_located``,
    ``_beyond``, ``_no_land_route``, ``_no_data``) and ``reach_villages``. ``table`` None (no
    service point of any type listed in the area's province) gives NaN everywhere: no data, not
    "nobody is reached". A share is NaN when its layer holds nothing for ``year`` (see
    :func:`values`) or no village with that measure has a polygon.
    """
    from geo import reach

    names = [*REACH, "reach_villages"]
    for figure in REACH_MEASURES:
        names += [f"{figure}_{part}" for part in ("within", "located", "beyond", "no_land_route", "no_data")]
    out: dict[str, float] = dict.fromkeys(names, np.nan)
    if table is None:
        return out
    codes = table["code"].astype(str)
    if area:
        table = table[(codes.str.startswith(area + ".") | (codes == area)).to_numpy()]
    out["reach_villages"] = float(len(table))
    out["reach_no_land_route"] = float((table["status"] == reach.NO_LAND_ROUTE).sum())
    for figure, (layer, _) in REACH_MEASURES.items():
        frame = layers.get(layer)
        if frame is None or frame.empty or not _holds_year(frame, year):
            continue
        found = reach.share_within(table, reach_demand(layers, figure, area, year), radius_km)
        out.update(
            {
                figure: found["share"],
                f"{figure}_within": found["within"],
                f"{figure}_located": found["located"],
                f"{figure}_beyond": found["located"] - found["within"],
                f"{figure}_no_land_route": found["no_land_route"],
                f"{figure}_no_data": found["no_data"],
            }
        )
    return out


def reach_by_area(
    table: pd.DataFrame,
    layers: Mapping[str, pd.DataFrame],
    area: str | None,
    year: int | None,
    radius_km: float,
    level: Level = Level.REGENCY,
) -> pd.DataFrame:
    """:func:`reach_values` per area of ``level`` inside ``area`` (one row each, by code): the
    regency table of the Cakupan Komunitas reach view and its exports; its rows add up to the
    area's counts."""
    codes = table["code"].astype(str)
    if area:
        table = table[(codes.str.startswith(area + ".") | (codes == area)).to_numpy()]
    length = PREFIX_LENGTH[level]
    rows = {
        part: reach_values(frame, layers, part, year, radius_km)
        for part, frame in table.groupby(table["code"].astype(str).str[:length].to_numpy(), sort=True)
    }
    return pd.DataFrame.from_dict(rows, orient="index")
