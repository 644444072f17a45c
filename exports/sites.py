"""Where the next service points should go, as it leaves the office: one protected view that the
planner's tables (CSV/XLSX), the slides (:func:`exports.deck.build_sites_deck`) and the brief
(:func:`exports.brief_pdf.build_sites_brief`) all read, so a cell hidden in one is hidden in all.

The figures come from the registry (:func:`geo.figures.reach_values`, ``reach_share_after``);
small counts are protected as everywhere (:mod:`geo.suppression`): what a site adds is a count
of placements or reports, the sites' total is what the new sites add together (the difference
between the shares after and before), and a share is hidden when a count it comes from is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

import geopandas as gpd
import numpy as np
import pandas as pd

import i18n
from exports.sheets import Sheet, csv_text, xlsx_bytes
from exports.view import KeyFigure
from geo import figures
from geo.reach import SitePlan
from geo.suppression import Protected, protect

__all__ = ["SitesView", "build_sites_view", "sites_table", "sites_csv", "sites_xlsx", "SITE_COLUMNS"]

#: The columns of the sites table, in order (``adds``: what the site adds that nothing before it covers).
SITE_COLUMNS = ("rank", "name", "district", "regency", "code", "adds")
TOTAL = "total"


@dataclass
class SitesView:
    """Everything a "where next" export shows, protected, in one language."""

    lang: str
    threshold: int
    area: str
    area_name: str
    period: str
    kind: str
    radius_km: float
    n: int
    cover: str
    sites: Protected
    greedy: Protected
    shares: dict[str, str]
    key_figures: list[KeyFigure]
    status: str
    gap: float | None
    seconds: float
    sources: list[str]
    demo: bool
    as_of: date
    map_areas: gpd.GeoDataFrame | None = None
    map_classes: pd.Series | None = None
    map_categories: list[tuple[str, str, str]] = field(default_factory=list)
    map_points: pd.DataFrame | None = None

    def t(self, key: str, **values: object) -> str:
        return i18n.t(key, self.lang, **values)

    @property
    def kind_label(self) -> str:
        return self.t(f"service.{self.kind}")

    @property
    def cover_label(self) -> str:
        return self.t(f"where.cover.{self.cover}")

    @property
    def title(self) -> str:
        return self.t(
            "where.export_title", n=self.n, type=self.kind_label, km=self.radius_km, area=self.area_name
        )

    @property
    def subtitle(self) -> str:
        return self.t("where.export_subtitle", cover=self.cover_label, period=self.period)

    @property
    def status_text(self) -> str:
        gap = "" if self.gap in (None, 0) else i18n.fmt_pct(self.gap, self.lang, 2)
        return self.t(f"where.status.{self.status}", gap=gap)

    @property
    def method_note(self) -> str:
        return self.t("where.method_note", km=self.radius_km)

    @property
    def suppression_note(self) -> str:
        return self.t("export.suppression_note", threshold=self.threshold, max=self.threshold - 1)

    def table(self, which: str = "exact") -> pd.DataFrame:
        """The sites (or the greedy answer's) as text with translated headers, its total last."""
        protected = self.sites if which == "exact" else self.greedy
        digits = 0 if self.cover != "need" else 1
        shown = protected.formatted(
            {
                "adds": lambda v: i18n.fmt_num(v, self.lang, digits),
                "rank": lambda v: "" if pd.isna(v) else str(int(v)),
            }
        )
        shown.loc[TOTAL, "name"] = self.t("where.total")
        return shown[list(SITE_COLUMNS)].rename(columns=site_headers(self.lang, self.cover)).fillna("")

    def sheet(self, which: str = "exact") -> Sheet:
        """The sites (or the greedy answer's) for a CSV or XLSX (:mod:`exports.sheets`): numbers
        stay numbers, hidden cells carry their label, translated headers, its total last."""
        protected = self.sites if which == "exact" else self.greedy
        values = protected.values[list(SITE_COLUMNS)].astype(object).copy()
        values["rank"] = pd.to_numeric(values["rank"], errors="coerce").astype("Int64").astype(object)
        adds = pd.to_numeric(values["adds"], errors="coerce")
        values["adds"] = (adds.round(1) if self.cover == "need" else adds.round().astype("Int64")).astype(
            object
        )
        values.loc[TOTAL, "name"] = self.t("where.total")
        labels = protected.labels()[list(SITE_COLUMNS)]
        headers = site_headers(self.lang, self.cover)
        kinds = {"rank": "int", "adds": "decimal" if self.cover == "need" else "int"}
        title = self.t("where.sheet.sites" if which == "exact" else "where.sheet.greedy")
        return Sheet(
            title,
            values.rename(columns=headers).reset_index(drop=True),
            labels.rename(columns=headers).reset_index(drop=True),
            {headers[c]: k for c, k in kinds.items()},
        )


def site_headers(lang: str, cover: str) -> dict[str, str]:
    """Translated headers of :data:`SITE_COLUMNS`."""
    return {
        "rank": i18n.t("where.col.rank", lang),
        "name": i18n.t("dash.village", lang),
        "district": i18n.t("export.district", lang),
        "regency": i18n.t("export.regency", lang),
        "code": i18n.t("common.code", lang),
        "adds": i18n.t("where.col.adds", lang, cover=i18n.t(f"where.cover.{cover}", lang)),
    }


def sites_table(plan: SitePlan, names: Mapping[str, tuple[str, str, str]]) -> pd.DataFrame:
    """The chosen sites with their names, district and regency, indexed by rank, total last."""
    rows = []
    for rank, (code, adds) in enumerate(zip(plan.sites["code"], plan.sites["adds"], strict=True), start=1):
        village, district, regency = names.get(str(code), ("", "", ""))
        rows.append(
            {
                "rank": rank,
                "name": village,
                "district": district,
                "regency": regency,
                "code": code,
                "adds": adds,
            }
        )
    frame = pd.DataFrame(rows, columns=list(SITE_COLUMNS))
    frame.index = list(range(1, len(frame) + 1))
    total = pd.DataFrame(
        {
            "rank": [np.nan],
            "name": [""],
            "district": [""],
            "regency": [""],
            "code": [""],
            "adds": [frame["adds"].sum()],
        },
        index=[TOTAL],
    )
    return pd.concat([frame, total])


def _protected(table: pd.DataFrame, threshold: int, counts: bool) -> Protected:
    return protect(table, ["adds"] if counts else [], threshold, total_row=TOTAL)


def build_sites_view(
    *,
    lang: str,
    threshold: int,
    area: str,
    area_name: str,
    period: str,
    kind: str,
    radius_km: float,
    cover: str,
    exact: SitePlan,
    greedy: SitePlan,
    names: Mapping[str, tuple[str, str, str]],
    found: Mapping[str, float],
    sources: list[str],
    demo: bool = False,
    as_of: date | None = None,
    map_areas: gpd.GeoDataFrame | None = None,
    map_classes: pd.Series | None = None,
    map_categories: list[tuple[str, str, str]] | None = None,
    map_points: pd.DataFrame | None = None,
) -> SitesView:
    """The protected view of one "where next" answer (``found``: :func:`geo.figures.reach_values`
    of the area, the same figures as the page's)."""
    counts = cover != "need"
    sites = _protected(sites_table(exact, names), threshold, counts)
    other = _protected(sites_table(greedy, names), threshold, counts)
    # the reach figures, protected: a share is hidden when its within or beyond count is
    frame = pd.DataFrame(
        {
            name: [
                found.get(f"{name}_within", np.nan),
                found.get(f"{name}_beyond", np.nan),
                found.get(name, np.nan),
            ]
            for name in figures.REACH_MEASURES
        },
        index=["within", "beyond", "share"],
    ).T
    reached = protect(frame, ["within", "beyond"], threshold, derived={"share": ["within", "beyond"]})

    def share(value: float, hidden: bool) -> str:
        if hidden:
            return "x"
        return i18n.fmt_pct(value, lang) if np.isfinite(value) else i18n.t("common.no_data", lang)

    measured = figures.COVER_FIGURE.get(cover)
    before_hidden = bool(reached.hidden.loc[measured, "share"]) if measured else False
    after_hidden = counts and (before_hidden or bool(sites.hidden.loc[TOTAL, "adds"]))
    greedy_hidden = counts and (before_hidden or bool(other.hidden.loc[TOTAL, "adds"]))
    shares = {
        "before": share(exact.share_before, before_hidden),
        "after": share(exact.share_after, after_hidden),
        "greedy_after": share(greedy.share_after, greedy_hidden),
    }
    key_figures = []
    for name in figures.REACH:
        value = found.get(name, np.nan)
        if name in figures.REACH_MEASURES:
            text = share(value, bool(reached.hidden.loc[name, "share"]))
        else:
            text = i18n.t("common.no_data", lang) if pd.isna(value) else i18n.fmt_int(value, lang)
        key_figures.append(KeyFigure(name, figures.label(name, lang), text))
    key_figures.append(
        KeyFigure("reach_share_after", figures.label("reach_share_after", lang), shares["after"])
    )
    return SitesView(
        lang=lang,
        threshold=threshold,
        area=area,
        area_name=area_name,
        period=period,
        kind=kind,
        radius_km=radius_km,
        n=len(exact.sites),
        cover=cover,
        sites=sites,
        greedy=other,
        shares=shares,
        key_figures=key_figures,
        status=exact.status,
        gap=exact.gap,
        seconds=exact.seconds,
        sources=sources,
        demo=demo,
        as_of=as_of or date.today(),
        map_areas=map_areas,
        map_classes=map_classes,
        map_categories=list(map_categories or []),
        map_points=map_points,
    )


def _note(view: SitesView) -> list[str]:
    return [
        view.title,
        view.subtitle,
        view.t(
            "where.shares",
            before=view.shares["before"],
            after=view.shares["after"],
            greedy=view.shares["greedy_after"],
        ),
        view.status_text,
        view.method_note,
        view.t("export.deck.sources", sources=", ".join(view.sources) or "–"),
        view.t("export.deck.made", date=i18n.fmt_date(view.as_of, view.lang)),
        view.suppression_note,
        *([view.t("export.deck.demo")] if view.demo else []),
    ]


def sites_csv(view: SitesView) -> bytes:
    """The sites as UTF-8 CSV with a BOM (Excel reads the names right), the note lines first as
    ``# `` lines, hidden cells as their labels."""
    head = "".join(f"# {line}\n" for line in _note(view))
    sheet = view.sheet()
    return (head + csv_text(sheet.values, sheet.labels)).encode("utf-8-sig")


def sites_xlsx(view: SitesView) -> bytes:
    """The sites, the greedy answer beside them and the note, one sheet each (numbers as numbers)."""
    title = view.t("export.sheet.note")
    note = Sheet(title, pd.DataFrame({title: _note(view)}))
    return xlsx_bytes([view.sheet(), view.sheet("greedy"), note], view.lang)


def sites_map(view: SitesView, size: tuple[int, int] = (1600, 900)) -> bytes | None:
    """The map picture of a "where next" answer: distance classes to the type, its open points
    and the proposed sites (None when the view carries no map)."""
    from exports.static_map import render_map

    if view.map_areas is None or view.map_classes is None or not len(view.map_areas):
        return None
    return render_map(
        view.map_areas,
        view.map_classes,
        title=view.t("where.map_title", type=view.kind_label, km=view.radius_km, area=view.area_name),
        lang=view.lang,
        threshold=view.threshold,
        legend_title=view.t("reach.map_title", type=view.kind_label),
        source=", ".join(view.sources),
        as_of=view.as_of,
        size=size,
        label_areas=False,
        categories=view.map_categories,
        points=view.map_points,
        points_title=view.t("map.markers"),
    )
