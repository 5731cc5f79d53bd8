package main

import (
	"fmt"
	"io"

	"github.com/policykg/policykg/graph"
	"github.com/spf13/cobra"
)

func init() { register(newWhyCmd) }

func newWhyCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "why SUBJECT PREDICATE OBJECT",
		Short: "Print the sentences that support a fact, with document and rule",
		Long: `Why prints each piece of evidence for the fact SUBJECT PREDICATE OBJECT:
the sentence (or reference source), the document's title and date, and the
extractor rule. Subject and object are names, aliases or IRIs; the
predicate is a name such as part_of, or pkv:part_of.

Example:
  policykg why Caofeidian part_of Tangshan`,
		Args: cobra.ExactArgs(3),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := graph.Open(cmd.Context(), e.db, graph.Options{})
			if err != nil {
				return err
			}
			defer st.Close()
			f, sups, err := st.Why(cmd.Context(), args[0], args[1], args[2])
			if err != nil {
				return err
			}
			printWhy(e.stdout, f, sups)
			return nil
		},
	}
}

func printWhy(w io.Writer, f graph.Fact, sups []graph.Support) {
	fmt.Fprintf(w, "%s %s %s: %d piece(s) of evidence\n", f.Subject.Name(), f.Predicate, f.Object.Name(), len(sups))
	for i, s := range sups {
		where := s.Document
		if s.Title != "" {
			where = fmt.Sprintf("%s (%s)", s.Title, s.Document)
		}
		if s.Date != "" {
			where += ", " + s.Date
		}
		fmt.Fprintf(w, "\n%d. %s\n", i+1, where)
		if s.Sentence > 0 {
			fmt.Fprintf(w, "   sentence %d, rule %s\n", s.Sentence, s.Rule)
		} else {
			fmt.Fprintf(w, "   reference source, rule %s\n", s.Rule)
		}
		if s.Text != "" {
			fmt.Fprintf(w, "   %q\n", s.Text)
		}
	}
}
