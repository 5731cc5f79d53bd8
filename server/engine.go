package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/policykg/policykg/graph"
	"github.com/policykg/policykg/graph/cayleyhttp"
)

// Why Cayley's query engines run in a child process: Gizmo runs each query
// in a goroutine of Cayley's own, and some queries make Cayley's Go code
// panic there (g.V().FollowRecursive("") or g.V().Out("p", 1), found by
// FuzzQueryParams). Nothing can recover a panic in a goroutine one does not
// own, so in-process one bad query would stop the whole server. The
// server therefore mounts Cayley's HTTP API in an engine process of its own
// (the same executable, started with engineEnv set), on a read-only open
// of the same snapshot, and forwards Cayley's routes to it over a Unix
// socket. If the engine dies, the server starts another and retries the
// request once; a query that kills the engine twice is answered 400 with
// Cayley's panic message. A query that does not stop at its timeout (Go
// code that ignores its context) gets the engine killed and 504. Answers
// are cached in the server as before, so repeated queries never reach the
// engine.

// engineEnv carries an engineSpec, as JSON, to an engine process.
const engineEnv = "POLICYKG_QUERY_ENGINE"

// engineGrace is how long past its timeout a query may run before its
// engine is killed.
const engineGrace = 3 * time.Second

// engineStartTimeout bounds an engine's start (open the store, listen).
const engineStartTimeout = 30 * time.Second

// engineSpec tells an engine what to serve and where.
type engineSpec struct {
	Store  string            `json:"store"`  // snapshot directory, opened read-only
	Socket string            `json:"socket"` // Unix socket to listen on
	Cayley cayleyhttp.Config `json:"cayley"`
}

// MaybeRunEngine turns the process into a query engine if it was started as
// one, and then never returns; otherwise it returns at once. Every program
// that runs a Server calls it first thing in main (and tests in TestMain),
// because the server starts its engines from its own executable.
func MaybeRunEngine() {
	spec := os.Getenv(engineEnv)
	if spec == "" {
		return
	}
	if err := runEngine(spec); err != nil {
		fmt.Fprintln(os.Stderr, "policykg query engine:", err)
		os.Exit(1)
	}
	os.Exit(0)
}

// runEngine serves Cayley's API on the spec's store until standard input
// closes, which happens when the server stops it or dies.
func runEngine(raw string) error {
	var spec engineSpec
	if err := json.Unmarshal([]byte(raw), &spec); err != nil {
		return fmt.Errorf("read %s: %w", engineEnv, err)
	}
	st, err := graph.OpenReadOnly(context.Background(), spec.Store)
	if err != nil {
		return err
	}
	h, err := cayleyhttp.New(st, spec.Cayley)
	if err != nil {
		return err
	}
	os.Remove(spec.Socket)
	ln, err := net.Listen("unix", spec.Socket)
	if err != nil {
		return fmt.Errorf("listen %s: %w", spec.Socket, err)
	}
	go func() {
		io.Copy(io.Discard, os.Stdin)
		os.Exit(0)
	}()
	fmt.Println("ready")
	hs := &http.Server{Handler: settle(h), ReadHeaderTimeout: 10 * time.Second}
	return hs.Serve(ln)
}

// settleFor is how long an engine holds back an empty query answer.
const settleFor = 10 * time.Millisecond

// settle holds back empty query answers for a moment before sending them.
// A panic in Gizmo's goroutine closes the channel Cayley's handler waits
// on as it unwinds, so the handler can answer {"result":null} just before
// the process dies; held back, the answer never leaves and the server
// sees the crash. Answers with results go out at once.
func settle(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.URL.Path, "query") {
			next.ServeHTTP(w, r)
			return
		}
		rec := &heldAnswer{header: w.Header()}
		next.ServeHTTP(rec, r)
		if bytes.Equal(bytes.TrimSpace(rec.body.Bytes()), []byte(`{"result":null}`)) {
			time.Sleep(settleFor)
		}
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		w.WriteHeader(rec.status)
		w.Write(rec.body.Bytes())
	})
}

// heldAnswer records an answer to send later.
type heldAnswer struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (h *heldAnswer) Header() http.Header { return h.header }
func (h *heldAnswer) WriteHeader(code int) {
	if h.status == 0 {
		h.status = code
	}
}
func (h *heldAnswer) Write(p []byte) (int, error) {
	if h.status == 0 {
		h.status = http.StatusOK
	}
	return h.body.Write(p)
}

