package extract

import (
	"strings"
	"testing"

	"github.com/policykg/policykg/ontology"
)

// TestRulesSession9 runs the rules added in session 9 (rules10.go) on
// sentences written for this test, with other places and wording than the
// held-out texts they were read from; notFacts and notFigs are what a rule
// must not read where it could over-fire.
func TestRules10(t *testing.T) {
	x := mustNew(t)
	ruleCases(t, x, []ruleCase{
		// RegionTakesIn: a region centred on a city lists its members with
		// the provinces that hold them; the provinces are no members.
		{name: "RegionTakesIn", text: "The Central Plains urban agglomeration, centred on Zhengzhou, covers Luoyang and Kaifeng in Henan province, Changzhi in Shanxi province, and Handan in Hebei province.",
			facts: []string{"Zhengzhou part_of Central Plains urban agglomeration", "Luoyang part_of Central Plains urban agglomeration",
				"Kaifeng part_of Central Plains urban agglomeration", "Changzhi part_of Central Plains urban agglomeration",
				"Handan part_of Central Plains urban agglomeration", "Changzhi part_of Shanxi"},
			notFacts: []string{"Henan part_of Central Plains urban agglomeration", "Shanxi part_of Central Plains urban agglomeration"}},
		// AppositionStraddle: an apposition or relative clause puts a new
		// area or an airport across several places; "borders" does not.
		{name: "AppositionStraddle", text: "Tianfu New Area, a state-level new area that spans Chengdu and Meishan, hosts 80 research institutes. The airport, which lies across Shunyi's Houshayu town, opened in 2008. Lanzhou New Area, a new area that borders Baiyin, grew fast.",
			facts:    []string{"Tianfu New Area located_in Chengdu", "Tianfu New Area located_in Meishan"},
			notFacts: []string{"Lanzhou New Area located_in Baiyin"}},
		// RunJointlyWith: "the zone, which A runs jointly with B".
		{name: "RunJointlyWith", text: "The Shenzhen-Shantou Special Cooperation Zone, which Shenzhen operates jointly with Shantou, has drawn 420 companies. The industrial park, which lies next to Jieyang, has 12 plants.",
			facts: []string{"Shenzhen cooperates_with Shantou"}, notFacts: []string{"Shenzhen cooperates_with Jieyang"}},
		// AidIn: the donor of counterpart aid in a place works with it, and
		// the count of aid projects is the recipient's; no donor, no pair.
		{name: "AidIn", text: "In Lhasa, Beijing has funded 120 aid projects since 2016. Shanghai has completed 45 assistance projects in Xigaze. In Nyingchi, 30 aid projects were finished this year.",
			facts:   []string{"Beijing cooperates_with Lhasa", "Shanghai cooperates_with Xigaze"},
			figs:    []string{"Lhasa 120 projects", "Xigaze 45 projects"},
			notFigs: []string{"Beijing 120 projects", "Shanghai 45 projects"}},
		// RelativeSkip: a relative clause between a list and its verb; a
		// clause that is itself the joint statement is read as before.
		{name: "RelativeSkip", text: "Zhuhai and Zhongshan, which face each other across the Pearl River estuary, will jointly build a tunnel. Nanchang and Jiujiang, which compete for investors, have attracted 300 firms.",
			facts: []string{"Zhuhai cooperates_with Zhongshan"}, notFacts: []string{"Nanchang cooperates_with Jiujiang"}},
		{name: "RelativeJoint", text: "Gansu, Qinghai and Ningxia, which agreed in 2019 to build the route together, have since been joined by Xinjiang.",
			facts: []string{"Gansu cooperates_with Qinghai", "Qinghai cooperates_with Ningxia"}},
		// JointTheir: "shall accelerate their integrated development" and
		// "draw up their ... plans together"; their own growth is no pair.
		{name: "JointTheir", text: "Changsha, Zhuzhou and Xiangtan shall accelerate their integrated development. Shenzhen and Dongguan now draw up their transport, housing and water plans together. Guangzhou and Foshan shall accelerate their growth.",
			facts:    []string{"Changsha cooperates_with Zhuzhou", "Zhuzhou cooperates_with Xiangtan", "Shenzhen cooperates_with Dongguan"},
			notFacts: []string{"Guangzhou cooperates_with Foshan"}},
		// DeepenWith: "A, B and C shall deepen cooperation with D in x, y and
		// z, while ..." pairs each with D, not with each other.
		{name: "DeepenWith", text: "Zhangye, Jiuquan and Jiayuguan shall deepen cooperation with Lanzhou in energy, logistics and tourism, while Wuwei shall build a dry port.",
			facts:    []string{"Zhangye cooperates_with Lanzhou", "Jiuquan cooperates_with Lanzhou"},
			notFacts: []string{"Zhangye cooperates_with Jiuquan", "Jiuquan cooperates_with Jiayuguan"}},
		// ExtentTwice: a region's extent given on two axes.
		{name: "ExtentTwice", text: "The Yellow River basin stretches from Qinghai in the west to Shandong in the east, and from Inner Mongolia in the north to Henan in the south.",
			facts: []string{"Qinghai part_of Yellow River basin", "Shandong part_of Yellow River basin", "Inner Mongolia part_of Yellow River basin", "Henan part_of Yellow River basin"}},
		// ListedCountiesIn: "spans A, B and C districts in Y" keeps C.
		{name: "ListedCountiesIn", text: "The Liangjiang New Area spans Jiangbei, Yubei and Beibei districts in Chongqing.",
			facts: []string{"Liangjiang New Area located_in Jiangbei", "Liangjiang New Area located_in Yubei", "Liangjiang New Area located_in Beibei"}},
		// MovedToList: "from A to B, C and D"; ", and the ..." after two
		// destinations starts a clause.
		{name: "MovedToList", text: "Garment makers moved plants from Shenzhen to Heyuan, Meizhou and Shanwei. Chip firms have shifted lines from Suzhou to Huai'an and Suqian, and the Hefei park has 90 firms.",
			facts:    []string{"Shenzhen transfers_to Heyuan", "Shenzhen transfers_to Meizhou", "Shenzhen transfers_to Shanwei", "Suzhou transfers_to Suqian"},
			notFacts: []string{"Suzhou transfers_to Hefei"}},
		// HyphenModifier and quarters: "512 new foreign-invested
		// enterprises" counts enterprises; "the first three quarters" is a
		// period.
		{name: "HyphenUnit", text: "In the first three quarters, Hainan approved 512 new foreign-invested enterprises.",
			figs: []string{"Hainan 512 enterprises"}, notFigs: []string{"Hainan 512 new", "Hainan 3 quarters"}},
		// AggloRef: "the urban agglomeration" and "the metropolitan area"
		// refer to the region of that kind named before.
		{name: "AggloRef", text: "The Beibu Gulf urban agglomeration covers Nanning and Beihai. By 2030, the share of green buildings in the urban agglomeration shall reach 70 percent.",
			figs: []string{"Beibu Gulf urban agglomeration 70 percent"}, notFigs: []string{"Beihai 70 percent"}},
		// FigureBullet: a bullet item that opens with its figure gives it to
		// the first name after the colon; "worldwide" ends the unit.
		{name: "FigureBullet", text: "Fast facts\n\n- 1.3 million: TEUs handled by Qinzhou Port last year\n- 310: cities worldwide reached by the Western Land-Sea New Corridor\n",
			figs: []string{"Qinzhou Port 1300000 TEUs", "Western Land-Sea New Corridor 310 cities"}, notFigs: []string{"Qinzhou Port 310 cities", "Qinzhou Port 310 worldwide"}},
		// PlanLists: a plan that opens the sentence owns what it counts.
		{name: "PlanLists", text: "The Outline of the Huaihe River Eco-economic Belt Plan was issued. The plan lists 85 major projects, 20 of them in Anhui.",
			figs: []string{"Outline of the Huaihe River Eco-economic Belt Plan 85 projects"}},
		// AndHomeTo: "covers N percent of X's land and is home to M people"
		// gives the people to the subject.
		{name: "AndHomeTo", text: "The Yangtze River Delta covers about 4 percent of China's land and is home to some 235 million people.",
			figs: []string{"Yangtze River Delta 235000000 people"}, notFigs: []string{"China 235000000 people"}},
		// RegionSinceAR: "the region" after "the western region" is that
		// region, though an autonomous region was named before it.
		{name: "RegionSinceAR", text: "Ningxia joined the program early. The western region grew fast last year. The region's exports rose 9.1 percent.",
			figs: []string{"western region 9.1 percent"}, notFigs: []string{"Ningxia 9.1 percent"}},
		// ImplementsConjoined: "shall carry forward the X and the strategy
		// for Y" carries out both; "carry forward the spirit" names none.
		{name: "ImplementsConjoined", text: "The Chengdu-Chongqing economic circle shall carry forward the Belt and Road Initiative and the strategy of developing the Yangtze River Economic Belt.",
			facts: []string{"Chengdu-Chongqing economic circle implements Belt and Road Initiative", "Chengdu-Chongqing economic circle implements Developing the Yangtze River Economic Belt"}},
		// ObjectRelative: a list inside an apposition that opens an object
		// relative clause acts jointly.
		{name: "ObjectRelative", text: "Trucks use the Western Land-Sea New Corridor, a route that Sichuan, Shaanxi and Gansu opened together in 2019.",
			facts: []string{"Sichuan cooperates_with Shaanxi", "Shaanxi cooperates_with Gansu"}},
		// Governments: a reply's "The people's governments of A, B and C
		// provinces shall ... organize the implementation of the Plan"; a
		// joint body makes them cooperate; supervision is no implementation.
		{name: "Governments", text: "The Outline Development Plan for the Huaihe River Eco-economic Belt is approved. The people's governments of Jiangsu, Anhui and Henan provinces shall set up a joint working mechanism and organize the implementation of the plan. The Ministry of Finance shall supervise the implementation of the plan.",
			facts: []string{"Jiangsu implements Outline Development Plan for the Huaihe River Eco-economic Belt", "Henan implements Outline Development Plan for the Huaihe River Eco-economic Belt",
				"Jiangsu cooperates_with Anhui", "Anhui cooperates_with Henan"},
			notFacts: []string{"Ministry of Finance implements Outline Development Plan for the Huaihe River Eco-economic Belt"}},
		{name: "GovernmentSingle", text: "The Overall Plan for the Lanzhou New Area is approved. The people's government of Gansu province shall organize the implementation of the plan together with the relevant departments.",
			facts: []string{"Gansu implements Overall Plan for the Lanzhou New Area"}},
		// ApposedZone: a zone described after ", a " names the capitalised
		// name before it, which takes its place and figures; a city before
		// ", a ... zone" stays a city.
		{name: "ApposedZone", text: "In Quanzhou, the Quangang Petrochemical Industrial Park, a national pilot zone for circular economy in Quangang district, made 52 billion yuan of output. Pingtan, a comprehensive experimental zone in Fuzhou, has 900 firms.",
			facts:   []string{"Quangang Petrochemical Industrial Park located_in Quangang"},
			figs:    []string{"Quangang Petrochemical Industrial Park 52000000000 yuan"},
			notFigs: []string{"national pilot zone for circular economy 52000000000 yuan"}},
		// GovernmentRef: "the provincial government" is the provincial
		// people's government the text names, not an office under it nor
		// another body named since.
		{name: "GovernmentRef", text: "Source: General Office of Jiangxi Provincial People's Government. Jiangxi Provincial People's Government released the plan. The Ganzhou Development and Reform Commission approved 12 projects. Wu Hao, deputy secretary-general of the provincial government, presented it.",
			facts:    []string{"Wu Hao official_of Jiangxi Provincial People's Government"},
			notFacts: []string{"Wu Hao official_of Ganzhou Development and Reform Commission", "Wu Hao official_of General Office of Jiangxi Provincial People's Government"}},
		// NamedStrategy: a capitalised run before a lower-case "strategy"
		// names a strategy; a region before it stays a region.
		{name: "NamedStrategy", text: "Ningxia is carrying out the Rural Revitalization strategy. The Yangtze River Delta strategy was launched in 2018.",
			facts: []string{"Ningxia implements Rural Revitalization"}, notFacts: []string{"Ningxia implements Yangtze River Delta"}},
		// CapitalOutside: the regional capital of a sentence that names
		// another province first is not that province's.
		{name: "CapitalOutside", text: "Ningxia has opened up. Wine makers shifted bottling from Shandong to Yinchuan, the regional capital, last year.",
			facts: []string{"Yinchuan part_of Ningxia", "Shandong transfers_to Yinchuan"}},
		// FrontedContainer: "In X, ..." places a division of X named after
		// it; one whose own container the sentence names is left alone.
		{name: "FrontedContainer", text: "In Guizhou, the big data boom has turned Guiyang into a hub. In Jiangsu, Kunshan and Taicang, two county-level cities of Suzhou, share a metro line.",
			facts:    []string{"Guiyang part_of Guizhou", "Kunshan part_of Suzhou"},
			notFacts: []string{"Kunshan part_of Jiangsu", "Suzhou part_of Jiangsu"}},
		// WhichAre: "of which 43 are cross-provincial transport projects"
		// counts projects; "of which 12 are in Hefei" counts nothing.
		{name: "WhichAre", text: "Shandong has 260 ports, of which 74 are deep-water berths. Anhui has 30 parks, of which 12 are in Hefei.",
			figs: []string{"Shandong 74 berths"}, notFigs: []string{"Hefei 12 in", "Anhui 12 in"}},
		// RelativeClauseBreak: "from A, which ..., and B and C have agreed"
		// pairs B and C only; "A, which borders D, and B have agreed" keeps
		// A in the list.
		{name: "RelativeClauseBreak", text: "Shanghai has drawn 40 firms from Gansu, which have opened offices in the city, and Lanzhou and Ningbo have agreed to run a cargo flight. Hunchun, which borders Russia, and Yanji have agreed to build a logistics park.",
			facts:    []string{"Lanzhou cooperates_with Ningbo", "Hunchun cooperates_with Yanji"},
			notFacts: []string{"Gansu cooperates_with Lanzhou", "Gansu cooperates_with Ningbo"}},
		// CounterpartSupport: "provides counterpart support to", "assists":
		// giver and receiver cooperate; people who assist, or a place that
		// assists farmers, pair no places.
		{name: "CounterpartSupport", text: "Shandong provides counterpart support to Hotan and Kashgar. Since 2012, Hubei's Wuhan has assisted Shannan with 120 projects. Experts from Fujian assist farmers in Nyingchi.",
			facts:    []string{"Shandong cooperates_with Hotan", "Shandong cooperates_with Kashgar", "Wuhan cooperates_with Shannan"},
			notFacts: []string{"Fujian cooperates_with Nyingchi", "Hubei cooperates_with Shannan"}},
	})
}

