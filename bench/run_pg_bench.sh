#!/usr/bin/env bash
# PostgreSQL and several servers (issue 11), in one run on one machine:
#   1. PostgreSQL's own ceiling for a durable single-row insert the size of an
#      intake (pgbench, custom script, 64 clients, prepared statements,
#      synchronous_commit=on);
#   2. durable intakes/s over HTTP (bench/intake_load, 64 connections) with one,
#      two and three `hotline` servers on that database.
# Usage: bench/run_pg_bench.sh [seconds]   (needs build/ and postgresql-15)
# A throwaway cluster (scripts/pg_test_cluster.sh) is started and removed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
out=$(scripts/pg_test_cluster.sh start)
pg_dir=$(sed -n 1p <<<"$out")
url=$(sed -n 2p <<<"$out")
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  scripts/pg_test_cluster.sh stop "$pg_dir"
}
trap cleanup EXIT
user=${url#postgresql://}; user=${user%%@*}
port=${url##*:}; port=${port%%/*}
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u "${HOTLINE_PG_USER:-hotline-ci}" -- "$@"; else "$@"; fi; }
psql_() { as_owner "$PGBIN/psql" -h "$pg_dir" -p "$port" -U "$user" -d hotline -qAt "$@"; }

echo "== PostgreSQL ceiling: pgbench, 64 clients, one durable insert per transaction, ${seconds}s =="
psql_ -c "CREATE TABLE bench_intake (id bigserial PRIMARY KEY, created_at bigint NOT NULL, content text NOT NULL, doc text NOT NULL)"
script="$pg_dir/intake.sql"
cat >"$script" <<'SQL'
INSERT INTO bench_intake (created_at, content, doc) VALUES (extract(epoch FROM now())::bigint, repeat('东华街道人民路夜间施工噪声扰民', 4), repeat('{"k":"v"}', 180));
SQL
chmod 644 "$script"
as_owner "$PGBIN/pgbench" -h "$pg_dir" -p "$port" -U "$user" -n -M prepared -c 64 -j 2 -T "$seconds" -f "$script" hotline |
  grep -E "^(tps|latency average|number of failed)" || true
psql_ -c "DROP TABLE bench_intake"

healthy() { curl -sf "http://127.0.0.1:$1/healthz" >/dev/null; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
ports=()
for n in 1 2 3; do
  p=$(free_port)
  build/src/app/hotline serve --demo --demo-appeals 0 --db "$url" --port "$p" >"$pg_dir/hotline$n.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 300); do healthy "$p" && break; sleep 0.2; done
  healthy "$p" || { echo "hotline$n did not start" >&2; cat "$pg_dir/hotline$n.log" >&2; exit 1; }
  ports+=("$p")
  echo "== HTTP: durable intakes, $n server(s), 64 connections, ${seconds}s =="
  build/bench/intake_load --ports "$(IFS=,; echo "${ports[*]}")" --connections 64 --seconds "$seconds" || true
done
