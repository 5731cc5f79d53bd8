package main

import (
	"fmt"

	"github.com/policykg/policykg/corpus"
	"github.com/policykg/policykg/extract"
	"github.com/policykg/policykg/graph"
	"github.com/spf13/cobra"
)

func init() { register(newBuildCmd) }

func newBuildCmd(e *env) *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "build PATH...",
		Short: "Extract facts from documents (files or folders) into the store",
		Long: `Build reads each document (folders are walked for .txt, .md and .html files;
a folder's manifest.tsv gives titles, publishers, dates and source URLs),
extracts entities, relations and figures, and stores them with provenance.
Each document is written in one transaction, replacing what an earlier build
stored for it; unchanged documents are skipped. A bad document is reported
and the rest go on; the exit status is non-zero if any failed.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			x, err := extract.New()
			if err != nil {
				return err
			}
			st, err := graph.Open(ctx, e.db, graph.Options{Create: true})
			if err != nil {
				return err
			}
			defer st.Close()
			var sum buildSummary
			var man corpus.Manifests
			for _, it := range corpus.Find(args) {
				if err := ctx.Err(); err != nil {
					return err
				}
				sum.add(e, buildOne(cmd, x, st, corpus.Load(it, &man), force))
			}
			fmt.Fprintln(e.stdout, sum)
			if sum.failed > 0 {
				return fmt.Errorf("build: %d of %d documents failed", sum.failed, sum.total())
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "rebuild documents even when unchanged")
	return cmd
}

// outcome is what happened to one document.
type outcome struct {
	path    string
	id      string
	skipped bool
	res     graph.WriteResult
	facts   int
	err     error
}

func buildOne(cmd *cobra.Command, x *extract.Extractor, st *graph.Store, it corpus.Item, force bool) outcome {
	ctx := cmd.Context()
	o := outcome{path: it.Doc.Path, id: string(it.Doc.ID), err: it.Err}
	if o.err != nil {
		return o
	}
	if !force {
		old, err := st.DocumentHash(ctx, it.Doc.ID)
		if err != nil {
			o.err = err
			return o
		}
		if old == it.Doc.Hash {
			o.skipped = true
			return o
		}
	}
	ex, err := x.Extract(it.Doc, it.Text)
	if err != nil {
		o.err = fmt.Errorf("extract %s: %w", it.Doc.Path, err)
		return o
	}
	o.facts = len(ex.Facts)
	o.res, o.err = st.ReplaceDocument(ctx, ex)
	return o
}

type buildSummary struct {
	built, skipped, failed int
	added, removed         int
}

func (s *buildSummary) total() int { return s.built + s.skipped + s.failed }

func (s *buildSummary) add(e *env, o outcome) {
	switch {
	case o.err != nil:
		s.failed++
		fmt.Fprintln(e.stderr, "policykg:", o.err)
	case o.skipped:
		s.skipped++
	default:
		s.built++
		s.added += o.res.Added
		s.removed += o.res.Removed
		fmt.Fprintf(e.stdout, "built %s (%s): %d facts; %d quads added, %d removed\n",
			o.path, o.id, o.facts, o.res.Added, o.res.Removed)
	}
}

func (s buildSummary) String() string {
	return fmt.Sprintf("%d built, %d unchanged, skipped, %d failed; %d quads added, %d removed",
		s.built, s.skipped, s.failed, s.added, s.removed)
}
