package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/policykg/policykg/graph"
	"github.com/policykg/policykg/ontology"
	"github.com/spf13/cobra"
)

func init() { register(newShowCmd) }

func newShowCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "show ENTITY",
		Short: "Print an entity card: type, aliases, parents, children, relations, figures, documents",
		Long: `Show prints what the store says about one entity (a name, alias or IRI):
its type, aliases and codes, the chain of parents above it and the places
directly inside it, its relations grouped by predicate with the number of
pieces of evidence for each, its figures with their sentences, the
documents behind it, and evidence counts.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := graph.Open(cmd.Context(), e.db, graph.Options{})
			if err != nil {
				return err
			}
			defer st.Close()
			c, err := st.Card(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			printCard(e.stdout, c)
			return nil
		},
	}
}

func printCard(w io.Writer, c graph.Card) {
	fmt.Fprintf(w, "%s  (%s, %s)\n", c.Name(), c.Type, ontology.Shorten(c.IRI))
	line(w, "aliases", strings.Join(c.Aliases, "; "))
	line(w, "codes", strings.Join(c.Codes, "; "))
	line(w, "parents", refNames(c.Parents, " < "))
	line(w, "children", refNames(c.Children, ", "))
	if len(c.Relations) > 0 {
		fmt.Fprintln(w, "relations:")
	}
	for _, r := range c.Relations {
		verb := r.Predicate
		if r.Incoming {
			verb = "<- " + verb
		}
		var parts []string
		for _, l := range r.Links {
			parts = append(parts, fmt.Sprintf("%s [%d]", l.Name(), l.Evidence))
		}
		fmt.Fprintf(w, "  %s: %s\n", verb, strings.Join(parts, ", "))
	}
	if len(c.Figures) > 0 {
		fmt.Fprintln(w, "figures:")
	}
	for _, f := range c.Figures {
		year := ""
		if f.Year != 0 {
			year = fmt.Sprintf(" (%d)", f.Year)
		}
		fmt.Fprintf(w, "  %s%s  unit %s\n", f.Text, year, f.Unit)
		for _, s := range f.Evidence {
			fmt.Fprintf(w, "    %s s%d: %q\n", s.Document, s.Sentence, s.Text)
		}
	}
	if len(c.Documents) > 0 {
		fmt.Fprintln(w, "documents:")
	}
	for _, d := range c.Documents {
		fmt.Fprintf(w, "  %s  %s  %s\n", d.ID, d.Date, d.Title)
	}
	ev := c.Evidence
	fmt.Fprintf(w, "evidence: %d facts, %d pieces of evidence (%d from sentences), %d documents\n",
		ev.Facts, ev.Evidence, ev.Sentences, ev.Documents)
}

func line(w io.Writer, key, val string) {
	if val != "" {
		fmt.Fprintf(w, "%s: %s\n", key, val)
	}
}

func refNames(refs []graph.Ref, sep string) string {
	names := make([]string, len(refs))
	for i, r := range refs {
		names[i] = r.Name()
	}
	return strings.Join(names, sep)
}
