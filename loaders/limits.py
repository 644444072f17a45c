"""Bounds on what an import reads, in one place (each with an ``ATLAS_MAX_*`` variable).

Every reader checks them before it loads a file (the upload size, a zip's members: their
number, decompressed size, packing ratio and names; a workbook's declared dimension, rows, cells
and longest text; a CSV's rows, columns and longest cell; a boundary file's features), and a
file beyond one is refused with a message that names the limit and the variable that raises it. Within them, no file takes more than 30 s to import or
refuse on the project's 2-core machine (see ``tests/fuzzing.py``).
"""

from __future__ import annotations

import os
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field

__all__ = ["Limits", "limits", "zip_problem", "unsafe_member"]


def _env(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError as err:
        raise ValueError(f"environment variable {name} must be a whole number, got {raw!r}") from err
    if value <= 0:
        raise ValueError(f"environment variable {name} must be positive, got {raw!r}")
    return value


@dataclass(frozen=True)
class Limits:
    """The bounds; ``VARIABLES`` names the environment variable of each."""

    #: size of an uploaded or imported file, in MB
    file_mb: int = field(default_factory=lambda: _env("ATLAS_MAX_FILE_MB", 200))
    #: data rows of a table (a million-row CSV export imports in about 12 s)
    rows: int = field(default_factory=lambda: _env("ATLAS_MAX_ROWS", 1_200_000))
    #: columns of a table
    columns: int = field(default_factory=lambda: _env("ATLAS_MAX_COLUMNS", 500))
    #: characters in one cell
    cell_chars: int = field(default_factory=lambda: _env("ATLAS_MAX_CELL_CHARS", 10_000))
    #: cells of a workbook sheet (XLSX, XLS) or an HTML table, declared or held
    sheet_cells: int = field(default_factory=lambda: _env("ATLAS_MAX_SHEET_CELLS", 1_000_000))
    #: decompressed size of a workbook or a zipped boundary file, in MB
    unzipped_mb: int = field(default_factory=lambda: _env("ATLAS_MAX_UNZIPPED_MB", 300))
    #: features (areas) of one boundary file (every village of Indonesia is 83,762)
    features: int = field(default_factory=lambda: _env("ATLAS_MAX_FEATURES", 120_000))
    #: members of a zip (a workbook or a zipped boundary file); Excel writes about 20
    zip_members: int = field(default_factory=lambda: _env("ATLAS_MAX_ZIP_MEMBERS", 1_000))
    #: how many times larger than packed a zip member (over 1 MB) may unpack; DEFLATE's own
    #: maximum is about 1,000, real workbooks stay under 100
    zip_ratio: int = field(default_factory=lambda: _env("ATLAS_MAX_ZIP_RATIO", 250))


VARIABLES = {
    "file_mb": "ATLAS_MAX_FILE_MB",
    "rows": "ATLAS_MAX_ROWS",
    "columns": "ATLAS_MAX_COLUMNS",
    "cell_chars": "ATLAS_MAX_CELL_CHARS",
    "sheet_cells": "ATLAS_MAX_SHEET_CELLS",
    "unzipped_mb": "ATLAS_MAX_UNZIPPED_MB",
    "features": "ATLAS_MAX_FEATURES",
    "zip_members": "ATLAS_MAX_ZIP_MEMBERS",
    "zip_ratio": "ATLAS_MAX_ZIP_RATIO",
}


def limits() -> Limits:
    """The current limits (re-read each call, so tests can set the environment)."""
    return Limits()


def unsafe_member(name: str) -> bool:
    """An absolute path, a drive letter or a ``..`` part: a zip member that could land outside.

    >>> [unsafe_member(n) for n in ("desa.shp", "../desa.shp", "/etc/x", "C:/x", "a/../b")]
    [False, True, True, True, True]
    """
    parts = name.replace("\\", "/").split("/")
    return name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":") or ".." in parts


def zip_problem(infos: Iterable[zipfile.ZipInfo]) -> tuple[str, dict] | None:
    """The first way a zip's members (from its central directory, before anything is unpacked)
    break the limits, as ``(what, params)``, or ``None``.

    ``what`` is ``zip_unsafe`` (a member's name, ``member``), or a limit of :data:`VARIABLES`
    (``zip_members``, ``unzipped_mb``, ``zip_ratio``) with ``found``, ``limit`` and ``variable``.
    Python's ``zipfile`` never unpacks more than a member declares, so the declared sizes bound
    what any later reader (openpyxl, the boundary reader) takes in.
    """
    infos = list(infos)
    lim = limits()
    unsafe = [i.filename for i in infos if unsafe_member(i.filename)]
    if unsafe:
        return "zip_unsafe", {"member": unsafe[0][:120]}
    if len(infos) > lim.zip_members:
        return "zip_members", _over_params("zip_members", f"{len(infos):,}", lim.zip_members)
    total = sum(i.file_size for i in infos)
    if total > lim.unzipped_mb * 1_000_000:
        return "unzipped_mb", _over_params("unzipped_mb", f"{total / 1e6:,.0f}", lim.unzipped_mb)
    for info in infos:
        if info.file_size > 1_000_000 and info.file_size > lim.zip_ratio * max(info.compress_size, 1):
            ratio = info.file_size / max(info.compress_size, 1)
            return "zip_ratio", _over_params("zip_ratio", f"{ratio:,.0f}", lim.zip_ratio)
    return None


def _over_params(what: str, found: str, limit: int) -> dict:
    return {"found": found, "limit": limit, "variable": VARIABLES[what]}
