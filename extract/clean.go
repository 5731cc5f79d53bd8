package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// blockKind says what a block of cleaned text is.
type blockKind int

const (
	prose   blockKind = iota // paragraph of running text
	speaker                  // a transcript speaker label ("Zhang Chengzhong:")
	label                    // a heading or an outlet named by the page chrome
	asker                    // a transcript turn label that asks: a reporter's outlet ("CCTV:")
)

// block is one unit of cleaned text.
type block struct {
	kind blockKind
	text string
}

// clean turns a saved web page's text into blocks: it drops navigation,
// pagination, share and footer chrome, keeps the outlets that "Updated:",
// "Source:" and copyright lines name, marks speaker turns and strips
// "Q:"/"A:" and dateline prefixes.
func clean(text string) []block {
	var out []block
	lines := 0 // non-empty lines so far
	related := false
	prev := "" // the last non-empty line
	for _, raw := range strings.Split(text, "\n") {
		line := strings.TrimSpace(strings.ReplaceAll(raw, "\u00a0", " "))
		if line == "" {
			continue
		}
		lines++
		if lines <= bylineLines && authorAfterUpdated(prev, line) {
			out = append(out, block{label, "Editor " + line})
			prev = line
			continue
		}
		prev = line
		var item bool // an item of a list of related stories
		item, related = relatedLinks(line, related)
		if name, ok := bylineName(line); ok {
			out = append(out, block{label, "Editor " + name})
			continue
		}
		if names := editorList(line); names != nil {
			for _, n := range names {
				out = append(out, block{label, "Editor " + n})
			}
			continue
		}
		if lines <= bylineLines {
			if names, place, rest, ok := byLine(line); ok {
				for _, n := range names {
					out = append(out, block{label, "Editor " + n})
				}
				if place != "" {
					out = append(out, block{label, place})
				}
				if line = rest; line == "" {
					continue
				}
			}
		}
		if outlets, ok := outletLine(line); ok {
			for _, o := range outlets {
				if o = strings.TrimSpace(o); o != "" { // "Copyright. ." names none
					out = append(out, block{label, o})
				}
			}
			if name, ok := chromeByline(line); ok {
				out = append(out, block{label, "Editor " + name})
			}
			continue
		}
		if isChrome(line) {
			continue
		}
		if name, ok := speakerLabel(line); ok {
			out = append(out, block{speaker, name})
			continue
		}
		if a := datelineAgency(line); a != "" {
			out = append(out, block{label, a})
		}
		line = stripPrefixes(line)
		if line == "" {
			continue
		}
		kind := prose
		if !endsSentence(line) && atMostFields(line, 20) && (!figureBullet(line) || item) {
			kind = label
		}
		out = append(out, block{kind, line})
	}
	markAskers(out)
	return out
}

// atMostFields reports len(strings.Fields(s)) <= n, counting the fields
// only as far as the one past n.
func atMostFields(s string, n int) bool {
	count, inField := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			inField = false
			continue
		}
		if !inField {
			inField, count = true, count+1
			if count > n {
				return false
			}
		}
	}
	return true
}

// markAskers turns a speaker label that does not look like a person's name
// and whose turn asks a question into an asker: in a press-conference
// transcript that is the questioner's outlet ("CCTV:", "Bloomberg:").
func markAskers(bs []block) {
	for i := 0; i+1 < len(bs); i++ {
		if bs[i].kind != speaker || bs[i+1].kind != prose || !strings.Contains(bs[i+1].text, "?") {
			continue
		}
		if !personLike(bs[i].text) {
			bs[i].kind = asker
		}
	}
}

// personLike reports two or three capitalised words, none all upper case.
func personLike(name string) bool {
	f := strings.Fields(name)
	if len(f) < 2 || len(f) > 3 {
		return false
	}
	for _, w := range f {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || len(w) > 1 && strings.ToUpper(w) == w {
			return false
		}
	}
	return true
}

