package main

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/policykg/policykg/graph"
	"github.com/policykg/policykg/graph/storetest"
	"github.com/policykg/policykg/ontology"
)

// buildBinary compiles policykg into a temporary directory.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "policykg")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// crashCorpus writes n documents: the seed under n names, each with its own
// closing sentence, so every document stores its own quads.
func crashCorpus(t *testing.T, n int) string {
	t.Helper()
	seed, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "corpus")
	os.MkdirAll(dir, 0o755)
	for i := 0; i < n; i++ {
		text := fmt.Sprintf("%s\n\nIn 20%02d, Hebei signed %d new cooperation agreements with Tianjin.\n", seed, i%30, 10+i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("doc-%03d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// snapshot reads every document's quads from a store.
func snapshot(t *testing.T, db string) map[ontology.DocumentID][]string {
	t.Helper()
	ctx := context.Background()
	st, err := graph.Open(ctx, db, graph.Options{})
	if errors.Is(err, graph.ErrNoStore) {
		return nil // killed while creating the store: nothing was stored
	}
	if err != nil {
		t.Fatalf("store after kill: %v", err)
	}
	defer st.Close()
	ids, err := st.Documents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	out := map[ontology.DocumentID][]string{}
	for _, id := range ids {
		if out[id], err = st.DocumentQuads(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// TestBuildSurvivesSIGKILL kills build at random points, on every backend,
// and checks that the store opens and holds none of the documents or all
// of them (a first build is one bulk load), and that a rerun completes to
// the graph an uninterrupted build makes.
func TestBuildSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and a corpus")
	}
	bin := buildBinary(t)
	corpus := crashCorpus(t, 40)
	for _, be := range storetest.Backends() {
		t.Run(be.Name, func(t *testing.T) {
			testBuildSurvivesSIGKILL(t, be, bin, corpus)
		})
	}
}

func testBuildSurvivesSIGKILL(t *testing.T, be storetest.Backend, bin, corpus string) {
	ref := be.New(t)
	start := time.Now()
	if out, err := exec.Command(bin, "build", "--db", ref, corpus).CombinedOutput(); err != nil {
		t.Fatalf("reference build: %v\n%s", err, out)
	}
	took := time.Since(start)
	want := snapshot(t, ref)
	if len(want) != 40 {
		t.Fatalf("reference build holds %d documents, want 40", len(want))
	}
	seed := time.Now().UnixNano()
	rng := rand.New(rand.NewPCG(uint64(seed), 1))
	t.Logf("reference build took %v; kill points from seed %d", took, seed)
	for run := 0; run < 5; run++ {
		db := be.New(t)
		cmd := exec.Command(bin, "build", "--db", db, corpus)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		after := time.Duration(rng.Int64N(int64(took)))
		time.Sleep(after)
		cmd.Process.Kill()
		cmd.Wait()
		got := snapshot(t, db) // nil when killed before the store was made
		if len(got) != 0 && len(got) != len(want) {
			t.Errorf("run %d (killed after %v): %d documents stored, want none or all %d",
				run, after, len(got), len(want))
		}
		for id, quads := range got {
			if !slices.Equal(quads, want[id]) {
				t.Errorf("run %d (killed after %v): document %s holds %d quads, want the whole %d",
					run, after, id, len(quads), len(want[id]))
			}
		}
		if out, err := exec.Command(bin, "build", "--db", db, corpus).CombinedOutput(); err != nil {
			t.Fatalf("rerun after kill: %v\n%s", err, out)
		}
		got = snapshot(t, db)
		if len(got) != len(want) {
			t.Errorf("run %d: rerun holds %d documents, want %d", run, len(got), len(want))
		}
		for id, quads := range want {
			if !slices.Equal(got[id], quads) {
				t.Errorf("run %d: after rerun document %s differs from the uninterrupted build", run, id)
			}
		}
	}
}
