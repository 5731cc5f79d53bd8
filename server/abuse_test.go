package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/policykg/policykg/ontology"
)

// The abuse tests run a real server (Serve on a 127.0.0.1 listener, with
// its http.Server timeouts) over a store, abuse it in the ways issue 8
// lists, and check it stays up, answers each abuse with a bounded status
// and a JSON error, and leaves the store's files byte for byte as they
// were. Every loop is bounded in count and time; nothing leaves loopback.

// abuseConfig is the server's configuration under abuse: short header and
// read timeouts so slow clients are cut off quickly, a short query timeout.
func abuseConfig() Config {
	return Config{
		QueryTimeout:      2 * time.Second,
		ReadHeaderTimeout: 500 * time.Millisecond,
		ReadTimeout:       2 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       5 * time.Second,
		CacheEntries:      -1, // every request does its work
	}
}

// serveLoopback runs s on a free 127.0.0.1 port until the test ends and
// returns the address.
func serveLoopback(t *testing.T, s *Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	return ln.Addr().String()
}

// chainStore writes a document whose n cities form a part_of chain with
// cooperates_with links that close it into cycles: a graph on which a
// recursive walk without a depth limit has much to do.
func chainStore(t *testing.T, n int) string {
	t.Helper()
	id := ontology.DocumentID("chain")
	ev := ontology.Evidence{Document: id, Sentence: 1, Text: "A chain of cities.", Rule: "test"}
	ex := ontology.Extraction{
		Document:  ontology.Document{ID: id, Title: "chain", Hash: "h-chain"},
		Sentences: []string{ev.Text},
	}
	city := func(i int) ontology.EntityID { return ontology.EntityID(fmt.Sprintf("city-%04d", i)) }
	for i := range n {
		ex.Entities = append(ex.Entities, ontology.Entity{ID: city(i), Name: fmt.Sprintf("City %d", i), Type: ontology.City})
		if i > 0 {
			ex.Facts = append(ex.Facts, ontology.Fact{Subject: city(i), Predicate: ontology.PartOf, Object: city(i - 1), Evidence: ev})
		}
		ex.Facts = append(ex.Facts, ontology.Fact{Subject: city(i), Predicate: ontology.CooperatesWith, Object: city((i + 7) % n), Evidence: ev})
	}
	db := MustStore(t)
	MustWrite(t, db, ex)
	return db
}

