// Title: Flows of projects, companies and functions
// Question: What moved from a place to where, and which figure and year
// does the same sentence give for the move?
// Param: from entity = Beijing -- where things move from
// Returns: source transfers_to target, with figure and year where the
// sentence states one, and the evidence node
var from = {{from}};
var transfers = "<pkv:transfers_to>";
g.V(from).Tag("source").Out(transfers).Tag("target").ForEach(function (e) {
  var evs = g.V(e.source).Labels().Intersect(g.V(e.target).Labels()).ToArray();
  evs.forEach(function (ev) {
    if (g.V(e.source).LabelContext(ev).Out(transfers).Is(e.target).Count() == 0) {
      return;
    }
    var sameSentence = g.V(ev).Out("<pkv:sentence>").In("<pkv:sentence>");
    var figures = g.V(e.source, e.target).LabelContext(sameSentence)
      .Out("<pkv:has_metric>").Tag("metric").LabelContext()
      .Save("<pkv:figure>", "figure").SaveOpt("<pkv:year>", "year").TagArray();
    if (figures.length == 0) {
      g.Emit({source: e.source, target: e.target, evidence: ev});
    }
    figures.forEach(function (f) {
      var row = {source: e.source, target: e.target, figure: f.figure, evidence: ev};
      if (f.year !== undefined) {
        row.year = f.year;
      }
      g.Emit(row);
    });
  });
});
