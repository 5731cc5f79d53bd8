package extract

import (
	"strings"

	"github.com/policykg/policykg/ontology"
)

// connectors may stand inside a capitalised name: "Academy of Sciences".
var connectors = newWordSet("of", "for", "and", "the", "on", "&", "de")

// openers are capitalised words that start sentences or precede names but
// are not part of them.
var openers = newWordSet()

func init() {
	for _, w := range strings.Fields(`The A An In At On By For From Since Under Among With After Before During Over
		Last Next This These Those That Our We It Its They Their Mr. Ms. Mrs. Dr. Moreover Furthermore
		However Meanwhile Separately Further Also Both Each All Some Many Most Under Through Across Around
		Between Within Into As When While If Although Though Thanks Thank Besides Beyond Along Near
		Every Such Other First Second Third Finally Last Yesterday Today And But Or So Then Now Here There
		What How Why Where Which Who Whose Ahead Going Currently Recently Meanwhile According
		President Premier Vice Governor Mayor Secretary Minister Director Chairman Professor`) {
		openers.add(w)
	}
}

// suffixType gives the type of a name from its last word.
var suffixType = map[string]ontology.EntityType{
	"Zone": ontology.Zone, "Park": ontology.Zone, "Eco-City": ontology.Zone, "Pilot": ontology.Zone,
	"Port": ontology.Port, "River": ontology.River, "Airport": ontology.Airport,
	"Delta": ontology.Region, "Corridor": ontology.Region,
	"District": ontology.District, "County": ontology.County,
}

// orgHeads end (or head, before "of") the names of organizations.
var orgHeads = newWordSet()

// strategyHeads end or head the names of plans and strategies.
var strategyHeads = newWordSet()

// researchTitles make a person affiliated with, rather than an official of, a body.
var researchTitles = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`Committee Council Office Ministry Station Daily Bureau Commission Group Corporation
		Co Co. Ltd. Company University Academy Institute Administration Government Center Centre Agency
		Association Federation Bank News Times Press Post Network Television TV Radio Electronics
		Shipping Holdings Parts Industries Logistics Technologies Motors Airlines Congress Court
		Procuratorate Department Chamber Media Weekly Review Exchange Fund Foundation Society School
		College Hospital League Authority Service Services Inc. Corp. Limited Telecom Pharmaceutical
		Organization Organisation Union Forum Alliance Secretariat Assembly Embassy Consulate Corps Customs`) {
		orgHeads.add(w)
	}
	for _, w := range strings.Fields(`Plan Outline Initiative Strategy Program Programme Project Blueprint Guideline
		Guidelines Opinions Scheme Action Vision Agenda`) {
		strategyHeads.add(w)
	}
	for _, w := range strings.Fields(`reporter journalist correspondent researcher economist professor scholar analyst
		editor fellow expert lecturer anchor student member`) {
		researchTitles[w] = true
	}
}

// multiSuffix are endings that override the last word's type.
var multiSuffix = []struct {
	words string
	typ   ontology.EntityType
}{
	{"Free Trade Port", ontology.Zone},
	{"Free Trade Zone", ontology.Zone},
	// The gazetteer lists all nineteen state-level new areas (NewArea) with
	// their variants; a "New Area" it does not know is a provincial or
	// city one ("Chengdu Eastern New Area"), a zone by the contract.
	{"New Area", ontology.Zone},
	{"New District", ontology.Zone},
	{"Bay Area", ontology.Region},
	{"Bonded Port Area", ontology.Zone},
	{"Bonded Area", ontology.Zone},
	{"Science City", ontology.Zone},
	{"Technology City", ontology.Zone},
	{"Innovation City", ontology.Zone},
	{"Science and Technology City", ontology.Zone},
	{"Economic Belt", ontology.Region},
	{"Economic Circle", ontology.Region},
	{"Urban Agglomeration", ontology.Region},
}

