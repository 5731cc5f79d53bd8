package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A rule may skip a sentence only for want of a trigger word its pattern
// holds; these tests check the tables that say which.

func TestReceiveVerbTriggers(t *testing.T) {
	for k, v := range receiveVerbs {
		b := receiveVerbTriggers[k]
		if b < 0 {
			continue
		}
		if !strings.Contains(v, triggerWords[b]) {
			t.Errorf("receive verb %q gated by %q, which it does not hold", v, triggerWords[b])
		}
	}
	// "taking in " holds no trigger word, so it is always looked for
	for k, v := range receiveVerbs {
		if v == "taking in " && receiveVerbTriggers[k] != -1 {
			t.Errorf("taking in: got trigger %q, want none", triggerWords[receiveVerbTriggers[k]])
		}
	}
}

func TestCountTriggers(t *testing.T) {
	if len(countTriggers) != len(countWords) {
		t.Fatalf("got %d count triggers, want %d", len(countTriggers), len(countWords))
	}
	for _, w := range countTriggers {
		if countWords[strings.TrimSuffix(w, " ")] == 0 {
			t.Errorf("count trigger %q is no count word and a space", w)
		}
		var one triggerSet
		one.set(triggerIndex[w])
		if !one.hasMask(&countMask) {
			t.Errorf("count trigger %q not in countMask", w)
		}
	}
}

// TestTriggersComplete checks the ground the gates stand on: over every
// test document, a sentence's trigger set holds exactly the trigger words
// its lower-case text contains, so a rule skipped for a missing trigger
// word could not have matched.
func TestTriggersComplete(t *testing.T) {
	x := mustNew(t)
	docs, _ := filepath.Glob(filepath.Join("..", "testdata", "*", "*", "doc.txt"))
	if len(docs) == 0 {
		t.Fatal("no test documents")
	}
	for _, p := range docs {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		sents, dt := sentencesText(clean(string(b)))
		x.findSpans(sents, dt)
		for _, s := range sents {
			for i, w := range triggerWords {
				if got, want := s.trig.hasIndex(i), strings.Contains(s.lower, w); got != want {
					t.Errorf("%s sentence %d: trigger %q got %v, want %v", p, s.index, w, got, want)
				}
			}
		}
	}
}
