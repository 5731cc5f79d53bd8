package main

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/policykg/policykg/graph"
	"github.com/policykg/policykg/ontology"
)

// TestWriterKeepsBatchesWholeWhenWritesAreSlow: on a large store each
// transaction takes longer than the writer's wait, so a tick is always due
// when a write returns. That tick must not cut the next batch short after
// its first document: every transaction but the last holds a full batch.
func TestWriterKeepsBatchesWholeWhenWritesAreSlow(t *testing.T) {
	const docs = 2*maxBatchDocs + maxBatchDocs/2
	wait := maxBatchWait
	var sizes []int
	var out bytes.Buffer
	w := &writer{
		e:      &env{stdout: &out, stderr: &out},
		ctx:    context.Background(),
		window: make(chan struct{}, docs),
		bar:    &progress{},
		wait:   wait,
		replace: func(_ context.Context, exs []ontology.Extraction) []graph.DocumentWrite {
			sizes = append(sizes, len(exs))
			time.Sleep(3 * wait) // a slow transaction
			return make([]graph.DocumentWrite, len(exs))
		},
	}
	for range docs {
		w.window <- struct{}{}
	}
	results := make(chan outcome)
	go func() {
		defer close(results)
		for i := range docs {
			id := ontology.DocumentID(fmt.Sprintf("doc-%02d", i))
			results <- outcome{seq: i, id: id, ex: &ontology.Extraction{Document: ontology.Document{ID: id}}}
		}
	}()
	w.run(results)
	want := []int{maxBatchDocs, maxBatchDocs, maxBatchDocs / 2}
	if !slices.Equal(sizes, want) {
		t.Errorf("transactions held %v documents, want %v", sizes, want)
	}
	if w.sum.built != docs {
		t.Errorf("%d documents reported built, want %d", w.sum.built, docs)
	}
}
