#!/usr/bin/env bash
# The whole test suite, as the README gives it: starts the database servers
# if needed, checks formatting and vet, then runs every test, including the
# ones that apply plans to the real PostgreSQL server and a bounded sample
# of the external corpus, and then a few seconds of each fuzz target.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/services.sh

unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then
  echo "gofmt would change:" >&2
  echo "$unformatted" >&2
  exit 1
fi
go vet ./...

# Tests that need the servers fail instead of skipping when they are down.
export ZDPLAN_PGREQUIRED=1
# Database-bound tests mostly wait on psql: run more of them at once than
# there are cores.
go test -count=1 -timeout 30m -parallel 6 ./...

# A few seconds per fuzz target (a count of executions each; about a
# minute in all): new crashers land in the package's testdata/fuzz/ as regression
# seeds.
scripts/fuzz.sh
