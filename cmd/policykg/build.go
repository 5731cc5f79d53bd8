package main

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"

	"github.com/policykg/policykg/corpus"
	"github.com/policykg/policykg/extract"
	"github.com/policykg/policykg/graph"
	"github.com/policykg/policykg/ontology"
	"github.com/spf13/cobra"
)

func init() { register(newBuildCmd) }

// buildOptions are build's flags.
type buildOptions struct {
	force    bool
	bulk     bool
	jobs     int
	memLimit int // MiB; 0: none
}

// defaultBuildMemory is the build's memory budget in MiB (--memory-limit).
// Three quarters go to the Go heap as its soft limit: without one the heap
// grows to twice its live size, and the live size (one transaction's
// Cayley deltas and bbolt dirty pages) grows with the store. The last
// quarter bounds how much of a bolt store's file stays mapped into the
// process (graph.Options.MappedLimit): bolt reads its file through a
// mapping, and every page read stays resident until dropped, which made
// the file most of a large build's RSS (1.7 GB of 2.0 GB at 10,000
// documents).
const defaultBuildMemory = 384

// buildMemoryLimit returns the soft limit of the Go heap, in bytes, that
// build sets for --memory-limit mib, or false when it sets none: mib is 0,
// or the user set GOMEMLIMIT (env), which the Go runtime has applied
// already.
func buildMemoryLimit(mib int, env string) (int64, bool) {
	if mib == 0 || env != "" {
		return 0, false
	}
	return int64(mib)<<20 - buildMappedLimit(mib), true
}

// buildMappedLimit returns how many bytes of a bolt store's file a build
// with --memory-limit mib keeps mapped: a quarter of the budget, or no
// limit for 0.
func buildMappedLimit(mib int) int64 {
	return int64(mib) << 20 / 4
}

func newBuildCmd(e *env) *cobra.Command {
	var opt buildOptions
	cmd := &cobra.Command{
		Use:   "build PATH...",
		Short: "Extract facts from documents (files or folders) into the store",
		Long: `Build reads each document (folders are walked for .txt, .md and .html files;
a folder's manifest.tsv gives titles, publishers, dates and source URLs),
extracts entities, relations and figures, and stores them with provenance.
Documents are extracted in parallel (--jobs, all cores by default) and
written in order by one writer, a batch of documents per transaction; a
document's change replaces what an earlier build stored for it, and
unchanged documents are skipped. The first build of a new bolt or
PostgreSQL store is a bulk load (--bulk): on bolt a file written in key
order takes the empty store's place at the end; on PostgreSQL one
transaction copies the rows in and builds the indexes once. Either way a
build killed before the end leaves the store empty. A bad document is
reported, nothing of it is stored, and the rest go on; the exit status is
non-zero if any failed.
Files that share a document ID (a file's name without its extension): the
last in the corpus is built, the others are reported as failed.
On a terminal, a progress bar shows documents per second and the time left.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if opt.jobs < 1 {
				return fmt.Errorf("build: --jobs %d: want at least 1", opt.jobs)
			}
			if opt.memLimit < 0 {
				return fmt.Errorf("build: --memory-limit %d: want MiB, or 0 for none", opt.memLimit)
			}
			if limit, ok := buildMemoryLimit(opt.memLimit, os.Getenv("GOMEMLIMIT")); ok {
				defer debug.SetMemoryLimit(debug.SetMemoryLimit(limit))
			}
			st, err := graph.Open(cmd.Context(), e.db, graph.Options{Create: true, MappedLimit: buildMappedLimit(opt.memLimit)})
			if err != nil {
				return err
			}
			defer st.Close()
			items := corpus.Find(args)
			corpus.MarkRepeats(items)
			sum, err := runBuild(cmd.Context(), e, st, items, opt)
			fmt.Fprintln(e.stdout, sum)
			if err != nil {
				return err
			}
			if sum.failed > 0 {
				return fmt.Errorf("build: %d of %d documents failed", sum.failed, sum.total())
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&opt.force, "force", false, "rebuild documents even when unchanged")
	cmd.Flags().BoolVar(&opt.bulk, "bulk", true,
		"load a new, empty bolt or PostgreSQL store in bulk, made visible whole at the end (faster and leaner than Cayley's transactions; false: write through them)")
	cmd.Flags().IntVarP(&opt.jobs, "jobs", "j", runtime.GOMAXPROCS(0), "documents extracted in parallel")
	cmd.Flags().IntVar(&opt.memLimit, "memory-limit", defaultBuildMemory,
		"the build's memory budget in MiB, never a cause of failure: 3/4 soft limit of the heap (the collector works harder near it), 1/4 for a bolt store's file mapped in memory (0: none; GOMEMLIMIT, if set, replaces the heap's part)")
	return cmd
}

// outcome is what happened to one document.
type outcome struct {
	seq     int // position in the corpus
	path    string
	id      ontology.DocumentID
	skipped bool
	ex      *ontology.Extraction // to be written; nil when skipped or failed
	res     graph.WriteResult
	facts   int
	err     error
}

// prepare loads nothing itself: it checks the stored hash and extracts,
// holding a slot of extracting while it does.
func prepare(ctx context.Context, x *extract.Extractor, st *graph.Store, extracting chan struct{}, seq int, it corpus.Item, force bool) outcome {
	o := outcome{seq: seq, path: it.Doc.Path, id: it.Doc.ID, err: it.Err}
	if o.err != nil {
		return o
	}
	if !force {
		same, err := st.HasHash(ctx, it.Doc.ID, it.Doc.Hash)
		if err != nil {
			o.err = err
			return o
		}
		if same {
			o.skipped = true
			return o
		}
	}
	select {
	case extracting <- struct{}{}:
	case <-ctx.Done():
		o.err = ctx.Err()
		return o
	}
	ex, err := extractSafely(x, it.Doc, it.Text)
	<-extracting
	if err != nil {
		o.err = fmt.Errorf("extract %s: %w", it.Doc.Path, err)
		return o
	}
	o.facts = len(ex.Facts)
	o.ex = &ex
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
