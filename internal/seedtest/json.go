package seedtest

import (
	"encoding/json"
	"sort"
)

// SortLists sorts every list inside a decoded JSON value, at any depth, by
// the JSON text of its elements, so that answers whose lists come in no
// fixed order compare equal. It sorts in place and returns v.
func SortLists(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = SortLists(e)
		}
	case []any:
		keys := make([]string, len(x))
		for i, e := range x {
			x[i] = SortLists(e)
			b, _ := json.Marshal(x[i])
			keys[i] = string(b)
		}
		sort.Sort(byJSON{keys, x})
	}
	return v
}

// byJSON sorts vals by keys, their JSON texts.
type byJSON struct {
	keys []string
	vals []any
}

func (b byJSON) Len() int           { return len(b.keys) }
func (b byJSON) Less(i, j int) bool { return b.keys[i] < b.keys[j] }
func (b byJSON) Swap(i, j int) {
	b.keys[i], b.keys[j] = b.keys[j], b.keys[i]
	b.vals[i], b.vals[j] = b.vals[j], b.vals[i]
}
