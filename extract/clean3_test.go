package extract

import (
	"testing"

	"github.com/policykg/policykg/ontology"
)

func TestCleanOutletsAndBylines(t *testing.T) {
	page := "Source: Xinhua | 2025-05-02 10:00:00 | Editor: huaxia\n\n" +
		"WUHAN, May 2 (Xinhua) -- Wuhan opened a new port.\n\n" +
		"Phoenix TV:\n\nWhat are the plans for the port?\n\n" +
		"Li Ming:\n\nThank you.\n\n[Editor: Sun Hao]\n"
	got := map[string]blockKind{}
	for _, b := range clean(page) {
		got[b.text] = b.kind
	}
	for text, kind := range map[string]blockKind{"Xinhua": label, "Phoenix TV": asker, "Li Ming": speaker, "Editor Sun Hao": label} {
		if k, ok := got[text]; !ok || k != kind {
			t.Errorf("block %q: got kind %d (present %v), want %d; blocks %v", text, k, ok, kind, got)
		}
	}
	if _, ok := got["Editor: huaxia"]; ok {
		t.Errorf("a handle byline became a block: %v", got)
	}
	x := mustNew(t)
	ex, err := x.Extract(ontology.Document{ID: "clean3"}, []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"Xinhua": "Organization", "Phoenix TV": "Organization", "Sun Hao": "Person"}
	for _, e := range ex.Entities {
		if w, ok := want[e.Name]; ok && string(e.Type) == w {
			delete(want, e.Name)
		}
	}
	if len(want) > 0 {
		t.Errorf("missing entities %v", want)
	}
}

// TestAskerThroughItsReporter reads the outlet of a questioner's label that
// names the outlet's reporter, and only the outlet.
func TestAskerThroughItsReporter(t *testing.T) {
	x := mustNew(t)
	for label, outlet := range map[string]string{
		"Reporter from China Daily":            "China Daily",
		"CCTV reporter":                        "CCTV",
		"Correspondent of the Financial Times": "Financial Times",
		"Journalist with Jiangxi Radio and TV": "Jiangxi Radio and TV",
		"Shenzhen Economic Daily":              "Shenzhen Economic Daily",
	} {
		page := "Wu Hao:\n\nThe port opened in May.\n\n" + label + ":\n\nWhat are the plans for the port?\n\nWu Hao:\n\nThank you.\n"
		ex, err := x.Extract(ontology.Document{ID: "asker"}, []byte(page))
		if err != nil {
			t.Fatal(err)
		}
		var orgs []string
		for _, e := range ex.Entities {
			if e.Type == ontology.Organization {
				orgs = append(orgs, e.Name)
			}
		}
		if len(orgs) != 1 || orgs[0] != outlet {
			t.Errorf("label %q: organizations %q, want just %q", label, orgs, outlet)
		}
	}
}