// bylineLines is how near the top of a page a "By ..." line is read as a
// byline: within its first lines, among the headline and the page chrome.
const bylineLines = 25

// byLine reads a news page's byline, "By HUANG YIFAN in Nanning | China
// Daily | Updated: ...", "By LI MING and ZHANG WEI", "By Wang Lei": the
// reporters' names, each two or three words and, when written in capitals,
// in normal capitalisation; the place after "in"; and what follows the
// first "|", for the outlet and date readers. A line that names anything
// but people ("By the end of 2024 ...", "By 2030, Guangxi will") is none.
func byLine(line string) (names []string, place, rest string, ok bool) {
	t, found := strings.CutPrefix(line, "By ")
	if !found {
		t, found = strings.CutPrefix(line, "BY ")
	}
	if !found {
		return nil, "", "", false
	}
	if i := strings.IndexByte(t, '|'); i >= 0 {
		t, rest = t[:i], strings.TrimSpace(t[i+1:])
	}
	t, rest = bylineOutlet(strings.TrimSpace(t), rest)
	if len(t) > 80 || endsSentence(t) && !strings.HasSuffix(t, ".") {
		return nil, "", "", false
	}
	t = strings.TrimSuffix(t, ".")
	if i := strings.LastIndex(t, " in "); i >= 0 {
		place = titleCaseName(strings.TrimSpace(t[i+len(" in "):]))
		t = t[:i]
		f := strings.Fields(place)
		if len(f) == 0 || len(f) > 3 {
			return nil, "", "", false
		}
		for _, w := range f {
			if !singleCapitalised(w) {
				return nil, "", "", false
			}
		}
	}
	t = strings.ReplaceAll(t, " and ", ", ")
	t = strings.ReplaceAll(t, " AND ", ", ")
	for _, n := range strings.Split(t, ",") {
		n = strings.Join(strings.Fields(n), " ")
		if n == "" {
			continue
		}
		n = titleCaseName(n)
		if !personLike(n) {
			return nil, "", "", false
		}
		for _, w := range strings.Fields(n) {
			if !personWord(w) || bylineStops[strings.ToLower(w)] {
				return nil, "", "", false // a headline: "By Road and Rail to Europe"
			}
		}
		names = append(names, n)
	}
	if len(names) == 0 {
		return nil, "", "", false
	}
	return names, place, rest, true
}

// bylineStops are words of title-case headlines that no name holds.
var bylineStops = map[string]bool{"to": true, "the": true, "of": true, "for": true, "with": true, "on": true,
	"at": true, "from": true, "a": true, "an": true, "by": true, "new": true, "more": true}

// singleCapitalised reports one capitalised word of letters: "Nanning".
func singleCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if w == "" || !unicode.IsUpper(r) {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '-' && r != '\'' {
			return false
		}
	}
	return true
}

// titleCaseName writes a name given in capitals, "HUANG YIFAN", as
// "Huang Yifan"; a name already in mixed case, or one with a word that is
// not all letters, is returned as it is.
func titleCaseName(n string) string {
	f := strings.Fields(n)
	for _, w := range f {
		for _, r := range w {
			if !unicode.IsLetter(r) && r != '-' || unicode.IsLower(r) {
				return n
			}
		}
	}
	for i, w := range f {
		parts := strings.Split(w, "-")
		for k, p := range parts {
			if p == "" {
				continue
			}
			r, size := utf8.DecodeRuneInString(p)
			parts[k] = string(unicode.ToUpper(r)) + strings.ToLower(p[size:])
		}
		f[i] = strings.Join(parts, "-")
	}
	return strings.Join(f, " ")
}

// bylines name a page's editor or reporter: "Editor: Zhang Yue",
// "[Editor: Zhang Yue]", "(Reporter: Lin Xiaoyu)".
var bylines = []string{"editor:", "reporter:", "writer:", "written by:", "edited by:"}

