package extract

import (
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
}

// skipRelative steps over a non-restrictive relative clause after a list
// of actors at pos: "A and B, which lie on either side of the boundary,
// have jointly set up ..." is a joint statement of A and B (joint-relative).
// The clause must close with a comma within relativeMax bytes and hold no
// other comma, semicolon or colon; otherwise pos is returned.
func (c *sentCtx) skipRelative(pos int) int {
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
	if p := c.skipRelative(pos); p != pos {
		rest = c.lower[p:]
		return jointStatement(rest) || c.jointAction(first, rest)
	}
	return false
}

// relativeMax bounds the relative clause skipRelative steps over.
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
	if !ontology.IsPlace(c.spans[0].ent.typ) || !ontology.IsPlace(c.spans[k].ent.typ) {
		return
	}
	c.contain(c.spans[k].ent, c.spans[0].ent, "fronted-in", x.gaz)
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
		rest := strings.TrimPrefix(c.lower[pos:], ",")
		pos += len(c.lower[pos:]) - len(rest)
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
