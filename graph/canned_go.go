package graph

import (
	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	"github.com/policykg/policykg/ontology"
)

// The Go versions of the canned queries in package queries. Each answers
// exactly as its query text does through Cayley (TestGoVersionsAnswerAsText
// checks it), keyed by the fingerprint of that text: when a query file
// changes, its Go version stops being used until someone checks it against
// the new text and updates the fingerprint (TestGoVersionFingerprints says
// which).
var goCanned = map[string]goVersion{
	"recipients":  {"17c3a4da484f01032ba01a2089d360d016064844e4d852e50172209b08693337", recipients},
	"officials":   {"20affcb0cc7f882b6cfa91e5f384fcf21b90e69e122c6c661c59affda9c3437e", officials},
	"strategies":  {"83ff41b1c7cfdba09b7f7b4d92b8670835cb18e57af55f435aa95f629306f8c8", strategies},
	"parents":     {"6eb1635f3cf78b5a56e4005617d495825dccc24303eb728447dd121f3c4aeda1", parents},
	"hierarchy":   {"6de9e90ff7eb785266e90072b44ea9deebe0fd21e05a18ab0010608cb0a5b47b", hierarchy},
	"cooperation": {"6be3e5a78612149d0aca3984498b77db6156bb927b1c7b60ffc63915892f2ade", cooperation},
	"documents":   {"a85a430ca1dbab49b5da07c769a44aa310f817353822c9ec53c308a60cf8ec3e", documents},
	"figures":     {"973f39f8e7996f02ba1c3dfbc7247db308ef0ae94c3a2959bca0cd4863ff39fd", figures},
	"evidence":    {"fe763a175721b4d6a05e79bb29e57f498f0b1be5de303a39fb2cd4524b50ab79", evidence},
	"flows":       {"3185536aa4df1f960360b147b5060b521ab71a878cc8ac852551c956412975ad", flows},
	"connection":  {"6c560b725428d049570ebc17aad85be502f449852ec122ccf9215374a5eb5f6c", connection},
	"by-type":     {"f16186b4d64ad6d7353bc6e66ae50736fef57f5585896315e6fd516b7884a938", byType},
}

// vocabRefs looks up vocabulary terms by local name ("part_of") or, for
// names with a colon, by full IRI.
func (r *reader) vocabRef(name string) (cgraph.Ref, error) {
	return r.ref(vocab(name))
}

// refAndVocab looks up a query's starting node and the predicate it
// follows, the opening of most canned queries.
func (r *reader) refAndVocab(v quad.Value, pred ontology.Predicate) (cgraph.Ref, cgraph.Ref, error) {
	n, err := r.ref(v)
	if err != nil {
		return nil, nil, err
	}
	p, err := r.vocabRef(string(pred))
	if err != nil {
		return nil, nil, err
	}
	return n, p, nil
}

// emitEdge emits {id: target, source, target}: what Gizmo's
// .Tag("source")...Tag("target").All() gives, the path ending on target.
func (r *reader) emitEdge(emit func(any) error, source, target cgraph.Ref) error {
	return r.emitEdgeAt(emit, source, target, false)
}

// emitEdgeAt emits {id, source, target} with id the node the path ends
// on: source when atSource, else target.
func (r *reader) emitEdgeAt(emit func(any) error, source, target cgraph.Ref, atSource bool) error {
	s, err := r.text(source)
	if err != nil {
		return err
	}
	t, err := r.text(target)
	if err != nil {
		return err
	}
	id := t
	if atSource {
		id = s
	}
	return emit(map[string]any{"id": id, "source": s, "target": t})
}

// edges emits every quad * pred * as an edge, or only those whose subject
// keep accepts (nil keeps all).
func (r *reader) edges(pred cgraph.Ref, keep func(cgraph.Ref) bool, emit func(any) error) error {
	return r.each(pattern{p: pred}, func(l link) error {
		if keep != nil && !keep(l.s) {
			return nil
		}
		return r.emitEdge(emit, l.s, l.o)
	})
}

// recipients: g.V().Tag("source").Out(recipient_of).Tag("target").All()
func recipients(r *reader, _ cannedArgs, emit func(any) error) error {
	p, err := r.vocabRef(string(ontology.RecipientOf))
	if err != nil {
		return err
	}
	return r.edges(p, nil, emit)
}

