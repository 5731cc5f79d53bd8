package graph

import (
	"context"

	"github.com/cayleygraph/cayley/query"
)

// QueryBare runs text through Cayley's query.Execute exactly as given: no
// prefix expansion, no error decoration. It is the baseline the benchmarks
// compare Query against.
func QueryBare(s *Store, ctx context.Context, lang, text string, fn func(any) error) error {
	it, err := query.Execute(ctx, s.qs, lang, text, query.Options{Collation: query.JSON})
	if err != nil {
		return err
	}
	defer it.Close()
	for it.Next(ctx) {
		if r := it.Result(); r != nil {
			if err := fn(r); err != nil {
				return err
			}
		}
	}
	return it.Err()
}
