package main

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/policykg/policykg/internal/seedtest"
	"github.com/policykg/policykg/queries"
)

var update = flag.Bool("update", false, "rewrite queries/testdata/*.want from the current answers")

// TestQueryStories runs every canned query, with its defaults, on seeds/
// built by the real pipeline (policykg build) and compares the answers with queries/testdata/<name>.want: one
// JSON result per line, lines sorted, lists inside results sorted.
func TestQueryStories(t *testing.T) {
	db := seedDB(t)
	all, err := queries.All()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 12 {
		t.Errorf("canned queries: got %d, want at least 12", len(all))
	}
	for _, q := range all {
		t.Run(q.Name, func(t *testing.T) {
			got := canonicalLines(t, mustRunDB(t, db, "query", "--name", q.Name, "--format", "json"))
			file := filepath.Join("..", "..", "queries", "testdata", q.Name+".want")
			if *update {
				if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run go test ./cmd/policykg -run QueryStories -update)", err)
			}
			if got != string(want) {
				t.Errorf("answers of %s:\ngot\n%s\nwant\n%s", q.Name, got, want)
			}
			if strings.TrimSpace(got) == "" {
				t.Errorf("%s has no answers on the seed graph", q.Name)
			}
		})
	}
}

// canonicalLines re-encodes JSON Lines with sorted lists and sorted lines,
// so answers compare regardless of the order Cayley yields them in.
func canonicalLines(t *testing.T, out string) string {
	t.Helper()
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if l == "" {
			continue
		}
		var v any
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Fatalf("result %q: %v", l, err)
		}
		var b strings.Builder
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(seedtest.SortLists(v)); err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.TrimSpace(b.String()))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n") + "\n"
}

// answers runs a canned query and returns its rows.
func answers(t *testing.T, db, name string, params ...string) []map[string]any {
	t.Helper()
	args := []string{"query", "--name", name, "--format", "json"}
	for _, p := range params {
		args = append(args, "--param", p)
	}
	var rows []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(mustRunDB(t, db, args...)), "\n") {
		if l == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("%s: result %q: %v", name, l, err)
		}
		rows = append(rows, m)
	}
	return rows
}

