package ontology

import (
	"testing"
)

func mustGazetteer(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := LoadGazetteer()
	if err != nil {
		t.Fatalf("LoadGazetteer: %v", err)
	}
	return g
}

func TestGazetteerLookup(t *testing.T) {
	g := mustGazetteer(t)
	if n := len(g.Units()); n < 3213 {
		t.Fatalf("got %d units, want at least 3213", n)
	}
	tests := []struct {
		name     string
		wantCode string // first candidate
		wantType EntityType
	}{
		{"Hebei", "130000", Province},
		{"Beijing", "110000", Municipality},
		{"Tangshan", "130200", City},
		{"Tangshan City", "130200", City},
		{"Caofeidian", "130209", District},
		{"Sanhe", "131082", County},
		{"Xiong'an New Area", "NA19", NewArea},
		{"xiongan new area", "NA19", NewArea},
		{"Hong Kong", "810000", Province},
		{"Jilin", "220000", Province}, // province before the city of the same name
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := g.Lookup(tt.name)
			if len(got) == 0 {
				t.Fatalf("Lookup(%q) found nothing", tt.name)
			}
			if got[0].Code != tt.wantCode || got[0].Type != tt.wantType {
				t.Errorf("Lookup(%q)[0] = %s %s, want %s %s", tt.name, got[0].Code, got[0].Type, tt.wantCode, tt.wantType)
			}
		})
	}
	if got := g.Lookup("Nanshan"); len(got) < 2 {
		t.Errorf("Lookup(Nanshan) = %d candidates, want the homonyms", len(got))
	}
}

func TestGazetteerAncestors(t *testing.T) {
	g := mustGazetteer(t)
	var names []string
	for _, u := range g.Ancestors("130209") {
		names = append(names, u.Name)
	}
	if len(names) != 2 || names[0] != "Tangshan" || names[1] != "Hebei" {
		t.Errorf("Ancestors(Caofeidian) = %v, want [Tangshan Hebei]", names)
	}
	if !g.IsAncestor("130000", "131082") {
		t.Errorf("Hebei should be an ancestor of Sanhe")
	}
	if g.IsAncestor("110000", "131082") {
		t.Errorf("Beijing is not an ancestor of Sanhe")
	}
}

func TestDivisionType(t *testing.T) {
	tests := []struct {
		level, kind string
		want        EntityType
	}{
		{"province", "municipality", Municipality},
		{"province", "autonomous region", Province},
		{"province", "special administrative region", Province},
		{"prefecture", "autonomous prefecture", City},
		{"county", "district", District},
		{"county", "county-level city", County},
		{"county", "banner", County},
		{"county", "new area", District},
		{"zone", "state-level new area", NewArea},
		{"zone", "pilot free trade zone", Zone},
	}
	for _, tt := range tests {
		if got := DivisionType(tt.level, tt.kind); got != tt.want {
			t.Errorf("DivisionType(%q, %q) = %s, want %s", tt.level, tt.kind, got, tt.want)
		}
	}
}

func TestNormName(t *testing.T) {
	tests := map[string]string{
		"Xi’an":            "xi'an",
		"Lüliang":          "luliang",
		"Beijing-Tianjin":  "beijing tianjin",
		"  Tangshan  City": "tangshan city",
	}
	for in, want := range tests {
		if got := NormName(in); got != want {
			t.Errorf("NormName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestKnownEntitiesValid(t *testing.T) {
	g := mustGazetteer(t)
	seen := map[EntityID]bool{}
	for _, k := range KnownEntities() {
		if _, ok := LookupType(k.Type); !ok {
			t.Errorf("%s: unknown type %s", k.Name, k.Type)
		}
		if seen[Slug(k.Name)] {
			t.Errorf("%s: duplicate entry", k.Name)
		}
		seen[Slug(k.Name)] = true
		if k.Code != "" {
			if _, ok := g.Division(k.Code); !ok {
				t.Errorf("%s: code %s not in the gazetteer", k.Name, k.Code)
			}
		}
		for _, m := range k.Members {
			if len(g.Lookup(m)) == 0 {
				t.Errorf("%s: member %s not in the gazetteer", k.Name, m)
			}
		}
	}
}

// TestKnownCountries checks the embedded list of countries: every line
// read, each a Country under a name no other known entity uses.
func TestKnownCountries(t *testing.T) {
	names := map[string]bool{}
	countries := 0
	for _, k := range KnownEntities() {
		for _, n := range append([]string{k.Name}, k.Aliases...) {
			if names[n] {
				t.Errorf("name %q used twice", n)
			}
			names[n] = true
		}
		if k.Type == Country {
			countries++
		}
	}
	// China and the 193 other states of countriesTSV
	if countries != 194 {
		t.Errorf("%d countries, want 194", countries)
	}
	for _, n := range []string{"Russia", "DPRK", "Republic of Korea", "Viet Nam", "Vietnam", "United Kingdom", "Türkiye"} {
		if !names[n] {
			t.Errorf("no country named %q", n)
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("a line without a tab parsed")
		}
	}()
	parseCountries("Atlantis\n")
}
