package graph

import (
	"context"
	"errors"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	ckv "github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
)

// reader reads quads straight from the store's indexes for the Go versions
// of canned queries, within one call: it caches the values of the nodes it
// has named, which is safe because a call sees one state of the store (and
// served stores are read-only snapshots).
type reader struct {
	ctx   context.Context
	s     *Store
	names map[any]quad.Value
	refs  map[quad.Value]cgraph.Ref
	// byLabel: 1 if the store indexes quads by label, -1 if not, 0 unknown.
	byLabel int
}

func newReader(ctx context.Context, s *Store) *reader {
	return &reader{ctx: ctx, s: s, names: map[any]quad.Value{}, refs: map[quad.Value]cgraph.Ref{}}
}

// absent stands for a value the store does not hold: a pattern that fixes
// a direction to it matches no quad.
type absent struct{}

func (absent) Key() any { return absent{} }

// ref returns the store's reference to v, or absent{} when no quad holds v.
func (r *reader) ref(v quad.Value) (cgraph.Ref, error) {
	if x, ok := r.refs[v]; ok {
		return x, nil
	}
	x, err := r.s.qs.ValueOf(v)
	if err != nil {
		return nil, fmt.Errorf("look up %v: %w", v, err)
	}
	if x == nil {
		x = absent{}
	}
	r.refs[v] = x
	return x, nil
}

// value returns the value a reference stands for.
func (r *reader) value(x cgraph.Ref) (quad.Value, error) {
	if _, ok := x.(absent); ok || x == nil {
		return nil, nil
	}
	k := refs.ToKey(x)
	if v, ok := r.names[k]; ok {
		return v, nil
	}
	v, err := r.s.qs.NameOf(x)
	if err != nil {
		return nil, fmt.Errorf("read node: %w", err)
	}
	r.names[k] = v
	return v, nil
}

// native returns what Cayley's JSON collation gives for the node x: IRIs
// as "<...>" strings, strings as themselves, numbers as Go numbers.
func (r *reader) native(x cgraph.Ref) (any, error) {
	v, err := r.value(x)
	if err != nil || v == nil {
		return nil, err
	}
	out := v.Native()
	if nv, ok := out.(quad.Value); ok && nv == v {
		return quad.StringOf(v), nil
	}
	return out, nil
}

// text is native for nodes the caller knows to be IRIs or strings.
func (r *reader) text(x cgraph.Ref) (string, error) {
	v, err := r.native(x)
	if err != nil {
		return "", err
	}
	s, _ := v.(string)
	return s, nil
}

// link is one quad, as references.
type link struct{ s, p, o, l cgraph.Ref }

// pattern fixes some directions of the quads to read; nil means any.
type pattern struct{ s, p, o, l cgraph.Ref }

// each calls fn for every quad matching pat, reading the narrowest index
// the store has for it.
func (r *reader) each(pat pattern, fn func(link) error) error {
	if pat.none() {
		return nil
	}
	it := r.scanner(pat)
	defer it.Close()
	qs := r.s.qs
	n := 0
	for it.Next(r.ctx) {
		if n++; n%1024 == 0 && r.ctx.Err() != nil {
			return r.ctx.Err()
		}
		q := it.Result()
		var l link
		var err error
		if l.s, err = qs.QuadDirection(q, quad.Subject); err != nil {
			return err
		}
		if l.p, err = qs.QuadDirection(q, quad.Predicate); err != nil {
			return err
		}
		if l.o, err = qs.QuadDirection(q, quad.Object); err != nil {
			return err
		}
		if l.l, err = qs.QuadDirection(q, quad.Label); err != nil {
			return err
		}
		if !pat.matches(l) {
			continue
		}
		if err := fn(l); err != nil {
			return err
		}
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("read %s: %w", r.s.loc, err)
	}
	return r.ctx.Err()
}

// none reports whether pat fixes a direction to a value the store lacks.
func (pat pattern) none() bool {
	for _, x := range []cgraph.Ref{pat.s, pat.p, pat.o, pat.l} {
		if _, ok := x.(absent); ok {
			return true
		}
	}
	return false
}

func (pat pattern) matches(l link) bool {
	return same(pat.s, l.s) && same(pat.p, l.p) && same(pat.o, l.o) && same(pat.l, l.l)
}

// same reports whether x is the wanted reference (nil wants anything).
func same(want, x cgraph.Ref) bool {
	return want == nil || (x != nil && refs.ToKey(want) == refs.ToKey(x))
}

