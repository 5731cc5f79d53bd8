#!/bin/bash
# Instructions per op of the extraction benchmark, counted with valgrind's
# cachegrind: steady on a shared machine where wall time is not.
#   bench/extract-instr.sh [gc]
# A -benchtime Nx run does one op with N=1 first and then N ops, each run
# after the benchmark's setup, so the difference between 4x and 2x runs is
# exactly 2 ops with the setup cancelled. GOGC=off counts the program's own
# work; "gc" keeps the collector on and averages 10 ops (12x - 2x), since
# where collections fall moves the count by a few percent.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "bench/extract-instr.sh: needs valgrind (apt-get install valgrind)" >&2; exit 1; }
bin=$(mktemp /tmp/policykg-extract.XXXXXX)
trap 'rm -f "$bin"' EXIT
go test -c -o "$bin" ./extract/
g="GOGC=off"; n=4
if [ "${1:-}" = gc ]; then g="GOGC=100"; n=12; fi
ir() {
  (cd extract && env $g valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    "$bin" -test.run XXX -test.bench Extract -test.benchtime "${1}x" -test.cpu 1 2>&1) |
    awk '/I *refs/{gsub(",","",$4); print $4}'
}
a=$(ir 2); b=$(ir $n)
echo "$g: $(( (b - a) / (n - 2) )) instructions per extraction of the 1 MB text"
