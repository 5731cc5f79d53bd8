package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/policykg/policykg/ontology"
)

// proposal is a fact a rule proposes, before validation.
type proposal struct {
	sub, obj *entity
	pred     ontology.Predicate
	rule     string
}

// sentCtx is one sentence with its resolved spans, as the rules see it.
type sentCtx struct {
	s      *sentence
	text   string
	lower  string
	spans  []*span
	group  []int // group id of each span: spans of one list share it
	state  *corefState
	reg    *registry
	gaz    *ontology.Gazetteer
	props  []proposal
	extra  []*span // spans made by rules (concepts)
	relocs []reloc
	// metricEnts are the subjects of the sentence's metrics.
	metricEnts []*entity
	figs       []figure          // scratch for metrics: the sentence's figures
	metrics    []ontology.Metric // scratch for metrics: the list it returns
	fronted    int               // the fronted phrase's comma, -1 when none, 0 before it is known
	listed     []bool            // scratch for groupLists
}

// reloc is a relocation a rule read: where it starts in the sentence and
// its destination, for the metrics.
type reloc struct {
	start, end int
	dest       *entity
}

// reset readies c for sentence s. One sentCtx serves a whole document: its
// slices keep their arrays from sentence to sentence, as nothing holds on
// to them once the sentence's facts are recorded.
func (c *sentCtx) reset(s *sentence, spans []*span, st *corefState, reg *registry, g *ontology.Gazetteer) {
	*c = sentCtx{s: s, text: s.text, lower: s.lower, spans: spans, state: st, reg: reg, gaz: g,
		group: c.group[:0], props: c.props[:0], extra: c.extra[:0], relocs: c.relocs[:0],
		metricEnts: c.metricEnts[:0], listed: c.listed[:0], figs: c.figs[:0], metrics: c.metrics[:0]}
	c.markAppositions()
	c.groupLists()
}

// posEnd is where the text after span i starts, past any possessive.
func (c *sentCtx) posEnd(i int) int {
	e := c.spans[i].end
	if c.spans[i].poss {
		if strings.HasPrefix(c.text[e:], "’s") {
			return e + len("’s")
		}
		return min(e+2, len(c.text)) // a possessive flagged at the very end
	}
	return e
}

// gap is the text between span i (past its possessive) and span j.
func (c *sentCtx) gap(i, j int) string {
	a, b := c.posEnd(i), c.spans[j].start
	if a > b {
		return ""
	}
	return c.text[a:b]
}

// lowerText returns strings.ToLower(c.text[start:end]): the same bytes of
// c.lower when they are ASCII, without a copy.
func (c *sentCtx) lowerText(start, end int) string {
	if t := c.text[start:end]; !isASCII(t) {
		return strings.ToLower(t)
	}
	return c.lower[start:end]
}

// lowerGap is strings.ToLower(c.gap(i, j)), a copy only when the gap is
// not ASCII.
func (c *sentCtx) lowerGap(i, j int) string {
	a, b := c.posEnd(i), c.spans[j].start
	if a > b {
		return ""
	}
	return c.lowerText(a, b)
}

// markAppositions flags the spans inside an apposition that follows a
// name: ", a district of Guangzhou,", ", which lies in Shanwei city,".
func (c *sentCtx) markAppositions() {
	fronted := c.frontedComma()
	for i := range c.spans {
		if c.spans[i].appos {
			continue
		}
		p := c.posEnd(i)
		if p == fronted {
			continue
		}
		if !strings.HasPrefix(c.text[p:], ", ") {
			continue
		}
		r, _ := utf8.DecodeRuneInString(c.text[p+2:])
		if r == 't' && c.listedWithThe(i, p) {
			continue // "from the A, the B and the C": a list, not an apposition
		}
		if !unicode.IsLower(r) {
			if c.possessiveAppos(i+1, p+2) {
				// "Liangjiang New Area, China's first inland new area,"
				c.markAppos(i+1, c.appositionEnd(p+2))
			}
			continue
		}
		next, _ := nextField(c.text[p+2:]) // not empty: it starts with a lower-case letter
		switch strings.Trim(next, ",") {
		case "and", "or", "but", "while", "with", "as", "so", "up", "down", "from", "to":
			continue
		}
		c.markAppos(i+1, c.appositionEnd(p+2))
	}
}

// markAppos marks the spans from j on that start before end as inside an
// apposition.
func (c *sentCtx) markAppos(j, end int) {
	for ; j < len(c.spans) && c.spans[j].start < end; j++ {
		c.spans[j].appos = true
	}
}

