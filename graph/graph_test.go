package graph

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/policykg/policykg/ontology"
)

// MustOpen opens a new bolt store in a temporary directory.
func MustOpen(tb testing.TB) *Store {
	tb.Helper()
	s, err := Open(context.Background(), filepath.Join(tb.TempDir(), "kg.db"), Options{Create: true})
	if err != nil {
		tb.Fatalf("open: %v", err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// sample is a small extraction in the shape the extractors produce.
func sample(id ontology.DocumentID, sentence string) ontology.Extraction {
	ev := ontology.Evidence{Document: id, Sentence: 1, Text: sentence, Rule: "x-district-of-y"}
	gaz := ontology.Evidence{Document: id, Rule: "gazetteer", Text: "GB/T 2260"}
	return ontology.Extraction{
		Document:  ontology.Document{ID: id, Title: "A test page", Hash: "abc"},
		Sentences: []string{sentence},
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

func collect(t *testing.T, s *Store, lang, q string) []any {
	t.Helper()
	var out []any
	if err := s.Query(context.Background(), lang, q, 0, func(r any) error { out = append(out, r); return nil }); err != nil {
		t.Fatalf("query %s: %v", q, err)
	}
	return out
}

func TestReplaceDocumentIsIdempotentAndTraceable(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	ex := sample("doc-a", "Caofeidian district of Tangshan city has a port.")
	res, err := s.ReplaceDocument(ctx, ex)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added == 0 || res.Removed != 0 {
		t.Fatalf("first write: got %+v, want only additions", res)
	}
	before, _ := s.Stats(ctx)
	res, err = s.ReplaceDocument(ctx, ex)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Unchanged() {
		t.Errorf("second write of the same extraction: got %+v, want no change", res)
	}
	after, _ := s.Stats(ctx)
	if before.Quads != after.Quads {
		t.Errorf("quads after rebuild: got %d, want %d", after.Quads, before.Quads)
	}
	if after.Documents != 1 || after.Entities != 3 || after.Predicates[ontology.PartOf] != 2 {
		t.Errorf("stats: got %+v", after)
	}
	// The chain climbs through the gazetteer's edge.
	got := collect(t, s, "gizmo", `g.V("<https://policykg.org/id/caofeidian>").FollowRecursive("<https://policykg.org/vocab#part_of>").All()`)
	if len(got) != 2 {
		t.Fatalf("parents of Caofeidian: got %v, want Tangshan and Hebei", got)
	}
	// The fact's label leads to the sentence text and the rule.
	text := collect(t, s, "gizmo", `g.V("<https://policykg.org/doc/doc-a#s1.x-district-of-y>").Out("<https://policykg.org/vocab#sentence>").Out("<https://policykg.org/vocab#text>").All()`)
	if len(text) != 1 || !strings.Contains(text[0].(map[string]any)["id"].(string), "Tangshan city") {
		t.Errorf("evidence sentence: got %v", text)
	}
	rule := collect(t, s, "gizmo", `g.V("<https://policykg.org/doc/doc-a#s1.x-district-of-y>").Out("<https://policykg.org/vocab#rule>").All()`)
	if len(rule) != 1 || rule[0].(map[string]any)["id"] != "x-district-of-y" {
		t.Errorf("evidence rule: got %v", rule)
	}
}

func TestReplaceDocumentReplacesChangedFacts(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	ex := sample("doc-a", "Caofeidian district of Tangshan city has a port.")
	if _, err := s.ReplaceDocument(ctx, ex); err != nil {
		t.Fatal(err)
	}
	ex.Facts = ex.Facts[1:] // the sentence no longer says Caofeidian is in Tangshan
	ex.Metrics = nil
	res, err := s.ReplaceDocument(ctx, ex)
	if err != nil {
		t.Fatal(err)
	}
	if res.Removed == 0 {
		t.Errorf("changed document: got %+v, want removals", res)
	}
	st, _ := s.Stats(ctx)
	if st.Predicates[ontology.PartOf] != 1 {
		t.Errorf("part_of after replace: got %d, want 1", st.Predicates[ontology.PartOf])
	}
}

func TestRemoveDocumentKeepsSharedFacts(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	if _, err := s.ReplaceDocument(ctx, sample("doc-a", "Caofeidian district of Tangshan city.")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ReplaceDocument(ctx, sample("doc-b", "Tangshan's Caofeidian district grew.")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RemoveDocument(ctx, "doc-a"); err != nil {
		t.Fatal(err)
	}
	st, _ := s.Stats(ctx)
	if st.Documents != 1 || st.Entities != 3 {
		t.Errorf("after removing doc-a: got %+v, want doc-b's entities to stay", st)
	}
	got := collect(t, s, "gizmo", `g.V("<https://policykg.org/id/caofeidian>").Out("<https://policykg.org/vocab#part_of>").All()`)
	if len(got) != 1 {
		t.Errorf("Caofeidian part_of after removal: got %v, want Tangshan from doc-b", got)
	}
	if _, err := s.RemoveDocument(ctx, "doc-a"); !errors.Is(err, ErrNotFound) {
		t.Errorf("removing twice: got %v, want ErrNotFound", err)
	}
}

func TestOpenFailsFastWhenLocked(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "kg.db")
	s, err := Open(context.Background(), dir, Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = Open(context.Background(), dir, Options{})
	if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), dir) {
		t.Errorf("second open: got %v, want ErrLocked naming %s", err, dir)
	}
	// Another process holding bolt's own lock (flock(1) stands in for a
	// plain cayley process) must not make Open hang either.
	s.Close()
	if _, err := exec.LookPath("flock"); err != nil {
		t.Skip("flock(1) not installed")
	}
	cmd := exec.Command("flock", "-x", filepath.Join(dir, "indexes.bolt"), "sleep", "5")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	waitLocked(t, filepath.Join(dir, "indexes.bolt"))
	_, err = Open(context.Background(), dir, Options{})
	if !errors.Is(err, ErrLocked) {
		t.Errorf("open while bolt file is locked: got %v, want ErrLocked", err)
	}
}

func waitLocked(t *testing.T, file string) {
	t.Helper()
	for i := 0; i < 200; i++ {
		if errors.Is(probeLock(file), ErrLocked) {
			return
		}
		exec.Command("sleep", "0.01").Run()
	}
	t.Fatal("lock holder did not start")
}

func TestOpenMissingStore(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "none.db")
	_, err := Open(context.Background(), dir, Options{})
	if !errors.Is(err, ErrNoStore) || !strings.Contains(err.Error(), dir) {
		t.Errorf("got %v, want ErrNoStore naming %s", err, dir)
	}
}

func TestParseLocation(t *testing.T) {
	for _, tc := range []struct {
		in, backend, path string
		bad               bool
	}{
		{"kg.db", "bolt", "kg.db", false},
		{"bolt:/tmp/kg", "bolt", "/tmp/kg", false},
		{"postgres://u:p@127.0.0.1:5432/kg", "postgres", "postgres://u:p@127.0.0.1:5432/kg", false},
		{"mysql://x", "", "", true},
		{"", "", "", true},
	} {
		loc, err := ParseLocation(tc.in)
		if (err != nil) != tc.bad || loc.Backend != tc.backend || loc.Path != tc.path {
			t.Errorf("ParseLocation(%q) = %+v, %v", tc.in, loc, err)
		}
	}
	if got := (Location{Backend: "postgres", Path: "postgres://u:secret@h/db"}).String(); strings.Contains(got, "secret") {
		t.Errorf("location string leaks the password: %s", got)
	}
}

// TestLabelLookupsUseAnIndex checks that a new store indexes quads by label:
// finding a document's quads must not scan the whole store.
func TestLabelLookupsUseAnIndex(t *testing.T) {
	s := MustOpen(t)
	ctx := context.Background()
	for i := 0; i < 3; i++ {
		id := ontology.DocumentID(fmt.Sprintf("doc-%d", i))
		if _, err := s.ReplaceDocument(ctx, sample(id, "Caofeidian district of Tangshan city.")); err != nil {
			t.Fatal(err)
		}
	}
	ref, err := s.qs.ValueOf(quad.IRI(ontology.DocumentIRI("doc-1")))
	if err != nil || ref == nil {
		t.Fatalf("document IRI not stored: %v", err)
	}
	if !s.labelIndexed() {
		t.Error("a new bolt store reports no label index")
	}
	it := s.qs.QuadIterator(quad.Label, ref)
	if got := fmt.Sprintf("%T", it); !strings.Contains(got, "QuadIterator") {
		t.Errorf("lookup by label uses %s, want an index scan (kv.QuadIterator)", got)
	}
	got, err := s.DocumentQuads(ctx, "doc-1")
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range got {
		if !strings.Contains(q, "doc-1") {
			t.Errorf("quad of another document: %s", q)
		}
	}
}

func TestLookupThroughOntologyAliases(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	ex := sample("doc-a", "Xiong'an New Area is a recipient.")
	ex.Entities = append(ex.Entities, ontology.Entity{ID: "xiongan-new-area", Name: "Xiong'an New Area", Type: ontology.NewArea})
	ex.Mentions = append(ex.Mentions, ontology.Mention{Entity: "xiongan-new-area", Evidence: ex.Facts[0].Evidence})
	if _, err := s.ReplaceDocument(ctx, ex); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Xiong'an", "xiongan", "Xiong'an New Area", "caofeidian district", "pk:tangshan"} {
		ref, err := s.Resolve(ctx, name)
		if err != nil {
			t.Errorf("Resolve(%q): %v", name, err)
			continue
		}
		if ref.IRI == "" || ref.Label == "" {
			t.Errorf("Resolve(%q) = %+v", name, ref)
		}
	}
	if ref, _ := s.Resolve(ctx, "Xiong'an"); ref.IRI != ontology.EntityIRI("xiongan-new-area") {
		t.Errorf("Xiong'an resolves to %s, want Xiong'an New Area", ref.IRI)
	}
	if _, err := s.Resolve(ctx, "Atlantis"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown name: got %v, want ErrNotFound", err)
	}
}
