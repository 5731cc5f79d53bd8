package extract

import "testing"

// TestRulesSession5 runs the rules added in session 5 after the heldout4
// texts, on sentences written for this test; notFacts and notFigs are what
// a rule must not read where it could over-fire.
func TestRulesSession5(t *testing.T) {
	x := mustNew(t)
	for _, c := range []struct {
		name              string
		text              string
		facts, figs       []string
		notFacts, notFigs []string
	}{
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
	} {
		t.Run(c.name, func(t *testing.T) {
			facts, figs := extractText(t, x, c.text)
			wantAll(t, facts, c.facts...)
			wantAll(t, figs, c.figs...)
			for _, f := range c.notFacts {
				if facts[f] {
					t.Errorf("unwanted fact %q", f)
				}
			}
			for _, f := range c.notFigs {
				if figs[f] {
					t.Errorf("unwanted figure %q", f)
				}
			}
		})
	}
}
