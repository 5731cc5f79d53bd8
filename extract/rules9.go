package extract

import (
	"regexp"
	"slices"
	"strings"

	"github.com/policykg/policykg/ontology"
)

// Session 9's rules, written for the misses of the seventh held-out batch
// (a white paper chapter, a provincial release on cooperation zones, a
// Xinhua transport story, a provincial press-conference transcript) as
// general patterns of English policy prose.

// session9 runs the relation rules of this file.
func (x *Extractor) session9(c *sentCtx) {
	x.frontedIn(c)
	x.counterpartAssist(c)
	x.selfIntro(c)
	x.committeeOffice(c)
	x.zoneInCovers(c)
	x.takenOfThem(c)
	x.gapContain(c)
	x.jointlyBy(c)
	x.theTwoJoint(c)
	x.namedAfterBoth(c)
	c.noteSources()
}

// skipAnyRelative steps over a non-restrictive relative clause after a list
// of actors at pos: "A and B, which lie on either side of the boundary,
// have jointly set up ..." is a joint statement of A and B (joint-relative).
// The clause must close with a comma within relativeMax bytes and hold no
// other comma, semicolon or colon; otherwise pos is returned.
func (c *sentCtx) skipAnyRelative(pos int) int {
	rest := c.lower[pos:]
	if !strings.HasPrefix(rest, ", which ") && !strings.HasPrefix(rest, ", who ") {
		return pos
	}
	end := strings.IndexByte(rest[2:], ',')
	if end < 0 || end > relativeMax || strings.ContainsAny(rest[2:2+end], ";:") {
		return pos
	}
	return pos + 2 + end
}

// jointAfter reports a joint statement of the list that starts at span
// first, read from pos or, failing that, past a relative clause there
// (joint-relative): "A and B, which agreed to build the route together,
// have since ..." is read at the clause itself.
func (c *sentCtx) jointAfter(first, pos int) bool {
	rest := c.lower[pos:]
	if jointStatement(rest) || c.jointAction(first, rest) {
		return true
	}
	if p := c.skipAnyRelative(pos); p != pos {
		rest = c.lower[p:]
		return jointStatement(rest) || c.jointAction(first, rest)
	}
	return false
}

// relativeMax bounds the relative clause skipAnyRelative steps over.
const relativeMax = 100

// locatedFirst replaces the first member of a list by the place it locates
// when the two stand as "A in B" before the list: "Luzhou in southern
// Sichuan and Yongchuan district of Chongqing have signed an agreement"
// lists Luzhou and Yongchuan, B only says where Luzhou is (joint-locative).
func (c *sentCtx) locatedFirst(ms []int) []int {
	if len(ms) < 2 {
		return ms
	}
	if h := c.locativeHead(ms[0]); h != ms[0] && !c.spans[h].appos {
		out := append([]int{h}, ms[1:]...)
		return out
	}
	return ms
}

// frontedIn reads a sentence that opens with "In X, " and goes on with a
// place as its subject: "In Heilongjiang, Yichun has turned its logging
// camps into parks", "In Yunnan, the Ruili Key Development and Opening-up
// Pilot Zone ..." put the subject in X (fronted-in). contain checks two
// divisions against the gazetteer, so "In Xizang, Guangdong and Fujian
// assist Nyingchi" places nothing.
func (x *Extractor) frontedIn(c *sentCtx) {
	if len(c.spans) < 2 || !strings.HasPrefix(c.text, "In ") || c.spans[0].start != 3 || c.spans[0].kind == spanRef {
		return
	}
	comma := c.frontedComma()
	if comma != c.posEnd(0) {
		return // "In Hebei province's ...", "In Tianjin and Hebei, ..."
	}
	k := c.spanAt(comma + 2)
	if k < 0 || c.spans[k].kind == spanRef || c.spans[k].poss {
		return // "In Zhejiang, Hangzhou's ...": the possessed thing is the subject
	}
	if c.group[k] != k || len(c.members(k)) > 1 {
		return // a list: "In Xizang, Guangdong and Fujian ..."
	}
	sub, obj := c.spans[k].ent, c.spans[0].ent
	if rs, ro := placeRank(sub.typ), placeRank(obj.typ); rs <= ro || ro < 0 {
		return // "In Xizang, Guangdong ...": a larger or equal place; contain would refuse it too
	}
	if !isDivisionCode(sub.code) && !x.nameInside(sub, obj) {
		return // contain checks two divisions itself
	}
	c.contain(sub, obj, "fronted-in", x.gaz)
}

