// Title: Strategies and who implements them
// Question: Which strategies does the text name, and which places or bodies
// carry them out?
// Returns: one edge per implementer: source implements target (the strategy)
g.V("<pkv:Strategy>").In("<rdf:type>").Tag("target").In("<pkv:implements>").Tag("source").All();
