"""The headline figures of the atlas: one definition each, read by every surface.

Ringkasan cards, the Ekspor page, the presentation strip, the PPTX deck, the PDF brief and the
CSV/XLSX files all take their headline numbers from :func:`values` / :func:`headlines` and their
names from :data:`FIGURES`, so the same area, period and figure give the same number everywhere.

Each :class:`Figure` states

* its name in both languages (translation keys ``figure.<name>`` and ``figure.help.<name>``),
* the layer it reads and what one unit is (``counts``: workers placed, reports, villages, ...),
* its period rule (:data:`PERIOD_RULES`): rows *of* the year, or things running *by* the year,
* its suppression rule (:data:`SUPPRESSION_RULES`) when the figure leaves the office.

*Missing is not zero*: a figure is ``NaN`` (no data) when its layer is not loaded or when the
area lies outside what the layer covers in that year (:mod:`geo.data_coverage`: the areas and
years each stored version speaks for; a store holding 2024 only has no 2023 figures); inside the
coverage an area without a row has 0. A change from the year before is computed over common
ground, the areas covered in both years (:func:`headlines`), and the coverage notes say so where
the years cover different areas ("2024 covers 1 of the 10 regencies held for 2023"); a previous
year without data gives no change, never a change from 0.

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
from geo.data_coverage import Coverage, Ground, attach, coverage_of, ground, layer_level
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
    "coverage_notes",
    "drawn_only",
    "outside_note",
    "ground_note",
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
#: The period rule of each layer (layers not named here: ``in_year``).
PERIOD_OF = _LAYER_PERIOD


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


def _sum(frame: pd.DataFrame, column: str) -> float:
    if frame.empty or column not in frame:
        return 0.0
    return float(pd.to_numeric(frame[column], errors="coerce").sum())


def _holds_year(frame: pd.DataFrame, year: int | None) -> bool:
    if year is None:
        return not frame.empty
    return "year" in frame and bool((frame["year"] == year).any())


def _covers(frame: pd.DataFrame, area: str | None, scope: Level) -> bool:
    """True when ``frame`` has rows in the ``scope`` area around ``area``."""
    if frame.empty or not area:
        return False
    return not in_area(frame, area[: PREFIX_LENGTH[scope]]).empty


#: The layers the figures read.
FIGURE_LAYERS = ("placements", "programmes", "enterprises", "reports", "returns")


def _coverages(layers: Mapping[str, pd.DataFrame]) -> dict[str, Coverage]:
    """Each figure layer's coverage (what its stored versions speak for; none when not loaded)."""
    out = {}
    for name in FIGURE_LAYERS:
        frame = layers.get(name)
        out[name] = Coverage() if frame is None else coverage_of(frame, layer_level(name))
    return out


def values(layers: Mapping[str, pd.DataFrame], area: str | None, year: int | None) -> dict[str, float]:
    """Every figure (and its :data:`COMPONENTS`) for ``area`` (None: all held) in ``year``
    (None: every year held, for a store whose layers carry no year).

    ``layers`` are the stored, unfiltered layer frames. ``NaN`` means no data: the layer does not
    cover the area in the year (see the module docstring); 0 is a real zero: no placement or report
    in an area the layer covers, programme villages in a province whose programme list names none
    in the area.
    """
    return values_by_year(layers, area, [year])[year]