// nameInside reports whether nothing the gazetteer knows puts sub outside
// obj: a unit of the gazetteer must lie under obj, and so must a place
// that opens sub's name ("Hainan Free Trade Port", "China (Shanghai) Pilot
// Free Trade Zone"). "In Beijing, Xiong'an New Area officials said ..."
// tells where they spoke, not where the new area lies.
func (x *Extractor) nameInside(sub, obj *entity) bool {
	if obj.code == "" || !isDivisionCode(obj.code) {
		return true
	}
	under := func(code string) bool { return code == obj.code || isAncestor(x.gaz, obj.code, code) }
	if sub.code != "" {
		if _, ok := x.gaz.Division(sub.code); ok {
			return under(sub.code) || zoneBesideCounty(x.gaz, sub, obj)
		}
	}
	names := []string{firstWords(sub.name, 1)}
	if _, inner, ok := strings.Cut(sub.name, "("); ok {
		if in, _, ok := strings.Cut(inner, ")"); ok {
			names = append(names, in) // "... of the China (Shanghai) Pilot Free Trade Zone"
		}
	}
	for _, n := range names {
		ds := x.gaz.Lookup(n)
		if len(ds) == 0 {
			continue
		}
		if !slices.ContainsFunc(ds, func(d ontology.Division) bool { return under(d.Code) }) {
			return false
		}
	}
	return true
}

// frontedPlace reports a name that makes up the fronted phrase "In X, "
// of its sentence: "its" after it is the subject that follows, not X
// ("In Heilongjiang, Yichun has ... and its tourist arrivals grew").
func frontedPlace(text string, sp *span) bool {
	return sp.start == 3 && strings.HasPrefix(text, "In ") && strings.HasPrefix(text[sp.end:], ", ")
}

// assistMask holds the trigger word of counterpartAssist.
var assistMask = maskOf("assist")

// assistVerbs open the object of counterpart assistance after the
// assisting places; assistedBy opens the assisting places after the
// assisted one.
var (
	assistVerbs = []string{" assist ", " assists ", " assisted ", " have assisted ", " has assisted ", " will assist ",
		" provide counterpart assistance to ", " provides counterpart assistance to ", " provided counterpart assistance to ",
		" have provided counterpart assistance to ", " has provided counterpart assistance to "}
	assistedBy = []string{" is assisted by ", " are assisted by ", " was assisted by ", " were assisted by ",
		" has been assisted by ", " have been assisted by ", " is being assisted by ", " receives counterpart assistance from ",
		" received counterpart assistance from ", " receive counterpart assistance from "}
)

// counterpartAssist reads counterpart assistance, the pairing of eastern
// places with western ones: "Guangdong and Fujian assist Nyingchi", "Lhasa,
// the regional capital, is assisted by Beijing and Jiangsu", "Shanghai
// provides counterpart assistance to Kashgar" (counterpart-assist). Both
// sides must be places: a ministry that assists a county is no partner of
// it.
func (x *Extractor) counterpartAssist(c *sentCtx) {
	if !c.hasMask(&assistMask) || c.hasMask(&respectivelyMask) {
		return // "A and B assisted C and D respectively" pairs them one by one
	}
	for i := range c.spans {
		if c.group[i] != i || c.spans[i].appos || !ontology.IsPlace(c.spans[i].ent.typ) {
			continue
		}
		ms := c.members(i)
		pos := c.skipApposition(c.posEnd(ms[len(ms)-1]))
		if strings.HasPrefix(c.lower[pos:], ",") {
			pos++ // "Lhasa, the regional capital, is assisted by"
		}
		rest := c.lower[pos:]
		passive := false
		v := prefixOf(rest, assistVerbs)
		if v == "" {
			if v = prefixOf(rest, assistedBy); v == "" {
				continue
			}
			passive = true
		}
		o := c.spanAt(pos + len(v))
		if o < 0 {
			continue
		}
		for _, a := range ms {
			for _, b := range c.objects(o) {
				sa, sb := c.spans[a].ent, c.possessee(b)
				if !ontology.IsPlace(sa.typ) || !ontology.IsPlace(sb.typ) {
					continue
				}
				if passive {
					sa, sb = sb, sa
				}
				c.propose(sa, sb, ontology.CooperatesWith, "counterpart-assist")
			}
		}
	}
}

// perTime reports a rate of time after a figure's unit of length, a speed
// ("400 km per hour", "350 kilometers an hour"): a property of a train or
// a line, never of the place the sentence names (speed). "3,000 tonnes per
// hour" stays a metric.
func perTime(after string) bool {
	if len(after) < 5 || after[0] != ' ' && after[0] != '/' {
		return false
	}
	for _, p := range []string{" per hour", " an hour", " per second", "/h", " km/h"} {
		if strings.HasPrefix(after, p) && !letterAt(after, len(p)) {
			return true
		}
	}
	return false
}

// letterAt reports an ASCII letter at s[n], which makes s[:n] part of a
// longer word.
func letterAt(s string, n int) bool {
	return n < len(s) && (s[n] >= 'a' && s[n] <= 'z' || s[n] >= 'A' && s[n] <= 'Z')
}

