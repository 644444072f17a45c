"""Small-count protection for everything that leaves the office (presentation mode, exports).

Three rules, applied in this order and used by every export format:

1. **Primary suppression**: a count from 1 to ``threshold - 1`` is hidden and shown as
   ``"<5"`` (for the default threshold 5). Zero is not hidden: "nobody" identifies no one.
2. **Complementary suppression** (protection against disclosure by subtraction): in every
   *group* of cells that add up to a shown total (the rows of a column above its total row,
   or the parts of a row that add up to a total column), if exactly one cell of the group is
   hidden, the reader could work it out as ``total - sum(others)``. We then also hide the
   *next-smallest positive* visible part of the group (shown as ``"x"``). Only when the group
   has no other positive part do we hide the total itself. This repeats until no group has a
   single hidden cell (hiding a cell in a column can expose a row, and back).
3. **Derived figures** (shares, rates, changes) are hidden (``"x"``) whenever any of the
   counts they are computed from is hidden.

Functions take plain DataFrames/Series and the threshold as an argument (callers pass
``loaders.settings().small_count_threshold``); nothing here reads settings or Streamlit.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

__all__ = [
    "HIDDEN_DERIVED",
    "Group",
    "Protected",
    "hidden_label",
    "is_small",
    "protect",
    "protect_series",
]

#: Label of a cell hidden by rule 2 or 3 (not itself small, but would reveal one).
HIDDEN_DERIVED = "x"


def hidden_label(threshold: int) -> str:
    """The label of a small count: ``"<5"`` for threshold 5.

    >>> hidden_label(5)
    '<5'
    """
    return f"<{int(threshold)}"


def _check_threshold(threshold: int) -> int:
    if not isinstance(threshold, (int, np.integer)) or isinstance(threshold, bool) or threshold < 1:
        raise ValueError(f"small-count threshold must be a whole number of at least 1, got {threshold!r}")
    return int(threshold)


def is_small(values: pd.Series | np.ndarray, threshold: int) -> np.ndarray:
    """True where a count is from 1 to ``threshold - 1`` (missing and zero are not small).

    >>> is_small(pd.Series([0, 1, 4, 5, None]), 5).tolist()
    [False, True, True, False, False]
    """
    threshold = _check_threshold(threshold)
    numbers = pd.to_numeric(pd.Series(np.asarray(values, dtype=object)), errors="coerce").to_numpy(float)
    with np.errstate(invalid="ignore"):
        return (numbers >= 1) & (numbers < threshold) & ~np.isnan(numbers)


@dataclass(frozen=True)
class Group:
    """Cells that add up to a shown total: ``parts`` and ``total`` are (row label, column) pairs."""

    parts: tuple[tuple[Hashable, str], ...]
    total: tuple[Hashable, str] | None = None


@dataclass
class Protected:
    """A table with its hidden cells: ``values`` as given, ``primary`` small counts, ``hidden`` all.

    ``primary`` cells are shown as ``"<5"``, other hidden cells (complementary, derived) as ``"x"``.
    """

    values: pd.DataFrame
    primary: pd.DataFrame
    hidden: pd.DataFrame
    threshold: int
    counts: tuple[str, ...] = field(default_factory=tuple)

    def masked(self) -> pd.DataFrame:
        """Numeric copy with every hidden cell set to missing (for charts and maps)."""
        out = self.values.copy()
        for col in self.hidden.columns:
            if self.hidden[col].any():
                out[col] = out[col].astype("float64").mask(self.hidden[col])
        return out

    def labels(self) -> pd.DataFrame:
        """Strings for hidden cells (``"<5"`` or ``"x"``), empty string elsewhere."""
        out = pd.DataFrame("", index=self.values.index, columns=self.values.columns, dtype=object)
        out = out.mask(self.hidden, HIDDEN_DERIVED)
        return out.mask(self.primary, hidden_label(self.threshold))

    def for_export(self) -> pd.DataFrame:
        """Object copy: visible cells keep their values, hidden cells hold their label (CSV/XLSX)."""
        out = self.values.astype(object).copy()
        labels = self.labels()
        return out.mask(self.hidden, labels)

    def formatted(self, formats: Mapping[str, Callable[[object], str]]) -> pd.DataFrame:
        """Strings for display: ``formats[col](value)`` for visible cells, labels for hidden ones."""
        out = self.values.astype(object).copy()
        for col, fmt in formats.items():
            if col in out.columns:
                out[col] = [fmt(v) for v in self.values[col]]
        return out.mask(self.hidden, self.labels())


def protect(
    frame: pd.DataFrame,
    counts: Sequence[str],
    threshold: int,
    *,
    total_row: Hashable | None = None,
    row_totals: Mapping[str, Sequence[str]] | None = None,
    derived: Mapping[str, Sequence[str]] | None = None,
    groups: Sequence[Group] = (),
) -> Protected:
    """Apply the three rules to ``frame`` and return which cells to hide.

    Parameters
    ----------
    frame
        The table as it will be exported (one row per area, category or year).
    counts
        Columns holding counts of people or cases (rule 1 applies to them).
    threshold
        Counts from 1 to ``threshold - 1`` are hidden.
    total_row
        Index label of a row holding the column totals of the other rows (each count column is
        then a group: rows + total).
    row_totals
        ``{total_column: [part columns]}`` for columns that add up within a row, e.g.
        ``{"placements": ["women", "men"]}``.
    derived
        ``{column: [input columns]}`` for shares, rates and changes computed in the same row.
    groups
        Any further groups of cells adding up to a shown total.

    Returns
    -------
    Protected
        ``values`` (a copy of ``frame``) with the ``primary`` and ``hidden`` masks.

    Examples
    --------
    >>> t = pd.DataFrame({"n": [3, 10, 12, 25]}, index=["a", "b", "c", "total"])
    >>> p = protect(t, ["n"], 5, total_row="total")
    >>> p.for_export()["n"].tolist()
    ['<5', 'x', 12, 25]
    """
    threshold = _check_threshold(threshold)
    missing = [c for c in [*counts, *(row_totals or {}), *(derived or {})] if c not in frame.columns]
    for parts in [*(row_totals or {}).values(), *(derived or {}).values()]:
        missing += [c for c in parts if c not in frame.columns]
    if missing:
        raise ValueError(
            f"columns {sorted(set(missing))} are not in the table; it has: {', '.join(map(str, frame.columns))}"
        )
    if not frame.index.is_unique:
        raise ValueError("the table's index must be unique to protect it (reset_index first)")
    if total_row is not None and total_row not in frame.index:
        raise ValueError(f"total row {total_row!r} is not in the table's index")

    values = frame.copy()
    primary = pd.DataFrame(False, index=frame.index, columns=frame.columns)
    for col in counts:
        primary[col] = is_small(frame[col], threshold)
    hidden = primary.copy()

    all_groups: list[Group] = list(groups)
    if total_row is not None:
        body = [r for r in frame.index if r != total_row]
        for col in counts:
            all_groups.append(Group(tuple((r, col) for r in body), (total_row, col)))
    for total_col, parts in (row_totals or {}).items():
        for r in frame.index:
            all_groups.append(Group(tuple((r, c) for c in parts), (r, total_col)))

    # Rule 2: repeat until no group leaves exactly one hidden cell.
    index_pos = {label: i for i, label in enumerate(frame.index)}
    col_pos = {c: j for j, c in enumerate(frame.columns)}
    mask = hidden.to_numpy(copy=True)
    numbers = frame.apply(pd.to_numeric, errors="coerce").to_numpy(float)

    def pos(cell: tuple[Hashable, str]) -> tuple[int, int]:
        return index_pos[cell[0]], col_pos[cell[1]]

    changed = True
    while changed:
        changed = False
        for group in all_groups:
            cells = [pos(c) for c in group.parts]
            members = cells + ([pos(group.total)] if group.total is not None else [])
            if sum(mask[i, j] for i, j in members) != 1:
                continue
            candidates = [(numbers[i, j], i, j) for i, j in cells if not mask[i, j] and numbers[i, j] > 0]
            if candidates:
                _, i, j = min(candidates)
                mask[i, j] = True
                changed = True
            elif group.total is not None and not mask[pos(group.total)]:
                i, j = pos(group.total)
                if numbers[i, j] > 0:
                    mask[i, j] = True
                    changed = True
    hidden = pd.DataFrame(mask, index=frame.index, columns=frame.columns)

    # Rule 3: derived figures follow their inputs.
    for col, inputs in (derived or {}).items():
        hidden[col] = hidden[col] | hidden[list(inputs)].any(axis=1)
    return Protected(values=values, primary=primary, hidden=hidden, threshold=threshold, counts=tuple(counts))


def protect_series(
    values: pd.Series, threshold: int, *, total_shown: bool = True, name: str = "value"
) -> Protected:
    """Protect one breakdown (e.g. placements by destination) whose total is shown elsewhere.

    With ``total_shown`` the categories form a group with their (implicit) total, so a single
    small category forces a second one to be hidden.

    >>> p = protect_series(pd.Series({"MY": 40, "SA": 2, "TW": 9}), 5)
    >>> p.for_export()["value"].tolist()
    [40, '<5', 'x']
    """
    frame = values.rename(name).to_frame()
    if not total_shown:
        return protect(frame, [name], threshold)
    total_label = "__total__"
    while total_label in frame.index:
        total_label += "_"
    with_total = pd.concat([frame, pd.DataFrame({name: [values.sum()]}, index=[total_label])])
    result = protect(with_total, [name], threshold, total_row=total_label)
    keep = frame.index
    return Protected(
        values=result.values.loc[keep],
        primary=result.primary.loc[keep],
        hidden=result.hidden.loc[keep],
        threshold=result.threshold,
        counts=result.counts,
    )
