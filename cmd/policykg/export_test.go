package main

import (
	"context"
	"encoding/csv"
	"html"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policykg/policykg/graph"
	"github.com/policykg/policykg/ontology"
)

// exportStore builds a small store by hand (Caofeidian in Tangshan in
// Hebei, Xiong'an receiving the non-capital functions) and returns its path.
func exportStore(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "kg.db")
	st, err := graph.Open(context.Background(), db, graph.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s1 := "Caofeidian district of Tangshan city, Hebei province, attracted 177 billion yuan in 2023."
	s2 := "Xiong'an New Area is a major recipient of functions relieved from Beijing."
	ev1 := ontology.Evidence{Document: "d", Sentence: 1, Text: s1, Rule: "r1"}
	ev2 := ontology.Evidence{Document: "d", Sentence: 2, Text: s2, Rule: "r2"}
	ex := ontology.Extraction{
		Document:  ontology.Document{ID: "d", Title: "Test page", Hash: "x"},
		Sentences: []string{s1, s2},
		Entities: []ontology.Entity{
			{ID: "hebei", Name: "Hebei", Type: ontology.Province},
			{ID: "tangshan", Name: "Tangshan", Type: ontology.City},
			{ID: "caofeidian", Name: "Caofeidian", Type: ontology.District},
			{ID: "xiongan-new-area", Name: "Xiong'an New Area", Type: ontology.NewArea, Aliases: []string{"Xiong'an"}},
			{ID: "beijing-non-capital-functions", Name: "Beijing non-capital functions", Type: ontology.Concept},
		},
		Facts: []ontology.Fact{
			{Subject: "caofeidian", Predicate: ontology.PartOf, Object: "tangshan", Evidence: ev1},
			{Subject: "tangshan", Predicate: ontology.PartOf, Object: "hebei", Evidence: ev1},
			{Subject: "xiongan-new-area", Predicate: ontology.PartOf, Object: "hebei", Evidence: ev2},
			{Subject: "xiongan-new-area", Predicate: ontology.RecipientOf, Object: "beijing-non-capital-functions", Evidence: ev2},
		},
		Metrics: []ontology.Metric{{Subject: "caofeidian", Value: 177e9, Unit: "yuan", Year: 2023, Text: "177 billion yuan", Evidence: ev1}},
	}
	if _, err := st.ReplaceDocument(context.Background(), ex); err != nil {
		t.Fatal(err)
	}
	return db
}

func TestExportFormats(t *testing.T) {
	db := exportStore(t)
	dir := t.TempDir()

	dot := mustRun(t, "--db", db, "export", "dot")
	for _, want := range []string{`digraph "policykg"`, `subgraph "cluster_hebei"`, `label="Xiong'an New Area"`, `label="recipient of"`} {
		if !strings.Contains(dot, want) {
			t.Errorf("dot lacks %s", want)
		}
	}
	if again := mustRun(t, "--db", db, "export", "dot"); again != dot {
		t.Errorf("two dot exports differ")
	}

	nq := mustRun(t, "--db", db, "export", "nquads")
	st, err := graph.Open(context.Background(), db, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	stats, _ := st.Stats(context.Background())
	st.Close()
	if lines := strings.Count(nq, "\n"); int64(lines) != stats.Quads {
		t.Errorf("nquads: got %d lines, want %d quads", lines, stats.Quads)
	}

	svgFile := filepath.Join(dir, "x.svg")
	mustRun(t, "--db", db, "export", "svg", "--focus", "xiong'an", "--depth", "1", "--predicates", "recipient_of", "--out", svgFile)
	svg, err := os.ReadFile(svgFile)
	if err != nil {
		t.Fatal(err)
	}
	text := html.UnescapeString(string(svg))
	if !strings.Contains(text, ">Beijing non-capital") || strings.Contains(text, ">Caofeidian<") {
		t.Errorf("focused svg: wrong content")
	}

	pngFile := filepath.Join(dir, "x.png")
	mustRun(t, "--db", db, "export", "png", "--layout", "neato", "--out", pngFile)
	f, err := os.Open(pngFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := png.Decode(f); err != nil {
		t.Errorf("png: %v", err)
	}

	csvDir := filepath.Join(dir, "csv")
	mustRun(t, "--db", db, "export", "csv", "--types", "Province,City,District", "--out", csvDir)
	nodes := readCSV(t, filepath.Join(csvDir, "nodes.csv"))
	edges := readCSV(t, filepath.Join(csvDir, "edges.csv"))
	if strings.Join(nodes[0][:3], ",") != "Id,Label,Type" || len(nodes) != 1+3+1 {
		t.Errorf("nodes.csv: got %v", nodes)
	}
	if strings.Join(edges[0][:4], ",") != "Source,Target,Type,Label" || len(edges) != 1+2+1 {
		t.Errorf("edges.csv: got %v", edges)
	}
	if edges[1][0] != "caofeidian" || edges[1][1] != "tangshan" || edges[1][3] != "part of" {
		t.Errorf("edges.csv first row: got %v", edges[1])
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}

func TestExportQueryFile(t *testing.T) {
	db := exportStore(t)
	q := filepath.Join(t.TempDir(), "q.js")
	os.WriteFile(q, []byte(`g.V("<https://policykg.org/id/hebei>").In("<https://policykg.org/vocab#part_of>").All()`), 0o644)
	out := mustRun(t, "--db", db, "export", "dot", "--query", q)
	if !strings.Contains(out, `"tangshan" [`) || !strings.Contains(out, `"xiongan-new-area" [`) || strings.Contains(out, `"caofeidian" [`) {
		t.Errorf("query export: got\n%s", out)
	}
}

func TestExportBadInput(t *testing.T) {
	db := exportStore(t)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"export", "pdf"}, `unknown format "pdf"`},
		{[]string{"export", "dot", "--types", "Planet"}, `unknown entity type "Planet"`},
		{[]string{"export", "dot", "--predicates", "likes"}, `unknown predicate "likes"`},
		{[]string{"export", "dot", "--focus", "Atlantis"}, `"Atlantis": not found`},
		{[]string{"export", "dot", "--doc", "nope"}, `"nope": not found`},
		{[]string{"export", "csv"}, "--out FOLDER is required"},
		{[]string{"export", "nquads", "--layout", "neato"}, "--layout applies to svg and png only"},
		{[]string{"export", "svg", "--layout", "sfdp"}, `unknown layout "sfdp"`},
		{[]string{"export", "dot", "--depth", "-1"}, "--depth -1"},
		{[]string{"export", "dot", "--query", "/no/such/file.js"}, "/no/such/file.js"},
		{[]string{"export", "dot", "--max-nodes", "2"}, "more than 2 entities (too large to draw)"},
	} {
		_, _, err := run(t, append([]string{"--db", db}, tc.args...)...)
		if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%v: got %v, want one line with %q", tc.args, err, tc.want)
		}
	}
}
