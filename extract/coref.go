package extract

import (
	"strings"

	"github.com/policykg/policykg/ontology"
)

// nominals are the nouns of "the city", "the zone", "the plan", longest
// first, with the types they may refer to.
var nominals = []struct {
	noun  string
	types []ontology.EntityType
}{
	{"autonomous region", []ontology.EntityType{ontology.Province}},
	{"free trade port", []ontology.EntityType{ontology.Zone}},
	{"free trade zone", []ontology.EntityType{ontology.Zone}},
	{"new area", []ontology.EntityType{ontology.NewArea}},
	{"work plan", []ontology.EntityType{ontology.Strategy}},
	{"economic circle", []ontology.EntityType{ontology.Region}},
	{"economic belt", []ontology.EntityType{ontology.Region}},
	{"land port", []ontology.EntityType{ontology.Port}},
	{"metropolitan circle", []ontology.EntityType{ontology.Region}},
	{"urban agglomeration", []ontology.EntityType{ontology.Region}},
	{"metropolitan area", []ontology.EntityType{ontology.Region}},
	{"city cluster", []ontology.EntityType{ontology.Region}},
	{"core area", []ontology.EntityType{ontology.Region}},
	{"municipality", []ontology.EntityType{ontology.Municipality}},
	{"provincial government", []ontology.EntityType{ontology.Organization}},
	{"municipal government", []ontology.EntityType{ontology.Organization}},
	{"province", []ontology.EntityType{ontology.Province}},
	{"city", []ontology.EntityType{ontology.City, ontology.Municipality}},
	{"district", []ontology.EntityType{ontology.District}},
	{"county", []ontology.EntityType{ontology.County}},
	{"zone", []ontology.EntityType{ontology.Zone, ontology.NewArea}},
	{"park", []ontology.EntityType{ontology.Zone}},
	{"airport", []ontology.EntityType{ontology.Airport}},
	{"port", []ontology.EntityType{ontology.Port}},
	{"region", []ontology.EntityType{ontology.Region}},
	{"circle", []ontology.EntityType{ontology.Region}},
	{"belt", []ontology.EntityType{ontology.Region}},
	{"delta", []ontology.EntityType{ontology.Region}},
	{"plan", []ontology.EntityType{ontology.Strategy}},
	{"project", []ontology.EntityType{ontology.Strategy}},
	{"program", []ontology.EntityType{ontology.Strategy}},
	{"programme", []ontology.EntityType{ontology.Strategy}},
	{"strategy", []ontology.EntityType{ontology.Strategy}},
	{"initiative", []ontology.EntityType{ontology.Strategy}},
	// bodies: "deputy director of the department"
	{"department", []ontology.EntityType{ontology.Organization}},
	{"commission", []ontology.EntityType{ontology.Organization}},
	{"bureau", []ontology.EntityType{ontology.Organization}},
	{"ministry", []ontology.EntityType{ontology.Organization}},
	{"administration", []ontology.EntityType{ontology.Organization}},
}

// nominalsByInitial lists, for each first byte, the indices of the
// nominals whose noun starts with it, in the order of nominals: only those
// can follow, and the first that does is the one taken.
var nominalsByInitial = func() (t [256][]int) {
	for k, n := range nominals {
		t[n.noun[0]] = append(t[n.noun[0]], k)
	}
	return t
}()

// historyWindow is how many of the latest entities of the history are
// read; maxHistory, how long it grows before the older ones are dropped.
const (
	historyWindow = 40
	maxHistory    = 256
)

// corefState carries what coreference needs across sentences.
type corefState struct {
	history      []*entity // mentioned entities, most recent last
	lastSubject  *entity
	speakers     map[string]*entity // speaker -> the place or body he serves
	lastOffice   *entity            // place or body of the latest official
	lastAR       *entity            // the latest autonomous region named
	govPlace     *entity            // the place whose people's government the text names first
	statPlace    *entity            // the place whose statistics bureau the text names first
	current      []*span            // the spans of the sentence being read
	recent       []*entity          // scratch for refs: the entities before a reference
	found        []*span            // the array of the list refs returns, valid until its next call
	arena        *spanArena         // the references of the document
	counted      map[int]*entity    // regions by the number of members the text gave them
	provinces    map[*entity]int    // how often each province was named
	mainProvince *entity            // the province named most, first on a tie
	moved        movedFrom          // the sources of the latest sentence's transfers
}

func newCorefState(arena *spanArena) *corefState {
	return &corefState{speakers: map[string]*entity{}, arena: arena}
}

