package main

import (
	"os"
	"testing"

	"github.com/policykg/policykg/server"
)

// TestMain lets the test binary serve as serve's query engine, as main does.
func TestMain(m *testing.M) {
	server.MaybeRunEngine()
	os.Exit(m.Run())
}