// bylineName returns the person a byline line names, if it names one
// written as a name (not a handle such as "huaxia").
func bylineName(line string) (string, bool) {
	if len(line) > 60 || strings.IndexByte(line, ':') < 0 {
		return "", false
	}
	t := strings.Trim(line, "[]() ")
	for _, b := range bylines {
		if hasLowerPrefix(t, b) {
			name := strings.TrimSpace(t[len(b):])
			if personLike(name) {
				return name, true
			}
			return "", false
		}
	}
	return "", false
}

var chromePrefixes = []string{
	"more from", "home >", "home|", "home |", "font:", "share", "print", "contact us",
	"related", "editor:", "top", "back to top", "sitemap", "previous", "next",
	"all rights reserved", "icp", "京icp", "e-mail", "email:", "tel:", "ㄑ",
}

// lowerLineHead is strings.ToLower of the first 32 runes of line: enough to test
// for a lower-case prefix of up to 32 bytes, as no rune lower-cases to
// nothing.
func lowerLineHead(line string) string {
	n := 0
	for i := range line {
		if n == 32 {
			return strings.ToLower(line[:i])
		}
		n++
	}
	return strings.ToLower(line)
}

// hasLowerPrefix reports strings.HasPrefix(strings.ToLower(line), p) for a
// lower-case p of up to 32 bytes. When the first bytes of line are ASCII it
// compares them folded, without lower-casing a copy.
func hasLowerPrefix(line, p string) bool {
	// when the first len(p) bytes are ASCII, so are the first len(p)
	// bytes of the lower-cased line, whatever follows them
	if len(line) >= len(p) && isASCII(line[:len(p)]) {
		return strings.EqualFold(line[:len(p)], p)
	}
	head := line[:min(len(line), 32)]
	for i := 0; i < len(head); i++ {
		if head[i] >= utf8.RuneSelf {
			return strings.HasPrefix(lowerLineHead(line), p)
		}
	}
	return len(head) >= len(p) && strings.EqualFold(head[:len(p)], p)
}

// isChrome reports whether a line is navigation or page furniture.
func isChrome(line string) bool {
	return chromePrefix(line) || isChromeBody(line)
}

// chromePrefix reports whether hasLowerPrefix(line, p) holds for one of
// chromePrefixes, examining the line's head once rather than per prefix.
func chromePrefix(line string) bool {
	if line != "" && line[0] < utf8.RuneSelf && !chromeInitial[lowerByte(line[0])] {
		return false // the lower-cased line starts with no prefix's first byte
	}
	head := line[:min(len(line), 32)]
	for i := 0; i < len(head); i++ {
		if head[i] >= utf8.RuneSelf {
			lh := lowerLineHead(line) // hasLowerPrefix's way with such a head
			for _, p := range chromePrefixes {
				if strings.HasPrefix(lh, p) {
					return true
				}
			}
			return false
		}
	}
	for _, p := range chromePrefixes {
		// an ASCII head: first bytes must agree (|0x20 lower-cases letters)
		if len(head) >= len(p) && head[0]|0x20 == p[0] && strings.EqualFold(head[:len(p)], p) {
			return true
		}
	}
	return false
}

// chromeInitial marks the first bytes of chromePrefixes.
var chromeInitial = func() (t [256]bool) {
	for _, p := range chromePrefixes {
		t[p[0]] = true
	}
	return t
}()

// isChromeBody reports navigation told by the whole line: separators and
// pagination.
func isChromeBody(line string) bool {
	if strings.Count(line, "|") >= 2 || strings.Count(line, ">") >= 2 && !endsSentence(line) {
		return true
	}
	return isPagination(line)
}

