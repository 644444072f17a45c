"""Import a layer file into the store: read, remove personal data, map columns, validate, match
villages, aggregate, write atomically; plus the ``python -m loaders.layers`` command line.

:func:`analyse` does everything except writing and returns an :class:`ImportPlan` (what the Data
page previews); :func:`commit` writes an accepted plan. A plan with an error is never written,
so a rejected file leaves the store exactly as it was.

Replace vs append: *append* adds a version. *replace* drops, from earlier versions, the rows in
the new file's scope — the provinces it covers and, for layers with a year (placements, reports,
population), the years it covers — and then adds the new version; rows of other provinces or
years are kept. ``replace_all`` drops every earlier version.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd

import i18n
from geo.codes import Level, normalise_codes
from geo.layers import LAYERS, layer_spec
from geo.matching import REFERENCE_COLUMNS, combine_reference, match_points, match_rows
from loaders.columns import LOCATION_FIELDS, header_score, map_columns, normalise_header
from loaders.pii import PersonalColumn, scrub
from loaders.store import Store, open_store
from loaders.tabular import Table, TableError, parse_coordinate, parse_date, parse_number, read_table
from loaders.validation import YEAR_MIN, Issue, duplicate_rows, max_year, validate_rows

__all__ = [
    "ImportPlan",
    "analyse",
    "commit",
    "import_file",
    "reference_for",
    "status",
    "report_frame",
    "versions_frame",
    "log_frame",
    "mapping_frame",
    "MODES",
    "main",
]

MODES = ("replace", "append", "replace_all")
_YEAR_LAYERS = ("placements", "reports", "population")
REPORT_COLUMNS = ["file", "row", "column", "severity", "problem", "message", "candidates"]


@dataclass
class ImportPlan:
    """Everything an import found out, before anything is written."""

    layer: str
    file: str
    sha256: str
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    header_row: int | None = None
    encoding: str | None = None
    delimiter: str | None = None
    mapping: dict[str, str] = field(default_factory=dict)  # field -> file header
    ignored: list[str] = field(default_factory=list)
    dropped: list[PersonalColumn] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    rows_read: int = 0
    matched: int = 0
    ambiguous: int = 0
    unmatched: int = 0
    invalid: int = 0
    row_level: bool = False
    frame: pd.DataFrame | None = None  # aggregated, stored columns
    methods: dict[str, int] = field(default_factory=dict)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def accepted(self) -> bool:
        """True when the plan can be written (no error and at least one matched row)."""
        return not self.errors and self.frame is not None and len(self.frame) > 0

    @property
    def rejected_rows(self) -> int:
        return self.ambiguous + self.unmatched + self.invalid

    def scope(self) -> dict:
        """Provinces (and years) the file covers: what ``replace`` replaces."""
        if self.frame is None or self.frame.empty:
            return {"provinces": [], "years": []}
        provinces = sorted(self.frame["village"].astype(str).str[:2].unique())
        years = sorted(int(y) for y in self.frame["year"].unique()) if "year" in self.frame else []
        return {"provinces": provinces, "years": years}

    def summary(self) -> dict:
        """Counts for the log, the CLI and the page (no cell values)."""
        total = LAYERS[self.layer].count
        return {
            "layer": self.layer,
            "file": self.file,
            "sha256": self.sha256,
            "sheet": self.sheet,
            "rows_read": self.rows_read,
            "rows_matched": self.matched,
            "rows_ambiguous": self.ambiguous,
            "rows_unmatched": self.unmatched,
            "rows_invalid": self.invalid,
            "rows_rejected": self.rejected_rows,
            "row_level": self.row_level,
            "stored_rows": 0 if self.frame is None else len(self.frame),
            "total": 0 if self.frame is None or self.frame.empty else int(self.frame[total].fillna(0).sum()),
            "dropped_columns": [d.column for d in self.dropped],
            "errors": len(self.errors),
            "accepted": self.accepted,
            **self.scope(),
        }


# --------------------------------------------------------------------------- value maps
def _key(value: object) -> str:
    return re.sub(r"[^0-9a-z]+", " ", str(value).lower()).strip()


def _alias_map(groups: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {_key(alias): canon for canon, aliases in groups.items() for alias in (canon, *aliases)}


GENDER_VALUES = _alias_map(
    {
        "L": ("l", "lk", "laki", "laki laki", "lakilaki", "pria", "m", "male", "man", "men", "cowok", "1"),
        "P": ("p", "pr", "pr.", "perempuan", "wanita", "f", "female", "woman", "women", "w", "cewek", "2"),
    }
)
PROGRAMME_VALUES = _alias_map(
    {
        "KKBM": ("kkbm", "komunitas keluarga buruh migran", "komunitas keluarga pmi", "kk bm"),
        "DESMIGRATIF": ("desmigratif", "desa migran produktif", "desa migran", "desmigratif kemnaker"),
        "KAWAN_PMI": ("kawan pmi", "kawanpmi", "kawan", "relawan kawan pmi", "kawan_pmi"),
        "MRC": ("mrc", "migrant resource centre", "migrant resource center", "bp pipa", "bppipa", "pipa",
                "mrc bp pipa", "mrc/bp pipa", "pusat sumber daya migran"),
        "PERDES": ("perdes", "perdes pmi", "peraturan desa", "peraturan desa pmi", "perdes pelindungan pmi"),
        "OTHER": ("other", "others", "lainnya", "lain lain", "lain", "program lain"),
    }
)  # fmt: skip
SCHEME_VALUES = _alias_map(
    {
        "G2G": ("g to g", "g2g", "gtog", "government to government", "pemerintah", "g to g korea", "g to g jepang"),
        "P2P": ("p to p", "p2p", "ptop", "private to private", "swasta", "p3mi", "pptkis", "perusahaan", "agency",
                "melalui p3mi", "b to b", "b2b"),
        "MANDIRI": ("mandiri", "perseorangan", "perorangan", "individual", "independent", "um", "user mandiri"),
        "OTHER": ("other", "lainnya", "lain lain", "ukps", "kepentingan perusahaan sendiri"),
    }
)  # fmt: skip
OUTCOME_VALUES = _alias_map(
    {
        "PREVENTED": ("dicegah", "digagalkan", "pencegahan", "prevented", "ditunda", "batal berangkat", "ditolak",
                      "dicegah berangkat", "penundaan", "stopped"),
        "RETURNED": ("dipulangkan", "kembali", "returned", "pemulangan", "repatriated", "dikembalikan",
                     "dikembalikan ke daerah asal", "deportasi", "dideportasi"),
        "CASE_HANDLED": ("ditangani", "kasus ditangani", "proses hukum", "case handled", "handled", "diproses",
                         "penanganan kasus", "diselesaikan", "selesai", "mediasi"),
        "OTHER": ("other", "lainnya", "lain lain"),
    }
)  # fmt: skip
_TRUE = {_key(v) for v in ("ya", "y", "yes", "true", "1", "aktif", "active", "ada", "sudah", "v", "√", "✓", "x", "punya", "memiliki", "berjalan")}  # fmt: skip
_FALSE = {_key(v) for v in ("tidak", "tdk", "no", "n", "false", "0", "tidak aktif", "non aktif", "nonaktif", "belum", "tidak ada", "inactive", "vakum", "bubar", "t")}  # fmt: skip
_DESTINATIONS = {
    "hongkong": "Hong Kong", "hong kong": "Hong Kong", "hk": "Hong Kong", "taiwan roc": "Taiwan",
    "taiwan r o c": "Taiwan", "hong kong sar": "Hong Kong", "hongkong sar": "Hong Kong", "hksar": "Hong Kong",
    "taiwan province of china": "Taiwan", "republik korea": "Korea Selatan", "korea republic of": "Korea Selatan",
    "r o c taiwan": "Taiwan", "malaysia": "Malaysia", "korea": "Korea Selatan", "korsel": "Korea Selatan",
    "korea selatan": "Korea Selatan", "south korea": "Korea Selatan", "republic of korea": "Korea Selatan",
    "saudi": "Arab Saudi", "saudi arabia": "Arab Saudi", "arab saudi": "Arab Saudi", "ksa": "Arab Saudi",
    "uae": "Persatuan Emirat Arab", "united arab emirates": "Persatuan Emirat Arab", "pea": "Persatuan Emirat Arab",
    "emirat arab": "Persatuan Emirat Arab", "japan": "Jepang", "jepang": "Jepang", "brunei": "Brunei Darussalam",
    "brunei darussalam": "Brunei Darussalam", "singapore": "Singapura", "singapura": "Singapura",
}  # fmt: skip


def _text(value: object) -> str | None:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = re.sub(r"\s+", " ", str(value)).strip()
    return text or None


#: Abbreviations kept in capitals when a category is title-cased (``PLRT``, not ``Plrt``).
_ABBREVIATIONS = {
    "plrt",
    "prt",
    "art",
    "abk",
    "pmi",
    "tki",
    "tkw",
    "p3mi",
    "lpk",
    "kur",
    "ukm",
    "umkm",
    "bumdes",
}


def _label(value: object) -> str | None:
    """Free-text category in one case (``PENATA LAKSANA RUMAH TANGGA`` = ``penata laksana...``).

    >>> _label("PENATA LAKSANA RUMAH TANGGA"), _label("plrt"), _label("ABK KAPAL"), _label("Caregiver")
    ('Penata Laksana Rumah Tangga', 'PLRT', 'ABK Kapal', 'Caregiver')
    """
    text = _text(value)
    if text is None or text in ("-", "–"):
        return None
    if any(c.isupper() for c in text[1:]) and not text.isupper() and _key(text) not in _ABBREVIATIONS:
        return text
    return re.sub(
        r"[^\W_]+", lambda m: m[0].upper() if m[0].lower() in _ABBREVIATIONS else m[0].capitalize(), text
    )


def _destination(value: object) -> str | None:
    text = _text(value)
    if text is None or text in ("-", "–"):
        return None
    return _DESTINATIONS.get(_key(text), _label(text))


def _bool(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    text = _text(value)
    if text is None:
        return None
    if text in ("-", "–", "—"):
        return False
    if text in ("√", "✓", "✔", "☑"):
        return True
    key = _key(text)
    if key and key in _TRUE:
        return True
    if key and key in _FALSE:
        return False
    return None


# --------------------------------------------------------------------------- reference
_REF_CACHE: dict[tuple[str, str], pd.DataFrame] = {}


def reference_for(store: Store) -> pd.DataFrame:
    """Villages to match against: the store's own villages (e.g. the invented demo province)
    first, then the gazetteer. Cached per store version."""
    key = (store.key, store.version())
    if key not in _REF_CACHE:
        held = store.read_attributes(Level.VILLAGE, columns=REFERENCE_COLUMNS) if store.provinces() else None
        _REF_CACHE.clear()
        _REF_CACHE[key] = combine_reference(held)
    return _REF_CACHE[key]


def _village_polygons(store: Store, provinces: list[str]):
    import geopandas as gpd

    held = store.provinces()
    frames = [
        store.read_areas(Level.VILLAGE, prov, columns=["code", "geometry"])
        for prov in provinces or held
        if prov in held
    ]
    if not frames:
        return None
    return gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), geometry="geometry", crs=4326)


# --------------------------------------------------------------------------- analyse
def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_YEAR_IN_TEXT = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")


def _year_from_context(table: Table) -> int | None:
    """A single year named in the title rows, the sheet name or the file name."""
    for texts in (table.title, [table.sheet or ""], [Path(table.file).stem]):
        years = {int(y) for t in texts for y in _YEAR_IN_TEXT.findall(str(t))}
        years = {y for y in years if YEAR_MIN <= y <= max_year()}
        if len(years) == 1:
            return years.pop()
    return None


def _detect_code_column(frame: pd.DataFrame, candidates: list[str], ref_codes: set) -> str | None:
    """An unnamed column whose values are mostly known village codes."""
    for column in candidates:
        values = frame[column].dropna()
        if len(values) == 0:
            continue
        codes = normalise_codes(values.head(200))["code"]
        if codes.isin(ref_codes).mean() >= 0.6:
            return column
    return None


def _by_value(raw: pd.Series, parse: Callable[[object], object]) -> pd.Series:
    """``parse`` of every cell, computed once per distinct value (a million rows hold few).

    Missing cells (None, NaN) are parsed as None. Returns an object Series aligned with ``raw``.
    """
    codes, uniques = pd.factorize(raw, use_na_sentinel=True)
    results = np.empty(len(uniques) + 1, dtype=object)
    for i, value in enumerate(uniques):
        results[i] = parse(value)
    results[-1] = parse(None)
    return pd.Series(results[codes], index=raw.index, dtype=object)


def _issues_at(results: pd.Series, raw: pd.Series, rows: pd.Series, column: str, issues: list[Issue]) -> None:
    """An issue for every row whose parse result is an error code (a str starting with '!')."""
    failed = results.map(lambda r: isinstance(r, str) and r.startswith("!")).to_numpy(dtype=bool)
    for pos in np.flatnonzero(failed):
        row = int(rows[raw.index[pos]])
        issues.append(
            Issue(results.iat[pos][1:], row=row, column=column, params={"value": _text(raw.iat[pos])})
        )


def _ints(results: pd.Series) -> pd.Series:
    """The int results of :func:`_by_value` as an Int64 Series (anything else missing)."""
    good = results.map(lambda r: isinstance(r, int) and not isinstance(r, bool)).to_numpy(dtype=bool)
    values = np.zeros(len(results), dtype="int64")
    values[good] = results.to_numpy()[good].astype("int64")
    return pd.Series(pd.arrays.IntegerArray(values, ~good), index=results.index)


def _numbers(
    raw: pd.Series,
    column: str,
    rows: pd.Series,
    issues: list[Issue],
    *,
    whole: bool = True,
    zero_empty: bool = True,
) -> pd.Series:
    """Parse a count column; non-numbers and fractions become errors naming row and column."""

    def parse(value: object) -> object:
        if value is None or (isinstance(value, float) and np.isnan(value)) or str(value).strip() == "":
            return None
        number = parse_number(value)
        if number is None:
            return "!not_a_number"
        if abs(number) > 1e12:
            return "!too_large"
        if whole and not float(number).is_integer():
            return "!not_whole"
        return int(round(number))

    results = _by_value(raw, parse)
    _issues_at(results, raw, rows, column, issues)
    out = _ints(results)
    empty = [int(rows[idx]) for idx in results.index[results.isna()]]
    if zero_empty and empty and len(empty) < len(raw):
        listed = ", ".join(map(str, empty[:10])) + (" …" if len(empty) > 10 else "")
        issues.append(
            Issue("count_empty", "warning", column=column, params={"rows": listed, "n": len(empty)})
        )
    return out


def _year_of(value: object) -> object:
    """The year a cell gives, None for an empty cell, or ``"!year_not_a_year"``."""
    if _text(value) is None:
        return None
    if isinstance(value, datetime) and value.year < YEAR_MIN:
        # the number 2023 in a cell formatted as a date reads as 15 July 1905
        serial = (value - datetime(1899, 12, 30)).days
        if YEAR_MIN <= serial <= max_year():
            return serial
    number = parse_number(value, dash=None)
    if number is not None and float(number).is_integer():
        return int(number)
    day = parse_date(value)
    if day is not None:
        return day.year
    found = _YEAR_IN_TEXT.findall(str(value))
    if len(set(found)) == 1:
        return int(found[0])
    return "!year_not_a_year"


def _years(raw: pd.Series, column: str, rows: pd.Series, issues: list[Issue]) -> pd.Series:
    results = _by_value(raw, _year_of)
    _issues_at(results, raw, rows, column, issues)
    out = _ints(results)
    return out


def _month_of(value: object) -> object:
    """The month (1-12) a cell gives, None for an empty cell, or ``"!month_not_a_month"``."""
    from loaders.tabular import MONTHS

    text = _text(value)
    if text is None:
        return None
    number = parse_number(value, dash=None)
    if number is not None and float(number).is_integer():
        return int(number)
    word = _key(text).split(" ")[0]
    if word in MONTHS:
        return MONTHS[word]
    day = parse_date(value)
    if day is not None:
        return day.month
    return "!month_not_a_month"


def _months(raw: pd.Series, column: str, rows: pd.Series, issues: list[Issue]) -> pd.Series:
    results = _by_value(raw, _month_of)
    _issues_at(results, raw, rows, column, issues)
    out = _ints(results)
    return out


def _categorical(
    raw: pd.Series,
    values: dict[str, str],
    column: str,
    rows: pd.Series,
    issues: list[Issue],
    code: str,
    *,
    error: bool,
) -> pd.Series:
    """Map a category column through ``values``; unknown values → issue (error or warning)."""

    def canon_of(value: object) -> object:
        text = _text(value)
        if text is None or text in ("-", "–"):
            return None
        canon = values.get(_key(text))
        if canon is None:
            # "KKBM Desa X", "Program Desmigratif": a known name inside a longer text
            words = f" {_key(text)} "
            hits = {c for alias, c in values.items() if len(alias) >= 3 and f" {alias} " in words}
            canon = hits.pop() if len(hits) == 1 else None
        return canon if canon is not None else "!unknown"

    results = _by_value(raw, canon_of)
    unknown = results == "!unknown"
    seen_warning: set[str] = set()
    for pos in np.flatnonzero(unknown.to_numpy(dtype=bool)):
        text, row = _text(raw.iat[pos]), int(rows[raw.index[pos]])
        if error:
            issues.append(Issue(code, row=row, column=column, params={"value": text}))
        elif text not in seen_warning:
            issues.append(Issue(code, "warning", row=row, column=column, params={"value": text}))
            seen_warning.add(text)
    return results.where(~unknown, None if error else "OTHER")


def _canonical(
    layer: str, table: Table, frame: pd.DataFrame, mapping: dict[str, str], issues: list[Issue]
) -> tuple[pd.DataFrame, bool]:
    """Per-row frame with the layer's stored columns (+ ``_row`` and location fields)."""
    rows = table.rows
    get = {name: frame[header] for name, header in mapping.items()}
    out = pd.DataFrame(index=frame.index)
    out["_row"] = rows.to_numpy()
    for name in LOCATION_FIELDS:
        if name in get:
            out[name] = get[name]
    # time
    if layer in _YEAR_LAYERS or layer in ("programmes", "enterprises"):
        dates = _by_value(get["date"], parse_date) if "date" in get else None
        if dates is not None:
            bad = _by_value(get["date"], _text).notna() & dates.isna()
            for idx in bad[bad].index:
                issues.append(
                    Issue(
                        "date_not_a_date",
                        row=int(rows[idx]),
                        column=mapping["date"],
                        params={"value": _text(get["date"][idx])},
                    )
                )
        if layer in _YEAR_LAYERS:
            if "year" in get:
                out["year"] = _years(get["year"], mapping["year"], rows, issues)
                if dates is not None:
                    out["year"] = out["year"].fillna(
                        dates.map(lambda d: d.year if d else pd.NA).astype("Int64")
                    )
            elif dates is not None:
                out["year"] = dates.map(lambda d: d.year if d else pd.NA).astype("Int64")
            else:
                year = _year_from_context(table)
                if year is None:
                    issues.append(Issue("no_year", params={"file": table.file}))
                    out["year"] = pd.Series(pd.NA, index=frame.index, dtype="Int64")
                else:
                    issues.append(Issue("year_from_title", "info", params={"year": year}))
                    out["year"] = pd.Series(year, index=frame.index, dtype="Int64")
            missing = out["year"].isna()
            if missing.any() and not any(i.code == "no_year" for i in issues):
                column = mapping.get("year") or mapping.get("date") or ""
                for idx in missing[missing].index:
                    if not any(i.row == int(rows[idx]) and i.column == column for i in issues):
                        issues.append(Issue("year_missing", row=int(rows[idx]), column=column))
        if layer in ("placements", "reports"):
            if "month" in get:
                out["month"] = _months(get["month"], mapping["month"], rows, issues)
            elif dates is not None:
                out["month"] = dates.map(lambda d: d.month if d else pd.NA).astype("Int64")
            else:
                out["month"] = pd.Series(pd.NA, index=frame.index, dtype="Int64")
    if "start_year" in get and layer in ("programmes", "enterprises"):
        out["start_year"] = _years(get["start_year"], mapping["start_year"], rows, issues)
    row_level = False
    if layer == "placements":
        out["gender"] = None
        if "gender" in get:
            out["gender"] = _categorical(
                get["gender"], GENDER_VALUES, mapping["gender"], rows, issues, "gender_unknown", error=False
            )
            out["gender"] = out["gender"].where(out["gender"] != "OTHER", None)
        out["destination"] = _by_value(get["destination"], _destination) if "destination" in get else None
        out["sector"] = _by_value(get["sector"], _label) if "sector" in get else None
        out["scheme"] = (
            _categorical(
                get["scheme"], SCHEME_VALUES, mapping["scheme"], rows, issues, "scheme_unknown", error=False
            )
            if "scheme" in get
            else None
        )
        if "count_l" in get or "count_p" in get:
            parts = []
            for name, gender in (("count_l", "L"), ("count_p", "P")):
                if name in get:
                    part = out.copy()
                    part["gender"] = gender
                    part["count"] = _numbers(get[name], mapping[name], rows, issues)
                    parts.append(part)
            if "count" in get:
                issues.append(Issue("total_ignored", "info", column=mapping["count"]))
            out = pd.concat(parts).sort_values("_row", kind="stable")
            out = out[out["count"].notna()]
        elif "count" in get:
            out["count"] = _numbers(get["count"], mapping["count"], rows, issues)
        else:
            row_level = True
            out["count"] = pd.Series(1, index=out.index, dtype="Int64")
    elif layer == "reports":
        out["destination"] = _by_value(get["destination"], _destination) if "destination" in get else None
        out["channel"] = _by_value(get["channel"], _label) if "channel" in get else None
        out["outcome"] = (
            _categorical(
                get["outcome"],
                OUTCOME_VALUES,
                mapping["outcome"],
                rows,
                issues,
                "outcome_unknown",
                error=False,
            )
            if "outcome" in get
            else None
        )
        if "persons" in get:
            out["persons"] = _numbers(get["persons"], mapping["persons"], rows, issues)
        else:
            row_level = True
            out["persons"] = pd.Series(1, index=out.index, dtype="Int64")
        if "reports" in get:
            out["count"] = _numbers(get["reports"], mapping["reports"], rows, issues)
        else:
            out["count"] = pd.Series(1, index=out.index, dtype="Int64")
    elif layer == "programmes":
        if "programme" in get:
            out["programme"] = _categorical(
                get["programme"],
                PROGRAMME_VALUES,
                mapping["programme"],
                rows,
                issues,
                "programme_unknown",
                error=True,
            )
            for idx in out.index[out["programme"].isna() & _by_value(get["programme"], _text).isna()]:
                issues.append(Issue("programme_missing", row=int(rows[idx]), column=mapping["programme"]))
        else:
            issues.append(Issue("no_programme_column", params={"file": table.file}))
            out["programme"] = None
        out["members"] = (
            _numbers(get["members"], mapping["members"], rows, issues, zero_empty=False)
            if "members" in get
            else pd.NA
        )
        out["active"] = _by_value(get["active"], _bool) if "active" in get else None
        out["count"] = pd.Series(1, index=out.index, dtype="Int64")
        row_level = True
    elif layer == "enterprises":
        out["enterprise_type"] = (
            _by_value(get["enterprise_type"], _label) if "enterprise_type" in get else None
        )
        out["members"] = (
            _numbers(get["members"], mapping["members"], rows, issues, zero_empty=False)
            if "members" in get
            else pd.NA
        )
        out["kur_credit"] = _by_value(get["kur_credit"], _bool) if "kur_credit" in get else None
        out["cooperative"] = _by_value(get["cooperative"], _bool) if "cooperative" in get else None
        if "enterprises" in get:
            out["count"] = _numbers(get["enterprises"], mapping["enterprises"], rows, issues)
        else:
            row_level = True
            out["count"] = pd.Series(1, index=out.index, dtype="Int64")
    elif layer == "population":
        if "residents" in get:
            out["residents"] = _numbers(get["residents"], mapping["residents"], rows, issues)
        else:
            issues.append(Issue("no_residents_column", params={"file": table.file}))
            out["residents"] = pd.Series(pd.NA, index=out.index, dtype="Int64")
    return out, row_level


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


