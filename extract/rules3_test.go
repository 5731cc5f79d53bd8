package extract

import (
	"testing"

	"github.com/policykg/policykg/ontology"
)

// TestRulesLists exercises lists that carry appositions, counts and
// fronted phrases, written for this test in the style of policy releases.
func TestRulesLists(t *testing.T) {
	x := mustNew(t)
	tests := []struct {
		name, text string
		facts      []string
		notFacts   []string
	}{
		{
			name:     "capital-of-is-not-beijing",
			text:     "Beijing hosted the forum. Nanchang, the capital of Jiangxi province, has opened a new metro line.",
			facts:    []string{"Nanchang part_of Jiangxi"},
			notFacts: []string{"Nanchang part_of Beijing"},
		},
		{
			name:  "plural-apposition",
			text:  "Quanzhou and Zhangzhou, two coastal cities of Fujian, have expanded their ports. Xinmi and Dengfeng, both under Zhengzhou, opened new parks.",
			facts: []string{"Quanzhou part_of Fujian", "Zhangzhou part_of Fujian", "Xinmi part_of Zhengzhou", "Dengfeng part_of Zhengzhou"},
		},
		{
			name:  "list-across-apposition",
			text:  "Kunming, the capital of Yunnan province, and Guiyang, the capital of Guizhou province, are jointly building a high-speed rail corridor.",
			facts: []string{"Kunming cooperates_with Guiyang", "Kunming part_of Yunnan", "Guiyang part_of Guizhou"},
		},
		{
			name:     "agreed-to",
			text:     "Wenzhou and Lishui have agreed to share a water network. Xiamen and Quanzhou have agreed to work with Fuzhou on tourism.",
			facts:    []string{"Wenzhou cooperates_with Lishui"},
			notFacts: []string{"Xiamen cooperates_with Quanzhou"},
		},
		{
			name:  "counted-members",
			text:  "Three county-level cities in Fujian province, Jinjiang, Shishi and Nan'an, each reported faster growth.",
			facts: []string{"Jinjiang part_of Fujian", "Shishi part_of Fujian", "Nan'an part_of Fujian"},
		},
		{
			name:     "together-with-alliance-fronted",
			text:     "In Guangdong, Foshan and Zhaoqing, together with Yunfu and Qingyuan, have formed an industrial alliance.",
			facts:    []string{"Foshan cooperates_with Zhaoqing", "Foshan cooperates_with Yunfu", "Zhaoqing cooperates_with Qingyuan"},
			notFacts: []string{"Guangdong cooperates_with Foshan"},
		},
		{
			name:  "straddles",
			text:  "Ganjiang New Area, which straddles Nanchang and Jiujiang, has drawn new industries.",
			facts: []string{"Ganjiang New Area located_in Nanchang", "Ganjiang New Area located_in Jiujiang"},
		},
		{
			name:  "locative-after-list",
			text:  "Zhuji, a county-level city under Shaoxing, and Dongyang in Jinhua will jointly build an industrial park.",
			facts: []string{"Zhuji cooperates_with Dongyang", "Zhuji part_of Shaoxing"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			facts, _ := extractText(t, x, tc.text)
			for _, f := range tc.facts {
				if !facts[f] {
					t.Errorf("missing fact %q; got %v", f, keys(facts))
				}
			}
			wantNone(t, facts, tc.notFacts...)
		})
	}
}

// TestRulesPlaces exercises resolution around zones named after places and
// directional regions.
func TestRulesPlaces(t *testing.T) {
	x := mustNew(t)
	facts, _ := extractText(t, x, "Baisha, an autonomous county in central Hainan, is home to the Baisha Tea Culture Pilot Zone. Yulin, a prefecture-level city in northern Shaanxi, exports coal.")
	for _, f := range []string{"Baisha part_of central Hainan", "Baisha Tea Culture Pilot Zone located_in Baisha", "Yulin part_of northern Shaanxi"} {
		if !facts[f] {
			t.Errorf("missing fact %q; got %v", f, keys(facts))
		}
	}
	ex, err := x.Extract(ontology.Document{ID: "yulin"}, []byte("Yulin, a prefecture-level city in northern Shaanxi, exports coal."))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ex.Entities {
		if e.Name == "Guangxi" {
			t.Errorf("Yulin of northern Shaanxi resolved to Guangxi's Yulin")
		}
	}
}

