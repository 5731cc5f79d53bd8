package graph

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/policykg/policykg/graph/storetest"
)

func TestParseCockroachLocation(t *testing.T) {
	for _, tc := range []struct{ in, path string }{
		{"cockroach://root@db1:26257/kg?sslmode=disable", "postgresql://root@db1:26257/kg?sslmode=disable"},
		{"cockroachdb://u:p@h/kg", "postgresql://u:p@h/kg"},
	} {
		loc, err := ParseLocation(tc.in)
		if err != nil || loc.Backend != "cockroach" || loc.Path != tc.path {
			t.Errorf("ParseLocation(%q) = %+v, %v; want cockroach at %s", tc.in, loc, err, tc.path)
		}
	}
	if got := (Location{Backend: "cockroach", Path: "postgresql://u:secret@h/db"}).String(); strings.Contains(got, "secret") {
		t.Errorf("location string leaks the password: %s", got)
	}
}

func TestOpenPostgresWithoutSchema(t *testing.T) {
	ctx := context.Background()
	db := storetest.Postgres(t)
	_, err := Open(ctx, db, Options{})
	if !errors.Is(err, ErrNoStore) || !strings.Contains(err.Error(), "policykg init") {
		t.Fatalf("open an empty database: got %v, want ErrNoStore pointing at policykg init", err)
	}
	s, err := Open(ctx, db, Options{Create: true})
	if err != nil {
		t.Fatalf("create: %v", err)
	}
	s.Close()
	// A second create finds the schema and leaves it be.
	s, err = Open(ctx, db, Options{Create: true})
	if err != nil {
		t.Fatalf("create again: %v", err)
	}
	s.Close()
	s, err = Open(ctx, db, Options{})
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	s.Close()
}
