"""Village packs for the national view: built at import; this command builds them for older stores.

``python -m loaders.tiles build`` writes, for every province of the store that lacks them (all
with ``--force``), the national village display copy and the village packs (``geo.tiles``) from
the province display copy already stored: no full polygons are read. ``status`` lists what is
held. Imports done by ``loaders.boundaries`` write the packs themselves. With sign-in on it runs
as ``ATLAS_USER`` and is checked and recorded as a boundary import of the provinces it rewrites.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from geo import tiles
from geo.codes import Level
from loaders import accounts
from loaders.store import Store, open_store

__all__ = ["build_packs", "missing_packs", "main"]


def missing_packs(store: Store) -> list[str]:
    """Provinces of the store without every village pack."""
    return [p for p in store.provinces() if any(store.read_pack(p, z) is None for z in tiles.PACK_ZOOMS)]


def build_packs(store: Store, provinces: list[str] | None = None, *, force: bool = False) -> dict[str, float]:
    """Build the packs of ``provinces`` (default: those lacking them; every one with ``force``).

    Returns the seconds spent on each province.
    """
    wanted = provinces or (store.provinces() if force else missing_packs(store))
    if not wanted:
        return {}
    # a boundary write of those provinces: checked and recorded while sign-in is on
    accounts.authorize(accounts.Action.BOUNDARY_IMPORT, wanted, file="village packs")
    seconds = {}
    for province in wanted:
        started = time.perf_counter()
        display = {"province": store.read_areas(Level.VILLAGE, province, display="province")}
        display["national"] = tiles.national_villages(display["province"])
        packs = {zoom: tiles.encode_pack(display[zoom], zoom) for zoom in tiles.PACK_ZOOMS}
        store.write_packs(province, packs, {"national": display["national"]})
        seconds[province] = round(time.perf_counter() - started, 2)
    accounts.record(
        accounts.Action.BOUNDARY_IMPORT, provinces=wanted, file="village packs", detail={"packs": len(wanted)}
    )
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m loaders.tiles", description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=["build", "status"])
    parser.add_argument("--store", help="store directory (default $ATLAS_DATA_DIR)")
    parser.add_argument("--force", action="store_true", help="rebuild the packs of every province")
    args = parser.parse_args(argv)
    store = Store(args.store) if args.store else open_store()
    if args.command == "status":
        held = store.provinces()
        missing = missing_packs(store)
        print(json.dumps({"provinces": len(held), "missing_packs": missing}))
        return 0
    started = time.perf_counter()
    seconds = build_packs(store, force=args.force)
    print(json.dumps({"seconds": round(time.perf_counter() - started, 2), "provinces": seconds}))
    return 0


if __name__ == "__main__":
    sys.exit(accounts.run_cli(main))  # as ATLAS_USER when sign-in is on
