package extract

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/coregx/ahocorasick"

	"github.com/policykg/policykg/ontology"
)

// Errors wrapped by Extract for input it cannot read.
var (
	ErrEmpty  = errors.New("empty document")
	ErrBinary = errors.New("not UTF-8 text")
)

// maxText is the longest text Extract reads: the offsets of its words are
// 32-bit.
const maxText = math.MaxInt32

// Extractor reads documents. It holds the gazetteer and the name automaton,
// built once; it is safe for concurrent use.
type Extractor struct {
	gaz     *ontology.Gazetteer
	matcher *matcher
	// ctxCodes maps the codes of the divisions whose names contextual
	// aliases ask about to those names (contextCodes)
	ctxCodes map[string]string
}

// New builds an Extractor.
func New() (*Extractor, error) {
	g, err := ontology.LoadGazetteer()
	if err != nil {
		return nil, fmt.Errorf("new extractor: %w", err)
	}
	m, err := newMatcher(g)
	if err != nil {
		return nil, fmt.Errorf("new extractor: %w", err)
	}
	return &Extractor{gaz: g, matcher: m, ctxCodes: contextCodes(g)}, nil
}

// Extract reads one document. doc carries its ID and metadata; text is the
// raw bytes. It returns an error wrapping ErrEmpty for empty or blank input
// and ErrBinary for invalid UTF-8 or NUL bytes.
func (x *Extractor) Extract(doc ontology.Document, text []byte) (ontology.Extraction, error) {
	if bytes.IndexByte(text, 0) >= 0 || !utf8.Valid(text) {
		return ontology.Extraction{}, fmt.Errorf("extract: %w", ErrBinary)
	}
	if len(bytes.TrimSpace(text)) == 0 {
		return ontology.Extraction{}, fmt.Errorf("extract: %w", ErrEmpty)
	}
	if len(text) > maxText {
		return ontology.Extraction{}, fmt.Errorf("extract: text of %d bytes, more than the %d it can read", len(text), maxText)
	}
	sc := scratchPool.Get().(*scratch)
	defer sc.release()
	sents, dt := sentencesText(clean(string(text)), sc)
	if len(sents) == 0 {
		return ontology.Extraction{}, fmt.Errorf("extract: %w", ErrEmpty)
	}
	all := x.findSpans(sents, dt, &sc.spans)
	res := newResolver(x.gaz, x.ctxCodes, all)
	b := newBuilder(doc.ID, x.gaz, res.reg)
	b.facts, b.metrics = sc.facts[:0], sc.metrics[:0] // grown in the scratch, copied out once
	nspans := 0
	for _, spans := range all {
		nspans += len(spans)
	}
	b.mentions = make([]ontology.Mention, 0, nspans+nspans/4) // most spans are mentions
	st := newCorefState(&sc.refs)
	var last *entity
	c := new(sentCtx)
	for i := range sents {
		s := &sents[i] // the sentence itself, not a copy of its many fields
		spans := res.resolve(all[i])
		if st.govPlace == nil {
			st.govPlace = x.governmentOf(spans, res.reg)
		}
		if st.statPlace == nil && i < statHeader {
			st.statPlace = x.statisticsOf(spans, res.reg)
		}
		// the resolved spans stand in order; only references found among
		// them need sorting in
		if refs := st.refs(s, spans); len(refs) > 0 {
			spans = append(spans, refs...)
			slices.SortStableFunc(spans, func(a, b *span) int { return cmp.Compare(a.start, b.start) })
		}
		c.reset(s, spans, st, res.reg, x.gaz)
		x.relate(c)
		ms := x.metrics(c, last)
		last = nil
		if len(c.metricEnts) > 0 {
			last = c.metricEnts[len(c.metricEnts)-1]
		}
		b.sentence(c, ms)
		for _, p := range c.props {
			if p.pred == ontology.OfficialOf && actor(p.obj.typ) && p.rule != zoneCommitteeRule {
				st.lastOffice = p.obj
				st.speakers[p.sub.name] = p.obj
			}
		}
		st.noteCounts(s.lower, spans)
		st.remember(spans)
	}
	out := b.extraction(doc, sents)
	sc.facts, sc.metrics = b.facts, b.metrics
	return out, nil
}

