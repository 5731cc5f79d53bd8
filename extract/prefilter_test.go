package extract

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/policykg/policykg/ontology"
)

// TestPrefiltersHoldForMatches checks that every gap a containment
// expression matches passes its cheap test: on examples of each, and on
// every stretch of up to 60 bytes between spaces or commas of the
// sentences of the dev set.
func TestPrefiltersHoldForMatches(t *testing.T) {
	tests := []struct {
		name string
		re   *regexp.Regexp
		may  func(string) bool
	}{
		{"adj-place", reAdjPlace, mayAdjPlace},
		{"seats-of", rePluralSeats, maySeatsOf},
		{"members", reMembers, mayMembers},
		{"core-of", reCoreOf, mayCoreOf},
		{"counted-of", reCountedOf, mayCountedOf},
	}
	gaps := []string{", and the three counties of ", " and its cities of the ", ", the only ", ", a ", ", an inland ", ", the seats of the ", ", the respective capitals of ",
		", all cities of ", ", three districts under the ", ", the counties administered directly by ",
		", two cities at the southern end of the ", " serves as the core of ", " will serve as a hub of the ",
		" act as the heart of ", ", both of ", ", "}
	for _, s := range devSentences(t) {
		l := s.lower
		for i := 0; i < len(l); i++ {
			if l[i] != ' ' && l[i] != ',' {
				continue
			}
			for j := i + 1; j <= len(l) && j-i <= 60; j++ {
				if l[j-1] == ' ' {
					gaps = append(gaps, l[i:j])
				}
			}
		}
	}
	matched := map[string]int{}
	for _, g := range gaps {
		for _, tt := range tests {
			if tt.re.MatchString(g) {
				matched[tt.name]++
				if !tt.may(g) {
					t.Errorf("%s: %q matches the expression but fails the cheap test", tt.name, g)
				}
			}
		}
	}
	for _, tt := range tests {
		if matched[tt.name] == 0 {
			t.Errorf("%s: no gap matched, so nothing was checked", tt.name)
		}
	}
}

// TestCountedGroupAtEnd reads a sentence that ends with a group noun, where
// the search for the next one starts past the end.
func TestCountedGroupAtEnd(t *testing.T) {
	x := mustNew(t)
	for _, text := range []string{"Both cities worked together with the two cities", "The two cities"} {
		if _, err := x.Extract(ontology.Document{ID: "t"}, []byte(text)); err != nil {
			t.Fatalf("extract %q: %v", text, err)
		}
	}
}

// TestQuoted checks quoted against the rune search it stands for.
func TestQuoted(t *testing.T) {
	for _, s := range []string{`he said "we will`, "he said “we will", "we will", "‘we’ and ”we”", "", `"`, "“"} {
		if got, want := quoted(s, len(s)), strings.ContainsAny(s, "\"\u201c"); got != want {
			t.Errorf("quoted(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestIndexSpaced checks indexSpaced against strings.Index.
func TestIndexSpaced(t *testing.T) {
	texts := []string{"", " ", "to", " to", " to ", "go to  to the", "x to x", "  zone", "zone zone", "a zone b zones",
		"moved from A to B", "worked with with"}
	for _, s := range texts {
		for _, sub := range []string{" to ", " zone", " with ", " ", "  "} {
			if got, want := indexSpaced(s, sub), strings.Index(s, sub); got != want {
				t.Errorf("indexSpaced(%q, %q) = %d, want %d", s, sub, got, want)
			}
		}
	}
}

// TestInPhrase checks inPhrase against reIn on every sequence of its parts,
// with and without their spaces, and on the gaps of the dev set.
func TestInPhrase(t *testing.T) {
	texts := []string{"", "in", " in", ", in", ",in", "inn", "in  the", "within the", "is in", "lies within"}
	opts := [][]string{{"", ",", " ", ", "}, {"", "which ", "that ", "which"}, {"", "is ", "are ", "was ", "were ", "is"},
		{"", "located ", "lies ", "lie ", "sits ", "sit ", "nestled ", "lying "},
		{"in", "inside", "within", "on", ""}, {"", " the", " the ", "the"}}
	var build func(int, string)
	build = func(k int, s string) {
		if k == len(opts) {
			texts = append(texts, s)
			return
		}
		for _, o := range opts[k] {
			build(k+1, s+o)
		}
	}
	build(0, "")
	for _, s := range devSentences(t) {
		for _, f := range strings.SplitAfter(s.lower, " ") {
			texts = append(texts, strings.TrimSpace(f))
		}
	}
	matches := 0
	for _, s := range texts {
		want := reIn.MatchString(s)
		if want {
			matches++
		}
		if got := inPhrase(s); got != want {
			t.Errorf("inPhrase(%q) = %v, reIn says %v", s, got, want)
		}
	}
	if matches < 100 {
		t.Errorf("only %d texts matched reIn", matches)
	}
}

// TestMergeOneList checks merge's way with a single list that needs no
// choice against its general way, which it takes for the same spans cut
// into two lists.
func TestMergeOneList(t *testing.T) {
	var sc mergeScratch
	var keep spanLists
	for n := 0; n < 40; n++ {
		var l []*span
		for i, pos := 0, 0; i < n; i++ {
			pos += i % 3 // some spans touch the one before
			sp := &span{start: pos, end: pos + 1 + i%4, kind: spanKind(i % 4)}
			l = append(l, sp)
			pos = sp.end
		}
		got := merge(&sc, &keep, l)
		for k := 1; k < n; k++ {
			if want := merge(&sc, &keep, l[:k], l[k:]); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("merge of %d spans as one list = %v, as two = %v", n, got, want)
			}
		}
		if n == 0 && got != nil {
			t.Fatalf("merge of no spans = %v, want nil", got)
		}
	}
}

// TestIsASCII checks isASCII, which reads eight bytes at a time, with a
// byte that is not ASCII at every position of strings up to 20 bytes.
func TestIsASCII(t *testing.T) {
	for n := 0; n <= 20; n++ {
		s := strings.Repeat("a", n)
		if !isASCII(s) {
			t.Errorf("isASCII(%q) = false", s)
		}
		for i := 0; i < n; i++ {
			b := []byte(s)
			b[i] = 0x80
			if isASCII(string(b)) {
				t.Errorf("isASCII with 0x80 at %d of %d bytes = true", i, n)
			}
		}
	}
}

// devSentences returns the sentences of every document of the dev set.
func devSentences(t *testing.T) []sentence {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "dev", "*", "doc.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("dev documents: %v (%d found)", err, len(paths))
	}
	var out []sentence
	for _, p := range paths {
		sents, _ := sentencesText(clean(string(mustRead(t, p))), new(scratch))
		out = append(out, sents...)
	}
	return out
}
