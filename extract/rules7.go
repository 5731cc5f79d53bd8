package extract

import (
	"strings"

	"github.com/policykg/policykg/ontology"
)

// Rules of session 7, read from the misses of heldout5: documents in
// the imperative "shall" of State Council guidelines, inspection-tour
// stories, transcripts with a host and foreign outlets, and municipal
// releases written as bullet lists.

// movedToFrom returns the destination of "moved to C from A" for a "from "
// at f: the span right before f when "to " precedes it, or -1. A verb
// word that only a name holds ("Zone for Undertaking Industrial
// Transfer") leaves the receiving rules to read the sentence.
func (c *sentCtx) movedToFrom(f int) int {
	if !strings.HasSuffix(c.lower[:f], " ") {
		return -1
	}
	k := c.lastBefore(f, func(*span) bool { return true })
	if k >= 0 && strings.HasSuffix(c.lower[:c.spans[k].start], " to ") && strings.TrimSpace(c.text[c.posEnd(k):f]) == "" {
		return k
	}
	return -1
}

// jointMoreMask holds the trigger words of jointAction's "deepen
// cooperation" that jointMask lacks.
var jointMoreMask = maskOf("cooperat", "collaborat")

// mayDeepen is the cheap test for a sentence that jointMask does not
// admit: it holds "cooperat" or "collaborat" with one of deepenVerbs
// right before, "shall deepen cooperation", "step up collaboration".
func (c *sentCtx) mayDeepen() bool {
	if !c.hasMask(&jointMoreMask) {
		return false
	}
	for _, stem := range []string{"cooperat", "collaborat"} {
		for off := 0; ; {
			i := strings.Index(c.lower[off:], stem)
			if i < 0 {
				break
			}
			i += off
			off = i + len(stem)
			before := c.lower[max(0, i-24):i]
			for _, v := range deepenVerbs {
				if strings.Contains(before, v) {
					return true
				}
			}
		}
	}
	return false
}

// deepenVerbs open "A and B shall deepen cooperation"; jointObjects are
// the nouns they take.
var (
	deepenVerbs  = []string{"deepen ", "strengthen ", "step up ", "expand ", "enhance ", "intensify ", "boost "}
	deepenDets   = []string{"their ", "mutual ", "regional ", "bilateral ", "practical ", "cross-border "}
	jointObjects = []string{"cooperation", "collaboration", "exchanges"}
)

// jointAction reads two joint statements of a list that starts at span
// first, with rest the text after the list: "A, B and C shall deepen
// cooperation" or "calling on A and B to step up collaboration" (not
// "... with D", which pairs each with D, nor "with A and B to deepen
// cooperation", where A and B are the objects), and "A and B will build an
// industrial cluster together".
func (c *sentCtx) jointAction(first int, rest string) bool {
	head := jointHead(rest)
	p, to, jointly := skipJointAux(strings.TrimPrefix(head, ","))
	if p == "" {
		return false
	}
	if to && strings.HasSuffix(strings.TrimSuffix(c.lower[:c.spans[first].start], "the "), "with ") {
		return false // "with A and B to work together": A and B are objects
	}
	if modalJoint(head) && (jointly || prefixOf(p, jointlyHeads) != "") {
		return true
	}
	if v := prefixOf(p, deepenVerbs); v != "" {
		q := p[len(v):]
		q = q[len(prefixOf(q, deepenDets)):]
		o := prefixOf(q, jointObjects)
		if o == "" || !boundaryAfter(q, len(o)) || strings.HasPrefix(q[len(o):], " with ") {
			return false
		}
		return true
	}
	return togetherAtEnd(p, rest[len(rest)-len(p):])
}

// jointlyHeads open the joint statements that reJoint reads after "will",
// which a guideline or a speech writes after "shall", "should", "must"
// or "to": "shall jointly build", "should work together".
var jointlyHeads = []string{"work together", "worked together", "working together"}

// modalJoint reports whether the auxiliaries that open head hold one that
// reJoint does not allow: "shall", "should", "must" or "to".
func modalJoint(head string) bool {
	for _, m := range []string{" shall ", " should ", " must ", " to "} {
		if strings.Contains(head[:min(len(head), 40)], m) {
			return true
		}
	}
	return false
}