// TestRulesStrategiesOfRegions checks strategies that name a region and the
// region named inside them.
func TestRulesStrategiesOfRegions(t *testing.T) {
	x := mustNew(t)
	ex, err := x.Extract(ontology.Document{ID: "s"}, []byte("Shanxi is carrying out the plan for promoting the rise of the central region. Jilin is implementing the strategy of revitalizing Northeast China."))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]ontology.EntityType{"Rise of the central region": ontology.Strategy, "central region": ontology.Region,
		"Northeast China": ontology.Region, "Revitalization of Northeast China": ontology.Strategy}
	for _, e := range ex.Entities {
		if want[e.Name] == e.Type {
			delete(want, e.Name)
		}
	}
	if len(want) > 0 {
		t.Errorf("missing entities %v", want)
	}
	facts, _ := extractText(t, x, "Shanxi is carrying out the plan for promoting the rise of the central region.")
	if !facts["Shanxi implements Rise of the central region"] {
		t.Errorf("missing implements; got %v", keys(facts))
	}
}

func TestFiguresRespectively(t *testing.T) {
	x := mustNew(t)
	_, figs := extractText(t, x, "Quanzhou and Xiamen registered 52,000 and 47,000 new firms respectively in 2024. Fuzhou and Putian drew 1.2 and 0.8 billion yuan respectively.")
	wantAll(t, figs, "Quanzhou 52000 firms", "Xiamen 47000 firms", "Fuzhou 1200000000 yuan", "Putian 800000000 yuan")
}

// TestFiguresCarryOneSentence lets a figure with no place of its own take
// the subject of the sentence just before, and no older one: two sentences
// on, the text has moved on and the figure is left unattached.
func TestFiguresCarryOneSentence(t *testing.T) {
	x := mustNew(t)
	_, figs := extractText(t, x, "Zhuzhou built 14 logistics parks in 2024. They employ 23,000 workers.")
	if !figs["Zhuzhou 23000 workers"] {
		t.Errorf("the next sentence's figure lost its subject; got %v", keys(figs))
	}
	_, figs = extractText(t, x, "Zhuzhou built 14 logistics parks in 2024. The parks were planned with care. Investment totaled 3 billion yuan.")
	if !figs["Zhuzhou 14 parks"] || figs["Zhuzhou 3000000000 yuan"] {
		t.Errorf("a figure two sentences on took an old subject; got %v", keys(figs))
	}
}

// TestFiguresOfARelativeClause gives the figure of ", which ..." to its
// antecedent, a body as well as a place.
func TestFiguresOfARelativeClause(t *testing.T) {
	x := mustNew(t)
	_, figs := extractText(t, x, "Jinan is home to Sinotruk Group, which produced 260,000 trucks in 2023. Weifang hosts Qingzhou Port, which handled 4 million tons of cargo.")
	wantAll(t, figs, "Sinotruk Group 260000 trucks", "Qingzhou Port 4000000 tons")
	if figs["Jinan 260000 trucks"] {
		t.Errorf("the body's figure went to the place; got %v", keys(figs))
	}
}

// TestCountries finds the countries a text names, under their short forms
// too, and leaves a currency ("U.S. dollars") and a division that contains
// a country's name ("Inner Mongolia") alone.
func TestCountries(t *testing.T) {
	x := mustNew(t)
	got := entityTypes(t, x,
		"Hunchun borders Russia and the DPRK. Trade with Japan and the ROK reached 12 billion U.S. dollars. Ordos in Inner Mongolia ships coal to Mongolia.")
	for _, name := range []string{"Russia", "Democratic People's Republic of Korea", "Japan", "Republic of Korea", "Mongolia"} {
		if got[name] != ontology.Country {
			t.Errorf("%s: type %q, want Country; entities %v", name, got[name], got)
		}
	}
	if got["Inner Mongolia"] != ontology.Province {
		t.Errorf("Inner Mongolia: type %q, want Province", got["Inner Mongolia"])
	}
	if _, ok := got["United States"]; ok {
		t.Errorf("a currency named a country: %v", got)
	}
}

// TestInternationalBodies finds international bodies by their known names
// and by the words that end such names, and no place inside one.
func TestInternationalBodies(t *testing.T) {
	x := mustNew(t)
	got := entityTypes(t, x,
		"Yunnan deepened trade with ASEAN. Xinjiang hosted a meeting of the Shanghai Cooperation Organization. The African Union and the Arab League sent delegations to Guangxi.")
	for _, name := range []string{"Association of Southeast Asian Nations", "Shanghai Cooperation Organization", "African Union", "Arab League"} {
		if got[name] != ontology.Organization {
			t.Errorf("%s: type %q, want Organization; entities %v", name, got[name], got)
		}
	}
	if _, ok := got["Shanghai"]; ok {
		t.Errorf("the place inside a body's name became an entity: %v", got)
	}
}

