package graph

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/policykg/policykg/ontology"
)

// Support is one piece of evidence for a fact or a figure: the sentence
// that states it (or the reference source, for gazetteer facts), the
// document it is in and the extractor rule that read it.
type Support struct {
	Evidence string `json:"evidence"` // IRI of the evidence node
	Document string `json:"document"` // document ID
	Title    string `json:"title,omitempty"`
	Date     string `json:"date,omitempty"`
	URL      string `json:"url,omitempty"`
	Rule     string `json:"rule"`
	Sentence int    `json:"sentence"` // 1-based index; 0 for a reference source
	Text     string `json:"text"`     // the sentence, or the source's name
}

// Fact is a relation between two nodes, named in plain strings.
type Fact struct {
	Subject   Ref    `json:"subject"`
	Predicate string `json:"predicate"` // local name, such as part_of
	Object    Ref    `json:"object"`
}

// ParsePredicateName accepts a predicate as a local name ("part_of",
// "part of"), a prefixed name ("pkv:part_of") or a full IRI, and returns
// its full IRI.
func ParsePredicateName(p string) (string, error) {
	p = strings.TrimSpace(p)
	if iri, ok := ExpandIRI(p); ok {
		return iri, nil
	}
	local := strings.ReplaceAll(p, " ", "_")
	if local == "" || strings.ContainsAny(local, "<>\"") {
		return "", fmt.Errorf("predicate %q: want a name such as part_of or an IRI", p)
	}
	return ontology.VocabIRI(local), nil
}

// Why returns the evidence for the fact SUBJECT PREDICATE OBJECT, where the
// ends are names, aliases or IRIs (see Resolve) and the predicate is parsed
// by ParsePredicateName. Symmetric predicates are looked up both ways
// round. It fails with ErrNotFound (wrapped) when the store holds no such
// fact.
func (s *Store) Why(ctx context.Context, subject, predicate, object string) (Fact, []Support, error) {
	var f Fact
	pred, err := ParsePredicateName(predicate)
	if err != nil {
		return f, nil, fmt.Errorf("why: %w", err)
	}
	if f.Subject, err = s.Resolve(ctx, subject); err != nil {
		return f, nil, fmt.Errorf("why: %w", err)
	}
	if f.Object, err = s.Resolve(ctx, object); err != nil {
		return f, nil, fmt.Errorf("why: %w", err)
	}
	f.Predicate = localName(pred)
	labels, err := s.factLabels(ctx, f.Subject.IRI, pred, f.Object.IRI)
	if err != nil {
		return f, nil, fmt.Errorf("why: %w", err)
	}
	if info, ok := ontology.LookupPredicate(ontology.Predicate(f.Predicate)); len(labels) == 0 && ok && info.Symmetric {
		if labels, err = s.factLabels(ctx, f.Object.IRI, pred, f.Subject.IRI); err != nil {
			return f, nil, fmt.Errorf("why: %w", err)
		}
	}
	if len(labels) == 0 {
		return f, nil, fmt.Errorf("why: %s %s %s: %w in the store", f.Subject.Name(), f.Predicate, f.Object.Name(), ErrNotFound)
	}
	out, err := s.supports(ctx, labels)
	if err != nil {
		return f, nil, fmt.Errorf("why: %w", err)
	}
	return f, out, nil
}

// factLabels returns the labels of the quads subject pred object.
func (s *Store) factLabels(ctx context.Context, subject, pred, object string) ([]string, error) {
	var out []string
	p, o := quad.IRI(pred), quad.IRI(object)
	err := s.eachQuad(ctx, quad.Subject, quad.IRI(subject), func(q quad.Quad) {
		if q.Predicate == p && q.Object == o {
			if l, ok := q.Label.(quad.IRI); ok {
				out = append(out, string(l))
			}
		}
	})
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", subject, err)
	}
	return out, nil
}

// supports reads the evidence nodes and sorts them by document and
// sentence.
func (s *Store) supports(ctx context.Context, evidence []string) ([]Support, error) {
	docs := map[string]docInfo{}
	seen := map[string]bool{}
	var out []Support
	for _, ev := range evidence {
		if seen[ev] {
			continue
		}
		seen[ev] = true
		sup, err := s.support(ctx, ev, docs)
		if err != nil {
			return nil, err
		}
		out = append(out, sup)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Document != out[j].Document {
			return out[i].Document < out[j].Document
		}
		if out[i].Sentence != out[j].Sentence {
			return out[i].Sentence < out[j].Sentence
		}
		return out[i].Rule < out[j].Rule
	})
	return out, nil
}

// support reads one evidence node. Labels that are documents themselves
// (entity names, types) are reported with the document and no rule.
func (s *Store) support(ctx context.Context, ev string, docs map[string]docInfo) (Support, error) {
	sup := Support{Evidence: ev}
	docIRI, sent := ev, ""
	err := s.eachQuad(ctx, quad.Subject, quad.IRI(ev), func(q quad.Quad) {
		switch q.Predicate {
		case vocab(ontology.InDoc):
			docIRI = iriString(q.Object)
		case vocab(ontology.Sentence):
			sent = iriString(q.Object)
		case vocab(ontology.Rule):
			sup.Rule = literal(q.Object)
		case vocab(ontology.Text):
			sup.Text = literal(q.Object)
		}
	})
	if err != nil {
		return sup, fmt.Errorf("read evidence %s: %w", ev, err)
	}
	if sent != "" {
		err = s.eachQuad(ctx, quad.Subject, quad.IRI(sent), func(q quad.Quad) {
			switch q.Predicate {
			case vocab(ontology.Text):
				sup.Text = literal(q.Object)
			case vocab(ontology.Index):
				if n, ok := q.Object.(quad.Int); ok {
					sup.Sentence = int(n)
				}
			}
		})
		if err != nil {
			return sup, fmt.Errorf("read sentence %s: %w", sent, err)
		}
	}
	d, err := s.docInfo(ctx, docIRI, docs)
	if err != nil {
		return sup, err
	}
	sup.Document, sup.Title, sup.Date, sup.URL = d.ID, d.Title, d.Date, d.URL
	return sup, nil
}

// docInfo is what a citation shows of a document.
type docInfo struct {
	ID, IRI, Title, Date, URL string
}

func (s *Store) docInfo(ctx context.Context, iri string, cache map[string]docInfo) (docInfo, error) {
	if d, ok := cache[iri]; ok {
		return d, nil
	}
	d := docInfo{IRI: iri, ID: strings.TrimPrefix(iri, ontology.DocumentNS)}
	err := s.eachQuad(ctx, quad.Subject, quad.IRI(iri), func(q quad.Quad) {
		switch q.Predicate {
		case vocab(ontology.Title):
			d.Title = literal(q.Object)
		case vocab(ontology.Date):
			d.Date = literal(q.Object)
		case vocab(ontology.URL):
			d.URL = literal(q.Object)
		}
	})
	if err != nil {
		return d, fmt.Errorf("read document %s: %w", iri, err)
	}
	cache[iri] = d
	return d, nil
}
