package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/policykg/policykg/ontology"
)

func init() { register(newOntologyCmd) }

func newOntologyCmd(e *env) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "ontology",
		Short: "Print the entity types and predicates, or export them as RDFS",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			switch format {
			case "text":
				return ontologyText(e.stdout)
			case "turtle":
				return ontologyTurtle(e.stdout)
			case "jsonld":
				return ontologyJSONLD(e.stdout)
			}
			return fmt.Errorf("ontology: unknown format %q (want text, turtle or jsonld)", format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "text", "text, turtle or jsonld")
	return cmd
}

func typeNames(ts []ontology.EntityType) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = string(t)
	}
	return strings.Join(s, ", ")
}

func ontologyText(w io.Writer) error {
	ew := &errWriter{w: w}
	ew.printf("Entity types\n")
	for _, t := range ontology.Types() {
		ew.printf("  %-13s %s\n", t.Type, t.Description)
	}
	ew.printf("\nPredicates\n")
	for _, p := range ontology.Predicates() {
		ew.printf("  %-16s %s\n", p.Name, p.Description)
		ew.printf("  %-16s domain: %s\n", "", typeNames(p.Domain))
		ew.printf("  %-16s range:  %s\n", "", typeNames(p.Range))
	}
	return ew.err
}

func ontologyTurtle(w io.Writer) error {
	ew := &errWriter{w: w}
	ew.printf("@prefix pkv: <%s> .\n@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n\n", ontology.VocabNS)
	for _, t := range ontology.Types() {
		ew.printf("pkv:%s a rdfs:Class ;\n  rdfs:label %s ;\n  rdfs:comment %s .\n\n", t.Type, literal(t.Label), literal(t.Description))
	}
	for _, p := range ontology.Predicates() {
		ew.printf("pkv:%s a rdf:Property ;\n  rdfs:label %s ;\n  rdfs:comment %s", p.Name, literal(p.Label), literal(p.Description))
		for _, d := range p.Domain {
			ew.printf(" ;\n  rdfs:domain pkv:%s", d)
		}
		for _, r := range p.Range {
			ew.printf(" ;\n  rdfs:range pkv:%s", r)
		}
		ew.printf(" .\n\n")
	}
	return ew.err
}

func ontologyJSONLD(w io.Writer) error {
	var graph []map[string]any
	ref := func(ts []ontology.EntityType) []map[string]string {
		out := make([]map[string]string, len(ts))
		for i, t := range ts {
			out[i] = map[string]string{"@id": "pkv:" + string(t)}
		}
		return out
	}
	for _, t := range ontology.Types() {
		graph = append(graph, map[string]any{"@id": "pkv:" + string(t.Type), "@type": "rdfs:Class",
			"rdfs:label": t.Label, "rdfs:comment": t.Description})
	}
	for _, p := range ontology.Predicates() {
		graph = append(graph, map[string]any{"@id": "pkv:" + string(p.Name), "@type": "rdf:Property",
			"rdfs:label": p.Label, "rdfs:comment": p.Description, "rdfs:domain": ref(p.Domain), "rdfs:range": ref(p.Range)})
	}
	doc := map[string]any{
		"@context": map[string]string{"pkv": ontology.VocabNS, "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
			"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
		"@graph": graph,
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
