package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/policykg/policykg/graph"
	"github.com/policykg/policykg/ontology"
	"github.com/spf13/cobra"
)

func init() { register(newStatsCmd) }

func newStatsCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "stats",
		Short: "Count the nodes, quads, documents and relations in the store",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := graph.Open(cmd.Context(), e.db, graph.Options{})
			if err != nil {
				return err
			}
			defer st.Close()
			s, err := st.Stats(cmd.Context())
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
			fmt.Fprintf(tw, "store\t%s\t\n", st.Location())
			fmt.Fprintf(tw, "documents\t%d\t\n", s.Documents)
			fmt.Fprintf(tw, "entities\t%d\t\n", s.Entities)
			fmt.Fprintf(tw, "nodes\t%d\t\n", s.Nodes)
			fmt.Fprintf(tw, "quads\t%d\t\n", s.Quads)
			for _, p := range ontology.Predicates() {
				fmt.Fprintf(tw, "%s\t%d\t\n", p.Name, s.Predicates[p.Name])
			}
			return tw.Flush()
		},
	}
}
