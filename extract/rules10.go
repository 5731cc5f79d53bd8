package extract

import (
	"strings"

	"github.com/policykg/policykg/ontology"
)

// Session 9's rules, written for the misses of the eighth held-out batch
// (a State Council reply approving a regional plan in numbered articles,
// a broadcaster's explainer with a "Key numbers" list, a newspaper
// commentary of relational statements, a provincial release on counterpart
// pairing) as general patterns of English policy prose.

// session10 runs the relation rules of this file over a sentence.
func (x *Extractor) session10(c *sentCtx) {
	x.regionTakesIn(c)
	x.apposStraddle(c)
	x.jointlyWith(c)
	x.aidIn(c)
	x.governments(c)
	x.frontedContainer(c)
	x.authorNote(c)
	x.counterpartSupport(c)
	if c.hasMask(&implMask) {
		x.conjoinedStrategies(c)
	}
}

// regionVerbs are the verbs after which a region lists its members.
var regionVerbs = []string{" takes in ", " covers ", " includes ", " comprises ", " consists of ", " is made up of ",
	" encompasses ", " embraces "}

// regionTakesIn reads a region that lists its members with their
// provinces, its center named first in an apposition: "The Guanzhong
// Plain urban agglomeration, centered on Xi'an, takes in A and B in P
// province, C in Q province, and D": the center and each member are part
// of the region, the provinces that locate them are not (region-takes-in).
func (x *Extractor) regionTakesIn(c *sentCtx) {
	if !c.hasMask(&madeUpMask) && !c.hasMask(&coverMask) {
		return // none of its verbs
	}
	for k, sp := range c.spans {
		if sp.ent.typ != ontology.Region || sp.appos {
			continue
		}
		pos := c.posEnd(k)
		centre := -1
		rest := c.lower[pos:]
		if r, ok := cutAnyPrefix(rest, ", centered on ", ", centred on ", ", with its center in ", ", anchored by "); ok {
			centre = c.spanAt(len(c.lower) - len(r))
			if centre < 0 || !ontology.IsPlace(c.spans[centre].ent.typ) {
				continue
			}
			pos = c.posEnd(centre)
			if !strings.HasPrefix(c.lower[pos:], ",") {
				continue
			}
			pos++
		}
		v := prefixOf(c.lower[pos:], regionVerbs)
		if v == "" {
			continue
		}
		first := c.spanAt(pos + len(v))
		if first < 0 {
			continue
		}
		list, placed := c.placedList(first)
		if centre < 0 && !placed {
			continue // a plain list, which made-up-of reads
		}
		if centre >= 0 {
			c.contain(c.spans[centre].ent, sp.ent, "region-takes-in", x.gaz)
		}
		for _, m := range list {
			c.contain(c.spans[m].ent, sp.ent, "region-takes-in", x.gaz)
		}
		return
	}
}

// placedList reads a list of places that may name, after some of them,
// the division that holds them: "A and B in P province, C in Q, and D"
// -> A, B, C, D, and whether it names such a division. A place after " in
// " or " of " is a container when the gazetteer puts the place before it
// inside it.
func (c *sentCtx) placedList(k int) (out []int, placed bool) {
	for k < len(c.spans) && ontology.IsPlace(c.spans[k].ent.typ) {
		out = append(out, k)
		next := k + 1
		if next >= len(c.spans) {
			break
		}
		if g := c.lowerGap(k, next); (g == " in " || g == " of ") && c.isAncestor(next, k) {
			next++ // a container: "Weinan in Shaanxi province"
			placed = true
			if next >= len(c.spans) {
				break
			}
		}
		if _, ok := listSep(c.lowerGap(next-1, next)); !ok {
			break
		}
		k = next
	}
	return out, placed
}

// cutAnyPrefix returns s after the first of ps that opens it.
func cutAnyPrefix(s string, ps ...string) (string, bool) {
	for _, p := range ps {
		if strings.HasPrefix(s, p) {
			return s[len(p):], true
		}
	}
	return s, false
}

// straddleVerbs are the verbs of apposStraddle.
var straddleVerbs = []string{"straddles ", "straddle ", "spans ", "span ", "lies across ", "sits across ", "stretches across ", "extends across "}

