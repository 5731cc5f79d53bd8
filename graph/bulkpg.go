package graph

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cayleygraph/cayley/graph/refs"
	csql "github.com/cayleygraph/cayley/graph/sql"
	"github.com/cayleygraph/quad"
	"github.com/lib/pq"
)

// pgBulk is a bulk load of a PostgreSQL store. Cayley's SQL backend sends
// one INSERT per node and per quad, and the server checks four foreign
// keys and updates seven indexes for each quad as it comes. A bulk load
// instead runs one transaction that
//
//   - takes a lock that keeps other writers out (readers still read) and
//     checks that both of Cayley's tables are empty;
//   - streams nodes and quads by COPY into two temporary tables, a batch at
//     a time (each node once, as far as a bounded cache of recent hashes
//     can tell: the server drops the rest);
//   - at commit, drops the quads table's indexes and foreign keys, fills
//     Cayley's tables from the temporary ones (each node once, its
//     reference count counted by the server), and creates the indexes and
//     foreign keys again from their own definitions, read from the
//     catalogue, so the schema is Cayley's as it was.
//
// The client holds one batch and the cache, whatever the corpus size. The
// transaction is all or nothing: a load aborted, failed or killed (the
// server rolls back when the connection drops) leaves the store empty.
type pgBulk struct {
	s      *Store
	db     *sql.DB // one connection, for the transaction
	tx     *sql.Tx
	recent [2]map[refs.ValueHash]struct{} // node hashes staged lately: new, old
	nodes  [][]any                        // rows for pgBulkNodes
	quads  [][]any                        // rows for pgBulkQuads
}

const (
	pgBulkNodes = "policykg_bulk_nodes"
	pgBulkQuads = "policykg_bulk_quads"
)

// Variables, so that tests can make them small.
var (
	// pgBulkBatch is how many quads are held before they go to the server.
	pgBulkBatch = 1 << 14
	// pgBulkRecent is how many node hashes each generation of the cache of
	// staged nodes holds: the graph's vocabulary and common places stay in
	// it, so most nodes go to the server once.
	pgBulkRecent = 1 << 16
)

// pgNodeColumns are the columns of Cayley's nodes table but for refs, in
// the order of the rows staged for it.
var pgNodeColumns = []string{"hash", "value", "value_string", "datatype", "language",
	"iri", "bnode", "value_int", "value_bool", "value_float", "value_time"}

var pgQuadColumns = []string{"subject_hash", "predicate_hash", "object_hash", "label_hash"}

func (s *Store) beginPGBulk(ctx context.Context) (_ *pgBulk, err error) {
	db, err := sql.Open("postgres", s.loc.Path)
	if err != nil {
		return nil, fmt.Errorf("bulk load %s: %w", s.loc, err)
	}
	db.SetMaxOpenConns(1)
	// A store in use says so without waiting for the lock below. Only the
	// quads table's owner may drop and make again its indexes (a team
	// member an administrator granted writes to may not).
	var used, owner bool
	err = db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM quads), pg_has_role(relowner, 'USAGE')
		FROM pg_class WHERE oid = 'quads'::regclass`).Scan(&used, &owner)
	switch {
	case err != nil:
		err = fmt.Errorf("bulk load %s: %w", s.loc, err)
	case used:
		err = fmt.Errorf("bulk load %s: %w (it holds quads)", s.loc, ErrNoBulk)
	case !owner:
		err = fmt.Errorf("bulk load %s: %w (only the quads table's owner may rebuild its indexes)", s.loc, ErrNoBulk)
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	// The transaction must outlive an interrupted build: what was taken is
	// committed (or not) as a whole by Commit.
	tx, err := db.BeginTx(context.WithoutCancel(ctx), nil)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("bulk load %s: %w", s.loc, err)
	}
	b := &pgBulk{s: s, db: db, tx: tx}
	defer func() {
		if err != nil {
			b.abort()
		}
	}()
	err = b.exec(ctx,
		`LOCK TABLE nodes, quads IN SHARE ROW EXCLUSIVE MODE`,
		`SET LOCAL synchronize_seqscans = off`, // quads keep the order they came in
	)
	if err == nil {
		err = tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM quads) OR EXISTS (SELECT 1 FROM nodes)`).Scan(&used)
	}
	if err != nil {
		return nil, fmt.Errorf("bulk load %s: %w", s.loc, err)
	}
	if used {
		return nil, fmt.Errorf("bulk load %s: %w (it holds quads)", s.loc, ErrNoBulk)
	}
	err = b.exec(ctx,
		`CREATE TEMPORARY TABLE `+pgBulkNodes+` ON COMMIT DROP AS
			SELECT `+columnList(pgNodeColumns)+` FROM nodes WITH NO DATA`,
		`CREATE TEMPORARY TABLE `+pgBulkQuads+` ON COMMIT DROP AS
			SELECT `+columnList(pgQuadColumns)+` FROM quads WITH NO DATA`,
	)
	if err != nil {
		return nil, fmt.Errorf("bulk load %s: staging tables: %w", s.loc, err)
	}
	b.recent = [2]map[refs.ValueHash]struct{}{{}, {}}
	return b, nil
}