// corefShape holds, for the lower-cased first letter of each of
// corefWords, the lengths they come in, as bits: a word of another shape
// ("to", "was") is none of them, even lower-cased, as all are ASCII.
var corefShape = func() (t [256]uint8) {
	for w := range corefWords {
		t[w[0]] |= 1 << len(w)
		t[w[0]-'a'+'A'] |= 1 << len(w)
	}
	return t
}()

// mayCoref is a cheap test that w of text may be one of corefWords in any
// case.
func mayCoref(text string, w word) bool {
	n := w.end - w.start
	return n < 8 && corefShape[text[w.start]]&(1<<n) != 0
}

// corefWords are the words refs looks for, each mapped to itself.
var corefWords = map[string]string{"latter": "latter", "former": "former", "the": "the", "this": "this",
	"that": "that", "both": "both", "its": "its", "it": "it", "we": "we", "our": "our"}

// refs finds the coreferring expressions of a sentence that do not overlap
// spans already found, and resolves each against the history and the
// spans before it. The list it returns is valid until its next call; the
// spans in it, for the whole document.
func (c *corefState) refs(s *sentence, spans []*span) []*span {
	text := s.text
	lower := s.lower
	c.current = spans
	out := c.found[:0]
	defer func() { c.current, c.found = nil, out[:0] }()
	taken := func(i, j int) bool {
		for _, sp := range spans {
			if i < sp.end && sp.start < j {
				return true
			}
		}
		return false
	}
	// before lists the entities named before pos; the list is read only
	// until the next call, so one array serves them all
	before := func(pos int) []*entity {
		h := append(c.recent[:0], c.history[max(0, len(c.history)-historyWindow):]...)
		for _, sp := range spans {
			if sp.end <= pos && sp.ent != nil {
				h = append(h, sp.ent)
			}
		}
		c.recent = h
		return h
	}
	for k := range s.ws {
		if !mayCoref(text, s.ws[k]) {
			continue
		}
		w := s.ws[k]
		start, end := int(w.start), int(w.end)
		lw := w.text(text)
		if hasUpperASCII(lw) {
			// the lower-cased word matters only if the switch knows it
			var ok bool
			if lw, ok = lookupLower(corefWords, lw); !ok {
				continue
			}
		}
		var ref span // none while ref.ent is nil
		switch lw {
		case "latter", "former":
			if i := start - 4; i >= 0 && lower[i:start] == "the " {
				ref = span{start: i, end: end, ent: latterFormer(before(i), lw == "latter")}
			}
		case "the", "this", "that", "both":
			ref = c.nominal(text, lower, start, end, func() []*entity { return before(start) })
		case "its", "it":
			ref = span{start: start, end: end, ent: c.subjectBefore(text, spans, out, start)}
		case "we", "our":
			ref = span{start: start, end: end, ent: c.speakerEntity(s.speaker, quoted(text, start))}
		}
		if ref.ent == nil || taken(ref.start, ref.end) {
			continue
		}
		ref.kind, ref.known, ref.typ = spanRef, -1, ref.ent.typ
		ref.surface = text[ref.start:ref.end]
		ref.poss = possessiveAt(text, ref.end) || lw == "its" || lw == "our"
		if lw == "its" || lw == "our" {
			ref.poss = true
		}
		sp := c.arena.new()
		*sp = ref
		out = append(out, sp)
	}
	return out
}

// nominal resolves "the city", "the zone's", "this zone": the article is
// text[start:wend]. It returns a span without an entity when it resolves
// nothing.
func (c *corefState) nominal(text, lower string, start, wend int, history func() []*entity) span {
	rest := lower[wend:]
	if !strings.HasPrefix(rest, " ") {
		return span{}
	}
	rest = rest[1:]
	if strings.EqualFold(text[start:wend], "the") {
		if e, n := c.countedRegion(rest); e != nil {
			return span{start: start, end: wend + 1 + n, ent: e}
		}
	}
	var cands []int
	if rest != "" {
		cands = nominalsByInitial[rest[0]]
	}
	for _, k := range cands {
		n := nominals[k]
		if !strings.HasPrefix(rest, n.noun) || !boundaryAfter(text, wend+1+len(n.noun)) {
			continue
		}
		end := wend + 1 + len(n.noun)
		if strings.HasPrefix(text[end:], " of ") || strings.HasPrefix(text[end:], "-") {
			return span{} // "the city of X", "the city-level"
		}
		e := c.salient(history(), n.noun, n.types, start)
		if e == nil {
			return span{}
		}
		return span{start: start, end: end, ent: e}
	}
	// "the island province", "the coastal city": one describing word
	sp := strings.IndexByte(rest, ' ')
	if sp <= 0 || !describedDivision(rest[sp+1:]) || !lowerWord(rest[:sp]) || notDescribing[rest[:sp]] || !strings.EqualFold(text[start:wend], "the") {
		return span{}
	}
	if e, end := c.describedZone(text, rest, start, wend, sp, history); e != nil {
		return span{start: start, end: end, ent: e}
	}
	for _, n := range []string{"province", "city"} {
		after := rest[sp+1:]
		end := wend + 1 + sp + 1 + len(n)
		if !strings.HasPrefix(after, n) || !boundaryAfter(text, end) || strings.HasPrefix(text[end:], " of ") {
			continue
		}
		types := []ontology.EntityType{ontology.Province}
		if n == "city" {
			types = []ontology.EntityType{ontology.City, ontology.Municipality}
		}
		if e := c.salient(history(), n, types, start); e != nil {
			return span{start: start, end: end, ent: e}
		}
	}
	return span{}
}