// TestCooperationOfALocatedPlace reads "A in B has been paired with C" as A
// working with C: B only says where A is.
func TestCooperationOfALocatedPlace(t *testing.T) {
	x := mustNew(t)
	facts, _ := extractText(t, x, "Lishui in southwestern Zhejiang has been paired with Shanghai's Minhang district. Ganzhou in Jiangxi is working with Shenzhen on new industries.")
	wantAll(t, facts, "Lishui cooperates_with Minhang", "Ganzhou cooperates_with Shenzhen")
	for _, f := range []string{"Minhang cooperates_with southwestern Zhejiang", "Jiangxi cooperates_with Shenzhen"} {
		if facts[f] {
			t.Errorf("the locating place took the partnership: %q", f)
		}
	}
}

// TestReceivedCount reads "has absorbed more than 600 projects relocated
// from A" as a transfer from A and a figure; counted things are no concept
// received (no gold set has one: recipient_of takes uncounted phrases such
// as "industries transferred from A").
func TestReceivedCount(t *testing.T) {
	x := mustNew(t)
	facts, figs := extractText(t, x, "Hefei has absorbed more than 600 projects relocated from Shanghai since 2019. Bengbu has taken in 1.2 thousand firms relocated from Nanjing.")
	for _, f := range []string{"Shanghai transfers_to Hefei", "Nanjing transfers_to Bengbu"} {
		if !facts[f] {
			t.Errorf("missing %q; got %v", f, keys(facts))
		}
	}
	for _, f := range []string{"Hefei recipient_of projects relocated from Shanghai", "Bengbu recipient_of firms relocated from Nanjing"} {
		if facts[f] {
			t.Errorf("unwanted %q", f)
		}
	}
	if !figs["Hefei 600 projects"] {
		t.Errorf("missing the count as a figure; got %v", keys(figs))
	}
}

// TestFigureOfAPossessiveApposition gives a figure to the subject an
// apposition describes, not to the possessor the apposition opens with.
func TestFigureOfAPossessiveApposition(t *testing.T) {
	x := mustNew(t)
	facts, figs := extractText(t, x, "Nansha, Guangdong's largest port district, handled 19 million TEUs in 2023. The Xiong'an New Area, Beijing's counterpart in Hebei, has opened.")
	if !figs["Nansha 19000000 TEUs"] || figs["Guangdong 19000000 TEUs"] {
		t.Errorf("the figure went to the apposition's possessor; got %v", keys(figs))
	}
	// the apposition also places its subject, unless it relates rather
	// than places ("partner")
	if !facts["Nansha part_of Guangdong"] {
		t.Errorf("missing Nansha part_of Guangdong; got %v", keys(facts))
	}
	if facts["Xiong'an New Area located_in Beijing"] {
		t.Errorf("a relational apposition placed its subject; got %v", keys(facts))
	}
}

// TestReceivedByAList lets every member of a list that is the subject
// receive from the sources, and only such a list.
func TestReceivedByAList(t *testing.T) {
	x := mustNew(t)
	facts, _ := extractText(t, x, "Kashgar and Khorgos, two special economic zones of Xinjiang, have attracted investment from Jiangsu and Shandong.")
	wantAll(t, facts, "Jiangsu transfers_to Kashgar", "Jiangsu transfers_to Horgos", "Shandong transfers_to Kashgar", "Shandong transfers_to Horgos")
	facts, _ = extractText(t, x, "Gu'an hosts a park co-built with Beijing's Daxing district, and Zhuozhou, a city under Baoding, has received 46 projects from Beijing's Fengtai district.")
	if !facts["Fengtai transfers_to Zhuozhou"] || facts["Fengtai transfers_to Daxing"] {
		t.Errorf("the receiver is Zhuozhou alone; got %v", keys(facts))
	}
}

// TestCorps reads a name ending in Corps as an organization.
func TestCorps(t *testing.T) {
	x := mustNew(t)
	got := entityTypes(t, x, "The Xinjiang Production and Construction Corps has built new towns.")
	if got["Xinjiang Production and Construction Corps"] != ontology.Organization {
		t.Errorf("no Corps organization in %v", got)
	}
}

