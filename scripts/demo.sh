#!/usr/bin/env bash
# First README command: install, build, and start the server with the demo city
# on the embedded SQLite store. Prints the console address. Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
HOTLINE_BROWSER_TESTS=0 scripts/install-deps.sh
scripts/build.sh --server-only
exec build/src/app/hotline serve --demo --db "sqlite:${HOTLINE_DEMO_DB:-hotline-demo.db}" --port "${PORT:-8080}" "$@"