// campusHeads are the heads of bodies whose name may end with a campus in
// parentheses: "Harbin Institute of Technology (Weihai)".
var campusHeads = []string{"University", "Institute", "Academy", "College", "School"}

// extendOrgName completes a body's name that a comma or a parenthesis cut
// short: "China State Railway Group Co., Ltd." (company-ltd) and "The
// Chinese University of Hong Kong (Shenzhen)", a campus named after the
// body (campus-name). An acronym in parentheses, "(CUHK)", is an alias,
// not part of the name.
func extendOrgName(s string, sp *span) {
	rest := s[sp.end:]
	add := 0
	switch {
	case strings.HasSuffix(sp.name, " Co.") || strings.HasSuffix(sp.name, " Co"):
		for _, ltd := range []string{", Ltd.", ", Ltd", ",Ltd."} {
			if strings.HasPrefix(rest, ltd) && !letterAt(rest, len(ltd)) {
				add = len(ltd)
				break
			}
		}
		if add > 0 && strings.HasSuffix(sp.name, " Co") && strings.HasPrefix(rest, ".") {
			add = 0 // "Co.. Ltd": not a name's punctuation
		}
	case strings.HasPrefix(rest, " (") && containsAny(sp.name, campusHeads):
		end := strings.IndexByte(rest, ')')
		if end < 4 || end > 30 {
			return
		}
		inner := rest[2:end]
		if inner[0] < 'A' || inner[0] > 'Z' || strings.ToUpper(inner) == inner || strings.ContainsAny(inner, ",;") {
			return
		}
		add = end + 1
	}
	if add == 0 {
		return
	}
	sp.end += add
	sp.surface = s[sp.start:sp.end]
	sp.name = sp.surface
	sp.poss = possessiveAt(s, sp.end)
}

// introOpeners open a speaker's self-introduction: "I'm Wang Lei from
// Dahe Daily", "My name is ..." (self-intro).
var introOpeners = []string{"I'm ", "I am ", "I’m ", "My name is ", "This is "}

// introLinks join the name of a self-introduction to its body.
var introLinks = []string{" from ", " with ", " of "}

// selfIntroduced reports two words at [start, end) that a self-introduction
// names, followed by the body the speaker comes from: "I'm Wang Lei from
// Dahe Daily". The body must be capitalised.
func selfIntroduced(s string, start, end int) bool {
	link := prefixOf(s[end:], introLinks)
	if link == "" || !introducedAt(s, start) {
		return false
	}
	r := s[end+len(link):]
	r = strings.TrimPrefix(r, "the ")
	return r != "" && r[0] >= 'A' && r[0] <= 'Z'
}

// introducedAt reports one of introOpeners right before start, at the
// start of the sentence or after a stop or comma.
func introducedAt(s string, start int) bool {
	for _, o := range introOpeners {
		if strings.HasSuffix(s[:start], o) {
			b := strings.TrimRight(s[:start-len(o)], " ")
			return b == "" || strings.HasSuffix(b, ".") || strings.HasSuffix(b, ",") || strings.HasSuffix(b, ":")
		}
	}
	return false
}

// selfIntro reads "I'm P from O" and "I'm P with O": the speaker works for
// the outlet or body (self-intro).
func (x *Extractor) selfIntro(c *sentCtx) {
	if b := c.text[0]; b != 'I' && b != 'M' && b != 'T' {
		return // a self-introduction opens its sentence
	}
	for i := 0; i+1 < len(c.spans); i++ {
		sp := c.spans[i]
		if sp.ent.typ != ontology.Person || !introducedAt(c.text, sp.start) {
			continue
		}
		g := c.lowerGap(i, i+1)
		if g != " from " && g != " with " && g != " from the " && g != " with the " && g != " of " && g != " of the " {
			continue
		}
		if o := c.spans[i+1].ent; o.typ == ontology.Organization {
			c.propose(sp.ent, o, ontology.AffiliatedWith, "self-intro")
		}
	}
}

// committeeOpeners name a zone's governing body before the zone's name:
// "the administrative committee of the Zhengzhou Airport Economy Zone"
// (zone-committee). A capitalised "Administrative Committee of ..." is a
// name of its own already.
var committeeOpeners = []string{"administrative committee of the ", "management committee of the ",
	"administrative committee of ", "management committee of "}