// possessiveAppos reports an apposition opened at pos by a possessive
// place and a lower-case word: ", China's first inland new area,".
func (c *sentCtx) possessiveAppos(j, pos int) bool {
	if j >= len(c.spans) || c.spans[j].start != pos || !c.spans[j].poss || !ontology.IsPlace(c.spans[j].ent.typ) {
		return false
	}
	rest := c.text[c.posEnd(j):]
	if !strings.HasPrefix(rest, " ") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest[1:])
	return unicode.IsLower(r)
}

// frontedComma returns the comma that ends a fronted phrase ("In Zhejiang,
// ..."), or -1.
func (c *sentCtx) frontedComma() int {
	if c.fronted == 0 {
		c.fronted = -1
		if sp := strings.IndexByte(c.text, ' '); sp > 0 && frontedOpeners.has(c.text[:sp]) {
			c.fronted = strings.Index(c.text, ", ")
		}
	}
	return c.fronted
}

// frontedOpeners start a sentence with a phrase that ends at the first comma.
var frontedOpeners = newWordSet("In", "Located", "Situated", "Based", "By", "Since", "From", "Under",
	"At", "After", "Over", "Among", "For", "During", "With", "Through", "Last", "Next", "Separately",
	"Further", "Besides", "Meanwhile", "Before", "Along", "On")

// appositionEnd returns where an apposition starting at pos ends: the
// first comma outside parentheses that does not continue a list.
func (c *sentCtx) appositionEnd(pos int) int {
	depth := 0
	for i := pos; i < len(c.text); i++ {
		switch c.text[i] {
		case '(':
			depth++
		case ')':
			depth--
		case ',':
			if depth > 0 || !strings.HasPrefix(c.text[i:], ", ") {
				continue
			}
			if k := c.spanStarting(i + 2); k >= 0 && k+1 < len(c.spans) {
				if _, ok := listSep(c.gap(k, k+1)); ok {
					i = c.spans[k].end
					continue
				}
			}
			return i
		}
	}
	return len(c.text)
}

// spanStarting returns the span that starts at pos, or -1.
func (c *sentCtx) spanStarting(pos int) int {
	for k, sp := range c.spans {
		if sp.start == pos {
			return k
		}
	}
	return -1
}

// groupLists joins spans listed as "A, B and C" or "A and B" into groups,
// also across an apposition ("Lanzhou, the capital of Gansu province, and
// Xining"). A chain of commas without a conjunction is not a list
// ("Hunnan District, Shenyang City").
func (c *sentCtx) groupLists() {
	n := len(c.spans)
	c.group = slices.Grow(c.group[:0], n)[:n]
	for i := range c.group {
		c.group[i] = i
	}
	c.listed = slices.Grow(c.listed[:0], n)[:n]
	done := c.listed
	clear(done)
	var ms []int
	for i := range c.spans {
		if done[i] {
			continue
		}
		ms = append(ms[:0], i)
		conj := false
		for j := i; ; {
			k, sep, ok := c.nextListed(j)
			if !ok {
				break
			}
			conj = conj || sep
			ms = append(ms, k)
			j = k
		}
		if conj {
			for _, k := range ms {
				c.group[k] = i
				done[k] = true
			}
		}
	}
}

// nextListed returns the span listed after span j, whether a conjunction
// joins them, and whether there is one.
func (c *sentCtx) nextListed(j int) (int, bool, bool) {
	if j+1 >= len(c.spans) || c.spans[j].poss || c.posEnd(j) == c.frontedComma() {
		return 0, false, false // "In Zhejiang, A and B ..." does not list Zhejiang
	}
	if pronounRef(c.spans[j+1]) {
		return 0, false, false // "covers A and B, and it is home to ...": a new clause
	}
	if sep, ok := listSep(c.gap(j, j+1)); ok {
		if c.spans[j].appos != c.spans[j+1].appos {
			return 0, false, false
		}
		return j + 1, sep, true
	}
	if c.spans[j].appos {
		return 0, false, false
	}
	p := c.posEnd(j)
	if !strings.HasPrefix(c.text[p:], ", ") || p+2 >= len(c.text) || c.text[p+2] < 'a' || c.text[p+2] > 'z' {
		return 0, false, false
	}
	switch firstWords(c.lower[p+2:], 1) {
	case "and", "or", "but", "while", "with", "as", "so", "from", "to", "together", "along":
		return 0, false, false
	}
	e := c.appositionEnd(p + 2)
	k := j + 1
	for k < len(c.spans) && c.spans[k].start < e {
		k++
	}
	if k >= len(c.spans) || c.spans[k].appos || e >= c.spans[k].start {
		return 0, false, false
	}
	if sep, ok := listSep(c.text[e:c.spans[k].start]); ok && sep && !c.clauseAfterRelative(p+2, k) {
		return k, true, true
	}
	return 0, false, false
}

