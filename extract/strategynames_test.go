package extract

import (
	"slices"
	"testing"
)

func TestStrategyNames(t *testing.T) {
	var n strategyNames
	n.add("rise of central china", "Rise of Central China")
	n.add("coordinated development of the beijing-tianjin-hebei region", "A")
	n.add("rise of central china", "Rise of central China")
	if want := []string{"coordinated development of the beijing-tianjin-hebei region", "rise of central china"}; !slices.Equal(n.phrases, want) {
		t.Errorf("phrases = %q, want %q", n.phrases, want)
	}
	if got := n.name["rise of central china"]; got != "Rise of central China" {
		t.Errorf("name = %q, want the last one given", got)
	}
	// a later sentence repeating a phrase names it again, found only
	// where the phrase's trigger words are
	for _, c := range []struct {
		text string
		want int
	}{
		{"The rise of Central China goes on.", 1},
		{"Central China rises.", 0},
	} {
		lower := lowerASCII(c.text)
		trig := triggersIn(lower)
		got := strategySpans(c.text, lower, &trig, nil, &n)
		if len(got) != c.want {
			t.Errorf("%q: got %d strategy spans, want %d", c.text, len(got), c.want)
		}
	}
}
