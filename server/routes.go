package server

import (
	"bytes"
	"crypto/subtle"
	"fmt"
	"io"
	"net/http"
	"slices"

	"github.com/policykg/policykg/graph"
)

// writeRoutes are the routes Cayley (v1 and v2) and its tools use to change
// a store. They are answered here, before Cayley's handlers, with 403.
var writeRoutes = []string{
	"/api/v2/write", "/api/v2/delete", "/api/v2/node/delete", "/api/v2/namespace",
	"/api/v1/write", "/api/v1/write/file/nquad", "/api/v1/delete",
	"/write", "/write/file/nquad", "/delete",
}

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	handle := func(pattern, name string, h http.Handler) {
		mux.Handle(pattern, s.metrics.wrap(name, h))
	}
	for _, p := range writeRoutes {
		handle(p, "write", http.HandlerFunc(refuseWrite))
	}
	handle("/api/v1/shape/", "write", http.HandlerFunc(refuseWrite))
	handle("/shape/", "write", http.HandlerFunc(refuseWrite))

	cay := func(g *generation, w http.ResponseWriter, r *http.Request) { g.cayley.ServeHTTP(w, r) }
	handle("/api/v2/query", "v2_query", s.query(methods("GET", "POST"), true, cay))
	handle("/api/v2/read", "v2_read", s.query(methods("GET", "POST"), false, cay))
	handle("/api/v2/formats", "v2_formats", s.query(methods("GET"), true, cay))
	handle("/api/v1/query/{lang}", "v1_query", s.query(methods("POST"), true, cay))
	handle("/query/{lang}", "v1_query", s.query(methods("POST"), true, cay))

	handle("/api/entities", "entities", s.query(methods("GET"), true, s.serveSearch))
	handle("/api/entities/{id...}", "entity", s.query(methods("GET"), true, s.serveCard))
	handle("/api/export/{format}", "export", s.query(methods("GET"), true, s.serveExport))
	handle("/api/queries", "queries", s.query(methods("GET"), true, s.serveCatalogue))
	handle("/api/queries/{name}", "canned", s.query(methods("GET"), true, s.serveCanned))
	handle("/api/", "unknown", http.HandlerFunc(notFound))

	handle("/healthz", "healthz", methods("GET")(http.HandlerFunc(s.serveHealth)))
	handle("/metrics", "metrics", methods("GET")(s.metrics.handler()))
	handle("/", "page", methods("GET")(http.HandlerFunc(serveStatic)))
	return s.cors(s.auth(mux))
}

func refuseWrite(w http.ResponseWriter, r *http.Request) {
	writeError(w, fmt.Errorf("%s %s: policykg serves this %w", r.Method, r.URL.Path, graph.ErrReadOnly))
}

func notFound(w http.ResponseWriter, r *http.Request) {
	writeError(w, fmt.Errorf("%s: no such route: %w", r.URL.Path, ErrNotFound))
}

// methods answers 405 to requests with any other method (HEAD goes with GET).
func methods(allowed ...string) func(http.Handler) http.Handler {
	return func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			m := r.Method
			if m == http.MethodHead {
				m = http.MethodGet
			}
			if !slices.Contains(allowed, m) {
				w.Header().Set("Allow", joinMethods(allowed))
				writeError(w, fmt.Errorf("%s %s: %w (allowed: %s)", r.Method, r.URL.Path, ErrMethod, joinMethods(allowed)))
				return
			}
			h.ServeHTTP(w, r)
		})
	}
}

func joinMethods(m []string) string {
	var b bytes.Buffer
	for i, s := range m {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(s)
	}
	return b.String()
}

