// Package server serves a policykg store read-only over HTTP: Cayley's own
// query API (mounted, not rewritten), the project's API for entities,
// exports and canned queries, health and metrics, and an embedded web page
// for researchers. It is the only package that imports net/http (with
// graph/cayleyhttp, its bridge to Cayley's handlers).
//
// Nothing served can change the store: the server answers from read-only
// snapshots of it (see snapshot.go), every write route of Cayley's API
// answers 403, and the snapshot's writer refuses every change.
//
// Cayley's query engines run in a child process (engine.go), so that a query
// that crashes Cayley cannot take the server down: a program that runs a
// Server must call MaybeRunEngine first thing in main.
package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/policykg/policykg/graph/cayleyhttp"
)

// Config holds the server's settings; zero values take the defaults.
type Config struct {
	DB   string // store location (a bolt path)
	Addr string // listen address, default 127.0.0.1:8080

	QueryTimeout  time.Duration // per query, default 5s
	ResultLimit   int           // most results per query, default 1000
	ReadLimit     int64         // most quads per /api/v2/read, default 100000
	MaxBody       int64         // largest request body, default 1 MiB
	MaxConcurrent int           // queries running at once, default 8; more get 503
	MaxDepth      int           // largest export depth, default 4

	CacheEntries int   // answers cached, default 4096; negative disables
	CacheBytes   int64 // bytes cached, default 64 MiB

	Token       string   // when set, API requests need "Authorization: Bearer <Token>"
	CORSOrigins []string // origins allowed cross-origin; "*" for any

	ReloadInterval time.Duration // how often to look for a rebuilt store; 0: only on Reload

	ReadHeaderTimeout time.Duration // default 5s
	ReadTimeout       time.Duration // default 30s
	WriteTimeout      time.Duration // default 60s
	IdleTimeout       time.Duration // default 120s

	TempDir string // where snapshots live; default os.TempDir()

	// EngineExe is the executable started as the query engine that runs
	// Cayley's API (see engine.go); it must call MaybeRunEngine first thing.
	// Default: this process's own executable.
	EngineExe string
	Logger    *slog.Logger

	Catalogue Catalogue // canned queries; nil: /api/queries answers 501
}

