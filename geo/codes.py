"""Kemendagri administrative codes: normalise every form exports use, detect level, give parents.

Province ``PP``, regency/city ``PP.KK``, district ``PP.KK.CC``, village ``PP.KK.CC.DDDD``
(4th part: 1xxx kelurahan, 2xxx desa, 3xxx desa adat). BPS codes (``PPKKCCCDDD``) are a
different system; they are recognised and reported, never silently mis-joined.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import IntEnum

import numpy as np
import pandas as pd

__all__ = [
    "Level",
    "CodeProblem",
    "CodeResult",
    "normalise_code",
    "parse_code",
    "normalise_codes",
    "code_level",
    "parent_code",
    "ancestor_codes",
    "looks_like_bps",
    "LEVEL_DIGITS",
    "village_kind",
    "count_within",
]


class Level(IntEnum):
    """Administrative level, by number of code parts."""

    PROVINCE = 1
    REGENCY = 2
    DISTRICT = 3
    VILLAGE = 4

    @property
    def key(self) -> str:
        return self.name.lower()


#: Digits of the undotted Kemendagri code per level.
LEVEL_DIGITS = {Level.PROVINCE: 2, Level.REGENCY: 4, Level.DISTRICT: 6, Level.VILLAGE: 10}
_PART_WIDTHS = (2, 2, 2, 4)
_SEPARATED = re.compile(r"^\d{2}([.\-\s/_]+\d{2}){0,2}([.\-\s/_]+\d{4})?$")
_SPLIT = re.compile(r"[.\-\s/_]+")
_DOTTED = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")
#: A village code :func:`parse_code` would return as it is (dotted) or only dot (ten digits).
_VILLAGE_DOTTED = r"(?!00)[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[123][0-9]{3}"
_VILLAGE_DIGITS = r"(?!00)[0-9]{6}[123][0-9]{3}"


class CodeProblem(str):
    """Why a value is not a usable Kemendagri code (one of the constants below)."""


EMPTY = CodeProblem("empty")
NOT_A_CODE = CodeProblem("not_a_code")
BPS = CodeProblem("looks_like_bps")
BAD_LENGTH = CodeProblem("bad_length")
BAD_VILLAGE_PART = CodeProblem("bad_village_part")


@dataclass(frozen=True, slots=True)
class CodeResult:
    """Outcome of parsing one raw value: the dotted code, or the problem."""

    code: str | None
    problem: CodeProblem | None = None

    @property
    def ok(self) -> bool:
        return self.code is not None


def _digits_from_number(value: float | int) -> str | None:
    if isinstance(value, float):
        if not math.isfinite(value) or value != int(value) or value < 0:
            return None
        value = int(value)
    if value < 0:
        return None
    return str(value)


def parse_code(value: object) -> CodeResult:
    """Parse one raw value into a dotted Kemendagri code, or say why it is not one.

    Accepts ``36.04.13.2007``, ``3604132007``, the integer ``3604132007``, Excel's float
    ``3.604132007E9`` (as number or text), ``36-04-13-2007``, ``36 04 13 2007``, with spaces
    around. Province codes written as one digit are not accepted (``1`` is ambiguous).

    Examples
    --------
    >>> parse_code(" 3.604132007E9 ").code
    '36.04.13.2007'
    >>> parse_code("3604130007").problem
    'looks_like_bps'
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return CodeResult(None, EMPTY)
    if isinstance(value, (bool, np.bool_)):
        return CodeResult(None, NOT_A_CODE)
    if isinstance(value, (int, np.integer)):
        digits = _digits_from_number(int(value))
    elif isinstance(value, (float, np.floating)):
        digits = _digits_from_number(float(value))
    else:
        text = str(value).strip().strip("'\"`").strip()
        if not text:
            return CodeResult(None, EMPTY)
        if _DOTTED.match(text):
            return _check_parts(text.split("."))
        if _SEPARATED.match(text):
            return _check_parts(_SPLIT.split(text))
        compact = text.replace(" ", "")
        if re.fullmatch(r"\d+", compact):
            digits = compact
        elif re.fullmatch(r"\d+(\.\d+)?([eE][+]?\d+)?|\d+\.0+", compact):
            try:
                digits = _digits_from_number(float(compact))
            except ValueError:
                digits = None
        else:
            return CodeResult(None, NOT_A_CODE)
    if digits is None:
        return CodeResult(None, NOT_A_CODE)
    return _from_digits(digits)


