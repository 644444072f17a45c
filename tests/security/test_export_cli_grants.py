"""``atlas export`` keeps to the grants (issue 26, item 4): a steward or viewer of Nusa Tenggara
Barat (52) asking for Banten (36) from the command line gets exit 3 and no file, the refusal is
in the audit log; her own province exports, with nothing of Banten in it. Real Banten and NTB
boundaries (``grant_store``), sign-in on."""

from __future__ import annotations

import pyogrio
import pytest

from loaders.accounts import Action
from tests.security.grant_store import BANTEN, BANTEN_WORDS, NTB, open_office

pytestmark = pytest.mark.slow


@pytest.fixture()
def office(request, shared_data, tmp_path_factory, tmp_path, monkeypatch):
    return open_office("files", request, shared_data, tmp_path_factory, tmp_path, monkeypatch)


@pytest.mark.parametrize("user", ["steward52", "viewer52"])
def test_a_user_of_52_cannot_export_36(office, tmp_path, user):
    for area, kind in ((BANTEN, "gpkg"), ("36.04", "csv"), ("indonesia", "pptx")):
        target = tmp_path / f"{user}-{area}.{kind}"
        refused = office.cli(
            "cli", "export", kind, "--area", area, "--year", "2024", "-o", str(target), user=user
        )
        assert refused.returncode == 3, (area, refused.stdout, refused.stderr)
        assert not target.exists() and not list(tmp_path.glob(f".{target.name}*"))
        assert refused.stdout == "" and "52" in refused.stderr  # says what she is granted
        assert not any(word in refused.stderr for word in BANTEN_WORDS)
        if area == "indonesia":  # names no province she does not see
            assert BANTEN not in refused.stderr and "--area" in refused.stderr
    denied = [e for e in office.entries() if e[0] == user and e[1] == Action.EXPORT]
    assert [e[2] for e in denied] == ["denied"] * 3
    assert all(BANTEN in e[3] for e in denied)


def test_a_viewer_of_52_exports_52_and_only_52(office, tmp_path):
    target = tmp_path / "ntb.gpkg"
    made = office.cli(
        "cli", "export", "gpkg", "--area", NTB, "--year", "2024", "-o", str(target), user="viewer52"
    )
    assert made.returncode == 0, made.stderr
    features = pyogrio.read_dataframe(target, layer="placements_52_2024")
    assert len(features) > 100 and features["code"].str.startswith("52.").all()
    assert not features["province"].isin(BANTEN_WORDS).any()
    # small counts hidden for a viewer as for everyone: no value from 1 to 4 in the file
    assert not features["value"].between(1, 4).any()
    recorded = [e for e in office.book.entries() if e["user"] == "viewer52" and e["action"] == Action.EXPORT]
    assert [(e["outcome"], e["provinces"], e["file"]) for e in recorded] == [
        ("ok", NTB, "atlas-pmi_52_placements_2024.gpkg")
    ]


def test_a_wrong_password_exports_nothing(office, tmp_path):
    env_user = {**office.as_user("viewer52"), "ATLAS_PASSWORD": "not-her-password"}
    import os
    import subprocess
    import sys

    from tests.security.grant_store import ROOT

    target = tmp_path / "x.csv"
    refused = subprocess.run(
        [sys.executable, "-m", "cli", "export", "csv", "--area", NTB, "-o", str(target)],
        cwd=ROOT, env={**os.environ, **env_user}, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert refused.returncode == 3 and not target.exists()
