package graph

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/policykg/policykg/ontology"
)

// Name is one name of an entity: its label or one of its aliases.
type Name struct {
	ID    ontology.EntityID
	Label string // the entity's rdfs:label
	Type  string // local name of its rdf:type, if any
	Text  string // the name itself: the label or an alias
	Alias bool   // Text is an alias
}

// Names lists the names of every entity (metric nodes excluded), sorted by
// entity and name: what a search box needs to suggest entities. It reads
// three predicate indexes, so it costs one pass over the names.
func (s *Store) Names(ctx context.Context) ([]Name, error) {
	labels := map[quad.Value]string{}
	types := map[quad.Value]string{}
	aliases := map[quad.Value][]string{}
	err := s.eachQuad(ctx, quad.Predicate, rdfsLabel, func(q quad.Quad) {
		if str, ok := q.Object.(quad.String); ok {
			labels[q.Subject] = string(str)
		}
	})
	if err == nil {
		err = s.eachQuad(ctx, quad.Predicate, rdfType, func(q quad.Quad) {
			if iri, ok := q.Object.(quad.IRI); ok {
				if t, ok := ontology.LocalName(string(iri)); ok {
					types[q.Subject] = t
				}
			}
		})
	}
	if err == nil {
		err = s.eachQuad(ctx, quad.Predicate, vocab(ontology.Alias), func(q quad.Quad) {
			if str, ok := q.Object.(quad.String); ok {
				aliases[q.Subject] = append(aliases[q.Subject], string(str))
			}
		})
	}
	if err != nil {
		return nil, fmt.Errorf("names %s: %w", s.loc, err)
	}
	var out []Name
	for v, label := range labels {
		iri, ok := v.(quad.IRI)
		if !ok {
			continue
		}
		id, ok := ontology.EntityIDFromIRI(string(iri))
		if !ok || strings.HasPrefix(string(id), "metric-") || types[v] == "Metric" {
			continue
		}
		out = append(out, Name{ID: id, Label: label, Type: types[v], Text: label})
		for _, a := range aliases[v] {
			out = append(out, Name{ID: id, Label: label, Type: types[v], Text: a, Alias: true})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].ID != out[j].ID {
			return out[i].ID < out[j].ID
		}
		return out[i].Text < out[j].Text
	})
	return out, nil
}
