package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	"github.com/policykg/policykg/ontology"
	"google.golang.org/protobuf/proto"
)

// ErrNoBulk says a store cannot take a bulk load: it is not an embedded
// bolt store, or it already holds quads.
var ErrNoBulk = errors.New("bulk load needs a new, empty bolt store")

// bulkDir is the directory, inside a bolt store's, where a bulk load
// writes its file and sorted runs; what a killed load leaves there is
// removed by the next one.
const bulkDir = "bulk.tmp"

// Bulk writes a new bolt store's first documents straight into a file in
// Cayley's key-value format, without Cayley's write path, and puts the file
// in place of the empty store's at Commit. Cayley's transactions look up
// every node and index key they write at places spread over the whole file
// by hashing, so a large build spends its time, and its memory, on store
// pages; a bulk load writes each bucket once, in key order: the log as IDs
// are handed out, the quad indexes from sorted runs on disk, the node
// buckets from one sort of the node table at the end. Only the node table
// (hash to ID and reference count) stays in memory, about 50 bytes a node.
//
// The file is Cayley's: the same buckets, keys and values Cayley's own
// transactions write (TestBulkMatchesTransactions compares the two), so
// later builds, removals and Cayley itself use it as any other store. Until
// Commit the store stays empty: a load killed or aborted leaves it as it
// was. A Bulk is not safe for concurrent use.
type Bulk struct {
	s     *Store
	dir   string // bulkDir inside the store's
	w     *bulkWriter
	nodes map[refs.ValueHash]bulkNode
	last  uint64 // last ID handed out (Cayley's "horizon")
	size  int64  // quads written
	runs  []*indexRuns
	docs  map[ontology.DocumentID]bool
	err   error // a write failed: the load cannot be committed
	done  bool
}

type bulkNode struct {
	id   uint64
	refs uint64 // quad directions naming the node
}

// BeginBulk starts a bulk load into s, which must be an empty bolt store
// (ErrNoBulk, wrapped, otherwise). ReplaceDocuments must not be called
// until the load is committed or aborted.
func (s *Store) BeginBulk(ctx context.Context) (*Bulk, error) {
	if s.loc.Backend != "bolt" {
		return nil, fmt.Errorf("bulk load %s: %w", s.loc, ErrNoBulk)
	}
	sized, ok := s.qs.(interface{ Size() int64 }) // Cayley's count; 0 when never written
	if !ok {
		return nil, fmt.Errorf("bulk load %s: %w (no quad count)", s.loc, ErrNoBulk)
	}
	if n := sized.Size(); n != 0 {
		return nil, fmt.Errorf("bulk load %s: %w (it holds %d quads)", s.loc, ErrNoBulk, n)
	}
	dir := filepath.Join(s.loc.Path, bulkDir)
	if err := os.RemoveAll(dir); err != nil {
		return nil, fmt.Errorf("bulk load %s: clear %s: %w", s.loc, dir, err)
	}
	// Cayley creates the file (its metadata and buckets), then policykg
	// records its indexes, exactly as for a new store.
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("bulk load %s: %w", s.loc, err)
	}
	if err := cgraph.InitQuadStore(boltBackend, dir, boltOptions); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("bulk load %s: create file: %w", s.loc, err)
	}
	if err := setBoltIndexes(dir); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	w, err := openBulkWriter(filepath.Join(dir, "indexes.bolt"))
	if err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("bulk load %s: %w", s.loc, err)
	}
	b := &Bulk{s: s, dir: dir, w: w, nodes: map[refs.ValueHash]bulkNode{}, docs: map[ontology.DocumentID]bool{}}
	for _, ind := range boltIndexes {
		b.runs = append(b.runs, newIndexRuns(dir, ind))
	}
	return b, nil
}

// Takes reports whether the load can take the document with this ID: a
// document already in the load, or one whose quads could be shared with
// another's (an ID with "#", see docDiff.add), needs Cayley's write path.
func (b *Bulk) Takes(id ontology.DocumentID) bool {
	return b.err == nil && !b.done && id != "" && !b.docs[id] && !strings.Contains(string(id), "#")
}

// Documents returns how many documents the load holds.
func (b *Bulk) Documents() int { return len(b.docs) }

