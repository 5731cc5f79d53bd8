package extract

import (
	"slices"
	"strconv"
	"strings"

	"github.com/policykg/policykg/ontology"
)

// spelled are the number words read as figures.
var spelled = map[string]float64{
	"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
	"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// spelledShape holds, for the first two letters of the number words, the
// lengths they come in, as bits: a word of another shape ("the", "for")
// is no number word, and need not be looked up.
var spelledShape = func() (t [26 * 26]uint16) {
	for w := range spelled {
		t[int(w[0]-'a')*26+int(w[1]-'a')] |= 1 << len(w)
	}
	return t
}()

// figureInitial marks the bytes a figure may start with: digits and the
// first letters of the number words, in either case.
var figureInitial = func() (t [256]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for w := range spelled {
		t[w[0]] = true
		t[w[0]-'a'+'A'] = true
	}
	return t
}()

// maySpell reports whether t, in any ASCII case, may be a number word.
func maySpell(t string) bool {
	if len(t) < 2 || len(t) > 15 {
		return false
	}
	a, b := t[0]|0x20, t[1]|0x20 // lower case for ASCII letters
	if a < 'a' || a > 'z' || b < 'a' || b > 'z' {
		return false
	}
	return spelledShape[int(a-'a')*26+int(b-'a')]&(1<<len(t)) != 0
}

var scales = map[string]float64{"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

// unitStops end the noun phrase that names a figure's unit.
var unitStops = map[string]bool{}

// placeNouns are counted nouns that describe rather than measure when the
// count is spelled out ("three different cities").
var placeNouns = map[string]bool{}

// timeUnits make a number a duration, not a metric.
var timeUnits = map[string]bool{"year": true, "years": true, "month": true, "months": true, "day": true,
	"days": true, "hours": true, "hour": true, "weeks": true, "week": true, "decades": true, "minutes": true,
	"quarter": true, "quarters": true}

func init() {
	for _, w := range strings.Fields(`of worth with were was have has had are is in to from for and or on by at that
		which who last this each since under as up down compared than a an the their its across between per
		every will would could can been being now so but while into over after before during within through
		plus out it they them these those next more most about nearly around over respectively
		long wide high deep tall away apart ago`) {
		unitStops[w] = true
	}
	delete(unitStops, "more")
	for _, w := range strings.Fields(`cities provinces counties districts regions platforms circles areas sides pairs
		municipalities places zones parts towns villages countries`) {
		placeNouns[w] = true
	}
}

// ratioWords after a spelled number make it a figure even in an apposition
// (", three times the 2017 level").
var ratioWords = map[string]bool{"times": true, "percent": true, "thousand": true, "million": true, "billion": true, "trillion": true}

// figure is a number with its unit, read from a sentence.
type figure struct {
	start, end int
	value      float64
	unit       string
	text       string
}

// appendFigures appends the numbers of a sentence that are metrics to out.
func appendFigures(out []figure, text, lower string, ws []word) []figure {
	prevUnit := ""
	for i := 0; i < len(ws); i++ {
		if c := text[ws[i].start]; !figureInitial[c] {
			continue // no digit and no number word starts so
		}
		if t := ws[i].text(text); (t[0] < '0' || t[0] > '9') && !maySpell(t) {
			continue // readFigure's first test, without the call
		}
		f, next, ok := readFigure(text, lower, ws, i, prevUnit)
		if !ok {
			continue
		}
		if f.unit != "percent" && f.unit != "percentage points" {
			prevUnit = f.unit
		}
		out = append(out, f)
		i = next - 1
	}
	return out
}

// numberOfVerbs carry "the number of X" to its figure.
var numberOfVerbs = []string{" risen to ", " rose to ", " grown to ", " grew to ", " increased to ", " reached ",
	" hit ", " stood at ", " stands at ", " totaled ", " totalled ", " exceeded ", " topped ", " climbed to ", " is ", " was "}

// numberOfUnit returns the unit of a bare number at pos that "the number of
// X ... rose to" gives, the first plural word of X ("enterprises"), or "".
func numberOfUnit(lower string, pos int) string {
	head := lower[max(0, pos-160):pos]
	i := strings.LastIndex(head, "number of ")
	if i < 0 || strings.ContainsAny(head[i:], ";.") {
		return ""
	}
	for _, r := range []string{"a record high of ", "a record ", "a new high of ", "an all-time high of "} {
		head = strings.TrimSuffix(head, r)
	}
	verb := false
	for _, v := range numberOfVerbs {
		if strings.HasSuffix(head, v) || strings.HasSuffix(head, strings.TrimSuffix(v, " ")+" more than ") ||
			strings.HasSuffix(head, strings.TrimSuffix(v, " ")+" over ") {
			verb = true
			break
		}
	}
	if !verb {
		return ""
	}
	for n, w := range strings.Fields(head[i+len("number of "):]) {
		if n == 4 {
			break
		}
		w = strings.Trim(w, ",")
		if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && lowerWord(w) {
			return w
		}
	}
	return ""
}

// readFigure reads a figure at word i: the number, a scale word, and the unit.
func readFigure(text, lower string, ws []word, i int, prevUnit string) (figure, int, bool) {
	w := ws[i]
	wt := w.text(text)
	if b := wt[0]; (b < '0' || b > '9') && !maySpell(wt) {
		return figure{}, 0, false // neither digits nor a number word
	}
	value, isDigits := parseNumber(wt)
	if !isDigits {
		lw := lower[w.start:w.end] // lowerASCII(wt): same offsets
		v, ok := spelled[lw]
		if !ok {
			return figure{}, 0, false
		}
		value = v
	}
	// a year is ruled out before skipNumber, the dearer test: neither has
	// an effect, and either rules the number out
	j := i + 1
	if isDigits && value >= 1900 && value <= 2100 && !strings.ContainsAny(wt, ",.") && !strings.HasPrefix(text[w.end:], "%") &&
		!(j < len(ws) && (strings.EqualFold(ws[j].text(text), "percent") || lowerScale(ws[j].text(text)) > 0)) {
		return figure{}, 0, false // a year
	}
	if skipNumber(text, lower, ws, i, isDigits) {
		return figure{}, 0, false
	}
	if j < len(ws) {
		if s, ok := lookupLower(scales, ws[j].text(text)); ok {
			value = scale(wt, value, s, isDigits)
			j++
		}
	}
	unit, end, next := "", int(w.end), j
	if strings.HasPrefix(text[w.end:], "%") {
		unit, end = "percent", int(w.end)+1
	} else if j < len(ws) && strings.EqualFold(ws[j].text(text), "percent") {
		unit, end, next = "percent", int(ws[j].end), j+1
	} else if j+1 < len(ws) && strings.EqualFold(ws[j].text(text), "percentage") && strings.HasPrefix(strings.ToLower(ws[j+1].text(text)), "point") {
		unit, end, next = "percentage points", int(ws[j+1].end), j+2
	} else if j+1 < len(ws) && strings.EqualFold(ws[j].text(text), "per") && strings.EqualFold(ws[j+1].text(text), "cent") {
		unit, end, next = "percent", int(ws[j+1].end), j+2
	} else {
		unit, end, next = nounUnit(text, ws, j, prevUnit)
		if unit == "" && j+1 < len(ws) && strings.EqualFold(ws[j].text(text), "and") {
			// "146,000 and 98,000 new firms respectively": the next figure's unit
			if _, num := parseNumber(ws[j+1].text(text)); num == isDigits {
				if nf, _, ok := readFigure(text, lower, ws, j+1, prevUnit); ok {
					unit, end, next = nf.unit, int(w.end), j
					if j == i+1 && j+2 < len(ws) && lowerScale(ws[j+2].text(text)) > 0 {
						value = scale(wt, value, lowerScale(ws[j+2].text(text)), isDigits)
					}
				}
			}
		}
		if unit == "" && j < len(ws) && strings.TrimSpace(text[w.end:ws[j].start]) == "," && strings.Contains(lower, " respectively") {
			// "by 9.2, 8.7 and 7.5 percent respectively": the unit of the
			// figures the list goes on to
			if _, num := parseNumber(ws[j].text(text)); num && isDigits {
				if nf, _, ok := readFigure(text, lower, ws, j, prevUnit); ok {
					unit, end, next = nf.unit, int(w.end), j
				}
			}
		}
		if unit == "" {
			// "the number of registered enterprises has risen to 5,912"
			unit, end, next = numberOfUnit(lower, int(w.start)), int(w.end), j
		}
		if unit == "" {
			// "126 projects, of which 43 are cross-provincial transport projects"
			if u, e, n := whichAreUnit(text, lower, ws, i, j); u != "" {
				unit, end, next = u, e, n
			}
		}
		if unit == "" {
			// "Macao-funded companies in the zone numbered 6,280"
			unit = numberedUnit(lower, int(w.start))
		}
		if unit == "" {
			return figure{}, 0, false
		}
	}
	if timeUnits[unit] || !isDigits && placeNouns[unit] || lengthUnits[strings.ToLower(unit)] && perTime(text[end:]) {
		return figure{}, 0, false
	}
	return figure{start: int(w.start), end: end, value: value, unit: unit, text: text[w.start:end]}, next, true
}

// scale multiplies a figure by a scale word without binary rounding
// ("2.01 trillion" is 2010000000000, not 2009999999999.9998).
func scale(t string, v, s float64, digits bool) float64 {
	if !digits {
		return v * s
	}
	exp := 0
	for x := s; x >= 10; x /= 10 {
		exp++
	}
	r, err := strconv.ParseFloat(strings.ReplaceAll(t, ",", "")+"e"+strconv.Itoa(exp), 64)
	if err != nil {
		return v * s
	}
	return r
}

// nounUnit reads the counted head noun after a number: "247 industrial
// projects worth" -> projects; "eleven of its vessels" -> vessels; "1,568 of
// them" -> the previous unit.
func nounUnit(text string, ws []word, j int, prevUnit string) (string, int, int) {
	var unit string
	unitMod := false
	end, k := 0, j
	for ; k < len(ws) && k < j+6; k++ {
		t := ws[k].text(text)
		lt := strings.ToLower(t)
		if lt == "and" && k > j && ws[k-1].caps && k+1 < len(ws) && ws[k+1].caps {
			continue // "1,357 Hong Kong and Macao companies"
		}
		if k >= j+4 && !(k > j && ws[k-1].caps) {
			break
		}
		if lt == "and" && unit != "" && !unitMod && k+2 < len(ws) && conjoinedModifier(text, ws, k) {
			continue // "56 fireworks and electronics projects"
		}
		if lt == "and" && unit != "" && !unitMod && k+3 < len(ws) && conjoinedCompound(text, ws, k) {
			unit, end, k = ws[k+3].text(text), int(ws[k+3].end), k+4 // "12 science and technology cooperation platforms"
			break
		}
		if k > j && ws[k].caps && fundedBy(lt) {
			unit, unitMod = "", false // "11,900 Hong Kong-invested companies": a modifier, the noun follows
			continue
		}
		if unitStops[lt] || ws[k].text(text) == "(" || ws[k].text(text) == ")" || strings.HasPrefix(lt, "co-") ||
			unit != "" && !unitMod && (strings.HasSuffix(lt, "ed") || strings.HasSuffix(lt, "ing")) && !hyphenModifier(lt) && participle(text, ws, k, unit) || !joinedLoose(text, ws[k-1], ws[k]) && k > j ||
			k > j && ws[k-1].poss {
			break
		}
		if _, num := parseNumber(t); num {
			break
		}
		// "newly established foreign-invested enterprises": adverbs and
		// participles before the head noun modify it
		unitMod = strings.HasSuffix(lt, "ly") || (strings.HasSuffix(lt, "ed") || strings.HasSuffix(lt, "ing")) && k+1 < len(ws) && joinedLoose(text, ws[k], ws[k+1]) && !lowerIn(unitStops, ws[k+1].text(text))
		unit, end = t, int(ws[k].end)
		if strings.HasPrefix(text[ws[k].end:], ",") || strings.HasPrefix(text[ws[k].end:], ".") {
			k++
			break
		}
	}
	if unit != "" && (!capitalised(unit) || acronymStart(unit)) {
		// "499 square kilometers": an area's unit keeps its "square"
		if u := ws[k-1]; lengthUnits[strings.ToLower(unit)] && k-2 >= j && strings.EqualFold(text[ws[k-2].start:ws[k-2].end], "square") && u.end == int32(end) {
			unit = text[ws[k-2].start:ws[k-2].end] + " " + unit
		}
		return unit, end, k
	}
	// "eleven of its vessels", "1,568 of them"
	if j < len(ws) && strings.EqualFold(ws[j].text(text), "of") && j+1 < len(ws) {
		n := j + 1
		switch strings.ToLower(ws[n].text(text)) {
		case "these", "those":
			if u, ok := demonstrativeUnit(text, ws, n); ok {
				return u, int(ws[n+1].end), n + 2 // "1,402 of these projects"
			}
			return prevUnit, int(ws[j].start) - 1, n + 1
		case "them", "which":
			return prevUnit, int(ws[j].start) - 1, n + 1
		case "its", "their", "the":
			n++
		}
		if n < len(ws) && !lowerIn(unitStops, ws[n].text(text)) {
			return ws[n].text(text), int(ws[n].end), n + 1
		}
	}
	gapped := j >= 2 && ws[j-2].caps && (j >= len(ws) || strings.HasPrefix(text[ws[j-1].end:], ".") || strings.HasPrefix(text[ws[j-1].end:], ","))
	if unit == "" && prevUnit != "" && gapped {
		return prevUnit, int(ws[j-1].end), j
	}
	return "", 0, j
}

// lengthUnits are the units "square" makes an area of.
var lengthUnits = map[string]bool{"kilometers": true, "kilometres": true, "meters": true, "metres": true,
	"miles": true, "km": true, "feet": true}

// participle reports the -ed or -ing word at k, after unit, as a verb form
// that ends the counted noun phrase ("companies producing chips", "projects
// relocated from"). Only an -ing word after a lower-case singular modifier
// and before a lower-case noun joined to it modifies that noun instead
// ("agricultural processing projects").
func participle(text string, ws []word, k int, unit string) bool {
	w := ws[k].text(text)
	if !strings.HasSuffix(w, "ing") || !lowerWord(unit) || strings.HasSuffix(unit, "s") || unit == "yuan" {
		return true
	}
	if k+1 >= len(ws) || !joinedLoose(text, ws[k], ws[k+1]) {
		return true
	}
	next := ws[k+1].text(text)
	return !lowerWord(next) || lowerIn(unitStops, next) || strings.HasSuffix(next, "ed") || strings.HasSuffix(next, "ing")
}

// conjoinedModifier reports "and" at k joining two modifiers of one head
// noun: two lower-case words follow it before a stop ("and electronics
// projects"), not one ("schools and hospitals").
func conjoinedModifier(text string, ws []word, k int) bool {
	a, b := ws[k+1], ws[k+2]
	at, bt := a.text(text), b.text(text)
	la, lb := strings.ToLower(at), strings.ToLower(bt)
	if capitalised(at) || capitalised(bt) || unitStops[la] || unitStops[lb] || !joinedLoose(text, ws[k], a) || !joinedLoose(text, a, b) {
		return false
	}
	if _, num := parseNumber(at); num || spelledNumber(la) {
		return false // "14 schools and three hospitals": two figures
	}
	return strings.HasSuffix(lb, "s")
}

func joinedLoose(s string, a, b word) bool {
	return strings.TrimSpace(s[a.end:b.start]) == "" && !a.poss || quotedModifierGap(s[a.end:b.start]) && !a.poss
}

// parseNumber reads "43,000", "0.77", "177"; it rejects ordinals.
func parseNumber(t string) (float64, bool) {
	if t == "" || t[0] < '0' || t[0] > '9' {
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(t, ",", ""), 64)
	if err != nil {
		return 0, false
	}
	return v, true
}

// skipNumber reports numbers that are not metrics: in parentheses
// (currency conversions), thresholds ("worth more than"), dates, "one", a
// spelled number after "the", and numbers after "No.".
func skipNumber(text, lower string, ws []word, i int, digits bool) bool {
	w := ws[i]
	before := lower[:w.start]
	if strings.Count(before, "(") > strings.Count(before, ")") {
		return true
	}
	tail := before[max(0, len(before)-28):]
	for _, th := range []string{"worth more than ", "worth over ", "worth at least ", "worth upwards of "} {
		if strings.HasSuffix(tail, th) {
			return true
		}
	}
	for _, th := range []string{" above ", " exceeding ", " no less than ", " in excess of "} {
		if strings.HasSuffix(tail, th) {
			return true // "a GDP above 300 billion yuan" is a threshold
		}
	}
	if i > 0 {
		// the lower case of prev is "no" or "page" only when prev is
		// either in ASCII letters of any case: EqualFold, without a copy
		prev := strings.TrimSuffix(ws[i-1].text(text), ".")
		if _, ok := lookupLower(monthNames, prev); ok || strings.EqualFold(prev, "no") || strings.EqualFold(prev, "page") {
			return true
		}
	}
	if i+1 < len(ws) {
		if _, ok := lookupLower(monthNames, ws[i+1].text(text)); ok && digits {
			return true
		}
	}
	if !digits && strings.HasSuffix(before, ", ") && i+1 < len(ws) && !lowerIn(ratioWords, ws[i+1].text(text)) {
		return true // ", two ancient capitals in Henan" describes a list
	}
	if !digits && (strings.HasSuffix(before, "the ") || strings.HasSuffix(before, "these ") || strings.HasSuffix(before, "all ")) {
		return true
	}
	if digits && strings.Contains(text[w.start:w.end], "-") {
		return true
	}
	return false
}

// yearPrefixes introduce a sentence's year, in order of preference.
var yearPrefixes = []string{"in ", "of ", "by the end of ", "since "}

// yearOf returns the year a sentence gives ("In 2023", "of 2024"), or 0:
// the first year after the most preferred prefix.
func yearOf(lower string) int {
	best, bestRank := 0, len(yearPrefixes)
	for i := 0; i+4 <= len(lower); i++ {
		if !isDigitByte(lower[i]) || i > 0 && isDigitByte(lower[i-1]) {
			continue
		}
		if i+4 < len(lower) && isDigitByte(lower[i+4]) {
			i += 4
			continue
		}
		y := int(lower[i]-'0')*1000 + int(lower[i+1]-'0')*100 + int(lower[i+2]-'0')*10 + int(lower[i+3]-'0')
		if !isDigitByte(lower[i+1]) || !isDigitByte(lower[i+2]) || !isDigitByte(lower[i+3]) || y < 1949 || y > 2100 {
			continue
		}
		for r, p := range yearPrefixes[:bestRank] {
			if strings.HasSuffix(lower[:i], p) {
				best, bestRank = y, r
				break
			}
		}
	}
	return best
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// metrics attaches the figures of a sentence to entities: a relocation's
// destination, a possessor ("Guangdong's GDP"), a name right before the
// figure, the clause's subject, or the last subject.
func (x *Extractor) metrics(c *sentCtx, last *entity) []ontology.Metric {
	if c.s.kind != prose {
		return nil
	}
	figs := appendFigures(c.figs[:0], c.text, c.lower, c.s.ws)
	c.figs = figs
	if len(figs) == 0 {
		return nil // most sentences: no need to look for their year
	}
	// the list is the sentence context's, read by the caller before the
	// next sentence
	out := c.metrics[:0]
	defer func() { c.metrics = out }()
	year := yearOf(c.lower)
	resp := c.respectively(figs)
	if c.state.statPlace != nil && !c.namesPlace() {
		last = c.state.statPlace // bulletin-place: a new topic, not the last sentence's place
	}
	for i, f := range figs {
		if perItemThreshold(c.lower, f) {
			continue
		}
		var subj *entity
		if resp != nil {
			subj = resp[i]
		}
		if subj == nil {
			subj = c.session9Owner(f)
		}
		if subj == nil {
			subj = c.areaOwner(f)
		}
		if subj == nil {
			subj = c.orgOwner(f)
		}
		if subj == nil {
			subj = c.aidOwner(f)
		}
		if subj == nil {
			subj = c.figureOwner(f)
		}
		if subj == nil {
			subj = c.metricSubject(f, last)
		}
		if subj == nil {
			subj = c.state.statPlace // bulletin-place
		}
		if subj == nil {
			continue
		}
		last = subj
		out = append(out, ontology.Metric{Subject: subj.id, Value: f.value, Unit: f.unit, Year: year, Text: f.text})
		c.metricEnts = append(c.metricEnts, subj)
	}
	return out
}

// respectively pairs "A and B registered 146,000 and 98,000 firms
// respectively": a run of figures of one unit and a list of as many places
// before it, in order. It returns each figure's subject, or nil; a nil
// list when the sentence says no "respectively".
func (c *sentCtx) respectively(figs []figure) []*entity {
	if len(figs) < 2 || !c.hasMask(&respectivelyMask) { // strings.Contains(c.lower, " respectively")
		return nil
	}
	out := make([]*entity, len(figs))
	for a := 0; a < len(figs); {
		b := a + 1
		for b < len(figs) && figs[b].unit == figs[a].unit && listJoin(c.lower[figs[b-1].end:figs[b].start]) {
			b++
		}
		if n := b - a; n >= 2 {
			for k := range c.spans {
				if c.group[k] != k || c.spans[k].start >= figs[a].start || c.spans[k].appos {
					continue
				}
				ms := c.members(k)
				if len(ms) == n && ontology.IsPlace(c.spans[ms[0]].ent.typ) {
					for m := range ms {
						out[a+m] = c.spans[ms[m]].ent
					}
					break
				}
			}
		}
		a = b
	}
	return out
}

// listJoin reports the text between two listed figures: " and ", ", ".
func listJoin(g string) bool {
	switch strings.TrimSpace(g) {
	case "and", ",", ", and":
		return true
	}
	return false
}

func (c *sentCtx) metricSubject(f figure, last *entity) *entity {
	cs, ce := clauseAround(c.lower, f.start)
	var best *reloc
	for i := range c.relocs {
		r := &c.relocs[i]
		if r.start >= ce || r.end <= cs {
			continue
		}
		if best == nil || r.end > f.start && (best.end <= f.start || r.end < best.end) || best.end <= f.start && r.end > best.end {
			best = r
		}
	}
	if best != nil {
		return best.dest
	}
	// places between the number and its unit modify the unit ("1,357 Hong
	// Kong and Macao companies"); they are not what the figure counts for
	place := func(sp *span) bool {
		return ontology.IsPlace(sp.ent.typ) && !(sp.start >= f.start && sp.end <= f.end)
	}
	// "the Z Airport, which handled 30 million passengers"; "FAW Group,
	// which produced 3.2 million vehicles"; "the X Industrial Park, where
	// 212 companies have registered": a relative clause's figure is its
	// antecedent's, a place's or a body's ("where" only a place's)
	for k := len(c.spans) - 1; k >= 0; k-- {
		sp := c.spans[k]
		if c.posEnd(k) > f.start {
			continue
		}
		gap := c.lower[c.posEnd(k):f.start]
		if (place(sp) || sp.ent.typ == ontology.Organization) && strings.HasPrefix(gap, ", which ") && !strings.ContainsAny(gap[2:], ",;") ||
			place(sp) && strings.HasPrefix(gap, ", where ") && !strings.ContainsAny(gap[2:], ",;") {
			return sp.ent
		}
		break
	}
	// a name right before the figure: "and western Guangdong 298"
	for k, sp := range c.spans {
		if place(sp) && c.posEnd(k) <= f.start && strings.TrimSpace(c.text[c.posEnd(k):f.start]) == "" {
			return c.jointSubject(k)
		}
	}
	// the nearest possessor before the figure in its clause
	for k := len(c.spans) - 1; k >= 0; k-- {
		sp := c.spans[k]
		if sp.end <= f.start && sp.start >= cs && sp.poss && !sp.appos && place(sp) && (k+1 == len(c.spans) || c.spans[k+1].start > f.start) {
			return sp.ent
		}
	}
	// the clause's subject, then any place of the clause, then the sentence's
	for k, sp := range c.spans {
		if sp.start >= cs && sp.start < ce && !sp.appos && place(sp) && c.subjectPosition(k, cs) && !c.partnerOf(k) {
			if sp.poss && k+1 < len(c.spans) && strings.TrimSpace(c.gap(k, k+1)) == "" && place(c.spans[k+1]) {
				k++ // "Ningxia's Yinchuan has drawn 72 projects"
			}
			return c.jointSubject(k)
		}
	}
	for k, sp := range c.spans {
		if sp.start >= cs && sp.start < ce && !sp.appos && place(sp) && !c.inside(k, "from ") && !c.partnerOf(k) {
			return c.jointSubject(k)
		}
	}
	if k := c.subject(); k >= 0 && place(c.spans[k]) && !c.partnerOf(k) {
		return c.jointSubject(k)
	}
	return last
}

// partnerOf reports a span that is the partner of "trade with X" or
// "cooperation with X": a figure of the clause is not the partner's.
func (c *sentCtx) partnerOf(k int) bool {
	first := c.spans[c.members(k)[0]] // "trade with A and B": B too
	return strings.HasSuffix(c.lower[:first.start], " with ") || strings.HasSuffix(c.lower[:first.start], " with the ")
}

// subjectPosition reports a span that is not the object of a preposition.
func (c *sentCtx) subjectPosition(k, cs int) bool {
	before := strings.TrimSpace(c.lower[cs:c.spans[k].start])
	for _, p := range []string{" from", " to", " with", " of", " by", " for", " across", " between", " in", " than", " on"} {
		if strings.HasSuffix(before, p) || before == p[1:] { // " "+before ends with p
			return false
		}
	}
	return true
}

// knownGroup is a known region with members, their names lower-cased.
type knownGroup struct {
	name    string
	members []string
}

// knownGroups are the known regions with members, in the ontology's
// order, for jointSubject.
var knownGroups = func() []knownGroup {
	var out []knownGroup
	for _, kn := range ontology.KnownEntities() {
		if kn.Type != ontology.Region || len(kn.Members) == 0 {
			continue
		}
		g := knownGroup{name: kn.Name}
		for _, m := range kn.Members {
			g.members = append(g.members, strings.ToLower(m))
		}
		out = append(out, g)
	}
	return out
}()

// jointSubject returns the region that a listed group of places forms, when
// the ontology knows it, or else the span's own entity.
func (c *sentCtx) jointSubject(k int) *entity {
	ms := c.members(k)
	if len(ms) < 2 {
		if e := c.groupAfterApposition(k); e != nil {
			return e
		}
		return c.spans[k].ent
	}
	var buf [8]string
	names := buf[:0] // the members' names, lower-cased: a set, searched in order
	for _, m := range ms {
		names = append(names, c.spans[m].ent.lowerName())
	}
	for _, g := range knownGroups {
		if len(g.members) != len(ms) {
			continue
		}
		all := true
		for _, m := range g.members {
			all = all && slices.Contains(names, m)
		}
		if all {
			return c.reg.get(g.name, ontology.Region, "")
		}
	}
	last := ms[len(ms)-1]
	if last+1 < len(c.spans) && mayMembers(c.lowerGap(last, last+1)) && reMembers.MatchString(c.lowerGap(last, last+1)) {
		return c.spans[last+1].ent
	}
	if y := c.listedGroupOf(ms[0]); y != nil {
		return y
	}
	return c.spans[ms[0]].ent
}

// listedGroupOf reads the place a parenthesised list belongs to, named
// before it: "the four prefectures of southern Xinjiang (A, B, C and D)"
// -> southern Xinjiang, for a list whose first member is the span k.
func (c *sentCtx) listedGroupOf(k int) *entity {
	if k == 0 || !strings.HasSuffix(c.gap(k-1, k), " (") {
		return nil
	}
	y := c.spans[k-1]
	before := c.lower[max(0, y.start-60):y.start]
	if !ontology.IsPlace(y.ent.typ) || !mayListOf(before) || !listedOf(before) {
		return nil
	}
	return y.ent
}

func (c *sentCtx) groupAfterApposition(int) *entity { return nil }

// clauseAround returns the clause of the sentence that holds pos. It
// starts after the last of clauseStarts that ends by pos; as each starts
// with a comma or semicolon, only those are tried, from the last back,
// until none can end later than the best found.
func clauseAround(s string, pos int) (int, int) {
	start := 0
	head := s[:pos]
	for i := len(head); i > 0; {
		i = strings.LastIndexAny(head[:i], ",;")
		if i < 0 || i+len(", while ") <= start { // no separator is longer
			break
		}
		for _, sep := range clauseStarts {
			if strings.HasPrefix(head[i:], sep) && i+len(sep) > start {
				start = i + len(sep)
			}
		}
	}
	return start, clauseEndAfter(s, pos)
}

// acronymStart reports whether a unit begins like an acronym ("TEUs",
// "GW"): its first three letters, or all of it if shorter, in capitals.
func acronymStart(unit string) bool {
	head := unit[:min(3, len(unit))]
	return strings.ToUpper(head) == head
}
