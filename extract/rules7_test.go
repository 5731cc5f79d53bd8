package extract

import (
	"testing"

	"github.com/policykg/policykg/ontology"
)

// TestRulesSession7 runs the rules added in session 7 on sentences written
// for this test; notFacts are what a rule must not read where it could
// over-fire.
func TestRulesSession7(t *testing.T) {
	x := mustNew(t)
	ruleCases(t, x, []ruleCase{
		// ModalJoint: a guideline's "shall jointly" and a speech's
		// "should work together" are joint statements like "will".
		{name: "ModalJoint", text: "Hefei, Wuhu and Ma'anshan shall jointly build a science corridor. Yichun and Pingxiang should work together on lithium mining.",
			facts: []string{"Hefei cooperates_with Wuhu", "Hefei cooperates_with Ma'anshan", "Wuhu cooperates_with Ma'anshan", "Yichun cooperates_with Pingxiang"}},
		// DeepenCooperation: "A, B and C shall deepen cooperation" and
		// "calling on A and B to step up collaboration" pair the list; a
		// list that is the object of "with", or followed by "with D", is not
		// paired with itself.
		{name: "DeepenCooperation", text: "Premier Li called on Shanxi, Henan and Shaanxi to deepen cooperation along the river. Guilin and Liuzhou shall step up collaboration in tourism. Hebei will work with Beijing and Tianjin to deepen cooperation on transport. Yunnan and Guizhou shall strengthen cooperation with Laos.",
			facts:    []string{"Shanxi cooperates_with Henan", "Shanxi cooperates_with Shaanxi", "Henan cooperates_with Shaanxi", "Guilin cooperates_with Liuzhou", "Hebei cooperates_with Beijing", "Yunnan cooperates_with Laos", "Guizhou cooperates_with Laos"},
			notFacts: []string{"Beijing cooperates_with Tianjin", "Yunnan cooperates_with Guizhou"}},
		// TogetherAtEnd: "A and B will build an X together"; "together with
		// C" names another partner, and a "together" far from the verb is
		// not the list's.
		{name: "TogetherAtEnd", text: "Nanning and Chengdu's Tianfu New Area will run a logistics platform together. Qinzhou and Beihai will develop the new port together with Fangchenggang. Zhuhai and Zhongshan have opened new schools, and the parents of pupils in the two towns can now sit together at meetings.",
			facts:    []string{"Nanning cooperates_with Tianfu New Area", "Qinzhou cooperates_with Fangchenggang", "Beihai cooperates_with Fangchenggang"},
			notFacts: []string{"Nanning cooperates_with Chengdu", "Zhuhai cooperates_with Zhongshan"}},
		// ReceivedDespiteNamedVerb: a verb word inside a zone's name ("for
		// Undertaking Industrial Transfer") does not stop "has taken in N
		// projects from A"; "C in Y shall take in ... from A" is C's, not Y's.
		{name: "ReceivedDespiteNamedVerb", text: "The Xiangnan Demonstration Zone for Undertaking Industrial Transfer has taken in 900 projects from Guangdong and Shanghai. Shaoyang, a city in central Hunan, and Yongzhou in Hunan shall take in more furniture makers from Fujian.",
			facts:    []string{"Guangdong transfers_to Xiangnan Demonstration Zone for Undertaking Industrial Transfer", "Shanghai transfers_to Xiangnan Demonstration Zone for Undertaking Industrial Transfer", "Fujian transfers_to Yongzhou", "Fujian transfers_to Shaoyang"},
			notFacts: []string{"Fujian transfers_to Hunan"}},
		// ImplementsTogetherWith: "X has carried out S together with Y"
		// makes Y implement S too; a reference after ", and" that a verb
		// follows opens a clause and is no partner.
		{name: "ImplementsTogetherWith", text: "The State Council approved the Development Plan for the Beibu Gulf City Cluster in 2017. Since then, Guangxi has carried out the plan together with Guangdong and Hainan, and the cluster has grown fast.",
			facts: []string{"Guangxi implements Development Plan for the Beibu Gulf City Cluster", "Guangdong implements Development Plan for the Beibu Gulf City Cluster", "Hainan implements Development Plan for the Beibu Gulf City Cluster", "Guangxi cooperates_with Guangdong"}},
		{name: "ClauseAfterAnd", text: "The Yangtze River Delta is the largest economy of the country. Shanghai has worked with Jiangsu, and the delta has grown fast.",
			facts: []string{"Shanghai cooperates_with Jiangsu"}, notFacts: []string{"Shanghai cooperates_with Yangtze River Delta"}},
		// SharedOffice: "A, B and C, all members of X" makes each a person
		// and an official of X (membership of a committee is an office, of
		// an academy an affiliation); "Xi, also chairman of Y" is the one
		// person of that surname; "P, vice minister of commerce" serves the
		// Ministry of Commerce the page has named.
		{name: "SharedOffice", text: "Ministry of Transport of the People's Republic of China\n\nZhao Lei, Qian Yu and Sun Bo, all members of the Standing Committee of the Guangxi Regional Committee, attended. Zhou Min and Wu Tao, both fellows of the Chinese Academy of Engineering, spoke. Lin Feng, head of the Hunan Provincial Department of Transport, came. Lin, also a deputy of the National People's Congress, spoke. Zhang Xin, vice minister of transport, and Lu Hao, minister of agriculture, also spoke.",
			facts: []string{"Zhao Lei official_of Standing Committee of the Guangxi Regional Committee", "Qian Yu official_of Standing Committee of the Guangxi Regional Committee",
				"Sun Bo official_of Standing Committee of the Guangxi Regional Committee", "Zhou Min affiliated_with Chinese Academy of Engineering",
				"Wu Tao affiliated_with Chinese Academy of Engineering", "Lin Feng official_of National People's Congress", "Zhang Xin official_of Ministry of Transport"},
			notFacts: []string{"Zhou Min official_of Chinese Academy of Engineering", "Lu Hao official_of Ministry of Transport"}},
		// PartnersWith: memorandums signed with, data shared with and ties
		// deepened with are partnerships, "its" being the nearer name's in
		// "help A deepen its ties"; a shared border, ties sought, and a
		// clause after ", and" are not.
		{name: "PartnersWith", text: "Guangxi has signed memorandums on tourism with Vietnam. The Ministry of Commerce will help Yunnan deepen its ties with Laos. Qinzhou Port will share shipping data with Beihai Port. Dongxing shares a long border with Vietnam. Fangchenggang is seeking closer ties with Nanning. Guangxi has signed agreements with Thailand, and Malaysia is its largest trade partner.",
			facts:    []string{"Guangxi cooperates_with Viet Nam", "Yunnan cooperates_with Laos", "Qinzhou Port cooperates_with Beihai Port", "Guangxi cooperates_with Thailand"},
			notFacts: []string{"Ministry of Commerce cooperates_with Laos", "Dongxing cooperates_with Viet Nam", "Fangchenggang cooperates_with Nanning", "Guangxi cooperates_with Malaysia"}},
		// GuidedToMove: "industries in A shall be guided to move to B and
		// C", "firms from A are encouraged to relocate to B"; a place that
		// is the subject, not after "in" or "from", moves nothing.
		{name: "GuidedToMove", text: "Processing industries in the Pearl River Delta shall be guided to move to Shaoguan and Meizhou. Factories from Wenzhou are encouraged to relocate to Ganzhou. Hunan wants to move to Changsha's rhythm.",
			facts:    []string{"Pearl River Delta transfers_to Shaoguan", "Pearl River Delta transfers_to Meizhou", "Wenzhou transfers_to Ganzhou"},
			notFacts: []string{"Hunan transfers_to Changsha"}},
	})
}

