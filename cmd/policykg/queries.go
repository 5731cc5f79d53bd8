package main

import (
	"fmt"
	"strings"

	"github.com/policykg/policykg/queries"
	"github.com/spf13/cobra"
)

func init() { register(newQueriesCmd) }

func newQueriesCmd(e *env) *cobra.Command {
	var verbose bool
	cmd := &cobra.Command{
		Use:   "queries",
		Short: "List the canned questions, one per line, name first",
		Long: `Queries lists the canned questions that 'policykg query --name NAME' runs:
name, language, parameters with their defaults, and title. With -v it also
prints each question in plain words and what it returns.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			all, err := queries.All()
			if err != nil {
				return err
			}
			for _, q := range all {
				fmt.Fprintf(e.stdout, "%s\t%s\t%s\t%s\n", q.Name, q.Language, paramSummary(q.Params), q.Title)
				if verbose {
					fmt.Fprintf(e.stdout, "\t%s\n", q.Question)
					for _, p := range q.Params {
						fmt.Fprintf(e.stdout, "\t  %s (%s, default %s): %s\n", p.Name, p.Kind, p.Default, p.Doc)
					}
					if q.Returns != "" {
						fmt.Fprintf(e.stdout, "\treturns %s\n", q.Returns)
					}
				}
			}
			return nil
		},
	}
	cmd.Flags().BoolVarP(&verbose, "verbose", "v", false, "print each question, its parameters and what it returns")
	return cmd
}

func paramSummary(ps []queries.Param) string {
	if len(ps) == 0 {
		return "-"
	}
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = p.Name + "=" + p.Default
	}
	return strings.Join(parts, " ")
}