// committeeOffice reads "P, deputy director of the administrative
// committee of the X Zone": P holds office in the zone's committee, a body
// the text names in lower case around the zone's name (zone-committee).
func (x *Extractor) committeeOffice(c *sentCtx) {
	for i := 0; i+1 < len(c.spans); i++ {
		if c.spans[i].ent.typ != ontology.Person {
			continue
		}
		z := c.spans[i+1]
		if z.ent.typ != ontology.Zone && z.ent.typ != ontology.NewArea || z.kind == spanRef {
			continue
		}
		g := c.lowerGap(i, i+1)
		o := prefixEnding(g, committeeOpeners)
		if o == "" {
			continue
		}
		title, ok := officeTitle(g[:len(g)-len(o)] + "of ")
		if !ok || !hasTitle(title) {
			continue
		}
		start := z.start - len(o)
		body := c.reg.get(c.text[start:z.end], ontology.Organization, "")
		p := c.spans[i].ent
		// the office is the committee's, not the zone's that title-of-place read
		c.props = slices.DeleteFunc(c.props, func(q proposal) bool {
			return q.sub == p && q.obj == z.ent && q.pred == ontology.OfficialOf
		})
		c.propose(p, body, ontology.OfficialOf, zoneCommitteeRule)
		// "we" in the official's answers is the zone the committee runs
		c.state.lastOffice = z.ent
		c.state.speakers[p.name] = z.ent
	}
}

// zoneCommitteeRule names committeeOffice's facts, whose speaker is the
// zone rather than the committee.
const zoneCommitteeRule = "zone-committee"

// prefixEnding returns the first of ps that s ends with, or "".
func prefixEnding(s string, ps []string) string {
	for _, p := range ps {
		if strings.HasSuffix(s, p) {
			return p
		}
	}
	return ""
}

// zoneBesideCounty reports a zone that the gazetteer lists as a unit of
// its own beside the counties of one prefecture, and a county or district
// of that prefecture: the text that puts the zone in the county ("the
// Zhengzhou Airport Economy Zone, which covers Xinzheng") says where it
// lies, which the gazetteer's statistical tree does not (zone-sibling).
func zoneBesideCounty(g *ontology.Gazetteer, zone, county *entity) bool {
	if zone.typ != ontology.Zone && zone.typ != ontology.NewArea || county.typ != ontology.County && county.typ != ontology.District {
		return false
	}
	z, ok1 := g.Division(zone.code)
	c, ok2 := g.Division(county.code)
	return ok1 && ok2 && z.Parent != "" && z.Parent == c.Parent
}

// partsOf are the words that make a listed place a part of itself: "covers
// Xinzheng and parts of Zhongmu county" (parts-of).
var partsOf = []string{"parts of ", "part of ", "most of ", "much of "}

// trimPartsOf drops one of partsOf from the end of a gap between two
// listed places.
func trimPartsOf(g string) string {
	if len(g) < len(" and part of ") || !strings.HasSuffix(g, "of ") {
		return g
	}
	if p := prefixEnding(g, partsOf); p != "" {
		return g[:len(g)-len(p)]
	}
	return g
}

// zoneInCovers reads a zone named with its place before its verb of
// extent: "The X Pilot Zone in Guangxi covers Dongxing, a county-level
// city of Fangchenggang" puts the zone in Dongxing as well as in Guangxi
// (zone-in-covers), which x-in-y reads.
func (x *Extractor) zoneInCovers(c *sentCtx) {
	if !c.hasMask(&coverMask) {
		return
	}
	for k := 0; k+2 < len(c.spans); k++ {
		sp := c.spans[k]
		if sp.ent.typ != ontology.Zone && sp.ent.typ != ontology.NewArea || sp.kind == spanRef || c.lowerGap(k, k+1) != " in " ||
			!ontology.IsPlace(c.spans[k+1].ent.typ) || c.spans[k+1].poss {
			continue
		}
		after := c.lower[c.posEnd(k+1):]
		l := prefixOf(after, zoneInLinks)
		if l == "" {
			continue
		}
		first := c.spanAt(c.posEnd(k+1) + len(l))
		if first < 0 {
			continue
		}
		for _, part := range c.placeList(first) {
			for _, m := range part {
				c.contain(sp.ent, c.spans[m].ent, "zone-in-covers", x.gaz)
			}
		}
	}
}

// zoneInLinks are the verbs of extent zoneInCovers reads.
var zoneInLinks = []string{" covers ", " spans ", " straddles ", ", which covers ", ", which spans ", " encompasses "}

// listedWithThe reports ", the B" after span i, at p, as the next item of a
// list of places each with its article rather than an apposition: B is a
// place, no possessive, and a list separator leads from it to another
// place ("the Beijing-Tianjin-Hebei region, the Yangtze River Delta and
// the Pearl River Delta", list-the). "Lanzhou, the capital of Gansu" and
// "Hengqin, the Guangdong-Macao zone, hosts" stay appositions.
func (c *sentCtx) listedWithThe(i, p int) bool {
	if !strings.HasPrefix(c.text[p:], ", the ") || !ontology.IsPlace(c.spans[i].ent.typ) {
		return false
	}
	k := c.spanStarting(p + len(", the "))
	if k < 0 || k+1 >= len(c.spans) || c.spans[k].poss || !ontology.IsPlace(c.spans[k].ent.typ) ||
		!ontology.IsPlace(c.spans[k+1].ent.typ) || c.spans[k].kind == spanRef || c.spans[k+1].kind == spanRef {
		return false
	}
	_, ok := listSep(c.gap(k, k+1))
	return ok
}