// TestFiguresSession7 runs the figure rules of session 7: "the belt" and
// "the land port" refer only to an entity whose name holds the noun, however
// far back it was named, and a quoted modifier stays inside the counted
// noun phrase; a bullet item that gives a figure is prose, though
// unpunctuated.
func TestFiguresSession7(t *testing.T) {
	x := mustNew(t)
	text := "The Pearl River-Xijiang Economic Belt links Guangdong and Guangxi. " +
		"Nanning, Liuzhou, Wuzhou, Guigang, Baise, Laibin, Chongzuo, Guangzhou, Foshan, Zhaoqing and Yunfu are on the river. " +
		"The Guangdong-Hong Kong-Macao Greater Bay Area lies downstream. " +
		"Trade along the belt reached 2.1 trillion yuan in 2024. " +
		"The Pingxiang Land Port opened in 2019. The land port has handled 3,100 freight trains since then. " +
		`Guangxi has set up seven "one-stop" service centers.`
	_, figs := extractText(t, x, text+"\n\nKey figures\n\n- Nanning: 580 billion yuan\n- Exports of the belt in 2024: 460 billion yuan\n\nRelated\n\n- Liuzhou opens new car plant\n")
	wantAll(t, figs, "Pearl River-Xijiang Economic Belt 2100000000000 yuan", "Pingxiang Land Port 3100 trains", "Guangxi 7 centers",
		"Nanning 580000000000 yuan", "Pearl River-Xijiang Economic Belt 460000000000 yuan")
	wantNone(t, figs, "Guangdong-Hong Kong-Macao Greater Bay Area 2100000000000 yuan", `Guangxi 7 one-stop`)
}

