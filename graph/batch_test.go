package graph

import (
	"context"
	"fmt"
	"testing"

	"github.com/policykg/policykg/ontology"
)

// TestBatchedDocumentsCountNodesExactly writes documents that share
// entities in one batch, and then in a batch whose IDs hold "#" (where the
// deltas are deduplicated, since labels made of them could coincide), and
// removes them all: the store must be empty again, every node's reference
// count having reached zero. A quad put into a batch twice would leave its
// nodes counted once too often, and so in the store.
func TestBatchedDocumentsCountNodesExactly(t *testing.T) {
	ctx := context.Background()
	for _, ids := range [][]ontology.DocumentID{{"doc-a", "doc-b", "doc-c"}, {"doc-a", "doc-a#x", "doc-b"}} {
		s := MustOpen(t)
		var batch []ontology.Extraction
		for i, id := range ids {
			batch = append(batch, sample(id, fmt.Sprintf("Caofeidian district of Tangshan city has port number %d.", i)))
		}
		for _, w := range s.ReplaceDocuments(ctx, batch) {
			if w.Err != nil {
				t.Fatal(w.Err)
			}
		}
		if st := mustStats(t, s); st.Documents != int64(len(ids)) {
			t.Fatalf("%v: %d documents stored, want %d", ids, st.Documents, len(ids))
		}
		for _, id := range ids {
			if _, err := s.RemoveDocument(ctx, id); err != nil {
				t.Fatal(err)
			}
		}
		if st := mustStats(t, s); st.Quads != 0 || st.Nodes != 0 {
			t.Errorf("%v: after removing every document the store holds %d quads and %d nodes, want none", ids, st.Quads, st.Nodes)
		}
	}
}
