package graph

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	"github.com/policykg/policykg/ontology"
)

// ErrAmbiguous is returned (wrapped) by Resolve when a name fits several
// entities equally well.
var ErrAmbiguous = errors.New("ambiguous")

// Ref names a node of the graph in plain strings.
type Ref struct {
	IRI   string `json:"iri"`             // full IRI, without angle brackets
	Label string `json:"label,omitempty"` // rdfs:label, if any
	Type  string `json:"type,omitempty"`  // local name of rdf:type (City, Document, ...), if any
	// Via says how a lookup matched: "iri", "label", "alias" or "slug".
	Via string `json:"via,omitempty"`
}

// Name is the label if there is one, else the IRI in short form.
func (r Ref) Name() string {
	if r.Label != "" {
		return r.Label
	}
	return ontology.Shorten(r.IRI)
}

// Lookup finds the nodes a name may mean: an IRI (full, <...> or with a
// project prefix such as pk:caofeidian) that occurs in the store; nodes whose
// rdfs:label or pkv:alias equals name, ignoring case; or the entity whose
// slug is name. Label matches come before alias matches, entities before
// documents and metrics. It returns an empty slice, not an error, when
// nothing matches.
func (s *Store) Lookup(ctx context.Context, name string) ([]Ref, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, nil
	}
	if iri, ok := ExpandIRI(name); ok {
		ref, found, err := s.ref(ctx, iri)
		if err != nil || !found {
			return nil, err
		}
		ref.Via = "iri"
		return []Ref{ref}, nil
	}
	matches, err := s.matchNames(ctx, name)
	if err != nil {
		return nil, err
	}
	if len(matches) == 0 {
		// A short form the ontology knows ("Xiong'an", "Jing-Jin-Ji") names
		// its canonical entity even when no document used that form.
		if canonical, ok := knownAlias(name); ok {
			if matches, err = s.matchNames(ctx, canonical); err != nil {
				return nil, err
			}
			for i := range matches {
				matches[i].Via = "alias"
			}
		}
	}
	if len(matches) == 0 {
		if ref, found, err := s.ref(ctx, ontology.EntityIRI(ontology.Slug(name))); err != nil {
			return nil, err
		} else if found && ontology.Slug(name) != "" {
			ref.Via = "slug"
			matches = append(matches, ref)
		}
	}
	sortRefs(matches)
	return matches, nil
}

// Resolve returns the one node name means (see Lookup). It fails with
// ErrNotFound when nothing matches and with ErrAmbiguous, listing the
// candidates, when several entities fit equally well.
func (s *Store) Resolve(ctx context.Context, name string) (Ref, error) {
	refs, err := s.Lookup(ctx, name)
	if err != nil {
		return Ref{}, fmt.Errorf("look up %q: %w", name, err)
	}
	if len(refs) == 0 {
		return Ref{}, fmt.Errorf("look up %q: %w (give a name, an alias or an IRI such as pk:caofeidian)", name, ErrNotFound)
	}
	if len(refs) > 1 && rank(refs[0]) == rank(refs[1]) {
		var alts []string
		for _, r := range refs {
			alts = append(alts, fmt.Sprintf("%s (%s)", ontology.Shorten(r.IRI), r.Type))
		}
		return Ref{}, fmt.Errorf("look up %q: %w: %s", name, ErrAmbiguous, strings.Join(alts, ", "))
	}
	return refs[0], nil
}

// matchNames finds nodes whose label or alias is name: first by exact
// value (an index lookup), then, if none, by a case-insensitive scan.
func (s *Store) matchNames(ctx context.Context, name string) ([]Ref, error) {
	alias := vocab(ontology.Alias)
	hits := map[quad.Value]string{} // subject -> how it matched
	keep := func(q quad.Quad) {
		switch {
		case q.Predicate == rdfsLabel:
			hits[q.Subject] = "label"
		case q.Predicate == alias && hits[q.Subject] == "":
			hits[q.Subject] = "alias"
		}
	}
	if err := s.exactNames(ctx, name, hits); err != nil {
		return nil, fmt.Errorf("look up %q: %w", name, err)
	}
	if len(hits) == 0 {
		fold := func(q quad.Quad) {
			if str, ok := q.Object.(quad.String); ok && strings.EqualFold(string(str), name) {
				keep(q)
			}
		}
		for _, p := range []quad.Value{rdfsLabel, alias} {
			if err := s.eachQuad(ctx, quad.Predicate, p, fold); err != nil {
				return nil, fmt.Errorf("look up %q: %w", name, err)
			}
		}
	}
	out := make([]Ref, 0, len(hits))
	for v, via := range hits {
		iri, ok := v.(quad.IRI)
		if !ok {
			continue
		}
		ref, _, err := s.ref(ctx, string(iri))
		if err != nil {
			return nil, err
		}
		ref.Via = via
		out = append(out, ref)
	}
	return out, nil
}

