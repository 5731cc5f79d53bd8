package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// sentence is one cleaned sentence of a document.
type sentence struct {
	index   int    // 1-based
	text    string // as it appears in the cleaned document
	kind    blockKind
	speaker string // the current speaker of a transcript, if any
	lower   string // text with ASCII letters lower-cased, same offsets
	ws      []word // the tokens of text, cut once for every stage
	trig    triggerSet
}

// docText holds the lower-cased text of every sentence of a document,
// joined by newlines, so that the name automaton scans the document in few
// passes.
type docText struct {
	lower string
	bytes []byte // lower's array, never written to
	offs  []int  // offs[i] is where sentence i starts in lower
}

// abbreviations end with a period that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "no": true, "nos": true,
	"co": true, "ltd": true, "inc": true, "corp": true, "st": true, "vs": true, "etc": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "e.g": true, "i.e": true,
	"u.s": true, "u.k": true, "gov": true, "govt": true, "dept": true, "approx": true,
	"fig": true, "vol": true, "art": true, "para": true, "jr": true, "sr": true, "gen": true,
}

// monthNames are month words, full and short.
var monthNames = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
	"sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// sentencesText splits cleaned blocks into numbered sentences, labels and
// speaker turns being sentences of their own, and returns the document's
// lower-cased sentence text too. The sentences' lower texts are slices of one string and
// their words slices of shared arrays, to spare an allocation each.
func sentencesText(blocks []block, sc *scratch) ([]sentence, docText) {
	// split first, so that the sentences are allocated once
	split := make([][]string, len(blocks))
	var all []string // the sentences of every paragraph, in one array grown by doubling
	n := 0
	for k, b := range blocks {
		if b.kind != prose {
			n++
			continue
		}
		n0 := len(all)
		all = appendSentences(all, b.text)
		// an append that moves all leaves this array as it is
		split[k] = all[n0:len(all):len(all)]
		n += len(split[k])
	}
	out := sc.sents[:0]
	if cap(out) < n {
		out = make([]sentence, 0, n)
	}
	current := ""
	total := 0
	for k, b := range blocks {
		if b.kind == speaker || b.kind == asker {
			current = b.text
		}
		if b.kind != prose {
			out = append(out, sentence{index: len(out) + 1, text: b.text, kind: b.kind, speaker: current})
			total += len(b.text) + 1
			continue
		}
		for _, s := range split[k] {
			out = append(out, sentence{index: len(out) + 1, text: s, kind: prose, speaker: current})
			total += len(s) + 1
		}
	}
	// the text is built once, in its final array, lower-cased in place
	buf := make([]byte, 0, total)
	offs := make([]int, len(out))
	for i := range out {
		offs[i] = len(buf)
		buf = appendLowerASCII(buf, out[i].text)
		buf = append(buf, '\n')
	}
	// the string shares the array, which nothing writes to from here on:
	// the automaton reads it as bytes (docText.bytes) without a copy
	lower := unsafe.String(unsafe.SliceData(buf), len(buf))
	arena := sc.words[:0]
	for i := range out {
		s := &out[i]
		s.lower = lower[offs[i] : offs[i]+len(s.text)]
		// a sentence has at most one word a byte, so the words go straight
		// into the arena once it has room for that many; a full arena is
		// left to the sentences it holds, and a larger one, kept in the
		// scratch for the next document, takes its place
		if cap(arena)-len(arena) < len(s.text) {
			arena = make([]word, 0, max(len(s.text), 4096, 2*cap(arena)))
		}
		n := len(arena)
		arena = tokenizeAppend(arena, s.text)
		s.ws = arena[n:len(arena):len(arena)]
	}
	sc.words, sc.sents = arena, out
	return out, docText{lower: lower, bytes: buf, offs: offs}
}

// splitSentences cuts a paragraph at '.', '!' and '?' followed by space and
// an upper-case letter, a digit or a quote, unless the period ends a number,
// an abbreviation or an initial.
func splitSentences(p string) []string { return appendSentences(nil, p) }

// appendSentences appends the sentences of paragraph p to out.
func appendSentences(out []string, p string) []string {
	start := 0
	stops := stopFinder{p: p, next: [3]int{-1, -1, -1}}
	for i := 0; ; i++ {
		if i = stops.from(i); i >= len(p) {
			break
		}
		c := p[i]
		end := i + 1
		for end < len(p) && strings.IndexByte("\"'”’)", p[end]) >= 0 {
			end++
		}
		if end < len(p) && p[end] == 0xe2 { // curly quotes ” ’ (3 bytes)
			if r, n := utf8.DecodeRuneInString(p[end:]); r == '”' || r == '’' {
				end += n
			}
		}
		if end >= len(p) {
			break
		}
		if p[end] != ' ' {
			continue
		}
		next := end
		for next < len(p) && p[next] == ' ' {
			next++
		}
		if next >= len(p) || !opensSentence(p[next:]) {
			continue
		}
		if c == '.' && !endsWithStop(p[start:i]) {
			continue
		}
		out = append(out, strings.TrimSpace(p[start:end]))
		start = next
		i = next - 1
	}
	if s := strings.TrimSpace(p[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// stopFinder finds the '.', '!' and '?' of a paragraph with
// strings.IndexByte, which scans many bytes an instruction, instead of
// testing each byte: most bytes end no sentence.
type stopFinder struct {
	p    string
	next [3]int // where each stop byte next occurs, len(p) for never, -1 for not yet looked for
}

var stopBytes = [3]byte{'.', '!', '?'}

// from returns the position of the first stop byte at or after i, or
// len(p) when there is none.
func (f *stopFinder) from(i int) int {
	first := len(f.p)
	for k, c := range stopBytes {
		if f.next[k] < i && f.next[k] < len(f.p) {
			f.next[k] = len(f.p)
			if i < len(f.p) {
				if j := strings.IndexByte(f.p[i:], c); j >= 0 {
					f.next[k] = i + j
				}
			}
		}
		first = min(first, f.next[k])
	}
	return first
}

func opensSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '“' || r == '\'' || r == '‘' || r == '('
}

// endsWithStop reports whether the text before a period ends a sentence:
// not an abbreviation ("Mr"), not a single initial ("J"), not "No".
func endsWithStop(before string) bool {
	j := len(before)
	for j > 0 && before[j-1] != ' ' && before[j-1] != '(' && before[j-1] != '"' {
		j--
	}
	word := before[j:]
	if !isASCII(word) {
		word = strings.ToLower(word)
	}
	// word is lower case, or ASCII, whose case neither lowerIn nor the
	// test of a single letter below minds
	if word == "" {
		return true
	}
	if lowerIn(abbreviations, word) {
		return false
	}
	if len(word) == 1 && unicode.IsLetter(rune(word[0])) {
		return false
	}
	return true
}
