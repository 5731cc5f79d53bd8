package server

import (
	"context"
	"io"

	"github.com/policykg/policykg/graph"
)

// The server serves two libraries it does not implement: the canned
// queries and the exporters. cmd/policykg adapts packages queries and
// export to these interfaces. Every method only
// reads the store it is given. "Not found" is an error wrapping ErrNotFound
// (or graph.ErrNotFound); bad input wraps ErrBadRequest.

// CannedQuery describes one query of the library.
type CannedQuery struct {
	Name        string  `json:"name"`
	Title       string  `json:"title"` // the question in plain words
	Description string  `json:"description,omitempty"`
	Lang        string  `json:"lang"` // gizmo or graphql
	Params      []Param `json:"params,omitempty"`
	Text        string  `json:"text,omitempty"` // the query source
}

// Param is a parameter of a canned query.
type Param struct {
	Name        string `json:"name"`
	Default     string `json:"default,omitempty"`
	Description string `json:"description,omitempty"`
}

// Catalogue is the canned query library.
type Catalogue interface {
	// List returns every query, in a stable order.
	List() []CannedQuery
	// Run runs the named query with params (missing ones take their
	// defaults) and calls fn for each result, at most limit of them.
	Run(ctx context.Context, st *graph.Store, name string, params map[string]string, limit int, fn func(any) error) error
}

// ExportRequest selects what to export.
type ExportRequest struct {
	Format string // dot, svg, nquads or jsonld
	Focus  string // entity ID or label; "" for the whole graph
	Depth  int    // hops around Focus
}

// Exporter writes the graph, or the neighbourhood of a focus, in a format.
type Exporter interface {
	// ContentType returns the media type of a format, and false when the
	// exporter does not write it.
	ContentType(format string) (string, bool)
	Export(ctx context.Context, st *graph.Store, req ExportRequest, w io.Writer) error
}
