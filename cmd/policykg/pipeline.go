package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/policykg/policykg/corpus"
	"github.com/policykg/policykg/extract"
	"github.com/policykg/policykg/graph"
	"github.com/policykg/policykg/ontology"
)

// Batching limits of the writer: a transaction takes at most this many
// documents, is closed early once it holds this many facts, and waits at
// most about maxBatchWait for more. Each transaction costs a disk sync and
// rewrites every store page it touches; on a large bolt store the pages are
// spread all over the file, so fewer, larger transactions write less, and
// hold more in memory. Building 10,000 synthetic documents into bolt:
// batches of 16 documents wrote 22 GB at 264 MB peak anonymous memory, of
// 32 wrote 17 GB at 377 MB, of 64 wrote 13 GB at 577 MB (no memory limit,
// session 3). Batches of 128 documents or 40,000 facts build 10,000
// documents in 0.83x the time of batches of 32 or 10,000 (210-217 s against
// 253-283 s, alternated, session 5) but at 1.45x the peak RSS (1,291-1,315
// MB against 884-898 MB): a commit reads the header of every page it
// replaces, so the store file mapped in grows with the transaction, whatever
// the build's mapped limit. (Cayley's own bulk load commits every 200,000
// quads: 1.7 GB.)
const (
	maxBatchDocs  = 32
	maxBatchFacts = 10000
	maxBatchWait  = 250 * time.Millisecond
)

// hashLookups is how many documents' stored hashes are looked up at once.
// A lookup is one query and no CPU: on PostgreSQL, with only --jobs of them
// in flight (and two lookups each), an unchanged rebuild of 10,000
// documents waited 21 s on the network; with 16 (and graph.SQLConnections
// kept open for them) it takes 3 s. Extraction, which is CPU, still runs
// at most --jobs at a time.
const hashLookups = 16

