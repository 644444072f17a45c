"""The import of a layer file, as one sequence of named stages (:data:`STAGES`), then the write.

:func:`analyse` runs the stages and returns an :class:`ImportPlan` (what the Data page previews
and the command line prints); :func:`commit` writes an accepted plan. A plan with an error is
never written, so a refused file leaves the store exactly as it was.

The whole import::

    read the grid -> find the header -> drop personal data -> map columns -> reshape wide tables
    -> parse values -> place rows in villages -> find subtotal rows -> validate -> plan

Each stage is a function ``stage(previous output, plan) -> output`` of
:mod:`loaders.layers.stages`, with its own input and output types; it records in the plan what
it read, left out and found, and returns ``None`` to refuse the file (its error is in the plan).

*Adding a stage*: write ``def my_stage(value: In, plan: ImportPlan) -> Out | None`` in
:mod:`~loaders.layers.stages` (``In`` is the output of the stage before it, ``Out`` the input of
the one after), give it a test of its own, and put ``("my stage", my_stage)`` in :data:`STAGES`.
*Adding a layer*: its stored columns in :data:`geo.layers.LAYERS`, its column names in
:data:`loaders.columns.FIELDS`, its parser in :data:`loaders.layers.parsers.PARSERS` (and its
documentation in :data:`loaders.templates.DICTIONARY`): no stage changes.

The modes (:data:`MODES`): ``append`` (*add*) adds a version and drops nothing. ``replace``
(*replace what this file covers*, the default) drops from earlier versions the rows inside what
the new file covers — its coverage, :attr:`ImportPlan.coverage`: the areas it speaks for (by
default each regency with a row; stated in the preview and adjustable) in the years it holds —
and takes those areas and years from their coverage; every other row stays. ``replace_all``
(*replace the whole layer*, admins only) drops every earlier version. :func:`replace_plan` says,
before anything is written, which stored rows, areas and years a write would replace or remove;
:func:`commit` refuses to write when the store changed since that plan was shown. Every write
keeps the layer as it was as an undo point: :func:`undo` puts it back exactly.

A steward's ``replace_all`` drops the rows of her granted provinces only (every year), rows of
other provinces staying as they are; the whole layer is an admin's (or a user's granted every
province). Every write is checked (``accounts.authorize``) against the provinces it would
change: those of the new rows and those of every stored row it drops (for a deleted version,
the provinces of its rows); the audit log records the provinces a write did change.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

import i18n
from geo.data_coverage import EVERY_YEAR, Coverage
from geo.gazetteer import name_of
from geo.layers import LAYERS, layer_spec
from loaders import accounts
from loaders.layers import stages
from loaders.layers.plan import (
    MATCH_COLUMNS,
    REPORT_COLUMNS,
    ImportPlan,
    SheetNote,
    mapping_frame,
    match_frame,
    report_frame,
    summary_messages,
)
from loaders.layers.stages import Upload
from loaders.store import Store, StoreError
from loaders.validation import Issue

__all__ = [
    "STAGES",
    "MODES",
    "ImportPlan",
    "SheetNote",
    "MATCH_COLUMNS",
    "REPORT_COLUMNS",
    "analyse",
    "run_stages",
    "commit",
    "provinces_changed",
    "ReplacePlan",
    "replace_plan",
    "UndoPlan",
    "undo_plan",
    "undo",
    "coverage_frame",
    "delete_version",
    "import_file",
    "status",
    "versions_frame",
    "log_frame",
    "mapping_frame",
    "match_frame",
    "report_frame",
    "summary_messages",
]

#: The write modes, the default first: replace what the file covers, add, replace the whole layer.
MODES = ("replace", "append", "replace_all")
#: Plain names of the modes on the command line (``--mode add``) beside the stored ones.
MODE_ALIASES = {"add": "append", "replace-all": "replace_all", "replace-covered": "replace"}

#: The import, in order: (name, stage). Each stage takes what the one before it returned.
STAGES: tuple[tuple[str, Callable], ...] = (
    ("read the grid", stages.read_grid),  # Upload -> Grids
    ("find the header", stages.find_headers),  # Grids -> Sheets
    ("drop personal data", stages.drop_personal),  # Sheets -> Sheets
    ("map columns", stages.map_fields),  # Sheets -> Mapped
    ("reshape wide tables", stages.reshape_wide),  # Mapped -> Mapped
    ("parse values", stages.parse_values),  # Mapped -> Parsed
    ("place rows in villages", stages.place_rows),  # Parsed -> Placed
    ("find subtotal rows", stages.find_subtotals),  # Placed -> Placed
    ("validate", stages.validate),  # Placed -> Checked
    ("plan", stages.plan_rows),  # Checked -> ImportPlan (the stored rows)
    ("state coverage", stages.state_coverage),  # ImportPlan -> ImportPlan (what the file speaks for)
)


def run_stages(upload: Upload, plan: ImportPlan, steps=STAGES) -> ImportPlan:
    """Run ``steps`` in order on ``upload``; stop at the first that refuses the file."""
    value: object = upload
    for _, stage in steps:
        value = stage(value, plan)
        if value is None:
            break
    plan.label_rows()
    return plan


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def analyse(
    layer: str,
    data: bytes,
    file: str,
    store: Store,
    *,
    sheet: str | int | None = None,
    skip_invalid: bool = False,
) -> ImportPlan:
    """Read and check a file for ``layer`` without writing anything: the :data:`STAGES`.

    With ``skip_invalid`` rows with a value error are left out (and reported) instead of
    rejecting the whole file. An unforeseen error becomes the file-level problem
    ``file_unexpected`` naming its type (never its text, which may quote a cell), so the file
    is refused and nothing is stored; ``ATLAS_IMPORT_DEBUG=1`` lets it raise instead (the
    fuzzer counts those as tracebacks).
    """
    layer_spec(layer)
    plan = ImportPlan(layer=layer, file=file, sha256=_sha256(data))
    try:
        return run_stages(Upload(layer, data, file, store, sheet, skip_invalid), plan)
    except Exception as err:  # noqa: BLE001 - the last line of defence of every import
        if os.environ.get("ATLAS_IMPORT_DEBUG"):
            raise
        plan = ImportPlan(layer=layer, file=file, sha256=_sha256(data))
        plan.issues.append(Issue("file_unexpected", params={"file": file, "detail": type(err).__name__}))
        return plan


def _drop_filter(
    plan: ImportPlan, mode: str, limit: frozenset[str] | None = None
) -> Callable[[pd.DataFrame], pd.Series] | None:
    """What a write of ``plan`` in ``mode`` drops of the stored rows: ``replace`` the rows inside
    the plan's coverage (in their own year), ``replace_all`` every row, ``append`` none (None);
    both only inside ``limit`` (the provinces the user may change; None: every province)."""
    if mode == "append":
        return None
    coverage = plan.coverage or Coverage()

    def drop(frame: pd.DataFrame) -> pd.Series:
        if mode == "replace_all":
            mask = pd.Series(True, index=frame.index)
        else:
            mask = pd.Series(coverage.rows_inside(frame), index=frame.index)
        if limit is not None:
            mask &= frame["village"].astype(str).str[:2].isin(limit).to_numpy()
        return mask

    return drop


def _replaced(plan: ImportPlan, mode: str, limit: frozenset[str] | None) -> Coverage:
    """What a write takes from the earlier versions' coverage: the file's coverage, or for a
    steward's ``replace_all`` her provinces in every year (inside ``limit``)."""
    if mode == "replace_all" and limit is not None:
        return Coverage.of({EVERY_YEAR: limit})
    return (plan.coverage or Coverage()).within(limit) if limit is not None else plan.coverage or Coverage()


