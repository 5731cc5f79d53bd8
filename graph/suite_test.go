package graph

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/policykg/policykg/extract"
	"github.com/policykg/policykg/graph/storetest"
	"github.com/policykg/policykg/ontology"
)

// The store suite: every case runs against every backend (bolt, and
// PostgreSQL when POLICYKG_TEST_POSTGRES names a server).
var suite = []struct {
	name string
	run  func(t *testing.T, s *Store)
}{
	{"WriteAndStats", testWriteAndStats},
	{"IdempotentRebuildWritesNothing", testIdempotentRebuild},
	{"TypedValuesRoundTrip", testTypedValuesRoundTrip},
	{"ChangedDocumentReplaced", testChangedDocumentReplaced},
	{"ShrunkDocumentReplacedWhole", testShrunkDocumentReplacedWhole},
	{"RemovedDocumentKeepsSharedEntities", testRemoveKeepsShared},
	{"EvidenceMergedAcrossDocuments", testEvidenceMerged},
	{"FollowRecursive", testFollowRecursive},
	{"BatchIsolatesBadDocument", testBatchIsolatesBadDocument},
	{"DocumentHash", testDocumentHash},
}

func TestStoreSuite(t *testing.T) {
	for _, b := range storetest.Backends() {
		t.Run(b.Name, func(t *testing.T) {
			for _, tc := range suite {
				t.Run(tc.name, func(t *testing.T) {
					db := b.New(t)
					s, err := Open(context.Background(), db, Options{Create: true})
					if err != nil {
						t.Fatalf("open %s: %v", db, err)
					}
					t.Cleanup(func() { s.Close() })
					tc.run(t, s)
				})
			}
		})
	}
}

func mustReplace(t *testing.T, s *Store, ex ontology.Extraction) WriteResult {
	t.Helper()
	res, err := s.ReplaceDocument(context.Background(), ex)
	if err != nil {
		t.Fatalf("replace %s: %v", ex.Document.ID, err)
	}
	return res
}