// TestBylineOutlet: "By NAME (Outlet) time, date" names the author and
// the outlet.
func TestBylineOutlet(t *testing.T) {
	x := mustNew(t)
	ex, err := x.Extract(ontology.Document{ID: "test"}, []byte("Opinion\n\nCities learn to share\n\nBy Zhou Mingyu (Guangming Daily)  09:12, May 06, 2025\n\nShenzhen and Dongguan have worked together for years."))
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, e := range ex.Entities {
		names[e.Name+" "+string(e.Type)] = true
	}
	for _, want := range []string{"Zhou Mingyu Person", "Guangming Daily Organization"} {
		if !names[want] {
			t.Errorf("no %s among %v", want, names)
		}
	}
}

// TestNewEraName: "in the New Era" ends a guideline's name.
func TestNewEraName(t *testing.T) {
	x := mustNew(t)
	ex, err := x.Extract(ontology.Document{ID: "test"}, []byte("The Opinions on Promoting the High-quality Development of the Central Region in the New Era were issued in 2021. Investment rose in the New Year."))
	if err != nil {
		t.Fatal(err)
	}
	want := "Opinions on Promoting the High-quality Development of the Central Region in the New Era"
	found := false
	for _, e := range ex.Entities {
		found = found || e.Name == want
		if e.Name == "Opinions on Promoting the High-quality Development of the Central Region" {
			t.Errorf("name cut before its era: %q", e.Name)
		}
	}
	if !found {
		t.Errorf("no entity %q among %v", want, ex.Entities)
	}
}