// officials: people (by type) and the places they are official_of.
func officials(r *reader, _ cannedArgs, emit func(any) error) error {
	people, err := r.ofType("Person")
	if err != nil {
		return err
	}
	p, err := r.vocabRef(string(ontology.OfficialOf))
	if err != nil {
		return err
	}
	for _, person := range people {
		objs, err := r.objects(person, p)
		if err != nil {
			return err
		}
		for _, o := range objs {
			if err := r.emitEdge(emit, person, o); err != nil {
				return err
			}
		}
	}
	return nil
}

// strategies: strategies (by type) and who implements them.
func strategies(r *reader, _ cannedArgs, emit func(any) error) error {
	strats, err := r.ofType("Strategy")
	if err != nil {
		return err
	}
	p, err := r.vocabRef(string(ontology.Implements))
	if err != nil {
		return err
	}
	for _, st := range strats {
		subs, err := r.subjects(p, st)
		if err != nil {
			return err
		}
		for _, s := range subs {
			if err := r.emitEdgeAt(emit, s, st, true); err != nil {
				return err
			}
		}
	}
	return nil
}

// ofType returns the nodes whose rdf:type is pkv:<typ>.
func (r *reader) ofType(typ string) ([]cgraph.Ref, error) {
	t, err := r.vocabRef(typ)
	if err != nil {
		return nil, err
	}
	ty, err := r.ref(rdfType)
	if err != nil {
		return nil, err
	}
	return r.subjects(ty, t)
}

// parents: the place and everything FollowRecursive(part_of, depth)
// reaches from it, each with its part_of edges.
func parents(r *reader, a cannedArgs, emit func(any) error) error {
	place, partOf, err := r.refAndVocab(a.value("place"), ontology.PartOf)
	if err != nil {
		return err
	}
	up, err := r.followRecursive([]cgraph.Ref{place}, a.int("depth"), func(n cgraph.Ref) ([]cgraph.Ref, error) {
		return r.objects(n, partOf)
	})
	if err != nil {
		return err
	}
	from := append([]cgraph.Ref{place}, up.list...)
	done := newRefSet()
	for _, n := range from {
		if !done.add(n) {
			continue
		}
		objs, err := r.objects(n, partOf)
		if err != nil {
			return err
		}
		for _, o := range objs {
			if err := r.emitEdge(emit, n, o); err != nil {
				return err
			}
		}
	}
	return nil
}

// hierarchy: every place FollowRecursive(In(part_of), depth) reaches below
// the place, with its part_of edges to places inside the tree.
func hierarchy(r *reader, a cannedArgs, emit func(any) error) error {
	place, partOf, err := r.refAndVocab(a.value("place"), ontology.PartOf)
	if err != nil {
		return err
	}
	below, err := r.followRecursive([]cgraph.Ref{place}, a.int("depth"), func(n cgraph.Ref) ([]cgraph.Ref, error) {
		return r.subjects(partOf, n)
	})
	if err != nil {
		return err
	}
	inside := func(x cgraph.Ref) bool { return below.has(x) || same(place, x) }
	for _, n := range below.list {
		objs, err := r.objects(n, partOf)
		if err != nil {
			return err
		}
		for _, o := range objs {
			if !inside(o) {
				continue
			}
			if err := r.emitEdge(emit, n, o); err != nil {
				return err
			}
		}
	}
	return nil
}

// maxRecursiveSteps is Cayley's depth for FollowRecursive given 0.
const maxRecursiveSteps = 50

// followRecursive walks as Cayley's recursive iterator does: level by
// level up to depth steps (0: 50), each node once, the start nodes only if
// a walk comes back to them.
func (r *reader) followRecursive(start []cgraph.Ref, depth int, step func(cgraph.Ref) ([]cgraph.Ref, error)) (*refSet, error) {
	if depth == 0 {
		depth = maxRecursiveSteps
	}
	seen := newRefSet()
	frontier := start
	for d := 0; d < depth && len(frontier) > 0; d++ {
		var next []cgraph.Ref
		for _, n := range frontier {
			out, err := step(n)
			if err != nil {
				return nil, err
			}
			for _, m := range out {
				if seen.add(m) {
					next = append(next, m)
				}
			}
		}
		frontier = next
	}
	return seen, nil
}

// refSet is a set of references that remembers the order of insertion.
type refSet struct {
	keys map[any]bool
	list []cgraph.Ref
}

