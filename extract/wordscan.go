package extract

import (
	"slices"
	"strings"
)

// Token scans that replace whole-sentence regular expressions: the verbs
// of moving, receiving, working together and implementing, found word by
// word in a lower-case sentence. A word is a run of [a-z0-9_], as \w is.

// scanWords calls fn with each word of the lower-case s and its offsets,
// until fn returns false.
func scanWords(s string, fn func(w string, start, end int) bool) {
	for i := 0; i < len(s); {
		if !isWordByte(s[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(s) && isWordByte(s[j]) {
			j++
		}
		if !fn(s[i:j], i, j) {
			return
		}
		i = j
	}
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '_' || b >= 'A' && b <= 'Z'
}

// anyWord reports whether a word of s passes ok.
func anyWord(s string, ok func(s, w string, end int) bool) bool {
	found := false
	scanWords(s, func(w string, _, end int) bool {
		found = ok(s, w, end)
		return !found
	})
	return found
}

// followedBy reports whether s continues at end with " " + word and a word
// boundary.
func followedBy(s string, end int, word string) bool {
	if !strings.HasPrefix(s[end:], " "+word) {
		return false
	}
	e := end + 1 + len(word)
	return e == len(s) || !isWordByte(s[e])
}

var moveWords = setOf("move moved moves moving transfer transferred transfers transferring transfered transfering shift shifted shifting introduced introducing")

// moveWord: mov(e|ed|es|ing), relocat*, transferr?(ed|ing|s)?, shift(ed|ing)?, migrat*, introduc(ed|ing).
func moveWord(_, w string, _ int) bool {
	return moveWords.has(w) || strings.HasPrefix(w, "relocat") || strings.HasPrefix(w, "migrat")
}

var receiveWords = setOf("receive received receives receiving attract attracted attracts attracting " +
	"drew draw draws drawn drawing landed absorb absorbs absorbed absorbing introduce introduces introduced introducing " +
	"undertake undertakes undertook undertaken undertaking")

// receiveWord: receiv(e|ed|es|ing), attract(ed|s|ing), took/take/takes/
// taking/taken in, drew/draw(s|n|ing), landed, brought/bringing in,
// absorb(s|ed|ing), introduc(e|es|ed|ing), undert(ake|akes|ook|aken|aking).
func receiveWord(s, w string, end int) bool {
	if receiveWords.has(w) {
		return true
	}
	switch w {
	case "took", "take", "takes", "taking", "taken", "brought", "bringing", "bring", "brings":
		return followedBy(s, end, "in")
	}
	return false
}

var coopWords = setOf("work works worked working pair paired pairing agreement agreements teamed built established together formed " +
	"memorandum memorandums memoranda")

// coopWord: work(s|ed|ing), cooperat*, collaborat*, pair(ed|ing), partner*,
// agreement(s), teamed, joined hands, built, set up, established, co-*,
// together, formed ("has formed a metropolitan area with Y").
func coopWord(s, w string, end int) bool {
	switch {
	case coopWords.has(w), strings.HasPrefix(w, "cooperat"), strings.HasPrefix(w, "collaborat"), strings.HasPrefix(w, "partner"):
		return true
	case w == "joined":
		return followedBy(s, end, "hands")
	case w == "set":
		return followedBy(s, end, "up")
	case w == "co":
		return end+1 < len(s) && s[end] == '-' && isWordByte(s[end+1])
	case w == "share" || w == "shares" || w == "shared" || w == "sharing":
		return sharesWith(s, end)
	case w == "ties":
		return deepenedTies(s, end-len(w))
	}
	return false
}

var implWords = setOf("implement implements implemented implementing undertake undertakes undertook undertaking execute executes executed executing")

// implMatches returns the spans of the verbs of implementing:
// implement(s|ed|ing), carr(y|ies|ied|ying) out, act(ed|s|ing) on,
// undertake..., put into practice, execute...
func implMatches(s string) [][2]int {
	var out [][2]int
	scanWords(s, func(w string, start, end int) bool {
		if m, ok := implMatch(s, w, start, end); ok {
			out = append(out, m)
		}
		return true
	})
	return out
}

// implMatch returns the match of implMatches that the word w of s, from
// start to end, opens, if any.
func implMatch(s, w string, start, end int) ([2]int, bool) {
	switch {
	case implWords.has(w):
		return [2]int{start, end}, true
	case w == "carry" || w == "carries" || w == "carried" || w == "carrying":
		if followedBy(s, end, "out") {
			return [2]int{start, end + 4}, true
		}
		if followedBy(s, end, "forward") {
			return [2]int{start, end + len(" forward")}, true // "shall carry forward the ... strategy"
		}
	case w == "act" || w == "acted" || w == "acts" || w == "acting":
		if followedBy(s, end, "on") {
			return [2]int{start, end + 3}, true
		}
	case w == "advance" || w == "advances" || w == "advancing" || w == "advanced" && followedBy(s, end, "the"):
		// "advance the Silk Road Economic Belt initiative": the
		// strategy must follow at once (see advanceObject)
		return [2]int{start, end}, true
	case w == "take" || w == "takes" || w == "took" || w == "taken":
		if strings.HasPrefix(s[end:], " part in") && (end+8 == len(s) || !isWordByte(s[end+8])) {
			return [2]int{end + 1, end + 8}, true // "take part in": the match is "part in"
		}
	case w == "put":
		if strings.HasPrefix(s[end:], " into practice") && (end+14 == len(s) || !isWordByte(s[end+14])) {
			return [2]int{start, end + 14}, true
		}
	}
	return [2]int{}, false
}

// implMatchesIn is implMatches(lower) for a sentence whose trigger set is
// trig, looking only at the words where a stem of the verbs starts.
func implMatchesIn(lower string, trig *triggerSet) [][2]int {
	var out [][2]int
	implSearch.words(lower, trig, func(start, end int) bool {
		if m, ok := implMatch(lower, lower[start:end], start, end); ok && !slices.Contains(out, m) {
			out = append(out, m)
		}
		return false
	})
	// in the order of the text, as the scan finds them; a word opens one
	// match at most, so no two start together
	slices.SortFunc(out, func(a, b [2]int) int { return a[0] - b[0] })
	return out
}

func setOf(words string) *wordSet { return newWordSet(strings.Fields(words)...) }

// stemSearch finds the words of a lower-case sentence that a word test
// may pass without scanning every word: each word the test passes holds
// one of the needles (which may run on past the word: "took in"), and a
// needle is looked for only when the sentence holds its trigger word.
type stemSearch []stemNeedle

// stemNeedle is a needle and the index of its trigger word, -1 for none.
type stemNeedle struct {
	needle string
	trig   int
}

// stemsOf returns the search for stems, each its own trigger word, and for
// the needles of more, each given with its trigger word. A stem that
// starts with a space (" ties") is looked for without it, in every
// sentence: a word may also follow another byte that is no word's.
func stemsOf(stems []string, more ...[2]string) stemSearch {
	var ss stemSearch
	for _, st := range stems {
		if t := strings.TrimLeft(st, " "); t != st {
			ss = append(ss, stemNeedle{needle: t, trig: -1})
			continue
		}
		more = append(more, [2]string{st, st})
	}
	for _, m := range more {
		i, ok := triggerIndex[m[1]]
		if !ok || !isWordByte(m[0][0]) || !strings.Contains(m[0], m[1]) {
			panic("extract: bad stem " + m[0])
		}
		ss = append(ss, stemNeedle{needle: m[0], trig: i})
	}
	return ss
}

// anyWord is anyWord(lower, ok) for an ok that passes only words where a
// needle of ss starts; trig is the trigger set of the sentence lower.
func (ss stemSearch) anyWord(lower string, trig *triggerSet, ok func(s, w string, end int) bool) bool {
	return ss.words(lower, trig, func(start, end int) bool { return ok(lower, lower[start:end], end) })
}

// words calls fn with the bounds of each word of the sentence lower where
// a needle of ss starts, needle by needle, until fn returns true, and
// reports whether it did; trig is the sentence's trigger set.
func (ss stemSearch) words(lower string, trig *triggerSet, fn func(start, end int) bool) bool {
	for _, n := range ss {
		if n.trig >= 0 && !trig.hasIndex(n.trig) {
			continue
		}
		for off := 0; ; {
			i := strings.Index(lower[off:], n.needle)
			if i < 0 {
				break
			}
			start, end := wordAround(lower, off+i)
			if fn(start, end) {
				return true
			}
			off = end // past the word, which the needle's first byte is part of
		}
	}
	return false
}

// wordAround returns the bounds of the word of s that holds byte i, a
// word byte.
func wordAround(s string, i int) (int, int) {
	start, end := i, i+1
	for start > 0 && isWordByte(s[start-1]) {
		start--
	}
	for end < len(s) && isWordByte(s[end]) {
		end++
	}
	return start, end
}

// The searches of the word tests that read whole sentences.
var (
	moveSearch    = stemsOf(moveStems)
	receiveSearch = stemsOf(receiveStems)
	coopSearch    = stemsOf(coopStems, [2]string{"joined hands", "hands"})
	implSearch    = stemsOf(implStems, [2]string{"put into practice", "practice"}, [2]string{"take part in", "take"}, [2]string{"takes part in", "take"}, [2]string{"taken part in", "take"}, [2]string{"took part in", "took"})
)
