package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"

	"github.com/policykg/policykg/graph"
)

func TestPageAndStaticFiles(t *testing.T) {
	_, ts := MustServer(t, MustStore(t), Config{})
	for path, want := range map[string]string{
		"/":                 `<input id="q"`,
		"/index.html":       `<input id="q"`,
		"/static/app.js":    "function openEntity",
		"/static/style.css": "--accent",
	} {
		a := do(t, "GET", ts.URL+path, "")
		if a.status != 200 || !strings.Contains(a.body, want) {
			t.Errorf("%s: %d, want 200 with %q", path, a.status, want)
		}
	}
	if ct := do(t, "GET", ts.URL+"/static/app.js", "").header.Get("Content-Type"); !strings.HasPrefix(ct, "text/javascript") {
		t.Errorf("app.js content type %q", ct)
	}
	wantError(t, do(t, "GET", ts.URL+"/static/nothing.js", ""), 404, "missing file")
	wantError(t, do(t, "POST", ts.URL+"/", "x"), 405, "POST to the page")
}

// TestNoPathTraversal sends raw request lines, so that no client cleans
// the paths first, and checks nothing outside the embedded page leaks.
func TestNoPathTraversal(t *testing.T) {
	_, ts := MustServer(t, MustStore(t), Config{})
	addr := strings.TrimPrefix(ts.URL, "http://")
	for _, p := range []string{
		"/../go.mod", "/static/../../go.mod", "/static/%2e%2e/%2e%2e/go.mod", "/..%2f..%2fgo.mod",
		"/static/..%2fserver.go", "/%2e%2e/server.go", "/static/../static.go", "/web/index.html/../../static.go",
		"/static//etc/passwd", "/static/%2fetc%2fpasswd",
	} {
		status, body := rawGet(t, addr, p)
		if status == 200 || strings.Contains(body, "package server") || strings.Contains(body, "module github.com") ||
			strings.Contains(body, "root:") {
			t.Errorf("GET %s: %d, leaked: %.80q", p, status, body)
		}
	}
}

func rawGet(t *testing.T, addr, path string) (int, string) {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", path)
	var buf strings.Builder
	b := make([]byte, 4096)
	for {
		n, err := c.Read(b)
		buf.Write(b[:n])
		if err != nil {
			break
		}
	}
	var status int
	fmt.Sscanf(buf.String(), "HTTP/1.1 %d", &status)
	return status, buf.String()
}

func TestUnknownRoutesAndMethods(t *testing.T) {
	_, ts := MustServer(t, MustStore(t), Config{})
	wantError(t, do(t, "GET", ts.URL+"/api/nothing", ""), 404, "unknown API route")
	wantError(t, do(t, "POST", ts.URL+"/api/entities?q=x", ""), 405, "POST search")
	wantError(t, do(t, "GET", ts.URL+"/api/entities", ""), 400, "search without q")
	wantError(t, do(t, "GET", ts.URL+"/api/entities?q=x&limit=-1", ""), 400, "negative limit")
	wantError(t, do(t, "PUT", ts.URL+"/healthz", ""), 405, "PUT healthz")
}

