package extract

import (
	"testing"
)

// TestRulesSession6 runs the rules added in session 6 on sentences written
// for this test; notFacts are what a rule must not read where it could
// over-fire.
func TestRulesSession6(t *testing.T) {
	x := mustNew(t)
	for _, c := range []struct {
		name     string
		text     string
		facts    []string
		notFacts []string
	}{
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
	} {
		t.Run(c.name, func(t *testing.T) {
			facts, _ := extractText(t, x, c.text)
			wantAll(t, facts, c.facts...)
			for _, f := range c.notFacts {
				if facts[f] {
					t.Errorf("unwanted fact %q", f)
				}
			}
		})
	}
}