def _provinces(frame: pd.DataFrame) -> list[str]:
    if frame is None or frame.empty or "village" not in frame:
        return []
    return sorted(set(frame["village"].dropna().astype(str).str[:2]))


@dataclass
class ReplacePlan:
    """What a write would replace or remove of the stored rows, before anything is written.

    ``areas`` has one line per regency (province for a layer covering provinces) and year
    (``year`` None for a layer without years): its ``rows`` stored rows and ``total`` (the
    layer's main count) that go. ``versions_removed`` are versions left with nothing,
    ``versions_changed`` those that lose rows or coverage.
    """

    layer: str
    mode: str
    rows: int = 0
    total: float = 0.0
    areas: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=AREA_COLUMNS))
    versions_removed: list[int] = field(default_factory=list)
    versions_changed: list[int] = field(default_factory=list)
    provinces: list[str] = field(default_factory=list)
    store_version: str = ""

    @property
    def removes(self) -> bool:
        return self.rows > 0 or bool(self.versions_removed)

    def fingerprint(self) -> tuple:
        """What must not change between the preview and the write."""
        return (
            self.mode,
            self.rows,
            round(self.total, 6),
            tuple(self.versions_removed),
            tuple(self.versions_changed),
        )

    def lines(self, lang: str = i18n.DEFAULT_LANGUAGE) -> list[str]:
        """The plan in words: a summary line, one line per area and year, the versions removed."""
        if not self.removes:
            return [i18n.t("replace.none", lang)]
        unit = (
            i18n.t(f"export.unit.{self.layer}", lang).lower()
            if f"export.unit.{self.layer}" in i18n.TABLE
            else ""
        )
        total = f"{i18n.fmt_int(self.total, lang)} {unit}".strip()
        out = [i18n.t("replace.summary", lang, rows=i18n.fmt_int(self.rows, lang), total=total)]
        for line in self.areas.itertuples():
            key = "replace.line_every_year" if pd.isna(line.year) else "replace.line"
            out.append(
                "  "
                + i18n.t(
                    key,
                    lang,
                    name=line.name,
                    area=line.area,
                    year="" if pd.isna(line.year) else int(line.year),
                    rows=i18n.fmt_int(line.rows, lang),
                    total=i18n.fmt_int(line.total, lang),
                )
            )
        if self.versions_removed:
            out.append(
                i18n.t("replace.versions_removed", lang, versions=", ".join(map(str, self.versions_removed)))
            )
        out.append(i18n.t("replace.kept", lang))
        return out

    def to_json(self) -> dict:
        return {
            "layer": self.layer,
            "mode": self.mode,
            "rows": self.rows,
            "total": self.total,
            "areas": self.areas.to_dict(orient="records"),
            "versions_removed": self.versions_removed,
            "versions_changed": self.versions_changed,
            "provinces": self.provinces,
        }


