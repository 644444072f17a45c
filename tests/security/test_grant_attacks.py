"""Writes stay inside grants, from the command line (issue 21, item 2), on both backends.

Each test replays an attack of the issue as the attacker ran it — ``python -m loaders.layers``
or ``python -m loaders.boundaries`` signed in as ``steward52`` through ``ATLAS_USER`` and
``ATLAS_PASSWORD`` — against real Banten (36) and NTB (52) boundaries (``grant_store``).
"""

from __future__ import annotations

import pytest

from loaders.accounts import Role
from tests.security.grant_store import (
    BANTEN,
    NTB,
    TOTALS,
    open_office,
    placement_totals,
    placements_csv,
)

pytestmark = pytest.mark.slow


@pytest.fixture(params=["files", "postgis"])
def office(request, shared_data, tmp_path_factory, tmp_path, monkeypatch):
    return open_office(request.param, request, shared_data, tmp_path_factory, tmp_path, monkeypatch)


def _versions(office, layer: str) -> list[int]:
    return [v["id"] for v in office.store.layer_meta(layer)["versions"]]


def test_a_stewards_replace_all_replaces_her_provinces_only(office):
    """steward52 ran ``--mode replace_all`` with 35 placements of NTB: every province was dropped
    ({36: 7,362, 52: 5,164} became {52: 35}) and the log said ``import`` of 52. Now only NTB's
    rows are replaced, Banten's stay, also those of the version that held both provinces."""
    assert placement_totals(office.store) == TOTALS
    ntb = placements_csv(office.files / "ntb_baru.csv", office.store, 2025, {NTB: 35})
    done = office.cli("loaders.layers", "import", "placements", str(ntb), "--mode", "replace_all", "--yes", user="steward52")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert placement_totals(office.store) == {BANTEN: TOTALS[BANTEN], NTB: 35}
    mixed = office.store.read_layer("placements", 3)  # rekap_nasional_2024.csv: only its Banten rows left
    assert set(mixed["village"].str[:2]) == {BANTEN} and int(mixed["count"].sum()) == 2749
    assert office.entries()[-1] == ("steward52", "replace", "ok", NTB)


def test_an_admins_replace_all_is_recorded_with_every_province_it_changed(office):
    ntb = placements_csv(office.files / "ntb_baru.csv", office.store, 2025, {NTB: 35})
    done = office.cli("loaders.layers", "import", "placements", str(ntb), "--mode", "replace_all", "--yes", user="admin")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert placement_totals(office.store) == {NTB: 35}
    assert office.entries()[-1] == ("admin", "replace", "ok", f"{BANTEN} {NTB}")


def test_a_steward_cannot_delete_a_version_holding_another_province(office):
    """Versions of Banten only, of both provinces, and one written by an earlier release (no
    province list in its entry) are refused to steward52, recorded; her own version goes."""
    before = {layer: _versions(office, layer) for layer in ("placements", "programmes")}
    for layer, version, held in (
        ("placements", 1, BANTEN),  # penempatan_banten_2023.csv
        ("placements", 3, f"{BANTEN} {NTB}"),  # rekap_nasional_2024.csv
        ("programmes", 1, BANTEN),  # cakupan_banten_lama.xlsx, written without its provinces
    ):
        refused = office.cli("loaders.layers", "delete", layer, str(version), user="steward52")
        assert refused.returncode == 3, (layer, version, refused.stdout, refused.stderr)
        assert "No grant for province 36" in refused.stderr
        assert office.entries()[-1] == ("steward52", "delete", "denied", held)
    assert {layer: _versions(office, layer) for layer in before} == before
    assert placement_totals(office.store) == TOTALS
    done = office.cli("loaders.layers", "delete", "placements", "2", user="steward52")  # her own NTB file
    assert done.returncode == 0, done.stderr
    assert _versions(office, "placements") == [1, 3]
    assert office.entries()[-1] == ("steward52", "delete", "ok", NTB)


