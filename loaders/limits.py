"""Bounds on what an import reads, in one place (each with an ``ATLAS_MAX_*`` variable).

Every reader checks them before it loads a file (the upload size, a workbook's decompressed
size, declared dimension, rows, cells and longest text; a CSV's rows, columns and longest cell;
a boundary file's features), and a file beyond one is refused with a message that names the
limit and the variable that raises it. Within them, no file takes more than 30 s to import or
refuse on the project's 2-core machine (see ``tests/fuzzing.py``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

__all__ = ["Limits", "limits"]


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


VARIABLES = {
    "file_mb": "ATLAS_MAX_FILE_MB",
    "rows": "ATLAS_MAX_ROWS",
    "columns": "ATLAS_MAX_COLUMNS",
    "cell_chars": "ATLAS_MAX_CELL_CHARS",
    "sheet_cells": "ATLAS_MAX_SHEET_CELLS",
    "unzipped_mb": "ATLAS_MAX_UNZIPPED_MB",
    "features": "ATLAS_MAX_FEATURES",
}


def limits() -> Limits:
    """The current limits (re-read each call, so tests can set the environment)."""
    return Limits()
