package ontology

import (
	"fmt"
	"strings"
)

// Namespaces of policykg's IRIs.
const (
	EntityNS   = "https://policykg.org/id/"
	VocabNS    = "https://policykg.org/vocab#"
	DocumentNS = "https://policykg.org/doc/"
	SourceNS   = "https://policykg.org/source/"
	RDFType    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
	RDFSLabel  = "http://www.w3.org/2000/01/rdf-schema#label"
)

// Prefixes maps the short prefixes used in queries to their namespaces.
var Prefixes = map[string]string{
	"pk":   EntityNS,
	"pkv":  VocabNS,
	"pkd":  DocumentNS,
	"rdf":  "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
	"rdfs": "http://www.w3.org/2000/01/rdf-schema#",
}

// Structural predicates of the stored graph, beyond the relations.
const (
	Alias     = "alias"      // entity -> another surface form
	Code      = "code"       // entity -> GB/T 2260 code
	Mentions  = "mentions"   // document -> entity
	HasMetric = "has_metric" // entity -> metric node
	Value     = "value"      // metric -> number
	Unit      = "unit"       // metric -> unit
	Year      = "year"       // metric -> year
	Figure    = "figure"     // metric -> the figure as written
	InDoc     = "document"   // evidence or sentence -> document
	Sentence  = "sentence"   // evidence -> sentence
	Rule      = "rule"       // evidence -> rule name
	Text      = "text"       // sentence -> text
	Index     = "index"      // sentence -> position
	Title     = "title"      // document -> title
	Publisher = "publisher"  // document -> publisher
	Date      = "date"       // document -> date
	URL       = "url"        // document -> source address
	Hash      = "hash"       // document -> content hash
	Path      = "path"       // document -> file it was read from
)

// EntityIRI returns the IRI of an entity.
func EntityIRI(id EntityID) string { return EntityNS + string(id) }

// VocabIRI returns the IRI of a type, predicate or structural property.
func VocabIRI(name string) string { return VocabNS + name }

// DocumentIRI returns the IRI of a document.
func DocumentIRI(id DocumentID) string { return DocumentNS + string(id) }

// SentenceIRI returns the IRI of sentence n of a document.
func SentenceIRI(id DocumentID, n int) string {
	return fmt.Sprintf("%s%s#s%d", DocumentNS, id, n)
}

// EvidenceIRI returns the IRI that labels the quads one rule produced from
// one sentence (or, for sentence 0, from a reference source).
func EvidenceIRI(e Evidence) string {
	if e.Sentence == 0 {
		return fmt.Sprintf("%s%s#%s", DocumentNS, e.Document, e.Rule)
	}
	return fmt.Sprintf("%s%s#s%d.%s", DocumentNS, e.Document, e.Sentence, e.Rule)
}

// EntityIDFromIRI returns the EntityID of an entity IRI.
func EntityIDFromIRI(iri string) (EntityID, bool) {
	id, ok := strings.CutPrefix(iri, EntityNS)
	return EntityID(id), ok && id != ""
}

// LocalName returns the part of a vocabulary IRI after the namespace.
func LocalName(iri string) (string, bool) {
	return strings.CutPrefix(iri, VocabNS)
}

// Shorten writes an IRI with a registered prefix where one fits.
func Shorten(iri string) string {
	for _, p := range []string{"pkv", "pk", "pkd", "rdfs", "rdf"} {
		if rest, ok := strings.CutPrefix(iri, Prefixes[p]); ok {
			return p + ":" + rest
		}
	}
	return iri
}
