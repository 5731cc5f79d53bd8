// Package graph is the only package that talks to Cayley. It opens a store
// (an embedded bolt file, or PostgreSQL through Cayley's SQL backend), writes
// the extraction of a document as quads in one transaction, and reads the
// graph back for queries, statistics and exports.
//
// Its API speaks in ontology terms and plain strings; it never exposes
// quad.Value. Quad layout (IRIs from package ontology):
//
//	<entity> rdfs:label "Name"      labelled by the document that names it
//	<entity> rdf:type pkv:City      likewise; also pkv:alias, pkv:code
//	<s> pkv:part_of <o>             labelled by an evidence node
//	<doc> pkv:mentions <entity>     labelled by an evidence node
//	<s> pkv:has_metric <m>          labelled by an evidence node, with
//	<m> pkv:value/unit/year/figure  the metric's own properties
//	<ev> pkv:document/sentence/rule labelled by the document
//	<sentence> pkv:text/index/document
//	<doc> pkv:title/publisher/date/url/hash/path
//
// Every quad of a document carries, as its label, either the document IRI or
// one of the document's evidence IRIs, so a document's quads can be found,
// replaced and removed as a unit.
package graph
