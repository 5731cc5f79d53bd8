package extract

import (
	"regexp"
	"slices"
	"strings"

	"github.com/policykg/policykg/ontology"
)

// More rules of policy prose: joint statements without "with", receiving
// relocated things, "one of the cities in Y", "X is home to Z", "both
// cities", descriptive zones written in lower case and the places they
// cover, and "the integrated development of A and B".

var (
	reSigned = regexp.MustCompile(`^,? (?:(?:have|has|had|will|would|also|now|jointly|each|recently|just|formally) )*(?:signed|inked|reached|concluded) (?:an? |the )?(?:[\w-]+ ){0,4}?(?:agreements?|deals?|pacts?|memorand(?:um|a)|accords?|contracts?)\b`)
	reUp     = regexp.MustCompile(`^,? (?:(?:have|has|had|will|would|also|now) )*(?:teamed|team|paired|pair|joined|join|linked|link) up\b`)
	reAlly   = regexp.MustCompile(`^,? (?:(?:have|has|had|will|are|is|also|now|jointly|recently) )*(?:set up|formed|established|launched|built|created|founded|form|establish|launch|build|create) (?:an? |the |their )?(?:[\w-]+ ){0,4}?(?:alliances?|partnerships?|consortium|league)\b`)
	reAgreed = regexp.MustCompile(`^,? (?:which |who )?(?:(?:have|has|had|will|would|also|now|recently|formally) )*(?:agreed|agree|pledged|decided)(?: in (?:19|20)\d\d| last year| this year)? to (?:jointly )?[a-z]+ `)
	reFrom   = regexp.MustCompile(`\b(?:relocated|transferred|relieved|moved|shifted|spilling over|spilled over|spun off|outsourced|coming|flowing) from `)
)

// jointStatement reports whether the text after a list of places states
// that they act together: "have worked together", "will jointly build",
// "signed a cooperation agreement" (not "... with X", which the
// working-with rule reads), "teamed up".
func jointStatement(rest string) bool {
	may := jointCandidates(rest)
	if may == 0 || !containsAny(rest, jointStems) {
		return false
	}
	head := jointHead(rest)
	if may&1 != 0 && reJoint.MatchString(head) {
		return true
	}
	for k, f := range jointExprs[1:] {
		if may&(1<<(k+1)) == 0 {
			continue // its verb is not where it would have to be: it does not match
		}
		re := f.re
		if m := re.FindStringIndex(head); m != nil {
			if re == reAgreed {
				// "A and B agreed to work with C" is about C
				clause := rest[m[1]:]
				if e := strings.IndexAny(clause, ",;."); e >= 0 {
					clause = clause[:e]
				}
				return !strings.Contains(" "+clause, " with ")
			}
			// "A and B signed agreements with C" pairs each with C, which
			// the working-with rule reads; an alliance with C holds A and
			// B together as well
			return re == reAlly || !strings.HasPrefix(rest[m[1]:], " with ")
		}
	}
	return false
}

// jointHead returns the part of rest the joint-statement expressions can
// match: each is anchored and, after an optional first comma, matches only
// ASCII letters, digits, '_', '-' and white space, so no match reaches past
// the first other byte; that byte is kept for the \b that may end a match.
// The backtracker's cost grows with the length of its input, which for a
// long sentence is mostly text no match can reach.
func jointHead(rest string) string {
	for i := 1; i < len(rest); i++ {
		if c := rest[i]; !isWordByte(c) && c != '-' && c != ' ' && c != '\t' && c != '\n' && c != '\f' && c != '\r' {
			return rest[:i+1]
		}
	}
	return rest
}

// jointAux are the auxiliary words that reJoint, reSigned, reUp, reAlly
// and reAgreed allow before their verb, all lists together.
var jointAux = map[string]bool{"have": true, "has": true, "had": true, "will": true, "would": true,
	"are": true, "is": true, "were": true, "was": true, "been": true, "also": true, "now": true,
	"jointly": true, "each": true, "recently": true, "just": true, "formally": true,
	"shall": true, "should": true, "must": true,
	"which": true, "who": true} // "A and B, which agreed to ...": reAgreed only

// jointExprs are the joint-statement expressions in the order
// jointStatement tries them, each with the heads that begin every verb it
// allows after the auxiliaries.
var jointExprs = []struct {
	re    *regexp.Regexp
	heads []string
}{
	{reJoint, []string{"work", "jointly", "set up", "establish", "opened", "launch", "buil", "carried", "started", "signed", "develop", "creat"}},
	{reSigned, []string{"signed", "inked", "reached", "concluded"}},
	{reUp, []string{"team", "pair", "join", "link"}},
	{reAgreed, []string{"agree", "pledged", "decided"}},
	{reAlly, []string{"set up", "form", "establish", "launch", "buil", "creat", "founded"}},
}

