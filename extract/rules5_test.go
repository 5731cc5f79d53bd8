package extract

import (
	"testing"

	"github.com/policykg/policykg/ontology"
)

// TestRulesSession5 runs the rules added in session 5 after the heldout4
// texts, on sentences written for this test; notFacts and notFigs are what
// a rule must not read where it could over-fire.
func TestRulesSession5(t *testing.T) {
	x := mustNew(t)
	ruleCases(t, x, []ruleCase{
		// RegionalCapital reads "X, the regional capital" as X part_of the
		// autonomous region; a capital takes the province the gazetteer
		// puts it in, not merely the latest named.
		{name: "RegionalCapital", text: "The Tibet Autonomous Region has built more roads. Lhasa, the regional capital, opened a logistics park. Hunan and Hubei signed a pact. Changsha, the provincial capital, hosted the ceremony.",
			facts: []string{"Lhasa part_of Tibet", "Changsha part_of Hunan"}, notFacts: []string{"Changsha part_of Hubei"}},
		// YearsAgoIsNoFigure: "five years ago" is a time, not a figure.
		{name: "YearsAgoIsNoFigure", text: "Five years ago, Beihai had few factories. Now Beihai has 80 factories.",
			figs: []string{"Beihai 80 factories"}, notFigs: []string{"Beihai 5 ago", "Beihai 5 years"}},
		// RespectivelyOfThree pairs three figures with three places.
		{name: "RespectivelyOfThree", text: "Zhuhai, Zhongshan and Jiangmen raised their exports by 6.4, 5.1 and 3.9 percent respectively.",
			figs: []string{"Zhuhai 6.4 percent", "Zhongshan 5.1 percent", "Jiangmen 3.9 percent"}, notFigs: []string{"Zhuhai 5.1 percent", "Zhuhai 3.9 percent"}},
		// PrefecturesListed reads "the two prefectures of Y (A and B)" as A
		// and B part_of Y, and gives their joint figure to Y.
		{name: "PrefecturesListed", text: "The two prefectures of northern Xinjiang (Altay and Tacheng) posted combined growth of 5.8 percent.",
			facts: []string{"Altay part_of northern Xinjiang", "Tacheng part_of northern Xinjiang"},
			figs:  []string{"northern Xinjiang 5.8 percent"}, notFigs: []string{"Altay 5.8 percent"}},
		// TheRegionIsTheAutonomousRegion reads "the region" in a text on an
		// autonomous region as that region, and "the autonomous region" too;
		// a Region named earlier in the same sentence keeps the phrase.
		{name: "TheRegionIsTheAutonomousRegion", text: "Ningxia opened a new airport in 2024. Yinchuan, the regional capital, added flights. The region received 8.1 million tourist visits. Next year the autonomous region will spend 9 billion yuan on water projects. Traders from Ningxia toured the Yangtze River Delta, where the region's firms bought 3 billion yuan of wine.",
			figs:    []string{"Ningxia 8100000 visits", "Ningxia 9000000000 yuan", "Yangtze River Delta 3000000000 yuan"},
			notFigs: []string{"Yinchuan 8100000 visits", "Ningxia 3000000000 yuan"}},
		// DescribedAdministeredBy reads "X, <a description>, is administered
		// by Y" as X part_of Y.
		{name: "DescribedAdministeredBy", text: "Ruili, a busy border town, is administered by Dehong. Lushui, the gateway to the gorge, is governed by Nujiang.",
			facts: []string{"Ruili part_of Dehong", "Lushui part_of Nujiang"}},
		// SeatOf reads "X, a county-level city that serves as the seat of Y"
		// and "X, the seat of Y" as X part_of Y; an apposition with another
		// comma inside is not read.
		{name: "SeatOf", text: "Kaili, a county-level city that serves as the seat of Qiandongnan, hosts a festival. Xichang, the seat of Liangshan, launches rockets. Yining, famous for apples, and the seat of Ili, grew.",
			facts: []string{"Kaili part_of Qiandongnan", "Xichang part_of Liangshan"}},
		// AgreementBetween reads "an agreement between A and B" as A
		// cooperates_with B.
		{name: "AgreementBetween", text: "The port was built under an agreement between China and Cambodia. Agreements between Xiamen and Zhangzhou cover water supply.",
			facts: []string{"China cooperates_with Cambodia", "Xiamen cooperates_with Zhangzhou"}},
		// CountedNotConcept: "received 57 projects relocated from A" is a
		// transfer and a figure, with no recipient_of a concept; an uncounted
		// "industries transferred from A" still is one.
		{name: "CountedNotConcept", text: "Bijie has received 57 industrial projects relocated from Guangzhou and Shenzhen. Zunyi has received industries transferred from Foshan.",
			facts:    []string{"Guangzhou transfers_to Bijie", "Shenzhen transfers_to Bijie", "Zunyi recipient_of industries transferred from Foshan", "Foshan transfers_to Zunyi"},
			figs:     []string{"Bijie 57 projects"},
			notFacts: []string{"Bijie recipient_of industrial projects relocated from Guangzhou and Shenzhen"}},
		// ZoneFor names a zone by its purpose: "the Ganzhou Pilot Zone for
		// Revolutionary Base Revitalization", the whole phrase.
		{name: "ZoneFor", text: "The Ganzhou Pilot Zone for Revolutionary Base Revitalization has drawn 88 projects from Shenzhen.",
			facts:    []string{"Shenzhen transfers_to Ganzhou Pilot Zone for Revolutionary Base Revitalization"},
			figs:     []string{"Ganzhou Pilot Zone for Revolutionary Base Revitalization 88 projects"},
			notFacts: []string{"Shenzhen transfers_to Ganzhou"}},
		// FormedWith reads "X has formed a metropolitan area with A, B and
		// C" as X cooperates_with each; the partners are not paired.
		{name: "FormedWith", text: "Wuhan has formed a metropolitan circle with Ezhou, Huangshi and Huanggang.",
			facts:    []string{"Wuhan cooperates_with Ezhou", "Wuhan cooperates_with Huangshi", "Wuhan cooperates_with Huanggang"},
			notFacts: []string{"Ezhou cooperates_with Huangshi"}},
		// PairedRespectively reads "A and B, <apposition>, have set up parks
		// in C and D respectively" as A with C and B with D; a verb that
		// pairs nothing ("sent goods to") gives no partnership.
		{name: "PairedRespectively", text: "Dongguan and Foshan, two manufacturing cities of Guangdong, have set up industrial parks in Shaoguan and Yunfu respectively. Beijing and Tianjin assisted Hotan and Lhasa respectively. Zhuhai and Jiangmen sent goods to Macao and Hong Kong respectively.",
			facts:    []string{"Dongguan cooperates_with Shaoguan", "Foshan cooperates_with Yunfu", "Beijing cooperates_with Hotan", "Tianjin cooperates_with Lhasa"},
			notFacts: []string{"Dongguan cooperates_with Yunfu", "Dongguan cooperates_with Foshan", "Beijing cooperates_with Lhasa", "Zhuhai cooperates_with Macao"}},
	})
}

