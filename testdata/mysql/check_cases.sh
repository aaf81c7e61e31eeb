#!/usr/bin/env bash
# Checks that every test case in this directory applies cleanly to a fresh,
# empty MariaDB/MySQL database, the way plan files are run (mysql --batch DB < FILE):
#   1. current.sql, then seed.sql (if present), in one scratch database;
#   2. desired.sql in another scratch database.
# Scratch databases are named zdt_chk_{cur,des}_<pid>_<n> (internal/mytest's
# naming, so its DropStale can clean up after a killed run) and are always
# dropped, also on failure or interrupt.
#
# Usage: ./check_cases.sh [case_dir ...]     (default: every case directory here)
# Env:   ZDPLAN_MYSQL_HOST (127.0.0.1), ZDPLAN_MYSQL_PORT (3306), ZDPLAN_MYSQL_USER (root), MYSQL (mysql)
set -u

host="${ZDPLAN_MYSQL_HOST:-127.0.0.1}"
port="${ZDPLAN_MYSQL_PORT:-3306}"
user="${ZDPLAN_MYSQL_USER:-root}"
MYSQL="${MYSQL:-mysql}"

here="$(cd "$(dirname "$0")" && pwd)"
cd "$here" || exit 2

# --no-defaults keeps personal option files (and their passwords, hosts) out.
my() {
    "$MYSQL" --no-defaults --protocol=TCP -h "$host" -P "$port" -u "$user" \
        --default-character-set=utf8mb4 --batch "$@"
}

created=()

drop_db() {
    case "$1" in zdt_*) ;; *) echo "refusing to drop $1" >&2; return 1 ;; esac
    my -e "DROP DATABASE IF EXISTS \`$1\`" >/dev/null 2>&1
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
    my -e "CREATE DATABASE \`$1\` CHARACTER SET utf8mb4" >/dev/null
}

# apply_files DB FILE... : applies the files in order, stops at the first error
apply_files() {
    local db="$1" f out
    shift
    for f in "$@"; do
        if ! out="$(my "$db" < "$f" 2>&1 >/dev/null)"; then
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
        cur="zdt_chk_cur_$$_${n}"
        des="zdt_chk_des_$$_${n}"

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
