// Package bench generates synthetic graphs shaped like policykg's real
// one, for benchmarks at scale: a five-level administrative hierarchy
// (country, provinces, cities, districts, zones) written as gazetteer
// documents, and thousands of news documents whose sentences state
// transfers, receptions, cooperation, offices, strategies and figures, each
// with its evidence node and sentence, all through graph.ReplaceDocument.
package bench

import (
	"context"
	"fmt"
	"math/rand"

	"github.com/policykg/policykg/graph"
	"github.com/policykg/policykg/ontology"
)

// Config sizes a synthetic graph.
type Config struct {
	Provinces, Cities, Districts, Zones int // fan-out at each level below the country
	Documents                           int // news documents
	Seed                                int64
}

// ForQuads returns a Config whose graph holds roughly n quads: a fixed
// hierarchy of about 12,700 places (about 62,000 quads) and about 187
// quads per news document (measured: 375 documents gave 132,583 quads).
func ForQuads(n int) Config {
	docs := (n - 62000) / 187
	if docs < 10 {
		docs = 10
	}
	return Config{Provinces: 31, Cities: 10, Districts: 8, Zones: 4, Documents: docs, Seed: 1}
}

// Params are canned query parameters that have answers in a synthetic
// graph built from the same Config.
func (c Config) Params() map[string][]string {
	return map[string][]string{
		"hierarchy":   {"place=" + provinceName(1)},
		"parents":     {"place=" + zoneName(1, 1, 1, 1)},
		"recipients":  nil,
		"flows":       {"from=" + cityName(1, 1)},
		"cooperation": {"place=" + cityName(1, 1), "depth=2"},
		"officials":   nil,
		"figures":     {"place=" + cityName(1, 1)},
		"strategies":  nil,
		"documents":   {"entity=" + cityName(1, 1)},
		"evidence":    {"subject=" + districtName(1, 1, 1), "predicate=part_of", "object=" + cityName(1, 1)},
		"by-type":     {"type=Province"},
		"connection":  {"from=" + districtName(1, 1, 1), "to=" + districtName(2, 2, 2), "hops=4"},
	}
}

func provinceName(p int) string       { return fmt.Sprintf("Province %02d", p) }
func cityName(p, c int) string        { return fmt.Sprintf("City %02d-%02d", p, c) }
func districtName(p, c, d int) string { return fmt.Sprintf("District %02d-%02d-%02d", p, c, d) }
func zoneName(p, c, d, z int) string  { return fmt.Sprintf("Zone %02d-%02d-%02d-%02d", p, c, d, z) }
func ent(name string, t ontology.EntityType, code string) ontology.Entity {
	return ontology.Entity{ID: ontology.Slug(name), Name: name, Type: t, Code: code,
		Aliases: []string{name + " " + string(t)}}
}

// Generate writes the synthetic graph into st, calling progress (if not
// nil) after each document.
func Generate(ctx context.Context, st *graph.Store, c Config, progress func(done, total int)) error {
	total := c.Provinces + c.Documents
	w := &world{Config: c, rnd: rand.New(rand.NewSource(c.Seed))}
	for p := 1; p <= c.Provinces; p++ {
		if err := write(ctx, st, w.gazetteer(p)); err != nil {
			return err
		}
		if progress != nil {
			progress(p, total)
		}
	}
	for d := 1; d <= c.Documents; d++ {
		if err := write(ctx, st, w.news(d)); err != nil {
			return err
		}
		if progress != nil {
			progress(c.Provinces+d, total)
		}
	}
	return nil
}

func write(ctx context.Context, st *graph.Store, ex ontology.Extraction) error {
	if _, err := st.ReplaceDocument(ctx, ex); err != nil {
		return fmt.Errorf("synthetic %s: %w", ex.Document.ID, err)
	}
	return nil
}

type world struct {
	Config
	rnd *rand.Rand
}

// gazetteer is one province's part of the hierarchy, as a reference source.
func (w *world) gazetteer(p int) ontology.Extraction {
	id := ontology.DocumentID(fmt.Sprintf("gazetteer-%02d", p))
	ev := ontology.Evidence{Document: id, Rule: "gazetteer", Text: "synthetic gazetteer"}
	ex := ontology.Extraction{Document: ontology.Document{ID: id, Title: "Gazetteer of " + provinceName(p), Hash: string(id)}}
	add := func(e ontology.Entity, parent string) {
		ex.Entities = append(ex.Entities, e)
		ex.Facts = append(ex.Facts, ontology.Fact{Subject: e.ID, Predicate: ontology.PartOf, Object: ontology.Slug(parent), Evidence: ev})
	}
	ex.Entities = append(ex.Entities, ent("China", ontology.Country, "000000"))
	add(ent(provinceName(p), ontology.Province, fmt.Sprintf("%02d0000", p)), "China")
	for c := 1; c <= w.Cities; c++ {
		add(ent(cityName(p, c), ontology.City, fmt.Sprintf("%02d%02d00", p, c)), provinceName(p))
		for d := 1; d <= w.Districts; d++ {
			add(ent(districtName(p, c, d), ontology.District, fmt.Sprintf("%02d%02d%02d", p, c, d)), cityName(p, c))
			for z := 1; z <= w.Zones; z++ {
				add(ent(zoneName(p, c, d, z), ontology.Zone, ""), districtName(p, c, d))
			}
		}
	}
	return ex
}