// jointCandidates returns, as a bit for each index of jointExprs, the
// expressions that may match rest, a quick test before them. Each is
// anchored and reads ",? ", auxiliary words and then a verb. The
// auxiliaries any one of them skips are a prefix of the run of jointAux
// words that opens rest (each is a whole word followed by one space), so
// looking for its heads after each word of the run finds every match. The
// test costs a few words where a call of Go's backtracker clears a bitmap
// the size of the expression times all of its input.
func jointCandidates(rest string) uint8 {
	rest = strings.TrimPrefix(rest, ",")
	if !strings.HasPrefix(rest, " ") {
		return 0
	}
	p := rest[1:]
	var may uint8
	for {
		for k, f := range jointExprs {
			for _, h := range f.heads {
				if strings.HasPrefix(p, h) {
					may |= 1 << k
					break
				}
			}
		}
		sp := strings.IndexByte(p, ' ')
		if sp < 0 || !jointAux[p[:sp]] {
			return may
		}
		p = p[sp+1:]
	}
}

// mayBeJoint reports whether rest may match one of the joint-statement
// expressions.
func mayBeJoint(rest string) bool { return jointCandidates(rest) != 0 }

// skipApposition returns the end of an apposition that starts at pos
// (", the two largest cities of the province,"), or pos.
func (c *sentCtx) skipApposition(pos int) int {
	if !strings.HasPrefix(c.text[pos:], ", ") || pos+2 >= len(c.text) {
		return pos
	}
	b := c.text[pos+2]
	if b < 'a' || b > 'z' {
		return pos
	}
	switch firstWords(c.lower[pos+2:], 1) {
	case "and", "or", "but", "while", "with", "as", "so", "which", "who", "where", "when", "from", "to", "together", "along":
		return pos
	}
	return c.appositionEnd(pos + 2)
}

// receiveVerbs take relocated things as their object.
var receiveVerbs = []string{"receiving ", "receive ", "receives ", "received ", "undertake ", "undertakes ",
	"undertaking ", "undertook ", "undertaken ", "take in ", "takes in ", "taking in ", "took in ", "taken in ", "absorb ", "absorbs ",
	"absorbing ", "absorbed ", "host ", "hosting "}

// receiveVerbTriggers[k] is the index of the longest trigger word that
// receiveVerbs[k] holds, or -1: where that word is missing, so is the verb.
var receiveVerbTriggers = func() []int {
	out := make([]int, len(receiveVerbs))
	for k, v := range receiveVerbs {
		out[k] = -1
		for i, w := range triggerWords {
			if strings.Contains(v, w) && (out[k] < 0 || len(w) > len(triggerWords[out[k]])) {
				out[k] = i
			}
		}
	}
	return out
}()

// receivers reads "X will undertake industries transferred from A": X
// recipient_of the industries (a Concept named by the phrase) and A
// transfers_to X; also with a curated concept ("receiving non-capital
// functions relieved from Beijing").
func (x *Extractor) receivers(c *sentCtx) {
	if !c.hasMask(&takeMask) {
		return
	}
	for k, v := range receiveVerbs {
		if b := receiveVerbTriggers[k]; b >= 0 && !c.s.trig.hasIndex(b) {
			continue // the sentence lacks a trigger word the verb holds
		}
		for off := 0; ; {
			i := strings.Index(c.lower[off:], v)
			if i < 0 {
				break
			}
			i += off
			off = i + len(v)
			if boundaryBefore(c.lower, i) {
				c.received(i, i+len(v))
			}
		}
	}
}

