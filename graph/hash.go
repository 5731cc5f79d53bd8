package graph

import (
	"context"

	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	"github.com/policykg/policykg/ontology"
)

// lookupHash finds a document's pkv:hash without resolving the values of
// the document's other quads: it compares predicate references and reads
// one value. On the SQL backends, where every value read is a round trip,
// this is what makes an unchanged rebuild fast.
func (s *Store) lookupHash(ctx context.Context, id ontology.DocumentID) (string, error) {
	doc, err := s.qs.ValueOf(quad.IRI(ontology.DocumentIRI(id)))
	if err != nil || doc == nil {
		return "", err
	}
	pred, err := s.qs.ValueOf(vocab(ontology.Hash))
	if err != nil || pred == nil {
		return "", err
	}
	want := refs.ToKey(pred)
	it := s.qs.QuadIterator(quad.Subject, doc).Iterate()
	defer it.Close()
	for it.Next(ctx) {
		p, err := s.qs.QuadDirection(it.Result(), quad.Predicate)
		if err != nil {
			return "", err
		}
		if refs.ToKey(p) != want {
			continue
		}
		o, err := s.qs.QuadDirection(it.Result(), quad.Object)
		if err != nil {
			return "", err
		}
		v, err := s.qs.NameOf(o)
		if err != nil {
			return "", err
		}
		if str, ok := v.(quad.String); ok {
			return string(str), nil
		}
	}
	return "", it.Err()
}
