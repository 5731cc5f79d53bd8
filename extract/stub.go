// Package extract turns policy text into ontology facts. This placeholder
// keeps the build whole until the extraction pipeline lands.
package extract

import (
	"bytes"
	"errors"
	"unicode/utf8"

	"github.com/policykg/policykg/ontology"
)

// Input errors.
var (
	ErrEmpty  = errors.New("empty document")
	ErrBinary = errors.New("not UTF-8 text")
)

// Extractor reads documents.
type Extractor struct{}

// New returns an Extractor.
func New() (*Extractor, error) { return &Extractor{}, nil }

// Extract reads one document.
func (x *Extractor) Extract(doc ontology.Document, text []byte) (ontology.Extraction, error) {
	if len(bytes.TrimSpace(text)) == 0 {
		return ontology.Extraction{}, ErrEmpty
	}
	if !utf8.Valid(text) || bytes.IndexByte(text, 0) >= 0 {
		return ontology.Extraction{}, ErrBinary
	}
	return ontology.Extraction{Document: doc}, nil
}
