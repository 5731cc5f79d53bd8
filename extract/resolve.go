package extract

import (
	"strings"

	"github.com/policykg/policykg/ontology"
)

// entity is a resolved entity of one document.
type entity struct {
	id      ontology.EntityID
	name    string
	typ     ontology.EntityType
	code    string
	aliases []string
	members []string // for curated regions
	order   int
	// used marks an entity the Extraction lists: one a fact, mention or
	// figure names, or an ancestor of one. A flag rather than a set of IDs,
	// as it is asked at every mention; the registry holds one entity per ID.
	used bool
	// lower is strings.ToLower(name) once lowerName has been asked: the
	// coreference history asks it of the same entities again and again
	lower   string
	lowered bool
}

// lowerName returns strings.ToLower(e.name), worked out once.
func (e *entity) lowerName() string {
	if !e.lowered {
		e.lower, e.lowered = strings.ToLower(e.name), true
	}
	return e.lower
}

// registry holds a document's entities in first-seen order.
type registry struct {
	byID  map[ontology.EntityID]*entity
	order []*entity
	slugs map[string]ontology.EntityID // ontology.Slug of the names asked for
	// got remembers what get returned for a name and code. get returns the
	// same entity when asked again: entities are never replaced, and the
	// one code an entity may gain is the code it was asked with.
	got map[nameCode]*entity
}

// nameCode is a question to get.
type nameCode struct{ name, code string }

func newRegistry() *registry {
	return &registry{byID: map[ontology.EntityID]*entity{}, slugs: map[string]ontology.EntityID{},
		got: map[nameCode]*entity{}}
}

// slug is ontology.Slug(name), remembered: documents name the same
// entities again and again.
func (r *registry) slug(name string) ontology.EntityID {
	id, ok := r.slugs[name]
	if !ok {
		id = ontology.Slug(name)
		r.slugs[name] = id
	}
	return id
}

// get returns the entity named name, making it on first use.
func (r *registry) get(name string, typ ontology.EntityType, code string) *entity {
	if e, ok := r.got[nameCode{name, code}]; ok {
		return e
	}
	e := r.lookup(name, typ, code)
	r.got[nameCode{name, code}] = e
	return e
}

// lookup is get without its memory.
func (r *registry) lookup(name string, typ ontology.EntityType, code string) *entity {
	id := r.slug(name)
	if e, ok := r.byID[id]; ok {
		if e.code == code || code == "" || e.code == "" {
			if e.code == "" {
				e.code = code
			}
			return e
		}
		id = ontology.Slug(name + " " + code)
		if e, ok := r.byID[id]; ok {
			return e
		}
	}
	e := &entity{id: id, name: name, typ: typ, code: code, order: len(r.order)}
	r.byID[id] = e
	r.order = append(r.order, e)
	return e
}

// alias records a surface form of e.
func (e *entity) alias(surface string) {
	surface = strings.TrimSpace(surface)
	if surface == "" || surface == e.name {
		return
	}
	for _, a := range e.aliases {
		if a == surface {
			return
		}
	}
	e.aliases = append(e.aliases, surface)
}

// resolver turns spans into entities: it settles homonyms by the places a
// sentence and the document name, and lets a document's own zone names
// override gazetteer homonyms of their short forms.
type resolver struct {
	gaz        *ontology.Gazetteer
	reg        *registry
	docCodes   map[string]bool // unambiguous gazetteer codes named in the document
	docNames   map[string]bool // lower-case names of everything the document names
	shortForms map[string]*span
	// docAbove holds every code that is an ancestor of another code of
	// docCodes, so pick need not walk the gazetteer for each pair
	docAbove map[string]bool
	// sentCodes holds the codes of the sentence being resolved; one map
	// serves every sentence, filled for it when first asked
	sentCodes codeSet
	// out is the array of the list resolve returns, reused from sentence
	// to sentence: a sentence's spans are read only while it is
	out []*span
	// ancestors remembers ancestorCodes
	ancestors map[string][]string
	// byCode remembers codeEntity
	byCode map[string]*entity
}

// addDocName adds strings.ToLower(name) to the document's names, lower-casing
// (and allocating) only when it is not there yet. The only names ever asked
// about are contextNames, so a name that cannot be one of them is left out.
func (r *resolver) addDocName(name string) {
	if !contextNames.mayHaveLower(name) {
		return
	}
	if !lowerIn(r.docNames, name) {
		r.docNames[strings.ToLower(name)] = true
	}
}

// contextNames are the names contextOK asks the document's names about,
// lower-cased: those of the curated entities with contextual aliases and of
// their members.
var contextNames = func() *wordSet {
	s := newWordSet()
	for _, k := range ontology.KnownEntities() {
		if len(k.Contextual) == 0 {
			continue
		}
		s.add(strings.ToLower(k.Name))
		for _, m := range k.Members {
			s.add(strings.ToLower(m))
		}
	}
	return s
}()

