package extract

import (
	"slices"
	"strings"

	"github.com/policykg/policykg/ontology"
)

// strategyOpeners introduce a strategy described in lower case: "the
// national strategy for the coordinated development of ...".
var strategyOpeners = []string{"strategy for ", "strategy of ", "strategy to promote ", "strategy to ", "strategy on "}

// developmentHeads name a strategy when a region follows: "the
// coordinated development of the Beijing-Tianjin-Hebei region".
var developmentHeads = []string{"coordinated development of ", "integrated development of ", "revitalization of ", "revitalizing ",
	"large-scale development of ", "rise of "}

// headAnchors are trigger words one of which every strategy opener and
// development head holds; strategyAnchor is the one every opener holds.
var headAnchors = [...]string{"strategy ", "development of ", "revitaliz", "rise of "}

const (
	strategyAnchorIndex = 0
	strategyAnchor      = "strategy "
)

// anchorMasks[k] is the trigger set of headAnchors[k].
var anchorMasks = func() (m [len(headAnchors)]triggerSet) {
	for k, a := range headAnchors {
		m[k] = maskOf(a)
	}
	return m
}()

// developmentAnchors[k] is the index in headAnchors of the anchor
// developmentHeads[k] holds.
var developmentAnchors = func() []int {
	out := make([]int, len(developmentHeads))
	for k, h := range developmentHeads {
		out[k] = -1
		for a, w := range headAnchors {
			if strings.Contains(h, w) {
				out[k] = a
				break
			}
		}
		if out[k] < 0 {
			panic("extract: development head holds no anchor: " + h)
		}
	}
	for _, op := range strategyOpeners {
		if !strings.Contains(op, strategyAnchor) {
			panic("extract: strategy opener without " + strategyAnchor + ": " + op)
		}
	}
	return out
}()

// indexAll returns where sub occurs in s, overlapping occurrences included.
func indexAll(s, sub string) []int {
	var out []int
	for off := 0; ; {
		i := strings.Index(s[off:], sub)
		if i < 0 {
			return out
		}
		out = append(out, off+i)
		off += i + 1
	}
}

// phraseStarts returns, in order, where phrase occurs in s without
// overlapping an earlier occurrence (as a strings.Index loop finds them),
// given where s holds anchor, a part of phrase. No occurrence of the
// phrase goes without its anchor, so only those places are tried.
func phraseStarts(s, phrase, anchor string, anchorAt []int) []int {
	k := strings.Index(phrase, anchor)
	var out []int
	next := 0 // where the next occurrence may start
	for _, p := range anchorAt {
		if i := p - k; i >= next && strings.HasPrefix(s[i:], phrase) {
			out = append(out, i)
			next = i + len(phrase)
		}
	}
	return out
}

// strategySpans finds strategies written in lower case, ending at the first
// place they name, and later repetitions of the phrases already found.
func strategySpans(text, lower string, trig *triggerSet, places []*span, known *strategyNames) []*span {
	var out []*span
	add := func(start int, fromOpener bool) {
		for strings.HasPrefix(lower[start:], "the ") || strings.HasPrefix(lower[start:], "promote ") || strings.HasPrefix(lower[start:], "promoting ") {
			start += strings.IndexByte(lower[start:], ' ') + 1
		}
		var end int
		var last *span
		for _, p := range places {
			if p.start >= start && p.start-start < 80 {
				end, last = p.end, p
				break
			}
		}
		if end == 0 || strings.ContainsAny(text[start:end], ",;") {
			return
		}
		phrase := text[start:end]
		lp := lower[start:end] // strings.ToLower(phrase) when the phrase is ASCII
		if !isASCII(phrase) {
			lp = strings.ToLower(phrase)
		}
		if !fromOpener && (!startsWithAny(lp, developmentHeads) || last.typ != ontology.Region) {
			return // "the integrated development of Sichuan and Chongqing" is cooperation, not a strategy
		}
		name := canonicalStrategy(phrase)
		if last.typ != ontology.Region {
			last = nil // only a region a strategy names is a mention of its own
		}
		known.add(lp, name)
		out = append(out, &span{start: start, end: end, surface: phrase, kind: spanName,
			typ: ontology.Strategy, name: name, known: -1, poss: possessiveAt(text, end), inner: last})
	}
	// each opener and head holds a trigger word: the phrases are found
	// where their trigger words are, which the sentence is searched for
	// once each, and only when it holds them
	var at [len(headAnchors)][]int
	for k, a := range headAnchors {
		if trig.hasMask(&anchorMasks[k]) {
			at[k] = indexAll(lower, a)
		}
	}
	if at[strategyAnchorIndex] != nil {
		for _, op := range strategyOpeners {
			for _, i := range phraseStarts(lower, op, strategyAnchor, at[strategyAnchorIndex]) {
				add(i+len(op), true)
			}
		}
	}
	for k, h := range developmentHeads {
		a := developmentAnchors[k]
		if at[a] == nil {
			continue // the head's anchor, so the head, is not in the sentence
		}
		for _, i := range phraseStarts(lower, h, headAnchors[a], at[a]) {
			if boundaryBefore(lower, i) {
				add(i, false)
			}
		}
	}
	for k, phrase := range known.phrases {
		if !trig.hasAll(&known.needs[k]) {
			continue // a trigger word of the phrase is missing, so is the phrase
		}
		name := known.name[phrase]
		for off := 0; ; {
			i := strings.Index(lower[off:], phrase)
			if i < 0 {
				break
			}
			i += off
			off = i + len(phrase)
			out = append(out, &span{start: i, end: i + len(phrase), surface: text[i : i+len(phrase)],
				kind: spanName, typ: ontology.Strategy, name: name, known: -1, poss: possessiveAt(text, i+len(phrase))})
		}
	}
	return out
}

// strategyNames are the strategy phrases a document has named so far, to
// be found again in later sentences. They are read in sorted order: merge
// breaks ties by list order, so a map's random order could change which
// of two equal spans is kept from run to run.
type strategyNames struct {
	name    map[string]string // lower-case phrase -> strategy name
	phrases []string          // the keys of name, sorted
	needs   []triggerSet      // needs[k]: the trigger words phrases[k] contains
}

// add records the name of a phrase, the last one given winning.
func (n *strategyNames) add(phrase, name string) {
	if n.name == nil {
		n.name = map[string]string{}
	}
	if _, ok := n.name[phrase]; !ok {
		k, _ := slices.BinarySearch(n.phrases, phrase)
		n.phrases = slices.Insert(n.phrases, k, phrase)
		n.needs = slices.Insert(n.needs, k, triggersIn(phrase))
	}
	n.name[phrase] = name
}

// triggersIn returns the set of trigger words s contains.
func triggersIn(s string) triggerSet {
	var t triggerSet
	for i, w := range triggerWords {
		if strings.Contains(s, w) {
			t.set(i)
		}
	}
	return t
}

func startsWithAny(s string, ps []string) bool {
	for _, p := range ps {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// canonicalStrategy names a strategy from its phrase: "revitalizing
// Northeast China" -> "Revitalization of Northeast China".
func canonicalStrategy(phrase string) string {
	if rest, ok := strings.CutPrefix(phrase, "revitalizing "); ok {
		return "Revitalization of " + rest
	}
	return upperFirst(phrase)
}
