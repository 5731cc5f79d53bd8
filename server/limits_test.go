package server

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// loop is a Gizmo query that never ends on its own.
const loop = `while (true) {}`

func TestRunawayQueryIsCutOff(t *testing.T) {
	_, ts := MustServer(t, MustStore(t), Config{QueryTimeout: 300 * time.Millisecond})
	for _, url := range []string{"/api/v2/query?lang=gizmo", "/api/v1/query/gizmo", "/query/gizmo"} {
		a := do(t, "POST", ts.URL+url, loop)
		wantError(t, a, http.StatusBadRequest, "runaway query on "+url)
		if !strings.Contains(a.body, "deadline") && !strings.Contains(a.body, "interrupt") {
			t.Errorf("%s: error %s does not say the query timed out", url, a.body)
		}
	}
	// The server keeps answering.
	a := do(t, "POST", ts.URL+"/api/v2/query?lang=gizmo", `g.V("`+caofeidian+`").Out().All()`)
	if a.status != 200 || !strings.Contains(a.body, tangshan) {
		t.Errorf("query after runaways: %d %s", a.status, a.body)
	}
	if a := do(t, "GET", ts.URL+"/healthz", ""); a.status != 200 {
		t.Errorf("healthz after runaways: %d", a.status)
	}
}

func TestConcurrentQueriesBounded(t *testing.T) {
	s, ts := MustServer(t, MustStore(t), Config{MaxConcurrent: 1, QueryTimeout: 5 * time.Second})
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { // holds the only slot until cancelled
		defer wg.Done()
		req, _ := http.NewRequestWithContext(ctx, "POST", ts.URL+"/api/v2/query?lang=gizmo", strings.NewReader(loop))
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
		}
	}()
	for len(s.sem) == 0 {
		time.Sleep(5 * time.Millisecond)
	}
	a := do(t, "POST", ts.URL+"/api/v2/query?lang=gizmo", `g.V().All()`)
	wantError(t, a, http.StatusServiceUnavailable, "query while the slot is taken")
	if a.header.Get("Retry-After") == "" {
		t.Errorf("503 without Retry-After")
	}
	if a := do(t, "GET", ts.URL+"/healthz", ""); a.status != 200 {
		t.Errorf("healthz while busy: %d, want 200", a.status)
	}
	cancel()
	wg.Wait()
	for len(s.sem) != 0 { // the handler returns once Gizmo sees the cancellation
		time.Sleep(5 * time.Millisecond)
	}
	if a := do(t, "POST", ts.URL+"/api/v2/query?lang=gizmo", `g.V().Limit(1).All()`); a.status != 200 {
		t.Errorf("query after the slot is free: %d %s", a.status, a.body)
	}
}

func TestBearerToken(t *testing.T) {
	_, ts := MustServer(t, MustStore(t), Config{Token: "s3cret"})
	q := `g.V().Limit(1).All()`
	a := do(t, "POST", ts.URL+"/api/v2/query?lang=gizmo", q)
	wantError(t, a, http.StatusUnauthorized, "no token")
	if !strings.HasPrefix(a.header.Get("WWW-Authenticate"), "Bearer") {
		t.Errorf("401 without WWW-Authenticate: Bearer")
	}
	wantError(t, do(t, "POST", ts.URL+"/query/gizmo", q, "Authorization", "Bearer wrong"), 401, "wrong token")
	wantError(t, do(t, "GET", ts.URL+"/metrics", ""), 401, "metrics without token")
	if a := do(t, "POST", ts.URL+"/api/v2/query?lang=gizmo", q, "Authorization", "Bearer s3cret"); a.status != 200 {
		t.Errorf("right token: %d %s", a.status, a.body)
	}
	for _, p := range []string{"/healthz", "/", "/static/app.js"} {
		if a := do(t, "GET", ts.URL+p, ""); a.status != 200 {
			t.Errorf("%s without token: %d, want 200 (public)", p, a.status)
		}
	}
}

