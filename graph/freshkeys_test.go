package graph

import (
	"context"
	"encoding/binary"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"
	"github.com/policykg/policykg/ontology"
	bolt "go.etcd.io/bbolt"
	"google.golang.org/protobuf/proto"
)

func indexKey(bucket string, ids ...uint64) hkv.Key {
	k := make([]byte, 0, 8*len(ids))
	for _, id := range ids {
		k = binary.BigEndian.AppendUint64(k, id)
	}
	return hkv.Key{[]byte(bucket), k}
}

func TestFreshKeysRule(t *testing.T) {
	tx := &freshKeysTx{horizon: 100, known: true, written: []string{"ps"}}
	for _, tc := range []struct {
		name string
		key  hkv.Key
		want bool
	}{
		{"all IDs allocated before", indexKey("sp", 7, 100), false},
		{"subject allocated now", indexKey("sp", 101, 3), true},
		{"last of three allocated now", indexKey("ops", 5, 6, 250), true},
		{"label 0 and an old subject", indexKey("cs", 0, 99), false},
		{"index already written in this transaction", indexKey("ps", 3, 101), false},
		{"node bucket", hkv.Key{[]byte("v\x01\x02"), make([]byte, 20)}, false},
		{"log", indexKey("log", 101), false},
		{"key of the wrong length", hkv.Key{[]byte("sp"), make([]byte, 8)}, false},
		{"repeated direction is no index", indexKey("ss", 101, 101), false},
	} {
		if got := tx.fresh(tc.key); got != tc.want {
			t.Errorf("%s: fresh(%q) = %v, want %v", tc.name, tc.key, got, tc.want)
		}
	}
}

// TestFreshKeysKeepIndexesWhole writes documents that share entities in
// several transactions (batches, a replacement, a removal), so that index
// keys of old nodes gain quads in later transactions while keys of new
// nodes are answered without a lookup; then it reads the bolt file and
// checks every index against the log: each live quad is listed under its
// key in every index, and every listed ID is a quad with that key. A
// lookup wrongly spared would have overwritten a list and lost quads.
func TestFreshKeysKeepIndexesWhole(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "kg.db")
	s, err := Open(ctx, dir, Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	skipped := freshKeySkips.Load()
	doc := func(i int) ontology.Extraction {
		ex := sample(ontology.DocumentID(fmt.Sprintf("doc-%02d", i)), fmt.Sprintf("Caofeidian district of Tangshan city has port number %d.", i))
		ex.Metrics[0].Value = float64(i)
		ex.Metrics[0].Text = fmt.Sprintf("%d yuan", i)
		return ex
	}
	var batch []ontology.Extraction
	for i := range 6 {
		batch = append(batch, doc(i))
	}
	for _, w := range s.ReplaceDocuments(ctx, batch[:3]) {
		if w.Err != nil {
			t.Fatal(w.Err)
		}
	}
	for _, w := range s.ReplaceDocuments(ctx, batch[3:]) {
		if w.Err != nil {
			t.Fatal(w.Err)
		}
	}
	changed := doc(1)
	changed.Facts = changed.Facts[:1]
	mustReplace(t, s, changed)
	if _, err := s.RemoveDocument(ctx, "doc-04"); err != nil {
		t.Fatal(err)
	}
	mustReplace(t, s, doc(9))
	want := mustStats(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if freshKeySkips.Load() == skipped {
		t.Fatal("no index lookup was spared: the test does not exercise the rule")
	}
	live := checkIndexes(t, filepath.Join(dir, "indexes.bolt"))
	if live != want.Quads {
		t.Errorf("log holds %d live quads, the store counted %d", live, want.Quads)
	}
}

// checkIndexes checks every quad index of a Cayley bolt file against its
// log and returns the number of live quads.
func checkIndexes(t *testing.T, file string) int64 {
	t.Helper()
	db, err := bolt.Open(file, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.View(func(tx *bolt.Tx) error {
		quads := map[uint64]*cproto.Primitive{}
		err := tx.Bucket([]byte("log")).ForEach(func(k, v []byte) error {
			var p cproto.Primitive
			if err := proto.Unmarshal(v, &p); err != nil {
				return err
			}
			if !p.IsNode() {
				quads[p.ID] = &p
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, ind := range boltIndexes {
			b := tx.Bucket(indexBucket(ind)[0])
			keyOf := func(p *cproto.Primitive) string {
				var k []byte
				for _, d := range ind.Dirs {
					k = binary.BigEndian.AppendUint64(k, p.GetDirection(d))
				}
				return string(k)
			}
			listed := map[uint64]int{}
			err := b.ForEach(func(k, v []byte) error {
				for len(v) > 0 {
					id, n := binary.Uvarint(v)
					if n <= 0 {
						return fmt.Errorf("index %s: bad list under %x", indexBucket(ind)[0], k)
					}
					v = v[n:]
					p, ok := quads[id]
					if !ok {
						t.Errorf("index %s lists %d under %x: no such quad", indexBucket(ind)[0], id, k)
					} else if keyOf(p) != string(k) {
						t.Errorf("index %s lists quad %d under %x, its key is %x", indexBucket(ind)[0], id, k, keyOf(p))
					}
					listed[id]++
				}
				return nil
			})
			if err != nil {
				return err
			}
			for id, p := range quads {
				if n := listed[id]; n != 1 && !p.Deleted {
					t.Errorf("index %s lists live quad %d (%v) %d times, want once", indexBucket(ind)[0], id, dirs(p), n)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var live int64
	db.View(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("log")).ForEach(func(k, v []byte) error {
			var p cproto.Primitive
			if proto.Unmarshal(v, &p) == nil && !p.IsNode() && !p.Deleted {
				live++
			}
			return nil
		})
	})
	return live
}

func dirs(p *cproto.Primitive) []uint64 {
	var out []uint64
	for _, d := range quad.Directions {
		out = append(out, p.GetDirection(d))
	}
	return slices.Clip(out)
}