def _aggregate(layer: str, rows: pd.DataFrame) -> pd.DataFrame:
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
        elif dtype == "boolean":
            out[col] = out[col].astype(object).where(out[col].notna(), None).astype("boolean")
        else:
            out[col] = out[col].astype(object).where(out[col].notna(), None).astype("string")
    return out.sort_values(list(spec.keys)).reset_index(drop=True)


_YEAR_HEADER = re.compile(r"^(?:tahun |thn |th |year )?((?:19[5-9]|20\d)\d)$")
_MAIN_COUNT_FIELD = {"placements": "count", "reports": "persons", "population": "residents"}


_COORD_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")


def _coordinate_pair(value: object) -> tuple[float | None, float | None]:
    """``"-6.123, 106.456"``, ``"-6,123 106,456"`` or ``"-6.123;106.456"`` → (lat, lon)."""
    text = _text(value)
    numbers = _COORD_NUMBER.findall(text or "")
    if len(numbers) != 2:
        return None, None
    return parse_coordinate(numbers[0]), parse_coordinate(numbers[1])


def _melt_year_columns(
    layer: str, table: Table, frame: pd.DataFrame, fields: dict[str, str], plan: ImportPlan
) -> tuple[pd.DataFrame, dict[str, str]]:
    """Turn one-count-column-per-year tables into rows with a year and a count."""
    count_field = _MAIN_COUNT_FIELD.get(layer)
    years = {c: int(m[1]) for c in frame.columns if (m := _YEAR_HEADER.match(normalise_header(c)))}
    # "Tahun 2023" is a year's count column, not the year column
    fields = {k: v for k, v in fields.items() if not (v in years and k in ("year", "start_year"))}
    if count_field is None or not years or {"year", "date", count_field, "count_l", "count_p"} & set(fields):
        return frame, fields
    year_col, count_col = "Tahun", ", ".join(map(str, years))
    parts, rows = [], []
    for column, year in years.items():
        part = frame.drop(columns=list(years)).assign(**{year_col: year, count_col: frame[column]})
        parts.append(part)
        rows.append(table.rows)
    long = pd.concat(parts, ignore_index=True)
    table.rows = pd.concat(rows, ignore_index=True)
    table.frame = long
    fields = {**fields, "year": year_col, count_field: count_col}
    plan.mapping = fields
    plan.ignored = [c for c in plan.ignored if c not in years]
    plan.issues.append(Issue("wide_years", "info", column=count_col, params={"n": len(years)}))
    return long, fields


