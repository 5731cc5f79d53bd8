package export

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/policykg/policykg/graph"
	"github.com/policykg/policykg/ontology"
)

// MustOpen opens a new store in a temporary directory.
func MustOpen(tb testing.TB) *graph.Store {
	tb.Helper()
	st, err := graph.Open(context.Background(), filepath.Join(tb.TempDir(), "kg.db"), graph.Options{Create: true})
	if err != nil {
		tb.Fatalf("open: %v", err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}

// handMade is an extraction shaped like the seed's: the administrative
// hierarchy of Hebei, Xiong'an and the non-capital functions, a strategy,
// an official and two figures.
func handMade() ontology.Extraction {
	const id = "hand-made"
	sentences := []string{
		"Caofeidian district of Tangshan city will build a port.",
		"Xiong'an New Area, serving as a major recipient of functions relieved from Beijing, will play the major role.",
		"Hebei will cooperate with Tianjin and implement the coordinated development of the Beijing-Tianjin-Hebei region.",
		"Zhang Chengzhong, vice governor of Hebei province, answered the question.",
		"In 2023, Caofeidian attracted 177 billion yuan of investment.",
		"Xiong'an New Area has started 2.9 \"trillion\" yuan of projects since 2017.",
	}
	ev := func(n int, rule string) ontology.Evidence {
		return ontology.Evidence{Document: id, Sentence: n, Text: sentences[n-1], Rule: rule}
	}
	gaz := ontology.Evidence{Document: id, Rule: "gazetteer", Text: "GB/T 2260"}
	ent := func(id ontology.EntityID, name string, t ontology.EntityType, aliases ...string) ontology.Entity {
		return ontology.Entity{ID: id, Name: name, Type: t, Aliases: aliases}
	}
	fact := func(s ontology.EntityID, p ontology.Predicate, o ontology.EntityID, e ontology.Evidence) ontology.Fact {
		return ontology.Fact{Subject: s, Predicate: p, Object: o, Evidence: e}
	}
	return ontology.Extraction{
		Document:  ontology.Document{ID: id, Title: "Hand-made test page", Hash: "h"},
		Sentences: sentences,
		Entities: []ontology.Entity{
			ent("china", "China", ontology.Country),
			ent("hebei", "Hebei", ontology.Province, "Hebei province"),
			ent("tangshan", "Tangshan", ontology.City, "Tangshan city"),
			ent("baoding", "Baoding", ontology.City),
			ent("caofeidian", "Caofeidian", ontology.District, "Caofeidian district"),
			ent("xiongan-new-area", "Xiong'an New Area", ontology.NewArea, "Xiong'an"),
			ent("beijing", "Beijing", ontology.Municipality),
			ent("tianjin", "Tianjin", ontology.Municipality),
			ent("beijing-non-capital-functions", "Beijing non-capital functions", ontology.Concept),
			ent("jjj-coordinated-development", "Coordinated development of the Beijing-Tianjin-Hebei region", ontology.Strategy),
			ent("zhang-chengzhong", "Zhang Chengzhong", ontology.Person),
			ent("caofeidian-port", "Caofeidian Port", ontology.Port),
		},
		Facts: []ontology.Fact{
			fact("hebei", ontology.PartOf, "china", gaz),
			fact("tangshan", ontology.PartOf, "hebei", gaz),
			fact("baoding", ontology.PartOf, "hebei", gaz),
			fact("caofeidian", ontology.PartOf, "tangshan", ev(1, "x-district-of-y")),
			fact("caofeidian", ontology.PartOf, "hebei", gaz),
			fact("xiongan-new-area", ontology.PartOf, "hebei", gaz),
			fact("caofeidian-port", ontology.LocatedIn, "caofeidian", ev(1, "port-in")),
			fact("xiongan-new-area", ontology.RecipientOf, "beijing-non-capital-functions", ev(2, "recipient-of")),
			fact("hebei", ontology.CooperatesWith, "tianjin", ev(3, "cooperate-with")),
			fact("hebei", ontology.Implements, "jjj-coordinated-development", ev(3, "implement")),
			fact("zhang-chengzhong", ontology.OfficialOf, "hebei", ev(4, "title-of")),
		},
		Metrics: []ontology.Metric{
			{Subject: "caofeidian", Value: 177e9, Unit: "yuan", Year: 2023, Text: "177 billion yuan", Evidence: ev(5, "figure")},
			{Subject: "xiongan-new-area", Value: 2.9e12, Unit: "yuan", Text: "2.9 \"trillion\" yuan", Evidence: ev(6, "figure")},
		},
	}
}

// handMadeStore is a store holding handMade.
func handMadeStore(t testing.TB) *graph.Store {
	t.Helper()
	st := MustOpen(t)
	if _, err := st.ReplaceDocument(context.Background(), handMade()); err != nil {
		t.Fatal(err)
	}
	return st
}
