package server

import (
	"embed"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
)

//go:embed web
var webFS embed.FS

// serveStatic serves the embedded page. Only files embedded under web/ can
// be named: the path is cleaned and checked with fs.ValidPath, which
// refuses "..", so nothing outside the embedded tree is reachable.
func serveStatic(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
	if name == "" {
		name = "index.html"
	}
	name = strings.TrimPrefix(name, "static/")
	if !fs.ValidPath(name) || strings.Contains(r.URL.Path, "..") {
		writeError(w, fmt.Errorf("%s: bad path: %w", r.URL.Path, ErrBadRequest))
		return
	}
	data, err := fs.ReadFile(webFS, "web/"+name)
	if err != nil {
		writeError(w, fmt.Errorf("%s: %w", r.URL.Path, ErrNotFound))
		return
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self'")
	h.Set("Cache-Control", "no-cache")
	w.Write(data)
}