// TestStrategyFar: "the strategy" many names after the only strategy the
// text names is that strategy.
func TestStrategyFar(t *testing.T) {
	x := mustNew(t)
	cities := []string{"Shijiazhuang", "Tangshan", "Qinhuangdao", "Handan", "Xingtai", "Baoding", "Zhangjiakou", "Chengde",
		"Cangzhou", "Langfang", "Hengshui", "Taiyuan", "Datong", "Yangquan", "Changzhi", "Jincheng", "Shuozhou", "Jinzhong",
		"Yuncheng", "Xinzhou", "Linfen", "Lvliang", "Hohhot", "Baotou", "Wuhai", "Chifeng", "Tongliao", "Ordos", "Hulunbuir",
		"Shenyang", "Dalian", "Anshan", "Fushun", "Benxi", "Dandong", "Jinzhou", "Yingkou", "Fuxin", "Liaoyang", "Panjin",
		"Tieling", "Huludao", "Changchun", "Jilin"}
	text := "The Rise of the Central Region strategy was launched in 2004. "
	for _, c := range cities {
		text += c + " has grown. "
	}
	text += "Henan, which has carried out the strategy with vigour, has gained most."
	facts, _ := extractText(t, x, text)
	wantAll(t, facts, "Henan implements Rise of the Central Region")
}

