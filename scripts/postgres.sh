#!/usr/bin/env bash
# A throwaway PostgreSQL 15 on loopback for the tests of the shared store (docs/shared-store.md):
#   scripts/postgres.sh start [PORT]   installs postgresql-15 from Debian's packages when missing, creates the
#                                       cluster once under .cache/postgres-PORT (/var/tmp/tollgate-postgres-PORT
#                                       when the checkout is closed to the postgres user) and starts it; prints its URL
#   scripts/postgres.sh stop [PORT]    stops it
#   scripts/postgres.sh url [PORT]     prints the libpq URI the tests take as TOLLGATE_TEST_STORE
# PORT defaults to TOLLGATE_PG_PORT, else 54315. initdb refuses root, so the cluster is created and run as the
# unprivileged user the package creates (postgres). The role may create databases: each test class takes one of
# its own.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN=/usr/lib/postgresql/15/bin
PORT="${2:-${TOLLGATE_PG_PORT:-54315}}"
DIR="$ROOT/.cache/postgres-$PORT"
USER_NAME=tollgate
PASSWORD=tollgate-test
DB=tollgate

as_postgres() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# The cluster's user must reach the directory: a checkout under a private home (/root) is closed to it.
if [ "$(id -u)" = 0 ] && ! runuser -u postgres -- test -x "$ROOT/.cache" 2>/dev/null; then
  DIR="/var/tmp/tollgate-postgres-$PORT"
fi

url() {
  echo "postgresql://$USER_NAME:$PASSWORD@127.0.0.1:$PORT/$DB"
}

start() {
  if [ ! -x "$BIN/initdb" ]; then
    echo "postgres.sh: installing postgresql-15 from Debian's packages..." >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >&2
  fi
  mkdir -p "$DIR"
  [ "$(id -u)" = 0 ] && chown postgres: "$DIR"
  if [ ! -f "$DIR/data/PG_VERSION" ]; then
    as_postgres "$BIN/initdb" -D "$DIR/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! as_postgres "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
    # Sockets in the cluster's own directory: /var/run/postgresql may not exist where the package was not set up.
    as_postgres "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$DIR -c max_connections=200" \
      start >/dev/null
  fi
  local psql=("$BIN/psql" -h "$DIR" -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA)
  if [ -z "$(as_postgres "${psql[@]}" -c "select 1 from pg_roles where rolname = '$USER_NAME'")" ]; then
    as_postgres "${psql[@]}" -c "create role $USER_NAME login createdb password '$PASSWORD'"
  fi
  if [ -z "$(as_postgres "${psql[@]}" -c "select 1 from pg_database where datname = '$DB'")" ]; then
    as_postgres "${psql[@]}" -c "create database $DB owner $USER_NAME"
  fi
  url
}

stop() {
  if [ -f "$DIR/data/PG_VERSION" ] && as_postgres "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
    as_postgres "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) url ;;
  *) echo "usage: scripts/postgres.sh start|stop|url [PORT]" >&2; exit 2 ;;
esac
