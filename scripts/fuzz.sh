#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, docs/FUZZING.md) in the clang-14
# sanitizer tree build-asan/ (scripts/build.sh --fuzzers; nothing to do when
# scripts/build.sh --sanitize has built it) and runs each for N seconds
# (default 30) on a temporary copy of its seed corpus in fuzz/corpus/<name>/,
# so nothing is written into the repo.
# Fails if any target crashes, leaks, times out or trips ASan/UBSan; the input
# that did it is kept in build-asan/findings/<name>/ with the target's log.
# Usage: scripts/fuzz.sh [seconds-per-target]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
scripts/build.sh --fuzzers

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=()
for target in build-asan/fuzz/*_fuzzer; do
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
    rm -rf "build-asan/findings/$name" && mkdir -p "build-asan/findings/$name"
    cp "$work/$name/log" "$work/$name/artifacts/"* "build-asan/findings/$name/" 2>/dev/null || true
    grep -E "ERROR|runtime error|fuzz check failed|SUMMARY|Test unit written" "$work/$name/log" | head -20 || true
    echo "  input and log: build-asan/findings/$name/ (rerun: $target <input>)"
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing found problems in: ${failed[*]}"
  exit 1
fi