// contextCodes returns the gazetteer codes of the divisions whose names
// are among contextNames, with the names: newResolver adds only those,
// without looking up the divisions of all the others.
func contextCodes(g *ontology.Gazetteer) map[string]string {
	out := map[string]string{}
	for _, d := range g.Units() {
		if contextNames.has(strings.ToLower(d.Name)) {
			out[d.Code] = d.Name
		}
	}
	return out
}

func newResolver(g *ontology.Gazetteer, ctxCodes map[string]string, all [][]*span) *resolver {
	r := &resolver{gaz: g, reg: newRegistry(), docCodes: map[string]bool{}, docNames: map[string]bool{},
		shortForms: map[string]*span{}, sentCodes: codeSet{codes: map[string]bool{}}, ancestors: map[string][]string{},
		byCode: map[string]*entity{}}
	for _, spans := range all {
		for _, sp := range spans {
			if len(sp.codes) == 1 {
				if c := sp.codes[0]; !r.docCodes[c] { // most are there already: a lookup is cheaper than a store
					r.docCodes[c] = true
				}
			}
			if sp.kind == spanGazetteer || sp.kind == spanKnown && sp.generic != "contextual" {
				r.addDocName(sp.surface)
				if sp.name != "" {
					r.addDocName(sp.name)
				}
				for _, c := range sp.codes {
					if name, ok := ctxCodes[c]; ok { // else its name is none contextOK asks about
						r.addDocName(name)
					}
				}
			}
			if sp.kind == spanName && (sp.typ == ontology.Zone || sp.typ == ontology.NewArea) {
				if f := strings.Fields(sp.name); len(f) >= 3 && allZoneWords(f[1:]) {
					r.shortForms[f[0]] = sp
				}
			}
		}
	}
	r.docAbove = map[string]bool{}
	for dc := range r.docCodes {
		for _, a := range g.Ancestors(dc) {
			if a.Code != dc {
				r.docAbove[a.Code] = true
			}
		}
	}
	return r
}

// resolve sets the entity of every span of a sentence; spans that cannot be
// resolved are dropped. The list it returns is valid until the next call.
func (r *resolver) resolve(spans []*span) []*span {
	sentCodes := &r.sentCodes
	sentCodes.reset(spans)
	out := r.out[:0]
	defer func() { r.out = out[:0] }()
	for _, sp := range spans {
		if e := r.entityOf(sp, sentCodes); e != nil {
			sp.ent = e
			if sp.inner != nil && sp.inner.ent == nil {
				sp.inner.ent = r.entityOf(sp.inner, sentCodes)
			}
			if sp.kind != spanRef {
				e.alias(sp.surface)
			}
			out = append(out, sp)
		}
	}
	return out
}

func (r *resolver) entityOf(sp *span, sentCodes *codeSet) *entity {
	switch sp.kind {
	case spanRef:
		return sp.ent
	case spanName, spanPerson:
		name := strings.TrimPrefix(strings.TrimPrefix(sp.name, "the "), "The ")
		return r.reg.get(name, sp.typ, "")
	case spanKnown:
		k := ontology.KnownEntities()[sp.known]
		if sp.generic == "contextual" && !r.contextOK(k) {
			return nil
		}
		if k.Code != "" {
			if e, ok := r.codeEntity(k.Code); ok {
				return e
			}
		}
		e := r.reg.get(k.Name, k.Type, "")
		e.members = k.Members
		return e
	}
	if z, ok := r.shortForms[sp.surface]; ok && sp.generic == "" && !r.highLevel(sp) {
		return r.reg.get(z.name, z.typ, "")
	}
	if e, ok := r.codeEntity(r.pick(sp, sentCodes)); ok {
		return e
	}
	return r.divisionEntity(ontology.Division{}) // no such code: as the gazetteer's zero division
}

// codeEntity returns the entity of the division with the code, and false
// when the gazetteer has none. A document names the same divisions again
// and again: the entity is remembered by its code, which stands for the
// name and code the registry would be asked (it answers the same entity
// for them every time).
func (r *resolver) codeEntity(code string) (*entity, bool) {
	if e, ok := r.byCode[code]; ok {
		return e, true
	}
	d, ok := r.gaz.Division(code)
	if !ok {
		return nil, false
	}
	e := r.divisionEntity(d)
	r.byCode[code] = e
	return e, true
}

func (r *resolver) divisionEntity(d ontology.Division) *entity {
	return r.reg.get(d.Name, d.Type, d.Code)
}

