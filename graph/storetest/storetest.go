// Package storetest gives tests the stores they run against: a fresh bolt
// directory, or a fresh PostgreSQL database on the server named by
// POLICYKG_TEST_POSTGRES, created for one test and dropped when it ends.
//
// When POLICYKG_TEST_POSTGRES is unset, PostgreSQL tests skip, unless
// POLICYKG_REQUIRE_SERVICES=1 (as in CI), when they fail.
package storetest

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/lib/pq" // the postgres driver
)

// Environment variables read here.
const (
	PostgresEnv = "POLICYKG_TEST_POSTGRES"
	RequireEnv  = "POLICYKG_REQUIRE_SERVICES"
)

// Backend makes a fresh, empty store location for one test.
type Backend struct {
	Name string
	New  func(tb testing.TB) string // returns a --db value
}

// Backends lists every backend the suite runs against.
func Backends() []Backend {
	return []Backend{{"bolt", Bolt}, {"postgres", Postgres}}
}

// Bolt returns the location of a new bolt store in a temporary directory.
func Bolt(tb testing.TB) string {
	tb.Helper()
	return "bolt:" + filepath.Join(tb.TempDir(), "kg.db")
}

// Postgres creates a database with a random name on the test server and
// returns its URL; the database is dropped when the test ends.
func Postgres(tb testing.TB) string {
	tb.Helper()
	server := os.Getenv(PostgresEnv)
	if server == "" {
		if os.Getenv(RequireEnv) == "1" {
			tb.Fatalf("%s is not set but %s=1: a PostgreSQL server is required", PostgresEnv, RequireEnv)
		}
		tb.Skipf("%s not set; skipping PostgreSQL", PostgresEnv)
	}
	u, err := url.Parse(server)
	if err != nil {
		tb.Fatalf("%s: %v", PostgresEnv, err)
	}
	admin, err := sql.Open("postgres", server)
	if err != nil {
		tb.Fatalf("connect %s: %v", u.Redacted(), err)
	}
	name := "policykg_test_" + randomHex(6)
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		admin.Close()
		tb.Fatalf("create database %s on %s: %v", name, u.Redacted(), err)
	}
	tb.Cleanup(func() {
		defer admin.Close()
		if _, err := admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
			tb.Errorf("drop database %s: %v", name, err)
		}
	})
	u.Path = "/" + name
	return u.String()
}

func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b)
}
