package graph

import (
	"encoding/json"
	"sort"
	"strings"
)

// Distinct wraps a result callback so that a result equal to an earlier
// one is dropped, and repeated elements inside a nested result's lists
// (GraphQL) are dropped too. Cayley yields one result per path, so a fact
// stated by two documents comes back twice from a plain traversal; canned
// questions mean sets, and run with Distinct.
func Distinct(fn func(any) error) func(any) error {
	seen := map[string]bool{}
	return func(r any) error {
		r = dedupeLists(r)
		k := key(r)
		if k != "" && seen[k] {
			return nil
		}
		seen[k] = true
		return fn(r)
	}
}

// key is a canonical text for a result: flat rows of strings are joined
// directly, anything else is encoded as JSON (which sorts map keys).
func key(r any) string {
	if m, ok := r.(map[string]any); ok {
		keys := make([]string, 0, len(m))
		for k, v := range m {
			if _, ok := v.(string); !ok {
				return jsonKey(r)
			}
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var b strings.Builder
		for _, k := range keys {
			b.WriteString(k)
			b.WriteByte(0)
			b.WriteString(m[k].(string))
			b.WriteByte(0)
		}
		return b.String()
	}
	return jsonKey(r)
}

func jsonKey(r any) string {
	b, err := json.Marshal(r)
	if err != nil {
		return "" // not comparable: never dropped
	}
	return string(b)
}

// dedupeLists drops repeated elements of the lists inside r, at any depth.
func dedupeLists(r any) any {
	switch x := r.(type) {
	case map[string]any:
		for k, v := range x {
			x[k] = dedupeLists(v)
		}
		return x
	case []map[string]any:
		list := make([]any, len(x))
		for i, m := range x {
			list[i] = m
		}
		return dedupeLists(list)
	case []any:
		seen := map[string]bool{}
		out := x[:0]
		for _, e := range x {
			e = dedupeLists(e)
			if k := key(e); k == "" || !seen[k] {
				seen[k] = true
				out = append(out, e)
			}
		}
		if len(out) == 1 {
			return out[0] // Cayley's GraphQL gives a lone value, not a list of one
		}
		return out
	}
	return r
}
