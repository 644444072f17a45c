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
