package graph

import (
	"context"
	"fmt"
	"strings"

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
		n, err := s.count(ctx, quad.Predicate, vocab(string(p.Name)))
		if err != nil {
			return Stats{}, err
		}
		if n > 0 {
			out.Predicates[p.Name] = n
		}
	}
	types := map[quad.Value]bool{}
	for _, t := range ontology.Types() {
		types[vocab(string(t.Type))] = true
	}
	ents := map[quad.Value]bool{}
	err = s.eachQuad(ctx, quad.Predicate, rdfType, func(q quad.Quad) {
		switch {
		case q.Object == vocab("Document"):
			out.Documents++
		case types[q.Object]:
			ents[q.Subject] = true
		}
	})
	if err != nil {
		return Stats{}, fmt.Errorf("stats %s: %w", s.loc, err)
	}
	out.Entities = int64(len(ents))
	return out, nil
}

func (s *Store) count(ctx context.Context, d quad.Direction, v quad.Value) (int64, error) {
	var n int64
	err := s.eachQuad(ctx, d, v, func(quad.Quad) { n++ })
	if err != nil {
		return 0, fmt.Errorf("stats %s: count %v: %w", s.loc, v, err)
	}
	return n, nil
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
