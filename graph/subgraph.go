package graph

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/policykg/policykg/ontology"
)

// Node is an entity of a subgraph.
type Node struct {
	IRI     string
	ID      ontology.EntityID
	Label   string // the name; the ID when the store holds none
	Type    ontology.EntityType
	Aliases []string // sorted
}

// Evidence is where a relation or figure came from.
type Evidence struct {
	IRI      string
	Document ontology.DocumentID
	Rule     string
	Text     string // the sentence, or the reference source's name
}

// Edge is a relation between two entities of a subgraph, with every piece
// of evidence the store holds for it.
type Edge struct {
	Subject, Object string // entity IRIs
	Predicate       ontology.Predicate
	Evidence        []Evidence // sorted by IRI
}

// Metric is a figure attached to an entity of a subgraph.
type Metric struct {
	IRI      string
	Subject  string // entity IRI
	Label    string // the figure as written
	Value    float64
	Unit     string
	Year     int // 0 when unknown
	Evidence []Evidence
}

// Subgraph is the part of the graph a Filter selects, as plain values in a
// deterministic order: nodes by IRI, edges by subject, predicate, object,
// metrics by subject then IRI. Only edges and metrics whose entities are in
// Nodes are kept.
type Subgraph struct {
	Nodes   []Node
	Edges   []Edge
	Metrics []Metric
}

// Node returns the node with the given IRI.
func (g *Subgraph) Node(iri string) (Node, bool) {
	i := sort.Search(len(g.Nodes), func(i int) bool { return g.Nodes[i].IRI >= iri })
	if i < len(g.Nodes) && g.Nodes[i].IRI == iri {
		return g.Nodes[i], true
	}
	return Node{}, false
}

// Subgraph reads the part of the graph f selects into memory. It fails with
// ErrTooLarge (wrapped) as soon as more than maxNodes entities are seen
// (maxNodes <= 0: no limit), so a careless export of a huge store stops
// early instead of exhausting memory.
func (s *Store) Subgraph(ctx context.Context, f Filter, maxNodes int) (*Subgraph, error) {
	b := newSubgraphBuilder(maxNodes)
	if err := s.eachSelected(ctx, f, b.add); err != nil {
		return nil, fmt.Errorf("read subgraph: %w", err)
	}
	return b.build(), nil
}

type edgeKey struct {
	s, o string
	p    ontology.Predicate
}

// subgraphBuilder folds a stream of quads into a Subgraph.
type subgraphBuilder struct {
	max      int
	labels   map[string]string
	types    map[string]ontology.EntityType
	aliases  map[string][]string
	edges    map[edgeKey][]string // evidence IRIs
	metrics  map[string]*Metric
	metricEv map[string][]string
	ev       map[string]*Evidence
	evSent   map[string]string // evidence -> sentence IRI
	texts    map[string]string // sentence -> text
}

func newSubgraphBuilder(max int) *subgraphBuilder {
	return &subgraphBuilder{
		max: max, labels: map[string]string{}, types: map[string]ontology.EntityType{},
		aliases: map[string][]string{}, edges: map[edgeKey][]string{},
		metrics: map[string]*Metric{}, metricEv: map[string][]string{},
		ev: map[string]*Evidence{}, evSent: map[string]string{}, texts: map[string]string{},
	}
}

func (b *subgraphBuilder) add(q quad.Quad) error {
	s := iriString(q.Subject)
	o := iriString(q.Object)
	label := iriString(q.Label)
	if p, ok := relations[q.Predicate]; ok {
		k := edgeKey{s, o, p}
		b.edges[k] = append(b.edges[k], label)
		return nil
	}
	local, _ := ontology.LocalName(iriString(q.Predicate))
	switch {
	case q.Predicate == rdfType:
		if t, ok := entityTypes[q.Object]; ok {
			b.types[s] = t
			if b.max > 0 && len(b.types) > b.max {
				return fmt.Errorf("more than %d entities: %w", b.max, ErrTooLarge)
			}
		}
	case q.Predicate == rdfsLabel:
		b.labels[s] = literal(q.Object)
	case local == ontology.Alias:
		b.aliases[s] = append(b.aliases[s], literal(q.Object))
	case local == ontology.HasMetric:
		b.metric(o).Subject = s
		b.metricEv[o] = append(b.metricEv[o], label)
	case local == ontology.Value:
		b.metric(s).Value = number2float(q.Object)
	case local == ontology.Unit:
		b.metric(s).Unit = literal(q.Object)
	case local == ontology.Year:
		b.metric(s).Year = int(number2float(q.Object))
	case local == ontology.Figure:
		b.metric(s).Label = literal(q.Object)
	default:
		b.evidenceQuad(s, local, q.Object)
	}
	return nil
}

