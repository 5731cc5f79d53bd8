package graph

import (
	"context"
	"sync/atomic"

	hkv "github.com/hidal-go/hidalgo/kv"
	bolt "go.etcd.io/bbolt"
)

// mappedOption is the Cayley option that carries Options.MappedLimit to
// openBoltKV.
const mappedOption = "policykg_mapped_limit"

// trimEvery is how many keys a write transaction reads or writes between
// checks of how much of the file it has mapped.
const trimEvery = 4096

// trimmedKV is a bbolt store that keeps the process's mapping of its file
// near limit bytes (see trimMapped): a write transaction checks every
// trimEvery keys it reads or writes and after it commits, a read transaction when it ends
// and no write is under way, and each drops the file's mapped pages when
// more than limit bytes of files are mapped and resident.
type trimmedKV struct {
	hkv.KV
	bolt    *bolt.DB // the KV's own database
	file    mappedFile
	limit   int64
	writing atomic.Int32 // write transactions open
}

func (db *trimmedKV) Tx(ctx context.Context, rw bool) (hkv.Tx, error) {
	tx, err := db.KV.Tx(ctx, rw)
	if err != nil {
		return nil, err
	}
	if rw {
		db.writing.Add(1)
	}
	return &trimmedTx{Tx: tx, db: db, rw: rw}, nil
}

func (db *trimmedKV) View(ctx context.Context, fn func(tx hkv.Tx) error) error {
	return hkv.View(ctx, db, fn)
}

func (db *trimmedKV) Update(ctx context.Context, fn func(tx hkv.Tx) error) error {
	return hkv.Update(ctx, db, fn)
}

// trimmedTx is a transaction of a trimmedKV.
type trimmedTx struct {
	hkv.Tx
	db   *trimmedKV
	rw   bool
	done bool // committed or closed
	keys int  // keys a write transaction has read or written
}

// Get, GetBatch and Put trim the mapping now and then while a write
// transaction works (a large one touches more of the file than the limit).
// That is safe in the middle of a write transaction: bbolt remaps the file
// only in a commit, and only one write transaction is open at a time, so
// the addresses read from /proc stay those of the store file. What the
// transaction still reads through the mapping (bbolt's nodes point into it)
// comes back from the page cache as it was: bbolt writes with pwrite, to
// pages no open transaction reads, never through the mapping.
func (t *trimmedTx) Get(ctx context.Context, k hkv.Key) (hkv.Value, error) {
	t.touch(1)
	return t.Tx.Get(ctx, k)
}

// GetBatch reads a long batch trimEvery keys at a time.
func (t *trimmedTx) GetBatch(ctx context.Context, keys []hkv.Key) ([]hkv.Value, error) {
	if !t.rw || len(keys) <= trimEvery {
		t.touch(len(keys))
		return t.Tx.GetBatch(ctx, keys)
	}
	out := make([]hkv.Value, 0, len(keys))
	for len(keys) > 0 {
		n := min(len(keys), trimEvery)
		t.touch(n)
		vals, err := t.Tx.GetBatch(ctx, keys[:n])
		if err != nil {
			return nil, err
		}
		out = append(out, vals...)
		keys = keys[n:]
	}
	return out, nil
}

func (t *trimmedTx) Put(ctx context.Context, k hkv.Key, v hkv.Value) error {
	t.touch(1)
	return t.Tx.Put(ctx, k, v)
}

// touch counts n keys about to be read or written by a write transaction
// and trims when they pass another trimEvery.
func (t *trimmedTx) touch(n int) {
	if !t.rw {
		return
	}
	before := t.keys
	t.keys += n
	if t.keys/trimEvery != before/trimEvery && overMapped(t.db.limit) {
		trimMapped(t.db.file)
	}
}

// Commit commits, then trims: the commit reads the header of every page it
// replaces, mapping most of the transaction's pages in again.
func (t *trimmedTx) Commit(ctx context.Context) error {
	err := t.Tx.Commit(ctx)
	t.end()
	return err
}

// Close ends the transaction (rolling a write back) and trims.
func (t *trimmedTx) Close() error {
	err := t.Tx.Close()
	t.end()
	return err
}

func (t *trimmedTx) end() {
	if t.done {
		return
	}
	t.done = true
	if t.rw {
		t.db.writing.Add(-1)
	} else if t.db.writing.Load() > 0 {
		return // the write under way trims when it ends; don't wait for it
	}
	t.db.trim()
}

// trim drops the store file's mapped pages if more than limit bytes of
// files are mapped and resident, under a write transaction of its own:
// while it is open no other can commit, so bbolt cannot remap the file
// while the addresses read from /proc are in use.
func (db *trimmedKV) trim() {
	if !overMapped(db.limit) {
		return
	}
	tx, err := db.bolt.Begin(true)
	if err != nil {
		return // trimming is an economy; the next transaction tries again
	}
	defer tx.Rollback()
	trimMapped(db.file)
}
