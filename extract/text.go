package extract

import (
	"encoding/binary"
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is a token of a sentence for the pattern rules. It holds no
// pointer: a document's words fill arrays of megabytes, which the garbage
// collector then need not scan, and its text is read from the sentence.
// Its offsets are 32 bits, half the size of ints, as the arrays are the
// largest an extraction allocates; Extract takes no text longer than they
// can count.
type word struct {
	start, end int32 // byte offsets; end excludes a possessive 's
	poss       bool  // followed by 's or ’s
	caps       bool  // capitalised(text): asked of most words by several stages
}

// text returns the token without a possessive 's; s is the text of the
// sentence the word was cut from.
func (w word) text(s string) string { return s[w.start:w.end] }

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// tokenizeAppend cuts s into words and appends them to out: letters,
// digits, internal apostrophes, hyphens, ampersands and dots ("Xi'an",
// "Guangdong-Hong", "China.org.cn", "Co."), and single-character tokens for
// parentheses. Most bytes are ASCII, so an ASCII byte is classified by
// table and only other bytes are decoded as runes.
func tokenizeAppend(out []word, s string) []word {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case asciiWord[c]:
				// the common case, inline: a run of ASCII letters and
				// digits ended by a space, then a word of that run alone
				j := i + 1
				for j < len(s) && asciiWord[s[j]] {
					j++
				}
				if j < len(s) && s[j] != ' ' {
					j = wordEnd(s, i, j) // something else may go on the word
				}
				if plainWord(s, c, j) {
					out = append(out, word{start: int32(i), end: int32(j), caps: 'A' <= c && c <= 'Z'})
				} else {
					out = appendWord(out, s, i, j)
				}
				i = j
				if i < len(s) && s[i] == ' ' {
					i++ // the space after most words, which starts none
				}
			case c == '(' || c == ')':
				out = append(out, word{start: int32(i), end: int32(i + 1)})
				i++
			default:
				i++ // the common case between words: a space or punctuation
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isWordRune(r) {
			i += n
			continue
		}
		j := wordEnd(s, i, i+n)
		out = appendWord(out, s, i, j)
		i = j
	}
	return out
}

// wordEnd returns where the word that starts at i ends, scanning from j.
func wordEnd(s string, i, j int) int {
	for j < len(s) {
		c := s[j]
		if asciiWord[c] {
			j++ // the common case: an ASCII letter or digit
			continue
		}
		if c == ' ' {
			break // the next common case: a space ends the word
		}
		r2, n2 := decodeRune(s, j)
		if isWordRune(r2) {
			j += n2
			continue
		}
		if r2 == ',' && j > i && isDigitByte(s[j-1]) && j+4 <= len(s) && allDigits(s[j+1:j+4]) && (j+4 == len(s) || !isDigitByte(s[j+4])) {
			j += 4
			continue
		}
		if (r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' || r2 == '&') && j+n2 < len(s) {
			r3, _ := decodeRune(s, j+n2)
			if isWordRune(r3) {
				j += n2
				continue
			}
		}
		break
	}
	return j
}

// plainWord reports whether the word that starts with the ASCII letter or
// digit c and ends at j needs none of appendWord's care: it starts with no
// digit (which capitalised reads as an ordinal's), it ends in no s, and no
// period follows it. The cheapest test goes first.
func plainWord(s string, c byte, j int) bool {
	return c > '9' && s[j-1] != 's' && (j == len(s) || s[j] != '.')
}

// appendWord appends the word s[i:j], taking in an abbreviation's period
// and leaving out a possessive 's.
func appendWord(out []word, s string, i, j int) []word {
	w := word{start: int32(i), end: int32(j)}
	if j < len(s) && s[j] == '.' && lowerIn(abbreviations, s[i:j]) {
		w.end++
	}
	if t := s[w.start:w.end]; mayBePossessive(t) {
		if t, ok := cutPossessive(t); ok {
			w.poss = true
			w.end = w.start + int32(len(t))
		}
	}
	if c := s[i]; c < utf8.RuneSelf && (c < '0' || c > '9') {
		w.caps = 'A' <= c && c <= 'Z' // capitalised's ASCII case, without the call
	} else {
		w.caps = capitalised(s[w.start:w.end])
	}
	return append(out, w)
}

