package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policykg/policykg/ontology"
)

// panicky is an extractor that panics with a message over two lines.
type panicky struct{ at int }

func (p panicky) Extract(ontology.Document, []byte) (ontology.Extraction, error) {
	s := "ab"
	_ = s[:p.at] // a runtime error, as a slicing bug in a rule would give
	panic("unreachable\nsecond line")
}

func TestExtractSafelyTurnsPanicsIntoErrors(t *testing.T) {
	_, err := extractSafely(panicky{at: 3}, ontology.Document{ID: "x"}, []byte("text"))
	if !errors.Is(err, errExtractorBug) || !strings.Contains(err.Error(), "slice bounds out of range") {
		t.Errorf("got %v, want errExtractorBug with the runtime error", err)
	}
	if strings.Contains(err.Error(), "\n") {
		t.Errorf("error %q spans lines", err)
	}
}

// crashers are documents the extractor once panicked on (found by
// FuzzExtract; see extract/testdata/fuzz/FuzzExtract/panic-*).
var crashers = []string{
	"CAofeidiAn distriCt of TAngshAn A A AttrACt0\\ 00 00 B 0 00000000000000000000000!",
	"000000000000000000000000000000000000 SAnYA its",
}

// TestBuildSurvivesExtractorPanics builds the crashers among good
// documents: whether the extractor still panics on them or not, the build
// ends, the good document is built, and a crasher that fails gets one
// line naming it.
func TestBuildSurvivesExtractorPanics(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "batch")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "a-good.txt"), mustSeed(t), 0o644)
	var names []string
	for i, c := range crashers {
		name := filepath.Join(dir, "crasher-"+string(rune('a'+i))+".txt")
		os.WriteFile(name, []byte(c), 0o644)
		names = append(names, name)
	}
	out, stderr, _ := run(t, "build", "--db", filepath.Join(t.TempDir(), "kg.db"), dir)
	if !strings.Contains(out, "built "+filepath.Join(dir, "a-good.txt")) {
		t.Errorf("the good document was not built: %s\n%s", out, stderr)
	}
	for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if line == "" {
			continue
		}
		named := 0
		for _, n := range names {
			if strings.Contains(line, n+":") {
				named++
			}
		}
		if named != 1 {
			t.Errorf("stderr line %q does not name exactly one crasher", line)
		}
	}
	for _, n := range names {
		if !strings.Contains(out, "built "+n) && !strings.Contains(stderr, n+": ") {
			t.Errorf("%s neither built nor reported", n)
		}
	}
	t.Logf("stdout:\n%s\nstderr:\n%s", out, stderr)
}
