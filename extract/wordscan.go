package extract

import "strings"

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
	case "took", "take", "takes", "taking", "taken", "brought", "bringing":
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
		switch {
		case implWords.has(w):
			out = append(out, [2]int{start, end})
		case w == "carry" || w == "carries" || w == "carried" || w == "carrying":
			if followedBy(s, end, "out") {
				out = append(out, [2]int{start, end + 4})
			}
		case w == "act" || w == "acted" || w == "acts" || w == "acting":
			if followedBy(s, end, "on") {
				out = append(out, [2]int{start, end + 3})
			}
		case w == "advance" || w == "advances" || w == "advancing" || w == "advanced" && followedBy(s, end, "the"):
			// "advance the Silk Road Economic Belt initiative": the
			// strategy must follow at once (see advanceObject)
			out = append(out, [2]int{start, end})
		case w == "part":
			if tookPart(s, start) && followedBy(s, end, "in") {
				out = append(out, [2]int{start, end + 3}) // "take part in"
			}
		case w == "put":
			if strings.HasPrefix(s[end:], " into practice") && (end+14 == len(s) || !isWordByte(s[end+14])) {
				out = append(out, [2]int{start, end + 14})
			}
		}
		return true
	})
	return out
}

func setOf(words string) *wordSet { return newWordSet(strings.Fields(words)...) }