func TestCORS(t *testing.T) {
	_, ts := MustServer(t, MustStore(t), Config{CORSOrigins: []string{"https://lab.example"}})
	a := do(t, "OPTIONS", ts.URL+"/api/v2/query?lang=gizmo", "", "Origin", "https://lab.example",
		"Access-Control-Request-Method", "POST")
	if a.status != http.StatusNoContent || a.header.Get("Access-Control-Allow-Origin") != "https://lab.example" ||
		!strings.Contains(a.header.Get("Access-Control-Allow-Headers"), "Authorization") {
		t.Errorf("preflight: %d %v", a.status, a.header)
	}
	a = do(t, "GET", ts.URL+"/healthz", "", "Origin", "https://evil.example")
	if got := a.header.Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("other origin allowed: %q", got)
	}
	_, plain := MustServer(t, MustStore(t), Config{})
	a = do(t, "GET", plain.URL+"/healthz", "", "Origin", "https://lab.example")
	if got := a.header.Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("CORS off by default, but got %q", got)
	}
}

func TestCacheByGeneration(t *testing.T) {
	db := MustStore(t)
	s, ts := MustServer(t, db, Config{})
	q := `g.V().In("` + partOf + `").All()`
	first := do(t, "POST", ts.URL+"/api/v2/query?lang=gizmo", q)
	second := do(t, "POST", ts.URL+"/api/v2/query?lang=gizmo", q)
	if first.header.Get("X-Policykg-Cache") != "" || second.header.Get("X-Policykg-Cache") != "hit" {
		t.Errorf("cache: first %q, second %q; want miss then hit",
			first.header.Get("X-Policykg-Cache"), second.header.Get("X-Policykg-Cache"))
	}
	if first.body != second.body || first.header.Get("Content-Type") != second.header.Get("Content-Type") {
		t.Errorf("cached answer differs: %s vs %s", first.body, second.body)
	}
	if strings.Count(first.body, `"id"`) != 2 {
		t.Errorf("count of subjects with a parent: %s, want 2", first.body)
	}
	MustWrite(t, db, extra())
	if ok, err := s.Reload(context.Background()); !ok || err != nil {
		t.Fatalf("reload after a build: %v %v", ok, err)
	}
	third := do(t, "POST", ts.URL+"/api/v2/query?lang=gizmo", q)
	if third.header.Get("X-Policykg-Cache") == "hit" || strings.Count(third.body, `"id"`) != 3 {
		t.Errorf("after reload: cache %q, body %s; want a fresh answer counting 3",
			third.header.Get("X-Policykg-Cache"), third.body)
	}
	if g := third.header.Get("X-Policykg-Generation"); g != "2" {
		t.Errorf("generation header %q, want 2", g)
	}
	// Errors are not cached.
	do(t, "POST", ts.URL+"/api/v2/query?lang=gizmo", "g.V(")
	if a := do(t, "POST", ts.URL+"/api/v2/query?lang=gizmo", "g.V("); a.header.Get("X-Policykg-Cache") == "hit" {
		t.Errorf("an error answer came from the cache")
	}
}

// TestIdenticalQueriesShareOneRun: identical requests arriving while the
// first runs wait for its answer instead of each taking a query slot, so
// with one slot none is refused and the query runs once.
func TestIdenticalQueriesShareOneRun(t *testing.T) {
	_, ts := MustServer(t, MustStore(t), Config{MaxConcurrent: 1, QueryTimeout: 10 * time.Second})
	slow := `var t0 = Date.now(); while (Date.now() - t0 < 400) {} g.V("` + caofeidian + `").Out().All()`
	const n = 12
	answers := make(chan answer, n)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			answers <- do(t, "POST", ts.URL+"/api/v2/query?lang=gizmo", slow)
		}()
	}
	wg.Wait()
	close(answers)
	for a := range answers {
		if a.status != 200 || !strings.Contains(a.body, tangshan) {
			t.Errorf("identical query: %d %s", a.status, a.body)
		}
	}
	m := do(t, "GET", ts.URL+"/metrics", "").body
	if !strings.Contains(m, "policykg_cache_misses_total 1\n") {
		t.Errorf("the query ran more than once:\n%s", grepLines(m, "policykg_cache"))
	}
}
