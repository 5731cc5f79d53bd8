package extract

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/coregx/ahocorasick"

	"github.com/policykg/policykg/ontology"
)

// spanKind says which stage found a span.
type spanKind int

const (
	spanGazetteer spanKind = iota // a gazetteer division or special zone
	spanKnown                     // a curated entity of the ontology
	spanName                      // a pattern-found name
	spanPerson                    // a person
	spanRef                       // a coreferring expression ("the city")
)

// span is a stretch of a sentence that names something.
type span struct {
	start, end int // byte offsets; end excludes a possessive 's
	surface    string
	kind       spanKind
	typ        ontology.EntityType
	name       string   // canonical name for names and known entities
	codes      []string // gazetteer candidates
	known      int      // index into ontology.KnownEntities, or -1
	generic    string   // generic word that followed or ended the name: "district"
	poss       bool     // followed by 's
	appos      bool     // inside an apposition ("Hanchuan, a city under Xiaogan,")
	inner      *span    // the region a strategy phrase names ("revitalizing Northeast China")
	ent        *entity  // set by resolution
}

func (s *span) String() string { return fmt.Sprintf("%q@%d", s.surface, s.start) }

// target is what an automaton pattern names.
type target struct {
	code       string // gazetteer code, or ""
	known      int    // index into ontology.KnownEntities, or -1
	anyCase    bool   // the pattern starts lower-case, so case is not checked
	contextual bool
	trigger    int // 1 + index into triggerWords, or 0
}

// matcher finds gazetteer and curated names with one Aho-Corasick automaton
// over ASCII-lower-cased text.
type matcher struct {
	ac      *ahocorasick.Automaton
	targets [][]target
	// codes[i][1] are the gazetteer codes pattern i names where the text
	// has an upper-case initial, codes[i][0] where it has not; worked out
	// once, as they depend on nothing else. Shared: never appended to.
	codes [][2][]string
	// trigOf[i] is 1 + the trigger word pattern i is, 0 for none, and
	// onlyTrigger[i] says it names nothing else: read for every hit, they
	// spare findHits the pattern's targets
	trigOf      []uint8
	onlyTrigger []bool
	gaz         *ontology.Gazetteer
}

// ambiguousWords are gazetteer names that are also common English words.
var ambiguousWords = map[string]bool{"mile": true, "saga": true, "bole": true, "gar": true, "mori": true, "anda": true, "bama": true,
	"guide": true, "guiding": true} // "Guiding principles", "Guide the orderly transfer of industries"

func newMatcher(g *ontology.Gazetteer) (*matcher, error) {
	m := &matcher{gaz: g}
	index := map[string]int{}
	var patterns []string
	add := func(p string, t target) {
		if len(p) < 3 || ambiguousWords[strings.ToLower(p)] {
			return
		}
		r, _ := utf8.DecodeRuneInString(p)
		t.anyCase = unicode.IsLower(r)
		key := lowerASCII(p)
		i, ok := index[key]
		if !ok {
			i = len(patterns)
			index[key] = i
			patterns = append(patterns, key)
			m.targets = append(m.targets, nil)
		}
		m.targets[i] = append(m.targets[i], t)
	}
	for _, d := range g.Units() {
		for _, n := range append([]string{d.Name, d.FullName}, d.Aliases...) {
			add(n, target{code: d.Code, known: -1})
		}
	}
	for i, k := range ontology.KnownEntities() {
		t := target{code: k.Code, known: i}
		for _, n := range append([]string{k.Name}, k.Aliases...) {
			add(n, t)
		}
		t.contextual = true
		for _, n := range k.Contextual {
			add(n, t)
		}
	}
	for i, w := range triggerWords {
		key := w
		j, ok := index[key]
		if !ok {
			j = len(patterns)
			index[key] = j
			patterns = append(patterns, key)
			m.targets = append(m.targets, nil)
		}
		m.targets[j] = append(m.targets[j], target{known: -1, trigger: i + 1})
	}
	ac, err := ahocorasick.NewBuilder().SetMatchKind(ahocorasick.LeftmostLongest).AddStrings(patterns).Build()
	if err != nil {
		return nil, fmt.Errorf("build name automaton: %w", err)
	}
	m.ac = ac
	m.codes = make([][2][]string, len(m.targets))
	m.trigOf, m.onlyTrigger = make([]uint8, len(m.targets)), make([]bool, len(m.targets))
	for i, ts := range m.targets {
		m.codes[i] = [2][]string{targetCodes(ts, false), targetCodes(ts, true)}
		if t := ts[len(ts)-1]; t.trigger > 0 { // a trigger word's target is its last
			m.trigOf[i], m.onlyTrigger[i] = uint8(t.trigger), len(ts) == 1
		}
	}
	return m, nil
}

