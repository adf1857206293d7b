#!/usr/bin/env bash
# Reruns the durable-intake benchmarks of docs/BENCHMARKS.md: the HTTP load
# (64 connections against a fresh demo server on loopback) and the direct-to-SQLite
# ceiling (Google Benchmark). Usage: bench/run_intake_bench.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
port=${PORT:-18093}
source bench/demo_server.sh
echo "== HTTP: durable intakes, 64 connections, ${seconds}s =="
build/bench/intake_load --port "$port" --connections 64 --seconds "$seconds"
kill $server; wait $server 2>/dev/null || true
echo "== direct to SQLite (same durability) =="
build/bench/store_bench
