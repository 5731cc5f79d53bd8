package export

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/policykg/policykg/graph"
	"github.com/policykg/policykg/ontology"
)

// CSV file names and headers, in the form Gephi's spreadsheet import
// expects (Id and Label for nodes; Source, Target, Type and Label for edges).
var (
	NodesFile   = "nodes.csv"
	EdgesFile   = "edges.csv"
	NodesHeader = []string{"Id", "Label", "Type", "IRI", "Aliases", "Value", "Unit", "Year"}
	EdgesHeader = []string{"Source", "Target", "Type", "Label", "Predicate", "Evidence", "Documents"}
)

// WriteCSV writes g into dir as nodes.csv and edges.csv, creating dir if
// needed. Entities and figures are nodes (figures with Type "Metric");
// relations and entity-figure links are edges.
func WriteCSV(dir string, g *graph.Subgraph) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("write csv %s: %w", dir, err)
	}
	if err := writeCSVFile(filepath.Join(dir, NodesFile), nodeRows(g)); err != nil {
		return err
	}
	return writeCSVFile(filepath.Join(dir, EdgesFile), edgeRows(g))
}

func writeCSVFile(path string, rows [][]string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("write csv %s: %w", path, err)
	}
	w := csv.NewWriter(f)
	werr := w.WriteAll(rows)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		return fmt.Errorf("write csv %s: %w", path, werr)
	}
	return nil
}

func nodeRows(g *graph.Subgraph) [][]string {
	rows := [][]string{NodesHeader}
	for _, n := range g.Nodes {
		rows = append(rows, []string{string(n.ID), n.Label, string(n.Type), n.IRI, strings.Join(n.Aliases, "; "), "", "", ""})
	}
	for _, m := range g.Metrics {
		id, _ := ontology.EntityIDFromIRI(m.IRI)
		year := ""
		if m.Year != 0 {
			year = strconv.Itoa(m.Year)
		}
		rows = append(rows, []string{string(id), m.Label, "Metric", m.IRI, "",
			strconv.FormatFloat(m.Value, 'f', -1, 64), m.Unit, year})
	}
	return rows
}

func edgeRows(g *graph.Subgraph) [][]string {
	rows := [][]string{EdgesHeader}
	id := func(iri string) string {
		s, _ := ontology.EntityIDFromIRI(iri)
		return string(s)
	}
	for _, e := range g.Edges {
		info, _ := ontology.LookupPredicate(e.Predicate)
		kind := "Directed"
		if info.Symmetric {
			kind = "Undirected"
		}
		rows = append(rows, []string{id(e.Subject), id(e.Object), kind, info.Label, string(e.Predicate),
			evidenceText(e.Evidence), documents(e.Evidence)})
	}
	for _, m := range g.Metrics {
		rows = append(rows, []string{id(m.Subject), id(m.IRI), "Directed", "has figure", ontology.HasMetric,
			evidenceText(m.Evidence), documents(m.Evidence)})
	}
	return rows
}

func evidenceText(evs []graph.Evidence) string {
	var out []string
	for _, e := range evs {
		if e.Text != "" {
			out = append(out, e.Text)
		}
	}
	return strings.Join(out, " | ")
}

func documents(evs []graph.Evidence) string {
	var out []string
	seen := map[ontology.DocumentID]bool{}
	for _, e := range evs {
		if e.Document != "" && !seen[e.Document] {
			seen[e.Document] = true
			out = append(out, string(e.Document))
		}
	}
	return strings.Join(out, "; ")
}
