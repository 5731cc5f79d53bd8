// Package cayleyhttp mounts Cayley's own HTTP API (its v2 query, read and
// formats routes, and the v1 query route) on a read-only policykg store, so
// that Cayley's clients and tools work against a policykg server unchanged.
//
// It lives under graph because it must hold Cayley's quad store, which
// package graph keeps to itself, and apart from graph because it imports
// net/http, which graph must not: graph hands it the store as an opaque
// value (Store.CayleyHandle) and only this package and server know HTTP.
package cayleyhttp

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/query"
	chttp "github.com/cayleygraph/cayley/server/http"
	"github.com/cayleygraph/quad"
	// The formats Cayley's own server offers for /api/v2/read.
	_ "github.com/cayleygraph/quad/dot"
	_ "github.com/cayleygraph/quad/gml"
	_ "github.com/cayleygraph/quad/graphml"
	_ "github.com/cayleygraph/quad/json"
	_ "github.com/cayleygraph/quad/jsonld"
	_ "github.com/cayleygraph/quad/nquads"
	_ "github.com/cayleygraph/quad/pquads"
	"github.com/julienschmidt/httprouter"
	"github.com/policykg/policykg/graph"
)

// Config bounds what one request may cost.
type Config struct {
	QueryTimeout time.Duration // per query; 0 means none
	QueryLimit   int           // most results of a query (v1 and v2)
	ReadLimit    int64         // most quads one /api/v2/read streams
	MaxBody      int64         // largest query body read
}

// TruncatedHeader is the trailer set to "true" when /api/v2/read stopped at
// Config.ReadLimit.
const TruncatedHeader = "X-Policykg-Truncated"

// New returns a handler serving Cayley's API over st, which must be a
// read-only store (graph.OpenReadOnly or graph.OpenSnapshot): its writer
// refuses every change, and Cayley's write routes answer 403 besides.
// Routes: /api/v2/query, /api/v2/read, /api/v2/formats, and the v1 query
// route as both /api/v1/query/:lang and /query/:lang.
func New(st *graph.Store, cfg Config) (http.Handler, error) {
	h, ok := st.CayleyHandle().(*cgraph.Handle)
	if !ok {
		return nil, fmt.Errorf("cayley http: store gave %T, not a Cayley handle", st.CayleyHandle())
	}
	// Queries must run on the backend's own store, whose query optimiser
	// builds iterators only it can run; capStore hands it out per request.
	raw := h.QuadStore
	h = &cgraph.Handle{QuadStore: capStore{raw}, QuadWriter: h.QuadWriter}
	r := httprouter.New()
	r.HandleMethodNotAllowed = false
	r.NotFound = http.HandlerFunc(notFound) // JSON, as every other error answer
	api := chttp.NewBoundAPIv2(h, r)
	api.SetReadOnly(true)
	api.SetQueryTimeout(cfg.QueryTimeout)
	api.SetQueryLimit(cfg.QueryLimit)
	v1 := &v1Query{qs: raw, cfg: cfg}
	r.POST("/api/v1/query/:lang", v1.serve)
	r.POST("/query/:lang", v1.serve)
	return &readCap{next: r, limit: cfg.ReadLimit}, nil
}

// readCap puts a quad counter in the context of /api/v2/read requests, which
// capStore.ForRequest finds and enforces.
type readCap struct {
	next  http.Handler
	limit int64
}

type counterKey struct{}

type counter struct {
	left   atomic.Int64
	capped atomic.Bool
}

func (c *readCap) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/api/v2/read" {
		c.next.ServeHTTP(w, r)
		return
	}
	if r.URL.Query().Get("format") == "" && acceptsAny(r.Header.Get("Accept")) {
		// Cayley reads "Accept: */*" (curl's) as an unknown format;
		// answer N-Quads, its default, instead of 400.
		q := r.URL.Query()
		q.Set("format", "nquads")
		r.URL.RawQuery = q.Encode()
	}
	if c.limit <= 0 {
		c.next.ServeHTTP(w, r)
		return
	}
	n := &counter{}
	n.left.Store(c.limit)
	w.Header().Set("Trailer", TruncatedHeader)
	c.next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), counterKey{}, n)))
	if n.capped.Load() {
		w.Header().Set(TruncatedHeader, "true")
	}
}

