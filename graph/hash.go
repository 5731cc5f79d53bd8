package graph

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	"github.com/policykg/policykg/ontology"
)

// hashObject finds the object of a document's pkv:hash quad without
// resolving the values of the document's other quads: it compares
// predicate references. It returns nil when the store holds no hash for
// the document. On the SQL backends, where every value read is a round
// trip, this is what makes an unchanged rebuild fast.
func (s *Store) hashObject(ctx context.Context, id ontology.DocumentID) (cgraph.Ref, error) {
	doc, err := s.qs.ValueOf(quad.IRI(ontology.DocumentIRI(id)))
	if err != nil || doc == nil {
		return nil, err
	}
	pred, err := s.qs.ValueOf(vocab(ontology.Hash))
	if err != nil || pred == nil {
		return nil, err
	}
	want := refs.ToKey(pred)
	it := s.qs.QuadIterator(quad.Subject, doc).Iterate()
	defer it.Close()
	for it.Next(ctx) {
		p, err := s.qs.QuadDirection(it.Result(), quad.Predicate)
		if err != nil {
			return nil, err
		}
		if refs.ToKey(p) == want {
			return s.qs.QuadDirection(it.Result(), quad.Object)
		}
	}
	return nil, it.Err()
}

// DocumentHash returns the content hash stored for a document, or "" when
// the store holds no such document.
func (s *Store) DocumentHash(ctx context.Context, id ontology.DocumentID) (string, error) {
	o, err := s.hashObject(ctx, id)
	if err != nil || o == nil {
		return "", wrapDocErr(id, err)
	}
	v, err := s.qs.NameOf(o)
	if err != nil {
		return "", wrapDocErr(id, err)
	}
	str, _ := v.(quad.String)
	return string(str), nil
}

// HasHash reports whether the store holds document id with content hash
// hash. It compares the stored value's reference with hash's, so it reads
// no value: one query fewer per document than DocumentHash on the SQL
// backends.
func (s *Store) HasHash(ctx context.Context, id ontology.DocumentID, hash string) (bool, error) {
	o, err := s.hashObject(ctx, id)
	if err != nil || o == nil {
		return false, wrapDocErr(id, err)
	}
	h, err := s.qs.ValueOf(quad.String(hash))
	if err != nil || h == nil {
		return false, wrapDocErr(id, err)
	}
	return refs.ToKey(o) == refs.ToKey(h), nil
}

// wrapDocErr names the document an error of reading it concerns; nil stays
// nil.
func wrapDocErr(id ontology.DocumentID, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("read document %s: %w", id, err)
}
