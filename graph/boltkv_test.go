package graph

import (
	"context"
	"path/filepath"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/graph/kv/bbolt" // Cayley's own bbolt backend, to read our file
	"github.com/cayleygraph/quad"
)

// TestStoreFileIsCayleys: policykg opens bolt files with options of its
// own, but the file stays the one Cayley's bbolt backend writes: Cayley
// opens a policykg store and finds every quad and label.
func TestStoreFileIsCayleys(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "kg.db")
	s, err := Open(ctx, dir, Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	mustReplace(t, s, sample("doc-a", "Caofeidian district of Tangshan city has a port."))
	want := mustStats(t, s)
	s.Close()

	qs, err := cgraph.NewQuadStore("bbolt", dir, cgraph.Options{"no_bloom": true})
	if err != nil {
		t.Fatalf("cayley opens a policykg store: %v", err)
	}
	defer qs.Close()
	st, err := qs.Stats(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	if st.Quads.Value != want.Quads || st.Nodes.Value != want.Nodes {
		t.Errorf("cayley counts %d quads, %d nodes; policykg wrote %d, %d",
			st.Quads.Value, st.Nodes.Value, want.Quads, want.Nodes)
	}
	label, err := qs.ValueOf(quad.String("Caofeidian"))
	if err != nil || label == nil {
		t.Errorf("cayley finds no node \"Caofeidian\" (err %v)", err)
	}
}
