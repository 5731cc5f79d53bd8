package server

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/policykg/policykg/graph"
	"github.com/policykg/policykg/graph/cayleyhttp"
)

// How a served graph is updated: the server never opens the store a build
// writes to for longer than it takes to copy it. At start and on each
// reload it copies the bolt file, under the shared lock a build excludes,
// into a directory of its own and opens the copy read-only (a generation).
// A build into the same path therefore runs unhindered (it waits at most
// for a copy to finish) and the server goes on answering from the previous
// generation; once the build is done, a reload (SIGHUP, Server.Reload, or
// the file's changed size or time noticed by polling) swaps in a new
// generation atomically. Requests hold the generation they started with;
// an old one is closed and deleted when its last request is done. Each
// generation is immutable, which is what makes caching answers safe.

// generation is one immutable snapshot of the store and its handlers.
type generation struct {
	n      uint64
	stamp  string // graph.Stamp of the store when copied
	loaded time.Time
	st     *graph.Store
	cayley *engines  // Cayley's API, in an engine process (engine.go)
	names  nameIndex // for entity search

	mu     sync.RWMutex // held for reading by each request using it
	closed bool
}

// snapshots holds the current generation and makes new ones.
type snapshots struct {
	db     string
	tmp    string
	cfg    cayleyhttp.Config
	engine engineConfig
	cur    atomic.Pointer[generation]
	reload sync.Mutex // one reload at a time
	onSwap func(*generation)
}

// load opens a new generation of the store, numbered n.
func (s *snapshots) load(ctx context.Context, n uint64) (*generation, error) {
	stamp, err := graph.Stamp(s.db)
	if err != nil {
		return nil, err
	}
	st, err := graph.OpenSnapshot(ctx, s.db, s.tmp)
	if err != nil {
		return nil, err
	}
	h := &engines{
		exe: s.engine.exe, sockDir: s.engine.sockDir, hard: s.cfg.QueryTimeout + engineGrace,
		spec:    engineSpec{Store: st.Location().Path, Cayley: s.cfg},
		crashed: s.engine.crashed, started: s.engine.started, gen: n,
	}
	return &generation{n: n, stamp: stamp, loaded: time.Now(), st: st, cayley: h}, nil
}

// Reload swaps in a new generation if the store changed since the current
// one was copied (or always, with force). On error the current generation
// stays in service. It reports whether it swapped.
func (s *snapshots) Reload(ctx context.Context, force bool) (bool, error) {
	s.reload.Lock()
	defer s.reload.Unlock()
	old := s.cur.Load()
	if old != nil && !force {
		stamp, err := graph.Stamp(s.db)
		if err != nil {
			return false, fmt.Errorf("reload: %w", err)
		}
		if stamp == old.stamp {
			return false, nil
		}
	}
	var n uint64 = 1
	if old != nil {
		n = old.n + 1
	}
	g, err := s.load(ctx, n)
	if err != nil {
		return false, fmt.Errorf("reload: %w", err)
	}
	s.cur.Store(g)
	if s.onSwap != nil {
		s.onSwap(g)
	}
	if old != nil {
		go old.retire()
	}
	return true, nil
}

// acquire returns the current generation, held until release.
func (s *snapshots) acquire() *generation {
	for {
		g := s.cur.Load()
		g.mu.RLock()
		if !g.closed {
			return g
		}
		g.mu.RUnlock() // retired under us: the next one is in place
	}
}

func (g *generation) release() { g.mu.RUnlock() }

// retire waits for the generation's requests and closes it, deleting its copy.
func (g *generation) retire() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed {
		return nil
	}
	g.closed = true
	g.cayley.close()
	return g.st.Close()
}

// close retires the current generation; the server is done.
func (s *snapshots) close() error {
	s.reload.Lock()
	defer s.reload.Unlock()
	if g := s.cur.Load(); g != nil {
		return g.retire()
	}
	return nil
}

// engineConfig is how a generation starts its query engine.
type engineConfig struct {
	exe     string              // executable that runs MaybeRunEngine first
	sockDir string              // short directory for the engines' sockets
	crashed func(reason string) // an engine died under a request
	started func()              // an engine started
}
