#!/usr/bin/env bash
# Makes sure the database servers the tests use are running on loopback:
# PostgreSQL (127.0.0.1:5432, trust auth) and MariaDB (127.0.0.1:3306).
# Installs them from Debian's packages on a machine that has none, and
# starts them when they are stopped. Idempotent; prints what it does.
set -euo pipefail

pg_up() { psql -X -h 127.0.0.1 -U postgres -d postgres -Atc 'select 1' >/dev/null 2>&1; }
maria_up() { mariadb -h 127.0.0.1 -uroot -e 'select 1' >/dev/null 2>&1; }

apt_install() {
  echo "services: installing $*" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq "$@" >/dev/null
}

if ! pg_up; then
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    apt_install postgresql postgresql-client
  fi
  ver=$(ls /etc/postgresql | sort -V | tail -n 1)
  conf=/etc/postgresql/$ver/main
  # Tests connect over loopback as postgres without a password.
  if ! grep -q '^host all all 127.0.0.1/32 trust' "$conf/pg_hba.conf"; then
    sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\nlocal all all trust' "$conf/pg_hba.conf"
  fi
  echo "services: starting PostgreSQL $ver" >&2
  pg_ctlcluster --skip-systemctl-redirect "$ver" main start || pg_ctlcluster --skip-systemctl-redirect "$ver" main reload
  for _ in $(seq 1 30); do pg_up && break; sleep 1; done
  pg_up || { echo "services: PostgreSQL did not come up" >&2; exit 1; }
fi

if ! maria_up; then
  command -v mariadbd >/dev/null 2>&1 || apt_install mariadb-server mariadb-client
  echo "services: starting MariaDB" >&2
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
  for _ in $(seq 1 30); do maria_up && break; sleep 1; done
  maria_up || { echo "services: MariaDB did not come up" >&2; exit 1; }
fi
command -v pg_dump >/dev/null 2>&1 || apt_install postgresql-client
echo "services: PostgreSQL and MariaDB are up" >&2
