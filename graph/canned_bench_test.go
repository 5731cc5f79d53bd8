package graph_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/policykg/policykg/bench"
	"github.com/policykg/policykg/graph"
	"github.com/policykg/policykg/internal/seedtest"
	"github.com/policykg/policykg/queries"
)

// BenchmarkCanned runs every canned query through policykg's layer
// (RunCanned: the query's Go version where it has one, else prefix
// expansion, Query and Distinct), the same with name resolution and binding
// first ("named"), and the bound text straight through Cayley's
// query.Execute, alternately, on the
// seed graph and, when POLICYKG_BENCH_QUADS is set (say to 1000000), on a
// synthetic graph of about that many quads, kept between runs in
// POLICYKG_BENCH_DIR (default bench/out/).
// It reports p50 and p99 latency of both and the ratio of their p50s.
func BenchmarkCanned(b *testing.B) {
	ctx := context.Background()
	b.Run("seed", func(b *testing.B) {
		st := openStore(b, filepath.Join(b.TempDir(), "kg.db"), true)
		for _, ex := range seedtest.Extractions() {
			if _, err := st.ReplaceDocument(ctx, ex); err != nil {
				b.Fatal(err)
			}
		}
		benchQueries(b, st, nil)
	})
	n, _ := strconv.Atoi(os.Getenv("POLICYKG_BENCH_QUADS"))
	if n == 0 {
		return
	}
	b.Run(fmt.Sprintf("synthetic-%d", n), func(b *testing.B) {
		cfg := bench.ForQuads(n)
		benchQueries(b, synthetic(b, cfg, n), cfg.Params())
	})
}

func openStore(tb testing.TB, db string, create bool) *graph.Store {
	tb.Helper()
	st, err := graph.Open(context.Background(), db, graph.Options{Create: create})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}

// synthetic opens the synthetic store for n quads, building it first if
// POLICYKG_BENCH_DIR (default bench/out) holds no complete one.
func synthetic(b *testing.B, cfg bench.Config, n int) *graph.Store {
	dir := os.Getenv("POLICYKG_BENCH_DIR")
	if dir == "" {
		dir = filepath.Join("..", "bench", "out")
	}
	db := filepath.Join(dir, fmt.Sprintf("synth-%d.db", n))
	done := db + ".complete"
	if _, err := os.Stat(done); err == nil {
		return openStore(b, db, false)
	}
	os.RemoveAll(db)
	os.MkdirAll(dir, 0o755)
	st, err := graph.Open(context.Background(), db, graph.Options{Create: true})
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	err = bench.Generate(context.Background(), st, cfg, func(d, total int) {
		if d%500 == 0 {
			b.Logf("synthetic: %d/%d documents, %s", d, total, time.Since(start).Round(time.Second))
		}
	})
	if err != nil {
		b.Fatal(err)
	}
	s, _ := st.Stats(context.Background())
	b.Logf("synthetic graph: %d quads, %d nodes, %d documents, built in %s", s.Quads, s.Nodes, s.Documents, time.Since(start).Round(time.Second))
	st.Close()
	os.WriteFile(done, []byte(fmt.Sprintf("%d quads\n", s.Quads)), 0o644)
	return openStore(b, db, false)
}