// TestRelatedLinks: a figure in the headline of a related story is not
// the text's, though the names in it are read.
func TestRelatedLinks(t *testing.T) {
	x := mustNew(t)
	_, figs := extractText(t, x, "Lanzhou grows\n\nLanzhou's exports rose 8 percent.\n\nRelated stories\n\n- Xining freight trains pass 3,000 trips\n- Gansu sees record harvest\n")
	wantAll(t, figs, "Lanzhou 8 percent")
	wantNone(t, figs, "Xining 3000 trips")
	_, figs = extractText(t, x, "Key figures\n\n- 3,000: trips operated by Xining freight trains\n")
	wantAll(t, figs, "Xining 3000 trips")
}

// TestAuthorNote: a commentary's closing "(The author is a ... with X.)"
// affiliates its byline's author with X; a note that names no body
// affiliates no one.
func TestAuthorNote(t *testing.T) {
	x := mustNew(t)
	text := "Opinion\n\nRivers bind cities\n\nBy Gao Lina (China Daily)  10:02, June 02, 2025\n\nWuhan and Changsha have worked together for years, said Zhou Ping, vice-mayor of Wuhan.\n\n(The author is a senior fellow with the Chinese Academy of Social Sciences.)"
	facts, _ := extractText(t, x, text)
	wantAll(t, facts, "Gao Lina affiliated_with Chinese Academy of Social Sciences")
	wantNone(t, facts, "Zhou Ping affiliated_with Chinese Academy of Social Sciences")
	facts, _ = extractText(t, x, "By Gao Lina (China Daily)  10:02, June 02, 2025\n\nWuhan grows.\n\n(The author is a retired teacher.)")
	for f := range facts {
		if strings.Contains(f, "affiliated_with") {
			t.Errorf("unexpected %s", f)
		}
	}
}

