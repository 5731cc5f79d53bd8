package graph

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/graph/sql/cockroach"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres"
	_ "github.com/cayleygraph/cayley/writer" // registers the "single" writer
	"github.com/gofrs/flock"
)

// Sentinel errors; wrapped with the store's location.
var (
	ErrNotFound = errors.New("not found")
	ErrLocked   = errors.New("in use by another process")
	ErrNoStore  = errors.New("no store")
)

// Options control how a store is opened.
type Options struct {
	// Create makes a new, empty store where none exists.
	Create bool
	// MappedLimit, when positive, bounds how many bytes of a bolt store's
	// file stay mapped into the process between write transactions (see
	// trimMapped); reads are not affected. Other backends ignore it.
	MappedLimit int64
}

// Store is an open Cayley quad store. Methods are safe for concurrent use
// by readers; writes are serialised by the backend.
type Store struct {
	loc     Location
	qs      cgraph.QuadStore
	qw      cgraph.QuadWriter
	release func() // drops the process lock, if any
	opt     Options
	writeMu sync.Mutex // serialises writes (see Store.apply)
	group   *groupKV   // bolt: lets one change span Cayley transactions
	bulk    *Bulk      // the bulk load in progress, if any
}

// Location says which backend holds a store and where.
type Location struct {
	Backend string // "bolt", "postgres" or "cockroach"
	Path    string // directory for bolt, connection URL for the SQL backends
}

func (l Location) String() string {
	if l.Backend == "bolt" {
		return l.Path
	}
	return redactURL(l.Path)
}

// ParseLocation reads a --db value: a plain path or bolt:PATH means an
// embedded bolt store; postgres:// and postgresql:// URLs mean PostgreSQL;
// cockroach:// URLs mean CockroachDB, reached with the PostgreSQL wire
// protocol (the URL is rewritten to the postgresql:// form its driver takes).
func ParseLocation(db string) (Location, error) {
	switch {
	case db == "":
		return Location{}, fmt.Errorf("open store: empty location")
	case strings.HasPrefix(db, "postgres://"), strings.HasPrefix(db, "postgresql://"):
		return Location{Backend: "postgres", Path: db}, nil
	case strings.HasPrefix(db, "cockroach://"), strings.HasPrefix(db, "cockroachdb://"):
		_, rest, _ := strings.Cut(db, "://")
		return Location{Backend: "cockroach", Path: "postgresql://" + rest}, nil
	case strings.HasPrefix(db, "bolt:"):
		return Location{Backend: "bolt", Path: strings.TrimPrefix(db, "bolt:")}, nil
	case strings.Contains(db, "://"):
		return Location{}, fmt.Errorf("open store %s: unsupported scheme (want a path, bolt:PATH, postgres:// or cockroach://)", redactURL(db))
	}
	return Location{Backend: "bolt", Path: db}, nil
}

