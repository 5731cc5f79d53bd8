package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policykg/policykg/ontology"
)

func TestNorm(t *testing.T) {
	tests := map[string]string{
		"Xiong'an New Area": "xiongannewarea",
		"Beijing-Tianjin":   "beijingtianjin",
		"  CHINA  SCIO ":    "chinascio",
		"Shenzhen (Harbin)": "shenzhenharbin",
	}
	for in, want := range tests {
		if got := Norm(in); got != want {
			t.Errorf("Norm(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCompare(t *testing.T) {
	gold := Set{Name: "g",
		Entities: []Entity{{"Caofeidian", "District", []string{"Caofeidian district"}}, {"Beijing", "Municipality", nil}, {"Tangshan", "City", nil}},
		Relations: []Relation{
			{Subject: "Caofeidian", Predicate: "part_of", Object: "Tangshan"},
			{Subject: "Caofeidian", Predicate: "cooperates_with", Object: "Beijing"},
			{Subject: "Beijing", Predicate: "located_near", Object: "Tangshan"},
		},
		Metrics: []Metric{{Subject: "Caofeidian", Value: 177e9, Unit: "yuan"}},
	}
	sys := Set{
		Entities: []Entity{{"caofeidian district", "District", nil}, {"Beijing", "City", nil}, {"Hebei", "Province", nil}},
		Relations: []Relation{
			{Subject: "Caofeidian District", Predicate: "part_of", Object: "Tangshan"},
			{Subject: "Caofeidian District", Predicate: "part_of", Object: "Tangshan"},
			{Subject: "Beijing", Predicate: "cooperates_with", Object: "Caofeidian"},
		},
		Metrics: []Metric{{Subject: "Caofeidian", Value: 177000000000, Unit: "Yuan"}, {Subject: "Tangshan", Value: 5, Unit: "ports"}},
	}
	s := Compare(gold, sys)
	if s.Entities != (PRF{TP: 1, FP: 2, FN: 2}) {
		t.Errorf("entities %+v, want tp 1 fp 2 fn 2", s.Entities)
	}
	if s.Relations != (PRF{TP: 2, FP: 1, FN: 0}) {
		t.Errorf("relations %+v, want tp 2 fp 1 fn 0 (duplicate is a false positive, unknown predicate ignored)", s.Relations)
	}
	if s.Metric != (PRF{TP: 1, FP: 1, FN: 0}) {
		t.Errorf("metrics %+v, want tp 1 fp 1", s.Metric)
	}
	if got := s.Relations.F1(); got < 0.79 || got > 0.81 {
		t.Errorf("relations F1 = %.3f, want 0.8", got)
	}
	all := Total([]Score{s, s})
	if all.Metric.TP != 2 || all.Metric.FP != 2 {
		t.Errorf("Total metrics %+v", all.Metric)
	}
}

func TestReadWriteRoundTrip(t *testing.T) {
	dir := t.TempDir()
	in := Set{
		Entities:  []Entity{{"Hebei", "Province", []string{"Hebei province"}}, {"Tangshan", "City", nil}},
		Relations: []Relation{{"Tangshan", "part_of", "Hebei", "Tangshan city of Hebei"}},
		Metrics:   []Metric{{"Hebei", 43000, "companies", "2023", "43,000 companies"}},
	}
	if err := Write(dir, in); err != nil {
		t.Fatal(err)
	}
	out, err := ReadGold(dir)
	if err != nil {
		t.Fatal(err)
	}
	if s := Compare(out, in); s.Entities.F1() != 1 || s.Relations.F1() != 1 || s.Metric.F1() != 1 {
		t.Errorf("round trip lost items: %+v", s)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "metrics.tsv"))
	if want := "Hebei\t43000\tcompanies\t2023\t43,000 companies\n"; !strings.Contains(string(data), want) {
		t.Errorf("metrics.tsv = %q, want a line %q", data, want)
	}
	if _, err := GoldDirs([]string{t.TempDir()}); err == nil {
		t.Errorf("GoldDirs of an empty folder succeeded")
	}
	if _, err := ReadGold(t.TempDir()); err == nil {
		t.Errorf("ReadGold of an empty folder succeeded")
	}
}

func TestFromExtractionUsesTheTextsZoneName(t *testing.T) {
	x := ontology.Extraction{
		Document:  ontology.Document{ID: "z"},
		Sentences: []string{"Wuhan is home to the Wuhan Airport Zone."},
		Entities: []ontology.Entity{
			{ID: "w", Name: "Wuhan", Type: ontology.City, Code: "420100"},
			{ID: "z", Name: "Wuhan Airport Comprehensive Experimental Zone", Type: ontology.Zone, Code: "420199", Aliases: []string{"Wuhan Airport Zone"}},
		},
		Facts: []ontology.Fact{{Subject: "z", Predicate: ontology.LocatedIn, Object: "w", Evidence: ontology.Evidence{Sentence: 1}}},
	}
	s := FromExtraction(x)
	if len(s.Relations) != 1 || s.Relations[0].Subject != "Wuhan Airport Zone" || s.Relations[0].Object != "Wuhan" {
		t.Errorf("relations = %+v, want Wuhan Airport Zone located_in Wuhan", s.Relations)
	}
	if x.Entities[1].Name != "Wuhan Airport Comprehensive Experimental Zone" {
		t.Errorf("FromExtraction changed its input: %q", x.Entities[1].Name)
	}
}

// TestContractName names an entity as the text spells it when the text
// never uses its gazetteer name: a division under another romanisation, a
// zone under a longer alias; a name the text uses, and a body, stay.
func TestContractName(t *testing.T) {
	tests := []struct {
		e    ontology.Entity
		text string
		want string
	}{
		{ontology.Entity{Name: "Horgos", Type: ontology.County, Code: "654004", Aliases: []string{"Khorgos"}}, "Khorgos handled cargo.", "Khorgos"},
		{ontology.Entity{Name: "Horgos", Type: ontology.County, Code: "654004", Aliases: []string{"Khorgos"}}, "Horgos, or Khorgos, handled cargo.", "Horgos"},
		{ontology.Entity{Name: "Aksu", Type: ontology.City, Code: "652900", Aliases: []string{"Aksu prefecture"}}, "Aksu prefecture grew.", "Aksu"},
		{ontology.Entity{Name: "Xinhua", Type: ontology.Organization, Aliases: []string{"XINHUA"}}, "XINHUA", "Xinhua"},
	}
	for _, tc := range tests {
		if got := contractName(tc.e, tc.text); got != tc.want {
			t.Errorf("contractName(%s, %q) = %q, want %q", tc.e.Name, tc.text, got, tc.want)
		}
	}
}