// scanner picks the index for pat. On bolt it scans a prefix of
// (object, predicate, subject) or (subject, predicate) when pat fixes
// those directions (the two indexes every Cayley key-value store has);
// elsewhere, and for predicate or label alone, it asks the store for the
// quads of one direction. each checks the rest.
func (r *reader) scanner(pat pattern) iterator.Scanner {
	if kq, ok := r.s.qs.(*ckv.QuadStore); ok {
		if sc := kvScan(kq, pat, r.labelIndexed()); sc != nil {
			return sc.Iterate()
		}
	}
	for _, d := range []struct {
		dir quad.Direction
		ref cgraph.Ref
	}{{quad.Object, pat.o}, {quad.Subject, pat.s}, {quad.Label, pat.l}, {quad.Predicate, pat.p}} {
		if d.ref != nil {
			return r.s.qs.QuadIterator(d.dir, d.ref).Iterate()
		}
	}
	return r.s.qs.QuadsAllIterator().Iterate()
}

// labelIndexed caches Store.labelIndexed for the call.
func (r *reader) labelIndexed() bool {
	if r.byLabel == 0 {
		r.byLabel = -1
		if r.s.labelIndexed() {
			r.byLabel = 1
		}
	}
	return r.byLabel > 0
}

// kvScan picks a prefix of one of the store's indexes for pat: (label,
// subject) first when the store has it, since a label (an evidence node)
// holds few quads; then (object, predicate, subject); then (subject,
// predicate).
func kvScan(kq *ckv.QuadStore, pat pattern, byLabel bool) iterator.Shape {
	id := func(x cgraph.Ref) (uint64, bool) {
		v, ok := x.(ckv.Int64Value)
		return uint64(v), ok
	}
	var dirs []quad.Direction
	var vals []uint64
	add := func(x cgraph.Ref) bool {
		v, ok := id(x)
		if ok {
			vals = append(vals, v)
		}
		return ok
	}
	switch {
	case pat.l != nil && byLabel:
		dirs = []quad.Direction{quad.Label, quad.Subject}
		if add(pat.l) && pat.s != nil {
			add(pat.s)
		}
	case pat.o != nil:
		dirs = []quad.Direction{quad.Object, quad.Predicate, quad.Subject}
		if add(pat.o) && pat.p != nil && add(pat.p) && pat.s != nil {
			add(pat.s)
		}
	case pat.s != nil:
		dirs = []quad.Direction{quad.Subject, quad.Predicate}
		if add(pat.s) && pat.p != nil {
			add(pat.p)
		}
	default:
		return nil
	}
	if len(vals) == 0 {
		return nil
	}
	return ckv.IndexScan{Index: ckv.QuadIndex{Dirs: dirs}, Values: vals}.BuildIterator(kq)
}

// objects returns the distinct objects of the quads subject pred *.
func (r *reader) objects(subject, pred cgraph.Ref) ([]cgraph.Ref, error) {
	return r.distinct(pattern{s: subject, p: pred}, func(l link) cgraph.Ref { return l.o })
}

// subjects returns the distinct subjects of the quads * pred object.
func (r *reader) subjects(pred, object cgraph.Ref) ([]cgraph.Ref, error) {
	return r.distinct(pattern{p: pred, o: object}, func(l link) cgraph.Ref { return l.s })
}

// distinct collects one direction of the quads matching pat, each once, in
// the order first met.
func (r *reader) distinct(pat pattern, get func(link) cgraph.Ref) ([]cgraph.Ref, error) {
	var out []cgraph.Ref
	seen := map[any]bool{}
	err := r.each(pat, func(l link) error {
		x := get(l)
		if x == nil {
			return nil
		}
		if k := refs.ToKey(x); !seen[k] {
			seen[k] = true
			out = append(out, x)
		}
		return nil
	})
	return out, err
}

// errFound stops a scan that has found what it looked for.
var errFound = errors.New("found")

// firstObject returns the first object of the quads subject pred * (in
// index order) that ok accepts, or nil.
func (r *reader) firstObject(subject cgraph.Ref, pred quad.Value, ok func(quad.Value) bool) (quad.Value, error) {
	p, err := r.ref(pred)
	if err != nil {
		return nil, err
	}
	var out quad.Value
	err = r.each(pattern{s: subject, p: p}, func(l link) error {
		v, err := r.value(l.o)
		if err != nil {
			return err
		}
		if v != nil && ok(v) {
			out = v
			return errFound
		}
		return nil
	})
	if errors.Is(err, errFound) {
		err = nil
	}
	return out, err
}
