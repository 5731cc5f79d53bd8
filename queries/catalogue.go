// Package queries holds the canned questions researchers ask of the graph,
// as Gizmo (.js) and GraphQL (.graphql) files embedded in the binary, and
// the catalogue that reads their headers and fills in their parameters.
//
// Each file starts with a header of comment lines ("//" in Gizmo, "#" in
// GraphQL):
//
//	// Title: Administrative hierarchy under a place
//	// Question: Which places lie inside a place, at any depth?
//	// Param: place entity = Hebei -- the place to look under
//	// Returns: one edge per place: source part_of target
//
// A line without a key continues the previous one. In the body,
// {{name}} stands for a parameter's value. Values are never pasted raw:
// Bind quotes text as a JSON string literal (valid in JavaScript and in
// GraphQL) and checks integers, after a Resolver has turned names into IRIs.
package queries

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
)

//go:embed *.js *.graphql
var files embed.FS

// Languages of the query files, by file ending.
const (
	Gizmo   = "gizmo"
	GraphQL = "graphql"
)

// Kinds of parameters. A Resolver is asked to turn entity, type and
// predicate values into IRIs; text is quoted as it is; int must be a whole
// number from 0 to MaxInt.
const (
	Entity    = "entity"
	Type      = "type"
	Predicate = "predicate"
	Text      = "text"
	Int       = "int"
)

// MaxInt bounds int parameters (depths, hops), so a parameter cannot ask
// for an unbounded walk.
const MaxInt = 20

// ErrUnknown is returned (wrapped) for an unknown query or parameter.
var ErrUnknown = errors.New("unknown")

// Param is one parameter of a query.
type Param struct {
	Name    string `json:"name"`
	Kind    string `json:"kind"`
	Default string `json:"default"`
	Doc     string `json:"doc,omitempty"`
}

// Query is one canned question.
type Query struct {
	Name     string  `json:"name"` // the file name without its ending
	Language string  `json:"language"`
	Title    string  `json:"title"`
	Question string  `json:"question"`
	Returns  string  `json:"returns,omitempty"`
	Params   []Param `json:"params"`
	Text     string  `json:"text"` // the whole file, placeholders included
}

// Resolver turns the value of an entity, type or predicate parameter into
// the text to quote, normally an IRI in angle brackets.
type Resolver func(kind, value string) (string, error)

var load = sync.OnceValues(func() ([]Query, error) { return readAll(files) })

// All returns the canned queries sorted by name.
func All() ([]Query, error) {
	qs, err := load()
	return append([]Query(nil), qs...), err
}

// Get returns the canned query called name.
func Get(name string) (Query, error) {
	qs, err := load()
	if err != nil {
		return Query{}, err
	}
	for _, q := range qs {
		if q.Name == name {
			return q, nil
		}
	}
	names := make([]string, len(qs))
	for i, q := range qs {
		names[i] = q.Name
	}
	return Query{}, fmt.Errorf("query %q: %w (have %s)", name, ErrUnknown, strings.Join(names, ", "))
}

func readAll(fsys fs.FS) ([]Query, error) {
	var out []Query
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || language(p) == "" {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return fmt.Errorf("read query %s: %w", p, err)
		}
		q, err := Parse(p, string(data))
		if err != nil {
			return err
		}
		out = append(out, q)
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, err
}

func language(file string) string {
	switch path.Ext(file) {
	case ".js":
		return Gizmo
	case ".graphql":
		return GraphQL
	}
	return ""
}

var (
	paramLine   = regexp.MustCompile(`^(\w+)\s+(\w+)\s*=\s*(.*?)\s*(?:--\s*(.*))?$`)
	placeholder = regexp.MustCompile(`\{\{\s*(\w+)\s*\}\}`)
)

// Parse reads a query file: its header and its placeholders. file names
// the query (its base name without the ending) and its language.
func Parse(file, text string) (Query, error) {
	base := path.Base(file)
	q := Query{Language: language(file), Name: strings.TrimSuffix(base, path.Ext(base)), Text: text}
	if q.Language == "" {
		return q, fmt.Errorf("query %s: unknown language (want .js or .graphql)", file)
	}
	comment := "//"
	if q.Language == GraphQL {
		comment = "#"
	}
	if err := q.parseHeader(file, comment); err != nil {
		return q, err
	}
	return q, q.checkPlaceholders(file)
}

