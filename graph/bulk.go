package graph

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/policykg/policykg/ontology"
)

// ErrNoBulk says a store cannot take a bulk load: it is neither an
// embedded bolt store nor a PostgreSQL one, it already holds quads, or (on
// PostgreSQL) the user does not own its tables. Cayley's transactions can
// still write to it.
var ErrNoBulk = errors.New("bulk load needs a new, empty bolt or PostgreSQL store")

// Bulk writes a new store's first documents without Cayley's write path,
// and makes them visible all at once at Commit.
//
// Cayley's write path is made for changes: each transaction looks up every
// node it names and updates its reference count, and every index key it
// writes, one by one. A first build needs none of that, and a bulk load
// writes each table once, in order:
//
//   - bolt (boltBulk): a new file in Cayley's key-value format, put in place
//     of the empty store's at Commit: the log as IDs are handed out, the quad
//     indexes from sorted runs on disk, the node buckets from one sort of the
//     node table at the end.
//   - PostgreSQL (pgBulk): Cayley's two tables, filled by COPY through
//     temporary tables in one transaction, with the reference counts
//     computed and the quads' indexes and foreign keys built by the server
//     once, at the end.
//
// Either way the result is what Cayley's own transactions would have
// written (TestBulkMatchesTransactions compares them), so later builds,
// removals and Cayley itself use it as any other store. Until Commit the
// store stays empty: a load killed or aborted leaves it as it was. A Bulk
// is not safe for concurrent use.
type Bulk struct {
	s    *Store
	sink bulkSink
	docs map[ontology.DocumentID]bool
	err  error // a write failed: the load cannot be committed
	done bool
}

// bulkSink is a backend's side of a bulk load.
type bulkSink interface {
	// add writes one document's quads, each once. An error wrapping
	// errBadValue costs that document only; any other spoils the load.
	add(qs []quad.Quad) error
	// commit finishes the load and makes it the store's content.
	commit(ctx context.Context) error
	// abort drops what the load wrote.
	abort()
}

// errBadValue marks a value the store cannot encode.
var errBadValue = errors.New("value cannot be stored")

// BeginBulk starts a bulk load into s, which must be an empty bolt or
// PostgreSQL store (ErrNoBulk, wrapped, otherwise), with no other load in
// progress. ReplaceDocuments must not be called until the load is
// committed or aborted; closing the store aborts it.
func (s *Store) BeginBulk(ctx context.Context) (*Bulk, error) {
	if s.bulk != nil {
		return nil, fmt.Errorf("bulk load %s: one is already in progress", s.loc)
	}
	var (
		sink bulkSink
		err  error
	)
	switch s.loc.Backend {
	case "bolt":
		sink, err = s.beginBoltBulk()
	case "postgres":
		sink, err = s.beginPGBulk(ctx)
	default:
		err = fmt.Errorf("bulk load %s: %w", s.loc, ErrNoBulk)
	}
	if err != nil {
		return nil, err
	}
	s.bulk = &Bulk{s: s, sink: sink, docs: map[ontology.DocumentID]bool{}}
	return s.bulk, nil
}

// Takes reports whether the load can take the document with this ID: a
// document already in the load, or one whose quads could be shared with
// another's (an ID with "#", see docDiff.add), needs Cayley's write path.
func (b *Bulk) Takes(id ontology.DocumentID) bool {
	return b.err == nil && !b.done && id != "" && !b.docs[id] && !strings.Contains(string(id), "#")
}

// Add writes a document's quads into the load. A document the load cannot
// take (see Takes) is an error and nothing of it is written; so is a value
// the store cannot encode. An error of the store itself spoils the load:
// Commit then fails and the store stays empty.
func (b *Bulk) Add(ex ontology.Extraction) (WriteResult, error) {
	id := ex.Document.ID
	if b.err != nil {
		return WriteResult{}, fmt.Errorf("store document %s: %w", id, b.err)
	}
	if !b.Takes(id) {
		return WriteResult{}, fmt.Errorf("store document %s: not for a bulk load (empty, repeated, or with '#')", id)
	}
	all := documentQuads(ex)
	seen := make(map[quad.Quad]bool, len(all))
	qs := all[:0]
	for _, q := range all {
		if !seen[q] {
			seen[q] = true
			qs = append(qs, q)
		}
	}
	if err := b.sink.add(qs); err != nil {
		if errors.Is(err, errBadValue) {
			return WriteResult{}, fmt.Errorf("store document %s: %w", id, err)
		}
		b.err = fmt.Errorf("bulk load %s: %w", b.s.loc, err)
		return WriteResult{}, fmt.Errorf("store document %s: %w", id, b.err)
	}
	b.docs[id] = true
	return WriteResult{Added: len(qs)}, nil
}

// Commit makes the load the store's content. On error the store is left
// as it was before the load, and still open.
func (b *Bulk) Commit(ctx context.Context) error {
	if b.done {
		return fmt.Errorf("bulk load %s: already ended", b.s.loc)
	}
	if b.err != nil {
		b.Abort()
		return b.err
	}
	b.done = true
	b.s.bulk = nil
	if err := b.sink.commit(ctx); err != nil {
		b.sink.abort()
		return fmt.Errorf("bulk load %s: %w", b.s.loc, err)
	}
	return nil
}

// Abort drops the load; the store stays as it was.
func (b *Bulk) Abort() {
	if b.done {
		return
	}
	b.done = true
	b.s.bulk = nil
	b.sink.abort()
}