// runBuild streams the corpus through a pool of extraction workers into one
// writer. A reader loads documents in corpus order, at most a bounded number
// ahead of the writer, so memory does not grow with the corpus; workers
// check hashes and extract; the writer puts results back in corpus order,
// writes them in batches (one transaction each) and reports each document
// in order. The store therefore ends the same whatever the number of jobs.
func runBuild(ctx context.Context, e *env, st *graph.Store, items []corpus.Item, opt buildOptions) (buildSummary, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	workers := max(opt.jobs, hashLookups)
	window := make(chan struct{}, 2*workers+maxBatchDocs) // documents in flight
	jobs := make(chan job, workers)
	results := make(chan outcome, workers)
	extracting := make(chan struct{}, opt.jobs) // a slot for each extraction at once
	go readCorpus(ctx, items, window, jobs)
	x, err := extract.New() // safe for concurrent use: one for all jobs
	if err != nil {
		cancel()
		for range jobs { // let the reader stop
		}
		return buildSummary{}, fmt.Errorf("build: %w", err)
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- prepare(ctx, x, st, extracting, j.seq, j.item, opt.force)
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()
	w := &writer{e: e, ctx: ctx, window: window, bar: newProgress(e.stderr, len(items)),
		replace: st.ReplaceDocuments, wait: maxBatchWait}
	var bl *bulkLoad
	if opt.bulk {
		b, err := st.BeginBulk(ctx)
		switch {
		case err == nil:
			bl = &bulkLoad{b: b, st: st, cancel: cancel}
			w.replace = bl.replace
		case !errors.Is(err, graph.ErrNoBulk):
			cancel()
			return buildSummary{}, fmt.Errorf("build: %w", err)
		}
	}
	w.run(results)
	w.bar.finish()
	if bl != nil && bl.b != nil && bl.taken > 0 {
		// Indexes are merged (bolt) or built (PostgreSQL) now: at 10k
		// documents, a good part of a minute with the bar gone.
		w.bar.say("storing the %d documents loaded in bulk: building indexes...", bl.taken)
	}
	if bl != nil {
		// Documents reported built are written even when the build was
		// interrupted: the load ends as a whole or not at all.
		if err := bl.commit(context.WithoutCancel(ctx)); err != nil {
			// None of the documents the load took is stored.
			w.sum.failed += bl.taken
			w.sum.built -= bl.taken
			w.sum.added -= bl.added
			return w.sum, fmt.Errorf("build: %w; the %d documents reported built were not stored", err, bl.taken)
		}
	}
	return w.sum, ctx.Err()
}

// bulkLoad feeds the writer's batches to a bulk load of a new store
// (graph.Bulk) until a document comes that it cannot take (one repeated
// in the corpus, or with "#" in its ID): then it commits the load and
// hands that document and the rest to Cayley's transactions.
type bulkLoad struct {
	b      *graph.Bulk // nil once committed
	st     *graph.Store
	cancel func()
	err    error // the commit failed: the build stops
	taken  int   // documents the load holds
	added  int   // their quads
}

func (l *bulkLoad) replace(ctx context.Context, exs []ontology.Extraction) []graph.DocumentWrite {
	out := make([]graph.DocumentWrite, len(exs))
	for i, ex := range exs {
		if l.err != nil {
			out[i].Err = fmt.Errorf("store document %s: %w", ex.Document.ID, l.err)
			continue
		}
		if l.b != nil && !l.b.Takes(ex.Document.ID) && ex.Document.ID != "" {
			if err := l.commit(ctx); err != nil {
				l.cancel()
				out[i].Err = fmt.Errorf("store document %s: %w", ex.Document.ID, err)
				continue
			}
		}
		if l.b == nil {
			copy(out[i:], l.st.ReplaceDocuments(ctx, exs[i:]))
			return out
		}
		out[i].WriteResult, out[i].Err = l.b.Add(ex)
		if out[i].Err == nil {
			l.taken++
			l.added += out[i].Added
		}
	}
	return out
}

// commit ends the load, once; its error is kept for the build to report.
func (l *bulkLoad) commit(ctx context.Context) error {
	if l.b == nil {
		return l.err
	}
	l.err = l.b.Commit(ctx)
	l.b = nil
	return l.err
}

type job struct {
	seq  int
	item corpus.Item
}

// readCorpus loads each document in order, taking a slot of window first.
func readCorpus(ctx context.Context, items []corpus.Item, window chan struct{}, jobs chan<- job) {
	defer close(jobs)
	var man corpus.Manifests
	for i, it := range items {
		select {
		case window <- struct{}{}:
		case <-ctx.Done():
			return
		}
		select {
		case jobs <- job{seq: i, item: corpus.Load(it, &man)}:
		case <-ctx.Done():
			return
		}
	}
}

// writer is the one goroutine that writes to the store.
type writer struct {
	e       *env
	ctx     context.Context
	replace func(context.Context, []ontology.Extraction) []graph.DocumentWrite // one transaction
	wait    time.Duration                                                      // longest a batch waits for more
	window  chan struct{}
	bar     *progress
	sum     buildSummary
	next    int             // seq of the next document to take
	pending map[int]outcome // results that came early
	batch   []outcome       // taken, in order, not yet written and reported
	started time.Time       // when the first document of batch was taken
	facts   int
	ids     map[ontology.DocumentID]bool
}

func (w *writer) run(results <-chan outcome) {
	w.pending = map[int]outcome{}
	w.ids = map[ontology.DocumentID]bool{}
	tick := time.NewTicker(w.wait)
	defer tick.Stop()
	for {
		select {
		case o, ok := <-results:
			if !ok {
				w.flush()
				return
			}
			w.pending[o.seq] = o
			w.takeReady()
		case <-tick.C:
			// Keep reports and the progress bar moving when documents
			// come slowly. A tick that was due while a flush ran finds a
			// batch only just begun: writing that now would cost a whole
			// transaction (a disk sync, and pages rewritten all over a
			// large store) for a document or two.
			if len(w.batch) > 0 && time.Since(w.started) >= w.wait {
				w.flush()
			}
		}
	}
}

// takeReady moves the results that are next in corpus order into the batch.
func (w *writer) takeReady() {
	for {
		o, ok := w.pending[w.next]
		if !ok {
			return
		}
		delete(w.pending, w.next)
		w.next++
		if o.ex != nil && w.ids[o.id] {
			w.flush() // the same ID twice in a corpus: the later one wins
		}
		if len(w.batch) == 0 {
			w.started = time.Now()
		}
		w.batch = append(w.batch, o)
		if o.ex != nil {
			w.ids[o.id] = true
			w.facts += len(o.ex.Facts) + len(o.ex.Metrics) + len(o.ex.Mentions)
		}
		if len(w.batch) >= maxBatchDocs || w.facts >= maxBatchFacts {
			w.flush()
		}
	}
}

// flush writes the batch in one transaction and reports its documents.
func (w *writer) flush() {
	if w.ctx.Err() != nil {
		w.batch = w.batch[:0] // interrupted: the build reports that, not each document
		return
	}
	var exs []ontology.Extraction
	var at []int
	for i, o := range w.batch {
		if o.ex != nil {
			exs = append(exs, *o.ex)
			at = append(at, i)
		}
	}
	if len(exs) > 0 {
		for k, r := range w.replace(w.ctx, exs) {
			w.batch[at[k]].res, w.batch[at[k]].err = r.WriteResult, r.Err
		}
	}
	if len(w.batch) > 0 {
		w.bar.clear()
	}
	for _, o := range w.batch {
		w.sum.add(w.e, o)
		<-w.window
	}
	w.bar.add(len(w.batch))
	w.batch, w.facts = w.batch[:0], 0
	clear(w.ids)
}
