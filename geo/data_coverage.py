"""What the data covers: the areas and years each stored version of a layer speaks for.

A :class:`Coverage` is a set of areas (dotted Kemendagri codes of any level: ``52``, ``52.02``,
``52.02.05``, a village) per year. Layers with a ``year`` column (placements, reports, population)
cover areas *in* years; layers without one (programmes, enterprises: a register of what runs
there, with start years) cover their areas in every year (:data:`EVERY_YEAR`).

The rule, one for every surface: **inside a version's coverage an area with no row has none (0);
outside the coverage of every version there is no data** (NaN, never 0). An area of which only a
part is covered (a province of which one regency is) is *partly* covered: its figure is the sum of
the covered part, and the surfaces say so.

Where coverage comes from: each stored version carries it (``entry["coverage"]``, stated in the
import preview and adjustable by the steward); the store attaches the union of its versions'
coverage to every layer frame it reads (``frame.attrs["coverage"]``, kept by pandas through
filters and copies). A frame without it (built in code) is taken to cover what its rows show,
by :func:`derive`: the areas of ``level`` (regencies by default) with a row, in each year with a
row.

Examples
--------
>>> c = Coverage.of({2023: ["52"], 2024: ["52.02"]})
>>> c.years, sorted(c.areas(2024))
([2023, 2024], ['52.02'])
>>> c.status(["52.02.05.2001", "52.03", "52", "36"], 2024).tolist()
[2, 0, 1, 0]
>>> sorted(c.common([2023, 2024]).areas(None))
['52.02']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from geo.codes import Level

__all__ = [
    "ATTR",
    "prepare",
    "EVERY_YEAR",
    "Coverage",
    "Ground",
    "areas_in",
    "attach",
    "coverage_of",
    "derive",
    "ground",
    "layer_level",
    "level_of",
    "note_level",
]

#: Key of a coverage in ``DataFrame.attrs``.
ATTR = "coverage"
#: The year key of a register's coverage (every year).
EVERY_YEAR = None
_LENGTHS = (2, 5, 8, 13)
_LEVEL_LENGTH = {Level.PROVINCE: 2, Level.REGENCY: 5, Level.DISTRICT: 8, Level.VILLAGE: 13}

YearsArg = int | Sequence[int] | tuple[int, int] | None


def level_of(code: str) -> Level:
    """The level of a dotted code (``"52.02"`` → regency)."""
    return Level(str(code).count(".") + 1)


def _years(years: YearsArg) -> list[int] | None:
    """Years asked about: None (any), one year, or a list; a (lo, hi) pair is the range."""
    if years is None:
        return None
    if isinstance(years, int | np.integer):
        return [int(years)]
    years = [int(y) for y in years]
    if len(years) == 2 and years[1] - years[0] > 1:
        return list(range(years[0], years[1] + 1))
    return years


def _maximal(codes: Iterable[str]) -> frozenset[str]:
    """The codes none of whose ancestors is among them (``52`` absorbs ``52.02``)."""
    held = {str(c) for c in codes if c is not None and str(c)}
    out = set()
    for code in held:
        parts = code.split(".")
        if not any(".".join(parts[:i]) in held for i in range(1, len(parts))):
            out.add(code)
    return frozenset(out)


@lru_cache(maxsize=1)
def _children_map() -> dict[str, tuple[str, ...]]:
    from geo.gazetteer import gazetteer

    table = gazetteer()
    inner = table[table["parent"].notna()]
    return {str(k): tuple(sorted(v)) for k, v in inner.groupby("parent")["code"]}


def prepare() -> None:
    """Read the gazetteer's tree of areas now (2.4 s once per process), not on a first page."""
    _children_map()


def _children(code: str) -> tuple[str, ...]:
    """The direct children of an area in the official gazetteer (read on first use)."""
    return _children_map().get(code, ())


def _prefixes(codes: np.ndarray, length: int) -> np.ndarray:
    return codes.astype(f"<U{length}")


