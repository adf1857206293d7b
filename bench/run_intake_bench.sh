#!/usr/bin/env bash
# Reruns the durable-intake benchmarks of docs/BENCHMARKS.md: the HTTP load
# (64 connections against a fresh demo server on loopback) and the direct-to-SQLite
# ceiling (Google Benchmark). Usage: bench/run_intake_bench.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
port=${PORT:-18093}
dir=$(mktemp -d)
build/src/app/hotline serve --demo --demo-appeals 0 --db "sqlite:$dir/bench.db" --port "$port" > "$dir/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
echo "== HTTP: durable intakes, 64 connections, ${seconds}s =="
build/bench/intake_load --port "$port" --connections 64 --seconds "$seconds"
kill $server; wait $server 2>/dev/null || true
echo "== direct to SQLite (same durability) =="
build/bench/store_bench
