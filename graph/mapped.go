package graph

import (
	"context"

	hkv "github.com/hidal-go/hidalgo/kv"
	bolt "go.etcd.io/bbolt"
)

// mappedOption is the Cayley option that carries Options.MappedLimit to
// openBoltKV.
const mappedOption = "policykg_mapped_limit"

// trimmedKV is a bbolt store whose write transactions, as they commit,
// drop the process's mapping of the store file's pages once more than
// limit bytes of files are mapped and resident (see trimMapped).
type trimmedKV struct {
	hkv.KV
	bolt  *bolt.DB // the KV's own database
	file  mappedFile
	limit int64
}

func (db *trimmedKV) Tx(ctx context.Context, rw bool) (hkv.Tx, error) {
	tx, err := db.KV.Tx(ctx, rw)
	if err != nil || !rw {
		return tx, err
	}
	return trimmedTx{Tx: tx, db: db}, nil
}

func (db *trimmedKV) View(ctx context.Context, fn func(tx hkv.Tx) error) error {
	return hkv.View(ctx, db, fn)
}

func (db *trimmedKV) Update(ctx context.Context, fn func(tx hkv.Tx) error) error {
	return hkv.Update(ctx, db, fn)
}

// trimmedTx is a write transaction of a trimmedKV.
type trimmedTx struct {
	hkv.Tx
	db *trimmedKV
}

// Commit commits, then trims the mapping under a write transaction of its
// own: while one is open, no other can commit, and bbolt remaps the file
// only in a commit, so the addresses read from /proc stay those of the
// store file until the trim is done. (Trimming before the commit would
// leave most pages of the transaction mapped again: the commit reads the
// header of every page it replaces.) The pages dropped are the file's own,
// unchanged: bbolt writes with pwrite, never through the mapping, so a
// reader that touches one again reads it back from the page cache as it was.
func (t trimmedTx) Commit(ctx context.Context) error {
	if err := t.Tx.Commit(ctx); err != nil {
		return err
	}
	t.db.trim()
	return nil
}

// trim drops the store file's mapped pages if more than limit bytes of
// files are mapped and resident (see trimMapped).
func (db *trimmedKV) trim() {
	if !overMapped(db.limit) {
		return
	}
	tx, err := db.bolt.Begin(true)
	if err != nil {
		return // trimming is an economy; the next commit tries again
	}
	defer tx.Rollback()
	trimMapped(db.file)
}
