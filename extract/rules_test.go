package extract

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/policykg/policykg/ontology"
)

// extractText runs the extractor over a text and returns its facts read
// from sentences as "subject predicate object" names, and its metrics as
// "subject value unit".
func extractText(t *testing.T, x *Extractor, text string) (facts, metrics map[string]bool) {
	t.Helper()
	ex, err := x.Extract(ontology.Document{ID: "test"}, []byte(text))
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	names := map[ontology.EntityID]string{}
	for _, e := range ex.Entities {
		names[e.ID] = e.Name
	}
	facts, metrics = map[string]bool{}, map[string]bool{}
	for _, f := range ex.Facts {
		if f.Evidence.Sentence > 0 {
			facts[names[f.Subject]+" "+string(f.Predicate)+" "+names[f.Object]] = true
			if f.Predicate == ontology.CooperatesWith {
				facts[names[f.Object]+" "+string(f.Predicate)+" "+names[f.Subject]] = true
			}
		}
	}
	for _, m := range ex.Metrics {
		metrics[strings.TrimSpace(names[m.Subject]+" "+formatValue(m.Value)+" "+m.Unit)] = true
	}
	return facts, metrics
}

func formatValue(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func TestRules(t *testing.T) {
	x := mustNew(t)
	tests := []struct {
		name, text  string
		facts, figs []string
		notFacts    []string
	}{
		{
			name:  "district-of-and-possessive",
			text:  "Pudong district of Shanghai hosts the headquarters. Hangzhou's Yuhang district has grown fast.",
			facts: []string{"Pudong part_of Shanghai", "Yuhang part_of Hangzhou"},
		},
		{
			name:  "apposition-city-in",
			text:  "Mianyang, a prefecture-level city in the north of Sichuan, signed 85 projects in 2023.",
			facts: []string{"Mianyang part_of Sichuan"},
			figs:  []string{"Mianyang 85 projects"},
		},
		{
			name:  "moved-from-to-with-list",
			text:  "In 2022, 156 manufacturing projects were relocated from Shanghai and Hangzhou to Hefei, bringing in 32.5 billion yuan of investment.",
			facts: []string{"Shanghai transfers_to Hefei", "Hangzhou transfers_to Hefei"},
			figs:  []string{"Hefei 156 projects", "Hefei 32500000000 yuan"},
		},
		{
			name:  "working-with-and-joint",
			text:  "Chengdu is working with Chongqing on a shared market. Chengdu, Deyang and Meishan have worked together to build 12 industrial parks.",
			facts: []string{"Chengdu cooperates_with Chongqing", "Chengdu cooperates_with Deyang", "Chengdu cooperates_with Meishan", "Deyang cooperates_with Meishan"},
		},
		{
			name:     "gapped-pairs",
			text:     "Under the plan, Shanghai is paired with Anhui, and Jiangsu with Zhejiang.",
			facts:    []string{"Shanghai cooperates_with Anhui", "Jiangsu cooperates_with Zhejiang"},
			notFacts: []string{"Shanghai cooperates_with Jiangsu"},
		},
		{
			name:  "official-and-reporter",
			text:  "Li Ming, vice governor of Jilin province, answered. Wang Fang, a reporter with Jilin Daily, asked. Changchun Mayor Zhou Bin spoke.",
			facts: []string{"Li Ming official_of Jilin", "Wang Fang affiliated_with Jilin Daily", "Zhou Bin official_of Changchun"},
		},
		{
			name:  "listed-counties-of",
			text:  "The two counties of Suzhou city (Changshu and Taicang) have joined the program.",
			facts: []string{"Changshu part_of Suzhou", "Taicang part_of Suzhou"},
		},
		{
			name:  "zone-lies-in-and-figures",
			text:  "The Suzhou Industrial Park, which lies in Suzhou, attracted 430 foreign-invested enterprises last year. The park's output grew 7.2 percent.",
			facts: []string{"Suzhou Industrial Park located_in Suzhou"},
			figs:  []string{"Suzhou Industrial Park 430 enterprises", "Suzhou Industrial Park 7.2 percent"},
		},
		{
			name: "recipient-of",
			text: "Ganzhou has become a major recipient of industries transferred from the Greater Bay Area.",
			facts: []string{"Ganzhou recipient_of industries transferred from the Greater Bay Area",
				"Guangdong-Hong Kong-Macao Greater Bay Area transfers_to Ganzhou"},
		},
		{
			name:  "implements-strategy",
			text:  "Anhui is implementing the Outline Plan for the Integrated Development of the Yangtze River Delta.",
			facts: []string{"Anhui implements Outline Plan for the Integrated Development of the Yangtze River Delta"},
		},
		{
			name: "joint-region-figure-and-not-metrics",
			text: "Liaoning, Jilin and Heilongjiang received 2,300 projects worth more than 50 million yuan each (about 7 billion dollars) on March 3, 2024.",
			figs: []string{"Northeast China 2300 projects"},
		},
		{
			name:     "joint-agreement-without-with",
			text:     "Fujian and Jiangxi signed a memorandum on green energy last week.",
			facts:    []string{"Fujian cooperates_with Jiangxi"},
			notFacts: []string{},
		},
		{
			name:     "signed-agreement-with-is-not-joint",
			text:     "Xiamen and Fuzhou signed agreements with Ganzhou on tourism.",
			facts:    []string{"Xiamen cooperates_with Ganzhou", "Fuzhou cooperates_with Ganzhou"},
			notFacts: []string{"Xiamen cooperates_with Fuzhou"},
		},
		{
			name:  "apposition-then-jointly",
			text:  "Nanchang and Jiujiang, the two largest cities of Jiangxi, will jointly develop an aviation cluster.",
			facts: []string{"Nanchang cooperates_with Jiujiang", "Nanchang part_of Jiangxi", "Jiujiang part_of Jiangxi"},
		},
		{
			name:  "undertake-transferred-industries",
			text:  "Ganzhou will undertake textile industries transferred from Shenzhen and Dongguan.",
			facts: []string{"Ganzhou recipient_of textile industries transferred from Shenzhen and Dongguan", "Shenzhen transfers_to Ganzhou", "Dongguan transfers_to Ganzhou"},
		},
		{
			name:     "received-projects-is-no-concept",
			text:     "Ganzhou received 40 projects from Shenzhen.",
			facts:    []string{"Shenzhen transfers_to Ganzhou"},
			notFacts: []string{"Ganzhou recipient_of 40 projects from Shenzhen"},
		},
		{
			name:  "receiving-in-progressive-and-other-forms",
			text:  "Zhaoqing is receiving 25 projects from Guangzhou. Chuzhou has been taking in factories from Nanjing, and Xuancheng is absorbing industries from Hangzhou.",
			facts: []string{"Guangzhou transfers_to Zhaoqing", "Nanjing transfers_to Chuzhou", "Hangzhou transfers_to Xuancheng"},
		},
		{
			name:  "one-of-the-cities-in",
			text:  "Huizhou is one of the nine mainland cities in the Greater Bay Area.",
			facts: []string{"Huizhou part_of Guangdong-Hong Kong-Macao Greater Bay Area"},
		},
		{
			name:  "home-to-airport-and-which-figure",
			text:  "Shuangliu, a district of Chengdu, is home to the Chengdu Shuangliu International Airport, which served 40 million passengers.",
			facts: []string{"Chengdu Shuangliu International Airport located_in Shuangliu", "Shuangliu part_of Chengdu"},
			figs:  []string{"Chengdu Shuangliu International Airport 40000000 passengers"},
		},
		{
			name:     "both-cities-work-together",
			text:     "Hefei and Wuhu opened a shared railway, and both cities now work together on talent services.",
			facts:    []string{"Hefei cooperates_with Wuhu"},
			notFacts: []string{},
		},
		{
			name:     "lower-case-zone-and-its-sides",
			text:     "The province will build a pilot zone for integrated ecological protection in Jingdezhen and the two eastern counties of Shangrao city (Wuyuan and Dexing).",
			facts:    []string{"pilot zone for integrated ecological protection located_in Jingdezhen", "pilot zone for integrated ecological protection located_in Wuyuan", "Jingdezhen cooperates_with Wuyuan", "Jingdezhen cooperates_with Dexing"},
			notFacts: []string{"Wuyuan cooperates_with Dexing", "pilot zone for integrated ecological protection located_in Shangrao"},
		},
		{
			name:     "integrated-development-of-places-is-cooperation",
			text:     "The integrated development of Guizhou and Yunnan has sped up.",
			facts:    []string{"Guizhou cooperates_with Yunnan"},
			notFacts: []string{},
		},
		{
			name:     "together-with-after-comma-is-no-partnership",
			text:     "Nanning serves as the core of the Beibu Gulf city cluster, together with Qinzhou and Beihai.",
			notFacts: []string{"Nanning cooperates_with Qinzhou"},
		},
		{
			name: "conjoined-organizations-and-modifier-places",
			text: "Fudan University and Zhejiang University opened labs in Jiaxing, where 312 Shanghai and Hangzhou firms now work.",
			figs: []string{"Jiaxing 312 firms"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			facts, figs := extractText(t, x, tt.text)
			for _, f := range tt.facts {
				if !facts[f] {
					t.Errorf("missing fact %q; got %v", f, keys(facts))
				}
			}
			wantNone(t, facts, tt.notFacts...)
			for _, m := range tt.figs {
				if !figs[m] {
					t.Errorf("missing metric %q; got %v", m, keys(figs))
				}
			}
			if tt.name == "joint-region-figure-and-not-metrics" && len(figs) != 1 {
				t.Errorf("got metrics %v, want only the project count", keys(figs))
			}
		})
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestExtractErrors(t *testing.T) {
	x := mustNew(t)
	if _, err := x.Extract(ontology.Document{ID: "e"}, []byte(" \n\t ")); !errors.Is(err, ErrEmpty) {
		t.Errorf("blank input: got %v, want ErrEmpty", err)
	}
	if _, err := x.Extract(ontology.Document{ID: "b"}, []byte("abc\x00def")); !errors.Is(err, ErrBinary) {
		t.Errorf("NUL input: got %v, want ErrBinary", err)
	}
	if _, err := x.Extract(ontology.Document{ID: "b"}, []byte{0xff, 0xfe, 'a'}); !errors.Is(err, ErrBinary) {
		t.Errorf("invalid UTF-8: got %v, want ErrBinary", err)
	}
}

func TestGazetteerAncestorsAndEntities(t *testing.T) {
	x := mustNew(t)
	ex, err := x.Extract(ontology.Document{ID: "g"}, []byte("Caofeidian district of Tangshan city is a port. Caofeidian grew."))
	if err != nil {
		t.Fatal(err)
	}
	ids := map[ontology.EntityID]int{}
	for _, e := range ex.Entities {
		ids[e.ID]++
	}
	for _, id := range []ontology.EntityID{"caofeidian", "tangshan", "hebei"} {
		if ids[id] != 1 {
			t.Errorf("entity %s listed %d times, want once", id, ids[id])
		}
	}
	var gaz int
	seen := map[string]bool{}
	for _, f := range ex.Facts {
		key := string(f.Subject) + string(f.Predicate) + string(f.Object) + f.Evidence.Rule + string(rune(f.Evidence.Sentence))
		if seen[key] {
			t.Errorf("duplicate fact %v", f)
		}
		seen[key] = true
		if f.Evidence.Rule == "gazetteer" {
			gaz++
			if f.Evidence.Sentence != 0 || f.Evidence.Text != ontology.GazetteerSource {
				t.Errorf("gazetteer fact with evidence %+v", f.Evidence)
			}
		}
	}
	if gaz != 2 {
		t.Errorf("got %d gazetteer facts, want 2 (Caofeidian->Tangshan->Hebei)", gaz)
	}
	// Deterministic: a second run gives the same facts in the same order.
	ex2, _ := x.Extract(ontology.Document{ID: "g"}, []byte("Caofeidian district of Tangshan city is a port. Caofeidian grew."))
	var a, b bytes.Buffer
	for _, f := range ex.Facts {
		a.WriteString(string(f.Subject) + string(f.Object) + ";")
	}
	for _, f := range ex2.Facts {
		b.WriteString(string(f.Subject) + string(f.Object) + ";")
	}
	if a.String() != b.String() {
		t.Errorf("two runs differ:\n%s\n%s", a.String(), b.String())
	}
}
