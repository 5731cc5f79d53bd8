package extract

import (
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
