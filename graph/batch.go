package graph

import (
	"context"
	"fmt"
	"slices"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/policykg/policykg/ontology"
)

// DocumentWrite is what a batched write did to one document.
type DocumentWrite struct {
	WriteResult
	Err error // names the document; nothing of it was stored when set
}

// ReplaceDocuments stores several extractions as ReplaceDocument would,
// but in one transaction, which is much cheaper than one per document on
// every backend. Each document's quads are labelled by that document, so
// the documents' changes are disjoint. If the shared transaction fails,
// each document is retried in a transaction of its own, so one bad document
// costs only itself: its result carries the error and nothing of it is
// stored. Document IDs must be distinct within a batch; a repeated ID is
// reported as an error on the later document.
func (s *Store) ReplaceDocuments(ctx context.Context, exs []ontology.Extraction) []DocumentWrite {
	out := make([]DocumentWrite, len(exs))
	diffs := make([]docDiff, len(exs))
	seen := make(map[ontology.DocumentID]bool, len(exs))
	tx := cgraph.NewTransaction()
	disjoint := true
	for _, ex := range exs {
		disjoint = disjoint && !strings.Contains(string(ex.Document.ID), "#")
	}
	pending := 0
	for i, ex := range exs {
		id := ex.Document.ID
		switch {
		case id == "":
			out[i].Err = fmt.Errorf("store document: empty document ID")
		case seen[id]:
			out[i].Err = fmt.Errorf("store document %s: repeated in one batch", id)
		default:
			seen[id] = true
			diffs[i], out[i].Err = s.diff(ctx, ex)
		}
		if out[i].Err != nil {
			continue
		}
		out[i].WriteResult = diffs[i].result()
		if diffs[i].add(tx, disjoint) {
			pending++
		}
	}
	if pending == 0 {
		return out
	}
	err := s.apply(ctx, tx)
	if err == nil {
		return out
	}
	if pending == 1 {
		for i := range out {
			if out[i].Err == nil && !out[i].Unchanged() {
				out[i] = DocumentWrite{Err: fmt.Errorf("store document %s: %w", exs[i].Document.ID, err)}
			}
		}
		return out
	}
	// Find the document at fault: each gets its own transaction.
	for i := range out {
		if out[i].Err != nil || out[i].Unchanged() {
			continue
		}
		one := cgraph.NewTransaction()
		diffs[i].add(one, true)
		if err := s.apply(ctx, one); err != nil {
			out[i] = DocumentWrite{Err: fmt.Errorf("store document %s: %w", exs[i].Document.ID, err)}
		}
	}
	return out
}

// docDiff is the change that takes a document's stored quads to those of a
// new extraction.
type docDiff struct {
	added, removed []quad.Quad
}

func (d docDiff) result() WriteResult {
	return WriteResult{Added: len(d.added), Removed: len(d.removed)}
}

// add puts the change into tx and reports whether there was any. A diff
// holds no quad twice, and no quad of another document when disjoint is
// set: every quad is labelled by its document's IRI or an IRI made of it,
// "#" and more, so documents whose IDs have no "#" share no quad. Then the
// deltas go straight into tx; the Transaction's own methods would look
// each quad up in a map of the deltas so far (4% of a large build's time).
func (d docDiff) add(tx *cgraph.Transaction, disjoint bool) bool {
	if !disjoint {
		for _, q := range d.removed {
			tx.RemoveQuad(q)
		}
		for _, q := range d.added {
			tx.AddQuad(q)
		}
		return len(d.added)+len(d.removed) > 0
	}
	tx.Deltas = slices.Grow(tx.Deltas, len(d.removed)+len(d.added))
	for _, q := range d.removed {
		tx.Deltas = append(tx.Deltas, cgraph.Delta{Quad: q, Action: cgraph.Delete})
	}
	for _, q := range d.added {
		tx.Deltas = append(tx.Deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
	}
	return len(d.added)+len(d.removed) > 0
}

// diff compares an extraction with what the store holds for its document.
func (s *Store) diff(ctx context.Context, ex ontology.Extraction) (docDiff, error) {
	old, err := s.documentQuads(ctx, ex.Document.ID)
	if err != nil {
		return docDiff{}, err
	}
	var d docDiff
	want := make(map[quad.Quad]bool)
	for _, q := range documentQuads(ex) {
		if want[q] {
			continue
		}
		want[q] = true
		if !old[q] {
			d.added = append(d.added, q)
		}
	}
	for q := range old {
		if !want[q] {
			d.removed = append(d.removed, q)
		}
	}
	return d, nil
}
