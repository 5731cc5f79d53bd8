package extract

import (
	"slices"
	"strings"

	"github.com/policykg/policykg/ontology"
)

// extentStems open the second half of "from A in the west to B in the
// east", found by the name automaton's scan like the other trigger words.
var extentStems = []string{" in the east to ", " in the west to ", " in the north to ", " in the south to "}

var extentMask = maskOf(extentStems...)

// compass are the directions an extent's ends take.
var compass = []string{"east", "west", "north", "south"}

// extent reads the ends of a region's extent, "The basin covers nine
// provinces, from Qinghai in the west to Shandong in the east": both ends
// lie in the region the sentence is about (its subject, a Region or
// Zone). A sentence whose subject is a place of another kind ("Hunan runs
// from Yueyang in the north to Yongzhou in the south") reads nothing:
// the gazetteer already knows where its divisions lie.
func (x *Extractor) extent(c *sentCtx) {
	if !c.hasMask(&extentMask) {
		return
	}
	whole := c.regionSubject()
	if whole < 0 {
		return
	}
	for k := whole + 1; k+1 < len(c.spans); k++ {
		if !strings.HasSuffix(c.lower[:c.spans[k].start], "from ") {
			continue
		}
		mid := c.lowerGap(k, k+1)
		if !isExtentLink(mid) || !compassAfter(c.lower[c.posEnd(k+1):]) {
			continue
		}
		w := c.spans[whole].ent
		for _, m := range []int{k, k + 1} {
			if e := c.spans[m].ent; ontology.IsPlace(e.typ) && e != w {
				c.propose(e, w, ontology.PartOf, "extent-from-to")
			}
		}
		k++ // ", and from C in the west to D in the east" goes on
	}
}

// regionSubject returns the sentence's first span when it opens the
// sentence (after "The" at most) and is a Region or Zone; or -1.
func (c *sentCtx) regionSubject() int {
	if len(c.spans) == 0 {
		return -1
	}
	sp := c.spans[0]
	if before := strings.TrimSpace(c.lower[:sp.start]); before != "" && before != "the" {
		return -1
	}
	if sp.ent.typ != ontology.Region && sp.ent.typ != ontology.Zone {
		return -1
	}
	return 0
}

// isExtentLink reports whether s, the text between the two ends, is
// " in the <direction> to ".
func isExtentLink(s string) bool {
	rest, ok := strings.CutPrefix(s, " in the ")
	d, ok2 := strings.CutSuffix(rest, " to ")
	return ok && ok2 && slices.Contains(compass, d)
}

// compassAfter reports whether s, the text after the second end, opens
// with " in the <direction>" and a word boundary.
func compassAfter(s string) bool {
	rest, ok := strings.CutPrefix(s, " in the ")
	if !ok {
		return false
	}
	for _, d := range compass {
		if strings.HasPrefix(rest, d) && boundaryAfter(rest, len(d)) {
			return true
		}
	}
	return false
}

// coastNouns are the parts of a place, written after its possessive, that
// lie inside it: "a port city on Guangxi's southern coast", "a town on
// Hainan's southern tip". A border or a neighbour lies outside ("a city on
// Beijing's southern border") and is not among them.
var coastNouns = []string{"coast", "coastline", "tip"}

// coastOf reports whether s, the text after a possessive, is a coast or
// tip of the possessor, with a direction before it or none: " southern
// coast", " coast".
func coastOf(s string) bool {
	s = strings.TrimPrefix(s, " ")
	if d := prefixOf(s, compassAdjectives); d != "" {
		s = s[len(d):]
	}
	n := prefixOf(s, coastNouns)
	return n != "" && boundaryAfter(s, len(n))
}

// compassAdjectives are the directions of a coast, each with its space.
var compassAdjectives = []string{"southern ", "northern ", "eastern ", "western ",
	"southeastern ", "southwestern ", "northeastern ", "northwestern ", "east ", "west ", "north ", "south "}

// straddleStems are the trigger words of straddle.
var straddleStems = []string{"straddl"}

var straddleMask = maskOf(straddleStems...)

// straddle reads "the Xixian New Area, which straddles the two cities" and
// "X straddles A and B": X lies in each. "the two cities" (or "both
// cities") is the pair of places listed last before X in the sentence.
func (x *Extractor) straddle(c *sentCtx) {
	if !c.hasMask(&straddleMask) {
		return
	}
	for k := range c.spans {
		gap := c.lower[c.posEnd(k):]
		rest, ok := strings.CutPrefix(gap, ", which straddles ")
		if !ok {
			rest, ok = strings.CutPrefix(gap, " straddles ")
		}
		if !ok {
			continue
		}
		at := len(c.lower) - len(rest)
		var parts []int
		if strings.HasPrefix(rest, "the two cities") || strings.HasPrefix(rest, "both cities") {
			parts = c.pairBefore(k)
		} else if m := c.spanAt(at); m >= 0 {
			parts = c.members(m)
		}
		for _, m := range parts {
			c.contain(c.spans[k].ent, c.spans[m].ent, "straddles", x.gaz)
		}
		return
	}
}

// pairBefore returns the last group of exactly two places listed before
// span k, or nil.
func (c *sentCtx) pairBefore(k int) []int {
	for j := k - 1; j >= 0; j-- {
		if ms := c.members(j); len(ms) == 2 && ms[1] < k && ontology.IsPlace(c.spans[ms[0]].ent.typ) && ontology.IsPlace(c.spans[ms[1]].ent.typ) {
			return ms
		}
	}
	return nil
}

// visitVerbs are the verbs of an inspection tour's stops.
var visitVerbs = []string{"visited ", "inspected ", "toured ", "went to ", "stopped at ", "called at "}

// frontedVisit reads an inspection story's "In Nanchang, Xi visited the
// Ganjiang New Area": a zone, new area, port or airport visited in a
// place named at the head of the sentence lies in that place.
func (x *Extractor) frontedVisit(c *sentCtx) {
	if !strings.HasPrefix(c.lower, "in ") || len(c.spans) < 2 || c.spans[0].start != 3 {
		return
	}
	place := c.spans[0]
	rest, ok := strings.CutPrefix(c.lower[c.posEnd(0):], ", ")
	if !ok || !ontology.IsPlace(place.ent.typ) {
		return
	}
	// the visitor: a name or a pronoun, at most three words before the verb
	v := -1
	for _, verb := range visitVerbs {
		if i := strings.Index(rest, " "+verb); i >= 0 && i < 40 && strings.Count(rest[:i], " ") < 3 {
			v = len(c.lower) - len(rest) + i + 1 + len(verb)
			break
		}
	}
	if v < 0 {
		return
	}
	k := c.spanAt(v)
	if k < 0 {
		return
	}
	switch c.spans[k].ent.typ {
	case ontology.Zone, ontology.NewArea, ontology.Port, ontology.Airport:
		c.contain(c.spans[k].ent, c.possessee(0), "visited-in", x.gaz)
	}
}
