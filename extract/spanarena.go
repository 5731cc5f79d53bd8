package extract

import (
	"sync"

	"github.com/policykg/policykg/ontology"
)

// spanArena hands out the spans of one document from blocks, one
// allocation for many: a megabyte of text has tens of thousands of
// gazetteer spans. A block lives as long as any of its spans, which is
// at most the extraction of that document; an arena kept in a scratch
// hands its blocks out again to the next document.
type spanArena struct {
	blocks [][]span // every block allocated, for reuse after reset
	used   int      // blocks handed out from since the last reset
	free   []span
}

// spanBlock is how many spans a block holds.
const spanBlock = 256

// new returns a zero span.
func (a *spanArena) new() *span {
	if len(a.free) == 0 {
		if a.used == len(a.blocks) {
			a.blocks = append(a.blocks, make([]span, spanBlock))
		}
		a.free = a.blocks[a.used]
		a.used++
	}
	sp := &a.free[0]
	*sp = span{}
	a.free = a.free[1:]
	return sp
}

// reset takes back every span handed out: none may be used after it. The
// spans are cleared as they are handed out again, not here: until then
// they hold on to the document's text, as long as the pool keeps the
// arena (it lets go of what it holds over two garbage collections).
func (a *spanArena) reset() {
	a.used, a.free = 0, nil
}

// scratch is the memory one extraction works in that no result keeps:
// taken from scratchPool when an extraction starts and put back when it
// ends, so that a stream of documents reuses it instead of allocating
// (and clearing) it anew for each.
type scratch struct {
	sents []sentence // the sentences (sentencesText)
	words []word     // the words of every sentence (sentencesText)
	spans spanArena  // the gazetteer spans (findSpans)
	refs  spanArena  // the coreferring spans (corefState)
	// the facts and metrics as they are found (builder), copied into the
	// Extraction at their final length
	facts   []ontology.Fact
	metrics []ontology.Metric
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// release clears what the extraction left and puts the scratch back.
func (s *scratch) release() {
	s.sents, s.words = s.sents[:0], s.words[:0]
	clear(s.facts) // they hold on to the document's strings
	clear(s.metrics)
	s.facts, s.metrics = s.facts[:0], s.metrics[:0]
	s.spans.reset()
	s.refs.reset()
	scratchPool.Put(s)
}
