package graph

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	"github.com/policykg/policykg/extract"
	"github.com/policykg/policykg/graph/storetest"
	"github.com/policykg/policykg/ontology"
	bolt "go.etcd.io/bbolt"
	"google.golang.org/protobuf/proto"
)

// testdataExtractions extracts every text of the repository's test sets:
// about forty documents naming many of the same places.
func testdataExtractions(t *testing.T) []ontology.Extraction {
	t.Helper()
	files, err := filepath.Glob("../testdata/*/*/doc.txt")
	if err != nil || len(files) < 20 {
		t.Fatalf("test texts: %d found, %v", len(files), err)
	}
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	var out []ontology.Extraction
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		id := ontology.DocumentID(filepath.Base(filepath.Dir(f)))
		ex, err := x.Extract(ontology.Document{ID: id, Path: f, Hash: "h-" + string(id)}, text)
		if err != nil {
			t.Fatalf("extract %s: %v", f, err)
		}
		out = append(out, ex)
	}
	return out
}

// storeDump is a bolt file's content with Cayley's IDs resolved to values:
// what two stores holding the same graph must agree on, however their IDs
// were handed out.
type storeDump struct {
	quads []string          // live quads, as N-Quads, sorted
	refs  map[string]uint64 // node value (N-Quads form) to reference count
	size  int64             // Cayley's quad count
	// schema is, on PostgreSQL, the quads table's indexes and constraints.
	schema []string
}