// movedFrom holds where the things a sentence moved came from, for the
// next sentence's "of them" (taken-of-them).
type movedFrom struct {
	sentence int
	sources  []*entity
}

// noteSources records the sources of the sentence's transfers, once the
// relation rules have read it.
func (c *sentCtx) noteSources() {
	if !c.hasMask(&transfersMask) {
		return // no transfer without "from" or "to"
	}
	first := true
	for _, p := range c.props {
		if p.pred != ontology.TransfersTo {
			continue
		}
		if first {
			c.state.moved.sources = c.state.moved.sources[:0]
			c.state.moved.sentence = c.s.index
			first = false
		}
		if !slices.Contains(c.state.moved.sources, p.sub) {
			c.state.moved.sources = append(c.state.moved.sources, p.sub)
		}
	}
}

// ofThemVerbs receive a share of the things the previous sentence moved:
// "Xuchang and Luohe have together taken in 186 of them".
var ofThemVerbs = []string{"taken in ", "took in ", "take in ", "takes in ", "received ", "receive ", "receives ",
	"attracted ", "absorbed ", "drawn ", "drew ", "landed ", "hosts ", "hosted "}

// takenOfThem reads a place that takes in "N of them" or "N of these
// projects" right after a sentence that moved things from named places:
// the sources moved those to the place as well (taken-of-them). "The
// Changchun New Area has taken in 64 of them" after "172 projects from
// Zhejiang have moved to Jilin" gives Zhejiang transfers_to Changchun New
// Area.
func (x *Extractor) takenOfThem(c *sentCtx) {
	m := &c.state.moved
	if m.sentence == 0 || m.sentence != c.s.index-1 || len(m.sources) == 0 || !c.hasMask(&receiveMask) || c.hasMask(&fromMask) {
		return
	}
	of := strings.Index(c.lower, " of them")
	if of < 0 {
		of = strings.Index(c.lower, " of these")
	}
	if of < 0 {
		return
	}
	// the verb and a number right before "of them"
	before := c.lower[:of]
	sp := strings.LastIndexByte(before, ' ')
	if sp < 0 {
		return
	}
	if _, num := parseNumber(before[sp+1:]); !num {
		return
	}
	v := prefixEnding(before[:sp+1], ofThemVerbs)
	if v == "" {
		return
	}
	k := c.subject()
	if k < 0 || c.spans[k].start >= sp || !ontology.IsPlace(c.spans[k].ent.typ) {
		return
	}
	for _, d := range c.members(k) {
		for _, s := range m.sources {
			c.propose(s, c.possessee(d), ontology.TransfersTo, "taken-of-them")
		}
	}
}

// fundedSuffixes end the second word of a place used as a modifier of a
// counted noun: "Hong Kong-invested companies", "Macao-funded firms".
var fundedSuffixes = []string{"-invested", "-funded", "-owned", "-backed", "-based", "-registered", "-made"}

// fundedBy reports a lower-cased word that ends a place modifier of the
// counted noun (funded-by).
func fundedBy(lt string) bool {
	return strings.IndexByte(lt, '-') > 0 && prefixEnding(lt, fundedSuffixes) != ""
}

// session9Owner returns the owner of figure f that this session's rules
// read, or nil: a share "of them" is the owner of the figure it divides
// (share-of-them), and a figure of "the X area of the Y Zone" is the
// zone's (zone-area).
func (c *sentCtx) session9Owner(f figure) *entity {
	if f.unit == "percent" && len(c.metricEnts) > 0 && (strings.HasPrefix(c.lower[f.end:], " of them") || strings.HasPrefix(c.lower[f.end:], " of which")) {
		return c.metricEnts[len(c.metricEnts)-1]
	}
	if k := c.zoneArea(); k >= 0 && c.spans[k].end < f.start {
		return c.spans[k].ent
	}
	return c.pastFundedBy(f)
}

// pastFundedBy returns the owner of a figure whose clause opens with a
// place that only modifies a noun ("Macao-funded companies in the zone
// numbered 6,280"): the next place or reference of the clause, or nil
// (funded-by).
func (c *sentCtx) pastFundedBy(f figure) *entity {
	funded := false
	for _, sp := range c.spans {
		if sp.end >= f.start {
			break
		}
		funded = funded || c.lower[sp.end] == '-' && prefixOf(c.lower[sp.end:], fundedSuffixes) != ""
	}
	if !funded {
		return nil // most figures: no place before them modifies a noun
	}
	cs, _ := clauseAround(c.lower, f.start)
	first := -1
	for k, sp := range c.spans {
		if sp.start < cs || sp.appos {
			continue
		}
		if sp.start >= f.start {
			return nil
		}
		if first < 0 {
			if !strings.HasPrefix(c.lower[sp.end:], "-") || prefixOf(c.lower[sp.end:], fundedSuffixes) == "" {
				return nil // most figures: the usual reading
			}
			first = k
			continue
		}
		if actor(sp.ent.typ) {
			return c.possessee(k)
		}
	}
	return nil
}

