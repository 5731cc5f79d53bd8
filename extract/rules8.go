package extract

import (
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
	if k < 0 {
		return nil
	}
	org := c.spans[k]
	for _, w := range publicBodyWords {
		if strings.Contains(org.ent.name, w) {
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
	return org.ent
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
		if _, num := parseNumber(t); num {
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
