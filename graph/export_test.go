package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"sort"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"
	"github.com/policykg/policykg/ontology"
)

// twoDocs stores the sample document and a second one that adds Xiong'an
// and a relation from Beijing.
func twoDocs(t *testing.T) *Store {
	t.Helper()
	s := MustOpen(t)
	ctx := context.Background()
	if _, err := s.ReplaceDocument(ctx, sample("doc-a", "Caofeidian district of Tangshan city has a port.")); err != nil {
		t.Fatal(err)
	}
	ev := ontology.Evidence{Document: "doc-b", Sentence: 1, Rule: "recipient", Text: "Xiong'an New Area is a recipient of Beijing's non-capital functions."}
	ex := ontology.Extraction{
		Document:  ontology.Document{ID: "doc-b", Title: "Second page", Hash: "def"},
		Sentences: []string{ev.Text},
		Entities: []ontology.Entity{
			{ID: "xiongan-new-area", Name: "Xiong'an New Area", Type: ontology.NewArea},
			{ID: "hebei", Name: "Hebei", Type: ontology.Province},
			{ID: "non-capital-functions", Name: "Beijing non-capital functions", Type: ontology.Concept},
		},
		Facts: []ontology.Fact{
			{Subject: "xiongan-new-area", Predicate: ontology.PartOf, Object: "hebei", Evidence: ev},
			{Subject: "xiongan-new-area", Predicate: ontology.RecipientOf, Object: "non-capital-functions", Evidence: ev},
		},
	}
	if _, err := s.ReplaceDocument(ctx, ex); err != nil {
		t.Fatal(err)
	}
	return s
}

func allQuads(t *testing.T, s *Store) []string {
	t.Helper()
	var out []string
	err := s.scanAll(context.Background(), func(q quad.Quad) error { out = append(out, q.String()); return nil })
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

func TestWriteQuadsNQuadsRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := twoDocs(t)
	var buf bytes.Buffer
	n, err := s.WriteQuads(ctx, &buf, "nquads", Filter{})
	if err != nil {
		t.Fatal(err)
	}
	want := allQuads(t, s)
	if int(n) != len(want) {
		t.Errorf("quads written: got %d, want %d", n, len(want))
	}
	fresh := MustOpen(t)
	r := nquads.NewReader(&buf, false)
	tx := cgraph.NewTransaction()
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("read back: %v", err)
		}
		tx.AddQuad(q)
	}
	if err := fresh.qw.ApplyTransaction(tx); err != nil {
		t.Fatal(err)
	}
	got := allQuads(t, fresh)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("round trip: got %d quads, want %d", len(got), len(want))
	}
}

func subgraphIDs(t *testing.T, s *Store, f Filter) []string {
	t.Helper()
	g, err := s.Subgraph(context.Background(), f, 0)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, n := range g.Nodes {
		ids = append(ids, string(n.ID))
	}
	return ids
}

func TestFilters(t *testing.T) {
	s := twoDocs(t)
	for _, tc := range []struct {
		name string
		f    Filter
		want string
	}{
		{"all", Filter{}, "caofeidian hebei non-capital-functions tangshan xiongan-new-area"},
		{"focus depth 0", Filter{Focus: "Tangshan"}, "tangshan"},
		{"focus depth 1", Filter{Focus: "tangshan", Depth: 1}, "caofeidian hebei tangshan"},
		{"focus depth 2", Filter{Focus: "Caofeidian district", Depth: 2}, "caofeidian hebei tangshan"},
		{"focus by IRI, predicate", Filter{Focus: "<https://policykg.org/id/xiongan-new-area>", Depth: 3, Predicates: []ontology.Predicate{ontology.RecipientOf}}, "non-capital-functions xiongan-new-area"},
		{"types", Filter{Types: []ontology.EntityType{ontology.Province, ontology.City}}, "hebei tangshan"},
		{"document", Filter{Document: "doc-b"}, "hebei non-capital-functions xiongan-new-area"},
		{"query", Filter{Query: `g.V("<https://policykg.org/id/hebei>").In("<https://policykg.org/vocab#part_of>").All()`}, "tangshan xiongan-new-area"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := strings.Join(subgraphIDs(t, s, tc.f), " "); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestFilterErrors(t *testing.T) {
	s := twoDocs(t)
	ctx := context.Background()
	_, err := s.Subgraph(ctx, Filter{Focus: "Atlantis"}, 0)
	if !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), `"Atlantis"`) {
		t.Errorf("unknown focus: got %v, want not found naming it", err)
	}
	_, err = s.Subgraph(ctx, Filter{Document: "nope"}, 0)
	if !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown document: got %v", err)
	}
	_, err = s.Subgraph(ctx, Filter{Types: []ontology.EntityType{"Planet"}}, 0)
	if err == nil || !strings.Contains(err.Error(), "Planet") {
		t.Errorf("unknown type: got %v", err)
	}
	_, err = s.Subgraph(ctx, Filter{}, 2)
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("limit: got %v, want ErrTooLarge", err)
	}
}

func TestSubgraphCarriesEvidenceAndMetrics(t *testing.T) {
	s := twoDocs(t)
	g, err := s.Subgraph(context.Background(), Filter{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Edges) != 4 {
		t.Fatalf("edges: got %d, want 4: %+v", len(g.Edges), g.Edges)
	}
	e := g.Edges[0] // caofeidian part_of tangshan
	if e.Predicate != ontology.PartOf || len(e.Evidence) != 1 || e.Evidence[0].Text != "Caofeidian district of Tangshan city has a port." || e.Evidence[0].Document != "doc-a" {
		t.Errorf("first edge: got %+v", e)
	}
	if len(g.Metrics) != 1 || g.Metrics[0].Label != "177 billion yuan" || g.Metrics[0].Value != 177e9 {
		t.Errorf("metrics: got %+v", g.Metrics)
	}
	n, ok := g.Node(ontology.EntityIRI("caofeidian"))
	if !ok || n.Label != "Caofeidian" || n.Type != ontology.District || len(n.Aliases) != 1 {
		t.Errorf("node: got %+v", n)
	}
}

func TestWriteQuadsGraphMLAndJSONLD(t *testing.T) {
	ctx := context.Background()
	s := twoDocs(t)
	var buf bytes.Buffer
	n, err := s.WriteQuads(ctx, &buf, "graphml", Filter{Focus: "hebei", Depth: 1})
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Nodes []struct {
			ID string `xml:"id,attr"`
		} `xml:"graph>node"`
		Edges []struct {
			Source string `xml:"source,attr"`
		} `xml:"graph>edge"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("graphml is not XML: %v", err)
	}
	if int64(len(doc.Edges)) != n || len(doc.Nodes) == 0 {
		t.Errorf("graphml: %d edges, %d nodes; want %d edges", len(doc.Edges), len(doc.Nodes), n)
	}
	defer func(old int) { jsonldBatch = old }(jsonldBatch)
	jsonldBatch = 7 // several batches joined into one array
	buf.Reset()
	if _, err := s.WriteQuads(ctx, &buf, "jsonld", Filter{}); err != nil {
		t.Fatal(err)
	}
	var objs []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &objs); err != nil {
		t.Fatalf("json-ld is not JSON: %v\n%s", err, buf.String())
	}
	if !strings.Contains(buf.String(), "Caofeidian district of Tangshan city has a port.") {
		t.Errorf("json-ld lacks the evidence sentence")
	}
	if _, err := s.WriteQuads(ctx, &buf, "turtle", Filter{}); err == nil {
		t.Errorf("unknown format: no error")
	}
}
