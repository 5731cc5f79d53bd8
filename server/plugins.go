package server

import (
	"context"
	"io"

	"github.com/policykg/policykg/graph"
)

// The server serves three libraries it does not implement: the canned
// queries, entity search and cards, and the exporters. cmd/policykg adapts
// packages queries, graph and export to these interfaces. Every method only
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

// EntityHit is one answer of an entity search.
type EntityHit struct {
	ID    string  `json:"id"` // the entity's slug, as /api/entities/{id} takes it
	IRI   string  `json:"iri"`
	Label string  `json:"label"`
	Type  string  `json:"type,omitempty"`
	Match string  `json:"match,omitempty"` // the label or alias that matched
	Score float64 `json:"score"`
}

// Cards finds entities and describes them.
type Cards interface {
	// Search returns up to limit entities whose label or alias matches q,
	// best first.
	Search(ctx context.Context, st *graph.Store, q string, limit int) ([]EntityHit, error)
	// Card returns the entity's card (relations, figures, evidence
	// sentences) as a value that encodes to JSON.
	Card(ctx context.Context, st *graph.Store, id string) (any, error)
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