// TestEntityTypesSession7 types the names of session 7's rules: a body
// "Group for ..." or "Center for ..." is an organization whatever its
// last words; "Customs" heads a body; bonded port areas are zones; trade
// corridors are strategies while a corridor of land stays a region; a
// closing "(ABBR)" is no part of a name; and a national body's banner
// name "X of the People's Republic of China" is X.
func TestEntityTypesSession7(t *testing.T) {
	x := mustNew(t)
	got := entityTypes(t, x, "Ministry of Ecology and Environment of the People's Republic of China\n\n"+
		"The Office for Coordinating the Guangdong-Hong Kong-Macao Greater Bay Area met in May. "+
		"Nanning Customs inspected the goods at the Qinzhou Bonded Port Area. "+
		"The China-Mongolia-Russia Economic Corridor and the Hexi Corridor were discussed. "+
		"Guangxi joined the Shanghai Cooperation Organization (SCO) forum. "+
		"The Ministry of Ecology and Environment sent experts.")
	want := map[string]ontology.EntityType{
		"Office for Coordinating the Guangdong-Hong Kong-Macao Greater Bay Area": ontology.Organization,
		"Nanning Customs":                         ontology.Organization,
		"Qinzhou Bonded Port Area":                ontology.Zone,
		"China-Mongolia-Russia Economic Corridor": ontology.Strategy,
		"Hexi Corridor":                           ontology.Region,
		"Shanghai Cooperation Organization":       ontology.Organization,
		"Ministry of Ecology and Environment":     ontology.Organization,
	}
	for name, typ := range want {
		if got[name] != typ {
			t.Errorf("%s typed %q, want %q; got %v", name, got[name], typ, got)
		}
	}
	for _, name := range []string{"Shanghai Cooperation Organization (SCO)", "Ministry of Ecology and Environment of the People's Republic of China"} {
		if _, ok := got[name]; ok {
			t.Errorf("unwanted entity %q", name)
		}
	}
}

// TestChromeEditor reads the editor a page's chrome line names beside its
// source, and no one from a lower-case editor handle.
func TestChromeEditor(t *testing.T) {
	x := mustNew(t)
	got := entityTypes(t, x, "Shenzhen unveils port plan\n\nUpdated: 2025-03-02 10:12 | Source: Shenzhen Special Zone Daily | Editor: Chen Yulan\n\nSource: Xinhua | 2025-03-02 | Editor: huaxia\n\nShenzhen will expand Yantian Port.")
	if got["Chen Yulan"] != ontology.Person {
		t.Errorf("Chen Yulan typed %q, want Person; got %v", got["Chen Yulan"], got)
	}
	for name, typ := range got {
		if typ == ontology.Person && name != "Chen Yulan" {
			t.Errorf("unwanted person %q", name)
		}
	}
}

// TestNotPlacesSession7: English words that are also county names open a
// guideline's headings and orders ("Guiding principles", "Guide the ...")
// and name no place, nor does a lake or mountain named after a county;
// the county's full name still does.
func TestNotPlacesSession7(t *testing.T) {
	x := mustNew(t)
	got := entityTypes(t, x, "(1) Guiding principles. Guide the orderly transfer of industries. Jiangxi will restore Poyang Lake. Guiding County in Guizhou grows tea.")
	for _, name := range []string{"Guide", "Poyang"} {
		if _, ok := got[name]; ok {
			t.Errorf("unwanted place %q; got %v", name, got)
		}
	}
	if got["Guiding"] != ontology.County {
		t.Errorf("Guiding typed %q, want County (from its full name); got %v", got["Guiding"], got)
	}
}

// TestJointAux keeps isJointAux the same set as jointAux.
func TestJointAux(t *testing.T) {
	for w := range jointAux {
		if !isJointAux(w) {
			t.Errorf("isJointAux(%q) = false, jointAux holds it", w)
		}
	}
	for _, w := range []string{"to", "jointly", "build", "work"} {
		if isJointAux(w) != jointAux[w] {
			t.Errorf("isJointAux(%q) = %v, jointAux says %v", w, isJointAux(w), jointAux[w])
		}
	}
}