@dataclass(frozen=True)
class Coverage:
    """Areas per year (``None``: every year). Immutable; build with :meth:`of`."""

    cells: tuple[tuple[int | None, frozenset[str]], ...] = ()

    # ------------------------------------------------------------------ building
    @classmethod
    def of(cls, mapping: Mapping[int | None, Iterable[str]]) -> Coverage:
        """A coverage from ``{year or None: codes}`` (codes inside another code of the year dropped)."""
        cells = []
        for year, codes in mapping.items():
            areas = _maximal(codes)
            if areas:
                cells.append((None if year is None else int(year), areas))
        cells.sort(key=lambda c: -1 if c[0] is None else c[0])
        return cls(tuple(cells))

    def __deepcopy__(self, memo) -> Coverage:  # immutable: pandas copies attrs at every step
        return self

    @property
    def mapping(self) -> dict[int | None, frozenset[str]]:
        return dict(self.cells)

    @property
    def years(self) -> list[int]:
        """The years covered (a register's coverage, every year, lists none)."""
        return [y for y, _ in self.cells if y is not None]

    @property
    def every_year(self) -> bool:
        return any(y is None for y, _ in self.cells)

    @property
    def empty(self) -> bool:
        return not self.cells

    def areas(self, years: YearsArg = None) -> frozenset[str]:
        """The areas covered in any of ``years`` (None: in any year), maximal codes only."""
        wanted = _years(years)
        found: set[str] = set()
        for year, codes in self.cells:
            if year is None or wanted is None or year in wanted:
                found |= codes
        return _maximal(found)

    def at(self, years: YearsArg) -> Coverage:
        """The coverage of ``years`` only, as a coverage of every year (for comparisons)."""
        return Coverage.of({EVERY_YEAR: self.areas(years)})

    # ------------------------------------------------------------------ set operations
    def __or__(self, other: Coverage) -> Coverage:
        merged: dict[int | None, set[str]] = {}
        for year, codes in (*self.cells, *other.cells):
            merged.setdefault(year, set()).update(codes)
        return Coverage.of(merged)

    def minus(self, other: Coverage) -> Coverage:
        """What this coverage holds that ``other`` does not (areas split along the gazetteer
        where ``other`` takes a part of one); a year-less ``other`` takes from every year."""
        out: dict[int | None, set[str]] = {}
        for year, codes in self.cells:
            # a register (every year) loses only what another register takes
            taken = other.mapping.get(None, frozenset()) if year is None else other.areas(year)
            out[year] = set(_subtract(codes, taken))
        return Coverage.of(out)

    def intersect(self, other: Coverage) -> Coverage:
        """The areas both cover, per year (a year-less side meets every year of the other)."""
        out: dict[int | None, set[str]] = {}
        years = {y for y, _ in self.cells} | {y for y, _ in other.cells}
        for year in years:
            mine = self.areas(year) if year is not None else self.mapping.get(None, frozenset())
            theirs = other.areas(year) if year is not None else other.mapping.get(None, frozenset())
            out[year] = set(_meet(mine, theirs))
        return Coverage.of(out)

    def common(self, years: Iterable[int]) -> Coverage:
        """The areas covered in every one of ``years`` (the common ground of a comparison), as a
        coverage of every year; empty when a year is not covered at all."""
        years = list(years)
        if not years:
            return Coverage()
        ground = self.areas(years[0])
        for year in years[1:]:
            ground = frozenset(_meet(ground, self.areas(year)))
        return Coverage.of({EVERY_YEAR: ground})

    def within(self, areas: Iterable[str] | str | None) -> Coverage:
        """This coverage inside ``areas`` (codes of any level; None: all of it)."""
        if areas is None:
            return self
        bound = _maximal([areas] if isinstance(areas, str) else areas)
        return self.intersect(Coverage.of({EVERY_YEAR: bound}))

    # ------------------------------------------------------------------ questions
    def status(self, codes: Sequence[str] | pd.Index | pd.Series, years: YearsArg = None) -> np.ndarray:
        """Per code: 2 inside a covered area, 1 partly covered (a covered area lies inside it),
        0 not covered, in any of ``years`` (None: any year)."""
        raw = codes.to_numpy(dtype=object) if isinstance(codes, pd.Series | pd.Index) else codes
        # each distinct code once (a layer repeats its villages: 300,000 rows over 8,500 villages)
        index, distinct = pd.factorize(
            np.asarray(raw if isinstance(raw, np.ndarray) else list(raw), dtype=object)
        )
        out = np.zeros(len(index), dtype="int8")
        if not len(index):
            return out
        areas = self.areas(years)
        if not areas or not len(distinct):
            return out
        per_code = self._status_of_distinct(np.asarray([str(c) for c in distinct], dtype=str), areas)
        known = index >= 0  # a missing code is not covered
        out[known] = per_code[index[known]]
        return out

    @staticmethod
    def _status_of_distinct(values: np.ndarray, areas: frozenset[str] | set[str]) -> np.ndarray:
        out = np.zeros(len(values), dtype="int8")
        for length in _LENGTHS:
            at = {a for a in areas if len(a) == length}
            if at:
                cut = _prefixes(values, length)
                out[np.isin(cut, list(at)) & (np.char.str_len(values) >= length)] = 2
        inner = set()
        for area in areas:
            parts = area.split(".")
            inner.update(".".join(parts[:i]) for i in range(1, len(parts)))
        if inner:
            out[(out == 0) & np.isin(values, list(inner))] = 1
        return out

    def status_of(self, area: str | None, years: YearsArg = None) -> int:
        """:meth:`status` of one area (None: the whole store — 2 when anything is covered)."""
        if area is None:
            return 2 if self.areas(years) else 0
        return int(self.status([area], years)[0])

    def rows_inside(self, frame: pd.DataFrame) -> np.ndarray:
        """True for the rows of ``frame`` inside this coverage in their own year (rows of a
        frame without ``year`` in any year)."""
        if frame.empty or "village" not in frame:
            return np.zeros(len(frame), dtype=bool)
        index, distinct = pd.factorize(frame["village"].to_numpy(dtype=object))
        names = np.asarray([str(c) for c in distinct], dtype=str)
        known = index >= 0  # a row without a village is inside nothing

        def inside(areas: frozenset[str]) -> np.ndarray:
            """Per row: its village lies inside ``areas`` (each distinct village decided once)."""
            rows = np.zeros(len(frame), dtype=bool)
            if areas and len(names):
                rows[known] = (self._status_of_distinct(names, areas) == 2)[index[known]]
            return rows

        if "year" not in frame or not self.years:
            return inside(self.areas(None))
        out = np.zeros(len(frame), dtype=bool)
        row_years = pd.to_numeric(frame["year"], errors="coerce").astype("float64").to_numpy()
        for year in {int(y) for y in pd.unique(row_years[~np.isnan(row_years)])}:
            pick = row_years == year
            out[pick] = inside(self.areas(year))[pick]
        if self.every_year:
            out |= inside(Coverage.of({EVERY_YEAR: self.mapping[None]}).areas(None))
        return out

    def count(self, level: Level, years: YearsArg = None, within: str | None = None) -> int:
        """How many areas of ``level`` (inside ``within``) the coverage of ``years`` touches: a
        coarser covered area counts its ``level`` areas in the gazetteer, a finer one its own."""
        level = Level(level)
        length = _LEVEL_LENGTH[level]
        found: set[str] = set()
        for area in self.areas(years):
            if within and not (
                area == within or area.startswith(within + ".") or within.startswith(area + ".")
            ):
                continue
            if len(area) >= length:
                found.add(area[:length])
            else:
                found.update(_descendants(area, level))
        if within and len(within) > length:
            return 0
        if within:
            found = {a for a in found if a == within or a.startswith(within + ".")}
        return len(found)

    # ------------------------------------------------------------------ storage
    def to_json(self) -> dict:
        """``{"by_year": {"2023": [codes]}, "every_year": [codes]}`` (sorted; empty parts left out)."""
        out: dict = {}
        by_year = {str(y): sorted(c) for y, c in self.cells if y is not None}
        if by_year:
            out["by_year"] = by_year
        if self.every_year:
            out["every_year"] = sorted(self.mapping[None])
        return out

    @classmethod
    def from_json(cls, data: Mapping | None) -> Coverage:
        if not data:
            return cls()
        mapping: dict[int | None, list[str]] = {
            int(y): list(codes) for y, codes in (data.get("by_year") or {}).items()
        }
        if data.get("every_year"):
            mapping[EVERY_YEAR] = list(data["every_year"])
        return cls.of(mapping)


