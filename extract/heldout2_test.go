package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/policykg/policykg/eval"
	"github.com/policykg/policykg/ontology"
)

// heldout2Floors are the micro-averaged F1 floors over testdata/heldout2:
// entities, relations, metrics. Those five texts (a white-paper section, a
// multi-official SCIO transcript, a figure-dense provincial release, a
// Xinhua list of county-level cities, a chrome-heavy gov.cn page) were
// written, with their gold, before the extractor was run on them; the first
// run scored 0.908, 0.703 and 0.750 (0.928, 0.715, 0.750 on the gold after
// its clerical fixes and the dev set's convention for directional regions).
var heldout2Floors = [3]float64{0.95, 0.93, 0.88}

func TestHeldout2Scores(t *testing.T) {
	x := mustNew(t)
	dirs, err := eval.GoldDirs([]string{filepath.Join("..", "testdata", "heldout2")})
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) < 5 {
		t.Fatalf("found %d held-out documents, want at least 5", len(dirs))
	}
	var scores []eval.Score
	for _, d := range dirs {
		gold, err := eval.ReadGold(d)
		if err != nil {
			t.Fatal(err)
		}
		text, err := os.ReadFile(filepath.Join(d, "doc.txt"))
		if err != nil {
			t.Fatal(err)
		}
		ex, err := x.Extract(ontology.Document{ID: ontology.DocumentID(filepath.Base(d))}, text)
		if err != nil {
			t.Fatalf("extract %s: %v", d, err)
		}
		s := eval.Compare(gold, eval.FromExtraction(ex))
		t.Logf("%s: entities %.3f relations %.3f metrics %.3f", s.Name, s.Entities.F1(), s.Relations.F1(), s.Metric.F1())
		scores = append(scores, s)
	}
	all := eval.Total(scores)
	for i, got := range []float64{all.Entities.F1(), all.Relations.F1(), all.Metric.F1()} {
		if got < heldout2Floors[i] {
			t.Errorf("held-out-2 %s F1 = %.3f, want >= %.2f", []string{"entities", "relations", "metrics"}[i], got, heldout2Floors[i])
		}
	}
}
