package export

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/goccy/go-graphviz"
)

// Layouts are the Graphviz layout engines Render accepts; "dot" is the default.
var Layouts = []string{"dot", "neato", "fdp", "circo"}

// DefaultMaxNodes bounds the entities a drawing reads into memory; Graphviz
// lays out the whole picture at once, and past a few thousand nodes the
// picture is unreadable anyway.
const DefaultMaxNodes = 2000

// Render lays out a DOT graph with the named layout engine and writes it to
// w as "svg" or "png", all in-process. PNG goes through this package's own
// raster renderer (see pngEngine), because go-graphviz's stock PNG renderer
// drops the outlines of filled shapes and the borders of boxes.
func Render(ctx context.Context, dot []byte, format, layout string, w io.Writer) error {
	if layout == "" {
		layout = "dot"
	}
	if !known(Layouts, layout) {
		return fmt.Errorf("render: unknown layout %q (want %s)", layout, strings.Join(Layouts, ", "))
	}
	if format != "svg" && format != "png" {
		return fmt.Errorf("render: unknown format %q (want svg or png)", format)
	}
	gv, err := newGraphviz(ctx)
	if err != nil {
		return fmt.Errorf("render %s: start graphviz: %w", format, err)
	}
	defer gv.Close()
	g, err := graphviz.ParseBytes(dot)
	if err != nil {
		return fmt.Errorf("render %s: parse dot: %w", format, err)
	}
	defer g.Close()
	gv.SetLayout(graphviz.Layout(layout))
	if err := gv.Render(ctx, g, graphviz.Format(format), w); err != nil {
		return fmt.Errorf("render %s with %s: %w", format, layout, err)
	}
	return nil
}

func known(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
