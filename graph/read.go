package graph

import (
	"context"
	"fmt"
	"strings"

	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/cayley/query"
	_ "github.com/cayleygraph/cayley/query/gizmo"   // registers Gizmo
	_ "github.com/cayleygraph/cayley/query/graphql" // registers GraphQL
	"github.com/cayleygraph/quad"
	"github.com/policykg/policykg/ontology"
)

// Stats counts what a store holds.
type Stats struct {
	Nodes, Quads int64
	Documents    int64
	Entities     int64
	// Predicates counts the quads of each relation predicate, by local name.
	Predicates map[ontology.Predicate]int64
}

// Stats counts nodes, quads, documents, entities and relations by predicate.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	st, err := s.qs.Stats(ctx, true)
	if err != nil {
		return Stats{}, fmt.Errorf("stats %s: %w", s.loc, err)
	}
	out := Stats{Nodes: st.Nodes.Value, Quads: st.Quads.Value, Predicates: map[ontology.Predicate]int64{}}
	for _, p := range ontology.Predicates() {
		n, err := s.countRefs(ctx, quad.Predicate, vocab(string(p.Name)))
		if err != nil {
			return Stats{}, err
		}
		if n > 0 {
			out.Predicates[p.Name] = n
		}
	}
	if err := s.countTyped(ctx, &out); err != nil {
		return Stats{}, fmt.Errorf("stats %s: %w", s.loc, err)
	}
	return out, nil
}

// countRefs counts the quads with v in direction d. It walks references
// only: decoding each quad's values would cost several reads per quad.
func (s *Store) countRefs(ctx context.Context, d quad.Direction, v quad.Value) (int64, error) {
	ref, err := s.qs.ValueOf(v)
	if err != nil || ref == nil {
		return 0, err
	}
	it := s.qs.QuadIterator(d, ref).Iterate()
	defer it.Close()
	var n int64
	for it.Next(ctx) {
		n++
	}
	if err := it.Err(); err != nil {
		return 0, fmt.Errorf("stats %s: count %v: %w", s.loc, v, err)
	}
	return n, nil
}

// countTyped counts documents and typed entities from the rdf:type quads,
// comparing node references rather than decoded values.
func (s *Store) countTyped(ctx context.Context, out *Stats) error {
	key := func(v quad.Value) (any, error) {
		ref, err := s.qs.ValueOf(v)
		if err != nil || ref == nil {
			return nil, err
		}
		return refs.ToKey(ref), nil
	}
	docType, err := key(vocab("Document"))
	if err != nil {
		return err
	}
	types := map[any]bool{}
	for _, t := range ontology.Types() {
		k, err := key(vocab(string(t.Type)))
		if err != nil {
			return err
		}
		if k != nil {
			types[k] = true
		}
	}
	typeRef, err := s.qs.ValueOf(rdfType)
	if err != nil || typeRef == nil {
		return err
	}
	ents := map[any]bool{}
	it := s.qs.QuadIterator(quad.Predicate, typeRef).Iterate()
	defer it.Close()
	for it.Next(ctx) {
		o, err := s.qs.QuadDirection(it.Result(), quad.Object)
		if err != nil {
			return err
		}
		switch k := refs.ToKey(o); {
		case docType != nil && k == docType:
			out.Documents++
		case types[k]:
			sub, err := s.qs.QuadDirection(it.Result(), quad.Subject)
			if err != nil {
				return err
			}
			ents[refs.ToKey(sub)] = true
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	out.Entities = int64(len(ents))
	return nil
}

// Languages are the query languages Query accepts.
var Languages = []string{"gizmo", "graphql"}

// Row is one query result, as Cayley's JSON collation gives it: IRIs as
// "<...>" strings, literals as Go strings and numbers.
type Row = map[string]any

// Query runs a Gizmo or GraphQL query through Cayley's engine and calls fn
// for each result, at most limit of them (0: no limit). Short IRIs such as
// <pk:caofeidian> are expanded first (see ExpandPrefixes). A query error is
// returned as a *QueryError naming the language and, where the engine says,
// the line; an error from fn stops the query.
func (s *Store) Query(ctx context.Context, lang, text string, limit int, fn func(any) error) error {
	if !validLanguage(lang) {
		return fmt.Errorf("query: unknown language %q (want %s)", lang, strings.Join(Languages, " or "))
	}
	text, shift := prepareQuery(lang, text)
	it, err := query.Execute(ctx, s.qs, lang, text, query.Options{Limit: limit, Collation: query.JSON})
	if err != nil {
		return queryError(lang, text, shift, err)
	}
	defer it.Close()
	n := 0
	for it.Next(ctx) {
		r := it.Result()
		if r == nil {
			continue
		}
		if err := fn(r); err != nil {
			return err
		}
		n++
		if limit > 0 && n >= limit {
			break
		}
	}
	if err := it.Err(); err != nil {
		return queryError(lang, text, shift, err)
	}
	return nil
}

func validLanguage(lang string) bool {
	for _, l := range Languages {
		if l == lang {
			return true
		}
	}
	return false
}

// Labels returns the rdfs:label of each IRI that has one (IRIs may be
// given bare or in angle brackets, as query results write them).
func (s *Store) Labels(ctx context.Context, iris []string) (map[string]string, error) {
	out := make(map[string]string, len(iris))
	for _, iri := range iris {
		bare := strings.TrimSuffix(strings.TrimPrefix(iri, "<"), ">")
		if _, done := out[iri]; done {
			continue
		}
		var label string
		err := s.eachQuad(ctx, quad.Subject, quad.IRI(bare), func(q quad.Quad) {
			if str, ok := q.Object.(quad.String); ok && q.Predicate == rdfsLabel && label == "" {
				label = string(str)
			}
		})
		if err != nil {
			return nil, fmt.Errorf("labels: %s: %w", bare, err)
		}
		if label != "" {
			out[iri] = label
		}
	}
	return out, nil
}
