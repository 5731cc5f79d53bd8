package server

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/policykg/policykg/graph"
	"github.com/policykg/policykg/ontology"
)

// TestBuildWhileServing writes to the store a server is serving, while
// clients query it: the build succeeds, every answer meanwhile is whole and
// from one snapshot, and after a reload the new graph is served.
func TestBuildWhileServing(t *testing.T) {
	db := MustStore(t)
	s, ts := MustServer(t, db, Config{CacheEntries: -1})
	q := `g.V().In("` + partOf + `").All()`
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var bad atomic.Value
	var answered atomic.Int64
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				a := do(t, "POST", ts.URL+"/api/v2/query?lang=gizmo", q)
				n := strings.Count(a.body, `"id"`)
				if a.status != 200 || (n != 2 && n < 3) {
					bad.Store(fmt.Sprintf("%d %s", a.status, a.body))
				}
				answered.Add(1)
			}
		}()
	}

	// The build: several documents, one transaction each, as policykg build.
	st, err := graph.Open(context.Background(), db, graph.Options{})
	if err != nil {
		t.Fatalf("build while serving: open: %v", err)
	}
	for i := 0; i < 5; i++ {
		if i == 1 {
			// While the build holds the store, a reload waits, then
			// gives up and the server goes on with the snapshot it has.
			if _, err := s.Reload(context.Background()); !errors.Is(err, graph.ErrLocked) {
				t.Errorf("reload during a build: got %v, want ErrLocked", err)
			}
		}
		ex := extra()
		ex.Document.ID = ontology.DocumentID(fmt.Sprintf("doc-b%d", i))
		ex.Document.Hash = string(ex.Document.ID)
		if _, err := st.ReplaceDocument(context.Background(), ex); err != nil {
			t.Fatalf("build while serving: %v", err)
		}
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if s.Generation() != 1 {
		t.Errorf("generation %d during the build, want 1", s.Generation())
	}
	ok, err := s.Reload(context.Background())
	if !ok || err != nil {
		t.Fatalf("reload after the build: %v %v", ok, err)
	}
	a := do(t, "POST", ts.URL+"/api/v2/query?lang=gizmo", q)
	close(stop)
	wg.Wait()
	if v := bad.Load(); v != nil {
		t.Errorf("an answer during the build was wrong: %v", v)
	}
	if answered.Load() == 0 {
		t.Errorf("no query was answered during the build")
	}
	if !strings.Contains(a.body, "sanhe") {
		t.Errorf("after reload the new graph is not served: %s", a.body)
	}
	// The store is intact: it opens and holds both documents' facts.
	check, err := graph.Open(context.Background(), db, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer check.Close()
	stats, err := check.Stats(context.Background())
	if err != nil || stats.Documents != 6 {
		t.Errorf("store after build: %+v %v, want 6 documents", stats, err)
	}
	// Nothing changed: no reload.
	if ok, err := s.Reload(context.Background()); ok || err != nil {
		t.Errorf("reload without a build: swapped=%v err=%v, want neither", ok, err)
	}
}

func TestServeMissingStore(t *testing.T) {
	_, err := New(context.Background(), Config{DB: t.TempDir() + "/none", TempDir: t.TempDir()})
	if !errors.Is(err, graph.ErrNoStore) || !strings.Contains(err.Error(), "none") {
		t.Errorf("got %v, want ErrNoStore naming the store", err)
	}
}
