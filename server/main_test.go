package server

import (
	"os"
	"testing"
)

// TestMain lets the test binary serve as the server's query engine.
func TestMain(m *testing.M) {
	MaybeRunEngine()
	os.Exit(m.Run())
}
