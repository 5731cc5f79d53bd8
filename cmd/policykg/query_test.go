package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policykg/policykg/graph"
	"github.com/policykg/policykg/queries"
)

const parentsOfCaofeidian = `g.V("<pk:caofeidian>").Tag("source").Out("<pkv:part_of>").Tag("target").All()`

func TestQueryTextFromArgumentFileAndStdin(t *testing.T) {
	db := mustSeedStore(t)
	file := filepath.Join(t.TempDir(), "q.js")
	if err := os.WriteFile(file, []byte(parentsOfCaofeidian), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, args := range map[string][]string{
		"argument": {"query", "gizmo", parentsOfCaofeidian},
		"file":     {"query", "gizmo", "-f", file},
		"dash":     {"query", "gizmo", "-"},
		"no text":  {"query", "gizmo"},
	} {
		out, _, err := runDB(t, db, parentsOfCaofeidian, args...)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		// The table shows labels, not IRIs.
		if !strings.Contains(out, "Caofeidian") || !strings.Contains(out, "Tangshan") || strings.Contains(out, "https://") {
			t.Errorf("%s: got table\n%s", name, out)
		}
	}
}

func TestQueryShortNamesInGizmoAndGraphQL(t *testing.T) {
	db := mustSeedStore(t)
	for _, q := range [][2]string{
		{"gizmo", `g.V("<pk:caofeidian>").Out("<pkv:part_of>").All()`},
		{"gizmo", `g.V(g.IRI("pk:caofeidian")).Out(g.IRI("pkv:part_of")).All()`},
		{"graphql", `{ nodes(id: <pk:caofeidian>) { parent: <pkv:part_of> { id } } }`},
		{"graphql", `{ nodes(id: "<pk:caofeidian>") { parent: <pkv:part_of> { id } } }`},
	} {
		out := mustRunDB(t, db, "query", q[0], q[1], "--format", "json")
		if !strings.Contains(out, "https://policykg.org/id/tangshan") {
			t.Errorf("%s %s: got %q, want Tangshan", q[0], q[1], out)
		}
	}
}

func TestQueryCSV(t *testing.T) {
	db := mustSeedStore(t)
	out := mustRunDB(t, db, "query", "gizmo", parentsOfCaofeidian, "--format", "csv")
	want := "id,id_label,source,source_label,target,target_label\n"
	if !strings.HasPrefix(out, want) {
		t.Fatalf("csv header: got %q, want %q", out, want)
	}
	row := "https://policykg.org/id/tangshan,Tangshan,https://policykg.org/id/caofeidian,Caofeidian,https://policykg.org/id/tangshan,Tangshan\n"
	if !strings.Contains(out, row) {
		t.Errorf("csv: got\n%s\nwant a row %q", out, row)
	}
	if _, _, err := runDB(t, db, "", "query", "--name", "by-type", "--format", "csv"); err == nil || !strings.Contains(err.Error(), "flat") {
		t.Errorf("csv of nested GraphQL results: got %v, want an error asking for flat results", err)
	}
}

func TestQueryNQuads(t *testing.T) {
	db := mustSeedStore(t)
	out := mustRunDB(t, db, "query", "--name", "parents", "--format", "nquads")
	for _, want := range []string{
		"<https://policykg.org/id/caofeidian> <https://policykg.org/vocab#part_of> <https://policykg.org/id/tangshan> <https://policykg.org/doc/scio-hebei-2024-p4#s17.x-district-of-y> .",
		"<https://policykg.org/id/tangshan> <https://policykg.org/vocab#part_of> <https://policykg.org/id/hebei> <https://policykg.org/doc/scio-hebei-2024-p4#gazetteer> .",
		`<https://policykg.org/id/hebei> <http://www.w3.org/2000/01/rdf-schema#label> "Hebei" <https://policykg.org/doc/scio-hebei-2024-p4> .`,
	} {
		if !strings.Contains(out, want+"\n") {
			t.Errorf("nquads: missing %s in\n%s", want, out)
		}
	}
	if strings.Contains(out, "langfang") {
		t.Errorf("nquads of the parents of Caofeidian names Langfang:\n%s", out)
	}
}

func TestQueryTimeoutStopsEndlessLoop(t *testing.T) {
	db := mustSeedStore(t)
	_, _, err := runDB(t, db, "", "query", "gizmo", "while (true) {}", "--timeout", "200ms")
	if err == nil || !strings.Contains(err.Error(), "stopped after 200ms") {
		t.Errorf("endless loop: got %v, want a timeout error", err)
	}
}

func TestQueryErrorsNameTheLine(t *testing.T) {
	db := mustSeedStore(t)
	for _, tc := range []struct {
		lang, text, want string
	}{
		{"gizmo", "g.V(\"<pk:hebei>\")\n  .Out(nosuch).All()", "line 2: ReferenceError: nosuch is not defined"},
		{"gizmo", "g.V(\"x\").All(\n)))", "line 2: SyntaxError"},
		{"gizmo", "g.IRI(\"pk:x\"); g.V(\n", "line 2: SyntaxError"},
		{"graphql", "{ nodes(id: <pk:hebei>) {\n  id\n", "line 3: Syntax Error GraphQL"},
	} {
		_, _, err := runDB(t, db, "", "query", tc.lang, tc.text)
		var qe *graph.QueryError
		if !errors.As(err, &qe) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s %q: got %v, want %q", tc.lang, tc.text, err, tc.want)
			continue
		}
		if lines := strings.Split(tc.text, "\n"); qe.Line <= len(lines) && qe.Source != lines[qe.Line-1] {
			t.Errorf("%q: source line %q, want %q", tc.text, qe.Source, lines[qe.Line-1])
		}
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"query", "sparql", "x"}, `unknown language "sparql"`},
		{[]string{"query", "--name", "nosuch"}, `query "nosuch": unknown`},
		{[]string{"query", "--name", "hierarchy", "--param", "country=China"}, `parameter "country": unknown (have place, depth)`},
		{[]string{"query", "--name", "hierarchy", "--param", "depth=1000"}, "want a whole number from 0 to 20"},
		{[]string{"query", "--name", "hierarchy", "--param", "place=Atlantis"}, `look up "Atlantis": not found`},
		{[]string{"query", "--name", "hierarchy", "--param", "place"}, "want name=value"},
		{[]string{"query", "gizmo", "-f", "/nonexistent/q.js"}, "read /nonexistent/q.js"},
		{[]string{"query", "gizmo", "g.V().All()", "--format", "xml"}, `unknown format "xml"`},
	} {
		_, _, err := runDB(t, db, "", tc.args...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: got %v, want %q", tc.args, err, tc.want)
		}
	}
}

