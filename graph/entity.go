package graph

import (
	"context"
	"fmt"
	"sort"

	"github.com/cayleygraph/quad"
	"github.com/policykg/policykg/ontology"
)

// Card is everything the store says about one entity, in plain types that
// encode as JSON.
type Card struct {
	Ref
	Aliases []string `json:"aliases,omitempty"`
	Codes   []string `json:"codes,omitempty"`
	// Parents is the chain of part_of above the entity, nearest first.
	Parents []Ref `json:"parents,omitempty"`
	// Children are the entities directly part_of this one.
	Children  []Ref      `json:"children,omitempty"`
	Relations []Relation `json:"relations,omitempty"`
	Figures   []Figure   `json:"figures,omitempty"`
	// Documents mention the entity or give evidence for its facts.
	Documents []DocumentRef `json:"documents,omitempty"`
	Evidence  EvidenceCount `json:"evidence"`
}

// Relation groups the links of one predicate in one direction.
type Relation struct {
	Predicate string `json:"predicate"` // local name
	// Incoming is true when the entity is the object: "X part_of this".
	Incoming bool   `json:"incoming"`
	Links    []Link `json:"links"`
}

// Link is the other end of a relation and how much evidence supports it.
type Link struct {
	Ref
	Evidence int `json:"evidence"`
}

// Figure is a metric attached to the entity.
type Figure struct {
	IRI      string    `json:"iri"`
	Text     string    `json:"text"` // as written: "177 billion yuan"
	Value    string    `json:"value,omitempty"`
	Unit     string    `json:"unit,omitempty"`
	Year     int       `json:"year,omitempty"`
	Evidence []Support `json:"evidence,omitempty"`
}

// DocumentRef names a document.
type DocumentRef struct {
	ID    string `json:"id"`
	IRI   string `json:"iri"`
	Title string `json:"title,omitempty"`
	Date  string `json:"date,omitempty"`
}

// EvidenceCount sums the evidence behind an entity's relations and figures.
type EvidenceCount struct {
	Facts     int `json:"facts"`     // relation quads, both directions
	Evidence  int `json:"evidence"`  // distinct evidence nodes behind them and the figures
	Sentences int `json:"sentences"` // of which from sentences (the rest: reference sources)
	Documents int `json:"documents"` // distinct documents citing or mentioning the entity
}

// maxParents bounds the walk up part_of, against cycles in bad data.
const maxParents = 12

// Card describes the entity name means (see Resolve).
func (s *Store) Card(ctx context.Context, name string) (Card, error) {
	ref, err := s.Resolve(ctx, name)
	if err != nil {
		return Card{}, fmt.Errorf("show: %w", err)
	}
	c := Card{Ref: ref}
	b := cardBuilder{s: s, c: &c, evidence: map[string]bool{}, docs: map[string]bool{}, labels: map[string]Ref{},
		rel: map[relKey]map[string]map[string]bool{}}
	if err := b.build(ctx); err != nil {
		return Card{}, fmt.Errorf("show %s: %w", ref.Name(), err)
	}
	return c, nil
}

type relKey struct {
	pred     string
	incoming bool
}

// cardBuilder gathers a card from the entity's quads.
type cardBuilder struct {
	s        *Store
	c        *Card
	evidence map[string]bool                       // evidence IRIs seen
	docs     map[string]bool                       // document IRIs seen
	labels   map[string]Ref                        // cache of refs
	rel      map[relKey]map[string]map[string]bool // key -> other end -> labels
	metrics  []string
}

func (b *cardBuilder) build(ctx context.Context) error {
	v := quad.IRI(b.c.IRI)
	if err := b.s.eachQuad(ctx, quad.Subject, v, b.outgoing); err != nil {
		return err
	}
	if err := b.s.eachQuad(ctx, quad.Object, v, b.incoming); err != nil {
		return err
	}
	steps := []func(context.Context) error{b.relations, b.parents, b.figures, b.documents}
	for _, step := range steps {
		if err := step(ctx); err != nil {
			return err
		}
	}
	sort.Strings(b.c.Aliases)
	sort.Strings(b.c.Codes)
	return nil
}

func isRelation(p quad.Value) (string, bool) {
	name, ok := ontology.LocalName(iriString(p))
	if !ok {
		return "", false
	}
	_, known := ontology.LookupPredicate(ontology.Predicate(name))
	return name, known
}

func (b *cardBuilder) outgoing(q quad.Quad) {
	switch q.Predicate {
	case vocab(ontology.Alias):
		b.c.Aliases = appendNew(b.c.Aliases, literal(q.Object))
	case vocab(ontology.Code):
		b.c.Codes = appendNew(b.c.Codes, literal(q.Object))
	case vocab(ontology.HasMetric):
		b.metrics = appendNew(b.metrics, iriString(q.Object))
	default:
		if name, ok := isRelation(q.Predicate); ok {
			b.addRel(relKey{name, false}, iriString(q.Object), iriString(q.Label))
		}
	}
}

func (b *cardBuilder) incoming(q quad.Quad) {
	if q.Predicate == vocab(ontology.Mentions) {
		b.docs[iriString(q.Subject)] = true
		return
	}
	if name, ok := isRelation(q.Predicate); ok {
		b.addRel(relKey{name, true}, iriString(q.Subject), iriString(q.Label))
	}
}

