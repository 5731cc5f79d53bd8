// Title: How two entities are connected
// Question: What is the shortest chain of relations linking two entities,
// up to a number of hops, whichever way each relation points?
// Param: from entity = Caofeidian -- one end
// Param: to entity = Xiong'an New Area -- the other end
// Param: hops int = 4 -- the longest chain to look for
// Returns: one edge per hop, in order from the first end: hop, source
// predicate target (as stored)
var from = {{from}}, to = {{to}}, hops = {{hops}};
var preds = ["<pkv:part_of>", "<pkv:located_in>", "<pkv:recipient_of>", "<pkv:transfers_to>",
  "<pkv:cooperates_with>", "<pkv:official_of>", "<pkv:affiliated_with>", "<pkv:implements>"];
var reached = {};
reached[from] = {};
var frontier = [from];
// visit follows one step from the frontier in a fixed order (by node, then
// predicate, forward before backward), so ties between equally short
// chains always break the same way.
function visit(out, back, next) {
  var rows = [];
  out.forEach(function (r) { r.forward = true; rows.push(r); });
  back.forEach(function (r) { r.forward = false; rows.push(r); });
  rows.sort(function (a, b) {
    var ka = a.far + " " + a.predicate + " " + (a.forward ? 0 : 1) + " " + a.near;
    var kb = b.far + " " + b.predicate + " " + (b.forward ? 0 : 1) + " " + b.near;
    return ka < kb ? -1 : (ka > kb ? 1 : 0);
  });
  rows.forEach(function (r) {
    if (reached[r.far] !== undefined) {
      return;
    }
    var edge = r.forward ? {source: r.near, target: r.far} : {source: r.far, target: r.near};
    edge.predicate = r.predicate;
    reached[r.far] = {edge: edge, prev: r.near};
    next.push(r.far);
  });
}
for (var d = 0; d < hops && frontier.length > 0 && reached[to] === undefined; d++) {
  var next = [];
  var start = g.V.apply(g, frontier).Tag("near");
  visit(start.Out(preds, "predicate").Tag("far").TagArray(),
    start.In(preds, "predicate").Tag("far").TagArray(), next);
  frontier = next;
}
if (reached[to] !== undefined && to !== from) {
  var chain = [];
  for (var at = to; at !== from; at = reached[at].prev) {
    chain.unshift(reached[at].edge);
  }
  chain.forEach(function (e, i) {
    e.hop = i + 1;
    g.Emit(e);
  });
}
