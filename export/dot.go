package export

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/policykg/policykg/graph"
	"github.com/policykg/policykg/ontology"
)

// DOTOptions control WriteDOT.
type DOTOptions struct {
	// Title is printed above the picture; empty for none.
	Title string
	// NoLegend leaves out the legend of shapes and colours.
	NoLegend bool
}

// DrawStats counts what a drawing holds, legend included.
type DrawStats struct {
	Nodes, Edges, Clusters int
}

// WriteDOT writes g as a Graphviz digraph meant to be read as it is: nodes
// carry names, shapes and colours by type (with a legend); places nest in
// boxes along the administrative part_of hierarchy (province > city >
// district or county), and the part_of edges the boxes show are not drawn
// again; other edges carry the predicate as a label and the evidence
// sentence as a tooltip; figures hang off their entity as small notes with
// their year. The output depends only on g, so equal graphs give equal bytes.
func WriteDOT(w io.Writer, g *graph.Subgraph, opt DOTOptions) (DrawStats, error) {
	d := newDrawing(g)
	bw := bufio.NewWriter(w)
	d.w = bw
	d.header(opt.Title)
	for _, n := range d.top {
		d.item(n, "\t")
	}
	d.edges()
	if !opt.NoLegend {
		d.legend()
	}
	d.printf("}\n")
	if err := bw.Flush(); err != nil {
		return DrawStats{}, fmt.Errorf("write dot: %w", err)
	}
	return d.stats, nil
}

// drawing is the layout plan of one subgraph.
type drawing struct {
	g        *graph.Subgraph
	w        *bufio.Writer
	nodes    map[string]graph.Node
	parent   map[string]string   // node -> the node whose box holds it
	children map[string][]string // the reverse, sorted
	nested   map[int]bool        // indexes of edges the boxes show
	linked   map[string]bool     // nodes with a drawn edge
	metrics  map[string][]graph.Metric
	top      []string // nodes outside any box, sorted
	types    map[ontology.EntityType]bool
	stats    DrawStats
}

func newDrawing(g *graph.Subgraph) *drawing {
	d := &drawing{
		g: g, nodes: map[string]graph.Node{}, parent: map[string]string{},
		children: map[string][]string{}, nested: map[int]bool{}, linked: map[string]bool{},
		metrics: map[string][]graph.Metric{}, types: map[ontology.EntityType]bool{},
	}
	for _, n := range g.Nodes {
		d.nodes[n.IRI] = n
	}
	d.nest()
	for i, e := range g.Edges {
		if !d.nested[i] {
			d.linked[e.Subject], d.linked[e.Object] = true, true
		}
	}
	for _, m := range g.Metrics {
		d.metrics[m.Subject] = append(d.metrics[m.Subject], m)
	}
	for _, n := range g.Nodes {
		if _, boxed := d.parent[n.IRI]; !boxed {
			d.top = append(d.top, n.IRI)
		}
	}
	return d
}

// nest chooses, for each administrative node, the box it sits in: the most
// specific part_of target of a higher level (ties: the smaller IRI).
func (d *drawing) nest() {
	best := map[string]int{} // node -> edge index
	for i, e := range d.g.Edges {
		if e.Predicate != ontology.PartOf {
			continue
		}
		cl, cok := adminLevel[d.nodes[e.Subject].Type]
		pl, pok := adminLevel[d.nodes[e.Object].Type]
		if !cok || !pok || pl >= cl {
			continue
		}
		j, seen := best[e.Subject]
		if !seen || pl > adminLevel[d.nodes[d.g.Edges[j].Object].Type] {
			best[e.Subject] = i
		}
	}
	for child, i := range best {
		p := d.g.Edges[i].Object
		d.nested[i] = true
		d.parent[child] = p
		d.children[p] = append(d.children[p], child)
	}
	for p := range d.children {
		sort.Strings(d.children[p])
	}
	// A part_of edge to a box further out (Caofeidian part_of Hebei, when
	// Caofeidian sits in Tangshan's box inside Hebei's) is shown too.
	for i, e := range d.g.Edges {
		if e.Predicate == ontology.PartOf && !d.nested[i] && d.inside(e.Subject, e.Object) {
			d.nested[i] = true
		}
	}
}

