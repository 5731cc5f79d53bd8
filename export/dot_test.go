package export

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/policykg/policykg/graph"
)

var (
	update  = flag.Bool("update", false, "rewrite testdata/*.golden")
	preview = flag.String("preview", "", "also write the rendered pictures into this folder, to look at")
)

func mustDOT(t *testing.T, st *graph.Store, f graph.Filter) ([]byte, DrawStats) {
	t.Helper()
	g, err := st.Subgraph(context.Background(), f, DefaultMaxNodes)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	stats, err := WriteDOT(&buf, g, DOTOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), stats
}

func writePreview(t *testing.T, name string, data []byte) {
	t.Helper()
	if *preview == "" {
		return
	}
	if err := os.WriteFile(filepath.Join(*preview, name), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestPreviewHandMade(t *testing.T) {
	if *preview == "" {
		t.Skip("no -preview folder")
	}
	st := handMadeStore(t)
	dot, _ := mustDOT(t, st, graph.Filter{})
	writePreview(t, "hand.dot", dot)
	for _, f := range []string{"svg", "png"} {
		var buf bytes.Buffer
		if err := Render(context.Background(), dot, f, "dot", &buf); err != nil {
			t.Fatal(err)
		}
		writePreview(t, "hand."+f, buf.Bytes())
	}
}

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; rerun with -update and check the diff\ngot:\n%s", path, got)
	}
}

func TestDOTGoldenAndDeterministic(t *testing.T) {
	st := handMadeStore(t)
	dot, stats := mustDOT(t, st, graph.Filter{})
	golden(t, "handmade.dot.golden", dot)
	again, _ := mustDOT(t, st, graph.Filter{})
	if !bytes.Equal(dot, again) {
		t.Errorf("two exports of the same graph differ")
	}
	// 12 entities, Tangshan drawn only as its box; 2 figures; a legend of
	// 10 types, the figure note and the word on boxes. Edges: 11 facts less
	// the 4 part_of the boxes show and Caofeidian part_of Hebei they imply,
	// plus 2 figure links. Boxes: Hebei, Tangshan, the legend.
	want := DrawStats{Nodes: 11 + 2 + 12, Edges: 11 - 5 + 2, Clusters: 3}
	if stats != want {
		t.Errorf("stats: got %+v, want %+v", stats, want)
	}
	for _, bad := range []string{"https://", "<http"} {
		if bytes.Contains(labelsOf(dot), []byte(bad)) {
			t.Errorf("a label shows an IRI (%q)", bad)
		}
	}
}

// labelsOf returns the label attributes of a DOT text, one per line.
func labelsOf(dot []byte) []byte {
	var out []byte
	for _, line := range bytes.Split(dot, []byte("\n")) {
		if i := bytes.Index(line, []byte("label=\"")); i >= 0 {
			rest := line[i+7:]
			if j := bytes.Index(rest, []byte("\", ")); j >= 0 {
				rest = rest[:j]
			}
			out = append(append(out, rest...), '\n')
		}
	}
	return out
}