func mustStats(t *testing.T, s *Store) Stats {
	t.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// ids collects the "id" of each Gizmo result, sorted.
func ids(t *testing.T, s *Store, q string) []string {
	t.Helper()
	var out []string
	for _, r := range collect(t, s, "gizmo", q) {
		out = append(out, fmt.Sprint(r.(map[string]any)["id"]))
	}
	sort.Strings(out)
	return out
}

const (
	pkCaofeidian = "<https://policykg.org/id/caofeidian>"
	pkPartOf     = "<https://policykg.org/vocab#part_of>"
)

func testWriteAndStats(t *testing.T, s *Store) {
	res := mustReplace(t, s, sample("doc-a", "Caofeidian district of Tangshan city has a port."))
	st := mustStats(t, s)
	if int64(res.Added) != st.Quads || res.Removed != 0 {
		t.Errorf("first write: got %+v, want %d quads added", res, st.Quads)
	}
	if st.Documents != 1 || st.Entities != 3 || st.Predicates[ontology.PartOf] != 2 {
		t.Errorf("stats: got %+v, want 1 document, 3 entities, 2 part_of", st)
	}
	if st.Nodes == 0 {
		t.Errorf("stats: got 0 nodes")
	}
}

func testIdempotentRebuild(t *testing.T, s *Store) {
	a := sample("doc-a", "Caofeidian district of Tangshan city has a port.")
	b := sample("doc-b", "Tangshan's Caofeidian district grew.")
	for _, w := range s.ReplaceDocuments(context.Background(), []ontology.Extraction{a, b}) {
		if w.Err != nil {
			t.Fatal(w.Err)
		}
	}
	before := mustStats(t, s)
	if res := mustReplace(t, s, a); !res.Unchanged() {
		t.Errorf("rewrite of doc-a: got %+v, want no writes", res)
	}
	for i, w := range s.ReplaceDocuments(context.Background(), []ontology.Extraction{a, b}) {
		if w.Err != nil || !w.Unchanged() {
			t.Errorf("batched rewrite, document %d: got %+v, want no writes", i, w)
		}
	}
	if after := mustStats(t, s); after.Quads != before.Quads || after.Nodes != before.Nodes {
		t.Errorf("after rebuild: got %d quads %d nodes, want %d and %d", after.Quads, after.Nodes, before.Quads, before.Nodes)
	}
}

// typedSample carries every kind of literal the writer produces: integers
// (also beyond 32 bits), fractional floats, years, and strings with quotes,
// non-ASCII letters, newlines and backslashes.
func typedSample() ontology.Extraction {
	ex := sample("doc-typed", "Caofeidian's \"port\" handled 3.75 percent more — 曹妃甸\\n\nin 2023.")
	ev := ex.Facts[0].Evidence
	ex.Metrics = []ontology.Metric{
		{Subject: "caofeidian", Value: 3.75, Unit: "percent", Year: 2023, Evidence: ev},
		{Subject: "caofeidian", Value: 0.1, Unit: "percent", Evidence: ev},
		{Subject: "caofeidian", Value: 177e9, Unit: "yuan", Year: 2024, Text: "177 billion yuan", Evidence: ev},
		{Subject: "tangshan", Value: 1.0 / 3, Unit: "ratio", Evidence: ev},
		{Subject: "hebei", Value: -42, Unit: "million tonnes", Evidence: ev},
	}
	ex.Document.Title = `Tangshan's "new" plan: 曹妃甸 \ 2024`
	return ex
}

func testTypedValuesRoundTrip(t *testing.T, s *Store) {
	ex := typedSample()
	mustReplace(t, s, ex)
	if res := mustReplace(t, s, ex); !res.Unchanged() {
		t.Errorf("rewrite of typed values: got %+v, want no writes (a value did not read back as written)", res)
	}
	got := ids(t, s, `g.V("`+pkCaofeidian+`").Out("<https://policykg.org/vocab#has_metric>").Out("<https://policykg.org/vocab#value>").All()`)
	want := []string{"0.1", "177000000000", "3.75"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("metric values: got %v, want %v", got, want)
	}
}

func testChangedDocumentReplaced(t *testing.T, s *Store) {
	ex := sample("doc-a", "Caofeidian district of Tangshan city has a port.")
	mustReplace(t, s, ex)
	ex.Facts = ex.Facts[1:]
	ex.Metrics = nil
	ex.Document.Hash = "def"
	res := mustReplace(t, s, ex)
	if res.Removed == 0 {
		t.Errorf("changed document: got %+v, want removals", res)
	}
	if st := mustStats(t, s); st.Predicates[ontology.PartOf] != 1 {
		t.Errorf("after replace: got %v, want 1 part_of", st.Predicates)
	}
	if got := ids(t, s, `g.V("`+pkCaofeidian+`").Out("`+pkPartOf+`").All()`); len(got) != 0 {
		t.Errorf("Caofeidian part_of after replace: got %v, want none", got)
	}
	if h, _ := s.DocumentHash(context.Background(), "doc-a"); h != "def" {
		t.Errorf("hash after replace: got %q, want def", h)
	}
}

// testShrunkDocumentReplacedWhole replaces a long document by a much
// shorter version: far more of the quads naming the document go than come.
// Cayley's key-value store, given both in one transaction, wrote the new
// quads without the nodes whose reference counts fell (cayleygraph/cayley#885):
// no subject, no label, the new hash lost.
func testShrunkDocumentReplacedWhole(t *testing.T, s *Store) {
	ctx := context.Background()
	ex := seedExtraction(t)
	mustReplace(t, s, ex)
	ex.Facts, ex.Metrics = ex.Facts[:1], nil
	ex.Document.Hash = "shorter"
	res := mustReplace(t, s, ex)
	if res.Removed < 10*res.Added || res.Added == 0 {
		t.Fatalf("replace: %+v, want many more removed than added", res)
	}
	got, err := s.DocumentQuads(ctx, ex.Document.ID)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	seen := map[string]bool{}
	for _, q := range documentQuads(ex) {
		if nq := q.NQuad(); !seen[nq] {
			seen[nq] = true
			want = append(want, nq)
		}
	}
	sort.Strings(want)
	if !slices.Equal(got, want) {
		t.Errorf("after replace the store holds %d quads of the document, want %d", len(got), len(want))
		for _, q := range got {
			if !seen[q] {
				t.Errorf("  not wanted: %s", q)
			}
		}
	}
	if h, err := s.DocumentHash(ctx, ex.Document.ID); h != "shorter" {
		t.Errorf("hash after replace: %q (%v), want shorter", h, err)
	}
}

// seedExtraction extracts the seed document.
func seedExtraction(t *testing.T) ontology.Extraction {
	t.Helper()
	files, _ := filepath.Glob("../seeds/*.txt")
	if len(files) != 1 {
		t.Fatalf("seeds: %v, want one text", files)
	}
	text, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	ex, err := x.Extract(ontology.Document{ID: "seed", Path: files[0], Hash: "long"}, text)
	if err != nil {
		t.Fatal(err)
	}
	return ex
}

func testRemoveKeepsShared(t *testing.T, s *Store) {
	mustReplace(t, s, sample("doc-a", "Caofeidian district of Tangshan city."))
	b := sample("doc-b", "Tangshan's Caofeidian district grew.")
	b.Entities = append(b.Entities, ontology.Entity{ID: "xiongan", Name: "Xiong'an New Area", Type: ontology.Province})
	b.Facts = b.Facts[1:]
	mustReplace(t, s, b)
	res, err := s.RemoveDocument(context.Background(), "doc-a")
	if err != nil {
		t.Fatal(err)
	}
	if res.Removed == 0 {
		t.Errorf("remove: got %+v, want removals", res)
	}
	st := mustStats(t, s)
	if st.Documents != 1 || st.Entities != 4 {
		t.Errorf("after removing doc-a: got %d documents %d entities, want 1 and 4", st.Documents, st.Entities)
	}
	if got := ids(t, s, `g.V("`+pkCaofeidian+`").Out("`+pkPartOf+`").All()`); len(got) != 0 {
		t.Errorf("doc-a's fact Caofeidian part_of Tangshan: got %v after removal, want gone", got)
	}
	if got := ids(t, s, `g.V("<https://policykg.org/id/tangshan>").Out("`+pkPartOf+`").All()`); len(got) != 1 {
		t.Errorf("doc-b's fact Tangshan part_of Hebei: got %v, want it kept", got)
	}
	if got := ids(t, s, `g.V("`+pkCaofeidian+`").Out("<http://www.w3.org/2000/01/rdf-schema#label>").All()`); len(got) != 1 || got[0] != "Caofeidian" {
		t.Errorf("shared entity's label: got %v, want Caofeidian", got)
	}
	if _, err := s.RemoveDocument(context.Background(), "doc-a"); !errors.Is(err, ErrNotFound) {
		t.Errorf("removing twice: got %v, want ErrNotFound", err)
	}
}

func testEvidenceMerged(t *testing.T, s *Store) {
	mustReplace(t, s, sample("doc-a", "Caofeidian district of Tangshan city."))
	mustReplace(t, s, sample("doc-b", "Tangshan's Caofeidian district grew."))
	for _, doc := range []string{"doc-a", "doc-b"} {
		ev := "<https://policykg.org/doc/" + doc + "#s1.x-district-of-y>"
		if got := ids(t, s, `g.V("`+pkCaofeidian+`").LabelContext("`+ev+`").Out("`+pkPartOf+`").All()`); len(got) != 1 {
			t.Errorf("Caofeidian part_of Tangshan with evidence %s: got %v, want Tangshan", ev, got)
		}
	}
	text := ids(t, s, `g.V("<https://policykg.org/doc/doc-a#s1.x-district-of-y>", "<https://policykg.org/doc/doc-b#s1.x-district-of-y>").Out("<https://policykg.org/vocab#sentence>").Out("<https://policykg.org/vocab#text>").All()`)
	want := []string{"Caofeidian district of Tangshan city.", "Tangshan's Caofeidian district grew."}
	if strings.Join(text, "|") != strings.Join(want, "|") {
		t.Errorf("evidence sentences: got %q, want %q", text, want)
	}
	if st := mustStats(t, s); st.Predicates[ontology.PartOf] != 4 {
		t.Errorf("quads per predicate: got %v, want part_of 4 (two facts, two documents each)", st.Predicates)
	}
	if _, err := s.RemoveDocument(context.Background(), "doc-b"); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, s, `g.V("`+pkCaofeidian+`").Out("`+pkPartOf+`").All()`); len(got) != 1 {
		t.Errorf("fact after removing one of its two documents: got %v, want it kept", got)
	}
}

