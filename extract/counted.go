package extract

import (
	"strconv"
	"strings"

	"github.com/policykg/policykg/ontology"
)

// Counted regions: "The Yellow River basin covers nine provinces and
// autonomous regions ... Last year the nine provinces and regions produced
// a combined GDP of 34.6 trillion yuan." Policy prose names a region's
// members by their number and then speaks of them together as "the nine
// provinces"; a figure they produce together is the region's.

// countedNouns are the plural nouns a region's members are counted in,
// and what may follow them in the phrase that refers back ("the nine
// provinces and regions").
var (
	countedNouns = []string{"provinces", "provincial-level regions", "municipalities", "cities"}
	countedTails = []string{" and autonomous regions", " and regions", " and municipalities", ", autonomous regions and municipalities"}
)

// noteCounts records, for a sentence that opens with a Region ("The
// Yellow River basin covers nine provinces", "The central region, made up
// of Shanxi, Anhui, Jiangxi, Henan, Hubei and Hunan, ..."), how many
// members the sentence gives it.
func (c *corefState) noteCounts(lower string, spans []*span) {
	if len(spans) == 0 || spans[0].ent == nil || spans[0].ent.typ != ontology.Region {
		return
	}
	if b := strings.TrimSpace(lower[:spans[0].start]); b != "" && b != "the" {
		return
	}
	region := spans[0].ent
	after := lower[spans[0].end:]
	for _, n := range countedNouns {
		for off := 0; ; {
			i := strings.Index(after[off:], " "+n)
			if i < 0 {
				break
			}
			i += off
			off = i + 1 + len(n)
			if !boundaryAfter(after, off) {
				continue
			}
			if k, ok := regionCountBefore(after[:i]); ok {
				c.count(k, region)
			}
		}
	}
	if i := indexAny(after, memberOpeners); i >= 0 {
		from := spans[0].end + i
		k := 0
		for _, sp := range spans[1:] {
			if sp.start > from && sp.ent != nil && (sp.ent.typ == ontology.Province || sp.ent.typ == ontology.Municipality) {
				k++
			}
		}
		if k >= 2 {
			c.count(k, region)
		}
	}
}

// memberOpeners introduce the full list of a region's members.
var memberOpeners = []string{"made up of ", "comprises ", "comprising ", "consists of ", "consisting of ", "is formed by "}

// indexAny returns the index of the first of subs found in s, or -1.
func indexAny(s string, subs []string) int {
	for _, sub := range subs {
		if i := strings.Index(s, sub); i >= 0 {
			return i
		}
	}
	return -1
}

// count remembers region as the latest region counted with k members.
func (c *corefState) count(k int, region *entity) {
	if c.counted == nil {
		c.counted = map[int]*entity{}
	}
	c.counted[k] = region
}

// countBefore reads the count that ends s: a number word or digits.
func regionCountBefore(s string) (int, bool) {
	w := s[strings.LastIndexByte(s, ' ')+1:]
	if v, ok := spelled[w]; ok {
		return int(v), true
	}
	if k, err := strconv.Atoi(w); err == nil && k > 1 && k < 100 {
		return k, true
	}
	return 0, false
}

// countedRegion resolves "the nine provinces (and regions)", rest being
// the lower-cased text after "the ": the region last counted with that
// many members, and the end of the phrase relative to rest; nil when no
// region was counted so.
func (c *corefState) countedRegion(rest string) (*entity, int) {
	if len(c.counted) == 0 {
		return nil, 0
	}
	sp := strings.IndexByte(rest, ' ')
	if sp <= 0 {
		return nil, 0
	}
	k, ok := regionCountBefore(rest[:sp])
	if !ok || c.counted[k] == nil {
		return nil, 0
	}
	noun := prefixOf(rest[sp+1:], countedNouns)
	end := sp + 1 + len(noun)
	if noun == "" || !boundaryAfter(rest, end) {
		return nil, 0
	}
	end += len(prefixOf(rest[end:], countedTails))
	return c.counted[k], end
}
