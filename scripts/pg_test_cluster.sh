#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the tests (issue 11), on loopback only.
#   scripts/pg_test_cluster.sh start      prints the data directory (line 1) and the
#                                          connection URL postgresql://USER@127.0.0.1:PORT/hotline (line 2)
#   scripts/pg_test_cluster.sh stop DIR   stops the cluster in DIR and removes DIR
# The cluster lives in a fresh temporary directory (data, socket, log); it listens
# on 127.0.0.1 at a free port and on a unix socket in that directory. initdb refuses
# to run as root, so as root the cluster runs as the unprivileged system user
# $HOTLINE_PG_USER (default hotline-ci, created when missing). Authentication is
# `trust` on loopback: a test cluster, never a production one. If `start` fails
# half-way it removes what it made; the caller stops a started cluster on EXIT.
set -euo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
RUN_USER=${HOTLINE_PG_USER:-hotline-ci}

as_owner() {  # runs a command as the cluster's owner
  if [ "$(id -u)" = 0 ]; then runuser -u "$RUN_USER" -- "$@"; else "$@"; fi
}

free_port() {
  python3 - <<'PY' 2>/dev/null || echo $(( 20000 + RANDOM % 20000 ))
import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()
PY
}

start() {
  [ -x "$PGBIN/initdb" ] || { echo "pg_test_cluster: $PGBIN/initdb not found (apt-get install postgresql-15)" >&2; exit 1; }
  local user
  if [ "$(id -u)" = 0 ]; then
    id -u "$RUN_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$RUN_USER"
    user=$RUN_USER
  else
    user=$(id -un)
  fi
  local dir
  dir=$(mktemp -d "${TMPDIR:-/tmp}/hotline-pg.XXXXXX")
  chmod 755 "$dir"
  [ "$(id -u)" = 0 ] && chown "$RUN_USER" "$dir"
  trap 'as_owner "$PGBIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$dir"' ERR
  as_owner "$PGBIN/initdb" -D "$dir/data" -U "$user" -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; false; }
  local port=""
  for _ in 1 2 3 4 5; do
    port=$(free_port)
    if as_owner "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
         -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c synchronous_commit=on -c max_connections=200" \
         start >/dev/null 2>&1; then
      break
    fi
    port=""
  done
  if [ -z "$port" ]; then cat "$dir/server.log" >&2 || true; false; fi
  as_owner "$PGBIN/psql" -h "$dir" -p "$port" -U "$user" -d postgres -qAt -c "CREATE DATABASE hotline" >/dev/null
  trap - ERR
  echo "$dir"
  echo "postgresql://$user@127.0.0.1:$port/hotline"
}

stop() {
  local dir=${1:?usage: pg_test_cluster.sh stop DIR}
  case "$dir" in */hotline-pg.*) ;; *) echo "pg_test_cluster: $dir is not a test cluster" >&2; exit 1 ;; esac
  if [ -d "$dir/data" ]; then
    as_owner "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 ||
      as_owner "$PGBIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