AREA_COLUMNS = ["area", "name", "year", "rows", "total"]


def _by_area(layer: str, rows: pd.DataFrame) -> pd.DataFrame:
    """Dropped rows per regency (province for programmes) and year: ``AREA_COLUMNS``."""
    if rows.empty:
        return pd.DataFrame(columns=AREA_COLUMNS)
    spec = layer_spec(layer)
    length = 2 if spec.covers.value == 1 else 5
    keys = pd.DataFrame({"area": rows["village"].astype(str).str[:length].to_numpy()})
    keys["year"] = rows["year"].astype("Int64").to_numpy() if "year" in rows else pd.NA
    keys["total"] = pd.to_numeric(rows[spec.count], errors="coerce").fillna(0).to_numpy()
    out = (
        keys.groupby(["area", "year"], dropna=False)
        .agg(rows=("total", "size"), total=("total", "sum"))
        .reset_index()
        .sort_values(["area", "year"])
    )
    out.insert(1, "name", out["area"].map(lambda c: name_of(c) or c))
    out["year"] = out["year"].astype("Int64")
    return out[AREA_COLUMNS].reset_index(drop=True)


def replace_plan(plan: ImportPlan, store: Store, mode: str) -> ReplacePlan:
    """What writing ``plan`` in ``mode`` would replace or remove of what ``store`` holds: the
    stored rows and their total per regency and year, the versions it empties or changes."""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}; choose one of: {', '.join(MODES)}")
    out = ReplacePlan(plan.layer, mode, store_version=store.version())
    limit = accounts.write_scope()
    drop = _drop_filter(plan, mode, limit)
    if drop is None:
        return out
    replaced = _replaced(plan, mode, limit)
    from loaders.store.base import replaced_entry

    dropped = []
    for entry in store.layer_meta(plan.layer)["versions"]:
        rows = store.read_layer(plan.layer, entry["id"])
        mask = drop(rows).fillna(False).astype(bool).to_numpy() if not rows.empty else []
        gone = rows[mask] if len(rows) else rows
        if mode == "replace_all" and limit is None:
            after = None
        else:
            after = replaced_entry(
                plan.layer, entry, rows[~mask] if len(rows) else rows, int(len(gone)), replaced
            )
        if after is None:
            out.versions_removed.append(int(entry["id"]))
        elif after != entry:
            out.versions_changed.append(int(entry["id"]))
        if len(gone):
            dropped.append(gone)
    if dropped:
        rows = pd.concat(dropped, ignore_index=True)
        out.rows = int(len(rows))
        out.total = float(pd.to_numeric(rows[layer_spec(plan.layer).count], errors="coerce").fillna(0).sum())
        out.areas = _by_area(plan.layer, rows)
        out.provinces = _provinces(rows)
    return out


