package extract_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/policykg/policykg/extract"
	"github.com/policykg/policykg/ontology"
)

// FuzzExtract feeds the extractor any bytes through its public API, which
// runs the cleaner and the sentence splitter too (neither is exported), and
// checks what comes out:
//   - no panic; an error only for invalid UTF-8 or NUL bytes (ErrBinary) or
//     text with nothing in it (ErrEmpty), and always for the former;
//   - every sentence, entity name, alias, fact evidence text, mention and
//     metric text is valid UTF-8 without NUL bytes;
//   - every fact's ends are among the extraction's entities, and the fact
//     passes ontology.Validate against their types;
//   - every metric's subject is among the entities and every sentence index
//     names a sentence.
//
// Seeds: f.Add below, the dev set's documents, and testdata/fuzz/FuzzExtract.
func FuzzExtract(f *testing.F) {
	x, err := extract.New()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{
		"Caofeidian district of Tangshan city has attracted 177 billion yuan of investment from Beijing.",
		"Xiong'an New Area will receive Beijing's non-capital functions. Hebei province governs Tangshan.",
		"Zhang Chengzhong, vice governor of Hebei province, said: In 2023, Hebei signed 12 agreements with Tianjin.",
		"Mr. Li (Tianjin) said... it rose 5.2% y/y; GDP: 4.4 trillion yuan (2023). U.S. e.g. No. 3",
		"  \n\t\n",
		"Hebei\x00Tangshan",
		"Tangshan \xff\xfe city",
		"a\u2028b\u00a0c\u200bd\ufeffHebei\u0301 \U0001F600 Ürümqi Xīnjiāng",
	} {
		f.Add([]byte(s))
	}
	docs, _ := filepath.Glob(filepath.Join("..", "testdata", "dev", "*", "doc.txt"))
	for _, p := range docs {
		if b, err := os.ReadFile(p); err == nil && len(b) < 16<<10 {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		ex, err := x.Extract(ontology.Document{ID: "fuzz", Path: "fuzz.txt"}, text)
		binary := !utf8.Valid(text) || strings.IndexByte(string(text), 0) >= 0
		switch {
		case binary && !errors.Is(err, extract.ErrBinary):
			t.Fatalf("invalid UTF-8 or NUL in, got error %v, want ErrBinary", err)
		case err != nil && !errors.Is(err, extract.ErrBinary) && !errors.Is(err, extract.ErrEmpty):
			t.Fatalf("unexpected error %v", err)
		case err != nil:
			return
		}
		checkExtraction(t, ex)
	})
}

// checkExtraction checks the invariants FuzzExtract states.
func checkExtraction(t *testing.T, ex ontology.Extraction) {
	t.Helper()
	text := func(what, s string) {
		if !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0 {
			t.Errorf("%s %q is not clean UTF-8", what, s)
		}
	}
	for i, s := range ex.Sentences {
		text("sentence", s)
		if strings.TrimSpace(s) == "" {
			t.Errorf("sentence %d is blank", i+1)
		}
	}
	types := map[ontology.EntityID]ontology.EntityType{}
	for _, e := range ex.Entities {
		text("entity name", e.Name)
		for _, a := range e.Aliases {
			text("alias", a)
		}
		if e.ID == "" {
			t.Errorf("entity %q has an empty ID", e.Name)
		}
		types[e.ID] = e.Type
	}
	evidence := func(what string, ev ontology.Evidence) {
		text(what+" evidence", ev.Text)
		if ev.Sentence < 0 || ev.Sentence > len(ex.Sentences) {
			t.Errorf("%s evidence names sentence %d of %d", what, ev.Sentence, len(ex.Sentences))
		}
	}
	for _, fa := range ex.Facts {
		st, sok := types[fa.Subject]
		ot, ook := types[fa.Object]
		if !sok || !ook {
			t.Errorf("fact %s %s %s: an end is not among the entities", fa.Subject, fa.Predicate, fa.Object)
			continue
		}
		if err := ontology.Validate(fa, st, ot); err != nil {
			t.Errorf("fact %s %s %s: %v", fa.Subject, fa.Predicate, fa.Object, err)
		}
		evidence("fact", fa.Evidence)
	}
	for _, m := range ex.Metrics {
		text("metric text", m.Text)
		text("metric unit", m.Unit)
		if _, ok := types[m.Subject]; !ok {
			t.Errorf("metric %q: subject %s is not among the entities", m.Text, m.Subject)
		}
		evidence("metric", m.Evidence)
	}
	for _, m := range ex.Mentions {
		text("mention", m.Surface)
		evidence("mention", m.Evidence)
	}
}
