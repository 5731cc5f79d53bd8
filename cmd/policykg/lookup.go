package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/policykg/policykg/graph"
	"github.com/policykg/policykg/ontology"
	"github.com/spf13/cobra"
)

func init() { register(newLookupCmd) }

func newLookupCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "lookup NAME...",
		Short: "Find the entities a name or alias stands for, with their IRIs",
		Long: `Lookup matches each NAME against labels and aliases, ignoring case, and
also accepts IRIs (pk:caofeidian, <https://policykg.org/id/caofeidian>)
and slugs. It prints one line per match: short IRI, label, type and how it
matched, best first. Use the IRI in queries: g.V("<pk:caofeidian>").
A name with no match is an error.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := graph.Open(cmd.Context(), e.db, graph.Options{})
			if err != nil {
				return err
			}
			defer st.Close()
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			var missing []string
			for _, name := range args {
				refs, err := st.Lookup(cmd.Context(), name)
				if err != nil {
					return err
				}
				if len(refs) == 0 {
					missing = append(missing, fmt.Sprintf("%q", name))
				}
				for _, r := range refs {
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", ontology.Shorten(r.IRI), r.Label, r.Type, r.Via)
				}
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			if len(missing) > 0 {
				return fmt.Errorf("lookup: no entity called %s", strings.Join(missing, ", "))
			}
			return nil
		},
	}
}