def values_by_year(
    layers: Mapping[str, pd.DataFrame], area: str | None, years: Sequence[int | None]
) -> dict[int | None, dict[str, float]]:
    """:func:`values` for several years at once (each layer is cut to ``area`` once)."""
    empty = pd.DataFrame()
    frames = {name: layers.get(name) for name in FIGURE_LAYERS}
    frames = {name: f if f is not None else empty for name, f in frames.items()}
    inside = {name: in_area(f, area) if not f.empty else f for name, f in frames.items()}
    covers = _coverages(layers)
    # the lists "home again" reads: the province's enterprises and programmes, both
    support = _listed(frames["programmes"], area) and _listed(frames["enterprises"], area)
    return {year: _values(frames, inside, covers, support, area, year) for year in years}


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
    covers: Mapping[str, Coverage],
    support: bool,
    area: str | None,
    year: int | None,
) -> dict[str, float]:
    out: dict[str, float] = dict.fromkeys((*FIGURES, *COMPONENTS), np.nan)

    def covered(layer: str) -> bool:
        period = None if _LAYER_PERIOD.get(layer) == "by_year" else year
        return covers[layer].status_of(area, period) > 0

    if covered("placements"):
        rows = period_rows("placements", inside["placements"], year)
        if rows.empty:
            women = men = total = 0.0
        else:
            gender = (
                rows["gender"].astype("string") if "gender" in rows else pd.Series(pd.NA, index=rows.index)
            )
            women = _sum(rows[(gender == "P").fillna(False).to_numpy(dtype=bool)], "count")
            men = _sum(rows[(gender == "L").fillna(False).to_numpy(dtype=bool)], "count")
            total = _sum(rows, "count")
        out.update(placements=total, women=women, men=men, gender_unknown=total - women - men)
        out["share_women"] = women / (women + men) if women + men > 0 else np.nan
        out["origin_villages"] = (
            float(rows.loc[rows["count"] > 0, "village"].nunique()) if not rows.empty else 0.0
        )
    if covered("programmes"):
        # the villages of metrics.programme_villages: active (or unknown) and started by the year
        running = period_rows("programmes", inside["programmes"], year)
        out["programme_villages"] = float(running["village"].nunique()) if not running.empty else 0.0
    if covered("enterprises"):
        out["enterprises"] = _sum(period_rows("enterprises", inside["enterprises"], year), "count")
    np_reports = np.nan
    if covered("reports"):
        rows = period_rows("reports", inside["reports"], year)
        out["reports"] = _sum(rows, "count")
        np_reports = _sum(rows, "persons")
    if covered("returns"):
        _journey(out, frames, inside, support, year, np_reports)
    return out


def _journey(
    out: dict[str, float],
    frames: Mapping[str, pd.DataFrame],
    inside: Mapping[str, pd.DataFrame],
    support: bool,
    year: int | None,
    np_reports: float,
) -> None:
    """The journey figures (see :mod:`geo.journey` for the definitions), into ``out``; called only
    where the returns cover the area in the year (elsewhere every journey figure stays NaN)."""
    from geo.journey import NOT_RECORDED, supported_villages

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
    if support:
        alive = rows[(reason != "DIED").to_numpy(dtype=bool)] if not rows.empty else rows
        covered = supported_villages(frames["programmes"], frames["enterprises"], year)
        lone = ~alive["village"].astype(str).isin(covered) if not alive.empty else None
        out["returnees_without_support"] = (
            _sum(alive[lone.to_numpy(dtype=bool)], "persons") if lone is not None else 0.0
        )


@dataclass(frozen=True)
class Headline:
    """One figure: its value this year, and its change from the year before over common ground
    (the areas the layer covers in both years).

    ``previous`` is the year before over common ground, ``common`` this year over it (None when the
    two years cover the same areas: then it is ``value``); ``ground`` says how the coverage of the
    two years differs inside the area, ``partial`` that the layer covers only a part of the area
    this year.
    """

    name: str
    value: float
    previous: float
    is_share: bool = False
    digits: int = 0
    common: float | None = None
    ground: Ground | None = None
    partial: bool = False

    @property
    def change(self) -> float:
        base = self.value if self.common is None else self.common
        return base - self.previous

    @property
    def layer(self) -> str:
        return FIGURES[self.name].layer