func benchQueries(b *testing.B, st *graph.Store, params map[string][]string) {
	ctx := context.Background()
	all, err := queries.All()
	if err != nil {
		b.Fatal(err)
	}
	for _, q := range all {
		args := map[string]string{}
		for _, p := range params[q.Name] {
			k, v, _ := strings.Cut(p, "=")
			args[k] = v
		}
		b.Run(q.Name, func(b *testing.B) {
			bound, err := q.Prepare(args, st.ParamResolver(ctx))
			if err != nil {
				b.Fatal(err)
			}
			c := graph.Canned{Name: q.Name, Language: q.Language, Source: q.Text, Text: bound.Text, Params: bound.Values}
			bare := graph.ExpandPrefixes(bound.Text)
			var rows int
			count := func(any) error { rows++; return nil }
			qctx := ctx
			ours := func() error {
				b, err := q.Prepare(args, st.ParamResolver(qctx))
				if err != nil {
					return err
				}
				c := graph.Canned{Name: q.Name, Language: q.Language, Source: q.Text, Text: b.Text, Params: b.Values}
				return st.RunCanned(qctx, c, 0, count)
			}
			layer := func() error { return st.RunCanned(qctx, c, 0, count) }
			plain := func() error { return graph.QueryBare(st, qctx, q.Language, bare, count) }
			var cancel context.CancelFunc
			qctx, cancel = context.WithTimeout(ctx, slow)
			for _, f := range []func() error{ours, layer} { // warm caches
				start := time.Now()
				if err := f(); err != nil || time.Since(start) > slow {
					cancel()
					b.Skipf("%s: one run took over %s (%v): too slow to benchmark here", q.Name, slow, err)
				}
			}
			cancel()
			bareOnce, ok := slowBare[b.Name()]
			if !ok { // the testing package runs each benchmark twice (b.N = 1, then N)
				bareOnce = warmBare(b, ctx, &qctx, plain)
				slowBare[b.Name()] = bareOnce
			}
			qctx = ctx
			if rows == 0 {
				b.Fatalf("%s has no answers here", q.Name)
			}
			var tOurs, tLayer, tBare []time.Duration
			b.ResetTimer()
			for i := 0; i < b.N; i++ { // rotate the order, against drift
				for j := 0; j < 3; j++ {
					switch (i + j) % 3 {
					case 0:
						tOurs = append(tOurs, timed(b, ours))
					case 1:
						tLayer = append(tLayer, timed(b, layer))
					case 2:
						if bareOnce == 0 {
							tBare = append(tBare, timed(b, plain))
						}
					}
				}
			}
			if bareOnce != 0 {
				tBare = []time.Duration{bareOnce}
			}
			b.StopTimer()
			report(b, tOurs, tLayer, tBare)
			if graph.HasGoVersion(c) {
				b.ReportMetric(1, "go-version")
			} else {
				b.ReportMetric(0, "go-version")
			}
		})
	}
}

// slow is the longest single run a query may take to be benchmarked:
// POLICYKG_BENCH_SLOW (a duration such as 30s), or 3s.
var slow = func() time.Duration {
	if d, err := time.ParseDuration(os.Getenv("POLICYKG_BENCH_SLOW")); err == nil && d > 0 {
		return d
	}
	return 3 * time.Second
}()

// bareCap bounds the one run of bare Cayley that warmBare waits for.
const bareCap = 60 * time.Second

// slowBare remembers warmBare's answer for each benchmark.
var slowBare = map[string]time.Duration{}

// warmBare runs bare Cayley once. When that takes over slow, the one run
// stands for bare Cayley's figures (returned; the loop skips it), and when
// it takes over bareCap, bareCap does (the ratio is then an upper bound).
// It returns 0 when bare Cayley is quick enough to run in the loop.
func warmBare(b *testing.B, ctx context.Context, qctx *context.Context, plain func() error) time.Duration {
	var cancel context.CancelFunc
	*qctx, cancel = context.WithTimeout(ctx, bareCap)
	defer cancel()
	start := time.Now()
	err := plain()
	d := time.Since(start)
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		b.Logf("bare Cayley: over %s (stopped); its figures are that cap", bareCap)
		return bareCap
	case err != nil:
		b.Fatal(err)
	case d > slow:
		b.Logf("bare Cayley: one run of %s, measured once", d.Round(time.Millisecond))
		return d
	}
	return 0
}

func timed(b *testing.B, f func() error) time.Duration {
	start := time.Now()
	if err := f(); err != nil {
		b.Fatal(err)
	}
	return time.Since(start)
}

// report gives p50/p99 of the full canned path (name lookup, bind, query),
// of the query layer alone (Query and Distinct on the bound text), and of
// bare query.Execute, with the layer's and the full path's p50 ratios to
// bare Cayley.
func report(b *testing.B, ours, layer, bare []time.Duration) {
	po, pl, pb := quantile(ours, 0.5), quantile(layer, 0.5), quantile(bare, 0.5)
	b.ReportMetric(float64(po.Microseconds()), "named-p50-µs")
	b.ReportMetric(float64(quantile(ours, 0.99).Microseconds()), "named-p99-µs")
	b.ReportMetric(float64(pl.Microseconds()), "p50-µs")
	b.ReportMetric(float64(quantile(layer, 0.99).Microseconds()), "p99-µs")
	b.ReportMetric(float64(pb.Microseconds()), "bare-p50-µs")
	b.ReportMetric(float64(quantile(bare, 0.99).Microseconds()), "bare-p99-µs")
	if pb > 0 {
		b.ReportMetric(float64(pl)/float64(pb), "ratio-p50")
		b.ReportMetric(float64(po)/float64(pb), "named-ratio-p50")
	}
	b.ReportMetric(0, "ns/op") // three runs share one loop; the quantiles say more
}

func quantile(ds []time.Duration, q float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[int(q*float64(len(s)-1))]
}