// targetCodes returns the distinct codes of the targets a match with an
// upper-case initial, or without one, may name, in target order; the
// slice's capacity is its length, so an append would copy it.
func targetCodes(ts []target, upper bool) []string {
	var out []string
	for _, t := range ts {
		if t.trigger > 0 || !t.anyCase && !upper || t.code == "" || containsStr(out, t.code) {
			continue
		}
		out = append(out, t.code)
	}
	return slices.Clip(out)
}

// findHits returns the gazetteer and curated names in s, leftmost-longest,
// at word boundaries, upper-case initial unless the pattern is lower-case.
// It is given the automaton's hits for s, found in a longer text where s
// starts at off, and buf and outBuf, scratch space reused from call to call:
// the list it returns is only read until the next call.
func (m *matcher) findHits(s string, hits []ahocorasick.Match, off int, trig *triggerSet, buf *[]ahocorasick.Match, outBuf *[]*span, spans *spanArena) []*span {
	cands := (*buf)[:0]
	for _, h := range hits {
		h.Start -= off
		h.End -= off
		if h.Start < 0 {
			continue // crosses into the text before s
		}
		if k := m.trigOf[h.PatternID]; k > 0 {
			trig.set(int(k) - 1)
			if m.onlyTrigger[h.PatternID] {
				continue
			}
		}
		if !boundaryBefore(s, h.Start) || !boundaryAfter(s, h.End) {
			continue
		}
		cands = append(cands, h)
	}
	// no two candidates share start and end (patterns are distinct), so
	// the order is total and any sort gives the same result
	slices.SortFunc(cands, func(a, b ahocorasick.Match) int {
		if a.Start != b.Start {
			return cmp.Compare(a.Start, b.Start)
		}
		return cmp.Compare(b.End, a.End)
	})
	out := (*outBuf)[:0]
	last := 0
	for _, h := range cands {
		if h.Start < last {
			continue
		}
		sp := m.spanOf(s, h, spans)
		if sp == nil {
			continue
		}
		out = append(out, sp)
		last = sp.end
	}
	*buf = cands[:0]
	*outBuf = out[:0]
	return out
}

func (m *matcher) spanOf(s string, h ahocorasick.Match, spans *spanArena) *span {
	var upper bool
	if c := s[h.Start]; c < utf8.RuneSelf {
		upper = 'A' <= c && c <= 'Z' // unicode.IsUpper of an ASCII letter
	} else {
		r, _ := utf8.DecodeRuneInString(s[h.Start:])
		upper = unicode.IsUpper(r)
	}
	// built on the stack, moved to the arena only when it is a name
	v := span{start: h.Start, end: h.End, surface: s[h.Start:h.End], known: -1,
		codes: m.codes[h.PatternID][boolInt(upper)]}
	for _, t := range m.targets[h.PatternID] {
		if t.trigger > 0 || !t.anyCase && !upper {
			continue
		}
		if t.known >= 0 && v.known < 0 {
			v.known = t.known
			k := ontology.KnownEntities()[t.known]
			v.name, v.typ, v.kind = k.Name, k.Type, spanKnown
			if rest := s[h.End:]; k.Type == ontology.Country && len(rest) >= 7 && strings.EqualFold(rest[:7], " dollar") {
				return nil // "480 billion U.S. dollars" names a currency
			}
			if t.contextual {
				v.generic = "contextual"
				if strings.HasPrefix(s[h.End:], " of ") {
					return nil // "the capital of Henan province" is another capital
				}
			}
		}
	}
	if v.known < 0 && (len(v.codes) == 0 || natureName(s, h.End)) {
		return nil
	}
	sp := spans.new()
	*sp = v
	if sp.known < 0 {
		sp.kind = spanGazetteer
		m.extendGeneric(s, sp)
		if sp.generic == "" {
			sp.generic = endingGeneric(sp.surface)
		}
	}
	sp.poss = possessiveAt(s, sp.end)
	return sp
}

