package server

import (
	"context"
	"errors"
	"fmt"

	"github.com/policykg/policykg/graph"
	"github.com/policykg/policykg/queries"
)

// Library is the Catalogue of package queries: the canned researcher
// questions embedded in the binary.
type Library struct{}

func (Library) List() []CannedQuery {
	all, err := queries.All()
	if err != nil {
		return nil // the embedded files are checked by queries' tests
	}
	out := make([]CannedQuery, 0, len(all))
	for _, q := range all {
		c := CannedQuery{Name: q.Name, Title: q.Title, Description: q.Question, Lang: q.Language, Text: q.Text}
		for _, p := range q.Params {
			c.Params = append(c.Params, Param{Name: p.Name, Default: p.Default, Description: p.Doc})
		}
		out = append(out, c)
	}
	return out
}

// Run binds the parameters (names resolved through the served store) and
// runs the query (its Go version where graph has one), dropping the
// repeated results Cayley yields per path.
func (Library) Run(ctx context.Context, st *graph.Store, name string, params map[string]string, limit int, fn func(any) error) error {
	q, err := queries.Get(name)
	if errors.Is(err, queries.ErrUnknown) {
		return fmt.Errorf("%w: %w", ErrNotFound, err)
	}
	if err != nil {
		return err
	}
	b, err := q.Prepare(params, st.ParamResolver(ctx))
	switch {
	case errors.Is(err, queries.ErrUnknown), errors.Is(err, graph.ErrAmbiguous):
		return fmt.Errorf("%w: %w", ErrBadRequest, err)
	case err != nil:
		return err
	}
	c := graph.Canned{Name: q.Name, Language: q.Language, Source: q.Text, Text: b.Text, Params: b.Values}
	return st.RunCanned(ctx, c, limit, fn)
}
