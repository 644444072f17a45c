#!/usr/bin/env bash
# One command: set up (venv, test tools, Debian chromium) and run the scale benchmark on the real
# boundaries in ../shared/data; the figures go to bench/out/bench.json and the README table.
#   ./bench.sh                      everything, in a fresh store (about 5 minutes on 2 cores)
#   ./bench.sh --store /tmp/store   keep the imported store there and reuse it next time
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh --dev
.venv/bin/python -m bench --json bench/out/bench.json "$@"
if [[ " $* " != *" --skip"* ]]; then  # a partial run leaves the README table alone
  .venv/bin/python -m bench.readme bench/out/bench.json
fi
