"""The import pipeline: read, remove personal data, map columns, reshape, parse, validate,
match villages, aggregate (:func:`analyse`), then write atomically (:func:`commit`).

:func:`analyse` does everything except writing and returns an :class:`ImportPlan` (what the Data
page previews); :func:`commit` writes an accepted plan. A plan with an error is never written,
so a rejected file leaves the store exactly as it was.

Replace vs append: *append* adds a version. *replace* drops, from earlier versions, the rows in
the new file's scope — the provinces it covers and, for layers with a year (placements, reports,
population), the years it covers — and then adds the new version; rows of other provinces or
years are kept. ``replace_all`` drops every earlier version.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

import i18n
from geo.codes import normalise_codes
from geo.layers import LAYERS, layer_spec
from geo.matching import match_points, match_rows
from loaders import accounts
from loaders.columns import LOCATION_FIELDS, header_score, map_columns
from loaders.layers.aggregate import aggregate
from loaders.layers.cells import _coordinate_pair, _text
from loaders.layers.parsers import parse_rows
from loaders.layers.reference import reference_for, village_polygons
from loaders.layers.reshape import RESHAPERS, without_year_count_columns
from loaders.pii import (
    PersonalColumn,
    looks_personal,
    person_name_column,
    personal_header,
    personal_kind,
    redact,
    scrub,
)
from loaders.store import Store
from loaders.tabular import TableError, parse_coordinate, read_table
from loaders.validation import Issue, duplicate_rows, validate_rows

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
    #: one line per file row: the village it matched and how (see :func:`match_frame`)
    joins: pd.DataFrame | None = None

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


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _detect_code_column(frame: pd.DataFrame, candidates: list[str], ref_codes: set) -> str | None:
    """An unnamed column whose values are mostly known village codes."""
    for column in candidates:
        values = frame[column].dropna()
        if len(values) == 0:
            continue
        codes = normalise_codes(values.head(200))["code"]
        # looked up in the set itself: isin() would hash all 83k known codes again for each column
        if np.mean([code in ref_codes for code in codes]) >= 0.6:
            return column
    return None


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
    rejecting the whole file. An unforeseen error becomes the file-level problem
    ``file_unexpected`` naming its type (never its text, which may quote a cell), so the file
    is refused and nothing is stored; ``ATLAS_IMPORT_DEBUG=1`` lets it raise instead (the
    fuzzer counts those as tracebacks).
    """
    layer_spec(layer)
    try:
        return _analyse(layer, data, file, store, sheet=sheet, skip_invalid=skip_invalid)
    except Exception as err:  # noqa: BLE001 - the last line of defence of every import
        if os.environ.get("ATLAS_IMPORT_DEBUG"):
            raise
        plan = ImportPlan(layer=layer, file=file, sha256=_sha256(data))
        plan.issues.append(Issue("file_unexpected", params={"file": file, "detail": type(err).__name__}))
        return plan


_TITLE_RANGE = re.compile(
    r"((?:19[5-9]|20\d)\d)\s*(?:-|–|—|s\.?\s*d\.?|sampai|to|hingga)\s*((?:19[5-9]|20\d)\d)"
)


def _check_title_years(table, frame: pd.DataFrame, fields: dict[str, str], plan: ImportPlan) -> None:
    """A title naming a year range ("2019 - 2023") is checked against the year columns melted."""
    column = fields.get("year")
    if column != "Tahun" or column not in frame or not any(i.code == "wide_years" for i in plan.issues):
        return
    for text in table.title:
        found = _TITLE_RANGE.search(str(text))
        if found:
            first, last = int(found[1]), int(found[2])
            held = sorted({int(y) for y in frame[column].dropna().unique()})
            if held != list(range(first, last + 1)):
                plan.issues.append(
                    Issue(
                        "title_years_differ",
                        "warning",
                        params={"title": f"{first}–{last}", "columns": ", ".join(map(str, held))},
                    )
                )
            return


