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
	p, to := skipJointAux(strings.TrimPrefix(head, ","))
	if p == "" {
		return false
	}
	if v := prefixOf(p, deepenVerbs); v != "" {
		q := p[len(v):]
		q = q[len(prefixOf(q, deepenDets)):]
		o := prefixOf(q, jointObjects)
		if o == "" || !boundaryAfter(q, len(o)) || strings.HasPrefix(rest[len(rest)-len(q)+len(o):], " with ") {
			return false
		}
		before := strings.TrimSuffix(c.lower[:c.spans[first].start], "the ")
		return !to || !strings.HasSuffix(before, "with ")
	}
	return togetherAtEnd(p, rest[len(rest)-len(p):])
}

// skipJointAux skips the auxiliary words (jointAux and "to") that open s
// after its first space; it returns what follows and whether "to" was
// among them.
func skipJointAux(s string) (string, bool) {
	if !strings.HasPrefix(s, " ") {
		return "", false
	}
	s = s[1:]
	to := false
	for {
		sp := strings.IndexByte(s, ' ')
		if sp < 0 {
			return s, to
		}
		w := s[:sp]
		if w == "to" {
			to = true
		} else if !jointAux[w] {
			return s, to
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
	return sp.kind == spanRef && strings.HasSuffix(c.lower[:sp.start], ", and ") && prefixOf(c.lower[sp.end:], clauseAux) != ""
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

// namedNominals are the nouns of references ("the belt", "the land port")
// that only ever mean an entity whose name holds the noun: a belt is no
// other region, and no other port is a land port.
var namedNominals = map[string]bool{"belt": true, "economic belt": true, "land port": true}

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