// describedDivision is a cheap test that after, the text after a
// describing word, starts with one of the nouns nominal then looks for.
func describedDivision(after string) bool {
	return strings.HasPrefix(after, "province") || strings.HasPrefix(after, "city") || strings.HasPrefix(after, "zone")
}

// notDescribing are words between "the" and "province" or "city" that
// point to another place than the last one named.
var notDescribing = map[string]bool{"other": true, "next": true, "neighboring": true, "neighbouring": true,
	"sister": true, "partner": true, "new": true, "first": true, "second": true, "third": true, "last": true,
	"capital": true, "provincial": true, "central": true,
	"another": true, "each": true, "every": true, "adjacent": true, "nearby": true, "former": true, "latter": true}

// divisionNouns name administrative levels: "the province", "the city".
var divisionNouns = map[string]bool{"province": true, "city": true, "municipality": true, "county": true, "district": true}

// salient returns what "the province" most likely means: a match named
// earlier in the same sentence, else the previous sentence's subject when
// it matches, else the latest match.
func (c *corefState) salient(hist []*entity, noun string, types []ontology.EntityType, pos int) *entity {
	switch noun {
	case "autonomous region":
		if e := c.sentenceAR(pos); e != nil {
			return e // "In Xizang, ... a city in the southeast of the autonomous region"
		}
		if c.lastAR == nil && c.govPlace != nil && autonomousRegion(c.govPlace) {
			return c.govPlace
		}
		return c.lastAR
	case "region":
		if e := c.regionRef(pos); e != nil {
			return e
		}
	case "provincial government", "municipal government":
		return governmentBody(c.history, noun)
	}
	if namedNominal(noun) {
		if e := namedRecent(hist, noun, types); e != nil {
			return e
		}
		return namedRecent(c.history, noun, types)
	}
	if !divisionNouns[noun] {
		if e := mostRecent(hist, noun, types); e != nil || noun != "strategy" {
			return e
		}
		return latestStrategy(c.history) // strategy-far
	}
	for k := len(c.current) - 1; k >= 0; k-- {
		sp := c.current[k]
		if sp.end <= pos && sp.ent != nil && containsType(types, sp.ent.typ) {
			return sp.ent
		}
	}
	if c.lastSubject != nil && containsType(types, c.lastSubject.typ) {
		return c.lastSubject
	}
	if e := mostRecent(hist, noun, types); e != nil || noun != "province" {
		return e
	}
	// no province among the latest names: the province the text is about,
	// the one it has named most ("administered directly by the province"
	// paragraphs after the last "Hubei")
	return c.mainProvince
}

// regionRef reads "the region" in a text that has named an autonomous
// region (Guangxi, Xinjiang): in policy prose the phrase then means that
// region, unless a Region was named earlier in the same sentence. It
// returns nil where the usual reading (the latest Region) stands.
func (c *corefState) regionRef(pos int) *entity {
	if c.lastAR == nil || c.regionSinceAR() {
		return nil
	}
	for _, sp := range c.current {
		if sp.end <= pos && sp.ent != nil && sp.ent.typ == ontology.Region {
			return nil
		}
	}
	return c.lastAR
}

// autonomousRegion reports one of the five province-level autonomous
// regions, by its GB/T 2260 code.
func autonomousRegion(e *entity) bool {
	if e.typ != ontology.Province || len(e.code) != 6 {
		return false
	}
	switch e.code[:2] {
	case "15", "45", "54", "64", "65":
		return e.code[2:] == "0000"
	}
	return false
}

// mostRecent returns the latest entity of one of the types whose name holds
// noun ("the zone": "... Cooperation Zone in Hengqin"), else the latest of
// one of the types.
func mostRecent(hist []*entity, noun string, types []ontology.EntityType) *entity {
	if noun != "" {
		for i := len(hist) - 1; i >= 0 && i >= len(hist)-historyWindow; i-- {
			if strings.Contains(hist[i].lowerName(), noun) && containsType(types, hist[i].typ) {
				return hist[i]
			}
		}
	}
	for i := len(hist) - 1; i >= 0 && i >= len(hist)-historyWindow; i-- {
		if containsType(types, hist[i].typ) {
			return hist[i]
		}
	}
	return nil
}

