package extract

// wordSet is a fixed set of words that hot loops ask about, mostly about
// words not in it. One bit for each hash of a word's length and first and
// last bytes rules most of those out in a few instructions, without
// hashing the whole word for the map; the map answers the rest.
type wordSet struct {
	words map[string]bool
	bits  [wordSetBits / 64]uint64
}

// wordSetBits is the size of a set's filter: a few hundred words leave
// most of its bits clear.
const wordSetBits = 1 << 12

// newWordSet returns the set of words.
func newWordSet(words ...string) *wordSet {
	s := &wordSet{words: make(map[string]bool, len(words))}
	for _, w := range words {
		s.add(w)
	}
	return s
}

// add puts w in the set.
func (s *wordSet) add(w string) {
	s.words[w] = true
	b := shapeBit(w)
	s.bits[b/64] |= 1 << (b % 64)
}

// has reports whether w is in the set.
func (s *wordSet) has(w string) bool {
	b := shapeBit(w)
	return s.bits[b/64]&(1<<(b%64)) != 0 && s.words[w]
}

// hasLower reports whether strings.ToLower(w) is in the set.
func (s *wordSet) hasLower(w string) bool {
	return s.mayHaveLower(w) && lowerIn(s.words, w)
}

// mayHaveLower reports whether strings.ToLower(w) may be in the set. Only
// an ASCII word is ruled out by the filter: lower-casing another may change
// its length (the Kelvin sign K is three bytes, its lower case k one).
func (s *wordSet) mayHaveLower(w string) bool {
	if !isASCII(w) {
		return true
	}
	if w == "" {
		return s.words[""]
	}
	b := shapeBitOf(lowerByte(w[0]), lowerByte(w[len(w)-1]), len(w))
	return s.bits[b/64]&(1<<(b%64)) != 0
}

// shapeBit returns the filter bit of w.
func shapeBit(w string) uint32 {
	if w == "" {
		return 0
	}
	return shapeBitOf(w[0], w[len(w)-1], len(w))
}

// shapeBitOf is a multiplicative hash of a word's first and last bytes and
// its length.
func shapeBitOf(first, last byte, n int) uint32 {
	x := uint32(first) | uint32(last)<<8 | uint32(n)<<16
	return x * 0x9e3779b1 >> (32 - 12) // 12 bits: wordSetBits
}