// received reads the object of a receiving verb at [verb, start).
func (c *sentCtx) received(verb, start int) {
	for _, det := range []string{"the ", "a ", "an ", "more "} {
		start += len(det) * boolInt(strings.HasPrefix(c.lower[start:], det))
	}
	count := countPrefix(c.lower[start:])
	start += count
	end := start + conceptEnd(c.lower[start:])
	var concept *entity
	for _, sp := range c.spans {
		if sp.start == start && sp.ent.typ == ontology.Concept {
			concept = sp.ent
		}
	}
	m := reFrom.FindStringIndex(c.lower[start:end])
	if concept == nil && m == nil {
		return
	}
	var from []int
	if m != nil {
		from = c.sources(start+m[1], end)
	}
	if concept == nil && count == 0 {
		// "industries transferred from X" names what is received; "57
		// projects relocated from X" counts things, a figure and a
		// transfer but no concept (counted-not-concept)
		npEnd := end
		if len(from) > 0 {
			npEnd = c.spans[from[len(from)-1]].end
		}
		concept = c.namedConcept(start, npEnd)
	}
	subj := c.lastBefore(verb, func(sp *span) bool { return actor(sp.ent.typ) })
	if subj < 0 {
		subj = c.subject()
	}
	if concept == nil && len(from) == 0 || subj < 0 || c.spans[subj].start >= verb {
		return
	}
	for _, k := range c.members(subj) {
		r := c.possessee(k)
		if concept != nil {
			c.propose(r, concept, ontology.RecipientOf, "receives-relocated")
		}
		for _, s := range from {
			c.propose(c.spans[s].ent, r, ontology.TransfersTo, "receives-relocated")
		}
	}
}

// countHedges come before a count: "(more) than 600 projects" (received
// has already passed the "more ").
var countHedges = []string{"than ", "over ", "nearly ", "almost ", "about ", "around ",
	"some ", "at least ", "up to ", "roughly ", "approximately "}

