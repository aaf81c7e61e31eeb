#!/usr/bin/env bash
# Checks that every test case in this directory applies cleanly to a fresh,
# empty PostgreSQL database:
#   1. current.sql, then seed.sql (if present), in one scratch database;
#   2. desired.sql in another scratch database.
# Scratch databases are named zdc_chk_<pid>_<n>_{cur,des} and are always dropped,
# also on failure or interrupt.
#
# Usage: ./check_cases.sh [case_dir ...]     (default: every case directory here)
# Env:   PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PSQL (psql)
set -u

export PGHOST="${PGHOST:-127.0.0.1}"
export PGPORT="${PGPORT:-5432}"
export PGUSER="${PGUSER:-postgres}"
PSQL="${PSQL:-psql}"

here="$(cd "$(dirname "$0")" && pwd)"
cd "$here" || exit 2

created=()

drop_db() {
    "$PSQL" -X -q -d postgres -v ON_ERROR_STOP=1 \
        -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" >/dev/null 2>&1
}

cleanup() {
    local db
    for db in "${created[@]+"${created[@]}"}"; do
        drop_db "$db"
    done
    created=()
}
trap cleanup EXIT
trap 'exit 130' INT TERM

create_db() {
    drop_db "$1"
    created+=("$1")
    "$PSQL" -X -q -d postgres -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$1\"" >/dev/null
}

# apply_files DB FILE... : applies the files in order, stops at the first error
apply_files() {
    local db="$1" f out
    shift
    for f in "$@"; do
        if ! out="$("$PSQL" -X -q -v ON_ERROR_STOP=1 -d "$db" -f "$f" 2>&1 >/dev/null)"; then
            echo "    $f failed:"
            printf '%s\n' "$out" | sed 's/^/      /'
            return 1
        fi
    done
}

if [ "$#" -gt 0 ]; then
    cases=("${@%/}")
else
    cases=()
    for d in */; do
        [ -f "$d/desired.sql" ] || [ -f "$d/current.sql" ] || continue
        cases+=("${d%/}")
    done
fi

pass=0
fail=0
failed=()
n=0
for c in "${cases[@]}"; do
    n=$((n + 1))
    ok=1
    msg=""
    for f in current.sql desired.sql; do
        [ -f "$c/$f" ] || { ok=0; msg+="    missing $c/$f"$'\n'; }
    done

    if [ "$ok" = 1 ]; then
        cur="zdc_chk_$$_${n}_cur"
        des="zdc_chk_$$_${n}_des"

        files=("$c/current.sql")
        [ -f "$c/seed.sql" ] && files+=("$c/seed.sql")
        if ! create_db "$cur"; then
            ok=0; msg+="    could not create database $cur"$'\n'
        elif ! out="$(apply_files "$cur" "${files[@]}")"; then
            ok=0; msg+="$out"$'\n'
        fi
        cleanup

        if ! create_db "$des"; then
            ok=0; msg+="    could not create database $des"$'\n'
        elif ! out="$(apply_files "$des" "$c/desired.sql")"; then
            ok=0; msg+="$out"$'\n'
        fi
        cleanup
    fi

    if [ "$ok" = 1 ]; then
        pass=$((pass + 1))
        echo "ok   $c"
    else
        fail=$((fail + 1))
        failed+=("$c")
        echo "FAIL $c"
        printf '%s' "$msg"
    fi
done

echo
echo "$pass passed, $fail failed, $((pass + fail)) cases"
[ "$fail" = 0 ] || { printf 'failed: %s\n' "${failed[@]}"; exit 1; }
