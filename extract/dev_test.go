package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/policykg/policykg/eval"
	"github.com/policykg/policykg/ontology"
)

// devFloors are the F1 floors per dev document: entities, relations, metrics.
// They sit a little below what the extractor reaches, so a regression fails.
var devFloors = map[string][3]float64{
	"scio-hebei-2024-p4":      {0.95, 0.80, 0.95},
	"synth-provincial-hubei":  {0.95, 0.83, 0.85},
	"synth-qa-hainan":         {0.95, 0.90, 0.85},
	"synth-release-northeast": {0.95, 0.90, 0.90},
	"synth-scio-guangdong":    {0.95, 0.95, 0.88},
}

func scoreDev(t *testing.T) []eval.Score { return scoreSet(t, "dev") }

// scoreSet extracts every gold folder of testdata/SET and scores it.
func scoreSet(t *testing.T, set string) []eval.Score {
	t.Helper()
	x := mustNew(t)
	dirs, err := eval.GoldDirs([]string{filepath.Join("..", "testdata", set)})
	if err != nil {
		t.Fatal(err)
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
		scores = append(scores, eval.Compare(gold, eval.FromExtraction(ex)))
	}
	return scores
}

// checkFloors scores testdata/SET and fails when it holds fewer than
// minDocs documents or when a micro-averaged F1 (entities, relations,
// metrics) falls below its floor.
func checkFloors(t *testing.T, set string, minDocs int, floors [3]float64) {
	t.Helper()
	scores := scoreSet(t, set)
	if len(scores) < minDocs {
		t.Fatalf("found %d %s documents, want at least %d", len(scores), set, minDocs)
	}
	for _, s := range scores {
		t.Logf("%s: entities %.3f relations %.3f metrics %.3f", s.Name, s.Entities.F1(), s.Relations.F1(), s.Metric.F1())
	}
	all := eval.Total(scores)
	for i, got := range []float64{all.Entities.F1(), all.Relations.F1(), all.Metric.F1()} {
		if got < floors[i] {
			t.Errorf("%s %s F1 = %.3f, want >= %.2f", set, []string{"entities", "relations", "metrics"}[i], got, floors[i])
		}
	}
}

func mustNew(tb testing.TB) *Extractor {
	tb.Helper()
	x, err := New()
	if err != nil {
		tb.Fatalf("New: %v", err)
	}
	return x
}

func TestDevScores(t *testing.T) {
	scores := scoreDev(t)
	for _, s := range scores {
		t.Logf("%s\n  entities  %v\n  relations %v\n  metrics   %v", s.Name, s.Entities, s.Relations, s.Metric)
		if testing.Verbose() && os.Getenv("DEV_DETAIL") != "" {
			for _, m := range append(s.Misses, s.FalsePositives...) {
				t.Logf("    %s", m)
			}
		}
		f, ok := devFloors[s.Name]
		if !ok {
			t.Errorf("%s: no floor set", s.Name)
			continue
		}
		for i, got := range []float64{s.Entities.F1(), s.Relations.F1(), s.Metric.F1()} {
			if got < f[i] {
				t.Errorf("%s: %s F1 = %.3f, want >= %.2f", s.Name, []string{"entities", "relations", "metrics"}[i], got, f[i])
			}
		}
	}
	all := eval.Total(scores)
	t.Logf("overall\n  entities  %v\n  relations %v\n  metrics   %v", all.Entities, all.Relations, all.Metric)
}
