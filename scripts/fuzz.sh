#!/usr/bin/env bash
# Bounded fuzzing: runs every fuzz target for a fixed number of
# executions and prints how many each one reached. A failing input is
# written by go test to the package's testdata/fuzz/<Target>/ directory:
# fix the bug and commit the file, which from then on runs as a regression
# seed in every `go test`.
#
# Usage: scripts/fuzz.sh [TARGET ...]     (default: all; e.g. FuzzPlan)
# Env:   FUZZTIME, a -fuzztime value for every target instead of its
#        count below: a count like 100000x, or a duration like 10m
#
# The budgets are counts, each a few seconds on a 2-core machine, because
# a duration races Go's fuzzing coordinator before Go 1.27: the deadline
# can surface as a failure, "context deadline exceeded", with no failing
# input (go.dev/issue/75804). A count has no deadline. Minimizing a new
# input is bounded by a count too, so that no target stalls for long on it.
set -euo pipefail
cd "$(dirname "$0")/.."

targets=(
  "./parser/postgres FuzzParse 10000x"
  "./parser/postgres FuzzHintExpr 30000x"
  "./parser/mysql FuzzParse 15000x"
  "./parser/mysql FuzzHintExpr 20000x"
  "./internal/pipeline FuzzPlan 2000x"
  "./internal/pipeline FuzzPlanMySQL 2000x"
  "./internal/pipeline FuzzApply 8000x"
  "./internal/pipeline FuzzApplyMySQL 3000x"
)

summary=""
status=0
for t in "${targets[@]}"; do
  read -r pkg name budget <<<"$t"
  budget="${FUZZTIME:-$budget}"
  if [ $# -gt 0 ] && [[ ! " $* " == *" $name "* ]]; then
    continue
  fi
  echo "fuzz: $name ($pkg) for $budget" >&2
  log=$(mktemp)
  if go test "$pkg" -run '^$' -fuzz "^$name\$" -fuzztime "$budget" -fuzzminimizetime 500x >"$log" 2>&1; then
    result=ok
  else
    result=FAIL
    status=1
    cat "$log" >&2
  fi
  # The last progress line holds the total: "fuzz: elapsed: 5s, execs: 12345 (2469/sec), ..."
  execs=$(grep -o 'execs: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)
  rm -f "$log"
  summary+=$(printf '%-6s %-16s %-22s %s execs\n' "$result" "$name" "$pkg" "${execs:-0}")$'\n'
done
printf '%s' "$summary"
exit $status
