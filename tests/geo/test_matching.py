"""Matching rows to villages: codes in any form, names through the hierarchy, fuzzy only inside
the parent area, coordinates by point in polygon. Uses the real gazetteer (Banten, Jawa Timur, NTB)."""

from __future__ import annotations

import random
import re

import geopandas as gpd
import pandas as pd
import pytest

from geo.gazetteer import gazetteer, normalise_name
from geo.matching import combine_reference, gazetteer_reference, match_points, match_rows

REGENCIES = ("36.04", "35.10", "52.03")  # Kab. Serang, Kab. Banyuwangi, Kab. Lombok Timur


@pytest.fixture(scope="module")
def reference() -> pd.DataFrame:
    return combine_reference(None)


def _old_spelling(name: str) -> str:
    """Write a modern name the way pre-1972 (and many village) lists do."""
    out = re.sub(r"(?<=[aeiou])y(?=[aeiou])", "j", name)
    out = out.replace("c", "tj").replace("C", "Tj").replace("j", "dj") if "c" in name.lower() else out
    return out.replace("u", "oe").replace("U", "Oe")


def _typo(name: str, rng: random.Random) -> str:
    letters = list(name)
    i = rng.randrange(1, len(letters) - 2)
    letters[i], letters[i + 1] = letters[i + 1], letters[i]
    return "".join(letters)


def _variant_file(rng: random.Random, n_per_regency: int = 120) -> pd.DataFrame:
    g = gazetteer()
    rows = []
    for regency in REGENCIES:
        villages = g[(g["level"] == 4) & (g["regency"] == regency)]
        picks = villages.sample(n=min(n_per_regency, len(villages)), random_state=rng.randrange(10**6))
        for code, name, district in zip(picks["code"], picks["name"], picks["district"], strict=True):
            kind = rng.choice(["upper", "prefix", "old", "typo", "spaces", "plain"])
            if kind == "upper":
                vname = name.upper()
            elif kind == "prefix":
                vname = rng.choice(["Desa ", "Ds. ", "Kel. ", "Kelurahan "]) + name
            elif kind == "old":
                vname = _old_spelling(name)
            elif kind == "typo" and len(name) >= 7:
                vname = _typo(name, rng)
            elif kind == "spaces":
                vname = f"  {name.lower()}  "
            else:
                vname = name
            dname = rng.choice(["Kec. ", "Kecamatan ", "", ""]) + g.at[district, "name"]
            rname = g.at[regency, "name"].replace("Kabupaten ", rng.choice(["Kab. ", "KABUPATEN ", "Kab "]))
            rows.append(
                {
                    "village_name": vname,
                    "district_name": dname,
                    "regency_name": rname,
                    "truth": code,
                    "kind": kind,
                }
            )
    return pd.DataFrame(rows)


def test_name_variants_accuracy_and_no_cross_regency_errors(reference):
    frame = _variant_file(random.Random(20231229))
    result = match_rows(frame, reference)
    matched = result["status"] == "matched"
    wrong = matched & (result["village"] != frame["truth"])
    cross = wrong & (result["village"].str[:5] != frame["truth"].str[:5])
    rate = matched.mean()
    print(
        f"\nname-variant matching: {len(frame)} rows, match rate {rate:.1%}, wrong {int(wrong.sum())}, "
        f"cross-regency wrong {int(cross.sum())}; by kind:\n"
        f"{frame.assign(ok=matched & ~wrong).groupby('kind')['ok'].mean().round(3).to_dict()}"
    )
    assert int(cross.sum()) == 0
    assert int(wrong.sum()) <= len(frame) * 0.01
    assert rate >= 0.97
    # nothing silently dropped: every unmatched row says why
    assert (result.loc[~matched, "reason"] != "").all()


@pytest.mark.parametrize(
    "raw",
    [
        "36.04.13.2007",
        "3604132007",
        3604132007,
        3604132007.0,
        "3.604132007E9",
        "36-04-13-2007",
        " 36 04 13 2007 ",
    ],
)
def test_codes_in_any_form(reference, raw):
    result = match_rows(pd.DataFrame({"village_code": [raw]}), reference)
    assert result.loc[0, "village"] == "36.04.13.2007"
    assert result.loc[0, "method"] == "code"


def test_bps_code_is_recognised_and_names_take_over(reference):
    frame = pd.DataFrame(
        {
            "village_code": ["3604130007", "3604130007"],
            "village_name": ["Lontar", None],
            "district_name": ["Tirtayasa", None],
            "regency_name": ["Kab. Serang", None],
        }
    )
    result = match_rows(frame, reference)
    assert result.loc[0, "village"] == "36.04.13.2007"
    assert result.loc[1, "status"] == "unmatched"
    assert result.loc[1, "reason"] == "code_looks_like_bps"


