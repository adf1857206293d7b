#!/usr/bin/env bash
# Several servers on one PostgreSQL database, on one machine (issue 11,
# docs/SCALING.md): a PostgreSQL 15 primary and a streaming replica made with
# pg_basebackup, three `hotline` servers on the primary (the first seeds the demo
# city), and Debian's haproxy in front of them with health checks on /healthz.
# Prints the console's address; Ctrl-C (or SIGTERM) stops everything and removes
# the temporary directory.
#
#   scripts/cluster-demo.sh             PORT=8080 by default
#   HOTLINE_CLUSTER_DIR=DIR ...         keep the clusters and logs in DIR
#
# Everything listens on loopback only; PostgreSQL trusts loopback (a demo, never a
# production set-up). As root, PostgreSQL runs as the unprivileged user
# $HOTLINE_PG_USER (default hotline-ci), like scripts/pg_test_cluster.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8080}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
RUN_USER=${HOTLINE_PG_USER:-hotline-ci}

HOTLINE_BROWSER_TESTS=0 scripts/install-deps.sh
if ! command -v haproxy >/dev/null; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends haproxy >/dev/null
fi
[ -x build/src/app/hotline ] || scripts/build.sh --server-only
[ -d web/dist ] || (cd web && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent)

as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u "$RUN_USER" -- "$@"; else "$@"; fi; }
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

dir=${HOTLINE_CLUSTER_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/hotline-cluster.XXXXXX")}
mkdir -p "$dir"
chmod 755 "$dir"
user=$(id -un)
if [ "$(id -u)" = 0 ]; then
  id -u "$RUN_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$RUN_USER"
  chown "$RUN_USER" "$dir"
  user=$RUN_USER
fi

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  for d in replica primary; do
    [ -d "$dir/$d" ] && as_owner "$PGBIN/pg_ctl" -D "$dir/$d" -m fast -w stop >/dev/null 2>&1 || true
  done
  [ -z "${HOTLINE_CLUSTER_DIR:-}" ] && rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "== PostgreSQL primary and streaming replica in $dir =="
pg_port=$(free_port)
as_owner "$PGBIN/initdb" -D "$dir/primary" -U "$user" -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
as_owner "$PGBIN/pg_ctl" -D "$dir/primary" -l "$dir/primary.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $dir -c max_connections=200 -c synchronous_commit=on" start >/dev/null
as_owner "$PGBIN/psql" -h "$dir" -p "$pg_port" -U "$user" -d postgres -qAt -c "CREATE DATABASE hotline" >/dev/null
replica_port=$(free_port)
as_owner "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$pg_port" -U "$user" -D "$dir/replica" -R -X stream >/dev/null
as_owner "$PGBIN/pg_ctl" -D "$dir/replica" -l "$dir/replica.log" -w -t 30 \
  -o "-c listen_addresses=127.0.0.1 -p $replica_port -k $dir" start >/dev/null
db="postgresql://$user@127.0.0.1:$pg_port/hotline"
echo "primary $db (replica on port $replica_port, streaming)"

healthy() { curl -sf "http://127.0.0.1:$1/healthz" >/dev/null; }
start_server() {  # port, log name
  build/src/app/hotline serve --demo --db "$db" --address 127.0.0.1 --port "$1" >"$dir/$2.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 600); do healthy "$1" && return 0; sleep 0.5; done
  echo "cluster-demo: $2 did not start; see $dir/$2.log" >&2
  exit 1
}
echo "== three hotline servers =="
server_ports=()
for n in 1 2 3; do
  p=$(free_port)
  start_server "$p" "hotline$n"  # one after another: the first seeds the demo city, the others find it
  server_ports+=("$p")
  echo "hotline$n on 127.0.0.1:$p"
done

echo "== haproxy on 127.0.0.1:$PORT =="
{
  cat <<EOF
global
  maxconn 4096
defaults
  mode http
  timeout connect 5s
  timeout client 1h
  timeout server 1h
  timeout tunnel 1h
  option redispatch
  retries 2
frontend console
  bind 127.0.0.1:$PORT
  default_backend hotline
backend hotline
  balance roundrobin
  option httpchk GET /healthz
  http-check expect status 200
  default-server inter 1s fall 2 rise 2
EOF
  n=1
  for p in "${server_ports[@]}"; do
    echo "  server hotline$n 127.0.0.1:$p check"
    n=$((n + 1))
  done
} >"$dir/haproxy.cfg"
haproxy -f "$dir/haproxy.cfg" -db >"$dir/haproxy.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do healthy "$PORT" && break; sleep 0.2; done
healthy "$PORT" || { echo "cluster-demo: haproxy did not start; see $dir/haproxy.log" >&2; exit 1; }

echo
echo "Hotline 12345 cluster: console at http://127.0.0.1:$PORT/ (three servers behind haproxy)"
echo "Kill any one: kill ${pids[0]} (hotline1), ${pids[1]} (hotline2) or ${pids[2]} (hotline3). Ctrl-C stops all."
wait "${pids[3]}"