// apposStraddle reads a zone, new area, port or airport that an
// apposition or a relative clause places across several places: "Gui'an
// New Area, a state-level new area that straddles Guiyang and Anshun" and
// "the airport, which lies across A's B district and C's D district": the
// facility lies in each (appos-straddle). "which straddles" right after
// the name is read by straddles.
func (x *Extractor) apposStraddle(c *sentCtx) {
	if !c.hasMask(&straddleMask) && !c.hasMask(&coverMask) && !c.hasMask(&acrossMask) {
		return // none of its verbs
	}
	for k, sp := range c.spans {
		switch sp.ent.typ {
		case ontology.Zone, ontology.NewArea, ontology.Port, ontology.Airport:
		default:
			continue // most spans: the cheap test first
		}
		rest, ok := strings.CutPrefix(c.lower[c.posEnd(k):], ", ")
		if !ok {
			continue
		}
		// ", which lies across" or ", a state-level new area that spans"
		if strings.HasPrefix(rest, "which straddles ") {
			continue // straddles reads it
		}
		if r, ok := cutAnyPrefix(rest, "which ", "that "); ok {
			rest = r
		} else if r, ok := cutAnyPrefix(rest, "a ", "an ", "the "); ok {
			i := strings.Index(r, " that ")
			if j := strings.Index(r, " which "); j >= 0 && (i < 0 || j < i) {
				i = j + 1
			} else if i >= 0 {
				i++
			}
			if i < 0 || i > 50 || strings.ContainsAny(r[:i], ",;") {
				continue
			}
			rest = r[i+strings.IndexByte(r[i:], ' ')+1:]
		} else {
			continue
		}
		v := prefixOf(rest, straddleVerbs)
		if v == "" {
			continue
		}
		at := len(c.lower) - len(rest) + len(v)
		var parts []int
		if strings.HasPrefix(rest[len(v):], "the two cities") || strings.HasPrefix(rest[len(v):], "both cities") {
			parts = c.pairBefore(k)
		} else if m := c.spanAt(at); m >= 0 {
			parts = c.placeMembers(m)
		}
		for _, m := range parts {
			c.contain(sp.ent, c.spans[m].ent, "appos-straddle", x.gaz)
		}
	}
}

// placeMembers returns the places of the list that starts at span m, each
// possessor replaced by what it possesses: "Beijing's Daxing district and
// Langfang's Guangyang district" -> Daxing, Guangyang.
func (c *sentCtx) placeMembers(m int) []int {
	var out []int
	for k := m; k < len(c.spans); k++ {
		if c.spans[k].poss && k+1 < len(c.spans) && strings.TrimSpace(c.gap(k, k+1)) == "" {
			continue // the possessor: what it possesses follows
		}
		if !ontology.IsPlace(c.spans[k].ent.typ) {
			break
		}
		out = append(out, k)
		if k+1 >= len(c.spans) {
			break
		}
		if _, ok := listSep(c.lowerGap(k, k+1)); !ok {
			break
		}
	}
	return out
}

// jointlyMask holds the trigger words of the adverbs of jointlyWith10.
var jointlyMask = maskOf("joint", "together", "partner", "cooperat")

// jointlyWith10 are the adverbs of jointlyWith.
var jointlyWith10 = []string{" jointly with ", " together with ", " in partnership with ", " in cooperation with "}

// jointlyWith reads a relative clause whose subject runs something with a
// partner: "the park, which Tianjin runs jointly with Beijing" and "X,
// which A operates in partnership with B": A cooperates with B
// (run-jointly-with). The clause's object is the name before it, so the
// working-with rule, which looks for a cooperation word between the two,
// leaves it.
func (x *Extractor) jointlyWith(c *sentCtx) {
	if !c.hasMask(&withMask) || !c.hasMask(&jointlyMask) {
		return
	}
	for k := 0; k+1 < len(c.spans); k++ {
		if !strings.HasSuffix(c.lower[:c.spans[k].start], ", which ") && !strings.HasSuffix(c.lower[:c.spans[k].start], ", that ") {
			continue
		}
		rest := c.lower[c.posEnd(k):c.spans[k+1].start]
		sp := strings.IndexByte(rest[1:], ' ')
		if sp < 0 || !strings.HasPrefix(rest, " ") || prefixOf(rest[sp+1:], jointlyWith10) == "" || len(rest[sp+1:]) != len(prefixOf(rest[sp+1:], jointlyWith10)) {
			continue // one verb, then the adverb and "with"
		}
		a, b := c.spans[k].ent, c.possessee(k+1)
		if actor(a.typ) && actor(b.typ) {
			c.propose(a, b, ontology.CooperatesWith, "run-jointly-with")
		}
	}
}

// aidNouns are the counted nouns of counterpart aid.
var aidNouns = []string{" aid projects", " assistance projects", " aid programs", " assistance programs"}

// aidIn reads counterpart aid in a place: "In Xiji county of Guyuan,
// Xiamen has funded 64 aid projects" and "Xiamen has funded 64 aid
// projects in Xiji": the donor cooperates with the place that receives the
// aid (aid-in); the count is the recipient's (see aidRecipient).
func (x *Extractor) aidIn(c *sentCtx) {
	if !c.hasMask(&aidMask) {
		return
	}
	i, end := aidAt(c.lower)
	if i < 0 {
		return
	}
	r := c.aidRecipient(end)
	d := c.aidDonor(i)
	if r == nil || d == nil || r == d {
		return
	}
	c.propose(d, r, ontology.CooperatesWith, "aid-in")
}

