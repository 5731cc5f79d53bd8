// Title: Cooperation network of a place
// Question: With whom does a place cooperate, and with whom do its partners
// cooperate in turn?
// Param: place entity = Hebei -- the place at the centre
// Param: depth int = 2 -- how many cooperation steps away to reach
// Returns: one edge per cooperation inside the network: source cooperates_with target
var place = {{place}};
var coop = "<pkv:cooperates_with>";
// The rings are unrolled: FollowRecursive over a Both() morphism finds
// nothing in this Cayley version.
var net = g.V(place), ring = g.V(place);
for (var i = 0; i < {{depth}}; i++) {
  ring = ring.Both(coop);
  net = net.Union(ring);
}
net.Tag("source").Out(coop).Tag("target").Intersect(net).All();