def _melt_programme_columns(
    layer: str, table: Table, frame: pd.DataFrame, fields: dict[str, str], plan: ImportPlan
) -> tuple[pd.DataFrame, dict[str, str]]:
    """Programme files drawn as a matrix (a column per programme type, marked per village)."""
    if layer != "programmes" or "programme" in fields:
        return frame, fields
    used = set(fields.values())
    types = {
        c: PROGRAMME_VALUES[_key(c)] for c in frame.columns if c not in used and _key(c) in PROGRAMME_VALUES
    }
    if not types:
        return frame, fields
    parts, rows = [], []
    for column, kind in types.items():
        marks = frame[column].map(lambda v: _bool(v) or ((parse_number(v, dash=None) or 0) > 0))
        members = frame[column].map(lambda v: parse_number(v, dash=None) if _bool(v) is None else None)
        part = frame[marks].drop(columns=list(types)).assign(Program=kind, _members=members[marks])
        parts.append(part)
        rows.append(table.rows[marks.to_numpy()])
    long = pd.concat(parts, ignore_index=True)
    table.rows = pd.concat(rows, ignore_index=True)
    table.frame = long
    fields = {**fields, "programme": "Program"}
    if "members" not in fields and long["_members"].notna().any():
        long = long.rename(columns={"_members": "Anggota"})
        fields["members"] = "Anggota"
    else:
        long = long.drop(columns="_members")
    plan.mapping = fields
    plan.ignored = [c for c in plan.ignored if c not in types]
    plan.issues.append(Issue("programme_matrix", "info", column=", ".join(map(str, types))))
    return long, fields