// contextOK reports whether a contextual alias ("the capital") may resolve:
// the document names the entity or one of its members.
func (r *resolver) contextOK(k ontology.Known) bool {
	if lowerIn(r.docNames, k.Name) {
		return true
	}
	for _, m := range k.Members {
		if lowerIn(r.docNames, m) {
			return true
		}
	}
	return false
}

// highLevel reports whether a candidate of sp is a province or prefecture.
func (r *resolver) highLevel(sp *span) bool {
	for _, c := range sp.codes {
		if d, ok := r.gaz.Division(c); ok && ontology.LevelRank(d.Level) <= 1 {
			return true
		}
	}
	return false
}

// anchored reports whether a gazetteer candidate of sp is tied to the
// places around it (its parent is named).
func (r *resolver) anchored(sp *span, sentCodes *codeSet) bool {
	for _, c := range sp.codes {
		for _, a := range r.ancestorCodes(c) {
			if sentCodes.has(a) || r.docCodes[a] {
				return true
			}
		}
	}
	return false
}

// ancestorCodes returns the codes of the gazetteer's Ancestors of code,
// looked up once a document: the homonyms of a name are weighed at each of
// its mentions, and Ancestors builds its list anew at each call.
func (r *resolver) ancestorCodes(code string) []string {
	if a, ok := r.ancestors[code]; ok {
		return a
	}
	var out []string
	for _, d := range r.gaz.Ancestors(code) {
		out = append(out, d.Code)
	}
	r.ancestors[code] = out
	return out
}

// pick chooses among homonyms: an ancestor named in the sentence counts
// most, then the candidate itself named unambiguously in the document
// ("Aksu prefecture" before a bare "Aksu"), then an ancestor named in the
// document (not a homonym of the name), then being the ancestor of a named
// place; ties go to the higher level (province > prefecture > county).
func (r *resolver) pick(sp *span, sentCodes *codeSet) string {
	if len(sp.codes) == 1 {
		return sp.codes[0]
	}
	if sp.generic == "" {
		for _, c := range sp.codes {
			if d, ok := r.gaz.Division(c); ok && d.Level == ontology.LevelProvince {
				return c // a bare province name means the province
			}
		}
	}
	best, bestScore := "", -1
	for _, c := range sp.codes {
		score := 0
		for _, a := range r.ancestorCodes(c) {
			if containsStr(sp.codes, a) && a != c {
				// "Aksu" after "Aksu prefecture": the prefecture named
				// is no sign of its homonymous seat (prefecture-not-seat)
				continue
			}
			if sentCodes.has(a) {
				score += 40
			} else if r.docCodes[a] {
				score += 2
			}
		}
		if r.docCodes[c] {
			score += 5 // the document names this very division unambiguously
		}
		if r.docAbove[c] { // some other code of the document lies under c
			score += 3
		}
		d, _ := r.gaz.Division(c)
		if d.Level == ontology.LevelProvince {
			score += 3 // a bare province name means the province
		}
		score = score*10 + (3 - ontology.LevelRank(d.Level))
		if score > bestScore || score == bestScore && c < best {
			best, bestScore = c, score
		}
	}
	return best
}

// zoneWords describe a zone in its name; a name whose words after the
// first are all such words ("Yangpu Economic Development Zone") lets the
// first word stand for the zone.
var zoneWords = newWordSet(strings.Fields(`economic development zone zones area new park industrial technological technology
		high-tech hi-tech free trade port bonded comprehensive pilot demonstration export processing innovation
		international cooperation experimental science and city hub logistics airport special of the for`)...)

func allZoneWords(ws []string) bool {
	for _, w := range ws {
		if !zoneWords.has(strings.ToLower(w)) {
			return false
		}
	}
	return true
}

// isAncestor is g.IsAncestor(anc, code), walking up from code without
// making the list of its ancestors: it is asked of most pairs of places a
// containment rule reads.
func isAncestor(g *ontology.Gazetteer, anc, code string) bool {
	u, ok := g.Division(code)
	for n := 0; ok && u.Parent != "" && n < 8; n++ { // Ancestors stops at eight
		if u, ok = g.Division(u.Parent); ok && u.Code == anc {
			return true
		}
	}
	return false
}

// codeSet is the set of the gazetteer codes of a sentence's spans. Most
// sentences resolve without asking it (their names have one code each),
// so it is filled only when first asked.
type codeSet struct {
	spans  []*span
	codes  map[string]bool
	filled bool
}

// reset makes the set that of spans, unfilled.
func (s *codeSet) reset(spans []*span) {
	s.spans, s.filled = spans, false
}

// has reports whether a span of the sentence has the code c.
func (s *codeSet) has(c string) bool {
	if !s.filled {
		clear(s.codes)
		for _, sp := range s.spans {
			for _, c := range sp.codes {
				s.codes[c] = true
			}
		}
		s.filled = true
	}
	return s.codes[c]
}
