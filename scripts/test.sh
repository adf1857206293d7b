#!/usr/bin/env bash
# Second README command: install, build, and run every test — C++ unit and
# integration tests (CTest), the same under address+undefined sanitizers, the web
# component tests (vitest) and the browser end-to-end tests (Playwright + Chromium)
# against a demo server on loopback. Ends with CTest's summary line.
# HOTLINE_SKIP_SANITIZE=1 skips the sanitizer build for a quicker local run.
# Before the C++ tests, each of the six libFuzzer targets runs for 45 s on its
# seed corpus (scripts/fuzz.sh, about 5 minutes); HOTLINE_SKIP_FUZZ=1 skips it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh

if [ "${HOTLINE_SKIP_SANITIZE:-0}" != 1 ]; then
  echo "== sanitizer build (address + undefined) =="
  scripts/build.sh --sanitize
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-asan --output-on-failure -j2 --timeout 300
fi

if [ -f web/package.json ]; then
  echo "== web component tests =="
  (cd web && npm test --silent)
  if [ -d web/e2e ] && [ -x /usr/bin/chromium ]; then
    echo "== browser end-to-end tests =="
    db=$(mktemp -d)/e2e.db
    port=${HOTLINE_E2E_PORT:-18080}
    build/src/app/hotline serve --demo --demo-appeals 300 --db "sqlite:$db" --port "$port" > "$(dirname "$db")/server.log" 2>&1 &
    server=$!
    trap 'kill $server 2>/dev/null || true' EXIT
    for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
    (cd web && HOTLINE_URL="http://127.0.0.1:$port" npm run e2e --silent)
    kill $server; wait $server 2>/dev/null || true
    trap - EXIT
  fi
fi

if [ "${HOTLINE_SKIP_FUZZ:-0}" != 1 ]; then
  echo "== fuzzing (libFuzzer, 45 s per target) =="
  scripts/fuzz.sh 45
fi

echo "== C++ tests =="
ctest --test-dir build --output-on-failure -j2 --timeout 300
