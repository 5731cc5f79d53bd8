package graph

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log"

	"github.com/cayleygraph/cayley/clog"
	cgraph "github.com/cayleygraph/cayley/graph"
)

// boltOptions open bolt stores without Cayley's bloom filters. Those filters
// take about 78 MB each (six of them on a new store with policykg's four
// indexes, one on an old one, filled by a scan of the whole log at every
// open). On an old store they only speed up duplicate checks, which
// ReplaceDocument does not need (it never adds a quad it has not first seen
// missing). On an empty store they also let a first build write new keys
// without looking them up: a 10k-document build with them ran as fast as
// `cayley load` but at its memory (docs/SCALING.md), so they stay off.
var boltOptions = cgraph.Options{"no_bloom": true}

// SQLConnections is how many connections to a SQL store are kept open
// between queries. Cayley's default (database/sql's) keeps two, so a
// build's concurrent hash lookups opened and closed a connection for
// nearly every query, and an unchanged rebuild of 10,000 documents took
// longer with 16 lookups in flight than with 2.
const SQLConnections = 16

// sqlOptions are Cayley's options for the SQL backends.
var sqlOptions = cgraph.Options{"maxidleconnections": SQLConnections}

// sqlDrivers names the database/sql driver each SQL backend registers.
var sqlDrivers = map[string]string{"postgres": "postgres", "cockroach": "pgx"}

// openSQL opens a PostgreSQL or CockroachDB store, creating its tables
// first when opt.Create is set and they are missing.
func (s *Store) openSQL(ctx context.Context, opt Options) error {
	exists, err := s.sqlSchemaExists(ctx)
	if err != nil {
		return fmt.Errorf("open store %s: %w", s.loc, err)
	}
	if !exists {
		if !opt.Create {
			return fmt.Errorf("open store %s: %w (create one with 'policykg init --db URL')", s.loc, ErrNoStore)
		}
		if err := s.initSQL(ctx); err != nil {
			return fmt.Errorf("create store %s: %w", s.loc, err)
		}
	}
	if err := s.ensureLabelIndex(ctx); err != nil {
		return fmt.Errorf("open store %s: index quads by label: %w", s.loc, err)
	}
	qs, err := cgraph.NewQuadStore(s.loc.Backend, s.loc.Path, sqlOptions)
	if err != nil {
		return fmt.Errorf("open store %s: %w", s.loc, err)
	}
	s.qs = qs
	return nil
}

// ensureLabelIndex adds policykg's index of quads by label when it is
// missing. Only the tables' owner may create it; anyone else (a team
// member an administrator granted writes to) opens the store without it,
// and finding a document's quads falls back to a scan.
func (s *Store) ensureLabelIndex(ctx context.Context) error {
	return s.withSQL(ctx, func(db *sql.DB) error {
		var present bool
		err := db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_indexes
			WHERE schemaname = current_schema() AND tablename = 'quads' AND indexname = 'policykg_label_index')`).Scan(&present)
		if err != nil || present {
			return err
		}
		_, err = db.ExecContext(ctx, labelIndex)
		var state interface{ SQLState() string }
		if errors.As(err, &state) && state.SQLState() == "42501" { // insufficient privilege
			return nil
		}
		return err
	})
}

// initSQL creates Cayley's tables. On CockroachDB it then relaxes one
// index: Cayley makes (subject, predicate, object) unique there whatever
// the label, which would keep a fact from carrying the evidence of a
// second document. PostgreSQL gets the partial index Cayley intends.
func (s *Store) initSQL(ctx context.Context) error {
	err := cgraph.InitQuadStore(s.loc.Backend, s.loc.Path, nil)
	if errors.Is(err, cgraph.ErrDatabaseExists) {
		return nil // created meanwhile by another process
	}
	if err != nil || s.loc.Backend != "cockroach" {
		return err
	}
	return s.withSQL(ctx, func(db *sql.DB) error {
		for _, stmt := range []string{
			`DROP INDEX quads@spo_unique CASCADE`,
			`CREATE UNIQUE INDEX spo_unique ON quads (subject_hash, predicate_hash, object_hash) WHERE label_hash IS NULL`,
		} {
			if _, err := db.ExecContext(ctx, stmt); err != nil {
				return fmt.Errorf("%s: %w", stmt, err)
			}
		}
		return nil
	})
}

// sqlSchemaExists reports whether the database holds Cayley's quads table.
func (s *Store) sqlSchemaExists(ctx context.Context) (bool, error) {
	var n int
	err := s.withSQL(ctx, func(db *sql.DB) error {
		return db.QueryRowContext(ctx, `SELECT count(*) FROM information_schema.tables
			WHERE table_schema = current_schema() AND table_name IN ('quads', 'nodes')`).Scan(&n)
	})
	return n == 2, err
}

// withSQL runs fn over a short-lived connection to the store's database.
func (s *Store) withSQL(ctx context.Context, fn func(*sql.DB) error) error {
	db, err := sql.Open(sqlDrivers[s.loc.Backend], s.loc.Path)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.PingContext(ctx); err != nil {
		return err
	}
	return fn(db)
}

// Cayley logs each failed SQL statement before returning the error, which
// policykg then reports itself, naming the document; keep the log quiet so
// a bad document is reported once.
func init() { clog.SetLogger(quietLog{}) }

type quietLog struct{}

func (quietLog) Infof(string, ...any)              {}
func (quietLog) Warningf(string, ...any)           {}
func (quietLog) Errorf(string, ...any)             {}
func (quietLog) Fatalf(format string, args ...any) { log.Fatalf(format, args...) }
func (quietLog) V(int) bool                        { return false }
func (quietLog) SetV(int)                          {}

// reopenSQL opens Cayley's store on the same database again: after a bulk
// load, whose writes its cached counts do not know of.
func (s *Store) reopenSQL() error {
	err := s.qw.Close()
	if cerr := s.qs.Close(); err == nil {
		err = cerr
	}
	s.qw, s.qs = nil, nil
	if err != nil {
		return fmt.Errorf("reopen store %s: %w", s.loc, err)
	}
	qs, err := cgraph.NewQuadStore(s.loc.Backend, s.loc.Path, sqlOptions)
	if err != nil {
		return fmt.Errorf("reopen store %s: %w", s.loc, err)
	}
	s.qs = qs
	return s.openWriter()
}