// acrossMask holds the trigger word of apposStraddle's "lies across".
var acrossMask = maskOf(acrossStems...)

// acrossStems are the trigger words of "lies across" and the like.
var acrossStems = []string{" across "}

// aidStems are the trigger words of aidIn, found by the name automaton's
// scan: most sentences hold neither and are not searched.
var aidStems = []string{" aid ", "assist"}

var aidMask = maskOf(aidStems...)

// aidAt returns where the first aid noun of lower starts and ends, or -1.
func aidAt(lower string) (int, int) {
	for _, n := range aidNouns {
		if i := strings.Index(lower, n); i >= 0 && boundaryAfter(lower, i+len(n)) {
			return i, i + len(n)
		}
	}
	return -1, -1
}

// aidRecipient returns the place that receives the aid whose noun ends
// at end: the place after " in " right after the noun, or the place of a
// fronted "In X," that opens the sentence; or nil.
func (c *sentCtx) aidRecipient(end int) *entity {
	if after := c.lower[end:]; strings.HasPrefix(after, " in ") {
		if k := c.spanAt(end + 4); k >= 0 && ontology.IsPlace(c.spans[k].ent.typ) {
			return c.possessee(k)
		}
		return nil
	}
	if strings.HasPrefix(c.lower, "in ") && len(c.spans) > 0 && c.spans[0].start == 3 && ontology.IsPlace(c.spans[0].ent.typ) {
		return c.possessee(0)
	}
	return nil
}

// aidDonor returns the subject of the clause that counts the aid at i: the
// last place before it that opens the clause, after a fronted phrase.
func (c *sentCtx) aidDonor(i int) *entity {
	k := c.lastBefore(i, func(sp *span) bool { return actor(sp.ent.typ) })
	if k < 0 {
		return nil
	}
	before := strings.TrimSpace(c.lower[:c.spans[k].start])
	if before != "" && !strings.HasSuffix(before, ",") {
		return nil
	}
	gap := c.lower[c.posEnd(k):i]
	if strings.ContainsAny(gap, ",;") || len(gap) > 50 {
		return nil
	}
	return c.spans[k].ent
}

// skipRelative returns the end of a relative clause that follows a list at
// pos and closes before its verb (", which face each other across the
// river, shall jointly build"), or pos: the list's statement goes on after
// it (relative-skip). A clause that runs on to the sentence's end, or
// holds another comma before a name, is no such clause.
func (c *sentCtx) skipRelative(pos int) int {
	if pos+3 > len(c.lower) || c.lower[pos] != ',' || c.lower[pos+2] != 'w' {
		return pos // most lists: no relative clause after them
	}
	rest, ok := cutAnyPrefix(c.lower[pos:], ", which ", ", who ")
	if !ok {
		return pos
	}
	e := strings.IndexByte(rest, ',')
	if e < 0 || e > 80 || strings.ContainsAny(rest[:e], ";.") || jointStatement(c.lower[pos:]) {
		return pos // no clause, or one that is itself the joint statement
	}
	end := len(c.lower) - len(rest) + e
	if p, _, _ := skipJointAux(c.lower[end+1:]); p == c.lower[end+2:] {
		return pos // no auxiliary after it: not the list's own verb phrase
	}
	return end
}

// jointDevelopmentVerbs and jointDevelopmentObjects make the joint
// statements "A and B shall accelerate their integrated development" and
// "A and B will promote their integration".
var (
	jointDevelopmentVerbs   = []string{"accelerate ", "speed up ", "promote ", "advance ", "pursue ", "deepen "}
	jointDevelopmentObjects = []string{"integrated development", "integration", "coordinated development", "joint development"}
)

// jointDevelopment reports a joint statement of a list with rest the text
// after it: an auxiliary, one of jointDevelopmentVerbs and "their"
// integration ("shall accelerate their integrated development"), or "their
// ... together" closing the clause ("now draw up their transport,
// environmental and industrial plans together") (joint-their).
func jointDevelopment(rest string) bool {
	p, _, _ := skipJointAux(strings.TrimPrefix(rest, ","))
	if p == "" {
		return false
	}
	if v := prefixOf(p, jointDevelopmentVerbs); v != "" {
		q, ok := strings.CutPrefix(p[len(v):], "their ")
		return ok && prefixOf(q, jointDevelopmentObjects) != "" && !strings.HasPrefix(q[len(prefixOf(q, jointDevelopmentObjects)):], " with ")
	}
	t := strings.Index(p[:min(len(p), 100)], " together")
	if t < 0 || t > 90 {
		return false // most lists: the cheap test of the clause's head
	}
	head := p[:t]
	th := strings.Index(head, " their ")
	if th < 0 || strings.Count(head[:th], " ") > 3 || strings.Contains(head, " with ") || strings.ContainsAny(head, ";.") {
		return false
	}
	after := p[t+len(" together"):]
	return after == "" || after[0] == ',' || after[0] == '.' || after[0] == ';'
}

