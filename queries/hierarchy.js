// Title: Administrative hierarchy under a place
// Question: Which places lie inside a place, at any depth, and what is each
// one's direct parent?
// Param: place entity = Hebei -- the place to look under (name, alias or IRI)
// Param: depth int = 6 -- how many levels down to follow
// Returns: one edge per place below: source part_of target, both inside the tree
var place = {{place}};
var partOf = "<pkv:part_of>";
var below = g.V(place).FollowRecursive(g.M().In(partOf), {{depth}});
below.Tag("source").Out(partOf).Tag("target").Intersect(below.Union(g.V(place))).All();
