package graph_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/policykg/policykg/bench"
	"github.com/policykg/policykg/graph"
	"github.com/policykg/policykg/internal/seedtest"
	"github.com/policykg/policykg/queries"
)

// cannedCase is a canned query with parameters (nil: the defaults).
type cannedCase struct {
	name string
	args map[string]string
}

// seedCases exercise the Go versions on the seed graph beyond their
// defaults: other places, depths of 0 and 1, absent answers.
var seedCases = []cannedCase{
	{"hierarchy", map[string]string{"depth": "1"}},
	{"hierarchy", map[string]string{"depth": "0"}},
	{"hierarchy", map[string]string{"place": "Tangshan"}},
	{"parents", map[string]string{"place": "Xiong'an New Area"}},
	{"parents", map[string]string{"depth": "1"}},
	{"parents", map[string]string{"place": "Hebei"}},
	{"cooperation", map[string]string{"depth": "0"}},
	{"cooperation", map[string]string{"depth": "1"}},
	{"cooperation", map[string]string{"place": "Beijing", "depth": "3"}},
	{"documents", map[string]string{"entity": "Caofeidian"}},
	{"documents", map[string]string{"entity": "Hebei"}},
	{"figures", map[string]string{"place": "Hebei"}},
	{"flows", map[string]string{"from": "Hebei"}},
	{"evidence", map[string]string{"subject": "Beijing", "predicate": "transfers_to", "object": "Xiong'an New Area"}},
	{"evidence", map[string]string{"subject": "Tangshan", "predicate": "part_of", "object": "Caofeidian"}},
	{"connection", map[string]string{"hops": "1"}},
	{"connection", map[string]string{"from": "Hebei", "to": "Beijing", "hops": "6"}},
	{"connection", map[string]string{"from": "Hebei", "to": "Hebei"}},
	{"by-type", map[string]string{"type": "Province"}},
	{"by-type", map[string]string{"type": "Strategy"}},
	{"by-type", map[string]string{"type": "Person"}},
	{"by-type", map[string]string{"type": "River"}},
	{"by-type", map[string]string{"type": "<pkv:Metric>"}},
	{"by-type", map[string]string{"type": "<pk:nowhere>"}},
}

// TestGoVersionsAnswerAsText runs every canned query that has a Go version
// both ways, on the seed graph and on a small synthetic one, and compares
// the sets of answers.
func TestGoVersionsAnswerAsText(t *testing.T) {
	ctx := context.Background()
	seed := openStore(t, filepath.Join(t.TempDir(), "seed.db"), true)
	for _, ex := range seedtest.Extractions() {
		if _, err := seed.ReplaceDocument(ctx, ex); err != nil {
			t.Fatal(err)
		}
	}
	t.Run("seed", func(t *testing.T) { compareVersions(t, seed, append(defaultCases(t), seedCases...), true) })
	if testing.Short() {
		return
	}
	cfg := bench.Config{Provinces: 3, Cities: 3, Districts: 3, Zones: 2, Documents: 80, Seed: 7}
	synth := openStore(t, filepath.Join(t.TempDir(), "synth.db"), true)
	if err := bench.Generate(ctx, synth, cfg, nil); err != nil {
		t.Fatal(err)
	}
	var cases []cannedCase
	for name, params := range cfg.Params() {
		args := map[string]string{}
		for _, p := range params {
			k, v, _ := strings.Cut(p, "=")
			args[k] = v
		}
		if name == "cooperation" {
			// The text's unrolled rings cost seconds at depth 2 here
			// (over a minute at 3); the Go version's walk is the same
			// at every depth.
			args["depth"] = "1"
		}
		cases = append(cases, cannedCase{name, args})
	}
	cases = append(cases,
		cannedCase{"cooperation", map[string]string{"place": "City 02-02", "depth": "0"}},
		cannedCase{"hierarchy", map[string]string{"place": "Province 02", "depth": "2"}},
		cannedCase{"connection", map[string]string{"from": "Zone 01-01-01-01", "to": "Zone 03-03-03-02", "hops": "6"}},
		cannedCase{"figures", map[string]string{"place": "City 03-02"}},
		cannedCase{"by-type", map[string]string{"type": "City"}},
		cannedCase{"by-type", map[string]string{"type": "Zone"}},
	)
	sort.Slice(cases, func(i, j int) bool { return cases[i].name < cases[j].name })
	t.Run("synthetic", func(t *testing.T) { compareVersions(t, synth, cases, false) })
}

