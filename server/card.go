package server

import (
	"context"
	"fmt"

	"github.com/policykg/policykg/graph"
)

// entityCard assembles the card of an entity.
func entityCard(ctx context.Context, st *graph.Store, id string) (any, error) {
	return nil, fmt.Errorf("entity cards: %w", ErrUnavailable)
}