// destMembers returns the destinations of a move whose first is span d:
// d and the places listed right after it ("from A to B and C", "to B, C
// and D"). ", and" after a list of two starts a new clause ("to B and C,
// and the park in B ..."), as it does after a single place.
func (c *sentCtx) destMembers(d int) []int {
	out := []int{d}
	commas := false
	for k := d + 1; k < len(c.spans) && c.group[k] == c.group[d]; k++ {
		g := c.lowerGap(k-1, k)
		if _, ok := listSep(g); !ok || !ontology.IsPlace(c.spans[k].ent.typ) || strings.HasPrefix(g, ",") && strings.Contains(g, "and") && !commas {
			break
		}
		commas = commas || g == ", "
		out = append(out, k)
	}
	return out
}

// containerAfter reports the place after span k, past " in ", as the
// division that holds k: "A, B and C counties in Baoding" ends its list
// at C, not before it.
func (c *sentCtx) containerAfter(k int) bool {
	return k+1 < len(c.spans) && c.lowerGap(k, k+1) == " in " && c.spans[k].ent.code != "" && c.isAncestor(k+1, k)
}

// aidOwner returns the recipient of a count of aid projects (aid-in):
// "Xiamen has funded 64 aid projects in Xiji" counts Xiji's projects.
func (c *sentCtx) aidOwner(f figure) *entity {
	if t := c.lower[f.start:f.end]; !strings.Contains(t, " aid ") && !strings.Contains(t, " assistance ") {
		return nil // most figures: a cheap test of the counted phrase
	}
	return c.aidRecipient(f.end)
}

// hyphenModifier reports a hyphened participle that modifies the counted
// noun after it ("1,386 new Taiwan-funded enterprises", "foreign-invested
// firms"), not a verb that ends the noun phrase.
func hyphenModifier(lt string) bool {
	h := strings.LastIndexByte(lt, '-')
	return h > 0 && h < len(lt)-1 && strings.HasSuffix(lt, "ed")
}

// eraTail reports "in the New Era" (or "New Period") at word j of ws,
// which ends the names of guidelines and plans: "Guidelines on Advancing
// the Development of the Western Region in the New Era" (new-era).
func eraTail(s string, ws []word, j int) bool {
	if j+3 >= len(ws) || ws[j+1].text(s) != "the" || ws[j+2].text(s) != "New" {
		return false
	}
	switch ws[j+3].text(s) {
	case "Era", "Period":
		return true
	}
	return false
}

func init() {
	// "in the first three quarters": a period, not a count
	timeUnits["quarters"] = true
	timeUnits["quarter"] = true
	// "540 ports worldwide": an adverb after the counted noun ends it
	for _, w := range []string{"worldwide", "nationwide", "overseas", "abroad", "annually"} {
		unitStops[w] = true
	}
}

// figureOwner returns the owner of a figure that a pattern of this file
// gives (plan-lists, and-home-to, figure-bullet), or nil.
func (c *sentCtx) figureOwner(f figure) *entity {
	if e := c.bulletOwner(f); e != nil {
		return e
	}
	if e := c.planOwner(f); e != nil {
		return e
	}
	return c.homeOwner(f)
}

// bulletOwner reads a bullet item that opens with its figure, "- 540:
// ports reached by the X corridor", "- 5.3 percent: the region's growth
// rate": the figure is the first name after it (figure-bullet).
func (c *sentCtx) bulletOwner(f figure) *entity {
	if f.start > 4 || f.start == 0 {
		return nil // the figure does not open a bullet item
	}
	m := prefixOf(c.text, bulletMarks)
	if m == "" || f.start != len(m) {
		return nil
	}
	colon := strings.IndexByte(c.text[f.start:min(len(c.text), f.start+40)], ':')
	if colon < 0 {
		return nil
	}
	for k, sp := range c.spans {
		if sp.start > f.start+colon && sp.ent.typ != ontology.Person {
			return c.possessee(k)
		}
	}
	return nil
}

// planVerbs are the verbs with which a plan counts what it holds.
var planVerbs = []string{" lists ", " sets out ", " identifies ", " includes ", " contains ", " arranges "}