func (w *world) place() ontology.Entity {
	p, c := 1+w.rnd.Intn(w.Provinces), 1+w.rnd.Intn(w.Cities)
	switch w.rnd.Intn(4) {
	case 0:
		return ent(provinceName(p), ontology.Province, "")
	case 1:
		return ent(districtName(p, c, 1+w.rnd.Intn(w.Districts)), ontology.District, "")
	}
	return ent(cityName(p, c), ontology.City, "")
}

// news is one synthetic article: 20 sentences, of which 8 state facts
// and 4 give figures, about 10 entities in all.
func (w *world) news(d int) ontology.Extraction {
	id := ontology.DocumentID(fmt.Sprintf("news-%05d", d))
	ex := ontology.Extraction{Document: ontology.Document{ID: id, Title: fmt.Sprintf("Synthetic report %d", d),
		Publisher: "Synthetic Daily", Date: fmt.Sprintf("20%02d-%02d-%02d", 14+d%10, 1+d%12, 1+d%28), Hash: string(id)}}
	for i := 0; i < 20; i++ {
		ex.Sentences = append(ex.Sentences, fmt.Sprintf("Sentence %d of report %d says something about regional policy.", i+1, d))
	}
	person := ent(fmt.Sprintf("Official %04d", w.rnd.Intn(3000)), ontology.Person, "")
	strategy := ent(fmt.Sprintf("Strategy %02d", w.rnd.Intn(40)), ontology.Strategy, "")
	concept := ent(fmt.Sprintf("Relocated functions %02d", w.rnd.Intn(20)), ontology.Concept, "")
	places := []ontology.Entity{w.place(), w.place(), w.place(), w.place(), w.place(), w.place()}
	ex.Entities = append(append(ex.Entities, places...), person, strategy, concept)
	if d%5 == 0 { // the benchmarks' city: flows, figures and cooperation to find
		places[0] = ent(cityName(1, 1), ontology.City, "")
		ex.Entities = append(ex.Entities, places[0])
	}
	ev := func(n int, rule string) ontology.Evidence {
		return ontology.Evidence{Document: id, Sentence: n, Text: ex.Sentences[n-1], Rule: rule}
	}
	fact := func(s ontology.EntityID, p ontology.Predicate, o ontology.EntityID, n int, rule string) {
		ex.Facts = append(ex.Facts, ontology.Fact{Subject: s, Predicate: p, Object: o, Evidence: ev(n, rule)})
	}
	fact(places[0].ID, ontology.TransfersTo, places[1].ID, 2, "moved-from-to")
	fact(places[0].ID, ontology.TransfersTo, places[2].ID, 3, "transferred-from-to")
	fact(places[1].ID, ontology.RecipientOf, concept.ID, 4, "recipient-of")
	fact(places[0].ID, ontology.CooperatesWith, places[3].ID, 6, "working-with")
	fact(places[3].ID, ontology.CooperatesWith, places[4].ID, 7, "joint-progress")
	fact(person.ID, ontology.OfficialOf, places[5].ID, 9, "title-of-place")
	fact(places[5].ID, ontology.Implements, strategy.ID, 11, "strategy-subject")
	fact(places[2].ID, ontology.Implements, strategy.ID, 12, "strategy-subject")
	for i, n := range []int{2, 3, 14, 16} {
		ex.Metrics = append(ex.Metrics, ontology.Metric{Subject: places[i%3].ID, Value: float64(w.rnd.Intn(1000)), Unit: "companies",
			Year: 2014 + w.rnd.Intn(10), Text: fmt.Sprintf("%d companies", w.rnd.Intn(1000)), Evidence: ev(n, "figure")})
	}
	for i, e := range ex.Entities {
		ex.Mentions = append(ex.Mentions, ontology.Mention{Entity: e.ID, Surface: e.Name, Evidence: ev(1+(i*2)%20, "mention")})
	}
	return ex
}
