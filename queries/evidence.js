// Title: Evidence for a fact
// Question: Which sentences state that subject predicate object, in which
// document and by which extractor rule?
// Param: subject entity = Caofeidian -- the subject of the fact
// Param: predicate predicate = part_of -- the relation
// Param: object entity = Tangshan -- the object of the fact
// Returns: one row per piece of evidence: evidence, rule, document, title,
// sentence (empty for reference sources such as the gazetteer)
var s = {{subject}}, p = {{predicate}}, o = {{object}};
g.V(s).Labels().Intersect(g.V(o).Labels()).ForEach(function (r) {
  var ev = r.id;
  if (g.V(s).LabelContext(ev).Out(p).Is(o).Count() == 0) {
    return;
  }
  g.V(ev).Tag("evidence").Save("<pkv:rule>", "rule").Save("<pkv:document>", "document")
    .Out("<pkv:document>").SaveOpt("<pkv:title>", "title").Back("evidence")
    .SaveOpt("<pkv:text>", "source").TagArray().forEach(function (row) {
      var texts = g.V(ev).Out("<pkv:sentence>").Out("<pkv:text>").ToArray();
      if (texts.length > 0) {
        row.sentence = texts[0];
      }
      delete row.id;
      g.Emit(row);
    });
});
