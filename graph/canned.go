package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"
)

// Canned is a canned query (package queries) ready to run: its text with
// the parameters filled in, and the parameters' resolved values.
type Canned struct {
	Name     string // the query's name, such as "hierarchy"
	Language string // gizmo or graphql
	Source   string // the query file as written, placeholders included
	Text     string // Source with the parameters filled in
	// Params holds each parameter's value as resolved: an IRI in angle
	// brackets for entities, types and predicates; a whole number for ints.
	Params map[string]string
}

// RunCanned answers a canned query, calling fn once per distinct result
// (canned questions mean sets; see Distinct), at most limit times (0: no
// limit). Where graph holds a Go version of the query, written against
// Cayley's indexes, and Source is the very text that version was checked
// against, the Go version answers, skipping the JavaScript and the query
// planner; its answers are the text's (tests compare them on the seed graph
// and on a synthetic one). Otherwise Text runs through Query. The order of
// the results may differ between the two; the set does not.
func (s *Store) RunCanned(ctx context.Context, c Canned, limit int, fn func(any) error) error {
	run, ok := goCanned[c.Name]
	if !ok || run.source != fingerprint(c.Source) {
		return s.Query(ctx, c.Language, c.Text, limit, Distinct(fn))
	}
	return s.runGo(ctx, c, run.fn, limit, fn)
}

// RunCannedText answers c through its text alone, never its Go version:
// the reference the Go versions are tested and benchmarked against.
func (s *Store) RunCannedText(ctx context.Context, c Canned, limit int, fn func(any) error) error {
	return s.Query(ctx, c.Language, c.Text, limit, Distinct(fn))
}

// HasGoVersion reports whether RunCanned answers c with Go code.
func HasGoVersion(c Canned) bool {
	run, ok := goCanned[c.Name]
	return ok && run.source == fingerprint(c.Source)
}

// GoVersionFingerprint returns the fingerprint of the query text the Go
// version of the named query was checked against, and whether there is
// one; Fingerprint(source) must equal it for the Go version to run.
func GoVersionFingerprint(name string) (string, bool) {
	run, ok := goCanned[name]
	return run.source, ok
}

// Fingerprint identifies a query text: the hex SHA-256 of its bytes.
func Fingerprint(source string) string { return fingerprint(source) }

func fingerprint(source string) string {
	h := sha256.Sum256([]byte(source))
	return hex.EncodeToString(h[:])
}

// errEnough stops a Go canned query once limit results are out.
var errEnough = errors.New("enough results")

func (s *Store) runGo(ctx context.Context, c Canned, run cannedFunc, limit int, fn func(any) error) error {
	n := 0
	emit := Distinct(func(r any) error {
		if err := fn(r); err != nil {
			return err
		}
		n++
		if limit > 0 && n >= limit {
			return errEnough
		}
		return nil
	})
	r := newReader(ctx, s)
	err := run(r, cannedArgs(c.Params), emit)
	if errors.Is(err, errEnough) {
		return nil
	}
	if err != nil && !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("query %s: %w", c.Name, err)
	}
	return err
}

// cannedFunc is the Go version of a canned query: it reads through r and
// calls emit for each result, as Cayley's JSON collation would give it.
type cannedFunc func(r *reader, args cannedArgs, emit func(any) error) error

type goVersion struct {
	source string // fingerprint of the query text this code answers for
	fn     cannedFunc
}

// cannedArgs are the resolved parameters of a canned query.
type cannedArgs map[string]string

// value reads an entity, type or predicate parameter as Gizmo would read
// the same quoted string: "<iri>" is an IRI, anything else a literal.
func (a cannedArgs) value(name string) quad.Value {
	return quad.StringToValue(ExpandPrefixes(a[name]))
}

// int reads an int parameter (the catalogue has checked it).
func (a cannedArgs) int(name string) int {
	n, _ := strconv.Atoi(strings.TrimSpace(a[name]))
	return n
}
