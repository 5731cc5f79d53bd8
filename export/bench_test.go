package export

import (
	"bytes"
	"context"
	"io"
	"testing"

	"github.com/policykg/policykg/graph"
)

// The benchmarks time the stages of a picture of the hand-made graph:
// reading the subgraph, writing DOT, and laying out and rendering it. Read
// them as ratios: rendering dominates. For the million-quad timings see
// bench/exportgen.

func BenchmarkSubgraph(b *testing.B) {
	st := handMadeStore(b)
	for b.Loop() {
		if _, err := st.Subgraph(context.Background(), graph.Filter{}, 0); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteDOT(b *testing.B) {
	st := handMadeStore(b)
	g, err := st.Subgraph(context.Background(), graph.Filter{}, 0)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := WriteDOT(io.Discard, g, DOTOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func benchRender(b *testing.B, format string) {
	st := handMadeStore(b)
	g, err := st.Subgraph(context.Background(), graph.Filter{}, 0)
	if err != nil {
		b.Fatal(err)
	}
	var dot bytes.Buffer
	if _, err := WriteDOT(&dot, g, DOTOptions{}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := Render(context.Background(), dot.Bytes(), format, "dot", io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRenderSVG(b *testing.B) { benchRender(b, "svg") }
func BenchmarkRenderPNG(b *testing.B) { benchRender(b, "png") }
