#!/usr/bin/env bash
# Set up Atlas PMI on this machine: Python venv with pinned packages, and Leaflet served from the app.
#   scripts/setup.sh          runtime only
#   scripts/setup.sh --dev    also test tools and Debian's chromium for browser tests
set -euo pipefail
cd "$(dirname "$0")/.."
DEV=0; [ "${1:-}" = "--dev" ] && DEV=1
PY=${PYTHON:-python3}

if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.requirements.sha
want=$(cat requirements.txt $([ $DEV = 1 ] && echo requirements-dev.txt) pyproject.toml | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.txt \
    $([ $DEV = 1 ] && echo "-r requirements-dev.txt")
  # the project itself, editable, for the `atlas` console script (no dependencies: pinned above)
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
  echo "$want" > "$stamp"
fi
# pygeoapi's wheel also installs its own test suite as a top-level package `tests`, which hides
# this project's tests/ (a namespace package: `from tests.security.grant_store import ...`).
site=$(.venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
if grep -qs '^tests/__init__.py' "$site"/pygeoapi-*.dist-info/RECORD && [ -d "$site/tests" ]; then
  rm -rf "$site/tests"
fi

# Leaflet from the npm registry, served by Streamlit's static serving (no CDN needed at run time).
LEAFLET_VERSION=1.9.4
if [ ! -f static/vendor/leaflet/leaflet.js ]; then
  if ! command -v npm >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
  fi
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "leaflet@$LEAFLET_VERSION" >/dev/null && tar xzf "leaflet-$LEAFLET_VERSION.tgz")
  mkdir -p static/vendor/leaflet
  cp -r "$tmp/package/dist/." static/vendor/leaflet/
  rm -rf "$tmp"
fi

if [ $DEV = 1 ] && ! command -v chromium >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi

# PostgreSQL + PostGIS from Debian for the store's database backend tests (tests/pg_server.py
# starts a throwaway server; the atlas itself needs one only when ATLAS_DATABASE_URL is set).
if [ $DEV = 1 ] && ! ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgis >/dev/null
fi

# The bundled demo pack (invented data) is generated from a fixed seed, not committed; it is
# rebuilt whenever the code that makes it changes.
demo_sha=$(find loaders geo -name '*.py' -print0 | sort -z | xargs -0 cat | sha256sum | cut -d' ' -f1)
if [ "$(cat data/demo/.source.sha 2>/dev/null)" != "$demo_sha" ]; then
  .venv/bin/python -m loaders.demo build
  echo "$demo_sha" > data/demo/.source.sha
fi