def _descendants(area: str, level: Level) -> set[str]:
    """The ``level`` areas inside ``area`` in the gazetteer."""
    out = {area}
    while out and len(next(iter(out))) < _LEVEL_LENGTH[level]:
        out = {child for code in out for child in _children(code)}
    return out


def areas_in(area: str, level: Level | int) -> int:
    """How many ``level`` areas the gazetteer places inside ``area`` (1 for an area of ``level``)."""
    level = Level(level)
    if len(area) >= _LEVEL_LENGTH[level]:
        return 1
    return len(_descendants(area, level))


def _subtract(codes: Iterable[str], taken: Iterable[str]) -> set[str]:
    """``codes`` minus ``taken``, an area split into its gazetteer children where only a part is
    taken."""
    taken = _maximal(taken)
    out: set[str] = set()
    todo = list(codes)
    while todo:
        code = todo.pop()
        if any(code == t or code.startswith(t + ".") for t in taken):
            continue  # all of it taken
        if any(t.startswith(code + ".") for t in taken):
            todo.extend(_children(code))  # a part taken: keep the other parts
            continue
        out.add(code)
    return out


def _meet(a: Iterable[str], b: Iterable[str]) -> set[str]:
    """The areas both sets cover (the finer code where one lies inside the other)."""
    a, b = _maximal(a), _maximal(b)
    # an area is in both when it or one of its ancestors is in the other set: each code's few
    # ancestors looked up, not every pair compared (514 × 514 regencies × years took 2 s)
    out = {x for x in a if any(p in b for p in _lineage(x))}
    out |= {y for y in b if any(p in a for p in _lineage(y)[:-1])}
    return out