// exactNames records in hits the subjects whose label ("label") or alias
// ("alias", unless also a label) is exactly name. It reads the object
// index and compares predicates by reference, so a name that a thousand
// documents state costs a thousand index entries, not a thousand quads.
func (s *Store) exactNames(ctx context.Context, name string, hits map[quad.Value]string) error {
	r := newReader(ctx, s)
	str, err := r.ref(quad.String(name))
	if err != nil {
		return err
	}
	label, err := r.ref(rdfsLabel)
	if err != nil {
		return err
	}
	alias, err := r.ref(vocab(ontology.Alias))
	if err != nil {
		return err
	}
	via := map[any]string{}
	var order []cgraph.Ref
	err = r.each(pattern{o: str}, func(l link) error {
		k := refs.ToKey(l.s)
		switch {
		case same(label, l.p):
			if _, ok := via[k]; !ok {
				order = append(order, l.s)
			}
			via[k] = "label"
		case same(alias, l.p) && via[k] == "":
			order = append(order, l.s)
			via[k] = "alias"
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, x := range order {
		v, err := r.value(x)
		if err != nil {
			return err
		}
		if v != nil {
			hits[v] = via[refs.ToKey(x)]
		}
	}
	return nil
}

// ref describes the node iri: its label and type. found is false when the
// store holds no such node. It reads only the node's label and type quads,
// not all the quads it is the subject of (thousands, for a busy place).
func (s *Store) ref(ctx context.Context, iri string) (ref Ref, found bool, err error) {
	ref.IRI = iri
	r := newReader(ctx, s)
	node, err := r.ref(quad.IRI(iri))
	if err != nil {
		return ref, false, fmt.Errorf("read %s: %w", iri, err)
	}
	if _, ok := node.(absent); ok {
		return ref, false, nil
	}
	label, err := r.firstObject(node, rdfsLabel, func(v quad.Value) bool { _, ok := v.(quad.String); return ok })
	if err == nil && label != nil {
		ref.Label = string(label.(quad.String))
	}
	if err == nil {
		var t quad.Value
		t, err = r.firstObject(node, rdfType, func(v quad.Value) bool { _, ok := v.(quad.IRI); return ok })
		if t != nil {
			ref.Type = localName(string(t.(quad.IRI)))
		}
	}
	if err != nil {
		return ref, false, fmt.Errorf("read %s: %w", iri, err)
	}
	return ref, true, nil
}

func localName(iri string) string {
	if l, ok := ontology.LocalName(iri); ok {
		return l
	}
	return ontology.Shorten(iri)
}

// rank orders lookup matches: entities of a known type before other
// nodes, label matches before alias matches.
func rank(r Ref) int {
	n := 0
	if _, ok := ontology.LookupType(ontology.EntityType(r.Type)); !ok {
		n += 2
	}
	if r.Via == "alias" {
		n++
	}
	return n
}

func sortRefs(refs []Ref) {
	sort.Slice(refs, func(i, j int) bool {
		if a, b := rank(refs[i]), rank(refs[j]); a != b {
			return a < b
		}
		return refs[i].IRI < refs[j].IRI
	})
}

// knownAlias returns the canonical name of the ontology's known entity that
// has name as an alias (not a contextual one, which needs its document).
func knownAlias(name string) (string, bool) {
	for _, k := range ontology.KnownEntities() {
		for _, a := range k.Aliases {
			if strings.EqualFold(a, name) {
				return k.Name, true
			}
		}
	}
	return "", false
}