// inside reports whether box holds node, at any depth.
func (d *drawing) inside(node, box string) bool {
	for p, ok := d.parent[node]; ok; p, ok = d.parent[p] {
		if p == box {
			return true
		}
	}
	return false
}

func (d *drawing) printf(format string, args ...any) { fmt.Fprintf(d.w, format, args...) }

func (d *drawing) header(title string) {
	d.printf("digraph \"policykg\" {\n")
	d.printf("\tgraph [rankdir=LR, fontname=\"Helvetica\", fontsize=11, nodesep=0.25, ranksep=0.6, pad=0.3, tooltip=\"policykg\"")
	if title != "" {
		d.printf(", label=%s, labelloc=t, fontsize=16", quote(title))
	}
	d.printf("];\n")
	d.printf("\tnode [fontname=\"Helvetica\", fontsize=11, style=filled, penwidth=1.2, margin=\"0.12,0.05\"];\n")
	d.printf("\tedge [fontname=\"Helvetica\", fontsize=9, color=\"#666666\", fontcolor=\"#333333\", arrowsize=0.7];\n")
}

// item writes a node, or the box it owns with everything inside.
func (d *drawing) item(iri, indent string) {
	kids := d.children[iri]
	if len(kids) == 0 {
		d.node(iri, indent)
		return
	}
	n := d.nodes[iri]
	d.stats.Clusters++
	d.printf("%ssubgraph %s {\n", indent, quote("cluster_"+string(n.ID)))
	in := indent + "\t"
	d.printf("%sgraph [label=%s, tooltip=%s, style=\"rounded,filled\", fillcolor=%s, color=%s, penwidth=1.2, fontsize=13, fontname=\"Helvetica-Bold\"];\n",
		in, quote(n.Label), quote(nodeTooltip(n)), quote(clusterFill[n.Type]), quote(styleOf(n.Type).pen))
	if d.linked[iri] || len(d.metrics[iri]) > 0 {
		d.node(iri, in)
	}
	for _, k := range kids {
		d.item(k, in)
	}
	d.printf("%s}\n", indent)
}

// node writes an entity and its figures.
func (d *drawing) node(iri, indent string) {
	n := d.nodes[iri]
	s := styleOf(n.Type)
	d.types[n.Type] = true
	d.stats.Nodes++
	d.printf("%s%s [label=%s, tooltip=%s, %s];\n", indent, quote(string(n.ID)),
		quote(wrap(n.Label, 22)), quote(nodeTooltip(n)), s.attrs())
	for _, m := range d.metrics[iri] {
		d.stats.Nodes++
		id, _ := ontology.EntityIDFromIRI(m.IRI)
		d.printf("%s%s [label=%s, tooltip=%s, %s];\n", indent, quote(string(id)),
			quote(metricLabel(m)), quote(evidenceTooltip(m.Evidence)), metricStyle.attrs())
	}
}

func (s style) attrs() string {
	a := fmt.Sprintf("shape=%s, fillcolor=%s, color=%s", s.shape, quote(s.fill), quote(s.pen))
	if s.extra != "" {
		a += ", " + s.extra
	}
	return a
}

func (d *drawing) edges() {
	for i, e := range d.g.Edges {
		if d.nested[i] {
			continue
		}
		d.stats.Edges++
		info, _ := ontology.LookupPredicate(e.Predicate)
		extra := ""
		if info.Symmetric {
			extra = ", dir=none"
		}
		d.printf("\t%s -> %s [label=%s, tooltip=%s%s];\n", quote(d.id(e.Subject)), quote(d.id(e.Object)),
			quote(info.Label), quote(evidenceTooltip(e.Evidence)), extra)
	}
	for _, m := range d.g.Metrics {
		d.stats.Edges++
		id, _ := ontology.EntityIDFromIRI(m.IRI)
		d.printf("\t%s -> %s [style=dashed, arrowhead=none, color=\"#a08a3a\", tooltip=%s];\n",
			quote(d.id(m.Subject)), quote(string(id)), quote(evidenceTooltip(m.Evidence)))
	}
}