// multiSuffixLen holds the number of words of each of multiSuffix.
var multiSuffixLen = func() []int {
	out := make([]int, len(multiSuffix))
	for k, ms := range multiSuffix {
		out[k] = len(strings.Fields(ms.words))
	}
	return out
}()

// multiSuffixByLast lists, by last word, the indices of the multiSuffix
// endings, in order: a run can end with an ending only if it ends with
// that ending's last word.
var multiSuffixByLast = func() map[string][]int {
	m := map[string][]int{}
	for k, ms := range multiSuffix {
		last := ms.words[strings.LastIndexByte(ms.words, ' ')+1:]
		m[last] = append(m[last], k)
	}
	return m
}()

// suffixWords holds the keys of suffixType and multiSuffixByLast, for a
// quick test before their maps are asked.
var suffixWords = func() *wordSet {
	s := newWordSet()
	for w := range suffixType {
		s.add(w)
	}
	for w := range multiSuffixByLast {
		s.add(w)
	}
	return s
}()

// suffixEndings returns multiSuffixByLast[last].
func suffixEndings(last string) []int {
	if !suffixWords.has(last) {
		return nil
	}
	return multiSuffixByLast[last]
}

// facilityHeads before a final "Station" make a facility, which the contract
// does not annotate, rather than a broadcaster: "Nuclear Power Station".
var facilityHeads = map[string]bool{"Power": true, "Railway": true, "Metro": true, "Subway": true,
	"Bus": true, "Hydropower": true, "Pumping": true, "Weather": true, "Space": true, "Fire": true}

// run is a stretch of capitalised words joined by connectors.
type run struct{ ws []word }

// capitalRuns appends the runs of capitalised words of a sentence to out. A
// comma or other punctuation ends a run, and so does a possessive.
func capitalRuns(out []run, s string, ws []word) []run {
	i := 0
	for i < len(ws) {
		if !ws[i].caps {
			i++
			continue
		}
		j := i + 1
		last := i // last capitalised word
		for j < len(ws) && !ws[j-1].poss && joined(s, ws[j-1], ws[j]) {
			t := ws[j].text(s)
			switch {
			case ws[j].caps:
				last = j
			case t == "(" && j+3 < len(ws) && ws[j+1].caps && ws[j+2].text(s) == ")" && ws[j+3].caps && joined(s, ws[j+2], ws[j+3]):
				// "China (Xinjiang) Pilot Free Trade Zone"; a closing
				// "(ASEAN)" is an abbreviation, not part of the name
				j += 2
				last = j
			case t == "in" && eraTail(s, ws, j):
				j += 3 // "... of the Western Region in the New Era"
				last = j
			case t == "and" && j+1 < len(ws) && ws[j+1].text(s) == "the":
				j = len(ws) + 1
				continue
			case connectors.has(t):
			default:
				j = len(ws) + 1
				continue
			}
			j++
		}
		out = append(out, run{ws[i : last+1]})
		i = last + 1
	}
	return out
}

// joined reports whether two words are separated only by spaces.
func joined(s string, a, b word) bool {
	end := a.end
	if a.poss {
		return false
	}
	gap := s[end:b.start]
	switch len(gap) { // at most two spaces
	case 0:
		return true
	case 1:
		return gap[0] == ' '
	case 2:
		return gap[0] == ' ' && gap[1] == ' '
	}
	return false
}

func (r run) text(s string) string { return s[r.ws[0].start:r.ws[len(r.ws)-1].end] }

// trimOpeners drops sentence openers and titles from the front of a run.
func (r run) trimOpeners(s string) run {
	for len(r.ws) > 0 && trimmable(r.ws[0].text(s)) {
		r.ws = r.ws[1:]
	}
	return r
}

// trimmable reports whether a run's first word is an opener or title, not
// capitalised, or "X-based", and so not part of a name.
func trimmable(t string) bool {
	return openers.has(t) || !capitalised(t) || strings.HasSuffix(t, "-based")
}

