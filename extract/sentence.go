package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
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

// newSentence numbers and tokenises one sentence.
func newSentence(index int, text string, kind blockKind, speaker string) sentence {
	return sentence{index: index, text: text, kind: kind, speaker: speaker, lower: lowerASCII(text), ws: tokenize(text)}
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

// sentences splits cleaned blocks into numbered sentences. Labels and
// speaker turns are sentences of their own.
func sentences(blocks []block) []sentence {
	var out []sentence
	current := ""
	for _, b := range blocks {
		if b.kind == speaker || b.kind == asker {
			current = b.text
		}
		if b.kind != prose {
			out = append(out, newSentence(len(out)+1, b.text, b.kind, current))
			continue
		}
		for _, s := range splitSentences(b.text) {
			out = append(out, newSentence(len(out)+1, s, prose, current))
		}
	}
	return out
}

// splitSentences cuts a paragraph at '.', '!' and '?' followed by space and
// an upper-case letter, a digit or a quote, unless the period ends a number,
// an abbreviation or an initial.
func splitSentences(p string) []string {
	var out []string
	start := 0
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
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
	word := strings.ToLower(before[j:])
	if word == "" {
		return true
	}
	if abbreviations[word] {
		return false
	}
	if len(word) == 1 && unicode.IsLetter(rune(word[0])) {
		return false
	}
	return true
}
