package graph

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/policykg/policykg/ontology"
)

// Filter selects part of the graph for reading out. The zero Filter selects
// everything. Set fields narrow the selection; they combine with "and".
type Filter struct {
	// Focus names an entity (IRI, pk:slug, name or alias); with Depth it
	// selects the entities within Depth relation hops of it, both ways.
	Focus string
	Depth int
	// Predicates keeps only these relations (and, with Focus, walks only
	// them). Labels, types and other structure are kept regardless.
	Predicates []ontology.Predicate
	// Types keeps only entities of these types.
	Types []ontology.EntityType
	// Document keeps only quads that the document contributed.
	Document ontology.DocumentID
	// Query is the text of a Gizmo query: the entities among its results
	// (values and tags) are the selection.
	Query string
}

// ErrTooLarge is returned (wrapped) when a subgraph exceeds its limit.
var ErrTooLarge = errors.New("too large")

// selection is a Filter resolved against a store.
type selection struct {
	entities map[quad.Value]bool // nil: every entity
	preds    map[quad.Value]bool // relation predicates kept; nil: all
	labels   map[quad.Value]bool // quad labels kept; nil: all
}

// relations holds the vocabulary IRIs of the relation predicates.
var relations = func() map[quad.Value]ontology.Predicate {
	m := map[quad.Value]ontology.Predicate{}
	for _, p := range ontology.Predicates() {
		m[vocab(string(p.Name))] = p.Name
	}
	return m
}()

// entityTypes holds the vocabulary IRIs of the entity types.
var entityTypes = func() map[quad.Value]ontology.EntityType {
	m := map[quad.Value]ontology.EntityType{}
	for _, t := range ontology.Types() {
		m[vocab(string(t.Type))] = t.Type
	}
	return m
}()

// keep reports whether q passes the predicate and label parts of sel.
func (sel *selection) keep(q quad.Quad) bool {
	if sel.labels != nil && !sel.labels[q.Label] {
		return false
	}
	if _, rel := relations[q.Predicate]; rel && sel.preds != nil && !sel.preds[q.Predicate] {
		return false
	}
	return true
}

func (s *Store) resolve(ctx context.Context, f Filter) (*selection, error) {
	sel := &selection{}
	if len(f.Predicates) > 0 {
		sel.preds = map[quad.Value]bool{}
		for _, p := range f.Predicates {
			if _, ok := ontology.LookupPredicate(p); !ok {
				return nil, fmt.Errorf("filter: unknown predicate %q", p)
			}
			sel.preds[vocab(string(p))] = true
		}
	}
	if f.Document != "" {
		labels, err := s.documentLabels(ctx, f.Document)
		if err != nil {
			return nil, err
		}
		sel.labels = labels
	}
	if f.Focus != "" {
		iri, err := s.ResolveEntity(ctx, f.Focus)
		if err != nil {
			return nil, err
		}
		if sel.entities, err = s.neighbourhood(ctx, quad.IRI(iri), f.Depth, sel.preds); err != nil {
			return nil, err
		}
	}
	if f.Query != "" {
		got, err := s.queryEntities(ctx, f.Query)
		if err != nil {
			return nil, err
		}
		sel.entities = intersect(sel.entities, got)
	}
	if len(f.Types) > 0 {
		got, err := s.entitiesOfTypes(ctx, f.Types)
		if err != nil {
			return nil, err
		}
		sel.entities = intersect(sel.entities, got)
	}
	return sel, nil
}

// intersect returns a ∩ b, where a nil a means "everything".
func intersect(a, b map[quad.Value]bool) map[quad.Value]bool {
	if a == nil {
		return b
	}
	out := map[quad.Value]bool{}
	for v := range b {
		if a[v] {
			out[v] = true
		}
	}
	return out
}