def analyse(
    layer: str,
    data: bytes,
    file: str,
    store: Store,
    *,
    sheet: str | int | None = None,
    skip_invalid: bool = False,
) -> ImportPlan:
    """Read and check a file for ``layer`` without writing anything.

    With ``skip_invalid`` rows with a value error are left out (and reported) instead of
    rejecting the whole file.
    """
    layer_spec(layer)
    plan = ImportPlan(layer=layer, file=file, sha256=_sha256(data))
    try:
        table = read_table(data, file, sheet=sheet, header_score=header_score)
    except TableError as err:
        plan.issues.append(Issue(f"file_{err.code}", params={"file": file, **err.params}))
        return plan
    plan.sheet, plan.sheets, plan.header_row = table.sheet, table.sheets, table.header_row
    plan.encoding, plan.delimiter = table.encoding, table.delimiter
    plan.rows_read = len(table.frame)
    for skipped in table.skipped:
        plan.issues.append(
            Issue(f"skipped_{skipped.reason}", "info", row=skipped.row, params={"text": skipped.text})
        )
    # 1. personal data out, before anything else looks at the values
    clean = scrub(table.frame, distinct=table.distinct)
    plan.dropped = clean.dropped
    for column, positions in clean.blanked.items():
        rows = ", ".join(str(int(table.rows.iat[p])) for p in positions[:10])
        plan.issues.append(
            Issue(
                "personal_values_blanked",
                "warning",
                column=column,
                params={"rows": rows, "n": len(positions)},
            )
        )
    frame = clean.frame
    # 2. columns
    mapping = map_columns(list(frame.columns), layer)
    fields = dict(mapping.fields)
    reference = reference_for(store)
    if "village_code" not in fields:
        found = _detect_code_column(frame, mapping.ignored, set(reference["code"]))
        if found:
            fields["village_code"] = found
            plan.issues.append(Issue("code_column_by_content", "info", column=found))
    plan.mapping = fields
    plan.ignored = [c for c in frame.columns if c not in fields.values()]
    has_location = bool({"village_code", "village_name"} & set(fields)) or (
        {"latitude", "longitude"} <= set(fields) or "coordinates" in fields
    )
    if plan.rows_read == 0:
        plan.issues.append(Issue("no_rows", params={"file": file}))
        return plan
    if not has_location:
        areas = [f for f in ("district_name", "district_code", "regency_name", "regency_code") if f in fields]
        if "bps_code" in fields:
            code, column = "only_bps_column", fields["bps_code"]
        elif areas:  # a recap per regency or district: nothing to put on a village
            code, column = "only_area_columns", fields[areas[0]]
        else:
            code, column = "no_village_column", None
        plan.issues.append(
            Issue(
                code,
                column=column,
                params={"file": file, "columns": ", ".join(map(str, frame.columns))[:300]},
            )
        )
        return plan
    # wide tables: one count column per year ("Desa | 2021 | 2022 | 2023")
    frame, fields = _melt_year_columns(layer, table, frame, fields, plan)
    # programme matrix: one column per programme type with Ya/Tidak or ✓ ("Desa | KKBM | Desmigratif")
    frame, fields = _melt_programme_columns(layer, table, frame, fields, plan)
    # 3. values
    issues: list[Issue] = []
    rows, row_level = _canonical(layer, table, frame, fields, issues)
    plan.row_level = row_level
    sources = {k: v for k, v in fields.items()}
    sources.update(
        {"count": fields.get("count", fields.get("count_l", "")), "persons": fields.get("persons", "")}
    )
    if layer == "enterprises":
        sources["count"] = fields.get("enterprises", "")
    originals = pd.DataFrame({k: frame[v] for k, v in fields.items() if v in frame}, index=frame.index)
    if layer == "reports" and "reports" in originals:
        originals["count"] = originals["reports"]
    issues += validate_rows(layer, rows, rows["_row"], sources, originals.reindex(rows.index.unique()))
    # 4. villages
    match = match_rows(rows, reference)
    if "coordinates" in rows.columns and not {"latitude", "longitude"} <= set(rows.columns):
        pairs = rows["coordinates"].map(_coordinate_pair)
        rows["latitude"] = pairs.map(lambda p: p[0])
        rows["longitude"] = pairs.map(lambda p: p[1])
    if {"latitude", "longitude"} <= set(rows.columns):
        lat = rows["latitude"].map(parse_coordinate)
        lon = rows["longitude"].map(parse_coordinate)
        todo = (match["status"] != "matched") & lat.notna() & lon.notna()
        if todo.any():
            provinces = sorted({c[:2] for c in match["village"].dropna()}) or []
            hits = match_points(lat[todo], lon[todo], _village_polygons(store, provinces))
            ok = hits.notna()
            idx = hits[ok].index
            match.loc[idx, "village"] = hits[ok]
            match.loc[idx, "status"] = "matched"
            match.loc[idx, "method"] = "point"
            match.loc[idx, "score"] = 100.0
            match.loc[idx, "reason"] = ""
            miss = hits[~ok].index
            match.loc[miss, "reason"] = "point_outside"
    rows["village"] = match["village"]
    for idx in match.index[match["status"] != "matched"].unique():
        m = match.loc[[idx]].iloc[0]
        r = rows.loc[[idx]].iloc[0]
        where = " / ".join(
            str(r[c])
            for c in ("village_code", "village_name", "district_name", "regency_name", "province_name")
            if c in r and _text(r[c])
        )
        issues.append(
            Issue(
                f"match_{m['reason'] or 'no_location'}",
                m["status"],
                row=int(r["_row"]),
                column=fields.get("village_name") or fields.get("village_code") or "",
                params={"place": where or "-", "candidates": m["candidates"] or "-"},
            )
        )
    matched_rows = rows[match["status"] == "matched"]
    row_ids = rows["_row"]
    plan.matched = int(row_ids[match["status"] == "matched"].nunique())
    plan.ambiguous = int(row_ids[match["status"] == "ambiguous"].nunique())
    plan.unmatched = int(row_ids[match["status"] == "unmatched"].nunique())
    plan.methods = {
        str(k): int(v) for k, v in match.loc[match["status"] == "matched", "method"].value_counts().items()
    }
    # 5. duplicates of an aggregated file (same village and breakdown twice)
    spec = layer_spec(layer)
    if not row_level or layer == "programmes":
        dup_keys = [k for k in spec.keys if k in matched_rows]
        # two groups of one programme type in a village are counted, not refused
        severity = "warning" if layer == "programmes" else "error"
        issues += duplicate_rows(matched_rows, dup_keys, matched_rows["_row"], severity=severity)
    errors = [i for i in issues if i.severity == "error"]
    if errors and skip_invalid:
        bad_rows = {i.row for i in errors if i.row is not None}
        if all(i.row is not None for i in errors):  # file-level errors cannot be skipped
            issues = [
                Issue(i.code, "skipped", i.row, i.column, i.params) if i.severity == "error" else i
                for i in issues
            ]
            matched_rows = matched_rows[~matched_rows["_row"].isin(bad_rows)]
            plan.invalid = len(bad_rows)
            plan.matched = int(matched_rows["_row"].nunique())
    plan.issues.extend(issues)
    plan.issues.sort(key=lambda i: (i.row is not None, i.row or 0))
    if plan.errors:
        return plan
    if matched_rows.empty:
        plan.issues.append(Issue("nothing_matched", params={"file": file}))
        return plan
    plan.frame = _aggregate(layer, matched_rows)
    return plan


