package extract

import (
	"testing"

	"github.com/policykg/policykg/ontology"
)

// TestRulesSession9 runs the rules added in session 9 on sentences written
// for this test; notFacts and notFigs are what a rule must not read where
// it could over-fire.
func TestRules9(t *testing.T) {
	x := mustNew(t)
	ruleCases(t, x, []ruleCase{
		// JointRelative: a relative clause between a list and its joint
		// verb is stepped over; a clause that itself holds the joint verb
		// is still read.
		{name: "JointRelative", text: "Zigong and Yongchuan district of Chongqing, which face each other across the provincial border, have jointly built a salt industry park. Hengyang, Chenzhou and Yongzhou, which agreed in 2019 to develop tourism together, have since been joined by Ganzhou.",
			facts:    []string{"Zigong cooperates_with Yongchuan", "Hengyang cooperates_with Chenzhou", "Chenzhou cooperates_with Yongzhou"},
			notFacts: []string{"Ganzhou cooperates_with Hengyang"}},
		// JointLocative: "A in B and C have signed ..." lists A and C; B
		// only locates A.
		{name: "JointLocative", text: "Ganzhou in Jiangxi and Shaoguan in Guangdong have signed an agreement to run a joint logistics park.",
			facts:    []string{"Ganzhou cooperates_with Shaoguan"},
			notFacts: []string{"Jiangxi cooperates_with Shaoguan", "Ganzhou cooperates_with Jiangxi"}},
		// CounterpartAssist: places that assist a place work with it, in
		// the active and the passive; a ministry is no partner, and
		// "respectively" is left to the pairing rule.
		{name: "CounterpartAssist", text: "Shandong and Hunan assist Shigatse, a city in the west of the region. Hotan, the prefecture's seat, is assisted by Beijing. Tianjin has provided counterpart assistance to Changdu. The Ministry of Education assists Xigaze's schools. Jiangsu and Zhejiang assisted Ili and Aksu respectively.",
			facts:    []string{"Shandong cooperates_with Xigaze", "Hunan cooperates_with Xigaze", "Beijing cooperates_with Hotan", "Tianjin cooperates_with Qamdo", "Jiangsu cooperates_with Ili", "Zhejiang cooperates_with Aksu"},
			notFacts: []string{"Shandong cooperates_with Hunan", "Ministry of Education cooperates_with Xigaze", "Jiangsu cooperates_with Aksu", "Zhejiang cooperates_with Ili"}},
		// FrontedIn: "In X, Y has ..." puts Y in X when the gazetteer
		// agrees, and a zone in X; a place the gazetteer puts elsewhere is
		// not read. (A list after the comma is left to fronted-container,
		// which places its members in X when the gazetteer agrees: Shiyan
		// is a city of Hubei.)
		{name: "FrontedIn", text: "In Jilin, Baishan has turned its old mines into ski resorts. In Gansu, the Lanzhou New Area Comprehensive Bonded Zone opened a rail port. In Hubei, Shiyan and Xiangyang have built a car parts cluster. In Sichuan, Chongqing investors opened 40 shops.",
			facts:    []string{"Baishan part_of Jilin", "Lanzhou New Area Comprehensive Bonded Zone located_in Gansu"},
			notFacts: []string{"Chongqing part_of Sichuan"}},
		// FrontedWhere: "In X," that tells where something happened puts no
		// zone in X when the gazetteer or the zone's own name places it
		// elsewhere.
		{name: "FrontedWhere", text: "In Beijing, Xiong'an New Area officials said 30 firms would move. In Guangdong, Hainan Free Trade Port officials spoke. In Tianjin, the Lingang Special Area of the China (Shanghai) Pilot Free Trade Zone was praised.",
			notFacts: []string{"Xiong'an New Area located_in Beijing", "Hainan Free Trade Port located_in Guangdong", "Lingang Special Area of the China (Shanghai) Pilot Free Trade Zone located_in Tianjin"}},
		// FrontedIts: "its" after "In X, Y ..." is Y's; with no other
		// subject it stays X's.
		{name: "FrontedIts", text: "In Heilongjiang, Mudanjiang has opened three border ports, and its exports rose 9.4 percent in 2024. In Shaanxi, its output of apples grew 3.1 percent.",
			figs:    []string{"Mudanjiang 9.4 percent", "Shaanxi 3.1 percent"},
			notFigs: []string{"Heilongjiang 9.4 percent"}},
		// Speed: a speed is a train's or a line's, never a metric of the
		// place named; quarters are a span of time.
		{name: "Speed", text: "Trains on the Xi'an line will run at 350 kilometers an hour, and buses in Lanzhou at 60 km per hour. In the first three quarters, Gansu's output grew 6.3 percent.",
			figs:    []string{"Gansu 6.3 percent"},
			notFigs: []string{"Lanzhou 60 km", "Xi'an 350 kilometers", "Gansu 3 quarters"}},
		{name: "RateNoSpeed", text: "Lianyungang Port loads 2,800 tonnes per hour.", figs: []string{"Lianyungang Port 2800 tonnes"}},
		// CompanyLtd and CampusName: a comma or a parenthesis does not cut a
		// company's or a campus's name; an acronym in parentheses is no
		// campus.
		{name: "CompanyLtd", text: "Sichuan Expressway Construction Co., Ltd. has put 12.4 billion yuan into roads around Mianyang. Harbin Institute of Technology (Weihai), in Shandong, has enrolled 9,800 students. Peking University (PKU) in Beijing signed 35 contracts.",
			figs:    []string{"Sichuan Expressway Construction Co., Ltd. 12400000000 yuan", "Harbin Institute of Technology (Weihai) 9800 students"},
			notFigs: []string{"Mianyang 12400000000 yuan", "Shandong 9800 students", "Peking University (PKU) 35 contracts"}},
		// SelfIntro: a reporter who introduces himself names his outlet; a
		// place after "from" is no employer.
		{name: "SelfIntro", text: "Jiangxi Daily:\n\nI'm Hu Xiaoyan from Jiangxi Daily. My question is for Mr. Liu. I am Tang Bo with the People's Daily. I'm Xu Ming from Nanchang.",
			facts:    []string{"Hu Xiaoyan affiliated_with Jiangxi Daily", "Tang Bo affiliated_with People's Daily"},
			notFacts: []string{"Xu Ming affiliated_with Nanchang"}},
		// ZoneCommittee: an official of a zone's administrative committee
		// holds office in the committee.
		{name: "ZoneCommittee", text: "Sun Wei, deputy director of the administrative committee of the Suzhou Industrial Park, and Lu Fang, head of the management committee of the Lanzhou New Area, took questions.",
			facts: []string{"Sun Wei official_of administrative committee of the Suzhou Industrial Park", "Lu Fang official_of management committee of the Lanzhou New Area"}},
		// ZoneCoversParts: a zone the gazetteer lists beside the counties
		// of its prefecture lies in the counties it covers, "parts of" one
		// included; a county of another prefecture is not taken.
		{name: "ZoneCoversParts", text: "The Zhengzhou Airport Economy Zone, which covers Xinzheng and parts of Zhongmu county, hosts 80 firms. The Zhengzhou Airport Economy Zone covers Lankao.",
			facts:    []string{"Zhengzhou Airport Economy Comprehensive Experimental Zone located_in Xinzheng", "Zhengzhou Airport Economy Comprehensive Experimental Zone located_in Zhongmu"},
			notFacts: []string{"Zhengzhou Airport Economy Comprehensive Experimental Zone located_in Lankao"}},
		// ZoneInCovers: "the X Zone in Y covers Z" puts the zone in Z too.
		{name: "ZoneInCovers", text: "The Pingxiang Key Development and Opening-up Pilot Zone in Guangxi covers Pingxiang, a county-level city of Chongzuo. The Lanzhou New Area in Gansu hosts 30 firms from Yongdeng.",
			facts:    []string{"Pingxiang Key Development and Opening-up Pilot Zone located_in Guangxi", "Pingxiang Key Development and Opening-up Pilot Zone located_in Pingxiang"},
			notFacts: []string{"Lanzhou New Area located_in Yongdeng"}},
		// ListWithThe: "from the A, the B and the C" lists three places;
		// "X, the capital of Y, and Z" keeps its apposition.
		{name: "ListWithThe", text: "Jiangxi has drawn 820 projects from the Pearl River Delta, the Yangtze River Delta and the Beijing-Tianjin-Hebei region. Hefei, the capital of Anhui province, and Wuhu have agreed to work together.",
			facts:    []string{"Pearl River Delta transfers_to Jiangxi", "Yangtze River Delta transfers_to Jiangxi", "Beijing-Tianjin-Hebei region transfers_to Jiangxi", "Hefei cooperates_with Wuhu", "Hefei part_of Anhui"},
			notFacts: []string{"Anhui cooperates_with Wuhu"}},
		// TakenOfThem: a place that takes in "N of them" right after a
		// sentence of transfers receives from the same sources; not two
		// sentences on, nor with a verb that receives nothing.
		{name: "TakenOfThem", text: "Since 2020, 260 projects from Guangdong and Fujian have moved to Jiangxi. Ganzhou and Ji'an have taken in 140 of them. Nanchang has built 30 parks. Jiujiang has received 50 of them.",
			facts:    []string{"Guangdong transfers_to Ganzhou", "Fujian transfers_to Ji'an"},
			notFacts: []string{"Guangdong transfers_to Jiujiang", "Guangdong transfers_to Nanchang"}},
		// ShareOfThem: "N percent of them" is a share of the figure before
		// it, whose owner it keeps.
		{name: "ShareOfThem", text: "Jinzhou and Huludao have set up the Liaoxi Coastal Economic Zone, which hosts 640 companies, about 35 percent of them from Beijing.",
			figs:    []string{"Liaoxi Coastal Economic Zone 640 companies", "Liaoxi Coastal Economic Zone 35 percent"},
			notFigs: []string{"Jinzhou 35 percent", "Beijing 35 percent"}},
		// FundedBy: a place that modifies the counted noun ("Macao-funded")
		// is no unit and no owner.
		{name: "FundedBy", text: "Nanning is home to 2,300 Hong Kong-invested companies and 410 Taiwan-funded firms.",
			figs: []string{"Nanning 2300 companies", "Nanning 410 firms"}},
		// ZoneArea: "the X area of the Y Zone" is the zone's part in X:
		// the zone lies in X and the figure is the zone's.
		{name: "ZoneArea", text: "The Yantai area of the China (Shandong) Pilot Free Trade Zone has registered 5,600 companies.",
			facts:   []string{"China (Shandong) Pilot Free Trade Zone located_in Yantai"},
			figs:    []string{"China (Shandong) Pilot Free Trade Zone 5600 companies"},
			notFigs: []string{"Yantai 5600 companies"}},
		// ApposAt, HeartOf, InNeighboring: a place at the tip of another,
		// at its heart, or in a neighboring one lies in it; "lies north of"
		// does not.
		{name: "GapContain", text: "Lushunkou, a district at the southern tip of Dalian, hosts a naval museum. Zhengzhou is the heart of the Central Plains urban agglomeration. Hubei sits at the heart of China. Yueyang city in neighboring Hunan province opened a port. Xiaogan lies north of Wuhan.",
			facts:    []string{"Lüshunkou part_of Dalian", "Zhengzhou part_of Central Plains urban agglomeration", "Hubei part_of China", "Yueyang part_of Hunan"},
			notFacts: []string{"Xiaogan part_of Wuhan"}},
		// JointlyBy: a thing run or set up jointly by a list of places
		// pairs them; one body alone pairs nothing.
		{name: "JointlyBy", text: "The industrial park is managed jointly by Jiangsu and Xinjiang. A fund jointly financed by Shanxi, Shaanxi and Henan has 30 billion yuan. The port is jointly operated by the Ningbo Port Group.",
			facts: []string{"Jiangsu cooperates_with Xinjiang", "Shanxi cooperates_with Shaanxi", "Shaanxi cooperates_with Henan", "Shanxi cooperates_with Henan"}},
		// BringIn: a place that brings in projects from places receives
		// them; a policy that brings in investors moves nothing.
		{name: "BringIn", text: "The provincial government has helped Shangrao bring in 38 projects from Zhejiang and Shanghai. The new policy brings in investors from Hong Kong.",
			facts:    []string{"Zhejiang transfers_to Shangrao", "Shanghai transfers_to Shangrao"},
			figs:     []string{"Shangrao 38 projects"},
			notFacts: []string{"Hong Kong transfers_to Shangrao"}},
		// BayArea: "the Bay Area" is the Greater Bay Area in a text that
		// names it, not a county whose name is "Bay".
		{name: "BayArea", text: "Shenzhen is a core city of the Greater Bay Area. Companies across the Bay Area have hired 12,000 graduates.",
			figs:    []string{"Guangdong-Hong Kong-Macao Greater Bay Area 12000 graduates"},
			notFigs: []string{"Baicheng 12000 graduates"}},
		// SpelledSecond: "14 schools and three hospitals" gives two
		// figures; "56 fireworks and electronics plants" one.
		{name: "SpelledSecond", text: "Shigatse has built 22 schools and four hospitals with aid from Shanghai. Ganzhou built 40 furniture and textile plants.",
			figs:    []string{"Xigaze 22 schools", "Xigaze 4 hospitals", "Ganzhou 40 plants"},
			notFigs: []string{"Xigaze 22 hospitals"}},
		// ForeignCityJoint: "the Russian city of X" names a city, and "The
		// two cities have agreed to ..." pairs the two cities last named.
		{name: "ForeignCityJoint", text: "Suifenhe in Heilongjiang and the Russian city of Pogranichny face each other across the border. The two cities have agreed to open a joint trade zone. Dongning and Mudanjiang grew.",
			facts:    []string{"Suifenhe cooperates_with Pogranichny"},
			notFacts: []string{"Dongning cooperates_with Mudanjiang"}},
		// NumberedFunded: "X-funded companies in the zone numbered N"
		// counts companies, the zone's; the place that funds them owns
		// nothing.
		{name: "NumberedFunded", text: "The China (Fujian) Pilot Free Trade Zone lies in Fuzhou. Taiwan-funded firms in the zone numbered 3,450 at the end of June. Hong Kong-invested companies in Xiamen grew 8 percent.",
			figs:    []string{"China (Fujian) Pilot Free Trade Zone 3450 firms", "Xiamen 8 percent"},
			notFigs: []string{"Taiwan 3450 firms", "Hong Kong 8 percent"}},
		// SentenceAR: "the autonomous region" after "In X," is X, whatever
		// region the sentence before named.
		{name: "SentenceAR", text: "Jiangsu is paired with Ili in Xinjiang. In Ningxia, Fujian assists Guyuan, a city in the south of the autonomous region.",
			facts:    []string{"Guyuan part_of Ningxia", "Fujian cooperates_with Guyuan"},
			notFacts: []string{"Guyuan part_of Xinjiang"}},
		// LinkedWith: a road "linking A with B" makes no partnership, even
		// with "together" later in the sentence; "A will work with B" does.
		{name: "LinkedWith", text: "A railway linking Wanzhou district of Chongqing with Dazhou opened, bringing the two closer together. Yibin will work with Luzhou on river shipping.",
			facts:    []string{"Yibin cooperates_with Luzhou"},
			notFacts: []string{"Chongqing cooperates_with Dazhou", "Wanzhou cooperates_with Dazhou"}},
		// ZoneCommitteeWe: the "we" of a zone committee's official is the
		// zone.
		{name: "ZoneCommitteeWe", text: "Wu Gang, deputy director of the administrative committee of the Lanzhou New Area, answered questions.\n\nWu Gang:\n\nWe have signed agreements with Wuwei on rail freight.",
			facts:    []string{"Lanzhou New Area cooperates_with Wuwei"},
			notFacts: []string{"administrative committee of the Lanzhou New Area cooperates_with Wuwei"}},
		// NamedAfterBoth: places that set up a zone named after all of them
		// work together; a zone named after one does not pair them.
		{name: "NamedAfterBoth", text: "Xiamen and Zhangzhou have set up the Xiamen-Zhangzhou Port Logistics Zone. Jinan and Qingdao have set up the Jinan Software Park.",
			facts:    []string{"Xiamen cooperates_with Zhangzhou"},
			notFacts: []string{"Jinan cooperates_with Qingdao"}},
	})
}

// TestSaidNamePerson: a name a quotation is said by, with a description
// after a comma, is a person; a place after "said" is not.
func TestSaidNamePerson(t *testing.T) {
	x := mustNew(t)
	ex, err := x.Extract(ontology.Document{ID: "said"}, []byte("\"Our pears now reach Chengdu in a day,\" said Luo Xiaomei, a farmer in Cangxi county. \"Trade is up,\" said Guangyuan, a city that borders Shaanxi."))
	if err != nil {
		t.Fatal(err)
	}
	types := map[string]ontology.EntityType{}
	for _, e := range ex.Entities {
		types[e.Name] = e.Type
	}
	if types["Luo Xiaomei"] != ontology.Person {
		t.Errorf("Luo Xiaomei is %q, want a person; entities %v", types["Luo Xiaomei"], types)
	}
	if types["Guangyuan"] != ontology.City {
		t.Errorf("Guangyuan is %q, want a city", types["Guangyuan"])
	}
}
