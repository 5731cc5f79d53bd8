package extract

import "strings"

// Cheap tests that a gap between two spans may match one of the regular
// expressions of the containment rules, asked before the regular
// expression: each holds for every text the expression matches (they state
// how its matches start or end), so a gap that fails one cannot match,
// and most gaps ("A, B", " and ") fail at once.

// mayAdjPlace: reAdjPlace's matches start with ", a" (", an") or ", the"
// and end with a space.
func mayAdjPlace(lg string) bool {
	return (strings.HasPrefix(lg, ", a") || strings.HasPrefix(lg, ", the")) && strings.HasSuffix(lg, " ")
}

// maySeatsOf: rePluralSeats's matches end with "seats of" or "capitals
// of", then a space and perhaps "the ".
func maySeatsOf(lg string) bool {
	return strings.HasSuffix(lg, "s of ") || strings.HasSuffix(lg, "s of the ")
}

// mayMembers: reMembers's matches end with " of", " in", " under" or " by",
// then a space and perhaps "the ".
func mayMembers(lg string) bool {
	t := strings.TrimSuffix(lg, "the ")
	return strings.HasSuffix(t, " of ") || strings.HasSuffix(t, " in ") || strings.HasSuffix(t, " under ") || strings.HasSuffix(t, " by ")
}

// mayCoreOf: reCoreOf's matches start with " serve", " act" or " will
// serve".
func mayCoreOf(lg string) bool {
	return strings.HasPrefix(lg, " serve") || strings.HasPrefix(lg, " act") || strings.HasPrefix(lg, " will serve")
}

// mayCountedOf: reCountedOf's matches start with " and" or ", and" and end
// with a plural noun (its last letter an s), " of " and perhaps "the ".
func mayCountedOf(g string) bool {
	return (strings.HasPrefix(g, " and ") || strings.HasPrefix(g, ", and ")) &&
		(strings.HasSuffix(g, "s of ") || strings.HasSuffix(g, "s of the "))
}

// inPhrase is reIn.MatchString(t), by hand: an optional comma and space,
// "which" or "that", a form of "be", a verb of lying, and then "in",
// "inside" or "within" and perhaps " the", each optional part at most
// once and in that order. No part begins with what an earlier one does,
// so taking each part whenever it is there finds the match if there is one.
func inPhrase(t string) bool {
	t = strings.TrimPrefix(t, ",")
	t = strings.TrimPrefix(t, " ")
	for _, parts := range inParts {
		for _, p := range parts {
			if strings.HasPrefix(t, p) {
				t = t[len(p):]
				break
			}
		}
	}
	switch t {
	case "in", "inside", "within", "in the", "inside the", "within the":
		return true
	}
	return false
}

// inParts are the optional parts of reIn before its preposition.
var inParts = [][]string{
	{"which ", "that "},
	{"is ", "are ", "was ", "were "},
	{"located ", "situated ", "lies ", "lie ", "sits ", "sit ", "based ", "nestled "},
}