func (b *pgBulk) exec(ctx context.Context, stmts ...string) error {
	for _, q := range stmts {
		if _, err := b.tx.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("%s: %w", firstWords(q), err)
		}
	}
	return nil
}

func (b *pgBulk) add(qs []quad.Quad) error {
	// Encode the document's new nodes before staging anything of it, so
	// that a value PostgreSQL would refuse costs this document only.
	var fresh []refs.ValueHash
	var rows [][]any
	isNew := map[refs.ValueHash]bool{}
	quads := make([][]any, len(qs))
	for k, q := range qs {
		row := make([]any, 4)
		for i, d := range quad.Directions {
			v := q.Get(d)
			if v == nil {
				continue
			}
			h := refs.HashOf(v)
			row[i] = h[:]
			if b.staged(h) || isNew[h] {
				continue
			}
			node, err := pgNodeRow(h, v)
			if err != nil {
				return fmt.Errorf("value %v: %w: %w", v, errBadValue, err)
			}
			isNew[h] = true
			fresh = append(fresh, h)
			rows = append(rows, node)
		}
		quads[k] = row
	}
	for _, h := range fresh {
		b.remember(h)
	}
	b.nodes = append(b.nodes, rows...)
	b.quads = append(b.quads, quads...)
	if len(b.quads) >= pgBulkBatch {
		return b.flush()
	}
	return nil
}

func (b *pgBulk) staged(h refs.ValueHash) bool {
	if _, ok := b.recent[0][h]; ok {
		return true
	}
	_, ok := b.recent[1][h]
	return ok
}

func (b *pgBulk) remember(h refs.ValueHash) {
	if len(b.recent[0]) >= pgBulkRecent {
		b.recent = [2]map[refs.ValueHash]struct{}{make(map[refs.ValueHash]struct{}, pgBulkRecent), b.recent[0]}
	}
	b.recent[0][h] = struct{}{}
}

// pgNodeRow is a node's row for pgBulkNodes: Cayley's encoding
// (csql.NodeValues) spread over pgNodeColumns. Text PostgreSQL would
// refuse (not UTF-8) and times out of its range are errors here, where
// they cost one document, rather than in a COPY, where they would fail
// the whole load.
func pgNodeRow(h refs.ValueHash, v quad.Value) ([]any, error) {
	typ, vals, err := csql.NodeValues(csql.NodeHash{ValueHash: h}, v)
	if err != nil {
		return nil, err
	}
	row := make([]any, len(pgNodeColumns))
	row[0] = vals[0]
	for i, col := range typ.Columns() {
		x := vals[i+1]
		switch x := x.(type) {
		case string:
			if !utf8.ValidString(x) {
				return nil, fmt.Errorf("%s is not UTF-8", col)
			}
		case time.Time:
			if y := x.Year(); y < -4712 || y > 294275 {
				return nil, fmt.Errorf("time %v out of PostgreSQL's range", x)
			}
		}
		row[pgColumnIndex[col]] = x
	}
	return row, nil
}

var pgColumnIndex = func() map[string]int {
	m := map[string]int{}
	for i, c := range pgNodeColumns {
		m[c] = i
	}
	return m
}()

// flush sends the held rows to the staging tables.
func (b *pgBulk) flush() error {
	if err := b.copyIn(pgBulkNodes, pgNodeColumns, b.nodes); err != nil {
		return err
	}
	b.nodes = b.nodes[:0]
	if err := b.copyIn(pgBulkQuads, pgQuadColumns, b.quads); err != nil {
		return err
	}
	b.quads = b.quads[:0]
	return nil
}