def test_a_viewer_or_analyst_writes_nothing_even_with_a_grant(office):
    ntb = placements_csv(office.files / "ntb_baru.csv", office.store, 2025, {NTB: 35})
    assert office.book.account("analyst52").role == Role.ANALYST
    for user in ("analyst52", "viewer52", "steward"):  # steward: no grant at all
        refused = office.cli("loaders.layers", "import", "placements", str(ntb), "--mode", "replace_all", "--yes", user=user)  # fmt: skip
        assert refused.returncode == 3, refused.stderr
        assert office.entries()[-1][:3] == (user, "replace", "denied")
    assert placement_totals(office.store) == TOTALS


def test_the_cli_status_shows_only_the_stewards_provinces(office):
    import json

    shown = office.cli("loaders.layers", "status", "--json", user="steward52")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["layers"]["placements"]["total"] == TOTALS[NTB]
    every = office.cli("loaders.layers", "status", "--json", user="admin")
    assert json.loads(every.stdout)["layers"]["placements"]["total"] == sum(TOTALS.values())
    atlas = office.cli("cli", "status", user="steward52")  # the atlas command's status
    assert atlas.returncode == 0, atlas.stderr
    held = json.loads(atlas.stdout)
    assert list(held["provinces"]) == [NTB] and held["layers"]["placements"]["total"] == TOTALS[NTB]
    boundaries = office.cli("loaders.boundaries", "status", "--json", user="steward52")
    assert list(json.loads(boundaries.stdout)["provinces"]) == [NTB]


def test_a_boundary_fetch_writes_only_the_regencies_asked_for(office, shared_data, tmp_path):
    """An archive whose file for an NTB regency holds villages of Kab. Serang (36.04): the
    fetch steward52 may run (52.01) wrote province 36. Now nothing outside 52.01 is written."""
    from tests.loaders.test_fetch import Archive

    served = Archive(tmp_path / "www")
    served.add(
        "52.01", (shared_data / "boundaries" / "raw" / "wilayah_boundaries_kel_36.04.sql").read_bytes()
    )
    banten = office.store.province_meta(BANTEN)
    try:
        done = office.cli(
            "loaders.boundaries", "fetch", "--regency", "52.01", "--source-url", served.url, user="steward52"
        )
    finally:
        served.close()
    assert done.returncode == 1, done.stdout
    assert "no village of the regencies asked for (52.01)" in done.stderr
    assert office.store.province_meta(BANTEN) == banten
    assert not [e for e in office.entries() if e[1] == "boundary-fetch" and e[2] == "ok"]


def test_every_province_is_granted_explicitly_and_no_grant_reads_nothing(office):
    """Deny by default on the command line too: a viewer without a grant reads nothing; the
    administrator grants every province explicitly (``--all-provinces``, stored so both backends
    accept it), and ``grant NAME`` without a province takes it back."""
    import json

    def placements_total(user: str) -> int:
        shown = office.cli("loaders.layers", "status", "--json", user=user)
        assert shown.returncode == 0, shown.stderr
        return json.loads(shown.stdout)["layers"]["placements"]["total"]

    assert placements_total("viewer") == 0
    granted = office.cli("loaders.accounts", "grant", "viewer", "--all-provinces")
    assert granted.returncode == 0, granted.stderr
    assert "provinces all" in granted.stdout
    assert office.book.account("viewer").provinces == ("*",) and office.book.account("viewer").scope is None
    assert placements_total("viewer") == sum(TOTALS.values())
    listed = office.cli("loaders.accounts", "list", "--json")
    assert {"name": "viewer", "role": "viewer", "provinces": ["*"], "active": True} in json.loads(
        listed.stdout
    )
    revoked = office.cli("loaders.accounts", "grant", "viewer")
    assert revoked.returncode == 0 and "none (sees nothing until granted)" in revoked.stdout
    assert office.book.account("viewer").provinces == () and placements_total("viewer") == 0
