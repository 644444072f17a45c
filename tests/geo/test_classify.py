"""Classification: one registry, one classify(), one no-data colour, legends that never overlap."""

from __future__ import annotations

import re
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo import classify as cl
from geo.classify import NO_DATA, NO_DATA_COLOUR, SCHEMES, USER_SCHEMES, classify, quantile_limits

ROOT = Path(__file__).resolve().parents[2]


def _number(text: str) -> float:
    """A legend number back to a float (Indonesian format, real minus sign)."""
    return float(text.replace(".", "").replace(",", ".").replace("\u2212", "-").replace("+", "").rstrip("%"))


def _bounds(label: str) -> tuple[float, float]:
    parts = label.split(" – ")
    return _number(parts[0]), _number(parts[-1])


# ------------------------------------------------------------------ registry and quantiles
def test_registry_names_every_scheme_and_refuses_unknown_ones():
    import mapclassify

    assert list(USER_SCHEMES) == ["quantiles", "natural_breaks", "equal_interval"]
    assert list(SCHEMES) == [*USER_SCHEMES, "diverging"]
    assert SCHEMES["quantiles"] is mapclassify.Quantiles
    assert SCHEMES["natural_breaks"] is mapclassify.FisherJenks
    assert SCHEMES["equal_interval"] is mapclassify.EqualInterval
    with pytest.raises(ValueError, match="quantiles, natural_breaks, equal_interval, diverging"):
        classify([1, 2, 3], "jenks", 3)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(st.integers(0, 50), st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)),
        min_size=1,
        max_size=60,
    ),
    st.integers(2, 7),
)
def test_quantile_limits_equal_mapclassify_to_the_last_bit(values, k):
    """The default scheme is computed without importing mapclassify; its limits must be
    mapclassify's exactly, ties and repeated quantiles included."""
    import mapclassify

    data = np.asarray(values, dtype=float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        expected = mapclassify.Quantiles(data, k=k).bins
    np.testing.assert_array_equal(quantile_limits(data, k), expected)


def test_classes_of_non_integer_data_are_mapclassify_classes():
    import mapclassify

    data = np.random.default_rng(3).gamma(2.0, 40.0, size=500)
    for scheme, klass, k in (
        ("natural_breaks", mapclassify.FisherJenks, 5),
        ("equal_interval", mapclassify.EqualInterval, 4),
        ("quantiles", mapclassify.Quantiles, 5),
    ):
        expected = klass(data, k=k)
        got = classify(data, scheme, k)
        np.testing.assert_array_equal(got.limits, expected.bins)
        np.testing.assert_array_equal(got.classes, expected.yb)
        assert list(got.counts) == list(expected.counts)


def test_whole_numbers_keep_mapclassify_membership_without_empty_classes():
    """Counts: each value falls in the class mapclassify gives it, but limits are whole numbers
    and no class is left that holds no whole number (the "1 – 2" then "2" legend of old)."""
    import mapclassify

    counts = np.random.default_rng(7).negative_binomial(1, 0.3, size=400)
    for k in range(3, 8):
        got = classify(counts, "quantiles", k)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            bins = mapclassify.Quantiles(counts, k=k).bins
        expected = np.searchsorted(np.unique(np.floor(bins)), counts, side="left")
        np.testing.assert_array_equal(got.classes, expected)
        assert all(c > 0 for c in got.counts)
        assert all(float(b).is_integer() for b in got.limits)


def test_the_default_classification_leaves_mapclassify_unloaded():
    """A map in quantiles (every map's default) is classified without importing mapclassify and
    the scipy.stats, scikit-learn and matplotlib it brings; natural breaks load it."""
    code = (
        "import sys\n"
        "import pandas as pd\n"
        "from geo.classify import classify\n"
        "classify(pd.Series([1, 5, 9, 30, 2, 7, None]), 'quantiles', 5).labels('id')\n"
        "classify(pd.Series([-3, 5, 0, 30, None]), 'diverging', 5).labels('id')\n"
        "print('mapclassify' in sys.modules, 'scipy.stats' in sys.modules)\n"
        "classify(pd.Series([1, 5, 9, 30, 2, 7, None]), 'natural_breaks', 3)\n"
        "print('mapclassify' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False", "True"]


# ------------------------------------------------------------------ no data, colours
def test_no_data_is_its_own_class_and_colour_never_zero():
    values = pd.Series([0.0, 1.0, 5.0, 10.0, float("nan")], index=list("abcde"))
    out = classify(values, "equal_interval", 2)
    assert out.limits == (5.0, 10.0)
    assert out.classes.tolist() == [0, 0, 0, 1, NO_DATA]
    fill = out.fill()
    assert fill[4] == NO_DATA_COLOUR and fill[0] != NO_DATA_COLOUR
    assert fill[0] == fill[2] != fill[3]
    assert out.legend("en")[-1] == (NO_DATA_COLOUR, "No data")
    assert classify([None, None]).k == 0 and classify([None, None]).fill() == [NO_DATA_COLOUR] * 2


@pytest.mark.parametrize("scheme", ["quantiles", "equal_interval", "diverging"])
def test_numeric_arrays_are_classed_as_the_same_values_given_one_by_one(scheme):
    rng = np.random.default_rng(3)
    floats = rng.normal(0, 40, 500).round(1)
    floats[::7] = np.nan
    floats[3] = np.inf  # not a number either: no data
    for values in (pd.Series(floats), floats, rng.integers(-20, 50, 300), pd.Series(rng.random(50) < 0.4)):
        fast = classify(values, scheme, 5)
        slow = classify(
            [None if isinstance(v, float) and np.isnan(v) else v for v in list(values)], scheme, 5
        )
        assert fast.classes.tolist() == slow.classes.tolist()
        assert (fast.limits, fast.counts, fast.integer) == (slow.limits, slow.counts, slow.integer)
    assert classify(pd.Series(floats), scheme, 5).classes[::7].tolist() == [NO_DATA] * len(floats[::7])
    assert classify(pd.Series(floats), scheme, 5).classes[3] == NO_DATA


def test_every_map_and_export_uses_the_one_no_data_colour():
    """The interactive map, the static image and the HTML export share one no-data grey (the
    exports drew #e0e0e0 while the map drew #d9d9d9)."""
    from exports import files, static_map
    from geo import maps

    assert maps.NO_DATA_COLOUR == static_map.NO_DATA_COLOUR == NO_DATA_COLOUR
    for module in (maps, static_map, files):  # no grey of its own anywhere
        assert not re.findall(r'"#(?:d9d9d9|e0e0e0)"', Path(module.__file__).read_text()), module


def test_palette_goes_light_to_dark_and_refuses_unknown_kinds():
    assert cl.palette(7) == list(cl.SEQUENTIAL)
    assert cl.palette(2) == [cl.SEQUENTIAL[0], cl.SEQUENTIAL[-1]]
    assert cl.palette(0) == []
    assert cl.palette(3, "negative") == list(cl.DIVERGING_NEGATIVE)
    with pytest.raises(ValueError, match="sequential, negative, positive, categorical"):
        cl.palette(3, "rainbow")


def test_fixed_limits_and_colours_classify_other_values_alike():
    base = classify([1, 5, 9, 30, 2, 7], "quantiles", 3)
    other = classify([4, 40, None], limits=base.limits, colours=base.colours)
    assert other.limits == base.limits and other.colours == base.colours
    assert other.classes.tolist()[2] == NO_DATA
    with pytest.raises(ValueError, match="3 classes need 3 colours"):
        classify([1, 2], limits=[1, 2, 3], colours=["#fff"])


# ------------------------------------------------------------------ legend labels
def test_whole_number_legends_start_after_the_previous_limit():
    assert classify([7, 7, 14, 19, 110, None], "quantiles", 5).labels("id") == [
        "7",
        "8 – 14",
        "15 – 19",
        "20 – 110",
    ]
    assert classify([0, 1000, 2500], "equal_interval", 2).labels("id") == ["0 – 1.250", "1.251 – 2.500"]
    assert classify([0, 1000, 2500], "equal_interval", 2).labels("en") == ["0 – 1,250", "1,251 – 2,500"]


def test_decimal_legends_get_enough_decimals_and_never_repeat_a_limit():
    """Rates: "2,9 – 9,9 | 9,9 – 13,9" overlapped; the next class starts at its smallest value."""
    rates = [2.9, 4.1, 9.9, 9.94, 9.96, 12.0, 13.9]
    labels = classify(rates, "equal_interval", 3).labels("id")
    bounds = [_bounds(label) for label in labels]
    for (_, high), (low, _) in zip(bounds, bounds[1:], strict=False):
        assert high < low, labels
    assert len(set(labels)) == len(labels)


def test_share_legends_are_percentages():
    labels = classify([0.25, 0.5, 0.965], "equal_interval", 3).labels("id", percent=True)
    assert labels == ["25,0% – 48,8%", "50,0% – 72,7%", "96,5%"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(0, 400), min_size=1, max_size=80),
    st.integers(3, 7),
    st.sampled_from(["quantiles", "equal_interval"]),
)
def test_count_legends_never_overlap_or_repeat(values, k, scheme):
    out = classify(values, scheme, k)
    labels = out.labels("id")
    assert len(labels) == out.k == len(out.colours)
    bounds = [_bounds(label) for label in labels]
    assert all(low <= high for low, high in bounds)
    assert all(a[1] < b[0] for a, b in zip(bounds, bounds[1:], strict=False)), labels
    for value, klass in zip(values, out.classes, strict=True):  # each value inside its label
        low, high = bounds[klass]
        assert low <= value <= high