// Add writes a document's quads into the load. A document the load cannot
// take (see Takes) is an error and nothing of it is written; so is a value
// Cayley cannot encode. An error of the file itself spoils the load:
// Commit then fails and the store stays empty.
func (b *Bulk) Add(ex ontology.Extraction) (WriteResult, error) {
	id := ex.Document.ID
	if b.err != nil {
		return WriteResult{}, fmt.Errorf("store document %s: %w", id, b.err)
	}
	if !b.Takes(id) {
		return WriteResult{}, fmt.Errorf("store document %s: not for a bulk load (empty, repeated, or with '#')", id)
	}
	// Encode the new nodes first, so that a value Cayley cannot store
	// costs this document only.
	type newNode struct {
		h   refs.ValueHash
		val []byte
	}
	var fresh []newNode
	seenNew := map[refs.ValueHash]bool{}
	seen := make(map[quad.Quad]bool)
	var qs []quad.Quad
	var hashes [][4]refs.ValueHash
	for _, q := range documentQuads(ex) {
		if seen[q] {
			continue
		}
		seen[q] = true
		var hs [4]refs.ValueHash
		for i, d := range quad.Directions {
			v := q.Get(d)
			if v == nil {
				continue
			}
			h := refs.HashOf(v)
			hs[i] = h
			if _, ok := b.nodes[h]; ok || seenNew[h] {
				continue
			}
			val, err := pquads.MarshalValue(v)
			if err != nil {
				return WriteResult{}, fmt.Errorf("store document %s: value %v: %w", id, v, err)
			}
			seenNew[h] = true
			fresh = append(fresh, newNode{h, val})
		}
		qs = append(qs, q)
		hashes = append(hashes, hs)
	}
	stamp := time.Now().UnixNano()
	for _, n := range fresh {
		b.last++
		b.nodes[n.h] = bulkNode{id: b.last}
		if err := b.log(&cproto.Primitive{ID: b.last, Value: n.val, Timestamp: stamp}); err != nil {
			return WriteResult{}, b.fail(id, err)
		}
	}
	for k, q := range qs {
		b.last++
		p := cproto.Primitive{ID: b.last, Timestamp: stamp}
		for i, d := range quad.Directions {
			if q.Get(d) == nil {
				continue
			}
			n := b.nodes[hashes[k][i]]
			n.refs++
			b.nodes[hashes[k][i]] = n
			p.SetDirection(d, n.id)
		}
		if err := b.log(&p); err != nil {
			return WriteResult{}, b.fail(id, err)
		}
		for _, r := range b.runs {
			if err := r.add(&p); err != nil {
				return WriteResult{}, b.fail(id, err)
			}
		}
	}
	b.size += int64(len(qs))
	b.docs[id] = true
	return WriteResult{Added: len(qs)}, nil
}

// fail records an error of the load's file: nothing more can be added.
func (b *Bulk) fail(id ontology.DocumentID, err error) error {
	b.err = fmt.Errorf("bulk load %s: %w", b.s.loc, err)
	return fmt.Errorf("store document %s: %w", id, b.err)
}

func (b *Bulk) log(p *cproto.Primitive) error {
	buf, err := proto.Marshal(p)
	if err != nil {
		return err
	}
	var k [8]byte
	binary.BigEndian.PutUint64(k[:], p.ID)
	return b.w.put([]byte("log"), k[:], buf)
}

// Commit finishes the file (quad indexes, node buckets, counts), syncs it
// and puts it in place of the store's, which is then reopened. On error
// the store is left as it was before the load, and still open.
func (b *Bulk) Commit(ctx context.Context) error {
	if b.done {
		return fmt.Errorf("bulk load %s: already ended", b.s.loc)
	}
	if b.err != nil {
		b.Abort()
		return b.err
	}
	if err := b.finish(ctx); err != nil {
		b.Abort()
		return fmt.Errorf("bulk load %s: %w", b.s.loc, err)
	}
	b.done = true
	defer os.RemoveAll(b.dir)
	return b.s.replaceBoltFile(filepath.Join(b.dir, "indexes.bolt"))
}

// Abort drops the load; the store stays as it was.
func (b *Bulk) Abort() {
	if b.done {
		return
	}
	b.done = true
	b.w.close()
	for _, r := range b.runs {
		r.close()
	}
	os.RemoveAll(b.dir)
}

func (b *Bulk) finish(ctx context.Context) error {
	for _, r := range b.runs {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := r.writeTo(b.w); err != nil {
			return fmt.Errorf("index %s: %w", r.bucket, err)
		}
	}
	if err := b.writeNodes(); err != nil {
		return err
	}
	var v [8]byte
	binary.LittleEndian.PutUint64(v[:], b.last)
	if err := b.w.put([]byte("meta"), []byte("horizon"), v[:]); err != nil {
		return err
	}
	binary.LittleEndian.PutUint64(v[:], uint64(b.size))
	if err := b.w.put([]byte("meta"), []byte("size"), v[:]); err != nil {
		return err
	}
	return b.w.finish()
}

// writeNodes writes each node's ID ("v" buckets) and reference count ("n"
// buckets) under its hash, in hash order, dropping the node table.
func (b *Bulk) writeNodes() error {
	type entry struct {
		h refs.ValueHash
		bulkNode
	}
	all := make([]entry, 0, len(b.nodes))
	for h, n := range b.nodes {
		all = append(all, entry{h, n})
	}
	b.nodes = nil
	slices.SortFunc(all, func(x, y entry) int { return bytes.Compare(x.h[:], y.h[:]) })
	var buf [binary.MaxVarintLen64]byte
	for _, prefix := range []byte{'n', 'v'} {
		for i := range all {
			e := &all[i]
			x := e.refs
			if prefix == 'v' {
				x = e.id
			}
			n := binary.PutUvarint(buf[:], x)
			if err := b.w.put([]byte{prefix, e.h[0], e.h[1]}, e.h[:], buf[:n]); err != nil {
				return fmt.Errorf("nodes: %w", err)
			}
		}
	}
	return nil
}

// replaceBoltFile puts file in place of the store's bolt file and reopens
// the store on it. The store's directory lock is held throughout.
func (s *Store) replaceBoltFile(file string) error {
	dir := s.loc.Path
	if err := s.closeQuadStore(); err != nil {
		return fmt.Errorf("bulk load %s: %w", dir, err)
	}
	target := filepath.Join(dir, "indexes.bolt")
	if err := os.Rename(file, target); err != nil {
		err = fmt.Errorf("bulk load %s: %w", dir, err)
		if rerr := s.openQuadStore(); rerr != nil {
			return errors.Join(err, rerr)
		}
		return err
	}
	syncDir(dir)
	if err := s.openQuadStore(); err != nil {
		return fmt.Errorf("bulk load %s: reopen: %w", dir, err)
	}
	return nil
}

// syncDir makes a rename in dir durable, where the system allows.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
