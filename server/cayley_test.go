package server

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/cayley/client"
	"github.com/cayleygraph/quad"
	"github.com/policykg/policykg/graph/cayleyhttp"
)

const (
	caofeidian = "<https://policykg.org/id/caofeidian>"
	tangshan   = "<https://policykg.org/id/tangshan>"
	partOf     = "<https://policykg.org/vocab#part_of>"
)

func TestCayleyQueryRoutes(t *testing.T) {
	_, ts := MustServer(t, MustStore(t), Config{})
	gizmo := `g.V("` + caofeidian + `").Out("` + partOf + `").All()`
	graphql := `{ nodes(id: "` + caofeidian + `") { parent: ` + partOf + ` { id } } }`
	for _, c := range []struct{ name, method, url, body, want string }{
		{"v2 gizmo POST", "POST", "/api/v2/query?lang=gizmo", gizmo, `{"result":[{"id":"` + tangshan + `"}]}`},
		{"v2 gizmo GET", "GET", "/api/v2/query?lang=gizmo&qu=" + urlEscape(gizmo), "", `{"result":[{"id":"` + tangshan + `"}]}`},
		{"v2 graphql", "POST", "/api/v2/query?lang=graphql", graphql, `{"data":{"nodes":{"parent":{"id":"` + strings.Trim(tangshan, "<>") + `"}}}}`},
		{"v1 api path", "POST", "/api/v1/query/gizmo", gizmo, `{"result":[{"id":"` + tangshan + `"}]}`},
		{"v1 short path", "POST", "/query/gizmo", gizmo, `{"result":[{"id":"` + tangshan + `"}]}`},
		{"v1 empty", "POST", "/query/gizmo", `g.V("<nothing>").All()`, `{"result":null}`},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := do(t, c.method, ts.URL+c.url, c.body)
			if a.status != http.StatusOK || strings.TrimSpace(a.body) != c.want {
				t.Errorf("got %d %s, want 200 %s", a.status, a.body, c.want)
			}
			if ct := a.header.Get("Content-Type"); c.name != "v2 graphql" && !strings.HasPrefix(ct, "application/json") {
				t.Errorf("content type %q", ct)
			}
		})
	}
}

func TestCayleyQueryErrors(t *testing.T) {
	_, ts := MustServer(t, MustStore(t), Config{MaxBody: 200})
	wantError(t, do(t, "POST", ts.URL+"/api/v2/query?lang=klingon", "g.V()"), 400, "v2 unknown language")
	wantError(t, do(t, "POST", ts.URL+"/api/v2/query", "g.V()"), 400, "v2 no language")
	wantError(t, do(t, "POST", ts.URL+"/api/v2/query?lang=gizmo", "g.V(.All("), 400, "v2 syntax error")
	wantError(t, do(t, "POST", ts.URL+"/query/klingon", "g.V()"), 400, "v1 unknown language")
	wantError(t, do(t, "GET", ts.URL+"/query/gizmo", ""), 405, "v1 GET")
	wantError(t, do(t, "POST", ts.URL+"/api/v2/query?lang=gizmo", strings.Repeat("g.V();", 50)), 413, "body over the limit")
	wantError(t, do(t, "DELETE", ts.URL+"/api/v2/query?lang=gizmo", ""), 405, "DELETE on query")
}

func TestResultLimit(t *testing.T) {
	_, ts := MustServer(t, MustStore(t), Config{ResultLimit: 2})
	for _, url := range []string{"/api/v2/query?lang=gizmo", "/query/gizmo?limit=50", "/api/v1/query/gizmo"} {
		m := do(t, "POST", ts.URL+url, `g.V().All()`).json(t)
		if got := len(m["result"].([]any)); got != 2 {
			t.Errorf("%s: %d results, want 2 (the limit)", url, got)
		}
	}
	m := do(t, "POST", ts.URL+"/query/gizmo?limit=1", `g.V().All()`).json(t)
	if got := len(m["result"].([]any)); got != 1 {
		t.Errorf("v1 ?limit=1: %d results, want 1", got)
	}
}

