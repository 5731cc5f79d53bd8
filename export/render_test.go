package export

import (
	"bytes"
	"context"
	"encoding/xml"
	"html"
	"image/png"
	"regexp"
	"strings"
	"testing"

	"github.com/policykg/policykg/graph"
)

var svgText = regexp.MustCompile(`<text[^>]*>([^<]*)</text>`)

// svgCounts counts the node, edge and cluster groups of an SVG drawing.
func svgCounts(t *testing.T, svg []byte) (DrawStats, []string) {
	t.Helper()
	var doc struct {
		Groups []struct {
			Class string `xml:"class,attr"`
		} `xml:"g>g"`
	}
	if err := xml.Unmarshal(svg, &doc); err != nil {
		t.Fatalf("svg is not XML: %v", err)
	}
	var s DrawStats
	for _, g := range doc.Groups {
		switch g.Class {
		case "node":
			s.Nodes++
		case "edge":
			s.Edges++
		case "cluster":
			s.Clusters++
		}
	}
	var texts []string
	for _, m := range svgText.FindAllSubmatch(svg, -1) {
		texts = append(texts, html.UnescapeString(string(m[1])))
	}
	return s, texts
}

func TestRenderSVGLaysOutEveryNodeAndEdge(t *testing.T) {
	st := handMadeStore(t)
	dot, want := mustDOT(t, st, graph.Filter{})
	for _, layout := range Layouts {
		t.Run(layout, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Render(context.Background(), dot, "svg", layout, &buf); err != nil {
				t.Fatal(err)
			}
			got, texts := svgCounts(t, buf.Bytes())
			want := want
			if layout != "dot" && layout != "fdp" {
				want.Clusters, got.Clusters = 0, 0 // neato and circo draw no boxes
			}
			if got != want {
				t.Errorf("svg: got %+v, want %+v", got, want)
			}
			all := strings.Join(texts, "|")
			for _, name := range []string{"Caofeidian", "Xiong'an New Area", "177 billion yuan", "recipient of"} {
				if !strings.Contains(all, name) {
					t.Errorf("svg text lacks %q", name)
				}
			}
			if strings.Contains(all, "https://") {
				t.Errorf("svg shows an IRI: %s", all)
			}
		})
	}
}

func TestRenderPNG(t *testing.T) {
	st := handMadeStore(t)
	dot, _ := mustDOT(t, st, graph.Filter{})
	var buf bytes.Buffer
	if err := Render(context.Background(), dot, "png", "dot", &buf); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&buf)
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	b := img.Bounds()
	if b.Dx() < 400 || b.Dy() < 300 {
		t.Errorf("png is %dx%d, too small for the drawing", b.Dx(), b.Dy())
	}
	// The outlines are there: the province box's border colour (#3d6fa3)
	// appears, which the stock renderer never drew.
	found := false
	for y := b.Min.Y; y < b.Max.Y && !found; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if r>>8 == 0x3d && g>>8 == 0x6f && bl>>8 == 0xa3 {
				found = true
				break
			}
		}
	}
	if !found {
		t.Errorf("png lacks the province outline colour: outlines were not drawn")
	}
}

func TestRenderErrors(t *testing.T) {
	ctx := context.Background()
	var buf bytes.Buffer
	if err := Render(ctx, []byte("digraph { a -> b }"), "svg", "twopi", &buf); err == nil || !strings.Contains(err.Error(), "twopi") {
		t.Errorf("unknown layout: got %v", err)
	}
	if err := Render(ctx, []byte("digraph { a -> b }"), "gif", "dot", &buf); err == nil || !strings.Contains(err.Error(), "gif") {
		t.Errorf("unknown format: got %v", err)
	}
	if err := Render(ctx, []byte("digraph { a -> "), "svg", "dot", &buf); err == nil {
		t.Errorf("bad dot: no error")
	}
}