// Open opens the store at db (see ParseLocation).
func Open(ctx context.Context, db string, opt Options) (*Store, error) {
	loc, err := ParseLocation(db)
	if err != nil {
		return nil, err
	}
	s := &Store{loc: loc, release: func() {}, opt: opt}
	switch loc.Backend {
	case "bolt":
		err = s.openBolt(opt)
	default:
		err = s.openSQL(ctx, opt)
	}
	if err != nil {
		return nil, err
	}
	if err := s.openWriter(); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

func (s *Store) openWriter() error {
	qw, err := cgraph.NewQuadWriter("single", s.qs, cgraph.Options{
		"ignore_missing": true, "ignore_duplicate": s.loc.Backend != "cockroach",
	})
	if err != nil {
		return fmt.Errorf("open store %s: writer: %w", s.loc, err)
	}
	s.qw = qw
	return nil
}

func (s *Store) openBolt(opt Options) error {
	dir := s.loc.Path
	file := filepath.Join(dir, "indexes.bolt")
	if _, err := os.Stat(file); errors.Is(err, os.ErrNotExist) {
		if !opt.Create {
			return fmt.Errorf("open store %s: %w (build one with 'policykg build')", dir, ErrNoStore)
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("create store %s: %w", dir, err)
		}
		release, err := lockDir(dir)
		if err != nil {
			return err
		}
		s.release = release
		if err := cgraph.InitQuadStore(boltBackend, dir, boltOptions); err != nil {
			return fmt.Errorf("create store %s: %w", dir, err)
		}
		if err := setBoltIndexes(dir); err != nil {
			return err
		}
	} else {
		release, err := lockDir(dir)
		if err != nil {
			return err
		}
		s.release = release
		// Cayley waits forever for bolt's lock; find out first whether
		// someone else (a plain cayley process, say) holds it.
		if err := probeLock(file); err != nil {
			s.release()
			return fmt.Errorf("open store %s: %w", dir, err)
		}
	}
	qs, err := cgraph.NewQuadStore(boltBackend, dir, s.boltQuadStoreOptions())
	if errors.Is(err, cgraph.ErrNotInitialized) {
		// A process killed while creating the store leaves a bolt file
		// without Cayley's metadata: no data was ever written to it.
		if !opt.Create {
			s.release()
			return fmt.Errorf("open store %s: %w (its creation was interrupted; build into it to create it)", dir, ErrNoStore)
		}
		if err = cgraph.InitQuadStore(boltBackend, dir, boltOptions); err == nil {
			if err = setBoltIndexes(dir); err == nil {
				qs, err = cgraph.NewQuadStore(boltBackend, dir, s.boltQuadStoreOptions())
			}
		}
	}
	if err != nil {
		s.release()
		return fmt.Errorf("open store %s: %w", dir, err)
	}
	s.qs = qs
	return nil
}

// boltQuadStoreOptions are the options Cayley opens the store's file with:
// they carry the mapped limit and a new groupKV for openBoltKV to fill in.
func (s *Store) boltQuadStoreOptions() cgraph.Options {
	opt := maps.Clone(boltOptions)
	if s.opt.MappedLimit > 0 {
		opt[mappedOption] = int(s.opt.MappedLimit)
	}
	s.group = &groupKV{}
	opt[groupOption] = s.group
	return opt
}

// closeQuadStore closes a bolt store's file, keeping the directory lock.
func (s *Store) closeQuadStore() error {
	err := s.qw.Close()
	if cerr := s.qs.Close(); err == nil {
		err = cerr
	}
	s.qw, s.qs = nil, nil
	return err
}

// openQuadStore opens a bolt store's file again after closeQuadStore.
func (s *Store) openQuadStore() error {
	qs, err := cgraph.NewQuadStore(boltBackend, s.loc.Path, s.boltQuadStoreOptions())
	if err != nil {
		return fmt.Errorf("open store %s: %w", s.loc, err)
	}
	s.qs = qs
	return s.openWriter()
}

// lockDir takes policykg's own lock on a store directory for the life of
// the Store, failing at once if another process holds it.
func lockDir(dir string) (func(), error) {
	l := flock.New(filepath.Join(dir, "policykg.lock"), flock.SetPermissions(0o644))
	ok, err := l.TryLock()
	if err != nil {
		return nil, fmt.Errorf("lock store %s: %w", dir, err)
	}
	if !ok {
		l.Close()
		return nil, fmt.Errorf("open store %s: %w", dir, ErrLocked)
	}
	return func() { l.Close() }, nil
}

// probeLock checks that no process holds bolt's own lock on file.
func probeLock(file string) error {
	l := flock.New(file)
	defer l.Close()
	ok, err := l.TryLock()
	if err != nil || ok {
		return err
	}
	// Readers (a server copying a snapshot) hold it shared, briefly: wait
	// for them; a writer holds it exclusively: fail at once.
	if ok, err := l.TryRLock(); err != nil {
		return err
	} else if !ok {
		return ErrLocked
	}
	if err := l.Unlock(); err != nil {
		return err
	}
	return lockWithin(context.Background(), l.TryLockContext, readerWait)
}

// readerWait bounds how long a writer waits for readers of a bolt file.
const readerWait = 30 * time.Second

// Location returns where the store lives.
func (s *Store) Location() Location { return s.loc }

// Close closes the store and releases its lock.
func (s *Store) Close() error {
	if s.bulk != nil {
		s.bulk.Abort() // never committed: the store stays as it was
	}
	var err error
	if s.qw != nil {
		err = s.qw.Close()
	}
	if s.qs != nil {
		if cerr := s.qs.Close(); err == nil {
			err = cerr
		}
	}
	s.release()
	if err != nil {
		return fmt.Errorf("close store %s: %w", s.loc, err)
	}
	return nil
}

// redactURL hides a password in a connection URL.
func redactURL(u string) string {
	at := strings.Index(u, "@")
	scheme := strings.Index(u, "://")
	if at < 0 || scheme < 0 || at < scheme {
		return u
	}
	creds := u[scheme+3 : at]
	if user, _, ok := strings.Cut(creds, ":"); ok {
		return u[:scheme+3] + user + ":xxxxx" + u[at:]
	}
	return u
}