def _from_digits(digits: str) -> CodeResult:
    n = len(digits)
    if n in (7,) or (n == 10 and digits[6] == "0"):
        # BPS: district PPKKCCC (7 digits), village PPKKCCCDDD where Kemendagri's 4th part
        # would start with 0; no Kemendagri code has that shape.
        return CodeResult(None, BPS)
    if n not in (2, 4, 6, 10):
        return CodeResult(None, BAD_LENGTH)
    parts, i = [], 0
    for width in _PART_WIDTHS:
        if i >= n:
            break
        parts.append(digits[i : i + width])
        i += width
    return _check_parts(parts)


def _check_parts(parts: list[str]) -> CodeResult:
    if len(parts) > 4 or any(len(p) != w for p, w in zip(parts, _PART_WIDTHS, strict=False)):
        return CodeResult(None, BAD_LENGTH)
    if len(parts) == 4 and parts[3][0] not in "123":
        return CodeResult(None, BPS if parts[3][0] == "0" else BAD_VILLAGE_PART)
    if parts[0] == "00":
        return CodeResult(None, NOT_A_CODE)
    return CodeResult(".".join(parts))


def normalise_code(value: object) -> str | None:
    """Dotted Kemendagri code of ``value``, or None when it is not one (see :func:`parse_code`)."""
    return parse_code(value).code


def normalise_codes(values: pd.Series | list) -> pd.DataFrame:
    """Vectorised :func:`parse_code` over a column: a frame with ``code`` and ``problem``.

    Parses each distinct raw value once, so a million-row column costs as much as its
    distinct values.
    """
    series = pd.Series(values)
    positions, uniques = pd.factorize(series.astype(object), use_na_sentinel=True)
    codes = np.full(len(uniques) + 1, None, dtype=object)  # the last: missing cells
    problems = np.full(len(uniques) + 1, None, dtype=object)
    # village codes as exports write them, dotted or as ten digits, need no parsing one by one
    text = np.flatnonzero([isinstance(u, str) for u in uniques])
    texts = pd.Series(uniques[text], dtype=object)
    dotted = text[texts.str.fullmatch(_VILLAGE_DOTTED).to_numpy(dtype=bool)]
    plain = text[texts.str.fullmatch(_VILLAGE_DIGITS).to_numpy(dtype=bool)]
    codes[dotted] = uniques[dotted]
    digits = pd.Series(uniques[plain], dtype=object)
    codes[plain] = (
        digits.str[:2] + "." + digits.str[2:4] + "." + digits.str[4:6] + "." + digits.str[6:]
    ).to_numpy()
    fast = np.zeros(len(uniques), dtype=bool)
    fast[dotted] = fast[plain] = True
    for i in [*np.flatnonzero(~fast), -1]:
        parsed = parse_code(uniques[i] if i >= 0 else None)
        codes[i], problems[i] = parsed.code, parsed.problem
    return pd.DataFrame({"code": codes[positions], "problem": problems[positions]}, index=series.index)


def code_level(code: str) -> Level:
    """Level of a dotted code.

    >>> code_level("36.04.13")
    <Level.DISTRICT: 3>
    """
    return Level(code.count(".") + 1)


def parent_code(code: str) -> str | None:
    """The dotted parent code, or None for a province."""
    return code.rsplit(".", 1)[0] if "." in code else None


def ancestor_codes(code: str) -> dict[Level, str]:
    """Codes of the area and all its parents, keyed by level."""
    parts = code.split(".")
    return {Level(i): ".".join(parts[:i]) for i in range(1, len(parts) + 1)}


def looks_like_bps(value: object) -> bool:
    """True when the value has the shape of a BPS code rather than a Kemendagri one."""
    return parse_code(value).problem == BPS


def village_kind(codes: pd.Series) -> pd.Series:
    """``"kelurahan"``, ``"desa"`` or ``"desa_adat"`` from the 4th code part (1xxx, 2xxx, 3xxx).

    >>> village_kind(pd.Series(["36.04.13.2007", "36.71.01.1001"])).tolist()
    ['desa', 'kelurahan']
    """
    first = codes.astype(str).str[9]
    return first.map({"1": "kelurahan", "2": "desa", "3": "desa_adat"})


def count_within(codes: pd.Series, areas: list[str]) -> pd.Series:
    """How many of ``codes`` lie inside each of ``areas`` (codes of one level), by code prefix.

    >>> count_within(pd.Series(["36.04.13.2007", "36.04.13.2008", "36.71.01.1001"]), ["36.04", "36.71", "36.02"]).tolist()
    [2, 1, 0]
    """
    if not areas:
        return pd.Series(dtype="int64")
    width = len(areas[0])
    counts = codes.astype(str).str[:width].value_counts()
    return counts.reindex(areas, fill_value=0).astype("int64")
