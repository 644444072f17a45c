"""``atlas``, the one command line: every subcommand listed, routed to the module commands with
the same effect and exit codes, and the console script installed by the setup."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cli import COMMANDS, EXIT_CODES
from geo.gazetteer import gazetteer

ROOT = Path(__file__).resolve().parents[1]


def placements_csv(path: Path, regency: str, year: int, counts: list[int]) -> Path:
    """A semicolon CSV of real villages of ``regency`` with one count each."""
    g = gazetteer()
    villages = g[(g["level"] == 4) & (g["regency"] == regency)].head(len(counts))
    lines = ["Kode Wilayah;Desa/Kelurahan;Tahun;Jumlah PMI"]
    lines += [f"{c};{n};{year};{k}" for c, n, k in zip(villages.index, villages["name"], counts, strict=True)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _atlas(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "ATLAS_AUTH": "off", **(env or {})},
    )


def test_help_lists_every_command_and_the_exit_codes():
    shown = _atlas("--help")
    assert shown.returncode == 0
    for name in COMMANDS:
        assert f"\n    {name}" in shown.stdout
    for code in EXIT_CODES:
        assert f"{code} {EXIT_CODES[code]}".split()[0] in shown.stdout
    assert "exit codes" in shown.stdout


def test_unknown_command_is_a_usage_error():
    wrong = _atlas("imprt", "placements", "x.csv")
    assert wrong.returncode == 2
    assert "invalid choice" in wrong.stderr and "import" in wrong.stderr


def test_console_script_is_installed_beside_the_interpreter():
    script = Path(sys.executable).parent / "atlas"
    assert script.exists(), "scripts/setup.sh installs the project (pip install -e .) for the atlas command"
    shown = subprocess.run([str(script), "--help"], capture_output=True, text=True, timeout=120)
    assert shown.returncode == 0 and "boundaries" in shown.stdout


def test_import_and_status_as_the_module_commands_do(tmp_path):
    store = tmp_path / "store"
    good = placements_csv(tmp_path / "good.csv", "36.04", 2023, [3, 4, 5, 6])
    env = {"ATLAS_DATA_DIR": str(store)}
    imported = _atlas("import", "placements", str(good), "--lang", "en", env=env)
    assert imported.returncode == 0, imported.stderr
    status = _atlas("status", env=env)
    assert status.returncode == 0, status.stderr
    held = json.loads(status.stdout)
    assert held["layers"]["placements"]["total"] == 18
    module = subprocess.run(
        [sys.executable, "-m", "loaders.layers", "--store", str(store), "status", "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert json.loads(module.stdout)["layers"] == held["layers"]
    # options the module takes before its subcommand work after it too
    other = tmp_path / "other"
    placed = _atlas("import", "placements", str(good), "--store", str(other), "--lang", "en")
    assert placed.returncode == 0, placed.stderr
    assert json.loads(_atlas("status", env={"ATLAS_DATA_DIR": str(other)}).stdout)["layers"] == held["layers"]


def test_rejected_file_exits_1_and_names_the_file(tmp_path):
    empty = tmp_path / "kosong.csv"
    empty.write_text("Nama;Umur\nAni;30\n")
    refused = _atlas(
        "import", "placements", str(empty), "--lang", "en", env={"ATLAS_DATA_DIR": str(tmp_path / "s")}
    )
    assert refused.returncode == 1
    assert "kosong.csv" in refused.stderr


@pytest.mark.parametrize("command", ["import", "boundaries", "store"])
def test_signed_in_commands_refuse_a_wrong_password_with_exit_3(tmp_path, command):
    env = {"ATLAS_DATA_DIR": str(tmp_path / "s"), "ATLAS_AUTH": "local", "ATLAS_USER": "nobody",
           "ATLAS_PASSWORD": "wrong-password"}  # fmt: skip
    args = {"import": ["placements", "x.csv"], "boundaries": ["status"], "store": ["info"]}[command]
    refused = _atlas(command, *args, env=env)
    assert refused.returncode == 3, (refused.stdout, refused.stderr)
