package graph

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	"github.com/policykg/policykg/ontology"
)

// WriteSubgraph writes, as N-Quads, the part of the graph that a set of
// nodes spans: every quad whose subject and object are both among iris,
// and the rdfs:label and rdf:type of each node. IRIs may be bare or in
// angle brackets. Quads come out sorted, so the output is stable.
func (s *Store) WriteSubgraph(ctx context.Context, iris []string, w io.Writer) error {
	nodes := map[quad.Value]bool{}
	for _, iri := range iris {
		nodes[quad.IRI(strings.TrimSuffix(strings.TrimPrefix(iri, "<"), ">"))] = true
	}
	var out []quad.Quad
	for n := range nodes {
		err := s.eachQuad(ctx, quad.Subject, n, func(q quad.Quad) {
			if nodes[q.Object] || q.Predicate == rdfsLabel || q.Predicate == rdfType {
				out = append(out, q)
			}
		})
		if err != nil {
			return fmt.Errorf("subgraph: read %s: %w", n, err)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].NQuad() < out[j].NQuad() })
	nw := nquads.NewWriter(w)
	if _, err := nw.WriteQuads(out); err != nil {
		return fmt.Errorf("subgraph: write: %w", err)
	}
	if err := nw.Close(); err != nil {
		return fmt.Errorf("subgraph: write: %w", err)
	}
	return nil
}

// ParamResolver returns a function that turns the values of canned query
// parameters into IRIs: entities by Resolve (names, aliases or IRIs), types
// by ontology.ParseType ("City" or pkv:City), predicates by
// ParsePredicateName. Its signature matches queries.Resolver.
func (s *Store) ParamResolver(ctx context.Context) func(kind, value string) (string, error) {
	return func(kind, value string) (string, error) {
		switch kind {
		case "entity":
			r, err := s.Resolve(ctx, value)
			return "<" + r.IRI + ">", err
		case "type":
			if iri, ok := ExpandIRI(value); ok {
				return "<" + iri + ">", nil
			}
			t, err := ontology.ParseType(value)
			return "<" + ontology.VocabIRI(string(t)) + ">", err
		case "predicate":
			iri, err := ParsePredicateName(value)
			return "<" + iri + ">", err
		}
		return value, nil
	}
}