// findSpans finds the names of every sentence before resolution.
func (x *Extractor) findSpans(sents []sentence, dt docText, arena *spanArena) [][]*span {
	peopleSet := collectPeople(sents, x.gaz)
	people := make([]string, 0, len(peopleSet))
	for p := range peopleSet {
		people = append(people, p)
	}
	sort.Slice(people, func(i, j int) bool {
		if len(people[i]) != len(people[j]) {
			return len(people[i]) > len(people[j])
		}
		return people[i] < people[j]
	})
	var strategies strategyNames
	all := make([][]*span, len(sents))
	var scan hitScanner             // the automaton's hits, a few sentences at a time
	var cands []ahocorasick.Match   // scratch for findHits
	var places []*span              // scratch for strategySpans
	var runs []run                  // scratch for names
	var merge1 mergeScratch         // scratch for merge
	var lists spanLists             // the merged lists of the document
	var gzBuf, nmBuf, psBuf []*span // scratch for findHits, names and personSpans
	for i := range sents {
		s := &sents[i]
		ws := s.ws
		mine, off := scan.sentence(x.matcher.ac, dt, i, len(s.text))
		gz := x.matcher.findHits(s.text, mine, off, &s.trig, &cands, &gzBuf, arena)
		nm := names(s.text, ws, gz, &runs, &nmBuf)
		ps := personSpans(s.text, people, arena, &psBuf)
		if len(people) > 0 && s.trig.hasMask(&alsoMask) {
			ps = append(ps, surnameSpans(s.text, people)...) // merge copies ps before the next sentence
		}
		lower := s.lower
		var st, zs []*span
		if len(strategies.phrases) > 0 || s.trig.hasMask(&strategyMask) {
			places = append(append(places[:0], gz...), nm...) // strategySpans only reads them
			st = strategySpans(s.text, lower, &s.trig, places, &strategies)
		}
		if s.trig.hasMask(&zoneMask) {
			zs = lowerZones(s.text, lower, gz)
		}
		all[i] = merge(&merge1, &lists, ps, gz, nm, st, zs)
		if s.kind == asker {
			all[i] = askerSpans(s.text, all[i])
		}
	}
	return all
}

// hitScanner runs the name automaton over a document's lower-cased text a
// few kilobytes of whole sentences at a time, rather than over the whole
// text at once: the automaton returns its hits in a list it grows as it
// goes, and a list of a few hundred hits grows by doubling, cheaply, where
// one of tens of thousands grows by a quarter at a time, copying itself
// again and again. The hits are the same: no pattern holds a newline, so
// after the newline that ends a sentence the automaton is back in its start
// state, as at the start of a chunk.
type hitScanner struct {
	hits  []ahocorasick.Match // the hits not yet handed out, offsets within the chunk
	start int                 // where the chunk starts in the document text
	next  int                 // the first sentence after the chunk
}

// scanChunk is about how many bytes of text the automaton reads at a time.
const scanChunk = 4 << 10

// sentence returns the hits of sentence i, n bytes long, which must follow
// the sentence of the previous call, and where the sentence starts in the
// text the hits' offsets count from.
func (h *hitScanner) sentence(ac *ahocorasick.Automaton, dt docText, i, n int) ([]ahocorasick.Match, int) {
	if i >= h.next {
		end := i + 1
		for end < len(dt.offs) && dt.offs[end]-dt.offs[i] < scanChunk {
			end++
		}
		stop := len(dt.lower)
		if end < len(dt.offs) {
			stop = dt.offs[end]
		}
		h.start, h.next = dt.offs[i], end
		h.hits = ac.FindAllOverlapping(dt.bytes[h.start:stop]) // it only reads them
	}
	// the hits of sentence i lie within it: none crosses the newline that
	// ends it
	off := dt.offs[i] - h.start
	k := 0
	for k < len(h.hits) && h.hits[k].End <= off+n {
		k++
	}
	mine := h.hits[:k]
	h.hits = h.hits[k:]
	return mine, off
}