func testFollowRecursive(t *testing.T, s *Store) {
	mustReplace(t, s, sample("doc-a", "Caofeidian district of Tangshan city."))
	got := ids(t, s, `g.V("`+pkCaofeidian+`").FollowRecursive("`+pkPartOf+`").All()`)
	want := []string{"<https://policykg.org/id/hebei>", "<https://policykg.org/id/tangshan>"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("FollowRecursive part_of: got %v, want %v", got, want)
	}
}

// testBatchIsolatesBadDocument writes a batch in which one document holds
// text the backend refuses (PostgreSQL rejects invalid UTF-8): that
// document fails alone, keeps its earlier version whole, and the others
// are stored.
func testBatchIsolatesBadDocument(t *testing.T, s *Store) {
	ctx := context.Background()
	old := sample("doc-b", "Tangshan's Caofeidian district grew.")
	mustReplace(t, s, old)
	before := mustStats(t, s)
	bad := sample("doc-b", "Caofeidian \xff\xfe district.")
	bad.Facts = bad.Facts[1:]
	batch := []ontology.Extraction{sample("doc-a", "One."), bad, sample("doc-c", "Three.")}
	res := s.ReplaceDocuments(ctx, batch)
	if res[1].Err == nil {
		t.Skipf("%s accepts invalid UTF-8; no way to make one document fail here", s.Location().Backend)
	}
	if !strings.Contains(res[1].Err.Error(), "doc-b") {
		t.Errorf("error should name the document: %v", res[1].Err)
	}
	for _, i := range []int{0, 2} {
		if res[i].Err != nil || res[i].Added == 0 {
			t.Errorf("document %d beside the bad one: got %+v, want stored", i, res[i])
		}
	}
	// doc-b is exactly as before: its removals were rolled back too.
	if res := mustReplace(t, s, old); !res.Unchanged() {
		t.Errorf("doc-b after its failed replacement: got %+v on rewriting the old version, want unchanged", res)
	}
	after := mustStats(t, s)
	if after.Documents != 3 || after.Predicates[ontology.PartOf] != before.Predicates[ontology.PartOf]+4 {
		t.Errorf("after batch: got %d documents, part_of %d; want 3 and %d", after.Documents, after.Predicates[ontology.PartOf], before.Predicates[ontology.PartOf]+4)
	}
}

func testDocumentHash(t *testing.T, s *Store) {
	ctx := context.Background()
	if h, err := s.DocumentHash(ctx, "doc-a"); err != nil || h != "" {
		t.Errorf("hash of a missing document: got %q, %v; want empty", h, err)
	}
	if ok, err := s.HasHash(ctx, "doc-a", "abc"); err != nil || ok {
		t.Errorf("HasHash of a missing document: got %v, %v; want false", ok, err)
	}
	mustReplace(t, s, sample("doc-a", "One."))
	if h, err := s.DocumentHash(ctx, "doc-a"); err != nil || h != "abc" {
		t.Errorf("hash: got %q, %v; want abc", h, err)
	}
	for hash, want := range map[string]bool{"abc": true, "abd": false, "": false, "One.": false} {
		if ok, err := s.HasHash(ctx, "doc-a", hash); err != nil || ok != want {
			t.Errorf("HasHash(doc-a, %q): got %v, %v; want %v", hash, ok, err, want)
		}
	}
}
