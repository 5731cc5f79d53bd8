package server

import "testing"

// testPlugins returns a Config with the real canned queries and exporters.
func testPlugins(t *testing.T) Config {
	t.Helper()
	return Config{Catalogue: Library{}}
}
