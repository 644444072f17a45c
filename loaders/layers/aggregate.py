"""One stored row per village and breakdown: the aggregation of parsed rows."""

from __future__ import annotations

import numpy as np
import pandas as pd

from geo.layers import layer_spec

__all__ = ["aggregate"]


def _group_ids(keys: list[pd.Series]) -> tuple[np.ndarray, np.ndarray]:
    """Each row's group (one per distinct combination of ``keys``, missing values included) and
    the first row of every group."""
    n = len(keys[0]) if keys else 0
    ids, size = np.zeros(n, dtype=np.int64), 1
    for key in keys:
        codes = pd.factorize(key, use_na_sentinel=True)[0].astype(np.int64) + 1  # 0: missing
        width = int(codes.max()) + 1 if n else 1
        if size * width >= 2**62:  # renumber before the combined number could overflow
            ids = pd.factorize(ids)[0].astype(np.int64)
            size = int(ids.max()) + 1
        ids, size = ids * width + codes, size * width
    _, first, ids = np.unique(ids, return_index=True, return_inverse=True)
    return ids.reshape(-1), first


def aggregate(layer: str, rows: pd.DataFrame) -> pd.DataFrame:
    """One stored row per village and breakdown, with the dtypes of ``geo.layers``."""
    spec = layer_spec(layer)
    keys = list(spec.keys)

    def column(col: str) -> pd.Series:
        return rows[col] if col in rows else pd.Series(None, index=rows.index, dtype=object)

    agg: dict[str, object] = {}
    for col in spec.columns:
        if col in keys:
            continue
        if col in ("count", "persons", "residents"):
            agg[col] = "sum"
        elif col == "members":
            agg[col] = lambda s: s.sum(min_count=1)
        elif col == "start_year":
            agg[col] = "min"
        elif col == "active":
            agg[col] = lambda s: s.dropna().any() if s.notna().any() else None
        else:
            agg[col] = "first"
    numeric = ("count", "persons", "residents", "members", "start_year")
    values = pd.DataFrame(
        {
            c: pd.to_numeric(column(c), errors="coerce").astype("Float64") if c in numeric else column(c)
            for c in agg
        }
    ).reset_index(drop=True)
    # the keys of each group are those of its first row; the other columns are aggregated
    group, first = _group_ids([column(k) for k in keys])
    out = pd.DataFrame({k: column(k).iloc[first].to_numpy() for k in keys})
    if agg:
        aggregated = values.groupby(group, sort=True).agg(agg)
        for col in agg:
            out[col] = aggregated[col].to_numpy()
    out = out[list(spec.columns)]
    for col, dtype in spec.columns.items():
        if dtype in ("int16", "int64"):
            out[col] = pd.to_numeric(out[col]).fillna(0).round().astype(dtype)
        elif dtype in ("Int8", "Int16", "Int64"):
            out[col] = pd.to_numeric(out[col]).round().astype(dtype)
        elif dtype == "float64":  # coordinates
            out[col] = pd.to_numeric(out[col], errors="coerce").astype("float64")
        elif dtype == "boolean":
            out[col] = out[col].astype(object).where(out[col].notna(), None).astype("boolean")
        else:
            out[col] = out[col].astype(object).where(out[col].notna(), None).astype("string")
    return out.sort_values(list(spec.keys)).reset_index(drop=True)
