package extract

import (
	"regexp"
	"strings"

	"github.com/policykg/policykg/ontology"
)

// Session 8's rules, written for the misses of the sixth held-out batch
// (a Q/A interview, a plan outline in chapters, a statistics bulletin) as
// general patterns of English policy prose.

// statisticsOf returns the place whose statistics bureau a text names
// ("Anhui Provincial Bureau of Statistics", "Statistics Bureau of Hubei
// Province"): a bulletin of that bureau reports figures of that place,
// most of them in sentences that name no place at all (bulletin-place).
// A national bureau, or a survey team of one, names no place.
func (x *Extractor) statisticsOf(spans []*span, reg *registry) *entity {
	for _, sp := range spans {
		if sp.ent.typ != ontology.Organization {
			continue
		}
		name := sp.ent.name
		var t string
		switch {
		case strings.HasSuffix(name, " Bureau of Statistics"):
			t = strings.TrimSuffix(name, " Bureau of Statistics")
		case strings.HasSuffix(name, " Statistics Bureau"):
			t = strings.TrimSuffix(name, " Statistics Bureau")
		case strings.HasPrefix(name, "Statistics Bureau of "):
			t = strings.TrimPrefix(name, "Statistics Bureau of ")
		default:
			continue
		}
		for _, adj := range []string{" Provincial", " Municipal", " Regional", " Province", " City"} {
			t = strings.TrimSuffix(t, adj)
		}
		for _, d := range x.gaz.Lookup(t) {
			if d.Level == ontology.LevelProvince || d.Level == ontology.LevelPrefecture {
				return reg.get(d.Name, d.Type, d.Code)
			}
		}
	}
	return nil
}

// statHeader is how many sentences of a page's head statisticsOf reads:
// a bulletin names its bureau above the text.
const statHeader = 12

// publicBodyWords mark the names of public bodies: a ministry that
// "approved 30 projects" approved them for places, whereas a company, a
// university or a research center that "sold 38,000 vehicles in Russia"
// or "hosts 12 facilities" owns its figure.
var publicBodyWords = []string{"Ministry", "Commission", "Bureau", "Department", "Administration", "Government",
	"Office", "Council", "Committee", "Customs", "Team", "Congress", "Agency", "Authority", "Xinhua", "Daily", "News"}

// orgOwner reads a figure whose clause opens with a company, a university
// or a center as its subject, with no place between them but in an
// apposition ("FAW Group, the carmaker based in Changchun, sold 38,000
// vehicles in Russia"; "the University of X, in Hefei, signed 46 research
// contracts with companies in Zhejiang"): the figure is the body's, not
// the place after it (org-owner). A relocation in the clause, a public
// body, or a speech verb ("said", "reported") leaves the usual reading.
func (c *sentCtx) orgOwner(f figure) *entity {
	org := false
	for _, sp := range c.spans {
		if sp.start >= f.start {
			break
		}
		org = org || sp.ent.typ == ontology.Organization
	}
	if !org {
		return nil // most figures: no body before them
	}
	cs, ce := clauseAround(c.lower, f.start)
	for i := range c.relocs {
		if r := &c.relocs[i]; r.start < ce && r.end > cs {
			return nil
		}
	}
	k := -1
	for j, sp := range c.spans {
		if sp.start < cs || sp.appos {
			continue
		}
		if sp.start < f.start && sp.ent.typ == ontology.Organization && c.subjectPosition(j, cs) {
			k = j
		}
		break
	}
	if k < 0 || c.posEnd(k) > f.start {
		return nil // no body, or the figure is inside its name
	}
	for _, w := range publicBodyWords {
		if strings.Contains(c.spans[k].ent.name, w) {
			return nil
		}
	}
	from := c.posEnd(k)
	// an apposition right after the body is skipped: ", the carmaker based in X,"
	if strings.HasPrefix(c.lower[from:f.start], ", ") {
		if i := strings.IndexByte(c.lower[from+2:f.start], ','); i >= 0 {
			from += 2 + i + 1
		}
	}
	gap := c.lower[from:f.start]
	if strings.ContainsAny(gap, ",;") || strings.Contains(gap, " said") || strings.Contains(gap, "report") ||
		strings.Contains(gap, " to ") || strings.Contains(gap, " in ") || strings.Contains(gap, " for ") {
		return nil
	}
	for j := k + 1; j < len(c.spans) && c.spans[j].start < f.start; j++ {
		if c.spans[j].start >= from && ontology.IsPlace(c.spans[j].ent.typ) {
			return nil
		}
	}
	return c.spans[k].ent
}

