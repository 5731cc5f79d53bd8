package graph

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"math"
	"strconv"

	"github.com/cayleygraph/quad"
	"github.com/policykg/policykg/ontology"
)

var (
	rdfType   = quad.IRI(ontology.RDFType)
	rdfsLabel = quad.IRI(ontology.RDFSLabel)
)

func vocab(name string) quad.IRI { return quad.IRI(ontology.VocabIRI(name)) }

func entityIRI(id ontology.EntityID) quad.IRI { return quad.IRI(ontology.EntityIRI(id)) }

// MetricID names the node of a metric: the same figure for the same entity
// from several documents is one node with several pieces of evidence.
func MetricID(m ontology.Metric) ontology.EntityID {
	h := sha1.Sum([]byte(fmt.Sprintf("%s|%g|%s|%d", m.Subject, m.Value, m.Unit, m.Year)))
	return ontology.EntityID("metric-" + hex.EncodeToString(h[:6]))
}

// number returns an integer literal when v is integral, else a float.
func number(v float64) quad.Value {
	if v == math.Trunc(v) && math.Abs(v) < 1e18 {
		return quad.Int(int64(v))
	}
	return quad.Float(v)
}

// documentQuads turns an extraction into the quads that represent it.
func documentQuads(ex ontology.Extraction) []quad.Quad {
	d := ex.Document
	doc := quad.IRI(ontology.DocumentIRI(d.ID))
	var out []quad.Quad
	add := func(s quad.Value, p quad.Value, o quad.Value, label quad.Value) {
		out = append(out, quad.Quad{Subject: s, Predicate: p, Object: o, Label: label})
	}
	add(doc, rdfType, vocab("Document"), doc)
	for _, kv := range []struct{ p, v string }{
		{ontology.Title, d.Title}, {ontology.Publisher, d.Publisher}, {ontology.Date, d.Date},
		{ontology.URL, d.URL}, {ontology.Hash, d.Hash}, {ontology.Path, d.Path},
	} {
		if kv.v != "" {
			add(doc, vocab(kv.p), quad.String(kv.v), doc)
		}
	}
	if d.Title != "" {
		add(doc, rdfsLabel, quad.String(d.Title), doc)
	}
	for _, e := range ex.Entities {
		iri := entityIRI(e.ID)
		add(iri, rdfsLabel, quad.String(e.Name), doc)
		add(iri, rdfType, vocab(string(e.Type)), doc)
		for _, a := range e.Aliases {
			if a != e.Name {
				add(iri, vocab(ontology.Alias), quad.String(a), doc)
			}
		}
		if e.Code != "" {
			add(iri, vocab(ontology.Code), quad.String(e.Code), doc)
		}
	}
	ev := evidenceWriter{ex: ex, doc: doc, seen: map[string]bool{}, add: add}
	for _, f := range ex.Facts {
		add(entityIRI(f.Subject), vocab(string(f.Predicate)), entityIRI(f.Object), ev.label(f.Evidence))
	}
	for _, m := range ex.Mentions {
		add(doc, vocab(ontology.Mentions), entityIRI(m.Entity), ev.label(m.Evidence))
	}
	for _, m := range ex.Metrics {
		l := ev.label(m.Evidence)
		node := entityIRI(MetricID(m))
		add(entityIRI(m.Subject), vocab(ontology.HasMetric), node, l)
		add(node, rdfType, vocab("Metric"), l)
		add(node, vocab(ontology.Value), number(m.Value), l)
		add(node, vocab(ontology.Unit), quad.String(m.Unit), l)
		label := m.Text
		if label == "" {
			label = strconv.FormatFloat(m.Value, 'f', -1, 64) + " " + m.Unit
		}
		add(node, rdfsLabel, quad.String(label), l)
		add(node, vocab(ontology.Figure), quad.String(label), l)
		if m.Year != 0 {
			add(node, vocab(ontology.Year), quad.Int(m.Year), l)
		}
	}
	return out
}

// evidenceWriter emits, once per evidence node and sentence, the quads that
// describe them, and returns the label for facts that cite them.
type evidenceWriter struct {
	ex   ontology.Extraction
	doc  quad.IRI
	seen map[string]bool
	add  func(s, p, o, label quad.Value)
}

func (w *evidenceWriter) label(e ontology.Evidence) quad.Value {
	e.Document = w.ex.Document.ID
	iri := ontology.EvidenceIRI(e)
	if w.seen[iri] {
		return quad.IRI(iri)
	}
	w.seen[iri] = true
	ev := quad.IRI(iri)
	w.add(ev, rdfType, vocab("Evidence"), w.doc)
	w.add(ev, vocab(ontology.InDoc), w.doc, w.doc)
	w.add(ev, vocab(ontology.Rule), quad.String(e.Rule), w.doc)
	if e.Sentence > 0 {
		sent := quad.IRI(ontology.SentenceIRI(e.Document, e.Sentence))
		w.add(ev, vocab(ontology.Sentence), sent, w.doc)
		if s := sent.String(); !w.seen[s] {
			w.seen[s] = true
			text := e.Text
			if text == "" && e.Sentence <= len(w.ex.Sentences) {
				text = w.ex.Sentences[e.Sentence-1]
			}
			w.add(sent, vocab(ontology.Text), quad.String(text), w.doc)
			w.add(sent, vocab(ontology.Index), quad.Int(e.Sentence), w.doc)
			w.add(sent, vocab(ontology.InDoc), w.doc, w.doc)
		}
	} else if e.Text != "" {
		w.add(ev, vocab(ontology.Text), quad.String(e.Text), w.doc)
	}
	return ev
}