// column lists the short names (pk:x) of one tag over the rows, sorted.
func column(rows []map[string]any, tag string) []string {
	var out []string
	for _, r := range rows {
		s, _ := r[tag].(string)
		s = strings.TrimSuffix(strings.TrimPrefix(s, "<https://policykg.org/id/"), ">")
		s = strings.TrimPrefix(s, "https://policykg.org/id/")
		s = strings.TrimPrefix(s, "<https://policykg.org/vocab#")
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func edgeList(rows []map[string]any) []string {
	var out []string
	for _, r := range rows {
		out = append(out, strings.Join(column([]map[string]any{r}, "source"), "")+">"+strings.Join(column([]map[string]any{r}, "target"), ""))
	}
	sort.Strings(out)
	return out
}

func equal(a, b []string) bool { return strings.Join(a, "|") == strings.Join(b, "|") }

// includes reports whether every element of want is in got.
func includes(got []string, want ...string) bool {
	set := map[string]bool{}
	for _, g := range got {
		set[g] = true
	}
	for _, w := range want {
		if !set[w] {
			return false
		}
	}
	return true
}

// TestCannedAnswers states, per question, what a researcher should learn
// from seeds/ as the real extractor reads it.
func TestCannedAnswers(t *testing.T) {
	db := seedDB(t)
	check := func(what string, got []string, want ...string) {
		t.Helper()
		if !includes(got, want...) {
			t.Errorf("%s:\ngot  %v\nwant at least %v", what, got, want)
		}
	}
	checkExactly := func(what string, got []string, want ...string) {
		t.Helper()
		if !equal(got, want) {
			t.Errorf("%s:\ngot  %v\nwant %v", what, got, want)
		}
	}
	hier := edgeList(answers(t, db, "hierarchy", "place=Hebei"))
	check("hierarchy under Hebei includes Tangshan and Caofeidian", hier, "tangshan>hebei", "caofeidian>tangshan",
		"langfang>hebei", "sanhe>langfang", "dachang>langfang", "xianghe>langfang")
	checkExactly("hierarchy under Tangshan city (an alias), one level", edgeList(answers(t, db, "hierarchy", "place=tangshan city", "depth=1")),
		"caofeidian>tangshan")
	checkExactly("parents of Caofeidian are Tangshan, Hebei", column(answers(t, db, "parents", "place=Caofeidian"), "target"),
		"hebei", "tangshan")
	check("recipients", edgeList(answers(t, db, "recipients")), "xiongan-new-area>beijing-non-capital-functions")
	var fl []string
	for _, r := range answers(t, db, "flows", "from=Beijing") {
		f, _ := r["figure"].(string)
		fl = append(fl, edgeList([]map[string]any{r})[0]+" "+f)
	}
	check("flows from Beijing", fl, "beijing>caofeidian 247 industrial projects", "beijing>caofeidian 177 billion yuan",
		"beijing>hebei 43,000 companies", "beijing>hebei 81 billion yuan", "beijing>xiongan-new-area ")
	check("flows from Tianjin", edgeList(answers(t, db, "flows", "from=Tianjin")), "tianjin>hebei")
	coop := edgeList(answers(t, db, "cooperation", "place=Hebei"))
	check("cooperation around Hebei", coop, "hebei>tianjin", "beijing>hebei", "beijing>caofeidian")
	check("cooperation around Hebei, one step", edgeList(answers(t, db, "cooperation", "depth=1")), "hebei>tianjin", "beijing>hebei")
	if includes(edgeList(answers(t, db, "cooperation", "depth=1")), "caofeidian>tianjin") {
		t.Errorf("cooperation one step from Hebei reaches Caofeidian-Tianjin, two steps away")
	}
	check("officials", edgeList(answers(t, db, "officials")), "zhang-chengzhong>hebei")
	var figs []string
	for _, r := range answers(t, db, "figures", "place=Hebei") {
		f := r["figure"].(string) + " " + r["unit"].(string)
		if y, ok := r["year"]; ok {
			f += " " + toString(y)
		}
		figs = append(figs, f)
	}
	check("figures for Hebei", figs, "43,000 companies companies", "81 billion yuan yuan 2023")
	check("strategies", edgeList(answers(t, db, "strategies")), "hebei>coordinated-development-of-the-beijing-tianjin-hebei-region")
	var docs []string
	for _, r := range answers(t, db, "documents", "entity=xiong'an new area") {
		docs = append(docs, r["date"].(string)+" "+r["document"].(string))
	}
	checkExactly("documents mentioning Xiong'an", docs, "2024-04-29 <https://policykg.org/doc/scio-hebei-2024-p4>")
	var rules []string
	for _, r := range answers(t, db, "evidence", "subject=Caofeidian", "predicate=part_of", "object=Tangshan") {
		rules = append(rules, r["rule"].(string))
	}
	sort.Strings(rules)
	checkExactly("evidence rules for Caofeidian part_of Tangshan", rules, "gazetteer", "x-district-of-y")
	byType := answers(t, db, "by-type", "type=County")
	if b, _ := json.Marshal(byType); !strings.Contains(string(b), "Sanhe") || !strings.Contains(string(b), "Xianghe") || strings.Contains(string(b), "Tangshan") {
		t.Errorf("counties: got %s", b)
	}
	path := answers(t, db, "connection", "from=Caofeidian", "to=Xiong'an New Area", "hops=4")
	if len(path) != 2 || path[0]["hop"] != 1.0 || path[1]["hop"] != 2.0 {
		t.Errorf("connection Caofeidian..Xiong'an: got %v, want two hops in order", path)
	}
	if len(answers(t, db, "connection", "from=Zhang Chengzhong", "to=Xiong'an New Area", "hops=1")) != 0 {
		t.Errorf("connection within 1 hop between Zhang Chengzhong and Xiong'an: want none")
	}
}

func toString(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
