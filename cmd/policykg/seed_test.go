package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

const (
	pk  = "https://policykg.org/id/"
	pkv = "https://policykg.org/vocab#"
)

// seedDB builds the seed into a temporary store once per test.
func seedDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "kg.db")
	mustRun(t, "build", "--db", db, "../../seeds")
	return db
}

// edges lists every subject-predicate-object edge as "s p o" with IRIs.
func edges(t *testing.T, db string) map[string]bool {
	t.Helper()
	out := mustRun(t, "query", "--db", db, "--format", "json", "gizmo", `g.V().Tag("s").Out(null, "p").Tag("o").All()`)
	set := map[string]bool{}
	for _, m := range jsonLines(t, out) {
		if m["s"] == nil || m["p"] == nil || m["o"] == nil {
			t.Fatalf("edge row without s, p and o: %v", m)
		}
		set[fmt.Sprint(m["s"], " ", m["p"], " ", m["o"])] = true
	}
	return set
}

func TestSeedFacts(t *testing.T) {
	db := seedDB(t)
	got := edges(t, db)
	for _, want := range [][3]string{
		{"xiongan-new-area", "recipient_of", "beijing-non-capital-functions"},
		{"caofeidian", "part_of", "tangshan"},
		{"sanhe", "part_of", "langfang"},
		{"dachang", "part_of", "langfang"},
		{"xianghe", "part_of", "langfang"},
		{"tangshan", "part_of", "hebei"}, // from the gazetteer
	} {
		key := "<" + pk + want[0] + "> <" + pkv + want[1] + "> <" + pk + want[2] + ">"
		if !got[key] {
			t.Errorf("missing edge %s %s %s", want[0], want[1], want[2])
		}
	}
}

func TestSeedFollowRecursiveClimbsToHebei(t *testing.T) {
	db := seedDB(t)
	q := `g.V("<` + pk + `caofeidian>").FollowRecursive("<` + pkv + `part_of>", 5).All()`
	out := mustRun(t, "query", "--db", db, "--format", "json", "gizmo", q)
	var ids []string
	for _, m := range jsonLines(t, out) {
		ids = append(ids, m["id"].(string))
	}
	joined := strings.Join(ids, " ")
	for _, want := range []string{"<" + pk + "tangshan>", "<" + pk + "hebei>"} {
		if !strings.Contains(joined, want) {
			t.Errorf("parents of Caofeidian %v: want %s", ids, want)
		}
	}
	table := mustRun(t, "query", "--db", db, "gizmo", q)
	if !strings.Contains(table, "Tangshan") || strings.Contains(table, pk) {
		t.Errorf("table output should show labels, not IRIs:\n%s", table)
	}
	gql := `{ nodes(id: "<` + pk + `caofeidian>") { id parent: <` + pkv + `part_of> { id up: <` + pkv + `part_of> { id } } } }`
	out = mustRun(t, "query", "--db", db, "--format", "json", "graphql", gql)
	if !strings.Contains(out, pk+"tangshan") || !strings.Contains(out, pk+"hebei") {
		t.Errorf("GraphQL chain: got %s, want Tangshan then Hebei", out)
	}
}

func TestSeedProvenance(t *testing.T) {
	db := seedDB(t)
	// Find the evidence nodes whose sentence names Caofeidian district of
	// Tangshan city, then check that the part_of quad carries one of them as
	// its label and that it names a rule.
	out := mustRun(t, "query", "--db", db, "--format", "json", "gizmo",
		`g.V().Has("<`+pkv+`rule>").Tag("ev").Out("<`+pkv+`sentence>").Out("<`+pkv+`text>").Tag("text").Back("ev").Out("<`+pkv+`rule>").Tag("rule").All()`)
	supported := false
	for _, m := range jsonLines(t, out) {
		text, _ := m["text"].(string)
		if !strings.Contains(text, "Caofeidian district of Tangshan city") || m["rule"] == "" {
			continue
		}
		q := `g.V("<` + pk + `caofeidian>").LabelContext("` + m["ev"].(string) + `").Out("<` + pkv + `part_of>").All()`
		if strings.Contains(mustRun(t, "query", "--db", db, "--format", "json", "gizmo", q), pk+"tangshan") {
			supported = true
		}
	}
	if !supported {
		t.Errorf("no evidence label on Caofeidian part_of Tangshan leads to its sentence:\n%s", out)
	}
}
