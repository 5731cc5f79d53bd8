package graph

import (
	"sort"
	"unicode/utf16"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/policykg/policykg/ontology"
)

// connectionPredicates are the relations the connection query follows, in
// its order.
var connectionPredicates = []string{string(ontology.PartOf), string(ontology.LocatedIn), string(ontology.RecipientOf),
	string(ontology.TransfersTo), string(ontology.CooperatesWith), string(ontology.OfficialOf), string(ontology.AffiliatedWith),
	string(ontology.Implements)}

// step is one relation from a node of the frontier (near) to another (far).
type step struct {
	near, far, pred cgraph.Ref
	nearT, farT     string // as the query's JavaScript sees them
	predT           string
	forward         bool
}

func (s step) key() string {
	dir := "0"
	if !s.forward {
		dir = "1"
	}
	return s.farT + " " + s.predT + " " + dir + " " + s.nearT
}

// reach records how the search first reached a node.
type reach struct {
	edge map[string]any
	prev string
}

// connection: a breadth-first search from one end over the relations,
// either way, taking at each level the steps in the query's order (by far
// node, predicate, forward first, near node), up to hops levels; then the
// chain back from the other end.
func connection(r *reader, a cannedArgs, emit func(any) error) error {
	from, err := r.ref(a.value("from"))
	if err != nil {
		return err
	}
	fromT, toT := a["from"], a["to"]
	if v, err := r.native(from); err != nil {
		return err
	} else if s, ok := v.(string); ok {
		fromT = s
	}
	if to, err := r.ref(a.value("to")); err != nil {
		return err
	} else if s, err := r.text(to); err != nil {
		return err
	} else if s != "" {
		toT = s
	}
	preds := make([]cgraph.Ref, len(connectionPredicates))
	for i, p := range connectionPredicates {
		if preds[i], err = r.vocabRef(p); err != nil {
			return err
		}
	}
	reached := map[string]reach{fromT: {}}
	// seen holds the nodes reached before the current level, by reference:
	// steps to them are dropped before their names are read.
	seen := newRefSet()
	seen.add(from)
	frontier := []cgraph.Ref{from}
	for d := 0; d < a.int("hops") && len(frontier) > 0; d++ {
		if _, ok := reached[toT]; ok {
			break
		}
		steps, err := r.steps(frontier, preds, seen)
		if err != nil {
			return err
		}
		var next []cgraph.Ref
		for _, s := range steps {
			if _, ok := reached[s.farT]; ok {
				continue
			}
			edge := map[string]any{"source": s.nearT, "target": s.farT, "predicate": s.predT}
			if !s.forward {
				edge["source"], edge["target"] = s.farT, s.nearT
			}
			reached[s.farT] = reach{edge: edge, prev: s.nearT}
			next = append(next, s.far)
			if s.farT == toT {
				break // the rest of the level cannot change the chain to it
			}
		}
		for _, n := range next {
			seen.add(n)
		}
		frontier = next
	}
	return emitChain(reached, fromT, toT, emit)
}

func emitChain(reached map[string]reach, from, to string, emit func(any) error) error {
	if _, ok := reached[to]; !ok || to == from {
		return nil
	}
	var chain []map[string]any
	for at := to; at != from; at = reached[at].prev {
		chain = append([]map[string]any{reached[at].edge}, chain...)
	}
	for i, e := range chain {
		e["hop"] = int64(i + 1)
		if err := emit(e); err != nil {
			return err
		}
	}
	return nil
}

// steps lists the relations of the frontier nodes, out and in, sorted as
// the query sorts them (JavaScript compares strings by UTF-16 code units).
func (r *reader) steps(frontier, preds []cgraph.Ref, seen *refSet) ([]step, error) {
	var out []step
	for _, n := range frontier {
		nearT, err := r.text(n)
		if err != nil {
			return nil, err
		}
		for _, p := range preds {
			predT, err := r.text(p)
			if err != nil {
				return nil, err
			}
			for _, forward := range []bool{true, false} {
				pat := pattern{s: n, p: p}
				if !forward {
					pat = pattern{p: p, o: n}
				}
				err := r.each(pat, func(l link) error {
					far := l.o
					if !forward {
						far = l.s
					}
					if seen.has(far) {
						return nil
					}
					farT, err := r.text(far)
					out = append(out, step{near: n, far: far, pred: p, nearT: nearT, farT: farT, predT: predT, forward: forward})
					return err
				})
				if err != nil {
					return nil, err
				}
			}
		}
	}
	sortSteps(out)
	return out, nil
}

// sortSteps sorts steps by key as JavaScript compares strings: by UTF-16
// code units. For ASCII keys (all of them, in practice) that is byte order.
func sortSteps(steps []step) {
	keys := make([]string, len(steps))
	ascii := true
	for i, s := range steps {
		keys[i] = s.key()
		for j := 0; ascii && j < len(keys[i]); j++ {
			ascii = keys[i][j] < 0x80
		}
	}
	idx := make([]int, len(steps))
	for i := range idx {
		idx[i] = i
	}
	if ascii {
		sort.SliceStable(idx, func(i, j int) bool { return keys[idx[i]] < keys[idx[j]] })
	} else {
		units := make([][]uint16, len(keys))
		for i, k := range keys {
			units[i] = utf16.Encode([]rune(k))
		}
		sort.SliceStable(idx, func(i, j int) bool { return lessUnits(units[idx[i]], units[idx[j]]) })
	}
	sorted := make([]step, len(steps))
	for i, k := range idx {
		sorted[i] = steps[k]
	}
	copy(steps, sorted)
}

// lessUnits compares UTF-16 strings as JavaScript's < does.
func lessUnits(ua, ub []uint16) bool {
	for i := 0; i < len(ua) && i < len(ub); i++ {
		if ua[i] != ub[i] {
			return ua[i] < ub[i]
		}
	}
	return len(ua) < len(ub)
}
