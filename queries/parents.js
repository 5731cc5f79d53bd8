// Title: Chain of parents above a place
// Question: Which places contain this place, from its direct parent up to
// the top of the hierarchy?
// Param: place entity = Caofeidian -- the place to start from
// Param: depth int = 6 -- how many levels up to follow
// Returns: one edge per step: source part_of target
var place = {{place}};
var partOf = "<pkv:part_of>";
g.V(place).Union(g.V(place).FollowRecursive(partOf, {{depth}}))
  .Tag("source").Out(partOf).Tag("target").All();
