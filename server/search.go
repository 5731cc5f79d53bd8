package server

import (
	"context"
	"sort"
	"strings"
	"sync"

	"github.com/policykg/policykg/graph"
	"github.com/policykg/policykg/ontology"
)

// EntityHit is one answer of an entity search.
type EntityHit struct {
	ID    string  `json:"id"` // the entity's slug, as /api/entities/{id} takes it
	IRI   string  `json:"iri"`
	Label string  `json:"label"`
	Type  string  `json:"type,omitempty"`
	Match string  `json:"match"` // the label or alias that matched
	Score float64 `json:"score"`
}

// nameIndex holds a generation's entity names for search; built on first
// use, kept as long as the generation (which never changes).
type nameIndex struct {
	once  sync.Once
	names []graph.Name
	lower []string
	err   error
}

func (x *nameIndex) load(ctx context.Context, st *graph.Store) error {
	x.once.Do(func() {
		x.names, x.err = st.Names(context.WithoutCancel(ctx))
		x.lower = make([]string, len(x.names))
		for i, n := range x.names {
			x.lower[i] = strings.ToLower(n.Text)
		}
	})
	return x.err
}

// search ranks the entities whose label or alias matches q: whole name
// first, then names starting with q, then names with a word starting with
// q, then names containing q; labels before aliases, short names before
// long. Each entity appears once, with its best match.
func (x *nameIndex) search(q string, limit int) []EntityHit {
	q = strings.ToLower(strings.TrimSpace(q))
	best := map[ontology.EntityID]EntityHit{}
	for i, name := range x.lower {
		score := matchScore(name, q)
		if score == 0 {
			continue
		}
		n := x.names[i]
		if n.Alias {
			score -= 5
		}
		score -= float64(len(name)) / 100
		if old, ok := best[n.ID]; ok && old.Score >= score {
			continue
		}
		best[n.ID] = EntityHit{ID: string(n.ID), IRI: ontology.EntityIRI(n.ID), Label: n.Label,
			Type: n.Type, Match: n.Text, Score: score}
	}
	hits := make([]EntityHit, 0, len(best))
	for _, h := range best {
		hits = append(hits, h)
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].Score != hits[j].Score {
			return hits[i].Score > hits[j].Score
		}
		return hits[i].ID < hits[j].ID
	})
	if len(hits) > limit {
		hits = hits[:limit]
	}
	return hits
}

// matchScore rates how well name (lower case) matches q: 0 for no match.
func matchScore(name, q string) float64 {
	switch {
	case name == q:
		return 100
	case strings.HasPrefix(name, q):
		return 80
	case strings.Contains(name, " "+q) || strings.Contains(name, "-"+q) || strings.Contains(name, "'"+q):
		return 60
	case strings.Contains(name, q):
		return 30
	}
	return 0
}
