#!/usr/bin/env bash
# Second README command: install, build, and run every test — C++ unit and
# integration tests (CTest), the same under address+undefined sanitizers, the web
# component tests (vitest) and the browser end-to-end tests (Playwright + Chromium)
# against a demo server on loopback. Ends with CTest's summary line.
# Two C++ trees: build/ (gcc, what ships) and build-asan/ (clang-14 with
# address+undefined sanitizers, libraries instrumented for libFuzzer), which
# holds both the sanitizer tests and the six libFuzzer targets.
# HOTLINE_SKIP_SANITIZE=1 skips the sanitizer tests for a quicker local run.
# Both C++ test runs also cover PostgreSQL (issue 11): a throwaway PostgreSQL 15
# cluster (scripts/pg_test_cluster.sh) is started once on loopback, its URL
# exported as HOTLINE_TEST_PG, and it is stopped and removed on exit, whatever
# happens; HOTLINE_SKIP_PG=1 runs without it (the PostgreSQL tests then skip).
# Before the C++ tests, each libFuzzer target runs for 30 s on its seed corpus
# (scripts/fuzz.sh, about 3 minutes; it builds only the fuzzers in build-asan/
# when the sanitizer tests were skipped); HOTLINE_SKIP_FUZZ=1 skips it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh

# One EXIT trap for everything this script starts: the PostgreSQL cluster and the e2e server.
pg_dir=""
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
  if [ -n "$pg_dir" ]; then scripts/pg_test_cluster.sh stop "$pg_dir" || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT  # so that an interrupted run still cleans up through the EXIT trap
trap 'exit 143' TERM
if [ "${HOTLINE_SKIP_PG:-0}" != 1 ]; then
  echo "== throwaway PostgreSQL 15 cluster (loopback, temporary directory) =="
  pg_out=$(scripts/pg_test_cluster.sh start)
  pg_dir=$(printf '%s\n' "$pg_out" | sed -n 1p)
  HOTLINE_TEST_PG=$(printf '%s\n' "$pg_out" | sed -n 2p)
  export HOTLINE_TEST_PG
  echo "PostgreSQL at $HOTLINE_TEST_PG"
else
  unset HOTLINE_TEST_PG
fi

if [ "${HOTLINE_SKIP_SANITIZE:-0}" != 1 ]; then
  echo "== sanitizer build (clang-14, address + undefined; tests and fuzzers) =="
  scripts/build.sh --sanitize
  # Two model-quality checks are left to the C++ tests below: they train on a
  # 600-appeal demo city / the shared data set (about 90 s under the sanitizers)
  # to check accuracy, and the code they drive runs here in the other
  # HistoryModel, Classifier and CrossValidation tests. The HTTP tests' second run
  # on PostgreSQL (*.postgres) is left to the gcc tree too: under the sanitizers the
  # PostgreSQL store runs in the store conformance suite and the cluster tests.
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-asan --output-on-failure -j2 --timeout 300 \
    -E '^(HistoryModel\.LearnsTheCityCategoriesFromItsTickets|CrossValidation\.SharedDataSanityWhenPresent)$|\.postgres$'
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
    for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
    (cd web && HOTLINE_URL="http://127.0.0.1:$port" npm run e2e --silent)
    kill "$server"; wait "$server" 2>/dev/null || true
    server=""
  fi
fi

if [ "${HOTLINE_SKIP_FUZZ:-0}" != 1 ]; then
  echo "== fuzzing (libFuzzer, 30 s per target) =="
  scripts/fuzz.sh 30
fi

echo "== C++ tests =="
ctest --test-dir build --output-on-failure -j2 --timeout 300