// isPagination reports lines such as "<  1  2  3  >" or "< Previous  Next >".
func isPagination(line string) bool {
	if line != "" && !paginationInitial[line[0]] {
		return false // the first field is none of those below
	}
	hasMark := false
	for rest := line; ; {
		f, more := nextField(rest)
		if f == "" {
			break
		}
		rest = more
		switch {
		case f == "<" || f == ">" || f == "<<" || f == ">>" || f == "..." || f == "…":
			hasMark = true
		case allDigits(f):
		case strings.EqualFold(f, "previous") || strings.EqualFold(f, "next") ||
			strings.EqualFold(f, "first") || strings.EqualFold(f, "last") || strings.EqualFold(f, "page"):
		default:
			return false
		}
	}
	return hasMark
}

// paginationInitial marks the bytes a line of pagination may start with:
// the first bytes of its fields (the letters of "previous", "next",
// "first", "last" and "page" in either case), spaces before them, and
// every byte of a rune that is not ASCII ("…", a wide space).
var paginationInitial = func() (t [256]bool) {
	for _, c := range []byte("<>.0123456789pnflPNFL \t\n\v\f\r") {
		t[c] = true
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = true
	}
	return t
}()

// nextField returns the first field of s as strings.Fields cuts it, and
// the text after it; the field is empty when none is left.
func nextField(s string) (field, rest string) {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if s == "" {
		return "", ""
	}
	i := strings.IndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return s, ""
	}
	return s[:i], s[i:]
}

// indexASCIIFold is strings.Index ignoring ASCII case, for a lower-case
// ASCII sub. Unlike searching strings.ToLower(s), its index is into s
// itself even when s holds invalid UTF-8, which ToLower widens.
func indexASCIIFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for j < len(sub) && lowerByte(s[i+j]) == sub[j] {
			j++
		}
		if j == len(sub) {
			return i
		}
	}
	return -1
}

func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// outletLine recognises "X Updated: date", "Source: X  Updated: ...",
// "Updated: date time X", "Copyright © X. All rights reserved." and
// "Sponsored by: X", returning the outlets named.
func outletLine(line string) ([]string, bool) {
	switch {
	case hasLowerPrefix(line, "copyright"):
		s := strings.TrimSpace(line[len("copyright"):])
		s = strings.TrimLeft(s, "©(c) 0123456789-")
		if i := indexASCIIFold(s, "all rights reserved"); i >= 0 {
			s = s[:i]
		}
		return nonEmpty(strings.Trim(strings.TrimSpace(s), ".,")), true
	case hasLowerPrefix(line, "sponsored by:"), hasLowerPrefix(line, "produced by:"):
		return nonEmpty(strings.TrimSpace(line[strings.Index(line, ":")+1:])), true
	case !hasUpdated(line) && !hasLowerPrefix(line, "source:"):
		return nil, false
	}
	var outlets []string
	for _, part := range splitChrome(line) {
		outlets = append(outlets, part...)
	}
	return outlets, true
}

// hasUpdated reports strings.Contains(strings.ToLower(line), "updated:")
// without lower-casing a copy: it looks at the word before each colon. No
// rune but an ASCII letter lower-cases to a letter of "updated".
func hasUpdated(line string) bool {
	for off := 0; ; {
		i := strings.IndexByte(line[off:], ':')
		if i < 0 {
			return false
		}
		i += off
		if i >= len("updated") && strings.EqualFold(line[i-len("updated"):i], "updated") {
			return true
		}
		off = i + 1
	}
}

// splitChrome cuts a dateline of page chrome into the outlet names it holds,
// dropping the field labels, dates and times.
func splitChrome(line string) [][]string {
	var out [][]string
	rest := line
	if i := strings.Index(rest, "Font:"); i >= 0 {
		rest = rest[:i]
	}
	for _, key := range []string{"Editor:", "editor:", "Reporter:", "Writer:"} {
		if i := strings.Index(rest, key); i >= 0 {
			rest = rest[:i] // a byline, not an outlet
		}
	}
	for _, key := range []string{"Updated:", "updated:", "Source:", "source:"} {
		rest = strings.ReplaceAll(rest, key, "\x00")
	}
	for _, seg := range strings.Split(rest, "\x00") {
		var words []string
		for _, f := range strings.Fields(strings.Trim(seg, " |")) {
			if isDateWord(f) {
				if len(words) > 0 {
					out = append(out, []string{strings.Join(words, " ")})
					words = nil
				}
				continue
			}
			words = append(words, f)
		}
		if len(words) > 0 && !(len(words) == 1 && len(words[0]) <= 1) {
			out = append(out, []string{strings.Join(words, " ")})
		}
	}
	return out
}

