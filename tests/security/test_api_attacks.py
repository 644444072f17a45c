"""Attacks on the OGC API (issue 26, item 3) by someone with a token, or without one: the server
started as ``atlas serve-api``, real Banten (36) and NTB (52) boundaries, the grant office's
users (``grant_store``) each with a token from ``atlas users token issue``.

The attacker holds viewer52's token (NTB only) and wants Banten's figures, a row of a layer, a
small count, or a write; or holds no token, a forged one, or one of a disabled user.
"""

from __future__ import annotations

import base64
import json

import pytest
import requests

from geo import figures
from loaders import accounts
from ogcapi.features import fields
from tests.api_server import api_office, client, issue
from tests.security.grant_store import BANTEN, BANTEN_WORDS, NTB

pytestmark = pytest.mark.slow

#: Every endpoint the server answers, and some it does not.
ENDPOINTS = (
    "/",
    "/conformance",
    "/openapi",
    "/collections",
    "/collections/provinces",
    "/collections/villages/queryables",
    "/collections/regencies/items",
    f"/collections/provinces/items/{NTB}_2024",
    f"/collections/provinces/items/{BANTEN}_2024",
    "/catalogue",
    "/collections/placements/items",
)
#: Banten's extent (lon/lat).
BANTEN_BBOX = "105.0,-7.1,106.9,-5.7"


@pytest.fixture(scope="module")
def office(request, shared_data, tmp_path_factory):
    with api_office(request, shared_data, tmp_path_factory) as running:
        yield running


def get(office, path: str, token: str | None = None, **params) -> requests.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return requests.get(office.url + path, headers=headers, params=params, timeout=300)


def _leaks_banten(text: str) -> list[str]:
    """Banten's names, or a code of Banten as a string (``"36.``), in an answer."""
    return [w for w in (*BANTEN_WORDS, f'"{BANTEN}.', f'"{BANTEN}_') if w in text]


@pytest.mark.parametrize("path", ENDPOINTS)
def test_no_token_a_forged_one_or_a_wrong_scheme_gets_401_and_nothing_else(office, path):
    real = office.names["admin"]
    forged = real[:-4] + ("AAAA" if not real.endswith("AAAA") else "BBBB")
    for headers in (
        {},
        {"Authorization": "Bearer "},
        {"Authorization": f"Bearer {forged}"},
        {"Authorization": f"Token {real}"},  # not a scheme the server takes
        {
            "Authorization": "Basic " + base64.b64encode(f"viewer52:{real}".encode()).decode()
        },  # admin's token, another name
        {"Authorization": "Basic !!!"},
        {"X-API-Key": real},
    ):
        answer = requests.get(office.url + path, headers=headers, timeout=300)
        assert answer.status_code == 401, (path, headers)
        assert answer.headers["WWW-Authenticate"].startswith("Bearer")
        body = answer.json()
        assert set(body) == {"code", "description"} and "features" not in answer.text
        assert not _leaks_banten(answer.text) and str(NTB) + "." not in answer.text
    assert requests.get(office.url + path, params={"token": real}, timeout=300).status_code == 401


def test_the_token_as_basic_password_with_its_users_name_works(office):
    """QGIS's basic authentication: user name and the token as password."""
    api = client(office.url, basic=("viewer52", office.names["viewer52"]))
    assert api.collection_items("provinces", limit=5)["numberMatched"] == 2


def test_a_disabled_users_token_gets_401_at_once(office):
    token = issue(office, "steward52")
    assert get(office, "/collections/provinces/items", token).status_code == 200
    assert office.cli("cli", "users", "disable", "steward52").returncode == 0
    refused = get(office, "/collections/provinces/items", token)
    assert refused.status_code == 401 and "features" not in refused.text
    assert get(office, "/collections", office.names["steward52"]).status_code == 401  # every token of hers
    reissued = office.cli("cli", "users", "token", "issue", "steward52")
    assert reissued.returncode == 1 and accounts.TOKEN_PREFIX not in reissued.stdout


def test_the_catalogue_shows_nothing_held_to_a_user_without_a_grant_and_no_banten_to_52(office):
    nothing = get(office, "/catalogue", office.names["viewer"]).json()
    assert all(not e["held"]["provinces"] for e in (*nothing["layers"], *nothing["figures"]))
    ntb = get(office, "/catalogue", office.names["viewer52"])
    assert ntb.status_code == 200 and not _leaks_banten(ntb.text) and f'"{BANTEN}"' not in ntb.text


def test_a_changed_grant_counts_at_the_next_request(office):
    token = issue(office, "analyst")  # no grant yet: deny by default
    assert get(office, "/collections/regencies/items", token).json()["numberMatched"] == 0
    assert office.cli("cli", "users", "grant", "analyst", "--province", NTB).returncode == 0
    found = get(office, "/collections/provinces/items", token).json()
    assert {f["properties"]["code"] for f in found["features"]} == {NTB}
    assert office.cli("cli", "users", "grant", "analyst").returncode == 0  # no province again
    assert get(office, "/collections/provinces/items", token).json()["features"] == []


