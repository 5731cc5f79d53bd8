package main

import (
	"fmt"

	"github.com/policykg/policykg/graph"
	"github.com/spf13/cobra"
)

func init() { register(newInitCmd) }

func newInitCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "init",
		Short: "Create an empty store (tables on PostgreSQL or CockroachDB, a file for bolt)",
		Long: `Init creates the store named by --db: a bolt folder, or Cayley's tables in
an existing PostgreSQL or CockroachDB database (the database itself must
exist). A store that is already there is left as it is.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := graph.Open(cmd.Context(), e.db, graph.Options{Create: true})
			if err != nil {
				return err
			}
			loc := st.Location()
			if err := st.Close(); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "store ready: %s (%s)\n", loc, loc.Backend)
			return nil
		},
	}
}