func TestHealthAndMetrics(t *testing.T) {
	_, ts := MustServer(t, MustStore(t), Config{})
	h := do(t, "GET", ts.URL+"/healthz", "").json(t)
	if h["status"] != "ok" || h["generation"] != float64(1) {
		t.Errorf("healthz: %v", h)
	}
	do(t, "POST", ts.URL+"/api/v2/query?lang=gizmo", `g.V().Limit(1).All()`)
	do(t, "POST", ts.URL+"/api/v2/query?lang=gizmo", `g.V().Limit(1).All()`)
	m := do(t, "GET", ts.URL+"/metrics", "")
	for _, want := range []string{
		`policykg_http_requests_total{code="200",route="v2_query"} 2`,
		`policykg_cache_hits_total 1`,
		`policykg_snapshot_generation 1`,
		`policykg_http_request_duration_seconds_bucket{route="v2_query"`,
	} {
		if !strings.Contains(m.body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
}

func TestSearchRanksLabelsAndAliases(t *testing.T) {
	_, ts := MustServer(t, MustStore(t), Config{})
	res := do(t, "GET", ts.URL+"/api/entities?q=cao", "").json(t)["result"].([]any)
	if len(res) != 1 || res[0].(map[string]any)["id"] != "caofeidian" || res[0].(map[string]any)["label"] != "Caofeidian" {
		t.Errorf("search cao: %v", res)
	}
	res = do(t, "GET", ts.URL+"/api/entities?q=district", "").json(t)["result"].([]any)
	if len(res) != 1 || res[0].(map[string]any)["match"] != "Caofeidian district" {
		t.Errorf("search by alias word: %v", res)
	}
	res = do(t, "GET", ts.URL+"/api/entities?q=shan", "").json(t)["result"].([]any)
	// "shan" is inside Tangshan only (no name or word starts with it).
	if len(res) != 1 || res[0].(map[string]any)["id"] != "tangshan" {
		t.Errorf("search shan: %v", res)
	}
	if res := do(t, "GET", ts.URL+"/api/entities?q=zzz", "").json(t)["result"].([]any); len(res) != 0 {
		t.Errorf("search zzz: %v, want none", res)
	}
}

func TestStatusMapping(t *testing.T) {
	for _, c := range []struct {
		err  error
		want int
	}{
		{fmt.Errorf("x: %w", ErrBadRequest), 400},
		{fmt.Errorf("x: %w", graph.ErrNotFound), 404},
		{fmt.Errorf("x: %w", ErrNotFound), 404},
		{ErrUnauthorized, 401},
		{fmt.Errorf("x: %w", graph.ErrReadOnly), 403},
		{ErrMethod, 405},
		{ErrTooLarge, 413},
		{ErrUnavailable, 501},
		{ErrBusy, 503},
		{fmt.Errorf("x: %w", graph.ErrLocked), 503},
		{fmt.Errorf("q: %w", context.DeadlineExceeded), 504},
		{errors.New("boom"), 500},
	} {
		if got := status(c.err); got != c.want {
			t.Errorf("status(%v) = %d, want %d", c.err, got, c.want)
		}
	}
	_ = http.StatusOK
}

func TestEntityCard(t *testing.T) {
	_, ts := MustServer(t, MustStore(t), Config{})
	a := do(t, "GET", ts.URL+"/api/entities/caofeidian", "")
	if a.status != 200 {
		t.Fatalf("card: %d %s", a.status, a.body)
	}
	var c cardView
	if err := json.Unmarshal([]byte(a.body), &c); err != nil {
		t.Fatal(err)
	}
	if c.Label != "Caofeidian" || len(c.Parents) != 2 || c.Parents[0].Label != "Tangshan" || c.Parents[1].Label != "Hebei" {
		t.Errorf("card: label %q parents %+v, want Caofeidian in Tangshan in Hebei", c.Label, c.Parents)
	}
	if len(c.Relations) == 0 || c.Relations[0].Predicate != "part_of" || len(c.Relations[0].Links) != 1 ||
		len(c.Relations[0].Links[0].Support) == 0 || c.Relations[0].Links[0].Support[0].Text != seedSentence {
		t.Errorf("relations: %+v, want part_of Tangshan with the sentence", c.Relations)
	}
	if len(c.Figures) != 1 || c.Figures[0].Text != "177 billion yuan" || c.Figures[0].Support[0].Text != seedSentence {
		t.Errorf("figures: %+v", c.Figures)
	}
	// By name and by alias too; unknown names are 404.
	for _, id := range []string{"Caofeidian", "Caofeidian%20district"} {
		if a := do(t, "GET", ts.URL+"/api/entities/"+id, ""); a.status != 200 || !strings.Contains(a.body, `"label":"Caofeidian"`) {
			t.Errorf("card by %s: %d", id, a.status)
		}
	}
	wantError(t, do(t, "GET", ts.URL+"/api/entities/atlantis", ""), 404, "unknown entity")
}

func TestExportRoutes(t *testing.T) {
	_, ts := MustServer(t, MustStore(t), Config{})
	for format, want := range map[string]string{
		"svg":    "<svg",
		"dot":    "digraph",
		"nquads": caofeidian + " " + partOf + " " + tangshan,
		"jsonld": `"@id"`,
	} {
		a := do(t, "GET", ts.URL+"/api/export/"+format+"?focus=caofeidian&depth=1", "")
		if a.status != 200 || !strings.Contains(a.body, want) {
			t.Errorf("export %s: %d, want %q in %.300s", format, a.status, want, a.body)
		}
		if a.header.Get("Content-Type") != exportTypes[format] {
			t.Errorf("export %s: content type %q", format, a.header.Get("Content-Type"))
		}
	}
	if a := do(t, "GET", ts.URL+"/api/export/svg?focus=caofeidian&depth=1", ""); !strings.Contains(a.body, "Tangshan") {
		t.Errorf("the drawing does not name Tangshan")
	}
	wantError(t, do(t, "GET", ts.URL+"/api/export/png?focus=caofeidian", ""), 404, "unknown format")
	wantError(t, do(t, "GET", ts.URL+"/api/export/svg?focus=caofeidian&depth=99", ""), 400, "depth too large")
	wantError(t, do(t, "GET", ts.URL+"/api/export/svg?focus=caofeidian&depth=x", ""), 400, "depth not a number")
	wantError(t, do(t, "GET", ts.URL+"/api/export/svg?focus=atlantis", ""), 404, "unknown focus")
}

func TestCannedQueriesUnavailable(t *testing.T) {
	_, ts := MustServer(t, MustStore(t), Config{})
	wantError(t, do(t, "GET", ts.URL+"/api/queries", ""), 501, "catalogue without a library")
	wantError(t, do(t, "GET", ts.URL+"/api/queries/parents", ""), 501, "canned query without a library")
}