// listSep reports whether g separates list members and whether it holds a
// conjunction.
func listSep(g string) (conj, ok bool) {
	t := strings.TrimSpace(g)
	t = strings.TrimSpace(strings.TrimSuffix(t, " the"))
	if t == "the" {
		t = ""
	}
	switch t {
	case ",":
		return false, true
	case "and", ", and", "or", ", or", "&", "as well as":
		return true, true
	}
	return false, false
}

// members returns the indices of the group of span i, leaving out
// appositions unless i is one.
func (c *sentCtx) members(i int) []int {
	var out []int
	for k := range c.spans {
		if c.group[k] == c.group[i] {
			out = append(out, k)
		}
	}
	return out
}

// spanAt returns the index of the span starting at pos, allowing "the "
// before it, or -1.
func (c *sentCtx) spanAt(pos int) int {
	for k, sp := range c.spans {
		if sp.start < pos {
			continue
		}
		between := strings.TrimSpace(c.lower[pos:sp.start])
		if between == "" || between == "the" || between == "all of" || between == "the whole of" {
			return k
		}
		return -1
	}
	return -1
}

// locativeHead returns the place span k locates when the two stand as "A
// in B" ("Lishui in southwestern Zhejiang has been paired with ..."): A,
// whom the clause is about; otherwise k.
func (c *sentCtx) locativeHead(k int) int {
	if k > 0 && c.posEnd(k-1) <= c.spans[k].start && c.lower[c.posEnd(k-1):c.spans[k].start] == " in " &&
		ontology.IsPlace(c.spans[k-1].ent.typ) && ontology.IsPlace(c.spans[k].ent.typ) {
		return k - 1
	}
	return k
}

// lastBefore returns the last span ending at or before pos that is not in an
// apposition and whose entity passes ok, or -1.
func (c *sentCtx) lastBefore(pos int, ok func(*span) bool) int {
	best := -1
	for k, sp := range c.spans {
		if sp.end > pos {
			break
		}
		if !sp.appos && ok(sp) {
			best = k
		}
	}
	return best
}

// propose records a fact for validation.
func (c *sentCtx) propose(sub, obj *entity, p ontology.Predicate, rule string) {
	if sub == nil || obj == nil || sub == obj {
		return
	}
	c.props = append(c.props, proposal{sub, obj, p, rule})
}

// placeRank orders places from the largest (0) to the smallest.
func placeRank(t ontology.EntityType) int {
	switch t {
	case ontology.Country:
		return 0
	case ontology.Region:
		return 1
	case ontology.Province, ontology.Municipality:
		return 2
	case ontology.City:
		return 3
	case ontology.NewArea:
		return 4
	case ontology.District, ontology.County:
		return 5
	case ontology.Zone:
		return 6
	case ontology.Port, ontology.Airport:
		return 7
	}
	return -1
}

// contain proposes that sub lies in obj: located_in for zones and
// facilities, part_of for divisions and regions. Smaller must sit in larger,
// and two gazetteer divisions must agree with the gazetteer.
func (c *sentCtx) contain(sub, obj *entity, rule string, g *ontology.Gazetteer) {
	if sub == nil || obj == nil || sub == obj {
		return
	}
	rs, ro := placeRank(sub.typ), placeRank(obj.typ)
	inside := sub.typ == ontology.NewArea && (obj.typ == ontology.District || obj.typ == ontology.County)
	if rs < 0 || ro < 0 || rs <= ro && !inside || sub.typ == ontology.River || obj.typ == ontology.River {
		return
	}
	if sub.code != "" && obj.code != "" && isDivisionCode(sub.code) && isDivisionCode(obj.code) && !isAncestor(g, obj.code, sub.code) &&
		!zoneBesideCounty(g, sub, obj) {
		return
	}
	p := ontology.PartOf
	switch sub.typ {
	case ontology.Zone, ontology.Port, ontology.Airport, ontology.NewArea:
		p = ontology.LocatedIn
	}
	c.propose(sub, obj, p, rule)
}

// isDivisionCode reports a six-digit GB/T 2260 code.
func isDivisionCode(code string) bool { return len(code) == 6 && allDigits(code) }

// pronounRef reports a reference that is a pronoun ("it", "we"), which
// opens a clause of its own rather than joining a list of names.
func pronounRef(sp *span) bool {
	if sp.kind != spanRef {
		return false
	}
	switch strings.ToLower(sp.surface) {
	case "it", "its", "we", "our":
		return true
	}
	return false
}