// TestNominalTakesTheLatest resolves "the zone" to the latest zone whose
// name holds the word, even where the name does not end with it.
func TestNominalTakesTheLatest(t *testing.T) {
	older := &entity{name: "Qianhai Cooperation Zone", typ: ontology.Zone}
	latest := &entity{name: "Cooperation Zone in Hengqin", typ: ontology.Zone}
	if got := mostRecent([]*entity{older, latest}, "zone", []ontology.EntityType{ontology.Zone}); got != latest {
		t.Errorf("the zone: got %v, want %v", got, latest)
	}
}

// TestOfficialOfTheDepartment resolves "the department" of a title to the
// body named before.
func TestOfficialOfTheDepartment(t *testing.T) {
	x := mustNew(t)
	facts, _ := extractText(t, x, "The Jiangxi Provincial Department of Commerce said exports rose. \"Trade will grow,\" said Wu Fang, deputy director of the department.")
	if !facts["Wu Fang official_of Jiangxi Provincial Department of Commerce"] {
		t.Errorf("missing the official of the department; got %v", keys(facts))
	}
}

// TestRegionsByDirectionAndCorridor finds "northwest China" (a compass
// word without -ern) and a corridor as regions, and no district inside.
func TestRegionsByDirectionAndCorridor(t *testing.T) {
	x := mustNew(t)
	got := entityTypes(t, x,
		"Lanzhou is the largest city in northwest China. Zhangye lies in the middle of the Hexi Corridor and trades along the Belt and Road.")
	for name, typ := range map[string]ontology.EntityType{"northwest China": ontology.Region, "Hexi Corridor": ontology.Region, "Belt and Road Initiative": ontology.Strategy} {
		if got[name] != typ {
			t.Errorf("%s: type %q, want %q; entities %v", name, got[name], typ, got)
		}
	}
	if _, ok := got["Hexi"]; ok {
		t.Errorf("the district inside the corridor's name became an entity: %v", got)
	}
}

// TestAppositionOfHubs places the subjects of "two manufacturing hubs of
// Y" in Y, and not those of "a center of Y's industry".
func TestAppositionOfHubs(t *testing.T) {
	x := mustNew(t)
	facts, _ := extractText(t, x, "Jinjiang and Shishi, two textile hubs of Fujian, signed deals. Zhuzhou, a center of China's rail industry, grew.")
	wantAll(t, facts, "Jinjiang part_of Fujian", "Shishi part_of Fujian")
	if facts["Zhuzhou part_of China"] {
		t.Errorf("the possessor after 'of' took the subject: %v", keys(facts))
	}
}

// TestFigureNotThePartners keeps "trade with A and B" from taking the
// clause's figure: it is the subject's, here the previous sentence's.
func TestFigureNotThePartners(t *testing.T) {
	x := mustNew(t)
	_, figs := extractText(t, x, "Xinjiang's foreign trade reached 430 billion yuan last year. Trade with Kazakhstan and Uzbekistan accounted for 41 percent of the total.")
	if !figs["Xinjiang 41 percent"] || figs["Kazakhstan 41 percent"] || figs["Uzbekistan 41 percent"] {
		t.Errorf("the trade partners took the figure; got %v", keys(figs))
	}
}

// entityTypes extracts text and returns the type of each entity by name.
func entityTypes(t *testing.T, x *Extractor, text string) map[string]ontology.EntityType {
	t.Helper()
	ex, err := x.Extract(ontology.Document{ID: "test"}, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]ontology.EntityType{}
	for _, e := range ex.Entities {
		got[e.Name] = e.Type
	}
	return got
}

// wantAll reports each of want that got lacks.
func wantAll(t *testing.T, got map[string]bool, want ...string) {
	t.Helper()
	for _, w := range want {
		if !got[w] {
			t.Errorf("missing %q; got %v", w, keys(got))
		}
	}
}

// wantNone reports each of unwanted that got holds.
func wantNone(t *testing.T, got map[string]bool, unwanted ...string) {
	t.Helper()
	for _, u := range unwanted {
		if got[u] {
			t.Errorf("unwanted %q", u)
		}
	}
}

