"""Match table rows to villages: by code, else by names down the hierarchy, else by coordinates.

Names are compared after :func:`geo.gazetteer.normalise_name` (prefixes, case, punctuation, old
spellings). Fuzzy matching (rapidfuzz) is only ever done among the children of an area already
identified, so a typo can never move a row into another regency. Rows that cannot be matched
with confidence are returned with a reason and the best candidates, never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from geo.codes import Level, normalise_codes
from geo.gazetteer import area_kind, gazetteer, normalise_name

__all__ = [
    "REFERENCE_COLUMNS",
    "gazetteer_reference",
    "combine_reference",
    "match_rows",
    "match_points",
    "MATCH_COLUMNS",
    "FUZZY_THRESHOLD",
    "areas_named",
    "split_village_cell",
    "village_keys",
]

REFERENCE_COLUMNS = ["code", "name", "district_name", "regency_name", "province_name"]
MATCH_COLUMNS = ["village", "status", "method", "score", "reason", "candidates"]

#: Minimum rapidfuzz ratio (0-100) for a fuzzy name match inside a known parent area.
FUZZY_THRESHOLD = 85.0
#: A fuzzy winner must beat the runner-up by this much, else the row is ambiguous.
FUZZY_MARGIN = 4.0


@lru_cache(maxsize=1)
def gazetteer_reference() -> pd.DataFrame:
    """Every gazetteer village with the names of its district, regency and province."""
    g = gazetteer()
    names = g["name"]
    villages = g[g["level"] == 4]
    return pd.DataFrame(
        {
            "code": villages["code"].to_numpy(),
            "name": villages["name"].to_numpy(),
            "district_name": names.reindex(villages["district"]).to_numpy(),
            "regency_name": names.reindex(villages["regency"]).to_numpy(),
            "province_name": names.reindex(villages["province"]).to_numpy(),
        }
    )


@lru_cache(maxsize=1)
def _gazetteer_indexed() -> pd.DataFrame:
    return _indexed(gazetteer_reference())


def combine_reference(held: pd.DataFrame | None) -> pd.DataFrame:
    """The villages a store holds (their names win), completed by the gazetteer for the rest."""
    base = _gazetteer_indexed()
    if held is None or held.empty:
        return base
    held = _indexed(held[REFERENCE_COLUMNS].astype(object))
    return pd.concat([held, base[~base["code"].isin(held["code"])]], ignore_index=True)


def _indexed(ref: pd.DataFrame) -> pd.DataFrame:
    ref = ref.drop_duplicates("code").reset_index(drop=True).copy()
    code = ref["code"].astype(str)
    ref["province"] = code.str[:2]
    ref["regency"] = code.str[:5]
    ref["district"] = code.str[:8]
    return ref


def _name_keys(ref: pd.DataFrame) -> pd.DataFrame:
    """``ref`` with the comparable form of each name (``name_key``…) and ``regency_is_city``.

    Computed when names are first matched, not with the reference: a file whose rows all carry
    known codes never needs them (a second saved on every large import).
    """
    ref = ref.copy()
    for col in ("name", "district_name", "regency_name", "province_name"):
        uniques = pd.unique(ref[col].astype(object))
        ref[f"{col}_key"] = ref[col].map(dict(zip(uniques, map(normalise_name, uniques), strict=True)))
    ref["regency_is_city"] = ref["regency_name"].astype(str).str.lower().str.startswith("kota")
    return ref


# --------------------------------------------------------------------------- names
_PROVINCE_ALIASES = {
    normalise_name(k): normalise_name(v)
    for k, v in {
        "NTB": "Nusa Tenggara Barat", "NTT": "Nusa Tenggara Timur", "Jatim": "Jawa Timur",
        "Jateng": "Jawa Tengah", "Jabar": "Jawa Barat", "DIY": "Daerah Istimewa Yogyakarta",
        "Yogyakarta": "Daerah Istimewa Yogyakarta", "DI Yogyakarta": "Daerah Istimewa Yogyakarta",
        "DKI": "Daerah Khusus Ibukota Jakarta", "DKI Jakarta": "Daerah Khusus Ibukota Jakarta",
        "Jakarta": "Daerah Khusus Ibukota Jakarta", "Sumut": "Sumatera Utara", "Sumbar": "Sumatera Barat",
        "Sumsel": "Sumatera Selatan", "Kalbar": "Kalimantan Barat", "Kaltim": "Kalimantan Timur",
        "Kalsel": "Kalimantan Selatan", "Kalteng": "Kalimantan Tengah", "Sulsel": "Sulawesi Selatan",
        "Sulut": "Sulawesi Utara", "Sulteng": "Sulawesi Tengah", "Sultra": "Sulawesi Tenggara",
        "Babel": "Kepulauan Bangka Belitung", "Kepri": "Kepulauan Riau",
    }.items()
}  # fmt: skip


class _Index:
    """Areas per level and villages grouped by parent as plain lists, built once per reference."""

    def __init__(self, ref: pd.DataFrame):
        ref = _name_keys(ref)
        self.ref = ref
        cols = ref[["code", "name", "name_key", "district", "regency", "province", "district_name",
                    "district_name_key", "regency_name", "regency_name_key", "regency_is_city",
                    "province_name", "province_name_key"]].astype(object).to_numpy()  # fmt: skip
        self.provinces: dict[str, tuple] = {}
        self.regencies: dict[str, tuple] = {}
        self.districts: dict[str, tuple] = {}
        self.by: dict[str, dict[str, list[tuple]]] = {"district": {}, "regency": {}, "province": {}}
        self.by_key: dict[str, list[tuple]] = {}
        for code, name, key, dist, reg, prov, dname, dkey, rname, rkey, city, pname, pkey in cols:
            village = (code, name, key, dname, rname)
            self.provinces.setdefault(prov, (prov, pname, pkey, None))
            self.regencies.setdefault(reg, (reg, rname, rkey, bool(city)))
            self.districts.setdefault(dist, (dist, dname, dkey, reg))
            self.by["district"].setdefault(dist, []).append(village)
            self.by["regency"].setdefault(reg, []).append(village)
            self.by["province"].setdefault(prov, []).append(village)
            self.by_key.setdefault(key, []).append(village)
        self.regencies_by_province: dict[str, list[tuple]] = {}
        for reg in self.regencies.values():
            self.regencies_by_province.setdefault(reg[0][:2], []).append(reg)
        self.districts_by_regency: dict[str, list[tuple]] = {}
        for dist in self.districts.values():
            self.districts_by_regency.setdefault(dist[0][:5], []).append(dist)

    def villages_in(self, level: str, codes: list[str]) -> list[tuple]:
        return [v for c in codes for v in self.by[level].get(c, [])]


_INDEXES: dict[int, tuple[pd.DataFrame, _Index]] = {}


def _index(ref: pd.DataFrame) -> _Index:
    hit = _INDEXES.get(id(ref))
    if hit is None or hit[0] is not ref:
        if len(_INDEXES) > 3:
            _INDEXES.clear()
        hit = (ref, _Index(ref))
        _INDEXES[id(ref)] = hit
    return hit[1]


@dataclass
class _Result:
    village: str | None
    status: str  # matched | ambiguous | unmatched
    method: str = ""
    score: float = float("nan")
    reason: str = ""
    candidates: str = ""


def _is_city(raw: object) -> bool | None:
    return area_kind(raw)


def _similarity(a: str, b: str, *, processor=None, score_cutoff=None) -> float:
    """0-100: the better of the Indel ratio and Damerau-Levenshtein similarity (a swapped pair
    of letters, the commonest typo, costs one edit)."""
    return max(fuzz.ratio(a, b), DamerauLevenshtein.normalized_similarity(a, b) * 100)


def _pick(
    key: str, options: list[tuple], *, fuzzy: bool, raw: object = None
) -> tuple[str, list[str], float, list[tuple[str, str, float]]]:
    """Resolve one normalised name among ``options`` ((code, name, key, ...) tuples) inside a parent.

    Returns (outcome, codes, score, best candidates), outcome in exact | fuzzy | ambiguous | none.
    """
    exact = [o for o in options if o[2] == key]
    if len(exact) == 1:
        if raw is not None and normalise_name(raw, old_spelling=False) != normalise_name(
            exact[0][1], old_spelling=False
        ):
            return "old_spelling", [exact[0][0]], 100.0, []  # "Loemadjang" for Lumajang
        return "exact", [exact[0][0]], 100.0, []
    if len(exact) > 1:
        return "ambiguous", [o[0] for o in exact], 100.0, [(o[0], o[1], 100.0) for o in exact]
    if not key or not options:
        return "none", [], 0.0, []
    found = process.extract(key, [o[2] for o in options], scorer=_similarity, limit=3)
    if raw is not None:
        # also compare without the old-spelling rewrite ("Kramatjati" keeps its "tj" there)
        plain = normalise_name(raw, old_spelling=False)
        scores = {i: s for _, s, i in found}
        for _, s, i in process.extract(
            plain, [normalise_name(o[1], old_spelling=False) for o in options], scorer=_similarity, limit=3
        ):
            scores[i] = max(s, scores.get(i, 0.0))
        found = sorted(((None, s, i) for i, s in scores.items()), key=lambda f: -f[1])[:3]
    cands = [(options[i][0], options[i][1], float(s)) for _, s, i in found]
    if not fuzzy or not found or found[0][1] < FUZZY_THRESHOLD:
        return "none", [], float(found[0][1]) if found else 0.0, cands
    if len(found) > 1 and found[0][1] - found[1][1] < FUZZY_MARGIN:
        return (
            "ambiguous",
            [c for c, _, s in cands if found[0][1] - s < FUZZY_MARGIN],
            float(found[0][1]),
            cands,
        )
    return "fuzzy", [cands[0][0]], float(found[0][1]), cands


def _fmt(cands: list[tuple[str, str, float]]) -> str:
    return "; ".join(f"{c} {n} ({s:.0f})" for c, n, s in cands[:3])


_AREA_PREFIX = re.compile(r"^\s*(kec|kecamatan|kab|kabupaten|prov|provinsi|distrik)\b", re.I)
_DISTRICT_WORD = r"(?:kec\.?|kecamatan|distrik)"
_VILLAGE_CELL = (
    re.compile(rf"^(?P<v>[^()]+?)\s*\(\s*(?:{_DISTRICT_WORD}\s*)?(?P<d>[^()]+?)\s*\)$", re.I),
    re.compile(rf"^(?P<v>.+?)\s*[-–,;/]\s*{_DISTRICT_WORD}\s*(?P<d>.+)$", re.I),
    re.compile(rf"^(?P<v>.+?)\s+{_DISTRICT_WORD}\s+(?P<d>.+)$", re.I),
    re.compile(r"^(?P<v>[^/]+?)\s*/\s*(?P<d>[^/]+)$"),
    re.compile(r"^(?P<v>.+?)\s+[-–]\s+(?P<d>.+)$"),
)
_KIND_ONLY = re.compile(r"^(?:kab|kabupaten|kota|kec|kecamatan|desa|ds|kel|kelurahan)\.?$", re.I)


def split_village_cell(value: object) -> tuple[str, str] | None:
    """A village cell that carries its district → (village, district), else None.

    >>> split_village_cell("Lontar (Tirtayasa)"), split_village_cell("Ds. Lontar Kec. Tirtayasa")
    (('Lontar', 'Tirtayasa'), ('Ds. Lontar', 'Tirtayasa'))
    >>> split_village_cell("Lontar - Kec. Tirtayasa"), split_village_cell("Lontar / Tirtayasa")
    (('Lontar', 'Kec. Tirtayasa'), ('Lontar', 'Tirtayasa'))
    """
    text = re.sub(r"\s+", " ", str(value or "")).strip()
    if not text or _AREA_PREFIX.match(text):
        return None
    for pattern in _VILLAGE_CELL:
        found = pattern.match(text)
        if found and found["v"].strip() and found["d"].strip() and not _KIND_ONLY.match(found["d"].strip()):
            district = found["d"].strip()
            if pattern is _VILLAGE_CELL[1]:
                district = "Kec. " + district
            return found["v"].strip(), district
    return None


def _match_names(ix: _Index, loc: dict) -> _Result:
    """Walk province → regency → district → village with whatever names (and codes) the row has.

    Fuzzy matching is allowed only inside one known parent: regencies inside a known province,
    districts inside a known regency, villages inside known districts or one known regency.
    """
    prov: list[str] | None = None
    reg: list[str] | None = None
    dist: list[str] | None = None
    method, score = "name", 100.0
    # "Lontar (Tirtayasa)", "Ds. Lontar Kec. Tirtayasa": the district written in the village cell
    split = split_village_cell(loc.get("village_name"))
    if split and normalise_name(loc.get("village_name")) not in ix.by_key:
        loc = {**loc, "village_name": split[0]}
        if not normalise_name(loc.get("district_name")):
            loc["district_name"] = split[1]
    ambiguous: tuple[str, str, float] | None = None
    if (code := loc.get("district_code")) and code in ix.by["district"]:
        dist, reg, prov = [code], [code[:5]], [code[:2]]
    elif (code := loc.get("regency_code")) and code in ix.by["regency"]:
        reg, prov = [code], [code[:2]]
    elif (code := loc.get("province_code")) and code in ix.by["province"]:
        prov = [code]
    # province: names vary most ("Jatim", "Prov. NTB"); when unknown, the regency decides
    key = normalise_name(loc.get("province_name"))
    key = _PROVINCE_ALIASES.get(key, key)
    if key and prov is None:
        outcome, codes, _, _ = _pick(key, list(ix.provinces.values()), fuzzy=True)
        if outcome in ("exact", "fuzzy"):
            prov = codes
    # regency
    raw = loc.get("regency_name")
    key = normalise_name(raw)
    if key and reg is None:
        if prov is None:
            options = list(ix.regencies.values())
        else:
            options = [r for p in prov for r in ix.regencies_by_province.get(p, [])]
        city = _is_city(raw)
        if city is not None and any(r[3] == city for r in options):
            options = [r for r in options if r[3] == city]
        outcome, codes, s, cands = _pick(key, options, fuzzy=prov is not None, raw=raw)
        if outcome == "old_spelling":
            outcome, method = "exact", "old_spelling"
        if outcome in ("exact", "fuzzy"):
            reg = codes
            if outcome == "fuzzy":
                method, score = "fuzzy", min(score, s)
        elif outcome == "ambiguous":
            reg = codes  # Kab. and Kota Serang: let an exact district decide
            ambiguous = ("regency_ambiguous", _fmt(cands), s)
        else:
            return _Result(None, "unmatched", reason="regency_not_found", candidates=_fmt(cands), score=s)
    # district
    raw = loc.get("district_name")
    key = normalise_name(raw)
    if key and dist is None:
        if reg is not None:
            options = [d for r in reg for d in ix.districts_by_regency.get(r, [])]
        elif prov is not None:
            options = [d for d in ix.districts.values() if d[0][:2] in prov]
        else:
            options = list(ix.districts.values())
        outcome, codes, s, cands = _pick(key, options, fuzzy=reg is not None and len(reg) == 1, raw=raw)
        if outcome == "old_spelling":
            outcome, method = "exact", "old_spelling"
        if outcome in ("exact", "fuzzy"):
            dist = codes
            if outcome == "fuzzy":
                method, score = "fuzzy", min(score, s)
            if outcome == "exact" or (reg is not None and len(reg) == 1):
                ambiguous = None
                reg = [codes[0][:5]]
        elif outcome == "ambiguous":
            dist = codes
            ambiguous = ambiguous or ("district_ambiguous", _fmt(cands), s)
        else:
            if reg is not None and len(reg) == 1:
                # a wrong district name: accept an exact, unique village name in the same regency
                vkey = normalise_name(loc.get("village_name"))
                exact = [v for v in ix.villages_in("regency", reg) if v[2] == vkey]
                if len(exact) == 1:
                    return _Result(exact[0][0], "matched", "name_regency", 90.0)
            return _Result(None, "unmatched", reason="district_not_found", candidates=_fmt(cands), score=s)
    # village ("KEC. TIRTAYASA" in the village column is a subtotal row, not Desa Tirtayasa)
    if _AREA_PREFIX.match(str(loc.get("village_name") or "")):
        return _Result(None, "unmatched", reason="area_total_row")
    vkey = normalise_name(loc.get("village_name"))
    if not vkey:
        return _Result(None, "unmatched", reason="no_village")
    if dist is None and reg is None and prov is None:
        # no parent known: only an exact, unique name is accepted (no fuzzy guessing nationwide)
        exact = ix.by_key.get(vkey, [])
        if len(exact) == 1:
            return _Result(exact[0][0], "matched", "name_only", 100.0)
        cands = [(c, f"{n}, {d}, {r}", 100.0) for c, n, _, d, r in exact]
        if len(exact) > 1:
            return _Result(
                None, "ambiguous", reason="village_ambiguous_no_parent", candidates=_fmt(cands), score=100.0
            )
        return _Result(None, "unmatched", reason="village_not_found_no_parent")
    if dist is not None:
        pool, fuzzy_ok = ix.villages_in("district", dist), True
    elif reg is not None:
        pool, fuzzy_ok = ix.villages_in("regency", reg), len(reg) == 1
    else:
        pool, fuzzy_ok = ix.villages_in("province", prov), False
    outcome, codes, s, cands = _pick(vkey, pool, fuzzy=fuzzy_ok, raw=loc.get("village_name"))
    if outcome == "old_spelling":
        outcome, method = "exact", "old_spelling" if method == "name" else method
    if ambiguous and outcome != "exact":
        return _Result(None, "ambiguous", reason=ambiguous[0], candidates=ambiguous[1], score=ambiguous[2])
    if outcome in ("exact", "fuzzy"):
        return _Result(codes[0], "matched", "fuzzy" if outcome == "fuzzy" else method, min(score, s))
    if outcome == "ambiguous":
        return _Result(None, "ambiguous", reason="village_ambiguous", candidates=_fmt(cands), score=s)
    return _Result(None, "unmatched", reason="village_not_found", candidates=_fmt(cands), score=s)


def _digits(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return re.sub(r"\D", "", str(value))


def _per_distinct(values: pd.Series, fn) -> pd.Series:
    """``fn`` of every cell, computed once per distinct value (missing cells as None)."""
    positions, uniques = pd.factorize(values.astype(object), use_na_sentinel=True)
    results = np.array([fn(u) for u in uniques] + [fn(None)], dtype=object)
    return pd.Series(results[positions], index=values.index, dtype=object)


def _clean_name(value: object) -> str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    return str(value).strip() or None


def _compose_codes(frame: pd.DataFrame) -> pd.DataFrame:
    """Exports with one code column per level (``KODE_PROV 36 | KODE_KAB 04 | KODE_KEC 13 |
    KODE_DESA 2007``): build the full village code from the parts."""
    parents = [c for c in ("district_code", "regency_code", "province_code") if c in frame]
    if "village_code" not in frame or not parents:
        return frame

    def compose(row: pd.Series) -> object:
        # each part padded on its own: 35 | 1 | 11 | 2001 is 35.01.11.2001 (35.11.01.2001 is
        # another village); a full code in the village column is kept as it is
        village = _digits(row["village_code"])
        if not 1 <= len(village) <= 4:
            return row["village_code"]
        district = _digits(row.get("district_code"))
        regency = _digits(row.get("regency_code"))
        province = _digits(row.get("province_code"))
        if len(district) == 6:
            prefix = district
        elif 1 <= len(district) <= 2 and len(regency) == 4:
            prefix = regency + district.zfill(2)
        elif 1 <= len(district) <= 2 and 1 <= len(regency) <= 2 and len(province) == 2:
            prefix = province + regency.zfill(2) + district.zfill(2)
        else:
            return row["village_code"]
        return f"{prefix[:2]}.{prefix[2:4]}.{prefix[4:6]}.{village.zfill(4)}"

    out = frame.copy()
    out["village_code"] = frame.apply(compose, axis=1)
    for col in parents:  # the parts are no codes on their own
        parts = frame[col].map(_digits).str.len()
        full = {"district_code": 6, "regency_code": 4, "province_code": 2}[col]
        out[col] = frame[col].where(parts == full, None)
    return out


def match_rows(frame: pd.DataFrame, reference: pd.DataFrame) -> pd.DataFrame:
    """Match each row to a village code.

    ``frame`` may hold the columns ``village_code``, ``district_code``, ``regency_code``,
    ``province_code``, ``bps_code``, ``village_name``, ``district_name``, ``regency_name``,
    ``province_name`` (any subset). ``reference`` comes from :func:`combine_reference`.
    Returns a frame aligned with ``frame`` with :data:`MATCH_COLUMNS`: ``village`` (dotted code
    or None), ``status`` (matched / ambiguous / unmatched), ``method`` (code, name, fuzzy,
    name_only, point), ``score`` (0-100), ``reason`` and ``candidates`` (best guesses).
    Rows may share an index label (a wide row turned into several rows keeps its file row).
    """
    if not frame.index.is_unique:
        return match_rows(frame.reset_index(drop=True), reference).set_axis(frame.index)
    n = len(frame)
    out = pd.DataFrame(
        {
            "village": pd.Series([None] * n, dtype=object),
            "status": "unmatched",
            "method": "",
            "score": np.nan,
            "reason": "",
            "candidates": "",
        },
        index=frame.index,
    )
    if n == 0:
        return out
    known = set(reference["code"])
    frame = _compose_codes(frame)
    loc = pd.DataFrame(index=frame.index)
    code_problem = pd.Series("", index=frame.index, dtype=object)
    for col in ("village_code", "district_code", "regency_code", "province_code"):
        if col in frame:
            parsed = normalise_codes(frame[col])
            loc[col] = parsed["code"]
            if col == "village_code":
                code_problem = parsed["problem"].fillna("").astype(str)
    # a "village code" column may hold district or regency codes: move them to their level
    area_rows = pd.Series(False, index=frame.index)
    if "village_code" in loc:
        codes = loc["village_code"].astype(object)
        parts = _per_distinct(codes, lambda c: c.count(".") + 1 if isinstance(c, str) else 0).astype("int64")
        if (parts == 4).any() and parts.between(1, 3).any():
            # a listing mixing village rows with district/regency rows: those are area totals
            area_rows = parts.between(1, 3)
            parts = parts.where(~area_rows, 0)
        for lvl, col in ((3, "district_code"), (2, "regency_code"), (1, "province_code")):
            move = parts == lvl
            if move.any():
                if col not in loc:
                    loc[col] = None
                loc.loc[move, col] = loc.loc[move, col].where(loc.loc[move, col].notna(), codes[move])
        loc["village_code"] = codes.where(parts == 4, None)
    for col in ("district_code", "regency_code", "province_code"):
        if col in loc:
            lvl = {"district_code": 3, "regency_code": 2, "province_code": 1}[col]
            loc[col] = _per_distinct(
                loc[col], lambda c, lvl=lvl: c if isinstance(c, str) and c.count(".") + 1 == lvl else None
            )
    # names are cleaned only for the rows their codes leave unmatched (step 2)
    names = [c for c in ("village_name", "district_name", "regency_name", "province_name") if c in frame]
    if not len(loc.columns) and not names:
        out["reason"] = "no_location"
        return out
    # 1. codes
    if "village_code" in loc:
        vc = loc["village_code"]
        hit = vc.isin(known)
        mask = hit.to_numpy(dtype=bool)
        out["village"] = np.where(mask, vc.to_numpy(dtype=object), out["village"].to_numpy(dtype=object))
        out["status"] = np.where(mask, "matched", out["status"].to_numpy(dtype=object))
        out["method"] = np.where(mask, "code", out["method"].to_numpy(dtype=object))
        out["score"] = np.where(mask, 100.0, out["score"].to_numpy(dtype=float))
        unknown = vc.notna() & ~hit
        out.loc[unknown, "reason"] = "code_unknown"
        out.loc[vc.isna() & (code_problem != "") & (code_problem != "empty"), "reason"] = (
            "code_" + code_problem[vc.isna() & (code_problem != "") & (code_problem != "empty")]
        )
    # 2. names, once per distinct location
    name_cols = [c for c in loc.columns if c != "village_code"] + names
    todo = out["status"] != "matched"
    if name_cols and todo.any():
        sub = loc.loc[todo, [c for c in name_cols if c not in names]]
        sub = sub.assign(**{c: _per_distinct(frame.loc[todo, c], _clean_name) for c in names})[name_cols]
        sub = sub.astype(object).where(sub.notna(), None)
        keys = sub.apply(lambda r: tuple(r), axis=1)
        cache: dict[tuple, _Result] = {}
        ix = _index(reference)
        for key in pd.unique(keys):
            cache[key] = _match_names(ix, dict(zip(name_cols, key, strict=True)))
        results = pd.DataFrame(
            [
                (r.village, r.status, r.method, r.score, r.reason, r.candidates)
                for r in map(cache.__getitem__, keys)
            ],
            columns=MATCH_COLUMNS,
            index=keys.index,
        )
        # a code problem stays the reason when the names give nothing better
        code_reason = out.loc[keys.index, "reason"]
        keep = (
            (results["status"] == "unmatched")
            & (code_reason != "")
            & (results["reason"].isin(["no_village"]) | results["reason"].str.endswith("no_parent"))
        )
        results.loc[keep, "reason"] = code_reason[keep]
        out.loc[keys.index, MATCH_COLUMNS] = results
    out.loc[(out["status"] != "matched") & (out["reason"] == ""), "reason"] = "no_location"
    if area_rows.any():
        out.loc[area_rows, ["village", "status", "method", "candidates"]] = [None, "unmatched", "", ""]
        out.loc[area_rows, "reason"] = "area_total_row"
    return out


def match_points(lat: pd.Series, lon: pd.Series, polygons) -> pd.Series:
    """Village code of the polygon each point falls in (None outside every polygon).

    ``polygons`` is a GeoDataFrame with ``code`` and village geometry (EPSG:4326). Points whose
    latitude and longitude were swapped (a longitude in the latitude column) are swapped back.
    """
    import geopandas as gpd

    lat = pd.to_numeric(lat, errors="coerce")
    lon = pd.to_numeric(lon, errors="coerce")
    swapped = lat.abs().between(90, 180) & lon.abs().le(90)
    lat, lon = lat.where(~swapped, lon), lon.where(~swapped, lat)
    result = pd.Series([None] * len(lat), index=lat.index, dtype=object)
    ok = lat.notna() & lon.notna() & lat.between(-90, 90) & lon.between(-180, 180)
    if not ok.any() or polygons is None or len(polygons) == 0:
        return result
    pts = gpd.GeoDataFrame({"_i": lat[ok].index}, geometry=gpd.points_from_xy(lon[ok], lat[ok]), crs=4326)
    polys = polygons[["code", "geometry"]][polygons.geometry.notna()]
    joined = gpd.sjoin(pts, polys.to_crs(4326), how="left", predicate="within")
    joined = joined.drop_duplicates("_i")
    result.loc[joined["_i"].to_numpy()] = joined["code"].where(joined["code"].notna(), None).to_numpy()
    return result


def level_of(code: str) -> Level:
    """Level of a dotted code (helper for reports)."""
    return Level(code.count(".") + 1)


# --------------------------------------------------------------------------- names in a title
_AREA_WORDS = re.compile(r"\b(provinsi|prov|kabupaten|kab|kota)\b\.?", re.I)


@lru_cache(maxsize=1)
def _areas_index() -> tuple[dict[str, list[tuple]], dict[str, tuple], dict[str, str], dict[str, str]]:
    """Regencies by name key ((code, name, key, is_city) tuples), provinces by key, and the
    official name of every regency and province code (the 552 areas, not the 83k villages)."""
    g = gazetteer()
    regencies: dict[str, list[tuple]] = {}
    names: dict[str, str] = {}
    for code, name in g.loc[g["level"] == 2, ["code", "name"]].itertuples(index=False):
        key = normalise_name(name)
        regencies.setdefault(key, []).append((code, name, key, str(name).lower().startswith("kota")))
        names[code] = name
    provinces = {}
    for code, name in g.loc[g["level"] == 1, ["code", "name"]].itertuples(index=False):
        provinces[normalise_name(name)] = (code, name, normalise_name(name), None)
        names[code] = name
    return regencies, provinces, names, {p[0]: p[1] for p in provinces.values()}


def areas_named(text: str, *, whole: bool = False) -> dict[str, str]:
    """The regency and the province a title line (or, with ``whole``, a sheet name) names.

    In a title only a name after *Kabupaten*, *Kab.*, *Kota*, *Provinsi* counts, or a province
    name of several words; a sheet name may be the bare name (*Lombok Barat*). A regency name
    that is both a Kabupaten and a Kota (*Kediri*) is given as written, for the rows' districts
    to decide. Returns ``{"regency": NAME, "province": NAME}`` (either may be absent).

    >>> areas_named("REKAP PMI KABUPATEN LOMBOK TIMUR TAHUN 2023")
    {'regency': 'Kabupaten Lombok Timur'}
    >>> areas_named("Lombok Barat", whole=True), areas_named("Rekap", whole=True)
    ({'regency': 'Kabupaten Lombok Barat'}, {})
    """
    text = re.sub(r"\s+", " ", str(text or "")).strip()
    if not text or len(text) > 300:
        return {}
    by_regency, by_province, names, _ = _areas_index()
    words = re.sub(r"[^0-9A-Za-z.]+", " ", text).split()
    out: dict[str, str] = {}
    regencies: set[str] = set()
    raw_regency = ""
    provinces: set[str] = set()
    if whole:
        key = normalise_name(text)
        found = by_regency.get(key, [])
        kind = area_kind(text)
        if kind is not None:
            found = [r for r in found if r[3] == kind]
        if found:
            regencies |= {r[0] for r in found}
            raw_regency = text
        key = _PROVINCE_ALIASES.get(key, key)
        if key in by_province:
            provinces.add(by_province[key][0])
    for i, word in enumerate(words):
        lower = word.lower().rstrip(".")
        if lower not in ("provinsi", "prov", "kabupaten", "kab", "kota"):
            continue
        for n in (4, 3, 2, 1):
            part = words[i + 1 : i + 1 + n]
            if len(part) < n:
                continue
            key = normalise_name(" ".join(part))
            if lower in ("provinsi", "prov"):
                key = _PROVINCE_ALIASES.get(key, key)
                if key in by_province:
                    provinces.add(by_province[key][0])
                    break
            else:
                found = [r for r in by_regency.get(key, []) if r[3] == (lower == "kota")]
                if found:
                    regencies |= {r[0] for r in found}
                    raw_regency = f"{word} {' '.join(part)}"
                    break
    # a province written out without "Provinsi" ("JAWA TIMUR", "NUSA TENGGARA BARAT")
    plain = f" {' '.join(w.lower() for w in words)} "
    for code, name, _key, _ in by_province.values():
        if str(name).count(" ") >= 1 and f" {str(name).lower()} " in plain:
            provinces.add(code)
    if len(provinces) == 1:
        out["province"] = names[next(iter(provinces))]
        regencies = {r for r in regencies if r[:2] in provinces} or regencies
    if len(regencies) == 1:
        out["regency"] = names[next(iter(regencies))]
    elif len(regencies) > 1 and len({normalise_name(names[r]) for r in regencies}) == 1:
        out["regency"] = raw_regency  # Kab. and Kota of one name: the rows' districts decide
    return out


@lru_cache(maxsize=1)
def village_keys() -> frozenset[str]:
    """The comparable form of every gazetteer village name (is a cell a village's name?)."""
    return frozenset(gazetteer_reference()["name"].map(normalise_name))
