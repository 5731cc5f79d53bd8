package extract

import (
	"math/rand"
	"regexp"
	"strings"
	"testing"
)

// The hand-written gap scans must answer as the regular expressions they
// replace; the expressions stay here as the reference.

var refMovedTo = regexp.MustCompile(`\b(?:moved|relocated|transferred|shifted) (?:\w+ ){0,3}?to $`)

// gapWords are the pieces random gaps are made of: the scans' keywords,
// near misses, and bytes that end or join words.
var gapWords = []string{"moved", "relocated", "transferred", "shifted", "to", "the", "its", "production",
	"xmoved", "movedx", "a", "b_c", "9", " ", " ", " ", ",", "-", "é", "to ", "’"}

func randomGap(r *rand.Rand) string {
	var b strings.Builder
	for n := r.Intn(12); n > 0; n-- {
		b.WriteString(gapWords[r.Intn(len(gapWords))])
		if r.Intn(3) > 0 {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func TestMovedToStart(t *testing.T) {
	cases := []string{"", "to ", "moved to ", "firms moved to ", "moved its production to ",
		"moved a b c to ", "moved a b c d to ", "xmoved to ", "moved  to ", "moved to the ",
		"relocated to moved to ", "shifted é to ", "transferred b_c 9 to "}
	r := rand.New(rand.NewSource(1))
	for range 20000 {
		cases = append(cases, randomGap(r))
	}
	matched := 0
	for _, s := range cases {
		want := -1
		if m := refMovedTo.FindStringIndex(s); m != nil {
			want = m[0]
			matched++
		}
		if got := movedToStart(s); got != want {
			t.Fatalf("movedToStart(%q) = %d, want %d", s, got, want)
		}
	}
	if matched < 100 {
		t.Errorf("only %d of %d gaps match: the random gaps test too little", matched, len(cases))
	}
}
