"""Cached reads of the store (``ui.reads``): layers kept once, each caller given its own copies."""

from __future__ import annotations

import pandas as pd
import pytest

from geo import metrics
from loaders.settings import DEMO_DIR
from loaders.store import Store
from ui import reads

pytestmark = pytest.mark.skipif(
    not Store(DEMO_DIR).provinces(), reason="the demo pack is not built (python -m loaders.demo build)"
)


def test_layers_are_read_once_and_a_caller_changing_its_copy_changes_no_other():
    held = Store(DEMO_DIR)
    first = reads.load_layers.on(held)
    assert set(first) == {name for name in held.layers() if name in reads.LAYERS}
    stored = held.read_layer("placements")
    pd.testing.assert_frame_equal(first["placements"], stored)
    first["placements"].loc[:, "count"] = -1  # a page writing into its frame
    first["placements"]["extra"] = 1
    del first["population"]
    again = reads.load_layers.on(held)
    pd.testing.assert_frame_equal(again["placements"], stored)
    assert "population" in again
    assert again["placements"] is not first["placements"]


def test_filter_choices_are_those_of_the_stored_layer():
    held = Store(DEMO_DIR)
    placements = held.read_layer("placements")
    for column in ("destination", "sector", "scheme"):
        assert reads.layer_options.on(held, "placements", column) == metrics.options_of(placements, column)
    assert reads.layer_options.on(held, "placements", "destination")  # the demo names destinations
    assert reads.layer_options.on(held, "no such layer", "destination") == []


def test_the_years_offered_are_those_of_the_stored_layers_and_leave_them_unchanged():
    held = Store(DEMO_DIR)
    years = reads.stored_years.on(held)
    assert years == metrics.layer_years({n: held.read_layer(n) for n in held.layers()})
    assert years  # the demo holds placements of several years
    kept = reads.load_layers.on(held)["placements"]
    pd.testing.assert_frame_equal(kept, reads.with_columns("placements", held.read_layer("placements")))


def _counting_reads(monkeypatch, held: Store) -> list[tuple[str, object]]:
    """Every whole-layer ``read_layer`` of the store class underneath: (layer, provinces asked);
    one version's read (a grant's count of a shared version) is not counted."""
    calls: list[tuple[str, object]] = []
    cls = type(held)
    original = cls.read_layer

    def counted(self, layer, version_id=None, *, provinces=None):
        if version_id is None:
            calls.append((layer, provinces))
        return original(self, layer, version_id, provinces=provinces)

    monkeypatch.setattr(cls, "read_layer", counted)
    return calls


def _reports(village: str, count: int) -> pd.DataFrame:
    spec = reads.LAYERS["reports"]
    rows = pd.DataFrame({"village": [village], "year": [2024], "persons": [count], "count": [1]})
    return rows.reindex(columns=list(spec.columns)).astype(spec.columns)


def test_a_write_of_one_layer_reads_only_that_layer_again_and_grants_are_cut_from_the_whole(
    tmp_path, monkeypatch
):
    from tests.loaders.test_store_scoped import _placements, _province

    held = Store(tmp_path / "store")
    _province(held, "36", "Banten")
    _province(held, "52", "Nusa Tenggara Barat")
    national = {"file": "nasional.csv", "provinces": ["36", "52"]}
    rows = _placements({"36.04.13.2007": 10, "52.01.01.1001": 7, "52.01.01.1002": 3})
    held.write_layer_version("placements", rows, national, replace=False)
    held.write_layer_version("reports", _reports("52.01.01.1001", 2), {"provinces": ["52"]}, replace=False)
    calls = _counting_reads(monkeypatch, held)
    whole = reads.load_layers.on(held)
    assert sorted(calls) == [("placements", None), ("reports", None)]

    calls.clear()  # a grant: cut from the whole layers this process holds, not read again
    view = held.within(["52"])
    granted = reads.load_layers.on(view)
    assert calls == []
    for name in ("placements", "reports"):
        read = reads.with_columns(name, view.read_layer(name))
        pd.testing.assert_frame_equal(granted[name], read)
        assert granted[name].attrs["coverage"] == read.attrs["coverage"]
    assert sorted(granted["placements"]["village"]) == ["52.01.01.1001", "52.01.01.1002"]
    assert len(whole["placements"]) == 3

    calls.clear()  # another reports file: placements stay as read
    held.write_layer_version("reports", _reports("36.04.13.2007", 5), {"provinces": ["36"]}, replace=False)
    again = reads.load_layers.on(held)
    assert calls == [("reports", None)]
    assert len(again["reports"]) == 2 and len(again["placements"]) == 3
