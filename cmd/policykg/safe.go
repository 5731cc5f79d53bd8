package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/policykg/policykg/ontology"
)

// errExtractorBug is wrapped by the error of a document the extractor
// panicked on.
var errExtractorBug = errors.New("the extractor failed on this document (a bug in policykg; please report it with the file)")

// extractor is what extractSafely runs: *extract.Extractor.
type extractor interface {
	Extract(ontology.Document, []byte) (ontology.Extraction, error)
}

// extractSafely runs x.Extract and turns a panic into an error, so that a
// document the extractor cannot handle fails alone, reported on one line
// naming it by the caller, instead of ending the whole build.
func extractSafely(x extractor, doc ontology.Document, text []byte) (ex ontology.Extraction, err error) {
	defer func() {
		if r := recover(); r != nil {
			ex, err = ontology.Extraction{}, fmt.Errorf("%w: %s", errExtractorBug, strings.Join(strings.Fields(fmt.Sprint(r)), " "))
		}
	}()
	return x.Extract(doc, text)
}