@pytest.mark.parametrize(
    "params",
    [
        {"province": BANTEN},
        {"area": BANTEN},
        {"area": "36.01"},
        {"regency": "36.01"},
        {"code": "36.01"},
        {"bbox": BANTEN_BBOX},
        {"bbox": "-180,-90,180,90", "limit": 200},
        {"bbox": BANTEN_BBOX, "bbox-crs": "http://www.opengis.net/def/crs/OGC/1.3/CRS84"},
        {"area": "3"},
        {"area": ""},
        {"code": "36.01'); DROP TABLE atlas_users;--"},
        {"area": "36%"},
        {"area": "*"},
        {"province": "52", "area": "36"},
        {"offset": "-1"},
        {"limit": "100000", "offset": "0"},
    ],
)
def test_no_filter_or_bbox_reaches_banten_for_a_viewer_of_52(office, params):
    for collection in ("provinces", "regencies"):
        answer = get(office, f"/collections/{collection}/items", office.names["viewer52"], **params)
        assert answer.status_code in (200, 400), (collection, params, answer.text[:300])
        assert not _leaks_banten(answer.text), (collection, params)
        if answer.status_code == 200:
            codes = {f["properties"]["code"][:2] for f in answer.json()["features"]}
            assert codes <= {NTB}


def test_banten_items_are_not_found_for_a_viewer_of_52_but_are_for_the_admin(office):
    for path in (f"/collections/provinces/items/{BANTEN}_2024", "/collections/regencies/items/36.01_2023"):
        refused = get(office, path, office.names["viewer52"])
        assert refused.status_code == 404 and not _leaks_banten(refused.text)
        assert get(office, path, office.names["admin"]).status_code == 200
    whole = get(office, "/collections/provinces/items", office.names["everywhere"]).json()
    assert {f["properties"]["code"] for f in whole["features"]} == {BANTEN, NTB}


@pytest.mark.parametrize(
    "params",
    [
        {"placements": "1858"},  # a filter on a figure tells a hidden value apart
        {"enterprises": "3"},
        {"hidden": ""},
        {"sortby": "-enterprises"},  # so does an order
        {"sortby": "placements"},
        {"filter": "enterprises < 5"},
        {"filter": "province = '36'", "filter-lang": "cql-text"},
        {"q": "Serang"},
        {"datetime": "2024-01-01T00:00:00Z"},
        {"f": "html"},
        {"f": "csv"},
        {"properties": "village,count,gender"},  # row-level columns
        {"unknown": "1"},
    ],
)
def test_filters_orders_and_formats_that_could_leak_are_refused(office, params):
    answer = get(office, "/collections/villages/items", office.names["viewer52"], area="52.01", **params)
    assert answer.status_code == 400, (params, answer.text[:300])
    assert "features" not in answer.text and not _leaks_banten(answer.text)


def test_no_row_level_collection_and_no_row_level_property(office):
    token = office.names["admin"]
    ids = [c["id"] for c in get(office, "/collections", token).json()["collections"]]
    assert ids == ["provinces", "regencies", "districts", "villages"]
    for layer in ("placements", "reports", "returns", "enterprises", "programmes", "population", "rows"):
        assert get(office, f"/collections/{layer}/items", token).status_code == 404
        assert get(office, f"/collections/{layer}", token).status_code == 404
    page = get(office, "/collections/villages/items", token, area="52.01", limit=200).json()
    assert page["features"]
    allowed = set(fields())
    for feature in page["features"]:
        assert set(feature["properties"]) <= allowed
    assert get(office, "/collections/villages/items/52.01.01.2001_2024/rows", token).status_code == 404


def test_a_viewer_never_receives_a_small_count(office):
    """Every feature of NTB's regencies and districts: a count figure is never 1 to 4, and every
    hidden one is a real value the registry holds (null and named, never 0)."""
    counts = [n for n, f in figures.FIGURES.items() if f.suppression == "small_count"]
    hidden_seen = 0
    for collection in ("provinces", "regencies", "districts"):
        rows, offset, matched = [], 0, 1
        while len(rows) < matched:
            page = get(
                office, f"/collections/{collection}/items", office.names["viewer52"], limit=200, offset=offset
            ).json()
            assert page["numberReturned"] > 0
            matched = page["numberMatched"]
            rows += page["features"]
            offset += page["numberReturned"]
        for feature in rows:
            props = feature["properties"]
            hidden = set(filter(None, props["hidden"].split(",")))
            hidden_seen += len(hidden)
            threshold = props["threshold"]
            assert threshold == 5  # ATLAS_SMALL_COUNT_THRESHOLD's default, as the exports'
            for name in counts:
                value = props[name]
                assert value is None or not (0 < value < threshold), (feature["id"], name, value)
            assert all(props[name] is None for name in hidden)
    assert hidden_seen > 0  # the office's enterprises and reports do hold small counts


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"])
def test_the_api_is_read_only(office, method):
    token = office.names["admin"]
    body = json.dumps({"type": "Feature", "properties": {"code": "52.01", "placements": 1}, "geometry": None})
    before = office.store.version()
    for path in ("/collections/regencies/items", "/collections/regencies/items/52.01_2024"):
        answer = requests.request(
            method,
            office.url + path,
            data=body,
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/geo+json"},
            timeout=300,
        )
        assert answer.status_code == 405, (method, path)
    assert office.store.version() == before


def test_refusals_and_tricks_are_in_the_audit_log(office):
    before = len(office.book.entries())
    get(office, "/collections/regencies/items", None)
    get(office, "/collections/regencies/items", office.names["viewer52"], province=BANTEN)
    requests.delete(office.url + "/collections/regencies/items/52.01_2024", timeout=60)
    entries = [e for e in office.book.entries()[before:] if e["action"] == "api-request"]
    assert [(e["user"], e["outcome"]) for e in entries] == [
        ("-", "denied"),
        ("viewer52", "ok"),
        ("-", "denied"),
    ]
    assert "province=36" in entries[1]["detail"] and entries[1]["provinces"] == ""
    assert all(office.names["viewer52"] not in (e["detail"] or "") for e in entries)  # never the token