def report_frame(plan: ImportPlan, lang: str = i18n.DEFAULT_LANGUAGE) -> pd.DataFrame:
    """The import report: one line per problem, naming file, row, column and the fix."""
    lines = [
        {
            "file": plan.file,
            "row": issue.row,
            "column": issue.column or "",
            "severity": issue.severity,
            "problem": issue.code,
            "message": issue.message(lang),
            "candidates": issue.params.get("candidates", "") if issue.params.get("candidates") != "-" else "",
        }
        for issue in plan.issues
    ]
    for dropped in plan.dropped:
        lines.insert(
            0,
            {
                "file": plan.file,
                "row": None,
                "column": dropped.column,
                "severity": "dropped",
                "problem": f"personal_{dropped.kind}",
                "message": i18n.t(
                    "data.issue.personal_dropped",
                    lang,
                    column=dropped.column,
                    kind=i18n.t(f"data.pii.{dropped.kind}", lang),
                    by=i18n.t(f"data.pii.by_{dropped.by}", lang),
                ),
                "candidates": "",
            },
        )
    out = pd.DataFrame(lines, columns=REPORT_COLUMNS)
    out["row"] = out["row"].astype("Int64")
    return out


def _scope_filter(layer: str, scope: dict):
    provinces = set(scope["provinces"])
    years = set(scope["years"])

    def drop(frame: pd.DataFrame) -> pd.Series:
        mask = frame["village"].astype(str).str[:2].isin(provinces)
        if layer in _YEAR_LAYERS and "year" in frame:
            mask &= frame["year"].isin(years)
        return mask

    return drop


