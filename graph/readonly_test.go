package graph

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

func TestOpenReadOnlyRefusesWrites(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	if _, err := s.ReplaceDocument(ctx, sample("doc-a", "Caofeidian district of Tangshan city has a port.")); err != nil {
		t.Fatal(err)
	}
	dir := s.Location().Path
	s.Close()
	before, err := os.ReadFile(filepath.Join(dir, boltFile))
	if err != nil {
		t.Fatal(err)
	}
	ro, err := OpenReadOnly(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.ReplaceDocument(ctx, sample("doc-b", "Sanhe is in Langfang.")); !errors.Is(err, ErrReadOnly) {
		t.Errorf("ReplaceDocument: got %v, want ErrReadOnly", err)
	}
	if _, err := ro.RemoveDocument(ctx, "doc-a"); !errors.Is(err, ErrReadOnly) {
		t.Errorf("RemoveDocument: got %v, want ErrReadOnly", err)
	}
	// Below policykg's writer, bolt itself refuses: the file is read-only.
	h := ro.CayleyHandle().(*cgraph.Handle)
	q := quad.MakeIRI("a", "b", "c", "")
	if err := h.QuadStore.ApplyDeltas([]cgraph.Delta{{Quad: q, Action: cgraph.Add}}, cgraph.IgnoreOpts{}); err == nil {
		t.Errorf("ApplyDeltas on the read-only bolt store succeeded")
	}
	if got := collect(t, ro, "gizmo", `g.V("<https://policykg.org/id/caofeidian>").Out("<https://policykg.org/vocab#part_of>").All()`); len(got) != 1 {
		t.Errorf("query on the read-only store: got %v, want Tangshan", got)
	}
	after, _ := os.ReadFile(filepath.Join(dir, boltFile))
	if !bytes.Equal(before, after) {
		t.Errorf("the store file changed under a read-only store")
	}
}

func TestSnapshotLetsBuildsRun(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	s.ReplaceDocument(ctx, sample("doc-a", "Caofeidian district of Tangshan city has a port."))
	db := s.Location().Path

	// While a writer holds the store, no snapshot can be taken.
	if _, err := OpenSnapshot(ctx, db, t.TempDir()); !errors.Is(err, ErrLocked) {
		t.Errorf("snapshot during a build: got %v, want ErrLocked", err)
	}
	s.Close()

	snap, err := OpenSnapshot(ctx, db, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	// With a snapshot being served, a build opens the store at once.
	w, err := Open(ctx, db, Options{})
	if err != nil {
		t.Fatalf("build while a snapshot is open: %v", err)
	}
	if _, err := w.ReplaceDocument(ctx, sample("doc-b", "Sanhe is a county of Langfang.")); err != nil {
		t.Fatal(err)
	}
	w.Close()
	st, _ := snap.Stats(ctx)
	if st.Documents != 1 {
		t.Errorf("snapshot sees %d documents, want 1: it must not change", st.Documents)
	}
	dir := snap.Location().Path
	snap.Close()
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("closing the snapshot left %s behind", dir)
	}
	next, err := OpenSnapshot(ctx, db, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer next.Close()
	if st, _ := next.Stats(ctx); st.Documents != 2 {
		t.Errorf("new snapshot sees %d documents, want 2", st.Documents)
	}
}

func TestOpenReadOnlyMissing(t *testing.T) {
	_, err := OpenReadOnly(context.Background(), filepath.Join(t.TempDir(), "none"))
	if !errors.Is(err, ErrNoStore) {
		t.Errorf("got %v, want ErrNoStore", err)
	}
	_, err = OpenSnapshot(context.Background(), filepath.Join(t.TempDir(), "none"), t.TempDir())
	if !errors.Is(err, ErrNoStore) {
		t.Errorf("snapshot: got %v, want ErrNoStore", err)
	}
}
