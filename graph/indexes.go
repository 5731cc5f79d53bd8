package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"

	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
)

// boltIndexes are the quad indexes of a new embedded store. Cayley's
// default two (subject-predicate and object-predicate-subject) leave every
// lookup by label, and by predicate alone, to a scan of all quads; policykg
// finds a document's quads by their labels (replace, remove) and counts
// relations by predicate (stats), so a store without these indexes slows
// down with every document it holds.
//
// Cayley keeps, under each index key, the list of all quad IDs with that
// key, and rewrites the whole list whenever a transaction adds to it. An
// index on the predicate alone would put a tenth of all quads (every
// rdf:type) under one key, rewritten by every build transaction: quadratic
// in the store's size. So the extra indexes go on (label, subject) and
// (predicate, subject): lookups by label or predicate alone are prefix scans
// of them, and each key's list stays as small as one subject's quads.
var boltIndexes = []ckv.QuadIndex{
	{Dirs: []quad.Direction{quad.Subject, quad.Predicate}},
	{Dirs: []quad.Direction{quad.Object, quad.Predicate, quad.Subject}},
	{Dirs: []quad.Direction{quad.Label, quad.Subject}},
	{Dirs: []quad.Direction{quad.Predicate, quad.Subject}},
}

// setBoltIndexes records boltIndexes in a freshly initialised, still empty
// store, before Cayley opens it: Cayley reads the list from the store's
// metadata at open and maintains every index in it. (Cayley's own switch for
// this, the CAYLEY_KV_INDEXES variable, decodes into unexported fields and
// has no effect in this version.)
func setBoltIndexes(dir string) error {
	db, err := hbolt.Open(filepath.Join(dir, "indexes.bolt"), nil)
	if err != nil {
		return fmt.Errorf("create store %s: indexes: %w", dir, err)
	}
	defer db.Close()
	data, err := json.Marshal(boltIndexes)
	if err != nil {
		return err
	}
	ctx := context.Background()
	err = hkv.Update(ctx, db, func(tx hkv.Tx) error {
		for _, ind := range boltIndexes {
			if err := hkv.CreateBucket(ctx, tx, indexBucket(ind)); err != nil {
				return err
			}
		}
		return tx.Put(ctx, hkv.Key{[]byte("meta"), []byte("indexes")}, data)
	})
	if err != nil {
		return fmt.Errorf("create store %s: indexes: %w", dir, err)
	}
	return nil
}

// indexBucket is the bucket Cayley keeps an index in: one byte per
// direction (see QuadIndex.bucket in Cayley's kv package).
func indexBucket(ind ckv.QuadIndex) hkv.Key {
	name := make([]byte, len(ind.Dirs))
	for i, d := range ind.Dirs {
		name[i] = d.Prefix()
	}
	return hkv.Key{name}
}

// labelIndexed reports whether the store can look quads up by label
// without scanning them all: every SQL store (policykg adds the index when
// it opens one) and bolt stores created with boltIndexes. Older bolt stores
// lack the index; documentQuads then reads them in one scan per document.
func (s *Store) labelIndexed() bool {
	if s.loc.Backend != "bolt" {
		return true
	}
	_, ok := s.qs.QuadIterator(quad.Label, ckv.Int64Value(1)).(*ckv.QuadIterator)
	return ok
}
