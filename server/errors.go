package server

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"

	"github.com/policykg/policykg/graph"
)

// Sentinel errors of the server and of what it serves. Plug-ins (Catalogue,
// Cards, Exporter) wrap these, or graph's, so that status maps them.
var (
	ErrBadRequest   = errors.New("bad request")
	ErrNotFound     = errors.New("not found")
	ErrUnauthorized = errors.New("missing or wrong bearer token")
	ErrTooLarge     = errors.New("request body too large")
	ErrBusy         = errors.New("too many queries running; try again shortly")
	ErrMethod       = errors.New("method not allowed")
	ErrUnavailable  = errors.New("not available on this server")
)

// status maps an error to its HTTP status: the one place that does.
func status(err error) int {
	switch {
	case errors.Is(err, ErrBadRequest):
		return http.StatusBadRequest
	case errors.Is(err, ErrNotFound), errors.Is(err, graph.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, ErrUnauthorized):
		return http.StatusUnauthorized
	case errors.Is(err, graph.ErrReadOnly):
		return http.StatusForbidden
	case errors.Is(err, ErrMethod):
		return http.StatusMethodNotAllowed
	case errors.Is(err, ErrTooLarge):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, ErrUnavailable):
		return http.StatusNotImplemented
	case errors.Is(err, ErrBusy), errors.Is(err, graph.ErrLocked), errors.Is(err, graph.ErrNoStore):
		return http.StatusServiceUnavailable
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusGatewayTimeout
	}
	return http.StatusInternalServerError
}

// errorBody is the JSON of every error answer, in Cayley's shape.
type errorBody struct {
	Error string `json:"error"`
}

// writeError answers with err's status and {"error": "..."}.
func writeError(w http.ResponseWriter, err error) {
	code := status(err)
	if code == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "1")
	}
	if code == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="policykg"`)
	}
	writeJSON(w, code, errorBody{Error: err.Error()})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}