func TestAbuse(t *testing.T) {
	if testing.Short() {
		t.Skip("a thousand connections and slow clients")
	}
	db := chainStore(t, 400)
	before := hashTree(t, db)
	s, err := New(context.Background(), func() Config { c := abuseConfig(); c.DB, c.TempDir = db, t.TempDir(); return c }())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	addr := serveLoopback(t, s)
	base := "http://" + addr
	snapBefore := hashTree(t, s.tmp)

	t.Run("sandbox", func(t *testing.T) { abuseSandbox(t, base) })
	t.Run("follow-recursive", func(t *testing.T) { abuseFollowRecursive(t, base) })
	t.Run("big-body", func(t *testing.T) { abuseBigBody(t, base) })
	// A thousand connections opened at once on a loaded machine may wait
	// longer than the short header timeout for their turn: that server
	// would rightly cut them off. They go to a second server on the same
	// store with the default timeouts.
	roomy, err := New(context.Background(), Config{DB: db, TempDir: t.TempDir(), CacheEntries: -1, QueryTimeout: 5 * time.Second,
		ReadHeaderTimeout: time.Minute, ReadTimeout: 2 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { roomy.Close() })
	t.Run("concurrent", func(t *testing.T) { abuseConcurrent(t, "http://"+serveLoopback(t, roomy)) })
	t.Run("slow-headers", func(t *testing.T) { abuseSlowHeaders(t, addr, base) })
	t.Run("slow-body", func(t *testing.T) { abuseSlowBody(t, addr) })
	t.Run("traversal", func(t *testing.T) { abuseTraversal(t, addr) })
	t.Run("writes", func(t *testing.T) { abuseWrites(t, base) })

	if a := do(t, "GET", base+"/healthz", ""); a.status != 200 {
		t.Errorf("healthz after the abuse: %d %s", a.status, a.body)
	}
	if after := hashTree(t, db); !equalHashes(before, after) {
		t.Errorf("store changed:\nbefore %v\nafter  %v", before, after)
	}
	if after := hashTree(t, s.tmp); !equalHashes(snapBefore, after) {
		t.Errorf("snapshot changed:\nbefore %v\nafter  %v", snapBefore, after)
	}
}

// abuseSandbox: Gizmo's JavaScript has no way to files, the network,
// modules or host objects. Each attempt is a 4xx JSON error; a canary
// file's text never comes back; a canary listener gets no connection.
func abuseSandbox(t *testing.T, base string) {
	canary := filepath.Join(t.TempDir(), "canary.txt")
	secret := "CANARY-7f3a9c"
	if err := os.WriteFile(canary, []byte(secret), 0o644); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var dialed atomic.Int32
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			dialed.Add(1)
			c.Close()
		}
	}()
	trap := "http://" + ln.Addr().String() + "/steal"
	attempts := []string{
		`g.Emit(require("fs").readFileSync("` + canary + `", "utf8"))`,
		`var fs = require("fs"); g.Emit(fs.readFileSync("` + canary + `").toString())`,
		`g.Emit(require("child_process").execSync("cat ` + canary + `").toString())`,
		`fetch("` + trap + `").then(function (r) { g.Emit(r.status) })`,
		`var x = new XMLHttpRequest(); x.open("GET", "` + trap + `", false); x.send(); g.Emit(x.responseText)`,
		`import("fs").then(function (fs) { g.Emit(fs.readFileSync("` + canary + `")) })`,
		`import fs from "fs"; g.Emit(fs.readFileSync("` + canary + `"))`,
		`g.Emit(Java.type("java.nio.file.Files").readAllLines(Java.type("java.nio.file.Paths").get("` + canary + `")))`,
		`g.Emit(new Packages.java.io.File("` + canary + `").exists())`,
		`g.Emit(java.lang.System.getenv("HOME"))`,
		`load("` + canary + `")`,
		`g.Emit(readFile("` + canary + `"))`,
		`g.Emit(read("` + canary + `"))`,
		`g.Emit(process.env.HOME)`,
		`g.Emit(Deno.readTextFileSync("` + canary + `"))`,
		`g.Emit(this.constructor.constructor("return process")().env)`,
		`g.Emit(Function("return require")()("fs").readFileSync("` + canary + `"))`,
		`g.Emit(eval("require('fs')").readFileSync("` + canary + `"))`,
		`g.Emit(g.s.qs)`,
		`g.Emit(new WebSocket("ws://` + ln.Addr().String() + `"))`,
		`g.Emit(new Worker("` + canary + `"))`,
		`setTimeout(function () { fetch("` + trap + `") }, 0)`,
		`g.Emit(WebAssembly.compile(new Uint8Array([0, 97, 115, 109])))`,
	}
	for _, route := range []string{"/api/v2/query?lang=gizmo", "/api/v1/query/gizmo"} {
		for _, q := range attempts {
			a := do(t, "POST", base+route, q)
			if a.status < 400 || a.status >= 500 {
				t.Errorf("POST %s %q: status %d, want a 4xx error (%s)", route, q, a.status, a.body)
			} else if e, _ := a.json(t)["error"].(string); e == "" {
				t.Errorf("POST %s %q: %d without a JSON error: %s", route, q, a.status, a.body)
			}
			if strings.Contains(a.body, secret) {
				t.Errorf("POST %s %q: the canary file's text came back", route, q)
			}
		}
	}
	// What the sandbox does hold: none of those names.
	a := do(t, "POST", base+"/api/v2/query?lang=gizmo", `g.Emit([typeof require, typeof fetch,
		typeof XMLHttpRequest, typeof Java, typeof Packages, typeof java, typeof process, typeof load,
		typeof readFile, typeof Deno, typeof WebSocket, typeof setTimeout, typeof WebAssembly].join(","))`)
	want := strings.TrimSuffix(strings.Repeat("undefined,", 13), ",")
	if a.status != 200 || !strings.Contains(a.body, want) {
		t.Errorf("typeof host objects: %d %s, want all undefined", a.status, a.body)
	}
	time.Sleep(100 * time.Millisecond) // a connection the query made would have been accepted by now
	if n := dialed.Load(); n != 0 {
		t.Errorf("the sandbox reached the network: %d connections to the canary listener", n)
	}
}