// classify names a run as an organization, zone, strategy and so on.
func classify(s string, r run) (*span, bool) { return classifyTrimmed(s, r.trimOpeners(s)) }

// classifyTrimmed is classify of a run without openers.
func classifyTrimmed(s string, r run) (*span, bool) {
	n := len(r.ws)
	if n == 0 {
		return nil, false
	}
	last := r.ws[n-1].text(s)
	if last == "Station" && n >= 2 && facilityHeads[r.ws[n-2].text(s)] {
		return nil, false
	}
	generic := true
	for _, w := range r.ws {
		generic = generic && zoneWords.hasLower(w.text(s))
	}
	if generic {
		return nil, false // "a Free Trade Port" in a title-case heading names nothing
	}
	mk := func(t ontology.EntityType) (*span, bool) {
		text := r.text(s)
		return &span{start: int(r.ws[0].start), end: int(r.ws[n-1].end), surface: text, kind: spanName,
			typ: t, name: text, known: -1, poss: r.ws[n-1].poss}, true
	}
	for i, w := range r.ws {
		if strategyHeads.has(w.text(s)) && (i == n-1 && !theHead(s, r, i) || i+1 < n && (r.ws[i+1].text(s) == "for" || r.ws[i+1].text(s) == "of" || r.ws[i+1].text(s) == "on")) && (n >= 2) {
			return mk(ontology.Strategy)
		}
	}
	for i, w := range r.ws {
		if (w.text(s) == "of" || w.text(s) == "for") && i > 0 && orgHeads.has(r.ws[i-1].text(s)) {
			// "Leading Group for Promoting the Development of the
			// Yangtze River Economic Belt" is a body, whatever it ends with
			return mk(ontology.Organization)
		}
		// "Jinan Pilot Zone for Growth Driver Conversion": a zone named
		// by its purpose (zone-for)
		if w.text(s) == "Zone" && i > 0 && i+2 < n && (r.ws[i+1].text(s) == "for" || r.ws[i+1].text(s) == "of" && zoneOf(s, r, i)) {
			return mk(ontology.Zone)
		}
	}
	text := r.text(s)
	lastKey := text[strings.LastIndexByte(text, ' ')+1:]
	for _, k := range suffixEndings(lastKey) {
		ms := multiSuffix[k]
		if hasWordSuffix(text, ms.words) && n > multiSuffixLen[k] {
			return mk(ms.typ)
		}
	}
	if n == 1 && (strings.HasSuffix(last, ".cn") || strings.HasSuffix(last, ".com")) {
		return mk(ontology.Organization)
	}
	if n < 2 {
		return nil, false
	}
	if orgHeads.has(last) || strings.HasSuffix(last, ".cn") || strings.HasSuffix(last, ".com") {
		return mk(ontology.Organization)
	}
	if !suffixWords.has(last) {
		return nil, false // the map has none but its keys
	}
	if t, ok := suffixType[last]; ok {
		if last == "Corridor" && tradeCorridor(text) {
			return mk(ontology.Strategy)
		}
		return mk(t)
	}
	return nil, false
}

// splitConjoined cuts a run that joins two complete names with "and":
// "China Huaneng Group and Sinochem Holdings". Each half must classify
// on its own, the left one must end with its head word and the right one
// must not start with one ("Hebei Radio and TV Station" stays whole).
func splitConjoined(s string, r run) []*span {
	for i, w := range r.ws {
		if w.text(s) != "and" || i < 2 || len(r.ws)-i-1 < 2 {
			continue
		}
		left, right := run{r.ws[:i]}, run{r.ws[i+1:]}
		lh, rh := left.ws[len(left.ws)-1].text(s), right.ws[0].text(s)
		if !orgHeads.has(lh) && suffixType[lh] == "" || orgHeads.has(rh) || !capitalised(rh) {
			continue
		}
		a, okA := classify(s, left)
		b, okB := classify(s, right)
		if okA && okB && a.typ == b.typ {
			return []*span{a, b}
		}
	}
	return nil
}

