package extract

import (
	"testing"

	"github.com/policykg/policykg/ontology"
)

// TestExtentEnds: "from A in the west to B in the east" puts both ends in
// the region the sentence opens with; a province's own extent, a subject
// that is no region, and ends without their directions read nothing.
func TestExtentEnds(t *testing.T) {
	x := mustNew(t)
	ruleCases(t, x, []ruleCase{
		{name: "Region", text: "The Pearl River Delta spans nine cities, from Zhaoqing in the west to Huizhou in the east, and its ports handle a quarter of the country's exports.",
			facts: []string{"Zhaoqing part_of Pearl River Delta", "Huizhou part_of Pearl River Delta"}},
		{name: "NorthSouth", text: "The Beijing-Tianjin-Hebei region reaches from Zhangjiakou in the north to Handan in the south.",
			facts: []string{"Zhangjiakou part_of Beijing-Tianjin-Hebei region", "Handan part_of Beijing-Tianjin-Hebei region"}},
		{name: "NotARegion", text: "Hunan stretches from Yueyang in the north to Yongzhou in the south. Freight trains now run from Lanzhou in the west to Lianyungang in the east.",
			notFacts: []string{"Yueyang part_of Hunan", "Yongzhou part_of Hunan", "Lanzhou part_of Lianyungang"}},
		{name: "NoDirections", text: "The Pearl River Delta sends goods from Zhaoqing to Huizhou by river.",
			notFacts: []string{"Zhaoqing part_of Pearl River Delta", "Huizhou part_of Pearl River Delta"}},
	})
}

// TestCoastApposition: "X, a port city on Y's southern coast" puts X in Y,
// as "on the southern coast of Y" does; a border is outside Y.
func TestCoastApposition(t *testing.T) {
	x := mustNew(t)
	facts, _ := extractText(t, x, "Rizhao, a port city on Shandong's eastern coast, ships coal. Sanya, a resort city on Hainan's southern tip, hosts a forum. Langfang, a city on Beijing's southern border, builds warehouses.")
	wantAll(t, facts, "Rizhao part_of Shandong", "Sanya part_of Hainan")
	wantNone(t, facts, "Langfang part_of Beijing")
}

// TestNewAreaLevel: a "New Area" the gazetteer lists is a state-level new
// area (NewArea); one it does not list, found by its name's ending, is a
// provincial or city zone (Zone).
func TestNewAreaLevel(t *testing.T) {
	x := mustNew(t)
	ex, err := x.Extract(ontology.Document{ID: "test"}, []byte("Chongqing Liangjiang New Area and the Chengdu Eastern New Area signed a pact. The Zhengdong New District hosts 40 banks."))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]ontology.EntityType{"Liangjiang New Area": ontology.NewArea, "Chengdu Eastern New Area": ontology.Zone, "Zhengdong New District": ontology.Zone}
	for _, e := range ex.Entities {
		if w, ok := want[e.Name]; ok {
			if e.Type != w {
				t.Errorf("%s typed %s, want %s", e.Name, e.Type, w)
			}
			delete(want, e.Name)
		}
	}
	for n := range want {
		t.Errorf("%s not found", n)
	}
}

// TestStraddles: "X, which straddles the two cities" puts X in each of the
// pair listed before it, "X straddles A and B" in A and B; a pair listed
// after X is not "the two cities".
func TestStraddles(t *testing.T) {
	x := mustNew(t)
	facts, _ := extractText(t, x, "Changsha and Zhuzhou have linked their metro lines, and the Xiangjiang New Area, which straddles the two cities, hosts 300 firms. The Ganjiang New Area straddles Nanchang and Jiujiang. The Tianfu New Area, which straddles the two cities, borders Meishan and Ziyang.")
	wantAll(t, facts, "Xiangjiang New Area located_in Changsha", "Xiangjiang New Area located_in Zhuzhou",
		"Ganjiang New Area located_in Nanchang", "Ganjiang New Area located_in Jiujiang")
	wantNone(t, facts, "Tianfu New Area located_in Meishan", "Tianfu New Area located_in Ziyang")
}

// TestFrontedVisit: "In Y, Xi visited the X New Area" puts the area in Y;
// a visit without a fronted place reads nothing, and the visitors' origin
// is not where the area lies.
func TestFrontedVisit(t *testing.T) {
	x := mustNew(t)
	facts, _ := extractText(t, x, "In Hefei, Li Qiang visited the Hefei Economic and Technological Development Zone and a car plant. In Wuhan, he inspected the Yangluo Port. Xi visited the Ganjiang New Area on Monday. In Changsha, officials from Shenzhen toured the Xiangjiang New Area.")
	wantAll(t, facts, "Hefei Economic and Technological Development Zone located_in Hefei", "Yangluo Port located_in Wuhan", "Xiangjiang New Area located_in Changsha")
	wantNone(t, facts, "Xiangjiang New Area located_in Shenzhen", "Ganjiang New Area located_in Hefei")
}

// TestAgreedInRelativeClause: "A, B and C, which agreed in 2019 to build X
// together" pairs the list as "A, B and C agreed to build X" does; one
// place that agreed to help two others does not pair them.
func TestAgreedInRelativeClause(t *testing.T) {
	x := mustNew(t)
	facts, _ := extractText(t, x, "Sichuan, Yunnan and Guizhou, which agreed in 2019 to build a power grid, have since added Tibet. Zhejiang, which agreed last year to help Anhui and Jiangxi, sent 300 officials.")
	wantAll(t, facts, "Sichuan cooperates_with Yunnan", "Sichuan cooperates_with Guizhou", "Yunnan cooperates_with Guizhou")
	wantNone(t, facts, "Anhui cooperates_with Jiangxi")
}

// TestBuildingIntegrated: "A and B are building an integrated metropolitan
// area" is a joint statement; one place building an integrated hub, with
// another named in its apposition, pairs nothing.
func TestBuildingIntegrated(t *testing.T) {
	x := mustNew(t)
	facts, _ := extractText(t, x, "Xining and Haidong are building an integrated metropolitan area. Lhasa, the regional capital, and Shannan will develop an integrated tourism zone. Nanjing, which borders Zhenjiang, is building an integrated transport hub.")
	wantAll(t, facts, "Xining cooperates_with Haidong", "Lhasa cooperates_with Shannan")
	wantNone(t, facts, "Nanjing cooperates_with Zhenjiang")
}