// abuseFollowRecursive walks the whole graph recursively without a depth,
// in both directions from every node: the answer comes back (a result, or
// a JSON error once the query timeout struck) and the server answers on.
func abuseFollowRecursive(t *testing.T, base string) {
	for _, q := range []string{
		`g.V().FollowRecursive(g.M().Both()).Count()`,
		`g.V().FollowRecursive(g.M().Both()).All()`,
		`g.V().FollowRecursive(g.M().Out()).FollowRecursive(g.M().In()).Count()`,
		`var n = 0; g.V().FollowRecursive(g.M().Both()).ForEach(function (d) { n++ }); g.Emit(n)`,
	} {
		a := doWithin(t, 2*time.Minute, "POST", base+"/api/v2/query?lang=gizmo", q)
		switch {
		case a.status == 200:
			if _, ok := a.json(t)["result"]; !ok {
				t.Errorf("%s: 200 without a result: %.200s", q, a.body)
			}
		case a.status >= 400 && a.status < 500 || a.status == 503 || a.status == 504:
			if e, _ := a.json(t)["error"].(string); e == "" {
				t.Errorf("%s: %d without a JSON error", q, a.status)
			}
		default:
			t.Errorf("%s: status %d: %.200s", q, a.status, a.body)
		}
		t.Logf("%s: %d %.100s", q, a.status, a.body)
	}
	if a := do(t, "GET", base+"/healthz", ""); a.status != 200 {
		t.Errorf("healthz after recursive walks: %d", a.status)
	}
}

// abuseBigBody posts 10 MB to every route that reads a body: 413 with a
// JSON error (write routes refuse with 403 before reading).
func abuseBigBody(t *testing.T, base string) {
	body := strings.Repeat("g.V().All();", 10<<20/len("g.V().All();")+1)
	for _, route := range []string{"/api/v2/query?lang=gizmo", "/api/v2/query?lang=graphql",
		"/api/v1/query/gizmo", "/query/gizmo", "/api/v2/read", "/api/entities?q=cao"} {
		method := "POST"
		if strings.HasPrefix(route, "/api/entities") {
			method = "GET"
		}
		a := doWithin(t, 2*time.Minute, method, base+route, body)
		if a.status != http.StatusRequestEntityTooLarge {
			t.Errorf("%s %s with 10 MB: %d, want 413 (%.200s)", method, route, a.status, a.body)
			continue
		}
		if e, _ := a.json(t)["error"].(string); e == "" {
			t.Errorf("%s %s: 413 without a JSON error", method, route)
		}
	}
	a := doWithin(t, 2*time.Minute, "POST", base+"/api/v2/write", body)
	wantError(t, a, http.StatusForbidden, "10 MB to /api/v2/write")
}

