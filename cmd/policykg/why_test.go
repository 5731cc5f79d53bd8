package main

import (
	"errors"
	"strings"
	"testing"

	"github.com/policykg/policykg/graph"
)

func TestWhyPrintsEachSentenceWithDocumentAndRule(t *testing.T) {
	db := mustSeedStore(t)
	out := mustRunDB(t, db, "why", "Caofeidian", "part_of", "Tangshan city")
	for _, want := range []string{
		"Caofeidian part_of Tangshan: 2 piece(s) of evidence",
		"1. SCIO press conference on forging ahead on a journey of high-quality development in the new era (page 4 of 11) (scio-hebei-2024-p4), 2024-04-29\n   reference source, rule gazetteer\n   \"GB/T 2260 administrative divisions\"",
		"2. SCIO press conference",
		"   sentence 17, rule x-district-of-y\n   \"Caofeidian district of Tangshan city is positioned with a port",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("why: missing %q in\n%s", want, out)
		}
	}
	// Symmetric predicates hold either way round; IRIs and aliases work.
	out = mustRunDB(t, db, "why", "pk:beijing", "pkv:cooperates_with", "<https://policykg.org/id/caofeidian>")
	if !strings.Contains(out, "rule working-with") {
		t.Errorf("why Beijing cooperates_with Caofeidian: got\n%s", out)
	}
	_, _, err := runDB(t, db, "", "why", "Tangshan", "part_of", "Caofeidian")
	if !errors.Is(err, graph.ErrNotFound) || !strings.Contains(err.Error(), "Tangshan part_of Caofeidian") {
		t.Errorf("a fact not in the store: got %v", err)
	}
}

func TestShowPrintsTheEntityCard(t *testing.T) {
	db := mustSeedStore(t)
	out := mustRunDB(t, db, "show", "Xiongan")
	for _, want := range []string{
		"Xiong'an New Area  (NewArea, pk:xiongan-new-area)\n",
		"aliases: Xiong'an; Xiongan\n",
		"codes: NA19\n",
		"parents: Hebei < China\n",
		"  part_of: Hebei [1]\n",
		"  recipient_of: Beijing non-capital functions [2]\n",
		"  <- transfers_to: Beijing [1]\n",
		"  150 companies  unit companies\n    xiongan-2023 s2: \"Some 150 companies have moved from Beijing to Xiong'an.\"\n",
		"  scio-hebei-2024-p4  2024-04-29  SCIO press conference",
		"  xiongan-2023  2023-04-01  Xiong'an New Area takes shape\n",
		"evidence: 4 facts, 5 pieces of evidence (5 from sentences), 2 documents\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("show: missing %q in\n%s", want, out)
		}
	}
	out = mustRunDB(t, db, "show", "hebei province")
	if !strings.Contains(out, "children: Langfang, Tangshan, Xiong'an New Area\n") {
		t.Errorf("show Hebei: got\n%s", out)
	}
	if _, _, err := runDB(t, db, "", "show", "Atlantis"); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("show Atlantis: got %v, want ErrNotFound", err)
	}
}

func TestLookupByLabelAliasAndIRI(t *testing.T) {
	db := mustSeedStore(t)
	out := mustRunDB(t, db, "lookup", "XIONGAN", "Caofeidian District", "pk:hebei", "tangshan")
	for _, want := range []string{
		"pk:xiongan-new-area  Xiong'an New Area  NewArea   alias\n",
		"pk:caofeidian        Caofeidian         District  alias\n",
		"pk:hebei             Hebei              Province  iri\n",
		"pk:tangshan          Tangshan           City      label\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("lookup: missing %q in\n%s", want, out)
		}
	}
	if _, _, err := runDB(t, db, "", "lookup", "Atlantis"); err == nil || !strings.Contains(err.Error(), `no entity called "Atlantis"`) {
		t.Errorf("lookup Atlantis: got %v", err)
	}
}