// TestRulesPositive runs rules whose tests only look for the facts or
// figures a sentence of policy prose should give; each case's comment says
// what it reads.
func TestRulesPositive(t *testing.T) {
	x := mustNew(t)
	ruleCases(t, x, []ruleCase{
		// FigureOfTheNumberOf reads "the number of X ... has risen to N" as N X.
		{name: "FigureOfTheNumberOf", text: "The number of registered enterprises in Pingtan has risen to 8,200. In Fuqing the number of visitors reached 1.2 million in 2023. The number of tourists visiting Kashgar hit a record 21 million.",
			figs: []string{"Pingtan 8200 enterprises", "Fuqing 1200000 visitors", "Kashgar 21000000 tourists"}},
		// FigureUnitAfterAGerund keeps a gerund that modifies the head noun
		// ("agricultural processing projects") and stops at a participle
		// ("companies producing chips").
		{name: "FigureUnitAfterAGerund", text: "Suihua has received 74 agricultural processing projects from Guangdong. Qiqihar hosts 230 companies producing machine tools.",
			figs: []string{"Suihua 74 projects", "Qiqihar 230 companies"}},
		// FigureUnitsOfSize keeps "square" in an area's unit and stops a
		// length's unit before its adjective.
		{name: "FigureUnitsOfSize", text: "The Nansha New Area covers 803 square kilometers. Its coastline is 40 kilometers long.",
			figs: []string{"Nansha New Area 803 square kilometers", "Nansha New Area 40 kilometers"}},
		// AppositionWithAPlaceAdjective reads "Y, the only Hunan city on the
		// river" as Y part_of Hunan.
		{name: "AppositionWithAPlaceAdjective", text: "Ganzhou, the largest Jiangxi city by area, grew. Wenzhou, a Zhejiang port, exports shoes.",
			facts: []string{"Ganzhou part_of Jiangxi", "Wenzhou part_of Zhejiang"}},
		// LocatedApposition reads "X, located on the bank of the R River in
		// Y," as X in Y, not in the river.
		{name: "LocatedApposition", text: "The Ganjiang New Area, located on the west bank of the Gan River in Nanchang, opened in 2016.",
			facts: []string{"Ganjiang New Area located_in Nanchang"}},
		// MembersAtTheEndOf reads "A and B, the two cities at the western end
		// of Y" as A and B part_of Y.
		{name: "MembersAtTheEndOf", text: "Zhangye and Jinchang, the two cities in the middle part of the Hexi Corridor, have grown.",
			facts: []string{"Zhangye part_of Hexi Corridor", "Jinchang part_of Hexi Corridor"}},
		// FormTheCoreOf reads "A and B form the core of Z" as A and B part_of
		// Z, a zone or region several places make up.
		{name: "FormTheCoreOf", text: "Shaoguan and Qingyuan form the core of the Northern Guangdong Ecological Zone.",
			facts: []string{"Shaoguan part_of Northern Guangdong Ecological Zone", "Qingyuan part_of Northern Guangdong Ecological Zone"}},
		// JointProjectsAndAlliances pairs the places of "A and B have launched
		// 318 joint projects" and of "A and B have set up an alliance with C"
		// (all three).
		{name: "JointProjectsAndAlliances", text: "Under a pairing program, Jilin and Zhejiang have launched 96 joint projects since 2018. Zhangye and Wuwei, two cities in Gansu, have set up a tourism alliance with Xining.",
			facts: []string{"Jilin cooperates_with Zhejiang", "Zhangye cooperates_with Wuwei", "Zhangye cooperates_with Xining", "Wuwei cooperates_with Xining"}},
		// HyphenatedTitles reads hyphenated office titles ("director-general",
		// "vice-mayor") as titles that make their holder an official.
		{name: "HyphenatedTitles", text: "Yin Hong, director-general of the Department of Regional Coordination, spoke. Tang Lu, vice-mayor of Zhuhai, attended.",
			facts: []string{"Yin Hong official_of Department of Regional Coordination", "Tang Lu official_of Zhuhai"}},
		// DescribedThenIn reads "X, <a description>, sits in Y" as X in Y.
		{name: "DescribedThenIn", text: "Yangshan Port, the deep-water hub of the region, lies in Shanghai's Pudong district. Zhangjiagang, a busy river town, is home to steel mills.",
			facts: []string{"Yangshan Port located_in Pudong"}},
	})
}

// ruleCase is a row of a rule's table: a text written for the test, the
// facts and figures the rule must read from it, and those it must not
// (where the rule could over-fire).
type ruleCase struct {
	name              string
	text              string
	facts, figs       []string
	notFacts, notFigs []string
}

// ruleCases extracts each case's text and checks its facts and figures.
func ruleCases(t *testing.T, x *Extractor, cases []ruleCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			facts, figs := extractText(t, x, c.text)
			wantAll(t, facts, c.facts...)
			wantAll(t, figs, c.figs...)
			wantNone(t, facts, c.notFacts...)
			wantNone(t, figs, c.notFigs...)
		})
	}
}
