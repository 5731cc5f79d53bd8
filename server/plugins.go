package server

import (
	"context"

	"github.com/policykg/policykg/graph"
)

// The server serves a library it does not implement: the canned queries.
// cmd/policykg adapts package queries to this interface. Every method only
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

// ExportRequest selects what /api/export writes.
type ExportRequest struct {
	Format string // dot, svg, nquads or jsonld
	Focus  string // entity ID, IRI, name or alias; "" for the whole graph
	Depth  int    // hops around Focus
}