// dumpBolt reads a closed store's file and checks its node tables against
// its log: every node has its ID under its hash ("v" buckets) and a count
// ("n" buckets), and the horizon is at or past every ID.
func dumpBolt(t *testing.T, dir string) storeDump {
	t.Helper()
	file := filepath.Join(dir, "indexes.bolt")
	checkIndexes(t, file)
	db, err := bolt.Open(file, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	d := storeDump{refs: map[string]uint64{}}
	err = db.View(func(tx *bolt.Tx) error {
		values := map[uint64]quad.Value{}
		var quads []*cproto.Primitive
		var maxID uint64
		err := tx.Bucket([]byte("log")).ForEach(func(k, v []byte) error {
			var p cproto.Primitive
			if err := proto.Unmarshal(v, &p); err != nil {
				return err
			}
			if binary.BigEndian.Uint64(k) != p.ID {
				t.Errorf("log key %x holds primitive %d", k, p.ID)
			}
			maxID = max(maxID, p.ID)
			if p.IsNode() {
				val, err := pquads.UnmarshalValue(p.Value)
				if err != nil {
					return err
				}
				values[p.ID] = val
				h := quad.HashOf(val)
				vb := tx.Bucket([]byte{'v', h[0], h[1]})
				nb := tx.Bucket([]byte{'n', h[0], h[1]})
				if vb == nil || nb == nil {
					t.Errorf("node %d (%v): no node buckets", p.ID, val)
					return nil
				}
				id, _ := binary.Uvarint(vb.Get(h))
				if id != p.ID {
					t.Errorf("node %v: ID %d under its hash, %d in the log", val, id, p.ID)
				}
				n, _ := binary.Uvarint(nb.Get(h))
				d.refs[quad.StringOf(val)] = n
			} else if !p.Deleted {
				quads = append(quads, &p)
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, p := range quads {
			var q quad.Quad
			for _, dir := range quad.Directions {
				if id := p.GetDirection(dir); id != 0 {
					q.Set(dir, values[id])
				}
			}
			d.quads = append(d.quads, q.NQuad())
		}
		meta := tx.Bucket([]byte("meta"))
		d.size = int64(binary.LittleEndian.Uint64(meta.Get([]byte("size"))))
		if h := binary.LittleEndian.Uint64(meta.Get([]byte("horizon"))); h < maxID {
			t.Errorf("horizon %d is below ID %d", h, maxID)
		}
		for _, name := range [][]byte{[]byte("version"), []byte("indexes")} {
			if meta.Get(name) == nil {
				t.Errorf("no meta %s", name)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(d.quads)
	return d
}

func compareDumps(t *testing.T, what string, got, want storeDump) {
	t.Helper()
	if got.size != want.size || len(got.quads) != len(want.quads) {
		t.Errorf("%s: %d quads (%d counted), want %d (%d counted)", what, len(got.quads), got.size, len(want.quads), want.size)
	}
	if !slices.Equal(got.quads, want.quads) {
		for _, q := range got.quads {
			if _, ok := slices.BinarySearch(want.quads, q); !ok {
				t.Errorf("%s: extra quad %s", what, q)
				break
			}
		}
		for _, q := range want.quads {
			if _, ok := slices.BinarySearch(got.quads, q); !ok {
				t.Errorf("%s: missing quad %s", what, q)
				break
			}
		}
	}
	if !slices.Equal(got.schema, want.schema) {
		t.Errorf("%s: indexes and constraints\n%s\nwant\n%s", what, strings.Join(got.schema, "\n"), strings.Join(want.schema, "\n"))
	}
	if len(got.refs) != len(want.refs) {
		t.Errorf("%s: %d nodes, want %d", what, len(got.refs), len(want.refs))
	}
	bad := 0
	for v, n := range want.refs {
		if got.refs[v] != n && bad < 5 {
			bad++
			t.Errorf("%s: node %s counted %d times, want %d", what, v, got.refs[v], n)
		}
	}
}

// withSmallRuns makes bulk loads spill their index entries every few
// hundred quads, so that the merge of runs on disk is exercised.
func withSmallRuns(t *testing.T, n int) {
	old := bulkRunRecords
	bulkRunRecords = n
	t.Cleanup(func() { bulkRunRecords = old })
}

// withSmallBatches makes PostgreSQL bulk loads send their rows every few
// hundred quads and forget the nodes they sent after a few hundred more,
// so that many COPYs run and nodes are staged more than once.
func withSmallBatches(t *testing.T, quads, nodes int) {
	oldQ, oldN := pgBulkBatch, pgBulkRecent
	pgBulkBatch, pgBulkRecent = quads, nodes
	t.Cleanup(func() { pgBulkBatch, pgBulkRecent = oldQ, oldN })
}

func bulkLoad(t *testing.T, db string, exs []ontology.Extraction) *Store {
	t.Helper()
	ctx := context.Background()
	s, err := Open(ctx, db, Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.BeginBulk(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, ex := range exs {
		res, err := b.Add(ex)
		if err != nil {
			t.Fatal(err)
		}
		if res.Added == 0 || res.Removed != 0 {
			t.Fatalf("bulk add %s: %+v", ex.Document.ID, res)
		}
	}
	if err := b.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	return s
}

// bulkWithOne begins a load into s and adds one small document to it.
func bulkWithOne(t *testing.T, s *Store, id ontology.DocumentID) *Bulk {
	t.Helper()
	b, err := s.BeginBulk(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Add(sample(id, "Caofeidian district of Tangshan city has a port.")); err != nil {
		t.Fatal(err)
	}
	return b
}

func batchLoad(t *testing.T, db string, exs []ontology.Extraction) *Store {
	t.Helper()
	ctx := context.Background()
	s, err := Open(ctx, db, Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(exs); i += 8 {
		for _, w := range s.ReplaceDocuments(ctx, exs[i:min(i+8, len(exs))]) {
			if w.Err != nil {
				t.Fatal(w.Err)
			}
		}
	}
	return s
}

// TestBulkMatchesTransactions loads the same documents through Cayley's
// transactions and in bulk, on each backend, then compares the two stores
// (see dumpStore): the same quads, nodes with the same values and
// reference counts, and on bolt every index listing every quad once under
// its key, on PostgreSQL the same indexes and constraints. Then both
// stores take the same later changes through Cayley (a changed document, a
// removed one, a new one) and must still agree.
func TestBulkMatchesTransactions(t *testing.T) {
	withSmallRuns(t, 500)
	withSmallBatches(t, 700, 300)
	exs := testdataExtractions(t)
	for _, be := range storetest.Backends() {
		t.Run(be.Name, func(t *testing.T) {
			testBulkMatchesTransactions(t, be.New(t), be.New(t), exs)
		})
	}
}

func testBulkMatchesTransactions(t *testing.T, tloc, bloc string, exs []ontology.Extraction) {
	ctx := context.Background()
	first, later := exs[:len(exs)-1], exs[len(exs)-1]
	ts := batchLoad(t, tloc, first)
	bs := bulkLoad(t, bloc, first)

	// The bulk-loaded store answers through Cayley as the other does.
	for _, ex := range first[:3] {
		want, err := ts.DocumentQuads(ctx, ex.Document.ID)
		if err != nil {
			t.Fatal(err)
		}
		got, err := bs.DocumentQuads(ctx, ex.Document.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) || len(got) == 0 {
			t.Errorf("document %s: bulk store holds %d quads, want %d", ex.Document.ID, len(got), len(want))
		}
		if same, err := bs.HasHash(ctx, ex.Document.ID, ex.Document.Hash); err != nil || !same {
			t.Errorf("document %s: hash not found in the bulk store (%v)", ex.Document.ID, err)
		}
	}
	if st, err := bs.Stats(ctx); err != nil || st.Documents != int64(len(first)) {
		t.Errorf("bulk store stats: %+v, %v; want %d documents", st, err, len(first))
	}
	ts.Close()
	bs.Close()
	want := dumpStore(t, tloc)
	if len(want.quads) < 5000 {
		t.Fatalf("only %d quads: the test needs a larger graph", len(want.quads))
	}
	compareDumps(t, "after load", dumpStore(t, bloc), want)

	changed := first[2]
	changed.Facts = changed.Facts[:len(changed.Facts)/2]
	for _, loc := range []string{tloc, bloc} {
		s, err := Open(ctx, loc, Options{})
		if err != nil {
			t.Fatal(err)
		}
		mustReplace(t, s, changed)
		if _, err := s.RemoveDocument(ctx, first[5].Document.ID); err != nil {
			t.Fatal(err)
		}
		mustReplace(t, s, later)
		s.Close()
	}
	compareDumps(t, "after later changes", dumpStore(t, bloc), dumpStore(t, tloc))
}

// dumpStore reads a closed store: a bolt file (dumpBolt) or a PostgreSQL
// database (dumpPG).
func dumpStore(t *testing.T, db string) storeDump {
	t.Helper()
	loc, err := ParseLocation(db)
	if err != nil {
		t.Fatal(err)
	}
	if loc.Backend == "bolt" {
		return dumpBolt(t, loc.Path)
	}
	return dumpPG(t, loc.Path)
}

// dumpPG reads Cayley's tables: every node's row (hash and value columns)
// with its reference count, every quad as its four hashes, and the quads
// table's indexes and constraints as the catalogue defines them. It
// checks each node's count against the quads naming it.
func dumpPG(t *testing.T, url string) storeDump {
	t.Helper()
	db, err := sql.Open("postgres", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	lines := func(q string) []string {
		t.Helper()
		rows, err := db.Query(q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		defer rows.Close()
		var out []string
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			out = append(out, s)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		slices.Sort(out)
		return out
	}
	d := storeDump{refs: map[string]uint64{}}
	d.quads = lines(`SELECT concat_ws(' ', encode(subject_hash, 'hex'), encode(predicate_hash, 'hex'),
		encode(object_hash, 'hex'), coalesce(encode(label_hash, 'hex'), '-')) FROM quads`)
	d.size = int64(len(d.quads))
	for _, row := range lines(`SELECT concat_ws(' ', refs, row(hash, value, value_string, datatype, language,
		iri, bnode, value_int, value_bool, value_float, value_time)::text) FROM nodes`) {
		n, rest, _ := strings.Cut(row, " ")
		refs, err := strconv.ParseUint(n, 10, 64)
		if err != nil {
			t.Fatalf("node row %s: %v", row, err)
		}
		d.refs[rest] = refs
	}
	if bad := lines(`SELECT encode(n.hash, 'hex') || ' counted ' || n.refs || ', named ' || coalesce(c.n, 0)
		FROM nodes n LEFT JOIN (SELECT h, count(*) AS n FROM (
			SELECT subject_hash FROM quads UNION ALL SELECT predicate_hash FROM quads
			UNION ALL SELECT object_hash FROM quads UNION ALL SELECT label_hash FROM quads) AS d (h)
			GROUP BY h) c ON c.h = n.hash
		WHERE n.refs <> coalesce(c.n, 0)`); len(bad) > 0 {
		t.Errorf("%d nodes counted wrong, as %s", len(bad), bad[0])
	}
	d.schema = lines(`SELECT pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = 'quads'::regclass
		UNION ALL SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
		WHERE conrelid = 'quads'::regclass`)
	if len(d.schema) < 8 {
		t.Errorf("quads table: %d indexes and constraints, want Cayley's: %q", len(d.schema), d.schema)
	}
	return d
}

func TestBulkNeedsAnEmptyStore(t *testing.T) {
	ctx := context.Background()
	for _, be := range storetest.Backends() {
		t.Run(be.Name, func(t *testing.T) {
			s, err := Open(ctx, be.New(t), Options{Create: true})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			mustReplace(t, s, sample("doc-a", "Caofeidian district of Tangshan city has a port."))
			if _, err := s.BeginBulk(ctx); !errors.Is(err, ErrNoBulk) {
				t.Fatalf("bulk load into a store with quads: %v, want ErrNoBulk", err)
			}
			// The refused load left the store as it was, and writable.
			mustReplace(t, s, sample("doc-b", "Tangshan city has a port."))
			if docs, err := s.Documents(ctx); err != nil || len(docs) != 2 {
				t.Errorf("documents after a refused bulk load: %v, %v", docs, err)
			}
		})
	}
}

// TestBulkPostgresAbortAndBadValue: on PostgreSQL, a document with a value
// the server would refuse fails alone and the load goes on; a load aborted
// after its rows reached the server leaves the store empty, and the next
// load commits.
func TestBulkPostgresAbortAndBadValue(t *testing.T) {
	withSmallBatches(t, 10, 10)
	ctx := context.Background()
	s, err := Open(ctx, storetest.Postgres(t), Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b := bulkWithOne(t, s, "doc-a")
	b.Abort()
	if docs, err := s.Documents(ctx); err != nil || len(docs) != 0 {
		t.Fatalf("aborted load left documents %v (%v)", docs, err)
	}

	b, err = s.BeginBulk(ctx)
	if err != nil {
		t.Fatalf("a load after an aborted one: %v", err)
	}
	_, err = b.Add(sample("doc-bad", "Tangshan city has a port \xff."))
	if err == nil || !strings.Contains(err.Error(), "doc-bad") || !strings.Contains(err.Error(), "UTF-8") {
		t.Errorf("a value not in UTF-8: error %v, want one naming the document and the encoding", err)
	}
	for _, id := range []ontology.DocumentID{"doc-a", "doc-b"} {
		if _, err := b.Add(sample(id, "Caofeidian district of Tangshan city has a port.")); err != nil {
			t.Fatalf("add %s after a bad document: %v", id, err)
		}
	}
	if err := b.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	docs, err := s.Documents(ctx)
	if err != nil || len(docs) != 2 {
		t.Fatalf("after commit: documents %v, %v; want doc-a and doc-b", docs, err)
	}
	st, err := s.Stats(ctx)
	if err != nil || st.Documents != 2 || st.Quads == 0 {
		t.Errorf("stats after commit: %+v, %v", st, err)
	}
	// The committed store takes Cayley's transactions as any other.
	if _, err := s.RemoveDocument(ctx, "doc-b"); err != nil {
		t.Fatal(err)
	}
	if got, err := s.DocumentQuads(ctx, "doc-a"); err != nil || len(got) == 0 {
		t.Errorf("doc-a after removing doc-b: %d quads, %v", len(got), err)
	}
}

// TestBulkAbortLeavesStoreEmpty: documents added and then aborted, or a
// load whose process died (its directory left behind), leave the store as
// it was, and the next load clears what the dead one left.
func TestBulkAbortLeavesStoreEmpty(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "kg.db")
	s, err := Open(ctx, dir, Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b := bulkWithOne(t, s, "doc-a")
	for _, id := range []ontology.DocumentID{"doc-a", "doc-b#2", ""} {
		if b.Takes(id) {
			t.Errorf("Takes(%q) = true, want false", id)
		}
		if _, err := b.Add(sample(id, "Tangshan city has a port.")); err == nil {
			t.Errorf("Add(%q): no error", id)
		}
	}
	b.Abort()
	if err := b.Commit(ctx); err == nil {
		t.Error("commit after abort: no error")
	}
	if docs, err := s.Documents(ctx); err != nil || len(docs) != 0 {
		t.Errorf("aborted load left documents %v (%v)", docs, err)
	}
	if _, err := os.Stat(filepath.Join(dir, bulkDir)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("aborted load left %s: %v", bulkDir, err)
	}

	// A load killed mid-way leaves its directory; the store is still empty
	// and the next load starts clean.
	os.MkdirAll(filepath.Join(dir, bulkDir), 0o700)
	os.WriteFile(filepath.Join(dir, bulkDir, "sp.0.run"), bytes.Repeat([]byte{1}, 64), 0o600)
	b = bulkWithOne(t, s, "doc-a")
	if err := b.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	got, err := s.DocumentQuads(ctx, "doc-a")
	if err != nil || len(got) == 0 {
		t.Fatalf("after commit: %d quads of doc-a, %v", len(got), err)
	}
	for _, q := range got {
		if strings.Contains(q, "doc-b") {
			t.Errorf("quad of an aborted document: %s", q)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, bulkDir)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("committed load left %s: %v", bulkDir, err)
	}
}

// TestBulkPostgresWriterNotOwner: a team member who may write to the
// tables but does not own them (an administrator ran init) cannot drop and
// make again the quads table's indexes; the first build then goes through
// Cayley's transactions instead of failing at the end.
func TestBulkPostgresWriterNotOwner(t *testing.T) {
	ctx := context.Background()
	admin := storetest.Postgres(t)
	s, err := Open(ctx, admin, Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := sql.Open("postgres", admin)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	role := fmt.Sprintf("policykg_writer_%d", time.Now().UnixNano())
	for _, q := range []string{
		`CREATE ROLE ` + role + ` LOGIN`,
		`GRANT SELECT, INSERT, UPDATE, DELETE ON nodes, quads TO ` + role,
		`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ` + role,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	t.Cleanup(func() {
		db.Exec(`DROP OWNED BY ` + role)
		if _, err := db.Exec(`DROP ROLE ` + role); err != nil {
			t.Errorf("drop role %s: %v", role, err)
		}
	})
	u, err := url.Parse(admin)
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.User(role)
	w, err := Open(ctx, u.String(), Options{})
	if err != nil {
		t.Fatalf("open as a writer who does not own the tables: %v", err)
	}
	defer w.Close()
	if _, err := w.BeginBulk(ctx); !errors.Is(err, ErrNoBulk) || !strings.Contains(err.Error(), "owner") {
		t.Fatalf("bulk load by a writer who does not own the tables: %v, want ErrNoBulk naming the owner", err)
	}
	mustReplace(t, w, sample("doc-a", "Caofeidian district of Tangshan city has a port."))
	if docs, err := w.Documents(ctx); err != nil || len(docs) != 1 {
		t.Errorf("documents written by the writer: %v, %v", docs, err)
	}
}

// TestBulkClosedUncommitted: a store closed with a load neither committed
// nor aborted drops the load (on PostgreSQL, its lock too), and one store
// runs one load at a time.
func TestBulkClosedUncommitted(t *testing.T) {
	for _, be := range storetest.Backends() {
		t.Run(be.Name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			db := be.New(t)
			s, err := Open(ctx, db, Options{Create: true})
			if err != nil {
				t.Fatal(err)
			}
			b := bulkWithOne(t, s, "doc-a")
			if _, err := s.BeginBulk(ctx); err == nil || !strings.Contains(err.Error(), "in progress") {
				t.Errorf("a second load while one is in progress: %v", err)
			}
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			if err := b.Commit(ctx); err == nil {
				t.Error("commit after the store closed: no error")
			}
			s, err = Open(ctx, db, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if docs, err := s.Documents(ctx); err != nil || len(docs) != 0 {
				t.Errorf("documents after closing an uncommitted load: %v, %v", docs, err)
			}
			// The next load neither waits for the dropped one nor sees it.
			b, err = s.BeginBulk(ctx)
			if err != nil {
				t.Fatalf("a load after the dropped one: %v", err)
			}
			if _, err := b.Add(sample("doc-b", "Tangshan city has a port.")); err != nil {
				t.Fatal(err)
			}
			if err := b.Commit(ctx); err != nil {
				t.Fatal(err)
			}
			if docs, err := s.Documents(ctx); err != nil || len(docs) != 1 || docs[0] != "doc-b" {
				t.Errorf("documents after the next load: %v, %v", docs, err)
			}
		})
	}
}
