#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, docs/FUZZING.md) with clang-14 in
# build-fuzz/ and runs each for N seconds (default 45) on a temporary copy of
# its seed corpus in fuzz/corpus/<name>/, so nothing is written into the repo.
# Fails if any target crashes, leaks, times out or trips ASan/UBSan; the input
# that did it is kept in build-fuzz/findings/<name>/ with the target's log.
# Usage: scripts/fuzz.sh [seconds-per-target]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-45}
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD}
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
  -DHOTLINE_FUZZ=ON -DHOTLINE_TESTS=OFF -DHOTLINE_BENCH=OFF >/dev/null
ninja -C build-fuzz -j"$(nproc)" fuzzers

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=()
for target in build-fuzz/fuzz/*_fuzzer; do
  name=$(basename "$target" _fuzzer)
  mkdir -p "$work/$name/corpus" "$work/$name/artifacts"
  cp fuzz/corpus/"$name"/* "$work/$name/corpus/"
  status=ok
  "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$work/$name/artifacts/" "$work/$name/corpus" >"$work/$name/log" 2>&1 || status=FAILED
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$name/log")
  echo "fuzz $name: ${runs:-?} runs in ${seconds}s, corpus $(ls "$work/$name/corpus" | wc -l) inputs: $status"
  if [ "$status" != ok ]; then
    failed+=("$name")
    rm -rf "build-fuzz/findings/$name" && mkdir -p "build-fuzz/findings/$name"
    cp "$work/$name/log" "$work/$name/artifacts/"* "build-fuzz/findings/$name/" 2>/dev/null || true
    grep -E "ERROR|runtime error|fuzz check failed|SUMMARY|Test unit written" "$work/$name/log" | head -20 || true
    echo "  input and log: build-fuzz/findings/$name/ (rerun: $target <input>)"
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing found problems in: ${failed[*]}"
  exit 1
fi
