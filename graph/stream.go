package graph

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/graphml"
	"github.com/cayleygraph/quad/jsonld"
	"github.com/cayleygraph/quad/nquads"
	"github.com/policykg/policykg/ontology"
)

// QuadFormats are the formats WriteQuads writes.
var QuadFormats = []string{"nquads", "jsonld", "graphml"}

// WriteQuads writes the quads that f selects to w in one of QuadFormats,
// through Cayley's quad writers, and returns how many it wrote. It streams:
// memory grows with the selected entities and evidence, never with the
// number of quads (for graphml, also with the distinct values written, as
// the GraphML writer numbers each node once).
func (s *Store) WriteQuads(ctx context.Context, w io.Writer, format string, f Filter) (int64, error) {
	bw := bufio.NewWriterSize(w, 1<<16)
	var qw quad.WriteCloser
	switch format {
	case "nquads":
		qw = nquads.NewWriter(bw)
	case "graphml":
		qw = graphml.NewWriter(bw)
	case "jsonld":
		qw = newJSONLDStream(bw)
	default:
		return 0, fmt.Errorf("write quads: unknown format %q (want %s)", format, strings.Join(QuadFormats, ", "))
	}
	var n int64
	err := s.eachSelected(ctx, f, func(q quad.Quad) error {
		n++
		return qw.WriteQuad(q)
	})
	if cerr := qw.Close(); err == nil {
		err = cerr
	}
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return n, fmt.Errorf("write %s: %w", format, err)
	}
	return n, nil
}

// eachSelected calls fn for every quad the filter selects, stopping at the
// first error fn returns. Without entity filters it walks the store's own
// iterators; with them, it reads each selected entity's quads in IRI order,
// then those of their metrics, evidence, sentences and documents.
//
// It speaks Cayley's quad type, so it stays inside this package: the rest
// of the program uses WriteQuads and Subgraph.
func (s *Store) eachSelected(ctx context.Context, f Filter, fn func(quad.Quad) error) error {
	sel, err := s.resolve(ctx, f)
	if err != nil {
		return err
	}
	emit := func(q quad.Quad) error {
		if !sel.keep(q) {
			return nil
		}
		return fn(q)
	}
	switch {
	case sel.entities != nil:
		return s.streamEntities(ctx, sel, fn)
	case sel.labels != nil:
		for _, l := range sortedValues(sel.labels) {
			if err := s.scan(ctx, quad.Label, l, emit); err != nil {
				return err
			}
		}
		return nil
	}
	return s.scanAll(ctx, emit)
}

// streamEntities emits the quads about the selected entities, then the
// quads of the nodes those quads lead to: metrics, evidence, sentences and
// documents.
func (s *Store) streamEntities(ctx context.Context, sel *selection, fn func(quad.Quad) error) error {
	metrics, evidence := map[quad.Value]bool{}, map[quad.Value]bool{}
	hasMetric := vocab(ontology.HasMetric)
	note := func(q quad.Quad) {
		if l, ok := q.Label.(quad.IRI); ok && strings.Contains(string(l), "#") {
			evidence[l] = true
		}
	}
	for _, e := range sortedValues(sel.entities) {
		err := s.scan(ctx, quad.Subject, e, func(q quad.Quad) error {
			if _, rel := relations[q.Predicate]; rel && !sel.entities[q.Object] || !sel.keep(q) {
				return nil
			}
			if q.Predicate == hasMetric {
				metrics[q.Object] = true
			}
			note(q)
			return fn(q)
		})
		if err != nil {
			return err
		}
	}
	if err := s.streamSubjects(ctx, sel, metrics, func(q quad.Quad) { note(q) }, fn); err != nil {
		return err
	}
	sentences, docs := map[quad.Value]bool{}, map[quad.Value]bool{}
	follow := func(q quad.Quad) {
		switch q.Predicate {
		case vocab(ontology.Sentence):
			sentences[q.Object] = true
		case vocab(ontology.InDoc):
			docs[q.Object] = true
		}
	}
	if err := s.streamSubjects(ctx, sel, evidence, follow, fn); err != nil {
		return err
	}
	if err := s.streamSubjects(ctx, sel, sentences, nil, fn); err != nil {
		return err
	}
	mentions := vocab(ontology.Mentions)
	return s.streamSubjects(ctx, sel, docs, nil, func(q quad.Quad) error {
		if q.Predicate == mentions && !sel.entities[q.Object] {
			return nil
		}
		return fn(q)
	})
}