// query wraps a handler that reads the store: it bounds the request body,
// pins a generation for the request, answers from the cache when it can,
// and otherwise runs the handler if a query slot is free (503 if not).
func (s *Server) query(check func(http.Handler) http.Handler, cacheable bool,
	h func(*generation, http.ResponseWriter, *http.Request)) http.Handler {
	return check(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := s.readBody(r)
		if err != nil {
			writeError(w, err)
			return
		}
		g := s.snaps.acquire()
		defer g.release()
		w.Header().Set("X-Policykg-Generation", fmt.Sprint(g.n))
		var key string
		if cacheable && s.cache.enabled() {
			key = cacheKey(g.n, r, body)
			if c, ok := s.cache.get(key); ok {
				s.metrics.cacheHits.Inc()
				writeCached(w, c)
				return
			}
			// The same request arriving while one runs waits for its
			// answer rather than taking a query slot of its own.
			done, leader := s.flights.join(key)
			if leader {
				defer s.flights.leave(key, done)
			} else {
				select {
				case <-done:
				case <-r.Context().Done():
					writeError(w, fmt.Errorf("%s: %w", r.URL.Path, r.Context().Err()))
					return
				}
				if c, ok := s.cache.get(key); ok {
					s.metrics.cacheHits.Inc()
					writeCached(w, c)
					return
				}
				key = "" // not cacheable after all: run it
			}
			s.metrics.cacheMisses.Inc()
		}
		select {
		case s.sem <- struct{}{}:
			defer func() { <-s.sem }()
		default:
			s.metrics.rejected.Inc()
			writeError(w, fmt.Errorf("%s: %w", r.URL.Path, ErrBusy))
			return
		}
		if key == "" {
			h(g, w, r)
			return
		}
		rec := &recorder{ResponseWriter: w, limit: s.cache.maxEntry}
		h(g, rec, r)
		if rec.status == http.StatusOK && !rec.over {
			s.cache.put(&cached{key: key, status: rec.status,
				contentType: w.Header().Get("Content-Type"), body: bytes.Clone(rec.buf.Bytes())})
		}
	}))
}

func writeCached(w http.ResponseWriter, c *cached) {
	h := w.Header()
	if c.contentType != "" {
		h.Set("Content-Type", c.contentType)
	}
	h.Set("X-Policykg-Cache", "hit")
	w.WriteHeader(c.status)
	w.Write(c.body)
}

// readBody reads a request body of at most MaxBody bytes and puts it back
// for the handler.
func (s *Server) readBody(r *http.Request) ([]byte, error) {
	if r.Body == nil || r.Body == http.NoBody {
		return nil, nil
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, s.cfg.MaxBody+1))
	r.Body.Close()
	if err != nil {
		return nil, fmt.Errorf("%s: read body: %w", r.URL.Path, ErrBadRequest)
	}
	if int64(len(body)) > s.cfg.MaxBody {
		return nil, fmt.Errorf("%s: body over %d bytes: %w", r.URL.Path, s.cfg.MaxBody, ErrTooLarge)
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	return body, nil
}

// auth requires the bearer token, when one is set, on everything but the
// page itself and /healthz: the page asks for the token and sends it.
func (s *Server) auth(next http.Handler) http.Handler {
	if s.cfg.Token == "" {
		return next
	}
	want := []byte(s.cfg.Token)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if public(r.URL.Path) || r.Method == http.MethodOptions ||
			subtle.ConstantTimeCompare([]byte(bearer(r)), want) == 1 {
			next.ServeHTTP(w, r)
			return
		}
		writeError(w, fmt.Errorf("%s: %w", r.URL.Path, ErrUnauthorized))
	})
}

// public paths are served without a token: the page (no data in it) and
// the health check.
func public(path string) bool {
	switch {
	case path == "/healthz", path == "/", path == "/index.html":
		return true
	case len(path) > 8 && path[:8] == "/static/":
		return true
	}
	return false
}

// cors allows the configured origins to call the API from their pages.
func (s *Server) cors(next http.Handler) http.Handler {
	if len(s.cfg.CORSOrigins) == 0 {
		return next
	}
	any := slices.Contains(s.cfg.CORSOrigins, "*")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		if origin != "" && (any || slices.Contains(s.cfg.CORSOrigins, origin)) {
			h := w.Header()
			h.Add("Vary", "Origin")
			if any && s.cfg.Token == "" {
				h.Set("Access-Control-Allow-Origin", "*")
			} else {
				h.Set("Access-Control-Allow-Origin", origin)
			}
			h.Set("Access-Control-Expose-Headers", "X-Policykg-Generation, X-Policykg-Cache")
			if r.Method == http.MethodOptions {
				h.Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
				h.Set("Access-Control-Allow-Headers", "Authorization, Content-Type, Accept")
				h.Set("Access-Control-Max-Age", "600")
				w.WriteHeader(http.StatusNoContent)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}
