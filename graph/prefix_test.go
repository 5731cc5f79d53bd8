package graph

import (
	"context"
	"errors"
	"testing"
)

func TestExpandPrefixes(t *testing.T) {
	for in, want := range map[string]string{
		`g.V("<pk:caofeidian>").Out("<pkv:part_of>")`:        `g.V("<https://policykg.org/id/caofeidian>").Out("<https://policykg.org/vocab#part_of>")`,
		`{ nodes(<rdf:type>: <pkv:City>) { <rdfs:label> } }`: `{ nodes(<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>: <https://policykg.org/vocab#City>) { <http://www.w3.org/2000/01/rdf-schema#label> } }`,
		`<pkd:scio#s1.rule>`:                                 `<https://policykg.org/doc/scio#s1.rule>`,
		`<https://example.org/x>`:                            `<https://example.org/x>`,
		`<ex:thing> "pk:loose"`:                              `<ex:thing> "pk:loose"`,
		`a < pk:b > c`:                                       `a < pk:b > c`,
	} {
		if got := ExpandPrefixes(in); got != want {
			t.Errorf("ExpandPrefixes(%q)\n got %q\nwant %q", in, got, want)
		}
	}
}

func TestLookupAndResolve(t *testing.T) {
	ctx := context.Background()
	s := MustOpen(t)
	if _, err := s.ReplaceDocument(ctx, sample("doc-a", "Caofeidian district of Tangshan city.")); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"Caofeidian": "label", "caofeidian DISTRICT": "alias", "pk:tangshan": "iri",
		"<https://policykg.org/id/hebei>": "iri", "hebei": "label",
	} {
		refs, err := s.Lookup(ctx, name)
		if err != nil || len(refs) != 1 || refs[0].Via != want {
			t.Errorf("Lookup(%q): got %+v, %v; want one match by %s", name, refs, err, want)
		}
	}
	r, err := s.Resolve(ctx, "Caofeidian district")
	if err != nil || r.IRI != "https://policykg.org/id/caofeidian" || r.Label != "Caofeidian" || r.Type != "District" {
		t.Errorf("Resolve: got %+v, %v", r, err)
	}
	if _, err := s.Resolve(ctx, "pk:atlantis"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Resolve(pk:atlantis): got %v, want ErrNotFound", err)
	}
	// Two entities with the same label are ambiguous.
	ex := sample("doc-b", "Another Caofeidian.")
	ex.Entities[0].ID = "caofeidian-2"
	ex.Facts, ex.Metrics, ex.Mentions = nil, nil, nil
	if _, err := s.ReplaceDocument(ctx, ex); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Resolve(ctx, "Caofeidian"); !errors.Is(err, ErrAmbiguous) {
		t.Errorf("Resolve of a shared label: got %v, want ErrAmbiguous", err)
	}
}
