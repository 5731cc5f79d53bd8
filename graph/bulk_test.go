package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	"github.com/policykg/policykg/extract"
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

func bulkLoad(t *testing.T, dir string, exs []ontology.Extraction) *Store {
	t.Helper()
	ctx := context.Background()
	s, err := Open(ctx, dir, Options{Create: true})
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

func batchLoad(t *testing.T, dir string, exs []ontology.Extraction) *Store {
	t.Helper()
	ctx := context.Background()
	s, err := Open(ctx, dir, Options{Create: true})
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
// transactions and in bulk, then compares the two files bucket by bucket,
// IDs resolved to values: the same quads, nodes with the same reference
// counts, every index listing every quad once under its key. Then both
// stores take the same later changes through Cayley (a changed document, a
// removed one, a new one) and must still agree.
func TestBulkMatchesTransactions(t *testing.T) {
	withSmallRuns(t, 500)
	ctx := context.Background()
	exs := testdataExtractions(t)
	first, later := exs[:len(exs)-1], exs[len(exs)-1]
	tdir := filepath.Join(t.TempDir(), "tx.db")
	bdir := filepath.Join(t.TempDir(), "bulk.db")
	ts := batchLoad(t, tdir, first)
	bs := bulkLoad(t, bdir, first)

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
	ts.Close()
	bs.Close()
	want := dumpBolt(t, tdir)
	if len(want.quads) < 5000 {
		t.Fatalf("only %d quads: the test needs a larger graph", len(want.quads))
	}
	compareDumps(t, "after load", dumpBolt(t, bdir), want)

	changed := first[2]
	changed.Facts = changed.Facts[:len(changed.Facts)/2]
	for _, dir := range []string{tdir, bdir} {
		s, err := Open(ctx, dir, Options{})
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
	compareDumps(t, "after later changes", dumpBolt(t, bdir), dumpBolt(t, tdir))
}

func TestBulkNeedsAnEmptyBoltStore(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "kg.db"), Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	mustReplace(t, s, sample("doc-a", "Caofeidian district of Tangshan city has a port."))
	if _, err := s.BeginBulk(ctx); !errors.Is(err, ErrNoBulk) {
		t.Fatalf("bulk load into a store with quads: %v, want ErrNoBulk", err)
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
	b, err := s.BeginBulk(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Add(sample("doc-a", "Caofeidian district of Tangshan city has a port.")); err != nil {
		t.Fatal(err)
	}
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
	b, err = s.BeginBulk(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Add(sample("doc-a", "Caofeidian district of Tangshan city has a port.")); err != nil {
		t.Fatal(err)
	}
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