// zoneArea returns the zone of a sentence that opens with "The X area of
// the Y Zone" (a free trade zone's area in a city), or -1.
func (c *sentCtx) zoneArea() int {
	if len(c.spans) < 2 || c.spans[0].start > len("The ") {
		return -1
	}
	if g := c.lowerGap(0, 1); (g == " area of the " || g == " area of ") && c.spans[1].ent.typ == ontology.Zone {
		return 1
	}
	return -1
}

// reApposAt matches an apposition that places a name at a part of the
// next: ", a district at the southern tip of Y" (appos-at).
var reApposAt = regexp.MustCompile(`^, (?:a|an|the) (?:[\w-]+ ){0,2}(?:district|county|city|port|town|area|zone|island) at the (?:[\w-]+ ){0,2}(?:tip|end|edge|heart|centre|center|mouth|foot|corner) of (?:the )?$`)

// heartLinks make the name before them part of the place after: "Luoyang is
// the heart of the Luoyang metropolitan area", "Henan sits at the heart of
// China" (heart-of).
var heartLinks = []string{" is the heart of ", " is the core of ", " sits at the heart of ", " lies at the heart of ",
	" is at the heart of ", " sit at the heart of ", " lie at the heart of ", " is located at the heart of "}

// neighborIn are the gaps of "Suining city in neighboring Sichuan province"
// (in-neighboring): the name lies in the neighbor.
var neighborIn = []string{" in neighboring ", " in neighbouring ", " in nearby ", " in adjacent "}

// gapContain reads containment from the gap between two names: appos-at,
// heart-of, in-neighboring, and "the X area of the Y Zone", a zone's area
// in a city (zone-area).
func (x *Extractor) gapContain(c *sentCtx) {
	for i := 0; i+1 < len(c.spans); i++ {
		a, b := c.spans[i], c.spans[i+1]
		e := c.posEnd(i)
		if e > b.start || b.start-e > 70 || b.start-e < len(" area of ") || !ontology.IsPlace(a.ent.typ) || !ontology.IsPlace(b.ent.typ) {
			continue
		}
		if raw := c.text[e:b.start]; !strings.HasSuffix(raw, "of ") && !strings.HasSuffix(raw, "of the ") && !strings.HasPrefix(raw, " in ") {
			continue // most gaps: ", ", " and ", " in " alone
		}
		g := c.lowerGap(i, i+1)
		switch {
		case (g == " area of the " || g == " area of ") && b.ent.typ == ontology.Zone && a.ent.typ != ontology.Zone && !a.poss:
			c.contain(b.ent, a.ent, "zone-area", x.gaz)
		case strings.Contains(g, " at the ") && strings.HasPrefix(g, ", ") && reApposAt.MatchString(g):
			c.contain(a.ent, c.possessee(i+1), "appos-at", x.gaz)
		case strings.Contains(g, " heart of ") || strings.Contains(g, " core of "):
			if l := prefixOf(g, heartLinks); l != "" && (g == l || g == l+"the ") {
				c.contain(a.ent, c.possessee(i+1), "heart-of", x.gaz)
			}
		case strings.HasPrefix(g, " in n") || strings.HasPrefix(g, " in a"):
			if prefixOf(g, neighborIn) == g {
				c.contain(a.ent, c.possessee(i+1), "in-neighboring", x.gaz)
			}
		}
	}
}

// jointlyByMask holds the trigger word of jointlyBy.
var jointlyByMask = maskOf("joint")

// jointlyParticiples are the verbs of a thing run or built by several
// places together, in "run jointly by" and "jointly run by".
var jointlyParticiples = []string{"run", "built", "developed", "managed", "operated", "administered", "set up",
	"established", "launched", "funded", "governed", "financed", "owned", "sponsored", "organized", "organised"}

