// Command exportgen fills a store with a synthetic graph of about the asked
// number of quads, shaped like policykg's (provinces of cities of districts
// with part_of facts, cross-links, figures, evidence sentences), for the
// export benchmarks. It is a tool, not a test: run it by hand.
//
//	go run ./bench/exportgen -db /tmp/big.db -quads 1000000
//
// Each synthetic document is one province "Province N" (pk:province-N) with
// its cities and districts, written with graph.ReplaceDocument, so the store
// is what policykg build would make of such texts.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/policykg/policykg/graph"
	"github.com/policykg/policykg/ontology"
)

func main() {
	db := flag.String("db", "", "store to create (required)")
	target := flag.Int("quads", 1_000_000, "stop once the store holds at least this many quads")
	cities := flag.Int("cities", 10, "cities per province")
	districts := flag.Int("districts", 12, "districts per city")
	flag.Parse()
	if *db == "" {
		fmt.Fprintln(os.Stderr, "exportgen: -db is required")
		os.Exit(2)
	}
	if err := run(context.Background(), *db, *target, *cities, *districts); err != nil {
		fmt.Fprintln(os.Stderr, "exportgen:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, db string, target, cities, districts int) error {
	st, err := graph.Open(ctx, db, graph.Options{Create: true})
	if err != nil {
		return err
	}
	defer st.Close()
	start := time.Now()
	total := 0
	for n := 0; total < target; n++ {
		res, err := st.ReplaceDocument(ctx, province(n, cities, districts))
		if err != nil {
			return err
		}
		total += res.Added
		if n%20 == 0 {
			fmt.Fprintf(os.Stderr, "exportgen: %d documents, %d quads, %.0fs\n", n+1, total, time.Since(start).Seconds())
		}
	}
	fmt.Printf("exportgen: %d quads in %.1fs\n", total, time.Since(start).Seconds())
	return nil
}

// province builds the extraction of one synthetic document.
func province(n, cities, districts int) ontology.Extraction {
	doc := ontology.DocumentID(fmt.Sprintf("synthetic-%04d", n))
	b := &builder{ex: ontology.Extraction{Document: ontology.Document{
		ID: doc, Title: fmt.Sprintf("Synthetic report %d", n), Hash: string(doc),
	}}}
	p := b.entity(fmt.Sprintf("Province %d", n), ontology.Province)
	b.fact(p, ontology.CooperatesWith, b.entity(fmt.Sprintf("Province %d", n+1), ontology.Province),
		"%s will cooperate with its neighbour.")
	strategy := b.entity(fmt.Sprintf("Plan %d", n%50), ontology.Strategy)
	for c := 0; c < cities; c++ {
		city := b.entity(fmt.Sprintf("City %d-%d", n, c), ontology.City)
		b.fact(city, ontology.PartOf, p, "%s is a city of the province.")
		b.fact(city, ontology.Implements, strategy, "%s will implement the plan.")
		for d := 0; d < districts; d++ {
			dist := b.entity(fmt.Sprintf("District %d-%d-%d", n, c, d), ontology.District)
			b.fact(dist, ontology.PartOf, city, "%s district lies in the city.")
			b.metric(dist, float64(1+d)*1e9, 2015+d%10)
		}
	}
	return b.ex
}

type builder struct {
	ex ontology.Extraction
}

func (b *builder) entity(name string, t ontology.EntityType) ontology.EntityID {
	id := ontology.Slug(name)
	b.ex.Entities = append(b.ex.Entities, ontology.Entity{ID: id, Name: name, Type: t, Aliases: []string{name + " area"}})
	return id
}

func (b *builder) sentence(text string) ontology.Evidence {
	b.ex.Sentences = append(b.ex.Sentences, text)
	return ontology.Evidence{Document: b.ex.Document.ID, Sentence: len(b.ex.Sentences), Text: text, Rule: "synthetic"}
}

func (b *builder) fact(s ontology.EntityID, p ontology.Predicate, o ontology.EntityID, format string) {
	ev := b.sentence(fmt.Sprintf(format, s))
	b.ex.Facts = append(b.ex.Facts, ontology.Fact{Subject: s, Predicate: p, Object: o, Evidence: ev})
	b.ex.Mentions = append(b.ex.Mentions, ontology.Mention{Entity: s, Surface: string(s), Evidence: ev})
}

func (b *builder) metric(s ontology.EntityID, v float64, year int) {
	text := fmt.Sprintf("%g billion yuan", v/1e9)
	ev := b.sentence(fmt.Sprintf("In %d, %s invested %s.", year, s, text))
	b.ex.Metrics = append(b.ex.Metrics, ontology.Metric{Subject: s, Value: v, Unit: "yuan", Year: year, Text: text, Evidence: ev})
}
