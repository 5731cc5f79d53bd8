package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// run calls Run and returns what it printed.
func run(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errb bytes.Buffer
	err = Run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), err
}

// mustRun calls Run and fails the test on error.
func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	out, errs, err := run(t, args...)
	if err != nil {
		t.Fatalf("policykg %s: %v\n%s", strings.Join(args, " "), err, errs)
	}
	return out
}

// storeFiles returns the bytes of every file in a store directory.
func storeFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, rerr := os.ReadFile(p)
			if rerr != nil {
				t.Fatal(rerr)
			}
			out[p] = b
		}
		return nil
	})
	return out
}

func jsonLines(t *testing.T, s string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(s), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("not a JSON line: %q: %v", line, err)
		}
		out = append(out, m)
	}
	return out
}

func TestBuildRejectsBadFilesAndKeepsTheStore(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "kg.db")
	mustRun(t, "build", "--db", db, "../../seeds")
	before := storeFiles(t, db)

	empty := filepath.Join(dir, "empty.txt")
	binary := filepath.Join(dir, "binary.txt")
	missing := filepath.Join(dir, "missing.txt")
	os.WriteFile(empty, []byte(" \n\t\n"), 0o644)
	pdf := filepath.Join(dir, "report.pdf")
	os.WriteFile(binary, []byte("\x7fELF\x00\x01\xff\xfe binary"), 0o644)
	os.WriteFile(pdf, []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), 0o644)
	for _, tc := range []struct{ file, want string }{
		{missing, "no such file"},
		{empty, "empty"},
		{binary, "UTF-8"},
		{pdf, "PDF"},
	} {
		_, stderr, err := run(t, "build", "--db", db, tc.file)
		if err == nil {
			t.Errorf("build %s: got success, want an error", tc.file)
			continue
		}
		lines := strings.Split(strings.TrimSpace(stderr), "\n")
		if len(lines) != 1 || !strings.Contains(lines[0], tc.file) || !strings.Contains(lines[0], tc.want) {
			t.Errorf("build %s: stderr %q, want one line naming the file and %q", tc.file, stderr, tc.want)
		}
	}
	after := storeFiles(t, db)
	for p, b := range before {
		if p == filepath.Join(db, "policykg.lock") {
			continue
		}
		if !bytes.Equal(after[p], b) {
			t.Errorf("%s changed after failed builds", p)
		}
	}
}

func TestBuildReportsEachBadFileAndGoesOn(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	os.MkdirAll(corpus, 0o755)
	os.WriteFile(filepath.Join(corpus, "a-empty.txt"), nil, 0o644)
	seed, _ := os.ReadFile("../../seeds/scio-hebei-2024-p4.txt")
	os.WriteFile(filepath.Join(corpus, "b-good.txt"), seed, 0o644)
	out, stderr, err := run(t, "build", "--db", filepath.Join(dir, "kg.db"), corpus)
	if err == nil || !strings.Contains(err.Error(), "1 of 2 documents failed") {
		t.Errorf("got error %v, want 1 of 2 failed", err)
	}
	if !strings.Contains(stderr, "a-empty.txt") || !strings.Contains(out, "1 built") {
		t.Errorf("stdout %q stderr %q: want the empty file named and the good one built", out, stderr)
	}
}

func TestBuildIsIdempotent(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	mustRun(t, "build", "--db", db, "../../seeds")
	stats1 := mustRun(t, "stats", "--db", db)
	out := mustRun(t, "build", "--db", db, "--force", "../../seeds")
	if !strings.Contains(out, "0 quads added, 0 removed") {
		t.Errorf("forced rebuild of an unchanged seed: %q, want no quads written", out)
	}
	out = mustRun(t, "build", "--db", db, "../../seeds")
	if !strings.Contains(out, "1 unchanged, skipped") {
		t.Errorf("rebuild: %q, want the seed skipped as unchanged", out)
	}
	if stats2 := mustRun(t, "stats", "--db", db); stats1 != stats2 {
		t.Errorf("stats changed after rebuild:\n%s\nvs\n%s", stats1, stats2)
	}
}

func TestQueryRejectsUnknownLanguageAndFormat(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	mustRun(t, "build", "--db", db, "../../seeds")
	if _, _, err := run(t, "query", "--db", db, "sparql", "SELECT"); err == nil || !strings.Contains(err.Error(), "sparql") {
		t.Errorf("unknown language: got %v", err)
	}
	if _, _, err := run(t, "query", "--db", db, "--format", "xml", "gizmo", "g.V().All()"); err == nil || !strings.Contains(err.Error(), "xml") {
		t.Errorf("unknown format: got %v", err)
	}
	if _, _, err := run(t, "query", "--db", db, "gizmo", "g.V(.All()"); err == nil || !strings.Contains(err.Error(), "gizmo") {
		t.Errorf("syntax error: got %v", err)
	}
}

func TestQueryOnMissingStoreFails(t *testing.T) {
	db := filepath.Join(t.TempDir(), "none.db")
	_, _, err := run(t, "query", "--db", db, "gizmo", "g.V().All()")
	if err == nil || !strings.Contains(err.Error(), db) {
		t.Errorf("got %v, want an error naming %s", err, db)
	}
	if _, statErr := os.Stat(db); statErr == nil {
		t.Errorf("query created a store at %s", db)
	}
}