def commit(plan: ImportPlan, store: Store, mode: str = "append") -> int:
    """Write an accepted plan as a new version and log it. Returns the version id."""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}; choose one of: {', '.join(MODES)}")
    if not plan.accepted:
        raise ValueError(f"{plan.file} was rejected; nothing to write")
    info = {**plan.summary(), "mode": mode}
    info.pop("accepted", None)
    info.pop("errors", None)
    version = store.write_layer_version(
        plan.layer,
        plan.frame,
        info,
        replace=mode != "append",
        drop_rows=_scope_filter(plan.layer, plan.scope()) if mode == "replace" else None,
    )
    store.log_import({**info, "version": version})
    return version


def import_file(
    layer: str,
    path: Path | str,
    store: Store,
    *,
    sheet: str | int | None = None,
    mode: str = "append",
    skip_invalid: bool = False,
) -> tuple[ImportPlan, int | None]:
    """Analyse a file and write it when accepted: (plan, version id or None)."""
    path = Path(path)
    plan = analyse(layer, path.read_bytes(), path.name, store, sheet=sheet, skip_invalid=skip_invalid)
    if not plan.accepted:
        return plan, None
    return plan, commit(plan, store, mode)


def status(store: Store) -> dict:
    """``{"layers": {LAYER: {"versions", "rows", "villages", "total"}}}`` for every layer."""
    out = {}
    for name, spec in LAYERS.items():
        meta = store.layer_meta(name)
        frame = store.read_layer(name)
        total = 0 if frame.empty else frame[spec.count].fillna(0).sum()
        out[name] = {
            "versions": len(meta["versions"]),
            "rows": int(len(frame)),
            "villages": 0 if frame.empty else int(frame["village"].nunique()),
            "total": int(total) if float(total).is_integer() else float(total),
        }
    return {"layers": out}