// skipJointAux skips the auxiliary words (jointAux and "to") that open s
// after its first space; it returns what follows and whether "to" and
// "jointly" were among them.
func skipJointAux(s string) (rest string, to, jointly bool) {
	if !strings.HasPrefix(s, " ") {
		return "", false, false
	}
	s = s[1:]
	for {
		sp := strings.IndexByte(s, ' ')
		if sp < 0 {
			return s, to, jointly
		}
		switch w := s[:sp]; {
		case w == "to":
			to = true
		case w == "jointly":
			jointly = true
		case !isJointAux(w):
			return s, to, jointly
		}
		s = s[sp+1:]
	}
}

// togetherAtEnd reports a clause, head being its start up to the first
// punctuation and tail all of it, that is a verb, at most six words and
// "together" closing the clause or followed by "on", "in", "to" or "for":
// "will build an automobile cluster together". "together with" and a
// "with" before it name another partner, which the working-with rule
// reads.
func togetherAtEnd(head, tail string) bool {
	t := strings.Index(head, " together")
	if t < 0 || t > 70 || strings.Contains(head[:t], " with ") || strings.HasPrefix(head, "with ") {
		return false
	}
	if n := strings.Count(head[:t], " "); n > 6 {
		return false
	}
	after := tail[t+len(" together"):]
	switch {
	case after == "", after[0] == '.' || after[0] == ',' || after[0] == ';':
		return true
	}
	for _, w := range []string{" on ", " in ", " to ", " for "} {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	return false
}

// prefixOf returns the first of ps that s starts with, or "".
func prefixOf(s string, ps []string) string {
	for _, p := range ps {
		if strings.HasPrefix(s, p) {
			return p
		}
	}
	return ""
}

// possessedMembers replaces a list's last member, when it is a possessor
// ("A and Chengdu's Tianfu New Area"), by what it possesses, for the list
// ends there.
func (c *sentCtx) possessedMembers(ms []int) []int {
	k := ms[len(ms)-1]
	if !c.spans[k].poss || k+1 >= len(c.spans) || strings.TrimSpace(c.gap(k, k+1)) != "" || !actor(c.spans[k+1].ent.typ) {
		return ms
	}
	out := append(ms[:len(ms)-1:len(ms)-1], k+1)
	return out
}

// clauseAux are the words after which a reference that follows ", and"
// is the subject of a new clause.
var clauseAux = []string{" has ", " have ", " is ", " are ", " was ", " were ", " will ", " shall ", " can ", " now ", " also "}

// clauseSubject reports whether span k is a reference ("the circle")
// after ", and " that a verb follows: "together with Sichuan, and the
// circle has become ..." starts a clause, it does not extend the list.
func (c *sentCtx) clauseSubject(k int) bool {
	sp := c.spans[k]
	if !strings.HasSuffix(c.lower[:sp.start], ", and ") || prefixOf(c.lower[sp.end:], clauseAux) == "" {
		return false
	}
	// a reference, or the second of two names: a list of two takes no
	// comma before its "and"
	return sp.kind == spanRef || k > 0 && c.group[k-1] == c.group[k] && (k < 2 || c.group[k-2] != c.group[k])
}

// tieVerbs make "ties" a partnership: "deepen its ties with", not
// "seeking closer ties with".
var tieVerbs = []string{"deepen ", "deepened ", "deepening ", "strengthen ", "strengthened ", "strengthening ", "enhance ", "enhanced ", "expand ", "expanded ", "forge ", "forged ", "forging "}

// deepenedTies reports whether "ties" at i follows one of tieVerbs, with
// at most a possessive between: "deepen its ties", "strengthened ties".
func deepenedTies(s string, i int) bool {
	before := s[max(0, i-24):i]
	for _, p := range []string{"its ", "their ", "our ", ""} {
		if b, ok := strings.CutSuffix(before, p); ok {
			for _, v := range tieVerbs {
				if strings.HasSuffix(b, v) && boundaryBefore(b, len(b)-len(v)) {
					return true
				}
			}
		}
	}
	return false
}

// nearerOwner returns, for a possessive reference ("its") that the name
// of an actor precedes by a verb ("help Hainan deepen its ties") or that
// refers to the name before it, that name; otherwise k. posEnd reads past
// a possessive's "'s", which "its" lacks.
func (c *sentCtx) nearerOwner(k int) int {
	sp := c.spans[k]
	if sp.kind != spanRef || !sp.poss || k == 0 || !actor(c.spans[k-1].ent.typ) || c.spans[k-1].poss {
		return k
	}
	if c.spans[k-1].ent == sp.ent {
		return k - 1 // "Hainan will deepen its ties": the name "its" stands for
	}
	gap := strings.TrimSpace(c.gap(k-1, k))
	if gap == "" || strings.ContainsAny(gap, ",;") || strings.Count(gap, " ") > 1 {
		return k
	}
	return k - 1
}

// implementsTogether reads the partners of "X has carried out S together
// with Y (and Z)": each also implements S, whether S is named or referred
// to ("the plan").
func (c *sentCtx) implementsTogether(verbEnd int, s *entity) {
	for k, sp := range c.spans {
		if sp.start < verbEnd || sp.ent != s {
			continue
		}
		rest := c.lower[c.posEnd(k):]
		w := prefixOf(rest, []string{" together with ", ", together with ", " jointly with ", " along with "})
		if w == "" {
			return
		}
		o := c.spanAt(c.posEnd(k) + len(w))
		if o < 0 || !actor(c.spans[o].ent.typ) {
			return
		}
		for _, m := range c.objects(o) {
			c.propose(c.possessee(m), s, ontology.Implements, "implements-together-with")
		}
		return
	}
}

// namedNominal reports the nouns of references ("the belt", "the land port")
// that only ever mean an entity whose name holds the noun: a belt is no
// other region, and no other port is a land port.
func namedNominal(noun string) bool {
	switch noun {
	case "belt", "economic belt", "land port":
		return true
	}
	return false
}

// namedRecent returns the latest entity of the types whose name holds
// noun, in all of the history a document keeps, or nil.
func namedRecent(hist []*entity, noun string, types []ontology.EntityType) *entity {
	for i := len(hist) - 1; i >= 0; i-- {
		if containsType(types, hist[i].typ) && strings.Contains(hist[i].lowerName(), noun) {
			return hist[i]
		}
	}
	return nil
}

// quotedModifierGap reports a gap between two words of a noun phrase that
// only quote marks and spaces fill: `eight "second-line" checkpoints`
// counts checkpoints, the quoted word modifying them.
func quotedModifierGap(g string) bool {
	if len(g) < 2 || len(g) > 8 {
		return false
	}
	q := false
	for _, r := range g {
		switch r {
		case ' ':
		case '"', '“', '”', '\'', '‘', '’':
			q = true
		default:
			return false
		}
	}
	return q
}

// tradeCorridorWords make a corridor's name that of a trade route built
// by policy ("Western Land-Sea New Corridor", "China-Pakistan Economic
// Corridor"), a Strategy, rather than a stretch of land ("Hexi Corridor").
var tradeCorridorWords = []string{"Land-Sea", "Trade", "Economic", "Logistics", "Transport", " New Corridor"}

// tradeCorridor reports whether a name ending in "Corridor" is a trade route's.
func tradeCorridor(name string) bool { return containsAny(name, tradeCorridorWords) }

// nationalSuffixes follow the name of a national body in a site's
// banner: "Ministry of Commerce of the People's Republic of China".
var nationalSuffixes = []string{" of the People's Republic of China", " of the People’s Republic of China"}

// nationalBody names a body "X of the People's Republic of China" by X,
// the name the text goes on to use, when X ends with an organisation's
// head word or opens with one ("Ministry of Commerce"); the long form stays the span's surface, so it becomes an
// alias.
func nationalBody(sp *span) {
	for _, suf := range nationalSuffixes {
		if short, ok := strings.CutSuffix(sp.name, suf); ok && (orgHeads.has(short[strings.LastIndexByte(short, ' ')+1:]) || orgHeads.has(firstWords(short, 1))) {
			sp.name = short
			return
		}
	}
}

// chromeByline returns the person a field of a chrome line names as its
// editor or reporter ("Updated: 2025-09-05 | Source: X | Editor: Li
// Xiaoyu"): the field, cut at the next '|', read as a byline line.
func chromeByline(line string) (string, bool) {
	for _, key := range []string{"Editor:", "editor:", "Reporter:", "Writer:"} {
		i := strings.Index(line, key)
		if i < 0 {
			continue
		}
		field := line[i:]
		if j := strings.IndexByte(field, '|'); j >= 0 {
			field = field[:j]
		}
		return bylineName(strings.TrimSpace(field))
	}
	return "", false
}

// listedWithOffice reads a list of two-word names that an office shared
// by all of them closes, "Li Qiang, Cai Qi and Ding Xuexiang, all members
// of the ...", from the pair at word i; it returns the names, or nil.
func listedWithOffice(s string, ws []word, i int, g *ontology.Gazetteer) []string {
	if !strings.HasPrefix(s[ws[i+1].end:], ", ") && !strings.HasPrefix(s[ws[i+1].end:], " and ") ||
		i > 0 && joined(s, ws[i-1], ws[i]) && ws[i-1].caps {
		return nil // the cheap test: no list goes on, or the pair ends a longer name
	}
	names := []string{s[ws[i].start:ws[i+1].end]}
	k := i + 2
	for k+1 < len(ws) && len(names) < 8 {
		gap := s[ws[k-1].end:ws[k].start]
		if ws[k].text(s) == "and" && (gap == " " || gap == ", ") && k+2 < len(ws) && s[ws[k].end:ws[k+1].start] == " " {
			k++ // "A, B and C", "A, B, and C"
		} else if gap != ", " || !ws[k].caps {
			break // ", all members of": the list has ended
		}
		if !ws[k+1].caps || !joined(s, ws[k], ws[k+1]) || !personName(s, ws[k], ws[k+1], g) ||
			k+2 < len(ws) && ws[k+2].caps && joined(s, ws[k+1], ws[k+2]) {
			return nil
		}
		names = append(names, s[ws[k].start:ws[k+1].end])
		k += 2
	}
	if len(names) < 2 || !sharedOffice(s[ws[k-1].end:]) {
		return nil
	}
	return names
}

// sharedQuantifiers open the office a list of people share.
var sharedQuantifiers = []string{", all ", ", both ", ", each "}

// sharedOffice reports whether rest, after a list of people, gives the
// office they share: ", all members of", ", both vice governors of".
func sharedOffice(rest string) bool {
	q := prefixOf(rest, sharedQuantifiers)
	if q == "" {
		return false
	}
	t, ok := titleThenOf(rest[len(q):])
	return ok && pluralTitle(t)
}

// titleThenOf returns the words of s before the first of "of", "at",
// "with", "for" and "in", when one comes within six words: the title of
// "members of the Standing Committee".
func titleThenOf(s string) (string, bool) {
	i := 0
	for k := 0; k < 6; k++ {
		j := skipTitleWord(s, i)
		if j == i {
			return "", false
		}
		switch s[i:j] {
		case "of", "at", "with", "for", "in":
			return s[:i], i > 0
		}
		if j == len(s) || s[j] != ' ' {
			return "", false
		}
		i = j + 1
	}
	return "", false
}

// pluralTitle reports whether one of the words of t is a title word or
// its plural ("members", "vice governors").
func pluralTitle(t string) bool {
	for _, w := range strings.Fields(t) {
		if isTitleWord(w) || isTitleWord(strings.TrimSuffix(w, "s")) {
			return true
		}
	}
	return false
}

// sharedOffices reads official_of for each person of a list that shares
// an office: "A, B and C, all members of the Standing Committee".
func (x *Extractor) sharedOffices(c *sentCtx) {
	for i, sp := range c.spans {
		if sp.ent.typ != ontology.Person || c.group[i] != i || i+1 >= len(c.spans) {
			continue
		}
		ms := c.members(i)
		last := ms[len(ms)-1]
		if len(ms) < 2 || last+1 >= len(c.spans) {
			continue
		}
		gap := strings.ToLower(c.gap(last, last+1))
		q := prefixOf(gap, sharedQuantifiers)
		if q == "" {
			continue
		}
		t, ok := officeTitle(", " + gap[len(q):])
		if !ok || !pluralTitle(t) {
			continue
		}
		for _, k := range ms {
			c.propose(c.spans[k].ent, c.spans[last+1].ent, bodyOfficePredicate(t, c.spans[last+1].ent), "shared-title-of")
		}
	}
}

// leadingBodies are the heads of the names of bodies whose members hold
// office: a member of a Party committee, its Political Bureau or a
// people's congress is an official of it, a member of an academy is not.
var leadingBodies = []string{"Committee", "Political Bureau", "Congress", "Council"}

// bodyOfficePredicate is officePredicate for a title held in body, where
// membership of a leading body is an office.
func bodyOfficePredicate(title string, body *entity) ontology.Predicate {
	if body.typ == ontology.Organization && containsAny(body.name, leadingBodies) {
		for _, w := range strings.Fields(title) {
			if w == "member" || w == "members" {
				return ontology.OfficialOf
			}
		}
	}
	f := strings.Fields(title)
	for i, w := range f {
		if researchTitles[strings.TrimSuffix(w, "s")] {
			f[i] = strings.TrimSuffix(w, "s") // "both researchers at"
		}
	}
	return officePredicate(strings.Join(f, " "))
}

// alsoMask holds the trigger of surnameSpans.
var alsoMask = maskOf(", also ")

// surnameSpans finds a person named by the surname alone before ", also",
// the way news stories go on to give a leader's other offices ("Xi, also
// Chinese president and chairman of the Central Military Commission"):
// the surname must be that of one person of the document only.
func surnameSpans(s string, people []string) []*span {
	var out []*span
	for _, p := range people {
		sp := strings.IndexByte(p, ' ')
		if sp <= 0 {
			continue
		}
		surname := p[:sp]
		if !uniqueSurname(surname, people) {
			continue
		}
		for off := 0; ; {
			i := strings.Index(s[off:], surname+", also ")
			if i < 0 {
				break
			}
			i += off
			off = i + len(surname)
			if boundaryBefore(s, i) {
				out = append(out, &span{start: i, end: i + len(surname), surface: surname, kind: spanPerson,
					typ: ontology.Person, name: p, known: -1})
			}
		}
	}
	return out
}

// uniqueSurname reports whether one of people only has the surname.
func uniqueSurname(surname string, people []string) bool {
	n := 0
	for _, p := range people {
		if strings.HasPrefix(p, surname+" ") {
			n++
		}
	}
	return n == 1
}

// ministerTitles open the office of "P, vice minister of commerce".
var ministerTitles = []string{", minister of ", ", vice minister of ", ", deputy minister of ", ", assistant minister of "}

// ministerOf returns the ministry of "P, vice minister of commerce" when
// the document has named it ("Ministry of Commerce", or the long form of
// a banner), or nil: the title in lower case names its body by its field.
func (c *sentCtx) ministerOf(i int) *entity {
	after := c.lower[c.posEnd(i):]
	t := prefixOf(after, ministerTitles)
	if t == "" {
		return nil
	}
	field := after[len(t):]
	if e := strings.IndexAny(field, ",;.()"); e >= 0 {
		field = field[:e]
	}
	want := "ministry of " + strings.TrimSpace(field)
	for _, e := range c.reg.order {
		if e.typ == ontology.Organization && (e.lowerName() == want || strings.HasPrefix(e.lowerName(), want+" of the")) {
			return e
		}
	}
	return nil
}

// borderShares follow "share" where places only touch: "shares a border
// with Vietnam" is no partnership.
var borderShares = []string{" a border", " borders", " the border", " a common border", " a boundary", " a coastline", " a long border"}

// sharesWith reports whether "share" ending at end is a partnership
// ("will share customs data with"), not a border: "with" must follow
// within a few words ("market share" shares nothing).
func sharesWith(s string, end int) bool {
	if prefixOf(s[end:], borderShares) != "" {
		return false
	}
	// s may be the text before a "with" that the caller found
	rest := s[end:min(len(s), end+48)]
	return strings.Contains(rest, " with ") || len(rest) == len(s)-end && !strings.ContainsAny(rest, ",;.")
}

// isJointAux is jointAux[w], asked without hashing: skipJointAux asks it
// of the words after every list of a sentence that may state a joint
// action.
func isJointAux(w string) bool {
	switch w {
	case "have", "has", "had", "will", "would", "are", "is", "were", "was", "been", "also", "now",
		"jointly", "each", "recently", "just", "formally", "shall", "should", "must", "which", "who":
		return true
	}
	return false
}

// natureHeads after a place name make it the name of a lake or a
// mountain ("Poyang Lake", "Wuyi Mountains"), which the contract does not
// annotate, rather than the county or city of that name.
var natureHeads = []string{" Lake", " Mountains", " Mountain"}

// natureName reports whether the gazetteer name ending at end is that of a
// lake or a mountain.
func natureName(s string, end int) bool {
	if end >= len(s) || s[end] != ' ' {
		return false
	}
	h := prefixOf(s[end:], natureHeads)
	return h != "" && boundaryAfter(s, end+len(h))
}

// infinitiveMoves are the verbs of "industries in A shall be guided to
// move to B".
var infinitiveMoves = []string{"move to ", "relocate to ", "shift to ", "transfer to "}

// infinitiveMoveTriggers are the trigger words the infinitiveMoves hold.
var infinitiveMoveTriggers = []int{triggerIndex["mov"], triggerIndex["reloc"], triggerIndex["shift"], triggerIndex["transfer"]}

// guidedToMove reads a guideline's "labor-intensive industries in A shall
// be guided to move to B, C and D" and "firms from A are encouraged to
// relocate to B": A transfers_to each of B, C and D. A is the place after
// "in" or "from" in the subject, at most six words before the verb and
// with no comma between.
func (x *Extractor) guidedToMove(c *sentCtx) {
	if !c.hasMask(&moveMask) || !c.hasMask(&transfersMask) {
		return
	}
	for k, v := range infinitiveMoves {
		if !c.s.trig.hasIndex(infinitiveMoveTriggers[k]) {
			continue // the sentence lacks the verb's stem
		}
		m := strings.Index(c.lower, v) - len(" to ")
		if m < 0 || c.lower[m:m+4] != " to " {
			continue // searched without " to ", whose space opens many false starts
		}
		v = " to " + v
		d := c.spanAt(m + len(v))
		src := c.lastBefore(m, func(sp *span) bool { return actor(sp.ent.typ) })
		if d < 0 || src < 0 || !ontology.IsPlace(c.spans[d].ent.typ) || c.posEnd(src) > m {
			continue
		}
		before := strings.TrimSuffix(c.lower[:c.spans[src].start], "the ")
		gap := c.lower[c.posEnd(src):m]
		if !strings.HasSuffix(before, " in ") && !strings.HasSuffix(before, " from ") || strings.ContainsAny(gap, ",;") || strings.Count(gap, " ") > 6 {
			continue
		}
		for _, k := range c.objects(d) {
			c.propose(c.spans[src].ent, c.possessee(k), ontology.TransfersTo, "guided-to-move")
		}
	}
}

// bulletMarks open the items of a bullet list.
var bulletMarks = []string{"- ", "• ", "· ", "* ", "– ", "— ", "▪ "}

// figureBullet reports a bullet item that gives a figure ("- Chongqing:
// 3.2 trillion yuan"): prose, though it lacks a full stop, where a short
// unpunctuated line is otherwise a heading.
func figureBullet(line string) bool {
	if prefixOf(line, bulletMarks) == "" {
		return false
	}
	for i := 2; i < len(line); i++ {
		if isDigitByte(line[i]) {
			return true
		}
	}
	return false
}
