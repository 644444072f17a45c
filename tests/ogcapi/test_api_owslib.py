"""The OGC API (issue 26, item 3) through a real OGC client, OWSLib, as a partner system or QGIS
uses it: the server started as a user starts it (``atlas serve-api``), tokens issued as an admin
issues them (``atlas users token issue``), against real Banten (36) and NTB (52) boundaries with
the grant office's layers (``tests/security/grant_store.py``), on the embedded store and on
PostGIS.
"""

from __future__ import annotations

import math
import sqlite3
from pathlib import Path

import pytest
import requests

from exports.view import MAP_MEASURES
from geo import figures
from geo.codes import Level
from geo.layers import with_columns
from loaders import accounts
from tests.api_server import api_office, client, issue, serving
from tests.security.grant_store import BANTEN, NTB, open_office, villages

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def office(request, shared_data, tmp_path_factory):
    """The office on the embedded store, its API running, a token per user (module-wide)."""
    with api_office(request, shared_data, tmp_path_factory) as running:
        yield running


def _layers(store, provinces=None) -> dict:
    view = store if provinces is None else store.within(provinces)
    return {n: with_columns(n, view.read_layer(n)) for n in view.layers() if n in MAP_MEASURES}


def _all_items(api, collection: str, limit: int, **filters) -> tuple[list[dict], list[int]]:
    """Every feature of a query, page by page (``offset``); also each page's numberMatched."""
    out, matched, offset = [], [], 0
    while True:
        page = api.collection_items(collection, limit=limit, offset=offset, **filters)
        matched.append(page["numberMatched"])
        out += page["features"]
        assert page["numberReturned"] == len(page["features"]) <= limit
        if len(page["features"]) < limit:
            return out, matched
        offset += limit


def test_the_collections_are_listed_one_per_level(office):
    api = client(office.url, office.names["viewer52"])
    assert api.feature_collections() == ["provinces", "regencies", "districts", "villages"]
    described = api.collection("villages")
    assert described["id"] == "villages" and described["title"]
    queryables = api.collection_queryables("regencies")["properties"]
    assert {"code", "year", "province", "placements", "hidden"} <= set(queryables)
    assert "ogcapi-features-1/1.0/conf/core" in " ".join(api.conformance()["conformsTo"])


def test_items_are_paged_and_filtered_by_area_and_year(office):
    """The districts of NTB in 2024, three per page: every one exactly once, none of Banten."""
    api = client(office.url, office.names["viewer52"])
    held = office.store.read_attributes(Level.DISTRICT, NTB, ["code"])["code"].sort_values().tolist()
    rows, matched = _all_items(api, "districts", 7, year=2024)
    assert set(matched) == {len(held)} and len(rows) == len(held)
    assert [r["properties"]["code"] for r in rows] == held  # ordered by code, no page lost or repeated
    assert {r["properties"]["year"] for r in rows} == {2024}
    assert {r["id"] for r in rows} == {f"{code}_2024" for code in held}
    assert all(r["geometry"]["type"] in ("Polygon", "MultiPolygon") for r in rows)
    regency = held[0][:5]
    inside = api.collection_items("villages", area=regency, year=2023, limit=50)
    villages = office.store.read_attributes(Level.VILLAGE, regency, ["code"])
    assert inside["numberMatched"] == len(villages) > 0
    assert all(f["properties"]["code"].startswith(regency + ".") for f in inside["features"])
    assert {f["properties"]["regency"] for f in inside["features"]} == {regency}
    both_years = api.collection_items("regencies", code=regency, limit=10)
    assert [f["properties"]["year"] for f in both_years["features"]] == [2023, 2024]