func (b *pgBulk) copyIn(table string, cols []string, rows [][]any) (err error) {
	if len(rows) == 0 {
		return nil
	}
	stmt, err := b.tx.Prepare(pq.CopyIn(table, cols...))
	if err != nil {
		return fmt.Errorf("copy into %s: %w", table, err)
	}
	defer func() {
		if cerr := stmt.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("copy into %s: %w", table, cerr)
		}
	}()
	for _, r := range rows {
		if _, err := stmt.Exec(r...); err != nil {
			return fmt.Errorf("copy into %s: %w", table, err)
		}
	}
	if _, err := stmt.Exec(); err != nil {
		return fmt.Errorf("copy into %s: %w", table, err)
	}
	return nil
}

// commit fills Cayley's tables from the staging ones and commits.
func (b *pgBulk) commit(ctx context.Context) error {
	if err := b.flush(); err != nil {
		return err
	}
	// The quads table's secondary indexes and foreign keys, as the
	// catalogue defines them, to be dropped and made again once the
	// table is full: one sorted build each instead of a random insert per
	// quad, one join each instead of a lookup per quad.
	type object struct{ name, def string }
	list := func(q string) ([]object, error) {
		rows, err := b.tx.QueryContext(ctx, q)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []object
		for rows.Next() {
			var o object
			if err := rows.Scan(&o.name, &o.def); err != nil {
				return nil, err
			}
			out = append(out, o)
		}
		return out, rows.Err()
	}
	fks, err := list(`SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
		WHERE conrelid = 'quads'::regclass AND contype = 'f' ORDER BY conname`)
	if err != nil {
		return fmt.Errorf("read the quads table's foreign keys: %w", err)
	}
	idx, err := list(`SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i
		WHERE i.indrelid = 'quads'::regclass AND NOT i.indisprimary
		AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
		ORDER BY 1`)
	if err != nil {
		return fmt.Errorf("read the quads table's indexes: %w", err)
	}
	var stmts []string
	for _, fk := range fks {
		stmts = append(stmts, `ALTER TABLE quads DROP CONSTRAINT `+pq.QuoteIdentifier(fk.name))
	}
	for _, ix := range idx {
		stmts = append(stmts, `DROP INDEX `+ix.name)
	}
	cols := columnList(pgNodeColumns[1:])
	stmts = append(stmts,
		// Memory for the server's sorts and index builds in this
		// transaction only.
		`SET LOCAL work_mem = '64MB'`,
		`SET LOCAL maintenance_work_mem = '256MB'`,
		`INSERT INTO nodes (hash, refs, `+cols+`)
			SELECT DISTINCT ON (n.hash) n.hash, c.refs, `+prefixed("n.", pgNodeColumns[1:])+`
			FROM `+pgBulkNodes+` n JOIN (
				SELECT h, count(*)::int AS refs FROM (
					SELECT subject_hash FROM `+pgBulkQuads+`
					UNION ALL SELECT predicate_hash FROM `+pgBulkQuads+`
					UNION ALL SELECT object_hash FROM `+pgBulkQuads+`
					UNION ALL SELECT label_hash FROM `+pgBulkQuads+` WHERE label_hash IS NOT NULL
				) AS d (h) GROUP BY h
			) AS c ON c.h = n.hash
			ORDER BY n.hash`,
		`INSERT INTO quads (`+columnList(pgQuadColumns)+`, ts)
			SELECT `+columnList(pgQuadColumns)+`, now() FROM `+pgBulkQuads,
	)
	for _, ix := range idx {
		stmts = append(stmts, ix.def)
	}
	for _, fk := range fks {
		stmts = append(stmts, `ALTER TABLE quads ADD CONSTRAINT `+pq.QuoteIdentifier(fk.name)+` `+fk.def)
	}
	if err := b.exec(ctx, stmts...); err != nil {
		return err
	}
	if err := b.tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	b.tx = nil
	// The planner's statistics for the tables just filled; without them
	// the first queries plan for empty tables until autovacuum comes by.
	// The load is stored whatever happens here, so a failure (the
	// connection lost, say) is not the load's.
	b.db.ExecContext(ctx, `ANALYZE nodes, quads`)
	b.db.Close()
	// Cayley's store caches counts; open it afresh.
	return b.s.reopenSQL()
}

func (b *pgBulk) abort() {
	if b.tx != nil {
		b.tx.Rollback()
		b.tx = nil
	}
	b.db.Close()
	b.nodes, b.quads = nil, nil
}

func columnList(cols []string) string { return prefixed("", cols) }

func prefixed(prefix string, cols []string) string {
	var b strings.Builder
	for i, c := range cols {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(prefix + c)
	}
	return b.String()
}

// firstWords names a statement in an error: its first few words.
func firstWords(q string) string {
	w := strings.Fields(q)
	return strings.Join(w[:min(len(w), 4)], " ")
}