// askerSpans makes the outlet a questioner's turn label names an
// Organization, unless a name already covers the whole outlet. A label may
// name the outlet through its reporter ("Reporter from China Daily", "CCTV
// reporter"); the outlet is then the rest of the label.
func askerSpans(text string, spans []*span) []*span {
	start, end := outletBounds(text)
	for _, sp := range spans {
		if sp.start == start && sp.end == end {
			return spans
		}
	}
	return []*span{{start: start, end: end, surface: text[start:end], kind: spanName, typ: ontology.Organization,
		name: text[start:end], known: -1}}
}

// reporterHeads open a questioner's label that names a reporter of an
// outlet, and reporterTails close one.
var (
	reporterHeads = []string{"reporter from ", "reporter with ", "reporter of ", "reporter at ",
		"journalist from ", "journalist with ", "journalist of ", "journalist at ",
		"correspondent from ", "correspondent with ", "correspondent of ", "correspondent at "}
	reporterTails = []string{" reporter", " journalist", " correspondent"}
)

// outletBounds returns where the outlet a questioner's label names starts
// and ends: the whole label, less a reporter's words around it (and a
// "the" they leave at its start).
func outletBounds(text string) (int, int) {
	start, end := 0, len(text)
	for _, h := range reporterHeads {
		if len(text) > len(h) && strings.EqualFold(text[:len(h)], h) {
			start = len(h)
			break
		}
	}
	for _, t := range reporterTails {
		if end-start > len(t) && strings.EqualFold(text[end-len(t):end], t) {
			end -= len(t)
			break
		}
	}
	if end-start > 4 && strings.EqualFold(text[start:start+4], "the ") {
		start += 4
	}
	return start, end
}

// builder assembles an Extraction: entities in first-seen order, deduped
// facts, validated, with provenance.
type builder struct {
	doc ontology.DocumentID
	gaz *ontology.Gazetteer
	reg *registry
	// seen holds the facts recorded so far without a sentence (the
	// gazetteer's); listedHere and then seenHere those of sentence here. A
	// fact of a sentence is only made while that sentence is read, so the
	// set of one sentence is cleared when the next begins and stays small
	// however long the document. Its first keys go to a short list searched
	// in order, cheaper than hashing a key's four strings; only a sentence
	// with more facts than that fills the map.
	seen       map[factKey]bool
	listedHere []factKey
	seenHere   map[factKey]bool
	here       int
	facts      []ontology.Fact
	rejected   []ontology.Rejection
	metrics    []ontology.Metric
	mentions   []ontology.Mention
}

func newBuilder(doc ontology.DocumentID, g *ontology.Gazetteer, reg *registry) *builder {
	return &builder{doc: doc, gaz: g, reg: reg, seen: map[factKey]bool{},
		seenHere: map[factKey]bool{}}
}

func (b *builder) evidence(c *sentCtx, rule string) ontology.Evidence {
	return ontology.Evidence{Document: b.doc, Sentence: c.s.index, Text: c.s.text, Rule: rule}
}

// sentence records a sentence's mentions, facts and metrics.
func (b *builder) sentence(c *sentCtx, ms []ontology.Metric) {
	for _, list := range [2][]*span{c.spans, c.extra} {
		for _, sp := range list {
			if sp.kind == spanRef || sp.ent == nil {
				continue
			}
			b.use(sp.ent)
			b.mentions = append(b.mentions, ontology.Mention{Entity: sp.ent.id, Surface: sp.surface, Evidence: b.evidence(c, "mention")})
			if in := sp.inner; in != nil && in.ent != nil {
				b.use(in.ent) // the region a strategy names is named too
				b.mentions = append(b.mentions, ontology.Mention{Entity: in.ent.id, Surface: in.surface, Evidence: b.evidence(c, "mention")})
			}
		}
	}
	for _, p := range c.props {
		b.fact(p.sub, p.obj, p.pred, b.evidence(c, p.rule))
	}
	for _, m := range ms {
		m.Evidence = b.evidence(c, "figure")
		b.reg.byID[m.Subject].used = true // every entity is the registry's
		b.metrics = append(b.metrics, m)
	}
}