// latterFormer returns the last (latter) or the one before it (former) of
// the places recently named.
func latterFormer(hist []*entity, latter bool) *entity {
	var seen []*entity
	for i := len(hist) - 1; i >= 0 && len(seen) < 2; i-- {
		if !ontology.IsPlace(hist[i].typ) && hist[i].typ != ontology.Organization {
			continue
		}
		if len(seen) == 1 && seen[0] == hist[i] {
			continue
		}
		seen = append(seen, hist[i])
	}
	if latter && len(seen) > 0 {
		return seen[0]
	}
	if !latter && len(seen) > 1 {
		return seen[1]
	}
	return nil
}

// subjectBefore returns the subject of the sentence so far (its first place
// or body not in an apposition) or else the previous sentence's subject.
func (c *corefState) subjectBefore(text string, spans, refs []*span, pos int) *entity {
	first := func(list []*span) *span {
		var fronted *span // "In X, " gives way to the subject after it
		for _, sp := range list {
			if sp.end > pos {
				break
			}
			if sp.ent != nil && !sp.appos && actor(sp.ent.typ) {
				if fronted == nil && frontedPlace(text, sp) {
					fronted = sp
					continue
				}
				return sp
			}
		}
		return fronted
	}
	// a reference may open the sentence before any name does: "The
	// demonstration zone covers A, B and C, and it is home to ..."
	n, r := first(spans), first(refs)
	switch {
	case r != nil && (n == nil || r.start < n.start):
		return r.ent
	case n != nil:
		return n.ent
	}
	return c.lastSubject
}

func (c *corefState) speakerEntity(speaker string, inQuote bool) *entity {
	if e, ok := c.speakers[speaker]; ok && speaker != "" {
		return e
	}
	if c.lastOffice == nil && !inQuote {
		// a government's own text (a work report, a release) with no
		// official named: "we" is the place it governs (government-we)
		return c.govPlace
	}
	return c.lastOffice
}

// quoted reports whether pos of a sentence lies after an opening
// quotation mark: someone quoted speaks, not the text's author.
func quoted(text string, pos int) bool {
	// strings.ContainsAny(text[:pos], "\"\u201c"), without its rune loop
	return strings.IndexByte(text[:pos], '"') >= 0 || strings.Contains(text[:pos], "\u201c")
}

// governmentPlace returns the place an organization's name says it
// governs: "Xinjiang Uygur Autonomous Region People's Government",
// "Hunan Provincial People's Government" -> the division, or ok false.
func governmentPlace(g *ontology.Gazetteer, name string) (ontology.Division, bool) {
	t, ok := strings.CutSuffix(name, " People's Government")
	if !ok {
		return ontology.Division{}, false
	}
	for _, adj := range []string{" Provincial", " Municipal", " Regional"} {
		t = strings.TrimSuffix(t, adj)
	}
	for _, d := range g.Lookup(t) {
		if d.Level == ontology.LevelProvince || d.Level == ontology.LevelPrefecture {
			return d, true
		}
	}
	return ontology.Division{}, false
}

// actor reports places and bodies: the things that act in policy prose.
func actor(t ontology.EntityType) bool {
	return ontology.IsPlace(t) || t == ontology.Organization
}

// remember adds a sentence's entities to the history and notes its subject.
func (c *corefState) remember(spans []*span) {
	subject := false
	for _, sp := range spans {
		if sp.ent == nil {
			continue
		}
		c.history = append(c.history, sp.ent)
		if sp.ent.typ == ontology.Province {
			c.countProvince(sp.ent)
		}
		if autonomousRegion(sp.ent) {
			c.lastAR = sp.ent
		}
		if len(c.history) == maxHistory {
			// only the latest historyWindow are ever read: keep those in
			// the same array rather than growing it for a whole document
			c.history = append(c.history[:0], c.history[maxHistory-historyWindow:]...)
		}
		if !subject && !sp.appos && ontology.IsPlace(sp.ent.typ) {
			c.lastSubject, subject = sp.ent, true
		}
	}
}

// countProvince counts a mention of the province e and keeps mainProvince.
func (c *corefState) countProvince(e *entity) {
	if c.provinces == nil {
		c.provinces = map[*entity]int{}
	}
	c.provinces[e]++
	if c.mainProvince == nil || c.provinces[e] > c.provinces[c.mainProvince] {
		c.mainProvince = e
	}
}