// planOwner reads "The Plan lists 126 major projects": a plan that opens
// the sentence and counts what it holds owns the count (plan-lists).
func (c *sentCtx) planOwner(f figure) *entity {
	if len(c.spans) == 0 || c.spans[0].ent.typ != ontology.Strategy || c.spans[0].end > f.start {
		return nil
	}
	if before := strings.TrimSpace(c.lower[:c.spans[0].start]); before != "" && before != "the" {
		return nil
	}
	v := prefixOf(c.lower[c.posEnd(0):], planVerbs)
	if v == "" || c.posEnd(0)+len(v) > f.start || strings.ContainsAny(c.lower[c.posEnd(0):f.start], ",;") {
		return nil
	}
	return c.spans[0].ent
}

// homeOwner reads "X covers 72 percent of China's land and is home to 383
// million people": the population after a verb joined by "and" is the
// subject's, not the place named in the first verb's object
// (and-home-to).
func (c *sentCtx) homeOwner(f figure) *entity {
	if !c.hasMask(&homeToMask) {
		return nil // no " is home to "
	}
	before := c.lower[:f.start]
	for _, q := range []string{"some ", "about ", "around ", "nearly ", "more than ", "over "} {
		before = strings.TrimSuffix(before, q)
	}
	if !strings.HasSuffix(before, " and is home to ") {
		return nil
	}
	k := c.subject()
	if k < 0 || !ontology.IsPlace(c.spans[k].ent.typ) || c.spans[k].start >= f.start {
		return nil
	}
	return c.spans[k].ent
}

// regionSinceAR reports a region named "... region" ("the western region")
// among the entities named after the latest autonomous region: "the
// region" that follows means it, not the autonomous region
// (region-since-ar).
func (c *corefState) regionSinceAR() bool {
	h := c.history
	for i := len(h) - 1; i >= 0 && i >= len(h)-historyWindow; i-- {
		e := h[i]
		if e == c.lastAR {
			return false
		}
		if e.typ == ontology.Region && strings.HasSuffix(e.name, " region") {
			return true
		}
	}
	return false
}

// bylineOutlet cuts the outlet a byline gives in brackets after the name,
// "By Ren Zhiyuan (People's Daily)  08:16, March 03, 2025": t keeps the
// name, and the outlet is what the outlet readers get when no "|" field
// follows (byline-outlet).
func bylineOutlet(t, rest string) (string, string) {
	i := strings.Index(t, " (")
	if i <= 0 {
		return t, rest
	}
	j := strings.IndexByte(t[i:], ')')
	if j < 3 {
		return t, rest
	}
	if rest == "" {
		rest = t[i+2 : i+j]
	}
	return strings.TrimSpace(t[:i]), rest
}

// objectRelative reports a list inside an apposition that is the subject
// of an object relative clause: "the corridor, the route that A, B and C
// launched together": their joint statement holds (object-relative).
func (c *sentCtx) objectRelative(i int) bool {
	before := c.lower[:c.spans[i].start]
	return strings.HasSuffix(before, " that ") || strings.HasSuffix(before, " which ")
}

// conjoinedStrategies extends an implements fact to the strategies
// conjoined with its object: "shall carry forward the X and the Y"
// (implements-conjoined).
func (x *Extractor) conjoinedStrategies(c *sentCtx) {
	for p := 0; p < len(c.props); p++ {
		pr := c.props[p]
		if pr.pred != ontology.Implements || pr.rule != "implements-strategy" {
			continue
		}
		for k := 0; k+1 < len(c.spans); k++ {
			if c.spans[k].ent != pr.obj {
				continue
			}

			n := k + 1
			for n < len(c.spans) && (c.spans[n].start < c.posEnd(k) || c.spans[n].ent == pr.obj) {
				n++ // a place inside the strategy's name, or "the strategy" read as it
			}
			if n == len(c.spans) {
				break
			}
			next := c.spans[n]
			g, ok := cutAnyPrefix(c.lowerGap(k, n), " and ", ", and ")
			if ok && next.ent.typ == ontology.Strategy && (g == "" || g == "the " || strings.HasPrefix(g, "the strategy ") || strings.HasPrefix(g, "the national strategy ")) {
				c.propose(pr.sub, next.ent, ontology.Implements, "implements-conjoined") // "and the strategy for Y"
			}
			break
		}
	}
}

// governmentOpeners open a sentence whose subject is the governments of
// the places listed after them.
var governmentOpeners = []string{"the people's governments of ", "the people’s governments of ", "the governments of ",
	"the people's government of ", "the people’s government of "}

// implementationVerbs make the governments that open a sentence carry out
// the plan named after them; "supervise the implementation of" does not.
var implementationVerbs = []string{"organize the implementation of ", "organise the implementation of ",
	"ensure the implementation of ", " implement the ", " carry out the "}

