package graph

import (
	"fmt"
	"os"
	"path/filepath"

	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	hkv "github.com/hidal-go/hidalgo/kv"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	bolt "go.etcd.io/bbolt"
)

// boltBackend is the Cayley backend of embedded stores: Cayley's key-value
// quad store over bbolt (the maintained fork of bolt; the original fails
// Go's pointer checks under the race detector), registered under a name of
// policykg's own so that policykg chooses how bbolt opens the file. The file
// is the one Cayley's "bolt" and "bbolt" backends write (<dir>/indexes.bolt,
// same layout), so `cayley --db bolt --dbpath DIR` reads a policykg store.
const boltBackend = "policykg-bbolt"

func init() {
	ckv.Register(boltBackend, ckv.Registration{
		NewFunc:      openBoltKV,
		InitFunc:     openBoltKV,
		IsPersistent: true,
	})
}

// boltFileOptions are the bbolt options of every writable store. Cayley
// opens bbolt with its defaults, whose list of free pages is an array,
// searched from the start for each allocation and merged and sorted on
// every commit: its cost grows with the number of free pages, and so with
// the store (3% of a 10,000-document build's CPU time). The map freelist
// allocates and frees in constant time; the file format is the same.
func boltFileOptions() *bolt.Options {
	return &bolt.Options{FreelistType: bolt.FreelistMapType}
}

// openBoltKV opens (creating if needed) the bbolt file of the store in
// directory dir, syncing every commit to disk. Its write transactions
// answer reads of index keys that cannot exist yet without a lookup (see
// freshKeysKV). With a positive mappedOption, its transactions trim the
// file's mapping as they end (see trimmedKV). A groupKV given as
// groupOption wraps the result (see Store.apply).
func openBoltKV(dir string, opt cgraph.Options) (hkv.KV, error) {
	db, err := openBoltFile(dir, opt)
	if err != nil {
		return nil, err
	}
	if g, ok := opt[groupOption].(*groupKV); ok {
		g.KV = freshKeysKV{KV: db}
		return g, nil
	}
	return freshKeysKV{KV: db}, nil
}

func openBoltFile(dir string, opt cgraph.Options) (hkv.KV, error) {
	if dir == "" {
		return nil, fmt.Errorf("open bolt store: %w", ckv.ErrEmptyPath)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("open bolt store %s: %w", dir, err)
	}
	file := filepath.Join(dir, "indexes.bolt")
	db, err := hbolt.Open(file, boltFileOptions())
	if err != nil {
		return nil, fmt.Errorf("open bolt store %s: %w", dir, err)
	}
	limit, err := opt.IntKey(mappedOption, 0)
	if err != nil || limit <= 0 {
		return db, nil
	}
	f, err := statMapped(file)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open bolt store %s: %w", dir, err)
	}
	return &trimmedKV{KV: db, bolt: db.DB(), file: f, limit: int64(limit)}, nil
}