// isDateWord reports tokens of dates and times: "2024-06-18", "10:32",
// "Aug", "27,", "May".
func isDateWord(f string) bool {
	f = strings.Trim(f, ",.|")
	if f == "" {
		return true
	}
	if _, ok := lookupLower(monthNames, f); ok {
		return true
	}
	for _, r := range f {
		if !unicode.IsDigit(r) && r != '-' && r != ':' && r != '/' {
			return false
		}
	}
	return true
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

// speakerLabel recognises a transcript turn label: a short line ending in a
// colon, such as "Zhang Chengzhong:" or "Hebei Radio and TV Station:".
func speakerLabel(line string) (string, bool) {
	if !strings.HasSuffix(line, ":") {
		return "", false
	}
	name := strings.TrimSpace(strings.TrimSuffix(line, ":"))
	words := strings.Fields(name)
	if len(words) == 0 || len(words) > 8 || strings.ContainsAny(name, ".?!;,") && !strings.Contains(name, ".cn") {
		return "", false
	}
	r, _ := utf8.DecodeRuneInString(name)
	if !unicode.IsUpper(r) {
		return "", false
	}
	return name, true
}

// stripPrefixes removes interview markers ("Q:", "A:"), "Editor's note:"
// and news datelines ("SHENYANG, Aug. 26 -- ").
func stripPrefixes(line string) string {
	for _, p := range []string{"Q:", "A:", "Q.", "A.", "Editor's note:", "Editor’s note:", "Note:"} {
		if strings.HasPrefix(line, p) {
			line = strings.TrimSpace(line[len(p):])
		}
	}
	if i := indexBefore(line, " -- ", 50); i > 0 && isDateline(line[:i]) {
		line = strings.TrimSpace(line[i+4:])
	} else if i := indexBefore(line, " — ", 40); i > 0 && isDateline(line[:i]) {
		line = strings.TrimSpace(line[i+len(" — "):])
	}
	return line
}

// indexBefore is strings.Index(s, sub) when that is below limit, else -1;
// it reads only the head of a long paragraph.
func indexBefore(s, sub string, limit int) int {
	i := strings.Index(s[:min(len(s), limit-1+len(sub))], sub)
	if i >= limit {
		return -1
	}
	return i
}

// datelineAgency returns the agency a news dateline credits: "Xinhua" in
// "NANJING, April 12 (Xinhua) -- ...", or "".
func datelineAgency(line string) string {
	i := indexBefore(line, " -- ", 50)
	if i <= 0 || !isDateline(line[:i]) {
		return ""
	}
	d := strings.TrimSpace(line[:i])
	if !strings.HasSuffix(d, ")") {
		return ""
	}
	o := strings.LastIndexByte(d, '(')
	if o < 0 {
		return ""
	}
	return strings.TrimSpace(d[o+1 : len(d)-1])
}

// isDateline reports "SHENYANG, Aug. 26" and "BEIJING, March 5 (Xinhua)".
func isDateline(s string) bool {
	comma := strings.Index(s, ",")
	if comma <= 0 {
		return false
	}
	place := s[:comma]
	return strings.ToUpper(place) == place && strings.ToLower(place) != place
}

// endsSentence reports whether a line ends like a sentence.
func endsSentence(line string) bool {
	line = strings.TrimRight(line, "\"'”’) ")
	if line == "" {
		return false
	}
	switch line[len(line)-1] {
	case '.', '?', '!', ':', ';':
		return true
	}
	return false
}