def versions_frame(store: Store, layer: str) -> pd.DataFrame:
    """The stored versions of a layer: id, file, time, mode, rows read/matched/rejected, rows."""
    columns = [
        "id",
        "file",
        "written_at",
        "mode",
        "rows_read",
        "rows_matched",
        "rows_rejected",
        "stored_rows",
        "total",
    ]
    versions = store.layer_meta(layer)["versions"]
    return pd.DataFrame([{c: v.get(c) for c in columns} for v in versions], columns=columns)


def log_frame(store: Store) -> pd.DataFrame:
    """The import log, newest first (file names, hashes and counts; never cell values)."""
    columns = [
        "at",
        "layer",
        "file",
        "mode",
        "version",
        "rows_read",
        "rows_matched",
        "rows_rejected",
        "sha256",
    ]
    entries = store.import_log()
    return pd.DataFrame([{c: e.get(c) for c in columns} for e in reversed(entries)], columns=columns)


def mapping_frame(plan: ImportPlan) -> pd.DataFrame:
    """Field → file column of a plan, in the order of the file."""
    order = {c: i for i, c in enumerate(plan.mapping.values())}
    rows = sorted(plan.mapping.items(), key=lambda kv: order[kv[1]])
    return pd.DataFrame(rows, columns=["field", "column"])