def _lineage(code: str) -> list[str]:
    """``code``'s ancestors and itself, coarsest first (``52.02.05`` → 52, 52.02, 52.02.05)."""
    parts = code.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts) + 1)]


# ---------------------------------------------------------------------- deriving and carrying
def layer_level(layer: str | None) -> Level:
    """The level a layer's files are taken to speak for (``LayerSpec.covers``; regencies for a
    layer the registry does not know)."""
    from geo.layers import LAYERS

    spec = LAYERS.get(layer or "")
    return spec.covers if spec is not None else Level.REGENCY


def derive(frame: pd.DataFrame | None, level: Level | int = Level.REGENCY) -> Coverage:
    """What a frame of rows speaks for by the default rule: each ``level`` area with a row, in each
    year with a row (every year for a frame without ``year``).

    >>> rows = pd.DataFrame({"village": ["52.02.05.2001", "52.03.01.2002"], "year": [2024, 2023]})
    >>> derive(rows).to_json()
    {'by_year': {'2023': ['52.03'], '2024': ['52.02']}}
    """
    if frame is None or frame.empty or "village" not in frame:
        return Coverage()
    length = _LEVEL_LENGTH[Level(level)]
    villages = frame["village"].astype("string")
    keep = villages.notna().to_numpy()
    if "year" in frame:
        years = pd.to_numeric(frame["year"], errors="coerce")
        keep &= years.notna().to_numpy()
        pairs = pd.DataFrame(
            {
                "area": villages[keep].str.slice(0, length).to_numpy(),
                "year": years[keep].astype(int).to_numpy(),
            }
        ).drop_duplicates()
        return Coverage.of({int(y): set(g["area"]) for y, g in pairs.groupby("year")})
    areas = pd.unique(villages[keep].str.slice(0, length))
    return Coverage.of({EVERY_YEAR: [str(a) for a in areas]})


def attach(frame: pd.DataFrame, coverage: Coverage) -> pd.DataFrame:
    """``frame`` carrying ``coverage`` (in ``frame.attrs``; returned for chaining)."""
    frame.attrs[ATTR] = coverage
    return frame


def coverage_of(frame: pd.DataFrame | None, level: Level | int | None = None) -> Coverage:
    """The coverage a layer frame carries, else what its rows show (:func:`derive` at ``level``,
    regencies by default)."""
    if frame is None:
        return Coverage()
    held = frame.attrs.get(ATTR)
    if isinstance(held, Coverage):
        return held
    return derive(frame, level or Level.REGENCY)


# ---------------------------------------------------------------------- common ground, in words
@dataclass(frozen=True)
class Ground:
    """How the coverage of the periods of a comparison differs: areas of ``level`` covered in
    each year (``counts``) and in all of them (``common``), inside ``area``."""

    level: Level
    years: tuple[int, ...]
    counts: tuple[int, ...]
    common: int
    area: str | None = None

    @property
    def differs(self) -> bool:
        return any(n != self.common for n in self.counts)


def note_level(area: str | None) -> Level:
    """The level a note counts areas in: regencies of a province (or the store), districts of a
    regency, villages of a district."""
    if area is None:
        return Level.REGENCY
    return Level(min(level_of(area) + 1, Level.VILLAGE))


def ground(coverage: Coverage, years: Iterable[int], area: str | None = None) -> Ground:
    """The :class:`Ground` of comparing ``years`` inside ``area``."""
    years = tuple(int(y) for y in years)
    level = note_level(area)
    inside = coverage.within(area)
    counts = tuple(inside.count(level, y, area) for y in years)
    common = inside.common(years).count(level, None, area) if years else 0
    return Ground(level, years, counts, common, area)
