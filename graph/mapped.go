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

// trimmedKV is a bbolt store that keeps the process's mapping of its file
// near limit bytes (see trimMapped): a write transaction after it commits,
// and a read transaction when it ends and no write is under way, drop the
// file's mapped pages when more than limit bytes of files are mapped and
// resident. Trimming in the middle of a write transaction was tried and
// dropped: its commit reads the header of every page it replaces, so the
// peak stayed the same, and refaulting the pages cost 1.8x the page faults
// and 5 s more system time in a 3k-document build.
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
