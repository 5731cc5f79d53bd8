package main

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/policykg/policykg/corpus"
	"github.com/policykg/policykg/graph"
	"github.com/policykg/policykg/graph/storetest"
	"github.com/policykg/policykg/ontology"
)

// TestParallelBuildIsDeterministic builds the same corpus, with a bad
// document in the middle, with one job and with four, on every backend: the
// stores hold the same quads and the reports are the same, line for line.
func TestParallelBuildIsDeterministic(t *testing.T) {
	corpus := crashCorpus(t, 12)
	os.WriteFile(filepath.Join(corpus, "doc-006b.txt"), []byte("\x00\xff"), 0o644)
	for _, b := range storetest.Backends() {
		t.Run(b.Name, func(t *testing.T) {
			var outs []string
			var snaps []map[ontology.DocumentID][]string
			for _, jobs := range []string{"1", "4"} {
				db := b.New(t)
				out, stderr, err := run(t, "build", "--db", db, "--jobs", jobs, corpus)
				if err == nil || !strings.Contains(err.Error(), "1 of 13 documents failed") {
					t.Errorf("--jobs %s: got error %v, want 1 of 31 failed", jobs, err)
				}
				if lines := strings.Split(strings.TrimSpace(stderr), "\n"); len(lines) != 1 || !strings.Contains(lines[0], "doc-006b.txt") {
					t.Errorf("--jobs %s: stderr %q, want one line naming doc-006b.txt", jobs, stderr)
				}
				if !strings.Contains(out, "12 built, 0 unchanged, skipped, 1 failed") {
					t.Errorf("--jobs %s: summary %q", jobs, out)
				}
				outs = append(outs, out)
				snaps = append(snaps, snapshot(t, db))
			}
			if outs[0] != outs[1] {
				t.Errorf("reports differ between --jobs 1 and --jobs 4:\n%s\nvs\n%s", outs[0], outs[1])
			}
			if len(snaps[0]) != 12 || !maps.EqualFunc(snaps[0], snaps[1], slices.Equal[[]string]) {
				t.Errorf("stores differ between --jobs 1 (%d documents) and --jobs 4 (%d documents)", len(snaps[0]), len(snaps[1]))
			}
		})
	}
}

// TestIncrementalBuildAndRemove changes one document and removes another,
// on every backend.
func TestIncrementalBuildAndRemove(t *testing.T) {
	for _, b := range storetest.Backends() {
		t.Run(b.Name, func(t *testing.T) {
			corpus := crashCorpus(t, 5)
			db := b.New(t)
			mustRun(t, "init", "--db", db)
			mustRun(t, "build", "--db", db, corpus)
			changed := filepath.Join(corpus, "doc-002.txt")
			f, _ := os.OpenFile(changed, os.O_APPEND|os.O_WRONLY, 0)
			fmt.Fprintln(f, "Tianjin signed 7 more agreements.")
			f.Close()
			out := mustRun(t, "build", "--db", db, corpus)
			if !strings.Contains(out, "built "+changed) || !strings.Contains(out, "1 built, 4 unchanged, skipped, 0 failed") {
				t.Errorf("rebuild after changing one document: %q", out)
			}
			out = mustRun(t, "remove", "--db", db, filepath.Join(corpus, "doc-003.txt"))
			if !strings.HasPrefix(out, "removed doc-003: ") {
				t.Errorf("remove by path: %q", out)
			}
			_, stderr, err := run(t, "remove", "--db", db, "doc-003", "doc-004")
			if err == nil || !strings.Contains(stderr, "remove doc-003: no such document") {
				t.Errorf("removing a removed document: err %v, stderr %q; want it named", err, stderr)
			}
			if got := snapshot(t, db); len(got) != 3 || got["doc-003"] != nil || got["doc-004"] != nil {
				t.Errorf("after removals: %d documents, want doc-000..002", len(got))
			}
			out = mustRun(t, "build", "--db", db, corpus)
			if !strings.Contains(out, "2 built, 3 unchanged, skipped") {
				t.Errorf("rebuild after removals: %q, want the two removed documents built again", out)
			}
		})
	}
}

