package main

import (
	"os"
	"testing"

	"github.com/policykg/policykg/server"
)

// TestMain lets the test binary serve as serve's query engine and as the
// child a Gizmo query runs in, as main does.
func TestMain(m *testing.M) {
	server.MaybeRunEngine()
	maybeRunChild()
	os.Exit(m.Run())
}
