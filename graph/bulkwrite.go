package graph

import (
	"bufio"
	"bytes"
	"container/heap"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	ckv "github.com/cayleygraph/cayley/graph/kv"
	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
	bolt "go.etcd.io/bbolt"
)

// bulkTxBytes is how much a bulk load writes per bbolt transaction. bbolt
// keeps a transaction's new pages in memory until it commits; writing in
// key order, a commit only rewrites the right edge of each tree.
const bulkTxBytes = 8 << 20

// bulkFill is how full a bulk load packs its pages. Nothing is inserted
// between keys written in order, so pages could be full; a little room
// keeps the next build's first inserts from splitting every page they
// touch.
const bulkFill = 0.9

// bulkWriter puts keys into a bbolt file in a series of transactions,
// keeping what each one puts alive until it commits (bbolt holds on to the
// slices it is given).
type bulkWriter struct {
	db    *bolt.DB
	tx    *bolt.Tx
	name  []byte // the bucket b is
	b     *bolt.Bucket
	arena []byte // copies of this transaction's keys and values
	held  [][]byte
	bytes int
}

func openBulkWriter(file string) (*bulkWriter, error) {
	opt := boltFileOptions()
	opt.NoSync = true // one sync at the end: the file is not the store's until then
	db, err := bolt.Open(file, 0o600, opt)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", file, err)
	}
	return &bulkWriter{db: db}, nil
}

// put stores key and val in the top-level bucket named bucket.
func (w *bulkWriter) put(bucket, key, val []byte) error {
	if w.tx == nil {
		tx, err := w.db.Begin(true)
		if err != nil {
			return err
		}
		w.tx = tx
		w.name = nil
	}
	if w.b == nil || !bytes.Equal(bucket, w.name) {
		b, err := w.tx.CreateBucketIfNotExists(bucket)
		if err != nil {
			return fmt.Errorf("bucket %q: %w", bucket, err)
		}
		b.FillPercent = bulkFill
		w.b, w.name = b, append(w.name[:0], bucket...)
	}
	k, v := w.keep(key), w.keep(val)
	if err := w.b.Put(k, v); err != nil {
		return fmt.Errorf("bucket %q: put %x: %w", bucket, key, err)
	}
	w.bytes += len(k) + len(v)
	if w.bytes >= bulkTxBytes {
		return w.commit()
	}
	return nil
}

// keep copies p into the transaction's arena.
func (w *bulkWriter) keep(p []byte) []byte {
	if len(w.arena)+len(p) > cap(w.arena) {
		if cap(w.arena) > 0 {
			w.held = append(w.held, w.arena)
		}
		w.arena = make([]byte, 0, max(1<<20, len(p)))
	}
	n := len(w.arena)
	w.arena = append(w.arena, p...)
	return w.arena[n:len(w.arena):len(w.arena)]
}

func (w *bulkWriter) commit() error {
	if w.tx == nil {
		return nil
	}
	err := w.tx.Commit()
	w.tx, w.b, w.bytes = nil, nil, 0
	w.arena, w.held = w.arena[:0], w.held[:0] // bbolt is done with them
	return err
}

// finish commits, syncs and closes the file.
func (w *bulkWriter) finish() error {
	if err := w.commit(); err != nil {
		return err
	}
	if err := w.db.Sync(); err != nil {
		return err
	}
	db := w.db
	w.db = nil
	return db.Close()
}

func (w *bulkWriter) close() {
	if w.tx != nil {
		w.tx.Rollback()
		w.tx = nil
	}
	if w.db != nil {
		w.db.Close()
		w.db = nil
	}
}

// bulkRunRecords is how many index entries an index keeps in memory before
// it sorts them and writes them out as a run: 32 bytes each, 8 MiB for
// each of the four indexes.
var bulkRunRecords = 1 << 18

// indexRecord is one quad's entry in an index: the IDs of the index's
// directions (unused words zero), then the quad's ID. Records compare as
// the index's keys (big-endian IDs) and lists (ascending IDs) order.
type indexRecord [4]uint64