// TestPrefectureNotItsSeat resolves a bare name after the document named
// the prefecture ("Aksu prefecture") to that prefecture, not to the
// county-level city of the same name that is its seat.
func TestPrefectureNotItsSeat(t *testing.T) {
	x := mustNew(t)
	got := entityTypes(t, x, "Aksu prefecture grows cotton. Last year 12 mills moved from Zhejiang to Aksu. Changji Hui Autonomous Prefecture borders Urumqi, and Shihezi lies west of Changji.")
	for _, name := range []string{"Aksu", "Changji"} {
		if got[name] != ontology.City {
			t.Errorf("%s resolved as %q, want City; got %v", name, got[name], got)
		}
	}
}

// TestGovernmentWe reads "we" in a government's own text that names no
// official as the place the government governs, and "the autonomous
// region" as that region before the text names it; an official named
// keeps "we" for his place.
func TestGovernmentWe(t *testing.T) {
	x := mustNew(t)
	facts, figs := extractText(t, x, "Guangxi Zhuang Autonomous Region People's Government\n\nWork report\n\nLast year, the autonomous region's GDP reached 2.8 trillion yuan. We will work with Vietnam and Laos on border trade.")
	wantAll(t, facts, "Guangxi cooperates_with Viet Nam", "Guangxi cooperates_with Laos")
	wantAll(t, figs, "Guangxi 2800000000000 yuan")
	facts, _ = extractText(t, x, "Yunnan Provincial People's Government\n\nLi Ming, mayor of Kunming, spoke at the forum. \"We will work with Laos on rail transport,\" Li said.")
	wantAll(t, facts, "Kunming cooperates_with Laos")
	if facts["Yunnan cooperates_with Laos"] {
		t.Errorf("'we' went to the government's province although an official spoke; got %v", keys(facts))
	}
	facts, _ = extractText(t, x, "Jiangxi Provincial People's Government\n\n\"We will deepen cooperation with Fujian in tourism,\" said Wu Ping, a deputy director of the bureau.")
	if facts["Jiangxi cooperates_with Fujian"] {
		t.Errorf("a quoted 'we' went to the government's province; got %v", keys(facts))
	}
}
