package extract

// spanArena hands out the spans of one document from blocks, one
// allocation for many: a megabyte of text has tens of thousands of
// gazetteer spans. A block lives as long as any of its spans, which is
// at most the extraction of that document.
type spanArena struct {
	free []span
}

// spanBlock is how many spans a block holds.
const spanBlock = 256

// new returns a zero span.
func (a *spanArena) new() *span {
	if len(a.free) == 0 {
		a.free = make([]span, spanBlock)
	}
	sp := &a.free[0]
	a.free = a.free[1:]
	return sp
}
