#!/usr/bin/env bash
# The whole test suite, as the README gives it: starts the database servers
# if needed, checks formatting and vet, then runs every test, including the
# ones that apply plans to the real PostgreSQL server, a bounded sample of
# the external corpus and the fuzz targets' seed corpora. It is
# deterministic: fuzzing itself, whose inputs are random, is its own
# command (scripts/fuzz.sh).
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