func acceptsAny(accept string) bool {
	return accept == "" || strings.HasPrefix(accept, "*/*")
}

// capStore lets Cayley's API ask for a per-request store (Cayley's
// httpgraph.QuadStore contract); for capped reads it counts quads.
type capStore struct{ cgraph.QuadStore }

func (s capStore) ForRequest(r *http.Request) (cgraph.QuadStore, error) {
	n, ok := r.Context().Value(counterKey{}).(*counter)
	if !ok {
		return s.QuadStore, nil
	}
	return &countingStore{QuadStore: s.QuadStore, n: n}, nil
}

// countingStore refuses quads past its counter's limit. It is no query
// optimiser, so reads through it use generic iterators.
type countingStore struct {
	cgraph.QuadStore
	n *counter
}

func (s *countingStore) Quad(ref cgraph.Ref) (quad.Quad, error) {
	if s.n.left.Add(-1) < 0 {
		// io.EOF, not an error: Cayley's reader then ends the stream
		// cleanly, writing out the batch it holds.
		s.n.capped.Store(true)
		return quad.Quad{}, io.EOF
	}
	return s.QuadStore.Quad(ref)
}

// Close leaves the shared store open: Cayley does not close per-request
// stores, and this one must outlive the request in any case.
func (s *countingStore) Close() error { return nil }

// v1Query serves Cayley's v1 query route: the query in the POST body, an
// optional ?limit= (default 100, at most Config.QueryLimit), and the answer
// as {"result": [...]} or {"error": "..."} with status 400.
type v1Query struct {
	qs  cgraph.QuadStore
	cfg Config
}

func (v *v1Query) serve(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	lang := ps.ByName("lang")
	l := query.GetLanguage(lang)
	if l == nil || l.Session == nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "Unknown query language."})
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, v.maxBody()+1))
	if err != nil || int64(len(body)) > v.maxBody() {
		writeJSON(w, http.StatusRequestEntityTooLarge, map[string]string{"error": "query is too large"})
		return
	}
	ctx, cancel := v.context(r)
	defer cancel()
	out, err := run(ctx, l.Session(v.qs), string(body), v.limit(r))
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"result": out})
}

func (v *v1Query) maxBody() int64 {
	if v.cfg.MaxBody > 0 {
		return v.cfg.MaxBody
	}
	return 1 << 20
}

func (v *v1Query) context(r *http.Request) (context.Context, context.CancelFunc) {
	if v.cfg.QueryTimeout > 0 {
		return context.WithTimeout(r.Context(), v.cfg.QueryTimeout)
	}
	return context.WithCancel(r.Context())
}

func (v *v1Query) limit(r *http.Request) int {
	n, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	if n <= 0 {
		n = 100
	}
	if v.cfg.QueryLimit > 0 && n > v.cfg.QueryLimit {
		n = v.cfg.QueryLimit
	}
	return n
}

// run executes a query and collects its results; nil when there are none,
// as Cayley's own v1 route answers.
func run(ctx context.Context, s query.Session, text string, limit int) ([]any, error) {
	it, err := s.Execute(ctx, text, query.Options{Collation: query.JSON, Limit: limit})
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var out []any
	for it.Next(ctx) {
		out = append(out, it.Result())
	}
	return out, it.Err()
}

// notFound answers a path the router does not know, such as a v1 query
// route whose language holds an encoded slash (/api/v1/query/a%2Fb).
func notFound(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusNotFound, map[string]string{"error": r.URL.Path + ": no such route"})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}
