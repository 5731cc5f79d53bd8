package queries

import (
	"errors"
	"strings"
	"testing"
)

func TestCatalogueHeaders(t *testing.T) {
	all, err := All()
	if err != nil {
		t.Fatal(err)
	}
	langs := map[string]int{}
	for _, q := range all {
		langs[q.Language]++
		if q.Title == "" || q.Question == "" || q.Returns == "" {
			t.Errorf("%s: header lacks title, question or returns: %+v", q.Name, q)
		}
		for _, p := range q.Params {
			if p.Default == "" || p.Doc == "" {
				t.Errorf("%s: param %s has no default or doc", q.Name, p.Name)
			}
		}
		if q.Language == Gizmo && strings.Contains(q.Text, "FollowRecursive(") && !strings.Contains(q.Text, "{{depth}})") {
			t.Errorf("%s: FollowRecursive without a max depth", q.Name)
		}
	}
	if langs[Gizmo] == 0 || langs[GraphQL] == 0 {
		t.Errorf("languages: got %v, want both", langs)
	}
	h, err := Get("hierarchy")
	if err != nil {
		t.Fatal(err)
	}
	want := []Param{{"place", Entity, "Hebei", "the place to look under (name, alias or IRI)"},
		{"depth", Int, "6", "how many levels down to follow"}}
	if len(h.Params) != 2 || h.Params[0] != want[0] || h.Params[1] != want[1] {
		t.Errorf("hierarchy params: got %+v, want %+v", h.Params, want)
	}
	if !strings.HasPrefix(h.Question, "Which places lie inside a place, at any depth, and what is each one's direct parent?") {
		t.Errorf("continued question line: got %q", h.Question)
	}
}

func TestParseRejectsBadFiles(t *testing.T) {
	for _, tc := range []struct{ file, text, want string }{
		{"a.sql", "-- x", "unknown language"},
		{"a.js", "g.V().All()", "needs a Title and a Question"},
		{"a.js", "// Title: t\n// Question: q\n// Param: x entity\n", "bad Param line"},
		{"a.js", "// Title: t\n// Question: q\n// Param: x float = 1\n{{x}}", `unknown kind "float"`},
		{"a.js", "// Title: t\n// Question: q\n// Param: x int = 1\ng.V()", "declared but not used"},
		{"a.js", "// Title: t\n// Question: q\ng.V({{y}})", "{{y}} is not a declared param"},
	} {
		if _, err := Parse(tc.file, tc.text); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q): got %v, want %q", tc.text, err, tc.want)
		}
	}
}

func TestBindQuotesAndResolves(t *testing.T) {
	q, err := Parse("b.graphql", "# Title: t\n# Question: q\n# Param: e entity = Hebei -- e\n# Param: s text = a -- s\n# Param: n int = 3 -- n\n{ nodes(id: {{e}}, x: {{s}}, n: {{n}}) { id } }")
	if err != nil {
		t.Fatal(err)
	}
	resolve := func(kind, v string) (string, error) {
		if v == "nowhere" {
			return "", errors.New("not found")
		}
		return "<https://policykg.org/id/" + strings.ToLower(v) + ">", nil
	}
	got, err := q.Bind(map[string]string{"s": "say \"hi\"\n}"}, resolve)
	if err != nil {
		t.Fatal(err)
	}
	want := `{ nodes(id: "<https://policykg.org/id/hebei>", x: "say \"hi\"\n}", n: 3) { id } }`
	if !strings.HasSuffix(got, want) {
		t.Errorf("bind: got %q, want suffix %q", got, want)
	}
	for args, msg := range map[string]string{"e=nowhere": "not found", "n=-1": "whole number", "n=2 ; x": "whole number", "zz=1": "unknown"} {
		k, v, _ := strings.Cut(args, "=")
		if _, err := q.Bind(map[string]string{k: v}, resolve); err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("bind %s: got %v, want %q", args, err, msg)
		}
	}
	if got := Quote("a\u2028b</script>"); got != `"a\u2028b</script>"` {
		t.Errorf("Quote: got %s", got)
	}
}