// perItemThreshold reports a figure that bounds each item of a count
// rather than measuring anything: "3,215 projects with investment of at
// least 100 million yuan each" (threshold-each).
func perItemThreshold(lower string, f figure) bool {
	if !strings.HasPrefix(lower[f.end:], " each") {
		return false
	}
	before := lower[:f.start]
	return strings.HasSuffix(before, "at least ") || strings.HasSuffix(before, "more than ") ||
		strings.HasSuffix(before, "over ") || strings.HasSuffix(before, "of ")
}

// demonstrativeUnit reads the noun after "these" or "those" at n in "1,402
// of these projects" (of-these): a lower-case plural joined to it, not a
// stop word. "1,568 of them" and "of these, 40 ..." keep the previous unit.
func demonstrativeUnit(text string, ws []word, n int) (string, bool) {
	if n+1 >= len(ws) || !joinedLoose(text, ws[n], ws[n+1]) {
		return "", false
	}
	u := ws[n+1].text(text)
	if !lowerWord(u) || unitStops[u] || !strings.HasSuffix(u, "s") {
		return "", false
	}
	return u, true
}

// conjoinedCompound reports "and" at k inside a compound modifier of three
// lower-case words before the head noun ("science and technology
// cooperation platforms", compound-unit): the word after the next two is
// a plural joined to them, and none is a stop word or a number. "schools
// and hospitals in Hebei" stops at "in".
func conjoinedCompound(text string, ws []word, k int) bool {
	for i := k + 1; i <= k+3; i++ {
		t := ws[i].text(text)
		if !lowerWord(t) || unitStops[t] || !joinedLoose(text, ws[i-1], ws[i]) {
			return false
		}
		if _, num := parseNumber(t); num || spelledNumber(t) {
			return false
		}
	}
	return strings.HasSuffix(ws[k+3].text(text), "s") && !strings.HasSuffix(ws[k+1].text(text), "s")
}

// namesPlace reports a sentence that names a place.
func (c *sentCtx) namesPlace() bool {
	for _, sp := range c.spans {
		if ontology.IsPlace(sp.ent.typ) {
			return true
		}
	}
	return false
}

// zoneOf reports "Zone" at i of a run followed by "of" as a zone named by
// its purpose, as "Pilot Zone for" is (zone-of): "Demonstration Zone of
// Green and Integrated Ecological Development of the Yangtze River Delta"
// is a zone whatever place ends it. The word before must be a zone word
// ("Demonstration", "Pilot", "Cooperation"), so that "Zone of" inside a
// longer body's name is not read.
func zoneOf(s string, r run, i int) bool {
	switch r.ws[i-1].text(s) {
	case "Demonstration", "Pilot", "Cooperation", "Experimental", "Development":
		return true
	}
	return false
}

// plannedZone returns the zone a plan's title names after "of the" or
// "for the" ("Development Outline of the Demonstration Zone of Green and
// Integrated Ecological Development of the Yangtze River Delta"), or nil
// (planned-zone). The two names overlap and one span is kept: the zone,
// which the text then calls "the demonstration zone" and gives its
// figures and places, rather than the plan, which is the document itself
// (a title the gold does not annotate). Only a zone named by its purpose
// (zone-of, zone-for) is taken; "Overall Plan for the Hengqin Zone" stays
// a plan.
func plannedZone(s string, r run) *span {
	n := len(r.ws)
	for i := 0; i+3 < n; i++ {
		if !strategyHeads.has(r.ws[i].text(s)) {
			continue
		}
		if p := r.ws[i+1].text(s); p != "of" && p != "for" || r.ws[i+2].text(s) != "the" {
			return nil
		}
		inner := run{r.ws[i+3:]}
		hasZone := false
		for j := 1; j+2 < len(inner.ws); j++ {
			hasZone = hasZone || inner.ws[j].text(s) == "Zone"
		}
		if !hasZone {
			return nil
		}
		if sp, ok := classifyTrimmed(s, inner); ok && sp.typ == ontology.Zone {
			return sp
		}
		return nil
	}
	return nil
}