// genericWords follow a place name: "Caofeidian district", "Hebei province".
var genericWords = []struct {
	word  string
	types []ontology.EntityType
}{
	{"new area", []ontology.EntityType{ontology.NewArea, ontology.District}},
	{"autonomous region", []ontology.EntityType{ontology.Province}},
	{"autonomous prefecture", []ontology.EntityType{ontology.City}},
	{"special administrative region", []ontology.EntityType{ontology.Province}},
	{"districts", []ontology.EntityType{ontology.District}},
	{"district", []ontology.EntityType{ontology.District}},
	{"counties", []ontology.EntityType{ontology.County}},
	{"county", []ontology.EntityType{ontology.County}},
	{"cities", []ontology.EntityType{ontology.City, ontology.County, ontology.Municipality}},
	{"city", []ontology.EntityType{ontology.City, ontology.County, ontology.Municipality}},
	{"provinces", []ontology.EntityType{ontology.Province}},
	{"province", []ontology.EntityType{ontology.Province}},
	{"municipality", []ontology.EntityType{ontology.Municipality}},
	{"prefecture", []ontology.EntityType{ontology.City}},
	{"league", []ontology.EntityType{ontology.City}},
	{"banner", []ontology.EntityType{ontology.County}},
}

// genericInitial marks the first letters of genericWords.
var genericInitial = func() (t [256]bool) {
	for _, gw := range genericWords {
		t[gw.word[0]] = true
	}
	return t
}()

// extendGeneric takes a following generic word into the span and keeps the
// candidates of the matching types.
func (m *matcher) extendGeneric(s string, sp *span) {
	rest := s[sp.end:]
	if len(rest) < 2 || rest[0] != ' ' || !genericInitial[rest[1]|0x20] {
		return // no generic word starts so (they are ASCII; |0x20 lower-cases)
	}
	for _, gw := range genericWords {
		if !hasPrefixFold(rest[1:], gw.word) || !boundaryAfter(s, sp.end+1+len(gw.word)) {
			continue
		}
		var keep []string
		for _, c := range sp.codes {
			if d, ok := m.gaz.Division(c); ok && containsType(gw.types, d.Type) {
				keep = append(keep, c)
			}
		}
		if len(keep) == 0 {
			return
		}
		sp.codes = keep
		sp.end += 1 + len(gw.word)
		sp.surface = s[sp.start:sp.end]
		sp.generic = strings.TrimSuffix(strings.TrimSuffix(gw.word, "s"), "ie") // districts -> district
		if gw.word == "counties" {
			sp.generic = "county"
		} else if gw.word == "cities" {
			sp.generic = "city"
		}
		return
	}
}

// endingGeneric returns the generic word a full name ends with:
// "Caofeidian District" -> "district".
func endingGeneric(name string) string {
	if strings.IndexByte(name, ' ') < 0 {
		return "" // a generic word ends a name only after a space
	}
	tail := name[max(0, len(name)-40):]
	for i := 0; i < len(tail); i++ {
		if tail[i] >= utf8.RuneSelf {
			return endingGenericLower(strings.ToLower(name))
		}
	}
	// an ASCII tail: compare it folded instead of lower-casing a copy; the
	// generic words are ASCII, lower-case and shorter than the tail
	for _, gw := range genericWords {
		if n := len(gw.word); len(tail) > n && tail[len(tail)-n-1] == ' ' && strings.EqualFold(tail[len(tail)-n:], gw.word) {
			return gw.word
		}
	}
	return ""
}

// endingGenericLower is endingGeneric of an already lower-cased name.
func endingGenericLower(l string) string {
	for _, gw := range genericWords {
		if hasWordSuffix(l, gw.word) {
			return gw.word
		}
	}
	return ""
}

