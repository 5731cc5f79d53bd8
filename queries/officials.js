// Title: Officials and their offices
// Question: Which named people hold office, and in which place or body?
// Returns: one edge per office: source (the person) official_of target
g.V("<pkv:Person>").In("<rdf:type>").Tag("source").Out("<pkv:official_of>").Tag("target").All();
