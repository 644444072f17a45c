"""What an export shows, computed once and protected once: the input of every export format.

:func:`build_view` turns the stored layer frames of an area and year into an :class:`ExportView`
(key figures, map values, a village table, chart series and one sentence per layer) with
small-count protection (:mod:`geo.suppression`) already applied. The deck, the PDF brief, the
static images and the CSV/XLSX tables all read the same view, so a cell hidden in one format is
hidden in all of them.

The headline figures come from the one registry, :mod:`geo.figures` (the same numbers as the
Ringkasan cards); which of them are protected is its suppression rule: placements (and their
gender split), non-procedural reports and returnee enterprises. Programme villages are public
government programmes and the number of villages of origin counts places, not people; both are
shown as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import geopandas as gpd
import numpy as np
import pandas as pd

import i18n
from geo import figures, metrics
from geo.classify import HIDDEN_COLOUR, Classification, classify
from geo.codes import Level
from geo.data_coverage import coverage_of, layer_level
from geo.journey import reason_rows, unsupported_by_village
from geo.journey_charts import reason_label
from geo.layers import PROBLEM_REASONS
from geo.suppression import HIDDEN_DERIVED, Group, Protected, hidden_label, is_small, protect, protect_series

__all__ = [
    "area_figures",
    "district_table",
    "ChartData",
    "ExportView",
    "KeyFigure",
    "MAP_MEASURES",
    "NATIONAL",
    "build_view",
    "code_length",
    "is_national",
]

#: The area of an export of the whole store (every village of every province held).
NATIONAL = "indonesia"
#: Index label of the village table's total row (never shown: files leave its code cell empty).
TOTAL_ROW = "__total__"

#: The column each layer's map and ranking count, and whether it is protected.
MAP_MEASURES: dict[str, tuple[str, bool]] = {
    "placements": ("count", True),
    "reports": ("count", True),
    "enterprises": ("count", True),
    "programmes": ("count", False),
    "returns": ("persons", True),
}
#: The village table's name columns, finest first: a village's own, then the areas above it that
#: the table spans (regency in a province's table, regency and province in Indonesia's).
NAME_COLUMNS = ("name", "district", "regency", "province")
_NAME_HEADERS = {"district": "export.district", "regency": "export.regency", "province": "export.province"}
_CODE_LENGTH = {Level.PROVINCE: 2, Level.REGENCY: 5, Level.DISTRICT: 8, Level.VILLAGE: 13}


def is_national(area: str) -> bool:
    """True for the export of the whole store (:data:`NATIONAL`), which no area code names."""
    return area == NATIONAL


def code_length(level: Level | int) -> int:
    """Length of a dotted code of ``level`` (``36.04`` → 5)."""
    return _CODE_LENGTH[Level(level)]


@dataclass(frozen=True)
class KeyFigure:
    """One headline figure, already formatted and protected (``text`` may be ``"<5"``).

    ``value`` and ``delta`` (the change from the year before; NaN when unknown or hidden) are the
    numbers behind ``text`` and ``change``, for files that keep numbers as numbers; ``share``
    says the value is a share (0–1) and the delta a difference of shares.
    """

    key: str
    label: str
    text: str
    change: str = ""
    hidden: bool = False
    value: float = float("nan")
    delta: float = float("nan")
    share: bool = False
    #: The layer is loaded but does not cover the area in the period: ``text`` says *no data*.
    no_data: bool = False


@dataclass(frozen=True)
class ChartData:
    """One chart: a protected series (column ``value``) drawn as ``kind`` (``line``/``barh``)."""

    key: str
    title: str
    kind: str
    data: Protected
    value_label: str


@dataclass
class ExportView:
    """Everything one export shows, protected, in one language."""

    lang: str
    threshold: int
    area: str
    area_name: str
    year: int | None
    layer: str
    layer_title: str
    period: str
    sources: list[str]
    as_of: date
    demo: bool
    map_areas: gpd.GeoDataFrame
    map_values: pd.Series
    map_hidden: pd.Series
    map_title: str
    legend_title: str
    key_figures: list[KeyFigure]
    villages: Protected
    village_headers: dict[str, str]
    charts: list[ChartData]
    sentences: list[str]
    bins: list[float] | None = None
    colours: list[str] | None = None
    extra: dict = field(default_factory=dict)
    #: Boundaries drawn as lines over the map (the provinces of a national map), or None.
    map_outlines: gpd.GeoDataFrame | None = None
    #: The journey's protected flow tables (:class:`exports.journey.FlowData`; returns exports).
    flows: list = field(default_factory=list)
    #: The data catalogue of the store as the user sees it (``loaders.catalogue.catalogue_document``):
    #: the XLSX files carry it as a sheet. Empty when not read.
    catalogue: dict = field(default_factory=dict)
    #: What the figures cover where it is not the whole area and period (coverage notes of
    #: :func:`geo.figures.coverage_notes`, what the whole store leaves out): every format states them.
    notes: list[str] = field(default_factory=list)

    def t(self, key: str, **values: object) -> str:
        return i18n.t(key, self.lang, **values)

    @property
    def suppression_note(self) -> str:
        return self.t("export.suppression_note", threshold=self.threshold, max=self.threshold - 1)

    def fmt_count(self, value: object) -> str:
        return i18n.fmt_int(_num(value), self.lang)

    def map_cells(self, codes: Sequence[str] | pd.Series) -> tuple[pd.DataFrame, Classification]:
        """What the map shows for each area of ``codes``, and its classification.

        One row per code (in order): ``value`` (the figure, NaN where hidden or without data),
        ``hidden``, ``shown`` (the text a reader sees: the number, ``"<5"``, ``"x"`` or "no
        data"), ``klass`` (the class index, :data:`geo.classify.NO_DATA` where there is none) and
        ``fill`` (its colour, the hidden colour for hidden areas). The interactive HTML map and
        the GIS files both read it, so their areas and classes are the legend's.
        """
        index = pd.Index(pd.Series(codes, dtype="object").astype(str).to_numpy())
        raw = pd.to_numeric(pd.Series(self.map_values).reindex(index), errors="coerce")
        hidden = pd.Series(self.map_hidden).reindex(index).fillna(False).astype(bool)
        values = raw.mask(hidden)
        classes = classify(values, limits=self.bins, colours=self.colours)
        fill = np.where(hidden.to_numpy(), HIDDEN_COLOUR, np.asarray(classes.fill(), dtype=object))
        small = is_small(raw.to_numpy(float), self.threshold)
        label = hidden_label(self.threshold)
        shown = [
            (label if s else HIDDEN_DERIVED)
            if h
            else (self.t("export.map.no_data") if np.isnan(v) else i18n.fmt_int(v, self.lang))
            for v, h, s in zip(values.to_numpy(float), hidden.to_numpy(), small, strict=True)
        ]
        cells = pd.DataFrame(
            {
                "value": values.to_numpy(float),
                "hidden": hidden.to_numpy(),
                "shown": shown,
                "klass": np.where(hidden.to_numpy(), -1, classes.classes),
                "fill": fill.tolist(),
            },
            index=index,
        )
        return cells, classes

    def map_legend(self, classes: Classification, any_hidden: bool) -> list[tuple[str, str]]:
        """The map legend's rows ``(colour, text)``: each class with its limits, "no data", and
        the hidden small counts when the map hides any (as every exported map writes it)."""
        rows = classes.legend(self.lang, no_data=self.t("export.map.no_data"))
        if any_hidden:
            rows.append((HIDDEN_COLOUR, self.t("export.map.hidden")))
        return rows

    def village_table(self, top: int | None = None) -> pd.DataFrame:
        """The village table for export: hidden cells as labels, total row last (its code cell
        empty, its name *Total*), headers translated."""
        table = self.villages.for_export()
        if top is not None:
            table = table.iloc[:-1].head(top)
        else:
            table.index = ["" if i == TOTAL_ROW else i for i in table.index]
        return table.rename(columns=self.village_headers)

    def village_table_text(
        self, top: int | None = None, columns: Sequence[str] | None = None
    ) -> pd.DataFrame:
        """The village table as display strings (numbers in the reader's format)."""
        formats = {c: self.fmt_count for c in self.villages.values.columns if c not in NAME_COLUMNS}
        if "share_women" in self.villages.values.columns:
            formats["share_women"] = lambda v: i18n.fmt_pct(_num(v), self.lang)
        table = self.villages.formatted(formats)
        if top is not None:
            table = table.iloc[:-1].head(top)
        if columns is not None:
            table = table[[c for c in columns if c in table.columns]]
        return table.rename(columns=self.village_headers)

    def slide_columns(self) -> list[str]:
        """The village-table columns that fit on a slide: the village's name and the two coarsest
        areas the table names (district and regency in a province, regency and province in
        Indonesia), then this layer first and the other figures."""
        present = self.villages.values.columns
        areas = [c for c in NAME_COLUMNS[1:] if c in present][-2:]
        if self.layer == "returns":  # the journey: who came back, in trouble, to nothing
            order = [
                "name",
                *areas,
                "returns",
                "problem_returns",
                "unsupported",
                "placements",
                "deported",
                "died",
            ]
            return [c for c in order if c in present]
        order = [
            "name",
            *areas,
            self.layer,
            "placements",
            "women",
            "share_women",
            "reports",
            "enterprises",
            "programmes",
            "problem_returns",
            "unsupported",
        ]
        return [c for c in dict.fromkeys(order) if c in present]


def _num(value: object) -> float | None:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if np.isnan(number) else number


def _keep_coverage(rows: pd.DataFrame, full: pd.DataFrame | None) -> pd.DataFrame:
    """``rows`` (cut from ``full``) carrying ``full``'s coverage even when empty."""
    if full is not None and "coverage" in full.attrs and "coverage" not in rows.attrs:
        rows = rows.copy()
        rows.attrs["coverage"] = full.attrs["coverage"]
    return rows


def _in_area(frame: pd.DataFrame, area: str) -> pd.DataFrame:
    if frame is None or frame.empty or "village" not in frame:
        return pd.DataFrame()
    if is_national(area):
        return frame
    village = frame["village"].astype("string")
    return frame[((village == area) | village.str.startswith(area + ".")).fillna(False)]


def _year_rows(frame: pd.DataFrame, year: int | None, layer: str) -> pd.DataFrame:
    """The rows of ``layer`` that count for ``year`` (the registry's period rule)."""
    return figures.period_rows(layer, frame, year)


def _years_held(frame: pd.DataFrame) -> list[int]:
    """The years a layer's rows hold (for the period of a trend chart)."""
    if frame.empty or "year" not in frame:
        return []
    return sorted(int(y) for y in pd.to_numeric(frame["year"], errors="coerce").dropna().unique())


def _by_village(frame: pd.DataFrame, column: str) -> pd.Series:
    if frame.empty:
        return pd.Series(dtype="float64")
    return frame.groupby(frame["village"].astype(str))[column].sum()


def _covered(frame: pd.DataFrame | None, layer: str, codes: pd.Index, year: int | None) -> np.ndarray:
    """True for the villages ``codes`` the layer covers in ``year`` (its period rule)."""
    if frame is None:
        return np.zeros(len(codes), dtype=bool)
    period = year if figures.PERIOD_OF.get(layer, "in_year") == "in_year" else None
    return coverage_of(frame, layer_level(layer)).status(codes, period) > 0


#: The layer each derived column of the village table reads (its coverage decides 0 or no data).
_COLUMN_LAYER = {
    **dict.fromkeys(("placements", "women", "men", "gender_unknown"), "placements"),
    **dict.fromkeys(("returns", "problem_returns", "deported", "died", "unsupported"), "returns"),
}


def _village_table(
    layers: Mapping[str, pd.DataFrame],
    villages: pd.DataFrame,
    year: int | None,
    layer: str,
    threshold: int,
    lang: str,
    group_length: int | None = None,
    support: bool = False,
) -> tuple[Protected, pd.Series, dict[str, str]]:
    """The protected village table (total row last) and the hidden mask of the map's areas.

    With ``group_length`` (the code length of the areas the map draws, when above village
    level), each map area's sum is protected together with its villages: the map shows those
    sums, so a lone hidden village could otherwise be worked out as area sum minus the others.
    The journey export (``layer="returns"``) adds problem returns, deported, died and, with
    ``support`` (the enterprise and programme lists are loaded), the returnees with neither.
    """
    placements = _year_rows(layers.get("placements", pd.DataFrame()), year, "placements")
    table = pd.DataFrame(index=pd.Index(villages["code"].astype(str), name="code"))
    table["name"] = villages["name"].to_numpy()
    table["district"] = villages["district_name"].to_numpy() if "district_name" in villages else ""
    for column in ("regency", "province"):  # where the table spans several (a province, Indonesia)
        if f"{column}_name" in villages:
            table[column] = villages[f"{column}_name"].to_numpy()
    names = [c for c in NAME_COLUMNS if c in table]
    counts: list[str] = []
    row_totals: dict[str, list[str]] = {}
    derived: dict[str, list[str]] = {}
    if not placements.empty:
        table["placements"] = _by_village(placements, "count")
        gender = placements["gender"].astype("string")
        table["women"] = _by_village(placements[gender == "P"], "count")
        table["men"] = _by_village(placements[gender == "L"], "count")
        table["gender_unknown"] = _by_village(placements[gender.isna() | ~gender.isin(["L", "P"])], "count")
        counts += ["placements", "women", "men", "gender_unknown"]
        row_totals["placements"] = ["women", "men", "gender_unknown"]
    for name in ("reports", "enterprises", "programmes"):
        column = MAP_MEASURES[name][0]
        rows = _year_rows(layers.get(name, pd.DataFrame()), year, name)
        if not rows.empty:
            table[name] = _by_village(rows, column)
            if MAP_MEASURES[name][1]:
                counts.append(name)
    returns = _year_rows(layers.get("returns", pd.DataFrame()), year, "returns")
    if not returns.empty:
        table["returns"] = _by_village(returns, "persons")
        counts.append("returns")
        if layer == "returns":  # the journey export: what came back, and who has nothing there
            for column, what in (("problem_returns", "problem"), ("deported", "DEPORTED"), ("died", "DIED")):
                table[column] = _by_village(reason_rows(returns, what), "persons")
                counts.append(column)
            if support:
                lone = unsupported_by_village(
                    returns,
                    layers.get("programmes", pd.DataFrame()),
                    layers.get("enterprises", pd.DataFrame()),
                    years=(year, year) if year is not None else None,
                )
                table["unsupported"] = lone
                counts.append("unsupported")
    numeric = [c for c in table.columns if c not in names]
    if numeric:
        table = table[table[numeric].fillna(0).sum(axis=1) > 0]
    # a village the layer covers without a row had none (0); outside its coverage: no data (NaN)
    for column in numeric:
        layer_name = _COLUMN_LAYER.get(column, column)
        covered = _covered(layers.get(layer_name), layer_name, table.index, year)
        table[column] = table[column].where(table[column].notna() | ~covered, 0.0)
        if covered.all():
            table[column] = table[column].astype("int64")
    sort_col = layer if layer in table else (numeric[0] if numeric else "name")
    table = table.sort_values(sort_col, ascending=sort_col == "name", kind="stable")
    villages_index = table.index
    total = pd.DataFrame({c: [table[c].sum()] for c in numeric}, index=["__total__"])
    for column in names:
        total[column] = ""
    total["name"] = i18n.t("export.total", lang)
    groups: list[Group] = []
    subtotal_codes = pd.Index([], dtype=object)
    if group_length is not None:
        prefix = table.index.str.slice(0, group_length)
        sums = table[numeric].groupby(prefix).sum()
        subtotal_codes = sums.index
        sums.index = "__sub__" + sums.index
        for column in names:
            sums[column] = ""
        table = pd.concat([table, sums[table.columns], total[table.columns]])
        members = pd.Series(villages_index, index=villages_index).groupby(prefix).groups
        for col in counts:
            for code in subtotal_codes:
                groups.append(Group(tuple((v, col) for v in members[code]), (f"__sub__{code}", col)))
            groups.append(Group(tuple((f"__sub__{c}", col) for c in subtotal_codes), ("__total__", col)))
    else:
        table = pd.concat([table, total[table.columns]])
    if "placements" in table:
        with np.errstate(invalid="ignore", divide="ignore"):
            known = table["women"] + table["men"]  # as the headline: among recorded gender
            table["share_women"] = (table["women"] / known.where(known > 0)).round(4)
        derived["share_women"] = ["women", "men"]
    protected = protect(
        table,
        counts,
        threshold,
        total_row="__total__" if group_length is None else None,
        row_totals=row_totals,
        derived=derived,
        groups=groups,
    )
    column = layer  # the village table's column of the layer the map draws
    if group_length is not None:
        labels = "__sub__" + subtotal_codes
        map_hidden = pd.Series(
            protected.hidden.loc[labels, column].to_numpy() if column in table else False,
            index=subtotal_codes,
        )
        keep = villages_index.append(pd.Index(["__total__"]))
        protected = Protected(
            protected.values.loc[keep],
            protected.primary.loc[keep],
            protected.hidden.loc[keep],
            protected.threshold,
            protected.counts,
        )
    else:
        map_hidden = (
            protected.hidden.loc[villages_index, column]
            if column in table
            else pd.Series(False, villages_index)
        )
    headers = {
        "name": i18n.t("export.village", lang),
        **{c: i18n.t(_NAME_HEADERS[c], lang) for c in names if c != "name"},
        **{c: i18n.t(f"export.col.{c}", lang) for c in table.columns if c not in names},
    }
    return protected, map_hidden.astype(bool), headers


def area_figures(
    layers: Mapping[str, pd.DataFrame],
    area: str,
    year: int | None,
    *,
    threshold: int,
    table: Callable[[bool], Protected] | None = None,
    lang: str = i18n.DEFAULT_LANGUAGE,
) -> list[KeyFigure]:
    """Every figure of the registry held for ``area`` in ``year``, protected as an export of the
    area protects its key figures (the OGC API's features). For a village, ``table(support)`` is
    its district's protected village table (:func:`district_table`; ``support``: the returnees
    without support are a figure here), and a figure is hidden wherever that table hides the
    village's cell, as :func:`build_view` does.

    ``layers`` are the stored layer frames as the reader may see them (through her grants).
    """
    shown, every, _, _ = _protected_figures(layers, area, year, threshold, lang, figures.AREA_FIGURES)
    if table is None or len(area) != code_length(Level.VILLAGE):
        return shown
    return _align_key_figures(shown, table("returnees_without_support" in every), area)


def district_table(
    layers: Mapping[str, pd.DataFrame],
    district: str,
    villages: pd.DataFrame,
    year: int | None,
    *,
    threshold: int,
    support: bool,
    lang: str = i18n.DEFAULT_LANGUAGE,
) -> Protected:
    """The protected village table of ``district`` in ``year`` as an export of one of its villages
    builds it (``villages``: the district's ``code``, ``name``, ``district_name``)."""
    table_layers = {name: _in_area(frame, district) for name, frame in layers.items()}
    returns = layers.get("returns")
    layer = "returns" if returns is not None and not returns.empty else "placements"
    return _village_table(table_layers, villages, year, layer, threshold, lang, None, support=support)[0]


def _key_figures(
    layers: Mapping[str, pd.DataFrame],
    area: str | None,
    year: int | None,
    threshold: int,
    lang: str,
    names: Sequence[str] = figures.HEADLINES,
) -> list[KeyFigure]:
    """The figures ``names`` for ``area`` in ``year``, protected (see :func:`_protected_figures`)."""
    return _protected_figures(layers, area, year, threshold, lang, names)[0]


def _protected_figures(
    layers: Mapping[str, pd.DataFrame],
    area: str | None,
    year: int | None,
    threshold: int,
    lang: str,
    names: Sequence[str] = figures.HEADLINES,
) -> tuple[list[KeyFigure], dict[str, KeyFigure], Protected, list[figures.Headline]]:
    """The figures ``names`` of :mod:`geo.figures` for ``area``, protected, with their change
    over common ground (:func:`geo.figures.headlines`); also every figure by name (for the
    sentences), the protection (for the reason chart) and the headlines themselves.

    ``layers`` are the unfiltered stored layers (the registry decides what is inside the area
    and what counts as zero or as no data); every figure is protected in one table with the
    counts it adds up from (placements by gender, returns by reason, problem returns), the
    previous year and this year over common ground together with this one.
    """
    items = figures.headlines(layers, area, year, tuple(figures.FIGURES))
    now = figures.values(layers, area, year)
    if year is None:
        before = common = dict.fromkeys(now, np.nan)
    else:  # the year before and this year over common ground (the change is between them)
        both = figures.values_by_year(
            figures.compared_layers(layers, area, [year - 1, year]), area, [year, year - 1]
        )
        common, before = both[year], both[year - 1]
    frame = pd.DataFrame.from_dict({"now": now, "before": before, "common": common}, orient="index")
    counts = [n for n, f in figures.FIGURES.items() if f.suppression == "small_count"]
    trouble = [figures.REASON_PARTS[r] for r in PROBLEM_REASONS]
    p = protect(
        frame,
        [*counts, *figures.COMPONENTS],
        threshold,
        row_totals={
            "placements": list(figures.COMPONENTS[:3]),
            "returns": list(figures.REASON_PARTS.values()),
        },
        derived={
            "share_women": ["women", "men"],
            "problem_per_100": ["problem_returns", "placements"],
            "non_procedural_share": ["non_procedural", "placements"],
        },
        groups=[
            Group(tuple((row, c) for c in trouble), (row, "problem_returns"))
            for row in ("now", "before", "common")
        ],
    )
    labels = p.labels()
    every: dict[str, KeyFigure] = {}
    for item in items:
        name, figure = item.name, figures.FIGURES[item.name]
        value = frame.loc["now", name]
        if pd.isna(value):
            loaded = layers.get(figure.layer)
            if loaded is not None and not loaded.empty:  # held, but not for this area and year
                every[name] = KeyFigure(
                    name,
                    figures.label(name, lang),
                    i18n.t("common.no_data", lang),
                    share=bool(figure.share),
                    no_data=True,
                )
            continue  # never a 0
        hidden = bool(p.hidden.loc["now", name])
        if hidden:
            text = labels.loc["now", name]
        elif figure.share:
            text = i18n.fmt_pct(float(value), lang)
        else:
            text = i18n.fmt_num(float(value), lang, figure.digits)
        change, delta = "", float("nan")
        if not hidden and not p.hidden.loc["before", name] and not p.hidden.loc["common", name]:
            change = figures.change_text(item, year, lang)
            delta = float(item.change) if year is not None else float("nan")
        shown = float("nan") if hidden else float(value)
        every[name] = KeyFigure(
            name, figures.label(name, lang), text, change, hidden, shown, delta, bool(figure.share)
        )
    return [every[n] for n in names if n in every], every, p, items


#: Charts per layer: (key, kind, breakdown column or "year", protect against shown total).
CHARTS: dict[str, list[tuple[str, str, str]]] = {
    "placements": [
        ("trend", "line", "year"),
        ("destination", "barh", "destination"),
        ("sector", "barh", "sector"),
        ("gender", "barh", "gender"),
    ],
    "reports": [
        ("trend", "line", "year"),
        ("channel", "barh", "channel"),
        ("destination", "barh", "destination"),
    ],
    "enterprises": [("enterprise_type", "barh", "enterprise_type")],
    "programmes": [("programme", "barh", "programme")],
    # the reasons of the year come from the key figures' protection (deported and died are
    # figures too: one protection, so a chart never shows what the strip hides)
    "returns": [("trend", "line", "year"), ("reason", "barh", "reason")],
}


#: Breakdowns stored as codes, and the translation key of each code's name.
_CATEGORY_TEXT = {
    "gender": lambda code: f"export.gender.{code}",
    "programme": lambda code: f"programme.{code}",
    "outcome": lambda code: f"outcome.{code}",
}


def _charts(
    layers: Mapping[str, pd.DataFrame],
    layer: str,
    year: int | None,
    threshold: int,
    lang: str,
    top: int = 8,
    figures_protected: Protected | None = None,
    area: str | None = None,
) -> tuple[list[ChartData], str]:
    """The layer's charts, protected, and the note of its trend (empty when the years it shows
    cover the same areas): a trend counts only the areas covered in every year it shows."""
    frame = layers.get(layer, pd.DataFrame())
    if frame.empty:
        return [], ""
    column, protected_layer = MAP_MEASURES[layer]
    out = []
    note = ""
    for key, kind, by in CHARTS.get(layer, []):
        if by not in frame:
            continue
        if by == "reason":
            chart = _reason_chart(figures_protected, year, lang)
            if chart is not None:
                out.append(chart)
            continue
        if by == "year":
            totals = metrics.trend(frame, column, area=area)
            found = metrics.trend_ground(frame, area)
            note = figures.ground_note(layer, found, lang) if found is not None else ""
            series = pd.Series(totals[column].to_numpy(), index=totals["year"].to_numpy())
            if series.empty:
                continue
        else:
            rows = _year_rows(frame, year, layer)
            if rows.empty:
                continue
            labels = pd.Series(figures.category_names(rows[by], lang), index=rows.index)
            if by in _CATEGORY_TEXT:  # a code (KAWAN_PMI, L) in words, never the code itself
                text_key = _CATEGORY_TEXT[by]
                labels = labels.map(lambda c, k=text_key: i18n.t(k(c), lang) if k(c) in i18n.TABLE else c)
            series = rows.groupby(labels.to_numpy())[column].sum()
        if by == "year":
            series = series.sort_index()
            series.index = [str(int(float(i))) for i in series.index]
        else:
            series = series.sort_values(ascending=False)
        threshold_used = threshold if protected_layer else 1
        data = protect_series(series, threshold_used, total_shown=by != "year")
        if by != "year" and len(series) > top:
            keep = series.index[:top]
            data = Protected(
                data.values.loc[keep],
                data.primary.loc[keep],
                data.hidden.loc[keep],
                data.threshold,
                data.counts,
            )
        # every chart states its period: the trend its years, the others the export's year
        period = figures.period_text([int(i) for i in series.index] if by == "year" else year, lang)
        title = (
            i18n.t(f"export.chart.{key}", lang, layer=i18n.t(f"export.layer.{layer}", lang)) + f", {period}"
        )
        out.append(ChartData(key, title, kind, data, i18n.t(f"export.unit.{layer}", lang)))
    return out, note


def _reason_chart(p: Protected | None, year: int | None, lang: str) -> ChartData | None:
    """Returns by reason in the export's year, cut from the key figures' protection."""
    if p is None:
        return None
    parts = [(reason, part) for reason, part in figures.REASON_PARTS.items() if part in p.values.columns]
    values = pd.to_numeric(p.values.loc["now", [part for _, part in parts]], errors="coerce")
    keep = [(r, c) for r, c in parts if values[c] > 0]
    if not keep:
        return None
    index = [reason_label(r, lang) for r, _ in keep]
    columns = [c for _, c in keep]

    def cut(frame: pd.DataFrame) -> pd.DataFrame:
        return pd.DataFrame({"value": frame.loc["now", columns].to_numpy()}, index=index)

    data = Protected(cut(p.values).astype("float64"), cut(p.primary), cut(p.hidden), p.threshold, ("value",))
    period = figures.period_text(year, lang)
    title = i18n.t("export.chart.reason", lang, layer=i18n.t("export.layer.returns", lang)) + f", {period}"
    return ChartData("reason", title, "barh", data, i18n.t("export.unit.returns", lang))


#: The headline figure each layer's sentence states (programmes: the programme villages).
_SENTENCE_FIGURE = {
    "placements": "placements",
    "reports": "reports",
    "enterprises": "enterprises",
    "returns": "returns",
}


def _one_or_many(key: str, count_text: str) -> str:
    """``key`` for a count, or its ``.one`` form after the number 1 ("1 programme", "2 programmes")."""
    base, _, name = key.rpartition(".")
    return f"{base}.one.{name}" if count_text.strip() == "1" else key


def _sentences(
    layers: Mapping[str, pd.DataFrame],
    villages: Protected,
    year: int | None,
    threshold: int,
    lang: str,
    period: str,
    key_figures: Sequence[KeyFigure],
    area: str,
    items: Sequence[figures.Headline] = (),
) -> list[str]:
    """One sentence per layer, stating the same numbers as the key figures (one registry): its
    value, and its change over common ground (:func:`geo.figures.headlines`); *no data* where the
    layer does not cover the area in the year, never 0."""
    out = []
    inside = villages.values.index[:-1]
    if not is_national(area):
        inside = inside[(inside == area) | inside.str.startswith(area + ".")]
    table = villages.values.loc[inside]
    hidden = villages.hidden.loc[inside]
    shown = {f.key: f for f in key_figures}
    headline = {h.name: h for h in items}
    for name, (column, protected_layer) in MAP_MEASURES.items():
        if name == "returns" and name not in layers:
            continue  # a store without the journey's layer: the brief as it was before it existed
        title = i18n.t(f"export.layer.{name}", lang)
        frame = layers.get(name, pd.DataFrame())
        if frame is None or frame.empty:
            out.append(i18n.t("export.brief.none", lang, layer=title.lower()))
            continue
        item = headline.get(_SENTENCE_FIGURE.get(name, "programme_villages"))
        if item is not None and pd.isna(item.value):
            out.append(i18n.t("export.brief.no_data", lang, layer=title, period=period))
            continue
        figure = shown.get(_SENTENCE_FIGURE.get(name, ""))
        now = _year_rows(frame, year, name)[column].sum()
        if figure is not None and figure.hidden or (protected_layer and 0 < now < threshold):
            out.append(
                i18n.t("export.brief.sentence.hidden", lang, layer=title, threshold=threshold, period=period)
            )
            continue
        change = ""
        if year is not None and name in _SENTENCE_FIGURE and item is not None:
            if pd.isna(item.previous):
                no_common = item.ground is not None and item.ground.counts[0] > 0 and item.ground.common == 0
                change = i18n.t(
                    "export.brief.change_no_common" if no_common else "export.brief.change_none",
                    lang,
                    year=year - 1,
                )
            else:
                base = item.value if item.common is None else item.common
                before = item.previous
                if before >= threshold or (not protected_layer and before > 0):
                    ratio = (base - before) / before
                    if abs(ratio) < 0.0005:
                        change = i18n.t("export.brief.change_same", lang)
                    else:
                        key = "export.brief.change_up" if ratio > 0 else "export.brief.change_down"
                        change = i18n.t(key, lang, change=i18n.fmt_pct(abs(ratio), lang))
                    if item.common is not None:
                        change += i18n.t("export.brief.change_common", lang)
        value = figure.text if figure is not None else i18n.fmt_int(now, lang)
        unit = i18n.t(_one_or_many(f"export.unit.{name}", value), lang).lower()
        sentence = i18n.t(
            "export.brief.sentence.count",
            lang,
            layer=title,
            value=f"{value} {unit}",
            period=period,
            change=change,
        )
        if name in table and (table[name] > 0).any():
            n_villages = int((table[name] > 0).sum())
            sentence += i18n.t(
                "export.brief.villages_with.one" if n_villages == 1 else "export.brief.villages_with",
                lang,
                villages=i18n.fmt_int(n_villages, lang),
            )
            visible = table.loc[~hidden[name], name]
            if len(visible) and visible.max() > 0:
                top_code = visible.idxmax()
                sentence += i18n.t(
                    "export.brief.top_village",
                    lang,
                    village=table.loc[top_code, "name"],
                    value=i18n.fmt_int(visible.max(), lang),
                )
        out.append(sentence)
    return out


def _align_key_figures(figures: list[KeyFigure], villages: Protected, area: str) -> list[KeyFigure]:
    """For a village, hide a headline figure wherever the table hides the village's own cell.

    The village is a row of its district's table; a cell hidden there as a complement must not
    be shown as a headline figure of the village.
    """
    if area not in villages.hidden.index:
        return figures
    labels = villages.labels().loc[area]
    row = villages.hidden.loc[area]
    out = []
    for figure in figures:
        column = figure.key
        if column in row.index and row[column] and not figure.hidden:
            figure = KeyFigure(figure.key, figure.label, labels[column], "", True, share=figure.share)
        out.append(figure)
    return out


def build_view(
    layers: Mapping[str, pd.DataFrame],
    map_areas: gpd.GeoDataFrame,
    villages: pd.DataFrame,
    *,
    area: str,
    area_name: str,
    year: int | None,
    layer: str = "placements",
    lang: str = i18n.DEFAULT_LANGUAGE,
    threshold: int = 5,
    sources: Sequence[str] = (),
    as_of: date | None = None,
    demo: bool = False,
    bins: Sequence[float] | None = None,
    colours: Sequence[str] | None = None,
    table_area: str | None = None,
    scheme: str = "quantiles",
    k: int = 5,
    map_outlines: gpd.GeoDataFrame | None = None,
    notes: Sequence[str] = (),
) -> ExportView:
    """Compute and protect everything an export of ``area`` in ``year`` shows.

    Parameters
    ----------
    layers
        Stored layer frames by name (columns of :mod:`geo.layers`); missing layers are skipped.
    area
        Dotted code of the area, or :data:`NATIONAL` for every area of the store.
    map_areas
        The areas drawn on the map (``code``, ``name``, ``geometry``), all of one level inside
        ``area`` (e.g. its districts, or its villages).
    villages
        The villages of ``table_area`` (``code``, ``name``, ``district_name``) for the village table.
    scheme, k
        Classification of the map when no ``bins`` are given (as on the interactive map).
    table_area
        The area the village table covers (default ``area``); for a village, its district, so the
        table and the map show the same villages under one protection.
    notes
        Further notes every format states (what the whole store leaves out).
    """
    if layer not in MAP_MEASURES:
        raise ValueError(f"unknown layer {layer!r}; choose one of: {', '.join(MAP_MEASURES)}")
    in_area = {name: _in_area(frame, area) for name, frame in layers.items()}
    period = figures.period_text(year, lang)  # the one way a period is written
    layer_title = i18n.t(f"export.layer.{layer}", lang)

    # Map: the layer's count per drawn area (0 where the layer covers it without a row, no data
    # outside its coverage), protected against the area total shown beside it.
    column, protected_layer = MAP_MEASURES[layer]
    full = layers.get(layer, pd.DataFrame())
    frame = _year_rows(in_area.get(layer, pd.DataFrame()), year, layer)
    codes = map_areas["code"].astype(str)
    length = int(codes.str.len().max()) if len(codes) else 13
    level = next((lv for lv in Level if code_length(lv) == length), Level.VILLAGE)
    period_years = year if figures.PERIOD_OF.get(layer, "in_year") == "in_year" else None
    values = metrics.area_values(
        full if full is not None else pd.DataFrame(),
        frame,
        level,
        column,
        codes.to_numpy(),
        scope=layer_level(layer),
        years=period_years,
    )
    values.index = pd.Index(codes.to_numpy())
    values.name = None
    # One protection for the table and the map: the map's hidden areas come from the same run.
    group_length = length if length < code_length(Level.VILLAGE) else None
    table_layers = (
        in_area if table_area in (None, area) else {n: _in_area(f, table_area) for n, f in layers.items()}
    )
    scope = None if is_national(area) else area  # the registry's "every area held"
    shown, every, protected_figures, items = _protected_figures(
        layers, scope, year, threshold, lang, figures.figure_set(layer)
    )
    villages_p, table_hidden, headers = _village_table(
        {n: _keep_coverage(f, layers.get(n)) for n, f in table_layers.items()},
        villages,
        year,
        layer,
        threshold,
        lang,
        group_length,
        support="returnees_without_support" in every,
    )
    key_figures = _align_key_figures(shown, villages_p, area)
    every.update({f.key: f for f in key_figures})
    flows = []
    if layer == "returns":  # the journey: where they go and from where they come back
        from exports.journey import journey_flows, origins_of

        origin_level, names, points = origins_of(scope, map_areas, villages)
        flows = journey_flows(
            layers, scope, year, level=origin_level, area_names=names, points=points, threshold=threshold,
            lang=lang, period=period,
        )  # fmt: skip
    if protected_layer:
        hidden = table_hidden.reindex(values.index, fill_value=False).astype(bool)
    else:
        hidden = pd.Series(False, index=values.index)
    charts, trend_note = _charts(
        {n: _keep_coverage(f, layers.get(n)) for n, f in in_area.items()},
        layer,
        year,
        threshold,
        lang,
        figures_protected=protected_figures,
        area=scope,
    )
    all_notes = [
        *figures.coverage_notes(items, year, scope, lang, area_name),
        *([trend_note] if trend_note else []),
        *notes,
    ]
    return ExportView(
        lang=lang,
        threshold=threshold,
        area=area,
        area_name=area_name,
        year=year,
        layer=layer,
        layer_title=layer_title,
        period=period,
        sources=list(sources),
        as_of=as_of or date.today(),
        demo=demo,
        map_areas=map_areas,
        map_values=values,
        map_hidden=hidden,
        map_title=("DEMO · " if demo else "")
        + i18n.t("export.map.title", lang, layer=layer_title, area=area_name, period=period),
        legend_title=f"{i18n.t(f'export.unit.{layer}', lang)}, {period}",
        key_figures=key_figures,
        villages=villages_p,
        village_headers=headers,
        charts=charts,
        sentences=_sentences(
            in_area, villages_p, year, threshold, lang, period, list(every.values()), area, items
        ),
        bins=list(bins) if bins is not None else list(classify(values[~hidden], scheme, k).limits),
        colours=list(colours) if colours is not None else None,
        extra={"hidden_label": hidden_label(threshold)},
        map_outlines=map_outlines,
        flows=flows,
        notes=list(dict.fromkeys(all_notes)),
    )