def test_the_figures_are_the_registrys_as_on_the_page(office):
    """Every figure served equals geo.figures.values for the reader's store (the page's cards),
    hidden ones are null and named; missing ones are null and not named (never 0)."""
    api = client(office.url, office.names["viewer52"])
    layers = _layers(office.store, [NTB])
    checked = 0
    regencies = [
        f["properties"]["code"] for f in api.collection_items("regencies", year=2024, limit=3)["features"]
    ]
    for collection, code in (("provinces", NTB), *(("regencies", r) for r in regencies)):
        for year in (2023, 2024):
            served = api.collection_item(collection, f"{code}_{year}")["properties"]
            truth = figures.values(layers, code, year)
            hidden = set(filter(None, served["hidden"].split(",")))
            for name in figures.AREA_FIGURES:
                if name in hidden:
                    assert served[name] is None and not math.isnan(truth[name])
                elif math.isnan(truth[name]):
                    assert served[name] is None, (code, year, name)
                else:
                    assert served[name] == pytest.approx(truth[name]), (code, year, name)
                    checked += 1
    assert checked > 20
    province = api.collection_item("provinces", f"{NTB}_2024")["properties"]
    assert province["placements"] == 1858  # rekap_nasional_2024.csv's NTB rows


def test_the_admins_figures_are_the_registrys_over_every_province(office):
    """The admin reads both provinces (the server cuts the layers to an area's province where that
    changes nothing): the same numbers as the registry over the whole store, villages included."""
    api = client(office.url, office.names["admin"])
    layers = _layers(office.store)
    checked = 0
    for province in (BANTEN, NTB):
        code = villages(office.store, province, 12)[0]  # a village of the placement files
        village = api.collection_item("villages", f"{code}_2024")
        regency = api.collection_item("regencies", f"{code[:5]}_2023")
        assert village["properties"]["placements"] or "placements" in village["properties"]["hidden"]
        for feature in (regency, village, api.collection_item("provinces", f"{province}_2024")):
            served = feature["properties"]
            truth = figures.values(layers, served["code"], served["year"])
            hidden = set(filter(None, served["hidden"].split(",")))
            for name in figures.AREA_FIGURES:
                if name not in hidden and not math.isnan(truth[name]):
                    assert served[name] == pytest.approx(truth[name]), (served["code"], name)
                    checked += 1
                else:
                    assert served[name] is None
    assert checked > 10


def test_a_viewer_of_52_never_receives_a_feature_of_36(office):
    api = client(office.url, office.names["viewer52"])
    for collection in ("provinces", "regencies"):
        rows, _ = _all_items(api, collection, 25)
        assert rows and {r["properties"]["province"] or r["properties"]["code"] for r in rows} == {NTB}
    for filters in (
        {"province": BANTEN},
        {"area": BANTEN},
        {"code": "36.01"},
        {"bbox": [105.0, -7.0, 106.8, -5.8]},
    ):
        assert api.collection_items("regencies", limit=50, **filters)["features"] == [], filters
    with pytest.raises(RuntimeError, match="NotFound"):
        api.collection_item("provinces", f"{BANTEN}_2024")
    everywhere = client(office.url, office.names["admin"])
    banten = everywhere.collection_item("provinces", f"{BANTEN}_2024")["properties"]
    assert banten["placements"] == 2749  # the admin sees it: the refusal is the grant's


def test_no_token_and_a_revoked_token_get_401(office, tmp_path):
    anonymous = client(office.url)
    with pytest.raises(RuntimeError, match="token"):
        anonymous.collections()
    assert requests.get(f"{office.url}/collections/provinces/items", timeout=60).status_code == 401
    token = issue(office, "analyst52")
    api = client(office.url, token)
    assert api.collection_items("provinces", limit=1)["numberMatched"] == 2  # 52 in 2023 and 2024
    listed = office.cli("cli", "users", "token", "list", "analyst52", "--json")
    ident = token.split("_")[1]
    assert ident in listed.stdout and token not in listed.stdout
    assert office.cli("cli", "users", "token", "revoke", ident).returncode == 0
    with pytest.raises(RuntimeError, match="revoked"):
        api.collection_items("provinces", limit=1)
    other = client(office.url, office.names["analyst52"])  # her other token still works
    assert other.collection_items("provinces", limit=1)["numberMatched"] == 2


