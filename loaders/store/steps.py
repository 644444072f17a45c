"""The store's format versions and the step that upgrades each one to the next, per backend.

Format 1 is the layout of release-2026-12-07 (no marker: an embedded store is recognised by its
folders, a PostGIS one by ``atlas.state.schema_version = 1``). Format 2 is the same layout with
the marker (``store_format.json`` at the embedded store's root; ``schema_version = 2``).

To change the layout, add one function per backend under the version it upgrades *from*
(``FILE_STEPS[2] = _files_2_to_3``, ``POSTGIS_STEPS[2] = ...``): ``CURRENT`` follows, every
store of an earlier format is upgraded through the chain once (after a backup), and a store of
a later format is refused. A file step gets the store's root folder and may change it in place
(the backup is already kept); a PostGIS step gets the connection, inside the one transaction
that also sets the new ``schema_version``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["CURRENT", "FILE_STEPS", "POSTGIS_STEPS"]


def _files_1_to_2(root: Path) -> None:
    """Format 2 only adds the marker (written after the last step): nothing to move."""


def _postgis_1_to_2(conn: Any) -> None:
    """Format 2 only raises ``schema_version`` (done after the last step): nothing to change."""


#: ``{from_version: step}``: each step turns a store of ``from_version`` into ``from_version + 1``.
FILE_STEPS: dict[int, Callable[[Path], None]] = {1: _files_1_to_2}
POSTGIS_STEPS: dict[int, Callable[[Any], None]] = {1: _postgis_1_to_2}

#: The format this release writes (and the newest it reads).
CURRENT = max(FILE_STEPS) + 1
