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
	for _, raw := range strings.Split(text, "\n") {
		line := strings.TrimSpace(strings.ReplaceAll(raw, "\u00a0", " "))
		if line == "" || isChrome(line) {
			continue
		}
		if outlets, ok := outletLine(line); ok {
			for _, o := range outlets {
				out = append(out, block{label, o})
			}
			continue
		}
		if name, ok := speakerLabel(line); ok {
			out = append(out, block{speaker, name})
			continue
		}
		line = stripPrefixes(line)
		if line == "" {
			continue
		}
		kind := prose
		if !endsSentence(line) && len(strings.Fields(line)) <= 20 {
			kind = label
		}
		out = append(out, block{kind, line})
	}
	return out
}

var chromePrefixes = []string{
	"more from", "home >", "home|", "home |", "font:", "share", "print", "contact us",
	"related", "editor:", "top", "back to top", "sitemap", "previous", "next",
	"all rights reserved", "icp", "京icp", "e-mail", "email:", "tel:", "ㄑ",
}

// isChrome reports whether a line is navigation or page furniture.
func isChrome(line string) bool {
	lower := strings.ToLower(line)
	for _, p := range chromePrefixes {
		if strings.HasPrefix(lower, p) {
			return true
		}
	}
	if strings.Count(line, "|") >= 2 || strings.Count(line, ">") >= 2 && !endsSentence(line) {
		return true
	}
	return isPagination(line)
}

// isPagination reports lines such as "<  1  2  3  >" or "< Previous  Next >".
func isPagination(line string) bool {
	hasMark := false
	for _, f := range strings.Fields(line) {
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
	lower := strings.ToLower(line)
	switch {
	case strings.HasPrefix(lower, "copyright"):
		s := strings.TrimSpace(line[len("copyright"):])
		s = strings.TrimLeft(s, "©(c) 0123456789-")
		if i := strings.Index(strings.ToLower(s), "all rights reserved"); i >= 0 {
			s = s[:i]
		}
		return nonEmpty(strings.Trim(strings.TrimSpace(s), ".,")), true
	case strings.HasPrefix(lower, "sponsored by:"), strings.HasPrefix(lower, "produced by:"):
		return nonEmpty(strings.TrimSpace(line[strings.Index(line, ":")+1:])), true
	case !strings.Contains(lower, "updated:") && !strings.HasPrefix(lower, "source:"):
		return nil, false
	}
	var outlets []string
	for _, part := range splitChrome(line) {
		outlets = append(outlets, part...)
	}
	return outlets, true
}

// splitChrome cuts a dateline of page chrome into the outlet names it holds,
// dropping the field labels, dates and times.
func splitChrome(line string) [][]string {
	var out [][]string
	rest := line
	if i := strings.Index(rest, "Font:"); i >= 0 {
		rest = rest[:i]
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
	if _, ok := monthNames[strings.ToLower(f)]; ok {
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
	if i := strings.Index(line, " -- "); i > 0 && i < 40 && isDateline(line[:i]) {
		line = strings.TrimSpace(line[i+4:])
	} else if i := strings.Index(line, " — "); i > 0 && i < 40 && isDateline(line[:i]) {
		line = strings.TrimSpace(line[i+len(" — "):])
	}
	return line
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
