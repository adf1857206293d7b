# Sourced by the bench scripts: starts `hotline serve --demo` with no generated
# appeals on a fresh SQLite file on loopback port $port, waits until it answers,
# and stops it (and removes the file) when the script exits. Sets $server (pid)
# and $dir (its temporary directory).
dir=$(mktemp -d)
build/src/app/hotline serve --demo --demo-appeals 0 --db "sqlite:$dir/bench.db" --port "$port" > "$dir/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
