#!/bin/sh
# Load test, loopback only: policykg serve against Cayley's own HTTP server
# (built from the module cache, run --read_only, its log to /dev/null) on
# copies of the same store, with the same one-hop Gizmo query; then a
# canned query on policykg. wrk: 2 threads, 16 connections, $DURATION each,
# one server at a time. Usage: bench/serve-vs-cayley.sh [STORE]
# (default: a fresh build of seeds/ in a temporary directory).
# PIN=1 pins both servers to CPU 1 and wrk to CPU 0 (taskset), so that the
# load generator and the server under test do not preempt each other on a
# 2-core machine; both servers get the same treatment.
set -eu
cd "$(dirname "$0")/.."
DURATION=${DURATION:-15s}
WORK=$(mktemp -d /tmp/policykg-bench.XXXXXX)
PK_PORT=${PK_PORT:-18181}
CY_PORT=${CY_PORT:-18182}
PIDS=""
SRV="" WRK=""
if [ "${PIN:-0}" = 1 ]; then SRV="taskset -c 1" WRK="taskset -c 0"; fi
cleanup() {
	for p in $PIDS; do kill "$p" 2>/dev/null || true; done
	wait 2>/dev/null || true
	rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

go build -o "$WORK/policykg" ./cmd/policykg
CAYLEY_SRC=$(go env GOMODCACHE)/github.com/cayleygraph/cayley@$(go list -m -f '{{.Version}}' github.com/cayleygraph/cayley)
(cd "$CAYLEY_SRC" && go build -o "$WORK/cayley" ./cmd/cayley)

DB=${1:-}
if [ -z "$DB" ]; then
	DB=$WORK/kg.db
	"$WORK/policykg" --db "$DB" build seeds >/dev/null
fi
mkdir -p "$WORK/cayley-copy"
cp "$DB/indexes.bolt" "$WORK/cayley-copy/indexes.bolt"

$SRV "$WORK/policykg" --db "$DB" serve --addr 127.0.0.1:$PK_PORT --reload-interval 0 >/dev/null 2>"$WORK/serve.log" &
PIDS="$PIDS $!"
$SRV "$WORK/cayley" http --db bolt --dbpath "$WORK/cayley-copy" --read_only \
	--host 127.0.0.1:$CY_PORT >/dev/null 2>&1 &
PIDS="$PIDS $!"

wait_up() { # url
	i=0
	until curl -sf -o /dev/null "$1"; do
		i=$((i + 1)); [ $i -lt 300 ] || { echo "no answer from $1" >&2; exit 1; }
		sleep 0.1
	done
}
wait_up http://127.0.0.1:$PK_PORT/healthz
wait_up "http://127.0.0.1:$CY_PORT/api/v2/formats"

# A one-hop query from an entity (or, on a store without entities, from
# the seed document): the same text to both servers.
START=${START:-<https://policykg.org/id/caofeidian>}
export WRK_BODY="g.V(\"$START\").Out().All()"
for port in $PK_PORT $CY_PORT; do # both answer the same, and warm up
	curl -sf -X POST --data "$WRK_BODY" "http://127.0.0.1:$port/api/v2/query?lang=gizmo" | head -c 300; echo
done

run() { # name url script
	printf '%-34s ' "$1"
	$WRK wrk -t2 -c16 -d"$DURATION" --latency -s "bench/$3" "$2" | grep '^RESULT'
}
echo "query: $WRK_BODY"
run "cayley http /api/v2/query" "http://127.0.0.1:$CY_PORT/api/v2/query?lang=gizmo" post.lua
run "policykg serve /api/v2/query" "http://127.0.0.1:$PK_PORT/api/v2/query?lang=gizmo" post.lua
CANNED=${CANNED:-/api/queries/parents?place=Caofeidian}
if curl -sf -o /dev/null "http://127.0.0.1:$PK_PORT$CANNED"; then
	run "policykg serve canned" "http://127.0.0.1:$PK_PORT$CANNED" get.lua
else
	echo "canned query $CANNED not available on this build"
fi
