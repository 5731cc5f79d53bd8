package extract

import "strings"

// The gaps the offices rule reads are matched by hand rather than by
// regular expressions: the rule asks every gap next to a person, and a
// backtracking match with submatches cost more than the rest of the rule.
// officegap_test.go checks each matcher against the expression it
// replaces.

// officeTitle matches "^, (?:a |an |the )?((?:[\w-]+ ){0,5}?)(?:of|at|
// with|from|for|in) (?:the )?$" and returns the group: "P, vice governor
// of Y", "P, a reporter with O". Like the expression, it prefers taking
// the article and then the fewest words.
func officeTitle(gap string) (string, bool) {
	r, ok := strings.CutPrefix(gap, ", ")
	if !ok {
		return "", false
	}
	for _, art := range [...]string{"a ", "an ", "the "} {
		if rest, ok := strings.CutPrefix(r, art); ok {
			if t, ok := officeWords(rest); ok {
				return t, true
			}
			break // no other article starts r as well
		}
	}
	return officeWords(r)
}

// officeWords matches "^((?:[\w-]+ ){0,5}?)(?:of|at|with|from|for|in)
// (?:the )?$" and returns the group. Each word runs to the next space, so
// the only choice is how many words to take, the fewest first.
func officeWords(r string) (string, bool) {
	i := 0
	for k := 0; ; k++ {
		if officeTail(r[i:]) {
			return r[:i], true
		}
		if k == 5 {
			return "", false
		}
		j := skipTitleWord(r, i)
		if j == i || j == len(r) || r[j] != ' ' {
			return "", false
		}
		i = j + 1
	}
}

// officeTail matches "^(?:of|at|with|from|for|in) (?:the )?$".
func officeTail(t string) bool {
	for _, p := range [...]string{"of", "at", "with", "from", "for", "in"} {
		if rest, ok := strings.CutPrefix(t, p); ok && (rest == " " || rest == " the ") {
			return true
		}
	}
	return false
}

// skipTitleWord returns the end of the run of [\w-] bytes from i.
func skipTitleWord(s string, i int) int {
	for i < len(s) && (isWordByte(s[i]) || s[i] == '-') {
		i++
	}
	return i
}

// titleBefore matches "^ ((?:[\w-]+ ){1,3})$" and returns the group: the
// title in "Y vice mayor P".
func titleBefore(gap string) (string, bool) {
	r, ok := strings.CutPrefix(gap, " ")
	if !ok {
		return "", false
	}
	i := 0
	for k := 0; k < 3 && i < len(r); k++ {
		j := skipTitleWord(r, i)
		if j == i || j == len(r) || r[j] != ' ' {
			return "", false
		}
		i = j + 1
	}
	return r, i == len(r) && i > 0
}