// abuseConcurrent sends 1,000 requests at once, each on its own
// connection: every answer is 200 or 503 (with Retry-After), the server
// answers on, and the heap after a GC has not grown by more than a
// generous bound.
func abuseConcurrent(t *testing.T, base string) {
	const n = 1000
	heap0 := heapAfterGC()
	tr := &http.Transport{MaxIdleConnsPerHost: -1, DisableKeepAlives: true}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 3 * time.Minute}
	reqs := []struct{ method, path, body string }{
		{"POST", "/api/v2/query?lang=gizmo", `g.V("<https://policykg.org/id/city-0100>").FollowRecursive(g.M().Out(), 20).All()`},
		{"GET", "/api/entities?q=city", ""},
		{"POST", "/api/v1/query/gizmo", `g.V().Has("<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>").Limit(50).All()`},
		{"GET", "/api/entities/city-0007", ""},
	}
	var wg sync.WaitGroup
	var ok, busy atomic.Int32
	var peak atomic.Uint64
	start := make(chan struct{})
	stop := make(chan struct{})
	go sampleHeap(&peak, stop)
	errs := make(chan string, n)
	for i := range n {
		r := reqs[i%len(reqs)]
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			req, _ := http.NewRequest(r.method, base+r.path, strings.NewReader(r.body))
			resp, err := client.Do(req)
			if err != nil {
				errs <- fmt.Sprintf("%s %s: %v", r.method, r.path, err)
				return
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			switch resp.StatusCode {
			case 200:
				ok.Add(1)
			case 503:
				busy.Add(1)
				if resp.Header.Get("Retry-After") == "" || !bytes.Contains(b, []byte(`"error"`)) {
					errs <- fmt.Sprintf("%s %s: 503 without Retry-After or JSON error: %s", r.method, r.path, b)
				}
			default:
				errs <- fmt.Sprintf("%s %s: %d %.200s", r.method, r.path, resp.StatusCode, b)
			}
		}()
	}
	close(start)
	wg.Wait()
	close(stop)
	close(errs)
	var bad []string
	for e := range errs {
		bad = append(bad, e)
	}
	if len(bad) > 0 {
		t.Errorf("%d of %d requests failed; first: %s", len(bad), n, bad[0])
	}
	if ok.Load() == 0 {
		t.Errorf("no request of %d answered 200", n)
	}
	if a := do(t, "GET", base+"/healthz", ""); a.status != 200 {
		t.Errorf("healthz after %d requests: %d", n, a.status)
	}
	tr.CloseIdleConnections()
	heap1 := heapAfterGC()
	t.Logf("%d requests: %d 200, %d 503; heap after GC %d MiB before, %d MiB after; peak heap in use %d MiB",
		n, ok.Load(), busy.Load(), heap0>>20, heap1>>20, peak.Load()>>20)
	const bound = 256 << 20
	if heap1 > heap0+bound {
		t.Errorf("heap grew from %d MiB to %d MiB after %d requests (bound: %d MiB more)", heap0>>20, heap1>>20, n, bound>>20)
	}
}

func heapAfterGC() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// sampleHeap records the largest HeapInuse seen until stop closes.
func sampleHeap(peak *atomic.Uint64, stop <-chan struct{}) {
	t := time.NewTicker(20 * time.Millisecond)
	defer t.Stop()
	for {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		if m.HeapInuse > peak.Load() {
			peak.Store(m.HeapInuse)
		}
		select {
		case <-stop:
			return
		case <-t.C:
		}
	}
}

// abuseSlowHeaders opens 100 connections that send their headers a byte
// at a time (slowloris): the server cuts each off once ReadHeaderTimeout
// passes, and a normal request is answered meanwhile. Each connection
// sends at most 600 bytes, 50 ms apart: far longer than the timeout.
func abuseSlowHeaders(t *testing.T, addr, base string) {
	const conns, maxBytes = 100, 600
	var wg sync.WaitGroup
	var cut atomic.Int32
	held := make(chan struct{})
	var once sync.Once
	for range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := net.Dial("tcp", addr)
			if err != nil {
				t.Errorf("dial: %v", err)
				return
			}
			defer c.Close()
			msg := "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: " + strings.Repeat("a", maxBytes)
			for i := 0; i < maxBytes; i++ {
				if i == 2 {
					once.Do(func() { close(held) })
				}
				if _, err := c.Write([]byte{msg[i]}); err != nil || closed(c) {
					cut.Add(1)
					return
				}
				time.Sleep(50 * time.Millisecond)
			}
		}()
	}
	allDone := make(chan struct{})
	go func() { wg.Wait(); close(allDone) }()
	select { // the slow clients are connected and trickling
	case <-held:
	case <-allDone:
	}
	if a := doWithin(t, time.Minute, "GET", base+"/healthz", ""); a.status != 200 {
		t.Errorf("healthz while %d slow clients hold connections: %d", conns, a.status)
	}
	wg.Wait()
	if n := cut.Load(); n != conns {
		t.Errorf("%d of %d slow-header connections were cut off; the rest sent %d bytes unhindered", n, conns, maxBytes)
	}
}