def provinces_changed(plan: ImportPlan, store: Store, mode: str) -> list[str]:
    """Provinces a write of ``plan`` in ``mode`` would change for the current user: the file's
    and those of every stored row it would drop (what ``commit`` checks before writing)."""
    return sorted(set(plan.scope()["provinces"]) | set(replace_plan(plan, store, mode).provinces))


def commit(
    plan: ImportPlan, store: Store, mode: str = "append", *, confirmed: ReplacePlan | None = None
) -> int:
    """Write an accepted plan as a new version and log it. Returns the version id.

    ``confirmed`` is the :func:`replace_plan` the steward saw: when the store changed since so
    that the write would replace something else, nothing is written (``StoreError``).
    Checked against every province the write would change (the file's and those of the stored
    rows it drops) before anything is written; ``replace_all`` by a steward drops the rows of
    her granted provinces only. Raises ``AccessDenied`` (recorded) when refused.
    """
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}; choose one of: {', '.join(MODES)}")
    if not plan.accepted:
        raise ValueError(f"{plan.file} was rejected; nothing to write")
    if plan.coverage is None:
        plan.cover()
    info = {**plan.summary(), "mode": mode}
    info.pop("accepted", None)
    info.pop("errors", None)
    action = accounts.Action.IMPORT if mode == "append" else accounts.Action.REPLACE
    accounts.authorize(action, info["provinces"], file=plan.file)  # the file's own rows first
    seen = replace_plan(plan, store, mode)
    if confirmed is not None and confirmed.fingerprint() != seen.fingerprint():
        raise StoreError("the stored data changed since the preview; check what the import replaces again")
    changed = sorted(set(info["provinces"]) | set(seen.provinces))
    accounts.authorize(action, changed, file=plan.file)
    limit = accounts.write_scope()
    if mode == "replace_all" and limit is not None:  # a steward's: her provinces, every year
        info["replaces"] = _replaced(plan, mode, limit).to_json()
    version = store.write_layer_version(
        plan.layer,
        plan.frame,
        info,
        replace=mode != "append",
        drop_rows=_drop_filter(plan, mode, limit) if mode == "replace" or limit is not None else None,
    )
    store.log_import({**info, "version": version, "rows_replaced": seen.rows})
    accounts.record(
        action,
        provinces=changed,
        file=plan.file,
        sha256=plan.sha256,
        detail={
            "layer": plan.layer,
            "version": version,
            "rows": info["stored_rows"],
            "rows_replaced": seen.rows,
            "mode": mode,
        },
    )
    return version


