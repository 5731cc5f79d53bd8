package graph

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// TestGroupIsAtomic: Cayley transactions inside a group are stored only
// when the group commits; a failure after one of them leaves the store as
// it was, and so does a member Cayley closed without committing.
func TestGroupIsAtomic(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "kg.db"), Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	mustReplace(t, s, sample("doc-a", "Caofeidian district of Tangshan city has a port."))
	before, err := s.DocumentQuads(ctx, "doc-a")
	if err != nil || len(before) == 0 {
		t.Fatalf("doc-a: %d quads, %v", len(before), err)
	}
	old, err := s.documentQuads(ctx, "doc-a")
	if err != nil {
		t.Fatal(err)
	}
	removal := cgraph.NewTransaction()
	for q := range old {
		removal.RemoveQuad(q)
	}
	boom := errors.New("boom")
	err = s.group.do(ctx, func() error {
		if err := s.qw.ApplyTransaction(removal); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("group: %v, want boom", err)
	}
	if after, _ := s.DocumentQuads(ctx, "doc-a"); !slices.Equal(after, before) {
		t.Fatalf("a failed group left %d of %d quads", len(after), len(before))
	}

	// A member closed without a commit (Cayley's failure path) fails the
	// group even when fn returns nil.
	err = s.group.do(ctx, func() error {
		if err := s.qw.ApplyTransaction(removal); err != nil {
			return err
		}
		tx, err := s.group.Tx(ctx, true)
		if err != nil {
			return err
		}
		tx.Put(ctx, [][]byte{[]byte("meta"), []byte("x")}, []byte("y"))
		return tx.Close()
	})
	if !errors.Is(err, errGroupFailed) {
		t.Fatalf("group with a failed member: %v, want errGroupFailed", err)
	}
	if after, _ := s.DocumentQuads(ctx, "doc-a"); !slices.Equal(after, before) {
		t.Fatalf("a failed group left %d of %d quads", len(after), len(before))
	}

	// A change that removes and adds goes through a group and is whole.
	tx := cgraph.NewTransaction()
	for q := range old {
		tx.RemoveQuad(q)
	}
	tx.AddQuad(quad.MakeIRI("https://policykg.org/doc/doc-a", "https://policykg.org/vocab#note", "https://policykg.org/id/x", "https://policykg.org/doc/doc-a"))
	if err := s.apply(ctx, tx); err != nil {
		t.Fatal(err)
	}
	after, err := s.DocumentQuads(ctx, "doc-a")
	if err != nil || len(after) != 1 {
		t.Fatalf("after the change: %v (%v), want the one added quad", after, err)
	}
}
