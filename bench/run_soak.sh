#!/usr/bin/env bash
# The soak benchmark of docs/BENCHMARKS.md (not part of CI): a demo server on
# loopback under `bench/soak`'s mixed load. Usage: bench/run_soak.sh [seconds] [every]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-1800}
every=${2:-60}
port=${PORT:-18094}
source bench/demo_server.sh
build/bench/soak --port "$port" --pid "$server" --seconds "$seconds" --every "$every"
