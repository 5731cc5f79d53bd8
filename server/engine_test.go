package server

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// crashers are Gizmo queries that make Cayley's Go code panic in a goroutine
// of its own, which in-process would stop the whole server.
var crashers = []struct{ query, panics string }{
	{`g.V("` + caofeidian + `").FollowRecursive("").All()`, "FollowRecursive"},
	{`g.V().Out("p", 1).All()`, "expected string"},
}

func TestQueryThatCrashesCayleyGets400AndServerGoesOn(t *testing.T) {
	_, ts := MustServer(t, MustStore(t), Config{CacheEntries: -1})
	for _, c := range crashers {
		for _, url := range []string{"/api/v2/query?lang=gizmo", "/api/v1/query/gizmo"} {
			a := do(t, "POST", ts.URL+url, c.query)
			wantError(t, a, http.StatusBadRequest, c.query)
			if !strings.Contains(a.body, "crashed Cayley's query engine") || !strings.Contains(a.body, c.panics) {
				t.Errorf("%s on %s: error does not give Cayley's panic (%q): %s", c.query, url, c.panics, a.body)
			}
			a = do(t, "POST", ts.URL+"/api/v2/query?lang=gizmo", `g.V("`+caofeidian+`").Out().All()`)
			if a.status != 200 || !strings.Contains(a.body, tangshan) {
				t.Fatalf("query after %s: %d %s", c.query, a.status, a.body)
			}
		}
	}
	// Each crasher killed the engine twice (the first try and the retry).
	m := do(t, "GET", ts.URL+"/metrics", "").body
	want := 2 * 2 * len(crashers)
	if !strings.Contains(m, "policykg_query_engine_crashes_total "+strconv.Itoa(want)) {
		t.Errorf("metrics do not count %d engine crashes:\n%s", want, grepLines(m, "policykg_query_engine"))
	}
	if !strings.Contains(m, "policykg_query_engine_starts_total "+strconv.Itoa(want+1)) {
		t.Errorf("metrics do not count %d engine starts:\n%s", want+1, grepLines(m, "policykg_query_engine"))
	}
}

// TestInnocentQueryRetried: a query in flight when another crashes the
// engine is retried on the new engine and answered.
func TestInnocentQueryRetried(t *testing.T) {
	_, ts := MustServer(t, MustStore(t), Config{CacheEntries: -1, QueryTimeout: 10 * time.Second})
	// A query that takes a while (a busy loop of about half a second)
	// before it answers, sent first.
	slow := `var t0 = Date.now(); while (Date.now() - t0 < 700) {} g.V("` + caofeidian + `").Out().All()`
	done := make(chan answer, 1)
	go func() { done <- do(t, "POST", ts.URL+"/api/v2/query?lang=gizmo", slow) }()
	time.Sleep(200 * time.Millisecond)
	a := do(t, "POST", ts.URL+"/api/v2/query?lang=gizmo", crashers[0].query)
	wantError(t, a, http.StatusBadRequest, "crasher")
	if a := <-done; a.status != 200 || !strings.Contains(a.body, tangshan) {
		t.Errorf("query in flight during a crash: %d %s", a.status, a.body)
	}
}

// TestEngineStopsWithServer: no engine process outlives its server.
func TestEngineStopsWithServer(t *testing.T) {
	s, ts := MustServer(t, MustStore(t), Config{})
	if a := do(t, "POST", ts.URL+"/api/v2/query?lang=gizmo", `g.V().Count()`); a.status != 200 {
		t.Fatalf("query: %d %s", a.status, a.body)
	}
	g := s.snaps.cur.Load()
	g.cayley.mu.Lock()
	pid := g.cayley.cur.cmd.Process.Pid
	g.cayley.mu.Unlock()
	if err := syscall.Kill(pid, 0); err != nil {
		t.Fatalf("engine %d not running while serving: %v", pid, err)
	}
	ts.Close()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Kill(pid, 0); !errors.Is(err, syscall.ESRCH) {
		t.Errorf("engine %d still there after Close: %v", pid, err)
	}
}

// grepLines returns the lines of s that contain sub.
func grepLines(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