func defaultCases(t *testing.T) []cannedCase {
	all, err := queries.All()
	if err != nil {
		t.Fatal(err)
	}
	var out []cannedCase
	for _, q := range all {
		out = append(out, cannedCase{name: q.Name})
	}
	return out
}

func compareVersions(t *testing.T, st *graph.Store, cases []cannedCase, defaultsAnswer bool) {
	ctx := context.Background()
	for _, c := range cases {
		q, err := queries.Get(c.name)
		if err != nil {
			t.Fatal(err)
		}
		b, err := q.Prepare(c.args, st.ParamResolver(ctx))
		if err != nil {
			t.Fatalf("%s %v: %v", c.name, c.args, err)
		}
		cq := graph.Canned{Name: q.Name, Language: q.Language, Source: q.Text, Text: b.Text, Params: b.Values}
		if !graph.HasGoVersion(cq) {
			continue
		}
		start := time.Now()
		goAnswers := answers(t, func(fn func(any) error) error { return st.RunCanned(ctx, cq, 0, fn) })
		mid := time.Now()
		textAnswers := answers(t, func(fn func(any) error) error { return st.RunCannedText(ctx, cq, 0, fn) })
		t.Logf("%s %v: %d answers; Go %s, text %s", c.name, c.args, strings.Count(textAnswers, "\n")+1, mid.Sub(start), time.Since(mid))
		if goAnswers != textAnswers {
			t.Errorf("%s %v: the Go version and the query text differ:\n%s", c.name, c.args, diffLines(goAnswers, textAnswers))
		}
		if defaultsAnswer && c.args == nil && textAnswers == "" {
			t.Errorf("%s: no answers with its defaults: the comparison proves nothing", c.name)
		}
	}
}

// diffLines lists the lines only got has (+) and only want has (-), at
// most ten of each.
func diffLines(got, want string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	g, w := in(got), in(want)
	var out []string
	for _, side := range []struct {
		mark       string
		from, miss map[string]bool
	}{{"+ Go: ", g, w}, {"- text: ", w, g}} {
		n := 0
		for _, l := range strings.Split(map[bool]string{true: got, false: want}[side.mark == "+ Go: "], "\n") {
			if !side.miss[l] && n < 10 {
				out = append(out, side.mark+l)
				n++
			}
		}
	}
	return strings.Join(out, "\n")
}

// answers runs a query and returns its results as sorted JSON lines.
func answers(t *testing.T, run func(func(any) error) error) string {
	t.Helper()
	var lines []string
	err := run(func(r any) error {
		b, err := json.Marshal(r)
		if err != nil {
			return err
		}
		var v any // lists sorted: their order is not part of the answer
		if err := json.Unmarshal(b, &v); err != nil {
			return err
		}
		b, err = json.Marshal(seedtest.SortLists(v))
		lines = append(lines, string(b))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// TestGoVersionFingerprints fails when a query file changes under its Go
// version: the Go version then stands aside (RunCanned runs the text) until
// it is checked against the new text and its fingerprint updated.
func TestGoVersionFingerprints(t *testing.T) {
	all, err := queries.All()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, q := range all {
		fp, ok := graph.GoVersionFingerprint(q.Name)
		if !ok {
			continue
		}
		n++
		if got := graph.Fingerprint(q.Text); got != fp {
			t.Errorf("queries/%s changed (fingerprint %s, Go version checked against %s): check graph's Go version of it against the new text, then update its fingerprint", q.Name, got, fp)
		}
	}
	if n < len(all) {
		t.Errorf("Go versions: got %d, want one for each of the %d queries", n, len(all))
	}
}

// TestStepsSortAsJavaScript: keys outside ASCII sort by UTF-16 code units,
// as the connection query's JavaScript sorts them: U+FF01 (one unit,
// 0xFF01) after U+1F600 (surrogates from 0xD83D), though its UTF-8 bytes
// come first.
func TestStepsSortAsJavaScript(t *testing.T) {
	got := graph.SortKeysForTest([]string{"\uFF01", "\U0001F600", "a", "b"})
	want := []string{"a", "b", "\U0001F600", "\uFF01"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("got %q, want %q", got, want)
	}
}
