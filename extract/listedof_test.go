package extract

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestListedOfAgreesWithRegexp checks the hand scan listedOf against the
// regexp it replaces, on every prefix window of every sentence of the
// repository's documents and on hand-made endings.
func TestListedOfAgreesWithRegexp(t *testing.T) {
	inputs := []string{"", " ", "the ", "of the ", "cities of ", "cities in the ", "the three counties of the ",
		"municipalities in ", "zones of the the ", "areas  of ", "Cities of ", "citiesof ", "counties of the",
		"provinces in the ", "districts ofthe ", "counties on ", "zones in thE ", "the areas in"}
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "*", "*", "doc.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		for _, line := range strings.Split(strings.ToLower(string(mustRead(t, p))), "\n") {
			for i := range line {
				inputs = append(inputs, line[max(0, i-60):i])
			}
		}
	}
	checked := 0
	for _, in := range inputs {
		want := reListedOf.MatchString(in)
		if got := listedOf(in); got != want {
			t.Errorf("listedOf(%q) = %v, the regexp says %v", in, got, want)
		}
		if want {
			checked++
		}
	}
	if checked < 5 {
		t.Errorf("only %d inputs match the regexp; the test needs more positive cases", checked)
	}
}