func (b *cardBuilder) addRel(k relKey, other, label string) {
	if b.rel[k] == nil {
		b.rel[k] = map[string]map[string]bool{}
	}
	if b.rel[k][other] == nil {
		b.rel[k][other] = map[string]bool{}
	}
	b.rel[k][other][label] = true
	b.c.Evidence.Facts++
	b.evidence[label] = true
}

func (b *cardBuilder) refOf(ctx context.Context, iri string) (Ref, error) {
	if r, ok := b.labels[iri]; ok {
		return r, nil
	}
	r, _, err := b.s.ref(ctx, iri)
	if err == nil {
		b.labels[iri] = r
	}
	return r, err
}

// relations turns the gathered links into sorted groups; part_of links
// inwards are also the entity's children.
func (b *cardBuilder) relations(ctx context.Context) error {
	for k, others := range b.rel {
		rel := Relation{Predicate: k.pred, Incoming: k.incoming}
		for other, labels := range others {
			r, err := b.refOf(ctx, other)
			if err != nil {
				return err
			}
			rel.Links = append(rel.Links, Link{Ref: r, Evidence: len(labels)})
		}
		sort.Slice(rel.Links, func(i, j int) bool { return rel.Links[i].Name() < rel.Links[j].Name() })
		b.c.Relations = append(b.c.Relations, rel)
		if k.pred == string(ontology.PartOf) && k.incoming {
			for _, l := range rel.Links {
				b.c.Children = append(b.c.Children, l.Ref)
			}
		}
	}
	sort.Slice(b.c.Relations, func(i, j int) bool {
		a, c := b.c.Relations[i], b.c.Relations[j]
		if a.Predicate != c.Predicate {
			return a.Predicate < c.Predicate
		}
		return !a.Incoming && c.Incoming
	})
	return nil
}

// parents climbs part_of breadth first, nearest first.
func (b *cardBuilder) parents(ctx context.Context) error {
	seen := map[string]bool{b.c.IRI: true}
	frontier := []string{b.c.IRI}
	partOf := vocab(string(ontology.PartOf))
	for depth := 0; depth < maxParents && len(frontier) > 0; depth++ {
		var next []string
		for _, iri := range frontier {
			err := b.s.eachQuad(ctx, quad.Subject, quad.IRI(iri), func(q quad.Quad) {
				if o := iriString(q.Object); q.Predicate == partOf && !seen[o] {
					seen[o] = true
					next = append(next, o)
				}
			})
			if err != nil {
				return err
			}
		}
		sort.Strings(next)
		for _, iri := range next {
			r, err := b.refOf(ctx, iri)
			if err != nil {
				return err
			}
			b.c.Parents = append(b.c.Parents, r)
		}
		frontier = next
	}
	return nil
}

func (b *cardBuilder) figures(ctx context.Context) error {
	docs := map[string]docInfo{}
	for _, m := range b.metrics {
		f := Figure{IRI: m}
		var labels []string
		err := b.s.eachQuad(ctx, quad.Subject, quad.IRI(m), func(q quad.Quad) {
			labels = appendNew(labels, iriString(q.Label))
			switch q.Predicate {
			case vocab(ontology.Figure):
				f.Text = literal(q.Object)
			case vocab(ontology.Value):
				f.Value = literal(q.Object)
			case vocab(ontology.Unit):
				f.Unit = literal(q.Object)
			case vocab(ontology.Year):
				if n, ok := q.Object.(quad.Int); ok {
					f.Year = int(n)
				}
			}
		})
		if err != nil {
			return err
		}
		for _, l := range labels {
			b.evidence[l] = true
			sup, err := b.s.support(ctx, l, docs)
			if err != nil {
				return err
			}
			f.Evidence = append(f.Evidence, sup)
		}
		b.c.Figures = append(b.c.Figures, f)
	}
	sort.Slice(b.c.Figures, func(i, j int) bool {
		if b.c.Figures[i].Year != b.c.Figures[j].Year {
			return b.c.Figures[i].Year < b.c.Figures[j].Year
		}
		return b.c.Figures[i].Text < b.c.Figures[j].Text
	})
	return nil
}

// documents counts the evidence and lists the documents behind it and the
// documents that mention the entity.
func (b *cardBuilder) documents(ctx context.Context) error {
	cache := map[string]docInfo{}
	for ev := range b.evidence {
		b.c.Evidence.Evidence++
		sup, err := b.s.support(ctx, ev, cache)
		if err != nil {
			return err
		}
		if sup.Sentence > 0 {
			b.c.Evidence.Sentences++
		}
		b.docs[ontology.DocumentIRI(ontology.DocumentID(sup.Document))] = true
	}
	for iri := range b.docs {
		d, err := b.s.docInfo(ctx, iri, cache)
		if err != nil {
			return err
		}
		b.c.Documents = append(b.c.Documents, DocumentRef{ID: d.ID, IRI: d.IRI, Title: d.Title, Date: d.Date})
	}
	sort.Slice(b.c.Documents, func(i, j int) bool { return b.c.Documents[i].ID < b.c.Documents[j].ID })
	b.c.Evidence.Documents = len(b.c.Documents)
	return nil
}

func appendNew(ss []string, s string) []string {
	for _, x := range ss {
		if x == s {
			return ss
		}
	}
	return append(ss, s)
}