func TestReadFormatsAndCap(t *testing.T) {
	db := MustStore(t)
	_, ts := MustServer(t, db, Config{})
	a := do(t, "GET", ts.URL+"/api/v2/read", "", "Accept", "*/*")
	if a.status != 200 || !strings.Contains(a.body, caofeidian+" "+partOf+" "+tangshan) {
		t.Fatalf("read: %d, want N-Quads with Caofeidian part_of Tangshan:\n%.500s", a.status, a.body)
	}
	all := strings.Count(a.body, "\n")
	f := do(t, "GET", ts.URL+"/api/v2/formats", "")
	if f.status != 200 || !strings.Contains(f.body, `"id":"nquads"`) {
		t.Errorf("formats: %d %.200s", f.status, f.body)
	}

	_, capped := MustServer(t, db, Config{ReadLimit: 3})
	resp, err := http.Get(capped.URL + "/api/v2/read?format=nquads")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if n := strings.Count(string(body), "\n"); n != 3 || all <= 3 {
		t.Errorf("capped read: %d quads of %d, want 3", n, all)
	}
	if resp.Trailer.Get(cayleyhttp.TruncatedHeader) != "true" {
		t.Errorf("capped read: trailer %q = %q, want true", cayleyhttp.TruncatedHeader, resp.Trailer.Get(cayleyhttp.TruncatedHeader))
	}
}

// TestCayleyClientReads reads the served graph with Cayley's own client.
func TestCayleyClientReads(t *testing.T) {
	_, ts := MustServer(t, MustStore(t), Config{})
	c := client.New(ts.URL)
	r, err := c.QuadReader()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	quads, err := quad.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, q := range quads {
		if q.Subject.String() == caofeidian && q.Predicate.String() == partOf && q.Object.String() == tangshan {
			found = true
		}
	}
	if !found {
		t.Errorf("Cayley's client read %d quads, none Caofeidian part_of Tangshan", len(quads))
	}
	w, err := c.QuadWriter()
	if err != nil {
		t.Fatal(err)
	}
	w.WriteQuad(quad.MakeIRI("x", "y", "z", ""))
	if err := w.Close(); err == nil || !strings.Contains(err.Error(), "403") {
		t.Errorf("Cayley's client writer: got %v, want a 403 failure", err)
	}
}

// TestWritesRefusedStoreUnchanged tries every write route Cayley has had
// and checks the store's files, and the snapshot's, are byte for byte as
// they were.
func TestWritesRefusedStoreUnchanged(t *testing.T) {
	db := MustStore(t)
	s, ts := MustServer(t, db, Config{})
	before, snapBefore := hashTree(t, db), hashTree(t, s.tmp)
	nq := caofeidian + " " + partOf + " <https://policykg.org/id/mars> .\n"
	routes := append([]string{"/api/v1/shape/gizmo", "/shape/gizmo"}, writeRoutes...)
	for _, route := range routes {
		for _, ct := range []string{"application/n-quads", "application/json", "application/x-protobuf"} {
			a := do(t, "POST", ts.URL+route, nq, "Content-Type", ct)
			wantError(t, a, http.StatusForbidden, "POST "+route+" "+ct)
		}
		for _, m := range []string{"PUT", "DELETE", "PATCH", "GET"} {
			a := do(t, m, ts.URL+route, nq)
			if a.status < 400 {
				t.Errorf("%s %s: %d, want an error", m, route, a.status)
			}
		}
	}
	do(t, "POST", ts.URL+"/api/v2/read", nq, "Content-Type", "application/n-quads") // a read: the body is ignored
	if after := hashTree(t, db); !equalHashes(before, after) {
		t.Errorf("store changed:\nbefore %v\nafter  %v", before, after)
	}
	if after := hashTree(t, s.tmp); !equalHashes(snapBefore, after) {
		t.Errorf("snapshot changed:\nbefore %v\nafter  %v", snapBefore, after)
	}
	m := do(t, "POST", ts.URL+"/api/v2/query?lang=gizmo", `g.V("<https://policykg.org/id/mars>").In().All()`).json(t)
	if m["result"] != nil {
		t.Errorf("the written quad is visible: %v", m)
	}
}

func hashTree(tb testing.TB, dir string) []string {
	tb.Helper()
	var out []string
	err := filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		h := sha256.Sum256(b)
		rel, _ := filepath.Rel(dir, p)
		out = append(out, rel+"="+hex.EncodeToString(h[:8]))
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	sort.Strings(out)
	if len(out) == 0 {
		tb.Fatalf("no files under %s", dir)
	}
	return out
}

func equalHashes(a, b []string) bool { return strings.Join(a, " ") == strings.Join(b, " ") }

func urlEscape(s string) string {
	r := strings.NewReplacer("%", "%25", " ", "%20", "\"", "%22", "<", "%3C", ">", "%3E", "#", "%23", "&", "%26", "+", "%2B", "(", "%28", ")", "%29")
	return r.Replace(s)
}