@dataclass
class UndoPlan:
    """What :func:`undo` would do: the write it takes back (``point``: ``action``, ``version``,
    ``mode``, ``at``), the stored rows now and after, the provinces it changes."""

    layer: str
    point: dict
    rows_now: int
    rows_after: int
    versions_after: list[int]
    provinces: list[str]

    def text(self, lang: str = i18n.DEFAULT_LANGUAGE) -> str:
        """What the undo does, in one sentence."""
        action = "delete" if self.point.get("action") == "delete" else "write"
        mode = self.point.get("mode")
        return i18n.t(
            f"undo.what.{action}",
            lang,
            version=self.point.get("version"),
            mode=i18n.t(f"data.mode_short.{mode}", lang) if mode in MODES else mode or "",
            at=str(self.point.get("at") or "")[:16].replace("T", " "),
            layer=i18n.t(f"layer.{self.layer}", lang) if f"layer.{self.layer}" in i18n.TABLE else self.layer,
            rows_after=i18n.fmt_int(self.rows_after, lang),
            rows_now=i18n.fmt_int(self.rows_now, lang),
            provinces=", ".join(self.provinces) or "–",
        )


def _held_rows(entries: list[dict]) -> int:
    """Rows the versions hold: each file's stored rows less those a later replace took."""
    return sum(
        int(e.get("stored_rows") or e.get("rows") or 0) - int(e.get("rows_replaced") or 0) for e in entries
    )


def _entry_provinces(entries: list[dict]) -> set[str]:
    out: set[str] = set()
    for entry in entries:
        out.update(str(p)[:2] for p in entry.get("provinces") or [])
        out.update(a[:2] for a in Coverage.from_json(entry.get("coverage")).areas(None))
    return out


def undo_plan(store: Store, layer: str) -> UndoPlan | None:
    """What undoing the layer's last write would change (None when there is nothing to undo)."""
    points = store.undo_points(layer)
    if not points:
        return None
    point = points[-1]
    now = store.layer_meta(layer)["versions"]
    before = point.get("before") or []
    changed = [e for e in now if e not in before] + [e for e in before if e not in now]
    return UndoPlan(
        layer,
        {k: v for k, v in point.items() if k != "before"},
        rows_now=_held_rows(now),
        rows_after=_held_rows(before),
        versions_after=[int(e["id"]) for e in before],
        provinces=sorted(_entry_provinces(changed)),
    )


def undo(store: Store, layer: str) -> dict:
    """Put ``layer`` back exactly as it was before its last write (the previous version or
    versions restored, the write's version removed); checked against, and audited with, the
    provinces it changes; logged. Returns the undo point taken back."""
    found = undo_plan(store, layer)
    if found is None:
        raise StoreError(f"layer {layer} has nothing to undo")
    with accounts.audited(
        accounts.Action.UNDO,
        provinces=found.provinces,
        detail={"layer": layer, "version": found.point.get("version"), "rows": found.rows_after},
    ):
        point = store.undo_layer(layer)
    store.log_import(
        {
            "layer": layer,
            "mode": "undo",
            "version": point.get("version"),
            "undone": point.get("action"),
            "stored_rows": found.rows_after,
            "provinces": found.provinces,
        }
    )
    return point


def _rows_by_area(rows: pd.DataFrame, areas: frozenset[str], count: str) -> dict[str, tuple[int, float]]:
    """Rows and total of ``count`` per area of ``areas`` holding them (a coverage's areas never
    nest, so a village lies in one at most): each distinct village placed once, not every
    row compared with every area (3,764 regency-years × 270,000 rows took five minutes)."""
    if rows.empty or "village" not in rows:
        return {}
    index, distinct = pd.factorize(rows["village"].to_numpy(dtype=object))

    def owner(code: str) -> str | None:
        parts = code.split(".")
        return next((p for p in (".".join(parts[:i]) for i in range(1, len(parts) + 1)) if p in areas), None)

    owners = np.array([*(owner(str(code)) for code in distinct), None], dtype=object)  # -1: no village
    values = pd.to_numeric(rows[count], errors="coerce").fillna(0) if count in rows else 0.0
    table = pd.DataFrame({"area": owners[index], "total": values}).dropna(subset=["area"])
    grouped = table.groupby("area")["total"].agg(["size", "sum"])
    return {str(a): (int(n), float(s)) for a, n, s in grouped.itertuples()}