// abuseSlowBody sends a query body a byte at a time: ReadTimeout ends the
// request (an answer or a closed connection) long before the client is
// done.
func abuseSlowBody(t *testing.T, addr string) {
	const maxBytes = 600
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprintf(c, "POST /api/v2/query?lang=gizmo HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n", maxBytes)
	for i := 0; i < maxBytes; i++ {
		if _, err := c.Write([]byte{' '}); err != nil || closed(c) {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Errorf("a body sent at a byte per 50 ms was read whole (%d bytes): ReadTimeout did not apply", maxBytes)
}

// closed reports whether the server closed c or answered on it.
func closed(c net.Conn) bool {
	c.SetReadDeadline(time.Now().Add(time.Millisecond))
	var b [1]byte
	_, err := c.Read(b[:])
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return false
	}
	return true // EOF, reset, or an answer (a 408 or 400)
}

// abuseTraversal sends raw request lines that try to leave the embedded
// page's files: none answers with a file from outside it, none is a 5xx.
func abuseTraversal(t *testing.T, addr string) {
	for _, p := range []string{
		"/../go.mod", "/static/../../go.mod", "/static/%2e%2e/%2e%2e/go.mod", "/%2e%2e%2f%2e%2e%2fgo.mod",
		"/static/..%2f..%2fserver%2fserver.go", "/static/%252e%252e/%252e%252e/go.mod", "/static/..\\..\\go.mod",
		"/static/.%2e/.%2e/go.mod", "/static/....//....//go.mod", "/static/./../../server.go",
		"//etc/passwd", "/static//etc/passwd", "/static/%2fetc%2fpasswd", "/etc/passwd", "/static/%00../go.mod",
		"/web/../static.go", "/static/web/../../static.go", "http://x/../../go.mod", "/static/C:\\Windows\\win.ini",
		"/api/export/..%2f..%2fgo.mod", "/api/entities/..%2f..%2fgo.mod", "/api/queries/..%2f..%2fgo.mod",
	} {
		status, body := rawGet(t, addr, p)
		unavailable := status == http.StatusNotImplemented && strings.HasPrefix(p, "/api/queries/") // no catalogue here
		if status == 0 || status >= 500 && !unavailable {
			t.Errorf("GET %s: status %d", p, status)
		}
		for _, leak := range []string{"module github.com", "package server", "root:x:0:0", "[fonts]"} {
			if strings.Contains(body, leak) {
				t.Errorf("GET %s: %d, leaked %q", p, status, leak)
			}
		}
	}
}

// abuseWrites posts a quad to every write route Cayley has had, with each
// method: none succeeds (the store's bytes are checked by TestAbuse).
func abuseWrites(t *testing.T, base string) {
	nq := "<https://policykg.org/id/city-0001> <https://policykg.org/vocab#part_of> <https://policykg.org/id/mars> .\n"
	routes := append([]string{"/api/v1/shape/gizmo", "/shape/gizmo"}, writeRoutes...)
	for _, route := range routes {
		for _, m := range []string{"POST", "PUT", "DELETE", "PATCH"} {
			if a := do(t, m, base+route, nq, "Content-Type", "application/n-quads"); a.status < 400 || a.status >= 500 {
				t.Errorf("%s %s: %d, want a 4xx", m, route, a.status)
			}
		}
	}
	a := do(t, "POST", base+"/api/v2/query?lang=gizmo", `g.V("<https://policykg.org/id/mars>").In().All()`)
	if m := a.json(t); m["result"] != nil {
		t.Errorf("the written quad is visible: %v", m)
	}
}

// doWithin is do with a client that gives up after d.
func doWithin(tb testing.TB, d time.Duration, method, url, body string) answer {
	tb.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		tb.Fatal(err)
	}
	resp, err := (&http.Client{Timeout: d}).Do(req)
	if err != nil {
		tb.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatalf("%s %s: read: %v", method, url, err)
	}
	return answer{status: resp.StatusCode, header: resp.Header, body: string(b)}
}
