// Package extract reads English texts on China's regional policy and proposes
// ontology facts with their provenance.
//
// The pipeline has one file per stage:
//
//	clean.go     saved web page -> blocks of prose, speaker labels and outlets
//	sentence.go  blocks -> sentences
//	names.go     sentences -> pattern-found named entities (organizations,
//	             zones, strategies, regions, people)
//	mention.go   sentences -> gazetteer and curated mentions (Aho-Corasick)
//	resolve.go   mentions -> entities (homonyms settled by context)
//	coref.go     "the city", "the latter", "its", "we" -> entities
//	relations.go mentions -> facts, by named rules of policy prose
//	metrics.go   figures -> metrics attached to entities
//	extract.go   the Extractor that runs the stages and validates the facts
//
// Rules are written for the language of policy releases, never for the
// strings of a particular document; place names live in the ontology.
package extract
