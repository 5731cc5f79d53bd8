package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policykg/policykg/graph"
	"github.com/policykg/policykg/internal/seedtest"
)

// mustSeedStore builds a bolt store in a temporary directory from the
// hand-made seed extractions and returns its path.
func mustSeedStore(tb testing.TB) string {
	tb.Helper()
	db := filepath.Join(tb.TempDir(), "kg.db")
	st, err := graph.Open(context.Background(), db, graph.Options{Create: true})
	if err != nil {
		tb.Fatal(err)
	}
	defer st.Close()
	for _, ex := range seedtest.Extractions() {
		if _, err := st.ReplaceDocument(context.Background(), ex); err != nil {
			tb.Fatalf("write %s: %v", ex.Document.ID, err)
		}
	}
	return db
}

// runDB runs policykg with args on the store db and returns its output.
func runDB(tb testing.TB, db, stdin string, args ...string) (string, string, error) {
	tb.Helper()
	var out, errb bytes.Buffer
	err := Run(context.Background(), append([]string{"--db", db}, args...), strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), err
}

// mustRunDB is runDB that fails the test on error.
func mustRunDB(tb testing.TB, db string, args ...string) string {
	tb.Helper()
	out, _, err := runDB(tb, db, "", args...)
	if err != nil {
		tb.Fatalf("policykg %s: %v", strings.Join(args, " "), err)
	}
	return out
}