func TestInitPostgres(t *testing.T) {
	db := storetest.Postgres(t)
	if _, stderr, err := run(t, "stats", "--db", db); err == nil || !strings.Contains(err.Error(), "policykg init") {
		t.Errorf("stats before init: err %v %s, want a pointer to policykg init", err, stderr)
	}
	if out := mustRun(t, "init", "--db", db); !strings.Contains(out, "store ready") || strings.Contains(out, "@127.0.0.1") && strings.Contains(out, ":secret@") {
		t.Errorf("init: %q", out)
	}
	mustRun(t, "init", "--db", db) // a second init leaves the store be
	if out := mustRun(t, "stats", "--db", db); !strings.Contains(out, "documents") {
		t.Errorf("stats after init: %q", out)
	}
}

func TestBuildRejectsBadJobs(t *testing.T) {
	_, _, err := run(t, "build", "--db", filepath.Join(t.TempDir(), "kg.db"), "--jobs", "0", "../../seeds")
	if err == nil || !strings.Contains(err.Error(), "--jobs 0") {
		t.Errorf("--jobs 0: got %v, want an error naming it", err)
	}
}

func TestBuildRejectsBadMemoryLimit(t *testing.T) {
	_, _, err := run(t, "build", "--db", filepath.Join(t.TempDir(), "kg.db"), "--memory-limit", "-5", "../../seeds")
	if err == nil || !strings.Contains(err.Error(), "--memory-limit -5") {
		t.Errorf("--memory-limit -5: got %v, want an error naming it", err)
	}
}

// TestBuildMemoryLimit: build gives three quarters of its budget to the
// heap's soft limit and a quarter to a bolt store's mapped file, sets
// neither for 0, and leaves a user's GOMEMLIMIT to the runtime.
func TestBuildMemoryLimit(t *testing.T) {
	for _, c := range []struct {
		mib   int
		env   string
		want  int64
		wants bool
	}{
		{384, "", 288 << 20, true},
		{1024, "", 768 << 20, true},
		{0, "", 0, false},
		{256, "2GiB", 0, false},
	} {
		got, ok := buildMemoryLimit(c.mib, c.env)
		if got != c.want || ok != c.wants {
			t.Errorf("buildMemoryLimit(%d, %q) = %d, %v; want %d, %v", c.mib, c.env, got, ok, c.want, c.wants)
		}
		if mapped := buildMappedLimit(c.mib); mapped != int64(c.mib)<<20/4 {
			t.Errorf("buildMappedLimit(%d) = %d, want a quarter of the budget", c.mib, mapped)
		}
	}
}

// TestBulkBuildMatchesTransactions builds a new store in bulk (the default)
// and through Cayley's transactions (--bulk=false), on every backend, from a
// corpus where a later folder repeats a document's file name: the earlier
// file is reported and not stored, the later one is, and a rebuild keeps
// it so. Reports and stores must agree between the two ways.
func TestBulkBuildMatchesTransactions(t *testing.T) {
	corpus := crashCorpus(t, 10)
	later := filepath.Join(filepath.Dir(corpus), "later")
	os.MkdirAll(later, 0o755)
	for i, name := range []string{"doc-003.txt", "doc-100.txt"} {
		text := fmt.Sprintf("Tianjin and Hebei opened %d new freight routes in 2025.\n", 40+i)
		os.WriteFile(filepath.Join(later, name), []byte(text), 0o644)
	}
	for _, be := range storetest.Backends() {
		t.Run(be.Name, func(t *testing.T) {
			testBulkBuildMatchesTransactions(t, be, corpus, later)
		})
	}
}

