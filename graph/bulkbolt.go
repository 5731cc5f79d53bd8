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
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	"google.golang.org/protobuf/proto"
)

// bulkDir is the directory, inside a bolt store's, where a bulk load
// writes its file and sorted runs; what a killed load leaves there is
// removed by the next one.
const bulkDir = "bulk.tmp"

// boltBulk is a bulk load of a bolt store: a new file in Cayley's
// key-value format, written bucket by bucket in key order, that replaces
// the empty store's file at commit. Only the node table (hash to ID and
// reference count) stays in memory, about 50 bytes a node; the quad
// indexes go through sorted runs on disk.
type boltBulk struct {
	s     *Store
	dir   string // bulkDir inside the store's
	w     *bulkWriter
	nodes map[refs.ValueHash]bulkNode
	last  uint64 // last ID handed out (Cayley's "horizon")
	size  int64  // quads written
	runs  []*indexRuns
}

type bulkNode struct {
	id   uint64
	refs uint64 // quad directions naming the node
}

func (s *Store) beginBoltBulk() (*boltBulk, error) {
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
	b := &boltBulk{s: s, dir: dir, w: w, nodes: map[refs.ValueHash]bulkNode{}}
	for _, ind := range boltIndexes {
		b.runs = append(b.runs, newIndexRuns(dir, ind))
	}
	return b, nil
}

func (b *boltBulk) add(qs []quad.Quad) error {
	// Encode the new nodes first, so that a value Cayley cannot store
	// costs this document only.
	type newNode struct {
		h   refs.ValueHash
		val []byte
	}
	var fresh []newNode
	seenNew := map[refs.ValueHash]bool{}
	hashes := make([][4]refs.ValueHash, len(qs))
	for k, q := range qs {
		for i, d := range quad.Directions {
			v := q.Get(d)
			if v == nil {
				continue
			}
			h := refs.HashOf(v)
			hashes[k][i] = h
			if _, ok := b.nodes[h]; ok || seenNew[h] {
				continue
			}
			val, err := pquads.MarshalValue(v)
			if err != nil {
				return fmt.Errorf("value %v: %w: %w", v, errBadValue, err)
			}
			seenNew[h] = true
			fresh = append(fresh, newNode{h, val})
		}
	}
	stamp := time.Now().UnixNano()
	for _, n := range fresh {
		b.last++
		b.nodes[n.h] = bulkNode{id: b.last}
		if err := b.log(&cproto.Primitive{ID: b.last, Value: n.val, Timestamp: stamp}); err != nil {
			return err
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
			return err
		}
		for _, r := range b.runs {
			if err := r.add(&p); err != nil {
				return err
			}
		}
	}
	b.size += int64(len(qs))
	return nil
}

func (b *boltBulk) log(p *cproto.Primitive) error {
	buf, err := proto.Marshal(p)
	if err != nil {
		return err
	}
	var k [8]byte
	binary.BigEndian.PutUint64(k[:], p.ID)
	return b.w.put([]byte("log"), k[:], buf)
}

// commit finishes the file (quad indexes, node buckets, counts), syncs it
// and puts it in place of the store's, which is then reopened.
func (b *boltBulk) commit(ctx context.Context) error {
	if err := b.finish(ctx); err != nil {
		return err
	}
	defer os.RemoveAll(b.dir)
	return b.s.replaceBoltFile(filepath.Join(b.dir, "indexes.bolt"))
}

func (b *boltBulk) abort() {
	b.w.close()
	for _, r := range b.runs {
		r.close()
	}
	os.RemoveAll(b.dir)
}

func (b *boltBulk) finish(ctx context.Context) error {
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
func (b *boltBulk) writeNodes() error {
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