// engines runs the engine of one generation: started on first use,
// restarted when it dies, stopped when the generation retires.
type engines struct {
	exe     string
	spec    engineSpec
	sockDir string
	hard    time.Duration // a query's timeout plus engineGrace
	crashed func(reason string)
	started func()
	gen     uint64 // the generation's number, for socket names

	mu     sync.Mutex
	cur    *engine // the engine requests share
	probe  *engine // where a request retries alone after an engine died under it
	starts int
	closed bool

	probing sync.Mutex // one retry at a time on the probe
}

// engine is one running engine process.
type engine struct {
	cmd    *exec.Cmd
	stdin  io.Closer
	tr     *http.Transport
	exited chan struct{}
	stderr *tail
}

// errEngineClosed is what a request on a retired generation's engine gets.
var errEngineClosed = errors.New("query engine stopped")

// get returns the running engine of the slot (the shared one, or the probe
// that retries run on one at a time), starting one if need be.
func (p *engines) get(ctx context.Context, probe bool) (*engine, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return nil, errEngineClosed
	}
	slot := &p.cur
	if probe {
		slot = &p.probe
	}
	if *slot != nil && !(*slot).dead() {
		return *slot, nil
	}
	p.starts++
	spec := p.spec
	spec.Socket = filepath.Join(p.sockDir, fmt.Sprintf("g%d-%d.sock", p.gen, p.starts))
	e, err := startEngine(ctx, p.exe, spec)
	if err != nil {
		return nil, err
	}
	p.started()
	p.cur = e
	return e, nil
}

// close stops the engine for good.
func (p *engines) close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.closed = true
	for _, e := range []**engine{&p.cur, &p.probe} {
		if *e != nil {
			(*e).stop()
			*e = nil
		}
	}
}

func startEngine(ctx context.Context, exe string, spec engineSpec) (*engine, error) {
	raw, err := json.Marshal(spec)
	if err != nil {
		return nil, err
	}
	ready := make(chan struct{})
	cmd := exec.Command(exe)
	cmd.Env = append(os.Environ(), engineEnv+"="+string(raw))
	cmd.Stdout = &readyWriter{ready: ready}
	e := &engine{cmd: cmd, exited: make(chan struct{}), stderr: &tail{max: 8 << 10}}
	cmd.Stderr = e.stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, fmt.Errorf("start query engine: %w", err)
	}
	e.stdin = stdin
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start query engine %s: %w", exe, err)
	}
	go func() {
		cmd.Wait()
		close(e.exited)
	}()
	timer := time.NewTimer(engineStartTimeout)
	defer timer.Stop()
	select {
	case <-ready:
	case <-e.exited:
		return nil, fmt.Errorf("start query engine: it exited: %s", e.stderr.reason())
	case <-timer.C:
		e.stop()
		return nil, fmt.Errorf("start query engine: not ready after %s", engineStartTimeout)
	case <-ctx.Done():
		e.stop()
		return nil, fmt.Errorf("start query engine: %w", ctx.Err())
	}
	sock := spec.Socket
	e.tr = &http.Transport{
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, "unix", sock)
		},
		MaxIdleConnsPerHost: 64,
		DisableCompression:  true,
	}
	return e, nil
}

func (e *engine) dead() bool {
	select {
	case <-e.exited:
		return true
	default:
		return false
	}
}

// diedWithin reports whether the engine exits within d.
func (e *engine) diedWithin(d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-e.exited:
		return true
	case <-t.C:
		return false
	}
}

// stop ends the engine: closing its standard input asks it to exit; a kill
// follows if it has not within a second.
func (e *engine) stop() {
	e.stdin.Close()
	if !e.diedWithin(time.Second) {
		e.kill()
	}
	if e.tr != nil {
		e.tr.CloseIdleConnections()
	}
}

func (e *engine) kill() {
	e.cmd.Process.Kill()
	<-e.exited
}

// ServeHTTP forwards a request to the shared engine. If the engine dies
// under it (this query or another one in flight crashed it), the request
// is retried alone on the probe engine: dying there too, it is the culprit.
func (p *engines) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var body []byte
	if r.Body != nil {
		b, err := io.ReadAll(r.Body) // bounded by Server.query
		if err != nil {
			writeError(w, fmt.Errorf("%s: read body: %w", r.URL.Path, ErrBadRequest))
			return
		}
		body = b
	}
	for _, probe := range []bool{false, true} {
		if probe {
			p.probing.Lock()
			defer p.probing.Unlock()
		}
		e, err := p.get(r.Context(), probe)
		if err != nil {
			writeError(w, fmt.Errorf("%s: %w: %w", r.URL.Path, err, ErrBusy))
			return
		}
		resp, overran, err := p.roundTrip(e, r, body)
		switch {
		case err == nil:
			relay(w, resp)
			return
		case overran:
			p.crashed("a query overran its timeout")
			writeError(w, fmt.Errorf("%s: the query ran past its timeout and did not stop; the query engine was restarted: %w",
				r.URL.Path, context.DeadlineExceeded))
			return
		case r.Context().Err() != nil:
			writeError(w, fmt.Errorf("%s: %w", r.URL.Path, r.Context().Err()))
			return
		case !e.diedWithin(time.Second):
			writeError(w, fmt.Errorf("%s: query engine: %w: %w", r.URL.Path, err, ErrBusy))
			return
		}
		why := e.stderr.reason()
		p.crashed(why)
		if probe {
			writeError(w, fmt.Errorf("%s: the query crashed Cayley's query engine (%s); it was restarted: %w",
				r.URL.Path, why, ErrBadRequest))
			return
		}
	}
}