func newRefSet() *refSet { return &refSet{keys: map[any]bool{}} }

// add puts x in the set and reports whether it was new.
func (s *refSet) add(x cgraph.Ref) bool {
	k := refs.ToKey(x)
	if s.keys[k] {
		return false
	}
	s.keys[k] = true
	s.list = append(s.list, x)
	return true
}

func (s *refSet) has(x cgraph.Ref) bool { return x != nil && s.keys[refs.ToKey(x)] }

// cooperation: the nodes within depth cooperates_with steps of the place,
// either way, and the cooperates_with edges among them.
func cooperation(r *reader, a cannedArgs, emit func(any) error) error {
	place, coop, err := r.refAndVocab(a.value("place"), ontology.CooperatesWith)
	if err != nil {
		return err
	}
	net := newRefSet()
	if _, ok := place.(absent); ok {
		return nil
	}
	net.add(place)
	ring := []cgraph.Ref{place}
	for i := 0; i < a.int("depth") && len(ring) > 0; i++ {
		var next []cgraph.Ref
		for _, n := range ring {
			both, err := r.neighbours(n, coop)
			if err != nil {
				return err
			}
			for _, m := range both {
				if net.add(m) {
					next = append(next, m)
				}
			}
		}
		ring = next
	}
	for _, n := range net.list {
		objs, err := r.objects(n, coop)
		if err != nil {
			return err
		}
		for _, o := range objs {
			if net.has(o) {
				if err := r.emitEdge(emit, n, o); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// neighbours returns the nodes one pred step from n, either way.
func (r *reader) neighbours(n, pred cgraph.Ref) ([]cgraph.Ref, error) {
	out, err := r.objects(n, pred)
	if err != nil {
		return nil, err
	}
	in, err := r.subjects(pred, n)
	return append(out, in...), err
}

// documents: the documents that mention the entity, each with its title
// (required) and date (optional).
func documents(r *reader, a cannedArgs, emit func(any) error) error {
	ent, err := r.ref(a.value("entity"))
	if err != nil {
		return err
	}
	mentions, err := r.vocabRef(ontology.Mentions)
	if err != nil {
		return err
	}
	docs, err := r.subjects(mentions, ent)
	if err != nil {
		return err
	}
	for _, d := range docs {
		err := r.saves(d, []save{{ontology.Title, "title", false}, {ontology.Date, "date", true}}, func(row map[string]any) error {
			id, err := r.text(d)
			if err != nil {
				return err
			}
			row["id"], row["document"] = id, id
			return emit(row)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// save is one Save (optional: SaveOpt) of a Gizmo path: the values of
// pred from the current node, under tag.
type save struct {
	pred     string // vocabulary name
	tag      string
	optional bool
}

// saves calls fn with one row per combination of the saved values of n,
// as a chain of Save and SaveOpt calls gives: none when a required one has
// no value, and an optional one without values leaves its tag out.
func (r *reader) saves(n cgraph.Ref, list []save, fn func(map[string]any) error) error {
	values := make([][]any, len(list))
	for i, sv := range list {
		p, err := r.vocabRef(sv.pred)
		if err != nil {
			return err
		}
		objs, err := r.objects(n, p)
		if err != nil {
			return err
		}
		for _, o := range objs {
			v, err := r.native(o)
			if err != nil {
				return err
			}
			if v != nil {
				values[i] = append(values[i], v)
			}
		}
		if len(values[i]) == 0 {
			if !sv.optional {
				return nil
			}
			values[i] = []any{nil}
		}
	}
	return combine(list, values, 0, map[string]any{}, fn)
}

func combine(list []save, values [][]any, i int, row map[string]any, fn func(map[string]any) error) error {
	if i == len(list) {
		out := make(map[string]any, len(row)+2)
		for k, v := range row {
			out[k] = v
		}
		return fn(out)
	}
	for _, v := range values[i] {
		if v == nil {
			delete(row, list[i].tag)
		} else {
			row[list[i].tag] = v
		}
		if err := combine(list, values, i+1, row, fn); err != nil {
			return err
		}
	}
	delete(row, list[i].tag)
	return nil
}

// firstText is texts[0] of g.V(ev).Out(sentence).Out(text).ToArray(),
// and whether there is one.
func (r *reader) firstText(ev cgraph.Ref) (any, bool, error) {
	sentence, err := r.vocabRef(ontology.Sentence)
	if err != nil {
		return nil, false, err
	}
	text, err := r.vocabRef(ontology.Text)
	if err != nil {
		return nil, false, err
	}
	sents, err := r.objects(ev, sentence)
	if err != nil {
		return nil, false, err
	}
	for _, s := range sents {
		texts, err := r.objects(s, text)
		if err != nil {
			return nil, false, err
		}
		for _, t := range texts {
			v, err := r.native(t)
			if err != nil {
				return nil, false, err
			}
			if v != nil {
				return v, true, nil
			}
		}
	}
	return nil, false, nil
}

// labelsOf returns the distinct labels of the quads subject pred object.
func (r *reader) labelsOf(subject, pred, object cgraph.Ref) ([]cgraph.Ref, error) {
	return r.distinct(pattern{s: subject, p: pred, o: object}, func(l link) cgraph.Ref { return l.l })
}

// figures: the place's metrics (figure and unit required, year optional),
// one row per piece of evidence, with its rule, document and sentence.
func figures(r *reader, a cannedArgs, emit func(any) error) error {
	place, err := r.ref(a.value("place"))
	if err != nil {
		return err
	}
	hasMetric, err := r.vocabRef(ontology.HasMetric)
	if err != nil {
		return err
	}
	metrics, err := r.objects(place, hasMetric)
	if err != nil {
		return err
	}
	list := []save{{ontology.Figure, "figure", false}, {ontology.Unit, "unit", false}, {ontology.Year, "year", true}}
	for _, m := range metrics {
		metric, err := r.text(m)
		if err != nil {
			return err
		}
		err = r.saves(m, list, func(saved map[string]any) error {
			return r.figureRows(m, metric, saved, emit)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func (r *reader) figureRows(m cgraph.Ref, metric string, saved map[string]any, emit func(any) error) error {
	evs, err := r.nodeLabels(m)
	if err != nil {
		return err
	}
	for _, ev := range evs {
		evText, err := r.native(ev)
		if err != nil {
			return err
		}
		row := map[string]any{"metric": metric, "figure": saved["figure"], "unit": saved["unit"], "evidence": evText}
		if y, ok := saved["year"]; ok {
			row["year"] = y
		}
		if err := r.ruleAndDocument(ev, row); err != nil {
			return err
		}
		if t, ok, err := r.firstText(ev); err != nil {
			return err
		} else if ok {
			row["sentence"] = t
		}
		if err := emit(row); err != nil {
			return err
		}
	}
	return nil
}

// ruleAndDocument sets row's rule and document as the figures query does:
// from the last of the evidence's (rule, document) pairs, if any.
func (r *reader) ruleAndDocument(ev cgraph.Ref, row map[string]any) error {
	return r.saves(ev, []save{{ontology.Rule, "rule", false}, {ontology.InDoc, "document", false}}, func(t map[string]any) error {
		row["rule"], row["document"] = t["rule"], t["document"]
		return nil
	})
}

// nodeLabels is g.V(n).Labels(): the distinct labels of the quads with n
// as subject or object.
func (r *reader) nodeLabels(n cgraph.Ref) ([]cgraph.Ref, error) {
	set := newRefSet()
	for _, pat := range []pattern{{s: n}, {o: n}} {
		err := r.each(pat, func(l link) error {
			if v, err := r.value(l.l); err != nil || v == nil {
				return err // a quad without a label has none to give
			}
			set.add(l.l)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return set.list, nil
}

// evidence: each piece of evidence labelling subject predicate object,
// with its rule, document, the document's title and the sentence.
func evidence(r *reader, a cannedArgs, emit func(any) error) error {
	s, err := r.ref(a.value("subject"))
	if err != nil {
		return err
	}
	p, err := r.ref(a.value("predicate"))
	if err != nil {
		return err
	}
	o, err := r.ref(a.value("object"))
	if err != nil {
		return err
	}
	evs, err := r.labelsOf(s, p, o)
	if err != nil {
		return err
	}
	inDoc, err := r.vocabRef(ontology.InDoc)
	if err != nil {
		return err
	}
	for _, ev := range evs {
		if err := r.evidenceRows(ev, inDoc, emit); err != nil {
			return err
		}
	}
	return nil
}

func (r *reader) evidenceRows(ev, inDoc cgraph.Ref, emit func(any) error) error {
	evText, err := r.native(ev)
	if err != nil {
		return err
	}
	sentence, hasSentence, err := r.firstText(ev)
	if err != nil {
		return err
	}
	docs, err := r.objects(ev, inDoc)
	if err != nil {
		return err
	}
	// Save(document) and Out(document).SaveOpt(title) walk the same edge
	// twice, independently: every document tag meets every title.
	var titles []any
	for _, d := range docs {
		err := r.saves(d, []save{{ontology.Title, "title", true}}, func(t map[string]any) error {
			titles = append(titles, t["title"])
			return nil
		})
		if err != nil {
			return err
		}
	}
	base := []save{{ontology.Rule, "rule", false}, {ontology.InDoc, "document", false}, {ontology.Text, "source", true}}
	return r.saves(ev, base, func(row map[string]any) error {
		for _, title := range titles {
			out := map[string]any{"evidence": evText}
			for k, v := range row {
				out[k] = v
			}
			if title != nil {
				out["title"] = title
			}
			if hasSentence {
				out["sentence"] = sentence
			}
			if err := emit(out); err != nil {
				return err
			}
		}
		return nil
	})
}

// flows: what moved from a place to where, with the figures that the
// same sentence gives for either end.
func flows(r *reader, a cannedArgs, emit func(any) error) error {
	from, transfers, err := r.refAndVocab(a.value("from"), ontology.TransfersTo)
	if err != nil {
		return err
	}
	targets, err := r.objects(from, transfers)
	if err != nil {
		return err
	}
	for _, t := range targets {
		evs, err := r.labelsOf(from, transfers, t)
		if err != nil {
			return err
		}
		for _, ev := range evs {
			if err := r.flowRows(from, t, ev, emit); err != nil {
				return err
			}
		}
	}
	return nil
}

func (r *reader) flowRows(from, to, ev cgraph.Ref, emit func(any) error) error {
	source, err := r.text(from)
	if err != nil {
		return err
	}
	target, err := r.text(to)
	if err != nil {
		return err
	}
	evText, err := r.native(ev)
	if err != nil {
		return err
	}
	figs, err := r.sentenceFigures(ev, []cgraph.Ref{from, to})
	if err != nil {
		return err
	}
	if len(figs) == 0 {
		return emit(map[string]any{"source": source, "target": target, "evidence": evText})
	}
	for _, f := range figs {
		row := map[string]any{"source": source, "target": target, "figure": f["figure"], "evidence": evText}
		if y, ok := f["year"]; ok {
			row["year"] = y
		}
		if err := emit(row); err != nil {
			return err
		}
	}
	return nil
}

// sentenceFigures is the flows query's
// g.V(ends).LabelContext(sameSentence).Out(has_metric).Save(figure).SaveOpt(year):
// the metrics of either end stated under an evidence node that shares ev's
// sentence, with their figures and years.
func (r *reader) sentenceFigures(ev cgraph.Ref, ends []cgraph.Ref) ([]map[string]any, error) {
	sentence, err := r.vocabRef(ontology.Sentence)
	if err != nil {
		return nil, err
	}
	hasMetric, err := r.vocabRef(ontology.HasMetric)
	if err != nil {
		return nil, err
	}
	sents, err := r.objects(ev, sentence)
	if err != nil {
		return nil, err
	}
	same := newRefSet()
	for _, s := range sents {
		evs, err := r.subjects(sentence, s)
		if err != nil {
			return nil, err
		}
		for _, e := range evs {
			same.add(e)
		}
	}
	var metrics []cgraph.Ref
	keep := func(l link) error {
		if same.has(l.l) {
			metrics = append(metrics, l.o)
		}
		return nil
	}
	if r.labelIndexed() {
		// A few quads carry each evidence node as their label: read those.
		for _, e := range same.list {
			for _, end := range ends {
				if err := r.each(pattern{s: end, p: hasMetric, l: e}, keep); err != nil {
					return nil, err
				}
			}
		}
	} else {
		for _, end := range ends {
			if err := r.each(pattern{s: end, p: hasMetric}, keep); err != nil {
				return nil, err
			}
		}
	}
	var out []map[string]any
	list := []save{{ontology.Figure, "figure", false}, {ontology.Year, "year", true}}
	for _, m := range metrics {
		err := r.saves(m, list, func(row map[string]any) error {
			out = append(out, row)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