func testBulkBuildMatchesTransactions(t *testing.T, be storetest.Backend, corpus, later string) {
	var outs, rebuilds []string
	var snaps []map[ontology.DocumentID][]string
	build := func(args ...string) string {
		t.Helper()
		out, stderr, err := run(t, append([]string{"build"}, args...)...)
		if err == nil || !strings.Contains(err.Error(), "1 of 12 documents failed") {
			t.Errorf("build %v: error %v, want 1 of 12 failed", args, err)
		}
		line := strings.TrimSpace(stderr)
		if strings.Count(line, "\n") != 0 || !strings.Contains(line, filepath.Join(corpus, "doc-003.txt")) ||
			!strings.Contains(line, filepath.Join(later, "doc-003.txt")) {
			t.Errorf("build %v: stderr %q, want one line naming both doc-003 files", args, stderr)
		}
		return out
	}
	for _, bulk := range []string{"--bulk=true", "--bulk=false"} {
		db := be.New(t)
		out := build("--db", db, bulk, corpus, later)
		if !strings.Contains(out, "11 built, 0 unchanged, skipped, 1 failed") {
			t.Errorf("%s: summary %q", bulk, out)
		}
		if path, ok := strings.CutPrefix(db, "bolt:"); ok {
			if _, err := os.Stat(filepath.Join(path, "bulk.tmp")); !os.IsNotExist(err) {
				t.Errorf("%s: the bulk load's directory is left: %v", bulk, err)
			}
		}
		outs = append(outs, out)
		rebuild := build("--db", db, corpus, later)
		if !strings.Contains(rebuild, "0 built, 11 unchanged, skipped, 1 failed") {
			t.Errorf("%s: rebuild summary %q", bulk, rebuild)
		}
		rebuilds = append(rebuilds, rebuild)
		snaps = append(snaps, snapshot(t, db))
	}
	if outs[0] != outs[1] {
		t.Errorf("reports differ:\n%s\nvs\n%s", outs[0], outs[1])
	}
	if rebuilds[0] != rebuilds[1] {
		t.Errorf("rebuild reports differ:\n%s\nvs\n%s", rebuilds[0], rebuilds[1])
	}
	if len(snaps[0]) != 11 || !maps.EqualFunc(snaps[0], snaps[1], slices.Equal[[]string]) {
		t.Errorf("stores differ: %d documents in bulk, %d through transactions", len(snaps[0]), len(snaps[1]))
	}
	if q := strings.Join(snaps[0]["doc-003"], "\n"); !strings.Contains(q, "later/doc-003.txt") || strings.Contains(q, "corpus/doc-003.txt") {
		t.Errorf("doc-003 is not the later document's after a rebuild:\n%s", q)
	}
}

// TestBulkLoadHandsOver: given a document ID twice (the CLI no longer sends
// that, see corpus.MarkRepeats, but the bulk load's contract allows it), a
// build commits the bulk load at the repeat and goes on through Cayley's
// transactions, the later document replacing the earlier: the store is the
// one a build through Cayley alone makes.
func TestBulkLoadHandsOver(t *testing.T) {
	corpusDir := crashCorpus(t, 6)
	later := filepath.Join(filepath.Dir(corpusDir), "later")
	os.MkdirAll(later, 0o755)
	for i, name := range []string{"doc-003.txt", "doc-100.txt"} {
		text := fmt.Sprintf("Tianjin and Hebei opened %d new freight routes in 2025.\n", 40+i)
		os.WriteFile(filepath.Join(later, name), []byte(text), 0o644)
	}
	ctx := context.Background()
	for _, be := range storetest.Backends() {
		t.Run(be.Name, func(t *testing.T) {
			var sums []string
			var stores []map[ontology.DocumentID][]string
			for _, bulk := range []bool{true, false} {
				db := be.New(t)
				st, err := graph.Open(ctx, db, graph.Options{Create: true})
				if err != nil {
					t.Fatal(err)
				}
				var out, errs strings.Builder
				e := &env{stdout: &out, stderr: &errs, db: db}
				sum, err := runBuild(ctx, e, st, corpus.Find([]string{corpusDir, later}), buildOptions{bulk: bulk, jobs: 2})
				st.Close()
				if err != nil || errs.Len() != 0 {
					t.Fatalf("bulk %v: %v; stderr %q", bulk, err, errs.String())
				}
				sums = append(sums, sum.String())
				stores = append(stores, snapshot(t, db))
			}
			if !strings.Contains(sums[0], "8 built, 0 unchanged, skipped, 0 failed") || sums[0] != sums[1] {
				t.Errorf("summaries: %q in bulk, %q through Cayley", sums[0], sums[1])
			}
			if len(stores[0]) != 7 || !maps.EqualFunc(stores[0], stores[1], slices.Equal[[]string]) {
				t.Errorf("stores differ: %d documents in bulk, %d through Cayley", len(stores[0]), len(stores[1]))
			}
			if q := strings.Join(stores[0]["doc-003"], "\n"); !strings.Contains(q, "later/doc-003.txt") {
				t.Errorf("doc-003 is not the later document's:\n%s", q)
			}
		})
	}
}