// TestEditorList: "Web editor: A, B" and "Editors: A and B" name two
// people; a list with a word that is no name names none.
func TestEditorList(t *testing.T) {
	for _, c := range []struct {
		line string
		want []string
	}{
		{"Web editor: Zhou Yan, Ma Lin", []string{"Zhou Yan", "Ma Lin"}},
		{"Editors: Li Na and Wang Bo", []string{"Li Na", "Wang Bo"}},
		{"Editor: Li Na", nil},
		{"Editors: Li Na and the desk", nil},
		{"Every city and county joined", nil},
	} {
		got := editorList(c.line)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("editorList(%q) = %q, want %q", c.line, got, c.want)
		}
	}
}

// TestUpdatedAuthor: a name alone under the "Updated" line is the author;
// a headline-like line there is not.
func TestUpdatedAuthor(t *testing.T) {
	if !authorAfterUpdated("Updated 09:10, 02-Mar-2025", "Zhang Hao") {
		t.Error("Zhang Hao under Updated: not read as the author")
	}
	for _, c := range [][2]string{
		{"Updated 09:10, 02-Mar-2025", "Trade Routes to the Sea"},
		{"Updated 09:10, 02-Mar-2025", "Guizhou grew 5 percent."},
		{"Share this story", "Zhang Hao"},
	} {
		if authorAfterUpdated(c[0], c[1]) {
			t.Errorf("authorAfterUpdated(%q, %q) = true", c[0], c[1])
		}
	}
}
