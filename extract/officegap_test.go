package extract

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// The expressions the hand matchers of officegap.go replace.
var (
	reOffice  = regexp.MustCompile(`^, (?:a |an |the )?((?:[\w-]+ ){0,5}?)(?:of|at|with|from|for|in) (?:the )?$`)
	reTitleBy = regexp.MustCompile(`^ ((?:[\w-]+ ){1,3})$`)
)

// gapPieces are the bits random gaps are made of: the expressions' words,
// words that nearly are, separators and odd bytes.
var gapPieces = []string{
	", ", " ", ",", "a ", "an ", "the ", "a", "an", "the", "of", "at", "with", "from", "for", "in",
	"of ", "in the ", "vice", "governor", "party-secretary", "x_1", "-", "mayor ", "é", "\u212a",
	"  ", "\t", "of the", "the the ", "in ", "at the ", "\xff", "deputy ", "reporter ", "A",
}

func randomOfficeGap(r *rand.Rand) string {
	var b strings.Builder
	for range r.IntN(12) {
		b.WriteString(gapPieces[r.IntN(len(gapPieces))])
	}
	return b.String()
}

func checkSubmatch(t *testing.T, re *regexp.Regexp, f func(string) (string, bool), s string) {
	t.Helper()
	m := re.FindStringSubmatch(s)
	got, ok := f(s)
	if ok != (m != nil) || ok && got != m[1] {
		t.Fatalf("%q: hand matcher gives %q, %v; %s gives %q", s, got, ok, re, m)
	}
}

func TestOfficeGapMatchers(t *testing.T) {
	fixed := []string{
		", vice governor of ", ", a reporter with ", ", the party secretary of the ", ", of ",
		", the of the ", ", an expert at ", ", a b c d e of ", ", a b c d e f of ", ", b c d e f of ",
		", the the of ", ", mayor of the", ", mayor  of ", " vice mayor ", " party secretary ",
		" a b c ", " a b c d ", " ", "  ", " a", " a-b ", ", in the ", ", a in ", ", an of ",
	}
	for _, s := range fixed {
		checkSubmatch(t, reOffice, officeTitle, s)
		checkSubmatch(t, reTitleBy, titleBefore, s)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 200000 {
		s := randomOfficeGap(r)
		checkSubmatch(t, reOffice, officeTitle, s)
		checkSubmatch(t, reTitleBy, titleBefore, s)
		// and the same after ", " or " ", where both expressions start
		checkSubmatch(t, reOffice, officeTitle, ", "+s)
		checkSubmatch(t, reTitleBy, titleBefore, " "+s)
	}
}

// FuzzOfficeGap compares the hand matchers with the expressions on
// arbitrary gaps.
func FuzzOfficeGap(f *testing.F) {
	f.Add(", vice governor of the ")
	f.Add(" vice mayor ")
	f.Fuzz(func(t *testing.T, s string) {
		checkSubmatch(t, reOffice, officeTitle, s)
		checkSubmatch(t, reTitleBy, titleBefore, s)
	})
}