def _codes_by_content(frame: pd.DataFrame, fields: dict[str, str], file: str) -> Issue | None:
    """A village-code column whose values are mostly BPS-shaped (not valid Kemendagri village
    codes), or mostly district/regency codes, refuses the whole file: none of its rows is safe."""
    column = fields.get("village_code")
    if (
        column is None
        or column not in frame
        or {"district_code", "regency_code", "province_code"} & set(fields)
    ):
        return None
    values = frame[column]
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    if not len(uniques):
        return None
    parsed = normalise_codes(pd.Series(uniques, dtype=object))
    problem = parsed["problem"].fillna("").astype(str).to_numpy()
    parts = parsed["code"].map(lambda c: c.count(".") + 1 if isinstance(c, str) else 0).to_numpy()
    filled = codes >= 0
    n = int(filled.sum())
    if not n:
        return None
    bps = float((problem[codes[filled]] == "looks_like_bps").sum()) / n
    areas = float(((parts[codes[filled]] >= 2) & (parts[codes[filled]] <= 3)).sum()) / n
    if bps >= 0.5:
        return Issue("bps_by_content", column=str(column), params={"file": file, "share": f"{bps * 100:.0f}"})
    if areas >= 0.5 and "village_name" not in fields:
        return Issue(
            "area_codes_by_content", column=str(column), params={"file": file, "share": f"{areas * 100:.0f}"}
        )
    return None


def _analyse(
    layer: str,
    data: bytes,
    file: str,
    store: Store,
    *,
    sheet: str | int | None = None,
    skip_invalid: bool = False,
) -> ImportPlan:
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
    # 1. personal data out, before anything else looks at the values; a header that is itself
    # a personal value (a file that lost its header row) is named by its position
    relabel = {
        c: f"kolom_{i + 1}"
        for i, c in enumerate(table.frame.columns)
        if personal_kind(c) is not None
        or (not header_score(str(c)) and personal_header(c) is None and looks_personal(str(c)))
    }
    if relabel:
        table.frame = table.frame.rename(columns=relabel)
        table.distinct = {relabel.get(c, c): v for c, v in table.distinct.items()}
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
    # person names under a code, place or unknown header ("Kode" over a column of names)
    asked = [c for f, c in fields.items() if f in LOCATION_FIELDS and f not in ("latitude", "longitude")]
    names = [c for c in asked + list(mapping.ignored) if person_name_column(frame[c])]
    if names:
        plan.dropped += [PersonalColumn(str(c), "name", "content") for c in names]
        frame = frame.drop(columns=names)
        mapping = map_columns(list(frame.columns), layer)
        fields = dict(mapping.fields)
    reference = reference_for(store)
    if "village_code" not in fields:
        found = _detect_code_column(frame, mapping.ignored, set(reference["code"]))
        if found:
            fields["village_code"] = found
            plan.issues.append(Issue("code_column_by_content", "info", column=found))
    # a "village" column of 4-digit village numbers beside split parent codes is the code's
    # last part, never a name ("Kode Kec 1 | Desa 2001")
    if (
        "village_name" in fields
        and "village_code" not in fields
        and {"district_code", "regency_code"} & set(fields)
    ):
        numbers = frame[fields["village_name"]].dropna().astype(str).str.strip()
        numbers = numbers[numbers != ""]
        if len(numbers) and numbers.str.fullmatch(r"\d{1,4}(?:\.0)?").mean() >= 0.8:
            fields["village_code"] = fields.pop("village_name")
            plan.issues.append(Issue("village_numbers_as_code", "info", column=fields["village_code"]))
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
    # wide tables: one count column per year ("Desa | 2021 | 2022 | 2023"); a programme matrix,
    # one column per programme type with Ya/Tidak or ✓ ("Desa | KKBM | Desmigratif")
    file_rows = table.rows
    fields = without_year_count_columns(fields, frame.columns)
    for reshape in RESHAPERS:
        done = reshape(layer, frame, file_rows, fields)
        if done is not None:
            frame, file_rows, fields = done.frame, done.rows, done.fields
            plan.mapping = fields
            plan.ignored = [c for c in plan.ignored if c not in done.consumed]
            plan.issues.extend(done.issues)
    _check_title_years(table, frame, fields, plan)
    # codes by content, whatever the header says: BPS codes or area codes posing as village codes
    refusal = _codes_by_content(frame, fields, file)
    if refusal is not None:
        plan.issues.append(refusal)
        return plan
    # 3. values
    issues: list[Issue] = []
    rows, row_level = parse_rows(layer, table, frame, file_rows, fields, issues)
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
            hits = match_points(lat[todo], lon[todo], village_polygons(store, provinces))
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
    plan.joins = _joins(rows, match, reference)
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
    plan.frame = aggregate(layer, matched_rows)
    return plan