# --------------------------------------------------------------------------- CLI
def _print_plan(plan: ImportPlan, lang: str, out) -> None:
    t = lambda key, **v: i18n.t(key, lang, **v)  # noqa: E731
    print(t("data.cli.read", file=plan.file, rows=plan.rows_read, sheet=plan.sheet or "-"), file=out)
    for dropped in plan.dropped:
        print(t("data.cli.dropped", column=dropped.column, kind=t(f"data.pii.{dropped.kind}")), file=out)
    print(
        t("data.cli.matched", matched=plan.matched, ambiguous=plan.ambiguous, unmatched=plan.unmatched),
        file=out,
    )
    for issue in plan.errors[:20]:
        print("  " + issue.message(lang), file=out)
    if len(plan.errors) > 20:
        print(t("data.cli.more", n=len(plan.errors) - 20), file=out)


def main(argv: list[str] | None = None) -> int:
    """``python -m loaders.layers import|status|delete``; exit 0 imported, 1 rejected."""
    from loaders.settings import settings

    parser = argparse.ArgumentParser(
        prog="python -m loaders.layers", description="Import and list data layers."
    )
    parser.add_argument("--store", type=Path, default=None, help="store directory (default: $ATLAS_DATA_DIR)")
    parser.add_argument("--lang", choices=i18n.LANGUAGES, default=None)
    sub = parser.add_subparsers(dest="command", required=True)
    imp = sub.add_parser("import", help="import a CSV or XLSX file into a layer")
    imp.add_argument("layer", choices=list(LAYERS))
    imp.add_argument("file", type=Path)
    imp.add_argument("--sheet", default=None)
    imp.add_argument("--mode", choices=MODES, default="replace")
    imp.add_argument("--report", type=Path, default=None, help="write the row-by-row report (CSV) here")
    imp.add_argument(
        "--skip-invalid", action="store_true", help="leave rows with value errors out instead of rejecting"
    )
    st = sub.add_parser("status", help="versions, rows, villages and totals per layer")
    st.add_argument("--json", action="store_true")
    de = sub.add_parser("delete", help="delete one version of a layer")
    de.add_argument("layer", choices=list(LAYERS))
    de.add_argument("version", type=int)
    args = parser.parse_args(argv)
    lang = args.lang or settings().language
    if lang not in i18n.LANGUAGES:
        lang = i18n.DEFAULT_LANGUAGE
    store = Store(args.store) if args.store else open_store()
    if args.command == "status":
        info = status(store)
        if args.json:
            print(json.dumps(info, ensure_ascii=False))
        else:
            for name, row in info["layers"].items():
                print(
                    f"{name:12} versions={row['versions']} rows={row['rows']} villages={row['villages']} total={row['total']}"
                )
        return 0
    if args.command == "delete":
        from loaders.store import StoreError

        try:
            store.delete_layer_version(args.layer, args.version)
        except StoreError as err:
            print(str(err), file=sys.stderr)
            return 1
        return 0
    if not args.file.is_file():
        print(
            i18n.t("data.issue.file_unreadable", lang, file=str(args.file), detail="not found"),
            file=sys.stderr,
        )
        return 1
    sheet = args.sheet
    plan = analyse(
        args.layer, args.file.read_bytes(), args.file.name, store, sheet=sheet, skip_invalid=args.skip_invalid
    )
    if args.report:
        report_frame(plan, lang).to_csv(args.report, index=False, encoding="utf-8-sig")
    _print_plan(plan, lang, sys.stdout if plan.accepted else sys.stderr)
    if not plan.accepted:
        print(i18n.t("data.cli.rejected", lang, file=plan.file), file=sys.stderr)
        return 1
    version = commit(plan, store, args.mode)
    print(
        i18n.t(
            "data.cli.imported", lang, layer=args.layer, version=version, rows=len(plan.frame), mode=args.mode
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