// governments reads a reply addressed to provinces: "The people's
// governments of A, B and C provinces shall ... organize the
// implementation of the Plan": each implements the plan
// (governments-implement), and when the sentence says they act jointly
// ("establish a joint conference mechanism"), they cooperate
// (governments-joint).
func (x *Extractor) governments(c *sentCtx) {
	if len(c.lower) < 24 || c.lower[0] != 't' || c.lower[4] != 'p' && c.lower[4] != 'g' {
		return // most sentences: the cheap test of the opener's first bytes
	}
	open := prefixOf(c.lower, governmentOpeners)
	if open == "" {
		return
	}
	k := c.spanAt(len(open))
	if k < 0 || !ontology.IsPlace(c.spans[k].ent.typ) {
		return
	}
	ms := c.members(k)
	if c.hasMask(&implMask) {
		for _, v := range implementationVerbs {
			i := strings.Index(c.lower, v)
			if i < 0 {
				continue
			}
			if s := c.strategyRightAfter(i + len(v)); s != nil {
				for _, m := range ms {
					c.propose(c.spans[m].ent, s, ontology.Implements, "governments-implement")
				}
			}
			break
		}
	}
	if len(ms) < 2 || !c.hasMask(&jointMask) || !strings.Contains(c.lower, " joint") && !strings.Contains(c.lower, " together") {
		return
	}
	for a := 0; a < len(ms); a++ {
		for b := a + 1; b < len(ms); b++ {
			c.propose(c.spans[ms[a]].ent, c.spans[ms[b]].ent, ontology.CooperatesWith, "governments-joint")
		}
	}
}

// apposedName returns the capitalised name that a zone described in lower
// case after ", a " stands in apposition to: "the Gulei Petrochemical
// Base, a cross-Strait industrial cooperation zone in Zhangpu county"
// describes the base, which is the zone (apposed-zone). The name has two
// to eight words, capitalised but for "of", "and" and "the", and is no
// place of the gazetteer ("Xiamen, a zone ..." is the city). start is
// where the description begins, after the article.
func apposedName(text string, start int, places []*span) string {
	before := text[:start]
	var ok bool
	if before, ok = cutAnySuffix(before, ", a ", ", an "); !ok {
		return ""
	}
	end := len(before)
	for _, p := range places {
		if p.end == end {
			return ""
		}
	}
	i, words := end, 0
	for words < 8 {
		j := strings.LastIndexByte(before[:i], ' ')
		w := before[j+1 : i]
		if w == "" {
			break
		}
		if !capitalised(w) {
			if w != "of" && w != "and" || words == 0 {
				break
			}
		}
		words++
		i = j
		if j < 0 {
			i = 0
			break
		}
	}
	name := strings.TrimSpace(before[i:end])
	for _, lead := range []string{"of ", "and "} {
		name = strings.TrimPrefix(name, lead)
	}
	if name == "" || !capitalised(name) || strings.Count(name, " ") < 1 {
		return ""
	}
	return name
}

// cutAnySuffix returns s without the first of ps that ends it.
func cutAnySuffix(s string, ps ...string) (string, bool) {
	for _, p := range ps {
		if strings.HasSuffix(s, p) {
			return s[:len(s)-len(p)], true
		}
	}
	return s, false
}

// governmentBody resolves "the provincial government" and "the municipal
// government" to the latest body the text names as a people's government
// of that level ("Fujian Provincial People's Government"), not to an
// office under it nor to another body (government-ref); nil when the
// text names none.
func governmentBody(hist []*entity, noun string) *entity {
	level := strings.TrimSuffix(noun, " government")
	for i := len(hist) - 1; i >= 0; i-- {
		e := hist[i]
		if e.typ != ontology.Organization {
			continue
		}
		n := e.lowerName()
		if strings.HasSuffix(n, level+" people's government") || strings.HasSuffix(n, level+" people’s government") || strings.HasSuffix(n, noun) {
			if !strings.Contains(n, " of ") { // "General Office of X Provincial People's Government"
				return e
			}
		}
	}
	return nil
}

// strategyTail reports a lower-case "strategy" right after a capitalised
// run, which names a strategy as "initiative" does: "China's Western
// Development strategy turned 25" (named-strategy).
func strategyTail(rest string) bool {
	return strings.HasPrefix(rest, " strategy") && boundaryAfter(rest, len(" strategy"))
}

// outside reports a place that the gazetteer puts outside a province:
// "moved from Guangdong to Nanning, ... in Nanning, the regional capital"
// makes Nanning the capital of a province the sentence does not name, not
// of Guangdong (capital-outside).
func (x *Extractor) outside(e, prov *entity) bool {
	return isDivisionCode(e.code) && isDivisionCode(prov.code) && !isAncestor(x.gaz, prov.code, e.code)
}

