"""What the pages read from a store, as one comparable dict, for the upgrade and restore tests.

``FIGURES`` is Python source that runs unchanged under this release and under the release tagged
before the store format existed (only methods both have): province list, area counts per level
and a hash of every level's geometry (full and display copies), each layer's totals per
province and year, layer and province metadata, the import log, the accounts and the audit log.
:func:`figures` runs it here; :func:`figures_in` runs it in a subprocess of any source tree.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

FIGURES = r"""
import hashlib
import json

import pandas as pd

from geo.codes import Level


def figures_of(store, book):
    out = {"provinces": store.provinces(), "layers": store.layers(), "areas": {}, "geometry": {}}
    for level in Level:
        out["areas"][level.key] = len(store.read_attributes(level, None, ["code", "name"]))
        for display in (None, "province"):
            try:
                frame = store.read_areas(level, display=display)
            except Exception as err:  # a display copy not held at this level
                out["geometry"][f"{level.key}-{display}"] = type(err).__name__
                continue
            wkb = b"".join(g or b"-" for g in frame.geometry.to_wkb())
            codes = "|".join(frame["code"].astype(str))
            out["geometry"][f"{level.key}-{display}"] = hashlib.sha256(wkb + codes.encode()).hexdigest()
    out["totals"] = {}
    for layer in store.layers():
        frame = store.read_layer(layer)
        keys = [frame["village"].astype(str).str[:2].rename("province")] if "village" in frame else []
        if "year" in frame:
            keys.append(frame["year"])
        counts = frame.select_dtypes("number").drop(columns=["version", "year", "month"], errors="ignore")
        sums = counts.groupby(keys, dropna=False).sum() if keys else counts.sum().to_frame().T
        out["totals"][layer] = {
            "rows": len(frame),
            "by_province_year": {str(k): {c: float(v) for c, v in row.items()} for k, row in sums.iterrows()},
        }
    out["layer_meta"] = {layer: store.layer_meta(layer) for layer in store.layers()}
    out["province_meta"] = {p: store.province_meta(p) for p in store.provinces()}
    out["import_log"] = store.import_log()
    out["accounts"] = [[a.name, str(a.role), list(a.provinces), a.active, a.has_password] for a in book.accounts()]
    out["audit"] = book.entries()
    return json.loads(json.dumps(out, default=str, sort_keys=True))
"""

_MAIN = """
from loaders import accounts
from loaders.store import open_store
print(json.dumps(figures_of(open_store(), accounts.book()), sort_keys=True))
"""


def figures(store, book) -> dict:
    """The figures of ``store`` and the accounts ``book``, read by this release in this process."""
    namespace: dict = {}
    exec(FIGURES, namespace)  # noqa: S102 - the test's own source, run here and in the old release
    return namespace["figures_of"](store, book)


def figures_in(tree: Path, env: dict) -> tuple[dict, str]:
    """The figures read by the code in ``tree`` (another release) of the store ``env`` names,
    and what that process printed on stderr."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("ATLAS_") and k != "PYTHONPATH"}
    done = subprocess.run(
        [sys.executable, "-c", FIGURES + _MAIN],
        cwd=tree,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1]), done.stderr