# ------------------------------------------------------------------ diverging (change maps)
def test_change_map_classes_are_symmetric_around_zero_with_signs():
    change = [-40, -20, -5, 0, 3, 12, 38]
    out = classify(change, "diverging", 5)
    labels = out.labels("en")
    # magnitudes 3, 5, 12, 20, 38, 40: median 16 -> the same limits 16 and 40 on both sides
    assert labels == ["\u221240 – \u221217", "\u221216 – \u22121", "0", "+1 – +16", "+17 – +40"]
    assert out.zero == 2 and out.colours[2] == cl.NO_CHANGE_COLOUR
    negative = [-b for b in out.limits[: out.zero]]
    positive = list(out.limits[out.zero + 1 :])
    assert sorted(negative) == sorted(positive)  # the same magnitudes on both sides
    assert set(out.colours[: out.zero]) <= set(cl.DIVERGING_NEGATIVE)
    assert set(out.colours[out.zero + 1 :]) <= set(cl.DIVERGING_POSITIVE)
    classes = out.classes.tolist()
    assert classes[3] == out.zero and all(c < out.zero for c in classes[:3])
    assert all(c > out.zero for c in classes[4:])


def test_a_change_that_fell_everywhere_shows_only_falls():
    """The demo's regencies all fell (−45 … −19): the smallest fall is not red, no class is white."""
    out = classify([-45, -30, -19], "diverging", 5)
    assert out.zero is None
    assert set(out.colours) <= set(cl.DIVERGING_NEGATIVE)
    labels = out.legend("id", no_change="tidak berubah")
    assert all(text.startswith("\u2212") for _, text in labels[:-1]), labels
    assert out.fill()[0] != out.fill()[2]  # the largest fall darker than the smallest
    assert cl.DIVERGING_NEGATIVE.index(out.fill()[0]) > cl.DIVERGING_NEGATIVE.index(out.fill()[2])


def test_no_change_is_labelled():
    rows = classify([-3, 0, 4], "diverging", 3).legend("id", no_change="tidak berubah")
    assert rows[1] == (cl.NO_CHANGE_COLOUR, "0 (tidak berubah)")
    assert rows[0][1] == "\u22124 – \u22121" and rows[2][1] == "+1 – +4"  # symmetric limits