// frontedContainer reads a sentence that opens with "In X," and names a
// division of X after it: "In Zhangzhou, the base, a zone in Zhangpu
// county, ..." and "In Yunnan, the railway has turned Kunming into a hub"
// place the division in X, which the gazetteer confirms (fronted-container).
func (x *Extractor) frontedContainer(c *sentCtx) {
	if len(c.spans) < 2 || c.spans[0].start != 3 || !strings.HasPrefix(c.lower, "in ") || c.spans[0].ent.code == "" {
		return
	}
	if !strings.HasPrefix(c.lower[c.posEnd(0):], ", ") || !ontology.IsPlace(c.spans[0].ent.typ) {
		return
	}
	for k := 1; k < len(c.spans); k++ {
		sp := c.spans[k]
		if sp.ent.code == "" || sp.ent == c.spans[0].ent || !c.isAncestor(0, k) || c.nearerContainer(k) {
			continue
		}
		c.contain(sp.ent, c.spans[0].ent, "fronted-container", x.gaz)
	}
}

// nearerContainer reports a division of the sentence that span k holds or
// that holds it, other than the fronted place: "In Zhejiang, Cixi and
// Yuyao, two county-level cities of Ningbo" places Cixi in Ningbo, and
// Ningbo, which holds it, is left to the gazetteer too.
func (c *sentCtx) nearerContainer(k int) bool {
	for j := 1; j < len(c.spans); j++ {
		o := c.spans[j].ent
		if j == k || o == c.spans[k].ent || o == c.spans[0].ent || o.code == "" {
			continue
		}
		if c.isAncestor(j, k) || c.isAncestor(k, j) {
			return true
		}
	}
	return false
}

// latestStrategy returns the latest strategy of all the history a document
// keeps: a commentary names its strategy in the first paragraph and calls
// it "the strategy" many names later ("Hebei, which has carried out the
// strategy", strategy-far).
func latestStrategy(hist []*entity) *entity {
	for i := len(hist) - 1; i >= 0; i-- {
		if hist[i].typ == ontology.Strategy {
			return hist[i]
		}
	}
	return nil
}

// relatedLinks reads a page's list of links to other stories: a short
// "Related", "Related stories" or "Related reading" heading and the
// bullet items under it, which are headlines of other pages ("-
// Chongqing-Europe freight trains pass 20,000 trips"): their names are
// read, as a heading's are, but a figure in one is not the text's
// (related-links). It returns whether line is such an item and whether
// the list goes on after it.
func relatedLinks(line string, in bool) (item, more bool) {
	if line[0]|0x20 == 'r' && hasLowerPrefix(line, "related") && atMostFields(line, 4) && !endsSentence(line) {
		return false, true
	}
	if in && prefixOf(line, bulletMarks) != "" {
		return true, true
	}
	return false, false
}

// authorOpeners open a commentary's closing note on its author.
var authorOpeners = []string{"(the author is ", "the author is ", "(the writer is ", "the writer is "}

// authorNote reads a commentary's closing note, "(The author is a
// commentator with People's Daily.)": the text's first person, its
// byline's author, is affiliated with the body the note names
// (author-note).
func (x *Extractor) authorNote(c *sentCtx) {
	if len(c.lower) < 20 || c.lower[0] != '(' && c.lower[0] != 't' {
		return // most sentences: the cheap test of the first byte
	}
	open := prefixOf(c.lower, authorOpeners)
	if open == "" {
		return
	}
	var org *entity
	for _, sp := range c.spans {
		if sp.ent.typ == ontology.Organization {
			org = sp.ent
			break
		}
	}
	if org == nil {
		return
	}
	for _, e := range c.state.history {
		if e.typ == ontology.Person {
			c.propose(e, org, ontology.AffiliatedWith, "author-note")
			return
		}
	}
}

// whichAreUnit reads the unit of "of which 43 are cross-provincial
// transport projects": the plural noun that ends the phrase after "are"
// or "were", at most four lower-case words (which-are). It returns the
// unit, where it ends and the next word, or "" when there is none.
func whichAreUnit(text, lower string, ws []word, i, j int) (string, int, int) {
	if j >= len(ws) || !strings.HasSuffix(lower[:ws[i].start], "of which ") {
		return "", 0, j
	}
	if v := ws[j].text(text); v != "are" && v != "were" {
		return "", 0, j
	}
	unit, end, next := "", 0, j+1
	for k := j + 1; k < len(ws) && k <= j+4; k++ {
		t := ws[k].text(text)
		if !lowerWord(t) || unitStops[t] || !joinedLoose(text, ws[k-1], ws[k]) {
			break
		}
		unit, end, next = t, int(ws[k].end), k+1
	}
	if !strings.HasSuffix(unit, "s") {
		return "", 0, j
	}
	return unit, end, next
}