func (q *Query) parseHeader(file, comment string) error {
	var last *string
	for n, line := range strings.Split(q.Text, "\n") {
		line = strings.TrimSpace(line)
		rest, ok := strings.CutPrefix(line, comment)
		if !ok {
			break
		}
		rest = strings.TrimSpace(rest)
		key, val, _ := strings.Cut(rest, ":")
		switch strings.ToLower(key) {
		case "title":
			q.Title, last = strings.TrimSpace(val), &q.Title
		case "question":
			q.Question, last = strings.TrimSpace(val), &q.Question
		case "returns":
			q.Returns, last = strings.TrimSpace(val), &q.Returns
		case "param":
			p, err := parseParam(strings.TrimSpace(val))
			if err != nil {
				return fmt.Errorf("query %s:%d: %w", file, n+1, err)
			}
			q.Params = append(q.Params, p)
			last = &q.Params[len(q.Params)-1].Doc
		default:
			if last != nil && rest != "" {
				*last = strings.TrimSpace(*last + " " + rest)
			}
		}
	}
	if q.Title == "" || q.Question == "" {
		return fmt.Errorf("query %s: header needs a Title and a Question", file)
	}
	return nil
}

func parseParam(s string) (Param, error) {
	m := paramLine.FindStringSubmatch(s)
	if m == nil {
		return Param{}, fmt.Errorf("bad Param line %q (want: name kind = default -- doc)", s)
	}
	p := Param{Name: m[1], Kind: m[2], Default: m[3], Doc: m[4]}
	switch p.Kind {
	case Entity, Type, Predicate, Text:
	case Int:
		if _, err := checkInt(p.Default); err != nil {
			return p, fmt.Errorf("param %s: default: %w", p.Name, err)
		}
	default:
		return p, fmt.Errorf("param %s: unknown kind %q", p.Name, p.Kind)
	}
	return p, nil
}

// checkPlaceholders makes sure the body uses exactly the declared params.
func (q *Query) checkPlaceholders(file string) error {
	used := map[string]bool{}
	for _, m := range placeholder.FindAllStringSubmatch(q.Text, -1) {
		used[m[1]] = true
	}
	for _, p := range q.Params {
		if !used[p.Name] {
			return fmt.Errorf("query %s: param %s is declared but not used", file, p.Name)
		}
		delete(used, p.Name)
	}
	for name := range used {
		return fmt.Errorf("query %s: {{%s}} is not a declared param", file, name)
	}
	return nil
}

// Bind returns the query text with every placeholder replaced by its
// parameter's value: args[name], or the default where args has none.
// resolve (which may be nil) turns entity, type and predicate values into
// IRIs first. Every value is inserted as a quoted string literal or a
// checked integer, so no value can change the query's structure.
func (q Query) Bind(args map[string]string, resolve Resolver) (string, error) {
	b, err := q.Prepare(args, resolve)
	return b.Text, err
}

// Bound is a query with its parameters filled in.
type Bound struct {
	Text string // the query text, as Bind returns it
	// Values holds each parameter's value as resolved, before quoting: an
	// IRI in angle brackets for entities, types and predicates (when a
	// Resolver gave one), the text for text, the number for int.
	Values map[string]string
}

// Prepare is Bind that also returns the resolved value of each parameter,
// for code that answers the query without running its text.
func (q Query) Prepare(args map[string]string, resolve Resolver) (Bound, error) {
	for name := range args {
		if !q.hasParam(name) {
			return Bound{}, fmt.Errorf("query %s: parameter %q: %w (have %s)", q.Name, name, ErrUnknown, q.paramNames())
		}
	}
	values := make(map[string]string, len(q.Params))
	literals := make(map[string]string, len(q.Params))
	for _, p := range q.Params {
		v, ok := args[p.Name]
		if !ok {
			v = p.Default
		}
		val, err := p.value(v, resolve)
		if err != nil {
			return Bound{}, fmt.Errorf("query %s: parameter %s=%q: %w", q.Name, p.Name, v, err)
		}
		values[p.Name] = val
		literals[p.Name] = val
		if p.Kind != Int {
			literals[p.Name] = Quote(val)
		}
	}
	text := placeholder.ReplaceAllStringFunc(q.Text, func(m string) string {
		return literals[placeholder.FindStringSubmatch(m)[1]]
	})
	return Bound{Text: text, Values: values}, nil
}

// value checks v and resolves it: a checked integer, or a name turned into
// an IRI by resolve.
func (p Param) value(v string, resolve Resolver) (string, error) {
	if p.Kind == Int {
		n, err := checkInt(v)
		return strconv.Itoa(n), err
	}
	if p.Kind != Text && resolve != nil {
		return resolve(p.Kind, v)
	}
	return v, nil
}

func checkInt(s string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 || n > MaxInt {
		return 0, fmt.Errorf("want a whole number from 0 to %d", MaxInt)
	}
	return n, nil
}

// Quote returns s as a double-quoted string literal that JavaScript and
// GraphQL both read back as s.
func Quote(s string) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}

func (q Query) hasParam(name string) bool {
	for _, p := range q.Params {
		if p.Name == name {
			return true
		}
	}
	return false
}

func (q Query) paramNames() string {
	if len(q.Params) == 0 {
		return "none"
	}
	names := make([]string, len(q.Params))
	for i, p := range q.Params {
		names[i] = p.Name
	}
	return strings.Join(names, ", ")
}
