package graph

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	"github.com/gofrs/flock"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	bolt "go.etcd.io/bbolt"
)

// ErrReadOnly is returned by every write to a store opened with
// OpenReadOnly or OpenSnapshot.
var ErrReadOnly = errors.New("store is read-only")

const boltFile = "indexes.bolt"

// lockWait bounds how long OpenReadOnly and OpenSnapshot wait for a writer
// (a running build) to let go of the bolt file.
const lockWait = 2 * time.Second

// OpenReadOnly opens the bolt store in directory dir so that nothing can
// change it: the file is opened O_RDONLY and mapped read-only under a shared
// lock, so any write transaction fails in bolt itself, and the store's
// writer refuses every change with ErrReadOnly before it gets there. (The
// quad store is not wrapped: Cayley's key-value optimiser builds iterators
// that run only on its own type.)
// Cayley's own bolt backend cannot do this (it always opens read-write with
// an exclusive lock), so the file is opened here and handed to Cayley's
// key-value layer. Other readers may hold the store at the same time; a
// writer (policykg build) cannot while it is open, so a server should serve
// a snapshot (OpenSnapshot) rather than the store a build writes to.
//
// It waits briefly for a writer to finish and then fails with ErrLocked.
func OpenReadOnly(ctx context.Context, dir string) (*Store, error) {
	file := filepath.Join(dir, boltFile)
	if _, err := os.Stat(file); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("open store %s: %w (build one with 'policykg build')", dir, ErrNoStore)
		}
		return nil, fmt.Errorf("open store %s: %w", dir, err)
	}
	db, err := bolt.Open(file, 0o444, &bolt.Options{ReadOnly: true, Timeout: lockWait})
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, fmt.Errorf("open store %s: %w (a build is writing it)", dir, ErrLocked)
	}
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", dir, err)
	}
	// The bloom filters only speed up duplicate checks on write; without
	// them a read-only store saves about 300 MB.
	qs, err := kv.New(hbolt.New(db), cgraph.Options{kv.OptNoBloom: true})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", dir, err)
	}
	return &Store{
		loc: Location{Backend: "bolt", Path: dir}, qs: qs,
		qw: readOnlyWriter{}, release: func() {},
	}, nil
}

// OpenSnapshot copies the bolt store at db into a new directory under
// tmpDir and opens the copy with OpenReadOnly. The copy is taken under a
// shared lock, which a builder holding the store excludes, so it is always
// a store as some committed transaction left it. Closing the returned store
// deletes the copy. The original is never opened for writing and is free
// again as soon as the copy is made.
func OpenSnapshot(ctx context.Context, db, tmpDir string) (*Store, error) {
	loc, err := ParseLocation(db)
	if err != nil {
		return nil, err
	}
	if loc.Backend != "bolt" {
		return nil, fmt.Errorf("snapshot %s: only bolt stores can be served read-only", loc)
	}
	dir, err := os.MkdirTemp(tmpDir, "snapshot-")
	if err != nil {
		return nil, fmt.Errorf("snapshot %s: %w", loc, err)
	}
	if err := copyLocked(ctx, filepath.Join(loc.Path, boltFile), filepath.Join(dir, boltFile)); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("snapshot %s: %w", loc, err)
	}
	st, err := OpenReadOnly(ctx, dir)
	if err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	st.release = func() { os.RemoveAll(dir) }
	return st, nil
}

// copyLocked copies the bolt file src to dst while holding a shared lock
// on src, the lock bolt's writers take exclusively.
func copyLocked(ctx context.Context, src, dst string) error {
	in, err := os.Open(src)
	if errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("%w (build one with 'policykg build')", ErrNoStore)
	}
	if err != nil {
		return err
	}
	defer in.Close()
	l := flock.New(src)
	defer l.Close()
	if err := lockWithin(ctx, l.TryRLockContext, lockWait); err != nil {
		return err
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o444)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fmt.Errorf("copy %s: %w", src, err)
	}
	return out.Close()
}

// lockWithin takes a lock with try (a Flock's TryLockContext or
// TryRLockContext), trying until wait has passed; it then returns
// ErrLocked.
func lockWithin(ctx context.Context, try func(context.Context, time.Duration) (bool, error), wait time.Duration) error {
	tctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	ok, err := try(tctx, 20*time.Millisecond)
	switch {
	case ok:
		return nil
	case ctx.Err() != nil:
		return ctx.Err()
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("%w (a build is writing it)", ErrLocked)
	case err != nil:
		return fmt.Errorf("lock: %w", err)
	}
	return fmt.Errorf("%w (a build is writing it)", ErrLocked)
}

// Stamp identifies the current contents of the bolt store at db by its
// file's size and modification time, so a server can notice a build.
func Stamp(db string) (string, error) {
	loc, err := ParseLocation(db)
	if err != nil {
		return "", err
	}
	fi, err := os.Stat(filepath.Join(loc.Path, boltFile))
	if errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("open store %s: %w (build one with 'policykg build')", loc, ErrNoStore)
	}
	if err != nil {
		return "", fmt.Errorf("stat store %s: %w", loc, err)
	}
	return fmt.Sprintf("%d-%d", fi.Size(), fi.ModTime().UnixNano()), nil
}

// readOnlyWriter is the writer of read-only stores: no write path exists.
type readOnlyWriter struct{}

func (readOnlyWriter) AddQuad(quad.Quad) error                    { return ErrReadOnly }
func (readOnlyWriter) AddQuadSet([]quad.Quad) error               { return ErrReadOnly }
func (readOnlyWriter) RemoveQuad(quad.Quad) error                 { return ErrReadOnly }
func (readOnlyWriter) ApplyTransaction(*cgraph.Transaction) error { return ErrReadOnly }
func (readOnlyWriter) RemoveNode(quad.Value) error                { return ErrReadOnly }
func (readOnlyWriter) Close() error                               { return nil }

// CayleyHandle returns the store as a *github.com/cayleygraph/cayley/graph.Handle,
// typed as any so that graph's API stays free of Cayley types. It exists for
// graph/cayleyhttp, which mounts Cayley's own HTTP API on the store; nothing
// else should use it. For a read-only store the handle's writer refuses
// every change.
func (s *Store) CayleyHandle() any {
	return &cgraph.Handle{QuadStore: s.qs, QuadWriter: s.qw}
}