// regionHeads follow a capitalised name to make a region: "Haikou economic circle".
var regionHeads = []string{"economic circle", "metropolitan circle", "city cluster", "core area",
	"economic belt", "urban agglomeration", "metropolitan area", "economic rim", "region"}

// headStarts marks the first two letters of regionHeads and
// governmentHeads, which are lower-case ASCII, at (a-'a')*26 + b-'a'.
var headStarts = func() (t [26 * 26]bool) {
	for _, h := range append(append([]string(nil), regionHeads...), governmentHeads...) {
		t[int(h[0]-'a')*26+int(h[1]-'a')] = true
	}
	return t
}()

// mayStartHead reports whether s starts with the first two letters of a
// head of regionHeads or governmentHeads.
func mayStartHead(s string) bool {
	if len(s) < 2 || s[0] < 'a' || s[0] > 'z' || s[1] < 'a' || s[1] > 'z' {
		return false
	}
	return headStarts[int(s[0]-'a')*26+int(s[1]-'a')]
}

// governmentHeads follow a place to make a government body.
var governmentHeads = []string{"provincial people's government", "municipal people's government",
	"provincial government", "municipal government", "city government", "county government",
	"district government", "provincial party committee", "municipal party committee",
	"provincial development and reform commission", "municipal bureau of statistics",
	"provincial department of commerce"}

// directions make a region of part of a province: "northern Guangdong".
var directions = newWordSet("northern", "southern", "eastern", "western", "central",
	"northeastern", "northwestern", "southeastern", "southwestern",
	"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest")

// names finds the pattern-found names of a sentence: capitalised runs by
// their heads, regions and governments with lower-case heads, and
// directional regions. runs and outBuf are scratch space reused from call
// to call: the list it returns is only read until the next call.
func names(s string, ws []word, places []*span, runs *[]run, outBuf *[]*span) []*span {
	out := (*outBuf)[:0]
	defer func() { *outBuf = out[:0] }()
	*runs = capitalRuns((*runs)[:0], s, ws)
	for _, r := range *runs {
		if parts := splitConjoined(s, r); parts != nil {
			out = append(out, parts...)
			continue
		}
		rt := r.trimOpeners(s)
		if sp, ok := classifyTrimmed(s, rt); ok {
			if initiativeName(s, rt, places) && (sp.typ == ontology.Region || sp.typ == ontology.Strategy) {
				sp.typ = ontology.Strategy // "the Silk Road Economic Belt initiative"
			}
			if sp.typ == ontology.Organization {
				nationalBody(sp)
				extendOrgName(s, sp)
			}
			if sp.typ == ontology.Strategy {
				if z := plannedZone(s, rt); z != nil {
					sp = z
				}
			}
			out = append(out, sp)
			continue
		}
		if len(rt.ws) == 0 {
			continue
		}
		if initiativeName(s, rt, places) {
			// "the Digital Silk Road initiative": a name with no head of
			// its own, which "initiative" makes a strategy
			text := rt.text(s)
			out = append(out, &span{start: int(rt.ws[0].start), end: int(rt.ws[len(rt.ws)-1].end), surface: text, kind: spanName,
				typ: ontology.Strategy, name: text, known: -1})
			continue
		}
		if sp := lowerHead(s, int(rt.ws[0].start), int(rt.ws[len(rt.ws)-1].end), rt.ws[len(rt.ws)-1].poss); sp != nil {
			out = append(out, sp)
		}
	}
	out = foreignPlaces(s, *runs, out, places)
	for _, p := range places {
		if sp := lowerHead(s, p.start, p.end, p.poss); sp != nil {
			out = append(out, sp)
		} else if sp := portHead(s, p); sp != nil {
			out = append(out, sp)
		}
		out = append(out, directional(s, p)...)
	}
	return out
}