// clauseAfterRelative reports a relative clause at pos, after a name, that
// a pair joined by "and" follows: "from Ningxia, which have opened sales
// offices in the city, and Yinchuan and Fuzhou have agreed ..." starts a
// clause with "Yinchuan and Fuzhou"; Ningxia is no member of their list
// (relative-clause-break). k is the span after the clause.
func (c *sentCtx) clauseAfterRelative(pos, k int) bool {
	if !strings.HasPrefix(c.lower[pos:], "which ") && !strings.HasPrefix(c.lower[pos:], "who ") {
		return false
	}
	if k+1 >= len(c.spans) {
		return false
	}
	conj, ok := listSep(c.gap(k, k+1))
	return ok && conj && !strings.Contains(c.gap(k, k+1), ",")
}

// editorKeys open a chrome line that names a page's editors.
var editorKeys = []string{"editor:", "editors:", "web editor:", "web editors:", "edited by:"}

// editorList reads a chrome line that names several editors, "Web editor:
// Zhao Qing, Liang Jun" or "Editors: Li Na and Wang Bo": each is a person
// (editor-list). A line with one name is bylineName's; nil when the line
// is no such list.
func editorList(line string) []string {
	if len(line) > 80 || line[0]|0x20 != 'e' && line[0]|0x20 != 'w' {
		return nil // most lines: the cheap test of the first byte
	}
	var rest string
	for _, k := range editorKeys {
		if hasLowerPrefix(line, k) {
			rest = line[len(k):]
			break
		}
	}
	if rest == "" {
		return nil
	}
	parts := strings.Split(strings.ReplaceAll(rest, " and ", ","), ",")
	if len(parts) < 2 {
		return nil
	}
	var names []string
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if !personLike(p) {
			return nil
		}
		names = append(names, p)
	}
	return names
}

// authorAfterUpdated reports a line that is only a person's name right
// under the page's "Updated 15:42, 24-Sep-2025" line: a broadcaster's
// byline, which names its author without "By" (updated-author).
func authorAfterUpdated(prev, line string) bool {
	if len(prev) < 8 || prev[0] != 'U' || !strings.HasPrefix(prev, "Updated") || len(line) > 40 {
		return false
	}
	return personLike(line) && !strings.ContainsAny(line, ",.:|") && bylineWords(line)
}

// bylineWords reports a name whose words are no words of a headline.
func bylineWords(name string) bool {
	for _, w := range strings.Fields(name) {
		if bylineStops[strings.ToLower(w)] || !personWord(w) {
			return false
		}
	}
	return true
}

// counterpartStems are the trigger words of counterpartSupport besides
// aidStems' "assist".
var counterpartStems = []string{"counterpart"}

var counterpartMask = maskOf(append([]string{"assist"}, counterpartStems...)...)

// counterpartVerbs give counterpart support from the place before them to
// the place after them.
var counterpartVerbs = []string{"counterpart support to ", "counterpart assistance to ", "counterpart aid to ",
	"pairing assistance to ", "pairing support to ", "counterpart support for ", " assists ", " assisted ", " assist ",
	" has assisted ", " have assisted "}

// counterpartSupport reads counterpart support between places: "Shanghai
// provides counterpart support to Kashgar", "Jiangsu and Zhejiang assist
// Kizilsu": each giver cooperates with each receiver
// (counterpart-support). A verb whose subject is no place ("experts
// assist Kashgar"), or a sentence that pairs lists "respectively", which
// paired-respectively reads, gives none.
func (x *Extractor) counterpartSupport(c *sentCtx) {
	if !c.hasMask(&counterpartMask) || c.hasMask(&respectivelyMask) {
		return
	}
	for _, v := range counterpartVerbs {
		i := strings.Index(c.lower, v)
		if i < 0 {
			continue
		}
		o := c.spanAt(i + len(v))
		if o < 0 || !ontology.IsPlace(c.spans[o].ent.typ) {
			continue
		}
		sub := c.lastBefore(i, func(sp *span) bool { return ontology.IsPlace(sp.ent.typ) })
		if sub < 0 {
			continue
		}
		gap := c.lower[c.posEnd(sub):i]
		if len(gap) > 60 || strings.ContainsAny(gap, ",;") || strings.Contains(gap, " to ") || strings.Contains(gap, " with ") {
			continue
		}
		for _, a := range c.members(sub) {
			if a > sub {
				continue
			}
			for _, b := range c.objects(o) {
				c.propose(c.spans[a].ent, c.possessee(b), ontology.CooperatesWith, "counterpart-support")
			}
		}
		return
	}
}
