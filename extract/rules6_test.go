package extract

import (
	"testing"

	"github.com/policykg/policykg/ontology"
)

// TestRulesSession6 runs the rules added in session 6 on sentences written
// for this test; notFacts are what a rule must not read where it could
// over-fire.
func TestRulesSession6(t *testing.T) {
	x := mustNew(t)
	ruleCases(t, x, []ruleCase{
		// PairedCapitals reads "A and B, the capitals of Y and Z" as A in Y
		// and B in Z; the seats of two prefectures pair off the same way.
		{name: "PairedCapitals", text: "Trucks now link Changsha and Nanchang, the capitals of Hunan and Jiangxi. Jinghong and Mangshi, the seats of Xishuangbanna and Dehong, opened new clinics.",
			facts:    []string{"Changsha part_of Hunan", "Nanchang part_of Jiangxi", "Jinghong part_of Xishuangbanna", "Mangshi part_of Dehong"},
			notFacts: []string{"Nanchang part_of Hunan", "Changsha part_of Jiangxi", "Mangshi part_of Xishuangbanna"}},
		// PairedInRespectively reads "A and B, in Y and Z respectively" and
		// "A and B lie in Y and Z respectively"; without "respectively" two
		// lists of cities in provinces are not paired.
		{name: "PairedInRespectively", text: "Wuzhou and Ganzhou, cities in Guangxi and Jiangxi respectively, opened rail links. Zhanjiang and Beihai are located in Guangdong and Guangxi respectively.",
			facts:    []string{"Wuzhou part_of Guangxi", "Ganzhou part_of Jiangxi", "Zhanjiang part_of Guangdong", "Beihai part_of Guangxi"},
			notFacts: []string{"Ganzhou part_of Guangxi", "Beihai part_of Guangdong"}},
	})
}

// TestCapitalBylines reads a news page's byline written in capitals, "By
// SUN QIAN in Lanzhou" or "By MA LIN and GAO JUN", as people with their
// names in normal capitalisation; capitals elsewhere, a "By" sentence of
// prose and a title-case headline name nobody.
func TestCapitalBylines(t *testing.T) {
	x := mustNew(t)
	got := entityTypes(t, x, "GANSU TODAY\n\nDesert towns bet on solar power\n\nBy SUN QIAN in Lanzhou | Gansu Today | Updated: 2024-05-02\n\nBy MA LIN and GAO JUN\n\nWuwei has built 40 solar farms.")
	for _, name := range []string{"Sun Qian", "Ma Lin", "Gao Jun"} {
		if got[name] != ontology.Person {
			t.Errorf("%s typed %q, want Person; got %v", name, got[name], got)
		}
	}
	got = entityTypes(t, x, "By Road And Rail To Europe\n\nBy 2030, Wuwei will host 60 solar farms.\n\nPEI YUAN WORKS HARD\n\nWuwei has built 40 solar farms.")
	for name, typ := range got {
		if typ == ontology.Person {
			t.Errorf("unwanted person %q; got %v", name, got)
		}
	}
}

// TestInitiativeNames types a capitalised name followed by "initiative" as
// a strategy, whether its own head made it a region ("Economic Belt") or
// it has none; a name that opens with a place, or an organisation's, keeps
// its type.
func TestInitiativeNames(t *testing.T) {
	x := mustNew(t)
	got := entityTypes(t, x, "Gansu will push forward the Maritime Silk Road Economic Belt initiative. Ningxia joined the Green Energy Corridor initiative last year. The Hunan and Hubei initiative stalled. The Lanzhou University initiative won praise.")
	for _, name := range []string{"Maritime Silk Road Economic Belt", "Green Energy Corridor"} {
		if got[name] != ontology.Strategy {
			t.Errorf("%s typed %q, want Strategy; got %v", name, got[name], got)
		}
	}
	for name, want := range map[string]ontology.EntityType{"Hunan": ontology.Province, "Hubei": ontology.Province, "Lanzhou University": ontology.Organization} {
		if got[name] != want {
			t.Errorf("%s typed %q, want %q; got %v", name, got[name], want, got)
		}
	}
	if _, ok := got["Hunan and Hubei"]; ok {
		t.Errorf("two places joined made a strategy; got %v", got)
	}
	// "advance the X initiative" implements it; "advance reform under"
	// a strategy, or "advanced manufacturing", does not.
	facts, _ := extractText(t, x, "Ningxia will advance the Green Energy Corridor initiative. Gansu will advance reform under the Western Development Strategy. Qinghai advanced manufacturing under the Western Development Strategy.")
	wantAll(t, facts, "Ningxia implements Green Energy Corridor")
	wantNone(t, facts, "Gansu implements Western Development Strategy", "Qinghai implements Western Development Strategy")
}
