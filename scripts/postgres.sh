#!/usr/bin/env bash
# Start or stop a private PostgreSQL server on loopback for the test suite.
# Installs the Debian package when it is missing (needs root, as on the CI machines).
set -euo pipefail
action=${1:?start or stop}
port=${2:-54329}
data=/tmp/accord-pg-$port
socket=/tmp

find_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi
}

case "$action" in
start)
  bin=$(find_bin)
  if [ -z "$bin" ]; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "PostgreSQL is not installed. Run as root, or: sudo apt-get install -y postgresql" >&2
      exit 1
    fi
    echo "Installing PostgreSQL (Debian package)..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bin=$(find_bin)
  fi
  if as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    echo "PostgreSQL already running on port $port."
    exit 0
  fi
  if [ ! -f "$data/PG_VERSION" ]; then
    rm -rf "$data"
    mkdir -p "$data"
    chown postgres "$data" 2>/dev/null || true
    as_postgres "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  as_postgres "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
    -o "-p $port -k $socket -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null
  as_postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname='accord_test'" | grep -q 1 ||
    as_postgres "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres accord_test
  echo "PostgreSQL running on 127.0.0.1:$port (database accord_test)."
  ;;
stop)
  bin=$(find_bin)
  [ -n "$bin" ] && as_postgres "$bin/pg_ctl" -D "$data" -m fast stop >/dev/null 2>&1 || true
  ;;
*)
  echo "usage: $0 start|stop [PORT]" >&2
  exit 2
  ;;
esac
