package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const devSeed = "../../testdata/dev/scio-hebei-2024-p4/doc.txt"

// runAll calls Run and returns stdout and stderr together.
func runAll(t *testing.T, args ...string) (string, error) {
	t.Helper()
	out, errs, err := run(t, args...)
	return out + errs, err
}

func TestExtractContractOut(t *testing.T) {
	dir := t.TempDir()
	if out, err := runAll(t, "extract", "--format", "contract", "--out", dir, devSeed); err != nil {
		t.Fatalf("extract: %v\n%s", err, out)
	}
	rel, err := os.ReadFile(filepath.Join(dir, "scio-hebei-2024-p4", "relations.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Caofeidian\tpart_of\tTangshan\t", "Zhang Chengzhong\tofficial_of\tHebei\t", "Beijing\ttransfers_to\tCaofeidian\t"} {
		if !strings.Contains(string(rel), want) {
			t.Errorf("relations.tsv lacks %q:\n%s", want, rel)
		}
	}
	if strings.Contains(string(rel), "Tangshan\tpart_of\tHebei") {
		t.Errorf("relations.tsv holds a gazetteer fact (Tangshan part_of Hebei)")
	}
	met, err := os.ReadFile(filepath.Join(dir, "scio-hebei-2024-p4", "metrics.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(met), "Caofeidian\t177000000000\tyuan\t") {
		t.Errorf("metrics.tsv lacks the 177 billion yuan:\n%s", met)
	}
}

func TestExtractNQuadsAndTSV(t *testing.T) {
	out, err := runAll(t, "extract", "--format", "nquads", devSeed)
	if err != nil {
		t.Fatal(err)
	}
	want := "<https://policykg.org/id/caofeidian> <https://policykg.org/vocab#part_of> <https://policykg.org/id/tangshan> <https://policykg.org/doc/scio-hebei-2024-p4#gazetteer> ."
	if !strings.Contains(out, want) {
		t.Errorf("nquads lack the gazetteer fact %s", want)
	}
	out, err = runAll(t, "extract", devSeed)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "fact\tcaofeidian\tpart_of\ttangshan\t") {
		t.Errorf("tsv lacks the Caofeidian fact:\n%.500s", out)
	}
}

func TestExtractBadInput(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, []byte("  \n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := runAll(t, "extract", empty, devSeed)
	if err == nil {
		t.Fatalf("extract of an empty file succeeded")
	}
	if !strings.Contains(out, "empty.txt") || !strings.Contains(out, "fact\t") {
		t.Errorf("want the bad file named and the good one extracted, got:\n%.300s", out)
	}
}

func TestEval(t *testing.T) {
	out, err := runAll(t, "eval", "../../testdata/dev")
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"precision", "recall", "F1", "overall", "scio-hebei-2024-p4"} {
		if !strings.Contains(out, w) {
			t.Errorf("eval output lacks %q", w)
		}
	}
	if _, err := runAll(t, "eval", t.TempDir()); err == nil {
		t.Errorf("eval of a folder without gold succeeded")
	}
}

func TestOntology(t *testing.T) {
	out, err := runAll(t, "ontology", "--format", "turtle")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "pkv:part_of a rdf:Property") || !strings.Contains(out, "pkv:Province a rdfs:Class") {
		t.Errorf("turtle lacks classes or properties:\n%.300s", out)
	}
	if out, err = runAll(t, "ontology", "--format", "jsonld"); err != nil || !strings.Contains(out, `"@graph"`) {
		t.Errorf("jsonld: %v\n%.200s", err, out)
	}
	if _, err = runAll(t, "ontology", "--format", "xml"); err == nil {
		t.Errorf("unknown format accepted")
	}
}
