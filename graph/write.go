package graph

import (
	"context"
	"fmt"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/policykg/policykg/ontology"
)

// WriteResult says what a write changed.
type WriteResult struct {
	Added, Removed int
}

// Unchanged reports whether the write left the store as it was.
func (r WriteResult) Unchanged() bool { return r.Added == 0 && r.Removed == 0 }

// ReplaceDocument stores the extraction of a document, replacing whatever an
// earlier build stored for the same document ID. Quads shared with other
// documents are untouched. The change is applied in one transaction: either
// all of it is stored or none.
func (s *Store) ReplaceDocument(ctx context.Context, ex ontology.Extraction) (WriteResult, error) {
	if ex.Document.ID == "" {
		return WriteResult{}, fmt.Errorf("store document: empty document ID")
	}
	old, err := s.documentQuads(ctx, ex.Document.ID)
	if err != nil {
		return WriteResult{}, err
	}
	next := documentQuads(ex)
	tx := cgraph.NewTransactionN(len(next))
	want := make(map[quad.Quad]bool, len(next))
	for _, q := range next {
		want[q] = true
	}
	var res WriteResult
	for q := range old {
		if !want[q] {
			tx.RemoveQuad(q)
			res.Removed++
		}
	}
	for q := range want {
		if !old[q] {
			tx.AddQuad(q)
			res.Added++
		}
	}
	if res.Unchanged() {
		return res, nil
	}
	if err := s.apply(ctx, tx); err != nil {
		return WriteResult{}, fmt.Errorf("store document %s: %w", ex.Document.ID, err)
	}
	return res, nil
}

// RemoveDocument deletes every quad the document contributed. Entities and
// facts that other documents support stay, with those documents' evidence.
// It returns ErrNotFound (wrapped) when the store holds no such document.
func (s *Store) RemoveDocument(ctx context.Context, id ontology.DocumentID) (WriteResult, error) {
	old, err := s.documentQuads(ctx, id)
	if err != nil {
		return WriteResult{}, err
	}
	if len(old) == 0 {
		return WriteResult{}, fmt.Errorf("remove document %s: %w", id, ErrNotFound)
	}
	tx := cgraph.NewTransactionN(len(old))
	for q := range old {
		tx.RemoveQuad(q)
	}
	if err := s.apply(ctx, tx); err != nil {
		return WriteResult{}, fmt.Errorf("remove document %s: %w", id, err)
	}
	return WriteResult{Removed: len(old)}, nil
}

// documentQuads returns every quad labelled by the document or by one of
// its evidence nodes.
func (s *Store) documentQuads(ctx context.Context, id ontology.DocumentID) (map[quad.Quad]bool, error) {
	if !s.labelIndexed() {
		return s.scanDocumentQuads(ctx, id) // see scan.go
	}
	doc := quad.IRI(ontology.DocumentIRI(id))
	out := make(map[quad.Quad]bool)
	var evidence []quad.Value
	inDoc := vocab(ontology.InDoc)
	err := s.eachQuad(ctx, quad.Label, doc, func(q quad.Quad) {
		out[q] = true
		if q.Predicate == inDoc && q.Object == doc {
			evidence = append(evidence, q.Subject)
		}
	})
	if err != nil {
		return nil, fmt.Errorf("read document %s: %w", id, err)
	}
	for _, ev := range evidence {
		err := s.eachQuad(ctx, quad.Label, ev, func(q quad.Quad) { out[q] = true })
		if err != nil {
			return nil, fmt.Errorf("read document %s: %w", id, err)
		}
	}
	return out, nil
}

// eachQuad calls fn for every quad whose value in direction d is v (scan
// for callbacks that cannot fail).
func (s *Store) eachQuad(ctx context.Context, d quad.Direction, v quad.Value, fn func(quad.Quad)) error {
	return s.scan(ctx, d, v, func(q quad.Quad) error { fn(q); return nil })
}

// DocumentQuads returns the quads a document contributed, as sorted N-Quads
// lines, for comparing stores and for debugging.
func (s *Store) DocumentQuads(ctx context.Context, id ontology.DocumentID) ([]string, error) {
	qs, err := s.documentQuads(ctx, id)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(qs))
	for q := range qs {
		out = append(out, q.NQuad())
	}
	sort.Strings(out)
	return out, nil
}

// Documents returns the IDs of the documents in the store, sorted.
func (s *Store) Documents(ctx context.Context) ([]ontology.DocumentID, error) {
	var out []ontology.DocumentID
	err := s.eachQuad(ctx, quad.Object, vocab("Document"), func(q quad.Quad) {
		iri, ok := q.Subject.(quad.IRI)
		if !ok || q.Predicate != rdfType {
			return
		}
		if id, ok := strings.CutPrefix(string(iri), ontology.DocumentNS); ok {
			out = append(out, ontology.DocumentID(id))
		}
	})
	if err != nil {
		return nil, fmt.Errorf("list documents %s: %w", s.loc, err)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out, nil
}
