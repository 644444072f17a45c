#!/usr/bin/env bash
# One command: set up (venv, test tools, Debian chromium) and run lint and every test.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh --dev
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/python -m pytest "$@"