func (b *subgraphBuilder) metric(iri string) *Metric {
	m, ok := b.metrics[iri]
	if !ok {
		m = &Metric{IRI: iri}
		b.metrics[iri] = m
	}
	return m
}

// evidenceQuad records the parts of evidence and sentence nodes.
func (b *subgraphBuilder) evidenceQuad(s, local string, o quad.Value) {
	evidence := func() *Evidence {
		e, ok := b.ev[s]
		if !ok {
			e = &Evidence{IRI: s}
			b.ev[s] = e
		}
		return e
	}
	isEvidence := strings.Contains(s, "#") && !strings.HasSuffix(s, "#") && !isSentenceIRI(s)
	switch {
	case local == ontology.Text && isSentenceIRI(s):
		b.texts[s] = literal(o)
	case !isEvidence:
	case local == ontology.Text:
		evidence().Text = literal(o)
	case local == ontology.Rule:
		evidence().Rule = literal(o)
	case local == ontology.InDoc:
		evidence().Document = ontology.DocumentID(strings.TrimPrefix(iriString(o), ontology.DocumentNS))
	case local == ontology.Sentence:
		evidence()
		b.evSent[s] = iriString(o)
	}
}

// isSentenceIRI reports whether iri ends in "#s<digits>".
func isSentenceIRI(iri string) bool {
	i := strings.LastIndex(iri, "#s")
	if i < 0 || i+2 == len(iri) {
		return false
	}
	for _, r := range iri[i+2:] {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func (b *subgraphBuilder) build() *Subgraph {
	g := &Subgraph{}
	for iri, t := range b.types {
		id, _ := ontology.EntityIDFromIRI(iri)
		n := Node{IRI: iri, ID: id, Label: b.labels[iri], Type: t, Aliases: dedupe(b.aliases[iri])}
		if n.Label == "" {
			n.Label = string(id)
		}
		g.Nodes = append(g.Nodes, n)
	}
	sort.Slice(g.Nodes, func(i, j int) bool { return g.Nodes[i].IRI < g.Nodes[j].IRI })
	for k, evs := range b.edges {
		if b.types[k.s] == "" || b.types[k.o] == "" {
			continue
		}
		g.Edges = append(g.Edges, Edge{Subject: k.s, Object: k.o, Predicate: k.p, Evidence: b.evidence(evs)})
	}
	sort.Slice(g.Edges, func(i, j int) bool { return edgeLess(g.Edges[i], g.Edges[j]) })
	for iri, m := range b.metrics {
		if b.types[m.Subject] == "" {
			continue
		}
		m.Evidence = b.evidence(b.metricEv[iri])
		g.Metrics = append(g.Metrics, *m)
	}
	sort.Slice(g.Metrics, func(i, j int) bool {
		a, c := g.Metrics[i], g.Metrics[j]
		return a.Subject < c.Subject || a.Subject == c.Subject && a.IRI < c.IRI
	})
	return g
}

func edgeLess(a, b Edge) bool {
	if a.Subject != b.Subject {
		return a.Subject < b.Subject
	}
	if a.Predicate != b.Predicate {
		return a.Predicate < b.Predicate
	}
	return a.Object < b.Object
}

// evidence returns the evidence behind the given IRIs, sorted, with the
// sentence texts filled in.
func (b *subgraphBuilder) evidence(iris []string) []Evidence {
	var out []Evidence
	for _, iri := range dedupe(iris) {
		e := Evidence{IRI: iri}
		if got, ok := b.ev[iri]; ok {
			e = *got
		}
		if t, ok := b.texts[b.evSent[iri]]; ok {
			e.Text = t
		}
		out = append(out, e)
	}
	return out
}

// dedupe returns the distinct strings of xs, sorted.
func dedupe(xs []string) []string {
	if len(xs) == 0 {
		return nil
	}
	sort.Strings(xs)
	out := xs[:1]
	for _, x := range xs[1:] {
		if x != out[len(out)-1] {
			out = append(out, x)
		}
	}
	return out
}

// iriString returns the IRI of v without brackets, or "" for other values.
func iriString(v quad.Value) string {
	if iri, ok := v.(quad.IRI); ok {
		return string(iri)
	}
	return ""
}

// literal returns the text of a literal value.
func literal(v quad.Value) string {
	switch x := v.(type) {
	case quad.String:
		return string(x)
	case quad.TypedString:
		return string(x.Value)
	case quad.LangString:
		return string(x.Value)
	case nil:
		return ""
	}
	return fmt.Sprint(quad.NativeOf(v))
}

// number2float returns the number a numeric literal holds, or 0.
func number2float(v quad.Value) float64 {
	switch x := v.(type) {
	case quad.Int:
		return float64(x)
	case quad.Float:
		return float64(x)
	}
	return 0
}
