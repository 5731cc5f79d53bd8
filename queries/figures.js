// Title: Figures for a place
// Question: Which figures does the text give for a place, in which unit
// and year, and which sentence says so?
// Param: place entity = Caofeidian -- the place or body
// Returns: one row per figure and piece of evidence: metric, figure, unit,
// year (when given), evidence, rule, document and sentence
g.V({{place}}).Out("<pkv:has_metric>").Tag("metric")
  .Save("<pkv:figure>", "figure").Save("<pkv:unit>", "unit").SaveOpt("<pkv:year>", "year")
  .ForEach(function (m) {
    g.V(m.metric).Labels().ToArray().forEach(function (ev) {
      var row = {metric: m.metric, figure: m.figure, unit: m.unit, evidence: ev};
      if (m.year !== undefined) {
        row.year = m.year;
      }
      g.V(ev).Tag("evidence").Save("<pkv:rule>", "rule").Save("<pkv:document>", "document")
        .TagArray().forEach(function (t) {
          row.rule = t.rule;
          row.document = t.document;
        });
      var texts = g.V(ev).Out("<pkv:sentence>").Out("<pkv:text>").ToArray();
      if (texts.length > 0) {
        row.sentence = texts[0];
      }
      g.Emit(row);
    });
  });
