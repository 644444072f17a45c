"""What rows are matched against: the villages of the store and the gazetteer, read through
:class:`~loaders.store.Store` methods only."""

from __future__ import annotations

import pandas as pd

from geo.codes import Level
from geo.matching import REFERENCE_COLUMNS, combine_reference
from loaders.store import Store, StoreError

__all__ = ["reference_for", "village_polygons"]

#: (store root, store version) → reference frame; one entry (the store last asked about).
_REF_CACHE: dict[tuple[str, str], pd.DataFrame] = {}


def reference_for(store: Store) -> pd.DataFrame:
    """Villages to match against: the store's own villages (e.g. the invented demo province)
    first, then the gazetteer. Cached per store version."""
    key = (str(store.root), store.version())
    if key not in _REF_CACHE:
        frames = []
        for prov in store.provinces():
            try:
                frames.append(store.read_attributes(Level.VILLAGE, prov, columns=REFERENCE_COLUMNS))
            except StoreError:  # a province without villages: nothing of it to match
                continue
        held = pd.concat(frames, ignore_index=True) if frames else None
        _REF_CACHE.clear()
        _REF_CACHE[key] = combine_reference(held)
    return _REF_CACHE[key]


def village_polygons(store: Store, provinces: list[str]):
    """Village polygons (code, geometry) of ``provinces`` (every province held when empty);
    None when the store holds none."""
    import geopandas as gpd

    frames = []
    for prov in provinces or store.provinces():
        try:
            frame = store.read_areas(Level.VILLAGE, prov, columns=["code", "geometry"])
        except StoreError:
            continue
        if len(frame):
            frames.append(frame)
    if not frames:
        return None
    return gpd.GeoDataFrame(pd.concat(frames, ignore_index=True), geometry="geometry", crs=4326)