// A parameter cannot break out of its string literal: a value shaped like
// code is looked up as a name, and text parameters arrive as one string.
func TestCannedParametersAreNotPasted(t *testing.T) {
	db := mustSeedStore(t)
	evil := `Hebei"); g.Emit("pwned"); g.V("x`
	_, _, err := runDB(t, db, "", "query", "--name", "hierarchy", "--param", "place="+evil)
	if err == nil || !strings.Contains(err.Error(), "not found") {
		t.Errorf("code-shaped place: got %v, want a failed lookup", err)
	}
	q, err := queries.Parse("t.js", "// Title: t\n// Question: q\n// Param: s text = x -- any text\ng.Emit({{s}});\n")
	if err != nil {
		t.Fatal(err)
	}
	text, err := q.Bind(map[string]string{"s": evil + "\u2028\\"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "t.js")
	os.WriteFile(file, []byte(text), 0o644)
	out := mustRunDB(t, db, "query", "gizmo", "-f", file, "--format", "json")
	if strings.Count(out, "\n") != 1 || !strings.Contains(out, `g.Emit(\"pwned\")`) {
		t.Errorf("text parameter: got %q, want the value back as one string", out)
	}
}

func TestQueriesListsNameFirst(t *testing.T) {
	out := mustRunDB(t, "unused.db", "queries")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	all, _ := queries.All()
	if len(lines) != len(all) {
		t.Fatalf("queries: got %d lines, want %d", len(lines), len(all))
	}
	if !strings.HasPrefix(lines[0], "by-type\tgraphql\ttype=City\t") {
		t.Errorf("first line: got %q", lines[0])
	}
}
