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

Replace vs append: *append* adds a version. *replace* drops, from earlier versions, the rows in
the new file's scope — the provinces it covers and, for layers with a year (placements, reports,
population), the years it covers — and then adds the new version; rows of other provinces or
years are kept. ``replace_all`` drops every earlier row the user may change — every row for an
admin, a user granted every province or while sign-in is off; a steward's granted provinces (all
their years) only, rows of other provinces staying as they are — and then adds the new version.

Every write is checked (``accounts.authorize``) against the provinces it would change: those of
the new rows and those of every stored row it drops (for a deleted version, the provinces of its
rows); the audit log records the provinces a write did change.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import pandas as pd

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

MODES = ("replace", "append", "replace_all")
_YEAR_LAYERS = ("placements", "reports", "population")

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


def _scope_filter(layer: str, scope: dict):
    provinces = set(scope["provinces"])
    years = set(scope["years"])

    def drop(frame: pd.DataFrame) -> pd.Series:
        mask = frame["village"].astype(str).str[:2].isin(provinces)
        if layer in _YEAR_LAYERS and "year" in frame:
            mask &= frame["year"].isin(years)
        return mask

    return drop


def _provinces(frame: pd.DataFrame) -> set[str]:
    if frame is None or frame.empty or "village" not in frame:
        return set()
    return set(frame["village"].dropna().astype(str).str[:2].unique())


def _drop_filter(plan: ImportPlan, mode: str, limit: frozenset[str] | None):
    """What a write of ``plan`` in ``mode`` drops of the stored rows (None: nothing, an append):
    ``replace`` the rows of the file's scope, ``replace_all`` every row, both only inside
    ``limit`` (the provinces the user may change; None: every province)."""
    if mode == "append":
        return None
    scope = _scope_filter(plan.layer, plan.scope()) if mode == "replace" else None

    def drop(frame: pd.DataFrame) -> pd.Series:
        mask = pd.Series(True, index=frame.index) if scope is None else scope(frame)
        if limit is not None:
            mask &= frame["village"].astype(str).str[:2].isin(limit)
        return mask

    return drop


def provinces_changed(plan: ImportPlan, store: Store, mode: str) -> list[str]:
    """Provinces a write of ``plan`` in ``mode`` would change for the current user: the file's
    and those of every stored row it would drop (what ``commit`` checks before writing)."""
    changed = set(plan.scope()["provinces"])
    drop = _drop_filter(plan, mode, accounts.write_scope())
    if drop is not None:
        held = store.read_layer(plan.layer)
        if not held.empty:
            changed |= _provinces(held[drop(held).fillna(False).astype(bool).to_numpy()])
    return sorted(changed)


def commit(plan: ImportPlan, store: Store, mode: str = "append") -> int:
    """Write an accepted plan as a new version and log it. Returns the version id.

    Checked against every province the write would change (the file's and those of the stored
    rows it drops) before anything is written; ``replace_all`` by a steward drops the rows of
    her granted provinces only. Raises ``AccessDenied`` (recorded) when refused.
    """
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}; choose one of: {', '.join(MODES)}")
    if not plan.accepted:
        raise ValueError(f"{plan.file} was rejected; nothing to write")
    info = {**plan.summary(), "mode": mode}
    info.pop("accepted", None)
    info.pop("errors", None)
    action = accounts.Action.IMPORT if mode == "append" else accounts.Action.REPLACE
    accounts.authorize(action, info["provinces"], file=plan.file)  # the file's own rows first
    accounts.authorize(action, provinces_changed(plan, store, mode), file=plan.file)
    drop = _drop_filter(plan, mode, accounts.write_scope())
    dropped: set[str] = set()

    def counted(frame: pd.DataFrame) -> pd.Series:
        mask = drop(frame).fillna(False).astype(bool)
        dropped.update(_provinces(frame[mask.to_numpy()]))
        return mask

    version = store.write_layer_version(
        plan.layer, plan.frame, info, replace=drop is not None, drop_rows=counted if drop else None
    )
    store.log_import({**info, "version": version})
    accounts.record(
        action,
        provinces=sorted(set(info["provinces"]) | dropped),
        file=plan.file,
        sha256=plan.sha256,
        detail={"layer": plan.layer, "version": version, "rows": info["stored_rows"], "mode": mode},
    )
    return version


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
