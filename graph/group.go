package graph

import (
	"context"
	"errors"
	"sync"

	cgraph "github.com/cayleygraph/cayley/graph"
	hkv "github.com/hidal-go/hidalgo/kv"
)

// groupOption is the Cayley option by which a Store hands openBoltKV the
// groupKV it will write through.
const groupOption = "policykg_group"

// groupKV lets several Cayley write transactions share one bbolt
// transaction, so that they are stored together or not at all.
//
// policykg needs this because Cayley's key-value store cannot apply, in one
// transaction, the removal of quads and the addition of others that name
// the same node, when the removals outnumber the additions for that node
// (cayleygraph/cayley#885): it nets each node's reference changes over the
// transaction, resolves only the nodes whose count goes up, and writes the
// added quads with the other directions missing (ID 0). Replacing a
// document with a shorter version does just that with the document's own
// IRI, and the added quads (the new hash among them) came out with no
// subject and no label. So on bolt a change that removes and adds goes in
// two Cayley transactions, removals first, inside one bbolt transaction.
type groupKV struct {
	hkv.KV
	mu  sync.Mutex // held while a group is open
	cur *groupTx   // the shared transaction, while a group is open
}

type groupTx struct {
	hkv.Tx
	failed bool // a member was closed without committing
}

// groupMember is a Cayley write transaction inside a group: its commit
// waits for the group's, and closing it without a commit fails the group.
type groupMember struct {
	hkv.Tx
	g         *groupTx
	committed bool
}

func (m *groupMember) Commit(ctx context.Context) error {
	m.committed = true
	return nil
}

func (m *groupMember) Close() error {
	if !m.committed {
		m.g.failed = true
	}
	return nil
}

// Tx opens a transaction; a write transaction opened while a group is open
// joins it. Only the goroutine that opened the group writes meanwhile
// (Store.writeMu).
func (db *groupKV) Tx(ctx context.Context, rw bool) (hkv.Tx, error) {
	if rw && db.cur != nil {
		return &groupMember{Tx: db.cur.Tx, g: db.cur}, nil
	}
	return db.KV.Tx(ctx, rw)
}

func (db *groupKV) View(ctx context.Context, fn func(tx hkv.Tx) error) error {
	return hkv.View(ctx, db, fn)
}

func (db *groupKV) Update(ctx context.Context, fn func(tx hkv.Tx) error) error {
	return hkv.Update(ctx, db, fn)
}

// do runs fn with a group open: every write transaction fn opens shares
// one bbolt transaction, committed when fn returns nil and every member
// committed, rolled back otherwise.
func (db *groupKV) do(ctx context.Context, fn func() error) error {
	db.mu.Lock()
	defer db.mu.Unlock()
	tx, err := db.KV.Tx(ctx, true)
	if err != nil {
		return err
	}
	g := &groupTx{Tx: tx}
	db.cur = g
	err = fn()
	db.cur = nil
	if err != nil || g.failed {
		tx.Close()
		if err == nil {
			err = errGroupFailed
		}
		return err
	}
	if err := tx.Commit(ctx); err != nil {
		return err
	}
	return nil
}

var errGroupFailed = errors.New("a write transaction of the group failed")

// apply stores the change tx describes, atomically. On bolt, a change that
// both removes and adds is applied as its removals, then its additions, in
// one bbolt transaction (see groupKV); elsewhere in one Cayley transaction.
func (s *Store) apply(ctx context.Context, tx *cgraph.Transaction) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if s.group == nil {
		return s.qw.ApplyTransaction(tx)
	}
	var del, add []cgraph.Delta
	for _, d := range tx.Deltas {
		if d.Action == cgraph.Delete {
			del = append(del, d)
		} else {
			add = append(add, d)
		}
	}
	if len(del) == 0 || len(add) == 0 {
		return s.qw.ApplyTransaction(tx)
	}
	return s.group.do(ctx, func() error {
		if err := s.qw.ApplyTransaction(&cgraph.Transaction{Deltas: del}); err != nil {
			return err
		}
		return s.qw.ApplyTransaction(&cgraph.Transaction{Deltas: add})
	})
}
