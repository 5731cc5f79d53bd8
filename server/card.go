package server

import (
	"context"
	"sort"

	"github.com/policykg/policykg/graph"
	"github.com/policykg/policykg/ontology"
)

// The entity card, as /api/entities/{id} answers it: the entity, the chain
// of places it is part of, its relations grouped by predicate with the
// sentences behind each, its figures with theirs, and the documents cited.
// It is read through graph.Subgraph, the same selection the exports draw.

type refView struct {
	ID    string `json:"id"`
	IRI   string `json:"iri"`
	Label string `json:"label"`
	Type  string `json:"type,omitempty"`
}

type supportView struct {
	Document string `json:"document"`
	Rule     string `json:"rule,omitempty"`
	Text     string `json:"text"`
}

type linkView struct {
	refView
	Support []supportView `json:"support"`
}

type relationView struct {
	Predicate string     `json:"predicate"`
	Label     string     `json:"label"`
	Incoming  bool       `json:"incoming"`
	Links     []linkView `json:"links"`
}

type figureView struct {
	Text    string        `json:"text"`
	Value   float64       `json:"value"`
	Unit    string        `json:"unit,omitempty"`
	Year    int           `json:"year,omitempty"`
	Support []supportView `json:"support"`
}

type cardView struct {
	refView
	Aliases   []string       `json:"aliases,omitempty"`
	Parents   []refView      `json:"parents"` // nearest first
	Relations []relationView `json:"relations"`
	Figures   []figureView   `json:"figures"`
	Documents []refView      `json:"documents"`
}

// maxChain bounds the walk up part_of.
const maxChain = 8

// entityCard assembles the card of the entity id (a slug, IRI, name or
// alias). It fails with graph.ErrNotFound (wrapped) for no such entity.
func entityCard(ctx context.Context, st *graph.Store, id string) (any, error) {
	iri, err := st.ResolveEntity(ctx, id)
	if err != nil {
		return nil, err
	}
	near, err := st.Subgraph(ctx, graph.Filter{Focus: iri, Depth: 1}, maxDrawNodes)
	if err != nil {
		return nil, err
	}
	up, err := st.Subgraph(ctx, graph.Filter{Focus: iri, Depth: maxChain,
		Predicates: []ontology.Predicate{ontology.PartOf}}, maxDrawNodes)
	if err != nil {
		return nil, err
	}
	self, _ := near.Node(iri)
	c := &cardView{refView: ref(self), Aliases: self.Aliases, Parents: parents(up, iri)}
	docs := map[ontology.DocumentID]bool{}
	c.Relations = relations(near, iri, docs)
	c.Figures = figures(near, iri, docs)
	c.Documents = documents(docs)
	return c, nil
}

func ref(n graph.Node) refView {
	return refView{ID: string(n.ID), IRI: n.IRI, Label: n.Label, Type: string(n.Type)}
}

// parents follows part_of upward from iri: the chain Caofeidian, Tangshan,
// Hebei gives [Tangshan, Hebei] for Caofeidian.
func parents(g *graph.Subgraph, iri string) []refView {
	out := []refView{}
	seen := map[string]bool{iri: true}
	for cur := iri; len(out) < maxChain; {
		next := ""
		for _, e := range g.Edges {
			if e.Subject == cur && e.Predicate == ontology.PartOf && !seen[e.Object] {
				next = e.Object
				break
			}
		}
		n, ok := g.Node(next)
		if !ok {
			break
		}
		seen[next] = true
		out = append(out, ref(n))
		cur = next
	}
	return out
}

func relations(g *graph.Subgraph, iri string, docs map[ontology.DocumentID]bool) []relationView {
	labels := map[ontology.Predicate]string{}
	for _, p := range ontology.Predicates() {
		labels[p.Name] = p.Label
	}
	type key struct {
		p  ontology.Predicate
		in bool
	}
	groups := map[key]*relationView{}
	var order []key
	for _, e := range g.Edges {
		other, in := e.Object, false
		switch {
		case e.Subject == iri:
		case e.Object == iri:
			other, in = e.Subject, true
		default:
			continue
		}
		n, ok := g.Node(other)
		if !ok {
			continue
		}
		k := key{e.Predicate, in}
		if groups[k] == nil {
			label := labels[e.Predicate]
			if label == "" {
				label = string(e.Predicate)
			}
			groups[k] = &relationView{Predicate: string(e.Predicate), Label: label, Incoming: in}
			order = append(order, k)
		}
		groups[k].Links = append(groups[k].Links, linkView{refView: ref(n), Support: supports(e.Evidence, docs)})
	}
	sort.SliceStable(order, func(i, j int) bool {
		if order[i].in != order[j].in {
			return !order[i].in
		}
		return order[i].p < order[j].p
	})
	out := make([]relationView, 0, len(order))
	for _, k := range order {
		out = append(out, *groups[k])
	}
	return out
}

func figures(g *graph.Subgraph, iri string, docs map[ontology.DocumentID]bool) []figureView {
	out := []figureView{}
	for _, m := range g.Metrics {
		if m.Subject == iri {
			out = append(out, figureView{Text: m.Label, Value: m.Value, Unit: m.Unit, Year: m.Year,
				Support: supports(m.Evidence, docs)})
		}
	}
	return out
}

func supports(ev []graph.Evidence, docs map[ontology.DocumentID]bool) []supportView {
	out := make([]supportView, 0, len(ev))
	for _, e := range ev {
		docs[e.Document] = true
		out = append(out, supportView{Document: string(e.Document), Rule: e.Rule, Text: e.Text})
	}
	return out
}

func documents(docs map[ontology.DocumentID]bool) []refView {
	out := make([]refView, 0, len(docs))
	for d := range docs {
		out = append(out, refView{ID: string(d), IRI: ontology.DocumentIRI(d)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
