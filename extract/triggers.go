package extract

import "strings"

// triggerWords are the words and phrases rules look for before they run.
// They share the name automaton, so one pass over a sentence finds both
// its names and the rules worth running on it.
var triggerWords = withStems([]string{
	"from ", " to ", " with ", "recipient", "assigned to ", " zone",
	", the provincial capital", ", capital of the province", ", the regional capital",
	// moving and receiving
	"mov", "reloc", "transfer", "shift", "migrat", "introduc",
	"receiv", "attract", "took in", "take in", "takes in", "drew", "draw", "landed", "brought in", "absorb",
	"undert", "take", "took", "host",
	// working together
	"work", "cooperat", "collaborat", "pair", "partner", "agreement", "teamed", "hands", "built", "set up",
	"establish", "co-", "together", "joint", "each other", "signed", "inked", "reached", " up",
	// implementing
	"implement", "carr", "act", "practice", "execut",
	// containment and the like
	" is one of the ", ", one of the ", " are among the ", " is among the ",
	" is home to ", " hosts ", " now hosts ", " has hosted ",
	"integrated development of ", "coordinated development of ", "integration of ", "cooperation between ",
	"agreement between ", "agreements between ",
	"strategy ", "development of ", "revitaliz", "rise of ", " respectively",
	"assist",  // counterpartAssist
	", also ", // surnameSpans: "Xi, also chairman of ..."
}, moveStems, receiveStems, coopStems, jointStems, implStems, countTriggers, coverStems, madeUpStems, formCoreStems, locatedOpeners, extentStems, straddleStems,
	aidStems, acrossStems, counterpartStems)

// withStems adds the rules' stem lists to the trigger words, once each.
func withStems(base []string, lists ...[]string) []string {
	seen := map[string]bool{}
	var out []string
	for _, l := range append([][]string{base}, lists...) {
		for _, w := range l {
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	return out
}

// triggerIndex maps a trigger word to its bit.
var triggerIndex = func() map[string]int {
	m := make(map[string]int, len(triggerWords))
	for i, w := range triggerWords {
		if w != strings.ToLower(w) {
			panic("extract: trigger word not lower case: " + w)
		}
		m[w] = i
	}
	return m
}()

// triggerSet holds which trigger words a sentence contains.
type triggerSet [(maxTriggers + 63) / 64]uint64

// maxTriggers bounds the trigger words; the sets are three machine words.
const maxTriggers = 192

func init() {
	if len(triggerWords) > maxTriggers {
		panic("extract: too many trigger words")
	}
}

func (t *triggerSet) set(i int) { t[i/64] |= 1 << (i % 64) }

// hasIndex reports whether the sentence holds triggerWords[i].
func (t *triggerSet) hasIndex(i int) bool { return t[i/64]&(1<<(i%64)) != 0 }

// has reports whether the sentence holds w, which must be a trigger word.
func (t *triggerSet) has(w string) bool {
	i, ok := triggerIndex[w]
	if !ok {
		panic("extract: not a trigger word: " + w)
	}
	return t[i/64]&(1<<(i%64)) != 0
}

// has asks the sentence's trigger set.
func (c *sentCtx) has(w string) bool { return c.s.trig.has(w) }

// maskOf returns the set of the trigger words ws.
func maskOf(ws ...string) triggerSet {
	var m triggerSet
	for _, w := range ws {
		i, ok := triggerIndex[w]
		if !ok {
			panic("extract: not a trigger word: " + w)
		}
		m.set(i)
	}
	return m
}

// hasMask and hasAll test the set's three words one by one; this fails to
// compile when the set has another number of words.
const _ = uint(len(triggerSet{})-3) + uint(3-len(triggerSet{}))

// hasMask reports whether the sentence holds one of the words of mask m.
// It is asked of most sentences by most rules: the set's three words are
// tested without a loop.
func (t *triggerSet) hasMask(m *triggerSet) bool {
	return t[0]&m[0] != 0 || t[1]&m[1] != 0 || t[2]&m[2] != 0
}

func (c *sentCtx) hasMask(m *triggerSet) bool { return c.s.trig.hasMask(m) }

// hasAll reports whether the sentence holds every word of mask m.
func (t *triggerSet) hasAll(m *triggerSet) bool {
	return t[0]&m[0] == m[0] && t[1]&m[1] == m[1] && t[2]&m[2] == m[2]
}

// Masks of the trigger lists the rules ask about, built once.
var (
	moveMask     = maskOf(moveStems...)
	receiveMask  = maskOf(receiveStems...)
	coopMask     = maskOf(coopStems...)
	jointMask    = maskOf(jointStems...)
	implMask     = maskOf(implStems...)
	countMask    = maskOf(countTriggers...)
	coverMask    = maskOf(coverStems...)
	madeUpMask   = maskOf(madeUpStems...)
	strategyMask = maskOf("strategy ", "development of ", "revitaliz", "rise of ")
	takeMask     = maskOf("receiv", "undert", "take", "took", "absorb", "host")
	// single words asked of every sentence: a mask spares has its map
	zoneMask = maskOf(" zone")
	withMask = maskOf(" with ")
)
