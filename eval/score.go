package eval

import (
	"fmt"

	"github.com/policykg/policykg/ontology"
)

// PRF is a count of matches with precision, recall and F1.
type PRF struct {
	TP, FP, FN int
}

// Precision is TP / (TP + FP), 0 when nothing was proposed.
func (p PRF) Precision() float64 { return ratio(p.TP, p.TP+p.FP) }

// Recall is TP / (TP + FN), 0 when the gold is empty.
func (p PRF) Recall() float64 { return ratio(p.TP, p.TP+p.FN) }

// F1 is the harmonic mean of precision and recall.
func (p PRF) F1() float64 {
	pr, re := p.Precision(), p.Recall()
	if pr+re == 0 {
		return 0
	}
	return 2 * pr * re / (pr + re)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Add sums two counts.
func (p PRF) Add(q PRF) PRF { return PRF{p.TP + q.TP, p.FP + q.FP, p.FN + q.FN} }

func (p PRF) String() string {
	return fmt.Sprintf("precision %.3f recall %.3f F1 %.3f (tp %d fp %d fn %d)", p.Precision(), p.Recall(), p.F1(), p.TP, p.FP, p.FN)
}

// Score is the result of comparing one system set with its gold.
type Score struct {
	Name                        string
	Entities, Relations, Metric PRF
	// Misses and FalsePositives describe the unmatched items, one line each.
	Misses, FalsePositives []string
}

// Total micro-averages scores.
func Total(ss []Score) Score {
	t := Score{Name: "overall"}
	for _, s := range ss {
		t.Entities = t.Entities.Add(s.Entities)
		t.Relations = t.Relations.Add(s.Relations)
		t.Metric = t.Metric.Add(s.Metric)
	}
	return t
}

// names maps every normalised gold name and alias to its gold canonical.
type names map[string]string

func goldNames(g Set) names {
	n := names{}
	for _, e := range g.Entities {
		for _, a := range append([]string{e.Name}, e.Aliases...) {
			if k := Norm(a); k != "" {
				if _, dup := n[k]; !dup {
					n[k] = e.Name
				}
			}
		}
	}
	return n
}

// canon returns the gold canonical a system name matches, or the name's
// own key prefixed so it matches nothing.
func (n names) canon(s string) string {
	if c, ok := n[Norm(s)]; ok {
		return c
	}
	return "\x00" + Norm(s)
}

// Compare scores sys against gold by the contract.
func Compare(gold, sys Set) Score {
	n := goldNames(gold)
	sc := Score{Name: gold.Name}
	sc.Entities = matchAll(len(gold.Entities), len(sys.Entities), func(gi, si int) bool {
		return n.canon(sys.Entities[si].Name) == gold.Entities[gi].Name && sys.Entities[si].Type == gold.Entities[gi].Type
	}, func(gi int) string {
		return fmt.Sprintf("miss entity %s %s", gold.Entities[gi].Name, gold.Entities[gi].Type)
	}, func(si int) string {
		return fmt.Sprintf("false entity %s %s", sys.Entities[si].Name, sys.Entities[si].Type)
	}, &sc)
	var rels []Relation
	for _, r := range sys.Relations {
		if _, ok := ontology.LookupPredicate(r.Predicate); ok {
			rels = append(rels, r)
		}
	}
	var grels []Relation
	for _, r := range gold.Relations {
		if _, ok := ontology.LookupPredicate(r.Predicate); ok {
			grels = append(grels, r)
		}
	}
	gn := func(s string) string { return n.canon(s) }
	sc.Relations = matchAll(len(grels), len(rels), func(gi, si int) bool {
		g, s := grels[gi], rels[si]
		if g.Predicate != s.Predicate {
			return false
		}
		gs, gobj := gn(g.Subject), gn(g.Object)
		ss, so := gn(s.Subject), gn(s.Object)
		if gs == ss && gobj == so {
			return true
		}
		return g.Predicate == ontology.CooperatesWith && gs == so && gobj == ss
	}, func(gi int) string {
		g := grels[gi]
		return fmt.Sprintf("miss relation %s %s %s", g.Subject, g.Predicate, g.Object)
	}, func(si int) string {
		s := rels[si]
		return fmt.Sprintf("false relation %s %s %s", s.Subject, s.Predicate, s.Object)
	}, &sc)
	sc.Metric = matchAll(len(gold.Metrics), len(sys.Metrics), func(gi, si int) bool {
		g, s := gold.Metrics[gi], sys.Metrics[si]
		return gn(g.Subject) == gn(s.Subject) && g.Value == s.Value && Norm(g.Unit) == Norm(s.Unit)
	}, func(gi int) string {
		g := gold.Metrics[gi]
		return fmt.Sprintf("miss metric %s %g %s", g.Subject, g.Value, g.Unit)
	}, func(si int) string {
		s := sys.Metrics[si]
		return fmt.Sprintf("false metric %s %g %s", s.Subject, s.Value, s.Unit)
	}, &sc)
	return sc
}

// matchAll pairs gold and system items greedily, each at most once.
func matchAll(ng, ns int, eq func(gi, si int) bool, miss, fp func(int) string, sc *Score) PRF {
	usedS := make([]bool, ns)
	var p PRF
	for gi := 0; gi < ng; gi++ {
		found := false
		for si := 0; si < ns; si++ {
			if !usedS[si] && eq(gi, si) {
				usedS[si], found = true, true
				break
			}
		}
		if found {
			p.TP++
		} else {
			p.FN++
			sc.Misses = append(sc.Misses, miss(gi))
		}
	}
	for si, u := range usedS {
		if !u {
			p.FP++
			sc.FalsePositives = append(sc.FalsePositives, fp(si))
		}
	}
	return p
}
