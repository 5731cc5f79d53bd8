package extract

import (
	"testing"

	"github.com/policykg/policykg/ontology"
)

// TestRulesSession8 runs the rules added in session 8 on sentences written
// for this test; notFigs are what a rule must not read where it could
// over-fire.
func TestRulesSession8(t *testing.T) {
	x := mustNew(t)
	ruleCases(t, x, []ruleCase{
		// BulletinPlace: a statistics bureau's bulletin reports its place's
		// figures in sentences that name no place, even after a sentence
		// about one of its cities; a national bureau names no place.
		{name: "BulletinPlace", text: "Hubei Provincial Bureau of Statistics\n\nStatistical bulletin\n\nIn 2024, the GDP of Hubei reached 6,001.3 billion yuan. Xiangyang produced 620 billion yuan. Retail sales of consumer goods rose 6.2 percent. There were 26,500 high-tech enterprises at the end of the year.",
			figs:    []string{"Hubei 6001300000000 yuan", "Xiangyang 620000000000 yuan", "Hubei 6.2 percent", "Hubei 26500 enterprises"},
			notFigs: []string{"Xiangyang 6.2 percent"}},
		// OrgOwner: a company, a university or a research center that opens
		// the clause owns its figure, not a place after it or in an
		// apposition; a ministry's figure stays the place's.
		{name: "OrgOwner", text: "BYD Company, the carmaker based in Shenzhen, sold 42,000 vehicles in Brazil last year. Zhejiang University, in Hangzhou, signed 35 research contracts with companies in Anhui. The Ministry of Commerce approved 18 projects in Hainan.",
			figs:    []string{"BYD Company 42000 vehicles", "Zhejiang University 35 contracts", "Hainan 18 projects"},
			notFigs: []string{"Brazil 42000 vehicles", "Anhui 35 contracts", "Ministry of Commerce 18 projects"}},
		// ThresholdEach: "with investment of at least 100 million yuan each"
		// bounds each project and is no figure; the count is.
		{name: "ThresholdEach", text: "Jiangxi introduced 2,140 projects from Guangdong with investment of at least 100 million yuan each.",
			figs: []string{"Jiangxi 2140 projects"}, notFigs: []string{"Jiangxi 100000000 yuan"}},
		// OfThese: "accounted for 960 of these projects" counts projects; "of
		// them" keeps the previous unit.
		{name: "OfThese", text: "Henan took in 3,000 projects from the coast, and the Zhengzhou Airport Economy Zone accounted for 960 of these projects.",
			figs: []string{"Zhengzhou Airport Economy Comprehensive Experimental Zone 960 projects"}},
		// CompoundUnit: "science and technology cooperation platforms" is
		// one modifier of platforms; "schools and hospitals" are two nouns.
		{name: "CompoundUnit", text: "Nanjing has opened 15 science and technology cooperation platforms with Hefei. Suzhou built 40 schools and hospitals in 2024.",
			figs: []string{"Nanjing 15 platforms", "Suzhou 40 schools"}, notFigs: []string{"Nanjing 15 science"}},
	})
}

// TestBulletinPlaceNational: a national bureau, or a provincial survey
// team of it, gives no place for figures that name none.
func TestBulletinPlaceNational(t *testing.T) {
	x := mustNew(t)
	_, metrics := extractText(t, x, "National Bureau of Statistics\n\nHunan Survey Team of the National Bureau of Statistics\n\nRetail sales rose 3.5 percent across the country.")
	if len(metrics) != 0 {
		t.Errorf("metrics %v, want none", metrics)
	}
}