// jointlyBy reads the passive of a joint statement: "the zone is run
// jointly by Guangdong and the Macao Special Administrative Region", "a
// fund jointly set up by A, B and C": every pair of the list after "by"
// works together (jointly-by).
func (x *Extractor) jointlyBy(c *sentCtx) {
	if !c.hasMask(&jointlyByMask) {
		return
	}
	for off := 0; ; {
		i := strings.Index(c.lower[off:], "jointly ")
		if i < 0 {
			return
		}
		i += off
		off = i + len("jointly ")
		by := -1
		if strings.HasPrefix(c.lower[off:], "by ") {
			// "run jointly by": a participle before
			before := strings.TrimSuffix(c.lower[:i], " ")
			if prefixEnding(before, jointlyParticiples) != "" {
				by = off + len("by ")
			}
		} else if p := prefixOf(c.lower[off:], jointlyParticiples); p != "" && strings.HasPrefix(c.lower[off+len(p):], " by ") {
			by = off + len(p) + len(" by ")
		}
		if by < 0 {
			continue
		}
		k := c.spanAt(by)
		if k < 0 {
			continue
		}
		ms := c.members(k)
		for a := 0; a < len(ms); a++ {
			for b := a + 1; b < len(ms); b++ {
				if ms[a] >= k && actor(c.spans[ms[a]].ent.typ) && actor(c.spans[ms[b]].ent.typ) {
					c.propose(c.spans[ms[a]].ent, c.possessee(ms[b]), ontology.CooperatesWith, "jointly-by")
				}
			}
		}
	}
}

// spelledNumber reports a lower-case number word ("three", "twelve").
func spelledNumber(w string) bool {
	if !maySpell(w) {
		return false // the cheap test of its first letters and length
	}
	_, ok := spelled[w]
	return ok
}

// saidBy reports two words at [start, end) that a quotation is attributed
// to, with a description after a comma: `..." said Zhou Ping, a farmer`
// (said-name). The gazetteer has already ruled out places.
func saidBy(s string, start, end int) bool {
	return (strings.HasSuffix(s[:start], " said ") || strings.HasSuffix(s[:start], " says ")) &&
		(strings.HasPrefix(s[end:], ", a ") || strings.HasPrefix(s[end:], ", an ") || strings.HasPrefix(s[end:], ", who "))
}

// foreignPlaces adds the places named as "the Russian city of
// Blagoveshchensk" and "the Vietnamese port of Hai Phong": a run of
// capitalised words (a nationality) after "the" and before "city of" or
// "port of", then the run that names the place, which the gazetteer of
// China does not hold (foreign-city). A name the gazetteer or a rule
// found already is left to it.
func foreignPlaces(s string, runs []run, names, places []*span) []*span {
	for k := 0; k+1 < len(runs); k++ {
		r := runs[k]
		end := int(r.ws[len(r.ws)-1].end)
		rest := s[end:]
		if len(rest) < len(" city of X") || rest[1] != 'c' && rest[1] != 'p' {
			continue // the cheap test first
		}
		head := prefixOf(rest, []string{" city of ", " port of "})
		if head == "" || len(r.ws) > 2 || !strings.HasSuffix(s[:r.ws[0].start], "the ") {
			continue
		}
		n := runs[k+1]
		start := int(n.ws[0].start)
		if start != end+len(head) || len(n.ws) > 3 {
			continue
		}
		nend := int(n.ws[len(n.ws)-1].end)
		if overlapsAny(start, nend, names) || overlapsAny(start, nend, places) {
			continue
		}
		typ := ontology.City
		if head == " port of " {
			typ = ontology.Port
		}
		text := s[start:nend]
		names = append(names, &span{start: start, end: nend, surface: text, kind: spanName,
			typ: typ, name: text, known: -1, poss: n.ws[len(n.ws)-1].poss})
	}
	return names
}

// overlapsAny reports a span of list that overlaps [start, end).
func overlapsAny(start, end int, list []*span) bool {
	for _, sp := range list {
		if sp.start < end && start < sp.end {
			return true
		}
	}
	return false
}

// twoNouns are the plural nouns of "The two cities have agreed ...", with
// the types they refer to.
var twoNouns = []struct {
	noun  string
	types []ontology.EntityType
}{
	{"cities", []ontology.EntityType{ontology.City, ontology.Municipality, ontology.County}},
	{"provinces", []ontology.EntityType{ontology.Province}},
	{"counties", []ontology.EntityType{ontology.County}},
	{"districts", []ontology.EntityType{ontology.District}},
}

// theTwoJoint reads a sentence that opens with "The two cities" and a
// joint statement: the two cities last named work together ("Heihe and
// the Russian city of Blagoveshchensk are linked by a bridge. The two
// cities have agreed to build a cross-border park", the-two-joint).
func (x *Extractor) theTwoJoint(c *sentCtx) {
	if !strings.HasPrefix(c.lower, "the two ") || !c.hasMask(&jointMask) {
		return
	}
	rest := c.lower[len("the two "):]
	for _, n := range twoNouns {
		if !strings.HasPrefix(rest, n.noun+" ") {
			continue
		}
		if !jointStatement(rest[len(n.noun):]) {
			return
		}
		a, b := lastTwo(c.state.history, n.types)
		if a != nil && b != nil {
			c.propose(a, b, ontology.CooperatesWith, "the-two-joint")
		}
		return
	}
}

