package export

import (
	"bytes"
	"context"
	"testing"

	"github.com/policykg/policykg/corpus"
	"github.com/policykg/policykg/extract"
	"github.com/policykg/policykg/graph"
)

// seedStore builds the seed corpus with the real extractor, as
// 'policykg build seeds/' does.
func seedStore(t *testing.T) *graph.Store {
	t.Helper()
	st := MustOpen(t)
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	var man corpus.Manifests
	for _, it := range corpus.Find([]string{"../seeds"}) {
		it = corpus.Load(it, &man)
		if it.Err != nil {
			t.Fatal(it.Err)
		}
		ex, err := x.Extract(it.Doc, it.Text)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.ReplaceDocument(context.Background(), ex); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

func TestSeedDOTGoldenAndLayout(t *testing.T) {
	st := seedStore(t)
	for _, tc := range []struct {
		name string
		f    graph.Filter
	}{
		{"seed", graph.Filter{}},
		{"hebei-focus", graph.Filter{Focus: "Hebei", Depth: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dot, want := mustDOT(t, st, tc.f)
			golden(t, tc.name+".dot.golden", dot)
			var svg bytes.Buffer
			if err := Render(context.Background(), dot, "svg", "dot", &svg); err != nil {
				t.Fatal(err)
			}
			got, texts := svgCounts(t, svg.Bytes())
			if got != want {
				t.Errorf("svg: got %+v, want %+v", got, want)
			}
			if want.Nodes < 20 || want.Clusters < 2 {
				t.Errorf("drawing too small for the seed: %+v", want)
			}
			for _, s := range texts {
				if bytes.Contains([]byte(s), []byte("://")) {
					t.Errorf("svg shows an IRI: %q", s)
				}
			}
			writePreview(t, tc.name+".dot", dot)
		})
	}
}