// TestPlannedZone: a plan's title names a zone of a purpose ("Development
// Outline of the Demonstration Zone of ..."), and "the demonstration zone"
// of the text then refers to it: it covers the places listed, their
// containers stepped over, with the area of the trailing phrase, and its
// figures are the zone's. A plan for a zone with a plain name stays a plan.
func TestPlannedZone(t *testing.T) {
	x := mustNew(t)
	const zone = "Demonstration Zone of Ecological Conservation and Integrated Development of the Pearl River Delta"
	facts, metrics := extractText(t, x, "Development Outline of the "+zone+"\n\n"+
		"The demonstration zone covers Nanhai district of Foshan in Guangdong province, and Doumen district of Zhuhai, with a total area of 1,860 square kilometers. "+
		"In 2024 the zone's GDP reached 390 billion yuan.")
	wantAll(t, facts, zone+" located_in Nanhai", zone+" located_in Doumen", "Nanhai part_of Foshan")
	wantNone(t, facts, zone+" located_in Guangdong", zone+" located_in Foshan")
	wantAll(t, metrics, zone+" 1860 square kilometers", zone+" 390000000000 yuan")
	wantNone(t, metrics, "Zhuhai 1860 square kilometers", "Guangdong 1860 square kilometers")

	facts, _ = extractText(t, x, "Overall Plan for the Hengqin Area\n\nThe plan covers Xiangzhou district of Zhuhai.")
	wantNone(t, facts, "Hengqin Area located_in Xiangzhou")
}

// TestZonePlacement: "located in the south of the city" and "which sits
// in the northeast of Y" put a zone in the place, the city being the one
// that opens the zone's name; "lies north of Y" is outside it. "with
// areas in A, B and C" puts a zone in each. "the X port" names X Port,
// whose figures are its own; "the X port area" does not.
func TestZonePlacement(t *testing.T) {
	x := mustNew(t)
	facts, metrics := extractText(t, x, "Ruili, a county-level city in the Dehong Dai and Jingpo Autonomous Prefecture, borders Myanmar. "+
		"The Ruili Border Economic Cooperation Zone, located in the south of the city, hosts 180 companies. "+
		"The Sino-Singapore Tianjin Eco-City, which sits in the north of Tianjin, keeps growing. "+
		"The Zhengzhou Airport Economy Zone lies north of Xinzheng. "+
		"The China (Henan) Pilot Free Trade Zone, with areas in Zhengzhou, Kaifeng and Luoyang, opened in 2017. "+
		"Last year the Ruili port handled 2.6 million tons of cargo. The Qinzhou port area grew.")
	wantAll(t, facts, "Ruili Border Economic Cooperation Zone located_in Ruili", "Sino-Singapore Tianjin Eco-City located_in Tianjin",
		"China (Henan) Pilot Free Trade Zone located_in Zhengzhou", "China (Henan) Pilot Free Trade Zone located_in Kaifeng",
		"China (Henan) Pilot Free Trade Zone located_in Luoyang")
	wantNone(t, facts, "Ruili Border Economic Cooperation Zone located_in Dehong", "Zhengzhou Airport Economy Comprehensive Experimental Zone located_in Xinzheng")
	wantAll(t, metrics, "Ruili Port 2600000 tons")
	wantNone(t, metrics, "Ruili 2600000 tons")
	ex, err := x.Extract(ontology.Document{ID: "t"}, []byte("The Qinzhou port area grew. Workers at the Qinzhou port city rested."))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ex.Entities {
		if e.Type == ontology.Port {
			t.Errorf("port %q read from a port area or port city", e.Name)
		}
	}
}

// TestTakePart: a place that takes part in a strategy named right after
// "take part in" carries it out; taking part in something else, with the
// strategy later in the sentence, does not.
func TestTakePart(t *testing.T) {
	x := mustNew(t)
	facts, _ := extractText(t, x, "Yunnan will take part in the Belt and Road Initiative through the corridor to Laos. Guizhou took part in a trade fair held under the Western Development strategy.")
	wantAll(t, facts, "Yunnan implements Belt and Road Initiative")
	wantNone(t, facts, "Guizhou implements Western Development")
}

// TestTheHead: an outline's section heading "Scope of the Plan" names no
// plan; "Outline of the 14th Five-Year Plan" does.
func TestTheHead(t *testing.T) {
	x := mustNew(t)
	ex, err := x.Extract(ontology.Document{ID: "t"}, []byte("Section 1 Scope of the Plan\n\nHubei carries out the Outline of the 14th Five-Year Plan."))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ex.Entities {
		if e.Type == ontology.Strategy {
			got = append(got, e.Name)
		}
	}
	if len(got) != 1 || got[0] != "Outline of the 14th Five-Year Plan" {
		t.Errorf("strategies %q, want only the outline", got)
	}
}
