package main

import (
	"encoding/json"
	"fmt"
	"github.com/policykg/policykg/corpus"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/policykg/policykg/eval"
	"github.com/policykg/policykg/extract"
	"github.com/policykg/policykg/ontology"
)

func init() { register(newExtractCmd) }

func newExtractCmd(e *env) *cobra.Command {
	var format, out string
	cmd := &cobra.Command{
		Use:   "extract FILE...",
		Short: "Print what would be stored for documents, without storing it",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			switch format {
			case "tsv", "nquads", "json", "contract":
			default:
				return fmt.Errorf("extract: unknown format %q (want tsv, nquads, json or contract)", format)
			}
			x, err := extract.New()
			if err != nil {
				return err
			}
			failed := 0
			for _, path := range args {
				if err := extractFile(e, x, path, format, out); err != nil {
					fmt.Fprintln(e.stderr, "policykg:", err)
					failed++
				}
			}
			if failed > 0 {
				return fmt.Errorf("extract: %d of %d documents failed", failed, len(args))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "tsv", "output format: tsv, nquads, json or contract")
	cmd.Flags().StringVar(&out, "out", "", "folder to write into (contract: one subfolder per document)")
	return cmd
}

// readDocument reads one file as build does (HTML as its text; FIFOs,
// PDFs and oversized files refused) and extracts it.
func readDocument(x *extract.Extractor, path string) (ontology.Extraction, error) {
	it := corpus.Load(corpus.Item{Doc: ontology.Document{Path: path}}, &corpus.Manifests{})
	if it.Err != nil {
		return ontology.Extraction{}, fmt.Errorf("extract: %w", it.Err)
	}
	ex, err := extractSafely(x, it.Doc, it.Text)
	if err != nil {
		return ex, fmt.Errorf("%s: %w", path, err)
	}
	return ex, nil
}

func extractFile(e *env, x *extract.Extractor, path, format, out string) error {
	ex, err := readDocument(x, path)
	if err != nil {
		return err
	}
	if format == "contract" && out != "" {
		return eval.Write(filepath.Join(out, string(ex.Document.ID)), eval.FromExtraction(ex))
	}
	w := e.stdout
	if out != "" {
		if err := os.MkdirAll(out, 0o755); err != nil {
			return fmt.Errorf("extract %s: %w", path, err)
		}
		f, err := os.Create(filepath.Join(out, string(ex.Document.ID)+"."+extension(format)))
		if err != nil {
			return fmt.Errorf("extract %s: %w", path, err)
		}
		defer f.Close()
		w = f
	}
	switch format {
	case "json":
		err = writeJSON(w, ex)
	case "nquads":
		err = writeNQuads(w, ex)
	case "contract":
		err = writeContract(w, ex)
	default:
		err = writeTSV(w, ex)
	}
	if err != nil {
		return fmt.Errorf("extract %s: %w", path, err)
	}
	return nil
}

func extension(format string) string {
	switch format {
	case "nquads":
		return "nq"
	case "json":
		return "json"
	}
	return "tsv"
}

// errWriter remembers the first write error.
type errWriter struct {
	w   io.Writer
	err error
}

func (ew *errWriter) printf(format string, args ...any) {
	if ew.err == nil {
		_, ew.err = fmt.Fprintf(ew.w, format, args...)
	}
}

func writeTSV(w io.Writer, ex ontology.Extraction) error {
	ew := &errWriter{w: w}
	ew.printf("# document %s\n", ex.Document.ID)
	for _, en := range ex.Entities {
		ew.printf("entity\t%s\t%s\t%s\t%s\t%s\n", en.ID, en.Name, en.Type, en.Code, strings.Join(en.Aliases, "|"))
	}
	for _, f := range ex.Facts {
		ew.printf("fact\t%s\t%s\t%s\t%d\t%s\n", f.Subject, f.Predicate, f.Object, f.Evidence.Sentence, f.Evidence.Rule)
	}
	for _, m := range ex.Metrics {
		ew.printf("metric\t%s\t%s\t%s\t%d\t%s\t%d\n", m.Subject, strconv.FormatFloat(m.Value, 'f', -1, 64), m.Unit, m.Year, m.Text, m.Evidence.Sentence)
	}
	for _, r := range ex.Rejected {
		ew.printf("rejected\t%s\t%s\t%s\t%v\n", r.Fact.Subject, r.Fact.Predicate, r.Fact.Object, r.Reason)
	}
	return ew.err
}

func writeContract(w io.Writer, ex ontology.Extraction) error {
	s := eval.FromExtraction(ex)
	ew := &errWriter{w: w}
	var b strings.Builder
	fmt.Fprintf(&b, "## %s/entities.tsv\n", ex.Document.ID)
	eval.WriteEntities(&b, s.Entities)
	fmt.Fprintf(&b, "## %s/relations.tsv\n", ex.Document.ID)
	eval.WriteRelations(&b, s.Relations)
	fmt.Fprintf(&b, "## %s/metrics.tsv\n", ex.Document.ID)
	eval.WriteMetrics(&b, s.Metrics)
	ew.printf("%s", b.String())
	return ew.err
}

// jsonRejection carries a rejection's reason as text.
type jsonRejection struct {
	Fact   ontology.Fact
	Reason string
}

func writeJSON(w io.Writer, ex ontology.Extraction) error {
	view := struct {
		ontology.Extraction
		Rejected []jsonRejection
	}{Extraction: ex}
	for _, r := range ex.Rejected {
		view.Rejected = append(view.Rejected, jsonRejection{r.Fact, r.Reason.Error()})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(view)
}

// writeNQuads writes the extraction as N-Quads with the ontology's IRIs; each
// fact sits in the graph named by its evidence.
func writeNQuads(w io.Writer, ex ontology.Extraction) error {
	ew := &errWriter{w: w}
	iri := func(s string) string { return "<" + s + ">" }
	docIRI := iri(ontology.DocumentIRI(ex.Document.ID))
	for _, en := range ex.Entities {
		s := iri(ontology.EntityIRI(en.ID))
		ew.printf("%s %s %s %s .\n", s, iri(ontology.RDFType), iri(ontology.VocabIRI(string(en.Type))), docIRI)
		ew.printf("%s %s %s %s .\n", s, iri(ontology.RDFSLabel), literal(en.Name), docIRI)
		for _, a := range en.Aliases {
			ew.printf("%s %s %s %s .\n", s, iri(ontology.VocabIRI(ontology.Alias)), literal(a), docIRI)
		}
		if en.Code != "" {
			ew.printf("%s %s %s %s .\n", s, iri(ontology.VocabIRI(ontology.Code)), literal(en.Code), docIRI)
		}
	}
	for _, f := range ex.Facts {
		ew.printf("%s %s %s %s .\n", iri(ontology.EntityIRI(f.Subject)), iri(ontology.VocabIRI(string(f.Predicate))),
			iri(ontology.EntityIRI(f.Object)), iri(ontology.EvidenceIRI(f.Evidence)))
	}
	for i, m := range ex.Metrics {
		node := iri(fmt.Sprintf("%s%s-m%d", ontology.EntityNS, ex.Document.ID, i+1))
		g := iri(ontology.EvidenceIRI(m.Evidence))
		ew.printf("%s %s %s %s .\n", iri(ontology.EntityIRI(m.Subject)), iri(ontology.VocabIRI(ontology.HasMetric)), node, g)
		ew.printf("%s %s %s %s .\n", node, iri(ontology.VocabIRI(ontology.Value)), literal(strconv.FormatFloat(m.Value, 'f', -1, 64)), g)
		ew.printf("%s %s %s %s .\n", node, iri(ontology.VocabIRI(ontology.Unit)), literal(m.Unit), g)
		ew.printf("%s %s %s %s .\n", node, iri(ontology.VocabIRI(ontology.Figure)), literal(m.Text), g)
		if m.Year > 0 {
			ew.printf("%s %s %s %s .\n", node, iri(ontology.VocabIRI(ontology.Year)), literal(strconv.Itoa(m.Year)), g)
		}
	}
	return ew.err
}

// literal writes an N-Quads string literal.
func literal(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", `\r`)
	return `"` + r.Replace(s) + `"`
}