// countPrefix returns the length of the count that opens s, hedge, number
// and scale word ("more than 1.2 million ", "600 "), or 0: what a count
// counts is named by the words after it, and the count itself is a figure.
func countPrefix(s string) int {
	n := 0
	for _, h := range countHedges {
		if strings.HasPrefix(s, h) {
			n = len(h)
			break
		}
	}
	d := n
	for d < len(s) && (isDigitByte(s[d]) || d > n && (s[d] == ',' || s[d] == '.') && d+1 < len(s) && isDigitByte(s[d+1])) {
		d++
	}
	if d == n || d >= len(s) || s[d] != ' ' {
		return 0
	}
	d++
	for _, w := range []string{"hundred ", "thousand ", "million ", "billion "} {
		if strings.HasPrefix(s[d:], w) {
			d += len(w)
			break
		}
	}
	return d
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// namedConcept makes a Concept of the noun phrase at [start, end).
func (c *sentCtx) namedConcept(start, end int) *entity {
	np := strings.TrimSpace(c.text[start:end])
	if n := len(strings.Fields(np)); n < 3 || n > 12 {
		return nil
	}
	e := c.reg.get(np, ontology.Concept, "")
	c.extra = append(c.extra, &span{start: start, end: start + len(np), surface: np, kind: spanName,
		typ: ontology.Concept, name: np, known: -1, ent: e})
	return e
}

// oneOfThe reads "X is one of the nine cities in Y" and "X, one of the
// provinces of Y": X part_of Y.
func (x *Extractor) oneOfThe(c *sentCtx) {
	if !c.hasMask(&oneOfTheMask) {
		return // none of its trigger phrases
	}
	for _, trig := range []string{" is one of the ", ", one of the ", " are among the ", " is among the "} {
		if !c.has(trig) {
			continue
		}
		i := strings.Index(c.lower, trig)
		if i < 0 {
			continue
		}
		subj := c.lastBefore(i, func(sp *span) bool { return ontology.IsPlace(sp.ent.typ) })
		if subj < 0 {
			continue
		}
		rest := c.lower[i+len(trig):]
		end := min(len(rest), 90)
		var of int
		for _, noun := range []string{"cities ", "provinces ", "counties ", "districts ", "regions ", "members ", "municipalities "} {
			if k := strings.Index(rest[:end], noun); k >= 0 {
				of = i + len(trig) + k + len(noun)
				break
			}
		}
		if of == 0 {
			continue
		}
		for _, p := range []string{"in ", "of ", "within "} {
			if strings.HasPrefix(c.lower[of:], p) {
				if k := c.spanAt(of + len(p)); k >= 0 {
					for _, s := range c.members(subj) {
						c.contain(c.spans[s].ent, c.possessee(k), "one-of-the", x.gaz)
					}
				}
			}
		}
	}
}

// homeTo reads "X is home to the Z Airport" and "X hosts the Z Zone": the
// facility located_in X, unless the text places it more exactly ("... in
// the city's Songbei District").
func (x *Extractor) homeTo(c *sentCtx) {
	if !c.hasMask(&homeToMask) {
		return // none of its trigger phrases
	}
	for _, trig := range []string{" is home to ", " hosts ", " now hosts ", " has hosted "} {
		if !c.has(trig) {
			continue
		}
		i := strings.Index(c.lower, trig)
		if i < 0 {
			continue
		}
		obj := c.spanAt(i + len(trig))
		subj := c.lastBefore(i, func(sp *span) bool { return ontology.IsPlace(sp.ent.typ) })
		if obj < 0 || subj < 0 || strings.HasPrefix(c.lower[c.posEnd(obj):], " in ") {
			continue
		}
		switch c.spans[obj].ent.typ {
		case ontology.Zone, ontology.Airport, ontology.Port, ontology.NewArea:
			c.contain(c.spans[obj].ent, c.possessee(subj), "home-to", x.gaz)
		}
	}
}

// countWords name how many places "both cities" or "the four cities" mean.
var countWords = map[string]int{"both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10}

// countTriggers are the count words with the space that follows them
// before a group noun, sorted: trigger words, so that countedGroup runs
// only on the sentences that hold one.
var countTriggers = func() []string {
	var out []string
	for w := range countWords {
		out = append(out, w+" ")
	}
	slices.Sort(out)
	return out
}()

// groupNouns follow a count to refer back to a list of places.
var groupNouns = []string{"cities", "provinces", "places", "sides", "regions", "localities", "counties", "districts", "parties", "municipalities"}

// countedGroup reads "A and B ..., and both cities now work together" and
// "the four cities will jointly build": every pair of the last list of
// that many places cooperates.
func (x *Extractor) countedGroup(c *sentCtx) {
	if !c.hasMask(&jointMask) || !c.hasMask(&countMask) {
		return
	}
	for _, n := range groupNouns {
		for off := 0; off < len(c.lower); {
			// the next " "+n, found by its noun: a needle that starts
			// with a space, the commonest byte, is found more slowly
			j := strings.Index(c.lower[off+1:], n)
			if j < 0 {
				break
			}
			i := off + j // where the space would be
			if c.lower[i] != ' ' {
				off = i + 1
				continue
			}
			off = i + 1 + len(n)
			prev := c.lower[strings.LastIndexByte(c.lower[:i], ' ')+1 : i]
			want := countWords[prev]
			if want == 0 || !jointStatement(c.lower[off:]) {
				continue
			}
			ms := c.lastGroup(i, want)
			for a := 0; a < len(ms); a++ {
				for b := a + 1; b < len(ms); b++ {
					c.propose(c.spans[ms[a]].ent, c.spans[ms[b]].ent, ontology.CooperatesWith, "counted-group")
				}
			}
		}
	}
}

// lastGroup returns the last list of exactly n places ending before pos.
func (c *sentCtx) lastGroup(pos, n int) []int {
	for k := len(c.spans) - 1; k >= 0; k-- {
		if c.spans[k].end > pos || c.group[k] != k {
			continue
		}
		ms := c.members(k)
		if len(ms) == n && ontology.IsPlace(c.spans[ms[0]].ent.typ) {
			return ms
		}
	}
	return nil
}

// zoneKinds are the words before "zone" in the names of zones written in
// lower case: "demonstration zone", "pilot zone".
var zoneKinds = map[string]bool{"demonstration": true, "pilot": true, "cooperation": true, "development": true,
	"trade": true, "economic": true, "industrial": true, "experimental": true, "innovation": true,
	"comprehensive": true, "integration": true, "transfer": true}

// coverLinks join a zone to the places it covers.
var coverLinks = []string{" in ", ", which covers ", " which covers ", " covering ", ", covering ", ", which spans ",
	" spanning ", ", spanning ", " across ", ", which straddles ", ", straddling ", " covers ", " spans ", " straddles ", ", with areas in ", " with areas in "}

// lowerZones finds zones described in lower case after a determiner: "the
// demonstration zone for high-quality and integrated development in A and
// B", "the ecological green integrated development demonstration zone,
// which covers A, B and C". The name runs from after the determiner to
// the end of a "for"/"of" phrase, and needs such a phrase or places that
// follow it.
func lowerZones(text, lower string, places []*span) []*span {
	var out []*span
	for off := 0; ; {
		i := indexSpaced(lower[off:], " zone")
		if i < 0 {
			break
		}
		i += off
		off = i + 5
		end := i + 5
		if !boundaryAfter(lower, end) || strings.HasPrefix(text[i+1:], "Zone") {
			continue
		}
		start, kind := lowerZoneStart(lower, i)
		if start < 0 || !kind {
			continue
		}
		descr := false
		if strings.HasPrefix(lower[end:], " for ") || strings.HasPrefix(lower[end:], " of ") {
			if e := lowerPhraseEnd(text, end+1); e > end+5 {
				end, descr = e, true
			}
		}
		if !descr && (!coversPlace(lower, end, places) || shortZoneRef(lower, start, i)) {
			continue
		}
		name := text[start:end]
		if n := apposedName(text, start, places); n != "" {
			name = n // "the Gulei Petrochemical Base, a ... cooperation zone in Y"
		}
		out = append(out, &span{start: start, end: end, surface: name, kind: spanName, typ: ontology.Zone,
			name: name, known: -1, poss: possessiveAt(text, end)})
	}
	return out
}

// lowerZoneStart walks back from " zone" at i over lower-case words to a
// determiner; it returns the name's start (or -1) and whether the word
// before "zone" is a kind of zone.
func lowerZoneStart(lower string, i int) (int, bool) {
	pos, words, kind := i, 0, false
	for words < 8 {
		j := strings.LastIndexByte(lower[:pos], ' ')
		w := lower[j+1 : pos] // j is -1 at the start of the sentence
		if w == "the" || w == "a" || w == "an" {
			if words == 0 {
				return -1, false
			}
			return pos + 1, kind
		}
		if !lowerWord(w) {
			return -1, false
		}
		if words == 0 {
			kind = zoneKinds[w]
		}
		words++
		pos = j
		if j < 0 {
			break
		}
	}
	return -1, false
}

// lowerWord reports a word of lower-case letters and hyphens.
func lowerWord(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if (w[i] < 'a' || w[i] > 'z') && w[i] != '-' {
			return false
		}
	}
	return true
}

// lowerPhraseEnd returns where a lower-case phrase that starts at pos
// ("for cross-provincial cooperation") ends: before " in ", a comma, a
// capitalised word or the end of the sentence.
func lowerPhraseEnd(text string, pos int) int {
	end := pos
	for end < len(text) {
		j := strings.IndexByte(text[end:], ' ')
		if j < 0 {
			j = len(text) - end
		}
		w := text[end : end+j]
		t := strings.TrimRight(w, ",.;:")
		if t == "in" || !lowerWord(t) {
			break
		}
		if t != w {
			return end + len(t)
		}
		end += j + 1
	}
	return len(strings.TrimRight(text[:min(end, len(text))], " "))
}

// coversPlace reports whether a place follows a zone's name through a
// cover link.
func coversPlace(lower string, end int, places []*span) bool {
	for _, l := range coverLinks {
		if !strings.HasPrefix(lower[end:], l) {
			continue
		}
		at := end + len(l)
		if strings.HasPrefix(lower[at:], "the ") {
			at += 4
		}
		for _, p := range places {
			if p.start == at {
				return true
			}
		}
	}
	return false
}

// zoneCovers reads the places a zone lies in: "zone ... in Tongzhou
// district and the three northern counties of Langfang city (Sanhe,
// Dachang, and Xianghe)": located_in each of them; a zone of integration
// or cooperation also makes its places cooperate.
func (x *Extractor) zoneCovers(c *sentCtx) {
	for k, sp := range c.spans {
		if sp.ent.typ != ontology.Zone && sp.ent.typ != ontology.NewArea || sp.kind == spanRef && !refCovers(c, k) {
			continue
		}
		after := c.lower[c.posEnd(k):]
		descriptive := lowerWord(firstWords(c.lower[sp.start:], 1)) && c.text[sp.start] >= 'a' && c.text[sp.start] <= 'z'
		var first int = -1
		for _, l := range coverLinks {
			if !strings.HasPrefix(after, l) {
				continue // the cheap test first
			}
			if !descriptive && !strings.Contains(l, "cover") && !strings.Contains(l, "span") && !strings.Contains(l, "straddl") && !strings.Contains(l, "areas") {
				continue // a named zone "in" a place is read by x-in-y
			}
			first = c.spanAt(c.posEnd(k) + len(l))
			break
		}
		if first < 0 {
			continue
		}
		parts := c.placeList(first)
		for _, part := range parts {
			for _, m := range part {
				c.contain(sp.ent, c.spans[m].ent, "zone-covers", x.gaz)
			}
		}
		l := strings.ToLower(sp.ent.name)
		if !strings.Contains(l, "integrat") && !strings.Contains(l, "cooperat") && !strings.Contains(l, "coordinat") {
			continue
		}
		// the listed sides integrate with each other; the members of one
		// side ("the three northern counties (A, B and C)") do not pair up
		for a := 0; a < len(parts); a++ {
			for b := a + 1; b < len(parts); b++ {
				for _, m := range parts[a] {
					for _, n := range parts[b] {
						c.propose(c.spans[m].ent, c.spans[n].ent, ontology.CooperatesWith, "integration-zone")
					}
				}
			}
		}
	}
}

// placeList reads a list of places that may carry their containers:
// "Qingpu district of Shanghai, Wujiang district of Suzhou and Jiashan
// county of Zhejiang" -> Qingpu, Wujiang, Jiashan; "Tongzhou district and
// the three northern counties of Langfang city (Sanhe, Dachang, and
// Xianghe)" -> Tongzhou, Sanhe, Dachang, Xianghe.
func (c *sentCtx) placeList(k int) [][]int {
	var out [][]int
	for k >= 0 && k < len(c.spans) && ontology.IsPlace(c.spans[k].ent.typ) {
		next := k + 1
		if next < len(c.spans) {
			g := c.lowerGap(k, next)
			if g == " of " || g == " of the " || g == ", " && c.spans[next].ent.code != "" && c.spans[k].ent.code != "" && c.isAncestor(next, k) {
				next++ // a container: "Qingpu district of Shanghai"
				next = c.containerIn(next)
			}
		}
		if c.spans[k].poss && next < len(c.spans) && strings.TrimSpace(c.gap(k, next)) == "" {
			k = next // "Jiangmen's Xinhui district"
			continue
		}
		out = append(out, []int{k})
		if next >= len(c.spans) {
			break
		}
		g := trimPartsOf(c.lowerGap(next-1, next))
		if _, ok := listSep(g); ok && (!strings.HasPrefix(c.lower[c.posEnd(next):], " in ") || c.containerAfter(next)) {
			k = next
			continue
		}
		if strings.HasPrefix(c.text[c.posEnd(next):], " (") && next+1 < len(c.spans) && mayCountedOf(g) && reCountedOf.MatchString(g) {
			// the counted container's bracketed members form one side
			out = append(out, c.members(next+1))
		}
		break
	}
	return out
}

var reCountedOf = regexp.MustCompile(`^,? and (?:the |its )?(?:[\w-]+ ){0,3}(?:counties|districts|cities|towns|provinces) of (?:the )?$`)

// oneOfTheMask holds the trigger phrases of oneOfThe.
var oneOfTheMask = maskOf(" is one of the ", ", one of the ", " are among the ", " is among the ")

// homeToMask holds the trigger phrases of homeTo.
var homeToMask = maskOf(" is home to ", " hosts ", " now hosts ", " has hosted ")

// integratedMask holds the trigger phrases of integratedDevelopment.
var integratedMask = maskOf("integrated development of ", "coordinated development of ", "integration of ", "cooperation between ",
	"agreement between ", "agreements between ")

// isAncestor reports whether span a's division contains span b's.
func (c *sentCtx) isAncestor(a, b int) bool {
	return c.gaz != nil && isAncestor(c.gaz, c.spans[a].ent.code, c.spans[b].ent.code)
}

// integratedDevelopment reads "the integrated development of A and B"
// and "an agreement between A and B": A cooperates_with B.
func (x *Extractor) integratedDevelopment(c *sentCtx) {
	if !c.hasMask(&integratedMask) {
		return // none of its trigger phrases
	}
	for _, h := range []string{"integrated development of ", "coordinated development of ", "integration of ", "cooperation between ",
		"agreement between ", "agreements between "} {
		if !c.has(h) {
			continue
		}
		rule := "integrated-development-of"
		if strings.HasPrefix(h, "agreement") {
			rule = "agreement-between"
		}
		for off := 0; ; {
			i := strings.Index(c.lower[off:], h)
			if i < 0 {
				break
			}
			i += off
			off = i + len(h)
			k := c.spanAt(i + len(h))
			if k < 0 || c.spans[k].ent.typ == ontology.Region {
				continue
			}
			ms := c.members(k)
			for a := 0; a < len(ms); a++ {
				for b := a + 1; b < len(ms); b++ {
					if ontology.IsPlace(c.spans[ms[a]].ent.typ) && ontology.IsPlace(c.spans[ms[b]].ent.typ) {
						c.propose(c.spans[ms[a]].ent, c.spans[ms[b]].ent, ontology.CooperatesWith, rule)
					}
				}
			}
		}
	}
}
