package server

import (
	"context"
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