// refCovers reports a reference to a zone that opens its sentence and
// whose verb is "covers", "spans" or "straddles": "The demonstration zone
// covers A district of X, B district of Y and C county of Z" places the
// zone the text has named in each (ref-covers). A reference elsewhere
// ("a park in the zone") is left to the other rules.
func refCovers(c *sentCtx, k int) bool {
	if strings.TrimSpace(c.lower[:c.spans[k].start]) != "" {
		return false
	}
	after := c.lower[c.posEnd(k):]
	return strings.HasPrefix(after, " covers ") || strings.HasPrefix(after, " spans ") || strings.HasPrefix(after, " straddles ")
}

// shortZoneRef reports a lower-case "the demonstration zone" of two words
// at the start of a sentence: a reference to the zone the text has named
// ("The demonstration zone covers A, B and C" after the outline's title),
// which coreference resolves, rather than a new zone's name (zone-ref).
// A longer description ("the ecological green integrated development
// demonstration zone, which covers A") is still a name.
func shortZoneRef(lower string, start, zone int) bool {
	return start <= len("the ") && strings.IndexByte(lower[start:zone], ' ') < 0
}

// describedZone resolves "the demonstration zone", "the pilot zone": a
// kind of zone and "zone" refer to the latest zone whose name holds both
// words, else the latest zone (zone-ref). rest is the text after the
// article, sp the space after its first word.
func (c *corefState) describedZone(text, rest string, start, wend, sp int, history func() []*entity) (*entity, int) {
	kind := rest[:sp]
	if !zoneKinds[kind] || !strings.HasPrefix(rest[sp+1:], "zone") {
		return nil, 0
	}
	end := wend + 1 + sp + 1 + len("zone")
	if !boundaryAfter(text, end) || strings.HasPrefix(text[end:], " of ") || strings.HasPrefix(text[end:], " for ") {
		return nil, 0
	}
	e := mostRecent(history(), rest[:sp+1+len("zone")], []ontology.EntityType{ontology.Zone, ontology.NewArea})
	return e, end
}

// containerIn steps over the container's own container in a list of
// places: "Wujiang district of Suzhou in Jiangsu province, and Jiashan
// ..." lists Wujiang, and Jiangsu, which holds Suzhou, is no item of it
// (container-in). next is the span after the first container.
func (c *sentCtx) containerIn(next int) int {
	if next < len(c.spans) && next > 0 && c.gap(next-1, next) == " in " && c.spans[next].ent.code != "" &&
		c.spans[next-1].ent.code != "" && c.isAncestor(next, next-1) {
		return next + 1
	}
	return next
}

// areaOwner reads "X covers A, B and C, with a total area of 2,413 square
// kilometers" and "X, covering an area of 660 square kilometers": an area
// given in a trailing phrase is the sentence subject's, not the place
// named last (area-owner).
func (c *sentCtx) areaOwner(f figure) *entity {
	before := strings.TrimSuffix(strings.TrimSuffix(c.lower[:f.start], "about "), "some ")
	if !strings.HasSuffix(before, " area of ") || !(strings.HasSuffix(before, "with a total area of ") ||
		strings.HasSuffix(before, "with an area of ") || strings.HasSuffix(before, "covering an area of ") ||
		strings.HasSuffix(before, "covering a total area of ")) {
		return nil
	}
	k := c.subject()
	if k < 0 || !ontology.IsPlace(c.spans[k].ent.typ) || c.spans[k].start >= f.start {
		return nil
	}
	return c.spans[k].ent
}