def test_same_name_in_two_regencies_is_ambiguous_without_parent(reference):
    g = gazetteer()
    villages = g[g["level"] == 4]
    keys = villages["name"].map(normalise_name)
    repeated = keys[keys.duplicated(keep=False)].iloc[0]
    name = villages.loc[keys == repeated, "name"].iloc[0]
    result = match_rows(pd.DataFrame({"village_name": [name]}), reference)
    assert result.loc[0, "status"] == "ambiguous"
    assert result.loc[0, "candidates"].count(";") >= 1


def test_kab_and_kota_with_the_same_name_are_told_apart(reference):
    frame = pd.DataFrame(
        {
            "village_name": ["Lontar", "Cipare"],
            "district_name": ["Tirtayasa", "Serang"],
            "regency_name": ["Serang", "Kota Serang"],
        }
    )
    result = match_rows(frame, reference)
    assert result.loc[0, "village"] == "36.04.13.2007"
    assert result.loc[1, "village"].startswith("36.73.")


def test_fuzzy_never_leaves_the_parent_area(reference):
    # a village of Kab. Serang, written with a typo but placed in a Banyuwangi district
    frame = pd.DataFrame(
        {"village_name": ["Lonntar"], "district_name": ["Pesanggaran"], "regency_name": ["Kab. Banyuwangi"]}
    )
    result = match_rows(frame, reference)
    assert result.loc[0, "village"] is None or str(result.loc[0, "village"]).startswith("35.10.")
    assert result.loc[0, "status"] != "matched" or result.loc[0, "village"].startswith("35.10")


def test_store_villages_win_over_the_gazetteer():
    held = pd.DataFrame(
        {
            "code": ["99.01.01.2001"],
            "name": ["Sukamaju Karangan"],
            "district_name": ["Kecamatan Satu"],
            "regency_name": ["Kabupaten Contoh"],
            "province_name": ["Provinsi Demo"],
        }
    )
    ref = combine_reference(held)
    assert len(ref) == len(gazetteer_reference()) + 1
    frame = pd.DataFrame(
        {"village_name": ["Ds. Sukamaju Karangan"], "district_name": ["Satu"], "regency_name": ["Contoh"]}
    )
    assert match_rows(frame, ref).loc[0, "village"] == "99.01.01.2001"


def test_points_in_real_village_polygons(shared_data):
    villages = gpd.read_parquet(shared_data / "boundaries" / "desa" / "desa_36.parquet")
    villages = villages[villages["kode"].str.startswith("36.04.13")].rename(columns={"kode": "code"})
    inside = villages.geometry.representative_point()
    lat = pd.Series(list(inside.y) + [0.0], dtype=float)
    lon = pd.Series(list(inside.x) + [0.0], dtype=float)
    # one point with latitude and longitude swapped, as happens in hand-made sheets
    lat.iloc[0], lon.iloc[0] = lon.iloc[0], lat.iloc[0]
    codes = match_points(lat, lon, villages[["code", "geometry"]])
    assert codes.iloc[:-1].tolist() == villages["code"].tolist()
    assert codes.iloc[-1] is None


def test_one_code_column_per_level_is_composed(reference):
    frame = pd.DataFrame(
        {
            "province_code": [36, "36"],
            "regency_code": ["04", "3604"],
            "district_code": ["13", "13"],
            "village_code": [2007, "2002"],
        }
    )
    result = match_rows(frame, reference)
    assert result["village"].tolist() == ["36.04.13.2007", "36.04.13.2002"]


def test_area_rows_in_a_hierarchical_listing_are_totals_not_villages(reference):
    frame = pd.DataFrame(
        {
            "village_code": ["36.04", "36.04.13", "36.04.13.2007", "36.04.13.2002"],
            "village_name": ["KAB. SERANG", "KEC. TIRTAYASA", "LONTAR", "SAMPARWADI"],
        }
    )
    result = match_rows(frame, reference)
    assert result["village"].tolist()[2:] == ["36.04.13.2007", "36.04.13.2002"]
    assert result["status"].tolist()[:2] == ["unmatched", "unmatched"]
    assert result["reason"].tolist()[:2] == ["area_total_row", "area_total_row"]
    names_only = match_rows(frame.drop(columns="village_code").assign(regency_name="Kab. Serang"), reference)
    assert names_only["reason"].tolist()[:2] == ["area_total_row", "area_total_row"]
    assert names_only["village"].tolist()[2:] == ["36.04.13.2007", "36.04.13.2002"]
