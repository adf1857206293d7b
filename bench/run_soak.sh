#!/usr/bin/env bash
# The soak benchmark of docs/BENCHMARKS.md (not part of CI): a demo server on
# loopback under `bench/soak`'s mixed load. Usage: bench/run_soak.sh [seconds] [every]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-1800}
every=${2:-60}
port=${PORT:-18094}
dir=$(mktemp -d)
build/src/app/hotline serve --demo --demo-appeals 0 --db "sqlite:$dir/soak.db" --port "$port" > "$dir/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
build/bench/soak --port "$port" --pid "$server" --seconds "$seconds" --every "$every"
