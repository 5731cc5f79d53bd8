package extract

import (
	"testing"

	"github.com/policykg/policykg/ontology"
)

// TestIsAncestor checks isAncestor against the gazetteer's IsAncestor on
// every pair of a unit and a unit of the gazetteer, the first as the
// ancestor.
func TestIsAncestor(t *testing.T) {
	g, err := ontology.LoadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	units := g.Units()
	for i, u := range units {
		for _, a := range units[:min(len(units), 400)] {
			if got, want := isAncestor(g, a.Code, u.Code), g.IsAncestor(a.Code, u.Code); got != want {
				t.Fatalf("isAncestor(%s, %s) = %v, want %v", a.Code, u.Code, got, want)
			}
		}
		for _, anc := range g.Ancestors(u.Code) {
			if !isAncestor(g, anc.Code, u.Code) {
				t.Fatalf("isAncestor(%s, %s) = false for an ancestor", anc.Code, u.Code)
			}
		}
		if i > 3000 {
			break
		}
	}
}
