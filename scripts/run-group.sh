#!/usr/bin/env bash
# Runs the suite, or one group of tests that the suite skips, and fails unless every test it
# should run ran and passed: a renamed, moved or disabled test, or a lost environment variable,
# must not let a run pass with less run than exists.
#   scripts/run-group.sh main|alone|faults
# A group is every suite whose @Suite line carries the group's trait (`.alone`, `.faults`;
# Tests/IntegrationTests/Sandbox.swift); each such suite is the only suite of its file, and the
# number of its tests is the number of `@Test` in that file. A group's run is filtered to those
# suites by name, with the environment its trait asks for; its summary line must count them all,
# none skipped. `main` runs everything with DANECHECK_SANDBOX=1: every `@Test` of Tests/ counted,
# and exactly the tests of the groups skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
group=${1:?usage: scripts/run-group.sh main|alone|faults}

tests_in() { cat "$@" /dev/null | grep -c '@Test' || true; }
files_of() { grep -l -E "^@Suite\(.*\.$1[,)]" Tests/*/*.swift | sort; }

case "$group" in
  main)
    mapfile -t files < <(ls Tests/*/*.swift)
    expected=$(tests_in "${files[@]}")
    mapfile -t grouped < <(files_of alone; files_of faults)
    expected_skipped=$(tests_in "${grouped[@]}")
    arguments=() environment=(DANECHECK_SANDBOX=1) what="the suite" ;;
  alone|faults)
    [ "$group" = alone ] && variable=DANECHECK_ALONE || variable=DANECHECK_FAULTS
    suites=() expected=0 expected_skipped=0
    while IFS= read -r file; do
      count=$(grep -c '^@Suite' "$file")
      [ "$count" -eq 1 ] || { echo "run-group: $file holds $count suites; a $group suite must be the only one of its file" >&2; exit 2; }
      name=$(sed -n '/^@Suite/,/struct /{s/.*struct \([A-Za-z0-9_]*\).*/\1/p}' "$file" | head -1)
      [ -n "$name" ] || { echo "run-group: no suite name found in $file" >&2; exit 2; }
      suites+=("$name")
      expected=$((expected + $(tests_in "$file")))
    done < <(files_of "$group")
    [ ${#suites[@]} -gt 0 ] || { echo "run-group: no suite carries the trait .$group" >&2; exit 2; }
    filter=$(IFS='|'; echo "${suites[*]}")
    arguments=(--filter "\\.($filter)/") environment=(DANECHECK_SANDBOX=1 "$variable=1") what="${suites[*]}" ;;
  *) echo "run-group: unknown group '$group' (main|alone|faults)" >&2; exit 2 ;;
esac

# At most this many tests at once (DANECHECK_TEST_WIDTH, default 6). Unbounded, Swift Testing
# starts all 500 at once on two cores: tests with a deadline then lost the race to starved tasks
# (CI, 2026-12-07: probes and the console's pty script failed, unit tests took 56 s to finish).
# 6 and 10 took 113 s and 109 s for the main group, unbounded 114-120 s.
width=${DANECHECK_TEST_WIDTH:-6}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
env "${environment[@]}" swift test --skip-build --experimental-maximum-parallelization-width "$width" "${arguments[@]}" 2>&1 | tee "$log" || status=$?
[ "$status" -eq 0 ] || exit "$status"
ran=$(sed -n 's/.*Test run with \([0-9]*\) tests\{0,1\} .*/\1/p' "$log" | tail -1)
skipped=$(grep -c '^➜ Test .* skipped' "$log" || true)
if [ "${ran:-0}" -ne "$expected" ] || [ "$skipped" -ne "$expected_skipped" ]; then
  echo "run-group: $group counted ${ran:-no} tests, $skipped skipped; $what has $expected, of which $expected_skipped belong to other runs" >&2
  exit 1
fi
echo "run-group: $group: $((expected - skipped)) tests of $what ran and passed ($skipped left to their own runs)"