// documentLabels returns the document IRI and its evidence IRIs: the labels
// of every quad the document contributed.
func (s *Store) documentLabels(ctx context.Context, id ontology.DocumentID) (map[quad.Value]bool, error) {
	doc := quad.IRI(ontology.DocumentIRI(id))
	out := map[quad.Value]bool{}
	inDoc := vocab(ontology.InDoc)
	err := s.eachQuad(ctx, quad.Label, doc, func(q quad.Quad) {
		out[doc] = true
		if q.Predicate == inDoc && q.Object == doc {
			out[q.Subject] = true
		}
	})
	if err != nil {
		return nil, fmt.Errorf("filter: document %s: %w", id, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("filter: document %q: %w", id, ErrNotFound)
	}
	return out, nil
}

// ResolveEntity returns the IRI of the entity named by ref: an IRI (bare
// or in angle brackets), pk:slug, a slug, a name or an alias (names and
// aliases match without regard to case). It returns ErrNotFound (wrapped)
// when no entity matches.
func (s *Store) ResolveEntity(ctx context.Context, ref string) (string, error) {
	ref = strings.TrimSpace(ref)
	var candidates []quad.Value
	bare := strings.TrimSuffix(strings.TrimPrefix(ref, "<"), ">")
	switch {
	case strings.Contains(bare, "://"):
		candidates = append(candidates, quad.IRI(bare))
	case strings.HasPrefix(bare, "pk:"):
		candidates = append(candidates, entityIRI(ontology.EntityID(strings.TrimPrefix(bare, "pk:"))))
	default:
		candidates = append(candidates, entityIRI(ontology.EntityID(bare)), entityIRI(ontology.Slug(bare)))
	}
	for _, c := range candidates {
		ok, err := s.isEntity(ctx, c)
		if err != nil {
			return "", fmt.Errorf("find entity %q: %w", ref, err)
		}
		if ok {
			return string(c.(quad.IRI)), nil
		}
	}
	iri, err := s.entityByName(ctx, ref)
	if err != nil {
		return "", fmt.Errorf("find entity %q: %w", ref, err)
	}
	if iri == "" {
		return "", fmt.Errorf("find entity %q: %w", ref, ErrNotFound)
	}
	return iri, nil
}

// isEntity reports whether v has an entity type.
func (s *Store) isEntity(ctx context.Context, v quad.Value) (bool, error) {
	found := false
	err := s.eachQuad(ctx, quad.Subject, v, func(q quad.Quad) {
		if _, ok := entityTypes[q.Object]; ok && q.Predicate == rdfType {
			found = true
		}
	})
	return found, err
}

// entityByName finds the entity whose label or alias is name, ignoring
// case; the smallest IRI wins when several match.
func (s *Store) entityByName(ctx context.Context, name string) (string, error) {
	var best string
	for _, p := range []quad.Value{rdfsLabel, vocab(ontology.Alias)} {
		err := s.eachQuad(ctx, quad.Predicate, p, func(q quad.Quad) {
			str, ok := q.Object.(quad.String)
			iri, isIRI := q.Subject.(quad.IRI)
			if !ok || !isIRI || !strings.EqualFold(string(str), name) {
				return
			}
			if _, ent := ontology.EntityIDFromIRI(string(iri)); ent && (best == "" || string(iri) < best) {
				best = string(iri)
			}
		})
		if err != nil || best != "" {
			return best, err
		}
	}
	return "", nil
}

// neighbourhood returns the entities within depth relation hops of start,
// following relations either way (only preds, when not nil).
func (s *Store) neighbourhood(ctx context.Context, start quad.Value, depth int, preds map[quad.Value]bool) (map[quad.Value]bool, error) {
	seen := map[quad.Value]bool{start: true}
	frontier := []quad.Value{start}
	for hop := 0; hop < depth && len(frontier) > 0; hop++ {
		var next []quad.Value
		visit := func(v quad.Value) {
			if !seen[v] {
				seen[v] = true
				next = append(next, v)
			}
		}
		for _, v := range frontier {
			for _, d := range []quad.Direction{quad.Subject, quad.Object} {
				err := s.eachQuad(ctx, d, v, func(q quad.Quad) {
					if _, rel := relations[q.Predicate]; !rel || (preds != nil && !preds[q.Predicate]) {
						return
					}
					if d == quad.Subject {
						visit(q.Object)
					} else {
						visit(q.Subject)
					}
				})
				if err != nil {
					return nil, fmt.Errorf("filter: neighbourhood of %v: %w", start, err)
				}
			}
		}
		frontier = next
	}
	return seen, nil
}

// queryEntities runs a Gizmo query and returns the entity IRIs among its
// results.
func (s *Store) queryEntities(ctx context.Context, text string) (map[quad.Value]bool, error) {
	out := map[quad.Value]bool{}
	err := s.Query(ctx, "gizmo", text, 0, func(r any) error {
		collectIRIs(r, out)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("filter: %w", err)
	}
	return out, nil
}

// collectIRIs adds the entity IRIs found anywhere in a query result.
func collectIRIs(r any, out map[quad.Value]bool) {
	switch x := r.(type) {
	case string:
		if strings.HasPrefix(x, "<") && strings.HasSuffix(x, ">") {
			if _, ok := ontology.EntityIDFromIRI(x[1 : len(x)-1]); ok {
				out[quad.IRI(x[1:len(x)-1])] = true
			}
		}
	case map[string]any:
		for _, v := range x {
			collectIRIs(v, out)
		}
	case []any:
		for _, v := range x {
			collectIRIs(v, out)
		}
	}
}

// entitiesOfTypes returns every entity of the given types.
func (s *Store) entitiesOfTypes(ctx context.Context, types []ontology.EntityType) (map[quad.Value]bool, error) {
	out := map[quad.Value]bool{}
	for _, t := range types {
		if _, ok := ontology.LookupType(t); !ok {
			return nil, fmt.Errorf("filter: unknown entity type %q", t)
		}
		err := s.eachQuad(ctx, quad.Object, vocab(string(t)), func(q quad.Quad) {
			if q.Predicate == rdfType {
				out[q.Subject] = true
			}
		})
		if err != nil {
			return nil, fmt.Errorf("filter: entities of type %s: %w", t, err)
		}
	}
	return out, nil
}

// sortedValues returns the members of a set in IRI order.
func sortedValues(set map[quad.Value]bool) []quad.Value {
	out := make([]quad.Value, 0, len(set))
	for v := range set {
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].String() < out[j].String() })
	return out
}
