"""The store's format versions and the step that upgrades each one to the next, per backend.

Format 1 is the layout of release-2026-12-07 (no marker: an embedded store is recognised by its
folders, a PostGIS one by ``atlas.state.schema_version = 1``). Format 2 is the same layout with
the marker (``store_format.json`` at the embedded store's root; ``schema_version = 2``). Format 3
gives every stored layer version its coverage (``entry["coverage"]``, :mod:`geo.data_coverage`)
and keeps undo points (PostGIS: the ``atlas.layer_undo*`` tables, created with the schema).

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


def _files_2_to_3(root: Path) -> None:
    """Every version of every layer gets the coverage its rows show, by the rule an import
    without a stated coverage uses (:func:`geo.data_coverage.derive`: the regencies with rows
    × the years with rows; the provinces with rows, every year, for programmes). Each layer's
    meta.json is replaced (never written through: generations are hard-linked into backups)."""
    import json
    import os

    import pandas as pd

    from loaders.store.base import with_coverage

    folder = root / "layers"
    if not folder.is_dir():
        return
    for link in sorted(folder.iterdir()):
        if not link.is_symlink() or not link.resolve().is_dir():
            continue
        generation = link.resolve()
        meta_path = generation / "meta.json"
        if not meta_path.is_file():
            continue
        meta = json.loads(meta_path.read_text())
        versions = [
            with_coverage(link.name, entry, pd.read_parquet(generation / f"v{entry['id']}.parquet"))
            for entry in meta.get("versions", [])
        ]
        tmp = generation / ".meta.json.tmp"
        tmp.write_text(json.dumps({**meta, "versions": versions}, ensure_ascii=False, indent=1))
        os.replace(tmp, meta_path)


def _postgis_2_to_3(conn: Any) -> None:
    """As :func:`_files_2_to_3` for the database: each version's entry gets its coverage, from the
    village and year of its rows (the undo tables are made by the schema, which runs after the
    steps)."""
    import json

    import pandas as pd

    from loaders.store.base import with_coverage

    rows = conn.execute(
        "SELECT layer, id, entry, columns FROM atlas.layer_versions ORDER BY layer, id"
    ).fetchall()
    for layer, version, entry, columns in rows:
        if entry.get("coverage") is not None:
            continue
        names = [n for n, _ in columns or []]
        wanted = [n for n in ("village", "year") if n in names]
        found = (
            conn.execute(
                "SELECT " + ", ".join("row ->> %s" for _ in wanted) + " FROM atlas.layer_rows"
                " WHERE layer = %s AND version = %s",
                (*wanted, layer, version),
            ).fetchall()
            if wanted
            else []
        )
        frame = pd.DataFrame(found, columns=wanted)
        if "year" in frame:
            frame["year"] = pd.to_numeric(frame["year"], errors="coerce")
        conn.execute(
            "UPDATE atlas.layer_versions SET entry = %s::jsonb WHERE layer = %s AND id = %s",
            (json.dumps(with_coverage(layer, entry, frame), ensure_ascii=False), layer, version),
        )


#: ``{from_version: step}``: each step turns a store of ``from_version`` into ``from_version + 1``.
FILE_STEPS: dict[int, Callable[[Path], None]] = {1: _files_1_to_2, 2: _files_2_to_3}
POSTGIS_STEPS: dict[int, Callable[[Any], None]] = {1: _postgis_1_to_2, 2: _postgis_2_to_3}

#: The format this release writes (and the newest it reads).
CURRENT = max(FILE_STEPS) + 1
