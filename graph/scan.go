package graph

import (
	"context"
	"fmt"

	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	"github.com/policykg/policykg/ontology"
)

// Neither of Cayley's backends indexes quads by label: its key-value stores
// keep subject-predicate and object-predicate-subject indexes (and
// CAYLEY_KV_INDEXES, meant to add more, unmarshals into unexported fields
// and has no effect), and its SQL schema indexes every direction but the
// label. A lookup by label is therefore a scan of the whole store. On the
// SQL backends policykg adds the missing index (labelIndex); on bolt it
// finds a document's quads in a single scan instead of one per evidence
// node (scanDocumentQuads).

// labelIndex is created on the SQL backends when a store is created or
// opened; IF NOT EXISTS makes it cheap on every open after the first.
const labelIndex = `CREATE INDEX IF NOT EXISTS policykg_label_index ON quads (label_hash)`

// scanDocumentQuads returns every quad labelled by the document or by one
// of its evidence nodes, reading the store once. A document the store has
// never seen costs one lookup and no scan.
func (s *Store) scanDocumentQuads(ctx context.Context, id ontology.DocumentID) (map[quad.Quad]bool, error) {
	out := make(map[quad.Quad]bool)
	labels, err := s.docLabelRefs(ctx, id)
	if err != nil || len(labels) == 0 {
		return out, err
	}
	it := s.qs.QuadsAllIterator().Iterate()
	defer it.Close()
	for it.Next(ctx) {
		l, err := s.qs.QuadDirection(it.Result(), quad.Label)
		if err != nil {
			return nil, err
		}
		if l == nil || !labels[refs.ToKey(l)] {
			continue
		}
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			return nil, err
		}
		out[q] = true
	}
	if err := it.Err(); err != nil {
		return nil, fmt.Errorf("read document %s: %w", id, err)
	}
	return out, nil
}

// docLabelRefs returns the references of the document and of every node
// that names it with pkv:document (its evidence and sentence nodes), found
// through the object index.
func (s *Store) docLabelRefs(ctx context.Context, id ontology.DocumentID) (map[any]bool, error) {
	doc, err := s.qs.ValueOf(quad.IRI(ontology.DocumentIRI(id)))
	if err != nil || doc == nil {
		return nil, err
	}
	labels := map[any]bool{refs.ToKey(doc): true}
	inDoc, err := s.qs.ValueOf(vocab(ontology.InDoc))
	if err != nil || inDoc == nil {
		return labels, err
	}
	want := refs.ToKey(inDoc)
	it := s.qs.QuadIterator(quad.Object, doc).Iterate()
	defer it.Close()
	for it.Next(ctx) {
		p, err := s.qs.QuadDirection(it.Result(), quad.Predicate)
		if err != nil {
			return nil, err
		}
		if refs.ToKey(p) != want {
			continue
		}
		sub, err := s.qs.QuadDirection(it.Result(), quad.Subject)
		if err != nil {
			return nil, err
		}
		labels[refs.ToKey(sub)] = true
	}
	return labels, it.Err()
}