// lastTwo returns the two entities of the types last named, or nils.
func lastTwo(hist []*entity, types []ontology.EntityType) (*entity, *entity) {
	var a *entity
	for i := len(hist) - 1; i >= 0 && i >= len(hist)-historyWindow; i-- {
		if !containsType(types, hist[i].typ) || hist[i] == a {
			continue
		}
		if a == nil {
			a = hist[i]
			continue
		}
		return hist[i], a
	}
	return nil, nil
}

// sentenceAR returns the last autonomous region named in the sentence
// before pos, or nil: "the autonomous region" after "In Xizang, ..." is
// Xizang, whichever region an earlier sentence named (same-sentence-ar).
func (c *corefState) sentenceAR(pos int) *entity {
	for k := len(c.current) - 1; k >= 0; k-- {
		sp := c.current[k]
		if sp.end <= pos && sp.ent != nil && sp.ent.typ == ontology.Province && autonomousRegion(sp.ent) {
			return sp.ent
		}
	}
	return nil
}

// numberedVerbs put a count after the noun it counts.
var numberedVerbs = []string{" numbered ", " now number ", " number ", " numbered about ", " numbered more than ", " now numbers "}

// numberedUnit reads the counted noun of "Macao-funded companies in the
// zone numbered 6,280": a figure after "numbered" counts the clause's
// first lower-case plural noun (numbered). It returns "" when there is
// none.
func numberedUnit(lower string, start int) string {
	before := lower[:start]
	v := prefixEnding(before, numberedVerbs)
	if v == "" {
		return ""
	}
	clause := before[:len(before)-len(v)]
	if i := strings.LastIndexAny(clause, ",;:."); i >= 0 {
		clause = clause[i+1:]
	}
	for n, w := range strings.Fields(clause) {
		if n == 6 {
			break
		}
		if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && lowerWord(w) && !unitStops[w] {
			return w
		}
	}
	return ""
}

// linkVerbs join two places by a road, a line or a route.
var linkVerbs = []string{"linking ", "links ", "linked ", "link ", "connecting ", "connects ", "connected ", "connect "}

// linkedWith reports a link verb before span k in its clause, with only
// k's own words and its container between: "an expressway linking Tongnan
// district of Chongqing with Suining" joins two places by road; it makes
// no partnership of them (linked-with).
func (c *sentCtx) linkedWith(k int) bool {
	start := c.spans[k].start
	for j := k - 1; j >= 0 && j >= k-2; j-- {
		// "linking Tongnan district of Chongqing with": the container's
		// owner opens the phrase
		if g := c.lowerGap(j, j+1); g == " of " || g == " district of " || g == " county of " || g == " city of " {
			start = c.spans[j].start
		}
	}
	before := strings.TrimSuffix(c.lower[:start], "the ")
	return prefixEnding(before, linkVerbs) != ""
}

// setUpVerbs open the thing a list of places set up in "A and B have set
// up the A-B Zone".
var setUpVerbs = []string{" have set up the ", " set up the ", " have established the ", " established the ",
	" have built the ", " built the "}

// setUpMask holds the trigger words of setUpVerbs.
var setUpMask = maskOf("set up", "establish", "built")

// namedAfterBoth reads "Fushun and Shenyang have set up the
// Shenyang-Fushun Reform and Innovation Demonstration Zone": a list of
// places that set up a body or zone whose name holds every one of their
// names works together (named-after-both). A zone named after one of
// them alone says nothing of the others.
func (x *Extractor) namedAfterBoth(c *sentCtx) {
	if !c.hasMask(&setUpMask) {
		return
	}
	for i := range c.spans {
		if c.group[i] != i || c.spans[i].appos || !ontology.IsPlace(c.spans[i].ent.typ) {
			continue
		}
		ms := c.members(i)
		if len(ms) < 2 {
			continue
		}
		pos := c.skipAnyRelative(c.skipApposition(c.posEnd(ms[len(ms)-1])))
		if strings.HasPrefix(c.lower[pos:], ",") {
			pos++ // "Fushun and Shenyang, the provincial capital, have set up"
		}
		v := prefixOf(c.lower[pos:], setUpVerbs)
		if v == "" {
			continue
		}
		k := c.spanStarting(pos + len(v))
		if k < 0 {
			continue
		}
		name := c.spans[k].ent.lowerName()
		all := true
		for _, m := range ms {
			all = all && strings.Contains(name, c.spans[m].ent.lowerName())
		}
		if !all {
			continue
		}
		for a := 0; a < len(ms); a++ {
			for b := a + 1; b < len(ms); b++ {
				c.propose(c.spans[ms[a]].ent, c.spans[ms[b]].ent, ontology.CooperatesWith, "named-after-both")
			}
		}
	}
}