def coverage_frame(store: Store, layer: str) -> pd.DataFrame:
    """What ``layer`` holds, area by year: one line per covered area (as stated: a province, a
    regency…) and year (None for a register) with the versions covering it, their rows and total
    there. The Data page's coverage view and ``atlas coverage``."""
    columns = ["area", "name", "year", "versions", "rows", "total"]
    meta = store.layer_meta(layer)["versions"]
    if not meta:
        return pd.DataFrame(columns=columns)
    frame = store.read_layer(layer)
    count = LAYERS[layer].count if layer in LAYERS else "count"
    lines = []
    from loaders.store.base import entry_coverage

    for entry in meta:
        rows = frame[frame["version"] == entry["id"]] if "version" in frame else frame
        coverage = entry_coverage(layer, entry, rows)
        for year, areas in coverage.cells:
            in_year = rows if year is None or "year" not in rows else rows[rows["year"] == year]
            found = _rows_by_area(in_year, areas, count)
            for area in sorted(areas):
                held_rows, total = found.get(area, (0, 0.0))
                lines.append(
                    {
                        "area": area,
                        "year": year,
                        "version": int(entry["id"]),
                        "rows": held_rows,
                        "total": total,
                    }
                )
    table = pd.DataFrame(lines)
    out = (
        table.groupby(["area", "year"], dropna=False)
        .agg(
            versions=("version", lambda v: ", ".join(str(i) for i in sorted(set(v)))),
            rows=("rows", "sum"),
            total=("total", "sum"),
        )
        .reset_index()
    )
    out.insert(1, "name", out["area"].map(lambda c: name_of(c) or c))
    out["year"] = out["year"].astype("Int64")
    return out.sort_values(["year", "area"], na_position="first").reset_index(drop=True)[columns]


def delete_version(store: Store, layer: str, version: int) -> None:
    """Delete one stored version of a layer, checked against the provinces of its rows and
    recorded when sign-in is on. A version that also holds rows the store shown to this user
    leaves out (another province's) is refused."""
    meta = next((v for v in store.layer_meta(layer)["versions"] if v.get("id") == int(version)), None)
    if meta is None:
        raise StoreError(f"layer {layer} has no version {version}")
    rows = store.read_layer(layer, int(version))
    provinces = sorted(_provinces(rows))
    if meta.get("partial"):
        accounts.refuse(accounts.Action.DELETE, provinces, key="auth.denied.version_outside", version=version)
    with accounts.audited(
        accounts.Action.DELETE,
        provinces=provinces,
        file=meta.get("file"),
        sha256=meta.get("sha256"),
        detail={"layer": layer, "version": int(version), "rows": int(len(rows))},
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
    mode = MODE_ALIASES.get(mode, mode)
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
    """The stored versions of a layer: id, file, time, mode, rows read/matched/rejected, rows;
    ``partial`` where the version also holds rows of provinces the store's view leaves out (its
    file name and the file's counts are not shown, rows and total count the view's rows)."""
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
        "partial",
    ]
    versions = store.layer_meta(layer)["versions"]
    return pd.DataFrame(
        [{c: v.get(c, False if c == "partial" else None) for c in columns} for v in versions],
        columns=columns,
    )


def log_frame(store: Store) -> pd.DataFrame:
    """The import log, newest first (file names, hashes and counts; never cell values);
    ``partial`` as in :func:`versions_frame`."""
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
        "partial",
    ]
    entries = store.import_log()
    return pd.DataFrame(
        [{c: e.get(c, False if c == "partial" else None) for c in columns} for e in reversed(entries)],
        columns=columns,
    )
