package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policykg/policykg/graph"
	"github.com/policykg/policykg/ontology"
)

// seedSentence is the evidence sentence of the fixture's facts.
const seedSentence = "Caofeidian district of Tangshan city has attracted 177 billion yuan of investment from Beijing."

// fixture is a small extraction in the shape the extractor produces.
func fixture(id ontology.DocumentID) ontology.Extraction {
	ev := ontology.Evidence{Document: id, Sentence: 1, Text: seedSentence, Rule: "x-district-of-y"}
	gaz := ontology.Evidence{Document: id, Rule: "gazetteer", Text: "GB/T 2260"}
	return ontology.Extraction{
		Document:  ontology.Document{ID: id, Title: "A test page", Hash: "h-" + string(id)},
		Sentences: []string{seedSentence},
		Entities: []ontology.Entity{
			{ID: "caofeidian", Name: "Caofeidian", Type: ontology.District, Aliases: []string{"Caofeidian district"}, Code: "130209"},
			{ID: "tangshan", Name: "Tangshan", Type: ontology.City, Code: "130200"},
			{ID: "hebei", Name: "Hebei", Type: ontology.Province, Code: "130000"},
		},
		Facts: []ontology.Fact{
			{Subject: "caofeidian", Predicate: ontology.PartOf, Object: "tangshan", Evidence: ev},
			{Subject: "tangshan", Predicate: ontology.PartOf, Object: "hebei", Evidence: gaz},
		},
		Metrics:  []ontology.Metric{{Subject: "caofeidian", Value: 177e9, Unit: "yuan", Text: "177 billion yuan", Evidence: ev}},
		Mentions: []ontology.Mention{{Entity: "caofeidian", Surface: "Caofeidian district", Evidence: ev}},
	}
}

// extra is a second document, added by "builds" during tests.
func extra() ontology.Extraction {
	id := ontology.DocumentID("doc-b")
	ev := ontology.Evidence{Document: id, Sentence: 1, Text: "Sanhe is a county of Langfang.", Rule: "x-county-of-y"}
	return ontology.Extraction{
		Document:  ontology.Document{ID: id, Title: "Another page", Hash: "h-b"},
		Sentences: []string{ev.Text},
		Entities: []ontology.Entity{
			{ID: "sanhe", Name: "Sanhe", Type: ontology.County},
			{ID: "langfang", Name: "Langfang", Type: ontology.City},
		},
		Facts: []ontology.Fact{{Subject: "sanhe", Predicate: ontology.PartOf, Object: "langfang", Evidence: ev}},
	}
}

// MustStore builds the fixture into a new bolt store and returns its path.
func MustStore(tb testing.TB) string {
	tb.Helper()
	db := filepath.Join(tb.TempDir(), "kg.db")
	MustWrite(tb, db, fixture("doc-a"))
	return db
}

// MustWrite writes extractions into the store at db as a build does.
func MustWrite(tb testing.TB, db string, exs ...ontology.Extraction) {
	tb.Helper()
	st, err := graph.Open(context.Background(), db, graph.Options{Create: true})
	if err != nil {
		tb.Fatalf("open %s: %v", db, err)
	}
	defer st.Close()
	for _, ex := range exs {
		if _, err := st.ReplaceDocument(context.Background(), ex); err != nil {
			tb.Fatalf("write %s: %v", ex.Document.ID, err)
		}
	}
}

// MustServer starts a server on the store at db, and an httptest server
// on its handler.
func MustServer(tb testing.TB, db string, cfg Config) (*Server, *httptest.Server) {
	tb.Helper()
	cfg.DB = db
	cfg.TempDir = tb.TempDir()
	s, err := New(context.Background(), cfg)
	if err != nil {
		tb.Fatalf("new server: %v", err)
	}
	ts := httptest.NewServer(s.Handler())
	tb.Cleanup(func() {
		ts.Close()
		if err := s.Close(); err != nil {
			tb.Errorf("close server: %v", err)
		}
	})
	return s, ts
}

// answer is a response read whole.
type answer struct {
	status int
	header http.Header
	body   string
}

func (a answer) json(tb testing.TB) map[string]any {
	tb.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(a.body), &m); err != nil {
		tb.Fatalf("answer is not a JSON object: %v\n%s", err, a.body)
	}
	return m
}

// do sends a request and reads the answer.
func do(tb testing.TB, method, url, body string, hdr ...string) answer {
	tb.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		tb.Fatal(err)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatalf("%s %s: read: %v", method, url, err)
	}
	return answer{status: resp.StatusCode, header: resp.Header, body: string(b)}
}

// wantError checks an answer is a JSON error with the status.
func wantError(tb testing.TB, a answer, status int, what string) {
	tb.Helper()
	if a.status != status {
		tb.Errorf("%s: status %d, want %d (%s)", what, a.status, status, a.body)
		return
	}
	if e, ok := a.json(tb)["error"].(string); !ok || e == "" {
		tb.Errorf("%s: no JSON error in %s", what, a.body)
	}
}