// streamSubjects emits the kept quads of each subject in set, in order,
// calling seen (when not nil) on each before fn.
func (s *Store) streamSubjects(ctx context.Context, sel *selection, set map[quad.Value]bool, seen func(quad.Quad), fn func(quad.Quad) error) error {
	for _, v := range sortedValues(set) {
		err := s.scan(ctx, quad.Subject, v, func(q quad.Quad) error {
			if !sel.keep(q) {
				return nil
			}
			if seen != nil {
				seen(q)
			}
			return fn(q)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// scan calls fn for every quad whose value in direction d is v.
func (s *Store) scan(ctx context.Context, d quad.Direction, v quad.Value, fn func(quad.Quad) error) error {
	ref, err := s.qs.ValueOf(v)
	if err != nil || ref == nil {
		return err // nil ref: the value is not in the store
	}
	it := s.qs.QuadIterator(d, ref).Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			return fmt.Errorf("read %s: %w", s.loc, err)
		}
		if err := fn(q); err != nil {
			return err
		}
	}
	return it.Err()
}

// scanAll calls fn for every quad in the store.
func (s *Store) scanAll(ctx context.Context, fn func(quad.Quad) error) error {
	it := s.qs.QuadsAllIterator().Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			return fmt.Errorf("read %s: %w", s.loc, err)
		}
		if err := fn(q); err != nil {
			return err
		}
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("read %s: %w", s.loc, err)
	}
	return nil
}

// jsonldStream writes JSON-LD in bounded memory. Cayley's JSON-LD writer
// holds every quad until Close; this feeds it batches of quads and joins
// the documents it writes into one top-level array. A node that appears in
// several batches appears as several objects with the same @id, which
// JSON-LD processors merge.
type jsonldStream struct {
	w     io.Writer
	batch []quad.Quad
	n     int // batches written
}

// jsonldBatch is how many quads go to the JSON-LD writer at a time.
var jsonldBatch = 5000

func newJSONLDStream(w io.Writer) *jsonldStream { return &jsonldStream{w: w} }

func (j *jsonldStream) WriteQuad(q quad.Quad) error {
	j.batch = append(j.batch, q)
	if len(j.batch) >= jsonldBatch {
		return j.flush()
	}
	return nil
}

func (j *jsonldStream) WriteQuads(qs []quad.Quad) (int, error) {
	for i, q := range qs {
		if err := j.WriteQuad(q); err != nil {
			return i, err
		}
	}
	return len(qs), nil
}

func (j *jsonldStream) flush() error {
	if len(j.batch) == 0 {
		return nil
	}
	sort.Slice(j.batch, func(a, b int) bool { return j.batch[a].String() < j.batch[b].String() })
	var buf bytes.Buffer
	lw := jsonld.NewWriter(&buf)
	if _, err := lw.WriteQuads(j.batch); err != nil {
		return err
	}
	if err := lw.Close(); err != nil {
		return err
	}
	j.batch = j.batch[:0]
	body := bytes.TrimSpace(buf.Bytes())
	body = bytes.TrimSuffix(bytes.TrimPrefix(body, []byte("[")), []byte("]"))
	if len(bytes.TrimSpace(body)) == 0 {
		return nil
	}
	sep := "[\n"
	if j.n > 0 {
		sep = ",\n"
	}
	j.n++
	if _, err := io.WriteString(j.w, sep); err != nil {
		return err
	}
	_, err := j.w.Write(body)
	return err
}

func (j *jsonldStream) Close() error {
	if err := j.flush(); err != nil {
		return err
	}
	end := "\n]\n"
	if j.n == 0 {
		end = "[]\n"
	}
	_, err := io.WriteString(j.w, end)
	return err
}
