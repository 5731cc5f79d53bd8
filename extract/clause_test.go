package extract

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// The separator scans of clauseAround, clauseEndAfter and conceptEnd
// against the definitions they replace: the nearest occurrence of any
// separator, found with one strings.Index or LastIndex per separator.

func clauseAroundByIndex(s string, pos int) (int, int) {
	start := 0
	for _, sep := range clauseStarts {
		if i := strings.LastIndex(s[:pos], sep); i >= 0 && i+len(sep) > start {
			start = i + len(sep)
		}
	}
	end := len(s)
	for _, sep := range clauseEnds {
		if i := strings.Index(s[pos:], sep); i >= 0 && pos+i < end {
			end = pos + i
		}
	}
	return start, end
}

func conceptEndByIndex(s string) int {
	end := len(s)
	for _, stop := range append([]string{",", ".", ";"}, conceptStops...) {
		if i := strings.Index(s, stop); i >= 0 && i < end {
			end = i
		}
	}
	return end
}

func TestClauseScans(t *testing.T) {
	parts := []string{"; ", ", and ", ", while ", ", but ", ", bringing ", ", with ", ",", ";", " ", "a",
		" that ", " which ", " has ", " have ", " is ", " are ", " will ", " to ", ".", "while", "x,"}
	r := rand.New(rand.NewSource(1))
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := r.Intn(12); k >= 0; k-- {
			b.WriteString(parts[r.Intn(len(parts))])
		}
		s := b.String()
		pos := r.Intn(len(s) + 1)
		gs, ge := clauseAround(s, pos)
		ws, we := clauseAroundByIndex(s, pos)
		if gs != ws || ge != we {
			t.Fatalf("clauseAround(%q, %d) = %d, %d, want %d, %d", s, pos, gs, ge, ws, we)
		}
		if got, want := conceptEnd(s[pos:]), conceptEndByIndex(s[pos:]); got != want {
			t.Fatalf("conceptEnd(%q) = %d, want %d", s[pos:], got, want)
		}
	}
}

// TestPhraseStarts checks phraseStarts against a strings.Index loop.
func TestPhraseStarts(t *testing.T) {
	parts := []string{"development of ", "coordinated ", "the ", "rise of ", "rise ", "of ", "strategy ", "for ", "x"}
	r := rand.New(rand.NewSource(2))
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := r.Intn(10); k >= 0; k-- {
			b.WriteString(parts[r.Intn(len(parts))])
		}
		s := b.String()
		for _, c := range []struct{ phrase, anchor string }{
			{"coordinated development of ", "development of "}, {"rise of ", "rise of "},
			{"strategy for ", "strategy "}, {"of of ", "of "},
		} {
			var want []int
			for off := 0; ; {
				i := strings.Index(s[off:], c.phrase)
				if i < 0 {
					break
				}
				want = append(want, off+i)
				off += i + len(c.phrase)
			}
			got := phraseStarts(s, c.phrase, c.anchor, indexAll(s, c.anchor))
			if !slices.Equal(got, want) {
				t.Fatalf("phraseStarts(%q, %q) = %v, want %v", s, c.phrase, got, want)
			}
		}
	}
}
