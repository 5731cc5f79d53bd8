// Package ontology is policykg's vocabulary: the entity types, the predicates
// with their domains and ranges, and the Fact, Metric and Document types that
// flow from the extractors to the store.
//
// It is the leaf of the dependency graph and uses the standard library only.
// Extractors propose facts in these terms; Validate checks each proposal
// against the predicate's domain and range before anything is stored.
//
// Identifiers are typed strings so that an EntityID cannot be passed where a
// Predicate or a DocumentID is expected. IRIs are built here too, in one
// place, so every package agrees on the namespaces:
//
//	https://policykg.org/id/<slug>       entities and metrics   (prefix pk:)
//	https://policykg.org/vocab#<name>    types and predicates   (prefix pkv:)
//	https://policykg.org/doc/<id>        documents              (prefix pkd:)
//	https://policykg.org/doc/<id>#s12    sentence 12 of a document
//	https://policykg.org/doc/<id>#s12.r  the evidence of rule r in sentence 12
package ontology
