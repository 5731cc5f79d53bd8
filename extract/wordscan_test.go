package extract

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// The regular expressions the token scans replaced.
var (
	reMove    = regexp.MustCompile(`\b(?:mov(?:e|ed|es|ing)|relocat\w*|transferr?(?:ed|ing|s)?|shift(?:ed|ing)?|migrat\w*|introduc(?:ed|ing))\b`)
	reReceive = regexp.MustCompile(`\b(?:receiv(?:e|ed|es|ing)|attract(?:ed|s|ing)?|t(?:ook|ake|akes|aking|aken) in|dr(?:ew|aw|aws|awn|awing)|landed|br(?:ought|inging) in|absorb(?:s|ed|ing)?|introduc(?:e|es|ed|ing)|undert(?:ake|akes|ook|aken|aking))\b`)
	reCoop    = regexp.MustCompile(`\b(?:work(?:s|ed|ing)?|cooperat\w*|collaborat\w*|pair(?:ed|ing)?|partner\w*|agreements?|teamed|joined hands|built|set up|established|co-\w+|together)\b`)
	reImpl    = regexp.MustCompile(`\b(?:implement(?:s|ed|ing)?|carr(?:y|ies|ied|ying) out|act(?:ed|s|ing)? on|undert(?:ake|akes|ook|aking)|put into practice|execut(?:e|es|ed|ing))\b`)
)

// TestWordScansAgreeWithRegexps checks the token scans against the
// regular expressions they replace, on phrases of policy prose.
func TestWordScansAgreeWithRegexps(t *testing.T) {
	phrases := []string{
		"companies moved from beijing", "relocated its plant", "transferred to", "transfers of", "shifting output",
		"migrating firms", "introduced to hebei", "the movement", "a transferee", "remove", "took in 45 projects",
		"takes in", "brought in", "brought up", "drawn from", "drawing", "received", "receiver", "attracts", "landed",
		"worked together", "co-build", "co-operation", "coordinated", "joined hands", "set up a joint", "setup",
		"partnership", "pairing", "the network", "carried out the plan", "carry on", "acted on it", "put into practice",
		"implementation", "implementing", "undertook", "has undertaken 40 projects", "taken in", "undertaker", "executive", "execute", "it's work", "re-move",
	}
	for _, p := range phrases {
		checks := []struct {
			name string
			got  bool
			want bool
		}{
			{"move", anyWord(p, moveWord), reMove.MatchString(p)},
			{"receive", anyWord(p, receiveWord), reReceive.MatchString(p)},
			{"coop", anyWord(p, coopWord), reCoop.MatchString(p)},
			{"impl", fmt.Sprint(implMatches(p)) == fmt.Sprint(pairs(reImpl.FindAllStringIndex(p, -1))), true},
		}
		for _, c := range checks {
			if c.got != c.want {
				t.Errorf("%s(%q) = %v, regexp says %v", c.name, p, c.got, c.want)
			}
		}
	}
}

func pairs(ms [][]int) [][2]int {
	var out [][2]int
	for _, m := range ms {
		out = append(out, [2]int{m[0], m[1]})
	}
	return out
}

// TestStemSearchesAgreeWithScans checks the stem searches against the
// word scans they stand for, on the phrases above and every sentence of
// the documents of the dev set.
func TestStemSearchesAgreeWithScans(t *testing.T) {
	texts := []string{"deepened ties with", "(ties deepened with", "they share a border with", "signed a memorandum with", "put into practice", "carried out and carried on", "acted on", "joined hands with", "they set up", "the co-op", "overtook in", "reset up", "undertaker"}
	for _, s := range devSentences(t) {
		texts = append(texts, s.lower)
	}
	searches := []struct {
		name string
		ss   stemSearch
		ok   func(s, w string, end int) bool
	}{{"move", moveSearch, moveWord}, {"receive", receiveSearch, receiveWord}, {"coop", coopSearch, coopWord}}
	for _, text := range texts {
		var trig triggerSet
		for i, w := range triggerWords {
			if strings.Contains(text, w) {
				trig.set(i)
			}
		}
		for _, s := range searches {
			if got, want := s.ss.anyWord(text, &trig, s.ok), anyWord(text, s.ok); got != want {
				t.Errorf("%s search of %q = %v, word scan says %v", s.name, text, got, want)
			}
		}
		if got, want := implMatchesIn(text, &trig), implMatches(text); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("impl search of %q = %v, word scan says %v", text, got, want)
		}
	}
}