def compared_layers(
    layers: Mapping[str, pd.DataFrame], area: str | None, years: Sequence[int]
) -> dict[str, pd.DataFrame]:
    """The layers cut to their common ground in ``years`` inside ``area``: the rows inside the
    areas each layer covers in every one of the years, carrying that ground as coverage."""
    out = {}
    for name, frame in layers.items():
        if frame is None or name not in FIGURE_LAYERS:
            continue
        coverage = coverage_of(frame, layer_level(name))
        if _LAYER_PERIOD.get(name) == "by_year":
            out[name] = frame  # a register covers its areas in every year
            continue
        common = coverage.common(list(years)).within(area)
        rows = frame[common.rows_inside(frame)] if not frame.empty else frame
        out[name] = attach(rows.copy(), common)
    return out


def headlines(
    layers: Mapping[str, pd.DataFrame],
    area: str | None,
    year: int | None,
    names: Sequence[str] = HEADLINES,
) -> list[Headline]:
    """The figures ``names`` (default :data:`HEADLINES`; :data:`JOURNEY` for the journey) for
    ``area`` in ``year``, each with the change from the year before over common ground (NaN when
    either year has none: no change is shown)."""
    now = values(layers, area, year)
    if year is None:
        return [
            Headline(name, now[name], np.nan, FIGURES[name].share, FIGURES[name].digits) for name in names
        ]
    both = values_by_year(compared_layers(layers, area, [year - 1, year]), area, [year, year - 1])
    common, before = both[year], both[year - 1]
    covers = _coverages(layers)
    grounds = {
        name: ground(cover, [year - 1, year], area) if _LAYER_PERIOD.get(name) == "in_year" else None
        for name, cover in covers.items()
    }
    out = []
    for name in names:
        figure = FIGURES[name]
        # a figure of a layer the headlines do not read (reach: service points) has no ground
        cover, found = covers.get(figure.layer, Coverage()), grounds.get(figure.layer)
        same = found is None or not found.differs
        out.append(
            Headline(
                name,
                now[name],
                before[name],
                figure.share,
                figure.digits,
                common=None if same else common[name],
                ground=found,
                partial=area is not None and cover.status_of(area, year) == 1,
            )
        )
    return out


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
        if item.ground is not None and item.ground.counts[0] > 0 and item.ground.common == 0:
            return i18n.t("figure.no_common", lang, year=year - 1)
        return i18n.t("figure.no_previous", lang, year=year - 1)
    change = float(item.change)
    if item.is_share:
        text = i18n.fmt_num(abs(change) * 100, lang, 1) + " " + i18n.t("figure.points", lang)
    else:
        text = i18n.fmt_num(abs(change), lang, item.digits)
    sign = "+" if change > 0 else minus if change < 0 else ""
    return i18n.t("figure.change_vs", lang, change=sign + text, year=year - 1)


def drawn_only(
    layers: Mapping[str, pd.DataFrame], provinces: Sequence[str]
) -> tuple[dict[str, pd.DataFrame], dict[str, tuple[float, list[str]]]]:
    """The layers as a map of ``provinces`` (those with boundaries) can show them: rows and
    coverage of other provinces left out, so a figure for the whole store (*Semua*) counts what
    the map draws. Also returns what was left out per layer: (its main count, its provinces).
    """
    from geo.layers import LAYERS

    keep = sorted({str(p)[:2] for p in provinces})
    kept: dict[str, pd.DataFrame] = {}
    left: dict[str, tuple[float, list[str]]] = {}
    for name, frame in layers.items():
        if frame is None or frame.empty or "village" not in frame:
            kept[name] = frame
            continue
        province = frame["village"].astype("string").str.slice(0, 2)
        inside = province.isin(keep).fillna(False).to_numpy(dtype=bool)
        coverage = coverage_of(frame, layer_level(name))
        if inside.all():
            kept[name] = frame
            continue
        rows = attach(frame[inside].copy(), coverage.within(keep) if keep else Coverage())
        kept[name] = rows
        count = LAYERS[name].count if name in LAYERS else "count"
        outside = frame[~inside]
        left[name] = (_sum(outside, count), sorted(set(province[~inside].dropna().astype(str))))
    return kept, left


