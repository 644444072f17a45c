#!/usr/bin/env bash
# One command: set up (first run only) and start Atlas PMI on http://localhost:8501.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
exec .venv/bin/streamlit run app.py --server.headless true "$@"
