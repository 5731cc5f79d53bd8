// Package export writes the graph, or the part of it a graph.Filter
// selects, in forms other tools read: Graphviz DOT drawn to read well
// without editing, SVG and PNG rendered in-process by Graphviz compiled to
// WebAssembly (github.com/goccy/go-graphviz, so no system Graphviz is
// needed), and CSV node and edge tables for Gephi and spreadsheets. The RDF
// formats (N-Quads, JSON-LD, GraphML) stream straight from the store through
// graph.WriteQuads.
//
// Drawing needs the drawn subgraph in memory (Graphviz lays out the whole
// picture at once), so callers read it with graph.Store.Subgraph and a node
// limit; see DefaultMaxNodes.
package export