def outside_note(left: Mapping[str, tuple[float, list[str]]], lang: str = i18n.DEFAULT_LANGUAGE) -> str:
    """What :func:`drawn_only` left out, in one sentence (empty when nothing was)."""
    if not left:
        return ""
    items = []
    provinces: set[str] = set()
    for name, (count, codes) in left.items():
        title = i18n.t(f"layer.{name}", lang) if f"layer.{name}" in i18n.TABLE else name
        items.append(f"{title} {i18n.fmt_int(count, lang)}")
        provinces.update(codes)
    return i18n.t(
        "coverage.note.outside", lang, items="; ".join(items), provinces=", ".join(sorted(provinces))
    )


def _unit(level: Level, n: int, lang: str) -> str:
    return i18n.t(f"coverage.unit_one.{level.key}" if n == 1 else f"coverage.unit.{level.key}", lang)


def ground_note(
    layer: str, found: Ground, lang: str = i18n.DEFAULT_LANGUAGE, area_name: str | None = None
) -> str:
    """One sentence on how the coverage of the years compared differs (empty when it does not):
    ``Penempatan 2024 mencakup 1 dari 10 kabupaten/kota yang ada untuk 2023; …``."""
    if not found.differs or len(found.years) < 2:
        return ""
    title = i18n.t(f"layer.{layer}", lang) if f"layer.{layer}" in i18n.TABLE else layer
    level = found.level
    if len(found.years) > 2:
        counts = [n for n in found.counts if n]
        return i18n.t(
            "coverage.note.trend",
            lang,
            common=i18n.fmt_int(found.common, lang),
            unit_common=_unit(level, found.common, lang),
            period=period_text((found.years[0], found.years[-1]), lang),
            least=i18n.fmt_int(min(counts) if counts else 0, lang),
            most=i18n.fmt_int(max(counts) if counts else 0, lang),
            unit=_unit(level, max(counts) if counts else 0, lang),
        )
    (previous, year), (before, now) = found.years, found.counts
    values = {
        "layer": title,
        "year": year,
        "previous": previous,
        "now": i18n.fmt_int(now, lang),
        "before": i18n.fmt_int(before, lang),
        "common": i18n.fmt_int(found.common, lang),
        "unit": _unit(level, before, lang),
        "unit_now": _unit(level, now, lang),
        "unit_common": _unit(level, found.common, lang),
    }
    if found.common == 0:
        return i18n.t("coverage.note.no_common", lang, **values)
    if found.common == now < before:
        return i18n.t("coverage.note.fewer", lang, **values)
    return i18n.t("coverage.note.differs", lang, **values)


def coverage_notes(
    items: Sequence[Headline],
    year: int | None,
    area: str | None,
    lang: str = i18n.DEFAULT_LANGUAGE,
    area_name: str | None = None,
) -> list[str]:
    """The coverage notes of headline figures, one per layer: where this year and the year before
    cover different areas (the change is over common ground), and where the layer covers only
    a part of ``area`` this year. Empty when every figure covers what it says."""
    from geo.data_coverage import areas_in, note_level

    out: list[str] = []
    seen: set[str] = set()
    for item in items:
        layer = item.layer
        if layer in seen or pd.isna(item.value):
            continue
        seen.add(layer)
        if item.ground is not None:
            text = ground_note(layer, item.ground, lang)
            if text:
                out.append(text)
                continue
        if item.partial and area and year is not None:
            level = note_level(area)
            now = item.ground.counts[-1] if item.ground is not None else 0
            total = areas_in(area, level)
            if now and now < total:
                title = i18n.t(f"layer.{layer}", lang)
                out.append(
                    i18n.t(
                        "coverage.note.partial",
                        lang,
                        layer=title,
                        year=year,
                        now=i18n.fmt_int(now, lang),
                        total=i18n.fmt_int(total, lang),
                        unit=_unit(level, total, lang),
                        area=area_name or area,
                    )
                )
    return out


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