// use marks e as referenced, and adds its gazetteer ancestors as part_of facts.
func (b *builder) use(e *entity) {
	if e.used {
		return
	}
	e.used = true
	if e.code == "" {
		return
	}
	child := e
	for _, a := range b.gaz.Ancestors(e.code) {
		parent := b.reg.get(a.Name, a.Type, a.Code)
		parent.used = true
		p := ontology.PartOf
		switch child.typ {
		case ontology.Zone, ontology.Port, ontology.Airport, ontology.NewArea:
			p = ontology.LocatedIn
		}
		b.fact(child, parent, p, ontology.Evidence{Document: b.doc, Text: ontology.GazetteerSource, Rule: "gazetteer"})
		child = parent
	}
}

// factKey identifies a fact with its sentence and rule, for deduplication.
type factKey struct {
	sub, obj ontology.EntityID
	pred     ontology.Predicate
	sentence int
	rule     string
}

// fact validates and records a fact once.
func (b *builder) fact(sub, obj *entity, p ontology.Predicate, ev ontology.Evidence) {
	if p == ontology.CooperatesWith && sub.id > obj.id {
		sub, obj = obj, sub
	}
	f := ontology.Fact{Subject: sub.id, Predicate: p, Object: obj.id, Evidence: ev}
	key := factKey{sub: f.Subject, obj: f.Object, pred: f.Predicate, sentence: ev.Sentence, rule: ev.Rule}
	if !b.firstTime(key) {
		return
	}
	if err := ontology.Validate(f, sub.typ, obj.typ); err != nil {
		b.rejected = append(b.rejected, ontology.Rejection{Fact: f, Reason: err})
		return
	}
	b.use(sub)
	b.use(obj)
	b.facts = append(b.facts, f)
}

// firstTime reports whether key is new, and records it.
func (b *builder) firstTime(key factKey) bool {
	if key.sentence == 0 {
		if b.seen[key] {
			return false
		}
		b.seen[key] = true
		return true
	}
	if key.sentence != b.here {
		b.listedHere = b.listedHere[:0]
		if len(b.seenHere) > 0 {
			clear(b.seenHere)
		}
		b.here = key.sentence
	}
	if slices.Contains(b.listedHere, key) || b.seenHere[key] {
		return false
	}
	if len(b.listedHere) < maxListedHere {
		b.listedHere = append(b.listedHere, key)
	} else {
		b.seenHere[key] = true
	}
	return true
}

// maxListedHere bounds the list of a sentence's facts, which is searched in
// order, so a sentence with a long list of places paired with each other
// costs no more than a map would.
const maxListedHere = 16

// extraction returns the finished Extraction.
func (b *builder) extraction(doc ontology.Document, sents []sentence) ontology.Extraction {
	// the facts and metrics were gathered in arrays grown by doubling and
	// kept for the next document: copied out at their final length (nil
	// when there are none, as an append to nil leaves them)
	out := ontology.Extraction{Document: doc, Facts: append([]ontology.Fact(nil), b.facts...),
		Metrics: append([]ontology.Metric(nil), b.metrics...), Mentions: b.mentions, Rejected: b.rejected}
	if len(out.Mentions) == 0 {
		out.Mentions = nil // none recorded: nil, not the empty list made in advance
	}
	if len(sents) > 0 { // sized once; with no sentences the list stays nil
		out.Sentences = make([]string, 0, len(sents))
	}
	for _, s := range sents {
		out.Sentences = append(out.Sentences, s.text)
	}
	for _, e := range b.reg.order {
		if !e.used {
			continue
		}
		out.Entities = append(out.Entities, ontology.Entity{ID: e.id, Name: e.name, Type: e.typ,
			Aliases: append([]string(nil), e.aliases...), Code: e.code})
	}
	return out
}

// governmentOf returns the place governed by the first people's government
// among spans ("Hunan Provincial People's Government"), or nil.
func (x *Extractor) governmentOf(spans []*span, reg *registry) *entity {
	for _, sp := range spans {
		if sp.ent.typ != ontology.Organization || !strings.HasSuffix(sp.ent.name, " Government") {
			continue
		}
		if d, ok := governmentPlace(x.gaz, sp.ent.name); ok {
			return reg.get(d.Name, d.Type, d.Code)
		}
	}
	return nil
}