// hasEqualStarts reports whether two neighbours of sorted spans start at
// the same byte.
func hasEqualStarts(spans []*span) bool {
	for i := 1; i < len(spans); i++ {
		if spans[i].start == spans[i-1].start {
			return true
		}
	}
	return false
}

func containsStr(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func containsType(ts []ontology.EntityType, t ontology.EntityType) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

// merge combines gazetteer and curated spans with pattern-found names and
// people: a longer span wins; on a tie the gazetteer or curated one does,
// except that people always win (their names hold place names). The list
// is kept in lists; sc is scratch space reused from call to call.
func merge(sc *mergeScratch, keep *spanLists, lists ...[]*span) []*span {
	if l, ok := onlyList(lists); ok && increasing(l) {
		// nothing to choose between: the spans of one list that follow
		// each other without overlapping are all kept, in their order
		if len(l) == 0 {
			return nil
		}
		return keep.clone(l)
	}
	all := sc.all[:0]
	for _, l := range lists {
		all = append(all, l...)
	}
	defer func() { sc.all = all[:0] }()
	// a stable sort has one result, whichever algorithm makes it
	slices.SortStableFunc(all, func(a, b *span) int {
		if (a.kind == spanPerson) != (b.kind == spanPerson) {
			if a.kind == spanPerson {
				return -1
			}
			return 1
		}
		if la, lb := a.end-a.start, b.end-b.start; la != lb {
			return cmp.Compare(lb, la)
		}
		return cmp.Compare(a.kind, b.kind)
	})
	kept := sc.kept[:0]
	defer func() { sc.kept = kept[:0] }()
	for _, s := range all {
		overlap := false
		for _, k := range kept {
			if s.start < k.end && k.start < s.end {
				overlap = true
				break
			}
		}
		if !overlap {
			kept = append(kept, s)
		}
	}
	if len(kept) == 0 {
		return nil
	}
	// kept spans do not overlap; when they already stand in strictly
	// rising order, sorting would leave them as they are
	if !slices.IsSortedFunc(kept, func(a, b *span) int { return cmp.Compare(a.start, b.start) }) || hasEqualStarts(kept) {
		// sort.Slice's algorithm, without its allocations: the sorter is
		// the scratch's, and a pointer to it boxes without a copy
		sc.byStart = kept
		sort.Sort(&sc.byStart)
		sc.byStart = nil
	}
	return keep.clone(kept)
}

// onlyList returns the one list of lists that is not empty, or an empty
// one when all are; ok is false when two or more are not empty.
func onlyList(lists [][]*span) ([]*span, bool) {
	var only []*span
	for _, l := range lists {
		if len(l) == 0 {
			continue
		}
		if only != nil {
			return nil, false
		}
		only = l
	}
	return only, true
}

// increasing reports whether each span of l starts at or after the end of
// the one before, and after its start.
func increasing(l []*span) bool {
	for i := 1; i < len(l); i++ {
		if l[i].start < l[i-1].end || l[i].start <= l[i-1].start {
			return false
		}
	}
	return true
}

// byStart orders spans by where they start.
type byStart []*span

func (b *byStart) Len() int           { return len(*b) }
func (b *byStart) Less(i, j int) bool { return (*b)[i].start < (*b)[j].start }
func (b *byStart) Swap(i, j int)      { (*b)[i], (*b)[j] = (*b)[j], (*b)[i] }

// mergeScratch is the scratch space of merge.
type mergeScratch struct {
	all, kept []*span
	byStart   byStart // the list being sorted
}

// spanLists holds the span lists of a document's sentences in shared
// arrays, one allocation for many sentences.
type spanLists struct{ free []*span }

// clone returns a copy of l whose capacity is its length, so that an
// append to it copies it rather than writing into the next list.
func (a *spanLists) clone(l []*span) []*span {
	if cap(a.free)-len(a.free) < len(l) {
		a.free = make([]*span, 0, max(len(l), 1024))
	}
	n := len(a.free)
	a.free = append(a.free, l...)
	return a.free[n:len(a.free):len(a.free)]
}
