package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/policykg/policykg/export"
	"github.com/policykg/policykg/graph"
	"github.com/policykg/policykg/ontology"
	"github.com/spf13/cobra"
)

func init() { register(newExportCmd) }

// exportFormats are the FORMAT arguments of export, pictures first.
var exportFormats = []string{"dot", "svg", "png", "nquads", "jsonld", "graphml", "csv"}

type exportFlags struct {
	out, focus, preds, types, doc, query, layout, title string
	depth, maxNodes                                     int
}

func newExportCmd(e *env) *cobra.Command {
	var fl exportFlags
	cmd := &cobra.Command{
		Use:   "export FORMAT",
		Short: "Write the graph, or part of it, as a picture or in a standard format",
		Long: `Export writes the graph in one of: dot, svg, png (pictures drawn by Graphviz,
built in, no system Graphviz needed), nquads, jsonld, graphml (RDF and graph
formats, streamed from the store), csv (nodes.csv and edges.csv for Gephi or a
spreadsheet; --out names the folder).

Without --out, text formats go to standard output; png needs --out or a
redirected output. Filters combine and apply to every format:
  --focus ENTITY --depth N   the entities within N relation hops of one entity
                             (a name, alias, pk:slug or IRI)
  --predicates a,b           only these relations (part_of, recipient_of, ...)
  --types A,B                only entities of these types (Province, City, ...)
  --doc DOCUMENT             only what one document contributed
  --query FILE               the entities a Gizmo query returns

Pictures hold the drawn subgraph in memory and stop past --max-nodes entities.

Examples:
  policykg export png --out graph.png
  policykg export svg --focus Hebei --depth 2 --out hebei.svg
  policykg export nquads --types Province,City > places.nq
  policykg export csv --predicates part_of --out places/`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExport(cmd.Context(), e, args[0], fl)
		},
	}
	f := cmd.Flags()
	f.StringVar(&fl.out, "out", "", "output file (a folder for csv); standard output when empty")
	f.StringVar(&fl.focus, "focus", "", "draw the neighbourhood of this entity (name, alias, pk:slug or IRI)")
	f.IntVar(&fl.depth, "depth", 1, "with --focus: relation hops from the focus")
	f.StringVar(&fl.preds, "predicates", "", "comma-separated relations to keep")
	f.StringVar(&fl.types, "types", "", "comma-separated entity types to keep")
	f.StringVar(&fl.doc, "doc", "", "keep only what this document contributed")
	f.StringVar(&fl.query, "query", "", "file holding a Gizmo query whose entities are kept")
	f.StringVar(&fl.layout, "layout", "dot", "svg/png layout: "+strings.Join(export.Layouts, ", "))
	f.StringVar(&fl.title, "title", "", "dot/svg/png: a title above the picture")
	f.IntVar(&fl.maxNodes, "max-nodes", export.DefaultMaxNodes, "dot/svg/png: refuse subgraphs with more entities than this (0: no limit)")
	return cmd
}

func runExport(ctx context.Context, e *env, format string, fl exportFlags) error {
	filter, err := fl.filter(format)
	if err != nil {
		return err
	}
	if format == "png" && fl.out == "" && isTerminal(e.stdout) {
		return fmt.Errorf("export png: will not write an image to a terminal; use --out FILE or redirect")
	}
	if format == "csv" && fl.out == "" {
		return fmt.Errorf("export csv: --out FOLDER is required (it receives %s and %s)", export.NodesFile, export.EdgesFile)
	}
	st, err := graph.Open(ctx, e.db, graph.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	if format == "csv" {
		g, err := st.Subgraph(ctx, filter, 0)
		if err != nil {
			return fmt.Errorf("export csv: %w", err)
		}
		return export.WriteCSV(fl.out, g)
	}
	return withOutput(e.stdout, fl.out, func(w io.Writer) error {
		return writeExport(ctx, st, w, format, filter, fl)
	})
}

func writeExport(ctx context.Context, st *graph.Store, w io.Writer, format string, filter graph.Filter, fl exportFlags) error {
	switch format {
	case "nquads", "jsonld", "graphml":
		_, err := st.WriteQuads(ctx, w, format, filter)
		return err
	}
	g, err := st.Subgraph(ctx, filter, fl.maxNodes)
	if errors.Is(err, graph.ErrTooLarge) {
		return fmt.Errorf("export %s: the selection holds more than %d entities (%w to draw); narrow it with --focus, --types, --predicates or --doc, or raise --max-nodes",
			format, fl.maxNodes, graph.ErrTooLarge)
	} else if err != nil {
		return fmt.Errorf("export %s: %w", format, err)
	}
	var dot bytes.Buffer
	if _, err := export.WriteDOT(&dot, g, export.DOTOptions{Title: fl.title}); err != nil {
		return err
	}
	if format == "dot" {
		_, err := w.Write(dot.Bytes())
		return err
	}
	return export.Render(ctx, dot.Bytes(), format, fl.layout, w)
}

// filter checks the flags and turns them into a graph.Filter.
func (fl exportFlags) filter(format string) (graph.Filter, error) {
	var f graph.Filter
	if !inList(exportFormats, format) {
		return f, fmt.Errorf("export: unknown format %q (want one of %s)", format, strings.Join(exportFormats, ", "))
	}
	if fl.layout != "dot" && format != "svg" && format != "png" {
		return f, fmt.Errorf("export %s: --layout applies to svg and png only", format)
	}
	if !inList(export.Layouts, fl.layout) {
		return f, fmt.Errorf("export: unknown layout %q (want one of %s)", fl.layout, strings.Join(export.Layouts, ", "))
	}
	if fl.depth < 0 {
		return f, fmt.Errorf("export: --depth %d: want 0 or more", fl.depth)
	}
	f.Focus, f.Depth, f.Document = fl.focus, fl.depth, ontology.DocumentID(fl.doc)
	for _, p := range splitList(fl.preds) {
		pred, err := ontology.ParsePredicate(p)
		if err != nil {
			return f, fmt.Errorf("export: --predicates: %w", err)
		}
		f.Predicates = append(f.Predicates, pred)
	}
	for _, t := range splitList(fl.types) {
		typ, err := ontology.ParseType(t)
		if err != nil {
			return f, fmt.Errorf("export: --types: %w", err)
		}
		f.Types = append(f.Types, typ)
	}
	if fl.query != "" {
		b, err := os.ReadFile(fl.query)
		if err != nil {
			return f, fmt.Errorf("export: --query: %w", err)
		}
		if len(bytes.TrimSpace(b)) == 0 {
			return f, fmt.Errorf("export: --query %s: empty file", fl.query)
		}
		f.Query = string(b)
	}
	return f, nil
}

// withOutput runs write on standard output, or on a file that appears under
// its name only once it is complete.
func withOutput(stdout io.Writer, path string, write func(io.Writer) error) error {
	if path == "" {
		return write(stdout)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("export: create %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	werr := write(tmp)
	if werr == nil {
		werr = tmp.Chmod(0o644)
	}
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		return werr
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("export: write %s: %w", path, err)
	}
	return nil
}

func splitList(s string) []string {
	var out []string
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

func inList(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
