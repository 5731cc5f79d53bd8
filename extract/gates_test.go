package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
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
	// every form of "take in" is a trigger of its own, so none is skipped
	for k, v := range receiveVerbs {
		if strings.HasSuffix(v, " in ") && receiveVerbTriggers[k] < 0 {
			t.Errorf("receive verb %q has no trigger word", v)
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
// word could not have matched. FuzzTriggers checks the same on any text.
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
		checkTriggers(t, x, p, string(b))
	}
}

func FuzzTriggers(f *testing.F) {
	x := mustNew(f)
	f.Add("Both cities will take in firms moved from Beijing. The zone covers 3 counties, including Sanhe.")
	f.Add("Hebei and Tianjin signed agreements with each other; the four provinces are made up of 12 cities.")
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) || strings.IndexByte(text, 0) >= 0 {
			return // Extract refuses such text before it is split
		}
		checkTriggers(t, x, "fuzz", text)
	})
}

// checkTriggers compares each sentence's trigger set with strings.Contains.
func checkTriggers(t *testing.T, x *Extractor, name, text string) {
	t.Helper()
	sc := new(scratch)
	sents, dt := sentencesText(clean(text), sc)
	x.findSpans(sents, dt, &sc.spans)
	for _, s := range sents {
		for i, w := range triggerWords {
			if got, want := s.trig.hasIndex(i), strings.Contains(s.lower, w); got != want {
				t.Errorf("%s sentence %d %q: trigger %q got %v, want %v", name, s.index, s.lower, w, got, want)
			}
		}
	}
}