func compareRecords(x, y indexRecord) int {
	for i := range x {
		if x[i] != y[i] {
			if x[i] < y[i] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// indexRuns collects one quad index's entries in sorted runs on disk.
type indexRuns struct {
	dir    string
	bucket []byte
	dirs   []quad.Direction
	buf    []indexRecord
	runs   []string
}

func newIndexRuns(dir string, ind ckv.QuadIndex) *indexRuns {
	return &indexRuns{dir: dir, bucket: indexBucket(ind)[0], dirs: ind.Dirs}
}

func (r *indexRuns) add(p *cproto.Primitive) error {
	var rec indexRecord
	for i, d := range r.dirs {
		rec[i] = p.GetDirection(d)
	}
	rec[3] = p.ID
	if r.buf == nil {
		r.buf = make([]indexRecord, 0, bulkRunRecords)
	}
	r.buf = append(r.buf, rec)
	if len(r.buf) >= bulkRunRecords {
		return r.spill()
	}
	return nil
}

// spill sorts the buffered records and writes them to a new run file.
func (r *indexRuns) spill() error {
	slices.SortFunc(r.buf, compareRecords)
	name := filepath.Join(r.dir, fmt.Sprintf("%s.%d.run", r.bucket, len(r.runs)))
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<16)
	var b [32]byte
	for _, rec := range r.buf {
		for i, x := range rec {
			binary.LittleEndian.PutUint64(b[8*i:], x)
		}
		bw.Write(b[:])
	}
	err = bw.Flush()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	r.runs = append(r.runs, name)
	r.buf = r.buf[:0]
	return nil
}

func (r *indexRuns) close() {
	for _, name := range r.runs {
		os.Remove(name)
	}
	r.runs, r.buf = nil, nil
}

// writeTo merges the runs and the buffer and writes the index: under each
// key, the list of its quads' IDs in ascending order, as Cayley does.
func (r *indexRuns) writeTo(w *bulkWriter) error {
	defer r.close()
	slices.SortFunc(r.buf, compareRecords)
	var m merger
	if err := m.add(&sliceSource{recs: r.buf}); err != nil {
		return err
	}
	for _, name := range r.runs {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := m.add(&fileSource{r: bufio.NewReaderSize(f, 1<<16), name: name}); err != nil {
			return err
		}
	}
	n := len(r.dirs)
	var (
		key  []byte
		list []byte
		cur  indexRecord
		have bool
	)
	flush := func() error {
		if !have {
			return nil
		}
		key = key[:0]
		for i := 0; i < n; i++ {
			key = binary.BigEndian.AppendUint64(key, cur[i])
		}
		return w.put(r.bucket, key, list)
	}
	for {
		rec, ok, err := m.next()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		if !have || rec[0] != cur[0] || rec[1] != cur[1] || rec[2] != cur[2] {
			if err := flush(); err != nil {
				return err
			}
			cur, have, list = rec, true, list[:0]
		}
		list = binary.AppendUvarint(list, rec[3])
	}
	return flush()
}

// A recordSource yields records in order.
type recordSource interface {
	next() (indexRecord, bool, error)
}

type sliceSource struct {
	recs []indexRecord
}

func (s *sliceSource) next() (indexRecord, bool, error) {
	if len(s.recs) == 0 {
		return indexRecord{}, false, nil
	}
	rec := s.recs[0]
	s.recs = s.recs[1:]
	return rec, true, nil
}

type fileSource struct {
	r    *bufio.Reader
	name string
}

func (s *fileSource) next() (indexRecord, bool, error) {
	var b [32]byte
	if _, err := io.ReadFull(s.r, b[:]); err == io.EOF {
		return indexRecord{}, false, nil
	} else if err != nil {
		return indexRecord{}, false, fmt.Errorf("read %s: %w", s.name, err)
	}
	var rec indexRecord
	for i := range rec {
		rec[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	return rec, true, nil
}

// merger merges sorted sources with a heap of their next records.
type merger struct {
	h mergeHeap
}

type mergeItem struct {
	rec indexRecord
	src recordSource
}

type mergeHeap []mergeItem

func (h mergeHeap) Len() int           { return len(h) }
func (h mergeHeap) Less(i, j int) bool { return compareRecords(h[i].rec, h[j].rec) < 0 }
func (h mergeHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *mergeHeap) Push(x any)        { *h = append(*h, x.(mergeItem)) }
func (h *mergeHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// add primes a source with its first record.
func (m *merger) add(src recordSource) error {
	rec, ok, err := src.next()
	if ok {
		heap.Push(&m.h, mergeItem{rec: rec, src: src})
	}
	return err
}

func (m *merger) next() (indexRecord, bool, error) {
	if len(m.h) == 0 {
		return indexRecord{}, false, nil
	}
	top := &m.h[0]
	rec := top.rec
	nrec, ok, err := top.src.next()
	switch {
	case err != nil:
		return indexRecord{}, false, err
	case ok:
		top.rec = nrec
		heap.Fix(&m.h, 0)
	default:
		heap.Pop(&m.h)
	}
	return rec, true, nil
}
