"""Kemendagri code normalisation over every form exports use."""

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.codes import (
    Level,
    ancestor_codes,
    code_level,
    normalise_code,
    normalise_codes,
    parent_code,
    parse_code,
)
from geo.gazetteer import gazetteer, is_known

LONTAR = "36.04.13.2007"


@pytest.mark.parametrize(
    "raw",
    [
        "36.04.13.2007",
        "3604132007",
        3604132007,
        3604132007.0,
        3.604132007e9,
        "3.604132007E9",
        "36-04-13-2007",
        "36 04 13 2007",
        "  36.04.13.2007 ",
        "'3604132007",
        " 3604132007\t",
    ],
)
def test_every_export_form_normalises_to_the_dotted_code(raw):
    assert normalise_code(raw) == LONTAR


@pytest.mark.parametrize(
    ("raw", "expected", "level"),
    [("36", "36", Level.PROVINCE), ("3604", "36.04", Level.REGENCY), (360413, "36.04.13", Level.DISTRICT)],
)
def test_upper_levels(raw, expected, level):
    assert normalise_code(raw) == expected
    assert code_level(expected) == level


@pytest.mark.parametrize("raw", ["3604130007", 3604130007, "3604130", "36.04.13.0007"])
def test_bps_shaped_codes_are_reported_not_joined(raw):
    result = parse_code(raw)
    assert result.code is None
    assert result.problem == "looks_like_bps"


@pytest.mark.parametrize(
    "raw", [None, "", "   ", float("nan"), "Lontar", "36.4.13.2007", 12345, 3.5, True, "36.04.13.9007"]
)
def test_non_codes_give_no_code_and_a_reason(raw):
    result = parse_code(raw)
    assert result.code is None
    assert result.problem


def test_parents():
    assert parent_code(LONTAR) == "36.04.13"
    assert parent_code("36") is None
    assert ancestor_codes(LONTAR) == {
        Level.PROVINCE: "36",
        Level.REGENCY: "36.04",
        Level.DISTRICT: "36.04.13",
        Level.VILLAGE: LONTAR,
    }


def test_gazetteer_holds_all_official_villages():
    g = gazetteer()
    assert (g["level"] == 4).sum() == 83762
    assert g.at[LONTAR, "name"] == "Lontar"
    assert is_known("3604132007") and not is_known("3604139999")


def test_vectorised_matches_scalar():
    raw = ["3604132007", 3604132007, None, "3604130007", "x", "3604132007"]
    out = normalise_codes(raw)
    assert out["code"].tolist() == [LONTAR, LONTAR, None, None, None, LONTAR]
    assert out["problem"].tolist()[2:5] == ["empty", "looks_like_bps", "not_a_code"]


_village_codes = gazetteer().query("level == 4")["code"].tolist()


def test_vectorised_parse_equals_parse_code_on_every_village_and_odd_values():
    """Village codes, dotted or as ten digits, skip the one-by-one parse; every result (code and
    problem) must still be what parse_code gives, odd shapes and other digit scripts included."""
    odd = ["00.01.01.2001", "0001012001", "36.04.13.0007", "3604134007", "36.04.13.4007", " 36.04.13.2007 ",
           "'3604132007", "٣٦.04.13.2007", "36.04.13.2007.1", "36.04.13", "360413", "36.04.13.200",
           "3.604132007E9", "36-04-13-2007", "", "  ", "x", 3604132007, 3604132007.0, -3604132007, True, None]  # fmt: skip
    raw = [*_village_codes, *(c.replace(".", "") for c in _village_codes), *odd]
    out = normalise_codes(pd.Series(raw, dtype=object))
    expected = [parse_code(v) for v in raw]
    assert out["code"].tolist() == [p.code for p in expected]
    assert out["problem"].tolist() == [p.problem for p in expected]
    assert normalise_codes(pd.Series([3604132007, None]))["code"].tolist() == [LONTAR, None]  # no text at all


@given(
    st.sampled_from(_village_codes),
    st.sampled_from(["dotted", "digits", "int", "float", "sci", "dash", "space"]),
)
def test_every_gazetteer_village_round_trips_in_every_form(code, form):
    digits = code.replace(".", "")
    raw = {
        "dotted": code,
        "digits": digits,
        "int": int(digits),
        "float": float(digits),
        "sci": f"{float(digits):.9E}",
        "dash": code.replace(".", "-"),
        "space": f"  {code.replace('.', ' ')} ",
    }[form]
    assert normalise_code(raw) == code
