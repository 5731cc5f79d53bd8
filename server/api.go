package server

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// limitParam reads ?limit=, defaulting to def and capped at the server's
// result limit.
func (s *Server) limitParam(r *http.Request, def int) (int, error) {
	v := r.URL.Query().Get("limit")
	if v == "" {
		return min(def, s.cfg.ResultLimit), nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, fmt.Errorf("%s: limit %q: want a positive number: %w", r.URL.Path, v, ErrBadRequest)
	}
	return min(n, s.cfg.ResultLimit), nil
}

func (s *Server) timeout(r *http.Request) (context.Context, context.CancelFunc) {
	return context.WithTimeout(r.Context(), s.cfg.QueryTimeout)
}

// serveSearch answers /api/entities?q=: entities by label or alias, ranked.
func (s *Server) serveSearch(g *generation, w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		writeError(w, fmt.Errorf("%s: missing ?q= (a name or alias to look for): %w", r.URL.Path, ErrBadRequest))
		return
	}
	limit, err := s.limitParam(r, 20)
	if err != nil {
		writeError(w, err)
		return
	}
	if err := g.names.load(r.Context(), g.st); err != nil {
		writeError(w, fmt.Errorf("search %q: %w", q, err))
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"query": q, "result": g.names.search(q, limit)})
}

// serveCard answers /api/entities/{id}: the entity card.
func (s *Server) serveCard(g *generation, w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if id == "" {
		writeError(w, fmt.Errorf("%s: missing entity id: %w", r.URL.Path, ErrBadRequest))
		return
	}
	ctx, cancel := s.timeout(r)
	defer cancel()
	card, err := entityCard(ctx, g.st, id)
	if err != nil {
		writeError(w, fmt.Errorf("entity %s: %w", id, err))
		return
	}
	writeJSON(w, http.StatusOK, card)
}

// serveExport answers /api/export/{format}?focus=&depth=.
func (s *Server) serveExport(g *generation, w http.ResponseWriter, r *http.Request) {
	req, ctype, err := s.exportRequest(r)
	if err != nil {
		writeError(w, err)
		return
	}
	ctx, cancel := s.timeout(r)
	defer cancel()
	var buf bytes.Buffer // whole, so that a failure still gets its status
	if err := writeExport(ctx, g.st, req, &buf); err != nil {
		writeError(w, fmt.Errorf("export %s of %q: %w", req.Format, req.Focus, err))
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if req.Format == "svg" {
		// The picture is drawn by our exporter, but treat it as untrusted
		// when opened on its own: no scripts.
		w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
	}
	w.Write(buf.Bytes())
}

func (s *Server) exportRequest(r *http.Request) (ExportRequest, string, error) {
	q := r.URL.Query()
	req := ExportRequest{Format: r.PathValue("format"), Focus: strings.TrimSpace(q.Get("focus")), Depth: 1}
	ctype, ok := exportTypes[req.Format]
	if !ok {
		return req, "", fmt.Errorf("export: unknown format %q (want dot, svg, nquads or jsonld): %w", req.Format, ErrNotFound)
	}
	if v := q.Get("depth"); v != "" {
		d, err := strconv.Atoi(v)
		if err != nil || d < 0 || d > s.cfg.MaxDepth {
			return req, "", fmt.Errorf("export: depth %q: want 0 to %d: %w", v, s.cfg.MaxDepth, ErrBadRequest)
		}
		req.Depth = d
	}
	return req, ctype, nil
}

// serveCatalogue answers /api/queries: the canned queries.
func (s *Server) serveCatalogue(g *generation, w http.ResponseWriter, r *http.Request) {
	if s.cfg.Catalogue == nil {
		writeError(w, fmt.Errorf("%s: canned queries: %w", r.URL.Path, ErrUnavailable))
		return
	}
	list := s.cfg.Catalogue.List()
	if list == nil {
		list = []CannedQuery{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"result": list})
}

// serveCanned answers /api/queries/{name}?param=...: runs a canned query.
func (s *Server) serveCanned(g *generation, w http.ResponseWriter, r *http.Request) {
	if s.cfg.Catalogue == nil {
		writeError(w, fmt.Errorf("%s: canned queries: %w", r.URL.Path, ErrUnavailable))
		return
	}
	name := r.PathValue("name")
	limit, err := s.limitParam(r, s.cfg.ResultLimit)
	if err != nil {
		writeError(w, err)
		return
	}
	params := map[string]string{}
	for k, v := range r.URL.Query() {
		if k != "limit" && len(v) > 0 {
			params[k] = v[0]
		}
	}
	ctx, cancel := s.timeout(r)
	defer cancel()
	out := []any{}
	err = s.cfg.Catalogue.Run(ctx, g.st, name, params, limit, func(v any) error {
		out = append(out, v)
		return nil
	})
	if err != nil {
		writeError(w, fmt.Errorf("query %s: %w", name, err))
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"name": name, "params": params, "result": out})
}

// serveHealth answers 200 with the snapshot in service.
func (s *Server) serveHealth(w http.ResponseWriter, r *http.Request) {
	g := s.snaps.acquire()
	defer g.release()
	writeJSON(w, http.StatusOK, map[string]any{
		"status": "ok", "generation": g.n, "loaded": g.loaded.UTC().Format(time.RFC3339),
	})
}