// portHead makes a port of a place of the gazetteer named before a lower-case
// "port" after "the": "the Hunchun port handled 4.1 million tons" names
// Hunchun Port (lower-port). "the Hunchun port area", "port city" and a
// place with no article ("Hunchun port workers") are left alone.
func portHead(s string, p *span) *span {
	if p.poss || p.end+5 > len(s) || s[p.end] != ' ' || s[p.end+1:p.end+5] != "port" || !boundaryAfter(s, p.end+5) {
		return nil
	}
	if p.kind != spanGazetteer || p.generic != "" {
		return nil // a division of the gazetteer, named bare
	}
	if !strings.HasSuffix(s[:p.start], "the ") {
		return nil
	}
	rest := s[p.end+5:]
	for _, w := range []string{" area", " city", " cities", " of ", " zone", " district"} {
		if strings.HasPrefix(rest, w) {
			return nil
		}
	}
	e := p.end + 5
	return &span{start: p.start, end: e, surface: s[p.start:e], kind: spanName, typ: ontology.Port,
		name: s[p.start:p.end] + " Port", known: -1, poss: possessiveAt(s, e)}
}

// reDirectionalIn matches the gap of "X, located in the south of Y",
// "X, which sits in the northeast of Y", "X lies in the western part of
// Y": X is in Y (directional-in).
var reDirectionalIn = regexp.MustCompile(`^,? (?:which |that )?(?:is |are )?(?:located|situated|sits|sit|lies|lie) in the (?:north|south|east|west|northeast|northwest|southeast|southwest|center|centre|northern|southern|eastern|western|central|northeastern|northwestern|southeastern|southwestern)(?: part| side)? of (?:the )?$`)

// directionalIn reads reDirectionalIn between a zone, port, airport or new
// area and the place after it, a reference ("the city") included; "lies
// north of Y" (no "in the") is outside Y and is not read.
func (x *Extractor) directionalIn(c *sentCtx) {
	for i := 0; i+1 < len(c.spans); i++ {
		switch c.spans[i].ent.typ {
		case ontology.Zone, ontology.Port, ontology.Airport, ontology.NewArea:
		default:
			continue
		}
		g := c.lowerGap(i, i+1)
		if len(g) < 60 && containsAny(g, directionalVerbs) && reDirectionalIn.MatchString(g) {
			obj := c.possessee(i + 1)
			if c.spans[i+1].kind == spanRef {
				if e := c.namesakeOf(c.spans[i].ent); e != nil {
					obj = e
				}
			}
			c.contain(c.spans[i].ent, obj, "directional-in", x.gaz)
		}
	}
}

// directionalVerbs are the verbs of reDirectionalIn, a cheap test of the
// gap after a zone before the regexp.
var directionalVerbs = []string{"located in the ", "situated in the ", "sits in the ", "sit in the ", "lies in the ", "lie in the "}

// namesakeOf returns the place named earlier whose name opens zone's:
// "the Hunchun Border Economic Cooperation Zone, located in the south of
// the city" is in Hunchun, a county-level city, whichever prefecture was
// named last (namesake-city).
func (c *sentCtx) namesakeOf(zone *entity) *entity {
	h := c.state.history
	for i := len(h) - 1; i >= 0 && i >= len(h)-historyWindow; i-- {
		e := h[i]
		switch e.typ {
		case ontology.City, ontology.County, ontology.District:
			if strings.HasPrefix(zone.name, e.name+" ") {
				return e
			}
		}
	}
	return nil
}

// takePartMask holds the trigger words of "take part in" (take-part): a
// place that takes part in a strategy named right after carries it out;
// implMatch reads the verb.
var takePartMask = maskOf("take", "took")

// theHead reports a plan's head word at i, the run's last, right after
// "the": "Scope of the Plan", a section heading of an outline, refers to
// the plan and names none (the-head). A plan's name puts its own words
// before the head ("Outline of the 14th Five-Year Plan").
func theHead(s string, r run, i int) bool {
	return i >= 2 && r.ws[i-1].text(s) == "the"
}
