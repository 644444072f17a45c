"""Classification for every map, chart and export: schemes, class limits, colours and legend labels.

One :func:`classify` turns one value per area into classes by a scheme of :data:`SCHEMES`;
the frozen :class:`Classification` it returns carries the class limits, each value's class
(:data:`NO_DATA` where there is no value, never the lowest class), the count per class, one colour
per class from :func:`palette` and the legend labels (:meth:`Classification.labels`). The
interactive map, the side-by-side maps, the static images, the HTML export and the coverage gaps
all classify here, and all draw missing values in the one :data:`NO_DATA_COLOUR`.

Quantile limits (every map's default) are computed here exactly as ``mapclassify.Quantiles``
computes them (a test checks equality to the last bit), because importing mapclassify (scipy.stats,
scikit-learn, matplotlib) costs a second of the first map; natural breaks and equal intervals are
mapclassify's own, imported on the first use.

The ``diverging`` scheme is for changes: classes symmetric around zero (the same magnitude limits
on both sides), a class of its own for "no change" (exactly zero) and only the side that occurs
(a change that fell everywhere shows only falls, in blues; rises are reds).

Examples
--------
>>> import pandas as pd
>>> c = classify(pd.Series([1, 2, 3, 10, None]), "equal_interval", 3)
>>> c.limits, c.counts, c.classes.tolist()
((4.0, 7.0, 10.0), (3, 0, 1), [0, 0, 0, 2, -1])
>>> c.labels("id")
['1 – 4', '5 – 7', '8 – 10']
>>> classify(pd.Series([-40, -20, -5, 0]), "diverging", 5).labels("en")
['−40 – −21', '−20 – −1', '0']
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

import i18n

__all__ = [
    "SCHEMES",
    "USER_SCHEMES",
    "NO_DATA",
    "NO_DATA_COLOUR",
    "HIDDEN_COLOUR",
    "EXCLUDED_COLOUR",
    "SEQUENTIAL",
    "DIVERGING_NEGATIVE",
    "DIVERGING_POSITIVE",
    "NO_CHANGE_COLOUR",
    "CATEGORICAL",
    "Classification",
    "classify",
    "palette",
    "quantile_limits",
]

#: Class of a value that has no data (NaN): drawn in :data:`NO_DATA_COLOUR`, never a value class.
NO_DATA = -1
#: The one colour of "no data" on every map, image and export.
NO_DATA_COLOUR = "#d9d9d9"
#: Areas whose small count is hidden in presentation mode and exports.
HIDDEN_COLOUR = "#b7c7d9"
#: Areas left out of a map's value classes on purpose (villages the planner skips).
EXCLUDED_COLOUR = "#a1d99b"
#: Sequential colours (ColorBrewer YlOrRd), light to dark, for up to 7 classes.
SEQUENTIAL = ("#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026", "#800026")
#: Diverging colours (ColorBrewer RdBu), from the smallest magnitude outwards.
DIVERGING_NEGATIVE = ("#d1e5f0", "#67a9cf", "#2166ac")
DIVERGING_POSITIVE = ("#fddbc7", "#ef8a62", "#b2182b")
NO_CHANGE_COLOUR = "#f7f7f7"
#: Qualitative colours for chart categories and map markers.
CATEGORICAL = ("#1f6f8b", "#e07a1f", "#3b9c5a", "#b8407a", "#7a5cc4", "#c9a227", "#5f6b73", "#2a9d8f")

MINUS = "\u2212"  # a real minus sign, not a hyphen: "−12"


class _Schemes(Mapping):
    """Scheme name -> classifier; mapclassify is imported on the first lookup of one of its classes.

    Listing or checking the names imports nothing, so the sidebar costs nothing.
    """

    def __init__(self, classes: dict[str, str]):
        self._classes = classes

    def __getitem__(self, name: str):
        classifier = self._classes[name]
        if classifier == "diverging":
            return _diverging
        import mapclassify

        return getattr(mapclassify, classifier)

    def __iter__(self) -> Iterator[str]:
        return iter(self._classes)

    def __len__(self) -> int:
        return len(self._classes)

    def __contains__(self, name: object) -> bool:
        return name in self._classes


#: Every classification scheme: the mapclassify class behind each user-selectable name, and the
#: diverging scheme of change maps (see :func:`classify`).
SCHEMES: Mapping = _Schemes(
    {
        "quantiles": "Quantiles",
        "natural_breaks": "FisherJenks",
        "equal_interval": "EqualInterval",
        "diverging": "diverging",
    }
)
#: The schemes a user picks from in the sidebar (the diverging one is chosen by the measure).
USER_SCHEMES = ("quantiles", "natural_breaks", "equal_interval")


def _check_scheme(scheme: str) -> None:
    if scheme not in SCHEMES:
        raise ValueError(f"unknown classification {scheme!r}; choose one of: {', '.join(SCHEMES)}")


def quantile_limits(data: np.ndarray, k: int) -> np.ndarray:
    """``mapclassify.Quantiles(data, k).bins``, computed as mapclassify computes them.

    Its ``quantile`` (``scipy.stats.scoreatpercentile`` with linear interpolation, then the
    distinct values), step for step, so the limits are equal to the last bit (a test checks).

    >>> quantile_limits(np.array([1.0, 2, 3, 4]), 2).tolist()
    [2.5, 4.0]
    """
    ordered = np.sort(np.asarray(data).flatten())
    w = 100.0 / k
    p = np.arange(w, 100 + w, w)
    if p[-1] > 100.0:
        p[-1] = 100.0
    scores = []
    for per in p:
        idx = per / 100.0 * (ordered.shape[0] - 1)
        i = int(idx)
        if i == idx:
            scores.append(np.add.reduce(ordered[i : i + 1] * np.array(1), 0) / 1.0)
        else:
            weights = np.array([(i + 1 - idx), (idx - i)], float)
            scores.append(np.add.reduce(ordered[i : i + 2] * weights, 0) / 1.0)
    return np.unique(np.array(scores))


def _limits(data: np.ndarray, scheme: str, k: int) -> np.ndarray:
    """Upper class limits of ``data`` (finite, not empty) in at most ``k`` classes."""
    k = max(1, min(int(k), len(np.unique(data))))
    if k < 2:
        return np.array([float(data.max())])
    if scheme == "quantiles":
        return quantile_limits(data, k)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # mapclassify lowers k itself on ties
        return np.asarray(SCHEMES[scheme](data, k=k).bins, dtype=float)


def _diverging(*_args, **_kwargs):  # pragma: no cover - a registry entry, classified by classify()
    raise TypeError("the diverging scheme is computed by geo.classify.classify")


def palette(n: int, kind: str = "sequential") -> list[str]:
    """``n`` colours of ``kind``: ``"sequential"`` (light to dark), ``"negative"`` or ``"positive"``
    (diverging sides, from the smallest magnitude outwards) or ``"categorical"``.

    >>> palette(3)
    ['#ffffb2', '#fd8d3c', '#800026']
    >>> palette(1, "negative")
    ['#67a9cf']
    """
    if n <= 0:
        return []
    colours = {
        "sequential": SEQUENTIAL,
        "negative": DIVERGING_NEGATIVE,
        "positive": DIVERGING_POSITIVE,
        "categorical": CATEGORICAL,
    }.get(kind)
    if colours is None:
        raise ValueError(
            f"unknown palette {kind!r}; choose one of: sequential, negative, positive, categorical"
        )
    if kind == "categorical":
        return [colours[i % len(colours)] for i in range(n)]
    if kind != "sequential" and n == 1:
        return [colours[1]]
    idx = np.linspace(0, len(colours) - 1, n).round().astype(int)
    return [colours[i] for i in idx]


@dataclass(frozen=True, eq=False)
class Classification:
    """Classes of one value per area (see :func:`classify`).

    Attributes
    ----------
    scheme
        The scheme's name (a key of :data:`SCHEMES`).
    limits
        Upper limit of each class, ascending (``mapclassify``'s ``bins``); for the diverging
        scheme the limit farthest from zero of each class (its lowest value below zero).
    ranges
        ``(low, high)`` per class as the legend writes it: whole numbers for whole-number data
        (``(8, 14)``), otherwise the smallest value in the class and its upper limit.
    classes
        The class of each value, :data:`NO_DATA` (``-1``) where the value is missing.
    counts
        Number of values in each class.
    colours
        One colour per class.
    integer
        Whether every value is a whole number (counts).
    zero
        The "no change" class of the diverging scheme, or ``None``.
    """

    scheme: str
    limits: tuple[float, ...]
    ranges: tuple[tuple[float, float], ...]
    classes: np.ndarray
    counts: tuple[int, ...]
    colours: tuple[str, ...]
    integer: bool
    zero: int | None = None
    #: Decimals of values classified on a grid (``classify(..., step=0.1)``: 1), else None.
    decimals: int | None = None

    @property
    def k(self) -> int:
        """Number of classes (fewer than asked for when the values have few distinct numbers)."""
        return len(self.limits)

    def fill(self) -> list[str]:
        """The colour of each value (:data:`NO_DATA_COLOUR` where it is missing)."""
        table = np.asarray([*self.colours, NO_DATA_COLOUR], dtype=object)
        return table[self.classes].tolist()

    def digits(self, minimum: int = 0, maximum: int = 3, *, percent: bool = False) -> int:
        """Fewest decimals (at least ``minimum``) that write every limit of the legend differently."""
        if self.integer and not percent:
            return 0
        if self.decimals is not None and not percent:  # values on a grid: its decimals, exactly
            return self.decimals
        scale = 100.0 if percent else 1.0
        numbers = [v * scale for pair in self.ranges for v in pair]
        for digits in range(minimum, maximum + 1):
            texts = [round(v, digits) for v in numbers]
            # the high end of a class and the low end of the next must differ, and no class may
            # read as one number unless it holds one value
            if all(texts[i] < texts[i + 1] for i in range(1, len(texts) - 1, 2)):
                return digits
        return maximum

    def labels(
        self, lang: str = i18n.DEFAULT_LANGUAGE, digits: int | None = None, *, percent: bool = False
    ) -> list[str]:
        """One legend text per class in the reader's number format, limits never repeated.

        Whole numbers read ``"7"``, ``"8 – 14"``, ``"15 – 19"``; other numbers get the fewest
        decimals that keep neighbouring limits apart (at least ``digits``); ``percent`` writes
        shares (0–1) as percentages; the diverging scheme signs its limits (``"+5 – +12"``).
        """
        if digits is None:
            digits = 0 if self.integer else 1
        places = self.digits(digits, percent=percent)
        signed = self.scheme == "diverging"

        def text(value: float) -> str:
            if percent:
                out = i18n.fmt_pct(value, lang, places)
            else:
                out = i18n.fmt_num(abs(value) if signed else value, lang, places)
                if signed and value < 0 and out.strip("0,.") != "":
                    out = MINUS + out
                elif signed and value > 0:
                    out = "+" + out
            return out.replace("-", MINUS)

        labels = []
        for low, high in self.ranges:
            a, b = text(low), text(high)
            labels.append(a if a == b else f"{a} – {b}")
        return labels

    def legend(
        self,
        lang: str = i18n.DEFAULT_LANGUAGE,
        digits: int | None = None,
        *,
        percent: bool = False,
        no_data: str | None = None,
        no_change: str | None = None,
    ) -> list[tuple[str, str]]:
        """Legend rows ``(colour, text)``: each class, then "no data" (always, in its one colour).

        ``no_change`` is written after the zero class of the diverging scheme (``"0 (no change)"``).
        """
        labels = self.labels(lang, digits, percent=percent)
        if self.zero is not None and no_change:
            labels[self.zero] = f"{labels[self.zero]} ({no_change})"
        rows = list(zip(self.colours, labels, strict=True))
        rows.append((NO_DATA_COLOUR, no_data if no_data is not None else i18n.t("common.no_data", lang)))
        return rows


def _is_integer(data: np.ndarray) -> bool:
    return bool(data.size) and bool(np.all(np.equal(np.mod(data, 1), 0)))


def _ranges(
    data: np.ndarray, classes: np.ndarray, limits: np.ndarray, integer: bool
) -> list[tuple[float, float]]:
    out = []
    low = float(data.min()) if data.size else 0.0
    for i, upper in enumerate(limits):
        members = data[classes == i]
        if integer:
            out.append((math.ceil(low) if i == 0 else math.floor(limits[i - 1]) + 1, math.floor(upper)))
        elif members.size:
            out.append((float(members.min()), float(upper)))
        else:
            out.append((float(limits[i - 1]) if i else low, float(upper)))
    return out


def _numbers(values: pd.Series | Sequence[float] | np.ndarray) -> np.ndarray:
    """``values`` as floats, anything not a number NaN; numeric arrays without a per-value
    conversion (83,246 villages of the national map: milliseconds, not a second)."""
    array = values.to_numpy() if isinstance(values, pd.Series) else values
    if isinstance(array, np.ndarray) and array.dtype.kind in "biuf":
        return array.astype(float)
    return pd.to_numeric(pd.Series(np.asarray(values, dtype=object)), errors="coerce").to_numpy(dtype=float)


def classify(
    values: pd.Series | Sequence[float] | np.ndarray,
    scheme: str = "quantiles",
    k: int = 5,
    *,
    limits: Sequence[float] | None = None,
    colours: Sequence[str] | None = None,
    step: float | None = None,
) -> Classification:
    """Classify ``values`` (one per area; NaN = no data) by ``scheme`` into at most ``k`` classes.

    Parameters
    ----------
    values
        Numbers; anything not a number is "no data" (class :data:`NO_DATA`).
    scheme
        A key of :data:`SCHEMES`; unknown names raise ``ValueError`` listing the valid ones.
    k
        Number of classes asked for (fewer when the values have fewer distinct numbers). For
        ``"diverging"``, ``(k - 1) // 2`` classes on each side of zero (at least one).
    limits, colours
        Upper class limits (and their colours) fixed beforehand, e.g. to draw an exported map in the
        classes of the interactive one; ``scheme`` is then only recorded.
    step
        The values as shown, rounded to multiples of ``step`` (``0.1``: scores with one decimal,
        as in a table beside the map): classified like whole numbers on that grid, so the legend
        writes exactly as many decimals as the table (never a limit the table cannot show).

    Returns
    -------
    Classification

    Examples
    --------
    >>> classify([7, 7, 14, 19, 110, None], "quantiles", 5).labels("id")
    ['7', '8 – 14', '15 – 19', '20 – 110']
    >>> classify([1.23, 2.5, 2.61, 9.04], "quantiles", 2, step=0.1).labels("en")
    ['1.2 – 2.5', '2.6 – 9.0']
    """
    _check_scheme(scheme)
    if step is not None and limits is None and scheme != "diverging":
        return _classify_on_grid(values, scheme, k, float(step))
    numbers = _numbers(values)
    present = np.isfinite(numbers)
    data = numbers[present]
    classes = np.full(len(numbers), NO_DATA, dtype=np.int64)
    integer = _is_integer(data)
    if scheme == "diverging" and limits is None:
        return _classify_diverging(numbers, present, k, integer)
    if limits is not None:
        bins = np.asarray(limits, dtype=float)
    elif data.size:
        bins = _limits(data, scheme, k)
        if integer:  # the same classes for whole numbers, without classes that can hold none
            bins = np.unique(np.floor(bins))
    else:
        bins = np.array([], dtype=float)
    if bins.size:
        index = np.clip(np.searchsorted(bins, data, side="left"), 0, len(bins) - 1)
        classes[present] = index
    counts = tuple(int(c) for c in np.bincount(classes[present], minlength=len(bins))[: len(bins)])
    if colours is not None:
        if len(colours) < len(bins):
            raise ValueError(f"{len(bins)} classes need {len(bins)} colours, got {len(colours)}")
        chosen = tuple(colours[: len(bins)])
    else:
        chosen = tuple(palette(len(bins)))
    return Classification(
        scheme=scheme,
        limits=tuple(float(b) for b in bins),
        ranges=tuple(_ranges(data, classes[present], bins, integer)),
        classes=classes,
        counts=counts,
        colours=chosen,
        integer=integer,
    )


def _classify_on_grid(values, scheme: str, k: int, step: float) -> Classification:
    """:func:`classify` of ``values`` rounded to multiples of ``step``: whole numbers of steps,
    classified as counts are, then scaled back."""
    if not step > 0:
        raise ValueError(f"step must be a positive number, got {step}")
    decimals = max(0, -math.floor(math.log10(step) + 1e-9))
    steps = np.round(_numbers(values) / step)
    whole = classify(steps, scheme, k)

    def back(v: float) -> float:
        return round(float(v) * step, decimals)

    return Classification(
        scheme=scheme,
        limits=tuple(back(v) for v in whole.limits),
        ranges=tuple((back(a), back(b)) for a, b in whole.ranges),
        classes=whole.classes,
        counts=whole.counts,
        colours=whole.colours,
        integer=False,
        decimals=decimals,
    )


def _classify_diverging(numbers: np.ndarray, present: np.ndarray, k: int, integer: bool) -> Classification:
    """Classes symmetric around zero: the same magnitude limits below and above it."""
    data = numbers[present]
    classes = np.full(len(numbers), NO_DATA, dtype=np.int64)
    magnitude = np.abs(data[data != 0])
    side = max(1, (int(k) - 1) // 2)
    if magnitude.size:
        edges = quantile_limits(magnitude, max(1, min(side, len(np.unique(magnitude)))))
        if integer:
            edges = np.unique(np.floor(edges))
    else:
        edges = np.array([], dtype=float)
    n = len(edges)
    step = np.clip(np.searchsorted(edges, np.abs(data), side="left"), 0, max(n - 1, 0))
    has_neg, has_zero, has_pos = bool((data < 0).any()), bool((data == 0).any()), bool((data > 0).any())
    lowers = [0.0, *edges[:-1]]
    limits: list[float] = []
    ranges: list[tuple[float, float]] = []
    colours: list[str] = []
    slot = np.full(len(data), NO_DATA, dtype=np.int64)
    negative_colours = palette(n, "negative")
    positive_colours = palette(n, "positive")
    zero = None
    if has_neg:
        for j in reversed(range(n)):  # the largest fall first
            members = data[(data < 0) & (step == j)]
            slot[(data < 0) & (step == j)] = len(limits)
            if integer:
                ranges.append((-edges[j], -(math.floor(lowers[j]) + 1)))
            else:
                ranges.append((-edges[j], float(members.max()) if members.size else -lowers[j]))
            limits.append(-float(edges[j]))
            colours.append(negative_colours[j])
    if has_zero:
        zero = len(limits)
        slot[data == 0] = zero
        limits.append(0.0)
        ranges.append((0.0, 0.0))
        colours.append(NO_CHANGE_COLOUR)
    if has_pos:
        for j in range(n):
            members = data[(data > 0) & (step == j)]
            slot[(data > 0) & (step == j)] = len(limits)
            if integer:
                ranges.append((math.floor(lowers[j]) + 1, edges[j]))
            else:
                ranges.append((float(members.min()) if members.size else lowers[j], float(edges[j])))
            limits.append(float(edges[j]))
            colours.append(positive_colours[j])
    classes[present] = slot
    counts = tuple(int(c) for c in np.bincount(slot[slot >= 0], minlength=len(limits))[: len(limits)])
    return Classification(
        scheme="diverging",
        limits=tuple(limits),
        ranges=tuple((float(a), float(b)) for a, b in ranges),
        classes=classes,
        counts=counts,
        colours=tuple(colours),
        integer=integer,
        zero=zero,
    )
