"""Static map images: exact pixel size, and they change when the data changes."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest
from PIL import Image

from exports.static_map import render_map
from geo.classify import classify
from geo.codes import Level


@pytest.fixture(scope="module")
def districts(export_store):
    return export_store.read_areas(Level.DISTRICT, "36.04", display="province")


def _values(areas, seed: int) -> pd.Series:
    rng = np.random.default_rng(seed)
    return pd.Series(rng.integers(0, 200, len(areas)), index=areas["code"].to_numpy())


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


@pytest.mark.parametrize("size", [(1600, 900), (800, 600)])
def test_png_has_the_requested_size(districts, size):
    png = render_map(districts, _values(districts, 1), title="Uji", size=size)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert Image.open(io.BytesIO(png)).size == size


def test_image_differs_when_data_differs(districts):
    a = _pixels(render_map(districts, _values(districts, 1), title="Uji"))
    b = _pixels(render_map(districts, _values(districts, 2), title="Uji"))
    same = _pixels(render_map(districts, _values(districts, 1), title="Uji"))
    assert (a != b).any(axis=2).sum() > 1000  # many pixels changed colour
    assert (a == same).all()  # deterministic for the same data


def test_hidden_and_missing_areas_are_drawn_apart_from_values(districts):
    values = _values(districts, 1).astype(float)
    base = _pixels(render_map(districts, values, title="Uji"))
    hidden = pd.Series(False, index=values.index)
    hidden.iloc[:5] = True
    with_hidden = _pixels(render_map(districts, values, title="Uji", hidden=hidden))
    missing = values.copy()
    missing.iloc[:5] = np.nan
    with_missing = _pixels(render_map(districts, missing, title="Uji"))
    assert (
        (base != with_hidden).any() and (base != with_missing).any() and (with_hidden != with_missing).any()
    )


def test_language_changes_the_labels(districts):
    values = _values(districts, 1)
    id_png = _pixels(render_map(districts, values, title="Peta", lang="id"))
    en_png = _pixels(render_map(districts, values, title="Peta", lang="en"))
    assert (id_png != en_png).any()  # north arrow letter, legend and footer text


def test_class_labels_use_the_readers_number_format():
    assert classify([0, 1000, 2500], limits=[1000, 2500.5]).labels("id") == ["0 – 1.000", "1.001 – 2.500"]
    assert classify([0, 1000, 2500], limits=[1000, 2500.5]).labels("en") == ["0 – 1,000", "1,001 – 2,500"]
    assert classify(pd.Series([1, 1, 1])).limits == (1.0,)
    assert classify(pd.Series([], dtype=float)).limits == ()


def test_bad_input_is_named(districts):
    with pytest.raises(TypeError, match="GeoDataFrame"):
        render_map(pd.DataFrame(), pd.Series(dtype=float), title="x")
    with pytest.raises(ValueError, match="no polygons"):
        render_map(districts.iloc[:0], pd.Series(dtype=float), title="x")
    with pytest.raises(ValueError, match="colours"):
        render_map(districts, _values(districts, 1), title="x", bins=[10, 20, 300], colours=["#fff"])


def test_schemes_change_the_classes_and_unknown_ones_are_listed(districts):
    values = pd.Series([1, 2, 3, 4, 5, 6, 7, 8, 9, 100])
    assert classify(values, "equal_interval", 3).limits != classify(values, "quantiles", 3).limits
    with pytest.raises(ValueError, match="quantiles, natural_breaks, equal_interval"):
        render_map(districts, _values(districts, 1), title="Uji", scheme="jenks")
    a = _pixels(render_map(districts, _values(districts, 1), title="Uji", scheme="quantiles"))
    b = _pixels(render_map(districts, _values(districts, 1), title="Uji", scheme="equal_interval"))
    assert (a != b).any()