// initiativeName reports a run of two or more capitalised words, not a
// possessive, followed by a lower-case "initiative": "the Silk Road
// Economic Belt initiative" names a strategy, its name without the head.
// A run that opens with a place ("the Guangdong and Hong Kong initiative",
// "the Greater Bay Area initiative") is left as it is.
func initiativeName(s string, r run, places []*span) bool {
	n := len(r.ws)
	if n < 2 || r.ws[n-1].poss {
		return false
	}
	for _, p := range places {
		if p.start == int(r.ws[0].start) {
			return false
		}
	}
	rest := s[r.ws[n-1].end:]
	return strings.HasPrefix(rest, " initiative") && boundaryAfter(rest, len(" initiative")) || strategyTail(rest)
}

// lowerHead makes a region or government of a capitalised name followed by a
// lower-case head: "Bohai Sea region", "Guangdong provincial government".
func lowerHead(s string, start, end int, poss bool) *span {
	if poss || end >= len(s) || s[end] != ' ' {
		return nil
	}
	rest := s[end+1:]
	if !mayStartHead(rest) {
		return nil // no head starts so
	}
	for _, h := range governmentHeads {
		if strings.HasPrefix(rest, h) && boundaryAfter(s, end+1+len(h)) {
			e := end + 1 + len(h)
			return &span{start: start, end: e, surface: s[start:e], kind: spanName, typ: ontology.Organization,
				name: titleCase(s[start:e]), known: -1, poss: possessiveAt(s, e)}
		}
	}
	for _, h := range regionHeads {
		if strings.HasPrefix(rest, h) && boundaryAfter(s, end+1+len(h)) {
			e := end + 1 + len(h)
			return &span{start: start, end: e, surface: s[start:e], kind: spanName, typ: ontology.Region,
				name: s[start:e], known: -1, poss: possessiveAt(s, e)}
		}
	}
	return nil
}

// directional finds "northern Guangdong" and the elided "eastern, western and
// northern Guangdong" before a province-level place.
func directional(s string, p *span) []*span {
	if p.start == 0 || s[p.start-1] != ' ' {
		// no word just before: p starts at a word boundary, so the byte
		// before it, if any, would end the word and is no letter, as
		// every byte of a direction is
		return nil
	}
	if p.typ != ontology.Province && p.typ != ontology.Country && p.typ != ontology.Municipality && !provinceCodes(p) {
		return nil
	}
	var out []*span
	end := p.start
	joiner := true
	for joiner {
		i := strings.LastIndexByte(strings.TrimRight(s[:end], " "), ' ') + 1
		w := strings.TrimRight(s[i:end], " ")
		if !directions.mayHaveLower(w) {
			break // ruled out before lower-casing a copy
		}
		dir := strings.ToLower(w)
		if !directions.has(dir) {
			break
		}
		name := dir + " " + p.surface
		if p.generic != "" {
			name = dir + " " + strings.TrimSuffix(p.surface, " "+p.generic)
		}
		e := i + len(w)
		if len(out) == 0 {
			e = p.end
		}
		out = append(out, &span{start: i, end: e, surface: s[i:e], kind: spanName, typ: ontology.Region,
			name: name, known: -1, poss: possessiveAt(s, e), codes: p.codes}) // the codes settle homonyms nearby
		before := s[:i]
		switch {
		case strings.HasSuffix(before, ", and "):
			end = len(before) - len(", and ")
		case strings.HasSuffix(before, " and "):
			end = len(before) - len(" and ")
		case strings.HasSuffix(before, ", "):
			end = len(before) - len(", ")
		default:
			joiner = false
		}
	}
	return out
}

func provinceCodes(p *span) bool {
	for _, c := range p.codes {
		if strings.HasSuffix(c, "0000") {
			return true
		}
	}
	return false
}