func (c *Config) setDefaults() {
	def := func(v *int, d int) {
		if *v == 0 {
			*v = d
		}
	}
	def64 := func(v *int64, d int64) {
		if *v == 0 {
			*v = d
		}
	}
	dur := func(v *time.Duration, d time.Duration) {
		if *v == 0 {
			*v = d
		}
	}
	if c.Addr == "" {
		c.Addr = "127.0.0.1:8080"
	}
	dur(&c.QueryTimeout, 5*time.Second)
	def(&c.ResultLimit, 1000)
	def64(&c.ReadLimit, 100000)
	def64(&c.MaxBody, 1<<20)
	def(&c.MaxConcurrent, 8)
	def(&c.MaxDepth, 4)
	def(&c.CacheEntries, 4096)
	def64(&c.CacheBytes, 64<<20)
	dur(&c.ReadHeaderTimeout, 5*time.Second)
	dur(&c.ReadTimeout, 30*time.Second)
	dur(&c.WriteTimeout, 60*time.Second)
	dur(&c.IdleTimeout, 120*time.Second)
	if c.Logger == nil {
		c.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
}

// Server serves one store. Create it with New; Close it when done.
type Server struct {
	cfg     Config
	snaps   *snapshots
	tmp     string
	sockDir string
	cache   *cache
	flights flights // cacheable requests running now
	sem     chan struct{}
	metrics *metrics
	handler http.Handler
}

// New opens the first snapshot of cfg.DB and returns a server for it.
func New(ctx context.Context, cfg Config) (*Server, error) {
	cfg.setDefaults()
	tmp, err := os.MkdirTemp(cfg.TempDir, "policykg-serve-")
	if err != nil {
		return nil, fmt.Errorf("serve %s: %w", cfg.DB, err)
	}
	exe := cfg.EngineExe
	if exe == "" {
		if exe, err = os.Executable(); err != nil {
			os.RemoveAll(tmp)
			return nil, fmt.Errorf("serve %s: find the query engine: %w", cfg.DB, err)
		}
	}
	// Unix socket paths are limited to about 100 bytes: a short directory.
	sockDir, err := os.MkdirTemp("", "pkge")
	if err != nil {
		os.RemoveAll(tmp)
		return nil, fmt.Errorf("serve %s: %w", cfg.DB, err)
	}
	s := &Server{cfg: cfg, tmp: tmp, sockDir: sockDir, sem: make(chan struct{}, cfg.MaxConcurrent)}
	if cfg.CacheEntries > 0 {
		s.cache = newCache(cfg.CacheEntries, cfg.CacheBytes)
	}
	s.metrics = newMetrics(s)
	s.snaps = &snapshots{db: cfg.DB, tmp: tmp, cfg: cayleyhttp.Config{
		QueryTimeout: cfg.QueryTimeout, QueryLimit: cfg.ResultLimit,
		ReadLimit: cfg.ReadLimit, MaxBody: cfg.MaxBody,
	}, onSwap: s.swapped, engine: engineConfig{
		exe: exe, sockDir: sockDir,
		started: s.metrics.engineStarts.Inc,
		crashed: func(reason string) {
			s.metrics.engineCrashes.Inc()
			cfg.Logger.Warn("query engine died under a request; restarting", "reason", reason)
		},
	}}
	if _, err := s.snaps.Reload(ctx, true); err != nil {
		os.RemoveAll(tmp)
		os.RemoveAll(sockDir)
		return nil, fmt.Errorf("serve %s: %w", cfg.DB, err)
	}
	s.handler = s.routes()
	return s, nil
}

// swapped runs when a new generation goes into service.
func (s *Server) swapped(g *generation) {
	if s.cache.enabled() {
		s.cache.clear()
	}
	s.metrics.generation.Set(float64(g.n))
	s.cfg.Logger.Info("serving snapshot", "generation", g.n, "store", s.cfg.DB)
}

// Handler returns the server's routes, for tests and embedding.
func (s *Server) Handler() http.Handler { return s.handler }

// Generation returns the number of the snapshot in service (1 at start).
func (s *Server) Generation() uint64 { return s.snaps.cur.Load().n }

// Reload serves a new snapshot if the store changed since the last one.
// On error the previous snapshot stays in service.
func (s *Server) Reload(ctx context.Context) (bool, error) {
	return s.snaps.Reload(ctx, false)
}

// Close closes the snapshot in service and deletes the server's copies.
func (s *Server) Close() error {
	err := s.snaps.close()
	if rerr := os.RemoveAll(s.tmp); err == nil {
		err = rerr
	}
	if rerr := os.RemoveAll(s.sockDir); err == nil {
		err = rerr
	}
	return err
}

// Serve answers on ln until ctx is done, then shuts down gracefully. With
// a ReloadInterval it polls the store and reloads after a build.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: s.cfg.ReadHeaderTimeout,
		ReadTimeout:       s.cfg.ReadTimeout,
		WriteTimeout:      s.cfg.WriteTimeout,
		IdleTimeout:       s.cfg.IdleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.cfg.Logger.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	if s.cfg.ReloadInterval > 0 {
		go s.watch(ctx)
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := hs.Shutdown(sctx)
	if rerr := <-errc; !errors.Is(rerr, http.ErrServerClosed) && err == nil {
		err = rerr
	}
	return err
}

// watch reloads when the store's file changes; a build in progress holds
// the file, so the reload waits for the next tick.
func (s *Server) watch(ctx context.Context) {
	t := time.NewTicker(s.cfg.ReloadInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if _, err := s.Reload(ctx); err != nil && ctx.Err() == nil {
				s.cfg.Logger.Warn("reload deferred", "err", err)
			}
		}
	}
}

// bearer reports whether r carries the configured token.
func bearer(r *http.Request) string {
	h := r.Header.Get("Authorization")
	if len(h) > 7 && strings.EqualFold(h[:7], "bearer ") {
		return strings.TrimSpace(h[7:])
	}
	return ""
}
