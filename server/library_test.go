package server

import (
	"net/url"
	"strings"
	"testing"
)

func TestCannedQueryRoutes(t *testing.T) {
	_, ts := MustServer(t, MustStore(t), testPlugins(t))
	list := do(t, "GET", ts.URL+"/api/queries", "")
	if list.status != 200 {
		t.Fatalf("/api/queries: %d %s", list.status, list.body)
	}
	items, _ := list.json(t)["result"].([]any)
	names := map[string]bool{}
	for _, it := range items {
		m := it.(map[string]any)
		names[m["name"].(string)] = true
		if m["title"] == "" || m["lang"] == "" {
			t.Errorf("canned query without title or language: %v", m)
		}
	}
	if len(names) < 12 || !names["parents"] || !names["hierarchy"] {
		t.Errorf("/api/queries lists %v, want at least 12 including parents and hierarchy", names)
	}

	// A name or alias resolves to the entity; the answers are the parents.
	a := do(t, "GET", ts.URL+"/api/queries/parents?place="+url.QueryEscape("Caofeidian district"), "")
	if a.status != 200 || !strings.Contains(a.body, "https://policykg.org/id/tangshan") || !strings.Contains(a.body, "https://policykg.org/id/hebei") {
		t.Errorf("parents of Caofeidian: %d %s, want Tangshan and Hebei", a.status, a.body)
	}
	wantError(t, do(t, "GET", ts.URL+"/api/queries/no-such-question", ""), 404, "unknown canned query")
	wantError(t, do(t, "GET", ts.URL+"/api/queries/parents?colour=red", ""), 400, "unknown parameter")
	wantError(t, do(t, "GET", ts.URL+"/api/queries/parents?place=Atlantis", ""), 404, "unknown place")
}
