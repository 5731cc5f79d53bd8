package main

import (
	"errors"
	"fmt"

	"github.com/policykg/policykg/corpus"
	"github.com/policykg/policykg/graph"
	"github.com/policykg/policykg/ontology"
	"github.com/spf13/cobra"
)

func init() { register(newRemoveCmd) }

func newRemoveCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "remove DOCUMENT...",
		Short: "Delete documents' facts from the store, keeping what other documents support",
		Long: `Remove deletes every quad a document contributed: its metadata, evidence,
sentences, and the facts, labels and figures it supports. Entities and
facts that other documents also support stay, with those documents'
evidence. DOCUMENT is a document ID (as build prints it) or the path of
the document's file. Each document is removed in one transaction; a
document not in the store is reported and the rest go on.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := graph.Open(cmd.Context(), e.db, graph.Options{})
			if err != nil {
				return err
			}
			defer st.Close()
			failed := 0
			for _, arg := range args {
				id := documentArg(arg)
				res, err := st.RemoveDocument(cmd.Context(), id)
				if errors.Is(err, graph.ErrNotFound) {
					err = fmt.Errorf("remove %s: no such document in %s", arg, st.Location())
				}
				if err != nil {
					failed++
					fmt.Fprintln(e.stderr, "policykg:", err)
					continue
				}
				fmt.Fprintf(e.stdout, "removed %s: %d quads\n", id, res.Removed)
			}
			if failed > 0 {
				return fmt.Errorf("remove: %d of %d documents failed", failed, len(args))
			}
			return nil
		},
	}
}

// documentArg turns a path (anything with a file extension or a slash)
// into its document ID, as build names it; an ID is taken as it is.
func documentArg(arg string) ontology.DocumentID {
	if id := corpus.DocumentID(arg); string(id) != arg {
		return id
	}
	return ontology.DocumentID(arg)
}
