package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/policykg/policykg/export"
	"github.com/policykg/policykg/graph"
)

// exportTypes are the formats /api/export serves, with their media types.
var exportTypes = map[string]string{
	"dot":    "text/vnd.graphviz; charset=utf-8",
	"svg":    "image/svg+xml",
	"nquads": "application/n-quads",
	"jsonld": "application/ld+json",
}

// maxDrawNodes bounds the entities one drawing may hold: layout costs grow
// fast, and a page shows a neighbourhood, not the whole graph.
const maxDrawNodes = 500

// maxExportBytes bounds an export answer; the whole store is for
// /api/v2/read and the command line.
const maxExportBytes = 16 << 20

// errExportTooBig stops an export that outgrew maxExportBytes.
var errExportTooBig = errors.New("export too big")

// writeExport writes the selection in format with package export's
// writers, as 'policykg export' does.
func writeExport(ctx context.Context, st *graph.Store, req ExportRequest, w io.Writer) error {
	f := graph.Filter{Focus: req.Focus, Depth: req.Depth}
	lw := &limitWriter{w: w, left: maxExportBytes}
	err := exportTo(ctx, st, req.Format, f, lw)
	switch {
	case errors.Is(err, errExportTooBig), errors.Is(err, graph.ErrTooLarge):
		return fmt.Errorf("the selection is too big to export here (over %d entities or %d MiB); narrow it with focus and depth, or use 'policykg export': %w",
			maxDrawNodes, maxExportBytes>>20, ErrBadRequest)
	}
	return err
}

func exportTo(ctx context.Context, st *graph.Store, format string, f graph.Filter, w io.Writer) error {
	switch format {
	case "nquads", "jsonld":
		_, err := st.WriteQuads(ctx, w, format, f)
		return err
	}
	g, err := st.Subgraph(ctx, f, maxDrawNodes)
	if err != nil {
		return err
	}
	var dot bytes.Buffer
	if _, err := export.WriteDOT(&dot, g, export.DOTOptions{}); err != nil {
		return err
	}
	if format == "dot" {
		_, err := w.Write(dot.Bytes())
		return err
	}
	return export.Render(ctx, dot.Bytes(), format, "dot", w)
}

// limitWriter fails writes past its budget.
type limitWriter struct {
	w    io.Writer
	left int64
}

func (l *limitWriter) Write(p []byte) (int, error) {
	if int64(len(p)) > l.left {
		return 0, errExportTooBig
	}
	l.left -= int64(len(p))
	return l.w.Write(p)
}
