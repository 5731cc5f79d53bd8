package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"strings"
	"sync/atomic"

	hkv "github.com/hidal-go/hidalgo/kv"
)

// freshKeysKV spares Cayley's key-value store lookups that cannot find
// anything. When a write transaction ends, Cayley merges the quad IDs it
// added into the index lists: it reads the list under each index key
// (IDs of the quad's nodes, 8 bytes each), appends and writes it back.
// Most of those keys name a node created in the same transaction, and a
// key with such a node cannot be in the store yet. Node and quad IDs come
// from one counter, the "horizon" in the metadata, which Cayley reads
// before it allocates the transaction's first ID: an index key holding an
// ID above that first reading is new, as long as the transaction has not
// written to that index yet (Cayley writes each index's keys after reading
// them all, one index after another). freshKeysTx answers such reads
// itself, with "not found"; the B-tree seek they would cost is a tenth of
// a large build's time. Every other read goes to the store.
type freshKeysKV struct {
	hkv.KV
}

func (db freshKeysKV) Tx(ctx context.Context, rw bool) (hkv.Tx, error) {
	tx, err := db.KV.Tx(ctx, rw)
	if err != nil || !rw {
		return tx, err
	}
	return &freshKeysTx{Tx: tx}, nil
}

func (db freshKeysKV) View(ctx context.Context, fn func(tx hkv.Tx) error) error {
	return hkv.View(ctx, db, fn)
}

func (db freshKeysKV) Update(ctx context.Context, fn func(tx hkv.Tx) error) error {
	return hkv.Update(ctx, db, fn)
}

// freshKeySkips counts the lookups freshKeysTx spared (read by tests).
var freshKeySkips atomic.Int64

// Cayley's metadata bucket and the key of its ID counter.
var (
	metaBucketName = []byte("meta")
	horizonKey     = []byte("horizon")
)

// freshKeysTx is a write transaction of a freshKeysKV.
type freshKeysTx struct {
	hkv.Tx
	horizon uint64 // the counter as the transaction found it
	known   bool   // horizon was read before anything changed it
	touched bool   // the counter was written before it was read
	written []string
}

func (t *freshKeysTx) Get(ctx context.Context, key hkv.Key) (hkv.Value, error) {
	v, err := t.Tx.Get(ctx, key)
	t.noteRead(key, v)
	return v, err
}

func (t *freshKeysTx) Put(ctx context.Context, key hkv.Key, v hkv.Value) error {
	t.noteWrite(key)
	return t.Tx.Put(ctx, key, v)
}

func (t *freshKeysTx) Del(ctx context.Context, key hkv.Key) error {
	t.noteWrite(key)
	return t.Tx.Del(ctx, key)
}

// noteRead records the counter the first time the transaction reads it
// (a missing counter is zero: nothing was ever allocated).
func (t *freshKeysTx) noteRead(key hkv.Key, v hkv.Value) {
	if t.known || t.touched || !isHorizon(key) {
		return
	}
	if len(v) == 8 {
		t.horizon = binary.LittleEndian.Uint64(v)
	} else if len(v) != 0 {
		t.touched = true // not Cayley's encoding: never guess
		return
	}
	t.known = true
}

// noteWrite remembers the index buckets written to, and a counter written
// before it was read (then no read can be answered here).
func (t *freshKeysTx) noteWrite(key hkv.Key) {
	if len(key) != 2 {
		return
	}
	if isHorizon(key) {
		if !t.known {
			t.touched = true
		}
		return
	}
	if b := key[0]; isIndexBucket(b) && !t.wrote(b) {
		t.written = append(t.written, string(b))
	}
}

func (t *freshKeysTx) wrote(bucket []byte) bool {
	for _, w := range t.written {
		if w == string(bucket) {
			return true
		}
	}
	return false
}

func (t *freshKeysTx) GetBatch(ctx context.Context, keys []hkv.Key) ([]hkv.Value, error) {
	if !t.known {
		vals, err := t.Tx.GetBatch(ctx, keys)
		if err == nil {
			for i, k := range keys {
				t.noteRead(k, vals[i])
			}
		}
		return vals, err
	}
	var (
		ask  []hkv.Key
		from []int
	)
	for i, k := range keys {
		if t.fresh(k) {
			if ask == nil {
				ask = make([]hkv.Key, 0, len(keys))
				from = make([]int, 0, len(keys))
				for j := range i {
					ask = append(ask, keys[j])
					from = append(from, j)
				}
			}
			continue
		}
		if ask != nil {
			ask = append(ask, k)
			from = append(from, i)
		}
	}
	if ask == nil {
		return t.Tx.GetBatch(ctx, keys)
	}
	freshKeySkips.Add(int64(len(keys) - len(ask)))
	vals := make([]hkv.Value, len(keys))
	if len(ask) == 0 {
		return vals, nil
	}
	got, err := t.Tx.GetBatch(ctx, ask)
	if err != nil {
		return nil, err
	}
	for j, v := range got {
		vals[from[j]] = v
	}
	return vals, nil
}

// fresh reports whether key is an index key naming an ID allocated by this
// transaction, in an index it has not written yet: a key the store cannot
// hold.
func (t *freshKeysTx) fresh(key hkv.Key) bool {
	if len(key) != 2 || !isIndexBucket(key[0]) || len(key[1]) != 8*len(key[0]) || t.wrote(key[0]) {
		return false
	}
	for k := key[1]; len(k) > 0; k = k[8:] {
		if binary.BigEndian.Uint64(k) > t.horizon {
			return true
		}
	}
	return false
}

func isHorizon(key hkv.Key) bool {
	return len(key) == 2 && bytes.Equal(key[0], metaBucketName) && bytes.Equal(key[1], horizonKey)
}

// isIndexBucket reports whether name is the bucket of a Cayley quad
// index: one letter per direction (see indexBucket), each at most once.
func isIndexBucket(name []byte) bool {
	if len(name) == 0 || len(name) > 4 {
		return false
	}
	var seen [4]bool
	for _, c := range name {
		i := strings.IndexByte("spoc", c)
		if i < 0 || seen[i] {
			return false
		}
		seen[i] = true
	}
	return true
}