// asciiWord marks the ASCII bytes isWordRune accepts.
var asciiWord = func() (t [256]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

// decodeRune is utf8.DecodeRuneInString(s[i:]) with a fast path for ASCII.
func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// mayBePossessive is a quick test that t may end with 's or ’s (whose
// bytes are e2 80 99 73) after at least one more byte, before
// cutPossessive: most words do not end with s.
func mayBePossessive(t string) bool {
	n := len(t)
	return n >= 3 && t[n-1] == 's' && (t[n-2] == '\'' || t[n-2] == 0x99)
}

// cutPossessive removes a final 's or ’s, keeping "People's".
func cutPossessive(t string) (string, bool) {
	if t == "" || t[len(t)-1] != 's' {
		return t, false
	}
	for _, suf := range []string{"'s", "’s"} {
		if strings.HasSuffix(t, suf) && len(t) > len(suf) {
			base := t[:len(t)-len(suf)]
			if strings.EqualFold(base, "people") {
				return t, false
			}
			return base, true
		}
	}
	return t, false
}

// capitalised reports whether a token starts with an upper-case letter or is
// an ordinal or number that may open a name ("14th").
func capitalised(t string) bool {
	if t != "" && t[0] < utf8.RuneSelf && (t[0] < '0' || t[0] > '9') {
		return 'A' <= t[0] && t[0] <= 'Z' // unicode.IsUpper on ASCII
	}
	r, _ := utf8.DecodeRuneInString(t)
	if unicode.IsUpper(r) {
		return true
	}
	if unicode.IsDigit(r) {
		l := strings.ToLower(t)
		return strings.HasSuffix(l, "th") || strings.HasSuffix(l, "st") || strings.HasSuffix(l, "nd") || strings.HasSuffix(l, "rd")
	}
	return false
}

// indexSpaced is strings.Index(s, sub) for a sub that starts with a space
// (" to "): it looks for the rest of sub and then for the space before it,
// as a search for a needle that starts with the commonest byte of a text
// stops at every space.
func indexSpaced(s, sub string) int {
	rest := sub[1:]
	for off := 1; off <= len(s); {
		j := strings.Index(s[off:], rest)
		if j < 0 {
			return -1
		}
		if i := off + j - 1; s[i] == sub[0] {
			return i
		}
		off += j + 1
	}
	return -1
}

// isASCII reports whether s is all ASCII, so that its ASCII lower case
// (as in a sentence's lower text) is strings.ToLower(s).
func isASCII(s string) bool {
	for len(s) >= 8 { // eight bytes at a time: the high bit of any is set
		if load64(s)&0x8080808080808080 != 0 {
			return false
		}
		s = s[8:]
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// load64 returns the first eight bytes of s as a little-endian word, which
// the compiler reads with one load.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// lowerASCII lower-cases ASCII letters only, so offsets are kept.
func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// hasWordSuffix reports strings.HasSuffix(s, " "+w) without joining them.
func hasWordSuffix(s, w string) bool {
	return len(s) > len(w) && s[len(s)-len(w)-1] == ' ' && s[len(s)-len(w):] == w
}

// lookupLower is m[strings.ToLower(t)] without allocating for short ASCII
// words: the lower-cased key is built on the stack.
func lookupLower[V any](m map[string]V, t string) (V, bool) {
	if len(t) <= 32 {
		var buf [32]byte
		b := buf[:len(t)]
		ascii := true
		for i := 0; i < len(t); i++ {
			c := t[i]
			if c >= utf8.RuneSelf {
				ascii = false
				break
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[i] = c
		}
		if ascii {
			v, ok := m[string(b)]
			return v, ok
		}
	}
	v, ok := m[strings.ToLower(t)]
	return v, ok
}

// lowerIn is lookupLower for a set.
func lowerIn(m map[string]bool, t string) bool {
	v, _ := lookupLower(m, t)
	return v
}

// lowerScale is scales[strings.ToLower(t)].
func lowerScale(t string) float64 {
	v, _ := lookupLower(scales, t)
	return v
}

// appendLowerASCII appends s to b with ASCII letters lower-cased: copied
// whole, then lower-cased in place eight bytes at a time, which is faster
// than byte by byte.
func appendLowerASCII(b []byte, s string) []byte {
	n := len(b)
	b = append(b, s...)
	t := b[n:]
	i := 0
	for ; i+8 <= len(t); i += 8 {
		x := binary.LittleEndian.Uint64(t[i:])
		if m := upperASCII(x); m != 0 {
			binary.LittleEndian.PutUint64(t[i:], x|m>>2) // 0x80>>2 is 'a'-'A'
		}
	}
	for ; i < len(t); i++ {
		if c := t[i]; c >= 'A' && c <= 'Z' {
			t[i] = c + 'a' - 'A'
		}
	}
	return b
}

// upperASCII returns a word with 0x80 in each byte of x that is an ASCII
// upper-case letter and 0 in the others. Adding to the low seven bits of
// each byte sets its high bit when the byte is at least 'A' (a), or above
// 'Z' (z), without a carry into the next byte; bytes with their own high
// bit set are not ASCII and are left out.
func upperASCII(x uint64) uint64 {
	const ones = 0x0101010101010101
	low := x & (0x7f * ones)
	a := low + (0x80-'A')*ones
	z := low + (0x80-'Z'-1)*ones
	return a &^ z &^ x & (0x80 * ones)
}

// boundaryBefore reports whether a name may start at i.
func boundaryBefore(s string, i int) bool {
	if i == 0 {
		return true
	}
	if c := s[i-1]; c < utf8.RuneSelf {
		return !asciiWord[c] && c != '\'' // the rune before, when it is ASCII
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return !isWordRune(r) && r != '\'' && r != '’'
}

// boundaryAfter reports whether a name may end at i.
func boundaryAfter(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	if c := s[i]; c < utf8.RuneSelf && c != '\'' {
		return !asciiWord[c] // the rune after, when it is ASCII and no apostrophe
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	if r == '\'' || r == '’' {
		return strings.HasPrefix(s[i+utf8.RuneLen(r):], "s") && boundaryAfter(s, i+utf8.RuneLen(r)+1)
	}
	return !isWordRune(r)
}

// possessiveAt reports whether s has "'s" or "’s" at i.
func possessiveAt(s string, i int) bool {
	return strings.HasPrefix(s[i:], "'s") || strings.HasPrefix(s[i:], "’s")
}

// hasPrefixFold reports whether s starts with the lower-case prefix p,
// ignoring ASCII case.
func hasPrefixFold(s, p string) bool {
	return len(s) >= len(p) && strings.EqualFold(s[:len(p)], p)
}

// titleCase upper-cases the first letter of each space-separated word.
func titleCase(s string) string {
	f := strings.Fields(s)
	for i, w := range f {
		r, n := utf8.DecodeRuneInString(w)
		f[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(f, " ")
}

// upperFirst upper-cases the first letter of s.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
