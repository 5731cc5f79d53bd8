package extract

import "testing"

// TestWordSet checks that the filter never rules out a word of the set,
// and that the set answers exactly as its map does.
func TestWordSet(t *testing.T) {
	in := []string{"", "a", "of", "Committee", "Co.", "secretary-general", "Ürümqi", "Plan"}
	s := newWordSet(in...)
	for _, w := range in {
		if !s.has(w) {
			t.Errorf("has(%q) = false for a member", w)
		}
	}
	for _, w := range []string{"b", "OF", "Committees", "Co", "Pla", "Plant", "plan", "Ürümq"} {
		if s.has(w) {
			t.Errorf("has(%q) = true for a word not in the set", w)
		}
	}
	lower := newWordSet("beijing", "pearl river delta", "")
	for _, w := range []string{"beijing", "BEIJING", "BeiJing", "Pearl River Delta", "", "Bei\u212Aing", "Béijing"} {
		if !lower.mayHaveLower(w) {
			t.Errorf("mayHaveLower(%q) = false", w)
		}
	}
	for _, w := range []string{"beijin", "Tianjin", "Pearl River Delt"} {
		if lower.mayHaveLower(w) {
			t.Errorf("mayHaveLower(%q) = true", w)
		}
	}
	for _, set := range []*wordSet{openers, orgHeads, strategyHeads, connectors, titleCased, contextNames} {
		for w := range set.words {
			if !set.has(w) {
				t.Errorf("has(%q) = false for a member", w)
			}
		}
	}
}
