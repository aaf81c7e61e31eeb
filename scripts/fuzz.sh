#!/usr/bin/env bash
# Bounded fuzzing: runs every fuzz target for FUZZTIME (default 4s) and
# prints the executions each one reached. A failing input is written by
# go test to the package's testdata/fuzz/<Target>/ directory: fix the bug
# and commit the file, which from then on runs as a regression seed in
# every `go test`.
#
# Usage: scripts/fuzz.sh [TARGET ...]     (default: all; e.g. FuzzPlan)
# Env:   FUZZTIME (4s), a -fuzztime value: a duration or a count like 1000x
set -euo pipefail
cd "$(dirname "$0")/.."

FUZZTIME="${FUZZTIME:-4s}"
targets=(
  "./parser/postgres FuzzParse"
  "./parser/postgres FuzzHintExpr"
  "./parser/mysql FuzzParse"
  "./parser/mysql FuzzHintExpr"
  "./internal/pipeline FuzzPlan"
  "./internal/pipeline FuzzPlanMySQL"
  "./internal/pipeline FuzzApply"
  "./internal/pipeline FuzzApplyMySQL"
)

summary=""
status=0
for t in "${targets[@]}"; do
  read -r pkg name <<<"$t"
  if [ $# -gt 0 ] && [[ ! " $* " == *" $name "* ]]; then
    continue
  fi
  echo "fuzz: $name ($pkg) for $FUZZTIME" >&2
  log=$(mktemp)
  if go test "$pkg" -run '^$' -fuzz "^$name\$" -fuzztime "$FUZZTIME" -fuzzminimizetime 10s >"$log" 2>&1; then
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
