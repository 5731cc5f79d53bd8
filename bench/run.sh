#!/usr/bin/env bash
# Benchmark policykg's build against Cayley's own bulk load of the same quads.
#   bench/run.sh N BACKEND [JOBS]
# BACKEND is bolt or postgres (postgres needs POLICYKG_TEST_POSTGRES, a URL to
# a server where this user may create databases). CAYLEY names a cayley
# binary built from the pinned module (see docs/SCALING.md); GAZETTEER the
# gazetteer TSV for the synthetic corpus; BUILD_FLAGS more flags for policykg
# build (e.g. "--memory-limit 0"); TX_BUILD=1 also times the build through
# Cayley's transactions (--bulk=false); SAME_SCHEMA=0 skips the second Cayley
# load, into a store made by policykg init. Prints one line per phase:
# wall seconds, documents/s, quads/s and peak RSS.
set -euo pipefail
n=${1:?usage: bench/run.sh N bolt|postgres [JOBS]}
backend=${2:?usage: bench/run.sh N bolt|postgres [JOBS]}
jobs=${3:-$(nproc)}
cd "$(dirname "$0")/.."
cayley=${CAYLEY:-cayley}
work=$(mktemp -d /tmp/policykg-bench.XXXXXX)
# The databases a postgres run makes are named policykg_bench_KIND_PID (newdb
# runs in a subshell, so they are found by name, not kept in a list).
cleanup() {
  if [ "$backend" = postgres ]; then
    for kind in build txbuild cayley cayley4; do
      psql_admin "DROP DATABASE IF EXISTS policykg_bench_${kind}_$$ WITH (FORCE)" >/dev/null || true
    done
  fi
  rm -rf "$work"
}
trap cleanup EXIT

psql_admin() {
  go run ./bench/sqlexec "$POLICYKG_TEST_POSTGRES" "$1"
}

# newdb NAME: prints a --db value for a fresh store of the chosen backend.
newdb() {
  if [ "$backend" = bolt ]; then echo "$work/$1.db"; return; fi
  local name="policykg_bench_$1_$$"
  psql_admin "CREATE DATABASE $name" >/dev/null
  echo "${POLICYKG_TEST_POSTGRES%%/postgres\?*}/$name?sslmode=disable"
}

# timed LABEL DOCS QUADS CMD...: runs CMD under /usr/bin/time -v and reports
# wall time, rates and peak RSS, and, sampled from /proc every 0.2 s, the peak
# of its anonymous memory (heap and stacks) and of its file-backed memory
# (for bolt, the store file's pages mapped into the process: page cache the
# kernel can reclaim, which grows with the store).
timed() {
  local label=$1 docs=$2 quads=$3; shift 3
  /usr/bin/time -v -o "$work/time" "$@" >"$work/out" 2>"$work/err" &
  local tpid=$! pid="" anon=0 file=0 a f
  while kill -0 "$tpid" 2>/dev/null; do
    [ -z "$pid" ] && pid=$(pgrep -P "$tpid" | head -1 || true)
    if [ -n "$pid" ] && [ -r "/proc/$pid/status" ]; then
      a=$(awk '/^RssAnon/{print $2}' "/proc/$pid/status" 2>/dev/null || true)
      f=$(awk '/^RssFile/{print $2}' "/proc/$pid/status" 2>/dev/null || true)
      [ -n "$a" ] && [ "$a" -gt "$anon" ] && anon=$a
      [ -n "$f" ] && [ "$f" -gt "$file" ] && file=$f
    fi
    sleep 0.2
  done
  wait "$tpid" || { cat "$work/err" >&2; return 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$work/time")
  rss=$(awk -F': ' '/Maximum resident set size/{print $2}' "$work/time")
  awk -v l="$label" -v w="$wall" -v d="$docs" -v q="$quads" -v r="$rss" -v a="$anon" -v f="$file" 'BEGIN{
    printf "%-28s %8.2f s %9.0f docs/s %9.0f quads/s %7.0f MB peak RSS (anon %.0f MB, file %.0f MB)\n", l, w, (d>0?d/w:0), (q>0?q/w:0), r/1024, a/1024, f/1024 }'
  echo "$wall $rss $anon" >"$work/last"
}