def test_only_a_hash_of_each_token_is_stored_and_only_the_owner_or_an_admin_issues(office):
    book = Path(office.env["ATLAS_DATA_DIR"]) / accounts.BOOK_FILE
    raw = book.read_bytes()
    for token in office.names.values():
        assert token.encode() not in raw
        assert accounts.token_hash(token).encode() in raw
    with sqlite3.connect(book) as con:
        assert con.execute("SELECT count(*) FROM atlas_tokens").fetchone()[0] >= len(office.names)
    refused = office.cli("cli", "users", "token", "issue", "viewer52", user="analyst52")
    assert refused.returncode == 3 and accounts.TOKEN_PREFIX not in refused.stdout


def test_every_request_is_in_the_audit_log(office):
    before = len(office.book.entries())
    api = client(office.url, office.names["viewer52"])
    api.collection_items("regencies", year=2024, limit=2)
    requests.get(f"{office.url}/collections", timeout=60)  # no token
    entries = [e for e in office.book.entries()[before:] if e["action"] == "api-request"]
    assert len(entries) >= 3  # landing page (OWSLib opens it), items, the refused one
    items = [e for e in entries if "/items" in e["detail"]]
    assert items and items[-1]["user"] == "viewer52" and items[-1]["role"] == "viewer"
    assert items[-1]["outcome"] == "ok" and items[-1]["provinces"] == NTB
    refused = entries[-1]
    assert (refused["user"], refused["outcome"]) == ("-", "denied") and '"status": 401' in refused["detail"]


def test_the_api_serves_the_postgis_store_too(request, shared_data, tmp_path_factory, tmp_path, monkeypatch):
    """The same provider over the PostGIS store (pygeoapi's own provider is not used): the
    accounts and the audit log in the same database."""
    office = open_office("postgis", request, shared_data, tmp_path_factory, tmp_path, monkeypatch)
    token = issue(office, "viewer52")
    with serving(office.env, tmp_path / "api.log") as url:
        api = client(url, token)
        rows, _ = _all_items(api, "regencies", 4, year=2024)
        assert rows and {r["properties"]["province"] for r in rows} == {NTB}
        province = api.collection_item("provinces", f"{NTB}_2023")["properties"]
        assert province["placements"] == figures.values(_layers(office.store, [NTB]), NTB, 2023)["placements"]
        assert requests.get(f"{url}/collections", timeout=60).status_code == 401
    logged = [e for e in office.book.entries() if e["action"] == "api-request"]
    assert {e["outcome"] for e in logged} == {"ok", "denied"}


def test_the_catalogue_document_is_served_through_the_grants(office):
    """``/catalogue``: the data catalogue (loaders.catalogue) of the store as the token's user may
    see it: a viewer of 52 reads NTB's coverage, never Banten's; in the language asked."""
    ntb = requests.get(
        f"{office.url}/catalogue", params={"lang": "en"}, headers=_bearer(office, "viewer52"), timeout=300
    )
    assert ntb.status_code == 200
    document = ntb.json()
    held = [
        entry["held"] for entry in (*document["layers"], *document["figures"]) if entry["held"]["provinces"]
    ]
    assert held and all(h["provinces"] == [NTB] for h in held)
    assert {entry["id"] for entry in document["figures"]} == set(figures.FIGURES)
    assert document["language"] == "en"
    both = requests.get(f"{office.url}/catalogue", headers=_bearer(office, "admin"), timeout=300).json()
    assert any(entry["held"]["provinces"] == [BANTEN, NTB] for entry in both["layers"])
    assert requests.get(f"{office.url}/catalogue", timeout=300).status_code == 401


def _bearer(office, name: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {office.names[name]}"}


def test_the_reach_figures_are_no_property_of_an_area():
    """The reach figures need a service point type and a radius (issue 23): a feature of an area
    and a year cannot state them, so the API does not list them as always-empty properties."""
    from ogcapi.features import fields

    listed = fields()
    assert "placements" in listed and "returns" in listed
    assert not {*figures.REACH, "reach_share_after"} & set(listed)
