// Title: Places that receive relocated functions
// Question: Which places or bodies receive relocated functions, industries
// or projects, and what do they receive?
// Returns: one edge per reception: source recipient_of target
g.V().Tag("source").Out("<pkv:recipient_of>").Tag("target").All();
