// Title: Documents that mention an entity
// Question: Which documents name an entity, with their titles and dates?
// Param: entity entity = Xiong'an New Area -- the entity to look for
// Returns: one row per document: document, title, date (when known).
// (A GraphQL form, nodes(id: ...) { ~<pkv:mentions> { ... } }, gives the
// same answers but took over two minutes on a 130,000-quad graph.)
g.V({{entity}}).In("<pkv:mentions>").Tag("document")
  .Save("<pkv:title>", "title").SaveOpt("<pkv:date>", "date").All();
