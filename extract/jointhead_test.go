package extract

import (
	"math/rand"
	"strings"
	"testing"
)

// jointPieces are the pieces random rests are made of: the expressions'
// auxiliaries, verbs and objects, near misses, and bytes that join words.
var jointPieces = []string{",", " ", " ", " ", "have", "has", "will", "would", "were", "been", "also",
	"jointly", "each", "recently", "formally", "work", "worked together", "set up a joint", "set up",
	"signed", "inked", "a", "the", "cooperation", "agreement", "agreements", "with each other",
	"teamed", "pair", "join", "up", "formed", "alliance", "league", "agreed to", "develop", "pledged",
	"built a joint", "opened", "havee", "xsigned", "-", "é", "to", "partnership", "consortium"}

func randomRest(r *rand.Rand) string {
	var b strings.Builder
	if r.Intn(2) == 0 {
		b.WriteString(", ")
	}
	for n := r.Intn(10); n > 0; n-- {
		b.WriteString(jointPieces[r.Intn(len(jointPieces))])
		if r.Intn(4) > 0 {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// TestMayBeJoint checks that the quick test never turns down a text one of
// the joint-statement expressions matches.
func TestMayBeJoint(t *testing.T) {
	cases := []string{"", " ", ",", ", jointly", " jointlyness", ", have have worked together",
		", will jointly build", " signed a cooperation agreement", ", have also teamed up",
		" agreed to develop ", ",  signed", " formed an alliance", ", were each set up a joint"}
	r := rand.New(rand.NewSource(3))
	for range 50000 {
		cases = append(cases, randomRest(r))
	}
	matched := 0
	for _, s := range cases {
		any := false
		may := jointCandidates(s)
		for k, f := range jointExprs {
			if f.re.MatchString(s) {
				any = true
				if may&(1<<k) == 0 {
					t.Fatalf("jointCandidates(%q) leaves out expression %d, which matches", s, k)
				}
			}
		}
		if any {
			matched++
			if !mayBeJoint(s) {
				t.Fatalf("mayBeJoint(%q) = false, but an expression matches", s)
			}
		}
	}
	if matched < 500 {
		t.Errorf("only %d of %d rests match: the random rests test too little", matched, len(cases))
	}
}
