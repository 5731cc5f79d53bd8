package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/policykg/policykg/ontology"
)

// honorifics precede a person's name.
var honorifics = map[string]bool{"Mr.": true, "Ms.": true, "Mrs.": true, "Dr.": true, "Madam": true, "Professor": true}

// titleWords are the heads of office titles: "vice governor", "mayor".
var titleWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`governor mayor secretary secretary-general director minister spokesperson spokesman
		spokeswoman chairman chairwoman chair president head chief commissioner deputy premier
		dean manager founder ceo leader official administrator party general director-general
		vice-governor vice-mayor vice-minister vice-chairman vice-chairwoman vice-president vice-premier
		deputy-director deputy-governor deputy-mayor`) {
		titleWords[w] = true
	}
	for w := range researchTitles {
		titleWords[w] = true
	}
	for w := range titleWords {
		titleCased.add(w)
		titleCased.add(strings.ToUpper(w[:1]) + w[1:])
		titleCased.add(strings.ToUpper(w))
		parts := strings.Split(w, "-")
		for i, p := range parts {
			parts[i] = strings.ToUpper(p[:1]) + p[1:]
		}
		titleCased.add(strings.Join(parts, "-")) // "Secretary-General"
	}
}

// isTitleWord reports whether w (lower, title or upper case) is an office
// or research title.
func isTitleWord(w string) bool { return titleCased.has(w) }

// titleCased holds the title words in lower, title and upper case.
var titleCased = newWordSet()

// hasUpperASCII reports whether s holds an upper-case ASCII letter.
func hasUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// personName reports whether two words of the sentence s look like a
// Chinese personal name: two capitalised alphabetic tokens, not openers,
// not places.
func personName(s string, a, b word, g *ontology.Gazetteer) bool {
	at, bt := a.text(s), b.text(s)
	if !personWord(at) || !personWord(bt) {
		return false
	}
	if a.poss || utf8.RuneCountInString(at) > 6 || allUpper(at) {
		return false
	}
	if len(g.Lookup(at+" "+bt)) > 0 || len(g.Lookup(at)) > 0 && len(g.Lookup(bt)) > 0 {
		return false
	}
	return true
}

// personWord reports whether t may be one word of a person's name: a
// capitalised word of letters and hyphens that is no opener, title or
// organisation head.
func personWord(t string) bool {
	if !capitalised(t) || openers.has(t) || isTitleWord(t) || orgHeads.has(t) {
		return false
	}
	for _, r := range t {
		if !unicode.IsLetter(r) && r != '-' {
			return false
		}
	}
	return true
}

// allUpper reports whether strings.ToUpper(t) == t, without building the
// upper-cased copy: every rune must be its own upper case (UTF-8 being
// prefix-free, a rune that changes changes the bytes).
func allUpper(t string) bool {
	for _, r := range t {
		if unicode.ToUpper(r) != r {
			return false
		}
	}
	return true
}

// collectPeople finds the people a document names: speaker labels, names
// after honorifics or titles ("Vice Governor Sun Kai"), and names followed by
// an office (", vice governor of", ", Hainan's vice governor").
func collectPeople(sents []sentence, g *ontology.Gazetteer) map[string]bool {
	people := map[string]bool{}
	// isName remembers personName of the pairs of words already asked
	// about, by their text: a document names the same people and places
	// again and again, and personName looks each pair up in the gazetteer
	isName := map[string]bool{}
	for _, s := range sents {
		ws := s.ws
		if s.kind == speaker {
			if len(ws) == 2 && personName(s.text, ws[0], ws[1], g) {
				if _, org := classify(s.text, run{ws}); !org {
					people[s.text[ws[0].start:ws[1].end]] = true
				}
			}
			continue
		}
		for i := 0; i+1 < len(ws); i++ {
			if !ws[i+1].caps {
				i++ // neither this pair nor the next can be a name
				continue
			}
			// the cheap tests first: personName looks names up in the gazetteer
			if !joined(s.text, ws[i], ws[i+1]) {
				continue
			}
			if i+2 < len(ws) && ws[i+2].caps && joined(s.text, ws[i+1], ws[i+2]) {
				continue // part of a longer capitalised name
			}
			name := s.text[ws[i].start:ws[i+1].end]
			is, ok := isName[name]
			if !ok {
				is = personName(s.text, ws[i], ws[i+1], g) // a function of the two words' text alone
				isName[name] = is
			}
			if !is {
				continue
			}
			if i > 0 && (honorifics[ws[i-1].text(s.text)] || isTitleWord(ws[i-1].text(s.text))) {
				people[name] = true
				continue
			}
			if officeFollows(s.text[ws[i+1].end:]) || selfIntroduced(s.text, int(ws[i].start), int(ws[i+1].end)) ||
				saidBy(s.text, int(ws[i].start), int(ws[i+1].end)) {
				people[name] = true
			} else if names := listedWithOffice(s.text, ws, i, g); names != nil {
				for _, n := range names {
					people[n] = true
				}
			}
		}
	}
	return people
}

// officeFollows reports whether text after a name gives an office:
// ", vice governor of", ", a reporter with", ", Hainan's vice governor".
func officeFollows(rest string) bool {
	if !strings.HasPrefix(rest, ", ") {
		return false
	}
	more := rest[2:]
	for i := 0; i < 6; i++ { // the first six words
		field, after := nextField(more)
		if field == "" {
			break
		}
		more = after
		w := strings.Trim(field, ",.;")
		if isTitleWord(w) || isTitleWord(strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")) {
			return true
		}
		if strings.ContainsAny(field, ",.;") {
			break
		}
	}
	return false
}

// personSpans finds the known people in a sentence. The spans come from
// the arena, and the list is buf's array, read only until the next call.
func personSpans(s string, people []string, arena *spanArena, buf *[]*span) []*span {
	out := (*buf)[:0]
	defer func() { *buf = out[:0] }()
	for _, p := range people {
		for off := 0; ; {
			i := strings.Index(s[off:], p)
			if i < 0 {
				break
			}
			i += off
			off = i + len(p)
			if !boundaryBefore(s, i) || !boundaryAfter(s, i+len(p)) {
				continue
			}
			sp := arena.new()
			*sp = span{start: i, end: i + len(p), surface: p, kind: spanPerson,
				typ: ontology.Person, name: p, known: -1, poss: possessiveAt(s, i+len(p))}
			out = append(out, sp)
		}
	}
	return out
}