gaz=${GAZETTEER:-}
[ -z "$gaz" ] && [ -f ontology/data/china-divisions.tsv ] && gaz=ontology/data/china-divisions.tsv
[ -z "$gaz" ] && [ -f /work/shared/data/china-divisions.tsv ] && gaz=/work/shared/data/china-divisions.tsv
go run ./bench/gencorpus -n "$n" -out "$work/corpus" ${gaz:+-gazetteer "$gaz"}
go build -o "$work/policykg" ./cmd/policykg

db=$(newdb build)
"$work/policykg" --db "$db" init >/dev/null
echo "== $n documents on $backend, --jobs $jobs ($(nproc) cores)"
timed "policykg build (no quads yet)" "$n" 0 "$work/policykg" --db "$db" build --jobs "$jobs" ${BUILD_FLAGS:-} "$work/corpus"
read bwall brss banon <"$work/last"
quads=$("$work/policykg" --db "$db" stats | awk '$1=="quads"{print $2}')
tail -1 "$work/out"
awk -v w="$bwall" -v q="$quads" -v n="$n" 'BEGIN{printf "%-28s %d quads, %.0f quads/s, %.0f docs/s\n", "  store holds", q, q/w, n/w}'
timed "policykg rebuild, unchanged" "$n" 0 "$work/policykg" --db "$db" build --jobs "$jobs" ${BUILD_FLAGS:-} "$work/corpus"
tail -1 "$work/out"

# A new store is loaded in bulk (graph.Bulk); TX_BUILD=1 also times the same
# build through Cayley's transactions (--bulk=false), as every later build of
# the store writes.
if [ "${TX_BUILD:-0}" = 1 ]; then
  tdb=$(newdb txbuild)
  "$work/policykg" --db "$tdb" init >/dev/null
  timed "policykg build --bulk=false" "$n" "$quads" "$work/policykg" --db "$tdb" build --bulk=false --jobs "$jobs" ${BUILD_FLAGS:-} "$work/corpus"
  [ "$backend" = bolt ] && rm -rf "$tdb"
fi

# Cayley's own bulk load of the same quads, into a fresh store.
cdb=$backend; [ "$backend" = bolt ] && src=$db || src=$db
"$cayley" dump --db "$cdb" --dbpath "$src" -o "$work/graph.nq" 2>/dev/null
echo "  exported $(wc -l <"$work/graph.nq") quads to N-Quads"
ldb=$(newdb cayley)
timed "cayley load (same quads)" 0 "$quads" "$cayley" load --init --db "$cdb" --dbpath "$ldb" -i "$work/graph.nq"
read lwall lrss lanon <"$work/last"
awk -v bw="$bwall" -v br="$brss" -v lw="$lwall" -v lr="$lrss" -v ba="$banon" -v la="$lanon" 'BEGIN{
  printf "policykg build / cayley load: %.2fx the time, %.2fx the peak RSS, %.2fx the peak anonymous memory\n", bw/lw, br/lr, (la>0?ba/la:0) }'

# The same load into a store laid out as policykg lays out its own: on bolt,
# policykg keeps four quad indexes where a fresh Cayley store keeps two (see
# graph/indexes.go), so each quad costs it twice the index writes; on
# PostgreSQL it adds an index of quads by label. `policykg init` makes the
# empty store and Cayley loads into it.
if [ "${SAME_SCHEMA:-1}" = 1 ]; then
  idb=$(newdb cayley4)
  "$work/policykg" --db "$idb" init >/dev/null
  timed "cayley load, policykg init" 0 "$quads" "$cayley" load --db "$cdb" --dbpath "$idb" -i "$work/graph.nq"
  read iwall irss ianon <"$work/last"
  awk -v bw="$bwall" -v br="$brss" -v lw="$iwall" -v lr="$irss" -v ba="$banon" -v la="$ianon" 'BEGIN{
    printf "policykg build / cayley load into policykg init: %.2fx the time, %.2fx the peak RSS, %.2fx the peak anonymous memory\n", bw/lw, br/lr, (la>0?ba/la:0) }'
fi