// roundTrip sends r to engine e. If no answer has begun by the hard limit,
// it kills the engine and reports overran.
func (p *engines) roundTrip(e *engine, r *http.Request, body []byte) (*http.Response, bool, error) {
	out := r.Clone(r.Context())
	out.URL.Scheme, out.URL.Host = "http", "engine"
	out.Host = "engine"
	out.RequestURI = ""
	// Re-encoded, the query means the same to Cayley (which reads
	// URL.Query()) and is always valid on the wire to the engine.
	out.URL.RawQuery = r.URL.Query().Encode()
	out.Body = io.NopCloser(bytes.NewReader(body))
	out.ContentLength = int64(len(body))
	if len(body) == 0 {
		out.Body = http.NoBody
	}
	var overran atomic.Bool
	watchdog := time.AfterFunc(p.hard, func() {
		overran.Store(true)
		e.kill()
	})
	resp, err := e.tr.RoundTrip(out)
	watchdog.Stop()
	if err != nil {
		return nil, overran.Load(), err
	}
	return resp, false, nil
}

// hopHeaders are not passed on from the engine's answer.
var hopHeaders = map[string]bool{
	"Connection": true, "Keep-Alive": true, "Transfer-Encoding": true,
	"Trailer": true, "Upgrade": true, "Content-Length": true,
}

// relay writes the engine's answer, streaming its body and passing on
// its trailers.
func relay(w http.ResponseWriter, resp *http.Response) {
	defer resp.Body.Close()
	if resp.StatusCode >= 400 && !strings.Contains(resp.Header.Get("Content-Type"), "json") {
		// Not Cayley's answer but Go's HTTP server's: JSON, as every error.
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		writeJSON(w, resp.StatusCode, errorBody{Error: "query engine: " + strings.TrimSpace(string(msg))})
		return
	}
	h := w.Header()
	for k, vs := range resp.Header {
		if !hopHeaders[k] {
			h[k] = vs
		}
	}
	for k := range resp.Trailer {
		h.Add("Trailer", k)
	}
	w.WriteHeader(resp.StatusCode)
	rc := http.NewResponseController(w)
	buf := make([]byte, 32<<10)
	for {
		n, err := resp.Body.Read(buf)
		if n > 0 {
			if _, werr := w.Write(buf[:n]); werr != nil {
				return
			}
			rc.Flush()
		}
		if err != nil {
			break
		}
	}
	for k, vs := range resp.Trailer {
		h[k] = vs
	}
}

// readyWriter closes ready when the engine prints its ready line.
type readyWriter struct {
	once  sync.Once
	ready chan struct{}
	seen  bytes.Buffer
}

func (r *readyWriter) Write(p []byte) (int, error) {
	r.seen.Write(p)
	if bytes.Contains(r.seen.Bytes(), []byte("ready\n")) {
		r.once.Do(func() { close(r.ready) })
		r.seen.Reset()
	}
	return len(p), nil
}

// tail keeps the last bytes an engine wrote to standard error.
type tail struct {
	mu  sync.Mutex
	max int
	buf []byte
}

func (t *tail) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, p...)
	if len(t.buf) > t.max {
		t.buf = append(t.buf[:0], t.buf[len(t.buf)-t.max:]...)
	}
	return len(p), nil
}

// reason picks out why an engine died: the panic or fatal error line Go
// prints, or else the last line it wrote.
func (t *tail) reason() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	lines := strings.Split(strings.TrimSpace(string(t.buf)), "\n")
	for _, l := range lines {
		for _, p := range []string{"panic: ", "fatal error: "} {
			if strings.HasPrefix(l, p) {
				return clip(strings.TrimSuffix(l, " [recovered, repanicked]"))
			}
		}
	}
	if l := lines[len(lines)-1]; l != "" {
		return clip(l)
	}
	return "no message"
}

func clip(s string) string {
	if len(s) > 300 {
		return s[:300] + "..."
	}
	return s
}