func (d *drawing) id(iri string) string { return string(d.nodes[iri].ID) }

// legend draws one sample of each type present, a figure note if any, and
// a word on the boxes.
func (d *drawing) legend() {
	d.stats.Clusters++
	var ids []string
	d.printf("\tsubgraph \"cluster_legend\" {\n")
	d.printf("\t\tgraph [label=\"Legend\", style=rounded, color=\"#999999\", fillcolor=\"#ffffff\", fontsize=11, fontname=\"Helvetica-Bold\", tooltip=\"legend\"];\n")
	for _, t := range ontology.Types() {
		if !d.types[t.Type] {
			continue
		}
		d.stats.Nodes++
		ids = append(ids, "legend-"+string(t.Type))
		d.printf("\t\t%s [label=%s, tooltip=%s, fontsize=9, %s];\n", quote("legend-"+string(t.Type)),
			quote(t.Label), quote(t.Description), styleOf(t.Type).attrs())
	}
	if len(d.g.Metrics) > 0 {
		d.stats.Nodes++
		ids = append(ids, "legend-figure")
		d.printf("\t\t\"legend-figure\" [label=\"figure\\n(year)\", tooltip=\"a figure the text gives\", %s];\n", metricStyle.attrs())
	}
	if len(d.children) > 0 {
		d.stats.Nodes++
		ids = append(ids, "legend-boxes")
		d.printf("\t\t\"legend-boxes\" [label=\"box inside box:\\npart of\", tooltip=\"administrative hierarchy\", shape=plaintext, style=\"\", fontsize=9];\n")
	}
	// Invisible edges lay the samples out in rows of legendRow.
	for i := 1; i < len(ids); i++ {
		if i%legendRow != 0 {
			d.printf("\t\t%s -> %s [style=invis];\n", quote(ids[i-1]), quote(ids[i]))
		}
	}
	d.printf("\t}\n")
}

const legendRow = 4

func nodeTooltip(n graph.Node) string {
	t := n.Label
	if info, ok := ontology.LookupType(n.Type); ok {
		t += " (" + info.Label + ")"
	}
	if len(n.Aliases) > 0 {
		t += "; also: " + strings.Join(n.Aliases, ", ")
	}
	return t
}

func metricLabel(m graph.Metric) string {
	l := m.Label
	if l == "" {
		l = strconv.FormatFloat(m.Value, 'g', -1, 64) + " " + m.Unit
	}
	l = wrap(l, 20)
	if m.Year != 0 {
		l += "\n(" + strconv.Itoa(m.Year) + ")"
	}
	return l
}

// evidenceTooltip gives the sentences behind a relation, at most three,
// each cut to a readable length.
func evidenceTooltip(evs []graph.Evidence) string {
	var parts []string
	for i, e := range evs {
		if i == 3 {
			parts = append(parts, fmt.Sprintf("(and %d more)", len(evs)-3))
			break
		}
		text := e.Text
		if text == "" {
			text = e.Rule
		}
		parts = append(parts, cut(text, 300)+" ["+string(e.Document)+"]")
	}
	return strings.Join(parts, "\n")
}

func cut(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// wrap breaks s into lines of about width characters at spaces.
func wrap(s string, width int) string {
	words := strings.Fields(s)
	var lines []string
	line := ""
	for _, w := range words {
		if line != "" && len([]rune(line))+1+len([]rune(w)) > width {
			lines = append(lines, line)
			line = w
			continue
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// quote writes s as a DOT string: quotes and backslashes escaped, line
// breaks as DOT's centred-line escape.
func quote(s string) string { return `"` + dotEscaper.Replace(s) + `"` }

var dotEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\r", "", "\n", `\n`)