MATCH_COLUMNS = ["row", "status", "method", "score", "village", "village_name", "district", "regency"]


def _joins(rows: pd.DataFrame, match: pd.DataFrame, reference: pd.DataFrame) -> pd.DataFrame:
    """Each file row once with the village it matched (official name, district, regency),
    the method (code, name, old_spelling, fuzzy with its score, point…) and its status."""
    first = ~pd.Series(rows["_row"].to_numpy()).duplicated().to_numpy()
    got = match[first].reset_index(drop=True)
    ref = reference.drop_duplicates("code").set_index("code")
    village = got["village"].astype(object)
    out = pd.DataFrame(
        {
            "row": rows["_row"].to_numpy()[first].astype("int64"),
            "status": got["status"].astype(str).to_numpy(),
            "method": got["method"].fillna("").astype(str).to_numpy(),
            "score": pd.to_numeric(got["score"], errors="coerce").round(0).to_numpy(),
            "village": village.to_numpy(),
            "village_name": ref["name"].reindex(village).to_numpy(dtype=object),
            "district": ref["district_name"].reindex(village).to_numpy(dtype=object),
            "regency": ref["regency_name"].reindex(village).to_numpy(dtype=object),
        }
    )
    out.loc[out["status"] != "matched", ["method", "score"]] = ["", float("nan")]
    return out.sort_values("row", kind="stable").reset_index(drop=True)


def match_frame(plan: ImportPlan, methods: list[str] | None = None) -> pd.DataFrame:
    """The join the import found, one line per file row (:data:`MATCH_COLUMNS`), optionally only
    the matched rows of ``methods`` (e.g. ``["fuzzy"]`` to check every fuzzy fix)."""
    if plan.joins is None:
        return pd.DataFrame({c: [] for c in MATCH_COLUMNS})
    out = plan.joins
    if methods is not None:
        out = out[out["method"].isin(methods)]
    return out.reset_index(drop=True)


def report_frame(
    plan: ImportPlan, lang: str = i18n.DEFAULT_LANGUAGE, *, matches: bool = False
) -> pd.DataFrame:
    """The import report: one line per problem, naming file, row, column and the fix."""
    lines = [
        {
            "file": plan.file,
            "row": issue.row,
            "column": redact(issue.column) or "",
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
                "column": redact(dropped.column),
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
    if matches:  # the join table below the problems: one "match" line per file row
        joins = match_frame(plan)
        if len(joins):
            extra = pd.DataFrame(
                {
                    "file": plan.file,
                    "row": joins["row"].astype("Int64"),
                    "column": "",
                    "severity": "match",
                    "problem": joins["status"],
                    "message": "",
                    "candidates": "",
                    "method": joins["method"],
                    "score": joins["score"],
                    "village": joins["village"],
                    "village_name": joins["village_name"],
                    "district": joins["district"],
                    "regency": joins["regency"],
                }
            )
            out = pd.concat([out, extra], ignore_index=True)
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
    action = accounts.Action.REPLACE if mode == "replace" else accounts.Action.IMPORT
    accounts.authorize(action, info["provinces"], file=plan.file)
    version = store.write_layer_version(
        plan.layer,
        plan.frame,
        info,
        replace=mode != "append",
        drop_rows=_scope_filter(plan.layer, plan.scope()) if mode == "replace" else None,
    )
    store.log_import({**info, "version": version})
    accounts.record(
        action,
        provinces=info["provinces"],
        file=plan.file,
        sha256=plan.sha256,
        detail={"layer": plan.layer, "version": version, "rows": info["stored_rows"]},
    )
    return version


def delete_version(store: Store, layer: str, version: int) -> None:
    """Delete one stored version of a layer (checked and recorded when sign-in is on)."""
    meta = next((v for v in store.layer_meta(layer)["versions"] if v.get("id") == int(version)), {})
    with accounts.audited(
        accounts.Action.DELETE,
        provinces=meta.get("provinces") or [],
        file=meta.get("file"),
        sha256=meta.get("sha256"),
        detail={"layer": layer, "version": int(version)},
    ):
        store.delete_layer_version(layer, int(version))


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
